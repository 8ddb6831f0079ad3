# R keras 2.2.4's freeze_weights() / unfreeze_weights() (R/freeze.R); the work is in
# rkeras_bridge/keras/freeze.py (`from` is a Python keyword: it travels as the keyword "from").

#' Freeze and unfreeze weights
#'
#' Freeze the weights of a model (or of the layers `from` .. `to`) so that training leaves them,
#' or unfreeze them. With neither `from` nor `to`, the whole model; with a range (both ends
#' included, given by layer name or 1-based position), the layers in the range get the new setting
#' and all the others the opposite one, as R keras 2.2.4 documented:
#' `unfreeze_weights(conv_base, from = "block5_conv1")` makes the top block trainable and freezes
#' the rest. Compile the model (again) afterwards.
#'
#' @param object A model.
#' @param from The first layer of the range: a name or a position. Defaults to `NULL` (the first).
#' @param to The last layer of the range. Defaults to `NULL` (the last).
#' @returns The model, changed in place, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>%
#'   layer_dense(32, input_shape = 784, name = "first") %>%
#'   layer_dense(10, name = "second")
#' freeze_weights(model, from = "second")
#' length(model$trainable_weights)  # 2
#' unfreeze_weights(model)
#' }
#' @export
freeze_weights <- function(object, from = NULL, to = NULL) {
  invisible(bridge$freeze_weights(object, from = from, to = to))
}

#' @rdname freeze_weights
#' @export
unfreeze_weights <- function(object, from = NULL, to = NULL) {
  invisible(bridge$unfreeze_weights(object, from = from, to = to))
}
