test_that("tf_version() is a numeric_version of TensorFlow's major.minor", {
  v <- tf_version()
  expect_s3_class(v, "numeric_version")
  full <- tf$version$VERSION
  expect_identical(as.character(v), paste(strsplit(full, ".", fixed = TRUE)[[1]][1:2], collapse = "."))
  expect_true(v >= "2.0")
  expect_true(v > "1.14")
  expect_identical(v > "2.9", numeric_version(full) > "2.9")  # compared as numbers, not as text
})

test_that("tf_config() describes this session and prints", {
  config <- tf_config()
  expect_s3_class(config, "tensorflow_config")
  expect_true(config$available)
  expect_identical(config$version, tf_version())
  expect_identical(config$version_str, tf$version$VERSION)
  expect_true(dir.exists(config$location))
  expect_identical(normalizePath(config$python), normalizePath(reticulate::py_config()$python))
  expect_output(print(config), sprintf("TensorFlow v%s", config$version_str), fixed = TRUE)
})

test_that("the installers refuse, with a classed error", {
  expect_error(install_tensorflow(), "nothing is installed", class = "rkeras_bridge.bridge.errors.UnavailableError")
  expect_error(install_tensorflow(version = "1.13", method = "conda"),
               class = "rkeras_bridge.bridge.errors.UnavailableError")
  expect_error(install_tensorflow_extras(c("tensorflow-hub")), "Instead:",
               class = "rkeras_bridge.bridge.errors.UnavailableError")
})

test_that("tf_gpu_configured() says whether TensorFlow sees a GPU", {
  seen <- length(tf$config$list_physical_devices("GPU")) > 0
  expect_identical(tf_gpu_configured(verbose = FALSE), seen)
})

test_that("tf_probability() needs tensorflow_probability", {
  if (reticulate::py_module_available("tensorflow_probability")) {
    expect_s3_class(tf_probability(), "python.builtin.module")
  } else {
    expect_error(tf_probability(), "not installed", class = "python.builtin.ModuleNotFoundError")
  }
})

test_that("use_compat() rebinds tf on the search path, and back", {
  skip_if_not("package:rkerasbridge" %in% search(),
              "use_compat() rebinds tf on the attached package, which needs library(rkerasbridge)")
  old <- use_compat("v1")
  on.exit(use_compat("v2"), add = TRUE)
  on_path <- get("tf", envir = as.environment("package:rkerasbridge"))
  expect_identical(on_path$train$AdamOptimizer, tf$compat$v1$train$AdamOptimizer)
  expect_identical(old, rkerasbridge::tf)
  use_compat("v2")
  expect_identical(get("tf", envir = as.environment("package:rkerasbridge")), rkerasbridge::tf)
  expect_error(use_compat("v3"))
})
