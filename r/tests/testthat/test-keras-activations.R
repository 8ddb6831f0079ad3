x <- rbind(c(-3, -1, -0.25, 0, 0.5, 2, 7))
values <- function(t) as.vector(as.array(t))

test_that("activation functions compute their Keras 2.2.4 formulas", {
  t <- k_constant(x)
  selu_alpha <- 1.6732632423543772
  selu_scale <- 1.0507009873554805
  expected <- list(
    activation_elu = ifelse(x > 0, x, exp(x) - 1),
    activation_selu = selu_scale * ifelse(x > 0, x, selu_alpha * (exp(x) - 1)),
    activation_hard_sigmoid = pmin(pmax(0.2 * x + 0.5, 0), 1),  # Keras 2's slope 0.2, not 1/6
    activation_linear = x,
    activation_relu = pmax(x, 0),
    activation_sigmoid = 1 / (1 + exp(-x)),
    activation_softplus = log1p(exp(x)),
    activation_softsign = x / (1 + abs(x)),
    activation_tanh = tanh(x),
    activation_exponential = exp(x)
  )
  for (name in names(expected)) {
    out <- get(name)(t)
    expect_equal(out$dtype$name, "float32")
    expect_equal(values(out), as.vector(expected[[name]]), tolerance = 1e-5, info = name)
  }
})

test_that("activation_relu and activation_elu take their parameters", {
  out <- activation_relu(k_constant(x), alpha = 0.5, max_value = 4, threshold = 1)
  expect_equal(values(out), as.vector(ifelse(x >= 4, 4, ifelse(x >= 1, x, 0.5 * (x - 1)))), tolerance = 1e-6)
  expect_equal(values(activation_elu(k_constant(x), alpha = 2)), as.vector(ifelse(x > 0, x, 2 * (exp(x) - 1))),
               tolerance = 1e-5)
  expect_equal(attr(activation_relu, "py_function_name"), "relu")
  expect_error(activation_relu(k_constant(x), alpha = "a"), class = "python.builtin.ValueError")
  expect_error(activation_relu(k_constant(x), alpha = NA), class = "python.builtin.ValueError")
})

test_that("activation_softmax passes axis on as R keras 2.x did and refuses 1-d tensors", {
  a <- array(seq(0, 2.3, by = 0.1), dim = c(2, 3, 4))
  t <- k_constant(a)
  out <- as.array(activation_softmax(t))  # axis = -1: the last axis
  expect_equal(apply(out, c(1, 2), sum), matrix(1, 2, 3), tolerance = 1e-6)
  e <- exp(a)
  expect_equal(out, sweep(e, c(1, 2), apply(e, c(1, 2), sum), "/"), tolerance = 1e-6)
  out1 <- as.array(activation_softmax(t, axis = 1))  # Python's axis 1, R's second dimension
  expect_equal(apply(out1, c(1, 3), sum), matrix(1, 2, 4), tolerance = 1e-6)
  expect_error(activation_softmax(k_constant(c(1, 2))), class = "python.builtin.ValueError")
  expect_error(activation_softmax(t, axis = 3), class = "python.builtin.ValueError")
})

test_that("activation functions serve as a layer's activation, in R and in Python alike", {
  set_random_seed(1)
  model <- keras_model_sequential() %>%
    layer_dense(4, input_shape = 3, activation = activation_hard_sigmoid) %>%
    layer_activation(activation = activation_softsign)
  inp <- matrix(c(0.5, -1, 2, 0.1, 0.3, -0.7), nrow = 2)
  w <- get_weights(model$layers[[1]])
  pre <- inp %*% w[[1]] + matrix(w[[2]], nrow = 2, ncol = 4, byrow = TRUE)
  h <- pmin(pmax(0.2 * pre + 0.5, 0), 1)
  expect_equal(as.array(model(k_constant(inp))), h / (1 + abs(h)), tolerance = 1e-5)
})
