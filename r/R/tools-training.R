#' A case study's training run: arguments, seed, crash safety, step timing, the run record
#'
#' The harness of a case study in one object, so the example reads like the article it ports:
#' `training_run()` parses the command line ([case_args()]) and seeds everything
#' ([set_random_seed()]); `run$protect(...)` keeps the named objects safe (a checkpoint every
#' `--checkpoint-every` steps next to `--out`, `--resume` from the latest, a final checkpoint on
#' Ctrl-C); `run$set_steps_per_epoch(n)` says how long an epoch is where that is known only once the
#' data are read; `run$epochs(dataset)` gives the epochs still to run; `run$track(iter, epoch)` makes the
#' epoch's iterator resumable and ends it at `--steps`; `run$step(train_step, ...)` runs, times and
#' records one step; `run$finish(metrics)` writes the run record ([write_run()]).
#'
#' Everything else (`run$args`, `run$seed`, `run$steps_done`, `run$first_step`, `run$losses`,
#' `run$epoch_mean()`, `run$last()`, `run$max_steps`) is the Python object's
#' (`rkeras_bridge.tools.training.TrainingRun`).
#'
#' @param case The case study's name (the run record's `case`).
#' @param epochs The case's number of epochs when `--epochs` is not given. Defaults to `NULL` (1).
#' @param steps_per_epoch Steps in one epoch, for `--resume` and `--steps`. Defaults to `NULL`
#'   (unknown).
#' @param progress Show a progress display for each epoch. Defaults to `FALSE`.
#' @param args Command-line arguments. Defaults to `commandArgs(trailingOnly = TRUE)`.
#' @param default_seed Seed when `--seed` is absent. Defaults to `42`.
#' @returns A training run (class `rkerasbridge_training_run`).
#' @examples
#' \donttest{
#' run <- training_run("demo", epochs = 2, steps_per_epoch = 3, args = c("--steps", "4"))
#' iter <- run$track(make_iterator_one_shot(tensor_slices_dataset(1:3)), 1)
#' until_out_of_range({
#'   x <- iterator_get_next(iter)
#'   run$step(function(x) tf$cast(x, "float32") / 2, x)
#' })
#' run$losses$loss
#' }
#' @export
training_run <- function(case, epochs = NULL, steps_per_epoch = NULL, progress = FALSE,
                         args = commandArgs(trailingOnly = TRUE), default_seed = 42L) {
  py <- bridge$tools$training$training_run(case, "r", argv = as.list(args), epochs = epochs,
                                           steps_per_epoch = steps_per_epoch, progress = progress,
                                           default_seed = default_seed)
  # end_step is looked up once: reticulate's `$` on a Python object costs more than the call itself,
  # and run$step is called every step.
  structure(list(py = py, end_step = py$end_step), class = "rkerasbridge_training_run")
}

#' @export
`$.rkerasbridge_training_run` <- function(x, name) {
  py <- .subset2(x, "py")
  switch(name,
    py = py,
    # Timed here, around the R call: a Python timer would also count the crossing into R and back.
    step = function(fn, ...) {
      started <- Sys.time()
      value <- fn(...)
      seconds <- as.numeric(Sys.time()) - as.numeric(started)
      # Python cannot end R cleanly: after a Ctrl-C the checkpoint is saved there and R quits here.
      stop_now <- .subset2(x, "end_step")(value, seconds, inherits(fn, "python.builtin.object"))
      if (stop_now) quit(save = "no", status = 130L)
      value
    },
    protect = function(...) {
      py$protect(...)
      invisible(x)
    },
    set_steps_per_epoch = function(steps_per_epoch) {
      py$set_steps_per_epoch(steps_per_epoch)
      invisible(x)
    },
    finish = function(metrics = list(), losses = NULL, timings = NULL) {
      versions <- list(R = paste(R.version$major, R.version$minor, sep = "."),
                       reticulate = as.character(utils::packageVersion("reticulate")),
                       rkerasbridge = as.character(utils::packageVersion("rkerasbridge")))
      invisible(py$finish(metrics = metrics, losses = if (is.null(losses)) NULL else as.list(losses),
                          timings = timings, versions = versions))
    },
    do.call(`$`, list(py, name))
  )
}

#' @export
print.rkerasbridge_training_run <- function(x, ...) {
  print(.subset2(x, "py"))
  invisible(x)
}
