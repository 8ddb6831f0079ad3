#' Functional and sequential models
#'
#' `keras_model()` connects inputs from [layer_input()] to outputs computed from them;
#' `keras_model_sequential()` starts a stack that `model %>% layer_dense(...)` extends.
#'
#' @param inputs An input tensor or a list of them.
#' @param outputs The output tensor or a list of them.
#' @param name The model's name. Defaults to `NULL`.
#' @returns A Keras 3 model.
#' @examples
#' \donttest{
#' inputs <- layer_input(shape = c(3))
#' model <- keras_model(inputs, inputs %>% layer_dense(units = 1))
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' }
#' @export
keras_model <- function(inputs, outputs = NULL, name = NULL) {
  bridge$keras_model(inputs, outputs = outputs, name = name)
}

#' @rdname keras_model
#' @param layers A layer or list of layers to start with. Defaults to `NULL`.
#' @export
keras_model_sequential <- function(layers = NULL, name = NULL) {
  bridge$keras_model_sequential(layers = layers, name = name)
}

#' Configure a model for training
#'
#' @param object The model.
#' @param optimizer A name (`"adam"`, `"sgd"`, `"rmsprop"`) or an optimizer object, e.g.
#'   `tf$train$AdamOptimizer()`.
#' @param loss A name (`"mse"`, `"binary_crossentropy"`, ...) or a function `(y_true, y_pred)`.
#' @param metrics A name or vector/list of metric names or objects. Defaults to `NULL`.
#' @param loss_weights Weights of the losses of several outputs. Defaults to `NULL`.
#' @param sample_weight_mode,target_tensors Not supported by Keras 3; only `NULL`.
#' @param weighted_metrics Metrics weighted by `sample_weight`. Defaults to `NULL`.
#' @param ... Further arguments for Keras 3's `compile()` (`run_eagerly`, ...).
#' @returns The model, compiled in place, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "adam", metrics = "mae")
#' }
#' @export
compile <- function(object, optimizer, loss, metrics = NULL, loss_weights = NULL, sample_weight_mode = NULL,
                    weighted_metrics = NULL, target_tensors = NULL, ...) {
  invisible(call_bridge(bridge$compile))
}

#' Train a model
#'
#' Vectors (`y = c(...)`) are sent as 1-d arrays. The history is a list:
#' `history$metrics$loss` (and `val_loss` and each metric) has one value per epoch run, fewer
#' than `epochs` when early stopping ends training; `history$params` has Keras' settings.
#'
#' @param object A compiled model.
#' @param x Inputs: a matrix or array, a list of them (several inputs), or a dataset.
#' @param y Targets. Defaults to `NULL` (a dataset gives both).
#' @param batch_size Examples per gradient step. Defaults to `NULL` (32).
#' @param epochs Number of passes over the data. Defaults to `10`.
#' @param verbose 0 silent, 1 progress bar, 2 one line per epoch. Defaults to
#'   `getOption("keras.fit_verbose", default = 1)`.
#' @param callbacks A list of callbacks, e.g. `list(callback_early_stopping())`. Defaults to
#'   `NULL`.
#' @param view_metrics Ignored (R keras 2.x's live plot in RStudio).
#' @param validation_split Fraction of the data (the last rows) held out. Defaults to `0`.
#' @param validation_data `list(x_val, y_val)`. Defaults to `NULL`.
#' @param shuffle Shuffle the examples every epoch. Defaults to `TRUE`.
#' @param class_weight Named list from class index to weight, e.g. `list("0" = 1, "1" = 5)`.
#'   Defaults to `NULL`.
#' @param sample_weight Per-example weights. Defaults to `NULL`.
#' @param initial_epoch Epoch to start at. Defaults to `0`.
#' @param steps_per_epoch,validation_steps Batches per epoch and per validation. Defaults to `NULL`.
#' @param ... Further arguments for Keras 3's `fit()`.
#' @returns The history: `list(params = list(...), metrics = list(loss = c(...), ...))`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "adam")
#' x_train <- matrix(runif(300), 100); y_train <- rowSums(x_train)
#' x_valid <- matrix(runif(60), 20); y_valid <- rowSums(x_valid)
#' history <- model %>% fit(x_train, y_train, epochs = 10, batch_size = 32, verbose = 0,
#'                          validation_data = list(x_valid, y_valid),
#'                          callbacks = list(callback_early_stopping(patience = 2)))
#' history$metrics$val_loss
#' }
#' @export
fit <- function(object, x = NULL, y = NULL, batch_size = NULL, epochs = 10,
                verbose = getOption("keras.fit_verbose", default = 1), callbacks = NULL,
                view_metrics = getOption("keras.view_metrics", default = "auto"), validation_split = 0,
                validation_data = NULL, shuffle = TRUE, class_weight = NULL, sample_weight = NULL,
                initial_epoch = 0, steps_per_epoch = NULL, validation_steps = NULL, ...) {
  x <- vectors_as_arrays(x)
  y <- vectors_as_arrays(y)
  validation_data <- vectors_as_arrays(validation_data)
  sample_weight <- vectors_as_arrays(sample_weight)
  call_bridge(bridge$fit)
}

#' Evaluate a model on data
#'
#' @inheritParams fit
#' @param verbose 0 silent, 1 progress bar. Defaults to `1`.
#' @param steps Number of batches. Defaults to `NULL` (all data).
#' @param ... Further arguments for Keras 3's `evaluate()`.
#' @returns A named list: `loss` and each metric.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "adam")
#' x_test <- matrix(runif(30), 10); y_test <- rowSums(x_test)
#' scores <- model %>% evaluate(x_test, y_test, verbose = 0)
#' scores$loss
#' }
#' @export
evaluate <- function(object, x = NULL, y = NULL, batch_size = NULL, verbose = 1, sample_weight = NULL,
                     steps = NULL, callbacks = NULL, ...) {
  x <- vectors_as_arrays(x)
  y <- vectors_as_arrays(y)
  sample_weight <- vectors_as_arrays(sample_weight)
  call_bridge(bridge$evaluate)
}

#' Predictions of a Keras model
#'
#' A method of [stats::predict()] for Keras 3 models (functional, sequential and
#' [keras_model_custom()] models alike); runs in inference mode, batch by batch.
#'
#' @inheritParams evaluate
#' @param verbose Defaults to `0`.
#' @param ... Further arguments for Keras 3's `predict()`.
#' @returns An array (a list of arrays for several outputs), equal to `object(x)`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' x_test <- matrix(runif(30), 10)
#' preds <- model %>% predict(x_test)
#' }
#' @method predict keras.src.models.model.Model
#' @rawNamespace S3method(stats::predict, keras.src.models.model.Model)
predict.keras.src.models.model.Model <- function(object, x, batch_size = NULL, verbose = 0, steps = NULL,
                                                 callbacks = NULL, ...) {
  if (!missing(x)) x <- vectors_as_arrays(x)
  call_bridge(bridge$predict)
}

#' Stop training when a monitored quantity stops improving
#'
#' @param monitor Quantity to watch. Defaults to `"val_loss"`.
#' @param min_delta Smallest change that counts as an improvement. Defaults to `0`.
#' @param patience Epochs without improvement before stopping. Defaults to `0`.
#' @param verbose Defaults to `0`.
#' @param mode `"auto"`, `"min"` or `"max"`. Defaults to `"auto"`.
#' @param baseline Value the quantity must beat. Defaults to `NULL`.
#' @param restore_best_weights Restore the weights of the best epoch. Defaults to `FALSE`.
#' @returns A Keras callback, for `fit(callbacks = list(...))`.
#' @examples
#' \donttest{
#' callbacks <- list(callback_early_stopping(patience = 2))
#' }
#' @export
callback_early_stopping <- function(monitor = "val_loss", min_delta = 0, patience = 0, verbose = 0, mode = "auto",
                                    baseline = NULL, restore_best_weights = FALSE) {
  call_bridge(bridge$callback_early_stopping)
}

#' A layer of a model, by name or position
#'
#' @param object The model.
#' @param name The layer's name. Defaults to `NULL`.
#' @param index The layer's position, 1-based as in R keras 2.x (`-1`: the last); input layers are
#'   not counted. Defaults to `NULL`.
#' @returns The layer.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' get_layer(model, index = 1)
#' }
#' @export
get_layer <- function(object, name = NULL, index = NULL) {
  bridge$get_layer(object, name = name, index = index)
}

#' Get and set the weights of a model or layer
#'
#' @param object A model or a layer.
#' @returns `get_weights()`: a list of arrays. `set_weights()`: `object`, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' w <- get_weights(model)
#' set_weights(model, w)
#' }
#' @export
get_weights <- function(object) {
  bridge$get_weights(object)
}

#' @rdname get_weights
#' @param weights A list of arrays, one per weight in the order of `get_weights()`; a vector
#'   for a weight with one dimension (or with as many values) is accepted.
#' @export
set_weights <- function(object, weights) {
  invisible(bridge$set_weights(object, weights))
}

#' Save and load model weights as a TensorFlow checkpoint
#'
#' Keras 3 has no TF weights format (its own is `.weights.h5`); these write and read a
#' TensorFlow checkpoint of the model (`tf$train$Checkpoint(model = object)`), which is what the
#' TF format was: `filepath` is a prefix, the files are `<filepath>.index` and
#' `<filepath>.data-*`. Weights are matched by the model's structure (its attributes, such as
#' `self$dense1`), not by order or name; a custom model not called yet gets them when first
#' called.
#'
#' @param object A model.
#' @param filepath Path prefix of the checkpoint; missing folders are created.
#' @param overwrite Replace an existing checkpoint. Defaults to `TRUE`.
#' @returns `object`, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' new_model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' path <- file.path(tempdir(), "model")
#' save_model_weights_tf(model, path)
#' load_model_weights_tf(new_model, path)
#' }
#' @export
save_model_weights_tf <- function(object, filepath, overwrite = TRUE) {
  invisible(bridge$save_model_weights_tf(object, filepath, overwrite = overwrite))
}

#' @rdname save_model_weights_tf
#' @param by_name,skip_mismatch,reshape Not supported for checkpoints; only `FALSE`.
#' @export
load_model_weights_tf <- function(object, filepath, by_name = FALSE, skip_mismatch = FALSE, reshape = FALSE) {
  invisible(bridge$load_model_weights_tf(object, filepath, by_name = by_name, skip_mismatch = skip_mismatch,
                                         reshape = reshape))
}
