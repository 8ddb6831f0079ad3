#' Record a value per step, for comparing an R script with its Python twin
#'
#' `record(name, value)` is the same function in R and in Python (`from rkeras_bridge import record`):
#' a script records any values it likes (losses, outputs, gradient norms, weights), and
#' `rkeras-bridge parity mine.R mine.py` runs both scripts with the same seed and compares every
#' recorded name at every step. The n-th call for a name is its step n (steps count from 1) unless
#' `step` is given; recording a step again replaces it. Values are kept as double arrays with their
#' shape (an R matrix is compared with the Python array of the same shape, element `[i, j]` with
#' `[i-1, j-1]`); `NaN` and `Inf` are kept, R's `NA` is refused.
#'
#' Under the parity tool each call appends one line to the file named by the environment variable
#' `RKB_RECORD` (read by Python: set it before R starts, not with `Sys.setenv()`) and flushes it, so a
#' script that fails half-way leaves what it had recorded; run on its own, a script keeps its values in
#' memory only: `recorded()` returns them.
#'
#' **Seeds.** The parity tool seeds everything ([set_random_seed()] with `--seed`) before the script
#' starts. For the same initial weights, dropout masks and shuffles in both languages a script must
#' create its layers and variables in the same order as its twin, draw random data with TensorFlow
#' (`tf$random$normal(..., seed = )`, `k_random_normal()`) or read it from the same file rather than
#' with R's `rnorm()`/`sample()` (NumPy's generator is another one), give `dataset_shuffle()` a
#' `seed`, and, if it seeds again itself, use `set_random_seed(parity_seed(42))`.
#'
#' @param name What the value is, e.g. `"loss"`: the same name in both scripts.
#' @param value A number, a numeric (or logical) vector, matrix or array, or a tensor or variable.
#' @param step The step, an integer >= 1. Defaults to `NULL` (one after this name's last step).
#' @returns `record()`: `value`, invisibly. `recorded()`: for `name`, a list of its values in step
#'   order; without it, a named list of such lists.
#' @examples
#' \donttest{
#' for (i in 1:3) record("loss", 1 / i)
#' record("kernel", matrix(1:4, 2))
#' unlist(recorded("loss"))
#' }
#' @export
record <- function(name, value, step = NULL) {
  bridge$record(name, value, step = step)
  invisible(value)
}

#' @rdname record
#' @export
recorded <- function(name = NULL) {
  bridge$recorded(name)
}

#' The seed and steps the parity tool runs a script with
#'
#' `rkeras-bridge parity mine.R mine.py --seed S --steps N` sets `RKB_SEED` and `RKB_STEPS` for both
#' scripts; these read them, with a default for a script run on its own.
#'
#' @param default The value outside the parity tool. Defaults to `NULL`.
#' @returns An integer, or `default`.
#' @examples
#' \donttest{
#' for (step in seq_len(parity_steps(10))) record("step", step)
#' parity_seed(42)
#' }
#' @export
parity_seed <- function(default = NULL) {
  bridge$tools$records$from_env("RKB_SEED", default, Sys.getenv("RKB_SEED"))
}

#' @rdname parity_seed
#' @export
parity_steps <- function(default = NULL) {
  bridge$tools$records$from_env("RKB_STEPS", default, Sys.getenv("RKB_STEPS"))
}

#' Run an R script as `Rscript` would, after seeding everything
#'
#' What `rkeras-bridge parity` runs on the R side:
#' `Rscript -e "library(rkerasbridge); run_script(...)" ARGS...`. The script sees `ARGS` as
#' `commandArgs(trailingOnly = TRUE)` and runs in the global environment.
#'
#' @param path The R script.
#' @param seed The seed for [set_random_seed()]. Defaults to `parity_seed()` (`RKB_SEED`); `NULL`
#'   does not seed.
#' @returns `NULL`, invisibly; the script's errors propagate.
#' @examples
#' \donttest{
#' script <- tempfile(fileext = ".R")
#' writeLines('record("x", tf$random$normal(shape(2L)))', script)
#' run_script(script, seed = 1)
#' }
#' @export
run_script <- function(path, seed = parity_seed()) {
  path <- bridge$tools$records$script_path(path, "R")
  if (!is.null(seed)) set_random_seed(seed)
  source(path, local = globalenv(), echo = FALSE)
  invisible(NULL)
}
