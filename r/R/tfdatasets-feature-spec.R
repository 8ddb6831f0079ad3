#' Feature specs: the columns of a dataset that feed a model
#'
#' `feature_spec()` names the features and the response of a dataset with named columns; the
#' `step_*()` functions (see [steps]) add TensorFlow feature columns; `fit(spec)` reads the
#' dataset once to learn vocabularies and scaling constants and returns a fitted copy (the spec
#' itself is never changed: every step returns a new one); then `spec$dense_features()` (or
#' `dense_features(spec)`) gives the columns for [layer_dense_features()], and
#' `dataset_use_spec()` the dataset of `list(features, response)` for `fit()`.
#' `layer_input_from_dataset()` makes one Keras input per column of a batched dataset.
#'
#' A spec is a Python object with tfdatasets' fields and methods: `spec$steps`, `spec$fitted`,
#' `spec$fit()` (fits in place), `spec$features()`, `spec$dense_features()`,
#' `spec$feature_names()`, `spec$feature_types()`. The columns are TensorFlow's feature columns,
#' as in tfdatasets (TensorFlow 2.21 still has them).
#'
#' @param dataset A dataset whose elements are named lists (usually batched); for
#'   `feature_spec()` a data frame (one element of every row) too, for
#'   `layer_input_from_dataset()` a data frame or named list (its first rows).
#' @param x The features: a formula `y ~ a + b` (`.` is every other column), or column names and
#'   selectors (see [selectors]).
#' @param y The response, when `x` is not a formula. Defaults to `NULL`.
#' @param object,spec A feature spec.
#' @returns `feature_spec()`, `fit_feature_spec()`: a feature spec. `dataset_use_spec()`: a
#'   dataset. `dense_features()`: a named list of feature columns. `layer_input_from_dataset()`: a
#'   named list of Keras inputs.
#' @examples
#' \donttest{
#' df <- list(a = letters, b = 1:26, c = runif(26), y = runif(26))
#' ds <- tensor_slices_dataset(df) %>% dataset_batch(2)
#' spec <- feature_spec(ds, y ~ a + b + c) %>%
#'   step_numeric_column(b, c, normalizer_fn = scaler_standard()) %>%
#'   step_categorical_column_with_vocabulary_list(a) %>%
#'   step_indicator_column(a)
#' fitted <- fit(spec)
#' names(fitted$dense_features())
#' train <- dataset_use_spec(ds, fitted)
#' inputs <- layer_input_from_dataset(train)
#' }
#' @export
feature_spec <- function(dataset, x, y = NULL) {
  env <- parent.frame()
  if (!inherits(dataset, "python.builtin.object")) dataset <- r_tensors(dataset)
  bridge$feature_spec(dataset, features_term(substitute(x), env), features_term(substitute(y), env))
}

#' @rdname feature_spec
#' @param ... Not used.
#' @export
fit_feature_spec <- function(object, dataset = NULL, ...) {
  bridge$fit_feature_spec(object, dataset = dataset)
}

#' @rdname feature_spec
#' @export
dataset_use_spec <- function(dataset, spec) {
  bridge$dataset_use_spec(dataset, spec)
}

#' @rdname feature_spec
#' @export
dense_features <- function(spec) {
  bridge$dense_features(spec)
}

#' @rdname feature_spec
#' @export
layer_input_from_dataset <- function(dataset) {
  if (!inherits(dataset, "python.builtin.object")) dataset <- r_tensors(dataset)
  bridge$layer_input_from_dataset(dataset)
}

#' Scalers for numeric columns
#'
#' Give one to `step_numeric_column(normalizer_fn = )`: `fit()` learns its constants and turns it
#' into the column's normalizer. `scaler_standard()` normalizes as `(x - mean) / sd` (the sample
#' standard deviation, as `sd()`), `scaler_min_max()` as `(x - min) / (max - min)`. Each column
#' learns apart, also when one scaler is given for several. `StandardScaler$new()` and
#' `MinMaxScaler$new()` make them too (tfdatasets' R6 classes, internal there; exported here) and
#' show the learning: `$fit_batch(values)`, `$fit_resume()`, then `$mean` and `$sd`, or `$min`
#' and `$max`.
#'
#' @returns A scaler (a Python object).
#' @examples
#' \donttest{
#' sc <- StandardScaler$new()
#' for (chunk in split(1:10, rep(1:2, each = 5))) sc$fit_batch(chunk)
#' sc$fit_resume()
#' c(sc$mean, sc$sd)
#' }
#' @export
scaler_standard <- function() {
  bridge$scaler_standard()
}

#' @rdname scaler_standard
#' @export
scaler_min_max <- function() {
  bridge$scaler_min_max()
}

#' @rdname scaler_standard
#' @format NULL
#' @usage NULL
#' @export
StandardScaler <- list(classname = "StandardScaler", new = function() bridge$StandardScaler())

#' @rdname scaler_standard
#' @format NULL
#' @usage NULL
#' @export
MinMaxScaler <- list(classname = "MinMaxScaler", new = function() bridge$MinMaxScaler())

# A step's call into Python: the spec, the `...` selection as terms (names kept), then its arguments.
call_step <- function(fn, spec, dots, env, args = list()) {
  do.call(fn, c(list(spec), selection_terms(dots, env), args))
}

#' Steps of a feature spec
#'
#' Each step takes a spec, the variables (bare names and [selectors]: `b, c`, `all_numeric()`,
#' `-b`, `has_type("string")`) and returns a new spec with feature columns added:
#'
#' * `step_numeric_column()`: numeric columns, optionally normalized (a function or a scaler,
#'   see [scaler_standard()]).
#' * `step_categorical_column_with_vocabulary_list()`: categories from a vocabulary, given or
#'   learnt by `fit()` (the sorted unique values); `_with_hash_bucket()`: ids by hashing;
#'   `_with_identity()`: integers in `[0, num_buckets)`; `_with_vocabulary_file()`: a vocabulary
#'   file, one value per line.
#' * `step_indicator_column()`, `step_embedding_column()`: one-hot or embedded categorical
#'   columns, named `indicator_<var>` / `embedding_<var>` (or `name = var`).
#' * `step_bucketized_column()`: buckets of a numeric column (`bucketized_<var>`).
#' * `step_crossed_column()`: each argument (`c(a, d)`) crosses its variables (`crossed_a_d`).
#' * `step_shared_embeddings_column()`: raises an error of class
#'   `rkeras_bridge.bridge.errors.UnavailableError`: TensorFlow refuses shared embedding columns
#'   under eager execution (tfdatasets noted it did not work eagerly); use `step_embedding_column()`.
#' * `step_remove_column()`: drops features (e.g. a numeric column once bucketized).
#' * `step_text_embedding_column()`, `step_image_embedding_column()`: TensorFlow Hub module
#'   columns; they raise the same error class (TF1 hub modules, gone with TensorFlow 2).
#'
#' @param spec A feature spec.
#' @param ... The variables.
#' @param shape The shape of each value. Defaults to `1L`.
#' @param default_value The value for missing data (numeric); the id of values outside the
#'   vocabulary or range (categorical). Defaults as in tfdatasets.
#' @param dtype The column's dtype. Defaults to `tf$float32` (numeric), `NULL` (vocabulary list:
#'   from the values) or `tf$string`.
#' @param normalizer_fn A function of the tensor, or a scaler. Defaults to `NULL`.
#' @param vocabulary_list The categories. Defaults to `NULL` (learnt by `fit()`).
#' @param num_oov_buckets Hash buckets for values outside the vocabulary. Defaults to `0L`.
#' @param hash_bucket_size Number of hash buckets.
#' @param num_buckets The range of the ids.
#' @param vocabulary_file A file of categories, one per line.
#' @param vocabulary_size Lines of it to use. Defaults to `NULL` (all).
#' @param dimension The embedding size (or a function of the vocabulary size).
#' @param combiner How several values in a row combine: `"mean"`, `"sqrtn"`, `"sum"`.
#' @param initializer The embeddings' initializer. Defaults to `NULL`.
#' @param ckpt_to_load_from,tensor_name_in_ckpt A checkpoint and tensor to load embeddings from.
#' @param max_norm Clip embeddings to this L2 norm. Defaults to `NULL`.
#' @param trainable Train the embeddings. Defaults to `TRUE` (hub columns: `FALSE`).
#' @param boundaries Increasing bucket boundaries.
#' @param hash_key The cross's hash key. Defaults to `NULL`.
#' @param shared_embedding_collection_name The shared table's name. Defaults to `NULL`.
#' @param module_spec A TensorFlow Hub module.
#' @returns A new feature spec.
#' @examples
#' \donttest{
#' df <- list(a = letters, b = 1:26, c = runif(26), d = LETTERS, y = runif(26))
#' ds <- tensor_slices_dataset(df) %>% dataset_batch(2)
#' spec <- feature_spec(ds, y ~ a + b + c + d) %>%
#'   step_numeric_column(all_numeric(), -b) %>%
#'   step_numeric_column(b) %>%
#'   step_bucketized_column(b, boundaries = c(5, 10, 15)) %>%
#'   step_categorical_column_with_vocabulary_list(a, d) %>%
#'   step_crossed_column(c(a, d), hash_bucket_size = 100) %>%
#'   step_indicator_column(a, ind_d = d) %>%
#'   step_embedding_column(crossed_a_d, dimension = 4) %>%
#'   step_remove_column(b)
#' names(fit(spec)$dense_features())
#' }
#' @name steps
#' @export
step_numeric_column <- function(spec, ..., shape = 1L, default_value = NULL, dtype = tf$float32,
                                normalizer_fn = NULL) {
  call_step(bridge$step_numeric_column, spec, eval(substitute(alist(...))), parent.frame(),
            list(shape = shape, default_value = default_value, dtype = dtype, normalizer_fn = normalizer_fn))
}

#' @rdname steps
#' @export
step_categorical_column_with_vocabulary_list <- function(spec, ..., vocabulary_list = NULL, dtype = NULL,
                                                         default_value = -1L, num_oov_buckets = 0L) {
  call_step(bridge$step_categorical_column_with_vocabulary_list, spec, eval(substitute(alist(...))),
            parent.frame(), list(vocabulary_list = vocabulary_list, dtype = dtype, default_value = default_value,
                                 num_oov_buckets = num_oov_buckets))
}

#' @rdname steps
#' @export
step_categorical_column_with_hash_bucket <- function(spec, ..., hash_bucket_size, dtype = tf$string) {
  call_step(bridge$step_categorical_column_with_hash_bucket, spec, eval(substitute(alist(...))), parent.frame(),
            list(hash_bucket_size = if (missing(hash_bucket_size)) NULL else hash_bucket_size, dtype = dtype))
}

#' @rdname steps
#' @export
step_categorical_column_with_identity <- function(spec, ..., num_buckets, default_value = NULL) {
  call_step(bridge$step_categorical_column_with_identity, spec, eval(substitute(alist(...))), parent.frame(),
            list(num_buckets = if (missing(num_buckets)) NULL else num_buckets, default_value = default_value))
}

#' @rdname steps
#' @export
step_categorical_column_with_vocabulary_file <- function(spec, ..., vocabulary_file, vocabulary_size = NULL,
                                                         dtype = tf$string, default_value = NULL,
                                                         num_oov_buckets = 0L) {
  call_step(bridge$step_categorical_column_with_vocabulary_file, spec, eval(substitute(alist(...))),
            parent.frame(), list(vocabulary_file = if (missing(vocabulary_file)) NULL else vocabulary_file,
                                 vocabulary_size = vocabulary_size, dtype = dtype, default_value = default_value,
                                 num_oov_buckets = num_oov_buckets))
}

#' @rdname steps
#' @export
step_indicator_column <- function(spec, ...) {
  call_step(bridge$step_indicator_column, spec, eval(substitute(alist(...))), parent.frame())
}

#' @rdname steps
#' @export
step_embedding_column <- function(spec, ..., dimension = function(x) as.integer(x^0.25), combiner = "mean",
                                  initializer = NULL, ckpt_to_load_from = NULL, tensor_name_in_ckpt = NULL,
                                  max_norm = NULL, trainable = TRUE) {
  call_step(bridge$step_embedding_column, spec, eval(substitute(alist(...))), parent.frame(),
            list(dimension = dimension, combiner = combiner, initializer = initializer,
                 ckpt_to_load_from = ckpt_to_load_from, tensor_name_in_ckpt = tensor_name_in_ckpt,
                 max_norm = max_norm, trainable = trainable))
}

#' @rdname steps
#' @export
step_bucketized_column <- function(spec, ..., boundaries) {
  call_step(bridge$step_bucketized_column, spec, eval(substitute(alist(...))), parent.frame(),
            list(boundaries = if (missing(boundaries)) NULL else as.list(boundaries)))
}

#' @rdname steps
#' @export
step_crossed_column <- function(spec, ..., hash_bucket_size, hash_key = NULL) {
  call_step(bridge$step_crossed_column, spec, eval(substitute(alist(...))), parent.frame(),
            list(hash_bucket_size = if (missing(hash_bucket_size)) NULL else hash_bucket_size, hash_key = hash_key))
}

#' @rdname steps
#' @export
step_shared_embeddings_column <- function(spec, ..., dimension, combiner = "mean", initializer = NULL,
                                          shared_embedding_collection_name = NULL, ckpt_to_load_from = NULL,
                                          tensor_name_in_ckpt = NULL, max_norm = NULL, trainable = TRUE) {
  bridge$step_shared_embeddings_column()
}

#' @rdname steps
#' @export
step_remove_column <- function(spec, ...) {
  call_step(bridge$step_remove_column, spec, eval(substitute(alist(...))), parent.frame())
}

#' @rdname steps
#' @export
step_text_embedding_column <- function(spec, ..., module_spec, trainable = FALSE) {
  bridge$step_text_embedding_column()
}

#' @rdname steps
#' @export
step_image_embedding_column <- function(spec, ..., module_spec) {
  bridge$step_image_embedding_column()
}
