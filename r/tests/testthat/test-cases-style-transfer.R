test_that("style_transfer_inputs() reads --data and the environment", {
  env <- py_env()
  old_size <- env$set_env("RKB_STYLE_SIZE", NULL)
  old_vgg <- env$set_env("RKB_STYLE_VGG19", NULL)
  on.exit({
    env$set_env("RKB_STYLE_SIZE", old_size)
    env$set_env("RKB_STYLE_VGG19", old_vgg)
  })
  inputs <- style_transfer_inputs()
  expect_equal(inputs[c("content", "style", "size")], list(content = "astronaut", style = "brick", size = 128L))
  expect_null(inputs$vgg19_weights)
  env$set_env("RKB_STYLE_SIZE", "64")
  inputs <- style_transfer_inputs("coffee,gravel")
  expect_equal(inputs[c("content", "style", "size")], list(content = "coffee", style = "gravel", size = 64L))
  expect_error(style_transfer_inputs("coffee"), "argument `data`", class = "python.builtin.ValueError")
})

test_that("style_image() gives the same pixels as Python, cropped and resized", {
  coffee <- style_image("coffee", size = 48)
  expect_equal(dim(coffee), c(48L, 48L, 3L))
  expect_true(all(coffee >= 0 & coffee <= 255 & coffee == round(coffee)))
  py <- reticulate::import("rkeras_bridge.cases.style_transfer", convert = FALSE)
  expect_equal(coffee, reticulate::py_to_r(py$style_image("coffee", size = 48L)))
  expect_equal(dim(style_image("coffee", size = c(32, 64))), c(32L, 64L, 3L))
  brick <- style_image("brick", size = 16)
  expect_equal(brick[, , 1], brick[, , 3])
  expect_error(style_image("nosuch"), "argument `image`", class = "python.builtin.FileNotFoundError")
})

test_that("vgg_preprocess() and deprocess_image() round-trip; caffe_bounds() clips into range", {
  pixels <- style_image("astronaut", size = 16)
  x <- vgg_preprocess(pixels)
  expect_equal(dim(x), c(1L, 16L, 16L, 3L))
  expect_equal(x$dtype$name, "float32")
  expect_equal(as.numeric(x[1, 1, 1, ]), rev(pixels[1, 1, ]) - c(103.939, 116.779, 123.68), tolerance = 1e-6)
  expect_equal(deprocess_image(x), array(as.integer(pixels), dim(pixels)))
  bounds <- caffe_bounds()
  expect_equal(as.numeric(bounds[[1]]), -c(103.939, 116.779, 123.68), tolerance = 1e-6)
  wild <- tf$constant(array(seq(-400, 400, length.out = 48), c(1, 4, 4, 3)), dtype = "float32")
  expect_false(pixel_range(wild)$in_range)
  clipped <- tf$clip_by_value(wild, bounds[[1]], bounds[[2]])
  range <- pixel_range(clipped)
  expect_true(range$in_range)
  expect_identical(c(range$min_pixel, range$max_pixel), c(0, 255))
})

test_that("style_feature_extractor() outputs the style layers, then the content layer", {
  model <- style_feature_extractor()
  outputs <- model(vgg_preprocess(style_image("coffee", size = 32)))
  expect_length(outputs, 6)
  expect_equal(lapply(outputs, dim), list(c(1L, 32L, 32L, 64L), c(1L, 16L, 16L, 128L), c(1L, 8L, 8L, 256L),
                                          c(1L, 4L, 4L, 512L), c(1L, 2L, 2L, 512L), c(1L, 2L, 2L, 512L)))
  expect_equal(model$name, "vgg16_hed")
  expect_length(model$trainable_variables, 0)
  expect_error(style_feature_extractor(content_layers = "block6_conv1"), "argument `content_layers`",
               class = "python.builtin.ValueError")
})

test_that("best_image_keeper() keeps a copy that later steps do not change", {
  best <- best_image_keeper()
  expect_equal(best$loss, Inf)
  image <- tf$Variable(tf$zeros(shape(1, 2, 2, 3)))
  losses <- c(5, 3, 1, 2, 4)
  for (step in seq_along(losses)) {
    if (best$update(losses[step], image, step)) kept <- as.array(image)
    image$assign_add(tf$ones(shape(1, 2, 2, 3)))  # the variable moves on every step
  }
  expect_equal(best$step, 3L)
  expect_equal(best$loss, 1)
  expect_equal(best$image, kept)
  expect_equal(as.vector(best$image), rep(2, 12))
  expect_equal(as.vector(as.array(image)), rep(5, 12))
  expect_error(best$update(NaN, image, 6L), "argument `loss`", class = "python.builtin.ValueError")
})

test_that("save_style_png() and save_style_figure() write PNGs", {
  pixels <- style_image("chelsea", size = 16)
  dir <- tempfile()
  png <- save_style_png(pixels, file.path(dir, "cat.png"))
  expect_true(file.exists(png))
  img <- reticulate::import("PIL.Image")$open(png)
  expect_equal(reticulate::import("numpy")$asarray(img), array(as.integer(pixels), dim(pixels)))
  figure <- save_style_figure(pixels, style_image("gravel", size = 16), pixels, file.path(dir, "figure.png"),
                              title = "test")
  expect_true(file.exists(figure))
  expect_error(save_style_figure(pixels, pixels, pixels, file.path(dir, "x.png"), labels = c("a", "b")),
               "argument `labels`", class = "python.builtin.ValueError")
})
