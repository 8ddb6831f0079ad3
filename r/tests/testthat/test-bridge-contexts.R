test_that("with(%as%) binds the entered value and exits cleanly", {
  ctx <- test_py()$RecordingContext()
  result <- with(ctx %as% value, {
    got <- value
    "block value"
  })
  expect_equal(got, "entered-value")
  expect_equal(result, "block value")
  expect_true(ctx$entered)
  expect_null(ctx$exit_args[[1]])
})

test_that("an R error inside the block reaches __exit__ and is re-raised", {
  ctx <- test_py()$RecordingContext()
  expect_error(with(ctx %as% value, stop("boom")), "boom", class = "simpleError")
  expect_equal(ctx$exit_args[[1]]$`__name__`, "RError")
  expect_match(reticulate::py_str(ctx$exit_args[[2]]), "boom")
})

test_that("a Python error inside the block reaches __exit__ as itself and keeps its R class", {
  ctx <- test_py()$RecordingContext()
  expect_error(with(ctx %as% value, test_py()$raise_value_error(3)), class = "python.builtin.ValueError")
  expect_equal(ctx$exit_args[[1]]$`__name__`, "ValueError")
})

test_that("__exit__ may suppress the error", {
  ctx <- test_py()$RecordingContext(suppress = TRUE)
  expect_null(with(ctx %as% value, stop("quiet")))
  expect_equal(ctx$exit_args[[1]]$`__name__`, "RError")
})

test_that("with() still works on data frames", {
  expect_equal(with(data.frame(a = 1:3), sum(a)), 6L)
})

test_that("a GradientTape block records gradients", {
  x <- tf$constant(3)
  with(tf$GradientTape() %as% tape, {
    tape$watch(x)
    y <- tf$multiply(x, x)
  })
  expect_equal(tape$gradient(y, x)$numpy(), 6)
})
