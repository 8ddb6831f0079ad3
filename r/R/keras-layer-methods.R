#' Layer or model configuration
#'
#' `get_config()` returns the arguments that recreate a layer or model (not its weights), with
#' the object's class in the attribute `config_class`; `from_config()` makes a new object from
#' it. Both work on layers, sequential and functional models.
#'
#' @param object A Keras layer or model.
#' @param config A configuration from `get_config()`.
#' @returns `get_config()`: a named list; `from_config()`: a new layer or model.
#' @examples
#' \donttest{
#' config <- get_config(layer_dense(units = 64))
#' config$units
#' layer <- from_config(config)
#' }
#' @export
get_config <- function(object) {
  config <- bridge$get_config(object)
  # As R keras 2.x did: the class travels with the list, for from_config().
  attr(config, "config_class") <- object$`__class__`
  config
}

#' @rdname get_config
#' @export
from_config <- function(config) {
  bridge$from_config(config, config_class = attr(config, "config_class"))
}

#' Count the parameters of a layer or model
#'
#' @param object A built Keras layer or model.
#' @returns The number of scalars in its weights (trainable or not).
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 4, input_shape = 3)
#' count_params(model)  # 16 = 3 * 4 weights + 4 biases
#' }
#' @export
count_params <- function(object) {
  call_bridge(bridge$count_params)
}

#' Tensors and shapes of a layer at one of its nodes
#'
#' Each time a layer is called on symbolic inputs it gets a node; `node_index = 1` is the first
#' call. These return that call's input or output tensors, their shapes (lists with `NULL` for
#' the batch dimension), or their masks (`NULL` where there is none).
#'
#' @param object A Keras layer or model.
#' @param node_index Which call, counting from 1.
#' @returns A tensor, shape or mask, or a list of them for several inputs or outputs.
#' @examples
#' \donttest{
#' dense <- layer_dense(units = 2)
#' y <- layer_input(shape = c(3)) %>% dense()
#' get_output_shape_at(dense, 1)  # list(NULL, 2L)
#' }
#' @export
get_input_at <- function(object, node_index) {
  call_bridge(bridge$get_input_at)
}

#' @rdname get_input_at
#' @export
get_output_at <- function(object, node_index) {
  call_bridge(bridge$get_output_at)
}

#' @rdname get_input_at
#' @export
get_input_shape_at <- function(object, node_index) {
  call_bridge(bridge$get_input_shape_at)
}

#' @rdname get_input_at
#' @export
get_output_shape_at <- function(object, node_index) {
  call_bridge(bridge$get_output_shape_at)
}

#' @rdname get_input_at
#' @export
get_input_mask_at <- function(object, node_index) {
  call_bridge(bridge$get_input_mask_at)
}

#' @rdname get_input_at
#' @export
get_output_mask_at <- function(object, node_index) {
  call_bridge(bridge$get_output_mask_at)
}

#' Reset the states of stateful layers
#'
#' @param object A layer, or a model (each of its stateful recurrent layers is reset to zeros).
#' @returns `object`, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>%
#'   layer_lstm(units = 4, input_shape = c(10, 2), batch_size = 8, stateful = TRUE)
#' reset_states(model)
#' }
#' @export
reset_states <- function(object) {
  invisible(call_bridge(bridge$reset_states))
}
