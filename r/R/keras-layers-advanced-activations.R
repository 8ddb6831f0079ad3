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
