values_of <- function(ds) vapply(reticulate::iterate(ds), function(t) as.numeric(t$numpy()), 0)

cars_csv <- function() {
  f <- tempfile(fileext = ".csv")
  write.csv(mtcars, f, row.names = FALSE)
  f
}

test_that("skip, concatenate, shard, cache, window, shuffle_and_repeat", {
  expect_equal(values_of(range_dataset(0, 5) %>% dataset_skip(2)), c(2, 3, 4))
  expect_equal(values_of(dataset_concatenate(range_dataset(0, 2), range_dataset(7, 9))), c(0, 1, 7, 8))
  expect_equal(values_of(range_dataset(0, 10) %>% dataset_shard(num_shards = 4, index = 1)), c(1, 5, 9))
  prefix <- tempfile()
  cached <- range_dataset(0, 4) %>% dataset_map(~ .x * .x) %>% dataset_cache(filename = prefix)
  expect_equal(values_of(cached), c(0, 1, 4, 9))
  expect_true(length(Sys.glob(paste0(prefix, "*"))) > 0)
  windows <- range_dataset(1, 8) %>% dataset_window(size = 3, drop_remainder = TRUE)
  expect_equal(lapply(reticulate::iterate(windows), values_of), list(c(1, 2, 3), c(4, 5, 6)))
  twice <- values_of(range_dataset(0, 5) %>% dataset_shuffle_and_repeat(5, count = 2, seed = 1))
  expect_equal(sort(twice), sort(rep(0:4, 2)))
  expect_error(dataset_shard(range_dataset(0, 3), 2, 2), class = "python.builtin.ValueError")
})

test_that("filter, interleave, flat_map and map_and_batch take R functions and formulas", {
  f <- cars_csv()
  kept <- text_line_dataset(f, record_spec = csv_record_spec(f)) %>%
    dataset_filter(function(record) record$mpg >= 20 & record$cyl >= 6L) %>%
    dataset_batch(1000) %>%
    next_batch()
  expect_equal(sort(as.numeric(kept$mpg)), sort(mtcars$mpg[mtcars$mpg >= 20 & mtcars$cyl >= 6]), tolerance = 1e-6)
  expect_equal(values_of(range_dataset(0, 10) %>% dataset_filter(~ .x %% 3L == 0L)), c(0, 3, 6, 9))
  woven <- tensor_slices_dataset(c(1, 2, 3)) %>%
    dataset_interleave(cycle_length = 2, block_length = 2, function(x) tensors_dataset(x) %>% dataset_repeat(3))
  expect_equal(values_of(woven), c(1, 1, 2, 2, 1, 2, 3, 3, 3))
  flat <- range_dataset(1, 3) %>% dataset_flat_map(function(x) tensors_dataset(x) %>% dataset_repeat(2))
  expect_equal(values_of(flat), c(1, 1, 2, 2))
  negated <- range_dataset(1, 100) %>% dataset_map_and_batch(batch_size = 32, drop_remainder = TRUE, ~ -.x)
  expect_equal(as.numeric(iter_next(as_iterator(negated))), -(1:32))
  expect_error(dataset_filter(range_dataset(0, 3), function(x) x), class = "python.builtin.TypeError")
})

test_that("padded batches pad to the shape with values of the element type", {
  padded <- tensor_slices_dataset(matrix(1:8, ncol = 2)) %>%
    dataset_padded_batch(batch_size = 2, padded_shapes = 3L, padding_values = 77L) %>%
    next_batch()
  expect_equal(as.array(padded), matrix(c(1L, 2L, 5L, 6L, 77L, 77L), 2))
  doubles <- tensor_slices_dataset(matrix(1.1:8.1, ncol = 2)) %>%
    dataset_padded_batch(2, padded_shapes = tf$constant(3L, shape = shape(1L), dtype = tf$int32),
                         padding_values = tf$constant(77.1, dtype = tf$float64)) %>%
    next_batch()
  expect_equal(as.array(doubles)[, 3], c(77.1, 77.1))
})

test_that("dataset_prepare() takes selections, formulas, strings and !!", {
  f <- cars_csv()
  cars <- text_line_dataset(f, record_spec = csv_record_spec(f))
  batch <- cars %>% dataset_prepare(x = c(mpg, disp), y = cyl) %>% dataset_batch(10) %>% next_batch()
  expect_equal(names(batch), c("x", "y"))
  expect_equal(dim(as.array(batch$x)), c(10L, 2L))
  expect_equal(as.array(batch$x)[, 2], mtcars$disp[1:10], tolerance = 1e-6)
  expect_equal(as.integer(batch$y), mtcars$cyl[1:10])
  by_formula <- cars %>% dataset_prepare(cyl ~ mpg + disp, batch_size = 16L) %>% next_batch()
  expect_equal(dim(as.array(by_formula$x)), c(16L, 2L))
  wanted <- c("disp", "mpg")
  named <- cars %>% dataset_prepare(x = !!wanted, named_features = TRUE) %>% next_batch()
  expect_equal(names(named$x), c("disp", "mpg"))
  expect_null(named$y)
  strings <- cars %>% dataset_prepare(x = colnames(mtcars)[c(1, 3)], named_features = TRUE) %>% next_batch()
  expect_equal(names(strings$x), c("mpg", "disp"))
  rest <- cars %>% dataset_prepare(x = -c(am, vs), named_features = TRUE, named = FALSE) %>% next_batch()
  expect_null(names(rest))
  expect_equal(names(rest[[1]]), setdiff(names(mtcars), c("am", "vs")))
  fmla <- cyl ~ .
  everything_else <- cars %>% dataset_prepare(fmla, named_features = TRUE) %>% next_batch()
  expect_equal(names(everything_else$x), setdiff(names(mtcars), "cyl"))
  expect_error(cars %>% dataset_prepare(x = c(mpg, cyl)) %>% next_batch(), "one dtype")
  expect_error(cars %>% dataset_prepare(x = speed), "names of columns", class = "python.builtin.ValueError")
})

test_that("output types, shapes and column names", {
  ds <- tensors_dataset(tf$constant(1:100))
  expect_equal(output_types(ds)$name, "int32")
  expect_equal(output_shapes(ds)$as_list(), 100L)
  rows <- tensor_slices_dataset(mtcars) %>% dataset_batch(4)
  expect_equal(column_names(rows), names(mtcars))
  expect_equal(output_types(rows)$mpg$name, "float64")
  expect_equal(output_shapes(rows)$mpg$as_list(), list(NULL))
  expect_error(column_names(range_dataset(0, 2)), class = "python.builtin.TypeError")
})

test_that("input_fn() is a classed error saying what to use", {
  expect_error(input_fn(tensor_slices_dataset(mtcars), features = c(disp, cyl), response = mpg),
               "dataset_prepare", class = "rkeras_bridge.bridge.errors.UnavailableError")
})
