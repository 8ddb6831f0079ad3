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

#' Zip lists into a list of pairs, as `apply_gradients()` takes them
#'
#' `zip_lists(gradients, variables)` is `purrr::transpose(list(gradients, variables))`: element
#' `i` of the result is `list(gradients[[i]], variables[[i]])`. It is the keras R package's name
#' for the idiom and costs microseconds, where `purrr::transpose()` (superseded in purrr 1.0)
#' signals its lifecycle stage on every call, about 2.5 ms, more than an eager training step
#' of a small model spends in Python. Pure R: no Python is involved until the pairs are used.
#'
#' @param ... Lists of equal length (or one list of such lists).
#' @returns A list of lists.
#' @examples
#' zip_lists(list(1, 2), list("a", "b"))
#' \donttest{
#' x <- tf$Variable(1)
#' optimizer <- tf$train$GradientDescentOptimizer(0.1)
#' with(tf$GradientTape() %as% tape, {
#'   loss <- x * x
#' })
#' grads <- tape$gradient(loss, list(x))
#' optimizer$apply_gradients(zip_lists(grads, list(x)))
#' }
#' @export
zip_lists <- function(...) {
  args <- list(...)
  if (length(args) == 1L && is.list(args[[1]]) && all(vapply(args[[1]], is.list, logical(1)))) args <- args[[1]]
  lengths <- vapply(args, length, integer(1))
  if (length(args) && any(lengths != lengths[[1]])) {
    # an R-only check: the lists never reach Python unzipped
    stop(sprintf("zip_lists() needs lists of one length. Received: lengths %s", paste(lengths, collapse = ", ")),
         call. = FALSE)
  }
  .mapply(list, args, NULL)
}
