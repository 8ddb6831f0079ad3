test_that("loss_mean_squared_error is per sample", {
  loss <- loss_mean_squared_error(rbind(c(0, 1), c(2, 2)), k_constant(rbind(c(1, 1), c(0, 2))))
  expect_equal(as.vector(as.array(loss)), c(0.5, 2))
  expect_equal(loss$dtype$name, "float32")
  expect_equal(attr(loss_mean_squared_error, "py_function_name"), "mean_squared_error")
})

test_that("loss_binary_crossentropy from probabilities and from logits", {
  y <- rbind(c(1, 0), c(0, 0))
  p <- rbind(c(0.9, 0.2), c(0.5, 0.1))
  expected <- -rowMeans(y * log(p) + (1 - y) * log(1 - p))
  expect_equal(as.vector(as.array(loss_binary_crossentropy(y, k_constant(p)))), expected, tolerance = 1e-5)
  logits <- k_constant(log(p / (1 - p)))
  expect_equal(as.vector(as.array(loss_binary_crossentropy(y, logits, from_logits = TRUE))), expected,
               tolerance = 1e-5)
  expect_error(loss_binary_crossentropy(y, k_constant(p), from_logits = "no"), class = "python.builtin.ValueError")
})

test_that("loss_sparse_categorical_crossentropy takes 0-based labels", {
  p <- rbind(c(0.25, 0.5, 0.25), c(0.1, 0.1, 0.8))
  loss <- loss_sparse_categorical_crossentropy(c(1, 2), k_constant(p))
  expect_equal(as.vector(as.array(loss)), -log(c(0.5, 0.8)), tolerance = 1e-6)
  expect_equal(as.vector(as.array(loss_sparse_categorical_crossentropy(c(1L, 2L), k_constant(log(p)),
                                                                        from_logits = TRUE))),
               -log(c(0.5, 0.8)), tolerance = 1e-5)
  expect_error(loss_sparse_categorical_crossentropy(c(3, 1), k_constant(p)), class = "python.builtin.ValueError")
})

test_that("an R loss function serves as loss = in compile()", {
  keras <- reticulate::import("keras")
  x <- matrix(c(1, 2, 3, 4))
  set_random_seed(2)
  model <- keras$Sequential(list(keras$Input(shape = list(1L)), keras$layers$Dense(1L)))
  model$compile(optimizer = optimizer_sgd(learning_rate = 0.01), loss = loss_mean_squared_error)
  evaluated <- model$evaluate(x, 2 * x, verbose = 0L)
  direct <- as.vector(as.array(tf$reduce_mean(loss_mean_squared_error(2 * x, model(x)))))
  expect_equal(evaluated, direct, tolerance = 1e-5)
  history <- model$fit(x, 2 * x, epochs = 3L, verbose = 0L)
  expect_length(unlist(history$history$loss), 3)
})
