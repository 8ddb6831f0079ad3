# k_* element-wise, comparison, reduction, shape, creation and control-flow functions, checked against
# base R; axes are 1-based, k_argmin's result and k_one_hot's class ids 0-based, as in R keras 2.2.4.

a <- matrix(c(0.5, -1.2, 2.0, 0.3, -0.7, 1.1), nrow = 2)
v <- function(t) as.vector(as.array(t))

test_that("element-wise functions match base R", {
  t <- k_constant(a)
  expect_equal(as.array(k_cos(t)), cos(a), tolerance = 1e-6)
  expect_equal(as.array(k_sin(t)), sin(a), tolerance = 1e-6)
  expect_equal(as.array(k_sign(t)), sign(a))
  expect_equal(v(k_round(k_constant(c(0.5, 1.5, 2.5, 2.4)))), round(c(0.5, 1.5, 2.5, 2.4)))  # halves to even
  expect_equal(as.array(k_softplus(t)), log1p(exp(a)), tolerance = 1e-6)
  expect_equal(as.array(k_softsign(t)), a / (1 + abs(a)), tolerance = 1e-6)
  expect_equal(as.array(k_hard_sigmoid(t)), pmin(pmax(0.2 * a + 0.5, 0), 1), tolerance = 1e-6)
  expect_equal(as.array(k_relu(t, alpha = 0.1, max_value = 1)), pmin(pmax(a, 0), 1) - 0.1 * pmax(-a, 0),
               tolerance = 1e-6)
  expect_equal(as.array(k_elu(t)), ifelse(a > 0, a, exp(a) - 1), tolerance = 1e-6)
  expect_equal(as.array(k_l2_normalize(t, axis = 1)), sweep(a, 2, sqrt(colSums(a^2)), "/"), tolerance = 1e-6)
  expect_equal(as.array(k_identity(t)), a, tolerance = 1e-6)
  expect_equal(as.array(k_stop_gradient(t)), a, tolerance = 1e-6)
})

test_that("comparisons and element-wise pairs take R numbers", {
  t <- k_constant(c(1, 2, 3))
  expect_equal(v(k_equal(t, 2)), c(1, 2, 3) == 2)
  expect_equal(v(k_not_equal(t, c(3, 2, 1))), c(1, 2, 3) != c(3, 2, 1))
  expect_equal(v(k_greater(t, 2)), c(1, 2, 3) > 2)
  expect_equal(v(k_greater_equal(t, 2)), c(1, 2, 3) >= 2)
  expect_equal(v(k_less(t, 2)), c(1, 2, 3) < 2)
  expect_equal(v(k_less_equal(t, 2)), c(1, 2, 3) <= 2)
  expect_equal(v(k_maximum(t, c(3, 2, 1))), pmax(c(1, 2, 3), c(3, 2, 1)))
  expect_equal(v(k_minimum(t, 2)), pmin(c(1, 2, 3), 2))
})

test_that("reductions take 1-based axes; k_argmin returns 0-based indices", {
  t <- k_constant(a)
  expect_equal(v(k_min(t, axis = 1)), apply(a, 2, min), tolerance = 1e-6)
  expect_equal(v(k_prod(t, axis = 2)), apply(a, 1, prod), tolerance = 1e-6)
  expect_equal(v(k_logsumexp(t, axis = -1)), log(rowSums(exp(a))), tolerance = 1e-6)
  pop_sd <- function(x) sqrt(mean((x - mean(x))^2))
  expect_equal(v(k_std(t, axis = 1)), apply(a, 2, pop_sd), tolerance = 1e-5)
  expect_equal(v(k_var(t)), pop_sd(a)^2, tolerance = 1e-5)
  expect_equal(dim(as.array(k_var(t, axis = 2, keepdims = TRUE))), c(2L, 1L))
  b <- k_constant(rbind(c(TRUE, FALSE), c(TRUE, TRUE)), dtype = "bool")
  expect_equal(v(k_all(b, axis = 2)), c(FALSE, TRUE))
  expect_equal(v(k_any(b, axis = 1)), c(TRUE, TRUE))
  expect_equal(v(k_argmin(t)), apply(a, 1, which.min) - 1)
  expect_equal(v(k_argmin(t, axis = 1)), apply(a, 2, which.min) - 1)
  expect_equal(as.array(k_cumsum(t)), apply(a, 2, cumsum), tolerance = 1e-6)
  expect_equal(as.array(k_cumprod(t, axis = 2)), t(apply(a, 1, cumprod)), tolerance = 1e-6)
})

test_that("shapes: flatten is row-major, axes 1-based", {
  m <- rbind(1:3, 4:6)
  t <- k_constant(m)
  expect_equal(v(k_flatten(t)), as.vector(t(m)))
  expect_equal(dim(as.array(k_squeeze(k_zeros(c(2, 1, 3)), axis = 2))), c(2L, 3L))
  expect_equal(dim(as.array(k_repeat(t, 4))), c(2L, 4L, 3L))
  expect_equal(as.array(k_repeat_elements(t, 2, axis = 2)), m[, rep(1:3, each = 2)])
  expect_equal(as.array(k_reverse(t, axes = 2)), m[, 3:1])
  expect_equal(as.array(k_tile(t, c(2, 1))), rbind(m, m))
  parts <- k_unstack(t, axis = 2)
  expect_length(parts, 3)
  expect_equal(v(parts[[2]]), m[, 2])
})

test_that("k_one_hot takes 0-based ids; k_arange counts like Python's range", {
  expect_equal(as.array(k_one_hot(c(0, 2, 1), 3)), diag(3)[c(1, 3, 2), ])
  expect_equal(v(k_arange(10)), 0:9)
  expect_equal(v(k_arange(1, 11, 2)), seq(1, 10, by = 2))
  expect_equal(as.array(k_eye(3)), diag(3))
  o <- k_ones(c(2, 3))
  expect_true(inherits(o, "tensorflow.python.ops.resource_variable_ops.ResourceVariable"))
  expect_equal(as.array(o), matrix(1, 2, 3))
})

test_that("random draws are seeded and distributed as asked", {
  t <- v(k_truncated_normal(5000, mean = 1, stddev = 2, seed = 3))
  expect_identical(t, v(k_truncated_normal(5000, mean = 1, stddev = 2, seed = 3)))
  expect_true(all(abs(t - 1) <= 4))
  b <- v(k_random_binomial(10000, p = 0.3, seed = 1))
  expect_true(all(b %in% c(0, 1)))
  expect_lt(abs(mean(b) - 0.3), 0.02)
  n <- v(k_random_normal_variable(2000, 5, 0.5, seed = 2))
  expect_lt(abs(mean(n) - 5), 0.05)
  u <- v(k_random_uniform_variable(2000, -2, 2, seed = 2))
  expect_true(all(u >= -2 & u < 2))
})

test_that("k_switch, k_map_fn and the folds call R functions", {
  cond <- k_constant(c(TRUE, FALSE, TRUE), dtype = "bool")
  expect_equal(v(k_switch(cond, k_constant(1:3), k_constant(7:9))), c(1, 8, 3))
  ran <- character()
  r <- k_switch(k_constant(FALSE, dtype = "bool"),
                function() { ran <<- c(ran, "then"); k_constant(1) },
                function() { ran <<- c(ran, "else"); k_constant(2) })
  expect_equal(v(r), 2)
  expect_equal(ran, "else")
  m <- rbind(1:2, 3:4)
  expect_equal(v(k_map_fn(function(row) k_sum(row * row), k_constant(m))), rowSums(m * m))
  expect_equal(v(k_foldl(function(acc, e) acc * 10 + e, k_constant(1:3))), 123)
  expect_equal(v(k_foldr(function(acc, e) acc * 10 + e, k_constant(1:3))), 321)
})

test_that("k_* functions build graph nodes on symbolic tensors", {
  x <- layer_input(shape = 3)
  y <- k_sum(k_square(k_cos(x)), axis = 2)
  expect_true(k_is_keras_tensor(y))
  m <- matrix(c(0, 1, 2, 3, 4, 5), 2)
  expect_equal(as.vector(k_function(list(x), list(y))(list(m))[[1]]), rowSums(cos(m)^2), tolerance = 1e-6)
})

test_that("bad input names the argument and what was received", {
  expect_error(k_squeeze(k_zeros(c(2, 3)), axis = 1), "`axis`.*Received: axis=", class = "python.builtin.ValueError")
  expect_error(k_one_hot(0.5, 3), "`indices`", class = "python.builtin.ValueError")
  expect_error(k_arange(1, 5, 0), "`step`", class = "python.builtin.ValueError")
  expect_error(k_cumsum(k_constant(1:2), axis = 0), "`axis`", class = "python.builtin.ValueError")
  expect_error(k_relu(k_constant(1), alpha = NA), "`alpha`.*missing values")
})
