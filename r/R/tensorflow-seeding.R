#' Seed R, Python, NumPy, TensorFlow and Keras in one call
#'
#' Also makes TensorFlow ops deterministic, so an R script and its Python twin given the same
#' seed compute bit-identical numbers.
#'
#' @param seed A non-negative integer.
#' @param deterministic Enable TensorFlow op determinism. Defaults to `TRUE`.
#' @returns The seed, invisibly.
#' @examples
#' \donttest{
#' set_random_seed(42)
#' }
#' @export
set_random_seed <- function(seed, deterministic = TRUE) {
  seed <- bridge$set_random_seed(seed, deterministic = deterministic)
  set.seed(seed)
  invisible(seed)
}
