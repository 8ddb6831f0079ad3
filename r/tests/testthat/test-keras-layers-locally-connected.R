# Keras 2.2.4's definition, position by position: the patch at output position p, flattened
# row-major (last axis fastest), times kernel[p, , ], plus bias.
local_1d_ref <- function(x, kernel, bias, k) {
  n <- dim(x)[2] - k + 1
  out <- array(0, c(dim(x)[1], n, dim(kernel)[3]))
  for (b in seq_len(dim(x)[1])) for (p in seq_len(n)) {
    patch <- as.vector(t(x[b, p:(p + k - 1), , drop = TRUE]))
    out[b, p, ] <- patch %*% kernel[p, , ] + bias[p, ]
  }
  out
}

test_that("layer_locally_connected_1d has keras 2.2.4's weight shapes and unshared weights", {
  set.seed(1)
  x <- array(rnorm(2 * 5 * 3), c(2, 5, 3))
  layer <- layer_locally_connected_1d(filters = 2, kernel_size = 2)
  layer(x)
  w <- get_weights(layer)
  expect_equal(dim(w[[1]]), c(4L, 6L, 2L))  # (output_length, kernel_size * input_dim, filters)
  expect_equal(dim(w[[2]]), c(4L, 2L))
  w[[2]] <- array(rnorm(8), c(4, 2))
  set_weights(layer, w)
  expect_equal(layer(x)$numpy(), local_1d_ref(x, w[[1]], w[[2]], 2), tolerance = 1e-5)
})

test_that("layer_locally_connected_2d matches the position-by-position definition", {
  set.seed(2)
  x <- array(rnorm(1 * 3 * 4 * 2), c(1, 3, 4, 2))
  layer <- layer_locally_connected_2d(filters = 2, kernel_size = c(2, 2))
  layer(x)
  w <- get_weights(layer)
  expect_equal(dim(w[[1]]), c(6L, 8L, 2L))  # (out_rows * out_cols, rows * cols * channels, filters)
  expect_equal(dim(w[[2]]), c(2L, 3L, 2L))
  w[[2]] <- array(rnorm(12), c(2, 3, 2))
  set_weights(layer, w)
  expected <- array(0, c(1, 2, 3, 2))
  for (i in 1:2) for (j in 1:3) {
    patch <- as.vector(aperm(x[1, i:(i + 1), j:(j + 1), , drop = FALSE][1, , , ], c(3, 2, 1)))
    expected[1, i, j, ] <- patch %*% w[[1]][(i - 1) * 3 + j, , ] + w[[2]][i, j, ]
  }
  expect_equal(layer(x)$numpy(), expected, tolerance = 1e-5)
})

test_that("keras 2.2.4's layer tests build them in sequential models; weights load at creation", {
  model <- keras_model_sequential() %>% layer_dense(32, input_shape = c(784)) %>%
    layer_reshape(target_shape = c(2, 4, 4)) %>% layer_locally_connected_2d(filters = 3, kernel_size = c(2, 2))
  expect_equal(model$output_shape, list(NULL, 1L, 3L, 3L))
  kernel <- array(1, c(3, 4, 1))
  model <- keras_model_sequential() %>%
    layer_locally_connected_1d(filters = 1, kernel_size = 2, input_shape = c(4, 2),
                               weights = list(kernel, matrix(0, 3, 1)))
  x <- array(1, c(1, 4, 2))
  expect_equal(as.vector(model(x)$numpy()), c(4, 4, 4))
})

test_that("padding other than valid and unknown sizes are refused with classed errors", {
  expect_error(layer_locally_connected_2d(filters = 1, kernel_size = 2, padding = "same"),
               "Received: padding='same'", class = "python.builtin.ValueError")
  # tryCatch, not expect_error(): testthat's handling of an error raised with a symbolic tensor among
  # the call's arguments trips over Keras' refusal to use it as a boolean
  x <- layer_input(shape = list(NULL, 3))
  err <- tryCatch(layer_locally_connected_1d(x, filters = 1, kernel_size = 2), error = function(e) e)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "Received: input_shape=(None, None, 3)", fixed = TRUE)
  expect_error(layer_locally_connected_1d(filters = NA, kernel_size = 2), class = "python.builtin.ValueError")
})
