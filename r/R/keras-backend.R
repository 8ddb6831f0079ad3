# R keras 2.x backend functions. Axes are 1-based (-1 is the last axis); the work and the
# argument checks are in rkeras_bridge/keras/backend.py.

#' Element-wise absolute value
#'
#' @param x Tensor or variable.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_abs(k_constant(c(-1, 2)))
#' }
#' @export
k_abs <- function(x) {
  bridge$k_abs(x)
}

#' Index of the maximum value along an axis (0-based result)
#'
#' The axis is 1-based like every `k_*` axis, but the indices returned are TensorFlow's, 0-based.
#'
#' @param x Tensor or variable.
#' @param axis The axis to reduce (1-based; -1, the default, is the last).
#' @returns An int64 tensor of **0-based** indices, as R keras 2.x returned them (it passed TensorFlow's result through): add 1 for R positions.
#' @examples
#' \donttest{
#' k_argmax(k_constant(rbind(c(1, 9, 3), c(7, 0, 2))))  # 1 0
#' }
#' @export
k_argmax <- function(x, axis = -1) {
  bridge$k_argmax(x, axis = axis)
}

#' Batchwise dot product
#'
#' @param x Tensor or variable with at least 2 axes.
#' @param y Tensor or variable with at least 2 axes.
#' @param axes The axes to contract (1-based): one number for both, or `c(ax, ay)`; not the batch axis 1. If missing, the last axis of `x` with the last axis of a 2-d `y` (else its second-to-last), as tf.keras 2.x did.
#' @returns A tensor with the axes of `x` less the contracted one, then those of `y` less the batch and the contracted one; a result of rank 1 is returned as `(batch, 1)`.
#' @examples
#' \donttest{
#' k_batch_dot(k_ones_like(k_zeros(c(32, 20))), k_ones_like(k_zeros(c(32, 30, 20))), axes = c(2, 3))
#' }
#' @export
k_batch_dot <- function(x, y, axes) {
  bridge$k_batch_dot(x, y, axes = if (missing(axes)) NULL else axes)
}

#' Flatten each sample of a batch
#'
#' @param x Tensor or variable with a batch axis.
#' @returns A 2-d tensor `(batch, prod(other dimensions))`.
#' @examples
#' \donttest{
#' k_batch_flatten(k_zeros(c(2, 3, 4)))  # shape (2, 12)
#' }
#' @export
k_batch_flatten <- function(x) {
  bridge$k_batch_flatten(x)
}

#' Cast a tensor to a dtype
#'
#' @param x Tensor or variable.
#' @param dtype A dtype name (`"float32"`, `"int32"`, ...) or a `tf$DType`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_cast(k_constant(1.7), "int32")
#' }
#' @export
k_cast <- function(x, dtype) {
  bridge$k_cast(x, dtype)
}

#' Cast to the default float type
#'
#' @param x A tensor, or numbers or an array.
#' @returns A tensor for a tensor; otherwise an array holding the values rounded to `k_floatx()`.
#' @examples
#' \donttest{
#' k_cast_to_floatx(c(1, 2))
#' }
#' @export
k_cast_to_floatx <- function(x) {
  bridge$k_cast_to_floatx(x)
}

#' Element-wise clipping
#'
#' @param x Tensor or variable.
#' @param min_value Lower bound. Defaults to `NULL` (none).
#' @param max_value Upper bound; raised to `min_value` if below it. Defaults to `NULL` (none).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_clip(k_constant(c(-2, 0.5, 3)), 0, 1)
#' }
#' @export
k_clip <- function(x, min_value = NULL, max_value = NULL) {
  bridge$k_clip(x, min_value = min_value, max_value = max_value)
}

#' Concatenate a list of tensors along an axis
#'
#' @param tensors A list of tensors.
#' @param axis The axis (1-based; -1, the default, is the last).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_concatenate(list(k_zeros(c(2, 1)), k_zeros(c(2, 3))))
#' }
#' @export
k_concatenate <- function(tensors, axis = -1) {
  bridge$k_concatenate(tensors, axis = axis)
}

#' Create a constant tensor
#'
#' @param value A number, vector or array.
#' @param dtype Defaults to `NULL` (`k_floatx()`, so `k_constant(1:3)` is float32).
#' @param shape Shape to fill with a scalar `value`. Defaults to `NULL`.
#' @param name Defaults to `NULL`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_constant(2, shape = c(2, 2))
#' }
#' @export
k_constant <- function(value, dtype = NULL, shape = NULL, name = NULL) {
  bridge$k_constant(value, dtype = dtype, shape = shape, name = name)
}

#' Tensor product (Theano `dot`)
#'
#' @param x Tensor or variable.
#' @param y Tensor or variable (an R array is taken in the dtype of the other operand).
#' @returns A tensor: the last axis of `x` contracted with the second-to-last of `y` (`x %*% y` for matrices).
#' @examples
#' \donttest{
#' k_dot(k_constant(matrix(1:2, 1)), k_constant(matrix(3:4, 2)))  # 11
#' }
#' @export
k_dot <- function(x, y) {
  bridge$k_dot(x, y)
}

#' The fuzz factor used in numeric expressions
#'
#' @returns A number (`1e-07` unless changed).
#' @examples
#' \donttest{
#' k_epsilon()
#' }
#' @export
k_epsilon <- function() {
  bridge$k_epsilon()
}

#' Element-wise exponential
#'
#' @param x Tensor or variable.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_exp(k_constant(0))
#' }
#' @export
k_exp <- function(x) {
  bridge$k_exp(x)
}

#' Add an axis of length 1
#'
#' @param x Tensor or variable.
#' @param axis Position of the new axis (1-based: 1 makes it the first; -1, the default, the last).
#' @returns A tensor with one more axis.
#' @examples
#' \donttest{
#' k_expand_dims(k_zeros(c(2, 3)), axis = 1)  # shape (1, 2, 3)
#' }
#' @export
k_expand_dims <- function(x, axis = -1) {
  bridge$k_expand_dims(x, axis = axis)
}

#' The default float type
#'
#' @returns A string (`"float32"` unless changed).
#' @examples
#' \donttest{
#' k_floatx()
#' }
#' @export
k_floatx <- function() {
  bridge$k_floatx()
}

#' Rows of a tensor at given positions (1-based)
#'
#' @param reference Tensor or variable.
#' @param indices Positions along the first axis: R numbers, vectors or arrays are 1-based (as in R keras >= 2.2.4); a tensor of indices is passed to TensorFlow as-is, so it is 0-based.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_gather(k_constant(rbind(c(1, 2), c(3, 4), c(5, 6))), c(3, 1))
#' }
#' @export
k_gather <- function(reference, indices) {
  bridge$k_gather(reference, indices)
}

#' Element-wise natural logarithm
#'
#' @param x Tensor or variable.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_log(k_constant(1))
#' }
#' @export
k_log <- function(x) {
  bridge$k_log(x)
}

#' Maximum of a tensor
#'
#' @param x Tensor or variable.
#' @param axis An axis or several (1-based; -1 is the last). Defaults to `NULL` (all).
#' @param keepdims Keep reduced axes with length 1. Defaults to `FALSE`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_max(k_constant(rbind(c(1, 5), c(3, 2))), axis = 1)  # 3 5
#' }
#' @export
k_max <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_max(x, axis = axis, keepdims = keepdims)
}

#' Mean of a tensor
#'
#' @param x Tensor or variable (logical tensors count as `k_floatx()`).
#' @param axis An axis or several (1-based; -1 is the last). Defaults to `NULL` (all).
#' @param keepdims Keep reduced axes with length 1. Defaults to `FALSE`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_mean(k_constant(rbind(c(1, 2), c(3, 4))), axis = 2)  # 1.5 3.5
#' }
#' @export
k_mean <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_mean(x, axis = axis, keepdims = keepdims)
}

#' Ones of the shape of a tensor
#'
#' @param x Tensor or variable.
#' @param dtype Defaults to `NULL` (the dtype of `x`).
#' @param name Defaults to `NULL`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_ones_like(k_zeros(c(2, 2)))
#' }
#' @export
k_ones_like <- function(x, dtype = NULL, name = NULL) {
  bridge$k_ones_like(x, dtype = dtype, name = name)
}

#' Permute the axes of a tensor
#'
#' @param x Tensor or variable.
#' @param pattern A permutation of the axes, 1-based: `c(2, 1)` transposes a matrix.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_permute_dimensions(k_zeros(c(2, 3, 4)), c(3, 1, 2))  # shape (4, 2, 3)
#' }
#' @export
k_permute_dimensions <- function(x, pattern) {
  bridge$k_permute_dimensions(x, pattern = pattern)
}

#' Element-wise power
#'
#' @param x Tensor or variable.
#' @param a The exponent. A non-integral `a` is used as given for a float `x` (R keras 2.x truncated it with `as.integer()`).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_pow(k_constant(c(2, 3)), 2)
#' }
#' @export
k_pow <- function(x, a) {
  bridge$k_pow(x, a = a)
}

#' Draws from a normal distribution
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param mean Defaults to `0`.
#' @param stddev Defaults to `1`.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param seed An integer: the same draw on every call. Defaults to `NULL` (from the global seed, see [set_random_seed()]).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_random_normal(c(2, 3), seed = 1)
#' }
#' @export
k_random_normal <- function(shape, mean = 0, stddev = 1, dtype = NULL, seed = NULL) {
  bridge$k_random_normal(shape, mean = mean, stddev = stddev, dtype = dtype, seed = seed)
}

#' Draws from a uniform distribution
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param minval Defaults to `0`.
#' @param maxval Defaults to `1` (excluded).
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param seed An integer: the same draw on every call. Defaults to `NULL` (from the global seed).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_random_uniform(c(2, 3), seed = 1)
#' }
#' @export
k_random_uniform <- function(shape, minval = 0, maxval = 1, dtype = NULL, seed = NULL) {
  bridge$k_random_uniform(shape, minval = minval, maxval = maxval, dtype = dtype, seed = seed)
}

#' Reshape a tensor
#'
#' @param x Tensor or variable.
#' @param shape The new shape; one entry may be -1 (inferred). Row-major, as TensorFlow (not R's `dim<-`).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_reshape(k_constant(1:6), c(2, -1))
#' }
#' @export
k_reshape <- function(x, shape) {
  bridge$k_reshape(x, shape = shape)
}

#' Set the default float type
#'
#' @param floatx `"float16"`, `"bfloat16"`, `"float32"` or `"float64"`.
#' @returns `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_set_floatx("float64")
#' }
#' @export
k_set_floatx <- function(floatx) {
  invisible(bridge$k_set_floatx(floatx))
}

#' The shape of a tensor, as a tensor
#'
#' @param x Tensor or variable.
#' @returns An int32 tensor (dynamic, so it works on symbolic tensors too).
#' @examples
#' \donttest{
#' k_shape(k_zeros(c(2, 3)))
#' }
#' @export
k_shape <- function(x) {
  bridge$k_shape(x)
}

#' Element-wise logistic sigmoid
#'
#' @param x Tensor or variable.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_sigmoid(k_constant(0))
#' }
#' @export
k_sigmoid <- function(x) {
  bridge$k_sigmoid(x)
}

#' Softmax along an axis
#'
#' @param x Tensor or variable.
#' @param axis The axis (1-based; -1, the default, is the last).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_softmax(k_constant(c(0, log(3))))  # 0.25 0.75
#' }
#' @export
k_softmax <- function(x, axis = -1) {
  bridge$k_softmax(x, axis = axis)
}

#' Element-wise square root
#'
#' @param x Tensor or variable.
#' @returns A tensor; negative inputs give 0 (tf.keras 2.x clipped at 0 first).
#' @examples
#' \donttest{
#' k_sqrt(k_constant(c(4, -1)))
#' }
#' @export
k_sqrt <- function(x) {
  bridge$k_sqrt(x)
}

#' Element-wise square
#'
#' @param x Tensor or variable.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_square(k_constant(-3))
#' }
#' @export
k_square <- function(x) {
  bridge$k_square(x)
}

#' Stack tensors along a new axis
#'
#' @param x A list of tensors of one shape.
#' @param axis The new axis (1-based; 1, the default, makes it the first).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_stack(list(k_constant(1:2), k_constant(3:4)))
#' }
#' @export
k_stack <- function(x, axis = 1) {
  bridge$k_stack(x, axis = axis)
}

#' Sum of a tensor
#'
#' @param x Tensor or variable.
#' @param axis An axis or several (1-based; -1 is the last). Defaults to `NULL` (all).
#' @param keepdims Keep reduced axes with length 1. Defaults to `FALSE`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_sum(k_constant(rbind(c(1, 2), c(3, 4))), axis = 1)  # 4 6
#' }
#' @export
k_sum <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_sum(x, axis = axis, keepdims = keepdims)
}

#' Element-wise hyperbolic tangent
#'
#' @param x Tensor or variable.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_tanh(k_constant(0))
#' }
#' @export
k_tanh <- function(x) {
  bridge$k_tanh(x)
}

#' Reverse the axes of a tensor
#'
#' @param x Tensor or variable.
#' @returns A tensor (the transpose of a matrix).
#' @examples
#' \donttest{
#' k_transpose(k_zeros(c(2, 3)))
#' }
#' @export
k_transpose <- function(x) {
  bridge$k_transpose(x)
}

#' An all-zeros variable
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param name Defaults to `NULL`.
#' @returns A `tf$Variable`, as `keras.backend.zeros` made it (create it outside [tf_function()] code).
#' @examples
#' \donttest{
#' k_zeros(c(2, 3))
#' }
#' @export
k_zeros <- function(shape, dtype = NULL, name = NULL) {
  bridge$k_zeros(shape, dtype = dtype, name = name)
}

#' Zeros of the shape of a tensor
#'
#' @param x Tensor or variable.
#' @param dtype Defaults to `NULL` (the dtype of `x`).
#' @param name Defaults to `NULL`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_zeros_like(k_constant(c(1, 2)))
#' }
#' @export
k_zeros_like <- function(x, dtype = NULL, name = NULL) {
  bridge$k_zeros_like(x, dtype = dtype, name = name)
}
