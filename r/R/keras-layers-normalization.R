#' Batch normalization layer
#'
#' `axis` is passed on unchanged, as in R keras 2.x: `-1` is the last axis and `1` the first
#' after the batch axis (unlike the 1-based axes of the `k_*` functions). Call the layer with
#' `training = TRUE` to normalise with (and update the moving averages from) the batch.
#'
#' @inheritParams layer_common_args
#' @param axis The features axis. Defaults to `-1L`.
#' @param momentum Momentum of the moving averages. Defaults to `0.99`.
#' @param epsilon Added to the variance. Defaults to `0.001`.
#' @param center Learn an offset `beta`. Defaults to `TRUE`.
#' @param scale Learn a factor `gamma`. Defaults to `TRUE`.
#' @param beta_initializer Defaults to `"zeros"`.
#' @param gamma_initializer Defaults to `"ones"`.
#' @param moving_mean_initializer Defaults to `"zeros"`.
#' @param moving_variance_initializer Defaults to `"ones"`.
#' @param beta_regularizer,gamma_regularizer,beta_constraint,gamma_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' batchnorm1 <- layer_batch_normalization()
#' k_random_normal(c(8, 4)) %>% batchnorm1(training = TRUE)
#' }
#' @export
layer_batch_normalization <- function(object, axis = -1L, momentum = 0.99, epsilon = 0.001, center = TRUE,
                                      scale = TRUE, beta_initializer = "zeros", gamma_initializer = "ones",
                                      moving_mean_initializer = "zeros", moving_variance_initializer = "ones",
                                      beta_regularizer = NULL, gamma_regularizer = NULL, beta_constraint = NULL,
                                      gamma_constraint = NULL, input_shape = NULL, batch_input_shape = NULL,
                                      batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                                      weights = NULL, ...) {
  call_bridge(bridge$layer_batch_normalization)
}
