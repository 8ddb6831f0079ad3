# SavedModels (rkeras_bridge/tensorflow/savedmodel.py): export_savedmodel() and view_savedmodel().

#' Export a model as a SavedModel
#'
#' A Keras model is exported with its serving endpoint (`serve`, what TensorFlow Serving loads), a
#' `tf$Module` with `tf$saved_model$save()`. A TF1 session, which R tensorflow 1.13 exported, is an
#' error of class `rkeras_bridge.bridge.errors.UnavailableError`: TensorFlow 2 has no sessions.
#'
#' @param object A Keras model or a `tf$Module`.
#' @param export_dir_base The folder to write.
#' @param ... `overwrite` (replace an existing folder; defaults to `TRUE`) and `versioned` (write
#'   into a sub-folder named by the time; defaults to `!overwrite`).
#' @returns The absolute path of the folder written, invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential(list(layer_dense(units = 1, input_shape = 3)))
#' path <- export_savedmodel(model, file.path(tempdir(), "exported"))
#' view_savedmodel(path)
#' }
#' @export
export_savedmodel <- function(object, export_dir_base, ...) {
  UseMethod("export_savedmodel")
}

#' @rdname export_savedmodel
#' @export
export_savedmodel.default <- function(object, export_dir_base, ...) {
  invisible(bridge$export_savedmodel(object, export_dir_base, ...))
}

#' Show the signatures of a SavedModel
#'
#' @param model_dir The folder of a SavedModel.
#' @returns The description (each signature's inputs and outputs, with dtypes and shapes; `-1` is a
#'   dimension of any size), printed and returned invisibly.
#' @examples
#' \donttest{
#' model <- keras_model_sequential(list(layer_dense(units = 1, input_shape = 3)))
#' view_savedmodel(export_savedmodel(model, file.path(tempdir(), "exported")))
#' }
#' @export
view_savedmodel <- function(model_dir) {
  text <- bridge$view_savedmodel(model_dir)
  cat(text, "\n", sep = "")
  invisible(text)
}
