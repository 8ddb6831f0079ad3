# `[` on tensors. R only captures the index arguments (unevaluated, to see missing arguments and
# `a:b` ranges) and turns each into a small spec; rkeras_bridge.bridge.conversion.extract does the
# indexing and every check, so R and Python users get the same results and the same messages.

#' Subset a tensor with `[`, as the R tensorflow package does
#'
#' Indices are 1-based and inclusive, as in R; negative indices count from the end, Python style
#' (`-1` is the last element, never "all but the first"). Each argument indexes one axis:
#'
#' * a number selects one position and drops the axis (unless `drop = FALSE`);
#' * a missing argument (`x[1, ]`) keeps the whole axis;
#' * `start:end` is a range, read *without* evaluating `:`: `5:2` counts down, `2:-1` is
#'   "2 to the last", `-3:-1` the last three; with mixed signs it counts up (`8:-4` is empty on
#'   an axis of 10); `start:end:step` gives a stride (`1:9:2` is 1, 3, 5, 7, 9, and `9:1:2`
#'   counts down); a negative step counts down (`-1:2:-1` is the last down to 2, and `1:5:-1` is
#'   an error, as in `seq()`); a `NULL` end stands for the start or end of the axis
#'   (`NULL:NULL:-1` reverses);
#' * a numeric vector of length > 1 selects those positions, in that order, repeats allowed; on
#'   several axes the vectors combine as in R arrays (`x[c(1, 3), c(2, 5)]` is a 2 x 2 tensor);
#' * `all_dims()` stands for all the axes not otherwise indexed (Python's `...`);
#' * `NULL` or `tf$newaxis` inserts an axis of size 1.
#'
#' Axes left over at the end are kept whole (`x[1]` on a matrix is its first row, not R's linear
#' indexing). `0`, positions outside the axis, `NA`, logical and character indices are errors of
#' class `python.builtin.ValueError` that name the index by its position (`index 2`).
#'
#' @param x A tensor or a variable.
#' @param ... The indices, one per axis, as described above. Arguments are captured unevaluated;
#'   everything except the `:` calls themselves is evaluated in the caller's environment.
#' @param drop Whether a single-number index drops its axis. Defaults to `TRUE`. Axes of size 1
#'   selected by a range or a vector are never dropped.
#' @returns A tensor.
#' @examples
#' \donttest{
#' x <- tf$reshape(tf$range(1L, 21L), c(4L, 5L))
#' x[1, ]                  # first row
#' x[, -1]                 # last column
#' x[2:-1, ]               # rows 2 to the last
#' x[4:1, ]                # rows in reverse order
#' x[, 1:5:2]              # columns 1, 3 and 5
#' x[c(1, 3), c(2, 5)]     # a 2 x 2 sub-matrix
#' x[all_dims(), 1]        # like x[..., 0] in Python
#' x[tf$newaxis, , ]       # a new leading axis
#' x[1, , drop = FALSE]    # a 1 x 5 tensor
#' }
#' @name extract-tensor
#' @method [ tensorflow.python.types.core.Tensor
#' @export
`[.tensorflow.python.types.core.Tensor` <- function(x, ..., drop = TRUE) {
  frame <- environment()
  specs <- index_specs(
    as.list(substitute(list(...)))[-1L],  # the index expressions as written, missing ones included
    function(k) eval(call("...elt", k), frame),  # the k-th one's value, from where it was written
    parent.frame()
  )
  bridge$bridge$conversion$extract(x, specs, drop = drop)
}

#' All the remaining axes of a tensor, for `[`
#'
#' The R spelling of Python's Ellipsis (`...`) in an index: `x[all_dims(), 1]` is Python's
#' `x[..., 0]`, whatever the rank of `x`. At most one per index.
#'
#' @returns An object of class `rkb_all_dims`, meaningful only inside `[`.
#' @examples
#' \donttest{
#' x <- tf$zeros(c(2L, 3L, 4L))
#' x[all_dims(), 1]        # shape (2, 3)
#' x[1, all_dims()]        # shape (3, 4)
#' }
#' @export
all_dims <- function() {
  structure(list(), class = "rkb_all_dims")
}

# One spec per index argument (see extract() in rkeras_bridge/bridge/conversion.py). `args` are the
# unevaluated arguments; `value_of(k)` evaluates the k-th where it was written (also when it came
# through another function's `...`); `env` is the caller, where the ends of a range are evaluated
# (for a range forwarded through `...` that is the forwarding function, as in the R tensorflow package).
index_specs <- function(args, value_of, env) {
  if (!is.null(names(args)) && any(nzchar(names(args)))) {
    named <- names(args)[nzchar(names(args))]
    warning("names are ignored in `[` on a tensor: ", paste(named, collapse = ", "), call. = FALSE)
  }
  args <- unname(as.list(args))
  if (length(args) == 1L && is_missing_arg(args[[1L]])) {
    return(list())  # x[]: the whole tensor
  }
  values <- list()  # every evaluated value, labelled by position, for the NA check
  specs <- vector("list", length(args))
  for (k in seq_along(args)) {
    label <- paste("index", k)
    if (is_missing_arg(args[[k]])) {  # before binding it: a variable holding it could not be read
      specs[[k]] <- list("missing")
      next
    }
    arg <- args[[k]]
    if (is_colon_call(arg)) {
      ends <- if (is_colon_call(arg[[2L]])) {
        list(arg[[2L]][[2L]], arg[[2L]][[3L]], arg[[3L]])  # start:end:step is `:`(`:`(start, end), step)
      } else {
        list(arg[[2L]], arg[[3L]])
      }
      ends <- lapply(ends, eval, envir = env)
      specs[[k]] <- c(list("range"), lapply(ends, index_value))
      names(ends) <- rep(label, length(ends))
      values <- c(values, ends)
    } else {
      value <- value_of(k)
      values[[label]] <- value
      specs[[k]] <- index_spec(value)
    }
  }
  if (any(vapply(values, function(v) is.atomic(v) && anyNA(v), logical(1)))) {
    ensure_bridge()
    refuse_na(values)  # raises the python.builtin.ValueError naming `index k`
  }
  specs
}

index_spec <- function(value) {
  if (is.null(value) || inherits(value, "python.builtin.NoneType")) {
    list("newaxis")
  } else if (inherits(value, "rkb_all_dims") || inherits(value, "python.builtin.ellipsis")) {
    list("all_dims")
  } else if (is.atomic(value) && length(value) != 1L) {
    list("vector", value)  # extract() refuses logical, character and matrix indices
  } else {
    list("scalar", index_value(value))  # a number, a 0-d tensor, or something extract() refuses
  }
}

# Attributes (names, a 1-element dim) would change how reticulate converts a single index.
index_value <- function(value) {
  if (is.atomic(value) && length(value) == 1L) as.vector(unname(value)) else value
}

is_missing_arg <- function(arg) {
  identical(arg, quote(expr = ))
}

is_colon_call <- function(arg) {
  is.call(arg) && identical(arg[[1L]], as.name(":")) && length(arg) == 3L
}
