#' Weight initializers
#'
#' Pass one as `kernel_initializer` (or any `*_initializer`) of a layer, or as `initializer` of
#' `self$add_weight()` in a custom layer. With a `seed` every use draws the same values; without
#' one they follow the global seed ([set_random_seed()]).
#'
#' @param mean Mean of the normal distribution. Defaults to `0`.
#' @param stddev Its standard deviation. Defaults to `0.05`.
#' @param seed Integer seed. Defaults to `NULL`.
#' @returns A Keras initializer.
#' @examples
#' \donttest{
#' layer_conv_2d(filters = 64, kernel_size = 4, kernel_initializer = initializer_random_normal(0, 0.02))
#' layer_embedding(input_dim = 100, output_dim = 8,
#'                 embeddings_initializer = initializer_random_uniform(minval = 0, maxval = 0.05))
#' }
#' @export
initializer_random_normal <- function(mean = 0, stddev = 0.05, seed = NULL) {
  bridge$initializer_random_normal(mean = mean, stddev = stddev, seed = seed)
}

#' @rdname initializer_random_normal
#' @param minval Lower bound of the uniform distribution. Defaults to `-0.05`.
#' @param maxval Upper bound. Defaults to `0.05`.
#' @export
initializer_random_uniform <- function(minval = -0.05, maxval = 0.05, seed = NULL) {
  bridge$initializer_random_uniform(minval = minval, maxval = maxval, seed = seed)
}

#' @rdname initializer_random_normal
#' @export
initializer_glorot_uniform <- function(seed = NULL) {
  bridge$initializer_glorot_uniform(seed = seed)
}

#' @rdname initializer_random_normal
#' @export
initializer_zeros <- function() {
  bridge$initializer_zeros()
}

#' @rdname initializer_random_normal
#' @export
initializer_ones <- function() {
  bridge$initializer_ones()
}

#' @rdname initializer_random_normal
#' @param value The value of every element of `initializer_constant()`: a number, or an array that
#'   broadcasts to the weight's shape. Defaults to `0`.
#' @export
initializer_constant <- function(value = 0) {
  bridge$initializer_constant(value = value)
}

#' @rdname initializer_random_normal
#' @export
initializer_truncated_normal <- function(mean = 0, stddev = 0.05, seed = NULL) {
  bridge$initializer_truncated_normal(mean = mean, stddev = stddev, seed = seed)
}

#' Variance-scaling initializers
#'
#' Initializers whose spread adapts to the weight's shape: variance `scale / n`, `n` the number of
#' inputs (`mode = "fan_in"`), of outputs (`"fan_out"`) or their mean (`"fan_avg"`).
#' `distribution = "normal"` draws from a normal truncated at two standard deviations, its standard
#' deviation `sqrt(scale / n) / 0.8796` (as Keras 2.2.4; Keras 3 calls this `"truncated_normal"`);
#' `"uniform"` from `U(-sqrt(3 * scale / n), sqrt(3 * scale / n))`. The named initializers are
#' variance scaling with fixed settings: Glorot (`scale = 1`, `"fan_avg"`), He (`2`, `"fan_in"`) and
#' LeCun (`1`, `"fan_in"`), each normal or uniform. `initializer_orthogonal()` draws a random
#' orthogonal matrix times `gain`; `initializer_identity()` is `gain` times the identity matrix
#' (2-d weights).
#'
#' @param scale The scaling factor, a number > 0. Defaults to `1`.
#' @param mode `"fan_in"`, `"fan_out"` or `"fan_avg"`. Defaults to `"fan_in"`.
#' @param distribution `"normal"` or `"uniform"`. Defaults to `"normal"`.
#' @param seed Integer seed. Defaults to `NULL`.
#' @returns A Keras initializer.
#' @examples
#' \donttest{
#' layer_dense(units = 32, kernel_initializer = initializer_he_normal(seed = 1))
#' layer_dense(units = 32, kernel_initializer = initializer_variance_scaling(mode = "fan_avg"))
#' }
#' @export
initializer_variance_scaling <- function(scale = 1, mode = c("fan_in", "fan_out", "fan_avg"),
                                         distribution = c("normal", "uniform"), seed = NULL) {
  bridge$initializer_variance_scaling(scale = scale, mode = mode, distribution = distribution, seed = seed)
}

#' @rdname initializer_variance_scaling
#' @param gain Multiplicative factor. Defaults to `1`.
#' @export
initializer_orthogonal <- function(gain = 1, seed = NULL) {
  bridge$initializer_orthogonal(gain = gain, seed = seed)
}

#' @rdname initializer_variance_scaling
#' @export
initializer_identity <- function(gain = 1) {
  bridge$initializer_identity(gain = gain)
}

#' @rdname initializer_variance_scaling
#' @export
initializer_glorot_normal <- function(seed = NULL) {
  bridge$initializer_glorot_normal(seed = seed)
}

#' @rdname initializer_variance_scaling
#' @export
initializer_he_normal <- function(seed = NULL) {
  bridge$initializer_he_normal(seed = seed)
}

#' @rdname initializer_variance_scaling
#' @export
initializer_he_uniform <- function(seed = NULL) {
  bridge$initializer_he_uniform(seed = seed)
}

#' @rdname initializer_variance_scaling
#' @export
initializer_lecun_normal <- function(seed = NULL) {
  bridge$initializer_lecun_normal(seed = seed)
}

#' @rdname initializer_variance_scaling
#' @export
initializer_lecun_uniform <- function(seed = NULL) {
  bridge$initializer_lecun_uniform(seed = seed)
}
