#' 2-d convolution layer
#'
#' Images are `channels_last` (batch, rows, cols, channels) unless `data_format` says otherwise.
#'
#' @inheritParams layer_common_args
#' @param filters Number of output channels.
#' @param kernel_size One integer or two (height, width).
#' @param strides One integer or two. Defaults to `c(1L, 1L)`.
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `NULL` (channels last).
#' @param dilation_rate One integer or two. Defaults to `c(1L, 1L)`.
#' @param activation Defaults to `NULL` (linear).
#' @param use_bias Defaults to `TRUE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param kernel_regularizer,bias_regularizer,activity_regularizer Defaults to `NULL`.
#' @param kernel_constraint,bias_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' conv1 <- layer_conv_2d(filters = 64, kernel_size = c(5, 5), strides = c(2, 2), padding = "same",
#'                        kernel_initializer = initializer_random_normal(0, 0.02))
#' }
#' @export
layer_conv_2d <- function(object, filters, kernel_size, strides = c(1L, 1L), padding = "valid", data_format = NULL,
                          dilation_rate = c(1L, 1L), activation = NULL, use_bias = TRUE,
                          kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                          kernel_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                          kernel_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                          batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                          weights = NULL, ...) {
  call_bridge(bridge$layer_conv_2d)
}

#' Transposed 2-d convolution layer
#'
#' @inheritParams layer_conv_2d
#' @param output_padding Extra size along height and width, one integer or two, each less than
#'   the stride. Defaults to `NULL` (inferred).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' conv2 <- layer_conv_2d_transpose(filters = 32, kernel_size = c(5, 5), strides = c(2, 2),
#'                                  padding = "same", use_bias = FALSE)
#' }
#' @export
layer_conv_2d_transpose <- function(object, filters, kernel_size, strides = c(1, 1), padding = "valid",
                                    output_padding = NULL, data_format = NULL, dilation_rate = c(1, 1),
                                    activation = NULL, use_bias = TRUE, kernel_initializer = "glorot_uniform",
                                    bias_initializer = "zeros", kernel_regularizer = NULL, bias_regularizer = NULL,
                                    activity_regularizer = NULL, kernel_constraint = NULL, bias_constraint = NULL,
                                    input_shape = NULL, batch_input_shape = NULL, batch_size = NULL, dtype = NULL,
                                    name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_conv_2d_transpose)
}

#' Zero-padding layer for images
#'
#' @inheritParams layer_common_args
#' @param padding One integer (all sides), two (rows, columns; each on both sides), or
#'   `list(c(top, bottom), c(left, right))`. Defaults to `c(1L, 1L)`.
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(28, 28, 1))
#' x %>% layer_zero_padding_2d()
#' }
#' @export
layer_zero_padding_2d <- function(object, padding = c(1L, 1L), data_format = NULL, input_shape = NULL,
                                  batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                  trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_zero_padding_2d)
}
