# The supported reticulate range and the one fact about reticulate's objects the bridge reads
# (a reference's convert flag), on whichever reticulate this suite runs (make test runs it on
# 1.28 and on 1.46).

test_that("a reticulate older than the oldest tested is refused, naming the version and the range", {
  err <- tryCatch(check_reticulate_version("1.27"), error = function(e) e)
  expect_s3_class(err, "rkerasbridge_reticulate_version")
  expect_match(conditionMessage(err), "Received: reticulate 1.27", fixed = TRUE)
  expect_match(conditionMessage(err), paste0(reticulate_tested[["oldest"]], " to ", reticulate_tested[["newest"]]),
               fixed = TRUE)
})

test_that("tested versions load silently; a newer one warns once per session", {
  old <- .state$warned_reticulate
  on.exit(.state$warned_reticulate <- old)
  .state$warned_reticulate <- NULL
  expect_silent(check_reticulate_version(reticulate_tested[["oldest"]]))
  expect_silent(check_reticulate_version(reticulate_tested[["newest"]]))
  expect_silent(check_reticulate_version("1.35.0"))
  expect_warning(check_reticulate_version("9.0"), class = "rkerasbridge_reticulate_untested")
  expect_silent(check_reticulate_version("9.0"))
})

test_that("the reticulate this session loaded is in the tested range", {
  version <- utils::packageVersion("reticulate")
  expect_true(version >= reticulate_tested[["oldest"]])
  expect_true(version <= reticulate_tested[["newest"]])
  paths <- reticulate_paths()
  expect_identical(paths$reticulate, as.character(version))
})

test_that("the convert flag is read from the reference environment on every tested reticulate", {
  ensure_bridge()
  expect_identical(reticulate_paths()$convert_flag, "refenv")
  on <- reticulate::import_builtins(convert = TRUE)
  off <- reticulate::import_builtins(convert = FALSE)
  objects <- list(on, off, reticulate::py_get_attr(on, "len"), reticulate::py_get_attr(off, "len"),
                  tf$constant(1), reticulate::r_to_py(tf$constant(1), convert = FALSE))
  expected <- c(TRUE, FALSE, TRUE, FALSE, TRUE, FALSE)
  expect_identical(vapply(objects, convert_flag_from_refenv, logical(1)), expected)
  # the exported-API fallback gives the same answers
  expect_identical(vapply(objects, convert_flag_by_probe, logical(1)), expected)
})

test_that("the exported-API fallback reader keeps the bridge working", {
  old <- .state$convert_flag
  on.exit(.state$convert_flag <- old)
  .state$convert_flag <- convert_flag_by_probe
  x <- tf$constant(c(1, 2))
  expect_equal(as.numeric(tf$multiply(x, x)), c(1, 4))
  raw <- reticulate::import("numpy", convert = FALSE)
  expect_s3_class(raw$ones(2L), "numpy.ndarray")  # convert = FALSE still honoured
  err <- tryCatch(tf$reshape(x, c(3L, 5L)), error = function(e) e)
  expect_s3_class(err, "python.builtin.Exception")
})

test_that("a callable taken with py_get_attr() becomes a checked R function that goes back as itself", {
  builtins <- reticulate::import_builtins(convert = TRUE)
  ref <- reticulate::py_get_attr(builtins, "abs")
  f <- py_callable_as_r(ref)
  expect_true(is.function(f))
  expect_equal(f(-3), 3)
  expect_error(f(NA_integer_), class = "python.builtin.ValueError")
  expect_equal(unlist(builtins$list(builtins$map(f, list(-1, 2)))), c(1, 2))
})
