#' Max pooling layers
#'
#' The maximum over windows of steps (`_1d`), of images (`_2d`) or of volumes (`_3d`).
#'
#' @inheritParams layer_common_args
#' @param pool_size Window size: one integer, or one per spatial dimension. Defaults to `2L`,
#'   `c(2L, 2L)`, `c(2L, 2L, 2L)`.
#' @param strides Step between windows, like `pool_size`. Defaults to `NULL` (`pool_size`).
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(28, 28, 1))
#' x %>% layer_max_pooling_2d(pool_size = c(2, 2))
#' }
#' @export
layer_max_pooling_2d <- function(object, pool_size = c(2L, 2L), strides = NULL, padding = "valid",
                                 data_format = NULL, batch_size = NULL, name = NULL, trainable = NULL,
                                 weights = NULL, ...) {
  call_bridge(bridge$layer_max_pooling_2d)
}

#' @rdname layer_max_pooling_2d
#' @export
layer_max_pooling_1d <- function(object, pool_size = 2L, strides = NULL, padding = "valid", batch_size = NULL,
                                 name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_max_pooling_1d)
}

#' @rdname layer_max_pooling_2d
#' @export
layer_max_pooling_3d <- function(object, pool_size = c(2L, 2L, 2L), strides = NULL, padding = "valid",
                                 data_format = NULL, batch_size = NULL, name = NULL, trainable = NULL,
                                 weights = NULL, ...) {
  call_bridge(bridge$layer_max_pooling_3d)
}

#' Average pooling layers
#'
#' The mean over windows of steps (`_1d`), of images (`_2d`) or of volumes (`_3d`). With
#' `padding = "same"` padded positions are left out of the mean.
#'
#' @inheritParams layer_max_pooling_2d
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(10, 4))
#' x %>% layer_average_pooling_1d(pool_size = 2)
#' }
#' @export
layer_average_pooling_2d <- function(object, pool_size = c(2L, 2L), strides = NULL, padding = "valid",
                                     data_format = NULL, batch_size = NULL, name = NULL, trainable = NULL,
                                     weights = NULL, ...) {
  call_bridge(bridge$layer_average_pooling_2d)
}

#' @rdname layer_average_pooling_2d
#' @export
layer_average_pooling_1d <- function(object, pool_size = 2L, strides = NULL, padding = "valid", batch_size = NULL,
                                     name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_average_pooling_1d)
}

#' @rdname layer_average_pooling_2d
#' @export
layer_average_pooling_3d <- function(object, pool_size = c(2L, 2L, 2L), strides = NULL, padding = "valid",
                                     data_format = NULL, batch_size = NULL, name = NULL, trainable = NULL,
                                     weights = NULL, ...) {
  call_bridge(bridge$layer_average_pooling_3d)
}

#' Global pooling layers
#'
#' The maximum or the mean over all positions: (batch, ..., channels) to (batch, channels). The
#' 1-d mean leaves masked steps out.
#'
#' @inheritParams layer_common_args
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(7, 7, 32))
#' x %>% layer_global_average_pooling_2d()
#' }
#' @export
layer_global_average_pooling_2d <- function(object, data_format = NULL, batch_size = NULL, name = NULL,
                                            trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_global_average_pooling_2d)
}

#' @rdname layer_global_average_pooling_2d
#' @export
layer_global_average_pooling_1d <- function(object, batch_size = NULL, name = NULL, trainable = NULL,
                                            weights = NULL, ...) {
  call_bridge(bridge$layer_global_average_pooling_1d)
}

#' @rdname layer_global_average_pooling_2d
#' @export
layer_global_average_pooling_3d <- function(object, data_format = NULL, batch_size = NULL, name = NULL,
                                            trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_global_average_pooling_3d)
}

#' @rdname layer_global_average_pooling_2d
#' @export
layer_global_max_pooling_1d <- function(object, batch_size = NULL, name = NULL, trainable = NULL, weights = NULL,
                                        ...) {
  call_bridge(bridge$layer_global_max_pooling_1d)
}

#' @rdname layer_global_average_pooling_2d
#' @export
layer_global_max_pooling_2d <- function(object, data_format = NULL, batch_size = NULL, name = NULL,
                                        trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_global_max_pooling_2d)
}

#' @rdname layer_global_average_pooling_2d
#' @export
layer_global_max_pooling_3d <- function(object, data_format = NULL, batch_size = NULL, name = NULL,
                                        trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_global_max_pooling_3d)
}
