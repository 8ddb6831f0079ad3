#' Densely connected layer
#'
#' `layer_dense(units = 32)` returns the layer; `x %>% layer_dense(32)` applies a new layer to
#' a tensor; `model %>% layer_dense(32)` adds it to a sequential model.
#'
#' @param object What to compose the layer with (missing: return the layer).
#' @param units Output dimension, a positive integer.
#' @param activation Activation name or function. Defaults to `NULL` (linear).
#' @param use_bias Whether to add a bias vector. Defaults to `TRUE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param name Layer name. Defaults to `NULL`.
#' @param ... Further arguments for `keras.layers.Dense`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_dense(units = 32, activation = "relu")
#' }
#' @export
layer_dense <- function(object, units, activation = NULL, use_bias = TRUE, kernel_initializer = "glorot_uniform",
                        bias_initializer = "zeros", name = NULL, ...) {
  bridge$layer_dense(if (missing(object)) NULL else object, units = if (missing(units)) NULL else units,
                     activation = activation, use_bias = use_bias, kernel_initializer = kernel_initializer,
                     bias_initializer = bias_initializer, name = name, ...)
}

#' Arguments shared by the layer functions
#'
#' @param object What to compose the layer with: missing returns the layer, a sequential model
#'   gets the layer added (and is returned), a tensor is passed through the layer.
#' @param input_shape Input shape without the batch dimension, e.g. `c(28, 28, 1)`; gives the
#'   first layer of a sequential model its input. Defaults to `NULL`.
#' @param batch_input_shape Input shape with the batch dimension first (`list(NULL, 32)`); only
#'   the shape after the batch dimension is used. Defaults to `NULL`.
#' @param batch_size Checked and ignored: Keras 3 inputs have no fixed batch size. Defaults to
#'   `NULL`.
#' @param dtype The layer's data type. Defaults to `NULL` (float32).
#' @param name The layer's name. Defaults to `NULL` (Keras picks one).
#' @param trainable Whether the layer's weights are trained. Defaults to `NULL` (`TRUE`).
#' @param weights Initial weights, a list of arrays as from [get_weights()]; needs `input_shape`.
#'   Defaults to `NULL`.
#' @param ... Further arguments for the Keras 3 layer.
#' @name layer_common_args
#' @keywords internal
NULL

#' Input tensor for a functional model
#'
#' @param shape Shape without the batch dimension, e.g. `c(784)` or `list(NULL, 32)` (`NULL`:
#'   unknown size).
#' @param batch_shape Shape with the batch dimension. Defaults to `NULL`.
#' @param name Name of the input. Defaults to `NULL`.
#' @param dtype Data type. Defaults to `NULL` (float32).
#' @param sparse Whether the input is sparse. Defaults to `FALSE`.
#' @param tensor An existing tensor to wrap. Defaults to `NULL`.
#' @returns A symbolic Keras tensor, to build layers on and pass to [keras_model()].
#' @examples
#' \donttest{
#' inputs <- layer_input(shape = c(784))
#' outputs <- inputs %>% layer_dense(units = 10, activation = "softmax")
#' model <- keras_model(inputs, outputs)
#' }
#' @export
layer_input <- function(shape = NULL, batch_shape = NULL, name = NULL, dtype = NULL, sparse = FALSE,
                        tensor = NULL) {
  call_bridge(bridge$layer_input)
}

#' Activation layer
#'
#' @inheritParams layer_common_args
#' @param activation Activation name (`"relu"`, `"tanh"`, ...; `"hard_sigmoid"` is Keras 2's) or
#'   function.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(4))
#' x %>% layer_activation("relu")
#' }
#' @export
layer_activation <- function(object, activation, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                             dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_activation)
}

#' Flatten layer
#'
#' @inheritParams layer_common_args
#' @param data_format Defaults to `NULL` (channels last; decides the order of the values).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 4, input_shape = c(3, 2))
#' model %>% layer_flatten()
#' }
#' @export
layer_flatten <- function(object, data_format = NULL, input_shape = NULL, dtype = NULL, name = NULL,
                          trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_flatten)
}

#' Reshape layer
#'
#' @inheritParams layer_common_args
#' @param target_shape The new shape without the batch dimension, e.g. `c(7, 7, 64)`; one entry
#'   may be `-1`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(3136))
#' x %>% layer_reshape(target_shape = c(7, 7, 64))
#' }
#' @export
layer_reshape <- function(object, target_shape, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                          dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_reshape)
}

#' Lambda layer: a function of the inputs as a layer
#'
#' @inheritParams layer_common_args
#' @param f The function, `f(x)` (a list of tensors arrives as a list). It gets `mask` and
#'   `training` too if it names them.
#' @param output_shape Output shape without the batch dimension, or a function of the input
#'   shape. Defaults to `NULL` (inferred when needed).
#' @param mask A mask or a function `(inputs, mask)`. Defaults to `NULL`.
#' @param arguments Named list of extra arguments for `f`. Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' dot <- layer_lambda(f = function(x) k_batch_dot(x[[1]], x[[2]], axes = 2))
#' }
#' @export
layer_lambda <- function(object, f, output_shape = NULL, mask = NULL, arguments = NULL, input_shape = NULL,
                         batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                         weights = NULL, ...) {
  # py_func() gives Python the function's own formals, so Keras can see `mask`/`training`.
  if (!missing(f) && is.function(f) && !inherits(f, "python.builtin.object")) {
    f <- tryCatch(reticulate::py_func(f), error = function(e) f)
  }
  call_bridge(bridge$layer_lambda)
}
