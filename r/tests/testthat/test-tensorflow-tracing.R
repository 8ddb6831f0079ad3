# tf_function on R functions: traced once per input signature, the R body running at trace time only.

set.seed(0)
xs <- lapply(1:6, function(i) matrix(rnorm(48), 16, 3))
ys <- lapply(xs, function(x) x %*% c(1, -2, 0.5) + 0.3)

make_problem <- function() {
  w <- tf$Variable(matrix(c(0.1, -0.2, 0.3), 3, 1), dtype = tf$float32)
  b <- tf$Variable(0, dtype = tf$float32)
  optimizer <- tf$train$AdamOptimizer(learning_rate = 0.05)
  # Slots made before compiling: a first call that creates variables is traced twice by TF.
  optimizer$build(list(w, b))
  list(w = w, b = b, optimizer = optimizer, calls = 0)
}

step_function <- function(p) {
  force(p)
  function(x, y) {
    p$calls <- p$calls + 1
    with(tf$GradientTape() %as% tape, {
      loss <- tf$reduce_mean(tf$square(tf$matmul(x, p$w) + p$b - y))
    })
    grads <- tape$gradient(loss, list(p$w, p$b))
    p$optimizer$apply_gradients(purrr::transpose(list(grads, list(p$w, p$b))))
    loss
  }
}

run_steps <- function(step) {
  losses <- c()
  for (epoch in 1:2) for (i in seq_along(xs)) {
    losses <- c(losses, as.vector(as.array(step(k_constant(xs[[i]]), k_constant(ys[[i]])))))
  }
  losses
}

test_that("a compiled training step gives the eager per-step losses and runs the R body once", {
  eager <- list2env(make_problem())
  eager_losses <- run_steps(step_function(eager))
  compiled <- list2env(make_problem())
  compiled_losses <- run_steps(tf_function(step_function(compiled)))
  expect_equal(compiled_losses, eager_losses, tolerance = 1e-6)
  expect_lt(mean(tail(eager_losses, 6)), mean(head(eager_losses, 6)))
  expect_equal(as.array(compiled$w), as.array(eager$w), tolerance = 1e-6)
  expect_equal(eager$calls, 12)
  expect_equal(compiled$calls, 1)
  expect_equal(as.vector(as.array(compiled$optimizer$iterations)), 12)
})

test_that("named arguments, retracing on new shapes, and input_signature", {
  calls <- 0
  scale <- function(x, by = 2) {
    calls <<- calls + 1
    x * by
  }
  compiled <- tf_function(scale)
  expect_equal(as.vector(as.array(compiled(by = 3, x = k_constant(c(1, 2))))), c(3, 6))
  compiled(x = k_constant(c(5, 6)), by = 3)
  expect_equal(calls, 1)
  compiled(x = k_constant(c(1, 2, 3)), by = 3)  # a new shape: traced again
  expect_equal(calls, 2)
  calls <- 0
  relaxed <- tf_function(function(x) { calls <<- calls + 1; x * 2 },
                         input_signature = list(tf$TensorSpec(shape = list(NULL), dtype = tf$float32)))
  expect_equal(as.vector(as.array(relaxed(k_constant(c(1, 2))))), c(2, 4))
  expect_equal(as.vector(as.array(relaxed(k_constant(c(1, 2, 3, 4))))), c(2, 4, 6, 8))
  expect_equal(calls, 1)
  expect_error(tf_function(3), class = "python.builtin.TypeError")
  expect_error(tf_function(function(x) x, input_signature = list(3)), class = "python.builtin.ValueError")
})

test_that("R control flow on tensors needs tf$cond inside tf_function", {
  with_cond <- tf_function(function(x) tf$cond(tf$reduce_sum(x) > 0, function() x, function() -x))
  expect_equal(as.vector(as.array(with_cond(k_constant(c(-1, -2))))), c(1, 2))
  expect_equal(as.vector(as.array(with_cond(k_constant(c(1, 2))))), c(1, 2))
  with_if <- tf_function(function(x) if (as.logical(tf$reduce_sum(x) > 0)) x else -x)
  # The R error (a symbolic tensor has no value) comes back through Python as a RuntimeError.
  expect_error(with_if(k_constant(c(-1, -2))), class = "python.builtin.RuntimeError")
})

test_that("R functions with ... or computed defaults are compiled too (no Python signature)", {
  calls <- 0
  add <- tf_function(function(...) { calls <<- calls + 1; args <- list(...); args[[1]] + args[[2]] })
  expect_equal(as.vector(as.array(add(k_constant(1), k_constant(2)))), 3)
  expect_equal(as.vector(as.array(add(k_constant(5), k_constant(2)))), 7)
  expect_equal(calls, 1)
  twice <- tf_function(function(x, n = length(x)) x * 2)
  expect_equal(as.vector(as.array(twice(x = k_constant(c(1, 2))))), c(2, 4))
})
