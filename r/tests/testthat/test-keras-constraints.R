w <- rbind(c(3, 0.1, -1), c(4, 0.2, 2))
col_norms <- function(m) sqrt(colSums(m^2))
eps <- 1e-7

test_that("constraint_maxnorm, constraint_unitnorm, constraint_minmaxnorm and constraint_nonneg", {
  t <- k_constant(w)
  n <- col_norms(w)
  out <- as.array(constraint_maxnorm(max_value = 2)(t))
  expect_equal(out, sweep(w, 2, pmin(n, 2) / (eps + n), "*"), tolerance = 1e-6)
  expect_true(all(col_norms(out) <= 2 + 1e-5))
  rows <- as.array(constraint_maxnorm(max_value = 1, axis = 1)(t))  # axis passed on 0-based
  expect_equal(sqrt(rowSums(rows^2)), c(1, 1), tolerance = 1e-5)
  expect_equal(col_norms(as.array(constraint_unitnorm()(t))), c(1, 1, 1), tolerance = 1e-5)
  desired <- 0.5 * pmin(pmax(n, 0.5), 3) + 0.5 * n
  out <- as.array(constraint_minmaxnorm(min_value = 0.5, max_value = 3, rate = 0.5)(t))
  expect_equal(out, sweep(w, 2, desired / (eps + n), "*"), tolerance = 1e-5)
  expect_equal(as.array(constraint_nonneg()(t)), pmax(w, 0))
  expect_equal(constraint_maxnorm()$get_config(), list(max_value = 2, axis = 0L))
})

test_that("bad constraint arguments are classed errors", {
  expect_error(constraint_maxnorm(max_value = -1), class = "python.builtin.ValueError")
  expect_error(constraint_unitnorm(axis = 0.5), class = "python.builtin.ValueError")
  expect_error(constraint_minmaxnorm(min_value = 2, max_value = 1), class = "python.builtin.ValueError")
  expect_error(constraint_minmaxnorm(rate = NA), class = "python.builtin.ValueError")
})

test_that("KerasConstraint subclasses and R functions constrain weights during training", {
  nonneg <- function(w) w * k_cast(w >= 0, k_floatx())
  CustomNonNeg <- R6::R6Class("CustomNonNeg", inherit = KerasConstraint, public = list(call = nonneg))
  set_random_seed(3)
  model <- keras_model_sequential() %>%
    layer_dense(4, input_shape = 6, kernel_constraint = CustomNonNeg$new(),
                bias_constraint = function(w) w * k_cast(w <= 0, k_floatx()),
                kernel_initializer = initializer_random_normal(), bias_initializer = initializer_ones()) %>%
    layer_dense(1, kernel_constraint = constraint_maxnorm(0.5))
  model %>% compile(loss = "mse", optimizer = optimizer_sgd())
  x <- matrix(rnorm(32 * 6), 32)
  model %>% fit(x, matrix(rnorm(32), 32), epochs = 2, verbose = 0)
  first <- get_weights(model$layers[[1]])
  expect_gte(min(first[[1]]), 0)
  expect_lte(max(first[[2]]), 0)
  expect_true(all(col_norms(get_weights(model$layers[[2]])[[1]]) <= 0.5 + 1e-5))
  expect_error(reticulate::r_to_py(KerasConstraint$new())(k_constant(w)), "must implement the call function",
               class = "python.builtin.NotImplementedError")
})
