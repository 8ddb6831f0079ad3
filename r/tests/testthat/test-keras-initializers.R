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

test_that("initializer_ones, initializer_constant and initializer_truncated_normal", {
  expect_true(all(draw(initializer_ones(), c(2, 3)) == 1))
  expect_equal(draw(initializer_constant(0.25), c(2, 3)), matrix(0.25, 2, 3))
  expect_equal(draw(initializer_constant(c(1, 2, 3)), c(2, 3)), rbind(c(1, 2, 3), c(1, 2, 3)))
  v <- draw(initializer_truncated_normal(mean = 1, stddev = 0.1, seed = 3), c(300, 300))
  expect_true(min(v) >= 0.8 && max(v) <= 1.2)
  expect_equal(sd(v), 0.1 * 0.87962566, tolerance = 0.01)  # sd of a normal truncated at +/- 2 sd
  expect_error(initializer_constant("a"), class = "python.builtin.ValueError")
})

test_that("initializer_variance_scaling: Keras 2.2.4's truncated normal and its uniform limit", {
  v <- draw(initializer_variance_scaling(scale = 2, seed = 1), c(200, 300))  # fan_in, normal
  stddev <- sqrt(2 / 200) / 0.87962566103423978
  expect_lte(max(abs(v)), 2 * stddev + 1e-7)
  expect_equal(sd(v), sqrt(2 / 200), tolerance = 0.02)
  u <- draw(initializer_variance_scaling(scale = 3, mode = "fan_avg", distribution = "uniform", seed = 2),
            c(200, 300))
  limit <- sqrt(3 * 3 / 250)
  expect_true(min(u) >= -limit && max(u) <= limit && max(u) > 0.98 * limit)
  expect_equal(initializer_variance_scaling(mode = "fan_o")$mode, "fan_out")  # match.arg-style prefix
  expect_error(initializer_variance_scaling(mode = "fan"), class = "python.builtin.ValueError")
  expect_error(initializer_variance_scaling(scale = 0), class = "python.builtin.ValueError")
})

test_that("Glorot, He and LeCun initializers have their variances; orthogonal and identity", {
  specs <- list(list(initializer_glorot_normal, 1, 200, FALSE), list(initializer_he_normal, 2, 150, FALSE),
                list(initializer_he_uniform, 2, 150, TRUE), list(initializer_lecun_normal, 1, 150, FALSE),
                list(initializer_lecun_uniform, 1, 150, TRUE))
  for (s in specs) {
    v <- draw(s[[1]](seed = 4), c(150, 250))
    expect_equal(sd(v), sqrt(s[[2]] / s[[3]]), tolerance = 0.03)
    bound <- if (s[[4]]) sqrt(3 * s[[2]] / s[[3]]) else 2 * sqrt(s[[2]] / s[[3]]) / 0.87962566103423978
    expect_lte(max(abs(v)), bound + 1e-6)
  }
  q <- draw(initializer_orthogonal(gain = 2, seed = 5), c(6, 4))
  expect_equal(crossprod(q), 4 * diag(4), tolerance = 1e-5)
  expect_equal(draw(initializer_identity(gain = 0.5), c(3, 3)), 0.5 * diag(3))
  expect_error(initializer_he_normal(seed = 0.5), class = "python.builtin.ValueError")
})
