#' Apply a layer to every timestep
#'
#' (batch, time, ...) becomes (batch, time, the layer's output): one set of weights for all
#' timesteps.
#'
#' @inheritParams layer_common_args
#' @param layer The layer to apply, e.g. `layer_dense(units = 8)`.
#' @param input_shape Input shape without the batch dimension, time first, e.g. `c(10, 16)`.
#'   Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>%
#'   time_distributed(layer_dense(units = 8), input_shape = c(10, 16))
#' }
#' @export
time_distributed <- function(object, layer, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                             dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$time_distributed)
}

#' Bidirectional wrapper for recurrent layers
#'
#' Runs `layer` forwards and a copy of it (with its own weights) backwards, and merges the two
#' outputs.
#'
#' @inheritParams layer_common_args
#' @param layer A recurrent layer, e.g. `layer_lstm(units = 10)`.
#' @param merge_mode `"sum"`, `"mul"`, `"concat"`, `"ave"`, or `NULL` for a list of both
#'   outputs. Defaults to `"concat"`.
#' @returns A layer, a model, or the output, depending on `object`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>%
#'   bidirectional(layer_lstm(units = 10, return_sequences = TRUE), input_shape = c(5, 10)) %>%
#'   bidirectional(layer_lstm(units = 10))
#' }
#' @export
bidirectional <- function(object, layer, merge_mode = "concat", input_shape = NULL, batch_input_shape = NULL,
                          batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$bidirectional)
}

#' Base R6 class for custom Keras wrappers
#'
#' Inherit from `KerasWrapper` to wrap a layer: by default the wrapper behaves as the wrapped
#' layer (`build()` builds it, `call()` calls it, `compute_output_shape()` asks it); override what
#' changes and call `super$build(input_shape)` first in your `build()`. Create weights with
#' `super$add_weight()` and losses with `super$add_loss()`. A loss added in `build()` stays with
#' the wrapper, as in Keras 2; computed once, it is a constant in eager TensorFlow 2 (pass a
#' function of no arguments to have it recomputed from the current weights). Then make the layer
#' with [create_wrapper()].
#'
#' @format An [R6::R6Class] generator.
#' @examples
#' \donttest{
#' Scaled <- R6::R6Class("Scaled", inherit = KerasWrapper, public = list(
#'   scale = NULL,
#'   build = function(input_shape) {
#'     super$build(input_shape)
#'     self$scale <- super$add_weight(name = "scale", shape = list(1L), initializer = "ones")
#'   },
#'   call = function(inputs, mask = NULL) super$call(inputs) * self$scale
#' ))
#' }
#' @export
KerasWrapper <- R6::R6Class("KerasWrapper",
  public = list(
    #' @description Build the wrapped layer if it is not built.
    #' @param input_shape The input shape, a list with the batch dimension first.
    #' @return Ignored.
    build = function(input_shape) {
      layer <- private$py_wrapper$layer
      if (!layer$built) layer$build(input_shape)
      invisible(NULL)
    },
    #' @description The wrapper's computation; by default the wrapped layer's.
    #' @param inputs The input tensor.
    #' @param mask A mask tensor or `NULL`.
    #' @return The output tensor.
    call = function(inputs, mask = NULL) {
      private$py_wrapper$layer(inputs)
    },
    #' @description The output shape; by default the wrapped layer's.
    #' @param input_shape The input shape, a list with the batch dimension first.
    #' @return The output shape.
    compute_output_shape = function(input_shape) {
      private$py_wrapper$layer$compute_output_shape(input_shape)
    },
    #' @description Add a loss (a scalar tensor, a list of them, or a function of no arguments).
    #' @param losses The loss(es).
    #' @param inputs Not supported by Keras 3 (losses are unconditional); a warning if given.
    #' @return `NULL`.
    add_loss = function(losses, inputs = NULL) {
      private$py_wrapper$add_loss(losses, inputs)
      invisible(NULL)
    },
    #' @description Create a weight of the wrapper (call it from `build()`).
    #' @param name The weight's name.
    #' @param shape Its shape, e.g. `list(10L, 4L)` or `shape(10, 4)`.
    #' @param dtype Defaults to `NULL` (float32).
    #' @param initializer An initializer. Defaults to `NULL` (Glorot uniform).
    #' @param regularizer Defaults to `NULL`.
    #' @param trainable Defaults to `TRUE`.
    #' @param constraint Defaults to `NULL`.
    #' @return The variable.
    add_weight = function(name, shape, dtype = NULL, initializer = NULL, regularizer = NULL, trainable = TRUE,
                          constraint = NULL) {
      private$py_wrapper$add_weight(name = name, shape = shape, dtype = dtype, initializer = initializer,
                                    regularizer = regularizer, trainable = trainable, constraint = constraint)
    },
    #' @description Used by [create_wrapper()] to hand over the Keras wrapper it made.
    #' @param wrapper The Keras wrapper layer.
    #' @return `NULL`.
    .set_wrapper = function(wrapper) {
      private$py_wrapper <- wrapper
      invisible(NULL)
    },
    #' @description The Keras wrapper layer made from this object.
    #' @return The layer (its wrapped layer is `$layer`).
    python_wrapper = function() {
      private$py_wrapper
    }
  ),
  private = list(py_wrapper = NULL)
)

#' Create a custom Keras wrapper from an R6 class
#'
#' @param wrapper_class An R6 class inheriting from [KerasWrapper].
#' @param object What to compose the wrapper with: missing returns it, a sequential model gets it
#'   added, a tensor is passed through it.
#' @param args Named list of arguments: `layer` (the layer to wrap) and `input_shape`,
#'   `batch_input_shape`, `batch_size`, `dtype`, `name`, `trainable` and `weights` go to the
#'   Keras wrapper, the rest to `wrapper_class$new()`. Defaults to `list()`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' wrapper_scaled <- function(object, layer, input_shape = NULL) {
#'   create_wrapper(Scaled, object, list(layer = layer, input_shape = input_shape))
#' }
#' }
#' @export
create_wrapper <- function(wrapper_class, object, args = list()) {
  # As in create_layer(): Python instantiates through this factory; py_func() keeps call's formals.
  factory <- if (R6::is.R6Class(wrapper_class)) {
    function(...) {
      instance <- wrapper_class$new(...)
      list(build = instance$build, call = reticulate::py_func(instance$call),
           compute_output_shape = instance$compute_output_shape, set_wrapper = instance$.set_wrapper)
    }
  } else {
    wrapper_class
  }
  bridge$create_wrapper(factory, if (missing(object)) NULL else object, if (length(args)) args else NULL)
}
