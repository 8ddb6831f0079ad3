# Command line arguments and configuration flags (rkeras_bridge/tensorflow/flags.py): R tensorflow
# 1.13's parse_arguments() and parse_flags(), and the tfruns flags() it re-exported.

#' Parse command line arguments
#'
#' Arguments of the form `--key=value` and `--key value` become a named list; values are read as
#' YAML, as R's `yaml` package reads them (`1000` an integer, `yes` `TRUE`, `[1,2,3]` a vector).
#' Dashes in keys become underscores; arguments without `--` are skipped.
#'
#' @param arguments A character vector of arguments. Defaults to `NULL` (`commandArgs(TRUE)`).
#' @returns A named list.
#' @examples
#' parse_arguments(c("--learning-rate=0.01", "--epochs", "10"))
#' @export
parse_arguments <- function(arguments = NULL) {
  if (is.null(arguments)) arguments <- commandArgs(TRUE)
  bridge$parse_arguments(as.list(as.character(arguments)))
}

# A `file` argument the user gave that does not exist: warned about here (Python's warnings do not
# reach R), and then no file is read (FALSE).
config_file_argument <- function(file, missing_file) {
  if (missing_file) return(NULL)
  if (!file.exists(file)) {
    warning(sprintf("configuration file '%s' does not exist", file), call. = FALSE)
    return(FALSE)
  }
  file
}

#' Parse the configuration flags of an application
#'
#' Reads the section `config` of a YAML file (with the `default` section under it, as the `config`
#' package does; `inherits:` names another base section) and puts the command line arguments
#' (see [parse_arguments()]) on top.
#'
#' @param config The configuration to read. Defaults to the `R_CONFIG_ACTIVE` environment
#'   variable, or `"default"`.
#' @param file The YAML file. Defaults to `"flags.yml"` (read when it exists; a file given that does
#'   not exist gives a warning).
#' @param arguments The command line arguments. Defaults to `commandArgs(TRUE)`.
#' @returns A named list of the flags.
#' @examples
#' \donttest{
#' file <- tempfile(fileext = ".yml")
#' writeLines(c("default:", "  rate: 0.1", "  epochs: 10", "fast:", "  epochs: 2"), file)
#' str(parse_flags("fast", file = file, arguments = "--rate=0.5"))
#' }
#' @export
parse_flags <- function(config = Sys.getenv("R_CONFIG_ACTIVE", unset = "default"), file = "flags.yml",
                        arguments = commandArgs(TRUE)) {
  bridge$parse_flags(config, file = config_file_argument(file, missing(file)),
                     arguments = as.list(as.character(arguments)))
}

#' Flags of a training run
#'
#' Declare flags (name, type, default, description); `flags()` returns their values: the defaults,
#' overridden by a `flags.yml` file (plain `name: value` lines or sections, see [parse_flags()]) and
#' by `--name=value` command line arguments, each converted to its flag's type. A value for an
#' undeclared flag, or one that does not convert, is an error; `--help` prints the flags and quits.
#' (tfruns' `training_run()` is not part of this package: values come from the file and the
#' command line.)
#'
#' @param ... Flag definitions made by `flag_numeric()` ..., or one list of them.
#' @param config The configuration (section) of the file to read. Defaults to the
#'   `R_CONFIG_ACTIVE` environment variable, or `"default"`.
#' @param file The YAML file. Defaults to `"flags.yml"` (read when it exists).
#' @param arguments The command line arguments. Defaults to `commandArgs(TRUE)`.
#' @param name The flag's name.
#' @param default Its default value.
#' @param description Help text. Defaults to `NULL`.
#' @returns `flags()`: a named list of class `tfruns_flags`, with attributes `types`, `defaults` and
#'   `descriptions`. `flag_*()`: a flag definition (a list of class `tfruns_flag`).
#' @examples
#' \donttest{
#' FLAGS <- flags(
#'   flag_numeric("learning_rate", 0.01, "Initial learning rate."),
#'   flag_integer("max_steps", 5000, "Number of steps to run trainer."),
#'   flag_string("data_dir", "MNIST-data", "Directory for training data"),
#'   flag_boolean("fake_data", FALSE, "If true, use fake data for testing"),
#'   arguments = "--max-steps=100"
#' )
#' FLAGS$max_steps
#' }
#' @export
flags <- function(..., config = Sys.getenv("R_CONFIG_ACTIVE", unset = "default"), file = "flags.yml",
                  arguments = commandArgs(TRUE)) {
  file <- config_file_argument(file, missing(file))
  defs <- list(...)
  if (length(defs) == 1L && !inherits(defs[[1L]], "tfruns_flag")) defs <- defs[[1L]]  # one list of them
  defs <- lapply(defs, unclass)
  result <- tryCatch(
    bridge$flags(defs, config = config, file = file, arguments = as.list(as.character(arguments))),
    python.builtin.SystemExit = function(e) quit(save = "no")  # --help: the flags were printed
  )
  structure(result$to_dict(), class = "tfruns_flags", types = as.character(unlist(result$types)),
            defaults = result$defaults,
            descriptions = vapply(result$descriptions, function(d) if (is.null(d)) NA_character_ else d, ""))
}

#' @rdname flags
#' @export
flag_numeric <- function(name, default, description = NULL) {
  structure(bridge$flag_numeric(name, default, description), class = "tfruns_flag")
}

#' @rdname flags
#' @export
flag_integer <- function(name, default, description = NULL) {
  structure(bridge$flag_integer(name, default, description), class = "tfruns_flag")
}

#' @rdname flags
#' @export
flag_boolean <- function(name, default, description = NULL) {
  structure(bridge$flag_boolean(name, default, description), class = "tfruns_flag")
}

#' @rdname flags
#' @export
flag_string <- function(name, default, description = NULL) {
  structure(bridge$flag_string(name, default, description), class = "tfruns_flag")
}

#' @export
print.tfruns_flags <- function(x, ...) {
  shown <- data.frame(name = names(x), type = attr(x, "types"),
                      value = vapply(x, function(v) paste(format(v), collapse = " "), ""),
                      description = attr(x, "descriptions"), stringsAsFactors = FALSE)
  print(shown, row.names = FALSE)
  invisible(x)
}

#' The directory of the current training run
#'
#' There is no tfruns `training_run()` here, so no run is ever active: as tfruns did outside a
#' run, this is the working directory.
#'
#' @returns A path.
#' @examples
#' run_dir()
#' @export
run_dir <- function() {
  bridge$run_dir()
}
