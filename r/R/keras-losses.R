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
