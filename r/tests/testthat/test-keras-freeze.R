freeze_model <- function() {
  keras_model_sequential() %>%
    layer_dense(32, input_shape = 784, name = "input") %>%
    layer_activation("relu", name = "relu_activation") %>%
    layer_dense(10, name = "dense") %>%
    layer_activation("softmax", name = "softmax_activation")
}

test_that("whole-model freezing and unfreezing", {
  model <- freeze_model()
  expect_invisible(freeze_weights(model))
  expect_length(model$trainable_weights, 0)
  unfreeze_weights(model)
  expect_length(model$trainable_weights, 4)
})

test_that("a range by position or name is frozen and the other layers unfrozen", {
  model <- freeze_model()
  freeze_weights(model, from = 2, to = 3)
  expect_length(model$trainable_weights, 2)
  expect_equal(vapply(model$layers, function(l) l$trainable, NA), c(TRUE, FALSE, FALSE, TRUE))
  freeze_weights(model, from = "dense")
  expect_equal(vapply(model$layers, function(l) l$trainable, NA), c(TRUE, TRUE, FALSE, FALSE))
  unfreeze_weights(model, from = "dense")
  expect_equal(vapply(model$layers, function(l) l$trainable, NA), c(FALSE, FALSE, TRUE, TRUE))
})

test_that("frozen weights stay put in training; bad ranges are refused", {
  model <- freeze_model()
  freeze_weights(model, to = "relu_activation")
  model %>% compile(optimizer = "sgd", loss = "categorical_crossentropy")
  before <- get_weights(model)
  x <- matrix(runif(8 * 784), 8)
  model %>% fit(x, diag(10)[1:8, ], epochs = 1, verbose = 0)
  after <- get_weights(model)
  expect_equal(after[[1]], before[[1]])
  expect_false(isTRUE(all.equal(after[[3]], before[[3]])))
  expect_error(freeze_weights(model, from = "nope"), class = "python.builtin.ValueError")
  expect_error(freeze_weights(model, from = 3, to = 1), "`to`")
  expect_error(freeze_weights(model, from = NA), class = "python.builtin.ValueError")
})
