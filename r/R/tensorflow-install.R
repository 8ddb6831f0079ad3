# The R tensorflow package's installation functions (rkeras_bridge/tensorflow/install.py): the version
# and configuration of the TensorFlow this session runs, and installers that refuse to install.

#' TensorFlow configuration information
#'
#' `tf_config()` describes the TensorFlow this session runs and the Python it runs in;
#' `tf_version()` is its `major.minor` version as a `numeric_version`, so that
#' `tf_version() >= "2.0"` compares numbers (`"2.21" >= "2.9"` is `TRUE`).
#'
#' @returns `tf_config()`: a list of class `tensorflow_config` with `available` (`TRUE`),
#'   `version` (as `tf_version()`), `version_str` (the full version, e.g. `"2.21.0"`), `location`
#'   (the folder of the `tensorflow` Python module), `python` and `python_version`.
#'   `tf_version()`: a `numeric_version`.
#' @examples
#' \donttest{
#' tf_config()
#' if (tf_version() >= "2.0") cat("TensorFlow 2\n")
#' }
#' @export
tf_config <- function() {
  config <- bridge$tf_config()
  config$version <- numeric_version(as.character(config$version))
  structure(config, class = "tensorflow_config")
}

#' @rdname tf_config
#' @export
tf_version <- function() {
  numeric_version(as.character(bridge$tf_version()))
}

#' @export
print.tensorflow_config <- function(x, ...) {
  cat("TensorFlow v", x$version_str, " (", x$location, ")\n", sep = "")
  cat("Python v", x$python_version, " (", x$python, ")\n", sep = "")
  invisible(x)
}

#' Install TensorFlow (refused: nothing is installed at run time)
#'
#' TensorFlow and Keras are pinned dependencies of this package, installed with it (`make setup`);
#' these functions raise an error of class `rkeras_bridge.bridge.errors.UnavailableError` that says
#' so, instead of changing the Python environment under a running session.
#'
#' @param method,conda,version,envname,extra_packages,restart_session,conda_python_version,...
#'   The arguments of R tensorflow 1.13's installer, accepted and not used.
#' @param packages Python packages R tensorflow would have installed alongside TensorFlow.
#' @returns Never returns.
#' @examples
#' \donttest{
#' try(install_tensorflow())
#' }
#' @export
install_tensorflow <- function(method = c("auto", "virtualenv", "conda"), conda = "auto",
                               version = "default", envname = "r-tensorflow", extra_packages = NULL,
                               restart_session = TRUE, conda_python_version = "3.6", ...) {
  bridge$install_tensorflow(method = method[[1]], conda = conda, version = version, envname = envname,
                            extra_packages = extra_packages, restart_session = restart_session,
                            conda_python_version = conda_python_version, ...)
}

#' @rdname install_tensorflow
#' @export
install_tensorflow_extras <- function(packages, conda = "auto") {
  bridge$install_tensorflow_extras(if (missing(packages)) NULL else packages, conda = conda)
}

#' Whether TensorFlow sees a GPU
#'
#' @param verbose Print whether TensorFlow was built with CUDA and the GPU's name. Defaults to `TRUE`.
#' @returns `TRUE` when TensorFlow sees at least one GPU, else `FALSE`.
#' @examples
#' \donttest{
#' tf_gpu_configured()
#' }
#' @export
tf_gpu_configured <- function(verbose = TRUE) {
  bridge$tf_gpu_configured(verbose = verbose)
}

#' TensorFlow Probability
#'
#' The `tensorflow_probability` Python module, when it is installed in this package's Python;
#' otherwise an error of class `python.builtin.ModuleNotFoundError` that says how to add it.
#'
#' @returns The module.
#' @examples
#' \donttest{
#' tfp <- try(tf_probability())
#' }
#' @export
tf_probability <- function() {
  bridge$tf_probability()
}

#' Use an API version of TensorFlow as `tf`
#'
#' `use_compat("v1")` makes `tf` on the search path TensorFlow's TF1 API (`tf$compat$v1`: TF1
#' names such as `tf$train$AdamOptimizer`, still running eagerly); `use_compat("v2")` makes it
#' this package's `tf` again (TensorFlow 2 with the TF1-era names 2018 eager code uses).
#' `rkerasbridge::tf` itself never changes.
#'
#' @param version `"v1"` or `"v2"`. Defaults to `"v1"`.
#' @returns The `tf` that was in use before, invisibly.
#' @examples
#' \donttest{
#' old <- use_compat("v1")
#' use_compat("v2")
#' }
#' @export
use_compat <- function(version = c("v1", "v2")) {
  version <- match.arg(version)
  module <- bridge$use_compat(version)
  if (identical(version, "v2")) module <- tf  # the namespace's own, with its cache
  attached <- "package:rkerasbridge" %in% search()
  env <- if (attached) as.environment("package:rkerasbridge") else NULL
  previous <- if (attached) get("tf", envir = env) else tf
  if (attached) {
    unlockBinding("tf", env)
    on.exit(lockBinding("tf", env))
    assign("tf", module, envir = env)
  }
  invisible(previous)
}
