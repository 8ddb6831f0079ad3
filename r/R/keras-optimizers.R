# R keras 2.x optimizer constructors; the rules, defaults and checks are in rkeras_bridge/keras/optimizers.py.

#' Adam optimizer
#'
#' `lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)`; `var <- var - lr_t * m / (sqrt(v) + epsilon)`,
#' the same rule in Keras 2 and Keras 3. Returns a Keras 3 optimizer for `compile()` or for
#' `apply_gradients()` in an eager loop.
#'
#' @param lr The learning rate, a number >= 0. `learning_rate =` (Keras 3's name) is accepted too
#'   and also takes a learning-rate schedule. Defaults to `0.001`.
#' @param beta_1 Decay of the first-moment estimate, in `[0, 1)`. Defaults to `0.9`.
#' @param beta_2 Decay of the second-moment estimate, in `[0, 1)`. Defaults to `0.999`.
#' @param epsilon Defaults to `NULL` ([k_epsilon()], 1e-7).
#' @param decay Keras 2 time-based decay, `lr / (1 + decay * iterations)`. Defaults to `0`.
#' @param amsgrad Use the AMSGrad variant. Defaults to `FALSE`.
#' @param clipnorm Clip each gradient to this norm. Defaults to `NULL`.
#' @param clipvalue Clip gradient elements to `[-clipvalue, clipvalue]`. Defaults to `NULL`.
#' @param ... `learning_rate`, or further arguments of the Keras 3 optimizer such as `name`.
#' @returns A `keras.optimizers.Adam`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_adam(lr = 0.01)
#' }
#' @export
optimizer_adam <- function(lr = 0.001, beta_1 = 0.9, beta_2 = 0.999, epsilon = NULL, decay = 0,
                           amsgrad = FALSE, clipnorm = NULL, clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_adam)
}

#' Stochastic gradient descent optimizer
#'
#' `v <- momentum * v - lr * g`; `var <- var + v` (Nesterov: `var + momentum * v - lr * g`).
#'
#' @inheritParams optimizer_adam
#' @param lr The learning rate (or `learning_rate =`). Defaults to `0.01`.
#' @param momentum In `[0, 1]`. Defaults to `0`.
#' @param nesterov Use Nesterov momentum. Defaults to `FALSE`.
#' @returns A `keras.optimizers.SGD`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_sgd(lr = 0.1, momentum = 0.9)
#' }
#' @export
optimizer_sgd <- function(lr = 0.01, momentum = 0, decay = 0, nesterov = FALSE, clipnorm = NULL,
                          clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_sgd)
}

#' RMSprop optimizer (the R keras 2.x update rule)
#'
#' `a <- rho * a + (1 - rho) * g^2`; `var <- var - lr * g / (sqrt(a) + epsilon)`. Keras 3's own
#' RMSprop divides by `sqrt(a + epsilon)`; this one keeps the Keras 2 rule so 2018 scripts compute
#' the same numbers. For TF1's RMSProp (slots starting at one, momentum) use
#' `tf$train$RMSPropOptimizer()`.
#'
#' @inheritParams optimizer_adam
#' @param rho Decay of the moving average of squared gradients, in `[0, 1]`. Defaults to `0.9`.
#' @param ... `learning_rate`, or further arguments of `keras.optimizers.RMSprop` (not `momentum`
#'   or `centered`).
#' @returns A `keras.optimizers.RMSprop`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_rmsprop(lr = 0.01)
#' }
#' @export
optimizer_rmsprop <- function(lr = 0.001, rho = 0.9, epsilon = NULL, decay = 0, clipnorm = NULL,
                              clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_rmsprop)
}

#' Adagrad optimizer (the R keras 2.x update rule)
#'
#' `a <- a + g^2` (from zeros); `var <- var - lr * g / (sqrt(a) + epsilon)`. Keras 3's own Adagrad
#' starts `a` at 0.1 and divides by `sqrt(a + epsilon)`; this one keeps the Keras 2 rule.
#'
#' @inheritParams optimizer_adam
#' @param lr The learning rate (or `learning_rate =`). Defaults to `0.01`.
#' @param ... `learning_rate`, or further arguments of `keras.optimizers.Adagrad` (not
#'   `initial_accumulator_value`).
#' @returns A `keras.optimizers.Adagrad`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_adagrad(lr = 0.05)
#' }
#' @export
optimizer_adagrad <- function(lr = 0.01, epsilon = NULL, decay = 0, clipnorm = NULL, clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_adagrad)
}

#' Adadelta optimizer
#'
#' `a <- rho * a + (1 - rho) * g^2`; `u <- g * sqrt(d + epsilon) / sqrt(a + epsilon)`;
#' `var <- var - lr * u`; `d <- rho * d + (1 - rho) * u^2`: the same rule in Keras 2 and Keras 3,
#' with Keras 2's default `lr = 1`.
#'
#' @inheritParams optimizer_adam
#' @param lr The learning rate (or `learning_rate =`). Defaults to `1`.
#' @param rho Decay of the running averages, in `[0, 1]`. Defaults to `0.95`.
#' @returns A `keras.optimizers.Adadelta`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_adadelta()
#' }
#' @export
optimizer_adadelta <- function(lr = 1, rho = 0.95, epsilon = NULL, decay = 0, clipnorm = NULL,
                               clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_adadelta)
}

#' Adamax optimizer
#'
#' Adam with the infinity norm: `m <- beta_1 * m + (1 - beta_1) * g`; `u <- max(beta_2 * u, abs(g))`;
#' `var <- var - lr / (1 - beta_1^t) * m / (u + epsilon)`, the same rule in Keras 2 and Keras 3.
#'
#' @inheritParams optimizer_adam
#' @param lr The learning rate (or `learning_rate =`). Defaults to `0.002`.
#' @param beta_2 Decay of the infinity norm, in `[0, 1)`. Defaults to `0.999`.
#' @returns A `keras.optimizers.Adamax`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_adamax()
#' }
#' @export
optimizer_adamax <- function(lr = 0.002, beta_1 = 0.9, beta_2 = 0.999, epsilon = NULL, decay = 0,
                             clipnorm = NULL, clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_adamax)
}

#' Nesterov Adam optimizer (the R keras 2.x momentum schedule)
#'
#' Adam with Nesterov momentum. The momentum follows Keras 2's schedule
#' `mu_t = beta_1 * (1 - 0.5 * 0.96^(t * schedule_decay))`; with `P_t` the product of `mu_1 .. mu_t`,
#' `m_bar = (1 - mu_t) * g / (1 - P_t) + mu_(t+1) * m / (1 - P_(t+1))` and
#' `var <- var - lr * m_bar / (sqrt(v / (1 - beta_2^t)) + epsilon)`. Keras 3 dropped
#' `schedule_decay` (its Nadam uses `0.96^t`); this one keeps it.
#'
#' @inheritParams optimizer_adam
#' @param lr The learning rate (or `learning_rate =`). Defaults to `0.002`.
#' @param schedule_decay How fast the momentum schedule rises, a number >= 0. Defaults to `0.004`.
#' @returns A `keras.optimizers.Nadam`.
#' @examples
#' \donttest{
#' optimizer <- optimizer_nadam()
#' }
#' @export
optimizer_nadam <- function(lr = 0.002, beta_1 = 0.9, beta_2 = 0.999, epsilon = NULL, schedule_decay = 0.004,
                            clipnorm = NULL, clipvalue = NULL, ...) {
  call_bridge(bridge$optimizer_nadam)
}
