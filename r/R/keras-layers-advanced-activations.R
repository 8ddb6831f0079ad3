#' Leaky ReLU activation layer
#'
#' @inheritParams layer_common_args
#' @param alpha Slope for negative inputs (Keras 3's `negative_slope`). Defaults to `0.3`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' leaky_relu1 <- layer_activation_leaky_relu()
#' }
#' @export
layer_activation_leaky_relu <- function(object, alpha = 0.3, input_shape = NULL, batch_input_shape = NULL,
                                        batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                                        weights = NULL, ...) {
  call_bridge(bridge$layer_activation_leaky_relu)
}

#' Rectified linear unit activation layer
#'
#' `x` from `threshold` up to `max_value`, `negative_slope * (x - threshold)` below `threshold`
#' (Keras 2's formula; a negative `threshold` is accepted, as Keras 2 did).
#'
#' @inheritParams layer_common_args
#' @param max_value The largest output (>= 0), or `NULL` for no limit. Defaults to `NULL`.
#' @param negative_slope Slope below `threshold`, >= 0. Defaults to `0`.
#' @param threshold Where the identity begins. Defaults to `0`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer_activation_relu(k_constant(c(-1, 2, 8)), max_value = 6)  # 0 2 6
#' }
#' @export
layer_activation_relu <- function(object, max_value = NULL, negative_slope = 0, threshold = 0, input_shape = NULL,
                                  batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                  trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_activation_relu)
}

#' Parametric ReLU activation layer
#'
#' `x` for `x >= 0`, `alpha * x` otherwise, with `alpha` a learned weight per unit.
#'
#' @inheritParams layer_common_args
#' @param alpha_initializer Initializer of `alpha`. Defaults to `"zeros"`.
#' @param alpha_regularizer,alpha_constraint Defaults to `NULL`.
#' @param shared_axes Axes (counted from 1 after the batch axis) along which `alpha` is shared,
#'   e.g. `c(1, 2)` for one `alpha` per channel of images. Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_activation_parametric_relu(shared_axes = c(1, 2))
#' }
#' @export
layer_activation_parametric_relu <- function(object, alpha_initializer = "zeros", alpha_regularizer = NULL,
                                             alpha_constraint = NULL, shared_axes = NULL, input_shape = NULL,
                                             batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                             trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_activation_parametric_relu)
}

#' Thresholded ReLU activation layer
#'
#' `x` where `x > theta`, 0 elsewhere. Keras 3 dropped this layer; it is rebuilt with Keras 2's
#' formula.
#'
#' @inheritParams layer_common_args
#' @param theta The threshold. Defaults to `1`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer_activation_thresholded_relu(k_constant(c(0.5, 1, 2)))  # 0 0 2
#' }
#' @export
layer_activation_thresholded_relu <- function(object, theta = 1, input_shape = NULL, batch_input_shape = NULL,
                                              batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                                              weights = NULL, ...) {
  call_bridge(bridge$layer_activation_thresholded_relu)
}

#' Exponential linear unit activation layer
#'
#' `x` for `x >= 0`, `alpha * (exp(x) - 1)` otherwise.
#'
#' @inheritParams layer_common_args
#' @param alpha Scale of the negative part. Defaults to `1`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_activation_elu(alpha = 0.5)
#' }
#' @export
layer_activation_elu <- function(object, alpha = 1, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                                 dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_activation_elu)
}

#' Softmax activation layer
#'
#' @inheritParams layer_common_args
#' @param axis The axis to normalise, passed on unchanged as in R keras 2.x (`-1`: the last
#'   axis, `1`: the first after the batch axis). Defaults to `-1`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer_activation_softmax(k_constant(matrix(c(1, 2, 3), 1)))
#' }
#' @export
layer_activation_softmax <- function(object, axis = -1, input_shape = NULL, batch_input_shape = NULL,
                                     batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                                     ...) {
  call_bridge(bridge$layer_activation_softmax)
}

#' Scaled exponential linear unit activation layer
#'
#' `scale * elu(x, alpha)` with the constants of Klambauer et al. (2017).
#'
#' @inheritParams layer_common_args
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_activation_selu()
#' }
#' @export
layer_activation_selu <- function(object, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                                  dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_activation_selu)
}
