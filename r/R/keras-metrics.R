# R keras 2.x metric functions; the formulas (Keras 2.2.4's) are in rkeras_bridge/keras/metrics.py. As in
# R keras 2.x each carries a `py_function_name` attribute: reticulate names the Python function it
# makes of the R function after it, and that name is the metric's name in training logs and history.

#' Model performance metrics
#'
#' Functions of `(y_true, y_pred)` for `compile(metrics = list(...))`, or to call on tensors.
#' Called directly, each returns one value per sample, except the two top-k accuracies, which
#' return the batch mean (a scalar) as Keras 2.2.4 did. The error metrics are the `loss_*`
#' functions of the same name. `custom_metric()` names an R function of `(y_true, y_pred)` for
#' `compile()`; write it with `k_*` functions.
#'
#' @param y_true Targets (a tensor or an R array).
#' @param y_pred Predictions, the shape of `y_true` (class scores on the last axis for the
#'   categorical metrics).
#' @param k How many of the largest scores count in the top-k accuracies. Defaults to `5`.
#' @returns A tensor; `custom_metric()` returns the metric function, named `name`.
#' @examples
#' \donttest{
#' metric_binary_accuracy(k_constant(rbind(c(1, 0))), k_constant(rbind(c(0.8, 0.6))))  # 0.5
#' metric_mean_pred <- custom_metric("mean_pred", function(y_true, y_pred) k_mean(y_pred))
#' model <- keras_model_sequential() %>% layer_dense(10, input_shape = 784, activation = "softmax")
#' model %>% compile(loss = "categorical_crossentropy", optimizer = optimizer_sgd(),
#'                   metrics = list(metric_categorical_accuracy, metric_mean_pred))
#' }
#' @export
metric_binary_accuracy <- function(y_true, y_pred) {
  bridge$metric_binary_accuracy(y_true, y_pred)
}
attr(metric_binary_accuracy, "py_function_name") <- "binary_accuracy"

#' @rdname metric_binary_accuracy
#' @export
metric_binary_crossentropy <- function(y_true, y_pred) {
  bridge$metric_binary_crossentropy(y_true, y_pred)
}
attr(metric_binary_crossentropy, "py_function_name") <- "binary_crossentropy"

#' @rdname metric_binary_accuracy
#' @export
metric_categorical_accuracy <- function(y_true, y_pred) {
  bridge$metric_categorical_accuracy(y_true, y_pred)
}
attr(metric_categorical_accuracy, "py_function_name") <- "categorical_accuracy"

#' @rdname metric_binary_accuracy
#' @export
metric_categorical_crossentropy <- function(y_true, y_pred) {
  bridge$metric_categorical_crossentropy(y_true, y_pred)
}
attr(metric_categorical_crossentropy, "py_function_name") <- "categorical_crossentropy"

#' @rdname metric_binary_accuracy
#' @export
metric_cosine_proximity <- function(y_true, y_pred) {
  bridge$metric_cosine_proximity(y_true, y_pred)
}
attr(metric_cosine_proximity, "py_function_name") <- "cosine_proximity"

#' @rdname metric_binary_accuracy
#' @export
metric_hinge <- function(y_true, y_pred) {
  bridge$metric_hinge(y_true, y_pred)
}
attr(metric_hinge, "py_function_name") <- "hinge"

#' @rdname metric_binary_accuracy
#' @export
metric_kullback_leibler_divergence <- function(y_true, y_pred) {
  bridge$metric_kullback_leibler_divergence(y_true, y_pred)
}
attr(metric_kullback_leibler_divergence, "py_function_name") <- "kullback_leibler_divergence"

#' @rdname metric_binary_accuracy
#' @export
metric_mean_absolute_error <- function(y_true, y_pred) {
  bridge$metric_mean_absolute_error(y_true, y_pred)
}
attr(metric_mean_absolute_error, "py_function_name") <- "mean_absolute_error"

#' @rdname metric_binary_accuracy
#' @export
metric_mean_absolute_percentage_error <- function(y_true, y_pred) {
  bridge$metric_mean_absolute_percentage_error(y_true, y_pred)
}
attr(metric_mean_absolute_percentage_error, "py_function_name") <- "mean_absolute_percentage_error"

#' @rdname metric_binary_accuracy
#' @export
metric_mean_squared_error <- function(y_true, y_pred) {
  bridge$metric_mean_squared_error(y_true, y_pred)
}
attr(metric_mean_squared_error, "py_function_name") <- "mean_squared_error"

#' @rdname metric_binary_accuracy
#' @export
metric_mean_squared_logarithmic_error <- function(y_true, y_pred) {
  bridge$metric_mean_squared_logarithmic_error(y_true, y_pred)
}
attr(metric_mean_squared_logarithmic_error, "py_function_name") <- "mean_squared_logarithmic_error"

#' @rdname metric_binary_accuracy
#' @export
metric_poisson <- function(y_true, y_pred) {
  bridge$metric_poisson(y_true, y_pred)
}
attr(metric_poisson, "py_function_name") <- "poisson"

#' @rdname metric_binary_accuracy
#' @export
metric_sparse_categorical_crossentropy <- function(y_true, y_pred) {
  bridge$metric_sparse_categorical_crossentropy(y_true, y_pred)
}
attr(metric_sparse_categorical_crossentropy, "py_function_name") <- "sparse_categorical_crossentropy"

#' @rdname metric_binary_accuracy
#' @export
metric_squared_hinge <- function(y_true, y_pred) {
  bridge$metric_squared_hinge(y_true, y_pred)
}
attr(metric_squared_hinge, "py_function_name") <- "squared_hinge"

#' @rdname metric_binary_accuracy
#' @export
metric_top_k_categorical_accuracy <- function(y_true, y_pred, k = 5) {
  bridge$metric_top_k_categorical_accuracy(y_true, y_pred, k = k)
}
attr(metric_top_k_categorical_accuracy, "py_function_name") <- "top_k_categorical_accuracy"

#' @rdname metric_binary_accuracy
#' @export
metric_sparse_top_k_categorical_accuracy <- function(y_true, y_pred, k = 5) {
  bridge$metric_sparse_top_k_categorical_accuracy(y_true, y_pred, k = k)
}
attr(metric_sparse_top_k_categorical_accuracy, "py_function_name") <- "sparse_top_k_categorical_accuracy"

#' @rdname metric_binary_accuracy
#' @param name The name of the custom metric, shown in training logs and the history.
#' @param metric_fn A function of `(y_true, y_pred)` returning a tensor.
#' @export
custom_metric <- function(name, metric_fn) {
  bridge$custom_metric(name, metric_fn)
}
