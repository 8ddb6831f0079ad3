test_that("dict() and np_array() are reticulate's, re-exported as R tensorflow did", {
  expect_identical(rkerasbridge::dict, reticulate::dict)
  expect_identical(rkerasbridge::np_array, reticulate::np_array)
  d <- dict(a = 1, b = "x")
  expect_s3_class(d, "python.builtin.dict")
  expect_identical(reticulate::py_to_r(d), list(a = 1, b = "x"))
  a <- np_array(1:3, dtype = "float32")
  expect_identical(reticulate::py_to_r(a$dtype$name), "float32")
  expect_true(all(c("dict", "np_array", "iterate", "use_python", "use_virtualenv", "use_condaenv", "tuple",
                    "import", "array_reshape") %in% getNamespaceExports("rkerasbridge")))
})
