#' Compile a function into a TensorFlow graph
#'
#' The function is traced: called once per new input signature (shapes and dtypes of tensor
#' arguments, values of other arguments) with symbolic tensors, and the recorded graph runs on
#' later calls without running the R body again. Side effects in the body (`cat()`, counters)
#' therefore happen at trace time only; use `tf$print()` to print on every call. R numbers as
#' arguments are part of the signature (a new value retraces): pass changing values as tensors.
#'
#' AutoGraph converts Python source only, so an R function is traced as-is: R `if`, `for` and
#' `while` on a symbolic tensor fail (R needs a logical value). Write control flow that depends
#' on tensor values with `tf$cond(pred, function() a, function() b)` and
#' `tf$while_loop(cond, body, loop_vars)`. Variables may be created on the first call only; a
#' first call that creates them (model weights, optimizer slots) is traced twice, so build the
#' model and call `optimizer$build(model$trainable_variables)` first for a single trace.
#'
#' @param f An R function (given a Python signature with [reticulate::py_func()] where its
#'   formals allow, so it can be called with named arguments) or a Python function.
#' @param input_signature A list of `tf$TensorSpec`, one per argument, to trace once for all
#'   matching inputs (`NULL` dimensions are free). Defaults to `NULL`.
#' @param autograph Convert Python control flow (Python functions only). Defaults to `TRUE`.
#' @returns A function that runs the graph.
#' @examples
#' \donttest{
#' train_step <- tf_function(function(x, y) {
#'   with(tf$GradientTape() %as% tape, {
#'     loss <- tf$reduce_mean(tf$square(model(x) - y))
#'   })
#'   grads <- tape$gradient(loss, model$trainable_variables)
#'   optimizer$apply_gradients(purrr::transpose(list(grads, model$trainable_variables)))
#'   loss
#' })
#' }
#' @export
tf_function <- function(f, input_signature = NULL, autograph = TRUE) {
  if (is.function(f) && !inherits(f, "python.builtin.object")) {
    # A Python signature lets tf.function bind named arguments. Formals py_func cannot express
    # (`...`, defaults computed from other arguments) keep reticulate's (*args, **kwargs) wrapper.
    f <- tryCatch(reticulate::py_func(f), error = function(e) f)
  }
  bridge$tf_function(f, input_signature = input_signature, autograph = autograph)
}
