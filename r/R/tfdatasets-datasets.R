#' Create a dataset from slices of tensors
#'
#' R structures become dataset elements as in tfdatasets: an unnamed list gives elements that are
#' lists of matching slices, a named list (or a data frame) named lists. Numbers keep R's types:
#' doubles are `float64` (as NumPy arrays from Python; tfdatasets gave plain double vectors
#' `float32`), integers `int32`, logicals `bool`, strings and factors `string`.
#'
#' @param tensors A vector, matrix, array or tensor, or a list of them (elements are then lists
#'   of matching slices), all with the same first dimension; or a data frame, whose rows become
#'   elements that are named lists of columns (factors become their labels, as strings).
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' ds <- tensor_slices_dataset(list(matrix(1:6, 3), 1:3)) %>% dataset_batch(2)
#' rows <- tensor_slices_dataset(mtcars) %>% dataset_batch(8)
#' }
#' @export
tensor_slices_dataset <- function(tensors) {
  bridge$tensor_slices_dataset(tensors = r_tensors(tensors))
}

#' Create a dataset of one element
#'
#' @param tensors A vector, array or tensor, or a (named) list of them, or a data frame (one
#'   element holding every row). Vectors convert as in [tensor_slices_dataset()]; a single number
#'   is a scalar.
#' @returns A `tf.data.Dataset` with a single element.
#' @examples
#' \donttest{
#' ds <- tensors_dataset(tf$constant(1:100))
#' }
#' @export
tensors_dataset <- function(tensors) {
  bridge$tensors_dataset(tensors = r_tensors(tensors, scalars = TRUE))
}

#' Create a dataset of the rows of a sparse tensor
#'
#' TensorFlow 1's `from_sparse_tensor_slices()` is gone; TensorFlow 2 slices a sparse tensor the
#' same way, row by row, each row a sparse tensor of one rank less.
#'
#' @param sparse_tensor A `tf$SparseTensor`.
#' @returns A `tf.data.Dataset` of sparse tensors.
#' @examples
#' \donttest{
#' st <- tf$SparseTensor(indices = list(c(0L, 0L), c(1L, 2L)), values = c(1L, 2L), dense_shape = c(3L, 4L))
#' ds <- sparse_tensor_slices_dataset(st)
#' }
#' @export
sparse_tensor_slices_dataset <- function(sparse_tensor) {
  bridge$sparse_tensor_slices_dataset(sparse_tensor)
}

#' Create a dataset of a range of numbers
#'
#' @param from The first value. Defaults to `0`.
#' @param to The end, excluded. Defaults to `0`.
#' @param by The step. Defaults to `1`.
#' @param ... Not used.
#' @param dtype The elements' dtype. Defaults to `tf$int64`.
#' @returns A `tf.data.Dataset` of scalars.
#' @examples
#' \donttest{
#' ds <- range_dataset(from = 1, to = 11) %>% dataset_batch(10)
#' }
#' @export
range_dataset <- function(from = 0, to = 0, by = 1, ..., dtype = tf$int64) {
  bridge$range_dataset(from_ = from, to = to, by = by, dtype = dtype)
}

#' Zip datasets together
#'
#' @param ... Datasets, or one (nested, named) list of datasets: each element of the result holds
#'   one element of each (a named list gives named-list elements).
#' @returns A `tf.data.Dataset` as long as the shortest one.
#' @examples
#' \donttest{
#' ds <- zip_datasets(range_dataset(0, 3), range_dataset(10, 13))
#' ds <- zip_datasets(list(x = range_dataset(0, 3), y = range_dataset(10, 13)))
#' }
#' @export
zip_datasets <- function(...) {
  bridge$zip_datasets(...)
}

#' Sample elements at random from several datasets
#'
#' @param datasets A list of datasets with the same element structure.
#' @param weights The probability of each dataset (a numeric vector, or a dataset of such
#'   vectors). Defaults to `NULL` (uniform).
#' @param seed Integer seed. Defaults to `NULL`.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' ds <- sample_from_datasets(list(range_dataset(0, 5), range_dataset(100, 105)), seed = 1)
#' }
#' @export
sample_from_datasets <- function(datasets, weights = NULL, seed = NULL) {
  bridge$sample_from_datasets(datasets, weights = weights, seed = seed)
}

# R data for tf.data. reticulate sends an R vector as a Python list (length 1: a scalar), which tf.data would
# read as a structure of scalars: vectors become 1-d arrays (with `scalars`, a single number stays a scalar),
# data frames their named list of columns (factors their labels), and lists are walked. A double vector is
# float64, as it is from Python's NumPy (tfdatasets, through Python lists, gave float32): R and Python twins
# get the same dtypes. R NA is refused when the call reaches Python (py_call_checked).
r_tensors <- function(x, scalars = FALSE) {
  if (inherits(x, "python.builtin.object")) {
    return(x)
  }
  if (is.data.frame(x)) {
    x <- as.list(x)
  }
  if (is.factor(x)) {
    x <- as.character(x)
  }
  if (is.atomic(x) && is.null(dim(x)) && length(x) >= 1) {
    if (scalars && length(x) == 1) x else array(x)
  } else if (is.list(x)) {
    structure(lapply(x, r_tensors, scalars = scalars), names = names(x))
  } else {
    x
  }
}

#' Shuffle, batch, repeat, take and prefetch dataset elements
#'
#' @param dataset A dataset.
#' @param buffer_size Elements to sample from (shuffle) or to prefetch (`NULL`: autotune).
#' @param seed Integer seed. Defaults to `NULL` (from the global seed).
#' @param reshuffle_each_iteration Defaults to `NULL` (TensorFlow's default, `TRUE`).
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' ds <- tensor_slices_dataset(matrix(1:20, 10)) %>% dataset_shuffle(10, seed = 1) %>% dataset_batch(4)
#' }
#' @export
dataset_shuffle <- function(dataset, buffer_size, seed = NULL, reshuffle_each_iteration = NULL) {
  bridge$dataset_shuffle(dataset = dataset, buffer_size = buffer_size, seed = seed, reshuffle_each_iteration = reshuffle_each_iteration)
}

#' @rdname dataset_shuffle
#' @param batch_size Elements per batch.
#' @param drop_remainder Drop a last, smaller batch. Defaults to `FALSE`.
#' @export
dataset_batch <- function(dataset, batch_size, drop_remainder = FALSE) {
  bridge$dataset_batch(dataset = dataset, batch_size = batch_size, drop_remainder = drop_remainder)
}

#' @rdname dataset_shuffle
#' @param count Number of repetitions (`NULL`: forever) or elements to take.
#' @export
dataset_repeat <- function(dataset, count = NULL) {
  bridge$dataset_repeat(dataset = dataset, count = count)
}

#' @rdname dataset_shuffle
#' @export
dataset_take <- function(dataset, count) {
  bridge$dataset_take(dataset = dataset, count = count)
}

#' @rdname dataset_shuffle
#' @export
dataset_prefetch <- function(dataset, buffer_size = NULL) {
  bridge$dataset_prefetch(dataset = dataset, buffer_size = buffer_size)
}

#' Iterate over a dataset, 2018 style
#'
#' `make_iterator_one_shot()` starts one pass over a dataset; `iterator_get_next()` returns the
#' next element and raises `tensorflow.python.framework.errors_impl.OutOfRangeError` at the end;
#' `until_out_of_range()` evaluates its block again and again until that happens (`break` in the
#' block ends it too, `next` starts the next round).
#'
#' @param dataset A dataset.
#' @returns An iterator (`make_iterator_one_shot`), an element (`iterator_get_next`), or
#'   `NULL` invisibly (`until_out_of_range`).
#' @examples
#' \donttest{
#' iter <- make_iterator_one_shot(tensor_slices_dataset(1:3))
#' until_out_of_range({
#'   print(iterator_get_next(iter))
#' })
#' }
#' @export
make_iterator_one_shot <- function(dataset) {
  bridge$make_iterator_one_shot(dataset)
}

#' @rdname make_iterator_one_shot
#' @param iterator An iterator from `make_iterator_one_shot()` or [make_iterator_from_structure()].
#' @param name Not used (the name of TF1's graph op). Defaults to `NULL`.
#' @export
iterator_get_next <- function(iterator, name = NULL) {
  bridge$iterator_get_next(iterator)
}

#' @rdname make_iterator_one_shot
#' @param expr The block to repeat.
#' @export
until_out_of_range <- function(expr) {
  # The block runs as the body of a `repeat` in the caller's frame, so `break` and `next` in it act on
  # that loop, as in tfdatasets; the end of the data ends the loop.
  loop <- call("repeat", substitute(expr))
  envir <- parent.frame()
  tryCatch(eval(loop, envir), tensorflow.python.framework.errors_impl.OutOfRangeError = function(e) NULL)
  invisible(NULL)
}

#' Map a function over the elements of a dataset
#'
#' The function is traced once into a TensorFlow graph, as tf.data does: it runs once, on
#' symbolic tensors, not once per element, so R side effects in it happen once.
#'
#' @param dataset A dataset.
#' @param map_func A function of one element, or a one-sided formula such as `~ .x * 2` (`.x`
#'   or `.` is the first argument, `.y` the second). An element made from an unnamed list is
#'   passed as separate arguments (`function(x, y)`), a named list (or data frame row) as one
#'   named list. Return a tensor, an unnamed list (a multi-part element) or a named list.
#' @param num_parallel_calls Elements to process in parallel: a positive integer or
#'   `tf$data$AUTOTUNE` (-1). Defaults to `NULL` (one at a time).
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' x <- matrix(0:255, 64); y <- 1:64
#' ds <- tensor_slices_dataset(list(x, y)) %>% dataset_map(function(x, y) list(x / 255, y))
#' ds <- tensor_slices_dataset(1:10) %>% dataset_map(~ .x * 2L)
#' }
#' @export
dataset_map <- function(dataset, map_func, num_parallel_calls = NULL) {
  bridge$dataset_map(dataset, as_map_function(map_func), num_parallel_calls = num_parallel_calls)
}

# A one-sided formula as a function of the element's parts, with purrr's names. Anything else is
# sent unchanged for Python to check; a two-sided formula as its text, since reticulate cannot
# convert formulas and the error should name `map_func`.
as_map_function <- function(f) {
  if (!inherits(f, "formula")) {
    return(f)
  }
  if (length(f) != 2L) {
    return(paste(deparse(f), collapse = " "))
  }
  fn <- function(..., .x = ..1, .y = ..2, . = ..1) NULL
  body(fn) <- f[[2L]]
  environment(fn) <- environment(f)
  fn
}

#' Iterate over a dataset with `iter_next()`
#'
#' `as_iterator()` starts one pass over a dataset; `iter_next()` returns the next element, or
#' `completed` when there are no more, so that `while (!is.null(batch <- iter_next(it))) {...}`
#' visits every element.
#'
#' @param dataset A dataset.
#' @returns An iterator (`as_iterator`), an element or `completed` (`iter_next`).
#' @examples
#' \donttest{
#' it <- as_iterator(tensor_slices_dataset(1:10) %>% dataset_batch(4))
#' while (!is.null(batch <- iter_next(it))) {
#'   print(batch)
#' }
#' }
#' @export
as_iterator <- function(dataset) {
  bridge$as_iterator(dataset)
}

#' @rdname as_iterator
#' @param it An iterator from `as_iterator()`.
#' @param completed What to return at the end. Defaults to `NULL`.
#' @export
iter_next <- function(it, completed = NULL) {
  # `completed` stays in R: any R value (NA, a sentinel) comes back unchanged, and a dataset
  # element is never NULL.
  value <- bridge$iter_next(it)
  if (is.null(value)) completed else value
}
