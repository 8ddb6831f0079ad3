sigmoid <- function(z) 1 / (1 + exp(-z))

test_that("layer_simple_rnn matches tanh(x W + h U + b)", {
  set.seed(6)
  x <- array(rnorm(2 * 3 * 4), c(2, 3, 4))
  layer <- layer_simple_rnn(units = 2)
  layer(x)
  w <- get_weights(layer)
  h <- matrix(0, 2, 2)
  for (t in 1:3) h <- tanh(x[, t, ] %*% w[[1]] + h %*% w[[2]] + matrix(w[[3]], 2, 2, byrow = TRUE))
  expect_equal(layer(x)$numpy(), h, tolerance = 1e-5)
  expect_error(layer_simple_rnn(units = 0), class = "python.builtin.ValueError")
})

test_that("layer_cudnn_lstm is CuDNN's LSTM: sigmoid gates and two added bias vectors", {
  set.seed(7)
  x <- array(rnorm(2 * 2 * 3), c(2, 2, 3))
  layer <- layer_cudnn_lstm(units = 2)
  layer(x)
  w <- get_weights(layer)
  expect_equal(dim(w[[3]]), c(2L, 8L))
  expect_equal(w[[3]][2, 3:4], c(1, 1))  # unit_forget_bias, in the recurrent bias
  w[[3]] <- rnorm(16)  # CuDNNLSTM's bias vector of 8 * units
  set_weights(layer, w)
  bias <- matrix(w[[3]], 2, 8, byrow = TRUE)
  h <- cc <- matrix(0, 2, 2)
  for (t in 1:2) {
    z <- x[, t, ] %*% w[[1]] + h %*% w[[2]] + matrix(colSums(bias), 2, 8, byrow = TRUE)
    cc <- sigmoid(z[, 3:4]) * cc + sigmoid(z[, 1:2]) * tanh(z[, 5:6])
    h <- sigmoid(z[, 7:8]) * tanh(cc)
  }
  expect_equal(layer(x)$numpy(), h, tolerance = 1e-5)
  model <- keras_model_sequential() %>% layer_cudnn_lstm(units = 4, input_shape = c(5, 3))
  expect_equal(count_params(model), 4 * 4 * (3 + 4) + 8 * 4)
})
