#' Densely connected layer
#'
#' `layer_dense(units = 32)` returns the layer; `x %>% layer_dense(32)` applies a new layer to
#' a tensor; `model %>% layer_dense(32)` adds it to a sequential model.
#'
#' @inheritParams layer_common_args
#' @param units Output dimension, a positive integer.
#' @param activation Activation name or function. Defaults to `NULL` (linear).
#' @param use_bias Whether to add a bias vector. Defaults to `TRUE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param kernel_regularizer,bias_regularizer,activity_regularizer Defaults to `NULL`.
#' @param kernel_constraint,bias_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_dense(units = 32, activation = "relu")
#' }
#' @export
layer_dense <- function(object, units, activation = NULL, use_bias = TRUE, kernel_initializer = "glorot_uniform",
                        bias_initializer = "zeros", kernel_regularizer = NULL, bias_regularizer = NULL,
                        activity_regularizer = NULL, kernel_constraint = NULL, bias_constraint = NULL,
                        input_shape = NULL, batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                        trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_dense)
}

#' Arguments shared by the layer functions
#'
#' @param object What to compose the layer with: missing returns the layer, a sequential model
#'   gets the layer added (and is returned), a tensor is passed through the layer.
#' @param input_shape Input shape without the batch dimension, e.g. `c(28, 28, 1)`; gives the
#'   first layer of a sequential model its input. Defaults to `NULL`.
#' @param batch_input_shape Input shape with the batch dimension first (`list(NULL, 32)`); only
#'   the shape after the batch dimension is used. Defaults to `NULL`.
#' @param batch_size A fixed batch size for the input that `input_shape` gives a sequential
#'   model (stateful recurrent layers need one); `batch_input_shape`'s first entry wins over it.
#'   Defaults to `NULL` (any batch size).
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

#' Permute the dimensions of each example
#'
#' @inheritParams layer_common_args
#' @param dims The permutation of the non-batch dimensions, numbered from 1: `c(2, 1)` swaps
#'   the first two.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(10, 64))
#' x %>% layer_permute(dims = c(2, 1))  # (NULL, 64, 10)
#' }
#' @export
layer_permute <- function(object, dims, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                          dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_permute)
}

#' Repeat each example n times
#'
#' (batch, features) becomes (batch, n, features).
#'
#' @inheritParams layer_common_args
#' @param n The number of repetitions.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(32))
#' x %>% layer_repeat_vector(3)  # (NULL, 3, 32)
#' }
#' @export
layer_repeat_vector <- function(object, n, batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_repeat_vector)
}

#' Activity regularization layer
#'
#' Passes its input on unchanged and adds `l1 * sum(abs(x)) + l2 * sum(x^2)` over the batch to
#' the model's losses, as Keras 2.2.4 did (Keras 3's layer divides by the batch size).
#'
#' @inheritParams layer_common_args
#' @param l1 L1 factor, >= 0. Defaults to `0`.
#' @param l2 L2 factor, >= 0. Defaults to `0`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_activity_regularization(l1 = 0.01)
#' }
#' @export
layer_activity_regularization <- function(object, l1 = 0, l2 = 0, input_shape = NULL, batch_input_shape = NULL,
                                          batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                                          weights = NULL, ...) {
  call_bridge(bridge$layer_activity_regularization)
}

#' Mask timesteps equal to a value
#'
#' A timestep whose features all equal `mask_value` is masked: the output there is 0 and layers
#' downstream that support masks (recurrent layers) skip it.
#'
#' @inheritParams layer_common_args
#' @param mask_value The padding value. Defaults to `0`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>%
#'   layer_masking(mask_value = 0, input_shape = c(10, 8)) %>%
#'   layer_lstm(units = 32)
#' }
#' @export
layer_masking <- function(object, mask_value = 0, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                          dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_masking)
}

#' Dense features from TensorFlow feature columns
#'
#' Turns a named list of features into one tensor: each feature column makes a (batch, n)
#' tensor and the output concatenates them, the columns sorted by name (TensorFlow's
#' `DenseFeatures`, which Keras 3 dropped, computed on Keras 3). Added in R keras 2.2.5.
#'
#' @inheritParams layer_common_args
#' @param feature_columns A list of dense feature columns, e.g.
#'   `list(tf$feature_column$numeric_column("mpg"))`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' fc <- list(tf$feature_column$numeric_column("mpg"))
#' out <- list(mpg = layer_input(1)) %>% layer_dense_features(feature_columns = fc)
#' }
#' @export
layer_dense_features <- function(object, feature_columns, name = NULL, trainable = NULL, input_shape = NULL,
                                 batch_input_shape = NULL, batch_size = NULL, dtype = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_dense_features)
}
