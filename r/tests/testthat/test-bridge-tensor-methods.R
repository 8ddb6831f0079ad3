# R generics on tensors, each checked against base R computing the same thing on plain R arrays.

a <- matrix(c(1.5, -2, 3.25, 4, -5.5, 6), nrow = 2)   # values exact in float32
p <- matrix(c(0.25, 1, 2.5, 4, 0.5, 9), nrow = 2)     # positive
u <- matrix(c(-0.9, -0.25, 0, 0.3, 0.5, 0.75), nrow = 2)  # in (-1, 1)
ai <- matrix(c(7L, -7L, 3L, -4L, 9L, 0L), nrow = 2)

f32 <- function(x) tf$constant(x, dtype = "float32")

test_that("tensors, tf$Variable and Keras variables share the class the methods are registered on", {
  tensors <- list(tf$constant(1), tf$Variable(1))  # loads the bridge first (see the report on py_call_checked)
  keras <- reticulate::import("keras")
  d <- keras$layers$Dense(2L)
  d$build(list(NULL, 3L))
  for (x in c(tensors, list(d$kernel))) {
    expect_s3_class(x, "tensorflow.python.types.core.Tensor")
  }
})

test_that("arithmetic with an R double on either side matches base R", {
  t <- f32(a)
  ops <- list(`+` = `+`, `-` = `-`, `*` = `*`, `/` = `/`, `^` = `^`, `%%` = `%%`, `%/%` = `%/%`)
  for (op in names(ops)) {
    f <- ops[[op]]
    expect_equal(as.array(f(t, 2)), f(a, 2), tolerance = 1e-6, label = paste("t", op, "2"))
    expect_equal(as.array(f(3, t)), f(3, a), tolerance = 1e-6, label = paste("3", op, "t"))
  }
  expect_equal(as.array(t + a), a + a)
  expect_equal(as.array(t * f32(a)), a * a)
  expect_equal(as.array(-t), -a)
  expect_equal(as.array(+t), a)
  expect_identical(t$dtype$name, (t + 2)$dtype$name)
})

test_that("integer tensors keep R's floor-division and modulo rules", {
  ti <- tf$constant(ai)
  expect_identical(ti$dtype$name, "int32")
  expect_identical(as.array(ti %/% 3L), ai %/% 3L)
  expect_identical(as.array(ti %% 3L), ai %% 3L)
  expect_identical(as.array(ti %% -3L), ai %% -3L)
  expect_identical(as.array(ti %/% -3), ai %/% -3L)
  expect_identical(as.array(ti * 2), ai * 2L)      # a whole double stays int32
  expect_equal(as.array(ti / 2L), ai / 2L)          # true division, float64
  expect_identical(as.array(-ti), -ai)
})

test_that("comparison and logic match base R", {
  t <- f32(a)
  ops <- list(`==` = `==`, `!=` = `!=`, `<` = `<`, `<=` = `<=`, `>` = `>`, `>=` = `>=`)
  for (op in names(ops)) {
    f <- ops[[op]]
    expect_identical(as.array(f(t, 3.25)), f(a, 3.25), label = paste("t", op, "3.25"))
    expect_identical(as.array(f(0, t)), f(0, a), label = paste("0", op, "t"))
  }
  expect_identical(as.array((t > 0) & (t < 5)), (a > 0) & (a < 5))
  expect_identical(as.array((t > 0) | TRUE), (a > 0) | TRUE)
  expect_identical(as.array(!(t > 0)), !(a > 0))
  expect_identical(as.array(!tf$constant(ai)), !ai)
  expect_identical(as.array(tf$constant(ai) & TRUE), ai & TRUE)
})

test_that("logical tensors count as 0/1 in arithmetic, as R logicals do", {
  t <- f32(a)
  expect_equal(as.array((t > 0) * 1.5), (a > 0) * 1.5)
  expect_identical(as.array((t > 0) + 1L), (a > 0) + 1L)
  expect_equal(as.array((t > 0) * t), (a > 0) * a)
})

test_that("lossy or mismatched operands raise classed Python errors naming the argument", {
  ti <- tf$constant(ai)
  expect_error(ti + 2.5, regexp = "e2", class = "python.builtin.ValueError")
  expect_error(0.5 * ti, regexp = "e1", class = "python.builtin.ValueError")
  expect_error(ti + 1e10, regexp = "e2", class = "python.builtin.ValueError")
  expect_error(ti + f32(a), regexp = "e2", class = "python.builtin.TypeError")
  expect_error(f32(a) + "a", regexp = "e2", class = "python.builtin.TypeError")
  expect_error(f32(a) + NA, regexp = "e2", class = "python.builtin.ValueError")  # R NA: no tensor value
})

test_that("Math group functions match base R", {
  cases <- list(
    abs = list(abs, a), sign = list(sign, a), sqrt = list(sqrt, p), floor = list(floor, a),
    ceiling = list(ceiling, a), trunc = list(trunc, a), exp = list(exp, u), log = list(log, p),
    log2 = list(log2, p), log10 = list(log10, p), expm1 = list(expm1, u), log1p = list(log1p, u),
    cos = list(cos, a), sin = list(sin, a), tan = list(tan, u), cospi = list(cospi, a),
    sinpi = list(sinpi, a), tanpi = list(tanpi, u / 4), acos = list(acos, u), asin = list(asin, u),
    atan = list(atan, a), cosh = list(cosh, u), sinh = list(sinh, u), tanh = list(tanh, a),
    acosh = list(acosh, p + 1), asinh = list(asinh, a), atanh = list(atanh, u),
    lgamma = list(lgamma, p), gamma = list(gamma, p), digamma = list(digamma, p),
    trigamma = list(trigamma, p)
  )
  for (name in names(cases)) {
    f <- cases[[name]][[1]]
    x <- cases[[name]][[2]]
    expect_equal(as.array(f(f32(x))), f(x), tolerance = 1e-5, label = name)
  }
})

test_that("round, signif and log take R's extra arguments", {
  x <- c(1.234, -5.678, 123.456, 2.5, 0.5)
  t <- tf$constant(x, dtype = "float64")
  expect_equal(as.numeric(round(t)), round(x))           # halves to even, as R
  expect_equal(as.numeric(round(t, 2)), round(x, 2))
  expect_equal(as.numeric(round(t, digits = -1)), round(x, digits = -1))
  expect_equal(as.numeric(signif(t, 2)), signif(x, 2))
  expect_equal(as.numeric(signif(t)), signif(x))
  expect_equal(as.array(log(f32(p), 3)), log(p, 3), tolerance = 1e-6)
  expect_equal(as.array(log(f32(p), base = 10)), log(p, base = 10), tolerance = 1e-6)
  expect_error(round(t, 1.5), regexp = "digits", class = "python.builtin.ValueError")
})

test_that("integer tensors in Math stay integer where R's values are whole", {
  ti <- tf$constant(ai)
  expect_identical(as.array(abs(ti)), abs(ai))
  expect_identical(as.array(floor(ti)), ai)
  expect_equal(as.array(sqrt(abs(ti))), sqrt(abs(ai)))
})

test_that("cumulative functions run in R's element order and return a vector", {
  t <- f32(a)
  expect_equal(as.numeric(cumsum(t)), cumsum(a))
  expect_equal(as.numeric(cumprod(t)), cumprod(a))
  expect_equal(as.numeric(cummax(t)), cummax(a))
  expect_equal(as.numeric(cummin(t)), cummin(a))
  expect_identical(as.integer(cumsum(tf$constant(c(TRUE, FALSE, TRUE)))), cumsum(c(TRUE, FALSE, TRUE)))
})

test_that("Summary functions reduce all elements and return tensors", {
  t <- f32(a)
  expect_s3_class(sum(t), "tensorflow.python.types.core.Tensor")
  expect_equal(as.numeric(sum(t)), sum(a))
  expect_equal(as.numeric(prod(t)), prod(a))
  expect_equal(as.numeric(min(t)), min(a))
  expect_equal(as.numeric(max(t)), max(a))
  expect_equal(as.numeric(range(t)), range(a))
  expect_identical(as.logical(all(t > -10)), all(a > -10))
  expect_identical(as.logical(any(t > 10)), any(a > 10))
  expect_identical(as.integer(sum(t > 0)), sum(a > 0))
  expect_equal(as.numeric(max(t, 10)), max(a, 10))
  expect_equal(as.numeric(range(t, f32(c(-100, 100)))), range(a, c(-100, 100)))
  expect_identical(as.integer(sum(tf$constant(ai))), sum(ai))
  x <- c(1, NaN, 3)
  expect_identical(as.numeric(sum(tf$constant(x), na.rm = TRUE)), sum(x, na.rm = TRUE))
  expect_true(is.nan(as.numeric(sum(tf$constant(x)))))
  expect_error(sum(tf$constant(ai), 0.5), class = "python.builtin.ValueError")
})

test_that("dim() and length() match R arrays; unknown sizes are NA", {
  a3 <- array(as.double(1:24), dim = c(2, 3, 4))
  t3 <- tf$constant(a3)
  expect_identical(dim(t3), dim(a3))
  expect_identical(length(t3), length(a3))
  expect_identical(nrow(f32(a)), nrow(a))
  expect_identical(dim(tf$constant(5)), integer(0))
  expect_identical(length(tf$constant(5)), 1L)

  seen <- new.env()
  f <- tf$`function`(function(x) {
    seen$dim <- dim(x)
    seen$length <- length(x)
    x + 1
  }, input_signature = list(tf$TensorSpec(shape = shape(NULL, 3L), dtype = "float32")))
  f$get_concrete_function()
  expect_identical(seen$dim, c(NA_integer_, 3L))
  expect_identical(seen$length, NA_integer_)
})

test_that("as.array() gives R arrays of the tensor's shape; vector conversions follow R", {
  a3 <- array(1:24, dim = c(2, 3, 4))
  expect_identical(as.array(tf$constant(a3)), a3)
  expect_identical(as.array(tf$constant(a > 0)), a > 0)
  x <- c(2.7, -2.7, 0.2, 5)
  expect_identical(as.integer(tf$constant(x)), as.integer(x))   # truncation toward zero
  expect_identical(as.numeric(f32(a)), as.numeric(a))
  expect_identical(as.double(f32(a)), as.double(a))
  expect_identical(as.logical(tf$constant(ai)), as.logical(ai))
  expect_identical(as.numeric(tf$constant(5)), 5)
  expect_identical(as.integer(tf$constant(5L)), 5L)
  expect_error(as.integer(tf$constant(NaN)), class = "python.builtin.ValueError")
  expect_error(as.numeric(tf$constant("a")), class = "python.builtin.TypeError")
})

test_that("variables and Keras 3 variables work with the same methods", {
  v <- tf$Variable(a, dtype = "float32")
  expect_equal(as.array(v * 2), a * 2)
  expect_equal(as.array(f32(a) + v), a + a)
  expect_identical(dim(v), dim(a))
  tensors <- list(tf$constant(1), tf$Variable(1))  # loads the bridge first (see the report on py_call_checked)
  keras <- reticulate::import("keras")
  d <- keras$layers$Dense(2L)
  d$build(list(NULL, 3L))
  k <- as.array(d$kernel)
  expect_identical(dim(d$kernel), c(3L, 2L))
  expect_identical(dim(k), c(3L, 2L))
  expect_equal(as.array(d$kernel + 1), k + 1, tolerance = 1e-6)
  expect_equal(as.numeric(sum(d$kernel)), sum(k), tolerance = 1e-5)
})

test_that("gradients flow through the operators", {
  x <- tf$Variable(3)
  with(tf$GradientTape() %as% tape, {
    y <- x^2 * 4
  })
  expect_equal(as.numeric(tape$gradient(y, x)), 24)
})

test_that("print() and str() describe tensors", {
  expect_output(print(tf$constant(c(1, 2))), "shape=(2), dtype=float32", fixed = TRUE)
  expect_output(str(tf$constant(ai)), "int32 [1:2, 1:3] 7 -7 3 -4 9 0", fixed = TRUE)
  expect_output(shown <- withVisible(print(tf$constant(1))), "tf.Tensor(1.0", fixed = TRUE)
  expect_false(shown$visible)
})

test_that("shape() builds tf.TensorShape with unknown dimensions", {
  expected <- tf$TensorShape(list(NULL, 10L))
  for (s in list(shape(NULL, 10), shape(NA, 10), shape(-1, 10L), shape(dims = c(NA, 10)))) {
    expect_s3_class(s, "tensorflow.python.framework.tensor_shape.TensorShape")
    expect_identical(s$as_list(), expected$as_list())
  }
  expect_identical(shape(28, 28, 1)$as_list(), c(28L, 28L, 1L))
  expect_identical(shape()$rank, 0L)
  expect_null(shape(dims = NULL)$rank)
  expect_error(shape(2.5), regexp = "dims", class = "python.builtin.ValueError")
  expect_error(shape(10, -3), regexp = "dims", class = "python.builtin.ValueError")
})

test_that("as.array() of a 0-d tensor is a plain number, as R tensorflow's was", {
  expect_identical(as.array(tf$constant(2L)), 2L)
  expect_null(attributes(as.array(tf$constant(2.5))))
  expect_identical(as.array(tf$constant(c(2L, 3L))), array(c(2L, 3L)))
})

test_that("Complex group, as.matrix() and t() follow R", {
  z <- c(1 + 2i, -3 - 0.5i, 2i, -1 + 0i)
  for (f in list(Re, Im, Mod, Arg, Conj)) {
    expect_equal(as.array(f(tf$constant(z))), as.array(f(z)))
    expect_equal(as.array(f(tf$constant(c(-2, 0, 3)))), as.array(Re(f(c(-2, 0, 3) + 0i))), tolerance = 1e-6)
  }
  expect_equal(as.vector(Mod(tf$constant(3 + 4i))$numpy()), 5)
  m <- matrix(1:6, 2)
  expect_identical(as.matrix(tf$constant(m)), m)
  expect_identical(as.matrix(tf$constant(1:3)), as.matrix(1:3))
  a <- array(1:8, c(2, 2, 2))
  expect_identical(as.matrix(tf$constant(a)), as.matrix(as.vector(a)))
  expect_identical(as.array(t(tf$constant(m))), t(m))
  expect_identical(dim(t(tf$constant(1:3))), c(1L, 3L))
  expect_error(t(tf$zeros(c(2L, 2L, 2L))), "a matrix", class = "python.builtin.ValueError")
})
