test_that("merge layers compute element-wise sums, products, means, extremes and differences", {
  set.seed(5)
  a <- matrix(rnorm(6), 2); b <- matrix(rnorm(6), 2); c3 <- matrix(rnorm(6), 2)
  expect_equal(layer_add(list(a, b, c3))$numpy(), a + b + c3, tolerance = 1e-6)
  expect_equal(layer_multiply(list(a, b, c3))$numpy(), a * b * c3, tolerance = 1e-6)
  expect_equal(layer_average(list(a, b, c3))$numpy(), (a + b + c3) / 3, tolerance = 1e-6)
  expect_equal(layer_maximum(list(a, b, c3))$numpy(), pmax(a, b, c3), tolerance = 1e-6)
  expect_equal(layer_minimum(list(a, b, c3))$numpy(), pmin(a, b, c3), tolerance = 1e-6)
  expect_equal(layer_subtract(list(a, b))$numpy(), a - b, tolerance = 1e-6)
  expect_error(layer_subtract(list(a, b, c3)), class = "python.builtin.ValueError")
  expect_error(layer_add(list(a)), class = "python.builtin.ValueError")
})

test_that("merge layers build functional models from c() of inputs, as the 2018 tests did", {
  inputs <- c(layer_input(shape = c(4, 5)), layer_input(shape = c(4, 5)))
  model <- keras_model(inputs, layer_maximum(inputs))
  a <- array(1:40, c(2, 4, 5)); b <- array(40:1, c(2, 4, 5))
  expect_equal(model(list(a, b))$numpy(), pmax(a, b))
})
