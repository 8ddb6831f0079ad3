#' Concatenate a list of tensors
#'
#' @inheritParams layer_common_args
#' @param inputs A list of tensors; missing returns the layer.
#' @param axis Passed on unchanged, as in R keras 2.x (`-1`: the last axis). Defaults to `-1`.
#' @returns The concatenated tensor, or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(2)); x2 <- layer_input(shape = c(3))
#' layer_concatenate(list(x1, x2))
#' }
#' @export
layer_concatenate <- function(inputs, axis = -1, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                              weights = NULL, ...) {
  call_bridge(bridge$layer_concatenate)
}

#' Dot product of two tensors
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of two tensors; missing returns the layer.
#' @param axes One axis or one per input, passed on unchanged as in R keras 2.x (`1` is the first
#'   axis after the batch axis).
#' @param normalize L2-normalise first (cosine similarity). Defaults to `FALSE`.
#' @returns A (batch, 1) tensor of dot products, or the layer.
#' @examples
#' \donttest{
#' user_embedding <- layer_input(shape = c(8)); movie_embedding <- layer_input(shape = c(8))
#' layer_dot(list(user_embedding, movie_embedding), axes = 1)
#' }
#' @export
layer_dot <- function(inputs, axes, normalize = FALSE, batch_size = NULL, dtype = NULL, name = NULL,
                      trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_dot)
}

#' Sum a list of tensors element-wise
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of tensors of the same shape; missing returns the layer.
#' @returns The sum (a tensor of the inputs' shape), or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(4)); x2 <- layer_input(shape = c(4))
#' layer_add(list(x1, x2))
#' }
#' @export
layer_add <- function(inputs, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                      ...) {
  call_bridge(bridge$layer_add)
}

#' Subtract two tensors element-wise
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of two tensors of the same shape; missing returns the layer.
#' @returns `inputs[[1]] - inputs[[2]]` (a tensor of the inputs' shape), or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(4)); x2 <- layer_input(shape = c(4))
#' layer_subtract(list(x1, x2))
#' }
#' @export
layer_subtract <- function(inputs, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                           ...) {
  call_bridge(bridge$layer_subtract)
}

#' Multiply a list of tensors element-wise
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of tensors of the same shape; missing returns the layer.
#' @returns The product (a tensor of the inputs' shape), or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(4)); x2 <- layer_input(shape = c(4))
#' layer_multiply(list(x1, x2))
#' }
#' @export
layer_multiply <- function(inputs, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                           ...) {
  call_bridge(bridge$layer_multiply)
}

#' Average a list of tensors element-wise
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of tensors of the same shape; missing returns the layer.
#' @returns The mean (a tensor of the inputs' shape), or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(4)); x2 <- layer_input(shape = c(4))
#' layer_average(list(x1, x2))
#' }
#' @export
layer_average <- function(inputs, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                          ...) {
  call_bridge(bridge$layer_average)
}

#' Element-wise maximum of a list of tensors
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of tensors of the same shape; missing returns the layer.
#' @returns The maximum (a tensor of the inputs' shape), or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(4)); x2 <- layer_input(shape = c(4))
#' layer_maximum(list(x1, x2))
#' }
#' @export
layer_maximum <- function(inputs, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                          ...) {
  call_bridge(bridge$layer_maximum)
}

#' Element-wise minimum of a list of tensors
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of tensors of the same shape; missing returns the layer.
#' @returns The minimum (a tensor of the inputs' shape), or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(4)); x2 <- layer_input(shape = c(4))
#' layer_minimum(list(x1, x2))
#' }
#' @export
layer_minimum <- function(inputs, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL,
                          ...) {
  call_bridge(bridge$layer_minimum)
}
