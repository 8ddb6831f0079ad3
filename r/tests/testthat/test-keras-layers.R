hard_sigmoid_2018 <- function(z) pmin(pmax(0.2 * z + 0.5, 0), 1)

test_that("layer_input and common arguments take R doubles", {
  expect_equal(layer_input(shape = c(3))$shape, list(NULL, 3L))
  expect_equal(layer_input(shape = list(NULL, 8))$shape, list(NULL, NULL, 8L))
  expect_error(layer_input(shape = 2.5), class = "python.builtin.ValueError")
  model <- keras_model_sequential() %>%
    layer_dense(units = 2, input_shape = c(3), name = "first", trainable = FALSE)
  expect_equal(model$input_shape, list(NULL, 3L))
  expect_false(get_layer(model, index = 1)$trainable)
  layer <- layer_dense(units = 1, input_shape = 2, weights = list(matrix(c(1, 2), 2, 1), 0.5))
  expect_equal(layer(matrix(c(1, 1), 1))$numpy(), matrix(3.5))
})

test_that("layer_embedding looks up rows; input_length gives a sequential model its input", {
  table <- matrix(as.numeric(1:12), 4, 3)
  layer <- layer_embedding(input_dim = 4, output_dim = 3)
  layer$build(list(NULL))
  set_weights(layer, list(table))
  out <- layer(matrix(c(3L, 0L), 1))$numpy()
  expect_equal(out[1, , ], table[c(4, 1), ])
  model <- keras_model_sequential() %>%
    layer_embedding(input_dim = 10, output_dim = 4, input_length = 5) %>%
    layer_flatten() %>%
    layer_dense(units = 1)
  expect_equal(model$output_shape, list(NULL, 1L))
  expect_error(layer_embedding(input_dim = 4, output_dim = 0), class = "python.builtin.ValueError")
})

test_that("layer_gru defaults to the 2018 math: hard sigmoid (slope 0.2) and reset_after = FALSE", {
  set.seed(1)
  x <- array(rnorm(2 * 1 * 3, sd = 3), c(2, 1, 3))
  layer <- layer_gru(units = 2)
  layer(x)
  w <- get_weights(layer)
  expect_length(w[[3]], 6)  # one bias vector
  # one step from a zero state: h = (1 - z) * tanh(x W_h + b_h)
  xw <- x[, 1, ] %*% w[[1]] + matrix(w[[3]], 2, 6, byrow = TRUE)
  z <- hard_sigmoid_2018(xw[, 1:2])
  expected <- (1 - z) * tanh(xw[, 5:6])
  expect_equal(layer(x)$numpy(), expected, tolerance = 1e-5)
  res <- layer_gru(x, units = 2, return_sequences = TRUE, return_state = TRUE)
  expect_length(res, 2)
  expect_equal(res[[1]]$shape$as_list(), c(2L, 1L, 2L))
})

test_that("layer_cudnn_gru computes Keras' reset_after sigmoid GRU", {
  set.seed(2)
  x <- array(rnorm(2 * 3 * 4), c(2, 3, 4))
  layer <- layer_cudnn_gru(units = 3)
  layer(x)
  w <- get_weights(layer)
  w[[3]] <- rnorm(18)  # CuDNNGRU's bias vector of 6 * units
  set_weights(layer, w)
  keras <- reticulate::import("keras")
  reference <- keras$layers$GRU(3L, reset_after = TRUE, recurrent_activation = "sigmoid")
  reference(x)
  reference$set_weights(list(w[[1]], w[[2]], matrix(w[[3]], 2, 9, byrow = TRUE)))
  expect_equal(layer(x)$numpy(), reference(x)$numpy(), tolerance = 1e-6)
})

test_that("layer_lstm's first step matches a hand computation", {
  set.seed(3)
  x <- array(rnorm(2 * 3, sd = 3), c(2, 1, 3))
  layer <- layer_lstm(units = 2)
  layer(x)
  w <- get_weights(layer)
  expect_equal(as.numeric(w[[3]][3:4]), c(1, 1))  # unit_forget_bias
  zz <- x[, 1, ] %*% w[[1]] + matrix(w[[3]], 2, 8, byrow = TRUE)
  cell <- hard_sigmoid_2018(zz[, 1:2]) * tanh(zz[, 5:6])
  expect_equal(layer(x)$numpy(), hard_sigmoid_2018(zz[, 7:8]) * tanh(cell), tolerance = 1e-5)
})

test_that("layer_conv_2d and layer_conv_2d_transpose with known weights", {
  x <- array(0, c(1, 4, 4, 1))
  x[1, , , 1] <- matrix(0:15, 4, 4, byrow = TRUE)
  conv <- layer_conv_2d(filters = 1, kernel_size = c(2, 2), strides = c(2, 2))
  conv$build(dim(x))
  set_weights(conv, list(array(1, c(2, 2, 1, 1)), 1))
  expect_equal(conv(x)$numpy()[1, , , 1], matrix(c(11, 19, 43, 51), 2, 2, byrow = TRUE))
  expect_error(layer_conv_2d(filters = 1, kernel_size = c(1, 2, 3)), class = "python.builtin.ValueError")
  expect_error(layer_conv_2d(filters = 1.5, kernel_size = 2), class = "python.builtin.ValueError")
  deconv <- layer_conv_2d_transpose(filters = 1, kernel_size = 2, strides = 2, use_bias = FALSE)
  y <- array(c(3, 5), c(1, 2, 1, 1))
  deconv$build(dim(y))
  set_weights(deconv, list(array(1, c(2, 2, 1, 1))))
  expect_equal(deconv(y)$numpy()[1, , , 1], matrix(c(3, 3, 5, 5), 4, 2))
  up <- array(1, c(1, 7, 7, 4)) %>%
    layer_conv_2d_transpose(filters = 2, kernel_size = c(5, 5), strides = c(2, 2), padding = "same")
  expect_equal(up$shape$as_list(), c(1L, 14L, 14L, 2L))
})

test_that("layer_batch_normalization normalises in training, uses moving statistics otherwise", {
  x <- matrix(c(1, 3, 10, 30), 2, 2)
  bn <- layer_batch_normalization(epsilon = 0)
  expect_equal(bn(x, training = TRUE)$numpy(), matrix(c(-1, 1, -1, 1), 2, 2), tolerance = 1e-3)
  fresh <- layer_batch_normalization()
  expect_equal(fresh(x)$numpy(), x / sqrt(1.001), tolerance = 1e-6)
})

test_that("activation layers: relu, 2018 hard_sigmoid, leaky relu with alpha = 0.3", {
  x <- matrix(c(-10, -1, 0, 2), 1)
  expect_equal(layer_activation(x, "relu")$numpy(), matrix(c(0, 0, 0, 2), 1))
  expect_equal(layer_activation(x, "hard_sigmoid")$numpy(), hard_sigmoid_2018(x), tolerance = 1e-6)
  expect_equal(layer_activation_leaky_relu(x)$numpy(), matrix(c(-3, -0.3, 0, 2), 1), tolerance = 1e-6)
  expect_equal((x %>% layer_activation_leaky_relu(alpha = 0.2))$numpy(), matrix(c(-2, -0.2, 0, 2), 1),
               tolerance = 1e-6)
  expect_error(layer_activation_leaky_relu(alpha = -1), class = "python.builtin.ValueError")
})

test_that("flatten, reshape, zero padding and max pooling give the expected values", {
  x <- array(0:7, c(1, 2, 2, 2))
  # row-major order: the last axis varies fastest
  expect_equal(layer_flatten(x)$numpy(), matrix(as.vector(aperm(x[1, , , ], 3:1)), 1))
  reshaped <- layer_reshape(x, target_shape = c(4, -1))$numpy()
  expect_equal(dim(reshaped), c(1L, 4L, 2L))
  expect_equal(reshaped[1, , ], matrix(as.vector(aperm(x[1, , , ], 3:1)), 4, 2, byrow = TRUE))
  expect_error(layer_reshape(target_shape = c(-1, -1)), class = "python.builtin.ValueError")
  img <- array(1, c(1, 2, 2, 1))
  padded <- layer_zero_padding_2d(img)$numpy()[1, , , 1]
  expect_equal(padded, rbind(0, cbind(0, matrix(1, 2, 2), 0), 0))
  uneven <- layer_zero_padding_2d(img, padding = list(c(1, 0), c(0, 2)))$numpy()[1, , , 1]
  expect_equal(uneven, rbind(0, cbind(matrix(1, 2, 2), 0, 0)))
  m <- array(0, c(1, 4, 4, 1))
  m[1, , , 1] <- matrix(0:15, 4, 4, byrow = TRUE)
  expect_equal(layer_max_pooling_2d(m)$numpy()[1, , , 1], matrix(c(5, 13, 7, 15), 2, 2))
  expect_equal(layer_max_pooling_2d(m, pool_size = c(2, 2), strides = 1)$shape$as_list(), c(1L, 3L, 3L, 1L))
})

test_that("layer_lambda takes R functions; concatenate and dot take lists of tensors", {
  a <- matrix(c(1, 2, 3), 1)
  b <- matrix(c(4, 5, 6), 1)
  expect_equal(layer_lambda(a, f = function(x) x * 2)$numpy(), 2 * a)
  seen <- NULL
  lam <- layer_lambda(f = function(x, training = NULL) {
    seen <<- training
    x[[1]] + x[[2]]
  })
  expect_equal(lam(list(a, b), training = TRUE)$numpy(), a + b)
  expect_true(seen)
  expect_equal(layer_concatenate(list(a, b))$numpy(), cbind(a, b))
  expect_equal(layer_dot(list(a, b), axes = 1)$numpy(), matrix(32))
  expect_equal(layer_dot(list(a, b), axes = c(1, 1), normalize = TRUE)$numpy(),
               matrix(32 / sqrt(sum(a^2) * sum(b^2))), tolerance = 1e-6)
  concat <- layer_concatenate(axis = -1)
  expect_equal(concat(list(a, b))$shape$as_list(), c(1L, 6L))
  expect_error(layer_concatenate(list(a)), class = "python.builtin.ValueError")
})

test_that("layers work as self$x in keras_model_custom and accept training = when called", {
  model <- keras_model_custom(function(self) {
    self$conv <- layer_conv_2d(filters = 2, kernel_size = 3, padding = "same")
    self$bn <- layer_batch_normalization()
    self$act <- layer_activation_leaky_relu()
    self$pool <- layer_max_pooling_2d()
    self$flat <- layer_flatten()
    self$out <- layer_dense(units = 1)
    function(x, mask = NULL, training = FALSE) {
      x %>% self$conv() %>% self$bn(training = training) %>% self$act(training = training) %>%
        self$pool() %>% self$flat(training = training) %>% self$out()
    }
  })
  expect_equal(model(array(1, c(2, 4, 4, 1)), training = TRUE)$shape$as_list(), c(2L, 1L))
})
