# The options and warnings of `[` (the indexing rules themselves: test-bridge-conversion.R).

extract_options_reset <- function() {
  set <- grep("^tensorflow[.](extract|one_based)", names(options()), value = TRUE)
  if (length(set)) options(stats::setNames(rep(list(NULL), length(set)), set))
  warned <- rkerasbridge:::warned_about  # an environment: reset in place, as R tensorflow's tests did
  warned$negative_indices <- FALSE
  warned$tensors_passed_asis <- FALSE
}

test_that("tf_extract_opts() applies styles and options", {
  extract_options_reset()
  on.exit(extract_options_reset(), add = TRUE)
  opts <- tf_extract_opts()
  expect_s3_class(opts, "tf_extract_options")
  expect_identical(unclass(opts), list(one_based = TRUE, inclusive_stop = TRUE, disallow_out_of_bounds = TRUE,
                                       warn_tensors_passed_asis = TRUE, warn_negatives_pythonic = TRUE))
  expect_true(all(!unlist(tf_extract_opts("python"))))
  expect_false(tf_extract_opts("R")$warn_negatives_pythonic)
  options(tensorflow.extract.one_based = FALSE)
  expect_false(tf_extract_opts()$one_based)
  expect_warning(tf_extract_opts(NULL, 3), "ignored")
  expect_error(tf_extract_opts("Q"), "style", class = "python.builtin.ValueError")
})

test_that("style and options change how numbers are read", {
  extract_options_reset()
  on.exit(extract_options_reset(), add = TRUE)
  x <- tf$constant(matrix(1:20, 4))  # x[i, j] is i + 4 * (j - 1)
  col <- function(t) as.vector(as.array(t))
  expect_identical(col(x[0, , style = "python"]), col(x[1, , style = "R"]))
  expect_identical(col(x[0:2, 0, style = "python"]), 1:2)  # stop excluded
  expect_identical(col(x[0:9, 0, style = "python"]), 1:4)  # clamped, as Python does
  expect_identical(col(x[1:2, 0, options = tf_extract_opts(one_based = FALSE)]), 2:3)  # 0-based, stop included
  options(tensorflow.extract.style = "python")
  expect_identical(as.array(x[1, 1]), 6L)
  options(tensorflow.extract.style = NULL, tensorflow.extract.one_based = FALSE)
  expect_identical(as.array(x[1, 1]), 6L)
  options(tensorflow.extract.one_based = NULL, tensorflow.one_based_extract = FALSE)  # the 1.x name
  expect_identical(as.array(x[1, 1]), 6L)
  options(tensorflow.one_based_extract = NULL, tensorflow.extract.dissallow_out_of_bounds = FALSE)  # (sic)
  expect_identical(col(x[1:9, 1]), 1:4)
  options(tensorflow.extract.dissallow_out_of_bounds = NULL)
  expect_error(x[1:9, 1], "out of bounds", class = "python.builtin.ValueError")
  expect_error(x[0, 1], "0-based indexing", class = "python.builtin.ValueError")
})

test_that("negative numbers and tensor indices warn once, and the record can be reset", {
  extract_options_reset()
  on.exit(extract_options_reset(), add = TRUE)
  x <- tf$constant(1:10)
  expect_warning(y <- x[-1], "Negative numbers are interpreted python-style")
  expect_identical(as.array(y), 10L)
  expect_silent(x[-2])
  expect_true(rkerasbridge:::warned_about$negative_indices)
  expect_warning(x[tf$constant(2L)], "ignored")
  expect_silent(x[tf$constant(2L):tf$constant(4L)])
  warned <- rkerasbridge:::warned_about
  warned$tensors_passed_asis <- FALSE
  options(tensorflow.extract.warn_tensors_passed_asis = FALSE)
  expect_silent(x[tf$constant(2L)])
  extract_options_reset()
  options(tensorflow.extract.style = "R")
  expect_silent(x[-1])
})

test_that("too few indices warn every time, too many are an error", {
  extract_options_reset()
  on.exit(extract_options_reset(), add = TRUE)
  x <- tf$constant(array(1:27, c(3, 3, 3)))
  expect_warning(x[1, ], "Incorrect number of dimensions")
  expect_warning(x[], "Incorrect number of dimensions")
  expect_silent(x[1, all_dims()])
  err <- tryCatch(x[1, 1, 1, 1], error = function(e) e)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "Incorrect number of dimensions supplied: 3 required, but received 4")
})
