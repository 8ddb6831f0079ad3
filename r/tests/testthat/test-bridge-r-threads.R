# R functions that TensorFlow calls from its own threads (dataset maps, prefetching, py_func) run on
# R's main thread while it waits for the dataset: no abort (reticulate 1.28), no hang (>= 1.29).

numbers_dataset <- function(n) tensor_slices_dataset(as.numeric(seq_len(n)))

test_that("a parallel map over 1,000 elements with an R function gives every element, prefetched", {
  r_double <- function(x) x * 2
  ds <- numbers_dataset(1000) %>%
    dataset_map(function(x) tf$py_func(r_double, list(x), tf$float64), num_parallel_calls = 4L) %>%
    dataset_batch(100L) %>% dataset_prefetch(2L)
  total <- 0
  iter <- make_iterator_one_shot(ds)
  until_out_of_range(total <- total + sum(iterator_get_next(iter)$numpy()))
  expect_equal(total, 2 * sum(1:1000))
})

test_that("an error in element 500 arrives as the R function's own condition, and iteration can go on", {
  r_check <- function(x) {
    if (x == 500) stop(structure(class = c("bad_element", "error", "condition"),
                                 list(message = "element 500 is bad", call = NULL)))
    x
  }
  ds <- numbers_dataset(1000) %>%
    dataset_map(function(x) tf$py_func(r_check, list(x), tf$float64), num_parallel_calls = 4L) %>%
    dataset_batch(100L)
  iter <- make_iterator_one_shot(ds)
  err <- tryCatch({
    until_out_of_range(iterator_get_next(iter))
    NULL
  }, error = function(e) e)
  # reticulate 1.28 hands Python an R error's message only; >= 1.29 its condition, classes included
  if (utils::packageVersion("reticulate") >= "1.29") {
    expect_s3_class(err, "bad_element")
  } else {
    expect_s3_class(err, "python.builtin.RuntimeError")
  }
  expect_match(conditionMessage(err), "element 500 is bad")
})

test_that("an R function called from TensorFlow's threads can call back into Python", {
  r_sqrt <- function(x) reticulate::import("numpy")$sqrt(x)
  ds <- tensor_slices_dataset(c(4, 9, 16)) %>%
    dataset_map(function(x) tf$numpy_function(r_sqrt, list(x), tf$float64), num_parallel_calls = 2L)
  it <- as_iterator(ds)
  values <- c()
  while (!is.null(v <- iter_next(it))) values <- c(values, v$numpy())
  expect_equal(sort(values), c(2, 3, 4))
})

test_that("a scalar string reaches the R function as Python bytes, as in 2018", {
  r_length <- function(s) nchar(s$decode("utf-8"))
  ds <- tensor_slices_dataset(c("a", "bb", "ccc")) %>%
    dataset_map(function(s) tf$py_func(r_length, list(s), tf$int32), num_parallel_calls = 2L)
  iter <- make_iterator_one_shot(ds)
  lengths <- c()
  until_out_of_range(lengths <- c(lengths, iter$get_next()$numpy()))  # the iterator's own method too
  expect_equal(sort(lengths), 1:3)
})

test_that("tf$py_function hands an R function eager tensors", {
  r_add_one <- function(x) x + 1
  ds <- numbers_dataset(5) %>%
    dataset_map(function(x) tf$py_function(r_add_one, list(x), tf$float64), num_parallel_calls = 2L)
  it <- as_iterator(ds)
  values <- c()
  while (!is.null(v <- iter_next(it))) values <- c(values, v$numpy())
  expect_equal(sort(values), 2:6)
})
