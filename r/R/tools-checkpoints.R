#' Crash-safe training: checkpoints every K steps, resume, a final save on Ctrl-C
#'
#' `checkpoint_manager()` keeps checkpoints (a `tf$train$Checkpoint` with a
#' `tf$train$CheckpointManager`) of the objects you name: model weights, optimizer slots and
#' iteration count, a global step, any `tf$Variable`, plus the step counter, the epoch and
#' position of the data iterator given to `track_iterator()` (shuffle buffer and seeds
#' included), and each Keras model's non-trainable variables (Keras 3 keeps `Dropout`'s
#' random-seed state there without tracking it for checkpoints).
#'
#' `maybe_save()` saves when `step` is a multiple of `every`; `restore_latest()` restores the
#' latest checkpoint and returns its step (0 when there is none). Keras models must be built
#' (called once on a batch) before `restore_latest()`. `track_iterator()` must see one iterator
#' per epoch, in order, also for the epochs a resumed run skips: each new iterator of a
#' reshuffling dataset draws the next shuffle seed, as in the first run.
#'
#' Writes are atomic: TensorFlow writes the data under a temporary prefix, merges it, and only
#' then `CheckpointManager` rewrites the `checkpoint` state file (itself written to a temporary
#' file and renamed), so a process killed mid-save leaves the previous checkpoint as the latest.
#' A state file that names missing or corrupt files makes `restore_latest()` fail with a
#' `rkeras_bridge.tools.checkpoints.CheckpointError` condition naming the directory.
#'
#' **Ctrl-C.** `save_on_interrupt()` installs a Python SIGINT handler (in a script run with
#' `Rscript`): the next `maybe_save()` saves at its step and calls `quit(status = 130)`. It
#' replaces R's own Ctrl-C handling for the rest of the session, so in an interactive session
#' catch R's `interrupt` condition instead and save from there:
#' `tryCatch(<training loop>, interrupt = function(e) maybe_save(manager, step, force = TRUE))`;
#' the interrupt can arrive mid-step, so that checkpoint may hold the iterator one batch ahead
#' of `step`.
#'
#' @param directory Checkpoint directory, or `NULL` to turn checkpoints off (saves do nothing,
#'   `restore_latest()` returns 0).
#' @param every Save every this many steps. Defaults to `10`.
#' @param max_to_keep Checkpoints kept; older ones are deleted. Defaults to `3`.
#' @param ... The objects to save, named: `model = model, optimizer = optimizer, ...`.
#' @returns `checkpoint_manager()`: the manager (Python `TrainingCheckpoints`, with fields
#'   `directory`, `every`, `step`, `epoch`, `latest`, `stop_requested`).
#' @examples
#' \dontrun{
#' manager <- checkpoint_manager("run/checkpoints", every = 10, model = model, optimizer = optimizer)
#' step <- restore_latest(manager)  # 0 if there is no checkpoint yet
#' save_on_interrupt(manager)
#' for (epoch in 1:10) {
#'   iter <- track_iterator(manager, make_iterator_one_shot(ds), epoch)
#'   until_out_of_range({
#'     batch <- iterator_get_next(iter)
#'     # ... one training step ...
#'     step <- step + 1
#'     maybe_save(manager, step)
#'   })
#' }
#' }
#' @export
checkpoint_manager <- function(directory, every = 10L, max_to_keep = 3L, ...) {
  bridge$tools$checkpoints$checkpoint_manager(directory, every = every, max_to_keep = max_to_keep, ...)
}

#' @rdname checkpoint_manager
#' @param manager What `checkpoint_manager()` returned.
#' @param step Steps done so far.
#' @param force Save whatever the step. Defaults to `FALSE`.
#' @returns `maybe_save()`: the saved checkpoint's prefix, or `NULL`, invisibly. After Ctrl-C
#'   (with `save_on_interrupt()`) it saves, then ends R with `quit(status = 130)`.
#' @export
maybe_save <- function(manager, step, force = FALSE) {
  path <- bridge$tools$checkpoints$maybe_save(manager, step, force = force, exit = FALSE)
  # Python cannot end R cleanly. `stopped`, not `stop_requested`: a Ctrl-C arriving after the call
  # above checked for one is saved at the next step instead of being lost.
  if (isTRUE(manager$stopped)) quit(save = "no", status = 130L)
  invisible(path)
}

#' @rdname checkpoint_manager
#' @param max_steps For `restore_latest()`: the steps this run is asked to reach; a checkpoint
#'   already past it is an error that says how to resume. Defaults to `NULL` (not checked).
#' @returns `restore_latest()`: the restored step (0 when there is no checkpoint).
#' @export
restore_latest <- function(manager, max_steps = NULL) {
  bridge$tools$checkpoints$restore_latest(manager, max_steps = max_steps)
}

#' @rdname checkpoint_manager
#' @param iterator A dataset iterator (`make_iterator_one_shot()`, `as_iterator()`).
#' @param epoch The epoch the iterator serves (from 1).
#' @returns `track_iterator()`: `iterator`, at the saved position when resuming into `epoch`.
#' @export
track_iterator <- function(manager, iterator, epoch) {
  bridge$tools$checkpoints$track_iterator(manager, iterator, epoch)
}

#' @rdname checkpoint_manager
#' @returns `save_on_interrupt()`: `TRUE` if the handler was installed (`FALSE` when
#'   checkpoints are off), invisibly.
#' @export
save_on_interrupt <- function(manager) {
  invisible(bridge$tools$checkpoints$save_on_interrupt(manager))
}

#' Where a case study keeps its checkpoints: `checkpoints/` next to `--out`
#'
#' @param args What [case_args()] returned.
#' @returns The directory, or `NULL` without `--out`.
#' @examples
#' \dontrun{
#' checkpoint_dir(case_args(c("--out", "runs/basic_loop.json")))  # "runs/checkpoints"
#' }
#' @export
checkpoint_dir <- function(args) {
  bridge$tools$runs$checkpoint_dir(args)
}
