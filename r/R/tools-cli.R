#' Run a paired case study in R, in Python or in both, and compare them
#'
#' Runs `examples_r/<case>.R` and/or `examples_py/<case>.py` as their own processes with the same
#' seed (what the `rkeras-bridge run` command does) and, when both ran, compares their run records
#' the way the parity harness does.
#'
#' @param case A paired case study, e.g. `"matmul"`, `"basic_loop"`, `"simple_dot"`, `"dcgan"`,
#'   `"nmt_attention"` or `"image_captioning"` (`rkeras-bridge list` names them all).
#' @param lang `"r"`, `"py"` or `"both"`. Defaults to `"both"`.
#' @param steps Training steps; `NULL` runs the full case study. Defaults to `NULL`.
#' @param epochs Epochs; `NULL` uses the case study's own. Defaults to `NULL`.
#' @param seed The random seed both languages use. Defaults to `42L`.
#' @param out Directory for the JSON records and the pictures the examples draw. Defaults to
#'   `NULL` (`out/<case>` under the working directory).
#' @returns A list: `case`, `out` (the directory), `runs` (for each language run, `record`: the
#'   record's path, and `seconds`: its wall time) and `parity` (`NULL` unless both ran; otherwise
#'   `ok`, `verdict` (`"PASS"` or `"FAIL"`), `steps`, `max_abs`, `max_rel` and `problems`) and
#'   `report`: the `index.html` in `out` that shows the runs' figures, loss curves (R and Python
#'   overlaid) and pictures.
#'   An unknown case or language is an error naming the argument; a failed run is an error ending
#'   with the example's output.
#' @examples
#' \donttest{
#' result <- run_case_study("matmul", lang = "both", out = tempfile())
#' result$parity$verdict
#' result$runs$r$record
#' result$report
#' }
#' @export
run_case_study <- function(case, lang = "both", steps = NULL, epochs = NULL, seed = 42L, out = NULL) {
  bridge$tools$cli$run_case(case, lang = lang, steps = steps, epochs = epochs, seed = seed, out = out)
}
