test_that("tensorboard() stops, and starts only with the tensorboard package", {
  expect_null(tensorboard(action = "stop"))
  expect_error(tensorboard(action = "restart"))
  logs <- tempfile()
  dir.create(logs)
  if (reticulate::py_module_available("tensorboard")) {
    url <- tensorboard(logs, launch_browser = FALSE)
    on.exit(tensorboard(action = "stop"), add = TRUE)
    expect_match(url, "^http://127.0.0.1:")
  } else {
    expect_error(tensorboard(logs, launch_browser = FALSE), "pip install tensorboard",
                 class = "python.builtin.ModuleNotFoundError")
  }
})
