test_that("caption_data() builds strips from disjoint digit images, captioned and encoded", {
  digits <- mnist_5k()
  data <- caption_data(images = digits$x, labels = digits$y, n_train = 32, n_test = 16, seed = 3)
  expect_equal(dim(data$train$x), c(32L, 28L, 140L))
  expect_equal(dim(data$train$ids), c(32L, 7L))
  expect_type(data$train$ids, "integer")
  expect_equal(as.vector(data$index), c("<pad>", "<end>", "<start>", "eight", "five", "four", "nine", "one",
                                        "seven", "six", "three", "two", "zero"))
  expect_equal(c(data$start_id, data$end_id, data$max_length), c(2L, 1L, 7L))
  train_images <- data$train$image_ids[data$train$image_ids >= 0]
  test_images <- data$test$image_ids[data$test$image_ids >= 0]
  expect_length(intersect(train_images, test_images), 0)
  expect_true(all(test_images %% 5 == 4))
  # the digits named are those of the images used (ids are 0-based rows of `images`)
  expect_equal(as.vector(data$test$digits[data$test$image_ids >= 0]), as.vector(digits$y[test_images + 1]))
  words <- strsplit(data$train$captions[1], " ")[[1]]
  expect_length(words, data$train$n_digits[1])
  expect_equal(as.vector(captions_to_text(data$train$ids[, -1, drop = FALSE], data$index)),
               as.vector(data$train$captions))
  same <- caption_data(images = digits$x, labels = digits$y, n_train = 32, n_test = 16, seed = 3)
  expect_identical(same$train$x, data$train$x)
})

test_that("digit_strips() puts digit k in slot k; digit_windows() cuts one window per digit", {
  digits <- mnist_5k()
  strips <- digit_strips(images = digits$x, labels = digits$y, n = 4, jitter = 0, seed = 1)
  first <- strips$image_ids[1, 1] + 1
  expect_equal(strips$x[1, , 1:28], digits$x[first, , ])
  expect_equal(strips$left[1, 1:3], c(0L, 28L, 56L))
  windows <- digit_windows(strips, jitter = 0)
  expect_equal(dim(windows$x), c(sum(strips$n_digits), 28L, 28L))
  expect_equal(windows$x[1, , ], digits$x[first, , ])
  expect_error(digit_strips(images = digits$x, labels = digits$y, n = 2, max_digits = 6),
               class = "python.builtin.ValueError")
})

test_that("vocabulary, encoding and decoding round-trip in R", {
  index <- caption_vocabulary(c("seven two", "two one"))
  expect_equal(as.vector(index), c("<pad>", "<end>", "<start>", "one", "seven", "two"))
  ids <- encode_captions(c("two one", "seven"), index)
  expect_equal(ids, matrix(c(2L, 2L, 5L, 4L, 3L, 1L, 1L, 0L), 2))
  expect_equal(as.vector(captions_to_text(ids[, -1, drop = FALSE], index)), c("two one", "seven"))
  expect_equal(as.vector(captions_to_text(matrix(c(5L, 0L, 1L), 1), index)), "two <pad>")
  err <- tryCatch(captions_to_text(matrix(9L, 1), index), error = function(e) e)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "`ids`")
  expect_error(encode_captions("eight", index), class = "python.builtin.ValueError")
})

test_that("caption_accuracy(), attention_placement() and attention_maps() agree with a hand count", {
  expect_equal(caption_accuracy(c("one two", "one six"), c("one two", "one two")), list(exact = 0.5, words = 0.75))
  geometry <- list(grid = c(1L, 5L), strip_shape = c(28L, 140L), x_first = 14, x_step = 28)
  attention <- array(0, c(1, 3, 5))
  attention[1, 1, 1] <- 1  # word 1 looks at slot 1: a hit
  attention[1, 2, 3] <- 1  # word 2 looks at slot 3: a miss
  attention[1, 3, 3] <- 1  # after <end>: not counted
  placement <- attention_placement(attention, matrix(c(5L, 6L, 1L), 1), matrix(c(0L, 28L, 56L), 1), geometry,
                                   end_id = 1)
  expect_equal(placement, list(rate = 0.5, hits = 1L, words = 2L))
  maps <- attention_maps(attention[1, , ], geometry)
  expect_equal(dim(maps), c(3L, 28L, 140L))
  expect_equal(maps[2, 10, 60], 1)
  expect_equal(maps[2, 10, 10], 0)
  expect_error(attention_placement(attention, matrix(c(5L, NA, 1L), 1), matrix(0L, 1), geometry, end_id = 1),
               class = "python.builtin.ValueError")
})

test_that("caption_feature_extractor() takes a Keras CNN and places its locations on the strip", {
  digits <- mnist_5k()
  strips <- digit_strips(images = digits$x, labels = digits$y, n = 3)
  cnn <- keras_model_sequential() %>%
    layer_conv_2d(filters = 2, kernel_size = c(28, 28), strides = c(1, 4), input_shape = list(28, NULL, 1))
  extractor <- caption_feature_extractor(spec = "cnn", cnn = cnn)
  features <- extractor$extract(strips$x)
  expect_equal(dim(features), c(3L, 29L, 2L))
  expect_equal(extractor$geometry$x_first, 14)
  expect_equal(extractor$geometry$x_step, 4)
  expect_error(caption_feature_extractor(spec = "resnet"), class = "python.builtin.ValueError")
  expect_error(caption_feature_extractor(spec = "cnn"), class = "python.builtin.TypeError")
  expect_error(caption_feature_extractor(spec = paste0("inception_v3:", tempfile())),
               class = "python.builtin.FileNotFoundError")
})
