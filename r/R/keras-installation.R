# R keras 2.2.4's installation and implementation helpers (R/install.R, R/package.R); the work is in
# rkeras_bridge/keras/installation.py. Nothing is installed at run time.

#' Is Keras available? Which version, which implementation?
#'
#' `is_keras_available()` says whether Keras can be loaded (at least `version` of it);
#' `keras_version()` gives its version (Keras 3 here); `implementation()` returns the Python
#' `keras` module. `get_keras_implementation()`, `is_tensorflow_implementation()`,
#' `is_keras_implementation()` and `have_h5py()`, `have_pyyaml()`, `have_requests()`,
#' `have_pillow()` were internal helpers of R keras 2.2.4 that its tests and many scripts call;
#' they are exported here: Keras is TensorFlow's (Keras 3 is `tf.keras`), never the standalone
#' multi-backend Keras 2.
#'
#' @param version The least version wanted, e.g. `"2.0.5"`. Defaults to `NULL` (any).
#' @returns `is_keras_available()`, `is_*_implementation()`, `have_*()`: `TRUE` or `FALSE`.
#'   `keras_version()`: a `numeric_version`. `get_keras_implementation()`: `"tensorflow"`.
#'   `implementation()`: the Python module.
#' @examples
#' \donttest{
#' is_keras_available()
#' keras_version() >= "2.1.6"
#' }
#' @export
is_keras_available <- function(version = NULL) {
  bridge$is_keras_available(if (is.null(version)) NULL else as.character(version))
}

#' @rdname is_keras_available
#' @export
keras_version <- function() {
  numeric_version(bridge$keras_version())
}

#' @rdname is_keras_available
#' @export
implementation <- function() {
  bridge$implementation()
}

#' @rdname is_keras_available
#' @export
get_keras_implementation <- function() {
  bridge$get_keras_implementation()
}

#' @rdname is_keras_available
#' @export
is_tensorflow_implementation <- function(version = NULL) {
  bridge$is_tensorflow_implementation(if (is.null(version)) NULL else as.character(version))
}

#' @rdname is_keras_available
#' @export
is_keras_implementation <- function(version = NULL) {
  bridge$is_keras_implementation(if (is.null(version)) NULL else as.character(version))
}

#' @rdname is_keras_available
#' @export
have_h5py <- function() bridge$have_h5py()

#' @rdname is_keras_available
#' @export
have_pyyaml <- function() bridge$have_pyyaml()

#' @rdname is_keras_available
#' @export
have_requests <- function() bridge$have_requests()

#' @rdname is_keras_available
#' @export
have_pillow <- function() bridge$have_pillow()

#' Install Keras (not available: nothing is installed at run time)
#'
#' This package runs on the Keras 3 and TensorFlow 2 of the Python environment it was set up with
#' (`make setup`, pinned in `constraints.txt`). `install_keras()` raises a classed error
#' (`rkeras_bridge.bridge.errors.UnavailableError`) that says so; check the set-up with
#' [is_keras_available()].
#'
#' @param method `"auto"`, `"virtualenv"` or `"conda"` (the first by default).
#' @param conda Path to conda. Defaults to `"auto"`.
#' @param version Keras version. Defaults to `"default"`.
#' @param tensorflow TensorFlow version or `"gpu"`. Defaults to `"default"`.
#' @param extra_packages More Python packages. Defaults to `c("tensorflow-hub")`.
#' @param ... Further installation options.
#' @returns Nothing: always an error.
#' @examples
#' \donttest{
#' try(install_keras())
#' }
#' @export
install_keras <- function(method = c("auto", "virtualenv", "conda"), conda = "auto", version = "default",
                          tensorflow = "default", extra_packages = c("tensorflow-hub"), ...) {
  call_bridge(bridge$install_keras)
}

#' Choose Keras's backend
#'
#' TensorFlow is the only backend here (Keras 3 on TensorFlow 2); `"cntk"`, `"theano"` and
#' `"plaidml"` raise a classed error (`rkeras_bridge.bridge.errors.UnavailableError`).
#'
#' @param backend `"tensorflow"`, `"cntk"`, `"theano"` or `"plaidml"` (the first by default).
#' @returns `NULL`, invisibly.
#' @examples
#' \donttest{
#' use_backend("tensorflow")
#' }
#' @export
use_backend <- function(backend = c("tensorflow", "cntk", "theano", "plaidml")) {
  invisible(bridge$use_backend(backend))
}
