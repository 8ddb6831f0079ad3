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

test_that("image_array_resize() interpolates linearly and image_array_save() writes the pixels", {
  ramp <- array(c(0, 10, 20), c(1, 3, 1))
  expect_equal(as.vector(image_array_resize(ramp, height = 1, width = 5)), c(0, 5, 10, 15, 20))
  expect_equal(dim(image_array_resize(array(1, c(1, 4, 6, 3)), height = 2, width = 3)), c(1L, 2L, 3L, 3L))
  path <- tempfile(fileext = ".png")
  expect_identical(image_array_save(pixels, path, scale = FALSE), pixels)
  expect_equal(image_to_array(image_load(path)), pixels + 0)
  img_arr <- image_to_array(image_load(path))
  out <- tempfile(fileext = ".jpeg")
  image_array_resize(img_arr, height = 45, width = 44) %>% image_array_save(out)
  expect_equal(dim(image_to_array(image_load(out))), c(45L, 44L, 3L))
})

test_that("flow_images_from_data() keeps the images without augmentation; fit statistics match R's", {
  x <- array(runif(5 * 4 * 4 * 3, 0, 255), c(5, 4, 4, 3))
  flow <- flow_images_from_data(x, y = 0:4, batch_size = 2, shuffle = FALSE)
  batch <- generator_next(flow)
  expect_equal(batch[[1]], x[1:2, , , ], tolerance = 1e-5)
  expect_equal(as.vector(batch[[2]]), c(0, 1))
  gen <- image_data_generator(featurewise_center = TRUE)
  fit_image_data_generator(gen, x)
  expect_equal(as.vector(gen$mean), apply(x, 4, mean), tolerance = 1e-5)
  centred <- generator_next(flow_images_from_data(x, generator = gen, batch_size = 5, shuffle = FALSE))
  expect_equal(centred, sweep(x, 4, apply(x, 4, mean)), tolerance = 1e-4)
})

test_that("flow_images_from_directory() and flow_images_from_dataframe() read labelled images", {
  dir <- file.path(tempfile(), "flow-img")
  for (label in c("0", "1")) {
    dir.create(file.path(dir, label), recursive = TRUE)
    for (k in 1:3) file.copy(write_png(array(sample(0:255, 28 * 28 * 3, TRUE), c(28, 28, 3))),
                             file.path(dir, label, paste0("img", k, ".png")))
  }
  gen <- flow_images_from_directory(directory = dir, generator = image_data_generator(), target_size = c(28, 28),
                                    batch_size = 4, shuffle = FALSE)
  batch <- generator_next(gen)
  expect_equal(dim(batch[[1]]), c(4L, 28L, 28L, 3L))
  expect_equal(batch[[2]], rbind(c(1, 0), c(1, 0), c(1, 0), c(0, 1)))
  model <- keras_model_sequential() %>% layer_flatten(input_shape = c(28, 28, 3)) %>%
    layer_dense(units = 2, activation = "softmax")
  model %>% compile(loss = "binary_crossentropy", optimizer = "adam")
  model %>% fit_generator(gen, steps_per_epoch = 2, verbose = 0)
  expect_equal(dim(predict_generator(model, gen, steps = 2)), c(6L, 2L))
  df <- data.frame(fname = file.path("0", rep("img1.png", 3)), class = c("a", "b", "c"), stringsAsFactors = FALSE)
  frames <- flow_images_from_dataframe(df, directory = dir, x_col = "fname", y_col = "class", target_size = c(8, 8),
                                       drop_duplicates = FALSE, shuffle = FALSE)
  batch <- reticulate::iter_next(frames)
  expect_equal(dim(batch[[1]]), c(3L, 8L, 8L, 3L))
  expect_equal(batch[[2]], diag(3))
})

test_that("bad input to the image generators names the argument", {
  expect_error(image_data_generator(fill_mode = "mirror"), "fill_mode", class = "python.builtin.ValueError")
  expect_error(image_data_generator(rotation_range = NA), "NA")
  expect_error(flow_images_from_data(array(0, c(2, 2, 2, 3)), y = 1:3), "`y`", class = "python.builtin.ValueError")
  expect_error(flow_images_from_directory(tempfile()), "directory", class = "python.builtin.ValueError")
  expect_error(image_array_resize(matrix(0, 2, 2), 1, 1), "img", class = "python.builtin.ValueError")
  expect_error(generator_next(list(1)), "generator", class = "python.builtin.TypeError")
})
