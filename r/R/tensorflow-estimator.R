# The tfestimators generics of R tensorflow 1.13 (rkeras_bridge/tensorflow/estimator.py): tf.estimator
# is gone from TensorFlow 2, so their default methods raise a classed error that says what to use.

#' Train a model (TF1 Estimators: unavailable)
#'
#' Generics whose methods came from the tfestimators package, on `tf.estimator`, which TensorFlow
#' 2.16 removed. Without a method for `object`, they raise an error of class
#' `rkeras_bridge.bridge.errors.UnavailableError` that names what to use instead: `fit()` and
#' `evaluate()` on a Keras model, or a loop with `tf$GradientTape()`.
#'
#' @param object An estimator.
#' @param ... The method's arguments.
#' @returns Never returns (without a method).
#' @examples
#' \donttest{
#' try(train(NULL))
#' }
#' @export
train <- function(object, ...) {
  UseMethod("train")
}

#' @rdname train
#' @export
train.default <- function(object, ...) {
  bridge$train(object, ...)
}

#' @rdname train
#' @export
train_and_evaluate <- function(object, ...) {
  UseMethod("train_and_evaluate")
}

#' @rdname train
#' @export
train_and_evaluate.default <- function(object, ...) {
  bridge$train_and_evaluate(object, ...)
}
