# `[` on tensors, checked against NumPy. The expected positions are worked out here in R from the
# R tensorflow rules in R style (1-based, inclusive, negatives from the end, vectors as evenly stepped
# runs), then NumPy selects them with np.ix_ (outer indexing, like R arrays) and reshapes (new axes
# in, dropped scalars out). The options and warnings of `[` are tested in test-tensorflow-extract.R.

np_main <- function() {
  reticulate::py_run_string("import numpy as np", convert = FALSE)
  reticulate::import("numpy", convert = FALSE)
}

# The tensor 1..prod(dims), row-major (as NumPy's arange(...).reshape(dims)).
tensor_of <- function(dims) {
  tf$reshape(tf$range(1L, as.integer(prod(dims) + 1)), as.list(as.integer(dims)))
}

np_array_code <- function(dims) {
  sprintf("np.arange(1, %d, dtype=np.int32).reshape((%s,))",
          as.integer(prod(dims) + 1), paste(dims, collapse = ", "))
}

# 1-based position of an R index on an axis of size n (negatives count from the end).
resolve <- function(i, n) if (i > 0) i else n + i + 1

range_positions <- function(start, end, step, n) {
  step <- if (is.null(step)) 1 else step
  same_sign <- !is.null(start) && !is.null(end) && (start > 0) == (end > 0)
  down <- step < 0 || (same_sign && start > end)
  from <- if (is.null(start)) (if (down) n else 1) else resolve(start, n)
  to <- if (is.null(end)) (if (down) 1 else n) else resolve(end, n)
  if (down) {
    if (from >= to) seq(from, to, by = -abs(step)) else integer(0)
  } else {
    if (from <= to) seq(from, to, by = abs(step)) else integer(0)
  }
}

# A random index for an axis of size n: its R code and the positions it selects (NULL: whole axis).
random_index <- function(n, env) {
  nonzero <- function() sample(c(-(n:1), 1:n), 1)
  end_code <- function(e) if (is.null(e)) "NULL" else as.character(e)
  kind <- sample(c("missing", "scalar", "scalar_var", "range", "range_step", "vector", "vector_var",
                   "python_slice"), 1)
  switch(kind,
    missing = list(code = "", kind = "missing"),
    scalar = {
      i <- nonzero()
      list(code = as.character(i), kind = "scalar", positions = resolve(i, n))
    },
    scalar_var = {  # a variable of the caller's frame
      i <- nonzero()
      name <- sprintf("i%d", length(ls(env)) + 1)
      assign(name, i, envir = env)
      list(code = name, kind = "scalar", positions = resolve(i, n))
    },
    range = , range_step = {
      ends <- lapply(1:2, function(k) if (runif(1) < 0.15) NULL else nonzero())
      step <- if (kind == "range_step") sample(c(1, 2, 3, -1, -2), 1) else NULL
      same_sign <- !is.null(ends[[1]]) && !is.null(ends[[2]]) && (ends[[1]] > 0) == (ends[[2]] > 0)
      if (!is.null(step) && step < 0 && same_sign && ends[[1]] < ends[[2]]) ends <- rev(ends)
      if (!is.null(ends[[1]]) && runif(1) < 0.3) {  # a range end from a variable
        name <- sprintf("a%d", length(ls(env)) + 1)
        assign(name, ends[[1]], envir = env)
        start_code <- name
      } else {
        start_code <- end_code(ends[[1]])
      }
      code <- paste0(start_code, ":", end_code(ends[[2]]), if (!is.null(step)) paste0(":", step))
      list(code = code, kind = "range", positions = range_positions(ends[[1]], ends[[2]], step, n))
    },
    python_slice = {  # a backquoted Python slice: `a:`, `:b`, `::k`
      a <- sample(n, 1)
      k <- sample(1:2, 1)
      form <- sample(c("start", "stop", "step"), 1)
      code <- switch(form, start = sprintf("`%d:`", a), stop = sprintf("`:%d`", a), step = sprintf("`::%d`", k))
      positions <- switch(form, start = seq(a, n), stop = seq_len(a), step = seq(1, n, by = k))
      list(code = code, kind = "range", positions = positions)
    },
    vector = , vector_var = {  # an evenly stepped positive run, up or down
      ends <- sample(n, 2, replace = n < 2)
      v <- if (ends[1] == ends[2]) ends[1] else seq(ends[1], ends[2], by = sign(ends[2] - ends[1]) * sample(1:2, 1))
      if (length(v) < 2) v <- if (n >= 2) c(1, 2) else 1
      code <- sprintf("c(%s)", paste(v, collapse = ", "))
      if (kind == "vector_var") {
        code <- sprintf("v%d", length(ls(env)) + 1)
        assign(code, v, envir = env)
      }
      list(code = code, kind = if (length(v) == 1) "scalar" else "vector", positions = v)  # c(1) is a number
    }
  )
}

random_case <- function(env) {
  dims <- sample(1:5, sample(1:4, 1), replace = TRUE)
  rank <- length(dims)
  n_consuming <- sample(0:rank, 1)
  ellipsis_at <- if (runif(1) < 0.3) sample(0:n_consuming, 1) else NA
  # The input axis each index addresses: all_dims() takes the ones in the middle.
  axes <- seq_len(n_consuming)
  if (!is.na(ellipsis_at)) {
    n_after <- n_consuming - ellipsis_at
    axes <- c(seq_len(ellipsis_at), seq(rank - n_after + 1, length.out = n_after))
  }
  idx <- lapply(axes, function(a) c(random_index(dims[a], env), axis = a))
  if (!is.na(ellipsis_at)) idx <- append(idx, list(list(code = "all_dims()", kind = "all_dims")), ellipsis_at)
  for (k in seq_len(sample(0:2, 1, prob = c(0.6, 0.3, 0.1)))) {
    new <- list(code = sample(c("NULL", "tf$newaxis"), 1), kind = "newaxis")
    idx <- append(idx, list(new), sample(0:length(idx), 1))
  }
  list(dims = dims, idx = idx, drop = runif(1) < 0.7)
}

# The NumPy expression for a case: outer selection of every axis, then the result's shape.
numpy_code <- function(case) {
  dims <- case$dims
  per_axis <- lapply(dims, seq_len)  # whole axes unless indexed
  out_shape <- integer(0)
  covered <- integer(0)
  for (ix in case$idx) {
    if (ix$kind == "all_dims") {
      indexed <- vapply(Filter(function(i) !is.null(i$axis), case$idx), `[[`, 0, "axis")
      rest <- setdiff(seq_along(dims), indexed)
      rest <- rest[rest > max(c(0, covered))]
      out_shape <- c(out_shape, dims[rest])
      covered <- c(covered, rest)
    } else if (ix$kind == "newaxis") {
      out_shape <- c(out_shape, 1L)
    } else {
      if (ix$kind != "missing") per_axis[[ix$axis]] <- ix$positions
      if (!(ix$kind == "scalar" && case$drop)) out_shape <- c(out_shape, length(per_axis[[ix$axis]]))
      covered <- c(covered, ix$axis)
    }
  }
  trailing <- setdiff(seq_along(dims), covered)
  out_shape <- c(out_shape, dims[trailing])
  lists <- vapply(per_axis, function(p) sprintf("[%s]", paste(as.integer(p) - 1L, collapse = ", ")), "")
  sprintf("%s[np.ix_(%s)].reshape((%s))", np_array_code(dims), paste(lists, collapse = ", "),
          if (length(out_shape)) paste0(paste(out_shape, collapse = ", "), ",") else "")
}

r_code <- function(case) {
  args <- vapply(case$idx, `[[`, "", "code")
  if (!case$drop) args <- c(args, "drop = FALSE")
  sprintf("t[%s]", paste(args, collapse = ", "))
}

shape_of <- function(t) as.integer(unlist(t$shape$as_list()))

test_that("200 generated index expressions match NumPy", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  np_main()
  set.seed(20180101)
  for (k in 1:200) {
    env <- new.env(parent = globalenv())
    case <- random_case(env)
    env$t <- tensor_of(case$dims)
    code <- r_code(case)
    warned <- FALSE
    got <- withCallingHandlers(eval(parse(text = code), envir = env), warning = function(w) {
      if (grepl("Incorrect number of dimensions", conditionMessage(w))) {
        warned <<- TRUE
        invokeRestart("muffleWarning")
      }
    })
    kinds <- vapply(case$idx, `[[`, "", "kind")
    consuming <- sum(!kinds %in% c("newaxis", "all_dims"))
    if (length(kinds) == 0 && case$drop) consuming <- 1  # t[] has one (missing) index, t[drop = FALSE] none
    expect_identical(warned, consuming < length(case$dims) && !"all_dims" %in% kinds, label = code)
    expected_code <- numpy_code(case)
    expected <- reticulate::py_eval(expected_code, convert = FALSE)
    label <- sprintf("%s on shape (%s), vs %s", code, paste(case$dims, collapse = ", "), expected_code)
    expect_identical(shape_of(got), as.integer(unlist(reticulate::py_to_r(expected$shape))), label = label)
    expect_identical(as.vector(got$numpy()), as.vector(reticulate::py_to_r(expected)), label = label)
  }
})

test_that("the R idioms select what an R user expects", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  x <- tensor_of(c(4, 5))
  v <- tensor_of(10)
  expect_identical(as.vector(x[1, ]$numpy()), 1:5)
  expect_identical(as.vector(x[, -1]$numpy()), c(5L, 10L, 15L, 20L))
  expect_identical(shape_of(x[2:-1, ]), c(3L, 5L))
  expect_identical(as.vector(x[4:1, 1]$numpy()), c(16L, 11L, 6L, 1L))
  expect_identical(as.vector(x[1, 1:5:2]$numpy()), c(1L, 3L, 5L))
  expect_identical(as.vector(v[9:1:2]$numpy()), c(9L, 7L, 5L, 3L, 1L))
  expect_identical(as.vector(v[-1:-3]$numpy()), c(10L, 9L, 8L))
  expect_identical(as.vector(v[NULL:NULL:-1]$numpy()), 10:1)
  expect_identical(as.vector(v[8:NULL]$numpy()), 8:10)
  expect_identical(as.vector(v[`8:`]$numpy()), 8:10)
  expect_identical(as.vector(v[`::3`]$numpy()), c(1L, 4L, 7L, 10L))
  expect_identical(as.vector(v[`:2`]$numpy()), 1:2)
  expect_identical(shape_of(v[8:-4]), 0L)  # mixed signs count up: empty when the ends cross
  expect_identical(x[c(1, 3), c(2, 5)]$numpy(), matrix(c(2L, 12L, 5L, 15L), 2))
  expect_identical(as.vector(v[seq(2, 10, by = 4)]$numpy()), c(2L, 6L, 10L))
  expect_identical(as.vector(x[all_dims(), 1]$numpy()), c(1L, 6L, 11L, 16L))
  expect_identical(shape_of(x[tf$newaxis, , ]), c(1L, 4L, 5L))
  expect_identical(shape_of(x[, NULL, 2]), c(4L, 1L))
  expect_identical(shape_of(x[1, , drop = FALSE]), c(1L, 5L))
  expect_identical(shape_of(x[-1, -1, drop = FALSE]), c(1L, 1L))
  expect_identical(x[-1, -1]$numpy(), 20L)
  expect_identical(as.vector(x[tf$constant(2L), ]$numpy()), 11:15)  # tensors index 0-based, untranslated
  expect_warning(y <- x[3], "Incorrect number of dimensions")  # leftover dimensions stay whole
  expect_identical(as.vector(y$numpy()), 11:15)
  expect_s3_class(all_dims(), "rkb_all_dims")
})

test_that("index values come from the caller, also through `...`", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  x <- tensor_of(c(4, 5))
  i <- 2
  n <- 4
  expect_identical(as.vector(x[i:n, i]$numpy()), c(7L, 12L, 17L))
  rows <- vapply(1:4, function(k) x[k, k]$numpy(), integer(1))
  expect_identical(rows, c(1L, 7L, 13L, 19L))
  forward <- function(t, ...) {
    i <- 5  # must not be seen by the forwarded index
    t[..., i]
  }
  expect_identical(as.vector(forward(x, i)$numpy()), 10L)
  trailing <- function(t, ...) t[...]
  expect_identical(as.vector(trailing(x, 2, )$numpy()), 6:10)
  expect_identical(as.vector(do.call("[", list(x, 3, 1))$numpy()), 11L)
  `_idx` <- 2
  expect_identical(as.vector(x[`_idx`:(identity(3) + 1L), 1]$numpy()), c(6L, 11L, 16L))
})

test_that("variables are indexed like tensors", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  v <- tf$Variable(tensor_of(c(3, 2)))
  expect_identical(as.vector(v[-1, ]$numpy()), c(5L, 6L))
  expect_identical(shape_of(v[2:3, 1, drop = FALSE]), c(2L, 1L))
})

test_that("bad indices raise python.builtin.ValueError naming the index", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  x <- tensor_of(c(4, 5))
  expect_index_error <- function(expr, name, pattern = NULL) {
    err <- expect_error(expr, class = "python.builtin.ValueError")
    expect_match(conditionMessage(err), sprintf("Invalid value for argument `%s`", name), fixed = TRUE)
    if (!is.null(pattern)) expect_match(conditionMessage(err), pattern)
  }
  expect_index_error(x[0, ], "index 1", "0-based indexing")
  expect_index_error(x[1, 0], "index 2")
  expect_index_error(x[NULL, 0], "index 2")
  expect_index_error(x[0:2, ], "index 1")
  expect_index_error(x[c(1, 0), ], "index 1")
  expect_index_error(x[5, ], "index 1", "out of bounds")
  expect_index_error(x[-5, ], "index 1")
  expect_index_error(x[, 2:6], "index 2")
  expect_index_error(x[, c(1, 6)], "index 2")
  expect_index_error(x[c(1, 2, 4), ], "index 1", "positive sequences with a single step size")
  expect_index_error(x[-(1:2), ], "index 1", "positive")
  expect_index_error(x[1, 2, 3], "index", "Incorrect number of dimensions")
  expect_index_error(x[all_dims(), 1, all_dims()], "index")
  expect_index_error(x[1:3:0, ], "index 1")
  expect_index_error(x[1:2:3:4, ], "index 1", "at most 3 parts")
  expect_index_error(x[1.5, ], "index 1")
  expect_index_error(x[Inf, ], "index 1", "Inf")
  expect_index_error(x[NA, ], "index 1")
  expect_index_error(x[, NA_integer_], "index 2")
  expect_index_error(x[1:NA, ], "index 1")
  expect_index_error(x[c(1, NA), ], "index 1")
  expect_index_error(x[TRUE, ], "index 1")
  expect_index_error(x[c(TRUE, FALSE), ], "index 1")
  expect_index_error(x["a", ], "index 1", "character")
  expect_index_error(x[mean, ], "index 1", "function")
  expect_index_error(x[matrix(1:4, 2), ], "index 1", "not currently supported")
  expect_index_error(x[1, , drop = NA], "drop")
  expect_index_error(x[1, , drop = "yes"], "drop")
})

test_that("named index arguments are ignored with a warning", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  x <- tensor_of(c(4, 5))
  expect_warning(y <- x[i = 2, ], "names are ignored")
  expect_identical(as.vector(y$numpy()), 6:10)
})

test_that("`[` also works on Keras 3 variables (model weights)", {
  old <- options(tensorflow.extract.style = "R")
  on.exit(options(old), add = TRUE)
  layer <- layer_dense(units = 3)
  invisible(layer(matrix(1, 2, 4)))
  kernel <- layer$kernel
  expect_equal(as.vector(kernel[2, ]$numpy()), kernel$numpy()[2, ])
  expect_equal(as.vector(kernel[, -1]$numpy()), kernel$numpy()[, 3])
})

test_that("module attribute lookups are remembered, other attributes are not", {
  first <- tf$multiply
  expect_identical(tf$multiply, first)  # the same R function: looked up once
  expect_s3_class(tf$nn, "rkerasbridge.module")
  expect_identical(tf$nn$relu, tf$nn$relu)
  expect_equal(as.numeric(tf$nn$relu(tf$constant(c(-1, 2)))), c(0, 2))
  # dtypes and other values are read every time (only modules and functions are kept)
  expect_false(exists("float32", envir = attr(tf, "rkb_cache"), inherits = FALSE))
  expect_equal(tf$float32$name, "float32")
  expect_false(exists("float32", envir = attr(tf, "rkb_cache"), inherits = FALSE))
  expect_true(exists("multiply", envir = attr(tf, "rkb_cache"), inherits = FALSE))
})

test_that("tensors come back unconverted but still convert on request", {
  t <- tf$add(tf$constant(1), tf$constant(2))
  expect_s3_class(t, "tensorflow.python.framework.ops.EagerTensor")
  expect_equal(t$numpy(), 3)  # a tensor from the fast path keeps reticulate's convert flag
  v <- tf$Variable(c(1, 2))
  expect_equal(as.numeric(tf$identity(v)), c(1, 2))
  # results that are not tensors are still converted to R values
  expect_identical(tf$rank(tf$ones(c(2L, 3L)))$numpy(), 2L)
  expect_type(tf$config$list_physical_devices("CPU"), "list")
})

test_that("tensors and functions go back to Python as they are, honouring a requested convert flag", {
  t <- tf$constant(c(1, 2))
  expect_identical(reticulate::r_to_py(t, convert = TRUE), t)  # the same reference, no new one
  raw <- reticulate::r_to_py(t, convert = FALSE)  # reticulate's own answer: a non-converting reference
  expect_s3_class(raw$numpy(), "numpy.ndarray")
  expect_equal(as.vector(t$numpy()), c(1, 2))  # t itself still converts
  # as arguments, in lists and as keywords, to layers and to compiled functions
  expect_equal(as.numeric(tf$add_n(list(t, t))), c(2, 4))
  expect_equal(as.numeric(tf$reduce_sum(input_tensor = t)), 3)
  dense <- layer_dense(units = 1, kernel_initializer = "ones", use_bias = FALSE)
  expect_equal(as.numeric(dense(tf$reshape(t, c(1L, 2L)))), 3)
  twice <- tf_function(function(x) x * 2)
  expect_equal(as.numeric(twice(t)), c(2, 4))
  expect_equal(as.numeric(tf$map_fn(tf$math$square, t)), c(1, 4))  # a function as an argument
})

test_that("`$` on layers, tapes, optimizers and tensors answers as reticulate's does", {
  reticulate_dollar <- getS3method("$", "python.builtin.object")
  dense <- layer_dense(units = 2)
  invisible(dense(tf$ones(c(1L, 3L))))
  objects <- list(dense = dense, tape = tf$GradientTape(), optimizer = tf$train$AdamOptimizer(),
                  tensor = tf$constant(1), variable = tf$Variable(2))
  names_to_try <- c("kernel", "trainable_variables", "name", "built", "gradient", "apply_gradients", "numpy",
                    "assign", "dtype")
  for (label in names(objects)) {
    obj <- objects[[label]]
    for (nm in names_to_try[vapply(names_to_try, function(n) reticulate::py_has_attr(obj, n), logical(1))]) {
      ours <- eval(call("$", obj, as.name(nm)))
      theirs <- reticulate_dollar(obj, nm)
      expect_identical(class(ours), class(theirs), info = paste(label, nm))
      expect_identical(names(attributes(ours)), names(attributes(theirs)), info = paste(label, nm))
    }
  }
  expect_equal(as.vector(objects$variable$numpy()), 2)
  expect_error(dense$no_such_attribute, "no_such_attribute")
  # a method taken with `$` goes back to Python as itself
  expect_equal(as.numeric(tf$map_fn(objects$tensor$`__add__`, tf$constant(c(1, 2)))), c(2, 3))
})

test_that("the compiled fast path is on, and its references are reticulate's own layout", {
  a <- tf$constant(2)
  expect_true(rkerasbridge:::.state$fast)
  made_here <- a * a                                           # wrapped by r/src/fastcall.c
  made_by_reticulate <- reticulate::py_call(rkerasbridge:::.state$call_split, tf$multiply, list(a, a), NULL)
  expect_identical(class(made_here), class(made_by_reticulate))
  expect_identical(sort(ls(made_here, all.names = TRUE)), sort(ls(made_by_reticulate, all.names = TRUE)))
  expect_identical(names(attributes(made_here)), names(attributes(made_by_reticulate)))
  expect_true(rkerasbridge:::py_convert_flag(made_here))
  expect_equal(as.numeric(made_here), 4)
  # lists of tensors (a tape's gradients), None, scalars and strings in, keywords
  v <- tf$Variable(3)
  with(tf$GradientTape() %as% tape, loss <- v * v)
  grads <- tape$gradient(loss, list(v))
  expect_true(is.list(grads) && length(grads) == 1)
  expect_equal(as.numeric(grads[[1]]), 6)
  expect_null(tf$debugging$assert_equal(a, a))
  expect_equal(as.numeric(tf$constant(7L)), 7)
  expect_equal(as.logical(tf$constant(TRUE)), TRUE)
  expect_equal(as.character(tf$strings$length(tf$constant("abc"))$numpy()), "3")
  expect_equal(as.numeric(tf$reduce_sum(input_tensor = tf$constant(c(1, 2)))), 3)
  # NA is still R's to refuse (the fast path leaves it to R), with the bridge's classed error
  expect_error(tf$constant(NA_integer_), class = "python.builtin.ValueError")
  expect_error(tf$add(a, NA), class = "python.builtin.ValueError")
  expect_error(tf$reshape(a, list(NA_integer_)), class = "python.builtin.ValueError")
  expect_error(tf$reshape(a, "x"), class = "rkerasbridge_python_error")
})

test_that("with the fast path off, every call takes reticulate's path and answers the same", {
  a <- tf$constant(2)
  expect_true(rkerasbridge:::.state$fast)
  conversion <- reticulate::import("rkeras_bridge.bridge.conversion")
  conversion_raw <- reticulate::import("rkeras_bridge.bridge.conversion", convert = FALSE)
  old <- options(rkerasbridge.fast_path = FALSE)
  on.exit({
    options(old)
    rkerasbridge:::fast_path_setup(conversion, conversion_raw)
  })
  rkerasbridge:::fast_path_setup(conversion, conversion_raw)
  expect_false(rkerasbridge:::.state$fast)
  # the callers try the C code first: switched off, it calls nothing and answers `fallback`
  expect_identical(.Call(rkerasbridge:::rkb_fast_call, tf$multiply, list(a, a)), quote(fallback))
  expect_equal(as.numeric(a * a), 4)
  expect_equal(as.numeric(tf$constant(3L) + 1L), 4)
  expect_null(tf$debugging$assert_equal(a, a))
  expect_error(tf$reshape(a, "x"), class = "rkerasbridge_python_error")
  expect_error(tf$constant(NA_integer_), class = "python.builtin.ValueError")
  # and back on
  options(old)
  rkerasbridge:::fast_path_setup(conversion, conversion_raw)
  expect_true(rkerasbridge:::.state$fast)
  expect_s3_class(.Call(rkerasbridge:::rkb_fast_call, tf$multiply, list(a, a)), "tensorflow.python.framework.ops.EagerTensor")
})

test_that("Python scalars and tuples of tensors come back from the fast path as reticulate makes them", {
  invisible(tf$constant(1))
  expect_true(rkerasbridge:::.state$fast)
  echo <- reticulate::py_run_string("def echo(x):\n    return x\n", local = TRUE)$echo
  for (code in c("True", "False", "2.5", "float('nan')", "float('-inf')", "7", "-2**31 + 1", "2**31 - 1", "'x'",
                 "(1, 2.5)", "[]", "()")) {
    value <- reticulate::py_eval(code, convert = FALSE)
    expect_identical(echo(value), reticulate::py_to_r(value), info = code)
  }
  # Python ints beyond R's integers: reticulate casts them (2**31 -> NA, 2**40 -> 0); R gets the number
  big <- c("2**31", "-2**31", "2**40", "-2**40", "10**400", "-10**400")
  expect_identical(lapply(big, function(code) echo(reticulate::py_eval(code, convert = FALSE))),
                   list(2^31, -2^31, 2^40, -2^40, Inf, -Inf))
  # a dataset element (a tuple of tensors) is an R list of tensor references, as reticulate makes it
  it <- make_iterator_one_shot(tensor_slices_dataset(list(matrix(1:4, 2), c(3, 4))))
  element <- iterator_get_next(it)
  from_reticulate <- reticulate::py_to_r(reticulate::py_call(reticulate::py_get_attr(it, "get_next")))
  expect_true(is.list(element) && is.null(names(element)) && length(element) == 2)
  expect_identical(lapply(element, class), lapply(from_reticulate, class))
  expect_identical(lapply(element, function(x) sort(ls(x, all.names = TRUE))),
                   lapply(from_reticulate, function(x) sort(ls(x, all.names = TRUE))))
  expect_equal(as.integer(element[[1]]), c(1L, 3L))
  expect_equal(as.numeric(element[[2]]), 3)
  expect_equal(as.integer(from_reticulate[[1]]), c(2L, 4L))
  # attributes too (`$` on a layer)
  dense <- layer_dense(units = 1)
  expect_identical(dense$built, FALSE)
  expect_identical(dense$units, 1L)
})

test_that("Python objects wrapped by the fast path are released when R collects them", {
  weakref <- reticulate::import("weakref", convert = FALSE)
  x <- tf$constant(c(1, 2)) * 2
  ref <- weakref$ref(x)
  expect_false(is.null(reticulate::py_to_r(reticulate::py_call(ref))))
  rm(x)
  invisible(gc())
  invisible(gc())
  expect_null(reticulate::py_to_r(reticulate::py_call(ref)))
})
