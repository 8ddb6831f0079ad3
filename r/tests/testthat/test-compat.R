test_that("the article's matmul gives int32 [[50, 114], [60, 140]]", {
  m1 <- matrix(1:8, nrow = 2, ncol = 4)
  m2 <- matrix(1:8, nrow = 4, ncol = 2)
  result <- tf$matmul(m1, m2)
  expect_equal(result$dtype$name, "int32")
  expect_equal(result$numpy(), matrix(c(50L, 60L, 114L, 140L), 2))
})

test_that("TF1 names exist with TF1 defaults", {
  expect_equal(tf$train$AdamOptimizer()$epsilon, 1e-8)
  expect_true(tf$executing_eagerly())
  expect_null(tfe_enable_eager_execution(device_policy = "silent"))
  step <- tf$train$get_or_create_global_step()
  expect_equal(step$dtype$name, "int64")
  expect_equal(tf$losses$mean_squared_error(matrix(c(1, 2)), tf$constant(matrix(c(1.5, 3))))$numpy(), 0.625)
})

test_that("R NA is refused by name instead of becoming -2147483648 or True", {
  expect_error(tf$constant(c(1L, NA)), class = "python.builtin.ValueError")
  expect_error(tf$constant(c(TRUE, NA)), class = "python.builtin.ValueError")
  expect_error(tf$constant(c(1, NA_real_)), class = "python.builtin.ValueError")
  expect_error(tf$constant(NA_character_), class = "python.builtin.ValueError")
  err <- tryCatch(tf$reshape(tensor = c(1L, NA), shape = 2L), error = function(e) e)
  expect_match(err$python_message, "`tensor`", fixed = TRUE)
  err <- tryCatch(test_py()$identity(list(1, list(2, NA))), error = function(e) e)
  expect_match(err$python_message, "`..1[[2]][[2]]`", fixed = TRUE)
  # NaN is a legitimate double and passes
  expect_true(is.nan(tf$constant(c(1, NaN))$numpy()[2]))
})

test_that("Python exceptions arrive as classed conditions with message and traceback", {
  err <- tryCatch(test_py()$raise_value_error(2), error = function(e) e)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_s3_class(err, "python.builtin.Exception")
  expect_s3_class(err, "error")
  expect_equal(err$python_type, "ValueError")
  expect_match(err$python_message, "bad x: 2")
  expect_true(length(err$python_traceback) >= 1)
  expect_error(tf$reshape(tf$constant(1:6), c(4L, 4L)),
               class = "tensorflow.python.framework.errors_impl.InvalidArgumentError")
})
