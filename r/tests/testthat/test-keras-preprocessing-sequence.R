test_that("make_sampling_table() follows the word2vec and Zipf formulas", {
  table <- make_sampling_table(6, sampling_factor = 1e-3)
  rank <- c(1, 1:5)
  f <- 1e-3 * (rank * (log(rank) + 0.577) + 0.5 - 1 / (12 * rank))
  expect_equal(table, pmin(1, f / sqrt(f)))
  expect_equal(make_sampling_table(size = 40)[1:2], make_sampling_table(size = 2))
})

test_that("skipgrams() pairs window neighbours and adds random negatives", {
  out <- skipgrams(c(1, 2, 0, 3), vocabulary_size = 4, window_size = 1, negative_samples = 0, shuffle = FALSE)
  expect_named(out, c("couples", "labels"))
  expect_equal(out$couples, list(c(1L, 2L), c(2L, 1L)))
  expect_equal(out$labels, c(1L, 1L))
  sg <- skipgrams(1:5, vocabulary_size = 10, window_size = 1, negative_samples = 2, seed = 11)
  expect_equal(length(sg$couples), 24L)
  expect_equal(sum(sg$labels), 8L)
  negatives <- do.call(rbind, sg$couples[sg$labels == 0])
  expect_true(all(negatives[, 2] >= 1 & negatives[, 2] <= 9))
  # the conformance call: 6 neighbour pairs (window 4), 6 negatives
  expect_equal(length(skipgrams(1:3, vocabulary_size = 3)$couples), 12L)
})

test_that("bad input to skipgrams() and make_sampling_table() names the argument", {
  expect_error(make_sampling_table(0), "size", class = "python.builtin.ValueError")
  expect_error(skipgrams(c(1, 2.5), 4), "sequence", class = "python.builtin.ValueError")
  expect_error(skipgrams(1:3, 1), "vocabulary_size", class = "python.builtin.ValueError")
  expect_error(skipgrams(1:3, 4, window_size = NA), "NA")
})
