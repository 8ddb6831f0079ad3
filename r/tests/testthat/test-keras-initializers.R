draw <- function(init, shape) init(shape = as.list(as.integer(shape)))$numpy()

test_that("initializer_random_normal has the requested mean and sd", {
  v <- draw(initializer_random_normal(mean = 1, stddev = 0.02, seed = 1), c(400, 250))
  expect_equal(mean(v), 1, tolerance = 1e-3)
  expect_equal(sd(v), 0.02, tolerance = 0.05)
  d <- draw(initializer_random_normal(seed = 2), c(400, 250))
  expect_equal(sd(d), 0.05, tolerance = 0.05)
})

test_that("initializer_random_uniform stays in range", {
  v <- draw(initializer_random_uniform(minval = 0, maxval = 0.05, seed = 3), c(200, 200))
  expect_gte(min(v), 0)
  expect_lt(max(v), 0.05)
  expect_equal(mean(v), 0.025, tolerance = 0.05)
  d <- draw(initializer_random_uniform(seed = 4), c(200, 200))
  expect_true(min(d) >= -0.05 && max(d) < 0.05)
})

test_that("initializer_glorot_uniform respects its limit; initializer_zeros is zero", {
  v <- draw(initializer_glorot_uniform(seed = 5), c(300, 100))
  limit <- sqrt(6 / 400)
  expect_true(min(v) >= -limit && max(v) <= limit)
  expect_equal(sd(v), limit / sqrt(3), tolerance = 0.05)
  expect_true(all(draw(initializer_zeros(), c(3, 4)) == 0))
})

test_that("seeded initializers reproduce in layers; bad arguments are classed errors", {
  a <- layer_dense(units = 3, kernel_initializer = initializer_random_normal(seed = 7))
  b <- layer_dense(units = 3, kernel_initializer = initializer_random_normal(seed = 7))
  a$build(list(NULL, 2L))
  b$build(list(NULL, 2L))
  expect_identical(get_weights(a)[[1]], get_weights(b)[[1]])
  expect_error(initializer_random_normal(stddev = -1), class = "python.builtin.ValueError")
  expect_error(initializer_random_uniform(minval = 1, maxval = 0), class = "python.builtin.ValueError")
  expect_error(initializer_glorot_uniform(seed = 1.5), class = "python.builtin.ValueError")
  expect_error(initializer_glorot_uniform(seed = NA), class = "python.builtin.ValueError")
})
