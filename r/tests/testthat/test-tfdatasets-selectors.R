cols <- tensor_slices_dataset(list(a = letters[1:3], b = 1:3, c = c(0.5, 1, 2), x1 = 1:3, x2 = 1:3, x10 = 1:3))

# dataset_prepare(cols, x = c(<the arguments as written>), named_features = TRUE), in the caller's frame
chosen <- function(...) {
  x <- as.call(c(quote(c), eval(substitute(alist(...)))))
  call <- as.call(list(quote(dataset_prepare), quote(cols), x = x, named_features = TRUE))
  names(next_batch(eval(call, parent.frame()))$x)
}

test_that("bare names, -, ranges, positions and evaluated values select columns in order", {
  expect_equal(chosen(c, a), c("c", "a"))
  expect_equal(chosen(-b), c("a", "c", "x1", "x2", "x10"))
  expect_equal(chosen(b:x1), c("b", "c", "x1"))
  expect_equal(chosen(2, 1), c("b", "a"))
  vars <- c("x2", "a")
  expect_equal(chosen(!!vars), c("x2", "a"))
  expect_equal(chosen(paste0("x", 1:2)), c("x1", "x2"))
})

test_that("selector helpers, also when something else masks them", {
  expect_equal(chosen(all_numeric(), -has_type("float64")), c("b", "x1", "x2", "x10"))
  expect_equal(chosen(all_nominal()), "a")
  expect_equal(chosen(starts_with("X"), -ends_with("0")), c("x1", "x2"))
  expect_equal(chosen(contains("1")), c("x1", "x10"))
  expect_equal(chosen(matches("^x[12]$")), c("x1", "x2"))
  expect_equal(chosen(num_range("x", c(1, 10))), c("x1", "x10"))
  expect_equal(chosen(one_of(c("c", "a"))), c("c", "a"))
  expect_equal(chosen(everything()), c("a", "b", "c", "x1", "x2", "x10"))
  starts_with <- function(...) stop("a masking starts_with() was called")
  expect_equal(chosen(starts_with("x1")), c("x1", "x10"))
  expect_error(chosen(zz), "names of columns", class = "python.builtin.ValueError")
  expect_error(matches("("), "regular expression")
})
