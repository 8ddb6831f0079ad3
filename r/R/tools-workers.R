#' Helpers for distributed worker scripts
#'
#' `worker_args()` parses a worker's command line (the same flags as the Python twin's:
#' `--workers h:p,h:p --index I --strategy multi_worker|mirrored|default --steps N --seed S
#' --global-batch B --timeout T --out FILE`); `worker_strategy()` builds the strategy it asks
#' for (without `--workers`, TensorFlow's default strategy: no distribution, the single-process
#' reference); `write_worker_run()` records the per-step losses as JSON.
#'
#' @param args For `worker_args()`: command-line arguments. Defaults to
#'   `commandArgs(trailingOnly = TRUE)`. For the others: what `worker_args()` returned.
#' @returns `worker_args()`: a list with `workers` (`NULL` for a single process), `index`,
#'   `strategy`, `steps`, `seed`, `global_batch`, `timeout`, `out`.
#' @examples
#' \donttest{
#' args <- worker_args(c("--steps", "3"))
#' strategy <- worker_strategy(args)  # the default strategy: one process
#' write_worker_run(tempfile(fileext = ".json"), "basic_loop", c(1.5, 1.2, 1), args, strategy)
#' }
#' @export
worker_args <- function(args = commandArgs(trailingOnly = TRUE)) {
  bridge$tools$workers$worker_args(argv = as.list(args))
}

#' @rdname worker_args
#' @returns `worker_strategy()`: the strategy.
#' @export
worker_strategy <- function(args) {
  bridge$tools$workers$worker_strategy(args = args)
}

#' @rdname worker_args
#' @param out The JSON file to write (`NULL`: nothing is written).
#' @param case The case's name, e.g. `"basic_loop"`.
#' @param losses Per-step losses: a numeric vector, or a named list of them.
#' @param strategy The strategy (to record the number of replicas). Defaults to `NULL`.
#' @param timings Named list of seconds. Defaults to `NULL`.
#' @returns `write_worker_run()`: the record, invisibly.
#' @export
write_worker_run <- function(out, case, losses, args, strategy = NULL, timings = NULL) {
  losses <- if (is.list(losses)) lapply(losses, as.list) else as.list(losses)
  invisible(bridge$tools$workers$write_worker_run(out = out, case = case, lang = "r", losses = losses,
                                               args = args, strategy = strategy, timings = timings))
}
