values <- function(t) as.vector(as.array(t))

test_that("metric_binary_accuracy rounds half to even; metric_categorical_accuracy compares argmaxes", {
  y_true <- rbind(c(1, 0, 1), c(0, 0, 1))
  y_pred <- rbind(c(0.8, 0.5, 0.4), c(0.2, 0.51, 0.9))
  expect_equal(values(metric_binary_accuracy(k_constant(y_true), k_constant(y_pred))), c(2 / 3, 2 / 3),
               tolerance = 1e-6)
  onehot <- diag(3)[c(1, 3, 2), ]
  scores <- rbind(c(0.6, 0.3, 0.1), c(0.2, 0.3, 0.5), c(0.5, 0.4, 0.1))
  expect_equal(values(metric_categorical_accuracy(k_constant(onehot), k_constant(scores))),
               as.numeric(max.col(onehot) == max.col(scores)))
})

test_that("top-k accuracies return the batch mean, with 0-based sparse labels", {
  scores <- rbind(c(0.1, 0.5, 0.3, 0.05), c(0.4, 0.3, 0.2, 0.1), c(0.05, 0.15, 0.2, 0.6))
  labels <- c(2, 3, 3)  # 0-based
  for (k in 1:3) {
    top <- lapply(1:3, function(i) order(-scores[i, ])[seq_len(k)] - 1)  # 0-based classes
    expected <- mean(sapply(1:3, function(i) labels[i] %in% top[[i]]))
    sparse <- metric_sparse_top_k_categorical_accuracy(k_constant(matrix(labels)), k_constant(scores), k = k)
    expect_equal(dim(sparse), integer(0))
    expect_equal(as.numeric(sparse), expected, tolerance = 1e-6)
    dense <- metric_top_k_categorical_accuracy(k_constant(diag(4)[labels + 1, ]), k_constant(scores), k = k)
    expect_equal(as.numeric(dense), expected, tolerance = 1e-6)
  }
  y_pred <- tf$Variable(matrix(c(0.3, 0.2, 0.1, 0.1, 0.2, 0.7), nrow = 2, ncol = 3))
  y_true <- tf$Variable(matrix(c(0L, 1L), nrow = 2, ncol = 1))
  expect_equal(as.numeric(metric_sparse_top_k_categorical_accuracy(y_true, y_pred, k = 1)), 0.5)
  expect_error(metric_top_k_categorical_accuracy(k_constant(scores), k_constant(scores), k = 0),
               class = "python.builtin.ValueError")
})

test_that("error metrics are the losses of the same name and carry Keras names", {
  set.seed(7)
  y_true <- matrix(runif(12, 0.1, 1), 4)
  y_pred <- k_constant(matrix(runif(12, 0.1, 1), 4))
  for (name in c("binary_crossentropy", "categorical_crossentropy", "cosine_proximity", "hinge",
                 "kullback_leibler_divergence", "mean_absolute_error", "mean_absolute_percentage_error",
                 "mean_squared_error", "mean_squared_logarithmic_error", "poisson", "squared_hinge")) {
    metric <- get(paste0("metric_", name))
    expect_equal(values(metric(y_true, y_pred)), values(get(paste0("loss_", name))(y_true, y_pred)), info = name)
    expect_equal(attr(metric, "py_function_name"), name)
  }
  expect_equal(values(metric_mean_squared_error(y_true, y_pred)), rowMeans((y_true - as.array(y_pred))^2),
               tolerance = 1e-6)
})

test_that("metrics and custom_metric() in compile() log their names and batch means", {
  set_random_seed(4)
  set.seed(1)
  x <- matrix(rnorm(16 * 5), 16)
  y <- diag(3)[sample(3, 16, replace = TRUE), ]
  metric_mean_pred <- custom_metric("mean_pred", function(y_true, y_pred) k_mean(y_pred))
  model <- keras_model_sequential() %>% layer_dense(3, input_shape = 5, activation = "softmax")
  model %>% compile(loss = "categorical_crossentropy", optimizer = optimizer_sgd(),
                    metrics = list(metric_categorical_accuracy, metric_mean_squared_error, metric_mean_pred))
  scores <- model %>% evaluate(x, y, batch_size = 16, verbose = 0)
  expect_setequal(names(scores), c("loss", "categorical_accuracy", "mean_squared_error", "mean_pred"))
  pred <- predict(model, x)
  expect_equal(scores$categorical_accuracy, mean(max.col(pred) == max.col(y)), tolerance = 1e-6)
  expect_equal(scores$mean_squared_error, mean((pred - y)^2), tolerance = 1e-5)
  expect_equal(scores$mean_pred, 1 / 3, tolerance = 1e-5)
  expect_error(custom_metric("", function(y_true, y_pred) y_pred), class = "python.builtin.TypeError")
  expect_error(custom_metric("x", 3), class = "python.builtin.TypeError")
})
