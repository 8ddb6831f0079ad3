#' Expect an R function and its Python twin to compute the same values
#'
#' A testthat expectation: calls `r_fn` and `py_fn` on the same `inputs` and compares what they
#' return leaf by leaf (lists matched by position, named lists by name; numbers, arrays and
#' tensors element by element with the rule of `numpy.isclose()`,
#' `|r - py| <= atol + rtol * |py|`). On a difference the failure message says where (the
#' path of the output, `output[[2]]$logits`, and its Python spelling), the worst element's index
#' as R counts (1-based) and as Python counts (0-based), both values and their absolute and
#' relative difference. Shapes that differ, NaN or Inf on one side only, and a function that
#' fails (which side, and its message) are reported the same way.
#'
#' `inputs` reach `r_fn` as they are. `py_fn` receives them converted by reticulate, except that
#' R vectors become NumPy arrays (reticulate would send a list) and tensors and other Python
#' objects pass unchanged; unnamed inputs are passed by position, named ones by name.
#'
#' The Python side is `rkeras_bridge.tools.parity_inprocess`, which also offers
#' `assert_parity()` and `assert_same_model()` to Python tests (R embedded through rpy2).
#'
#' @param r_fn An R function.
#' @param py_fn A Python callable, e.g. `reticulate::py_eval("lambda x: x * 2")` or a function of
#'   a module from `reticulate::import()`.
#' @param inputs A list of the arguments, e.g. `list(x)` or `list(x = x, units = 4)`.
#' @param rtol Relative tolerance. Defaults to `1e-6`.
#' @param atol Absolute tolerance. Defaults to `1e-8`.
#' @returns The value of `r_fn`, invisibly (as testthat expectations do).
#' @examples
#' \donttest{
#' if (requireNamespace("testthat", quietly = TRUE)) {
#'   x <- matrix(c(-1, 2, -3, 4), 2)
#'   expect_parity(function(x) as.array(tf$nn$relu(x)) * 2,
#'                 reticulate::py_eval("lambda x: __import__('numpy').maximum(x, 0) * 2"),
#'                 list(x))
#' }
#' }
#' @export
expect_parity <- function(r_fn, py_fn, inputs, rtol = 1e-6, atol = 1e-8) {
  parity_need_testthat("expect_parity")
  if (!is.function(r_fn) || inherits(r_fn, "python.builtin.object")) {
    parity_bad_argument("r_fn", r_fn, "an R function")
  }
  if (!inherits(py_fn, "python.builtin.object")) {
    parity_bad_argument("py_fn", py_fn, "a Python callable, e.g. reticulate::py_eval(\"lambda x: x * 2\")")
  }
  if (!is.list(inputs) || is.data.frame(inputs)) {
    parity_bad_argument("inputs", inputs, "a list of the arguments, e.g. list(x)")
  }
  r_out <- tryCatch(do.call(r_fn, inputs), error = function(e) e)
  r_ok <- !inherits(r_out, "error")
  arg_names <- names(inputs)
  named <- if (is.null(arg_names)) logical(length(inputs)) else nzchar(arg_names)
  res <- parity_module()$`_compare_call`(
    r_ok,
    if (r_ok) parity_to_py(r_out) else conditionMessage(r_out),
    py_fn,
    parity_to_py(unname(inputs[!named])),
    if (any(named)) parity_to_py(inputs[named]) else NULL,
    rtol = rtol, atol = atol
  )
  testthat::expect(isTRUE(res$ok), res$message)
  invisible(if (r_ok) r_out else NULL)
}

#' Expect an R model and its Python twin to agree once they share weights
#'
#' A testthat expectation: builds both models on `x`, checks that their weights match in number
#' and shapes, copies the weights of one into the other (`direction`), then compares the forward
#' outputs, the loss and the gradient of every trainable weight. The failure message names the
#' first differing gradient by weight (`d1/kernel` for a layer set as `self$d1` in
#' [keras_model_custom()], else `dense_3/kernel`) and reports the output and loss differences.
#'
#' @param r_model A Keras model built in R.
#' @param py_model Its Python twin (a `keras.Model`, e.g. from a module imported with
#'   `reticulate::import()`).
#' @param x Inputs both models are called on.
#' @param y Targets for the loss.
#' @param loss A Keras loss name (`"mse"`) or a loss function `function(y_true, y_pred)`; one
#'   value per sample is averaged. Defaults to `"mse"`.
#' @param direction `"r_to_py"` copies the R model's weights into the Python model,
#'   `"py_to_r"` the other way. Defaults to `"r_to_py"`.
#' @param rtol Relative tolerance. Defaults to `1e-6`.
#' @param atol Absolute tolerance. Defaults to `1e-8`.
#' @param training The `training` flag of both calls. Defaults to `FALSE`.
#' @returns `r_model`, invisibly.
#' @examples
#' \dontrun{
#' expect_same_model(r_model, py_module$make_model(), x, y, loss = "mse")
#' }
#' @export
expect_same_model <- function(r_model, py_model, x, y, loss = "mse", direction = "r_to_py",
                              rtol = 1e-6, atol = 1e-8, training = FALSE) {
  parity_need_testthat("expect_same_model")
  # R source would make Python start a second R through rpy2: from R, give the model itself.
  if (!inherits(r_model, "python.builtin.object")) {
    parity_bad_argument("r_model", r_model, "a Keras model built in R (e.g. with keras_model_custom())")
  }
  if (!inherits(py_model, "python.builtin.object")) {
    parity_bad_argument("py_model", py_model, "a Python keras.Model")
  }
  res <- parity_module()$`_compare_same_model_report`(
    r_model, py_model, parity_to_py(x), parity_to_py(y), loss,
    direction = direction, rtol = rtol, atol = atol, training = training
  )
  testthat::expect(isTRUE(res$ok), res$message)
  invisible(r_model)
}

parity_need_testthat <- function(fn) {
  if (!requireNamespace("testthat", quietly = TRUE)) {
    stop(fn, "() is a testthat expectation and needs the testthat package: install.packages(\"testthat\")",
         call. = FALSE)
  }
}

parity_bad_argument <- function(name, value, expected) {
  received <- if (inherits(value, "python.builtin.object")) {
    class(value)[[1]]
  } else {
    paste0("a ", paste(class(value), collapse = "/"), " of length ", length(value))
  }
  # Classed, so that callers catch it by class as they do the bridge's Python errors.
  stop(structure(class = c("rkerasbridge_bad_argument", "error", "condition"), list(
    message = paste0("Invalid value for argument `", name, "`: expected ", expected, ". Received: ", name,
                     "=", received),
    call = NULL, argument = name)))
}

parity_module <- function() {
  bridge$tools  # loads Python through the package's hooks before the direct import below
  reticulate::import("rkeras_bridge.tools.parity_inprocess")
}

# An R value as Python should compare it: Python objects (tensors, models) as they are, R vectors
# as NumPy arrays (reticulate would make a list, indistinguishable from a list of outputs), R
# arrays as arrays, lists as lists and named lists as dicts, walked. Integer and logical NA become
# NaN, not reticulate's -2147483648 or True.
parity_to_py <- function(x) {
  if (inherits(x, "python.builtin.object")) {
    return(x)
  }
  if (is.null(x)) {
    return(reticulate::r_to_py(NULL))
  }
  if (is.list(x) && !is.data.frame(x)) {
    items <- unname(lapply(x, parity_to_py))
    nms <- names(x)
    if (is.null(nms) || !any(nzchar(nms))) {
      return(reticulate::r_to_py(items))
    }
    nms[!nzchar(nms)] <- paste0("[[", which(!nzchar(nms)), "]]")
    return(reticulate::py_dict(as.list(nms), items))
  }
  if ((is.integer(x) || is.logical(x)) && anyNA(x)) {
    storage.mode(x) <- "double"
  }
  if ((is.numeric(x) || is.logical(x)) && is.null(dim(x)) && length(x) != 1L) {
    return(reticulate::np_array(x))
  }
  reticulate::r_to_py(x)
}

# The R side of Python's assert_parity() / assert_same_model(), run in R embedded through rpy2:
# takes the function (R source, or an R object in `env` under `key`) and the inputs from the
# Python module's mailbox, and puts back the value (as parity_to_py() makes it) or R's error.
# `what` is "function" (call the function on the inputs) or "value" (the source's value itself).
parity_call <- function(key, what = "function", env = NULL) {
  box <- parity_module()
  result <- tryCatch({
    source <- box$`_source`(key)
    fn <- if (is.null(source)) {
      get(key, envir = env)
    } else {
      code <- tryCatch(parse(text = source, keep.source = FALSE), error = function(e) {
        stop("the R source does not parse: ", conditionMessage(e), call. = FALSE)
      })
      eval(code, new.env(parent = globalenv()))
    }
    if (identical(what, "value")) {
      fn
    } else {
      if (!is.function(fn)) {
        stop("r_function must be an R function; it is a ", paste(class(fn), collapse = "/"), call. = FALSE)
      }
      arg_names <- box$`_input_names`(key)
      # Call through symbols, so that R's error names `r_function(input1)`, not the inputs' values.
      frame <- new.env(parent = globalenv())
      assign("r_function", fn, envir = frame)
      args <- lapply(seq_along(arg_names), function(i) {
        assign(paste0("input", i), box$`_input`(key, i - 1L), envir = frame)
        as.name(paste0("input", i))
      })
      names(args) <- if (any(nzchar(arg_names))) arg_names else NULL
      eval(as.call(c(as.name("r_function"), args)), frame)
    }
  }, error = function(e) e)
  if (inherits(result, "error")) {
    call <- conditionCall(result)
    # An error at the top of the source is signalled in parity_call's own eval(): no call to show.
    if (is.call(call) && identical(call[[1]], as.name("eval"))) call <- NULL
    call <- if (is.null(call)) "" else substr(paste(deparse(call, nlines = 1L), collapse = " "), 1L, 100L)
    box$`_put_error`(key, conditionMessage(result), call)
  } else {
    box$`_put_result`(key, parity_to_py(result))
  }
  invisible(NULL)
}
