test_that("to_categorical() one-hot encodes classes counted from 0", {
  expect_equal(to_categorical(c(0, 2, 1)), diag(3)[c(1, 3, 2), ])
  y <- matrix(c(1, 3), ncol = 1)
  out <- to_categorical(y, num_classes = 5)
  expect_equal(dim(out), c(2L, 5L))
  expect_equal(max.col(out) - 1L, c(1L, 3L))
  labels <- round(runif(100, 0, 9))
  expect_equal(max.col(to_categorical(matrix(labels, ncol = 1), num_classes = 10)) - 1, labels)
})

test_that("normalize() divides by the norm along an R axis", {
  x <- rbind(c(3, 4), c(0, 0), c(1, -1))
  expect_equal(normalize(x), rbind(c(0.6, 0.8), c(0, 0), c(1, -1) / sqrt(2)))
  expect_equal(normalize(x, axis = 1), sweep(x, 2, sqrt(colSums(x^2)), "/"))
  expect_equal(normalize(x, order = 1)[1, ], c(3, 4) / 7)
})

test_that("keras_array() is a C-ordered float32 NumPy array", {
  m <- matrix(1:6 / 2, 2)
  x <- keras_array(m)
  expect_s3_class(x, "numpy.ndarray")
  expect_equal(reticulate::py_to_r(x$dtype$name), "float32")
  expect_true(reticulate::py_to_r(x$flags$c_contiguous))
  expect_equal(reticulate::py_to_r(x), m)
  expect_equal(reticulate::py_to_r(keras_array(1:3)$dtype$name), "int32")
  expect_equal(reticulate::py_to_r(keras_array(1:3)), array(1:3))
  expect_equal(reticulate::py_to_r(keras_array(2.5)$shape), list(1L))
  parts <- keras_array(list(m, NULL))
  expect_length(parts, 2)
  expect_null(parts[[2]])
  expect_null(keras_array(NULL))
})

test_that("array_reshape() fills by rows", {
  expect_equal(array_reshape(1:6, c(2, 3)), rbind(1:3, 4:6))
})

test_that("get_file() finds cached files and never downloads", {
  home <- tempfile()
  with_keras_home(home, {
    err <- tryCatch(get_file("2010zipcode.zip", origin = "https://www.irs.gov/pub/irs-soi/2010zipcode.zip",
                             cache_subdir = "tests"), error = function(e) e)
    expect_s3_class(err, "python.builtin.FileNotFoundError")
    expect_true(grepl(file.path(home, "tests", "2010zipcode.zip"), conditionMessage(err), fixed = TRUE))
    expect_true(grepl("https://www.irs.gov/pub/irs-soi/2010zipcode.zip", conditionMessage(err), fixed = TRUE))
    dir.create(file.path(home, "tests"), recursive = TRUE)
    writeBin(charToRaw("zip"), file.path(home, "tests", "2010zipcode.zip"))
    expect_equal(get_file("2010zipcode.zip", origin = "u", cache_subdir = "tests"),
                 file.path(home, "tests", "2010zipcode.zip"))
    md5 <- unname(tools::md5sum(file.path(home, "tests", "2010zipcode.zip")))
    expect_equal(get_file("2010zipcode.zip", "u", cache_subdir = "tests", file_hash = md5),
                 file.path(home, "tests", "2010zipcode.zip"))
    expect_error(get_file("2010zipcode.zip", "u", cache_subdir = "tests", file_hash = strrep("0", 32)),
                 "does not match", class = "python.builtin.ValueError")
  })
})

test_that("hdf5_matrix() reads rows start to end", {
  path <- tempfile(fileext = ".h5")
  h5py <- reticulate::import("h5py")
  f <- h5py$File(path, "w")
  f$create_dataset("my_data", data = matrix(as.numeric(1:40), 10))
  f$close()
  x <- hdf5_matrix(path, "my_data", start = 2, end = 6)
  expect_equal(unlist(x$shape), c(4L, 4L))
  expect_equal(reticulate::import("numpy")$asarray(x), matrix(as.numeric(1:40), 10)[3:6, ])
  scaled <- hdf5_matrix(path, "my_data", normalizer = function(v) v / 10)
  expect_equal(as.numeric(scaled$`__getitem__`(0L)), matrix(as.numeric(1:40), 10)[1, ] / 10)
  expect_error(hdf5_matrix(path, "other"), "dataset", class = "python.builtin.ValueError")
  expect_error(hdf5_matrix(tempfile(), "x"), "datapath", class = "python.builtin.FileNotFoundError")
})

test_that("%<-% assigns parts of a value, as zeallot did", {
  c(a, b) %<-% list(1, "two")
  expect_equal(a, 1)
  expect_equal(b, "two")
  c(x, c(y, z)) %<-% list(1, list(2, 3))
  expect_equal(c(x, y, z), c(1, 2, 3))
  c(first, ...rest) %<-% 1:4
  expect_equal(first, 1L)
  expect_equal(rest, list(2L, 3L, 4L))
  c(head, ..., tail) %<-% list("h", 0, 0, "t")
  expect_equal(c(head, tail), c("h", "t"))
  c(., second) %<-% c(10, 20)
  expect_equal(second, 20)
  c(p, q = 5) %<-% list(4)
  expect_equal(c(p, q), c(4, 5))
  c(ch1, ch2) %<-% "ab"
  expect_equal(c(ch1, ch2), c("a", "b"))
  c(col1, col2) %<-% data.frame(u = 1:2, v = c("x", "y"), stringsAsFactors = FALSE)
  expect_equal(col2, c("x", "y"))
  single %<-% list(1, 2)
  expect_equal(single, list(1, 2))
  value <- (c(m, n) %<-% list(7, 8))
  expect_equal(value, list(7, 8))
  # the way R keras 2.2.4 code takes data sets apart
  c(c(x_train, y_train), c(x_test, y_test)) %<-% list(list(x = 1:2, y = 3), list(x = 4, y = 5))
  expect_equal(x_train, 1:2)
  expect_equal(y_test, 5)
})

test_that("%<-% with a pattern that does not fit is a classed error", {
  expect_error(c(a, b) %<-% list(1, 2, 3), "expected 2 values", class = "rkerasbridge_destructure_error")
  expect_error(c(a, b, c) %<-% list(1, 2), "Received: value=a list of 2", class = "rkerasbridge_destructure_error")
  expect_error(c(a, b) %<-% 1, class = "rkerasbridge_destructure_error")
  expect_error(c(a, c(b, d)) %<-% list(1, 2), class = "rkerasbridge_destructure_error")
  expect_error(f(a) %<-% list(1), class = "rkerasbridge_destructure_error")
  expect_error(c(...a, ...b) %<-% list(1), "one `...`", class = "rkerasbridge_destructure_error")
})
