#' Select variables by type or name
#'
#' Selectors choose columns inside [dataset_prepare()], [feature_spec()] and the `step_*()`
#' functions, as tfdatasets' tidyselect helpers did: `has_type("float32")`, `all_numeric()`
#' (float16/32/64, int16/32/64), `all_nominal()` (strings), and by name `starts_with()`,
#' `ends_with()`, `contains()`, `matches()` (a regular expression), `num_range("x", 1:3)`,
#' `one_of(names)` and `everything()`. Beside selectors, a selection takes bare column names,
#' `-name` (or `-selector()`) to leave columns out, `c(a, b)`, `a:b`, and character vectors or
#' positions (`!!vars` or any other R expression is evaluated). These helpers are found even when
#' dplyr or tidyselect versions of them mask this package's.
#'
#' @param match A type name or vector of them (`has_type`), or a string or vector of strings
#'   (`starts_with`, `ends_with`, `contains`) or regular expressions (`matches`).
#' @param ignore.case Compare case-insensitively. Defaults to `TRUE`.
#' @param vars Not used (tidyselect's variables). Defaults to `NULL`.
#' @param prefix The names' common start.
#' @param range The numbers, e.g. `1:3`.
#' @param width Pad the numbers with zeros to this width. Defaults to `NULL`.
#' @param ... Column names (character vectors).
#' @param .vars Not used. Defaults to `NULL`.
#' @returns A selector (a Python object), to use inside a selection.
#' @examples
#' \donttest{
#' df <- list(a = letters, b = 1:26, c = runif(26), y = runif(26))
#' ds <- tensor_slices_dataset(df) %>% dataset_batch(2)
#' spec <- feature_spec(ds, y ~ a + b + c) %>%
#'   step_numeric_column(all_numeric(), -b) %>%
#'   step_categorical_column_with_vocabulary_list(has_type("string"))
#' }
#' @name selectors
#' @export
has_type <- function(match = "float32") {
  bridge$has_type(match)
}

#' @rdname selectors
#' @export
all_numeric <- function() {
  bridge$all_numeric()
}

#' @rdname selectors
#' @export
all_nominal <- function() {
  bridge$all_nominal()
}

#' @rdname selectors
#' @export
starts_with <- function(match, ignore.case = TRUE, vars = NULL) {
  bridge$starts_with(match, ignore_case = ignore.case)
}

#' @rdname selectors
#' @export
ends_with <- function(match, ignore.case = TRUE, vars = NULL) {
  bridge$ends_with(match, ignore_case = ignore.case)
}

#' @rdname selectors
#' @export
contains <- function(match, ignore.case = TRUE, vars = NULL) {
  bridge$contains(match, ignore_case = ignore.case)
}

#' @rdname selectors
#' @export
matches <- function(match, ignore.case = TRUE, vars = NULL) {
  bridge$matches(match, ignore_case = ignore.case)
}

#' @rdname selectors
#' @export
num_range <- function(prefix, range, width = NULL, vars = NULL) {
  bridge$num_range(prefix, as.list(range), width = width)
}

#' @rdname selectors
#' @export
one_of <- function(..., .vars = NULL) {
  bridge$one_of(...)
}

#' @rdname selectors
#' @export
everything <- function(vars = NULL) {
  bridge$everything()
}

selector_helpers <- c("has_type", "all_numeric", "all_nominal", "starts_with", "ends_with", "contains",
                      "matches", "num_range", "one_of", "everything")

# An unevaluated R selection (tidyselect syntax) as the terms of rkeras_bridge/tfdatasets/selectors.py,
# which resolves them: a bare name is a column name, `-x` excludes, `c(...)` groups, `a:b` is a range of
# columns, a selector helper is called (this package's, whatever masks it), and anything else, `!!x`
# included, is evaluated in `env` (character vectors name columns, numbers are positions).
selection_term <- function(expr, env) {
  if (is.symbol(expr)) {
    return(as.character(expr))
  }
  if (!is.call(expr)) {
    return(expr)
  }
  head <- expr[[1L]]
  args <- as.list(expr)[-1L]
  op <- if (is.symbol(head)) as.character(head) else ""
  if (op == "-" && length(args) == 1L) {
    return(list(`-` = selection_term(args[[1L]], env)))
  }
  if (op == "c") {
    return(unname(lapply(args, selection_term, env = env)))
  }
  if (op == "(") {
    return(selection_term(args[[1L]], env))
  }
  if (op == ":" && is.symbol(args[[1L]]) && is.symbol(args[[2L]])) {
    return(list(`:` = lapply(args, as.character)))
  }
  if (op == "!" && is.call(args[[1L]]) && identical(args[[1L]][[1L]], as.name("!"))) {
    return(eval(args[[1L]][[2L]], env))
  }
  if (op %in% selector_helpers) {
    helper <- get(op, envir = asNamespace("rkerasbridge"), mode = "function")
    return(do.call(helper, lapply(args, eval, envir = env)))
  }
  eval(expr, env)
}

# The `...` of a step as a list of terms, names kept (a named term names its step).
selection_terms <- function(exprs, env) {
  terms <- lapply(exprs, selection_term, env = env)
  names(terms) <- names(exprs)
  terms
}

# A features argument: an R formula becomes its text (Python parses it), anything else a selection.
# A symbol bound to a formula (f <- y ~ a; dataset_prepare(ds, f)) is the formula, as tfdatasets allowed.
features_term <- function(expr, env) {
  if (is.null(expr)) {
    return(NULL)
  }
  if (is.symbol(expr) && exists(as.character(expr), envir = env)) {
    value <- get(as.character(expr), envir = env)
    if (inherits(value, "formula")) expr <- value
  }
  if (inherits(expr, "formula") || (is.call(expr) && identical(expr[[1L]], as.name("~")))) {
    return(paste(deparse(expr, width.cutoff = 500L), collapse = " "))
  }
  selection_term(expr, env)
}
