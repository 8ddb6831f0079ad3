# k_* convolutions, pooling, padding, normalisation, losses, CTC and k_rnn, checked against base R loops.

set.seed(1)
rarray <- function(...) array(rnorm(prod(c(...))), dim = c(...))
arr <- function(t) as.array(t)

conv2d_r <- function(x, k) {
  # valid cross-correlation, channels last: x (batch, rows, cols, in), k (rows, cols, in, out)
  rows <- dim(x)[2] - dim(k)[1] + 1
  cols <- dim(x)[3] - dim(k)[2] + 1
  out <- array(0, c(dim(x)[1], rows, cols, dim(k)[4]))
  for (b in seq_len(dim(x)[1])) for (i in seq_len(rows)) for (j in seq_len(cols)) for (o in seq_len(dim(k)[4]))
    out[b, i, j, o] <- sum(as.vector(x[b, i:(i + dim(k)[1] - 1), j:(j + dim(k)[2] - 1), ]) * as.vector(k[, , , o]))
  out
}

test_that("convolutions match a base R loop", {
  x <- rarray(2, 5, 4, 3)
  k <- rarray(2, 3, 3, 2)
  expect_equal(arr(k_conv2d(x, k)), conv2d_r(x, k), tolerance = 1e-4)
  first <- k_conv2d(aperm(x, c(1, 4, 2, 3)), k, data_format = "channels_first")
  expect_equal(arr(first), aperm(conv2d_r(x, k), c(1, 4, 2, 3)), tolerance = 1e-4)
  expect_equal(dim(arr(k_conv2d(x, k, padding = "same"))), c(2L, 5L, 4L, 2L))
  x1 <- rarray(1, 6, 1)
  causal <- arr(k_conv1d(x1, array(1, c(3, 1, 1)), padding = "causal"))
  expect_equal(as.vector(causal), as.vector(stats::filter(c(0, 0, x1[1, , 1]), rep(1, 3), sides = 1))[3:8],
               tolerance = 1e-5)
  ones <- arr(k_conv3d(array(1, c(1, 3, 3, 3, 1)), array(1, c(2, 2, 2, 1, 1))))
  expect_equal(as.vector(ones), rep(8, 8))
})

test_that("transposed, depthwise, separable and local convolutions", {
  up <- arr(k_conv2d_transpose(array(1, c(1, 2, 2, 1)), array(1, c(2, 2, 1, 1)), c(1, 3, 3, 1)))
  expect_equal(up[1, , , 1], outer(c(1, 2, 1), c(1, 2, 1)))
  up3 <- arr(k_conv3d_transpose(array(1, c(1, 1, 1, 1, 1)), array(1, c(2, 2, 2, 1, 1)), c(1, 2, 2, 2, 1)))
  expect_equal(as.vector(up3), rep(1, 8))
  x <- rarray(1, 3, 3, 2)
  d <- rarray(2, 2, 2, 1)
  dw <- arr(k_depthwise_conv2d(x, d))
  expect_equal(dw[1, , , 1], conv2d_r(x[, , , 1, drop = FALSE], d[, , 1, 1, drop = FALSE])[1, , , 1],
               tolerance = 1e-4)
  p <- rarray(1, 1, 2, 3)
  sep <- arr(k_separable_conv2d(x, d, p))
  expect_equal(sep[1, 1, 1, ], as.vector(dw[1, 1, 1, ] %*% p[1, 1, , ]), tolerance = 1e-4)
  xs <- rarray(1, 4, 2)
  kern <- rarray(2, 4, 3)  # 2 output steps, window 2 * 2 channels, 3 filters
  local <- arr(k_local_conv1d(xs, kern, 2, 2))
  # a window is flattened in the input's (row-major) layout: step by step, channels fastest
  window <- function(i) as.vector(t(xs[1, (2 * i - 1):(2 * i), ]))
  expect_equal(local[1, 2, ], as.vector(window(2) %*% kern[2, , ]), tolerance = 1e-4)
  expect_equal(dim(arr(k_local_conv2d(rarray(1, 2, 2, 1), rarray(1, 4, 3), c(2, 2), c(1, 1), c(1, 1)))),
               c(1L, 1L, 1L, 3L))
})

test_that("pooling, padding and resizing", {
  m <- matrix(as.numeric(1:16), 4, byrow = TRUE)
  x <- array(m, c(1, 4, 4, 1))
  x[1, , , 1] <- m
  expect_equal(arr(k_pool2d(x, c(2, 2), c(2, 2)))[1, , , 1], rbind(c(6, 8), c(14, 16)))
  expect_equal(arr(k_pool2d(x, c(2, 2), c(2, 2), pool_mode = "avg"))[1, , , 1], rbind(c(3.5, 5.5), c(11.5, 13.5)))
  expect_equal(as.vector(arr(k_pool3d(array(as.numeric(1:8), c(1, 2, 2, 2, 1)), c(2, 2, 2)))), 8)
  expect_error(k_pool2d(array(1:4, c(1, 2, 2, 1)), c(2, 2), pool_mode = "avg"), "`x`.*float",
               class = "python.builtin.ValueError")
  expect_equal(as.vector(arr(k_temporal_padding(array(1, c(1, 2, 1)), c(1, 2)))), c(0, 1, 1, 0, 0))
  padded <- arr(k_spatial_2d_padding(x, list(list(1, 0), list(0, 2))))
  expect_equal(dim(padded), c(1L, 5L, 6L, 1L))
  expect_equal(padded[1, 2:5, 1:4, 1], m)
  expect_equal(dim(arr(k_spatial_3d_padding(array(1, c(1, 1, 1, 1, 1))))), c(1L, 3L, 3L, 3L, 1L))
  big <- arr(k_resize_images(x, 2, 1, "channels_last"))
  expect_equal(big[1, , , 1], m[rep(1:4, each = 2), ])
  expect_equal(dim(arr(k_resize_volumes(array(1, c(1, 1, 2, 2, 1)), 2, 1, 3, "channels_last"))),
               c(1L, 2L, 2L, 6L, 1L))
})

test_that("bias, batch normalisation and dropout", {
  x <- rarray(2, 3)
  expect_equal(arr(k_bias_add(x, c(1, 2, 3))), sweep(x, 2, c(1, 2, 3), "+"), tolerance = 1e-6)
  mu <- colMeans(x)
  pop_var <- colMeans(sweep(x, 2, mu)^2)
  expect_equal(arr(k_batch_normalization(x, mu, pop_var, NULL, NULL, epsilon = 0)),
               sweep(sweep(x, 2, mu), 2, sqrt(pop_var), "/"), tolerance = 1e-4)
  res <- k_normalize_batch_in_training(x, NULL, NULL, 1, epsilon = 0)
  expect_equal(as.vector(arr(res[[2]])), mu, tolerance = 1e-6)
  expect_equal(as.vector(arr(res[[3]])), pop_var, tolerance = 1e-5)
  dropped <- as.vector(arr(k_dropout(array(1, 1000), 0.25, seed = 3)))
  expect_equal(sort(unique(round(dropped, 5))), round(c(0, 1 / 0.75), 5))
  expect_lt(abs(mean(dropped == 0) - 0.25), 0.05)
})

test_that("crossentropies follow Keras 2.2.4's formulas; sparse ids are 0-based", {
  target <- rbind(c(0, 1, 0), c(1, 0, 0))
  output <- rbind(c(0.2, 0.7, 0.1), c(0.5, 0.3, 0.2))
  expect_equal(as.vector(arr(k_categorical_crossentropy(target, k_constant(output)))),
               -rowSums(target * log(output)), tolerance = 1e-5)
  expect_equal(as.vector(arr(k_sparse_categorical_crossentropy(k_constant(c(1, 0), dtype = "int32"),
                                                               k_constant(output)))),
               -log(c(0.7, 0.5)), tolerance = 1e-5)
  p <- c(0.1, 0.6)
  y <- c(0, 1)
  expect_equal(as.vector(arr(k_binary_crossentropy(y, k_constant(p)))),
               -(y * log(p) + (1 - y) * log(1 - p)), tolerance = 1e-5)
  expect_equal(as.vector(arr(k_in_top_k(k_constant(output), k_constant(c(1, 1), dtype = "int32"), 1))),
               c(TRUE, FALSE))
})

test_that("CTC loss matches a brute-force sum over paths; greedy decoding collapses repeats", {
  probs <- array(c(0.6, 0.3, 0.1, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7), c(1, 3, 3))
  probs[1, , ] <- matrix(c(0.6, 0.3, 0.1, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7), 3, byrow = TRUE)
  paths <- as.matrix(expand.grid(0:2, 0:2, 0:2))
  collapse <- function(p) { p <- p[c(TRUE, diff(p) != 0)]; p[p != 2] }  # class 2 is the blank
  keep <- apply(paths, 1, function(p) identical(as.numeric(collapse(p)), c(0, 1)))
  pm <- probs[1, , ]
  total <- sum(apply(paths[keep, , drop = FALSE], 1, function(p) prod(pm[cbind(1:3, p + 1)])))
  loss <- arr(k_ctc_batch_cost(k_constant(rbind(c(0, 1))), k_constant(probs), k_constant(rbind(3)),
                               k_constant(rbind(2))))
  expect_equal(as.vector(loss), -log(total), tolerance = 1e-4)
  decoded <- k_ctc_decode(k_constant(probs), k_constant(3))
  expect_equal(as.vector(arr(decoded[[1]][[1]])), c(0, 1))
})

test_that("k_rnn calls an R step function over time", {
  x <- rarray(2, 4, 3)
  step <- function(input, states) {
    total <- states[[1]] + input
    list(total, list(total))
  }
  res <- k_rnn(step, k_constant(x), list(k_zeros(c(2, 3))))
  expect_equal(arr(res[[2]])[, 4, ], apply(x, c(1, 3), sum), tolerance = 1e-5)
  expect_equal(arr(res[[1]]), apply(x, c(1, 3), sum), tolerance = 1e-5)
  back <- k_rnn(step, k_constant(x), list(k_zeros(c(2, 3))), go_backwards = TRUE)
  expect_equal(arr(back[[2]])[, 1, ], x[, 4, ], tolerance = 1e-5)
})

test_that("bad input names the argument", {
  expect_error(k_conv2d(array(0, c(1, 3, 3)), array(0, c(2, 2, 1, 1))), "`x`", class = "python.builtin.ValueError")
  expect_error(k_pool2d(array(0, c(1, 2, 2, 1)), c(2, 2), pool_mode = "min"), "`pool_mode`",
               class = "python.builtin.ValueError")
  expect_error(k_dropout(k_constant(1:3), 1), "`level`", class = "python.builtin.ValueError")
  expect_error(k_bias_add(k_zeros(c(2, 3)), c(1, 2)), "`bias`", class = "python.builtin.ValueError")
})
