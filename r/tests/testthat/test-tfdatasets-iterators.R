test_that("next_batch() gives the first batch; with_dataset() ends quietly at the end of the data", {
  expect_equal(as.array(range_dataset(1, 11) %>% dataset_batch(10) %>% next_batch()), array(1:10))
  iter <- make_iterator_one_shot(tensor_slices_dataset(1:50) %>% dataset_batch(10))
  firsts <- integer(0)
  with_dataset({
    while (TRUE) firsts <- c(firsts, as.array(iterator_get_next(iter))[1])
  })
  expect_equal(firsts, c(1L, 11L, 21L, 31L, 41L))
  expect_error(with_dataset(stop("other")), "other")
  expect_error(next_batch(range_dataset(0, 0)), class = "tensorflow.python.framework.errors_impl.OutOfRangeError")
})

test_that("out_of_range_handler() ignores only the end of the data", {
  caught <- tryCatch(iterator_get_next(make_iterator_one_shot(range_dataset(0, 0))), error = out_of_range_handler)
  expect_null(caught)
  expect_error(tryCatch(stop("boom"), error = out_of_range_handler), "boom")
})

test_that("an iterator from a structure is re-pointed at datasets", {
  training <- range_dataset(from = 1, to = 100) %>% dataset_map(function(x) x + tf$random$uniform(shape(), -10L, 10L, tf$int64))
  validation <- range_dataset(from = 1, to = 50)
  iterator <- make_iterator_from_structure(output_types(training), output_shapes(training))
  for (i in 1:2) {
    iterator_make_initializer(iterator, training)
    for (j in 1:99) iterator_get_next(iterator)
    expect_error(iterator_get_next(iterator), class = "tensorflow.python.framework.errors_impl.OutOfRangeError")
    iterator_make_initializer(iterator, validation)
    expect_equal(as.numeric(iterator_get_next(iterator)), 1)
  }
  expect_error(iterator_make_initializer(iterator, tensor_slices_dataset(c("a", "b"))),
               class = "python.builtin.TypeError")
})

test_that("graph-only iterators are classed errors that say what to use instead", {
  ds <- range_dataset(0, 3)
  for (call in list(quote(make_iterator_initializable(ds)), quote(iterator_initializer(NULL)),
                    quote(make_iterator_from_string_handle(NULL, tf$int64)), quote(iterator_string_handle(NULL)))) {
    expect_error(eval(call), "Instead:", class = "rkeras_bridge.bridge.errors.UnavailableError")
  }
})

test_that("next_batch() and a structure iterator serve R functions that tf.data calls on its threads", {
  r_double <- function(x) x * 2
  ds <- tensor_slices_dataset(as.numeric(1:20)) %>%
    dataset_map(function(x) tf$py_func(r_double, list(x), tf$float64), num_parallel_calls = 4L) %>%
    dataset_batch(20L)
  expect_equal(as.numeric(next_batch(ds)), (1:20) * 2)
  iterator <- make_iterator_from_structure(output_types(ds), output_shapes(ds))
  iterator_make_initializer(iterator, ds)
  expect_equal(as.numeric(iterator_get_next(iterator)), (1:20) * 2)
})
