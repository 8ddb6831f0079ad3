#' Densely connected layer
#'
#' `layer_dense(units = 32)` returns the layer; `x %>% layer_dense(32)` applies a new layer to
#' a tensor; `model %>% layer_dense(32)` adds it to a sequential model.
#'
#' @param object What to compose the layer with (missing: return the layer).
#' @param units Output dimension, a positive integer.
#' @param activation Activation name or function. Defaults to `NULL` (linear).
#' @param use_bias Whether to add a bias vector. Defaults to `TRUE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param name Layer name. Defaults to `NULL`.
#' @param ... Further arguments for `keras.layers.Dense`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \dontrun{
#' layer <- layer_dense(units = 32, activation = "relu")
#' }
#' @export
layer_dense <- function(object, units, activation = NULL, use_bias = TRUE, kernel_initializer = "glorot_uniform",
                        bias_initializer = "zeros", name = NULL, ...) {
  bridge$layer_dense(if (missing(object)) NULL else object, units = if (missing(units)) NULL else units,
                     activation = activation, use_bias = use_bias, kernel_initializer = kernel_initializer,
                     bias_initializer = bias_initializer, name = name, ...)
}

#' Dropout layer
#'
#' @inheritParams layer_dense
#' @param rate Fraction of the inputs to drop while training, in \[0, 1).
#' @param noise_shape Shape of the binary dropout mask. Defaults to `NULL`.
#' @param seed Integer seed. Defaults to `NULL` (from the global seed).
#' @param ... Further arguments for `keras.layers.Dropout`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \dontrun{
#' layer <- layer_dropout(rate = 0.5)
#' }
#' @export
layer_dropout <- function(object, rate, noise_shape = NULL, seed = NULL, name = NULL, ...) {
  bridge$layer_dropout(if (missing(object)) NULL else object, rate = if (missing(rate)) NULL else rate,
                       noise_shape = noise_shape, seed = seed, name = name, ...)
}
