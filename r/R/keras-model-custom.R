#' Create a custom Keras model from a function of `self`
#'
#' `model_fn(self)` runs once: it sets layers on `self` (they are tracked, so their weights are
#' in `model$variables`) and returns the forward function, e.g.
#' `function(x, mask = NULL, training = FALSE)`. The forward function receives `mask` and
#' `training` only if it names them, and only by name; when Keras has no value for them, your
#' defaults apply. Further inputs and arguments reach it as given, as in R keras 2.2.4:
#' `model(input_image, target, training = TRUE)` calls
#' `function(inp, target, training = FALSE)` with `target` as its second argument.
#'
#' @param model_fn A function of one argument, `self`, returning the forward function.
#' @param name The model's name. Defaults to `NULL` (Keras picks one).
#' @returns A Keras 3 model (Python class `rkeras_bridge.keras.model_custom.CustomModel`).
#' @examples
#' \donttest{
#' model <- keras_model_custom(name = "m", function(self) {
#'   self$dense1 <- layer_dense(units = 32)
#'   self$output_layer <- layer_dense(units = 1)
#'   function(x, mask = NULL, training = FALSE) {
#'     x %>% self$dense1() %>% self$output_layer()
#'   }
#' })
#' model(matrix(1, 2, 3))
#' }
#' @export
keras_model_custom <- function(model_fn, name = NULL) {
  # An R closure reaches Python without a signature; py_func() gives it the closure's own
  # formals, so the Python side can see whether it takes `mask` and `training`.
  wrapped <- if (is.function(model_fn)) {
    function(self) {
      call_fn <- model_fn(self)
      if (is.function(call_fn) && !inherits(call_fn, "python.builtin.object")) {
        # A forward function with `...` has no Python signature; as it is, it takes any arguments.
        tryCatch(reticulate::py_func(call_fn), error = function(e) call_fn)
      } else {
        call_fn
      }
    }
  } else {
    model_fn
  }
  bridge$keras_model_custom(wrapped, name = name)
}
