# `[` on tensors, with the R tensorflow package's rules and options. R only captures the index
# arguments (unevaluated, to see missing arguments, `a:b` ranges and backquoted `5:`) and the
# tensorflow.extract.* options, and turns each index into a small spec;
# rkeras_bridge.bridge.conversion.extract does the indexing and every check, so R and Python users get
# the same results and the same messages. R shows the warnings Python reports, and remembers the
# once-only ones in `warned_about`, as R tensorflow did.

#' Subset a tensor with `[`, as the R tensorflow package does
#'
#' Each argument indexes one dimension. By default (R style) numbers are 1-based and ranges
#' inclusive, as in R:
#'
#' * a number selects one position and drops its dimension (unless `drop = FALSE`); negative
#'   numbers count from the end, Python style (`-1` is the last), with a warning the first time;
#' * a missing argument (`x[1, ]`) keeps the whole dimension;
#' * `start:stop` is a slice, read *without* evaluating `:`: `2:5`, `5:2` (counts down), `2:-1`
#'   (2 to the last); `start:stop:step` strides (`1:9:2`, and `9:1:2` counts down); `NULL`
#'   leaves an end open (`NULL:NULL:2`, `5:NULL`), as do backquoted Python slices (`` `5:` ``,
#'   `` `::2` ``, `` `:5` ``);
#' * a vector of numbers must be an evenly stepped positive run (`c(1, 3, 5)`, `seq(2, 8, by = 2)`),
#'   taken as a slice; other vectors (`c(1, 3, 4)`, `-(1:2)`) are errors: use `tf$gather()`;
#' * `all_dims()` stands for all the dimensions not otherwise indexed (Python's `...`);
#' * `NULL` or `tf$newaxis` inserts a dimension of size 1;
#' * a tensor is passed to TensorFlow as it is (0-based, no translation), with a warning the
#'   first time.
#'
#' Fewer indices than dimensions keep the remaining ones whole, with a warning; more are an
#' error. `0`, positions past the end, `NA`, `Inf`, logical, character, matrix and function
#' indices are errors of class `python.builtin.ValueError` that name the index (`index 2`).
#'
#' The options, set with [options()] or for one call with `style`/`options` (see
#' [tf_extract_opts()]): `tensorflow.extract.style` (`"R"`: no warnings; `"python"`: 0-based,
#' `start:stop` excludes `stop`, no bounds check, no warnings), `tensorflow.extract.one_based`,
#' `tensorflow.extract.inclusive_stop`, `tensorflow.extract.disallow_out_of_bounds` (R tensorflow
#' spelled it `dissallow`; both are read), `tensorflow.extract.warn_negatives_pythonic` and
#' `tensorflow.extract.warn_tensors_passed_asis`.
#'
#' One difference from R tensorflow 1.13: with an inclusive stop, a range counting down to the first
#' element (`x[3:1]`) gives 3, 2, 1; 1.13 gave an empty tensor there (its 0-based stop wrapped
#' around to the last element).
#'
#' @param x A tensor or a variable.
#' @param ... The indices, one per dimension, as described above. Arguments are captured
#'   unevaluated; everything except the `:` calls themselves is evaluated in the caller's environment.
#' @param drop Whether a single-number index drops its dimension. Defaults to `TRUE`.
#' @param style `"R"`, `"python"` or `NULL`, overriding the other options. Defaults to
#'   `getOption("tensorflow.extract.style")`.
#' @param options What [tf_extract_opts()] returns. Defaults to `tf_extract_opts(style)`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' x <- tf$reshape(tf$range(1L, 21L), c(4L, 5L))
#' x[1, ]                  # first row
#' x[, -1]                 # last column (with a warning the first time)
#' x[2:-1, ]               # rows 2 to the last
#' x[4:1, ]                # rows in reverse order
#' x[, 1:5:2]              # columns 1, 3 and 5
#' x[, `2:`]               # columns 2 to the last
#' x[all_dims(), 1]        # like x[..., 0] in Python
#' x[tf$newaxis, , ]       # a new leading dimension
#' x[1, , drop = FALSE]    # a 1 x 5 tensor
#' x[0, , style = "python"]  # first row, Python style
#' }
#' @name extract-tensor
#' @method [ tensorflow.python.types.core.Tensor
#' @export
`[.tensorflow.python.types.core.Tensor` <- function(x, ..., drop = TRUE, style = getOption("tensorflow.extract.style"),
                                                    options = tf_extract_opts(style)) {
  frame <- environment()
  specs <- index_specs(
    as.list(substitute(list(...)))[-1L],  # the index expressions as written, missing ones included
    function(k) eval(call("...elt", k), frame),  # the k-th one's value, from where it was written
    parent.frame()
  )
  # Without `options`, Python resolves the options from their R values (one call, not two).
  opts <- if (missing(options)) extract_option_values(style) else unclass(options)
  out <- bridge$bridge$conversion$extract_with_warnings(x, specs, drop = drop, options = opts)
  for (w in out[[2L]]) {
    if (w[[1L]] %in% names(warned_about)) assign(w[[1L]], TRUE, envir = warned_about)
    warning(w[[2L]], call. = FALSE)
  }
  out[[1L]]
}

# The once-only warnings of `[` already shown in this session (R tensorflow's `warned_about`).
warned_about <- new.env(parent = emptyenv())
warned_about$negative_indices <- FALSE
warned_about$tensors_passed_asis <- FALSE

# The tensorflow.extract.* options as R has them, for tf_extract_opts() in Python to resolve.
extract_option_values <- function(style = getOption("tensorflow.extract.style")) {
  list(style = style, one_based = option_one_based(),
       inclusive_stop = getOption("tensorflow.extract.inclusive_stop", TRUE),
       disallow_out_of_bounds = option_disallow_out_of_bounds(),
       warn_tensors_passed_asis = getOption("tensorflow.extract.warn_tensors_passed_asis", TRUE),
       warn_negatives_pythonic = getOption("tensorflow.extract.warn_negatives_pythonic", TRUE),
       warned = as.list(warned_about))
}

# R tensorflow 1.x first called the option `tensorflow.one_based_extract`; it still counts when the
# new name is unset.
option_one_based <- function() {
  getOption("tensorflow.extract.one_based", getOption("tensorflow.one_based_extract", TRUE))
}

# R tensorflow 1.13 read `dissallow` (sic) while its messages said `disallow`: both are honoured.
option_disallow_out_of_bounds <- function() {
  getOption("tensorflow.extract.disallow_out_of_bounds",
            getOption("tensorflow.extract.dissallow_out_of_bounds", TRUE))
}

#' Options of `[` on tensors
#'
#' @param style `"R"` (the two warnings off), `"python"` (every option `FALSE`: 0-based,
#'   `start:stop` excludes `stop`, no bounds check, no warnings) or `NULL` (the options as given).
#'   Defaults to `getOption("tensorflow.extract.style")`.
#' @param ... Ignored, with a warning.
#' @param one_based Whether numbers count from 1. Defaults to
#'   `getOption("tensorflow.extract.one_based", TRUE)`.
#' @param inclusive_stop Whether `start:stop` includes `stop`. Defaults to
#'   `getOption("tensorflow.extract.inclusive_stop", TRUE)`.
#' @param disallow_out_of_bounds Whether positions past the end of a dimension are errors.
#'   Defaults to `getOption("tensorflow.extract.disallow_out_of_bounds", TRUE)`.
#' @param warn_tensors_passed_asis Whether to warn, once, that tensor indices are not translated.
#'   Defaults to `getOption("tensorflow.extract.warn_tensors_passed_asis", TRUE)`.
#' @param warn_negatives_pythonic Whether to warn, once, that negative numbers count from the end.
#'   Defaults to `getOption("tensorflow.extract.warn_negatives_pythonic", TRUE)`.
#' @returns A list of the five options, of class `tf_extract_options`, for the `options`
#'   argument of `[`.
#' @examples
#' \donttest{
#' x <- tf$constant(1:10)
#' x[1, options = tf_extract_opts("R")]
#' x[0:2, options = tf_extract_opts(one_based = FALSE, warn_negatives_pythonic = FALSE)]
#' }
#' @export
tf_extract_opts <- function(style = getOption("tensorflow.extract.style"), ...,
                            one_based = option_one_based(),
                            inclusive_stop = getOption("tensorflow.extract.inclusive_stop", TRUE),
                            disallow_out_of_bounds = option_disallow_out_of_bounds(),
                            warn_tensors_passed_asis = getOption("tensorflow.extract.warn_tensors_passed_asis", TRUE),
                            warn_negatives_pythonic = getOption("tensorflow.extract.warn_negatives_pythonic", TRUE)) {
  if (...length()) warning("arguments passed to `...` are ignored", call. = FALSE)
  opts <- bridge$tf_extract_opts(style, one_based = one_based, inclusive_stop = inclusive_stop,
                                 disallow_out_of_bounds = disallow_out_of_bounds,
                                 warn_tensors_passed_asis = warn_tensors_passed_asis,
                                 warn_negatives_pythonic = warn_negatives_pythonic,
                                 warned = as.list(warned_about))
  structure(opts, class = "tf_extract_options")
}

#' All the remaining dimensions of a tensor, for `[`
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
# through another function's `...`); `env` is the caller, where the parts of a slice are evaluated
# (for a slice forwarded through `...` that is the forwarding function, as in the R tensorflow package).
index_specs <- function(args, value_of, env) {
  if (!is.null(names(args)) && any(nzchar(names(args)))) {
    named <- names(args)[nzchar(names(args))]
    warning("names are ignored in `[` on a tensor: ", paste(named, collapse = ", "), call. = FALSE)
  }
  args <- unname(as.list(args))
  values <- list()  # every evaluated value, labelled by position, for the NA check
  specs <- vector("list", length(args))
  for (k in seq_along(args)) {
    label <- paste("index", k)
    if (is_missing_arg(args[[k]])) {  # before binding it: a variable holding it could not be read
      specs[[k]] <- list("missing")
      next
    }
    arg <- args[[k]]
    parts <- slice_parts(arg)
    if (!is.null(parts)) {
      ends <- lapply(parts, eval, envir = env)
      specs[[k]] <- c(list("slice"), lapply(ends, index_value))
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

# The parts of a slice, unevaluated: `a:b` and `a:b:c` (R parses the latter as `(a:b):c`), or a
# backquoted Python slice such as `5:`, `::2` or `2:NULL:`, whose empty parts are NULL.
# NULL when `arg` is no slice.
slice_parts <- function(arg) {
  if (is_colon_call(arg)) {
    parts <- list(arg[[3L]])
    while (is_colon_call(arg[[2L]])) {
      arg <- arg[[2L]]
      parts <- c(list(arg[[3L]]), parts)
    }
    return(c(list(arg[[2L]]), parts))
  }
  if (is.name(arg) && grepl(":", as.character(arg), fixed = TRUE)) {
    text <- strsplit(as.character(arg), ":", fixed = TRUE)[[1L]]
    text[!nzchar(text)] <- "NULL"
    return(lapply(text, function(t) parse(text = t, keep.source = FALSE)[[1L]]))
  }
  NULL
}

index_spec <- function(value) {
  if (is.null(value) || inherits(value, "python.builtin.NoneType")) {
    list("newaxis")
  } else if (inherits(value, "rkb_all_dims") || inherits(value, "python.builtin.ellipsis")) {
    list("all_dims")
  } else {
    list("value", index_value(value))  # extract() checks the value and says what is wrong with it
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
