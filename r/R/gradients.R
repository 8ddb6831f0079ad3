#' Apply gradient/variable pairs with an optimizer, TF1 style
#'
#' The function form of `optimizer$apply_gradients(purrr::transpose(list(grads, vars)), global_step = ...)`,
#' which also works with Keras 3 optimizers. Pairs without a gradient are skipped: silently
#' for non-trainable variables (Keras 3 seed state), with a warning for trainable ones.
#'
#' @param optimizer A Keras 3 optimizer or `tf$train$AdamOptimizer()`.
#' @param grads_and_vars A list of `list(gradient, variable)` pairs.
#' @param global_step An integer variable to increment. Defaults to `NULL`.
#' @returns The optimizer's iteration counter.
#' @examples
#' \donttest{
#' x <- tf$Variable(1)
#' optimizer <- tf$train$AdamOptimizer(learning_rate = 0.1)
#' with(tf$GradientTape() %as% tape, loss <- x * x)
#' grads <- tape$gradient(loss, list(x))
#' apply_gradients(optimizer, purrr::transpose(list(grads, list(x))))
#' }
#' @export
apply_gradients <- function(optimizer, grads_and_vars, global_step = NULL) {
  bridge$apply_gradients(optimizer, grads_and_vars, global_step = global_step)
}
