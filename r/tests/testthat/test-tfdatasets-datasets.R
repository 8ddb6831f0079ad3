test_that("until_out_of_range() walks every batch of a tensor_slices_dataset", {
  x <- matrix(as.numeric(1:20), nrow = 10, ncol = 2)
  ds <- tensor_slices_dataset(list(x, 1:10)) %>% dataset_batch(4)
  iter <- make_iterator_one_shot(ds)
  sizes <- integer(0)
  firsts <- list()
  until_out_of_range({
    batch <- iterator_get_next(iter)
    sizes <- c(sizes, batch[[1]]$shape$as_list()[[1]])
    firsts[[length(firsts) + 1]] <- batch[[1]]$numpy()
  })
  expect_equal(sizes, c(4L, 4L, 2L))
  expect_equal(firsts[[1]], x[1:4, ])
})

test_that("shuffle is seeded and other errors propagate out of until_out_of_range()", {
  order <- function() {
    vapply(reticulate::iterate(tensor_slices_dataset(1:10) %>% dataset_shuffle(10, seed = 3)),
           function(t) t$numpy(), integer(1))
  }
  expect_equal(order(), order())
  expect_setequal(order(), 1:10)
  expect_error(until_out_of_range(stop("not out of range")), "not out of range")
  expect_error(dataset_batch(tensor_slices_dataset(1:3), 2.5), class = "python.builtin.ValueError")
})

test_that("a data frame gives one named-list element per row", {
  df <- data.frame(mpg = c(21, 22.8, 18.7), cyl = c(6L, 4L, 8L), name = c("a", "b", "c"),
                   gear = factor(c("four", "four", "three")))
  it <- as_iterator(tensor_slices_dataset(df))
  second <- { iter_next(it); iter_next(it) }
  expect_equal(sort(names(second)), c("cyl", "gear", "mpg", "name"))
  expect_equal(second$mpg$numpy(), 22.8)
  expect_equal(second$cyl$numpy(), 4L)
  expect_equal(second$gear$numpy()$decode(), "four")
  batch <- iter_next(as_iterator(tensor_slices_dataset(df) %>% dataset_batch(3)))
  expect_equal(as.integer(batch$cyl), c(6L, 4L, 8L))
  one_row <- iter_next(as_iterator(tensor_slices_dataset(df[2, ])))
  expect_equal(one_row$name$numpy()$decode(), "b")
})

test_that("dataset_map() traces an R function once and passes tuple parts as arguments", {
  calls <- 0
  ds <- tensor_slices_dataset(list(1:4, 11:14)) %>%
    dataset_map(function(x, y) {
      calls <<- calls + 1
      list(x * 2L, y)
    })
  it <- as_iterator(ds)
  firsts <- integer(0)
  seconds <- integer(0)
  while (!is.null(element <- iter_next(it))) {
    firsts <- c(firsts, element[[1]]$numpy())
    seconds <- c(seconds, element[[2]]$numpy())
  }
  expect_equal(firsts, c(2L, 4L, 6L, 8L))
  expect_equal(seconds, 11:14)
  expect_equal(calls, 1)
})

test_that("dataset_map() takes one-sided formulas with .x and .y, and named-list elements", {
  doubled <- tensor_slices_dataset(1:5) %>% dataset_map(~ .x * 2L, num_parallel_calls = 2)
  expect_equal(vapply(reticulate::iterate(doubled), function(t) t$numpy(), integer(1)), c(2L, 4L, 6L, 8L, 10L))
  summed <- tensor_slices_dataset(list(c(1, 2), c(10, 20))) %>% dataset_map(~ .x + .y)
  expect_equal(vapply(reticulate::iterate(summed), function(t) t$numpy(), numeric(1)), c(11, 22))
  rows <- tensor_slices_dataset(data.frame(a = c(1, 2), b = c(3, 4))) %>%
    dataset_map(function(row) list(s = row$a + row$b))
  expect_equal(vapply(reticulate::iterate(rows), function(e) e$s$numpy(), numeric(1)), c(4, 6))
})

test_that("iter_next() returns `completed` at the end; bad map_func input is a classed error", {
  it <- as_iterator(tensor_slices_dataset(1:2))
  expect_equal(iter_next(it)$numpy(), 1L)
  expect_equal(iter_next(it)$numpy(), 2L)
  expect_null(iter_next(it))
  expect_identical(iter_next(it, completed = NA), NA)
  ds <- tensor_slices_dataset(1:3)
  expect_error(dataset_map(ds, y ~ .x), class = "python.builtin.TypeError")
  expect_error(dataset_map(ds, "x * 2"), class = "python.builtin.TypeError")
  expect_error(dataset_map(ds, ~ .x, num_parallel_calls = 0), class = "python.builtin.ValueError")
  expect_error(as_iterator(3), class = "python.builtin.TypeError")
})

test_that("R vectors keep R's types, and NA is refused", {
  types <- output_types(tensor_slices_dataset(list(a = c(1.5, 2), b = 1:2, l = c(TRUE, FALSE), s = c("x", "y"))))
  expect_equal(vapply(types, function(t) t$name, ""), c(a = "float64", b = "int32", l = "bool", s = "string"))
  expect_error(tensor_slices_dataset(list(a = c(1, NA))), "R NA", class = "python.builtin.ValueError")
  nan_ok <- iter_next(as_iterator(tensor_slices_dataset(c(NaN, 1))))
  expect_true(is.nan(nan_ok$numpy()))
})

test_that("tensors_dataset() makes one element; range, zip and sample datasets", {
  one <- reticulate::iterate(tensors_dataset(list(x = 1:3, y = 2.5)))
  expect_length(one, 1)
  expect_equal(one[[1]]$x$numpy(), array(1:3))
  expect_equal(one[[1]]$y$numpy(), 2.5)
  expect_equal(as.array(next_batch(range_dataset(from = 1, to = 11) %>% dataset_batch(10))), array(1:10))
  expect_equal(vapply(reticulate::iterate(range_dataset(10, 0, by = -4)), function(t) t$numpy(), 0), c(10, 6, 2))
  zipped <- next_batch(zip_datasets(list(x = range_dataset(0, 3), y = range_dataset(10, 13))))
  expect_equal(c(zipped$x$numpy(), zipped$y$numpy()), c(0, 10))
  pair <- next_batch(zip_datasets(range_dataset(0, 3), range_dataset(10, 13)))
  expect_equal(vapply(pair, function(t) t$numpy(), 0), c(0, 10))
  drawn <- vapply(reticulate::iterate(sample_from_datasets(list(range_dataset(0, 3), range_dataset(5, 8)),
                                                           weights = c(0, 1), seed = 1)), function(t) t$numpy(), 0)
  expect_equal(drawn, c(5, 6, 7))
  st <- tf$SparseTensor(indices = list(c(0L, 0L), c(1L, 2L)), values = c(1L, 2L), dense_shape = c(3L, 4L))
  rows <- reticulate::iterate(sparse_tensor_slices_dataset(st))
  expect_equal(as.array(tf$sparse$to_dense(rows[[2]])), array(c(0L, 0L, 2L, 0L)))
})

test_that("until_out_of_range() honours break and next in its block", {
  iter <- make_iterator_one_shot(range_dataset(0, 10))
  seen <- numeric(0)
  until_out_of_range({
    value <- iterator_get_next(iter)$numpy()
    if (value == 1) next
    if (value == 4) break
    seen <- c(seen, value)
  })
  expect_equal(seen, c(0, 2, 3))
  expect_equal(iterator_get_next(iter)$numpy(), 5)
})
