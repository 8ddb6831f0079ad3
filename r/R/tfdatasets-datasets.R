#' Create a dataset from slices of tensors
#'
#' @param tensors A matrix, array or tensor, or a list of them (elements are then lists of
#'   matching slices), all with the same first dimension; or a data frame, whose rows become
#'   elements that are named lists of columns (factors become their labels, as strings).
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' ds <- tensor_slices_dataset(list(matrix(1:6, 3), 1:3)) %>% dataset_batch(2)
#' rows <- tensor_slices_dataset(mtcars) %>% dataset_batch(8)
#' }
#' @export
tensor_slices_dataset <- function(tensors) {
  if (is.data.frame(tensors)) {
    # A data frame is its named list of columns (as in tfdatasets). It is not sent as a pandas
    # DataFrame: reticulate 1.28 fails on factors there (pandas 2) and, under this package's
    # checked calls, on the DataFrame itself. array() keeps a one-row column a 1-d array.
    tensors <- lapply(as.list(tensors), function(column) array(if (is.factor(column)) as.character(column) else column))
  }
  bridge$tensor_slices_dataset(tensors = vectors_as_arrays(tensors))
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
#' `until_out_of_range()` evaluates its block again and again until that happens.
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
#' @param iterator An iterator from `make_iterator_one_shot()`.
#' @export
iterator_get_next <- function(iterator) {
  bridge$iterator_get_next(iterator)
}

#' @rdname make_iterator_one_shot
#' @param expr The block to repeat.
#' @export
until_out_of_range <- function(expr) {
  expr <- substitute(expr)
  envir <- parent.frame()
  repeat {
    finished <- tryCatch({
      eval(expr, envir)
      FALSE
    }, tensorflow.python.framework.errors_impl.OutOfRangeError = function(e) TRUE)
    if (finished) break
  }
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
