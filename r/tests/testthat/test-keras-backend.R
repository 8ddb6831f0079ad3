# k_* functions: values checked against base R; axes are 1-based as R keras 2.x documented.

x <- rbind(c(1, 9, 3), c(7, 0, 2))
v <- function(t) as.vector(as.array(t))

test_that("element-wise functions", {
  t <- k_constant(c(-1, 0, 2))
  expect_equal(v(k_abs(t)), c(1, 0, 2))
  expect_equal(v(k_exp(t)), exp(c(-1, 0, 2)), tolerance = 1e-6)
  expect_equal(v(k_log(k_constant(c(1, exp(1))))), c(0, 1), tolerance = 1e-6)
  expect_equal(v(k_square(t)), c(1, 0, 4))
  expect_equal(v(k_sigmoid(t)), 1 / (1 + exp(-c(-1, 0, 2))), tolerance = 1e-6)
  expect_equal(v(k_tanh(t)), tanh(c(-1, 0, 2)), tolerance = 1e-6)
  expect_equal(v(k_sqrt(t)), c(0, 0, sqrt(2)), tolerance = 1e-6)  # negatives clipped to 0
  expect_equal(v(k_pow(k_constant(c(2, 3)), 3)), c(8, 27))
  expect_equal(v(k_pow(tf$constant(c(2L, 3L)), 2)), c(4, 9))
  expect_equal(v(k_clip(k_constant(c(-2, 0.5, 3)), 0, 1)), c(0, 0.5, 1))
  expect_equal(v(k_clip(k_constant(c(-2, 3)), max_value = 1)), c(-2, 1))
})

test_that("reductions, argmax and softmax take 1-based axes; argmax returns 0-based indices", {
  t <- k_constant(x)
  expect_equal(v(k_max(t, axis = 1)), apply(x, 2, max))
  expect_equal(v(k_max(t, axis = -1)), apply(x, 1, max))
  expect_equal(v(k_mean(t, axis = 2)), rowMeans(x), tolerance = 1e-6)
  expect_equal(dim(as.array(k_sum(t, axis = 2, keepdims = TRUE))), c(2L, 1L))
  expect_equal(v(k_sum(t, axis = c(1, 2))), sum(x))
  expect_equal(v(k_sum(t)), sum(x))
  expect_equal(v(k_argmax(t)), apply(x, 1, which.max) - 1)
  expect_equal(v(k_argmax(t, axis = 1)), apply(x, 2, which.max) - 1)
  expect_equal(k_argmax(t)$dtype$name, "int64")
  s <- as.array(k_softmax(k_constant(rbind(c(1, 1), c(0, 0))), axis = 1))
  expect_equal(s[, 1], exp(c(1, 0)) / sum(exp(c(1, 0))), tolerance = 1e-6)
  expect_equal(v(k_softmax(k_constant(c(0, log(3))))), c(0.25, 0.75), tolerance = 1e-6)
  expect_error(k_sum(t, axis = 0), class = "python.builtin.ValueError")
  expect_error(k_max(t, keepdims = "yes"), class = "python.builtin.ValueError")
})

test_that("shapes, permutations, concatenation and stacking", {
  a <- tf$reshape(tf$range(24), c(2L, 3L, 4L))
  expect_equal(v(k_shape(a)), c(2, 3, 4))
  expect_equal(as.array(k_reshape(k_constant(1:6), c(2, -1))), rbind(1:3, 4:6))
  expect_equal(dim(as.array(k_batch_flatten(a))), c(2L, 12L))
  expect_equal(dim(as.array(k_expand_dims(a, axis = 1))), c(1L, 2L, 3L, 4L))
  expect_equal(dim(as.array(k_expand_dims(a))), c(2L, 3L, 4L, 1L))
  p <- k_permute_dimensions(a, c(3, 1, 2))
  expect_equal(dim(as.array(p)), c(4L, 2L, 3L))
  expect_equal(as.array(p)[2, 1, 3], as.array(a)[1, 3, 2])
  expect_equal(as.array(k_transpose(k_constant(x))), t(x))
  expect_equal(as.array(k_concatenate(list(k_constant(matrix(1:2)), k_constant(matrix(3:6, 2))))),
               cbind(1:2, matrix(3:6, 2)))
  expect_equal(as.array(k_stack(list(k_constant(1:2), k_constant(3:4)))), rbind(1:2, 3:4))
  expect_equal(as.array(k_stack(list(k_constant(1:2), k_constant(3:4)), axis = 2)), cbind(1:2, 3:4))
  expect_error(k_permute_dimensions(a, c(1, 1, 2)), class = "python.builtin.ValueError")
})

test_that("k_gather is 1-based for R indices and 0-based for tensors", {
  ref <- k_constant(rbind(c(1, 2), c(3, 4), c(5, 6)))
  expect_equal(as.array(k_gather(ref, c(3, 1))), rbind(c(5, 6), c(1, 2)))
  expect_equal(v(k_gather(ref, 2)), c(3, 4))
  expect_equal(as.array(k_gather(ref, tf$constant(0L, shape = list(1L)))), rbind(c(1, 2)))
  expect_error(k_gather(ref, 0), class = "python.builtin.ValueError")
  expect_error(k_gather(ref, 4), class = "python.builtin.ValueError")
})

test_that("k_dot and k_batch_dot", {
  a <- matrix(1:6, 2)
  b <- matrix(1:12, 3)
  expect_equal(as.array(k_dot(k_constant(a), k_constant(b))), a %*% b)
  expect_equal(as.array(k_dot(a, k_constant(b))), a %*% b)  # the R matrix takes the tensor's dtype
  expect_equal(as.array(k_batch_dot(k_constant(a), k_constant(a), axes = 2)), matrix(rowSums(a * a)))
  expect_equal(dim(as.array(k_batch_dot(k_zeros(c(32, 20)), k_zeros(c(32, 30, 20)), axes = c(2, 3)))),
               c(32L, 30L))
  expect_error(k_batch_dot(k_constant(a), k_constant(a), axes = 1), class = "python.builtin.ValueError")
})

test_that("floatx, epsilon, casts and creation", {
  expect_equal(k_epsilon(), 1e-7)
  expect_equal(k_floatx(), "float32")
  k_set_floatx("float64")
  on.exit(k_set_floatx("float32"))
  expect_equal(k_floatx(), "float64")
  expect_equal(k_constant(1)$dtype$name, "float64")
  k_set_floatx("float32")
  expect_error(k_set_floatx("float8"), class = "python.builtin.ValueError")
  expect_equal(v(k_cast(k_constant(c(1.7, -1.7)), "int32")), c(1L, -1L))
  expect_equal(as.vector(k_cast_to_floatx(c(0.1, 2))), c(as.vector(k_constant(0.1)$numpy()), 2))
  expect_equal(as.array(k_constant(2, shape = c(2, 2))), matrix(2, 2, 2))
  expect_equal(k_constant(1:3)$dtype$name, "float32")
  z <- k_zeros(c(2, 3))
  expect_true(inherits(z, "tensorflow.python.ops.resource_variable_ops.ResourceVariable"))
  expect_equal(as.array(z), matrix(0, 2, 3))
  expect_equal(v(k_zeros_like(k_constant(c(1, 2)))), c(0, 0))
  expect_equal(v(k_ones_like(k_constant(c(1, 2)))), c(1, 1))
  expect_error(k_zeros(c(2, 2.5)), class = "python.builtin.ValueError")
})

test_that("random draws are seeded and have the asked distribution", {
  a <- v(k_random_normal(2000, mean = 3, stddev = 2, seed = 1))
  expect_identical(a, v(k_random_normal(2000, mean = 3, stddev = 2, seed = 1)))
  expect_lt(abs(mean(a) - 3), 0.2)
  expect_lt(abs(sd(a) - 2), 0.2)
  u <- as.array(k_random_uniform(c(2, 1000), minval = -1, maxval = 1, seed = 3))
  expect_equal(dim(u), c(2L, 1000L))
  expect_true(all(u >= -1 & u < 1))
  expect_lt(abs(mean(u)), 0.1)
  expect_error(k_random_uniform(2, minval = 1, maxval = 0), class = "python.builtin.ValueError")
})

test_that("k_constant takes R doubles as whole numbers for integer dtypes", {
  expect_equal(v(k_constant(c(1, 0), dtype = "int32")), c(1L, 0L))
  expect_equal(k_constant(c(1, 0), dtype = "int32")$dtype$name, "int32")
  expect_error(k_constant(1.5, dtype = "int32"), "`value`.*whole numbers", class = "python.builtin.ValueError")
})
