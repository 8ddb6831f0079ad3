#' rkerasbridge: 2018-era eager Keras/TensorFlow code on TensorFlow 2 and Keras 3
#'
#' The R front end of the Python package `rkeras_bridge`. Python is loaded lazily, on first
#' use of `tf` or any wrapper, from (in order) `RETICULATE_PYTHON`,
#' `options(rkerasbridge.python = ...)`, the Python recorded when the package was installed,
#' or a `.venv/bin/python` in the working directory or one of its parents.
#'
#' Loading the package also makes every Python callable reached from R (functions, methods,
#' classes, layers, models) do two things raw reticulate does not: refuse R `NA` arguments with
#' a clear error instead of passing -2147483648 or `True`, and raise Python exceptions as
#' classed R conditions (`python.builtin.ValueError`, ...).
#' @keywords internal
#' @useDynLib rkerasbridge, .registration = TRUE
"_PACKAGE"

#' @importFrom magrittr %>%
#' @export
magrittr::`%>%`

bridge <- NULL

#' TensorFlow, with the TF1-era names 2018 eager code uses
#'
#' The real `tensorflow` module with an overlay: `tf$train$AdamOptimizer()` (TF1 defaults),
#' `tf$train$get_or_create_global_step()`, `tf$losses$mean_squared_error()` (TF1 semantics) and
#' the rest of TensorFlow unchanged.
#' @examples
#' \donttest{
#' tf$matmul(matrix(1:8, nrow = 2), matrix(1:8, nrow = 4))
#' }
#' @export
tf <- NULL

.state <- new.env(parent = emptyenv())
# How a Python object's convert flag is read until bridge_loaded() chooses (bridge-reticulate-versions.R).
# Set here, not there: R sources the package's files in C-locale order, bridge-*.R before package.R.
.state$convert_flag <- convert_flag_from_refenv
.state$fast <- FALSE  # the compiled fast path, until fast_path_setup() has checked it (bridge-fastcall.R)

.onLoad <- function(libname, pkgname) {
  check_reticulate_version()
  choose_python()
  hooks <- list(before_load = prepare_python, on_load = bridge_loaded, on_error = python_load_error)
  bridge <<- cached_module(reticulate::import("rkeras_bridge", delay_load = hooks))
  tf <<- cached_module(reticulate::import("rkeras_bridge.tensorflow.compat.tf", delay_load = hooks))
}

python_candidates <- function() {
  recorded <- system.file("python-path", package = "rkerasbridge")
  dirs <- normalizePath(getwd(), mustWork = FALSE)
  while (!dirname(dirs[1]) %in% dirs) dirs <- c(dirname(dirs[1]), dirs)
  c(
    getOption("rkerasbridge.python", ""),
    if (nzchar(recorded)) readLines(recorded, n = 1, warn = FALSE) else "",
    file.path(rev(dirs), ".venv", "bin", "python")
  )
}

choose_python <- function() {
  if (nzchar(Sys.getenv("RETICULATE_PYTHON")) || reticulate::py_available(initialize = FALSE)) {
    return(invisible(NULL))
  }
  found <- Filter(function(p) nzchar(p) && file.exists(p), python_candidates())
  # Through RETICULATE_PYTHON rather than use_python(): reticulate 1.28 would otherwise first
  # mistake the project's pyproject.toml for a Poetry project and warn.
  if (length(found)) Sys.setenv(RETICULATE_PYTHON = found[[1]])
  invisible(NULL)
}

prepare_python <- function() {
  # reticulate puts a virtual environment's site-packages on sys.path without running its .pth
  # files, so an editable install (pip install -e .) would not be found.
  reticulate::py_run_string(paste0(
    "import site as _rkb_site, sys as _rkb_sys\n",
    "for _rkb_p in [p for p in _rkb_sys.path if p.endswith('site-packages')]: _rkb_site.addsitedir(_rkb_p)\n",
    "del _rkb_site, _rkb_sys, _rkb_p"
  ), convert = FALSE)
  invisible(NULL)
}

bridge_loaded <- function() {
  choose_convert_flag()
  conversion <- reticulate::import("rkeras_bridge.bridge.conversion")
  .state$call <- reticulate::py_get_attr(conversion, "call")
  conversion_raw <- reticulate::import("rkeras_bridge.bridge.conversion", convert = FALSE)
  .state$call_split_raw <- reticulate::py_get_attr(conversion_raw, "call_split")
  .state$call_split <- reticulate::py_get_attr(conversion, "call_split")
  .state$last_error <- reticulate::py_get_attr(conversion, "last_error")
  .state$refuse_na <- reticulate::py_get_attr(conversion, "refuse_na")
  fast_path_setup(conversion, conversion_raw)
  memory_setup()
  use_replica_entry()
}

python_load_error <- function(e) {
  stop("rkerasbridge could not load the Python package 'rkeras_bridge' (", conditionMessage(e), ").\n",
       "Run `make setup` in the project, or point RETICULATE_PYTHON (or options(rkerasbridge.python=)) ",
       "at a Python where `pip install rkeras_bridge` was done.", call. = FALSE)
}

# Make sure the bridge is loaded (and the call trampoline known) before the first checked call.
ensure_bridge <- function() {
  if (is.null(.state$call_split)) reticulate::py_get_attr(bridge, "__name__")
  invisible(NULL)
}
