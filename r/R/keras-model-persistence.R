# R keras 2.2.4's model persistence (R/model-persistence.R); the work is in
# rkeras_bridge/keras/model_persistence.py (Keras's legacy HDF5 format, atomic writes).

# custom_objects as Python sees them: a named list, each R function named after its entry so that
# Keras finds it under the name the model was saved with (as R keras 2.2.4 did).
named_custom_objects <- function(objects) {
  if (is.null(objects)) return(NULL)
  objects <- as.list(objects)
  if (is.null(names(objects)) || any(!nzchar(names(objects)))) {
    stop("Invalid value for argument `custom_objects`: expected a named list such as ",
         "c(mean_pred = metric_mean_pred). Received: entries without names", call. = FALSE)
  }
  for (name in names(objects)) {
    f <- objects[[name]]
    if (is.function(f) && !inherits(f, "python.builtin.object")) {
      attr(f, "py_function_name") <- name
      objects[[name]] <- f
    }
  }
  objects
}

#' Save and load a whole model as an HDF5 file
#'
#' The file holds the architecture, the weights, the compile settings and the optimizer's state
#' (Keras's legacy HDF5 format, as Keras 2.2.4 wrote it), written atomically. A
#' [keras_model_custom()] model has no architecture to save (Keras 2.2.4 refused it too): save its
#' weights with [save_model_weights_hdf5()].
#'
#' @param object A functional or sequential model.
#' @param filepath The file.
#' @param overwrite Replace an existing file (otherwise an error). Defaults to `TRUE`.
#' @param include_optimizer Save the optimizer's state too. Defaults to `TRUE`.
#' @param custom_objects A named list of the custom losses, metrics and layers the model uses, under
#'   the names they were saved with, e.g. `c(mean_pred = metric_mean_pred, custom_loss = custom_loss)`.
#'   Defaults to `NULL`.
#' @param compile Compile the loaded model with the saved settings. Defaults to `TRUE`.
#' @returns `save_model_hdf5()`: the model, invisibly. `load_model_hdf5()`: the model.
#' @family model persistence
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model %>% compile(loss = "mse", optimizer = "adam")
#' path <- tempfile(fileext = ".h5")
#' save_model_hdf5(model, path)
#' model2 <- load_model_hdf5(path)
#' }
#' @export
save_model_hdf5 <- function(object, filepath, overwrite = TRUE, include_optimizer = TRUE) {
  invisible(call_bridge(bridge$save_model_hdf5))
}

#' @rdname save_model_hdf5
#' @export
load_model_hdf5 <- function(filepath, custom_objects = NULL, compile = TRUE) {
  custom_objects <- named_custom_objects(custom_objects)
  call_bridge(bridge$load_model_hdf5)
}

#' Save and load model weights as an HDF5 file
#'
#' Layer by layer, in Keras 2.2.4's format; written atomically.
#'
#' @param object A model.
#' @param filepath The file.
#' @param overwrite Replace an existing file. Defaults to `TRUE`.
#' @param by_name Match layers by name instead of by order. Defaults to `FALSE`.
#' @param skip_mismatch With `by_name`, skip layers whose weights do not fit (with a warning).
#'   Defaults to `FALSE`.
#' @param reshape Reshape saved weights to the layers' shapes when the number of values agrees.
#'   Defaults to `FALSE`.
#' @returns The model, invisibly.
#' @family model persistence
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' path <- tempfile(fileext = ".h5")
#' save_model_weights_hdf5(model, path)
#' load_model_weights_hdf5(model, path)
#' }
#' @export
save_model_weights_hdf5 <- function(object, filepath, overwrite = TRUE) {
  invisible(call_bridge(bridge$save_model_weights_hdf5))
}

#' @rdname save_model_weights_hdf5
#' @export
load_model_weights_hdf5 <- function(object, filepath, by_name = FALSE, skip_mismatch = FALSE, reshape = FALSE) {
  invisible(call_bridge(bridge$load_model_weights_hdf5))
}

#' Model architecture as JSON or YAML
#'
#' The architecture only (no weights, no compile settings); `model_from_json()` /
#' `model_from_yaml()` build a new model with fresh weights. YAML needs the Python package PyYAML
#' (Keras 3 dropped YAML); without it the YAML functions raise a classed error
#' (`rkeras_bridge.bridge.errors.UnavailableError`) that points to JSON.
#'
#' @param object A functional or sequential model.
#' @param json,yaml The string.
#' @param custom_objects A named list of custom layers and functions. Defaults to `NULL`.
#' @returns `model_to_json()`, `model_to_yaml()`: a string. `model_from_*()`: the model.
#' @family model persistence
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model2 <- model_from_json(model_to_json(model))
#' }
#' @export
model_to_json <- function(object) {
  bridge$model_to_json(object)
}

#' @rdname model_to_json
#' @export
model_from_json <- function(json, custom_objects = NULL) {
  bridge$model_from_json(json, custom_objects = named_custom_objects(custom_objects))
}

#' @rdname model_to_json
#' @export
model_to_yaml <- function(object) {
  bridge$model_to_yaml(object)
}

#' @rdname model_to_json
#' @export
model_from_yaml <- function(yaml, custom_objects = NULL) {
  bridge$model_from_yaml(yaml, custom_objects = named_custom_objects(custom_objects))
}

#' Serialize a model to an R raw vector
#'
#' The bytes of the HDF5 file [save_model_hdf5()] writes, e.g. to keep a model in an `.rds` file
#' with other R objects.
#'
#' @param model A functional or sequential model (`unserialize_model()`: the raw vector).
#' @param include_optimizer Include the optimizer's state. Defaults to `TRUE`.
#' @param custom_objects A named list of custom objects. Defaults to `NULL`.
#' @param compile Compile the model with the saved settings. Defaults to `TRUE`.
#' @returns `serialize_model()`: a raw vector. `unserialize_model()`: the model.
#' @family model persistence
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' model2 <- unserialize_model(serialize_model(model))
#' }
#' @export
serialize_model <- function(model, include_optimizer = TRUE) {
  bytes <- bridge$serialize_model(model, include_optimizer = include_optimizer)
  # Python bytes reach R unconverted; through a NumPy view they become an R vector, then raw.
  as.raw(reticulate::py_to_r(reticulate::import("numpy", convert = FALSE)$frombuffer(bytes, dtype = "uint8")))
}

#' @rdname serialize_model
#' @export
unserialize_model <- function(model, custom_objects = NULL, compile = TRUE) {
  bridge$unserialize_model(model, custom_objects = named_custom_objects(custom_objects), compile = compile)
}

#' Export a model as a TensorFlow SavedModel, and load it back
#'
#' `model_to_saved_model()` writes a SavedModel with the model's serving function (`serve`,
#' `serving_default`), as TF 1.14's `export_saved_model()` did, plus the architecture in
#' `assets/saved_model.json`; `model_from_saved_model()` rebuilds the Keras model from both (not
#' compiled). TensorFlow 2 SavedModels have no separate training and evaluation graphs, so
#' `serving_only` changes nothing.
#'
#' @param model A functional or sequential model.
#' @param saved_model_path The SavedModel's folder: new, or existing and empty.
#' @param custom_objects A named list of custom layers and functions. Defaults to `NULL`.
#' @param as_text Write `saved_model.pbtxt` instead of `saved_model.pb`. Defaults to `FALSE`.
#' @param input_signature A list of `tf$TensorSpec` for the inputs. Defaults to `NULL` (the model's).
#' @param serving_only TF 1.14 also exported training/evaluation graphs unless `TRUE`. Defaults to
#'   `FALSE`.
#' @returns `model_to_saved_model()`: the folder, invisibly. `model_from_saved_model()`: the model.
#' @family model persistence
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#' path <- file.path(tempdir(), "exported")
#' model_to_saved_model(model, path)
#' model2 <- model_from_saved_model(path)
#' }
#' @export
model_to_saved_model <- function(model, saved_model_path, custom_objects = NULL, as_text = FALSE,
                                 input_signature = NULL, serving_only = FALSE) {
  custom_objects <- named_custom_objects(custom_objects)
  invisible(call_bridge(bridge$model_to_saved_model))
}

#' @rdname model_to_saved_model
#' @export
model_from_saved_model <- function(saved_model_path, custom_objects = NULL) {
  custom_objects <- named_custom_objects(custom_objects)
  call_bridge(bridge$model_from_saved_model)
}

#' Evaluate code with custom objects known by name
#'
#' Inside `expr`, [load_model_hdf5()] and friends find these objects without `custom_objects`.
#'
#' @param objects A named list of custom objects, e.g. `c(mean_pred = metric_mean_pred)`.
#' @param expr The code to evaluate.
#' @returns The value of `expr`.
#' @family model persistence
#' @examples
#' \donttest{
#' metric_mean_pred <- custom_metric("mean_pred", function(y_true, y_pred) k_mean(y_pred))
#' with_custom_object_scope(c(mean_pred = metric_mean_pred), {
#'   model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = c(3))
#'   model %>% compile(loss = "mse", optimizer = "sgd", metrics = metric_mean_pred)
#'   path <- tempfile(fileext = ".h5")
#'   save_model_hdf5(model, path)
#'   model <- load_model_hdf5(path)
#' })
#' }
#' @export
with_custom_object_scope <- function(objects, expr) {
  with(bridge$with_custom_object_scope(named_custom_objects(objects)), expr)
}
