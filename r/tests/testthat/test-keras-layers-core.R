test_that("layer_permute and layer_repeat_vector move values as aperm() and rep() do", {
  x <- array(as.numeric(1:24), c(2, 3, 4))
  out <- layer_permute(x, dims = c(2, 1))$numpy()
  expect_equal(out, aperm(x, c(1, 3, 2)))
  m <- matrix(c(1, 2, 3, 4, 5, 6), 2)
  rep3 <- layer_repeat_vector(m, 3)$numpy()
  expect_equal(dim(rep3), c(2L, 3L, 3L))
  for (k in 1:3) expect_equal(rep3[, k, ], m)
  expect_error(layer_permute(dims = c(1, 1)), class = "python.builtin.ValueError")
  expect_error(layer_repeat_vector(n = 0), class = "python.builtin.ValueError")
  expect_error(layer_permute(dims = c(1, NA)), class = "python.builtin.ValueError")
})

test_that("layer_activity_regularization adds Keras 2's penalty, summed over the batch", {
  x <- matrix(c(1, 3, -2, 0.5), 2)
  layer <- layer_activity_regularization(l1 = 0.1, l2 = 0.01)
  expect_equal(layer(x)$numpy(), x)
  expect_length(layer$losses, 1)
  expect_equal(as.numeric(layer$losses[[1]]$numpy()), 0.1 * sum(abs(x)) + 0.01 * sum(x^2), tolerance = 1e-6)
  expect_error(layer_activity_regularization(l2 = -1), class = "python.builtin.ValueError")
})

test_that("layer_masking zeroes masked steps and an LSTM behind it skips them", {
  set.seed(4)
  x <- array(rnorm(1 * 3 * 2), c(1, 3, 2))
  x[1, 3, ] <- 0
  inputs <- layer_input(shape = c(3, 2))
  lstm <- layer_lstm(units = 2)
  masked <- keras_model(inputs, inputs %>% layer_masking() %>% lstm)
  plain <- layer_lstm(units = 2)
  plain(x[, 1:2, , drop = FALSE])
  set_weights(plain, get_weights(lstm))
  expect_equal(masked(x)$numpy(), plain(x[, 1:2, , drop = FALSE])$numpy(), tolerance = 1e-6)
  expect_error(layer_masking(mask_value = "zero"), class = "python.builtin.ValueError")
})

test_that("layer_dense takes keras 2.2.4's arguments; batch_size fixes a sequential model's batch", {
  layer <- layer_dense(units = 2, kernel_regularizer = regularizer_l2(0.5))
  layer$build(list(NULL, 3L))
  kernel <- matrix(c(1, 2, 3, 4, 5, 6), 3)
  set_weights(layer, list(kernel, c(0, 0)))
  expect_equal(as.numeric(layer$losses[[1]]$numpy()), 0.5 * sum(kernel^2), tolerance = 1e-6)
  model <- keras_model_sequential() %>% layer_dense(units = 2, input_shape = 3, batch_size = 4)
  expect_equal(model$input_shape, list(4L, 3L))
})

test_that("layer_dense_features concatenates feature columns, sorted by name", {
  fc <- list(tf$feature_column$numeric_column("mpg"), tf$feature_column$numeric_column("hp"))
  out <- layer_dense_features(list(mpg = matrix(c(21, 30)), hp = matrix(c(110, 52))), feature_columns = fc)
  expect_equal(out$numpy(), cbind(c(110, 52), c(21, 30)))
  symbolic <- list(mpg = layer_input(1)) %>% layer_dense_features(feature_columns = fc[1])
  expect_equal(symbolic$shape, list(NULL, 1L))
  expect_error(layer_dense_features(feature_columns = list(1)), class = "python.builtin.TypeError")
})
