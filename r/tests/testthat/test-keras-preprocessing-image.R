write_png <- function(pixels) {
  path <- tempfile(fileext = ".png")
  helper <- reticulate::py_run_string("
def write_png(pixels, path):
    import numpy as np
    from PIL import Image
    Image.fromarray(np.asarray(pixels, dtype=np.uint8)).save(path)
", local = TRUE)
  helper$write_png(pixels, path)
  path
}

pixels <- array(0L, c(4, 6, 3))
pixels[, , 1] <- rep(0:5 * 40L, each = 4)
pixels[, , 2] <- 100L
pixels[2, 3, ] <- c(10L, 20L, 30L)

test_that("image_load() and image_to_array() keep the pixels", {
  path <- write_png(pixels)
  x <- image_to_array(image_load(path))
  expect_equal(dim(x), c(4L, 6L, 3L))
  expect_equal(x, pixels + 0)
  expect_equal(dim(image_to_array(image_load(path), data_format = "channels_first")), c(3L, 4L, 6L))
  grey <- image_to_array(image_load(path, grayscale = TRUE))
  expect_equal(dim(grey), c(4L, 6L, 1L))
  small <- image_to_array(image_load(path, target_size = c(2, 3)))
  expect_equal(dim(small), c(2L, 3L, 3L))
  expect_equal(small[1, , 2], c(100, 100, 100))
})

test_that("imagenet_preprocess_input() defaults to caffe mode", {
  x <- array(255, c(1, 2, 2, 3))
  expect_equal(imagenet_preprocess_input(x)[1, 1, 1, ], c(151.061, 138.221, 131.32), tolerance = 1e-6)
  expect_equal(imagenet_preprocess_input(x, mode = "tf")[1, 2, 2, ], c(1, 1, 1), tolerance = 1e-6)
  expect_equal(x[1, 1, 1, 1], 255)
})

test_that("bad input gives classed errors naming the argument", {
  expect_error(image_load(tempfile(fileext = ".png")), class = "python.builtin.FileNotFoundError")
  path <- write_png(pixels)
  expect_error(image_load(path, target_size = c(2, 2, 2)), class = "python.builtin.ValueError")
  expect_error(image_load(path, interpolation = "cubic"), class = "python.builtin.ValueError")
  expect_error(image_to_array(image_load(path), data_format = "last"), class = "python.builtin.ValueError")
  expect_error(imagenet_preprocess_input(array(0, c(1, 2, 2, 3)), mode = "pytorch"),
               class = "python.builtin.ValueError")
})
