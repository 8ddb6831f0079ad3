#' Noise layers
#'
#' Regularisation by noise, while training only (`layer(x, training = TRUE)` or inside [fit()]);
#' otherwise the input passes unchanged. `layer_gaussian_noise()` adds noise of mean 0 and
#' standard deviation `stddev`; `layer_gaussian_dropout()` multiplies by noise of mean 1 and
#' standard deviation `sqrt(rate / (1 - rate))`; `layer_alpha_dropout()` sets dropped inputs to
#' SELU's saturation value and rescales to keep the mean and variance (for `selu` networks).
#'
#' @inheritParams layer_common_args
#' @param stddev Standard deviation of the noise, a number >= 0.
#' @param rate Drop probability, in \[0, 1).
#' @param noise_shape Shape of the binary dropout mask. Defaults to `NULL`.
#' @param seed Integer seed. Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(16))
#' x %>% layer_gaussian_noise(stddev = 0.1)
#' }
#' @export
layer_gaussian_noise <- function(object, stddev, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                                 dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_gaussian_noise)
}

#' @rdname layer_gaussian_noise
#' @export
layer_gaussian_dropout <- function(object, rate, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                                   dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_gaussian_dropout)
}

#' @rdname layer_gaussian_noise
#' @export
layer_alpha_dropout <- function(object, rate, noise_shape = NULL, seed = NULL, input_shape = NULL,
                                batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_alpha_dropout)
}
