# What rkerasbridge needs from reticulate beyond its exported functions, in one place, for every
# supported reticulate (1.28, Debian bookworm's, to 1.46.0, the newest tested). Everything else
# goes through reticulate's exported API (py_call(), py_get_attr(), py_to_r(), r_to_py() and
# NextMethod() to reticulate's own S3 methods).
#
# Two facts about reticulate's R objects are read here, both the same in 1.28 and 1.46:
# - a Python reference keeps its convert flag as the variable `convert` in the environment that
#   reticulate's as.environment() method returns (the object itself, or the `py_object`
#   attribute of a callable) -- reticulate's own documented way to change it is
#   assign("convert", value, as.environment(x));
# - py_get_attr() returns a callable as an R function in 1.46 and as its reference environment
#   in 1.28; py_callable_as_r() gives the latter the shape of the former.
# bridge_loaded() checks the first fact on live objects once Python is up and falls back to an
# exported-API probe (slower) if a future reticulate stores the flag differently.

reticulate_tested <- c(oldest = "1.28", newest = "1.46.0")

# At load: refuse a reticulate older than the oldest supported, warn (once) about a newer one.
check_reticulate_version <- function(version = utils::packageVersion("reticulate")) {
  version <- package_version(version)
  if (version < reticulate_tested[["oldest"]]) {
    stop(structure(class = c("rkerasbridge_reticulate_version", "error", "condition"), list(
      message = paste0("rkerasbridge needs reticulate >= ", reticulate_tested[["oldest"]], " (tested: ",
                       reticulate_tested[["oldest"]], " to ", reticulate_tested[["newest"]], "). Received: reticulate ",
                       version, ". Install a newer reticulate (Debian: apt-get install r-cran-reticulate)."),
      call = NULL)))
  }
  if (version > reticulate_tested[["newest"]] && is.null(.state$warned_reticulate)) {
    .state$warned_reticulate <- TRUE
    warning(structure(class = c("rkerasbridge_reticulate_untested", "warning", "condition"), list(
      message = paste0("rkerasbridge was tested with reticulate ", reticulate_tested[["oldest"]], " to ",
                       reticulate_tested[["newest"]], "; this is reticulate ", version,
                       ". It should work; `rkeras-bridge doctor` says what is tested."),
      call = NULL)))
  }
  invisible(version)
}

# The convert flag of a Python reference (TRUE: results convert to R).
py_convert_flag <- function(x) .state$convert_flag(x)

# reticulate 1.28 to 1.46 keep the flag as `convert` in the reference environment: the object itself
# (an environment with a class) or, for callables and some containers, its `py_object` attribute.
# get0() reads it without dispatching on the class (reticulate >= 1.38 gives environments of Python
# objects their own `[[`). choose_convert_flag() checks it on this reticulate before using it.
convert_flag_from_refenv <- function(x) {
  while (!is.environment(x)) {
    x <- attr(x, "py_object", exact = TRUE)
    if (is.null(x)) stop("not a Python reference")
  }
  !isFALSE(get0("convert", envir = x, inherits = FALSE))
}

# Only exported functions: an attribute read through a reference carries its flag, and `$` on the
# (unconverted) class object gives an R string exactly when that flag is TRUE.
convert_flag_by_probe <- function(x) {
  is.character(reticulate::py_get_attr(x, "__class__")$`__name__`)
}

# Pick the convert-flag reader that is right for this reticulate, on objects of both flags.
choose_convert_flag <- function() {
  on <- reticulate::import_builtins(convert = TRUE)
  off <- reticulate::import_builtins(convert = FALSE)
  probes <- list(on, off, reticulate::py_get_attr(on, "len"), reticulate::py_get_attr(off, "len"))
  expected <- c(TRUE, FALSE, TRUE, FALSE)
  refenv_ok <- tryCatch(identical(vapply(probes, convert_flag_from_refenv, logical(1)), expected),
                        error = function(e) FALSE)
  .state$convert_flag <- if (refenv_ok) convert_flag_from_refenv else convert_flag_by_probe
  .state$convert_flag_reader <- if (refenv_ok) "refenv" else "probe"
  invisible(.state$convert_flag_reader)
}

# A callable's reference environment (reticulate 1.28's py_get_attr()) as the R function that
# reticulate's `$` would give: our checked wrapper, with the reference's class and the reference
# itself as `py_object`, so it goes back to Python as itself.
py_callable_as_r <- function(ref) {
  wrapper <- checked_caller(ref)
  attributes(wrapper) <- list(class = class(ref), py_object = ref)
  wrapper
}

#' Which reticulate code paths this session uses
#'
#' @returns A list: `reticulate` (its version), `tested` (the oldest and newest tested versions),
#'   `convert_flag` (`"refenv"` or `"probe"`, once Python is loaded; `NA` before).
#' @examples
#' \donttest{
#' reticulate_paths()
#' }
#' @export
reticulate_paths <- function() {
  list(reticulate = as.character(utils::packageVersion("reticulate")),
       tested = reticulate_tested,
       convert_flag = if (is.null(.state$convert_flag_reader)) NA_character_ else .state$convert_flag_reader)
}
