# R collects its garbage once the tensors handed to it pass a threshold (bridge-memory.R, r/src/memory.c):
# R sees a tensor as a small reference and would otherwise let dead tensors pile up in Python.

alive <- function(ref) {
  # Asked in Python, so that the check hands R no new reference to the tensor.
  reticulate::py_to_r(reticulate::py_call(reticulate::py_eval("lambda r: r() is not None", convert = FALSE), ref))
}

test_that("tensor_gc_threshold() reads and sets the threshold in MiB and refuses bad input", {
  old <- tensor_gc_threshold(16)
  on.exit(tensor_gc_threshold(old))
  expect_true(is.numeric(old) && old >= 0)
  expect_equal(tensor_gc_threshold(), 16)
  expect_invisible(tensor_gc_threshold(8L))
  expect_equal(tensor_gc_threshold(), 8)
  expect_error(tensor_gc_threshold(-1), class = "python.builtin.ValueError")
  expect_error(tensor_gc_threshold(NA_real_), class = "python.builtin.ValueError")
  expect_error(tensor_gc_threshold(NA_integer_), class = "python.builtin.ValueError")
  expect_error(tensor_gc_threshold("a lot"), class = "python.builtin.ValueError")
  expect_error(tensor_gc_threshold(c(1, 2)), class = "python.builtin.ValueError")
  expect_equal(tensor_gc_threshold(), 8)
})

test_that("the C code watches for the signal once the bridge is loaded", {
  ensure_bridge <- rkerasbridge:::ensure_bridge
  ensure_bridge()
  expect_true(rkerasbridge:::.state$collects)
})

# Drop a 256 KiB tensor, then make the call `passing()` that takes the count past a 1 MiB threshold:
# whether the dropped tensor is alive before and after that call, and the call's result.
dropped_then_passing <- function(passing) {
  old <- tensor_gc_threshold(1)
  on.exit(tensor_gc_threshold(old))
  weakref <- reticulate::import("weakref", convert = FALSE)
  invisible(gc())  # a fresh young generation: what is made below is not promoted before the check
  x <- tf$ones(shape(256L, 256L))  # 256 KiB counted
  ref <- weakref$ref(x)
  rm(x)
  before <- alive(ref)
  result <- passing()
  list(before = before, after = alive(ref), result = result)
}

test_that("the call that passes the threshold frees the tensors R dropped (fast path)", {
  seen <- dropped_then_passing(function() tf$zeros(shape(512L, 512L)))  # 1 MiB more: R collects after it
  expect_true(seen$before)
  expect_false(seen$after)
  expect_equal(dim(seen$result), c(512L, 512L))  # the result itself survives the collection
})

test_that("the call that passes the threshold frees the tensors R dropped (reticulate's path)", {
  # a vector argument takes reticulate's path
  seen <- dropped_then_passing(function() tf$constant(numeric(262144L), dtype = "float32"))
  expect_true(seen$before)
  expect_false(seen$after)
  expect_equal(as.numeric(tf$size(seen$result)), 262144)
})

test_that("every few signals R runs a full collection, which frees tensors in older generations", {
  old <- tensor_gc_threshold(1)  # also starts the count of signals afresh
  on.exit(tensor_gc_threshold(old))
  full_every <- reticulate::py_to_r(reticulate::import("rkeras_bridge.bridge.memory", convert = FALSE)$`_FULL_EVERY`)
  weakref <- reticulate::import("weakref", convert = FALSE)
  x <- tf$ones(shape(4L, 4L))
  ref <- weakref$ref(x)
  invisible(gc())  # x is alive: R moves its reference to an older generation
  invisible(gc())
  rm(x)
  for (i in seq_len(full_every)) y <- tf$zeros(shape(512L, 512L))  # 1 MiB each: one signal each
  expect_false(alive(ref))
})
