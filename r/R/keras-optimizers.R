# R keras 2.x optimizer constructors; the rules, defaults and checks are in rkeras_bridge/keras/optimizers.py.

#' Adam optimizer
#'
#' `lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)`; `var <- var - lr_t * m / (sqrt(v) + epsilon)`,
#' the same rule in Keras 2 and Keras 3. Returns a Keras 3 optimizer for `compile()` or for
#' `apply_gradients()` in an eager loop.
#'
#' @param learning_rate A number or a learning-rate schedule. Defaults to `0.001`.
#' @param beta_1 Decay of the first-moment estimate. Defaults to `0.9`.
#' @param beta_2 Decay of the second-moment estimate. Defaults to `0.999`.
#' @param epsilon Defaults to `NULL` ([k_epsilon()], 1e-7).
#' @param decay Keras 2 time-based decay, `lr / (1 + decay * iterations)`. Defaults to `0`.
#' @param amsgrad Use the AMSGrad variant. Defaults to `FALSE`.
#' @param clipnorm Clip each gradient to this norm. Defaults to `NULL`.
#' @param clipvalue Clip gradient elements to `[-clipvalue, clipvalue]`. Defaults to `NULL`.
#' @param ... `lr` (the R keras 2.x name of `learning_rate`), or further arguments of
#'   `keras.optimizers.Adam` such as `name`.
#' @returns A `keras.optimizers.Adam`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_adam(lr = 0.01)
#' }
#' @export
optimizer_adam <- function(learning_rate = 0.001, beta_1 = 0.9, beta_2 = 0.999, epsilon = NULL, decay = 0,
                           amsgrad = FALSE, clipnorm = NULL, clipvalue = NULL, ...) {
  bridge$optimizer_adam(learning_rate = learning_rate, beta_1 = beta_1, beta_2 = beta_2, epsilon = epsilon,
                        decay = decay, amsgrad = amsgrad, clipnorm = clipnorm, clipvalue = clipvalue, ...)
}

#' Stochastic gradient descent optimizer
#'
#' `v <- momentum * v - lr * g`; `var <- var + v` (Nesterov: `var + momentum * v - lr * g`).
#'
#' @inheritParams optimizer_adam
#' @param learning_rate A number or a learning-rate schedule. Defaults to `0.01`.
#' @param momentum Defaults to `0`.
#' @param nesterov Use Nesterov momentum. Defaults to `FALSE`.
#' @param ... `lr`, or further arguments of `keras.optimizers.SGD`.
#' @returns A `keras.optimizers.SGD`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_sgd(learning_rate = 0.1, momentum = 0.9)
#' }
#' @export
optimizer_sgd <- function(learning_rate = 0.01, momentum = 0, decay = 0, nesterov = FALSE, clipnorm = NULL,
                          clipvalue = NULL, ...) {
  bridge$optimizer_sgd(learning_rate = learning_rate, momentum = momentum, decay = decay, nesterov = nesterov,
                       clipnorm = clipnorm, clipvalue = clipvalue, ...)
}

#' RMSprop optimizer (the R keras 2.x update rule)
#'
#' `a <- rho * a + (1 - rho) * g^2`; `var <- var - lr * g / (sqrt(a) + epsilon)`. Keras 3's own
#' RMSprop divides by `sqrt(a + epsilon)`; this one keeps the Keras 2 rule so 2018 scripts compute
#' the same numbers. For TF1's RMSProp (slots starting at one, momentum) use
#' `tf$train$RMSPropOptimizer()`.
#'
#' @inheritParams optimizer_adam
#' @param rho Decay of the moving average of squared gradients. Defaults to `0.9`.
#' @param ... `lr`, or further arguments of `keras.optimizers.RMSprop` (not `momentum` or `centered`).
#' @returns A `keras.optimizers.RMSprop`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_rmsprop(learning_rate = 0.01)
#' }
#' @export
optimizer_rmsprop <- function(learning_rate = 0.001, rho = 0.9, epsilon = NULL, decay = 0, clipnorm = NULL,
                              clipvalue = NULL, ...) {
  bridge$optimizer_rmsprop(learning_rate = learning_rate, rho = rho, epsilon = epsilon, decay = decay,
                           clipnorm = clipnorm, clipvalue = clipvalue, ...)
}
