# The R half of rkeras_bridge/conversion.py: what can only be seen before reticulate converts a
# value (R's NA, unevaluated `[` arguments) is captured here; the rules and messages live in Python.

#' Wrap Python callables so calls from R refuse NA and raise classed conditions
#'
#' @param x A Python callable converted by reticulate.
#' @returns An R function that calls `x`.
#' @keywords internal
#' @rawNamespace importFrom(reticulate, py_to_r_wrapper)
#' @rawNamespace S3method(py_to_r_wrapper, python.builtin.object)
py_to_r_wrapper.python.builtin.object <- function(x) {
  if (!is.function(x)) {
    return(x)
  }
  # Honour the callable's own convert flag: reticulate itself calls Python with convert = FALSE
  # (e.g. to build a pandas DataFrame from an R data frame) and needs the raw result back. The
  # flag is read at call time: while this wrapper is built, reticulate has set it temporarily.
  function(...) py_call_checked(..., .fn = x, .convert = reticulate_has_convert(x))
}

reticulate_has_convert <- utils::getFromNamespace("py_has_convert", "reticulate")
reticulate_call_impl <- utils::getFromNamespace("py_call_impl", "reticulate")

# Call a Python callable from R: refuse NA arguments, and turn a Python exception into a classed
# R condition. Before the bridge is loaded (while it loads) calls go straight to reticulate.
# The arguments come first: formals after `...` are matched exactly, never partially, so a
# keyword such as `f =` or `conv =` reaches Python instead of binding to `.fn` or `.convert`.
py_call_checked <- function(..., .fn, .convert) {
  call <- .state$call
  if (is.null(call)) {
    return(.fn(...))
  }
  args <- list(...)
  if (length(args)) refuse_na(args)
  # Split positional and keyword arguments ourselves rather than going through
  # reticulate::py_call(x, ...), whose own `x` would capture a keyword argument named `x`.
  arg_names <- names(args)
  named <- if (is.null(arg_names)) logical(length(args)) else nzchar(arg_names)
  # A result inherits the convert flag of the callable that produced it: the trampoline used
  # must carry fn's flag, or objects from convert = FALSE calls would convert later on.
  trampoline <- if (.convert) call else .state$call_raw
  result <- tryCatch(reticulate_call_impl(trampoline, c(list(.fn), args[!named]), args[named]),
                     error = function(e) e)
  if (inherits(result, "error")) {
    stop(python_condition(result))
  }
  if (.convert) result <- reticulate::py_to_r(result)
  if (is.null(result)) invisible(result) else result
}

# A Python exception (remembered by conversion.call) as an R condition whose classes follow the
# exception's hierarchy: python.builtin.ValueError, python.builtin.Exception, ..., error, condition.
python_condition <- function(e) {
  info <- reticulate::py_to_r(reticulate::py_call(.state$last_error))
  if (is.null(info)) {
    return(e)
  }
  trace <- if (length(info$traceback)) {
    paste0("\n  Python traceback (innermost last):\n    ", paste(unlist(info$traceback), collapse = "\n    "))
  } else {
    ""
  }
  structure(
    class = c(unlist(info$classes), "error", "condition"),
    list(message = paste0(info$type, ": ", info$message, trace), call = NULL,
         python_type = info$type, python_message = info$message, python_traceback = unlist(info$traceback),
         python_exception = info$exception)
  )
}

# Raise (through Python, for one message format and class) on the first argument holding an R NA.
refuse_na <- function(args, parent = NULL) {
  arg_names <- names(args)
  for (i in seq_along(args)) {
    a <- args[[i]]
    if (is.environment(a) || is.function(a) || is.null(a)) next
    named <- !is.null(arg_names) && nzchar(arg_names[[i]])
    label <- if (is.null(parent)) {
      if (named) arg_names[[i]] else paste0("..", i)
    } else {
      paste0(parent, if (named) paste0("$", arg_names[[i]]) else paste0("[[", i, "]]"))
    }
    if (is.atomic(a)) {
      if (anyNA(a)) {
        na <- if (is.double(a)) is.na(a) & !is.nan(a) else is.na(a)
        if (any(na)) {
          e <- tryCatch(reticulate::py_call(.state$call, .state$refuse_na, label, typeof(a), length(a),
                                            as.list(utils::head(which(na), 5))),
                        error = function(e) e)
          stop(python_condition(e))
        }
      }
    } else if (is.list(a)) {
      refuse_na(a, label)
    }
  }
  invisible(NULL)
}

# reticulate sends an R vector as a Python list (length 1: a scalar), which tf.data would read as
# a structure of scalars; a 1-d array keeps it one component of length(x) elements, as in R.
# Lists are walked, everything else is left alone.
vectors_as_arrays <- function(x) {
  if (is.atomic(x) && is.null(dim(x)) && length(x) >= 1) {
    array(x)
  } else if (is.list(x) && !is.data.frame(x) && !inherits(x, "python.builtin.object")) {
    structure(lapply(x, vectors_as_arrays), names = names(x))
  } else {
    x
  }
}

#' Check training data for NaN and Inf (opt-in)
#'
#' Off by default. When on, `tensor_slices_dataset()` and `fit()` refuse data holding `NaN` or
#' `Inf` with a `python.builtin.ValueError` that names the argument and the first bad R index.
#'
#' @param enable `TRUE` or `FALSE` to set, `NULL` to only read the setting. Defaults to `NULL`.
#' @returns Whether the check is on.
#' @examples
#' \donttest{
#' check_numerics(TRUE)
#' try(tensor_slices_dataset(c(1, NaN, 3)))
#' check_numerics(FALSE)
#' }
#' @export
check_numerics <- function(enable = NULL) {
  bridge$check_numerics(enable)
}
