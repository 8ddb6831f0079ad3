# R keras 2.2.4's R/utils.R; the work is in rkeras_bridge/keras/utils.py.
# with_custom_object_scope() is in keras-model-persistence.R, is_keras_available() and the other
# installation helpers in keras-installation.R.

#' Convert class indices to one-hot rows
#'
#' Class `k` (counting from 0, as in Keras) becomes a row with 1 in column `k + 1`. A trailing
#' dimension of 1 (an n x 1 matrix) is replaced by the classes.
#'
#' @param y Class indices from 0 to `num_classes - 1` (a vector, matrix or array).
#' @param num_classes Number of classes. Defaults to `NULL` (`max(y) + 1`).
#' @returns A numeric matrix (an array for arrays).
#' @examples
#' \donttest{
#' to_categorical(c(0, 2, 1))
#' }
#' @export
to_categorical <- function(y, num_classes = NULL) {
  bridge$to_categorical(y, num_classes = num_classes)
}

#' Normalize an array along an axis
#'
#' @param x A numeric vector, matrix or array.
#' @param axis The axis (1-based; -1 is the last). Defaults to `-1`.
#' @param order The norm's order (2 for L2). Defaults to `2`.
#' @returns `x` divided by its `order`-norm along `axis` (zero slices stay zero).
#' @examples
#' \donttest{
#' normalize(rbind(c(3, 4), c(0, 0)))
#' }
#' @export
normalize <- function(x, axis = -1, order = 2) {
  bridge$normalize(x, axis = axis, order = order)
}

#' Keras array object
#'
#' Converts an R vector, matrix or array to a NumPy array in C (row-major) order, doubles as
#' float32 (`k_floatx()`), and returns it unconverted, as R keras 2.2.4 did. Lists (and data frames)
#' are converted element by element; `NULL`, tensors and Python objects are returned as they are.
#'
#' @param x An R vector, matrix or array, or a list of them.
#' @param dtype NumPy type name. Defaults to `NULL` (float32 for doubles, else the R type's).
#' @returns A NumPy array (a Python object), or a list of them.
#' @examples
#' \donttest{
#' x <- keras_array(matrix(1:6 / 2, 2))
#' x$dtype
#' }
#' @export
keras_array <- function(x, dtype = NULL) {
  if (is.null(x)) return(NULL)
  if (is.list(x)) return(lapply(x, keras_array, dtype = dtype))
  # As R keras 2.2.4: a vector becomes a 1-d array (reticulate would send it as a Python list).
  if (is.atomic(x) && !is.null(x) && !is.array(x)) x <- as.array(x)
  # The Python function with convert = FALSE: the NumPy array comes back as a Python object. The
  # converting reference is touched first so that Python is loaded the package's way.
  force(bridge$keras_array)
  raw_bridge()$keras_array(x, dtype = dtype)
}

raw_bridge <- function() reticulate::import("rkeras_bridge", convert = FALSE)

#' Get a file from the Keras cache (never downloaded)
#'
#' Returns the path of `fname` in `~/.keras/<cache_subdir>/` (or `$KERAS_HOME/<cache_subdir>/`),
#' where R keras 2.2.4's `get_file()` cached its downloads. The file's hash is checked when given
#' and archives are unpacked as Keras did. When the file is absent the error (class
#' `python.builtin.FileNotFoundError`) names `origin` and the path to put the file at: nothing is
#' ever downloaded.
#'
#' @param fname File name in the cache (or an absolute path).
#' @param origin The URL the file comes from.
#' @param untar The cache holds `<fname>.tar.gz`: unpack it and return the folder `<fname>` (an
#'   already unpacked folder is used as it is). Defaults to `FALSE`.
#' @param md5_hash Deprecated: an MD5 `file_hash`. Defaults to `NULL`.
#' @param file_hash Expected SHA-256 or MD5 hash. Defaults to `NULL` (not checked).
#' @param cache_subdir Folder under the cache. Defaults to `"datasets"`.
#' @param hash_algorithm `"auto"`, `"sha256"` or `"md5"`. Defaults to `"auto"`.
#' @param extract Unpack a tar or zip archive into the cache folder. Defaults to `FALSE`.
#' @param archive_format `"auto"`, `"tar"`, `"zip"` or `NULL`. Defaults to `"auto"`.
#' @param cache_dir The cache folder. Defaults to `NULL` (`$KERAS_HOME`, else `~/.keras`).
#' @returns The path of the file (of the unpacked folder with `untar`).
#' @examples
#' \donttest{
#' path <- tryCatch(get_file("imdb_word_index.json",
#'                           origin = "https://s3.amazonaws.com/text-datasets/imdb_word_index.json"),
#'                  python.builtin.FileNotFoundError = function(e) conditionMessage(e))
#' }
#' @export
get_file <- function(fname, origin, untar = FALSE, md5_hash = NULL, file_hash = NULL, cache_subdir = "datasets",
                     hash_algorithm = "auto", extract = FALSE, archive_format = "auto", cache_dir = NULL) {
  call_bridge(bridge$get_file)
}

#' Use rows of an HDF5 dataset in place of an array
#'
#' Keras 2's `HDF5Matrix` (removed in Keras 3), rebuilt on h5py: rows `start` to `end - 1`
#' (0-based, as in Keras) of `dataset`, read from the file when indexed; `normalizer` is applied to
#' what is read.
#'
#' @param datapath Path of the HDF5 file.
#' @param dataset Name of the dataset in the file.
#' @param start First row (0-based). Defaults to `0`.
#' @param end Row after the last (0-based). Defaults to `NULL` (all rows).
#' @param normalizer A function applied to the values read. Defaults to `NULL`.
#' @returns An `HDF5Matrix` (a Python object with `shape`, indexing and conversion to an array).
#' @examples
#' \donttest{
#' path <- tempfile(fileext = ".h5")
#' h5py <- reticulate::import("h5py")
#' f <- h5py$File(path, "w"); f$create_dataset("x", data = matrix(1:6, 3)); f$close()
#' x <- hdf5_matrix(path, "x", start = 1)
#' x$shape
#' }
#' @export
hdf5_matrix <- function(datapath, dataset, start = 0, end = NULL, normalizer = NULL) {
  bridge$hdf5_matrix(datapath, dataset, start = start, end = end, normalizer = normalizer)
}
