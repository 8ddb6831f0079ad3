hard_sigmoid_2018 <- function(z) pmin(pmax(0.2 * z + 0.5, 0), 1)

conv_model <- function(shape) {
  keras_model_sequential() %>% layer_dense(32, input_shape = c(784)) %>% layer_reshape(target_shape = shape)
}

test_that("layer_conv_1d computes a valid and a causal convolution with known weights", {
  set.seed(1)
  x <- array(rnorm(2 * 6 * 3), c(2, 6, 3))
  w <- array(rnorm(2 * 3 * 4), c(2, 3, 4))
  b <- rnorm(4)
  conv <- function(x, dilation = 1) {
    n <- dim(x)[2] - dilation
    out <- array(0, c(2, n, 4))
    for (t in seq_len(n)) for (f in 1:4)
      out[, t, f] <- x[, t, ] %*% w[1, , f] + x[, t + dilation, ] %*% w[2, , f] + b[f]
    out
  }
  layer <- layer_conv_1d(filters = 4, kernel_size = 2)
  layer$build(dim(x))
  set_weights(layer, list(w, b))
  expect_equal(layer(x)$numpy(), conv(x), tolerance = 1e-5)
  causal <- layer_conv_1d(filters = 4, kernel_size = 2, padding = "causal", dilation_rate = 2)
  causal$build(dim(x))
  set_weights(causal, list(w, b))
  padded <- array(0, c(2, 8, 3))
  padded[, 3:8, ] <- x
  expect_equal(causal(x)$numpy(), conv(padded, dilation = 2), tolerance = 1e-5)
})

test_that("keras 2.2.4's layer tests build these layers in sequential models", {
  expect_equal((conv_model(c(2, 16)) %>% layer_conv_1d(filters = 3, kernel_size = 2))$output_shape,
               list(NULL, 1L, 3L))
  expect_equal((conv_model(c(2, 2, 2, 4)) %>% layer_conv_3d(filters = 3, kernel_size = c(2, 2, 2)))$output_shape,
               list(NULL, 1L, 1L, 1L, 3L))
  model <- conv_model(c(2, 2, 2, 4)) %>% layer_conv_3d_transpose(filters = 3, kernel_size = c(2, 2, 2))
  expect_equal(model$output_shape, list(NULL, 3L, 3L, 3L, 3L))
  expect_equal((conv_model(c(2, 4, 4)) %>% layer_separable_conv_2d(filters = 4, kernel_size = c(2, 2)))$output_shape,
               list(NULL, 1L, 3L, 4L))
  expect_equal((conv_model(c(4, 8)) %>% layer_separable_conv_1d(filters = 4, kernel_size = 4))$output_shape,
               list(NULL, 1L, 4L))
  expect_equal((conv_model(c(2, 4, 4)) %>% layer_depthwise_conv_2d(kernel_size = c(2, 2)))$output_shape,
               list(NULL, 1L, 3L, 4L))
  expect_equal((conv_model(c(2, 4, 2, 2)) %>% layer_upsampling_3d())$output_shape, list(NULL, 4L, 8L, 4L, 2L))
  expect_equal((conv_model(c(2, 4, 2, 2)) %>% layer_zero_padding_3d())$output_shape, list(NULL, 4L, 6L, 4L, 2L))
  # cropping may remove a dimension entirely, as in keras 2.2.4 (Keras 3 refuses it)
  expect_equal((conv_model(c(2, 16)) %>% layer_cropping_1d())$output_shape, list(NULL, 0L, 16L))
  expect_equal((conv_model(c(2, 4, 2, 2)) %>% layer_cropping_3d())$output_shape, list(NULL, 0L, 2L, 0L, 2L))
})

test_that("depthwise and separable convolutions match their definition", {
  set.seed(2)
  x <- array(rnorm(1 * 4 * 4 * 2), c(1, 4, 4, 2))
  dw <- array(rnorm(2 * 2 * 2 * 1), c(2, 2, 2, 1))
  pw <- array(rnorm(1 * 1 * 2 * 3), c(1, 1, 2, 3))
  depth <- array(0, c(1, 3, 3, 2))
  for (i in 1:3) for (j in 1:3) for (ch in 1:2)
    depth[1, i, j, ch] <- sum(x[1, i:(i + 1), j:(j + 1), ch] * dw[, , ch, 1])
  layer <- layer_depthwise_conv_2d(kernel_size = 2, use_bias = FALSE)
  layer$build(dim(x))
  set_weights(layer, list(dw))
  expect_equal(layer(x)$numpy(), depth, tolerance = 1e-5)
  sep <- layer_separable_conv_2d(filters = 3, kernel_size = c(2, 2), use_bias = FALSE)
  sep$build(dim(x))
  set_weights(sep, list(dw, pw))
  expected <- array(0, c(1, 3, 3, 3))
  for (i in 1:3) for (j in 1:3) expected[1, i, j, ] <- depth[1, i, j, ] %*% pw[1, 1, , ]
  expect_equal(sep(x)$numpy(), expected, tolerance = 1e-5)
})

test_that("layer_upsampling_2d: nearest repeats, bilinear is Keras 2's (no half-pixel centres)", {
  img <- array((0:11)^2, c(1, 3, 4, 1))
  near <- layer_upsampling_2d(img, size = c(2, 3))$numpy()[1, , , 1]
  expect_equal(near, img[1, rep(1:3, each = 2), rep(1:4, each = 3), 1])
  legacy <- function(n, f) {  # interpolation weights: output i samples input i / f
    src <- (seq_len(n * f) - 1) / f
    lo <- floor(src)
    hi <- pmin(lo + 1, n - 1)
    m <- matrix(0, n * f, n)
    m[cbind(seq_along(src), lo + 1)] <- 1 - (src - lo)
    m[cbind(seq_along(src), hi + 1)] <- m[cbind(seq_along(src), hi + 1)] + (src - lo)
    m
  }
  expected <- legacy(3, 2) %*% img[1, , , 1] %*% t(legacy(4, 3))
  bilinear <- layer_upsampling_2d(img, size = c(2, 3), interpolation = "bilinear")$numpy()[1, , , 1]
  expect_equal(bilinear, expected, tolerance = 1e-5)
  expect_equal(layer_upsampling_1d(array(1:6, c(1, 3, 2)), size = 2)$numpy()[1, , ],
               matrix(1:6, 3, 2)[c(1, 1, 2, 2, 3, 3), ])
  expect_error(layer_upsampling_2d(interpolation = "bicubic"), "Received: interpolation='bicubic'",
               class = "python.builtin.ValueError")
})

test_that("zero padding and cropping take integers, vectors and lists of pairs", {
  x <- array(as.numeric(1:6), c(1, 3, 2))
  expect_equal(layer_zero_padding_1d(x, padding = c(2, 0))$numpy()[1, , ], rbind(0, 0, matrix(1:6, 3, 2)))
  expect_equal(layer_cropping_1d(x, cropping = c(0, 1))$numpy()[1, , ], matrix(1:6, 3, 2)[1:2, ])
  img <- array(as.numeric(1:30), c(1, 5, 6, 1))
  cropped <- layer_cropping_2d(img, cropping = list(c(1, 0), c(2, 3)))$numpy()
  expect_equal(dim(cropped), c(1L, 4L, 1L, 1L))
  expect_equal(as.vector(cropped), img[1, 2:5, 3, 1])
  vol <- array(as.numeric(1:40), c(1, 4, 2, 5, 1))
  padded <- layer_zero_padding_3d(vol, padding = list(c(1, 0), c(0, 0), c(0, 2)))$numpy()
  expect_equal(dim(padded), c(1L, 5L, 2L, 7L, 1L))
  expect_equal(padded[1, 2:5, , 1:5, 1], vol[1, , , , 1])
  expect_equal(sum(padded), sum(vol))
  expect_error(layer_cropping_1d(x, cropping = c(2, 2)), "cropping", class = "python.builtin.ValueError")
  expect_error(layer_zero_padding_3d(padding = list(c(1, 1), c(1, 1))), "Received: padding=",
               class = "python.builtin.ValueError")
})

test_that("layer_conv_lstm_2d with 1x1 kernels is an LSTM per pixel with the 2018 hard sigmoid", {
  set.seed(3)
  x <- array(rnorm(2 * 2 * 1 * 1 * 3), c(2, 2, 1, 1, 3))
  layer <- layer_conv_lstm_2d(filters = 2, kernel_size = c(1, 1))
  out <- layer(x)$numpy()
  w <- get_weights(layer)
  h <- matrix(0, 2, 2)
  cell <- matrix(0, 2, 2)
  for (t in 1:2) {
    z <- x[, t, 1, 1, ] %*% w[[1]][1, 1, , ] + h %*% w[[2]][1, 1, , ] + matrix(w[[3]], 2, 8, byrow = TRUE)
    cell <- hard_sigmoid_2018(z[, 3:4]) * cell + hard_sigmoid_2018(z[, 1:2]) * tanh(z[, 5:6])
    h <- hard_sigmoid_2018(z[, 7:8]) * tanh(cell)
  }
  expect_equal(out[, 1, 1, ], h, tolerance = 1e-5)
})

test_that("bad arguments raise classed errors naming the argument; NA is refused", {
  expect_error(layer_conv_1d(filters = 0, kernel_size = 2), "Received: filters=0", class = "python.builtin.ValueError")
  expect_error(layer_conv_3d(filters = 1), "kernel_size", class = "python.builtin.ValueError")
  expect_error(layer_conv_3d(filters = 1, kernel_size = c(2, 2)), "kernel_size", class = "python.builtin.ValueError")
  expect_error(layer_conv_2d(filters = 1, kernel_size = 2, strides = 2, dilation_rate = 2), "dilation_rate",
               class = "python.builtin.ValueError")
  expect_error(layer_conv_1d(filters = 1, kernel_size = 2, padding = "full"), "Received: padding='full'",
               class = "python.builtin.ValueError")
  expect_error(layer_separable_conv_2d(filters = 1, kernel_size = 2, data_format = "NHWC"), "data_format",
               class = "python.builtin.ValueError")
  expect_error(layer_conv_1d(filters = NA, kernel_size = 2), class = "python.builtin.ValueError")
  expect_error(layer_conv_lstm_2d(filters = 2, kernel_size = 1, dropout = 1), "dropout",
               class = "python.builtin.ValueError")
})
