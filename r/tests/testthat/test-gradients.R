test_that("apply_gradients() and the optimizer method take purrr::transpose pairs", {
  v <- tf$Variable(c(1, 2))
  opt <- tf$train$GradientDescentOptimizer(learning_rate = 0.5)
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_sum(tf$square(v))
  })
  grads <- tape$gradient(loss, list(v))
  apply_gradients(opt, purrr::transpose(list(grads, list(v))))
  expect_equal(as.vector(v$numpy()), c(0, 0))
})

test_that("all-NULL gradients and length mismatches give classed errors", {
  v <- tf$Variable(1)
  opt <- tf$train$AdamOptimizer()
  expect_error(opt$apply_gradients(list(list(NULL, v))), class = "python.builtin.ValueError")
  expect_error(opt$apply_gradients(list(list(1, v, 3))), class = "python.builtin.ValueError")
})

test_that("gradients and variables lists of different lengths give a classed error, not a crash", {
  v <- tf$Variable(1)
  w <- tf$Variable(2)
  opt <- tf$train$GradientDescentOptimizer(0.1)
  pairs <- suppressWarnings(purrr::transpose(list(list(tf$constant(1), tf$constant(1)), list(v))))
  expect_error(opt$apply_gradients(pairs), class = "python.builtin.ValueError")
  expect_equal(v$numpy(), 1)  # nothing applied
})
