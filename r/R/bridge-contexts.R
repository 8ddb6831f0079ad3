#' Evaluate an expression inside a Python context manager
#'
#' `with(ctx %as% name, { ... })` enters `ctx`, binds what `__enter__` returns to `name`,
#' evaluates the block and exits `ctx`. If the block raises an error (or is interrupted),
#' `__exit__` receives that exception, as in Python (reticulate 1.28 passes `None`), and the
#' error is re-raised unless `__exit__` suppresses it. Anything that is not a Python object is
#' handed to [base::with()].
#'
#' @param data A Python context manager (e.g. `tf$GradientTape()`), or data for [base::with()].
#' @param expr The block to evaluate.
#' @param ... Passed to [base::with()] for non-Python `data`.
#' @returns The value of `expr`, invisibly (`NULL` when `__exit__` suppressed an error).
#' @examples
#' \donttest{
#' x <- tf$constant(3)
#' with(tf$GradientTape() %as% tape, {
#'   tape$watch(x)
#'   y <- x * x
#' })
#' tape$gradient(y, x)
#' }
#' @export
with <- function(data, expr, ...) {
  if (!inherits(data, "python.builtin.object")) {
    return(eval.parent(substitute(base::with(data, expr, ...))))
  }
  ensure_bridge()
  envir <- parent.frame()
  as_name <- attr(data, "as", exact = TRUE)
  as_envir <- attr(data, "as_envir", exact = TRUE)
  if (is.null(as_envir)) as_envir <- envir
  fast <- py_convert_flag(data)  # the bridge's helpers return converting references
  contexts <- .state$contexts
  if (is.null(contexts)) contexts <- .state$contexts <- bridge$bridge$contexts
  value <- if (fast) contexts$enter(data) else data$`__enter__`()
  if (!is.null(as_name)) assign(as_name, value, envir = as_envir)
  failed <- NULL
  result <- tryCatch(eval(substitute(expr), envir),
                     error = function(e) failed <<- e,
                     interrupt = function(e) failed <<- e)
  if (is.null(failed)) {
    if (fast) contexts$exit_cleanly(data) else data$`__exit__`(NULL, NULL, NULL)
    return(invisible(result))
  }
  suppressed <- contexts$exit_with_condition(data, failed$python_exception,
                                                     conditionMessage(failed), class(failed))
  if (isTRUE(suppressed)) {
    return(invisible(NULL))
  }
  if (inherits(failed, "interrupt")) stop("interrupted", call. = FALSE)
  stop(failed)
}

#' Name the value a context manager enters with
#'
#' @param object A Python context manager.
#' @param name The name to bind `__enter__()`'s value to inside [with()].
#' @returns `object`, marked for [with()].
#' @examples
#' \donttest{
#' with(tf$GradientTape() %as% tape, y <- tf$constant(2) * 2)
#' }
#' @export
`%as%` <- function(object, name) {
  as_name <- gsub("\"", "", deparse(substitute(name)))
  attr(object, "as") <- as_name
  attr(object, "as_envir") <- parent.frame()
  object
}
