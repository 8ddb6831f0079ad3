test_that("run_case_study runs both twins of matmul and they agree", {
  out <- tempfile()
  result <- run_case_study("matmul", lang = "both", out = out)
  expect_true(result$parity$ok)
  expect_equal(result$parity$verdict, "PASS")
  expect_setequal(names(result$runs), c("r", "py"))
  for (run in result$runs) {
    expect_true(file.exists(run$record))
    expect_gt(run$seconds, 0)
  }
  expect_equal(normalizePath(dirname(result$runs$r$record)), normalizePath(out))
  # the report page sits next to the records and shows the verdict
  expect_equal(normalizePath(result$report), normalizePath(file.path(out, "index.html")))
  expect_true(any(grepl("PASS", readLines(result$report, warn = FALSE), fixed = TRUE)))
})

test_that("run_case_study names a bad argument", {
  expect_error(run_case_study("nosuchcase"), "case")
  expect_error(run_case_study("matmul", lang = "julia"), "lang")
})
