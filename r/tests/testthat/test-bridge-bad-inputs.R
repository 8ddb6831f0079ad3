# The bad-input catalogue from R: each entry is a classed condition naming the argument, never a
# silent wrong value or a crash of the R session.

test_that("R NA of every type is refused in data and in arguments", {
  expect_error(tensor_slices_dataset(c(1L, NA_integer_)), class = "python.builtin.ValueError")
  expect_error(tensor_slices_dataset(list(matrix(1, 2, 2), c(TRUE, NA))), class = "python.builtin.ValueError")
  expect_error(text_tokenizer(oov_token = NA_character_), class = "python.builtin.ValueError")
  expect_error(layer_dense(units = NA), class = "python.builtin.ValueError")
  err <- tryCatch(dataset_batch(tensor_slices_dataset(1:4), batch_size = NA_integer_), error = function(e) e)
  expect_match(err$python_message, "`batch_size`", fixed = TRUE)
})

test_that("NaN/Inf in training data is refused only when check_numerics() is on", {
  expect_false(check_numerics())
  expect_s3_class(tensor_slices_dataset(c(1, NaN, 3)), "tensorflow.python.data.ops.dataset_ops.DatasetV2")
  check_numerics(TRUE)
  on.exit(check_numerics(FALSE))
  err <- tryCatch(tensor_slices_dataset(c(1, NaN, 3)), error = function(e) e)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(err$python_message, "R index [2]", fixed = TRUE)
})

test_that("wrong types, NULL and non-integer counts name the argument", {
  expect_error(layer_dense(units = 2.5), class = "python.builtin.ValueError")
  expect_error(layer_dense(units = "32"), class = "python.builtin.ValueError")
  expect_error(layer_dense(), class = "python.builtin.ValueError")
  expect_error(k_expand_dims(tf$constant(1:3), axis = 0), class = "python.builtin.ValueError")
})

test_that("0 and out-of-range indices in `[` are classed errors", {
  x <- tf$constant(matrix(1:6, 2))
  expect_error(x[0, ], class = "python.builtin.ValueError")
  expect_error(x[3, ], class = "python.builtin.ValueError")
})

test_that("missing data files and bad custom-model closures are classed errors", {
  expect_error(dataset_mnist(file.path(tempdir(), "nope", "mnist.npz")), class = "python.builtin.FileNotFoundError")
  expect_error(keras_model_custom(function(self) function() NULL), class = "python.builtin.TypeError")
})

test_that("a layer given data of the wrong rank reports the input's R dim()", {
  layer <- layer_conv_2d(filters = 2, kernel_size = c(3, 3))
  err <- tryCatch(layer(matrix(1, 10, 5)), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(err$python_message, "dim() = c(10, 5)", fixed = TRUE)
  dense <- layer_dense(units = 2)
  dense(matrix(1, 3, 4))
  err <- tryCatch(dense(matrix(1, 3, 7)), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(err$python_message, "dim() = c(3, 7)", fixed = TRUE)
})

test_that("empty data and fractional embedding indices are refused", {
  err <- tryCatch(tensor_slices_dataset(matrix(numeric(0), 0, 3)), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(err$python_message, "`tensors`", fixed = TRUE)
  expect_error(tensor_slices_dataset(list(x = 1:3, y = integer(0))), class = "python.builtin.ValueError")
  embedding <- layer_embedding(input_dim = 5, output_dim = 2)
  expect_equal(dim(embedding(matrix(c(1, 2), 1))), c(1L, 2L, 2L))  # whole doubles are indices
  err <- tryCatch(embedding(matrix(c(1, 2.5), 1)), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(err$python_message, "whole-number indices", fixed = TRUE)
  err <- tryCatch(layer_dense(units = 2)(matrix(c("a", "b"), 1)), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(err$python_message, "dtype character (strings) with dim() = c(1, 2)", fixed = TRUE)
})
