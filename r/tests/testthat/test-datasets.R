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
