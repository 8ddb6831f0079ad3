#' 1-d convolution layer (temporal convolution)
#'
#' Sequences are (batch, steps, channels) unless `data_format = "channels_first"`.
#'
#' @inheritParams layer_conv_2d
#' @param kernel_size Length of the convolution window, one integer.
#' @param strides Stride, one integer. Defaults to `1L`.
#' @param padding `"valid"`, `"same"` or `"causal"` (output `t` sees inputs up to `t` only).
#'   Defaults to `"valid"`.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `"channels_last"`.
#' @param dilation_rate Dilation, one integer (not with `strides` > 1). Defaults to `1L`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(10, 4))
#' x %>% layer_conv_1d(filters = 8, kernel_size = 3, padding = "causal")
#' }
#' @export
layer_conv_1d <- function(object, filters, kernel_size, strides = 1L, padding = "valid",
                          data_format = "channels_last", dilation_rate = 1L, activation = NULL, use_bias = TRUE,
                          kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                          kernel_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                          kernel_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                          batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                          weights = NULL, ...) {
  call_bridge(bridge$layer_conv_1d)
}

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

#' 3-d convolution layer (over volumes)
#'
#' Volumes are (batch, depth, rows, cols, channels) unless `data_format = "channels_first"`.
#'
#' @inheritParams layer_conv_2d
#' @param kernel_size One integer or three (depth, height, width).
#' @param strides One integer or three. Defaults to `c(1L, 1L, 1L)`.
#' @param dilation_rate One integer or three. Defaults to `c(1L, 1L, 1L)`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(4, 4, 4, 1))
#' x %>% layer_conv_3d(filters = 2, kernel_size = c(3, 3, 3), padding = "same")
#' }
#' @export
layer_conv_3d <- function(object, filters, kernel_size, strides = c(1L, 1L, 1L), padding = "valid",
                          data_format = NULL, dilation_rate = c(1L, 1L, 1L), activation = NULL, use_bias = TRUE,
                          kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                          kernel_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                          kernel_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                          batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                          weights = NULL, ...) {
  call_bridge(bridge$layer_conv_3d)
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

#' Transposed 3-d convolution layer
#'
#' keras 2.2.4's transposed 3-d convolution had no dilation; `dilation_rate` may still be passed
#' through `...`.
#'
#' @inheritParams layer_conv_3d
#' @param output_padding Extra size along each spatial dimension, one integer or three, each less
#'   than the stride. Defaults to `NULL` (inferred).
#' @param strides One integer or three. Defaults to `c(1, 1, 1)`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(2, 2, 2, 4))
#' x %>% layer_conv_3d_transpose(filters = 3, kernel_size = 2, strides = 2)
#' }
#' @export
layer_conv_3d_transpose <- function(object, filters, kernel_size, strides = c(1, 1, 1), padding = "valid",
                                    output_padding = NULL, data_format = NULL, activation = NULL, use_bias = TRUE,
                                    kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                                    kernel_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                                    kernel_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                                    batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                    trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_conv_3d_transpose)
}

#' Depthwise separable convolution layers
#'
#' A depthwise convolution (each input channel on its own, `depth_multiplier` outputs per
#' channel) followed by a 1x1 convolution that mixes the channels into `filters` outputs.
#'
#' @inheritParams layer_conv_2d
#' @param filters Number of output channels of the pointwise step.
#' @param kernel_size One integer (1-d) or one or two (2-d).
#' @param strides One integer (1-d), or one or two (2-d). Defaults to `1` / `c(1, 1)`.
#' @param data_format Defaults to `"channels_last"` (1-d) / `NULL` (2-d, channels last).
#' @param dilation_rate One integer (or two for 2-d). Defaults to `1`.
#' @param depth_multiplier Depthwise output channels per input channel. Defaults to `1`.
#' @param depthwise_initializer,pointwise_initializer Defaults to `"glorot_uniform"`.
#' @param depthwise_regularizer,pointwise_regularizer Defaults to `NULL`.
#' @param depthwise_constraint,pointwise_constraint Defaults to `NULL`.
#' @param bias_regularizer,activity_regularizer Defaults to `NULL`.
#' @param bias_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(8, 8, 3))
#' x %>% layer_separable_conv_2d(filters = 4, kernel_size = c(3, 3), depth_multiplier = 2)
#' }
#' @export
layer_separable_conv_2d <- function(object, filters, kernel_size, strides = c(1, 1), padding = "valid",
                                    data_format = NULL, dilation_rate = 1, depth_multiplier = 1, activation = NULL,
                                    use_bias = TRUE, depthwise_initializer = "glorot_uniform",
                                    pointwise_initializer = "glorot_uniform", bias_initializer = "zeros",
                                    depthwise_regularizer = NULL, pointwise_regularizer = NULL,
                                    bias_regularizer = NULL, activity_regularizer = NULL, depthwise_constraint = NULL,
                                    pointwise_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                                    batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                    trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_separable_conv_2d)
}

#' @rdname layer_separable_conv_2d
#' @export
layer_separable_conv_1d <- function(object, filters, kernel_size, strides = 1, padding = "valid",
                                    data_format = "channels_last", dilation_rate = 1, depth_multiplier = 1,
                                    activation = NULL, use_bias = TRUE, depthwise_initializer = "glorot_uniform",
                                    pointwise_initializer = "glorot_uniform", bias_initializer = "zeros",
                                    depthwise_regularizer = NULL, pointwise_regularizer = NULL,
                                    bias_regularizer = NULL, activity_regularizer = NULL, depthwise_constraint = NULL,
                                    pointwise_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                                    batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                    trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_separable_conv_1d)
}

#' Depthwise 2-d convolution layer
#'
#' Each input channel is convolved on its own into `depth_multiplier` output channels (the first
#' step of a separable convolution).
#'
#' @inheritParams layer_separable_conv_2d
#' @param depthwise_initializer Defaults to `"glorot_uniform"`.
#' @param depthwise_regularizer,depthwise_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(8, 8, 3))
#' x %>% layer_depthwise_conv_2d(kernel_size = c(3, 3), depth_multiplier = 2)
#' }
#' @export
layer_depthwise_conv_2d <- function(object, kernel_size, strides = c(1, 1), padding = "valid", depth_multiplier = 1,
                                    data_format = NULL, activation = NULL, use_bias = TRUE,
                                    depthwise_initializer = "glorot_uniform", bias_initializer = "zeros",
                                    depthwise_regularizer = NULL, bias_regularizer = NULL,
                                    activity_regularizer = NULL, depthwise_constraint = NULL, bias_constraint = NULL,
                                    input_shape = NULL, batch_input_shape = NULL, batch_size = NULL, dtype = NULL,
                                    name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_depthwise_conv_2d)
}

#' Upsampling layers
#'
#' `layer_upsampling_1d()` repeats each step of a sequence `size` times; `layer_upsampling_2d()`
#' the rows and columns of images (or interpolates them bilinearly, as Keras 2 did: output pixel
#' `i` samples the input at `i / size`, without half-pixel centres); `layer_upsampling_3d()` the
#' three spatial dimensions of volumes.
#'
#' @inheritParams layer_common_args
#' @param size Upsampling factor: one integer (1-d), or one integer or one per spatial
#'   dimension. Defaults to `2L`, `c(2L, 2L)`, `c(2L, 2L, 2L)`.
#' @param data_format Defaults to `NULL` (channels last).
#' @param interpolation `"nearest"` or `"bilinear"`. Defaults to `"nearest"`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(4, 4, 1))
#' x %>% layer_upsampling_2d(size = c(2, 2), interpolation = "bilinear")
#' }
#' @export
layer_upsampling_2d <- function(object, size = c(2L, 2L), data_format = NULL, interpolation = "nearest",
                                batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_upsampling_2d)
}

#' @rdname layer_upsampling_2d
#' @export
layer_upsampling_1d <- function(object, size = 2L, batch_size = NULL, name = NULL, trainable = NULL,
                                weights = NULL, ...) {
  call_bridge(bridge$layer_upsampling_1d)
}

#' @rdname layer_upsampling_2d
#' @export
layer_upsampling_3d <- function(object, size = c(2L, 2L, 2L), data_format = NULL, batch_size = NULL, name = NULL,
                                trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_upsampling_3d)
}

#' Zero-padding layers
#'
#' Add zeros around sequences (`_1d`), images (`_2d`) or volumes (`_3d`).
#'
#' @inheritParams layer_common_args
#' @param padding One integer (every side); for 1-d two integers (start, end); for 2-d and 3-d
#'   one integer per spatial dimension (both sides), or a list of (before, after) pairs such as
#'   `list(c(top, bottom), c(left, right))`. Defaults to `1L`, `c(1L, 1L)`, `c(1L, 1L, 1L)`.
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

#' @rdname layer_zero_padding_2d
#' @export
layer_zero_padding_1d <- function(object, padding = 1L, batch_size = NULL, name = NULL, trainable = NULL,
                                  weights = NULL, ...) {
  call_bridge(bridge$layer_zero_padding_1d)
}

#' @rdname layer_zero_padding_2d
#' @export
layer_zero_padding_3d <- function(object, padding = c(1L, 1L, 1L), data_format = NULL, batch_size = NULL,
                                  name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_zero_padding_3d)
}

#' Cropping layers
#'
#' Remove steps, rows, columns or slices at the borders of sequences (`_1d`), images (`_2d`) or
#' volumes (`_3d`). As in Keras 2, a dimension may be cropped away entirely (size 0); cropping
#' more than it holds is an error.
#'
#' @inheritParams layer_common_args
#' @param cropping One integer (every side); for 1-d two integers (start, end); for 2-d and 3-d
#'   one integer per spatial dimension (both sides), or a list of (before, after) pairs.
#'   Defaults to `c(1L, 1L)`, `list(c(0L, 0L), c(0L, 0L))`, `list(c(1L, 1L), c(1L, 1L), c(1L, 1L))`.
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(28, 28, 1))
#' x %>% layer_cropping_2d(cropping = list(c(2, 2), c(4, 4)))
#' }
#' @export
layer_cropping_2d <- function(object, cropping = list(c(0L, 0L), c(0L, 0L)), data_format = NULL,
                              batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_cropping_2d)
}

#' @rdname layer_cropping_2d
#' @export
layer_cropping_1d <- function(object, cropping = c(1L, 1L), batch_size = NULL, name = NULL, trainable = NULL,
                              weights = NULL, ...) {
  call_bridge(bridge$layer_cropping_1d)
}

#' @rdname layer_cropping_2d
#' @export
layer_cropping_3d <- function(object, cropping = list(c(1L, 1L), c(1L, 1L), c(1L, 1L)), data_format = NULL,
                              batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_cropping_3d)
}

#' Convolutional LSTM layer
#'
#' An LSTM whose input and recurrent transformations are 2-d convolutions, over sequences of
#' images (batch, time, rows, cols, channels). The gates use R keras 2.x's
#' `recurrent_activation = "hard_sigmoid"` (slope 0.2).
#'
#' @inheritParams layer_conv_2d
#' @param activation Defaults to `"tanh"`.
#' @param recurrent_activation Activation of the gates. Defaults to `"hard_sigmoid"`.
#' @param recurrent_initializer Defaults to `"orthogonal"`.
#' @param unit_forget_bias Start the forget gate's bias at 1. Defaults to `TRUE`.
#' @param recurrent_regularizer,recurrent_constraint Defaults to `NULL`.
#' @param return_sequences Return the output of every step. Defaults to `FALSE`.
#' @param go_backwards Process the sequence backwards. Defaults to `FALSE`.
#' @param stateful Keep the state between batches. Defaults to `FALSE`.
#' @param dropout,recurrent_dropout Dropout rates of the inputs and the state, in \[0, 1).
#'   Defaults to `0`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(5, 8, 8, 1))
#' x %>% layer_conv_lstm_2d(filters = 4, kernel_size = c(3, 3), padding = "same")
#' }
#' @export
layer_conv_lstm_2d <- function(object, filters, kernel_size, strides = c(1L, 1L), padding = "valid",
                               data_format = NULL, dilation_rate = c(1L, 1L), activation = "tanh",
                               recurrent_activation = "hard_sigmoid", use_bias = TRUE,
                               kernel_initializer = "glorot_uniform", recurrent_initializer = "orthogonal",
                               bias_initializer = "zeros", unit_forget_bias = TRUE, kernel_regularizer = NULL,
                               recurrent_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                               kernel_constraint = NULL, recurrent_constraint = NULL, bias_constraint = NULL,
                               return_sequences = FALSE, go_backwards = FALSE, stateful = FALSE, dropout = 0,
                               recurrent_dropout = 0, batch_size = NULL, name = NULL, trainable = NULL,
                               weights = NULL, input_shape = NULL, ...) {
  call_bridge(bridge$layer_conv_lstm_2d)
}
