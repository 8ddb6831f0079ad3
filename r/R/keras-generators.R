# R keras 2.2.4's fit_generator(), evaluate_generator(), predict_generator() (in its R/model.R); the
# loop is in rkeras_bridge/keras/generators.py. An R function generator runs on R's thread, as it must.

# An R function generator as Python sees it: each batch a tuple, list(x, y) -> (x, y) and list(x) ->
# (x,), with R vectors as 1-d arrays (R keras 2.2.4 did the same with keras_array()).
as_generator <- function(generator) {
  if (!is.function(generator) || inherits(generator, "python.builtin.object")) return(generator)
  function() {
    batch <- vectors_as_arrays(generator())
    if (!is.list(batch) || is.data.frame(batch)) batch <- list(batch)
    do.call(reticulate::tuple, unname(batch))
  }
}

#' Train, evaluate or predict on batches from a generator
#'
#' `fit_generator()` trains a compiled model on `steps_per_epoch` batches per epoch drawn from
#' `generator`; `evaluate_generator()` and `predict_generator()` draw `steps` batches. A generator
#' is an R function of no arguments returning `list(x, y)` (or `list(x, y, sample_weight)`; `list(x)`
#' or `x` to predict), a Keras iterator such as [flow_images_from_data()] or
#' [timeseries_generator()], or a dataset. R functions are called on R's thread, one batch at a
#' time. An epoch's loss and metrics are the batch values averaged with the batch sizes as weights,
#' as Keras 2.2.4 reported them.
#'
#' @param object A model (compiled, to train or evaluate).
#' @param generator The generator.
#' @param steps_per_epoch Batches per epoch (defaults to the length of a Keras iterator; needed
#'   for R functions).
#' @param epochs Index of the last epoch. Defaults to `1`.
#' @param verbose 0 silent, 1 progress bar, 2 one line per epoch. Defaults to
#'   `getOption("keras.fit_verbose", default = 1)` (`0` for prediction).
#' @param callbacks A callback or a list of them. Defaults to `NULL`.
#' @param view_metrics Ignored (R keras 2.x's live plot in RStudio).
#' @param validation_data A generator (with `validation_steps`) or `list(x_val, y_val)`, evaluated at
#'   each epoch's end. Defaults to `NULL`.
#' @param validation_steps Batches drawn from a validation generator. Defaults to `NULL`.
#' @param class_weight Named list from class index to weight. Defaults to `NULL`.
#' @param max_queue_size,workers Keras 2.2.4 prepared batches ahead on worker threads; here batches
#'   are drawn on the calling thread as needed (as R keras 2.2.4 did for R functions), so results
#'   are those of one worker. Defaults to `10` and `1`.
#' @param initial_epoch Epoch to start at. Defaults to `0`.
#' @param steps Batches to draw (defaults to the length of a Keras iterator).
#' @returns `fit_generator()`: the training history (see [fit()]). `evaluate_generator()`: a named
#'   list, `loss` and each metric. `predict_generator()`: the predictions of all batches, joined.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "sgd")
#' x <- matrix(runif(300), 100); y <- rowSums(x)
#' sampler <- function() { rows <- sample(100, 10); list(x[rows, ], y[rows]) }
#' history <- model %>% fit_generator(sampler, steps_per_epoch = 5, epochs = 2, verbose = 0)
#' evaluate_generator(model, sampler, steps = 3)
#' predict_generator(model, function() list(x[1:10, ]), steps = 2)
#' }
#' @export
fit_generator <- function(object, generator, steps_per_epoch, epochs = 1,
                          verbose = getOption("keras.fit_verbose", default = 1), callbacks = NULL,
                          view_metrics = getOption("keras.view_metrics", default = "auto"), validation_data = NULL,
                          validation_steps = NULL, class_weight = NULL, max_queue_size = 10, workers = 1,
                          initial_epoch = 0) {
  generator <- as_generator(generator)
  validation_data <- if (is.function(validation_data)) as_generator(validation_data) else vectors_as_arrays(validation_data)
  callbacks <- normalize_callbacks(callbacks)
  training_history(call_bridge(bridge$fit_generator))
}

#' @rdname fit_generator
#' @export
evaluate_generator <- function(object, generator, steps, max_queue_size = 10, workers = 1, callbacks = NULL) {
  generator <- as_generator(generator)
  callbacks <- normalize_callbacks(callbacks)
  call_bridge(bridge$evaluate_generator)
}

#' @rdname fit_generator
#' @export
predict_generator <- function(object, generator, steps, max_queue_size = 10, workers = 1, verbose = 0,
                              callbacks = NULL) {
  generator <- as_generator(generator)
  callbacks <- normalize_callbacks(callbacks)
  call_bridge(bridge$predict_generator)
}
