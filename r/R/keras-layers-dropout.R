#' Dropout layer
#'
#' @inheritParams layer_dense
#' @param rate Fraction of the inputs to drop while training, in \[0, 1).
#' @param noise_shape Shape of the binary dropout mask. Defaults to `NULL`.
#' @param seed Integer seed. Defaults to `NULL` (from the global seed).
#' @param ... Further arguments for `keras.layers.Dropout`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_dropout(rate = 0.5)
#' }
#' @export
layer_dropout <- function(object, rate, noise_shape = NULL, seed = NULL, name = NULL, ...) {
  bridge$layer_dropout(if (missing(object)) NULL else object, rate = if (missing(rate)) NULL else rate,
                       noise_shape = noise_shape, seed = seed, name = name, ...)
}
