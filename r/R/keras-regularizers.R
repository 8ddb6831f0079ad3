# R keras 2.x weight penalties; rkeras_bridge/keras/regularizers.py builds the Keras 3 regularizers.

#' L1 and L2 regularization
#'
#' Penalties to give as `kernel_regularizer`, `bias_regularizer` or `activity_regularizer` of a
#' layer: `l * sum(abs(x))` (L1), `l * sum(x^2)` (L2), or both. Keras 3 divides an activity
#' penalty by the batch size (Keras 2.2.4 did not); weight penalties are as in Keras 2.2.4.
#'
#' @param l The penalty factor, a number >= 0. Defaults to `0.01`.
#' @param l1 The L1 factor of `regularizer_l1_l2()`. Defaults to `0.01`.
#' @param l2 The L2 factor of `regularizer_l1_l2()`. Defaults to `0.01`.
#' @returns A Keras regularizer.
#' @examples
#' \donttest{
#' layer_dense(units = 32, kernel_regularizer = regularizer_l2(0.001))
#' regularizer_l1(0.5)(k_constant(rbind(c(1, -2))))  # 1.5
#' }
#' @export
regularizer_l1 <- function(l = 0.01) {
  bridge$regularizer_l1(l = l)
}

#' @rdname regularizer_l1
#' @export
regularizer_l2 <- function(l = 0.01) {
  bridge$regularizer_l2(l = l)
}

#' @rdname regularizer_l1
#' @export
regularizer_l1_l2 <- function(l1 = 0.01, l2 = 0.01) {
  bridge$regularizer_l1_l2(l1 = l1, l2 = l2)
}
