#' Dropout layer
#'
#' @inheritParams layer_common_args
#' @param rate Fraction of the inputs to drop while training, in \[0, 1).
#' @param noise_shape Shape of the binary dropout mask. Defaults to `NULL`.
#' @param seed Integer seed. Defaults to `NULL` (from the global seed).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_dropout(rate = 0.5)
#' }
#' @export
layer_dropout <- function(object, rate, noise_shape = NULL, seed = NULL, input_shape = NULL,
                          batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                          weights = NULL, ...) {
  call_bridge(bridge$layer_dropout)
}

#' Spatial dropout layers
#'
#' Drop whole channels (every position of a feature map together) while training; kept channels
#' are scaled by `1 / (1 - rate)`. Where neighbouring positions are strongly correlated this
#' regularises where ordinary dropout does not.
#'
#' @inheritParams layer_common_args
#' @param rate Fraction of the channels to drop, in \[0, 1).
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(8, 8, 4))
#' x %>% layer_spatial_dropout_2d(rate = 0.2)
#' }
#' @export
layer_spatial_dropout_2d <- function(object, rate, data_format = NULL, batch_size = NULL, name = NULL,
                                     trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_spatial_dropout_2d)
}

#' @rdname layer_spatial_dropout_2d
#' @export
layer_spatial_dropout_1d <- function(object, rate, batch_size = NULL, name = NULL, trainable = NULL, weights = NULL,
                                     ...) {
  call_bridge(bridge$layer_spatial_dropout_1d)
}

#' @rdname layer_spatial_dropout_2d
#' @export
layer_spatial_dropout_3d <- function(object, rate, data_format = NULL, batch_size = NULL, name = NULL,
                                     trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_spatial_dropout_3d)
}
