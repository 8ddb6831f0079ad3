#' Parse a case study's command line (`--steps N --seed S --out FILE`)
#'
#' @param args Command-line arguments. Defaults to `commandArgs(trailingOnly = TRUE)`.
#' @param default_seed Seed when `--seed` is absent. Defaults to `42`.
#' @returns A list with `steps` (`NULL`: the full case study), `epochs`, `seed`, `out`, `resume`,
#'   `checkpoint_every`, `eager` (`--eager`: run the training step uncompiled) and `data`
#'   (`--data PATH`: the data file of cases that read one).
#' @examples
#' \donttest{
#' case_args(c("--steps", "5"))
#' }
#' @export
case_args <- function(args = commandArgs(trailingOnly = TRUE), default_seed = 42L) {
  bridge$tools$runs$case_args(as.list(args), default_seed = default_seed)
}

#' Record a case study's run as JSON (for the parity harness)
#'
#' @param args What [case_args()] returned.
#' @param case The case study's name.
#' @param losses Per-step losses (a numeric vector, or a named list of them).
#' @param metrics Named list of final figures. Defaults to `list()`.
#' @param timings Named list of wall-clock figures (recorded, never compared). Defaults to `list()`.
#' @returns The record, invisibly.
#' @examples
#' \donttest{
#' write_run(case_args(c("--out", tempfile(fileext = ".json"))), "basic_loop", losses = c(1.2, 0.9))
#' }
#' @export
write_run <- function(args, case, losses, metrics = list(), timings = list()) {
  versions <- list(R = paste(R.version$major, R.version$minor, sep = "."),
                   reticulate = as.character(utils::packageVersion("reticulate")),
                   rkerasbridge = as.character(utils::packageVersion("rkerasbridge")))
  invisible(bridge$tools$runs$write_run(args, case, "r", as.list(losses), metrics, versions, timings))
}

#' Time every training batch of `fit()`
#'
#' A Keras callback for `fit(callbacks = list(...))` that records how long each batch took, so a
#' case study can report seconds per step next to the twins that run their own loop.
#'
#' @returns A callback with `seconds` (one entry per batch) and `seconds_per_step()` (their median,
#'   the first, traced, batch left out; `NULL` before any batch).
#' @examples
#' \donttest{
#' timer <- step_timer()
#' timer$seconds_per_step()
#' }
#' @export
step_timer <- function() {
  bridge$tools$runs$step_timer()
}
