pool_ref <- function(x, size, f) {  # x: (1, rows, cols, 1), non-overlapping windows
  m <- x[1, , , 1]
  out <- matrix(0, nrow(m) %/% size, ncol(m) %/% size)
  for (i in seq_len(nrow(out))) for (j in seq_len(ncol(out)))
    out[i, j] <- f(m[(i - 1) * size + 1:size, (j - 1) * size + 1:size])
  out
}

test_that("max and average pooling over 1, 2 and 3 dimensions", {
  set.seed(1)
  img <- array(rnorm(16), c(1, 4, 4, 1))
  expect_equal(layer_max_pooling_2d(img)$numpy()[1, , , 1], pool_ref(img, 2, max), tolerance = 1e-6)
  expect_equal(layer_average_pooling_2d(img)$numpy()[1, , , 1], pool_ref(img, 2, mean), tolerance = 1e-6)
  seq <- array(c(1, 5, 2, 3, 9, 4), c(1, 6, 1))
  expect_equal(as.vector(layer_max_pooling_1d(seq)$numpy()), c(5, 3, 9))
  expect_equal(as.vector(layer_average_pooling_1d(seq, pool_size = 3)$numpy()), c(8 / 3, 16 / 3),
               tolerance = 1e-6)
  # with "same" padding the padded position is left out of the mean, as in Keras 2
  expect_equal(as.vector(layer_average_pooling_1d(array(c(1, 2, 3), c(1, 3, 1)), padding = "same")$numpy()), c(1.5, 3))
  vol <- array(rnorm(2 * 2 * 2 * 4), c(1, 2, 2, 2, 4))
  expect_equal(as.vector(layer_max_pooling_3d(vol)$numpy()), apply(vol[1, , , , ], 4, max), tolerance = 1e-6)
  expect_equal(as.vector(layer_average_pooling_3d(vol)$numpy()), apply(vol[1, , , , ], 4, mean), tolerance = 1e-6)
})

test_that("global pooling reduces every position, in both data formats", {
  set.seed(2)
  x <- array(rnorm(2 * 3 * 4), c(2, 3, 4))
  expect_equal(layer_global_max_pooling_1d(x)$numpy(), apply(x, c(1, 3), max), tolerance = 1e-6)
  expect_equal(layer_global_average_pooling_1d(x)$numpy(), apply(x, c(1, 3), mean), tolerance = 1e-6)
  img <- array(rnorm(2 * 3 * 3 * 2), c(2, 3, 3, 2))
  expect_equal(layer_global_max_pooling_2d(img)$numpy(), apply(img, c(1, 4), max), tolerance = 1e-6)
  first <- aperm(img, c(1, 4, 2, 3))
  expect_equal(layer_global_average_pooling_2d(first, data_format = "channels_first")$numpy(),
               apply(img, c(1, 4), mean), tolerance = 1e-6)
  vol <- array(rnorm(2 * 2 * 2 * 2 * 3), c(2, 2, 2, 2, 3))
  expect_equal(layer_global_average_pooling_3d(vol)$numpy(), apply(vol, c(1, 5), mean), tolerance = 1e-6)
  expect_equal(layer_global_max_pooling_3d(vol)$numpy(), apply(vol, c(1, 5), max), tolerance = 1e-6)
})

test_that("pooling layers compose with sequential models as keras 2.2.4's tests build them", {
  model <- keras_model_sequential() %>% layer_dense(32, input_shape = c(784)) %>%
    layer_reshape(target_shape = c(2, 16)) %>% layer_max_pooling_1d()
  expect_equal(model$output_shape, list(NULL, 1L, 16L))
  model <- keras_model_sequential() %>% layer_dense(32, input_shape = c(784)) %>%
    layer_reshape(target_shape = c(2, 2, 2, 4)) %>% layer_global_average_pooling_3d()
  expect_equal(model$output_shape, list(NULL, 4L))
})

test_that("bad pooling arguments raise classed errors naming the argument", {
  expect_error(layer_max_pooling_1d(pool_size = c(2, 2)), "pool_size", class = "python.builtin.ValueError")
  expect_error(layer_average_pooling_3d(strides = c(1, 1)), "Received: strides=", class = "python.builtin.ValueError")
  expect_error(layer_max_pooling_2d(padding = "causal"), "padding", class = "python.builtin.ValueError")
  expect_error(layer_global_max_pooling_2d(data_format = "channels_middle"), "data_format",
               class = "python.builtin.ValueError")
  expect_error(layer_max_pooling_3d(pool_size = NA), class = "python.builtin.ValueError")
})
