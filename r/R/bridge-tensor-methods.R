# R's generic functions on tensors. The methods are registered on
# tensorflow.python.types.core.Tensor, the class that eager and symbolic tensors, tf$Variable()
# and Keras 3 variables all share (one class, so `tensor + variable` finds one Ops method). Each
# method only captures its arguments and makes one call into rkeras_bridge/bridge/tensor_methods.py,
# where the semantics and the error messages live.

#' R generics for tensors
#'
#' Arithmetic, comparison, logic, math functions, reductions and conversions on TensorFlow
#' tensors (eager or symbolic), `tf$Variable()`s and Keras 3 variables, with the meaning they
#' have in R and in the R tensorflow package:
#'
#' * `Ops` (`+ - * / ^ %% %/% == != < <= > >= & | !`): a plain R number or array on either side
#'   is converted to the tensor's dtype, so `t + 2` works for a `float32` tensor, and
#'   `int_tensor + 2.5` is an error naming the argument instead of a silent rounding. Two tensors
#'   must share a dtype (use `tf$cast()`), except that a `bool` tensor counts as 0/1, as R's
#'   `TRUE + 1` does. `%%` is floor-mod and `%/%` floor division, as in R; `/` of integer tensors
#'   gives `float64`. Broadcasting is TensorFlow's, not R's recycling.
#' * `Math` (`abs`, `sqrt`, `exp`, `log(x, base)`, `round(x, digits)`, `signif`, trigonometry,
#'   `lgamma`, `cumsum`, ...): element-wise; integer tensors are widened to floats where
#'   TensorFlow needs them. `cumsum()` and friends run over all elements in R's (column-major)
#'   order and return a 1-d tensor, like R.
#' * `Summary` (`sum`, `prod`, `min`, `max`, `all`, `any`, `range`): reduce all elements of all
#'   arguments and return a tensor; `sum(t > 0)` counts. `na.rm = TRUE` drops `NaN`s.
#' * `dim()` gives an integer vector with `NA` for unknown sizes (`integer(0)` for a 0-d tensor,
#'   `NULL` for unknown rank); `length()` the number of elements (`NA` if unknown).
#' * `Complex` (`Re`, `Im`, `Mod`, `Arg`, `Conj`): element-wise, on complex or real tensors.
#' * `as.array()` gives an R array of the tensor's shape (a plain value for a 0-d tensor);
#'   `as.matrix()` a matrix (a one-column matrix of all elements for other ranks, as R does);
#'   `as.numeric()`, `as.integer()` (truncating, as R does) and `as.logical()` give plain vectors
#'   in R's element order. `t()` transposes a matrix (a vector becomes one row).
#'
#' @param e1,e2 Operands: tensors, variables, or plain R numbers, logicals or arrays.
#' @param x,object A tensor or variable.
#' @param ... For `Math`: `base` for `log()`, `digits` for `round()`/`signif()`. For `Summary`:
#'   the tensors and values to reduce. Otherwise ignored.
#' @param na.rm Whether `Summary` functions leave out `NaN` values.
#' @returns `Ops`, `Math`, `Summary`, `Complex`, `t()`: a tensor. `as.matrix()`: an R matrix. `dim()`: an integer vector (or `NULL`).
#'   `length()`: an integer. `as.array()`: an R array. `as.numeric()`, `as.integer()`,
#'   `as.logical()`: an R vector. `print()`: `x`, invisibly. `str()`: `NULL`, invisibly.
#' @examples
#' \donttest{
#' t <- tf$constant(matrix(1:6, nrow = 2), dtype = "float32")
#' t * 2 + 1
#' t %/% 4
#' sqrt(t)
#' round(t / 3, digits = 2)
#' sum(t)
#' range(t)
#' dim(t)
#' as.array(t)
#' as.integer(t / 4)
#' }
#' @name tensor-methods
NULL

#' @rdname tensor-methods
#' @method Ops tensorflow.python.types.core.Tensor
#' @export
Ops.tensorflow.python.types.core.Tensor <- function(e1, e2) {
  # The most frequent call of an eager step: the Python function is looked up once.
  ops <- .state$tensor_ops
  if (is.null(ops)) ops <- .state$tensor_ops <- bridge$bridge$tensor_methods$ops
  if (missing(e2)) {
    ops(.Generic, e1 = e1)
  } else {
    ops(.Generic, e1 = e1, e2 = e2)
  }
}

#' @rdname tensor-methods
#' @method Math tensorflow.python.types.core.Tensor
#' @export
Math.tensorflow.python.types.core.Tensor <- function(x, ...) {
  bridge$bridge$tensor_methods$math(.Generic, x, ...)
}

#' @rdname tensor-methods
#' @method Summary tensorflow.python.types.core.Tensor
#' @export
Summary.tensorflow.python.types.core.Tensor <- function(..., na.rm = FALSE) {
  bridge$bridge$tensor_methods$summary(.Generic, list(...), na_rm = na.rm)
}

#' @rdname tensor-methods
#' @method print tensorflow.python.types.core.Tensor
#' @export
print.tensorflow.python.types.core.Tensor <- function(x, ...) {
  writeLines(bridge$bridge$tensor_methods$format_tensor(x))
  invisible(x)
}

#' @rdname tensor-methods
#' @rawNamespace S3method(utils::str, tensorflow.python.types.core.Tensor)
str.tensorflow.python.types.core.Tensor <- function(object, ...) {
  writeLines(bridge$bridge$tensor_methods$str_tensor(object))
  invisible(NULL)
}

#' @rdname tensor-methods
#' @method dim tensorflow.python.types.core.Tensor
#' @export
dim.tensorflow.python.types.core.Tensor <- function(x) {
  d <- bridge$bridge$tensor_methods$dim(x)
  # Python's None (unknown size) arrives as NULL, which an R integer vector cannot hold.
  if (is.null(d)) NULL else vapply(d, function(n) if (is.null(n)) NA_integer_ else as.integer(n), integer(1))
}

#' @rdname tensor-methods
#' @method length tensorflow.python.types.core.Tensor
#' @export
length.tensorflow.python.types.core.Tensor <- function(x) {
  n <- bridge$bridge$tensor_methods$length(x)
  if (is.null(n)) NA_integer_ else as.integer(n)
}

#' @rdname tensor-methods
#' @method as.array tensorflow.python.types.core.Tensor
#' @export
as.array.tensorflow.python.types.core.Tensor <- function(x, ...) {
  bridge$bridge$tensor_methods$as_array(x)
}

#' @rdname tensor-methods
#' @param z A tensor or variable, complex or real.
#' @method Complex tensorflow.python.types.core.Tensor
#' @export
Complex.tensorflow.python.types.core.Tensor <- function(z) {
  bridge$bridge$tensor_methods$complex_(.Generic, z)
}

#' @rdname tensor-methods
#' @method as.matrix tensorflow.python.types.core.Tensor
#' @export
as.matrix.tensorflow.python.types.core.Tensor <- function(x, ...) {
  bridge$bridge$tensor_methods$as_matrix(x)
}

#' @rdname tensor-methods
#' @method t tensorflow.python.types.core.Tensor
#' @export
t.tensorflow.python.types.core.Tensor <- function(x) {
  bridge$bridge$tensor_methods$t(x)
}

# as.vector() below only drops the dim attribute reticulate gives a 1-d NumPy array.

#' @rdname tensor-methods
#' @method as.double tensorflow.python.types.core.Tensor
#' @export
as.double.tensorflow.python.types.core.Tensor <- function(x, ...) {
  as.vector(bridge$bridge$tensor_methods$as_vector(x, "double"))
}

#' @rdname tensor-methods
#' @method as.numeric tensorflow.python.types.core.Tensor
#' @export
as.numeric.tensorflow.python.types.core.Tensor <- as.double.tensorflow.python.types.core.Tensor

#' @rdname tensor-methods
#' @method as.integer tensorflow.python.types.core.Tensor
#' @export
as.integer.tensorflow.python.types.core.Tensor <- function(x, ...) {
  as.vector(bridge$bridge$tensor_methods$as_vector(x, "integer"))
}

#' @rdname tensor-methods
#' @method as.logical tensorflow.python.types.core.Tensor
#' @export
as.logical.tensorflow.python.types.core.Tensor <- function(x, ...) {
  as.vector(bridge$bridge$tensor_methods$as_vector(x, "logical"))
}

#' Create a `tf.TensorShape`
#'
#' `shape(NULL, 10)` (or `shape(NA, 10)`) is `tf$TensorShape(list(NULL, 10L))`: a shape with an
#' unknown first dimension, as Keras `input_shape`/`batch_shape` arguments and
#' `tf$TensorSpec()` take. Sizes are checked (whole numbers >= 0) and made integers in Python.
#'
#' @param ... Dimensions: whole numbers, or `NULL`, `NA` or `-1` for an unknown size.
#' @param dims The dimensions as one vector or list, instead of `...`; `NULL` means a shape of
#'   unknown rank. Defaults to `list(...)`.
#' @returns A `tf.TensorShape`.
#' @examples
#' \donttest{
#' shape(NULL, 10)        # TensorShape([None, 10])
#' shape(NA, 28, 28, 1)   # TensorShape([None, 28, 28, 1])
#' shape()                # TensorShape([]): a scalar
#' shape(dims = c(NA, 4)) # TensorShape([None, 4])
#' shape(dims = NULL)     # TensorShape(None): unknown rank
#' }
#' @export
shape <- function(..., dims = list(...)) {
  # NA must become NULL here: once converted for Python it can no longer be told from a number.
  if (!is.null(dims) && !inherits(dims, "python.builtin.object")) {
    dims <- lapply(unname(as.list(dims)), function(d) {
      if (is.atomic(d) && length(d) == 1L && is.na(d)) NULL else d
    })
  }
  bridge$bridge$tensor_methods$shape(dims)
}
