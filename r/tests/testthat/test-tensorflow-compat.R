test_that("the article's matmul gives int32 [[50, 114], [60, 140]]", {
  m1 <- matrix(1:8, nrow = 2, ncol = 4)
  m2 <- matrix(1:8, nrow = 4, ncol = 2)
  result <- tf$matmul(m1, m2)
  expect_equal(result$dtype$name, "int32")
  expect_equal(result$numpy(), matrix(c(50L, 60L, 114L, 140L), 2))
})

test_that("TF1 names exist with TF1 defaults", {
  expect_equal(tf$train$AdamOptimizer()$epsilon, 1e-8)
  expect_true(tf$executing_eagerly())
  expect_null(tfe_enable_eager_execution(device_policy = "silent"))
  step <- tf$train$get_or_create_global_step()
  expect_equal(step$dtype$name, "int64")
  expect_equal(tf$losses$mean_squared_error(matrix(c(1, 2)), tf$constant(matrix(c(1.5, 3))))$numpy(), 0.625)
})

test_that("R NA is refused by name instead of becoming -2147483648 or True", {
  expect_error(tf$constant(c(1L, NA)), class = "python.builtin.ValueError")
  expect_error(tf$constant(c(TRUE, NA)), class = "python.builtin.ValueError")
  expect_error(tf$constant(c(1, NA_real_)), class = "python.builtin.ValueError")
  expect_error(tf$constant(NA_character_), class = "python.builtin.ValueError")
  err <- tryCatch(tf$reshape(tensor = c(1L, NA), shape = 2L), error = function(e) e)
  expect_match(err$python_message, "`tensor`", fixed = TRUE)
  err <- tryCatch(test_py()$identity(list(1, list(2, NA))), error = function(e) e)
  expect_match(err$python_message, "`..1[[2]][[2]]`", fixed = TRUE)
  # NaN is a legitimate double and passes
  expect_true(is.nan(tf$constant(c(1, NaN))$numpy()[2]))
})

test_that("Python exceptions arrive as classed conditions with message and traceback", {
  err <- tryCatch(test_py()$raise_value_error(2), error = function(e) e)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_s3_class(err, "python.builtin.Exception")
  expect_s3_class(err, "error")
  expect_equal(err$python_type, "ValueError")
  expect_match(err$python_message, "bad x: 2")
  expect_true(length(err$python_traceback) >= 1)
  expect_error(tf$reshape(tf$constant(1:6), c(4L, 4L)),
               class = "tensorflow.python.framework.errors_impl.InvalidArgumentError")
})

test_that("reticulate's own convert = FALSE calls still get raw Python objects (data frames convert)", {
  df <- reticulate::r_to_py(data.frame(a = 1:3, b = c(0.5, 1, 2)))
  # pandas 3 reports the class as pandas.DataFrame, pandas 2 as pandas.core.frame.DataFrame
  expect_true(any(c("pandas.DataFrame", "pandas.core.frame.DataFrame") %in% class(df)))
  expect_s3_class(df, "python.builtin.object")
  expect_equal(unlist(reticulate::py_to_r(df$shape)), c(3L, 2L))
})

test_that("keyword arguments named like the wrapper's own arguments reach Python", {
  f <- reticulate::py_eval("lambda x, y=0: x - y")
  expect_equal(f(y = 1, x = 10), 9)
  g <- reticulate::py_eval("lambda f=0, conv=0, fn=0: [f, conv, fn]")
  expect_equal(unlist(g(f = 1, conv = 2, fn = 3)), c(1, 2, 3))
})

# --- TF1-era names (group E) ------------------------------------------------------------------------

f32 <- function(x) as.vector(tf$constant(x, dtype = "float32")$numpy())  # TF1 kept hyperparameters in float32

test_that("tf$train$RMSPropOptimizer computes TF1's update, mean-square slot starting at ones", {
  opt <- tf$train$RMSPropOptimizer(learning_rate = 0.125, momentum = 0.5)
  expect_equal(c(opt$rho, opt$momentum, opt$epsilon), c(0.9, 0.5, 1e-10))
  x <- c(1, -2, 0.5)
  var <- tf$Variable(x, dtype = tf$float64)
  ms <- rep(1, 3); mom <- 0
  for (i in 1:4) {
    with(tf$GradientTape() %as% tape, {
      loss <- tf$reduce_sum(var * var)
    })
    opt$apply_gradients(list(list(tape$gradient(loss, var), var)))
    g <- 2 * x
    ms <- ms + (g * g - ms) * (1 - f32(0.9))
    mom <- mom * f32(0.5) + (g * 0.125) / sqrt(ms + f32(1e-10))
    x <- x - mom
    expect_equal(as.vector(var$numpy()), x, tolerance = 1e-12)
  }
  # first step with the default settings: ms = 1 stays 1 for g = 1, so the step is lr * g
  v1 <- tf$Variable(1)
  tf$train$RMSPropOptimizer(0.01)$apply_gradients(list(list(tf$constant(1), v1)))
  expect_equal(as.vector(v1$numpy()), 0.99, tolerance = 1e-6)
})

test_that("TF1 losses and the keyword-only sparse_softmax_cross_entropy_with_logits", {
  labels <- rbind(c(1, 0), c(0, 1))
  logits <- rbind(c(2, -1), c(0.5, 0))
  per_element <- pmax(logits, 0) - logits * labels + log1p(exp(-abs(logits)))
  expect_equal(tf$losses$sigmoid_cross_entropy(labels, k_constant(logits))$numpy(), mean(per_element),
               tolerance = 1e-6)
  class_logits <- k_constant(rbind(c(1, 2, 3), c(1, 1, 1)))
  ce <- -c(log(exp(3) / sum(exp(1:3))), log(1 / 3))
  expect_equal(tf$losses$sparse_softmax_cross_entropy(labels = c(2L, 0L), logits = class_logits)$numpy(),
               mean(ce), tolerance = 1e-6)
  per_example <- tf$nn$sparse_softmax_cross_entropy_with_logits(labels = c(2L, 0L), logits = class_logits)
  expect_equal(as.vector(per_example$numpy()), ce, tolerance = 1e-6)
  expect_error(tf$nn$sparse_softmax_cross_entropy_with_logits(c(2L, 0L), class_logits),
               class = "python.builtin.ValueError")
})

test_that("tf$contrib$eager, tf$multinomial, tf$random_crop and tf$read_file", {
  square <- tf$contrib$eager$defun(function(x) x * x)
  expect_equal(as.vector(square(tf$constant(3))$numpy()), 9)
  expect_equal(as.vector(tf$contrib$eager$Variable(2)$numpy()), 2)
  # attribute access is reticulate's own `$`, not a checked call: its error is an unclassed R error
  expect_error(tf$contrib$layers, "removed in TensorFlow 2", class = "error")
  draws <- tf$multinomial(tf$math$log(rbind(c(0, 1), c(1, 0))), 5, seed = 3)
  expect_equal(draws$numpy(), rbind(rep(1, 5), rep(0, 5)))
  expect_error(tf$multinomial(tf$math$log(rbind(c(0.5, 0.5))), 1.5), class = "python.builtin.ValueError")
  image <- tf$reshape(tf$range(32L * 32L * 3L), c(32L, 32L, 3L))
  crop <- tf$random_crop(image, c(24, 24, 3), seed = 1)$numpy()
  expect_equal(dim(crop), c(24L, 24L, 3L))
  first <- crop[1, 1, 1] %/% 3
  row <- first %/% 32 + 1; col <- first %% 32 + 1
  expect_equal(crop, image$numpy()[row:(row + 23), col:(col + 23), , drop = FALSE])
  path <- tempfile()
  writeBin(charToRaw("hello\nworld"), path)
  expect_equal(tf$read_file(path)$numpy()$decode(), "hello\nworld")
})

test_that("tf$image$resize_images resamples as TF1 did", {
  images <- tf$reshape(tf$range(16), c(1L, 4L, 4L, 1L))
  images <- tf$cast(images, tf$float32)
  expect_equal(tf$image$resize_images(images, c(2, 2))$numpy()[1, , , 1], rbind(c(0, 2), c(8, 10)))
  expect_equal(tf$image$resize_images(images, c(2, 2), align_corners = TRUE)$numpy()[1, , , 1],
               rbind(c(0, 3), c(12, 15)))
  expect_equal(tf$image$resize_images(images, c(2, 2), method = 1)$numpy()[1, , , 1], rbind(c(0, 2), c(8, 10)))
  expect_error(tf$image$resize_images(images, c(2, 2), method = 7), class = "python.builtin.ValueError")
})

test_that("tf$py_func runs an R function eagerly, cast to Tout", {
  doubled <- tf$py_func(function(x) x * 2, list(tf$constant(c(1, 2))), tf$float32)
  expect_equal(doubled$dtype$name, "float32")
  expect_equal(as.vector(doubled$numpy()), c(2, 4))
  both <- tf$py_func(function(x) list(sum(x), length(x)), list(tf$constant(c(1, 2))), list(tf$float64, tf$int32))
  expect_equal(as.vector(both[[1]]$numpy()), 3)
  expect_equal(both[[2]]$dtype$name, "int32")
})

test_that("tf$test$is_gpu_available and tf$data$Dataset$list_files", {
  expect_identical(tf$test$is_gpu_available(), length(tf$config$list_physical_devices("GPU")) > 0)
  dir <- tempfile()
  dir.create(dir)
  file.create(file.path(dir, c("b.png", "a.png", "c.txt")))
  files <- tf$data$Dataset$list_files(file.path(dir, "*.png"), shuffle = FALSE)
  it <- reticulate::as_iterator(files)
  names <- vapply(1:2, function(i) reticulate::iter_next(it)$numpy()$decode(), "")
  expect_equal(basename(names), c("a.png", "b.png"))
})

test_that("use_session_with_seed seeds R and TensorFlow and reports on stderr", {
  out <- reticulate::py_capture_output(seed <- use_session_with_seed(42))
  expect_equal(seed, 42L)
  expect_match(out, "Set session seed to 42")
  r_draw <- runif(1)
  tf_draw <- as.vector(tf$random$uniform(list(3L))$numpy())
  quiet <- reticulate::py_capture_output(use_session_with_seed(42, quiet = TRUE))
  expect_equal(quiet, "")
  expect_equal(runif(1), r_draw)
  expect_equal(as.vector(tf$random$uniform(list(3L))$numpy()), tf_draw)
  expect_error(use_session_with_seed(-1), class = "python.builtin.ValueError")
})

test_that("use_implementation does nothing but say so; tuple and import are reticulate's", {
  out <- reticulate::py_capture_output(result <- use_implementation("tensorflow"))
  expect_null(result)
  expect_match(out, "Keras 3")
  expect_error(use_implementation("theano"), class = "python.builtin.ValueError")
  t <- tuple(1L, "a")
  expect_s3_class(t, "python.builtin.tuple")
  expect_equal(reticulate::py_len(t), 2L)
  expect_equal(import("math")$sqrt(16), 4)
})

test_that("TF's file functions take R strings, Python bytes and raw vectors", {
  np <- reticulate::import("numpy", convert = FALSE)
  pixels <- np$arange(12L, dtype = "uint8")$reshape(c(2L, 2L, 3L))
  png <- tf$io$encode_png(pixels)
  path <- tempfile(fileext = ".png")
  tf$io$write_file(path, png)
  raw <- readBin(path, "raw", file.size(path))
  bytes <- reticulate::r_to_py(path)$encode()  # a Python bytes file name
  same <- function(a, b) as.logical(tf$equal(a, b))  # binary contents: compared in TensorFlow
  for (name in list(path, bytes)) {
    expect_true(same(tf$read_file(name), png))
    expect_true(same(tf$io$read_file(name), png))
  }
  expected <- reticulate::py_to_r(pixels)
  expect_identical(as.array(tf$image$decode_png(raw)), expected)
  expect_identical(as.array(tf$image$decode_image(raw)), expected)
  expect_identical(as.array(tf$io$decode_png(contents = raw)), expected)
  copy <- tempfile(fileext = ".png")
  tf$write_file(copy, raw)
  expect_identical(readBin(copy, "raw", file.size(copy)), raw)
  expect_error(tf$read_file(3), "filename", class = "python.builtin.TypeError")
})
