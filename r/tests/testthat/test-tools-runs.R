test_that("case_args() reads the mode flags", {
  expect_false(case_args(character())$compiled)
  expect_true(case_args("--compiled")$compiled)
  expect_true(case_args(c("--eager", "--steps", "2"))$eager)
})

test_that("step_timer() times the batches of fit()", {
  set_random_seed(1)
  model <- keras_model_sequential()
  layer_dense(model, units = 1, input_shape = 3)
  compile(model, loss = "mse", optimizer = "sgd")
  timer <- step_timer()
  expect_null(timer$seconds_per_step())
  x <- matrix(runif(60), ncol = 3)
  fit(model, x, rowSums(x), epochs = 2, batch_size = 5, verbose = 0, callbacks = list(timer))
  expect_length(timer$seconds, 8)  # 20 rows in batches of 5, two epochs
  expect_gt(timer$seconds_per_step(), 0)
})
