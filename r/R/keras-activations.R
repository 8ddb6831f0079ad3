# R keras 2.x activation functions; the formulas (Keras 2.2.4's) are in rkeras_bridge/keras/activations.py.
# As in R keras 2.x each carries a `py_function_name` attribute, the Keras name of the activation:
# reticulate gives the Python function it makes of the R function that name.

#' Activation functions
#'
#' Functions of a tensor, to give as `activation =` of any layer or to [layer_activation()], or to
#' call on a tensor. `activation_hard_sigmoid()` is Keras 2's `clip(0.2 * x + 0.5, 0, 1)` (Keras 3
#' uses slope 1/6). `activation_softmax()` takes `axis` as R keras 2.x passed it on, Python-style
#' (`-1` the last axis, `1` the first after the batch axis), and refuses a 1-d tensor as Keras 2.2.4
#' did.
#'
#' @param x A tensor (or an R array).
#' @param alpha For `activation_relu()`, the slope below `threshold`. Defaults to `0`. For
#'   `activation_elu()`, the scale of the negative part. Defaults to `1`.
#' @param max_value The largest value `activation_relu()` returns, or `NULL` for none. Defaults to
#'   `NULL`.
#' @param threshold Where the linear part of `activation_relu()` starts. Defaults to `0`.
#' @param axis The axis `activation_softmax()` normalises over, 0-based as in R keras 2.x.
#'   Defaults to `-1`.
#' @returns A tensor with the shape and dtype of `x`.
#' @examples
#' \donttest{
#' activation_relu(k_constant(rbind(c(-2, 1, 8))), alpha = 0.5, max_value = 6)  # -1 1 6
#' model <- keras_model_sequential() %>%
#'   layer_dense(32, input_shape = 784) %>%
#'   layer_activation(activation = activation_elu)
#' }
#' @export
activation_relu <- function(x, alpha = 0, max_value = NULL, threshold = 0) {
  bridge$activation_relu(x, alpha = alpha, max_value = max_value, threshold = threshold)
}
attr(activation_relu, "py_function_name") <- "relu"

#' @rdname activation_relu
#' @export
activation_elu <- function(x, alpha = 1) {
  bridge$activation_elu(x, alpha = alpha)
}
attr(activation_elu, "py_function_name") <- "elu"

#' @rdname activation_relu
#' @export
activation_selu <- function(x) {
  bridge$activation_selu(x)
}
attr(activation_selu, "py_function_name") <- "selu"

#' @rdname activation_relu
#' @export
activation_hard_sigmoid <- function(x) {
  bridge$activation_hard_sigmoid(x)
}
attr(activation_hard_sigmoid, "py_function_name") <- "hard_sigmoid"

#' @rdname activation_relu
#' @export
activation_linear <- function(x) {
  bridge$activation_linear(x)
}
attr(activation_linear, "py_function_name") <- "linear"

#' @rdname activation_relu
#' @export
activation_sigmoid <- function(x) {
  bridge$activation_sigmoid(x)
}
attr(activation_sigmoid, "py_function_name") <- "sigmoid"

#' @rdname activation_relu
#' @export
activation_softmax <- function(x, axis = -1) {
  bridge$activation_softmax(x, axis = axis)
}
attr(activation_softmax, "py_function_name") <- "softmax"

#' @rdname activation_relu
#' @export
activation_softplus <- function(x) {
  bridge$activation_softplus(x)
}
attr(activation_softplus, "py_function_name") <- "softplus"

#' @rdname activation_relu
#' @export
activation_softsign <- function(x) {
  bridge$activation_softsign(x)
}
attr(activation_softsign, "py_function_name") <- "softsign"

#' @rdname activation_relu
#' @export
activation_tanh <- function(x) {
  bridge$activation_tanh(x)
}
attr(activation_tanh, "py_function_name") <- "tanh"

#' @rdname activation_relu
#' @export
activation_exponential <- function(x) {
  bridge$activation_exponential(x)
}
attr(activation_exponential, "py_function_name") <- "exponential"
