cb_data <- function(n = 40) {
  set.seed(5)
  x <- matrix(runif(n * 3), n, 3)
  list(x = x, y = rowSums(x))
}

cb_model <- function(lr = 0.05) {
  set_random_seed(1)
  model <- keras_model_sequential() %>% layer_dense(units = 4, input_shape = 3) %>% layer_dense(units = 1)
  model %>% compile(optimizer = tf$keras$optimizers$SGD(learning_rate = lr), loss = "mse")
  model
}

test_that("callback_lambda hooks fire with 0-based epochs and the epoch's logs", {
  d <- cb_data()
  events <- new.env()
  events$log <- list()
  add <- function(...) events$log[[length(events$log) + 1]] <- c(...)
  cb <- callback_lambda(
    on_train_begin = function(logs) add("train_begin"),
    on_epoch_end = function(epoch, logs) add("epoch_end", epoch, logs$loss),
    on_batch_end = function(batch, logs) add("batch_end", batch),
    on_predict_begin = function(logs) add("predict_begin")
  )
  history <- cb_model() %>% fit(d$x, d$y, epochs = 2, batch_size = 20, verbose = 0, callbacks = list(cb))
  kinds <- vapply(events$log, `[[`, "", 1)
  expect_equal(kinds, c("train_begin", "batch_end", "batch_end", "epoch_end", "batch_end", "batch_end", "epoch_end"))
  ends <- events$log[kinds == "epoch_end"]
  expect_equal(as.numeric(vapply(ends, `[[`, "", 2)), c(0, 1))
  expect_equal(as.numeric(vapply(ends, `[[`, "", 3)), history$metrics$loss, tolerance = 1e-5)
  expect_output(predict(cb_model(), d$x, callbacks = list(callback_lambda(on_predict_begin = function(logs)
    cat("Prediction Begin")))), "^Prediction Begin$")
})

test_that("an R6 KerasCallback gets its context and the batch losses; only its methods are called", {
  LossHistory <- R6::R6Class("LossHistory", inherit = KerasCallback, public = list(
    losses = NULL,
    epochs_seen = NULL,
    on_train_begin = function(logs) self$epochs_seen <- self$params$epochs,
    on_batch_end = function(batch, logs = list()) self$losses <- c(self$losses, logs[["loss"]])
  ))
  lh <- LossHistory$new()
  d <- cb_data()
  model <- cb_model()
  model %>% fit(d$x, d$y, epochs = 3, batch_size = 10, verbose = 0, callbacks = lh)
  expect_type(lh$losses, "double")
  expect_length(lh$losses, 12)
  expect_equal(lh$epochs_seen, 3)
  expect_identical(lh$model$name, model$name)
  OnPredict <- R6::R6Class("OnPredict", inherit = KerasCallback, public = list(
    on_predict_begin = function(logs) cat("PREDICT BEGIN"),
    on_predict_end = function(logs) cat("PREDICT END")))
  expect_output(predict(model, d$x, callbacks = OnPredict$new()), "PREDICT BEGINPREDICT END")
})

test_that("model checkpoints are HDF5 files named by 1-based epoch, every `period` epochs", {
  d <- cb_data()
  dir <- tempfile("ckpt")
  dir.create(dir)
  model <- cb_model()
  model %>% fit(d$x, d$y, epochs = 4, verbose = 0, callbacks = list(
    callback_model_checkpoint(file.path(dir, "weights.{epoch:02d}.h5"), monitor = "loss", period = 2)))
  expect_equal(sort(list.files(dir)), c("weights.02.h5", "weights.04.h5"))
  last <- load_model_hdf5(file.path(dir, "weights.04.h5"))
  expect_equal(predict(last, d$x), predict(model, d$x), tolerance = 1e-5)
  expect_error(callback_model_checkpoint(file.path(dir, "w.h5"), mode = "lowest"), class = "python.builtin.ValueError")
})

test_that("learning rate schedule of one or two arguments; plateau reduction; NaN stop", {
  d <- cb_data()
  model <- cb_model()
  history <- model %>% fit(d$x, d$y, epochs = 3, verbose = 0,
                           callbacks = list(callback_learning_rate_scheduler(function(epoch) 0.1 / (epoch + 1))))
  expect_equal(history$metrics$lr, c(0.1, 0.05, 0.1 / 3), tolerance = 1e-6)
  history <- model %>% fit(d$x, d$y, epochs = 2, verbose = 0,
                           callbacks = list(callback_learning_rate_scheduler(function(index, ...) 0.01)))
  expect_equal(history$metrics$lr, c(0.01, 0.01), tolerance = 1e-6)
  flat <- cb_model(lr = 1e-9)
  history <- flat %>% fit(d$x, d$y, epochs = 4, verbose = 0, callbacks = list(
    callback_reduce_lr_on_plateau(monitor = "loss", factor = 0.5, patience = 1, min_delta = 1)))
  expect_lt(tail(history$metrics$lr, 1), history$metrics$lr[[1]])
  bad <- cb_model(lr = 1e30)
  history <- bad %>% fit(d$x * 1e10, d$y, epochs = 5, batch_size = 10, verbose = 0,
                         callbacks = list(callback_terminate_on_naan()))
  expect_length(history$metrics$loss, 1)
})

test_that("csv logger and tensorboard write what the history holds", {
  d <- cb_data()
  csv <- tempfile(fileext = ".csv")
  logs <- tempfile("tb")
  history <- cb_model() %>% fit(d$x, d$y, epochs = 3, verbose = 0, callbacks = list(
    callback_csv_logger(csv), callback_tensorboard(log_dir = logs)))
  rows <- read.csv(csv)
  expect_equal(rows$epoch, 0:2)
  expect_equal(rows$loss, history$metrics$loss, tolerance = 1e-5)
  expect_true(length(list.files(file.path(logs, "train"), pattern = "^events")) == 1)
  expect_error(callback_tensorboard(write_grads = TRUE), class = "rkeras_bridge.bridge.errors.UnavailableError")
})

test_that("other callbacks build and bad input is refused with the argument named", {
  expect_s3_class(callback_progbar_logger(), "keras.src.callbacks.progbar_logger.ProgbarLogger")
  expect_s3_class(callback_remote_monitor(), "keras.src.callbacks.remote_monitor.RemoteMonitor")
  expect_error(callback_csv_logger(NA_character_), class = "python.builtin.ValueError")
  expect_error(callback_early_stopping(patience = NA), class = "python.builtin.ValueError")
  expect_error(callback_reduce_lr_on_plateau(factor = 2), "factor")
  d <- cb_data()
  expect_error(cb_model() %>% fit(d$x, d$y, epochs = 1, verbose = 0, callbacks = list("stop")),
               "callbacks\\[\\[1\\]\\]")
})
