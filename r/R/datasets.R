#' Create a dataset from slices of tensors
#'
#' @param tensors A matrix, array or tensor, or a list of them (elements are then lists of
#'   matching slices), all with the same first dimension.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \dontrun{
#' ds <- tensor_slices_dataset(list(matrix(1:6, 3), 1:3)) %>% dataset_batch(2)
#' }
#' @export
tensor_slices_dataset <- function(tensors) {
  bridge$tensor_slices_dataset(vectors_as_arrays(tensors))
}

#' Shuffle, batch, repeat, take and prefetch dataset elements
#'
#' @param dataset A dataset.
#' @param buffer_size Elements to sample from (shuffle) or to prefetch (`NULL`: autotune).
#' @param seed Integer seed. Defaults to `NULL` (from the global seed).
#' @param reshuffle_each_iteration Defaults to `NULL` (TensorFlow's default, `TRUE`).
#' @returns A `tf.data.Dataset`.
#' @examples
#' \dontrun{
#' ds <- tensor_slices_dataset(matrix(1:20, 10)) %>% dataset_shuffle(10, seed = 1) %>% dataset_batch(4)
#' }
#' @export
dataset_shuffle <- function(dataset, buffer_size, seed = NULL, reshuffle_each_iteration = NULL) {
  bridge$dataset_shuffle(dataset, buffer_size, seed = seed, reshuffle_each_iteration = reshuffle_each_iteration)
}

#' @rdname dataset_shuffle
#' @param batch_size Elements per batch.
#' @param drop_remainder Drop a last, smaller batch. Defaults to `FALSE`.
#' @export
dataset_batch <- function(dataset, batch_size, drop_remainder = FALSE) {
  bridge$dataset_batch(dataset, batch_size, drop_remainder = drop_remainder)
}

#' @rdname dataset_shuffle
#' @param count Number of repetitions (`NULL`: forever) or elements to take.
#' @export
dataset_repeat <- function(dataset, count = NULL) {
  bridge$dataset_repeat(dataset, count)
}

#' @rdname dataset_shuffle
#' @export
dataset_take <- function(dataset, count) {
  bridge$dataset_take(dataset, count)
}

#' @rdname dataset_shuffle
#' @export
dataset_prefetch <- function(dataset, buffer_size = NULL) {
  bridge$dataset_prefetch(dataset, buffer_size)
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
#' \dontrun{
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
