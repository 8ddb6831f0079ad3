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
  # As R keras 2.2.4: an R loss function is named after the variable it was passed as, and a
  # metric function after its name in the list, so that a saved model records these names and
  # load_model_hdf5(custom_objects = c(custom_loss = custom_loss)) finds them.
  if (!missing(loss)) loss <- name_r_function(loss, deparse(substitute(loss)))
  if (is.list(metrics) && !is.null(names(metrics))) {
    metrics <- Map(name_r_function, metrics, names(metrics))
  }
  invisible(call_bridge(bridge$compile))
}

name_r_function <- function(f, name) {
  if (is.function(f) && !inherits(f, "python.builtin.object") && is.null(attr(f, "py_function_name")) &&
      length(name) == 1 && nzchar(name) && identical(make.names(name), name)) {
    attr(f, "py_function_name") <- name
  }
  f
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
#' @returns The history, of class `keras_training_history`: `list(params = list(...), metrics =
#'   list(loss = c(...), ...))`; `print()`, `plot()` and `as.data.frame()` show it.
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
  # R keras and tfdatasets shared one fit(): fit(spec, dataset) fits a feature spec (fit.FeatureSpec)
  if (!missing(object) && inherits(object, "rkeras_bridge.tfdatasets.feature_spec.FeatureSpec")) {
    return(fit_feature_spec(object, x))
  }
  x <- vectors_as_arrays(x)
  y <- vectors_as_arrays(y)
  validation_data <- vectors_as_arrays(validation_data)
  sample_weight <- vectors_as_arrays(sample_weight)
  callbacks <- normalize_callbacks(callbacks)
  training_history(call_bridge(bridge$fit))
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
  callbacks <- normalize_callbacks(callbacks)
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
  callbacks <- normalize_callbacks(callbacks)
  call_bridge(bridge$predict)
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

#' Train, test or predict on one batch
#'
#' `train_on_batch()` makes one gradient update; `test_on_batch()` computes the loss and metrics
#' without updating; `predict_on_batch()` returns the outputs. Each works on the whole of `x` as
#' one batch.
#'
#' @param object A model (compiled, for training and testing).
#' @param x Inputs of the batch: an array or a list of arrays.
#' @param y Targets of the batch.
#' @param class_weight Named list from class index to weight. Defaults to `NULL`.
#' @param sample_weight Per-example weights. Defaults to `NULL`.
#' @returns `train_on_batch()`, `test_on_batch()`: the batch's loss, or a list of the loss and the
#'   metrics when the model has metrics or several outputs. `predict_on_batch()`: an array (a list
#'   of arrays for several outputs).
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "sgd")
#' x <- matrix(runif(30), 10); y <- rowSums(x)
#' train_on_batch(model, x, y)
#' test_on_batch(model, x, y)
#' predict_on_batch(model, x)
#' }
#' @export
train_on_batch <- function(object, x, y, class_weight = NULL, sample_weight = NULL) {
  x <- vectors_as_arrays(x)
  y <- vectors_as_arrays(y)
  sample_weight <- vectors_as_arrays(sample_weight)
  call_bridge(bridge$train_on_batch)
}

#' @rdname train_on_batch
#' @export
test_on_batch <- function(object, x, y, sample_weight = NULL) {
  x <- vectors_as_arrays(x)
  y <- vectors_as_arrays(y)
  sample_weight <- vectors_as_arrays(sample_weight)
  call_bridge(bridge$test_on_batch)
}

#' @rdname train_on_batch
#' @export
predict_on_batch <- function(object, x) {
  x <- vectors_as_arrays(x)
  call_bridge(bridge$predict_on_batch)
}

#' Class probabilities and classes from a sequential model
#'
#' `predict_proba()` returns the predictions, with a warning when they are not in \[0, 1\];
#' `predict_classes()` returns the index (0-based) of the largest output, or `output > 0.5` for a
#' model with one output unit. Keras 2.2.4 had both for sequential models only.
#'
#' @inheritParams predict.keras.src.models.model.Model
#' @param object A sequential model.
#' @returns `predict_proba()`: an array. `predict_classes()`: an integer array, one class per example.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 3, input_shape = c(4), activation = "softmax")
#' x <- matrix(runif(20), 5)
#' predict_proba(model, x)
#' predict_classes(model, x)
#' }
#' @export
predict_proba <- function(object, x, batch_size = NULL, verbose = 0, steps = NULL) {
  x <- vectors_as_arrays(x)
  call_bridge(bridge$predict_proba)
}

#' @rdname predict_proba
#' @export
predict_classes <- function(object, x, batch_size = NULL, verbose = 0, steps = NULL) {
  x <- vectors_as_arrays(x)
  call_bridge(bridge$predict_classes)
}

#' Print a summary of a Keras model
#'
#' `summary()` prints the table of layers, output shapes and parameter counts; `format()` returns
#' it as a string; `print()` prints it (a model with no layers yet prints as a Python object).
#'
#' @param object,x The model.
#' @param line_length Width of the table. Defaults to `getOption("width")`.
#' @param positions Relative or absolute positions of the column ends. Defaults to `NULL`.
#' @param ... Not used.
#' @returns `summary()`, `print()`: the model, invisibly. `format()`: the summary, a string.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' summary(model)
#' }
#' @method summary keras.src.models.model.Model
#' @rawNamespace S3method(summary, keras.src.models.model.Model)
summary.keras.src.models.model.Model <- function(object, line_length = getOption("width"), positions = NULL, ...) {
  cat(format.keras.src.models.model.Model(object, line_length = line_length, positions = positions), "\n", sep = "")
  invisible(object)
}

#' @rdname summary.keras.src.models.model.Model
#' @method format keras.src.models.model.Model
#' @rawNamespace S3method(format, keras.src.models.model.Model)
format.keras.src.models.model.Model <- function(x, line_length = getOption("width"), positions = NULL, ...) {
  bridge$summary(x, line_length = line_length, positions = positions)
}

#' @rdname summary.keras.src.models.model.Model
#' @method print keras.src.models.model.Model
#' @rawNamespace S3method(print, keras.src.models.model.Model)
print.keras.src.models.model.Model <- function(x, ...) {
  if (length(x$layers) == 0) return(invisible(NextMethod()))
  summary.keras.src.models.model.Model(x, ...)
}

#' Remove the last layer of a sequential model
#'
#' @param object A sequential model.
#' @returns The model, changed in place, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 4, input_shape = c(3)) %>% layer_dense(units = 1)
#' pop_layer(model)
#' length(model$layers)  # 1
#' }
#' @export
pop_layer <- function(object) {
  invisible(bridge$pop_layer(object))
}

#' Clone a model
#'
#' A new model of the same architecture with freshly initialised weights (not copied); not
#' compiled. Sequential and functional models only.
#'
#' @param model The model.
#' @param input_tensors Input tensors to build the clone on. Defaults to `NULL` (new inputs).
#' @returns The new model.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model2 <- clone_model(model)
#' }
#' @export
clone_model <- function(model, input_tensors = NULL) {
  bridge$clone_model(model, input_tensors = input_tensors)
}

#' Replicate a model on several GPUs (not available)
#'
#' Keras 3 removed `multi_gpu_model()`, which sliced each batch across copies of a TF 1 graph. It
#' raises a classed error (`rkeras_bridge.bridge.errors.UnavailableError`) saying what to use
#' instead: build and compile the model in the scope of [mirrored_strategy()]
#' (`tf$distribute$MirroredStrategy()`); `fit()` then uses every GPU.
#'
#' @param model The model.
#' @param gpus Number of GPUs or their indices. Defaults to `NULL`.
#' @param cpu_merge Merge the outputs on the CPU. Defaults to `TRUE`.
#' @param cpu_relocation Build the weights on the CPU. Defaults to `FALSE`.
#' @returns Nothing: always an error.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' try(multi_gpu_model(model, gpus = 2))
#' }
#' @export
multi_gpu_model <- function(model, gpus = NULL, cpu_merge = TRUE, cpu_relocation = FALSE) {
  call_bridge(bridge$multi_gpu_model)
}

# ---- The training history (R keras 2.2.4's keras_training_history) -----------------------------------

# Columns of as.data.frame(history), named in ggplot2::aes().
utils::globalVariables(c("epoch", "value", "metric"))

training_history <- function(history) {
  structure(history, class = "keras_training_history")
}

#' Print, plot and convert a training history
#'
#' `fit()` and `fit_generator()` return a `keras_training_history`: `params` (epochs, steps,
#' samples, batch size, validation) and `metrics` (one value per epoch for each metric).
#' `print()` shows the settings and the final epoch's metrics; `as.data.frame()` gives one row per
#' epoch and metric (columns `epoch`, `value`, `metric`, `data` = `"training"`/`"validation"`);
#' `plot()` draws each metric against the epoch, training and validation together, with ggplot2
#' when it is installed and base graphics otherwise.
#'
#' @param x The history.
#' @param y Not used.
#' @param metrics Names of the metrics to plot. Defaults to `NULL` (all).
#' @param method `"auto"` (ggplot2 if installed), `"ggplot2"` or `"base"`.
#' @param smooth Add a smoothed line (ggplot2, with 10 epochs or more). Defaults to
#'   `getOption("keras.plot.history.smooth", TRUE)`.
#' @param theme_bw Use ggplot2's `theme_bw()`. Defaults to `FALSE`.
#' @param row.names,optional Not used.
#' @param ... Further arguments for the plotting functions.
#' @returns `print()`, `plot()` with base graphics: `x`, invisibly; `plot()` with ggplot2: the plot.
#'   `as.data.frame()`: a data frame.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "sgd")
#' x <- matrix(runif(300), 100); y <- rowSums(x)
#' history <- model %>% fit(x, y, epochs = 3, validation_split = 0.2, verbose = 0)
#' history
#' as.data.frame(history)
#' plot(history, method = "base")
#' }
#' @export
print.keras_training_history <- function(x, ...) {
  params <- x$params
  epochs <- length(x$metrics[[1]])
  validate <- if (isTRUE(params$do_validation) && !is.null(params$validation_samples)) {
    paste0(", validated on ", params$validation_samples, " samples")
  } else {
    ""
  }
  trained <- if (!is.null(params$samples)) {
    paste0("Trained on ", params$samples, " samples", validate, " (batch_size=",
           if (is.null(params$batch_size)) "NULL" else params$batch_size, ", epochs=", epochs, ")")
  } else {
    paste0("Trained on ", params$steps, " steps per epoch", if (isTRUE(params$do_validation)) ", validated" else "",
           " (epochs=", epochs, ")")
  }
  cat(trained, "\n", sep = "")
  if (epochs > 0) {
    last <- vapply(x$metrics, function(values) values[[length(values)]], numeric(1))
    labels <- formatC(names(last), width = max(nchar(names(last))))
    cat("Final epoch (plot to see history):\n")
    cat(paste0(labels, ": ", prettyNum(last, format = "fg", digits = 4), collapse = "\n"), "\n", sep = "")
  }
  invisible(x)
}

#' @rdname print.keras_training_history
#' @export
as.data.frame.keras_training_history <- function(x, row.names = NULL, optional = FALSE, ...) {
  names <- names(x$metrics)
  epochs <- length(x$metrics[[1]])
  validation <- startsWith(names, "val_")
  metric <- ifelse(validation, substring(names, 5), names)
  df <- data.frame(
    epoch = rep(seq_len(epochs), length(names)),
    value = unlist(lapply(x$metrics, function(v) c(v, rep(NA_real_, epochs - length(v)))), use.names = FALSE),
    metric = rep(metric, each = epochs),
    data = rep(ifelse(validation, "validation", "training"), each = epochs),
    stringsAsFactors = FALSE
  )
  df$metric <- factor(df$metric, levels = unique(metric))
  df$data <- factor(df$data, levels = c("training", "validation"))
  df
}

#' @rdname print.keras_training_history
#' @importFrom graphics legend lines par plot
#' @export
plot.keras_training_history <- function(x, y, metrics = NULL, method = c("auto", "ggplot2", "base"),
                                        smooth = getOption("keras.plot.history.smooth", TRUE), theme_bw = FALSE,
                                        ...) {
  method <- match.arg(method)
  df <- as.data.frame(x)
  if (is.null(metrics)) metrics <- levels(df$metric)
  unknown <- setdiff(metrics, levels(df$metric))
  if (length(unknown)) {
    stop("Invalid value for argument `metrics`: expected names of the history's metrics (",
         paste(levels(df$metric), collapse = ", "), "). Received: metrics=", paste(unknown, collapse = ", "),
         call. = FALSE)
  }
  df <- df[df$metric %in% metrics, , drop = FALSE]
  df$metric <- droplevels(df$metric)
  if (method == "auto") method <- if (requireNamespace("ggplot2", quietly = TRUE)) "ggplot2" else "base"
  if (method == "ggplot2") {
    if (!requireNamespace("ggplot2", quietly = TRUE)) stop("method = \"ggplot2\" needs the ggplot2 package", call. = FALSE)
    do_validation <- any(df$data == "validation")
    p <- ggplot2::ggplot(df, ggplot2::aes(x = epoch, y = value, colour = data, fill = data)) +
      ggplot2::facet_grid(metric ~ ., switch = "y", scales = "free_y")
    if (isTRUE(smooth) && max(df$epoch) >= 10) {
      p <- p + ggplot2::geom_point(shape = 21, col = 1, na.rm = TRUE) +
        ggplot2::geom_smooth(se = FALSE, method = "loess", formula = y ~ x, na.rm = TRUE)
    } else {
      p <- p + ggplot2::geom_point(shape = 21, col = 1, na.rm = TRUE) + ggplot2::geom_line(na.rm = TRUE)
    }
    if (isTRUE(theme_bw)) p <- p + ggplot2::theme_bw()
    p <- p + ggplot2::theme(axis.title.y = ggplot2::element_blank(), strip.placement = "outside",
                            strip.text = ggplot2::element_text(colour = "black", size = 11),
                            strip.background = ggplot2::element_rect(fill = NA, colour = NA))
    if (!do_validation) p <- p + ggplot2::theme(legend.position = "none")
    return(p)
  }
  metric_names <- levels(df$metric)
  op <- par(mfrow = c(length(metric_names), 1), mar = c(3, 3, 2, 2))
  on.exit(par(op), add = TRUE)
  for (m in metric_names) {
    d <- df[df$metric == m, , drop = FALSE]
    train <- d[d$data == "training", , drop = FALSE]
    valid <- d[d$data == "validation", , drop = FALSE]
    plot(train$epoch, train$value, type = "o", pch = 16, col = "#F8766D", main = m, xlab = "epoch", ylab = m,
         ylim = range(d$value, na.rm = TRUE), ...)
    if (nrow(valid)) {
      lines(valid$epoch, valid$value, type = "o", pch = 16, col = "#00BFC4")
      legend("topright", legend = c("training", "validation"), col = c("#F8766D", "#00BFC4"), pch = 16,
             bty = "n")
    }
  }
  invisible(x)
}
