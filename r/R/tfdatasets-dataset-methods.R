#' Skip, cache, concatenate, shard and window datasets
#'
#' `dataset_skip()` drops the first `count` elements; `dataset_cache()` keeps the elements after
#' the first pass (in memory, or in files starting with `filename`); `dataset_concatenate()`
#' appends `other`; `dataset_shard()` keeps every `num_shards`-th element from `index` (0-based);
#' `dataset_window()` makes a dataset of windows, each itself a dataset of `size` elements;
#' `dataset_shuffle_and_repeat()` shuffles and repeats, a new order each pass;
#' `dataset_prefetch_to_device()` prefetches onto a device (the pipeline's last step).
#'
#' @param dataset A dataset.
#' @param count Elements to skip (-1: all); repetitions for `dataset_shuffle_and_repeat()`
#'   (`NULL`: forever).
#' @param filename A file name prefix for an on-disk cache. Defaults to `NULL` (in memory).
#' @param other A dataset with the same element structure and types.
#' @param num_shards Number of shards.
#' @param index This shard, from 0 to `num_shards - 1`.
#' @param size Elements per window.
#' @param shift Elements the window moves each time. Defaults to `NULL` (`size`).
#' @param stride Step between elements inside a window. Defaults to `1`.
#' @param drop_remainder Drop last windows (or batches) smaller than asked. Defaults to `FALSE`.
#' @param buffer_size Elements to sample from (shuffle) or to buffer on the device (`NULL`:
#'   automatic).
#' @param seed Integer seed. Defaults to `NULL`.
#' @param device A device name such as `"/gpu:0"`.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' ds <- range_dataset(0, 10) %>% dataset_skip(2) %>% dataset_cache()
#' ds <- dataset_concatenate(range_dataset(0, 3), range_dataset(10, 13)) %>% dataset_shard(2, 0)
#' windows <- range_dataset(1, 100) %>% dataset_window(size = 5)
#' }
#' @export
dataset_skip <- function(dataset, count) {
  bridge$dataset_skip(dataset, count = count)
}

#' @rdname dataset_skip
#' @export
dataset_cache <- function(dataset, filename = NULL) {
  bridge$dataset_cache(dataset, filename = filename)
}

#' @rdname dataset_skip
#' @export
dataset_concatenate <- function(dataset, other) {
  bridge$dataset_concatenate(dataset, other)
}

#' @rdname dataset_skip
#' @export
dataset_shard <- function(dataset, num_shards, index) {
  bridge$dataset_shard(dataset, num_shards = num_shards, index = index)
}

#' @rdname dataset_skip
#' @export
dataset_window <- function(dataset, size, shift = NULL, stride = 1, drop_remainder = FALSE) {
  bridge$dataset_window(dataset, size = size, shift = shift, stride = stride, drop_remainder = drop_remainder)
}

#' @rdname dataset_skip
#' @export
dataset_shuffle_and_repeat <- function(dataset, buffer_size, count = NULL, seed = NULL) {
  bridge$dataset_shuffle_and_repeat(dataset, buffer_size = buffer_size, count = count, seed = seed)
}

#' @rdname dataset_skip
#' @export
dataset_prefetch_to_device <- function(dataset, device, buffer_size = NULL) {
  bridge$dataset_prefetch_to_device(dataset, device = device, buffer_size = buffer_size)
}

#' Filter, flat-map, interleave and map-and-batch with a function
#'
#' Each function is traced once by tf.data, as in [dataset_map()]: an element made from an
#' unnamed list arrives as separate arguments, a named list as one named list, and a one-sided
#' formula such as `~ .x * 2` is a function.
#'
#' * `dataset_filter()` keeps the elements for which `predicate` returns a true scalar tensor
#'   (`record$mpg >= 20 & record$cyl >= 6L`).
#' * `dataset_flat_map()` maps each element to a dataset and chains them.
#' * `dataset_interleave()` maps each element to a dataset and takes `block_length` elements from
#'   each of `cycle_length` of them in turn.
#' * `dataset_map_and_batch()` maps then batches.
#'
#' @param dataset A dataset.
#' @param predicate A function of one element returning a boolean scalar tensor.
#' @param map_func A function of one element: it returns a dataset (`dataset_flat_map`,
#'   `dataset_interleave`) or the new element (`dataset_map_and_batch`).
#' @param cycle_length Datasets open at a time.
#' @param block_length Consecutive elements taken from each. Defaults to `1`.
#' @param batch_size Elements per batch.
#' @param num_parallel_batches Batches computed in parallel. Defaults to `NULL`.
#' @param drop_remainder Drop a last, smaller batch. Defaults to `FALSE`.
#' @param num_parallel_calls Elements mapped in parallel. Defaults to `NULL`.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' evens <- range_dataset(0, 10) %>% dataset_filter(function(x) x %% 2L == 0L)
#' ds <- tensor_slices_dataset(c(1, 2, 3)) %>%
#'   dataset_interleave(cycle_length = 2, block_length = 2, function(x) {
#'     tensors_dataset(x) %>% dataset_repeat(4)
#'   })
#' negated <- range_dataset(1, 100) %>% dataset_map_and_batch(~ -.x, batch_size = 32)
#' }
#' @export
dataset_filter <- function(dataset, predicate) {
  bridge$dataset_filter(dataset, as_map_function(predicate))
}

#' @rdname dataset_filter
#' @export
dataset_flat_map <- function(dataset, map_func) {
  bridge$dataset_flat_map(dataset, as_map_function(map_func))
}

#' @rdname dataset_filter
#' @export
dataset_interleave <- function(dataset, map_func, cycle_length, block_length = 1) {
  bridge$dataset_interleave(dataset, as_map_function(map_func), cycle_length = cycle_length,
                            block_length = block_length)
}

#' @rdname dataset_filter
#' @export
dataset_map_and_batch <- function(dataset, map_func, batch_size, num_parallel_batches = NULL,
                                  drop_remainder = FALSE, num_parallel_calls = NULL) {
  bridge$dataset_map_and_batch(dataset, as_map_function(map_func), batch_size = batch_size,
                               num_parallel_batches = num_parallel_batches, drop_remainder = drop_remainder,
                               num_parallel_calls = num_parallel_calls)
}

#' Batch elements of different shapes, padded
#'
#' @param dataset A dataset.
#' @param batch_size Elements per batch.
#' @param padded_shapes The shape each component is padded to: an integer vector or tensor (-1
#'   entries: the longest in the batch), a `tf$TensorShape`, or a (named) list of them. Defaults
#'   to `NULL` (every dimension padded to the longest in the batch).
#' @param padding_values The padding value: one scalar, or a (named) list of them; numbers take
#'   each component's type. Defaults to `NULL` (0, or `""` for strings).
#' @param drop_remainder Drop a last, smaller batch. Defaults to `FALSE`.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' ds <- tensor_slices_dataset(matrix(1:8, ncol = 2)) %>%
#'   dataset_padded_batch(batch_size = 2, padded_shapes = 3L, padding_values = 77L)
#' }
#' @export
dataset_padded_batch <- function(dataset, batch_size, padded_shapes = NULL, padding_values = NULL,
                                 drop_remainder = FALSE) {
  bridge$dataset_padded_batch(dataset, batch_size = batch_size, padded_shapes = padded_shapes,
                              padding_values = padding_values, drop_remainder = drop_remainder)
}

#' Features and response from named columns
#'
#' Turns elements with named columns (a CSV record spec, a data frame) into `list(x = features,
#' y = response)`.
#'
#' @param dataset A dataset whose elements are named lists.
#' @param x The features: bare column names and selectors (`c(mpg, disp)`, `-Species`,
#'   `starts_with("Sepal")`, `!!names`, see [selectors]), or a formula `y ~ a + b` (which names
#'   the response too; `.` is every other column).
#' @param y The response: one column. Defaults to `NULL` (none, unless `x` is a formula).
#' @param named Name the parts `x` and `y`. Defaults to `TRUE`.
#' @param named_features Keep the features as a named list; `FALSE` stacks them into one tensor
#'   (`(batch, n_features)` when batched), which needs one type. Defaults to `FALSE`.
#' @param parallel_records Elements processed in parallel. Defaults to `NULL`.
#' @param batch_size Batch the result too. Defaults to `NULL`.
#' @param num_parallel_batches With `batch_size`: batches computed in parallel. Defaults to `NULL`.
#' @param drop_remainder With `batch_size`: drop a last, smaller batch. Defaults to `FALSE`.
#' @returns A `tf.data.Dataset` of `list(x = ..., y = ...)` (no `y` without a response).
#' @examples
#' \donttest{
#' f <- tempfile(fileext = ".csv"); write.csv(mtcars, f, row.names = FALSE)
#' ds <- text_line_dataset(f, record_spec = csv_record_spec(f)) %>%
#'   dataset_prepare(x = c(mpg, disp), y = cyl) %>%
#'   dataset_batch(10)
#' ds2 <- text_line_dataset(f, record_spec = csv_record_spec(f)) %>% dataset_prepare(cyl ~ mpg + disp)
#' }
#' @export
dataset_prepare <- function(dataset, x, y = NULL, named = TRUE, named_features = FALSE, parallel_records = NULL,
                            batch_size = NULL, num_parallel_batches = NULL, drop_remainder = FALSE) {
  env <- parent.frame()
  bridge$dataset_prepare(dataset, features_term(substitute(x), env), y = features_term(substitute(y), env),
                         named = named, named_features = named_features, parallel_records = parallel_records,
                         batch_size = batch_size, num_parallel_batches = num_parallel_batches,
                         drop_remainder = drop_remainder)
}

#' Dataset properties: element types, shapes and column names
#'
#' @param object,dataset A dataset (or, for `output_types()`/`output_shapes()`, an iterator).
#' @returns `output_types()`: a `tf$DType` or a (named) list of them; `output_shapes()`: a
#'   `tf$TensorShape` (use `$as_list()`) or a (named) list of them; `column_names()`: the names of
#'   a dataset's named-list elements (internal in tfdatasets 1.13, exported here);
#'   `as_tf_dataset()`: the dataset, checked.
#' @examples
#' \donttest{
#' ds <- tensor_slices_dataset(mtcars)
#' output_types(ds)$cyl
#' output_shapes(tensors_dataset(tf$constant(1:100)))$as_list()
#' column_names(ds)
#' }
#' @export
output_types <- function(object) {
  bridge$output_types(object)
}

#' @rdname output_types
#' @export
output_shapes <- function(object) {
  bridge$output_shapes(object)
}

#' @rdname output_types
#' @export
column_names <- function(dataset) {
  bridge$column_names(dataset)
}

#' @rdname output_types
#' @export
as_tf_dataset <- function(dataset) {
  bridge$as_tf_dataset(dataset)
}

#' Estimator input functions (unavailable)
#'
#' tfdatasets' `input_fn()` method fed a dataset to a tf.estimator Estimator (tfestimators).
#' tf.estimator was removed in TensorFlow 2.16, so this raises an error of class
#' `rkeras_bridge.bridge.errors.UnavailableError` that says what to use instead:
#' [dataset_prepare()] (or [feature_spec()] with [dataset_use_spec()]) and `fit()` a Keras model.
#'
#' @param dataset A dataset.
#' @param features,response The feature and response columns.
#' @param ... Not used.
#' @returns Nothing: it always raises the error.
#' @examples
#' \donttest{
#' try(input_fn(tensor_slices_dataset(mtcars), features = c(disp, cyl), response = mpg))
#' }
#' @export
input_fn <- function(dataset, features = NULL, response = NULL, ...) {
  bridge$input_fn()
}

#' @rdname input_fn
#' @export
input_fn.tf_dataset <- function(dataset, features = NULL, response = NULL, ...) {
  bridge$input_fn()
}
