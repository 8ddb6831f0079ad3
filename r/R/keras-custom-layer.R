#' Base R6 class for custom Keras layers
#'
#' Inherit from `KerasLayer` and override `build(input_shape)` (create weights with
#' `self$add_weight()`), `call(x, mask = NULL)` and `compute_output_shape(input_shape)`; then make
#' a layer with [create_layer()]. Shapes arrive as lists with the batch dimension first and `NULL`
#' for unknown sizes (`list(NULL, 3L)`). `call` gets `mask` and `training` only if it names them.
#' `compute_output_shape` is used only when the layer is called on [layer_input()] tensors.
#'
#' @format An [R6::R6Class] generator.
#' @examples
#' \donttest{
#' Scale <- R6::R6Class("Scale", inherit = KerasLayer, public = list(
#'   w = NULL,
#'   build = function(input_shape) {
#'     self$w <- self$add_weight(name = "w", shape = list(1L), initializer = initializer_zeros())
#'   },
#'   call = function(x, mask = NULL) x * self$w
#' ))
#' }
#' @export
KerasLayer <- R6::R6Class("KerasLayer",
  public = list(
    #' @description Create the layer's weights with `self$add_weight()`.
    #' @param input_shape The input shape, a list with the batch dimension first.
    #' @return Ignored.
    build = function(input_shape) {
      invisible(NULL)
    },
    #' @description The layer's computation.
    #' @param x The input tensor (or list of tensors).
    #' @param mask A mask tensor or `NULL`.
    #' @return The output tensor.
    call = function(x, mask = NULL) {
      stop("Keras custom layers must implement the call function")
    },
    #' @description The output shape for an input shape; by default the same.
    #' @param input_shape The input shape, a list with the batch dimension first.
    #' @return The output shape, a list.
    compute_output_shape = function(input_shape) {
      input_shape
    },
    #' @description Create a weight of the layer (call it from `build()`).
    #' @param name The weight's name.
    #' @param shape Its shape, e.g. `list(10L, 4L)`.
    #' @param dtype Defaults to `NULL` (float32).
    #' @param initializer An initializer, e.g. [initializer_random_uniform()]. Defaults to `NULL`
    #'   (Glorot uniform).
    #' @param regularizer Defaults to `NULL`.
    #' @param trainable Defaults to `TRUE`.
    #' @param constraint Defaults to `NULL`.
    #' @return The variable.
    add_weight = function(name, shape, dtype = NULL, initializer = NULL, regularizer = NULL, trainable = TRUE,
                          constraint = NULL) {
      if (is.null(private$keras_layer)) {
        stop("add_weight() works once create_layer() has made the layer: call it from build()")
      }
      private$keras_layer$add_weight(name = name, shape = shape, dtype = dtype, initializer = initializer,
                                 regularizer = regularizer, trainable = trainable, constraint = constraint)
    },
    #' @description Add a loss: in `call()` it belongs to that call; elsewhere (in `build()`) it
    #'   stays with the layer, as in Keras 2.
    #' @param losses A scalar tensor, a list of them, or a function of no arguments returning one.
    #' @param inputs Not supported by Keras 3 (losses are unconditional); a warning if given.
    #' @return `NULL`.
    add_loss = function(losses, inputs = NULL) {
      if (is.null(private$keras_layer)) {
        stop("add_loss() works once create_layer() has made the layer: call it from build() or call()")
      }
      private$keras_layer$add_loss(losses, inputs)
      invisible(NULL)
    },
    #' @description The Keras layer made from this object by [create_layer()].
    #' @return The layer.
    python_layer = function() {
      private$keras_layer
    },
    #' @description Used by [create_layer()] to hand over the Keras layer it made.
    #' @param wrapper The Keras layer.
    #' @return `NULL` (it is called from Python, which cannot take the R6 instance back).
    .set_wrapper = function(wrapper) {
      private$keras_layer <- wrapper
      invisible(NULL)
    }
  ),
  active = list(
    #' @field wrapper The Keras layer made from this object by [create_layer()].
    wrapper = function() private$keras_layer
  ),
  private = list(keras_layer = NULL)
)

#' Create a Keras layer from an R6 class
#'
#' The layer is a Keras 3 layer whose `build`, `call` and `compute_output_shape` call the methods
#' of a new instance of `layer_class`.
#'
#' @param layer_class An R6 class inheriting from [KerasLayer].
#' @param object What to compose the layer with: missing returns the layer, a sequential model
#'   gets it added, a tensor is passed through it.
#' @param args Named list of arguments: `input_shape`, `batch_input_shape`, `batch_size`, `dtype`,
#'   `name`, `trainable` and `weights` go to the Keras layer, the rest to `layer_class$new()`.
#'   Defaults to `list()`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer_simple_embedding <- function(object, emb_input_dim, output_dim, name = NULL, trainable = TRUE) {
#'   create_layer(SimpleEmbedding, object, list(emb_input_dim = as.integer(emb_input_dim),
#'                                              output_dim = as.integer(output_dim),
#'                                              name = name, trainable = trainable))
#' }
#' }
#' @export
create_layer <- function(layer_class, object, args = list()) {
  # Python creates the instance through this factory, after taking out the Keras layer arguments;
  # py_func() gives `call` its R formals, so Python sees whether it takes mask/training.
  factory <- if (R6::is.R6Class(layer_class)) {
    function(...) {
      instance <- layer_class$new(...)
      list(build = instance$build, call = reticulate::py_func(instance$call),
           compute_output_shape = instance$compute_output_shape, set_wrapper = instance$.set_wrapper)
    }
  } else {
    layer_class
  }
  # An empty list() would reach Python as an empty (unnamed) list.
  bridge$create_layer(factory, if (missing(object)) NULL else object, if (length(args)) args else NULL)
}
