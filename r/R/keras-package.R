#' Seed R, Python, NumPy, TensorFlow and Keras, as R keras 2.x did for its session
#'
#' TensorFlow 2 has no session: this seeds everything and turns on op determinism (see
#' [set_random_seed()]), which already makes runs repeatable. Hiding GPUs and using one CPU
#' thread can only be set before TensorFlow first runs an op; when it is too late the message
#' says so and the current setting is kept.
#'
#' @param seed A non-negative integer.
#' @param disable_gpu Hide GPUs from TensorFlow. Defaults to `TRUE`.
#' @param disable_parallel_cpu Use one CPU thread (intra- and inter-op). Defaults to `TRUE`.
#' @param quiet Do not print the message (Python prints it on stderr). Defaults to `FALSE`.
#' @returns The seed, invisibly.
#' @examples
#' \donttest{
#' use_session_with_seed(42)
#' }
#' @export
use_session_with_seed <- function(seed, disable_gpu = TRUE, disable_parallel_cpu = TRUE, quiet = FALSE) {
  seed <- bridge$use_session_with_seed(seed, disable_gpu = disable_gpu,
                                       disable_parallel_cpu = disable_parallel_cpu, quiet = quiet)
  set.seed(seed)
  invisible(seed)
}

#' Choose the Keras implementation (does nothing: Keras 3 is the only one)
#'
#' Kept so that 2018 scripts starting with `use_implementation("tensorflow")` run unchanged;
#' a message (on stderr, from Python) says that it has no effect.
#'
#' @param implementation `"keras"` or `"tensorflow"`. Defaults to `"keras"`.
#' @returns `NULL`, invisibly.
#' @examples
#' \donttest{
#' use_implementation("tensorflow")
#' }
#' @export
use_implementation <- function(implementation = "keras") {
  invisible(bridge$use_implementation(implementation))
}

# R keras 2.x re-exported these two from reticulate; so does this package. The Python twins are
# rkeras_bridge.tuple and rkeras_bridge.import_ (`import` is a Python keyword).

#' @importFrom reticulate tuple
#' @export
reticulate::tuple

#' @importFrom reticulate import
#' @export
reticulate::import
