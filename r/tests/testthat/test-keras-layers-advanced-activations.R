x <- matrix(c(-3, -1, -0.5, 0, 0.5, 1, 2, 8), 1)
relu_keras2 <- function(x, max_value = NULL, negative_slope = 0, threshold = 0) {
  y <- x * (x > threshold)
  if (!is.null(max_value)) y <- pmin(pmax(y, 0), max_value)
  y - negative_slope * pmax(threshold - x, 0)
}

test_that("layer_activation_relu is Keras 2's formula, negative thresholds included", {
  expect_equal(layer_activation_relu(x)$numpy(), relu_keras2(x))
  expect_equal(layer_activation_relu(x, max_value = 6, negative_slope = 0.5)$numpy(),
               relu_keras2(x, 6, 0.5), tolerance = 1e-6)
  expect_equal(layer_activation_relu(x, negative_slope = 0.5, threshold = -1)$numpy(),
               relu_keras2(x, NULL, 0.5, -1), tolerance = 1e-6)
  expect_error(layer_activation_relu(negative_slope = -1), class = "python.builtin.ValueError")
})

test_that("parametric, thresholded, elu, selu and softmax layers compute their formulas", {
  prelu <- layer_activation_parametric_relu()
  prelu(x)
  alpha <- seq(0.1, 0.8, length.out = 8)
  set_weights(prelu, list(alpha))
  expect_equal(prelu(x)$numpy(), matrix(ifelse(x >= 0, x, alpha * x), 1), tolerance = 1e-6)
  expect_equal(layer_activation_thresholded_relu(x)$numpy(), x * (x > 1))
  expect_equal(layer_activation_thresholded_relu(x, theta = 0.2)$numpy(), x * (x > 0.2))
  expect_equal(layer_activation_elu(x, alpha = 0.5)$numpy(), ifelse(x > 0, x, 0.5 * expm1(x)), tolerance = 1e-6)
  expect_equal(layer_activation_selu(x)$numpy(),
               1.0507009873554805 * ifelse(x > 0, x, 1.6732632423543772 * expm1(x)), tolerance = 1e-5)
  m <- matrix(c(1, 3, 2, 5), 2)
  expect_equal(layer_activation_softmax(m)$numpy(), exp(m) / rowSums(exp(m)), tolerance = 1e-6)
  expect_error(layer_activation_thresholded_relu(theta = NA), class = "python.builtin.ValueError")
  expect_error(layer_activation_parametric_relu(shared_axes = 0), class = "python.builtin.ValueError")
})
