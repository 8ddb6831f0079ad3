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

eps <- 1e-7
set.seed(11)
yt <- matrix(runif(20, 0.05, 1), 5)
yp <- matrix(runif(20, 0.05, 1), 5)
signs <- matrix(sample(c(-1, 1), 20, replace = TRUE), 5)
onehot <- diag(4)[c(1, 4, 2, 2, 3), ]
l2n <- function(m) m / sqrt(pmax(rowSums(m^2), 1e-12))

test_that("the Keras 2.2.4 losses compute their formulas, one value per sample", {
  p <- yp
  cases <- list(
    mean_absolute_error = list(yt, rowMeans(abs(p - yt))),
    mean_absolute_percentage_error = list(yt, 100 * rowMeans(abs((yt - p) / pmax(abs(yt), eps)))),
    mean_squared_logarithmic_error = list(yt, rowMeans((log(pmax(p, eps) + 1) - log(pmax(yt, eps) + 1))^2)),
    squared_hinge = list(signs, rowMeans(pmax(1 - signs * p, 0)^2)),
    hinge = list(signs, rowMeans(pmax(1 - signs * p, 0))),
    categorical_hinge = list(onehot, pmax(0, apply((1 - onehot) * p, 1, max) - rowSums(onehot * p) + 1)),
    logcosh = list(yt, rowMeans(log(cosh(p - yt)))),
    categorical_crossentropy = list(onehot, -rowSums(onehot * log(pmin(pmax(p / rowSums(p), eps), 1 - eps)))),
    kullback_leibler_divergence = list(yt / rowSums(yt), rowSums((yt / rowSums(yt)) * log((yt / rowSums(yt)) / p))),
    poisson = list(yt, rowMeans(p - yt * log(p + eps))),
    cosine_proximity = list(yt, -rowSums(l2n(yt) * l2n(p)))
  )
  for (name in names(cases)) {
    fn <- get(paste0("loss_", name))
    loss <- fn(cases[[name]][[1]], k_constant(yp))
    expect_equal(dim(loss), 5L, info = name)
    expect_equal(as.vector(as.array(loss)), cases[[name]][[2]], tolerance = 2e-5, info = name)
    expect_equal(attr(fn, "py_function_name"), name)
  }
})

test_that("hinge keeps 0/1 targets as given; logcosh stays finite; bad input is a classed error", {
  expect_equal(as.vector(as.array(loss_hinge(rbind(c(0, 1)), k_constant(rbind(c(0.5, 0.5)))))), 0.75)
  expect_equal(as.vector(as.array(loss_logcosh(rbind(0), k_constant(rbind(200))))), 200 - log(2), tolerance = 1e-6)
  expect_error(loss_logcosh(NULL, k_constant(rbind(1))), class = "python.builtin.ValueError")
})

test_that("the new losses serve as compile() losses", {
  set_random_seed(5)
  x <- matrix(rnorm(24), 8)
  y <- diag(2)[rep(1:2, 4), ]
  model <- keras_model_sequential() %>% layer_dense(2, input_shape = 3, activation = "softmax")
  model %>% compile(optimizer = optimizer_sgd(0.01), loss = loss_categorical_crossentropy)
  scores <- model %>% evaluate(x, y, verbose = 0)
  direct <- as.numeric(tf$reduce_mean(loss_categorical_crossentropy(y, model(k_constant(x)))))
  expect_equal(scores$loss, direct, tolerance = 1e-5)
})
