# What R keras 2.2.4 re-exported from other packages (its R/reexports.R). `%<-%` was zeallot's
# multiple assignment; zeallot is not a dependency here, so the operator is written below with
# zeallot's rules. It has no Python twin: Python has tuple unpacking (`(a, b), c = value`).
# array_reshape() and iterate() are reticulate's (R keras 2.2.4 re-exported array_reshape and
# imported all of reticulate, so its own tests could call iterate(); both are exported here).

#' Multiple assignment
#'
#' Assigns the parts of `value` to the names on the left, as zeallot's `%<-%` (which R keras 2.2.4
#' re-exported) did: `c(a, b) %<-% list(1, 2)`. Patterns nest: `c(x, c(y, z)) %<-% list(1,
#' list(2, 3))`; `.` skips one value and `...` several; `...rest` collects the remaining values in
#' a list; `c(a, b = 0)` gives `b` a default when `value` has only one element. A list (or data
#' frame: its columns) is split into its elements, an atomic vector into its values, and a single
#' string into its characters. A plain name on the left is ordinary assignment.
#'
#' A pattern that does not fit `value` is an error of class `rkerasbridge_destructure_error`
#' saying what was expected and what was received.
#'
#' @param x A name, or a pattern `c(...)` of names.
#' @param value The value to take apart.
#' @returns `value`, invisibly.
#' @examples
#' \donttest{
#' c(a, b) %<-% list(1, "two")
#' c(first, ...rest) %<-% 1:4
#' c(x, c(y, z)) %<-% list(1, list(2, 3))
#' }
#' @name multi-assign
#' @export
`%<-%` <- function(x, value) {
  destructure_assign(substitute(x), value, parent.frame())
  invisible(value)
}

destructure_error <- function(pattern, value, expected) {
  received <- if (is.list(value)) sprintf("a list of %d", length(value)) else
    sprintf("%s of length %d", class(value)[[1]], length(value))
  msg <- sprintf("Invalid value for `%s %%<-%% value`: expected %s. Received: value=%s",
                 paste(deparse(pattern), collapse = " "), expected, received)
  stop(structure(class = c("rkerasbridge_destructure_error", "error", "condition"),
                 list(message = msg, call = NULL)))
}

# The values a pattern of several names takes `value` apart into (zeallot's destructure rules).
destructure_values <- function(pattern, value) {
  if (is.list(value)) return(unclass(as.list(value)))
  if (is.atomic(value) && length(value) > 1) return(as.list(value))
  if (is.character(value) && length(value) == 1 && !is.na(value)) return(as.list(strsplit(value, "")[[1]]))
  destructure_error(pattern, value, "a list, a data frame, a vector or a string to take apart")
}

destructure_assign <- function(pattern, value, env) {
  if (is.name(pattern)) {
    name <- as.character(pattern)
    if (!identical(name, ".")) assign(name, value, envir = env)
    return(invisible())
  }
  if (!is.call(pattern) || !identical(pattern[[1]], as.name("c")) || length(pattern) < 2) {
    destructure_error(pattern, value, "a name or a pattern c(name, ...) on the left-hand side")
  }
  targets <- as.list(pattern)[-1]
  defaults <- names(targets)
  if (is.null(defaults)) defaults <- character(length(targets))
  # c(a, b = 0): the name is `b`, its default 0.
  for (i in seq_along(targets)) {
    if (nzchar(defaults[[i]])) targets[[i]] <- list(name = as.name(defaults[[i]]), default = targets[[i]])
  }
  values <- destructure_values(pattern, value)
  is_rest <- vapply(targets, function(t) is.name(t) && startsWith(as.character(t), "..."), NA)
  if (sum(is_rest) > 1) destructure_error(pattern, value, "at most one `...` collector in the pattern")
  n <- length(targets)
  if (any(is_rest)) {
    r <- which(is_rest)
    before <- seq_len(r - 1)
    after <- if (r < n) (r + 1):n else integer()
    if (length(values) < length(before) + length(after)) {
      destructure_error(pattern, value, sprintf("at least %d values", length(before) + length(after)))
    }
    rest_values <- values[seq_len(length(values) - length(before) - length(after)) + length(before)]
    assigned <- c(values[before], list(rest_values), values[length(values) - rev(seq_along(after)) + 1])
  } else {
    has_default <- vapply(targets, is.list, NA)
    needed <- if (any(!has_default)) max(which(!has_default)) else 0
    if (length(values) < needed || length(values) > n) {
      destructure_error(pattern, value, sprintf("%d values", n))
    }
    assigned <- values
  }
  for (i in seq_len(n)) {
    target <- targets[[i]]
    if (is_rest[[i]]) {
      name <- as.character(target)
      if (!identical(name, "...")) assign(substring(name, 4), assigned[[i]], envir = env)
    } else if (is.list(target)) {
      part <- if (i <= length(assigned)) assigned[[i]] else eval(target$default, env)
      destructure_assign(target$name, part, env)
    } else {
      destructure_assign(target, assigned[[i]], env)
    }
  }
  invisible()
}

#' @importFrom reticulate array_reshape
#' @export
reticulate::array_reshape

#' @importFrom reticulate iterate
#' @export
reticulate::iterate

#' @importFrom reticulate use_python
#' @export
reticulate::use_python

#' @importFrom reticulate use_virtualenv
#' @export
reticulate::use_virtualenv

#' @importFrom reticulate use_condaenv
#' @export
reticulate::use_condaenv
