# The compiled fast path of calls from R into Python (r/src/fastcall.c says what it does and why).
# checked_caller() tries it first for callables with convert = TRUE; it answers with the result, or
# with a symbol: `fallback` (an argument only R's path converts, such as a vector, a list or an NA:
# nothing was called, R's path runs as before), `error` (Python raised; conversion.call remembered
# the exception) or `stashed` (a result of a type the C code does not wrap: reticulate wraps it).
# options(rkerasbridge.fast_path = FALSE) before the bridge loads keeps reticulate's path only.

# Turn the fast path on once Python is up, if this reticulate's references have the layout the C
# code reads and makes (the same in 1.28 and 1.46): checked on live objects, never assumed.
fast_path_setup <- function(conversion, conversion_raw) {
  .Call(rkb_fast_disable)  # until checked below: the C code answers `fallback` while off
  .state$fast <- FALSE
  .state$fast_path <- "off"
  if (isFALSE(getOption("rkerasbridge.fast_path", TRUE))) {
    return(invisible(FALSE))
  }
  .state$take_fast_result <- reticulate::py_get_attr(conversion, "take_fast_result")
  ok <- tryCatch(.Call(rkb_fast_init, reticulate::py_get_attr(conversion, "call"),
                       reticulate::py_get_attr(conversion_raw, "_FAST_RESULTS"), py_callable_as_r,
                       items_marked_not_simple()),
                 error = function(e) FALSE)
  # The C code reads the convert flag where convert_flag_from_refenv() does: that reader must be the
  # one chosen for this reticulate.
  ok <- isTRUE(ok) && identical(.state$convert_flag_reader, "refenv") &&
    isTRUE(tryCatch(fast_path_check(), error = function(e) FALSE))
  if (!ok) .Call(rkb_fast_disable)
  .state$fast <- ok
  .state$fast_path <- if (ok) "compiled" else "off"
  invisible(ok)
}

# Whether this reticulate marks the references it makes for a list's items `simple = FALSE` (1.46
# does, 1.28 has no such mark), so that the C code's list items carry the same variables.
items_marked_not_simple <- function() {
  items <- reticulate::py_to_r(reticulate::py_eval("[object()]", convert = FALSE))
  exists("simple", envir = items[[1]], inherits = FALSE)
}

# A reference made by reticulate and one made by the C code for the same Python object must look
# alike to reticulate and to R: same variables, attributes and class, and both hold the object that
# Python's id() names.
fast_path_check <- function() {
  builtins <- reticulate::import_builtins(convert = TRUE)
  made <- reticulate::py_call(.state$call_split, reticulate::py_get_attr(builtins, "object"), list(), NULL)
  address <- .Call(rkb_object_address, made)
  # id() as text: reticulate 1.28 converts a Python int beyond R's integers with a lossy cast.
  python_id <- reticulate::py_eval("lambda x: str(id(x))", convert = FALSE)
  layout_ok <- function(ref) {
    is.environment(ref) && identical(sort(ls(ref, all.names = TRUE)), c("convert", "pyobj")) &&
      identical(names(attributes(ref)), "class") && identical(class(ref), class(made)) &&
      identical(.Call(rkb_object_address, ref), address) &&
      identical(reticulate::py_to_r(reticulate::py_call(python_id, ref)), sprintf("%.0f", address))
  }
  if (!layout_ok(made) || !isTRUE(.Call(rkb_learn_class, made))) {
    return(FALSE)
  }
  identity <- reticulate::py_eval("lambda x: x", convert = FALSE)
  assign("convert", TRUE, envir = as.environment(identity))  # reticulate's documented way; C reads it
  wrapped <- .Call(rkb_fast_call, identity, list(made))
  layout_ok(wrapped) && isTRUE(py_convert_flag(wrapped))
}

# The R side of a fast call's answer other than a value.
fast_call_result <- function(status) {
  if (identical(status, quote(error))) {
    stop(python_condition(simpleError("a Python error (the fast path could not describe it)")))
  }
  result <- reticulate::py_call(.state$take_fast_result)
  if (class(result)[[1]] %in% unconverted_classes) {
    # A tensor or variable: the C code wraps the next one of this Python type itself.
    .Call(rkb_learn_class, result)
    return(result)
  }
  result <- reticulate::py_to_r(result)
  if (is.null(result)) invisible(result) else result
}
