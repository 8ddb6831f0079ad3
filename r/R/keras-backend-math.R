# R keras 2.x backend functions: element-wise maths, comparisons, reductions, shapes, creation and
# control flow. Axes are 1-based (-1 is the last axis); the work and the argument checks are in
# rkeras_bridge/keras/backend_math.py.

#' Element-wise functions of one tensor
#'
#' `k_cos()`, `k_sin()`, `k_sign()` (-1, 0 or 1), `k_round()` (halves to even, as R's `round()`),
#' `k_softplus()` (`log(exp(x) + 1)`), `k_softsign()` (`x / (abs(x) + 1)`) and `k_hard_sigmoid()`
#' (`clip(0.2 * x + 0.5, 0, 1)`).
#'
#' @param x Tensor or variable.
#' @returns A tensor of the shape of `x`.
#' @examples
#' \donttest{
#' k_cos(k_constant(c(0, pi)))
#' k_round(k_constant(c(0.5, 1.5, 2.4)))  # 0 2 2
#' }
#' @export
k_cos <- function(x) {
  bridge$k_cos(x)
}

#' @rdname k_cos
#' @export
k_sin <- function(x) {
  bridge$k_sin(x)
}

#' @rdname k_cos
#' @export
k_sign <- function(x) {
  bridge$k_sign(x)
}

#' @rdname k_cos
#' @export
k_round <- function(x) {
  bridge$k_round(x)
}

#' @rdname k_cos
#' @export
k_softplus <- function(x) {
  bridge$k_softplus(x)
}

#' @rdname k_cos
#' @export
k_softsign <- function(x) {
  bridge$k_softsign(x)
}

#' @rdname k_cos
#' @export
k_hard_sigmoid <- function(x) {
  bridge$k_hard_sigmoid(x)
}

#' Rectified linear unit
#'
#' @param x Tensor or variable.
#' @param alpha Slope below 0. Defaults to `0`.
#' @param max_value Cap of the positive part. Defaults to `NULL` (none).
#' @returns A tensor: `max(x, 0) - alpha * max(-x, 0)`, the positive part capped at `max_value`.
#' @examples
#' \donttest{
#' k_relu(k_constant(c(-2, 1, 9)), alpha = 0.5, max_value = 6)  # -1 1 6
#' }
#' @export
k_relu <- function(x, alpha = 0, max_value = NULL) {
  bridge$k_relu(x, alpha = alpha, max_value = max_value)
}

#' Exponential linear unit
#'
#' @param x Tensor or variable.
#' @param alpha Scale of the negative part. Defaults to `1`.
#' @returns A tensor: `x` above 0, `alpha * (exp(x) - 1)` below.
#' @examples
#' \donttest{
#' k_elu(k_constant(c(-1, 2)))
#' }
#' @export
k_elu <- function(x, alpha = 1) {
  bridge$k_elu(x, alpha = alpha)
}

#' A tensor with the content of another
#'
#' @param x Tensor or variable.
#' @param name Defaults to `NULL`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_identity(k_constant(1:3))
#' }
#' @export
k_identity <- function(x, name = NULL) {
  bridge$k_identity(x, name = name)
}

#' Stop gradients from flowing through tensors
#'
#' @param variables A tensor or a list of tensors.
#' @returns The tensor (or list), treated as a constant by gradient computations.
#' @examples
#' \donttest{
#' k_stop_gradient(k_constant(2))
#' }
#' @export
k_stop_gradient <- function(variables) {
  bridge$k_stop_gradient(variables)
}

#' Scale to unit L2 norm along an axis
#'
#' @param x Tensor or variable.
#' @param axis The axis or axes (1-based; -1 is the last). Defaults to `NULL` (all elements).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_l2_normalize(k_constant(rbind(c(3, 4))), axis = 2)  # 0.6 0.8
#' }
#' @export
k_l2_normalize <- function(x, axis = NULL) {
  bridge$k_l2_normalize(x, axis = axis)
}

#' Element-wise comparisons
#'
#' `k_equal()` (`==`), `k_not_equal()` (`!=`), `k_greater()` (`>`), `k_greater_equal()` (`>=`),
#' `k_less()` (`<`) and `k_less_equal()` (`<=`).
#'
#' @param x Tensor or variable.
#' @param y Tensor, variable or R numbers (taken in the dtype of the other operand).
#' @returns A logical tensor.
#' @examples
#' \donttest{
#' k_greater(k_constant(c(1, 3)), 2)  # FALSE TRUE
#' }
#' @export
k_equal <- function(x, y) {
  bridge$k_equal(x, y)
}

#' @rdname k_equal
#' @export
k_not_equal <- function(x, y) {
  bridge$k_not_equal(x, y)
}

#' @rdname k_equal
#' @export
k_greater <- function(x, y) {
  bridge$k_greater(x, y)
}

#' @rdname k_equal
#' @export
k_greater_equal <- function(x, y) {
  bridge$k_greater_equal(x, y)
}

#' @rdname k_equal
#' @export
k_less <- function(x, y) {
  bridge$k_less(x, y)
}

#' @rdname k_equal
#' @export
k_less_equal <- function(x, y) {
  bridge$k_less_equal(x, y)
}

#' Element-wise maximum and minimum of two tensors
#'
#' @param x Tensor or variable.
#' @param y Tensor, variable or R numbers.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_maximum(k_constant(c(1, 5)), 2)  # 2 5
#' k_minimum(k_constant(c(1, 5)), 2)  # 1 2
#' }
#' @export
k_maximum <- function(x, y) {
  bridge$k_maximum(x, y)
}

#' @rdname k_maximum
#' @export
k_minimum <- function(x, y) {
  bridge$k_minimum(x, y)
}

#' Reductions of a tensor
#'
#' `k_all()` / `k_any()` (logical AND / OR; numbers count as `TRUE` when non-zero), `k_min()`,
#' `k_prod()`, `k_logsumexp()` (`log(sum(exp(x)))` without overflow), `k_std()` and `k_var()`
#' (population statistics: they divide by n, where R's `sd()` and `var()` divide by n - 1).
#'
#' @param x Tensor or variable.
#' @param axis An axis or several (1-based; -1 is the last). Defaults to `NULL` (all axes).
#' @param keepdims Keep reduced axes with length 1. Defaults to `FALSE`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' x <- k_constant(rbind(c(1, 2), c(3, 4)))
#' k_prod(x, axis = 2)  # 2 12
#' k_std(x)             # sqrt(mean((1:4 - 2.5)^2))
#' }
#' @export
k_all <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_all(x, axis = axis, keepdims = keepdims)
}

#' @rdname k_all
#' @export
k_any <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_any(x, axis = axis, keepdims = keepdims)
}

#' @rdname k_all
#' @export
k_min <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_min(x, axis = axis, keepdims = keepdims)
}

#' @rdname k_all
#' @export
k_prod <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_prod(x, axis = axis, keepdims = keepdims)
}

#' @rdname k_all
#' @export
k_logsumexp <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_logsumexp(x, axis = axis, keepdims = keepdims)
}

#' @rdname k_all
#' @export
k_std <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_std(x, axis = axis, keepdims = keepdims)
}

#' @rdname k_all
#' @export
k_var <- function(x, axis = NULL, keepdims = FALSE) {
  bridge$k_var(x, axis = axis, keepdims = keepdims)
}

#' Index of the minimum value along an axis (0-based result)
#'
#' @param x Tensor or variable.
#' @param axis The axis to reduce (1-based; -1, the default, is the last).
#' @returns An int64 tensor of **0-based** indices, as R keras 2.x returned them: add 1 for R positions.
#' @examples
#' \donttest{
#' k_argmin(k_constant(rbind(c(1, 9, 3), c(7, 0, 2))))  # 0 1
#' }
#' @export
k_argmin <- function(x, axis = -1) {
  bridge$k_argmin(x, axis = axis)
}

#' Cumulative sum and product along an axis
#'
#' @param x Tensor or variable.
#' @param axis The axis (1-based; -1 is the last). Defaults to `1`.
#' @returns A tensor of the shape of `x`.
#' @examples
#' \donttest{
#' k_cumsum(k_constant(1:4))   # 1 3 6 10
#' k_cumprod(k_constant(1:4))  # 1 2 6 24
#' }
#' @export
k_cumsum <- function(x, axis = 1) {
  bridge$k_cumsum(x, axis = axis)
}

#' @rdname k_cumsum
#' @export
k_cumprod <- function(x, axis = 1) {
  bridge$k_cumprod(x, axis = axis)
}

#' Flatten a tensor
#'
#' @param x Tensor or variable.
#' @returns A 1-d tensor, in TensorFlow's row-major order (R's `as.vector()` is column-major).
#' @examples
#' \donttest{
#' k_flatten(k_constant(rbind(1:2, 3:4)))  # 1 2 3 4
#' }
#' @export
k_flatten <- function(x) {
  bridge$k_flatten(x)
}

#' Remove an axis of length 1
#'
#' @param x Tensor or variable.
#' @param axis The axis (1-based; -1 is the last); its length must be 1.
#' @returns A tensor with one axis less.
#' @examples
#' \donttest{
#' k_squeeze(k_zeros(c(2, 1, 3)), axis = 2)  # shape (2, 3)
#' }
#' @export
k_squeeze <- function(x, axis) {
  bridge$k_squeeze(x, axis = axis)
}

#' Repeat a 2-d tensor along a new middle axis
#'
#' @param x A 2-d tensor `(samples, dim)`.
#' @param n How many times.
#' @returns A tensor `(samples, n, dim)`.
#' @examples
#' \donttest{
#' k_repeat(k_constant(rbind(1:2)), 3)
#' }
#' @export
k_repeat <- function(x, n) {
  bridge$k_repeat(x, n = n)
}

#' Repeat each element along an axis
#'
#' @param x Tensor or variable.
#' @param rep How many times (like `rep(each = rep)` along that axis).
#' @param axis The axis (1-based; -1 is the last).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_repeat_elements(k_constant(rbind(1:2)), 2, axis = 2)  # 1 1 2 2
#' }
#' @export
k_repeat_elements <- function(x, rep, axis) {
  bridge$k_repeat_elements(x, rep = rep, axis = axis)
}

#' Reverse a tensor along axes
#'
#' @param x Tensor or variable.
#' @param axes An axis or several (1-based; -1 is the last).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_reverse(k_constant(rbind(1:2, 3:4)), axes = 2)
#' }
#' @export
k_reverse <- function(x, axes) {
  bridge$k_reverse(x, axes = axes)
}

#' Tile a tensor
#'
#' @param x Tensor or variable.
#' @param n One repetition count per axis of `x`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_tile(k_constant(rbind(1:2)), c(2, 1))
#' }
#' @export
k_tile <- function(x, n) {
  bridge$k_tile(x, n = n)
}

#' Split a tensor along an axis into a list
#'
#' @param x Tensor or variable.
#' @param axis The axis to split (1-based; -1 is the last). Defaults to `1`.
#' @param num The axis' length, needed only when unknown. Defaults to `NULL`.
#' @param name Defaults to `NULL`.
#' @returns A list of tensors with one axis less.
#' @examples
#' \donttest{
#' k_unstack(k_constant(rbind(1:2, 3:4)), axis = 2)  # list(c(1, 3), c(2, 4))
#' }
#' @export
k_unstack <- function(x, axis = 1L, num = NULL, name = NULL) {
  bridge$k_unstack(x, axis = axis, num = num, name = name)
}

#' One-hot encoding of class ids (0-based)
#'
#' @param indices Class ids, **0-based** (0 to `num_classes - 1`): R keras 2.2.4 handed them to
#'   TensorFlow unchanged, as `to_categorical()` takes them. Ids out of range give rows of zeros.
#' @param num_classes The number of classes.
#' @returns A `k_floatx()` tensor with one more axis of length `num_classes`.
#' @examples
#' \donttest{
#' k_one_hot(c(0, 2), 3)
#' }
#' @export
k_one_hot <- function(indices, num_classes) {
  bridge$k_one_hot(indices, num_classes = num_classes)
}

#' A 1-d tensor of integers from `start` up to, not including, `stop`
#'
#' Python's `range()`, as Keras' `arange` was: `k_arange(10)` is 0..9 and `k_arange(1, 11)` 1..10.
#'
#' @param start The first value (or the end, counting from 0, when `stop` is `NULL`).
#' @param stop The end, excluded. Defaults to `NULL`.
#' @param step The difference between values. Defaults to `1`.
#' @param dtype Defaults to `"int32"`.
#' @returns A 1-d tensor.
#' @examples
#' \donttest{
#' k_arange(1, 11, 2)  # 1 3 5 7 9
#' }
#' @export
k_arange <- function(start, stop = NULL, step = 1, dtype = "int32") {
  bridge$k_arange(start, stop = stop, step = step, dtype = dtype)
}

#' An identity matrix variable
#'
#' @param size The number of rows (and columns), or `c(rows, columns)`.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param name Defaults to `NULL`.
#' @returns A `tf$Variable`.
#' @examples
#' \donttest{
#' k_eye(3)
#' }
#' @export
k_eye <- function(size, dtype = NULL, name = NULL) {
  bridge$k_eye(size, dtype = dtype, name = name)
}

#' An all-ones variable
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param name Defaults to `NULL`.
#' @returns A `tf$Variable`.
#' @examples
#' \donttest{
#' k_ones(c(2, 3))
#' }
#' @export
k_ones <- function(shape, dtype = NULL, name = NULL) {
  bridge$k_ones(shape, dtype = dtype, name = name)
}

#' Draws from a truncated normal distribution
#'
#' Values beyond two standard deviations from the mean are redrawn.
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param mean Defaults to `0`.
#' @param stddev Defaults to `1`.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param seed An integer: the same draw on every call. Defaults to `NULL`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_truncated_normal(c(2, 3), seed = 1)
#' }
#' @export
k_truncated_normal <- function(shape, mean = 0, stddev = 1, dtype = NULL, seed = NULL) {
  bridge$k_truncated_normal(shape, mean = mean, stddev = stddev, dtype = dtype, seed = seed)
}

#' Draws of 1 (with probability `p`) or 0
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param p The probability of a 1. Defaults to `0`.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param seed An integer: the same draw on every call. Defaults to `NULL`.
#' @returns A tensor of 0s and 1s.
#' @examples
#' \donttest{
#' k_random_binomial(c(2, 3), p = 0.5, seed = 1)
#' }
#' @export
k_random_binomial <- function(shape, p = 0, dtype = NULL, seed = NULL) {
  bridge$k_random_binomial(shape, p = p, dtype = dtype, seed = seed)
}

#' Variables of random draws
#'
#' `k_random_normal_variable()` draws from a normal distribution, `k_random_uniform_variable()`
#' from a uniform one on `[low, high)`.
#'
#' @param shape The shape, e.g. `c(2, 3)`.
#' @param mean The mean of the normal distribution.
#' @param scale The standard deviation of the normal distribution.
#' @param low The lower bound of the uniform distribution.
#' @param high The upper bound of the uniform distribution.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param name Defaults to `NULL`.
#' @param seed An integer. Defaults to `NULL`.
#' @returns A `tf$Variable`.
#' @examples
#' \donttest{
#' k_random_normal_variable(c(2, 3), 0, 1, seed = 1)
#' k_random_uniform_variable(c(2, 3), 0, 1, seed = 1)
#' }
#' @export
k_random_normal_variable <- function(shape, mean, scale, dtype = NULL, name = NULL, seed = NULL) {
  bridge$k_random_normal_variable(shape, mean = mean, scale = scale, dtype = dtype, name = name, seed = seed)
}

#' @rdname k_random_normal_variable
#' @export
k_random_uniform_variable <- function(shape, low, high, dtype = NULL, name = NULL, seed = NULL) {
  bridge$k_random_uniform_variable(shape, low = low, high = high, dtype = dtype, name = name, seed = seed)
}

#' Choose between two expressions by a condition
#'
#' A scalar condition picks one branch; give the branches as functions of no arguments for only
#' the chosen one to be computed. A tensor condition picks element by element, its axes matching
#' the first axes of the expressions.
#'
#' @param condition A logical (or 0/1) tensor.
#' @param then_expression A tensor, or a function returning one.
#' @param else_expression A tensor, or a function returning one.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_switch(k_constant(c(TRUE, FALSE), dtype = "bool"), k_constant(1:2), k_constant(8:9))  # 1 9
#' }
#' @export
k_switch <- function(condition, then_expression, else_expression) {
  bridge$k_switch(condition, then_expression, else_expression)
}

#' Apply a function to each slice of a tensor along its first axis
#'
#' @param fn An R function of one slice, returning a tensor.
#' @param elems A tensor.
#' @param name Defaults to `NULL`.
#' @param dtype The dtype of `fn`'s results, when it differs from `elems`'. Defaults to `NULL`.
#' @returns A tensor of the stacked results.
#' @examples
#' \donttest{
#' k_map_fn(function(row) k_sum(row), k_constant(rbind(1:2, 3:4)))  # 3 7
#' }
#' @export
k_map_fn <- function(fn, elems, name = NULL, dtype = NULL) {
  bridge$k_map_fn(fn, elems, name = name, dtype = dtype)
}

#' Reduce a tensor along its first axis with a function
#'
#' `k_foldl()` goes from the first slice to the last, `k_foldr()` from the last to the first.
#'
#' @param fn An R function `(accumulator, element)` returning the new accumulator.
#' @param elems A tensor.
#' @param initializer The first accumulator. Defaults to `NULL` (the first element taken).
#' @param name Defaults to `NULL`.
#' @returns A tensor: the last accumulator.
#' @examples
#' \donttest{
#' k_foldl(function(acc, e) acc + e, k_constant(1:3))  # 6
#' }
#' @export
k_foldl <- function(fn, elems, initializer = NULL, name = NULL) {
  bridge$k_foldl(fn, elems, initializer = initializer, name = name)
}

#' @rdname k_foldl
#' @export
k_foldr <- function(fn, elems, initializer = NULL, name = NULL) {
  bridge$k_foldr(fn, elems, initializer = initializer, name = name)
}
