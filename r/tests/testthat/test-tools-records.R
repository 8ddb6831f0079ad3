records <- function() bridge$tools$records

test_that("record() numbers steps from 1 per name and keeps values and shapes", {
  records()$reset()
  expect_identical(record("loss", 0.5), 0.5)
  record("loss", 0.25)
  record("loss", tf$constant(0.125))
  expect_equal(unlist(recorded("loss")), c(0.5, 0.25, 0.125))
  m <- matrix(1:6, nrow = 2)
  record("w", m)
  w <- recorded("w")[[1]]
  expect_equal(dim(w), c(2L, 3L))
  expect_equal(w[2, 3], 6)  # element [i, j] stays [i, j]: R's column-major order is kept
  record("acc", 0.9, step = 5)
  record("acc", 0.8)
  expect_equal(unlist(recorded("acc")), c(0.9, 0.8))
  expect_equal(names(recorded()), c("loss", "w", "acc"))
  records()$reset()
})

test_that("record() writes one JSON line per call to RKB_RECORD", {
  records()$reset()
  path <- tempfile(fileext = ".jsonl")
  # The parity tool sets RKB_RECORD before R starts; R's Sys.setenv() would not reach Python's os.environ.
  environ <- reticulate::import("os", convert = FALSE)$environ
  environ$`__setitem__`("RKB_RECORD", path)
  on.exit({
    environ$pop("RKB_RECORD")
    records()$reset()
  })
  record("x", c(1, 2, 3))
  record("x", array(1:8, c(2, 2, 2)))
  lines <- readLines(path)
  expect_length(lines, 2)
  expect_match(lines[[1]], '"name": "x", "step": 1, "shape": [3], "values": [1.0, 2.0, 3.0]', fixed = TRUE)
  expect_match(lines[[2]], '"step": 2, "shape": [2, 2, 2]', fixed = TRUE)
})

test_that("record() refuses NA, text and NULL with classed errors naming the argument", {
  records()$reset()
  expect_error(record("loss", c(1, NA)), class = "python.builtin.ValueError")
  expect_error(record("loss", c(1, NA)), "missing values \\(R NA\\)")
  expect_error(record("loss", NA_integer_), class = "rkerasbridge_python_error")
  expect_error(record("loss", "1.5"), class = "python.builtin.TypeError")
  expect_error(record("loss", NULL), "argument `value`: expected a number")
  expect_error(record("", 1), class = "python.builtin.TypeError")
  expect_error(record("loss", 1, step = 0), "argument `step`")
  expect_length(recorded(), 0)
  record("loss", NaN)  # an explicit NaN is a value: the comparison reports it
  expect_true(is.nan(recorded("loss")[[1]]))
  records()$reset()
})

test_that("parity_seed() and parity_steps() read the parity tool's environment", {
  expect_null(parity_seed())
  expect_equal(parity_steps(10), 10)
  Sys.setenv(RKB_SEED = "7", RKB_STEPS = "3")
  on.exit(Sys.unsetenv(c("RKB_SEED", "RKB_STEPS")))
  expect_equal(parity_seed(42), 7)
  expect_equal(parity_steps(10), 3)
})

test_that("run_script() seeds, then runs the script in the global environment", {
  records()$reset()
  script <- tempfile(fileext = ".R")
  writeLines(c("rkb_test_value <- tf$random$normal(shape(3L))$numpy()", "record('x', rkb_test_value)"), script)
  run_script(script, seed = 3)
  run_script(script, seed = 3)
  x <- recorded("x")
  expect_equal(x[[1]], x[[2]])
  expect_true(exists("rkb_test_value", envir = globalenv()))
  rm("rkb_test_value", envir = globalenv())
  expect_error(run_script(tempfile(fileext = ".R")), "an existing R script")
  records()$reset()
})
