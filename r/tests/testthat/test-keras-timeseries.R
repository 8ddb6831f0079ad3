test_that("timeseries_generator() windows and targets, by hand", {
  data <- matrix(0:49, ncol = 1)
  gen <- timeseries_generator(data, data * 10, length = 10, sampling_rate = 2, batch_size = 2)
  expect_equal(length(gen), 20L)
  batch <- gen$`__getitem__`(0L)
  expect_equal(batch[[1]][, , 1], rbind(c(0, 2, 4, 6, 8), c(1, 3, 5, 7, 9)))
  expect_equal(batch[[2]], matrix(c(100, 110), ncol = 1))
  rev <- timeseries_generator(0:19, 0:19, length = 3, stride = 2, start_index = 2, end_index = 12, reverse = TRUE,
                              batch_size = 2)
  expect_equal(rev$`__getitem__`(0L)[[1]], rbind(c(4L, 3L, 2L), c(6L, 5L, 4L)))
})

test_that("a timeseries generator trains with fit_generator() (the conformance test)", {
  data <- matrix(1:50, nrow = 50, ncol = 1) / 50
  data_gen <- timeseries_generator(data, data, length = 10, sampling_rate = 2, batch_size = 2)
  model <- keras_model_sequential() %>% layer_flatten(input_shape = c(5, 1)) %>% layer_dense(units = 1)
  model %>% compile(optimizer = "rmsprop", loss = "mse")
  history <- model %>% fit_generator(data_gen, steps_per_epoch = 10, verbose = 0)
  expect_length(history$metrics$loss, 1)
})

test_that("bad input to timeseries_generator() names the argument", {
  expect_error(timeseries_generator(1:10, 1:9, length = 2), "targets", class = "python.builtin.ValueError")
  expect_error(timeseries_generator(1:10, 1:10, length = 20), "length", class = "python.builtin.ValueError")
  expect_error(timeseries_generator(1:10, 1:10, length = 2, batch_size = 0), "batch_size",
               class = "python.builtin.ValueError")
})
