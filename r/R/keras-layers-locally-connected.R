#' Locally connected layers (unshared weights)
#'
#' Convolutions whose weights are not shared: every output position has its own filters. Keras 3
#' dropped these layers; they are rebuilt here with keras 2.2.4's arguments and weight shapes:
#' 1-d `kernel` (output_length, kernel_size * input_dim, filters) and `bias` (output_length,
#' filters); 2-d `kernel` (output_rows * output_cols, kernel_rows * kernel_cols * channels,
#' filters) and `bias` (output_rows, output_cols, filters). Only `padding = "valid"` exists, and
#' the input's size must be known, as in keras 2.2.4.
#'
#' @inheritParams layer_conv_2d
#' @param kernel_size One integer (1-d), or one or two (2-d).
#' @param strides One integer (1-d), or one or two (2-d). Defaults to `1L` / `c(1L, 1L)`.
#' @param padding Only `"valid"`. Defaults to `"valid"`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(4, 4, 2))
#' x %>% layer_locally_connected_2d(filters = 3, kernel_size = c(2, 2))
#' }
#' @export
layer_locally_connected_2d <- function(object, filters, kernel_size, strides = c(1L, 1L), padding = "valid",
                                       data_format = NULL, activation = NULL, use_bias = TRUE,
                                       kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                                       kernel_regularizer = NULL, bias_regularizer = NULL,
                                       activity_regularizer = NULL, kernel_constraint = NULL, bias_constraint = NULL,
                                       batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_locally_connected_2d)
}

#' @rdname layer_locally_connected_2d
#' @export
layer_locally_connected_1d <- function(object, filters, kernel_size, strides = 1L, padding = "valid",
                                       data_format = NULL, activation = NULL, use_bias = TRUE,
                                       kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                                       kernel_regularizer = NULL, bias_regularizer = NULL,
                                       activity_regularizer = NULL, kernel_constraint = NULL, bias_constraint = NULL,
                                       batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_locally_connected_1d)
}
