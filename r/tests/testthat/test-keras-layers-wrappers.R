test_that("time_distributed applies one dense layer to every timestep", {
  set.seed(8)
  x <- array(rnorm(2 * 3 * 4), c(2, 3, 4))
  dense <- layer_dense(units = 2)
  out <- time_distributed(x, dense)$numpy()
  w <- get_weights(dense)
  for (t in 1:3) expect_equal(out[, t, ], x[, t, ] %*% w[[1]] + matrix(w[[2]], 2, 2, byrow = TRUE),
                              tolerance = 1e-5)
  model <- keras_model_sequential() %>% time_distributed(layer_dense(units = 8), input_shape = c(10, 16))
  expect_equal(model$output_shape, list(NULL, 10L, 8L))
  expect_error(time_distributed(layer = "dense"), class = "python.builtin.TypeError")
})

test_that("bidirectional concatenates a forward and a backward run", {
  set.seed(9)
  x <- array(rnorm(2 * 3 * 4), c(2, 3, 4))
  layer <- bidirectional(layer = layer_simple_rnn(units = 2))
  out <- layer(x)$numpy()
  run <- function(w, steps) {
    h <- matrix(0, 2, 2)
    for (t in steps) h <- tanh(x[, t, ] %*% w[[1]] + h %*% w[[2]] + matrix(w[[3]], 2, 2, byrow = TRUE))
    h
  }
  expected <- cbind(run(get_weights(layer$forward_layer), 1:3), run(get_weights(layer$backward_layer), 3:1))
  expect_equal(out, expected, tolerance = 1e-5)
  model <- keras_model_sequential() %>%
    bidirectional(layer_lstm(units = 10, return_sequences = TRUE), input_shape = c(5, 10)) %>%
    bidirectional(layer_lstm(units = 10), merge_mode = "sum")
  expect_equal(model$output_shape, list(NULL, 10L))
  expect_error(bidirectional(layer = layer_lstm(units = 2), merge_mode = "max"), class = "python.builtin.ValueError")
})

# The conformance suite's wrapper, with its weight used in call(): y = layer(x) * w.
LogScaled <- R6::R6Class("LogScaled", inherit = KerasWrapper, public = list(
  weight_shape = NULL, weight_init = NULL, custom_weight = NULL,
  initialize = function(weight_shape, weight_init) {
    self$weight_shape <- weight_shape
    self$weight_init <- weight_init
  },
  build = function(input_shape) {
    super$build(input_shape)
    self$custom_weight <- super$add_weight(name = "custom_weight", shape = self$weight_shape,
                                           initializer = self$weight_init, trainable = TRUE)
    super$add_loss(k_sum(k_log(self$custom_weight)))
  },
  call = function(inputs, mask = NULL) super$call(inputs) * self$custom_weight
))

test_that("create_wrapper: weights, a build-time loss that stays, and the wrapped output", {
  model <- keras_model_sequential()
  create_wrapper(LogScaled, model, list(layer = layer_dense(units = 3), weight_shape = shape(1),
                                        weight_init = initializer_constant(2), input_shape = shape(2)))
  wrapper <- model$layers[[1]]
  expect_length(wrapper$get_weights(), 3)
  expect_length(wrapper$losses, 1)
  expect_equal(as.numeric(wrapper$losses[[1]]$numpy()), log(2), tolerance = 1e-6)
  x <- matrix(c(1, 2, 3, 4), 2)
  w <- get_weights(wrapper$layer)
  expect_equal(model(x)$numpy(), (x %*% w[[1]] + matrix(w[[2]], 2, 3, byrow = TRUE)) * 2, tolerance = 1e-5)
  model(x)
  expect_length(model$losses, 1)
  expect_error(create_wrapper(LogScaled, args = list(weight_shape = 1)), class = "python.builtin.TypeError")
})
