# The R half of rkeras_bridge/bridge/conversion.py: what can only be seen before reticulate converts a
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
  checked_caller(x)
}

# The R function that calls the Python callable `fn` (reticulate's function, or its reference)
# from R. The compiled fast path is tried here, in the caller itself: it answers most calls of an
# eager step, and one R function call less is ~3 us of a ~20 us small op (docs/performance.md).
checked_caller <- function(fn) {
  function(...) {
    result <- .Call(rkb_fast_call, fn, list(...))
    if (!is.symbol(result)) {
      return(if (is.null(result)) invisible(result) else result)
    }
    py_call_checked(..., .fn = fn, .convert = py_convert_flag(fn), .fast = result)
  }
}

# Call a Python callable from R: refuse NA arguments, and turn a Python exception into a classed
# R condition. Before the bridge is loaded (while it loads) calls go straight to reticulate.
# `.fast` is the compiled fast path's answer when it did not give the value (checked_caller()):
# `fallback` (nothing was called: R's path below runs), `error` or `stashed` (bridge-fastcall.R).
# The arguments come first: formals after `...` are matched exactly, never partially, so a
# keyword such as `f =` or `conv =` reaches Python instead of binding to `.fn` or `.convert`.
py_call_checked <- function(..., .fn, .convert, .fast) {
  call <- .state$call_split
  if (is.null(call)) {
    return(.fn(...))
  }
  if (!identical(.fast, quote(fallback))) {
    return(fast_call_result(.fast))
  }
  args <- list(...)
  if (length(args)) refuse_na(args)
  arg_names <- names(args)
  named <- if (is.null(arg_names)) logical(length(args)) else nzchar(arg_names)
  # A result inherits the convert flag of the callable that produced it: the trampoline used
  # must carry fn's flag, or objects from convert = FALSE calls would convert later on.
  # Positional and keyword arguments travel as one list and one named list (a dict), so that
  # reticulate::py_call()'s own `x` never captures a keyword argument named `x`.
  trampoline <- if (.convert) call else .state$call_split_raw
  result <- tryCatch(reticulate::py_call(trampoline, .fn, unname(args[!named]),
                                                 if (any(named)) args[named]),
                     error = function(e) e)
  if (inherits(result, "error")) {
    stop(python_condition(result))
  }
  .Call(rkb_collect_if_pressed)  # the tensors handed to R passed the threshold: collect (bridge-memory.R)
  if (.convert && !(class(result)[[1]] %in% unconverted_classes)) result <- reticulate::py_to_r(result)
  if (is.null(result)) invisible(result) else result
}

# A Python exception (remembered by conversion.call) as an R condition whose classes follow the
# exception's hierarchy: python.builtin.ValueError, python.builtin.Exception, ..., error, condition.
# The leading class keeps `e$python_message` and friends plain list fields: reticulate >= 1.38
# registers `$` for python.builtin.BaseException and would look them up on a Python object.
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
    class = c("rkerasbridge_python_error", unlist(info$classes), "error", "condition"),
    list(message = paste0(info$type, ": ", info$message, trace), call = NULL,
         python_type = info$type, python_message = info$message, python_traceback = unlist(info$traceback),
         python_exception = info$exception)
  )
}

#' @export
`$.rkerasbridge_python_error` <- function(x, name) unclass(x)[[name]]

#' @export
`[[.rkerasbridge_python_error` <- function(x, i, ...) unclass(x)[[i, ...]]

# Raise (through Python, for one message format and class) on the first argument holding an R NA.
refuse_na <- function(args, parent = NULL) {
  arg_names <- names(args)
  for (i in seq_along(args)) {
    a <- args[[i]]
    # Python objects hold no R NA; reticulate >= 1.38 makes a Python exception an R list.
    if (is.environment(a) || is.function(a) || is.null(a) || inherits(a, "python.builtin.object")) next
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

# ---- Fast paths for the hot calls (see bench/ and `python -m rkeras_bridge.tools.bench`) ---------------

# A module whose attribute lookups are remembered: `tf$multiply` costs a Python attribute lookup, a
# conversion and a new R closure each time through reticulate (~60-100 us, a third of a small op's
# cost from R). Modules and functions of TensorFlow and rkeras_bridge do not change while R runs,
# so the first lookup of a name is kept (submodules such as `tf$nn` get their own cache); anything
# else (numbers, dtypes, objects) is looked up every time.
cached_module <- function(module) {
  attr(module, "rkb_cache") <- new.env(parent = emptyenv())
  class(module) <- unique(c("rkerasbridge.module", class(module)))
  module
}

#' @export
`$.rkerasbridge.module` <- function(x, name) {
  value <- .Call(rkb_module_cached, x, name)  # attr() and `[[` in R: ~1 us of a ~3 us lookup
  if (!is.null(value)) {
    return(value)
  }
  cache <- attr(x, "rkb_cache", exact = TRUE)
  value <- NextMethod()
  if (inherits(value, "python.builtin.module")) {
    value <- cached_module(value)
    assign(name, value, envir = cache)
  } else if (is.function(value)) {
    assign(name, value, envir = cache)
  }
  value
}

# Tensors, variables and gradient tapes come back from Python as they are: reticulate's py_to_r()
# would only return them unchanged after an S3 dispatch over a dozen class names (~50 us per call).
unconverted_classes <- c(
  "tensorflow.python.framework.ops.EagerTensor",
  "tensorflow.python.eager.backprop.GradientTape",
  "tensorflow.python.ops.resource_variable_ops.ResourceVariable",
  "tensorflow.python.framework.ops.SymbolicTensor",
  "keras.src.backend.Variable"
)

# reticulate passes every R argument that has a class through its r_to_py() generic. For a Python
# object that is an S3 dispatch over the object's class names (a search of the whole search path
# per name) ending in a new R reference to the same object, whose class names are computed again
# in Python, only to be dropped: ~20-40 us per tensor argument, the largest part of a small op's
# cost from R. The objects R hands back to Python all the time are passed on as they are (unless a
# caller asks for a reference with the other convert flag, which reticulate's own method makes).
py_object_as_is <- function(x, convert = FALSE) {
  if (identical(convert, py_convert_flag(x))) x else NextMethod()
}

#' @rawNamespace importFrom(reticulate, r_to_py)
#' @rawNamespace S3method(r_to_py, tensorflow.python.framework.ops.EagerTensor, py_object_as_is)
#' @rawNamespace S3method(r_to_py, tensorflow.python.framework.ops.SymbolicTensor, py_object_as_is)
#' @rawNamespace S3method(r_to_py, tensorflow.python.ops.resource_variable_ops.ResourceVariable, py_object_as_is)
#' @rawNamespace S3method(r_to_py, keras.src.backend.tensorflow.core.Variable, py_object_as_is)
#' @rawNamespace S3method(r_to_py, keras.src.layers.layer.Layer, py_object_as_is)
#' @rawNamespace S3method(r_to_py, rkeras_bridge.keras.model_custom.CustomModel, py_object_as_is)
#' @rawNamespace S3method(r_to_py, python.builtin.function, py_object_as_is)
#' @rawNamespace S3method(r_to_py, python.builtin.method, py_object_as_is)
#' @rawNamespace S3method(r_to_py, python.builtin.builtin_function_or_method, py_object_as_is)
#' @rawNamespace S3method(r_to_py, tensorflow.python.eager.polymorphic_function.polymorphic_function.Function, py_object_as_is)
NULL

# `$` on the TensorFlow and Keras objects an eager step touches over and over (layers and models,
# tapes, optimizers, tensors, variables): reticulate's answer, without its checks for modules and
# module proxies and its S3 dispatch of py_to_r() over the attribute's class names (`tape$gradient`
# ~75 us -> ~40 us). Assignment (`self$dense <- ...`) stays reticulate's.
py_object_dollar <- function(x, name) {
  if (.state$fast) {
    # The compiled lookup (bridge-fastcall.R): a tensor, variable or method comes back wrapped
    # already; `fallback` (no such attribute, convert = FALSE, ...) takes reticulate's path below.
    value <- .Call(rkb_fast_getattr, x, name)
    if (!is.symbol(value)) {
      return(value)
    }
    if (identical(value, quote(stashed))) {
      return(dollar_value(reticulate::py_call(.state$take_fast_result)))
    }
  }
  if (!py_convert_flag(x) || reticulate::py_is_null_xptr(x)) {
    return(NextMethod())
  }
  dollar_value(reticulate::py_get_attr(x, name))
}

# What `$` answers for an attribute's value as reticulate's py_get_attr() gives it; tensors,
# variables and methods also teach the fast path their R classes.
dollar_value <- function(value) {
  first <- class(value)[[1]]
  if (first %in% unconverted_classes) {
    if (.state$fast) .Call(rkb_learn_class, value)
    return(value)
  }
  if (first %in% callable_classes) {
    if (.state$fast) .Call(rkb_learn_class, value)
    return(if (is.function(value)) value else py_callable_as_r(value))
  }
  value <- reticulate::py_to_r(value)
  # A layer or model: reticulate's function, which the fast path makes with py_callable_as_r().
  if (.state$fast && is.function(value) && !is.null(attr(value, "py_object", exact = TRUE))) .Call(rkb_learn_class, value)
  value
}

callable_classes <- c("python.builtin.method", "python.builtin.function", "python.builtin.builtin_function_or_method")

#' @rawNamespace S3method("$", rkeras_bridge.keras.model_custom.CustomModel, py_object_dollar)
#' @rawNamespace S3method("$", keras.src.layers.layer.Layer, py_object_dollar)
#' @rawNamespace S3method("$", tensorflow.python.eager.backprop.GradientTape, py_object_dollar)
#' @rawNamespace S3method("$", keras.src.optimizers.optimizer.Optimizer, py_object_dollar)
#' @rawNamespace S3method("$", tensorflow.python.framework.ops.EagerTensor, py_object_dollar)
#' @rawNamespace S3method("$", tensorflow.python.ops.resource_variable_ops.ResourceVariable, py_object_dollar)
#' @rawNamespace S3method("$", keras.src.backend.tensorflow.core.Variable, py_object_dollar)
NULL

# Call `fn`, a function of the Python bridge, with the arguments of the wrapper that calls this,
# all by name: an argument without a default that was not given goes as NULL (so Python names it
# in its error), defaults are evaluated as R would, and `...` is passed on. This keeps each
# wrapper one call whatever the number of R keras 2.x arguments it mirrors.
call_bridge <- function(fn) {
  env <- parent.frame()
  params <- formals(sys.function(sys.parent()))
  formal_names <- setdiff(names(params), "...")
  args <- list()
  for (name in formal_names) {
    given <- !eval(call("missing", as.name(name)), env)
    has_default <- !identical(params[[name]], quote(expr = ))
    args[name] <- list(if (given || has_default) get(name, envir = env) else NULL)
  }
  if ("..." %in% names(params)) args <- c(args, eval(quote(list(...)), env))
  do.call(fn, args)
}
