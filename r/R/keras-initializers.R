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
