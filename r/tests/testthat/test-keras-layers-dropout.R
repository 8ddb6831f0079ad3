whole_channels <- function(out, x, rate, channel_margin) {
  # per sample and channel, every position is either 0 or x / (1 - rate)
  zero <- apply(out == 0, channel_margin, all)
  scaled <- apply(abs(out - x / (1 - rate)) < 1e-5, channel_margin, all)
  list(ok = all(xor(zero, scaled)), dropped = mean(zero))
}

test_that("spatial dropout drops whole channels while training, in every dimension", {
  x <- array(runif(100 * 6 * 40, 1, 2), c(100, 6, 40))
  layer <- layer_spatial_dropout_1d(rate = 0.25)
  expect_equal(layer(x)$numpy(), x, tolerance = 1e-6)
  res <- whole_channels(layer(x, training = TRUE)$numpy(), x, 0.25, c(1, 3))
  expect_true(res$ok)
  expect_lt(abs(res$dropped - 0.25), 0.04)
  img <- array(runif(40 * 3 * 3 * 20, 1, 2), c(40, 3, 3, 20))
  expect_true(whole_channels(layer_spatial_dropout_2d(rate = 0.5)(img, training = TRUE)$numpy(), img, 0.5,
                             c(1, 4))$ok)
  first <- aperm(img, c(1, 4, 2, 3))
  out <- layer_spatial_dropout_2d(rate = 0.5, data_format = "channels_first")(first, training = TRUE)$numpy()
  expect_true(whole_channels(out, first, 0.5, c(1, 2))$ok)
  vol <- array(runif(20 * 2 * 2 * 2 * 10, 1, 2), c(20, 2, 2, 2, 10))
  expect_true(whole_channels(layer_spatial_dropout_3d(rate = 0.2)(vol, training = TRUE)$numpy(), vol, 0.2,
                             c(1, 5))$ok)
})

test_that("layer_dropout takes keras 2.2.4's arguments (noise_shape, seed, input_shape)", {
  x <- matrix(1, 200, 50)
  out <- layer_dropout(rate = 0.5, noise_shape = c(200, 1), seed = 3)(x, training = TRUE)$numpy()
  expect_true(all(apply(out, 1, function(r) all(r == 0) || all(r == 2))))
  model <- keras_model_sequential() %>% layer_dropout(rate = 0.5, input_shape = c(3))
  expect_equal(model$input_shape, list(NULL, 3L))
})

test_that("spatial dropout composes with sequential models; bad rates are refused", {
  model <- keras_model_sequential() %>% layer_dense(32, input_shape = c(784)) %>%
    layer_reshape(target_shape = c(2, 2, 2, 4)) %>% layer_spatial_dropout_3d(rate = 0.5)
  expect_equal(model$output_shape, list(NULL, 2L, 2L, 2L, 4L))
  expect_error(layer_spatial_dropout_1d(rate = 1), "Received: rate=1", class = "python.builtin.ValueError")
  expect_error(layer_spatial_dropout_2d(), "rate", class = "python.builtin.ValueError")
  expect_error(layer_spatial_dropout_3d(rate = NA), class = "python.builtin.ValueError")
})
