#' Show the progress of a training loop
#'
#' A Keras `Progbar` when standard output is a terminal, plain periodic lines otherwise (CI logs,
#' `Rscript ... > log`), drawn by the same Python code as in the Python case studies, so both
#' languages print the same display. It plays the role of the `progress` package's
#' `progress_bar$new()`.
#'
#' @param total Number of steps, or `NULL` when unknown. Defaults to `NULL`.
#' @param title Shown before the figures (e.g. `"epoch 3"`). Defaults to `""`.
#' @param every Off a terminal, print a line every this many steps. Defaults to `NULL` (a tenth
#'   of `total`, or every 10 steps).
#' @param interactive `TRUE` forces the redrawing bar, `FALSE` the plain lines. Defaults to `NULL`
#'   (a bar on a terminal).
#' @returns A Python object with `tick(values, n = 1)` and `close(values)`; `values` is a named
#'   list of numbers such as `list(loss = 0.7)`.
#' @examples
#' \donttest{
#' bar <- progress_bar(total = 3, title = "epoch 1", interactive = FALSE)
#' for (loss in c(0.9, 0.8, 0.7)) bar$tick(list(loss = loss))
#' bar$close()
#' }
#' @export
progress_bar <- function(total = NULL, title = "", every = NULL, interactive = NULL) {
  call_bridge(bridge$tools$progress$progress_bar)
}
