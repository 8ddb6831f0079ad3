#' The next batch of a dataset, and blocks that end with the data
#'
#' `next_batch()` returns the first element (batch) of a dataset: in TF1 graph mode it was a
#' tensor a session evaluated again and again; run eagerly, as here, it is the element's value.
#' `with_dataset()` evaluates its block once and ends quietly when an iterator reaches the end of
#' its data; `out_of_range_handler()` is the handler that does it (for `tryCatch(error = )`): the
#' end of the data is ignored, any other error raised again.
#'
#' @param dataset A dataset.
#' @param expr The block to evaluate.
#' @param e An error condition.
#' @returns `next_batch()`: the element (a tensor or a (named) list of them). `with_dataset()`:
#'   the block's value, or `NULL` at the end of the data. `out_of_range_handler()`: `NULL`.
#' @examples
#' \donttest{
#' batch <- range_dataset(1, 11) %>% dataset_batch(10) %>% next_batch()
#' iter <- make_iterator_one_shot(tensor_slices_dataset(1:50) %>% dataset_batch(10))
#' with_dataset({
#'   while (TRUE) batch <- iterator_get_next(iter)
#' })
#' }
#' @export
next_batch <- function(dataset) {
  bridge$next_batch(dataset)
}

#' @rdname next_batch
#' @export
with_dataset <- function(expr) {
  tryCatch(expr, tensorflow.python.framework.errors_impl.OutOfRangeError = function(e) invisible(NULL))
}

#' @rdname next_batch
#' @export
out_of_range_handler <- function(e) {
  if (inherits(e, "tensorflow.python.framework.errors_impl.OutOfRangeError")) {
    return(invisible(NULL))
  }
  stop(e)
}

#' Iterators re-pointed at datasets, and the TF1 graph iterators (unavailable)
#'
#' `make_iterator_from_structure()` makes an iterator for elements of given types and shapes,
#' bound to no dataset; `iterator_make_initializer(iterator, dataset)` points it at a dataset with
#' that structure and starts a pass at once (TF1 returned an op for a session to run), after which
#' [iterator_get_next()] reads it and raises `OutOfRangeError` at its end.
#'
#' Initializable iterators, their initializer op and string handles exist only in a TF1 graph run
#' by a session: `make_iterator_initializable()`, `iterator_initializer()`,
#' `make_iterator_from_string_handle()` and `iterator_string_handle()` raise an error of class
#' `rkeras_bridge.bridge.errors.UnavailableError` saying why and what to use instead.
#'
#' @param output_types A `tf$DType` or a (named) list of them, e.g. `output_types(dataset)`.
#' @param output_shapes The matching shapes, e.g. `output_shapes(dataset)`. Defaults to `NULL`
#'   (any shape).
#' @param shared_name Not used (TF1 sessions shared iterators by name). Defaults to `NULL`.
#' @param iterator An iterator from `make_iterator_from_structure()`.
#' @param dataset A dataset.
#' @param name Not used (a TF1 op name). Defaults to `NULL`.
#' @param string_handle A string tensor (TF1).
#' @returns `make_iterator_from_structure()`: an iterator; `iterator_make_initializer()`: `NULL`,
#'   invisibly. The others raise an error.
#' @examples
#' \donttest{
#' train <- range_dataset(1, 100)
#' iter <- make_iterator_from_structure(output_types(train), output_shapes(train))
#' iterator_make_initializer(iter, train)
#' first <- iterator_get_next(iter)
#' iterator_make_initializer(iter, range_dataset(1, 50))
#' try(make_iterator_initializable(train))
#' }
#' @export
make_iterator_from_structure <- function(output_types, output_shapes = NULL, shared_name = NULL) {
  bridge$make_iterator_from_structure(output_types, output_shapes = output_shapes, shared_name = shared_name)
}

#' @rdname make_iterator_from_structure
#' @export
iterator_make_initializer <- function(iterator, dataset, name = NULL) {
  invisible(bridge$iterator_make_initializer(iterator, dataset, name = name))
}

#' @rdname make_iterator_from_structure
#' @export
make_iterator_initializable <- function(dataset, shared_name = NULL) {
  bridge$make_iterator_initializable(dataset, shared_name = shared_name)
}

#' @rdname make_iterator_from_structure
#' @export
iterator_initializer <- function(iterator) {
  bridge$iterator_initializer(iterator)
}

#' @rdname make_iterator_from_structure
#' @export
make_iterator_from_string_handle <- function(string_handle, output_types, output_shapes = NULL) {
  bridge$make_iterator_from_string_handle(string_handle, output_types, output_shapes = output_shapes)
}

#' @rdname make_iterator_from_structure
#' @export
iterator_string_handle <- function(iterator, name = NULL) {
  bridge$iterator_string_handle(iterator, name = name)
}
