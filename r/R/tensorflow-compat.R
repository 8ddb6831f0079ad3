#' Enable eager execution (does nothing: TensorFlow 2 is always eager)
#'
#' Kept so that 2018 scripts starting with `tfe_enable_eager_execution()` run unchanged.
#'
#' @param ... Ignored (the TF1 `device_policy`, `config`, ... arguments).
#' @returns `NULL`, invisibly.
#' @examples
#' tfe_enable_eager_execution(device_policy = "silent")
#' @export
tfe_enable_eager_execution <- function(...) {
  invisible(NULL)
}
