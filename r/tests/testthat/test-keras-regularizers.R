w <- rbind(c(0.5, -2), c(1.5, -0.25))

test_that("regularizers compute their penalties", {
  t <- k_constant(w)
  expect_equal(as.numeric(regularizer_l1(0.3)(t)), 0.3 * sum(abs(w)), tolerance = 1e-6)
  expect_equal(as.numeric(regularizer_l2(0.3)(t)), 0.3 * sum(w^2), tolerance = 1e-6)
  expect_equal(as.numeric(regularizer_l1_l2(l1 = 0.1, l2 = 0.2)(t)), 0.1 * sum(abs(w)) + 0.2 * sum(w^2),
               tolerance = 1e-6)
  expect_equal(as.numeric(regularizer_l2()(t)), 0.01 * sum(w^2), tolerance = 1e-6)
  expect_equal(regularizer_l1_l2()$get_config(), list(l1 = 0.01, l2 = 0.01))
})

test_that("a weight penalty joins the layer's losses; bad factors are classed errors", {
  layer <- layer_dense(units = 2, kernel_regularizer = regularizer_l2(0.5), bias_regularizer = regularizer_l1(0.25),
                       bias_initializer = initializer_ones())
  layer(k_constant(matrix(1, 1, 3)))
  kernel <- get_weights(layer)[[1]]
  expect_equal(sum(sapply(layer$losses, as.numeric)), 0.5 * sum(kernel^2) + 0.25 * 2, tolerance = 1e-5)
  expect_error(regularizer_l1(-0.1), class = "python.builtin.ValueError")
  expect_error(regularizer_l2("big"), class = "python.builtin.ValueError")
  expect_error(regularizer_l1_l2(l2 = NA), class = "python.builtin.ValueError")
})
