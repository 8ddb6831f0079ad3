# Side-by-side pairs as in the facades data: A (left) red, B (right) blue, darker to brighter by file.
write_pairs <- function(n = 3, width = 64, height = 32) {
  folder <- tempfile("facades")
  dir.create(folder)
  for (i in seq_len(n)) {
    grDevices::jpeg(file.path(folder, sprintf("pair%d.jpg", i)), width = width, height = height, quality = 95)
    graphics::par(mar = c(0, 0, 0, 0))
    graphics::plot.new()
    graphics::rect(0, 0, 0.5, 1, col = "#FF0000", border = NA)
    graphics::rect(0.5, 0, 1, 1, col = grDevices::rgb(0, 0, (100 + 50 * i) / 255), border = NA)
    grDevices::dev.off()
  }
  folder
}

test_that("photo_pairs() gives R arrays in [-1, 1], the same crops as Python", {
  data <- photo_pairs(n_train = 10, n_test = 6, seed = 3)
  expect_equal(dim(data$train_input), c(10L, 64L, 64L, 3L))
  expect_equal(dim(data$test_target), c(6L, 64L, 64L, 3L))
  expect_true(all(data$train_target >= -1 & data$train_target <= 1))
  expect_equal(data$test_input[, , , 1], data$test_input[, , , 3])  # grayscale inputs
  expect_false(isTRUE(all.equal(data$test_target[, , , 1], data$test_target[, , , 3])))  # colour targets
  expect_length(intersect(data$train_photos, data$test_photos), 0)
  py <- reticulate::import("rkeras_bridge.cases.image_pairs")$photo_pairs(n_train = 10L, n_test = 6L, seed = 3L)
  expect_identical(data$test_target, py$test_target)
  expect_equal(dim(load_photo("astronaut")), c(512L, 512L, 3L))
})

test_that("facades_pairs() splits side-by-side JPEGs into input and target halves", {
  folder <- write_pairs()
  pairs <- facades_pairs(folder)
  expect_equal(pairs$files, c("pair1.jpg", "pair2.jpg", "pair3.jpg"))
  expect_equal(dim(pairs$input), c(3L, 32L, 32L, 3L))
  inner <- 5:28
  # "BtoA": the right half (blue) is the input, the left half (red) the target
  expect_true(all(pairs$target[, inner, inner, 1] > 0.9) && all(pairs$target[, inner, inner, 3] < -0.9))
  expect_true(all(pairs$input[, inner, inner, 1] < -0.9))
  blues <- sapply(1:3, function(i) mean(pairs$input[i, inner, inner, 3]))
  expect_true(blues[1] < blues[2] && blues[2] < blues[3])
  swapped <- facades_pairs(folder, direction = "AtoB", size = 16)
  expect_equal(dim(swapped$target), c(3L, 16L, 16L, 3L))
  expect_true(all(swapped$input[, 5:12, 5:12, 1] > 0.9))
})

test_that("jitter_pairs() moves both images of a pair alike, reproducibly", {
  data <- photo_pairs(n_train = 5, n_test = 1, seed = 1)
  a <- jitter_pairs(data$train_input, data$train_target, seed = 7)
  b <- jitter_pairs(data$train_input, data$train_target, seed = 7)
  expect_identical(a$input, b$input)
  expect_equal(dim(a$offsets), c(5L, 3L))
  negated <- jitter_pairs(data$train_input, -data$train_input, seed = 7)
  expect_equal(negated$target, -negated$input)
  plain <- jitter_pairs(data$train_input, data$train_target, seed = 7, scale = 1, flip = FALSE)
  expect_equal(plain$target, data$train_target)
})

test_that("l1_error() and l1_baselines() agree with R arithmetic", {
  data <- photo_pairs(n_train = 6, n_test = 4, seed = 2)
  base <- l1_baselines(data$train_target, data$test_input, data$test_target)
  expect_equal(base$identity, mean(abs(data$test_input - data$test_target)), tolerance = 1e-12)
  mean_image <- apply(data$train_target, c(2, 3, 4), mean)
  expected <- mean(abs(sweep(data$test_target, c(2, 3, 4), mean_image)))
  expect_equal(base$train_mean, expected, tolerance = 1e-12)
  expect_equal(l1_error(tf$constant(data$test_input), data$test_input), 0)
})

test_that("save_triptych() writes a PNG from R arrays and tensors", {
  data <- photo_pairs(n_train = 2, n_test = 3, seed = 2)
  path <- file.path(tempfile("trip"), "held-out.png")
  save_triptych(data$test_input, data$test_target, tf$constant(data$test_input), path, n = 2, title = "t")
  expect_true(file.exists(path))
  expect_identical(readBin(path, "raw", 8), as.raw(c(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)))
})

test_that("bad input to the image-pair helpers is a classed error naming the argument", {
  err <- tryCatch(photo_pairs(task = "sketch"), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "`task`", fixed = TRUE)
  err <- tryCatch(facades_pairs(file.path(tempdir(), "no-such-folder")), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "`path`", fixed = TRUE)
  err <- tryCatch(facades_pairs(write_pairs(n = 1), direction = "left"), error = identity)
  expect_match(conditionMessage(err), "`direction`", fixed = TRUE)
  err <- tryCatch(photo_pairs(train_photos = c("coffee", "rocket"), test_photos = "coffee"), error = identity)
  expect_match(conditionMessage(err), "`test_photos`", fixed = TRUE)
  err <- tryCatch(l1_error(array(0, c(1, 2, 2, 3)), array(0, c(1, 4, 4, 3))), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "`prediction`", fixed = TRUE)
})
