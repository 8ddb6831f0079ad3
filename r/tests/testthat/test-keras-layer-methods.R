test_that("get_config/from_config round-trip layers and models, the class travelling as an attribute", {
  layer <- layer_dense(units = 64, name = "hidden")
  config <- get_config(layer)
  expect_equal(config$units, 64L)
  expect_false(is.null(attr(config, "config_class")))
  copy <- from_config(config)
  expect_equal(copy$units, 64L)
  inputs <- layer_input(shape = c(8))
  outputs <- inputs %>% layer_dense(units = 4, activation = "relu") %>% layer_dense(units = 2)
  for (model in list(keras_model(inputs, outputs),
                     keras_model_sequential() %>% layer_dense(units = 4, input_shape = 8) %>% layer_dense(2))) {
    copy <- from_config(get_config(model))
    expect_equal(count_params(copy), count_params(model))
    set_weights(copy, get_weights(model))
    x <- matrix(seq(-1, 1, length.out = 24), 3)
    expect_equal(copy(x)$numpy(), model(x)$numpy(), tolerance = 1e-6)
  }
  expect_error(get_config("dense"), class = "python.builtin.TypeError")
})

test_that("count_params counts weights; node functions count calls from 1", {
  model <- keras_model_sequential() %>% layer_dense(32, input_shape = 784) %>% layer_activation("relu")
  expect_equal(count_params(model), 784 * 32 + 32)
  expect_equal(count_params(model$layers[[2]]), 0)
  expect_error(count_params(layer_dense(units = 2)), class = "python.builtin.ValueError")
  a <- layer_input(shape = c(3)); b <- layer_input(shape = c(5, 3))
  shared <- layer_dense(units = 2)
  out_b <- { shared(a); shared(b) }
  expect_equal(get_input_shape_at(shared, 1), list(NULL, 3L))
  expect_equal(get_output_shape_at(shared, 2), list(NULL, 5L, 2L))
  expect_equal(get_output_at(shared, 2)$name, out_b$name)
  expect_null(get_input_mask_at(shared, 1))
  expect_error(get_input_at(shared, 3), class = "python.builtin.ValueError")
  expect_error(get_input_at(shared, NA), class = "python.builtin.ValueError")
  masking <- layer_masking()
  lstm <- layer_lstm(units = 2)
  layer_input(shape = c(4, 2)) %>% masking %>% lstm
  expect_equal(get_input_mask_at(lstm, 1)$shape, list(NULL, 4L))
  expect_null(get_output_mask_at(lstm, 1))
})

test_that("reset_states zeroes a stateful LSTM's state", {
  model <- keras_model_sequential() %>%
    layer_lstm(units = 3, input_shape = c(4, 2), batch_size = 2, stateful = TRUE)
  expect_equal(model$input_shape, list(2L, 4L, 2L))
  x <- array(seq(-1, 1, length.out = 16), c(2, 4, 2))
  first <- model(x)$numpy()
  expect_false(isTRUE(all.equal(model(x)$numpy(), first)))
  reset_states(model$layers[[1]])
  expect_equal(model(x)$numpy(), first, tolerance = 1e-6)
})
