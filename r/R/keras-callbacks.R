# R keras 2.2.4's callbacks (R/callbacks.R); the work is in rkeras_bridge/keras/callbacks.py. The
# R6 class KerasCallback is R's own: normalize_callbacks() turns its objects into Python callbacks
# whose hooks are the R6 object's methods.

#' Callback that prints metrics to stdout with a progress bar
#'
#' @param count_mode `"samples"` or `"steps"`. Keras 3's bar counts steps (batches). Defaults to
#'   `"samples"`.
#' @param stateful_metrics Names of metrics not to average over an epoch; Keras 3 shows every
#'   metric's running value already. Defaults to `NULL`.
#' @returns A Keras callback, for `fit(callbacks = list(...))`.
#' @family callbacks
#' @examples
#' \donttest{
#' callbacks <- list(callback_progbar_logger())
#' }
#' @export
callback_progbar_logger <- function(count_mode = "samples", stateful_metrics = NULL) {
  call_bridge(bridge$callback_progbar_logger)
}

#' Save the model (or its weights) after every epoch
#'
#' Files are HDF5 (as [save_model_hdf5()] / [save_model_weights_hdf5()] write them) whatever their
#' extension, and written atomically.
#'
#' @param filepath The file; may hold `{epoch:02d}` (1-based) and fields named after the logs, e.g.
#'   `"weights.{epoch:02d}-{val_loss:.2f}.hdf5"`.
#' @param monitor Quantity to monitor. Defaults to `"val_loss"`.
#' @param verbose 0 or 1. Defaults to `0`.
#' @param save_best_only Only save when `monitor` improved. Defaults to `FALSE`.
#' @param save_weights_only Save only the weights. Defaults to `FALSE`.
#' @param mode `"auto"`, `"min"` or `"max"` (the first by default); `"auto"` maximises accuracies.
#' @param period Epochs between checkpoints. Defaults to `1`.
#' @returns A Keras callback.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_model_checkpoint(file.path(tempdir(), "weights.{epoch:02d}.h5"))
#' }
#' @export
callback_model_checkpoint <- function(filepath, monitor = "val_loss", verbose = 0, save_best_only = FALSE,
                                      save_weights_only = FALSE, mode = c("auto", "min", "max"), period = 1) {
  call_bridge(bridge$callback_model_checkpoint)
}

#' Stop training when a monitored quantity stops improving
#'
#' @param monitor Quantity to watch. Defaults to `"val_loss"`.
#' @param min_delta Smallest change that counts as an improvement. Defaults to `0`.
#' @param patience Epochs without improvement before stopping. Defaults to `0`.
#' @param verbose Defaults to `0`.
#' @param mode `"auto"`, `"min"` or `"max"` (the first by default).
#' @param baseline Value the quantity must beat. Defaults to `NULL`.
#' @param restore_best_weights Restore the weights of the best epoch. Defaults to `FALSE`.
#' @returns A Keras callback, for `fit(callbacks = list(...))`.
#' @family callbacks
#' @examples
#' \donttest{
#' callbacks <- list(callback_early_stopping(patience = 2))
#' }
#' @export
callback_early_stopping <- function(monitor = "val_loss", min_delta = 0, patience = 0, verbose = 0,
                                    mode = c("auto", "min", "max"), baseline = NULL,
                                    restore_best_weights = FALSE) {
  call_bridge(bridge$callback_early_stopping)
}

#' Send each epoch's logs to a server
#'
#' An HTTP POST per epoch (needs the Python package `requests`); a server that cannot be reached
#' gives a warning and training goes on.
#'
#' @param root The server's root URL. Defaults to `"http://localhost:9000"`.
#' @param path Path relative to `root`. Defaults to `"/publish/epoch/end/"`.
#' @param field Form field of the JSON-encoded logs. Defaults to `"data"`.
#' @param headers Named list of HTTP headers. Defaults to `NULL`.
#' @param send_as_json Send the logs as the JSON body. Defaults to `FALSE`.
#' @returns A Keras callback.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_remote_monitor(root = "http://localhost:9000")
#' }
#' @export
callback_remote_monitor <- function(root = "http://localhost:9000", path = "/publish/epoch/end/", field = "data",
                                    headers = NULL, send_as_json = FALSE) {
  call_bridge(bridge$callback_remote_monitor)
}

#' Set the learning rate at each epoch from a schedule
#'
#' @param schedule `function(epoch)` or `function(epoch, lr)` returning the new learning rate;
#'   `epoch` is 0-based (as R keras 2.2.4 passed it) and `lr` the current rate.
#' @returns A Keras callback; the history records each epoch's rate as `lr`.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_learning_rate_scheduler(function(epoch, lr) 0.01 * 0.5^epoch)
#' }
#' @export
callback_learning_rate_scheduler <- function(schedule) {
  # py_func() gives Python the R function's formals, so it can tell schedule(epoch) from
  # schedule(epoch, lr); a function with `...` takes both arguments as it is.
  if (is.function(schedule) && !inherits(schedule, "python.builtin.object")) {
    schedule <- tryCatch(reticulate::py_func(schedule), error = function(e) schedule)
  }
  bridge$callback_learning_rate_scheduler(schedule)
}

#' Stop training when a loss becomes NaN
#'
#' @returns A Keras callback.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_terminate_on_naan()
#' }
#' @export
callback_terminate_on_naan <- function() {
  bridge$callback_terminate_on_naan()
}

#' TensorBoard logs
#'
#' @param log_dir Folder of the logs. Defaults to `NULL`: `"logs"`.
#' @param histogram_freq Epochs between weight histograms (0: none). Defaults to `0`.
#' @param batch_size Batch size of TF 1's histogram computation; no role in TensorFlow 2 (TF >= 1.14
#'   ignored it too). Defaults to `32`.
#' @param write_graph Write the model's graph. Defaults to `TRUE`.
#' @param write_grads Gradient histograms were TF 1 graph mode only: `TRUE` raises a classed error
#'   (`rkeras_bridge.bridge.errors.UnavailableError`). Defaults to `FALSE`.
#' @param write_images Write weights as images. Defaults to `FALSE`.
#' @param embeddings_freq Epochs between saving embedding layers. Defaults to `0`.
#' @param embeddings_layer_names,embeddings_data TF 1 only (projecting chosen layers on data);
#'   anything but `NULL` raises the same classed error.
#' @param embeddings_metadata A file name, or a named list from layer name to metadata file.
#'   Defaults to `NULL`.
#' @param update_freq `"epoch"`, `"batch"` or a number of batches between writes. Defaults to
#'   `"epoch"`.
#' @returns A Keras callback.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_tensorboard(log_dir = file.path(tempdir(), "logs"))
#' }
#' @export
callback_tensorboard <- function(log_dir = NULL, histogram_freq = 0, batch_size = 32, write_graph = TRUE,
                                 write_grads = FALSE, write_images = FALSE, embeddings_freq = 0,
                                 embeddings_layer_names = NULL, embeddings_metadata = NULL,
                                 embeddings_data = NULL, update_freq = "epoch") {
  call_bridge(bridge$callback_tensorboard)
}

#' Reduce the learning rate when a metric has stopped improving
#'
#' @param monitor Quantity to watch. Defaults to `"val_loss"`.
#' @param factor Multiplier of the learning rate, in (0, 1). Defaults to `0.1`.
#' @param patience Epochs without improvement before reducing. Defaults to `10`.
#' @param verbose 0 quiet, 1 a message per reduction. Defaults to `0`.
#' @param mode `"auto"`, `"min"` or `"max"` (the first by default).
#' @param min_delta Smallest change that counts as an improvement. Defaults to `1e-04`.
#' @param cooldown Epochs to wait after a reduction. Defaults to `0`.
#' @param min_lr Lower bound of the learning rate. Defaults to `0`.
#' @returns A Keras callback; the history records each epoch's rate as `lr`.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_reduce_lr_on_plateau(monitor = "loss", factor = 0.5, patience = 2)
#' }
#' @export
callback_reduce_lr_on_plateau <- function(monitor = "val_loss", factor = 0.1, patience = 10, verbose = 0,
                                          mode = c("auto", "min", "max"), min_delta = 1e-04, cooldown = 0,
                                          min_lr = 0) {
  call_bridge(bridge$callback_reduce_lr_on_plateau)
}

#' Write each epoch's results to a CSV file
#'
#' @param filename The CSV file.
#' @param separator Field separator. Defaults to `","`.
#' @param append Append to an existing file instead of overwriting it. Defaults to `FALSE`.
#' @returns A Keras callback. The file has a header `epoch,<metrics>` and one row per epoch
#'   (0-based epochs, as in Keras 2.2.4).
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_csv_logger(file.path(tempdir(), "history.csv"))
#' }
#' @export
callback_csv_logger <- function(filename, separator = ",", append = FALSE) {
  call_bridge(bridge$callback_csv_logger)
}

#' Create a callback from functions
#'
#' Each argument is a function called at that moment: `on_epoch_*` with `(epoch, logs)` (0-based
#' epoch), the batch hooks with `(batch, logs)`, the others with `(logs)`; `logs` is a named list.
#' `on_batch_*` are the training batches.
#'
#' @param on_epoch_begin,on_epoch_end,on_batch_begin,on_batch_end,on_train_batch_begin,on_train_batch_end,on_train_begin,on_train_end,on_predict_batch_begin,on_predict_batch_end,on_predict_begin,on_predict_end,on_test_batch_begin,on_test_batch_end,on_test_begin,on_test_end
#'   Functions, or `NULL` (the default) for none.
#' @returns A Keras callback.
#' @family callbacks
#' @examples
#' \donttest{
#' cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat("epoch", epoch, logs$loss, "\n"))
#' }
#' @export
callback_lambda <- function(on_epoch_begin = NULL, on_epoch_end = NULL, on_batch_begin = NULL, on_batch_end = NULL,
                            on_train_batch_begin = NULL, on_train_batch_end = NULL, on_train_begin = NULL,
                            on_train_end = NULL, on_predict_batch_begin = NULL, on_predict_batch_end = NULL,
                            on_predict_begin = NULL, on_predict_end = NULL, on_test_batch_begin = NULL,
                            on_test_batch_end = NULL, on_test_begin = NULL, on_test_end = NULL) {
  call_bridge(bridge$callback_lambda)
}

#' Base class for custom callbacks
#'
#' An R6 class: inherit from it and define any of `on_epoch_begin(epoch, logs)`,
#' `on_epoch_end(epoch, logs)`, `on_batch_begin(batch, logs)`, `on_batch_end(batch, logs)`,
#' `on_train_begin(logs)`, `on_train_end(logs)` and the `on_test_*` / `on_predict_*` hooks
#' (`on_test_batch_end(batch, logs)`, `on_predict_begin(logs)`, ...). `self$params` (the training
#' parameters) and `self$model` are set before training, evaluation or prediction begins. Only the
#' methods you define are called, on R's thread.
#'
#' @format An [R6::R6Class] generator.
#' @family callbacks
#' @examples
#' \donttest{
#' LossHistory <- R6::R6Class("LossHistory", inherit = KerasCallback, public = list(
#'   losses = NULL,
#'   on_batch_end = function(batch, logs = list()) self$losses <- c(self$losses, logs[["loss"]])
#' ))
#' history <- LossHistory$new()
#' }
#' @export
KerasCallback <- R6::R6Class("KerasCallback",
  public = list(
    #' @field params The training parameters (epochs, steps, verbose), a named list.
    params = NULL,
    #' @field model The model being trained, evaluated or used to predict.
    model = NULL,
    #' @description Record the parameters and the model; called before each run.
    #' @param params The parameters, a named list.
    #' @param model The model.
    #' @return Ignored.
    set_context = function(params = NULL, model = NULL) {
      self$params <- params
      self$model <- model
    },
    #' @description At the start of an epoch.
    #' @param epoch The epoch, 0-based.
    #' @param logs A named list (empty here).
    #' @return Ignored.
    on_epoch_begin = function(epoch, logs = NULL) {},
    #' @description At the end of an epoch.
    #' @param epoch The epoch, 0-based.
    #' @param logs The epoch's loss and metrics (`val_*` with validation), a named list.
    #' @return Ignored.
    on_epoch_end = function(epoch, logs = NULL) {},
    #' @description Before a training batch.
    #' @param batch The batch within the epoch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_batch_begin = function(batch, logs = NULL) {},
    #' @description After a training batch.
    #' @param batch The batch within the epoch, 0-based.
    #' @param logs The batch's loss and metrics, a named list.
    #' @return Ignored.
    on_batch_end = function(batch, logs = NULL) {},
    #' @description Before a training batch (also calls `on_batch_begin` in Keras).
    #' @param batch The batch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_train_batch_begin = function(batch, logs = NULL) {},
    #' @description After a training batch.
    #' @param batch The batch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_train_batch_end = function(batch, logs = NULL) {},
    #' @description Before an evaluation batch.
    #' @param batch The batch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_test_batch_begin = function(batch, logs = NULL) {},
    #' @description After an evaluation batch.
    #' @param batch The batch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_test_batch_end = function(batch, logs = NULL) {},
    #' @description Before a prediction batch.
    #' @param batch The batch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_predict_batch_begin = function(batch, logs = NULL) {},
    #' @description After a prediction batch.
    #' @param batch The batch, 0-based.
    #' @param logs A named list.
    #' @return Ignored.
    on_predict_batch_end = function(batch, logs = NULL) {},
    #' @description When training starts.
    #' @param logs A named list.
    #' @return Ignored.
    on_train_begin = function(logs = NULL) {},
    #' @description When training ends.
    #' @param logs The last epoch's logs, a named list.
    #' @return Ignored.
    on_train_end = function(logs = NULL) {},
    #' @description When evaluation starts.
    #' @param logs A named list.
    #' @return Ignored.
    on_test_begin = function(logs = NULL) {},
    #' @description When evaluation ends.
    #' @param logs The evaluation's results, a named list.
    #' @return Ignored.
    on_test_end = function(logs = NULL) {},
    #' @description When prediction starts.
    #' @param logs A named list.
    #' @return Ignored.
    on_predict_begin = function(logs = NULL) {},
    #' @description When prediction ends.
    #' @param logs A named list.
    #' @return Ignored.
    on_predict_end = function(logs = NULL) {}
  )
)

callback_hooks <- c("on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end", "on_train_batch_begin",
                    "on_train_batch_end", "on_test_batch_begin", "on_test_batch_end", "on_predict_batch_begin",
                    "on_predict_batch_end", "on_train_begin", "on_train_end", "on_test_begin", "on_test_end",
                    "on_predict_begin", "on_predict_end")

# An R6 KerasCallback as a Python callback: only the methods the object overrides become hooks, so
# Keras does not call R for every batch of every moment.
r6_callback <- function(callback) {
  base <- KerasCallback$public_methods
  hooks <- list()
  for (name in callback_hooks) {
    method <- callback[[name]]
    if (is.function(method) && !identical(body(method), body(base[[name]]))) hooks[[name]] <- method
  }
  bridge$keras$callbacks$r_callback(hooks, set_context = callback$set_context)
}

# The `callbacks` argument as Keras wants it: NULL, or a list of Python callbacks (a lone callback,
# R6 or Python, is put in a list, as R keras 2.2.4 did).
normalize_callbacks <- function(callbacks) {
  if (is.null(callbacks)) return(NULL)
  if (inherits(callbacks, "KerasCallback") || inherits(callbacks, "python.builtin.object")) {
    callbacks <- list(callbacks)
  }
  lapply(callbacks, function(cb) if (inherits(cb, "KerasCallback")) r6_callback(cb) else cb)
}
