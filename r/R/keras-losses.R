# R keras 2.x loss functions: one loss per sample (mean over the last axis), computed in
# rkeras_bridge/keras/losses.py. As in R keras 2.x each carries a `py_function_name` attribute, the name
# of the Keras loss, for compile() implementations that resolve R loss functions by name.

#' Mean squared error, per sample
#'
#' @param y_true Targets, the shape of `y_pred`.
#' @param y_pred Predictions.
#' @returns A tensor with the shape of `y_pred` less its last axis; take `tf$reduce_mean()` of it
#'   for a scalar loss. The function itself can be given as `loss =` to `compile()`.
#' @examples
#' \donttest{
#' loss_mean_squared_error(rbind(c(0, 1)), k_constant(rbind(c(1, 1))))  # 0.5
#' }
#' @export
loss_mean_squared_error <- function(y_true, y_pred) {
  bridge$loss_mean_squared_error(y_true, y_pred)
}
attr(loss_mean_squared_error, "py_function_name") <- "mean_squared_error"

#' Binary cross-entropy, per sample
#'
#' Probabilities are clipped to `[k_epsilon(), 1 - k_epsilon()]`, as in Keras 2.
#'
#' @param y_true Targets in `[0, 1]`, the shape of `y_pred`.
#' @param y_pred Probabilities, or logits when `from_logits`.
#' @param from_logits Whether `y_pred` are logits. Defaults to `FALSE`.
#' @returns A tensor with the shape of `y_pred` less its last axis.
#' @examples
#' \donttest{
#' loss_binary_crossentropy(rbind(c(1, 0)), k_constant(rbind(c(0.9, 0.2))))
#' }
#' @export
loss_binary_crossentropy <- function(y_true, y_pred, from_logits = FALSE) {
  bridge$loss_binary_crossentropy(y_true, y_pred, from_logits = from_logits)
}
attr(loss_binary_crossentropy, "py_function_name") <- "binary_crossentropy"

#' Sparse categorical cross-entropy, per sample (0-based labels)
#'
#' @inheritParams loss_binary_crossentropy
#' @param y_true Class labels, **0-based** (`0` to `classes - 1`) as in R keras 2.x; whole-number
#'   doubles are accepted.
#' @param y_pred Class probabilities on the last axis, or logits when `from_logits`.
#' @returns A tensor with the shape of `y_pred` less its last axis.
#' @examples
#' \donttest{
#' loss_sparse_categorical_crossentropy(array(1), k_constant(rbind(c(0.25, 0.5, 0.25))))  # log(2)
#' }
#' @export
loss_sparse_categorical_crossentropy <- function(y_true, y_pred, from_logits = FALSE) {
  bridge$loss_sparse_categorical_crossentropy(y_true, y_pred, from_logits = from_logits)
}
attr(loss_sparse_categorical_crossentropy, "py_function_name") <- "sparse_categorical_crossentropy"

#' Loss functions, per sample
#'
#' Functions of `(y_true, y_pred)` with Keras 2.2.4's formulas, each reducing over the last axis
#' only: one loss per sample (take `tf$reduce_mean()` for a scalar). Each can be given as
#' `loss =` to `compile()` or used as a metric. `loss_hinge()` and `loss_squared_hinge()` take the
#' targets as given (-1 or 1), as Keras 2.2.4 did (Keras 3 maps 0/1 targets to -1/1);
#' `loss_cosine_proximity()`, which Keras 3 dropped, is `-sum(l2_normalize(y_true) *
#' l2_normalize(y_pred))`.
#'
#' @inheritParams loss_mean_squared_error
#' @returns A tensor with the shape of `y_pred` less its last axis.
#' @examples
#' \donttest{
#' loss_mean_absolute_error(rbind(c(0, 1)), k_constant(rbind(c(1, 3))))  # 1.5
#' loss_categorical_crossentropy(rbind(c(0, 1)), k_constant(rbind(c(0.5, 0.5))))  # log(2)
#' }
#' @export
loss_mean_absolute_error <- function(y_true, y_pred) {
  bridge$loss_mean_absolute_error(y_true, y_pred)
}
attr(loss_mean_absolute_error, "py_function_name") <- "mean_absolute_error"

#' @rdname loss_mean_absolute_error
#' @export
loss_mean_absolute_percentage_error <- function(y_true, y_pred) {
  bridge$loss_mean_absolute_percentage_error(y_true, y_pred)
}
attr(loss_mean_absolute_percentage_error, "py_function_name") <- "mean_absolute_percentage_error"

#' @rdname loss_mean_absolute_error
#' @export
loss_mean_squared_logarithmic_error <- function(y_true, y_pred) {
  bridge$loss_mean_squared_logarithmic_error(y_true, y_pred)
}
attr(loss_mean_squared_logarithmic_error, "py_function_name") <- "mean_squared_logarithmic_error"

#' @rdname loss_mean_absolute_error
#' @export
loss_squared_hinge <- function(y_true, y_pred) {
  bridge$loss_squared_hinge(y_true, y_pred)
}
attr(loss_squared_hinge, "py_function_name") <- "squared_hinge"

#' @rdname loss_mean_absolute_error
#' @export
loss_hinge <- function(y_true, y_pred) {
  bridge$loss_hinge(y_true, y_pred)
}
attr(loss_hinge, "py_function_name") <- "hinge"

#' @rdname loss_mean_absolute_error
#' @export
loss_categorical_hinge <- function(y_true, y_pred) {
  bridge$loss_categorical_hinge(y_true, y_pred)
}
attr(loss_categorical_hinge, "py_function_name") <- "categorical_hinge"

#' @rdname loss_mean_absolute_error
#' @export
loss_logcosh <- function(y_true, y_pred) {
  bridge$loss_logcosh(y_true, y_pred)
}
attr(loss_logcosh, "py_function_name") <- "logcosh"

#' @rdname loss_mean_absolute_error
#' @export
loss_categorical_crossentropy <- function(y_true, y_pred) {
  bridge$loss_categorical_crossentropy(y_true, y_pred)
}
attr(loss_categorical_crossentropy, "py_function_name") <- "categorical_crossentropy"

#' @rdname loss_mean_absolute_error
#' @export
loss_kullback_leibler_divergence <- function(y_true, y_pred) {
  bridge$loss_kullback_leibler_divergence(y_true, y_pred)
}
attr(loss_kullback_leibler_divergence, "py_function_name") <- "kullback_leibler_divergence"

#' @rdname loss_mean_absolute_error
#' @export
loss_poisson <- function(y_true, y_pred) {
  bridge$loss_poisson(y_true, y_pred)
}
attr(loss_poisson, "py_function_name") <- "poisson"

#' @rdname loss_mean_absolute_error
#' @export
loss_cosine_proximity <- function(y_true, y_pred) {
  bridge$loss_cosine_proximity(y_true, y_pred)
}
attr(loss_cosine_proximity, "py_function_name") <- "cosine_proximity"
