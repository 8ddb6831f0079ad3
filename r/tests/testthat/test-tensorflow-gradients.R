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

test_that("zip_lists() pairs lists as purrr::transpose() does", {
  a <- list(1, 2, 3)
  b <- list("x", "y", "z")
  expect_identical(zip_lists(a, b), purrr::transpose(list(a, b)))
  expect_identical(zip_lists(list(a, b)), purrr::transpose(list(a, b)))
  expect_identical(zip_lists(1:2, c("p", "q")), list(list(1L, "p"), list(2L, "q")))
  expect_error(zip_lists(a, list(1)), "Received: lengths 3, 1")
  x <- tf$Variable(3)
  optimizer <- tf$train$GradientDescentOptimizer(0.5)
  with(tf$GradientTape() %as% tape, {
    loss <- x * x
  })
  grads <- tape$gradient(loss, list(x))
  optimizer$apply_gradients(zip_lists(grads, list(x)))
  expect_equal(as.numeric(x), 0)  # 3 - 0.5 * 6
})
