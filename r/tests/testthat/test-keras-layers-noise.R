test_that("gaussian noise and gaussian dropout act while training only, with the stated spread", {
  set_random_seed_for_test <- function() reticulate::import("keras")$utils$set_random_seed(1L)
  set_random_seed_for_test()
  x <- matrix(runif(4 * 20000, 1, 2), 4)
  noise <- layer_gaussian_noise(stddev = 0.5)
  expect_equal(noise(x)$numpy(), x, tolerance = 1e-6)
  diff <- noise(x, training = TRUE)$numpy() - x
  expect_lt(abs(sd(diff) - 0.5), 0.02)
  drop <- layer_gaussian_dropout(rate = 0.2)
  factor <- drop(x, training = TRUE)$numpy() / x
  expect_lt(abs(mean(factor) - 1), 0.02)
  expect_lt(abs(sd(factor) - sqrt(0.2 / 0.8)), 0.02)
})

test_that("alpha dropout sets dropped values to SELU's saturation and rescales", {
  x <- matrix(runif(4 * 20000, 1, 2), 4)
  rate <- 0.3
  alpha_p <- -1.6732632423543772848 * 1.0507009873554804934
  a <- ((1 - rate) * (1 + rate * alpha_p^2))^-0.5
  b <- -a * alpha_p * rate
  out <- layer_alpha_dropout(rate = rate, seed = 4)(x, training = TRUE)$numpy()
  kept <- abs(out - (a * x + b)) < 1e-5
  dropped <- abs(out - (a * alpha_p + b)) < 1e-5
  expect_true(all(kept | dropped))
  expect_lt(abs(mean(dropped) - rate), 0.02)
})

test_that("noise layers compose with sequential models; bad arguments are refused", {
  model <- keras_model_sequential() %>% layer_dense(32, input_shape = c(784)) %>%
    layer_reshape(target_shape = c(2, 16)) %>% layer_gaussian_noise(stddev = 0.5) %>%
    layer_gaussian_dropout(rate = 0.5) %>% layer_alpha_dropout(rate = 0.5)
  expect_equal(model$output_shape, list(NULL, 2L, 16L))
  expect_error(layer_gaussian_noise(stddev = -1), "Received: stddev=-1", class = "python.builtin.ValueError")
  expect_error(layer_gaussian_dropout(rate = 1), "rate", class = "python.builtin.ValueError")
  expect_error(layer_alpha_dropout(rate = 0.5, seed = 1.5), "seed", class = "python.builtin.ValueError")
  expect_error(layer_gaussian_noise(stddev = NA), class = "python.builtin.ValueError")
})
