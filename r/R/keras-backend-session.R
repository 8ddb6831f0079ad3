# R keras 2.x backend functions of state: variables and their values, k_function(), k_gradients(),
# the learning phase, configuration, backend(), and the TF1-only functions, which raise a condition
# of class rkeras_bridge.bridge.errors.UnavailableError. The work is in
# rkeras_bridge/keras/backend_session.py.

#' Create a variable
#'
#' @param value Numbers, an R array or a tensor.
#' @param dtype Defaults to `NULL` (`k_floatx()`).
#' @param name Defaults to `NULL`.
#' @param constraint A function applied to the value after optimizer updates. Defaults to `NULL`.
#' @returns A `tf$Variable`.
#' @examples
#' \donttest{
#' k_variable(matrix(1:4, 2))
#' }
#' @export
k_variable <- function(value, dtype = NULL, name = NULL, constraint = NULL) {
  bridge$k_variable(value, dtype = dtype, name = name, constraint = constraint)
}

#' Get and set the values of variables
#'
#' `k_get_value()` returns a variable's (or tensor's) value as an R array, `k_batch_get_value()` the
#' values of a list of them; `k_set_value()` sets a variable from an R array (taken in the
#' variable's dtype), `k_batch_set_value()` several from `list(list(variable, value), ...)`.
#'
#' @param x A variable (or, to get a value, a tensor).
#' @param ops A list of variables or tensors.
#' @param value Numbers, an R array or a tensor of the variable's shape.
#' @param lists A list of `list(variable, value)` pairs.
#' @returns `k_get_value()`: an R array; `k_batch_get_value()`: a list of them; the setters `NULL`,
#'   invisibly.
#' @examples
#' \donttest{
#' v <- k_variable(c(0, 0))
#' k_set_value(v, c(1, 2))
#' k_get_value(v)  # 1 2
#' }
#' @export
k_get_value <- function(x) {
  bridge$k_get_value(x)
}

#' @rdname k_get_value
#' @export
k_batch_get_value <- function(ops) {
  bridge$k_batch_get_value(ops)
}

#' @rdname k_get_value
#' @export
k_set_value <- function(x, value) {
  invisible(bridge$k_set_value(x, value))
}

#' @rdname k_get_value
#' @export
k_batch_set_value <- function(lists) {
  invisible(bridge$k_batch_set_value(lists))
}

#' Update a variable
#'
#' `k_update()` sets a variable to `new_x`, `k_update_add()` adds `increment`, `k_update_sub()`
#' subtracts `decrement`, at once (TF1 built an op run later in a session).
#'
#' @param x A variable.
#' @param new_x The new value.
#' @param increment The value to add.
#' @param decrement The value to subtract.
#' @returns The variable, updated.
#' @examples
#' \donttest{
#' v <- k_variable(c(1, 2))
#' k_update_add(v, c(10, 10))  # 11 12
#' }
#' @export
k_update <- function(x, new_x) {
  bridge$k_update(x, new_x)
}

#' @rdname k_update
#' @export
k_update_add <- function(x, increment) {
  bridge$k_update_add(x, increment)
}

#' @rdname k_update
#' @export
k_update_sub <- function(x, decrement) {
  bridge$k_update_sub(x, decrement)
}

#' Move a variable towards a value
#'
#' `x = momentum * x + (1 - momentum) * value`, as tf.keras computes it under TensorFlow 2 (Keras
#' 2.2.4 on TF1 also removed the bias of the first steps; this does not).
#'
#' @param x A variable.
#' @param value The value, of the variable's shape.
#' @param momentum The momentum, in `[0, 1]`.
#' @returns The variable, updated.
#' @examples
#' \donttest{
#' k_moving_average_update(k_variable(0), 10, 0.9)  # 1
#' }
#' @export
k_moving_average_update <- function(x, value, momentum) {
  bridge$k_moving_average_update(x, value, momentum)
}

#' Facts about a tensor or variable
#'
#' `k_int_shape()` and `k_get_variable_shape()` give the shape as a list of integers (`NULL` where
#' unknown), `k_ndim()` the number of axes, `k_dtype()` the dtype's name and `k_count_params()` the
#' number of values.
#'
#' @param x A tensor or variable.
#' @returns `k_int_shape()`, `k_get_variable_shape()`: a list; `k_ndim()`, `k_count_params()`: an
#'   integer; `k_dtype()`: a string.
#' @examples
#' \donttest{
#' v <- k_variable(matrix(0, 2, 3))
#' k_int_shape(v)     # list(2L, 3L)
#' k_count_params(v)  # 6
#' }
#' @export
k_int_shape <- function(x) {
  bridge$k_int_shape(x)
}

#' @rdname k_int_shape
#' @export
k_get_variable_shape <- function(x) {
  bridge$k_get_variable_shape(x)
}

#' @rdname k_int_shape
#' @export
k_ndim <- function(x) {
  bridge$k_ndim(x)
}

#' @rdname k_int_shape
#' @export
k_dtype <- function(x) {
  bridge$k_dtype(x)
}

#' @rdname k_int_shape
#' @export
k_count_params <- function(x) {
  bridge$k_count_params(x)
}

#' The value of a tensor
#'
#' @param x A tensor or variable (a symbolic tensor has no value: run it with [k_function()]).
#' @returns An R array.
#' @examples
#' \donttest{
#' k_eval(k_constant(1:3) * 2)
#' }
#' @export
k_eval <- function(x) {
  bridge$k_eval(x)
}

#' What kind of tensor
#'
#' `k_is_keras_tensor()`: whether a tensor is symbolic (a layer's input or output); anything but a
#' tensor or variable is an error, as in Keras. `k_is_tensor()`: whether `x` is a tensor or
#' variable. `k_is_sparse()`: whether a tensor is sparse. `k_is_placeholder()`: always `FALSE`, as
#' TensorFlow 2 has no placeholders ([k_placeholder()]).
#'
#' @param x A tensor, or anything for `k_is_tensor()` and `k_is_placeholder()`.
#' @param tensor A tensor.
#' @returns `TRUE` or `FALSE`.
#' @examples
#' \donttest{
#' k_is_keras_tensor(k_constant(1))  # FALSE
#' k_is_tensor(1)                    # FALSE
#' }
#' @export
k_is_keras_tensor <- function(x) {
  bridge$k_is_keras_tensor(x)
}

#' @rdname k_is_keras_tensor
#' @export
k_is_tensor <- function(x) {
  bridge$k_is_tensor(x)
}

#' @rdname k_is_keras_tensor
#' @export
k_is_sparse <- function(tensor) {
  bridge$k_is_sparse(tensor)
}

#' @rdname k_is_keras_tensor
#' @export
k_is_placeholder <- function(x) {
  bridge$k_is_placeholder(x)
}

#' A sparse tensor made dense
#'
#' @param tensor A tensor (a dense one is returned as is).
#' @returns A dense tensor.
#' @examples
#' \donttest{
#' k_to_dense(tf$sparse$eye(2L))
#' }
#' @export
k_to_dense <- function(tensor) {
  bridge$k_to_dense(tensor)
}

#' Print a tensor's value and return the tensor
#'
#' @param x A tensor.
#' @param message Printed before the value. Defaults to `""`.
#' @returns `x` (it prints at once eagerly, and each time compiled code runs).
#' @examples
#' \donttest{
#' y <- k_print_tensor(k_constant(1:3), "x = ")
#' }
#' @export
k_print_tensor <- function(x, message = "") {
  bridge$k_print_tensor(x, message = message)
}

#' The learning phase
#'
#' `k_learning_phase()` is 1 while training, 0 otherwise: inside a Keras layer call, that call's
#' `training` flag (`fit()` trains); elsewhere what `k_set_learning_phase()` set (0 until then).
#' Given as an input of [k_function()], it takes the value passed for it at each call, as TF1's
#' placeholder did.
#'
#' @param value 0 (test) or 1 (train).
#' @returns `k_learning_phase()`: 0L or 1L; `k_set_learning_phase()`: `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_learning_phase()  # 0
#' }
#' @export
k_learning_phase <- function() {
  bridge$k_learning_phase()
}

#' @rdname k_learning_phase
#' @export
k_set_learning_phase <- function(value) {
  invisible(bridge$k_set_learning_phase(value))
}

#' Choose by the learning phase
#'
#' `k_in_train_phase()` returns `x` in the training phase and `alt` otherwise;
#' `k_in_test_phase()` the reverse.
#'
#' @param x A tensor, or a function of no arguments returning one (computed only when chosen).
#' @param alt A tensor, or a function returning one.
#' @param training `TRUE`/`FALSE`, 0/1 or a logical scalar tensor. Defaults to `NULL` ([k_learning_phase()]).
#' @returns `x` or `alt`.
#' @examples
#' \donttest{
#' k_in_train_phase(k_constant(1), k_constant(0), training = TRUE)  # 1
#' }
#' @export
k_in_train_phase <- function(x, alt, training = NULL) {
  bridge$k_in_train_phase(x, alt, training = training)
}

#' @rdname k_in_train_phase
#' @export
k_in_test_phase <- function(x, alt, training = NULL) {
  bridge$k_in_test_phase(x, alt, training = training)
}

#' A compiled function of symbolic tensors
#'
#' The inputs are symbolic tensors ([layer_input()], `model$input`, a layer's `$output`); the
#' outputs are computed from them (a model's or layer's `$output`, `k_*` calls on symbolic
#' tensors, [k_gradients()]). The graph is compiled with `tf.function`, as TF1 ran it in a session.
#' An input that is [k_learning_phase()] receives the learning phase (0 or 1) at each call.
#'
#' @param inputs A list of symbolic tensors (and possibly `k_learning_phase()`).
#' @param outputs A list of symbolic tensors.
#' @param updates A list of `list(variable, new_value)` pairs applied after each call. Defaults to `NULL`.
#' @param ... TF1 `Session$run` options: none exists on TensorFlow 2, so any raises an
#'   `UnavailableError`.
#' @returns A function of a list of input values (R arrays) returning a list of R arrays.
#' @examples
#' \donttest{
#' inp <- layer_input(shape = 3)
#' model <- keras_model(inp, inp %>% layer_dense(2))
#' f <- k_function(list(model$input), list(model$output))
#' f(list(matrix(1, 4, 3)))
#' }
#' @export
k_function <- function(inputs, outputs, updates = NULL, ...) {
  bridge$k_function(inputs, outputs, updates = updates, ...)
}

#' Gradients of a loss with respect to variables
#'
#' For a symbolic loss (built from [layer_input()] or a model's tensors) the gradients are symbolic
#' too, evaluated by [k_function()]. An eager tensor keeps no graph, so there it raises an
#' `UnavailableError`: record the computation with `tf$GradientTape()` instead.
#'
#' @param loss The loss tensor (gradients are of its sum).
#' @param variables A tensor or variable, or a list of them.
#' @returns A list of gradients, one per variable (zeros where the loss does not depend on it).
#' @examples
#' \donttest{
#' x <- layer_input(shape = 2)
#' grads <- k_gradients(k_sum(k_square(x)), x)
#' k_function(list(x), grads)(list(rbind(c(1, 2))))  # 2 4
#' }
#' @export
k_gradients <- function(loss, variables) {
  bridge$k_gradients(loss, variables)
}

#' The backend's name
#'
#' @returns `"tensorflow"` (Theano and CNTK are not supported).
#' @examples
#' \donttest{
#' k_backend()
#' }
#' @export
k_backend <- function() {
  bridge$k_backend()
}

#' The default image data format
#'
#' @param data_format `"channels_last"` or `"channels_first"`.
#' @returns `k_image_data_format()`: the format; `k_set_image_data_format()`: `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_image_data_format()  # "channels_last"
#' }
#' @export
k_image_data_format <- function() {
  bridge$k_image_data_format()
}

#' @rdname k_image_data_format
#' @export
k_set_image_data_format <- function(data_format) {
  invisible(bridge$k_set_image_data_format(data_format))
}

#' Set the fuzz factor of numeric expressions
#'
#' @param e A number > 0 (see [k_epsilon()]).
#' @returns `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_set_epsilon(1e-7)
#' }
#' @export
k_set_epsilon <- function(e) {
  invisible(bridge$k_set_epsilon(e))
}

#' Counters of unique ids
#'
#' `k_get_uid()` returns the next number of the counter of `prefix` (1 the first time), as Keras
#' numbers layer names; `k_reset_uids()` resets all counters.
#'
#' @param prefix The counter's name. Defaults to `""`.
#' @returns `k_get_uid()`: an integer; `k_reset_uids()`: `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_reset_uids()
#' k_get_uid("dense")  # 1
#' }
#' @export
k_get_uid <- function(prefix = "") {
  bridge$k_get_uid(prefix = prefix)
}

#' @rdname k_get_uid
#' @export
k_reset_uids <- function() {
  invisible(bridge$k_reset_uids())
}

#' Reset the state Keras keeps
#'
#' Layer-name counters, the learning phase and caches of compiled code are reset.
#'
#' @returns `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_clear_session()
#' }
#' @export
k_clear_session <- function() {
  invisible(bridge$k_clear_session())
}

#' Manual variable initialisation (only `FALSE` on TensorFlow 2)
#'
#' TF1 variables needed an initializer run in a session. TensorFlow 2 variables hold their value
#' from creation, so `FALSE` is accepted and `TRUE` raises an `UnavailableError`.
#'
#' @param value `FALSE`.
#' @returns `NULL`, invisibly.
#' @examples
#' \donttest{
#' k_manual_variable_initialization(FALSE)
#' }
#' @export
k_manual_variable_initialization <- function(value) {
  invisible(bridge$k_manual_variable_initialization(value))
}

#' Placeholders and sessions (TF1 only: they raise)
#'
#' TensorFlow 2 runs eagerly, with neither placeholders nor sessions. These raise a condition of
#' class `rkeras_bridge.bridge.errors.UnavailableError` that says what to use instead:
#' [layer_input()] for a symbolic input (which [k_function()] and the `k_*` functions take),
#' [k_eval()] for values, `tf$config` for a session's configuration.
#'
#' @param shape,ndim,dtype,sparse,name The placeholder's arguments in R keras 2.2.4.
#' @param session A TF1 session.
#' @returns Nothing: they raise.
#' @examples
#' \donttest{
#' try(k_get_session())
#' }
#' @export
k_placeholder <- function(shape = NULL, ndim = NULL, dtype = NULL, sparse = FALSE, name = NULL) {
  bridge$k_placeholder(shape = shape, ndim = ndim, dtype = dtype, sparse = sparse, name = name)
}

#' @rdname k_placeholder
#' @export
k_get_session <- function() {
  bridge$k_get_session()
}

#' @rdname k_placeholder
#' @export
k_set_session <- function(session) {
  bridge$k_set_session(session)
}

#' The Keras backend module
#'
#' As R keras 2.x's `backend()` returned Python's `keras.backend`: tf.keras' backend functions,
#' with Python's names and **0-based** axes (`K$sum(x, axis = 0L)` sums the first axis), plus the
#' session-era names (`function`, `learning_phase`, `placeholder`, ...).
#'
#' @param convert Whether results are converted to R values. Defaults to `TRUE`; `FALSE` keeps them
#'   as Python objects (NumPy arrays stay `numpy.ndarray`).
#' @returns The module.
#' @examples
#' \donttest{
#' K <- backend()
#' K$cast_to_floatx(42)
#' }
#' @export
backend <- function(convert = TRUE) {
  # The Python name `rkeras_bridge.backend` still answers the old flat module of the first layout,
  # so the function is reached in its module (after the bridge has set up the Python path).
  ensure_bridge()
  module <- reticulate::import("rkeras_bridge.keras.backend_session")$backend(convert)
  if (isTRUE(convert)) module else reticulate::r_to_py(module)
}
