regression <- function(n = 64) {
  set.seed(10)
  x <- matrix(runif(2 * n), n, 2)
  list(x = x, y = as.vector(x %*% c(1, -2) + 0.5))
}

small_model <- function() {
  keras_model_sequential(name = "seq") %>%
    layer_dense(units = 4, activation = "relu", input_shape = 2, name = "hidden") %>%
    layer_dense(units = 1, name = "out")
}

test_that("keras_model and keras_model_sequential build models; predict equals model(x)", {
  inputs <- layer_input(shape = 2)
  outputs <- inputs %>% layer_dense(units = 3) %>% layer_dense(units = 1)
  model <- keras_model(inputs, outputs, name = "f")
  expect_s3_class(model, "keras.src.models.model.Model")
  expect_equal(model$name, "f")
  x <- matrix(runif(10), 5, 2)
  expect_equal(predict(model, x), model(x)$numpy(), tolerance = 1e-6)
  seq <- keras_model_sequential(list(layer_input(shape = 2), layer_dense(units = 1)))
  expect_equal(seq$output_shape, list(NULL, 1L))
  expect_error(keras_model(inputs), class = "python.builtin.ValueError")
})

test_that("compile returns the model invisibly; fit reduces the loss and returns per-epoch metrics", {
  set_random_seed(1)
  d <- regression()
  model <- small_model()
  expect_invisible(compile(model, optimizer = tf$keras$optimizers$Adam(0.05), loss = "mse", metrics = "mae"))
  history <- model %>% fit(d$x, d$y, batch_size = 16, epochs = 15, verbose = 0, validation_split = 0.25)
  expect_setequal(names(history$metrics), c("loss", "mae", "val_loss", "val_mae"))
  expect_length(history$metrics$loss, 15)
  expect_lt(history$metrics$loss[15], 0.5 * history$metrics$loss[1])
  expect_error(model %>% compile(loss = "mse"), class = "python.builtin.ValueError")
  expect_error(fit(model, d$x, d$y, epochs = 1.5, verbose = 0), class = "python.builtin.ValueError")
})

test_that("early stopping stops on a flat validation loss", {
  d <- regression()
  model <- small_model()
  model %>% compile(optimizer = tf$keras$optimizers$SGD(learning_rate = 0), loss = "mse")
  history <- model %>% fit(d$x, d$y, epochs = 20, verbose = 0, validation_data = list(d$x, d$y),
                           callbacks = list(callback_early_stopping(patience = 2)))
  expect_length(history$metrics$val_loss, 3)
  expect_equal(history$metrics$val_loss[1], history$metrics$val_loss[3])
  expect_error(callback_early_stopping(mode = "lowest"), class = "python.builtin.ValueError")
})

test_that("evaluate returns the loss and metrics of the model's predictions", {
  d <- regression(10)
  model <- small_model()
  model %>% compile(optimizer = "sgd", loss = "mse", metrics = "mae")
  preds <- predict(model, d$x, batch_size = 4)
  scores <- model %>% evaluate(d$x, d$y, verbose = 0)
  expect_equal(scores$loss, mean((preds - d$y)^2), tolerance = 1e-5)
  expect_equal(scores$mae, mean(abs(preds - d$y)), tolerance = 1e-5)
})

test_that("the 2018 recommender idiom: custom model with embeddings and a dot, fit with validation data", {
  set_random_seed(2)
  set.seed(3)
  x <- cbind(sample(0:4, 40, TRUE), sample(0:5, 40, TRUE))
  y <- runif(40)
  model <- keras_model_custom(name = "simple_dot", function(self) {
    self$user_embedding <- layer_embedding(input_dim = 5, output_dim = 3,
                                           embeddings_initializer = initializer_random_uniform(minval = 0, maxval = 0.05))
    self$movie_embedding <- layer_embedding(input_dim = 6, output_dim = 3)
    self$dot <- layer_lambda(f = function(x) tf$reduce_sum(x[[1]] * x[[2]], axis = 1L, keepdims = TRUE))
    function(x, mask = NULL) {
      users <- x[, 1]
      movies <- x[, 2]
      self$dot(list(self$user_embedding(users), self$movie_embedding(movies)))
    }
  })
  model %>% compile(loss = "mse", optimizer = "adam")
  history <- model %>% fit(x, y, epochs = 3, batch_size = 8, verbose = 0,
                           validation_data = list(x[1:10, ], y[1:10]),
                           callbacks = list(callback_early_stopping(patience = 2)))
  expect_true(length(history$metrics$val_loss) %in% 1:3)
  expect_equal(predict(model, x), model(x)$numpy(), tolerance = 1e-6)
})

test_that("get_layer uses 1-based indices; get_weights/set_weights round trip", {
  model <- small_model()
  expect_equal(get_layer(model, index = 1)$name, "hidden")
  expect_equal(get_layer(model, index = -1)$name, "out")
  expect_equal(get_layer(model, name = "out")$name, "out")
  expect_error(get_layer(model, index = 0), class = "python.builtin.ValueError")
  expect_error(get_layer(model, index = 3), class = "python.builtin.ValueError")
  w <- get_weights(model)
  expect_equal(lapply(w, function(a) as.integer(dim(a))), list(c(2L, 4L), 4L, c(4L, 1L), 1L))
  new <- list(matrix(0.5, 2, 4), rep(0.5, 4), matrix(0.5, 4, 1), 0.25)
  expect_invisible(set_weights(model, new))
  expect_equal(predict(model, matrix(1, 1, 2)), matrix(4 * 1.5 * 0.5 + 0.25))
  expect_error(set_weights(model, new[1:2]), class = "python.builtin.ValueError")
  expect_error(set_weights(model, c(list(matrix(1, 3, 4)), new[-1])), class = "python.builtin.ValueError")
})

test_that("save_model_weights_tf / load_model_weights_tf round trip, also into an unbuilt custom model", {
  d <- regression(5)
  model <- small_model()
  expected <- predict(model, d$x)
  prefix <- file.path(tempfile(), "model")
  expect_invisible(save_model_weights_tf(model, prefix))
  expect_true(file.exists(paste0(prefix, ".index")))
  other <- small_model()
  load_model_weights_tf(other, prefix)
  expect_equal(predict(other, d$x), expected, tolerance = 1e-6)
  expect_error(save_model_weights_tf(model, prefix, overwrite = FALSE), class = "python.builtin.FileExistsError")
  expect_error(load_model_weights_tf(other, tempfile()), class = "python.builtin.FileNotFoundError")

  build <- function(self) {
    self$dense1 <- layer_dense(units = 3)
    self$dense2 <- layer_dense(units = 1)
    function(x, mask = NULL) x %>% self$dense1() %>% self$dense2()
  }
  custom <- keras_model_custom(build)
  before <- custom(d$x)$numpy()
  save_model_weights_tf(custom, prefix)
  fresh <- keras_model_custom(build)
  load_model_weights_tf(fresh, prefix)
  expect_equal(fresh(d$x)$numpy(), before, tolerance = 1e-6)
})

classifier <- function() {
  set_random_seed(3)
  model <- keras_model_sequential() %>%
    layer_dense(units = 8, activation = "relu", input_shape = 4) %>%
    layer_dense(units = 3, activation = "softmax")
  model %>% compile(optimizer = "sgd", loss = "categorical_crossentropy", metrics = "accuracy")
  model
}

classes_data <- function() {
  set.seed(4)
  x <- matrix(runif(32 * 4), 32, 4)
  y <- diag(3)[sample(3, 32, replace = TRUE), ]
  list(x = x, y = y)
}

test_that("train_on_batch and test_on_batch give the batch's loss; predict_on_batch the outputs", {
  d <- classes_data()
  model <- classifier()
  p <- predict_on_batch(model, d$x)
  expect_equal(p, model(d$x)$numpy(), tolerance = 1e-6)
  crossentropy <- function(p) mean(-rowSums(d$y * log(p)))
  out <- train_on_batch(model, d$x, d$y)
  expect_length(out, 2)                                   # loss and accuracy
  expect_equal(out[[1]], crossentropy(p), tolerance = 1e-5)
  after <- predict_on_batch(model, d$x)
  expect_false(isTRUE(all.equal(after, p)))
  expect_equal(test_on_batch(model, d$x, d$y)[[1]], crossentropy(after), tolerance = 1e-5)
  # the same numbers as Python's own train_on_batch on the same data and weights
  twin <- classifier()
  expect_equal(twin$train_on_batch(d$x, d$y)[[1]], out[[1]], tolerance = 1e-6)
})

test_that("predict_proba and predict_classes follow Keras 2.2.4", {
  d <- classes_data()
  model <- classifier()
  probs <- predict_proba(model, d$x)
  expect_equal(probs, predict(model, d$x), tolerance = 1e-6)
  expect_equal(as.vector(predict_classes(model, d$x)), max.col(probs) - 1L)
  inputs <- layer_input(shape = 4)
  functional <- keras_model(inputs, layer_dense(inputs, units = 2))
  expect_error(predict_classes(functional, d$x), class = "python.builtin.TypeError")
})

test_that("summary, format and print show the layer table", {
  model <- classifier()
  text <- format(model, line_length = 70)
  expect_match(text, "(None, 3)", fixed = TRUE)
  expect_match(text, "67")                                # 4*8 + 8 + 8*3 + 3 parameters
  expect_output(expect_invisible(summary(model)), "Total params")
  expect_output(print(model), "dense")
})

test_that("pop_layer, clone_model, and multi_gpu_model's classed error", {
  model <- classifier()
  clone <- clone_model(model)
  expect_length(clone$layers, 2)
  expect_false(isTRUE(all.equal(get_weights(clone)[[1]], get_weights(model)[[1]])))
  expect_invisible(pop_layer(model))
  expect_length(model$layers, 1)
  expect_error(multi_gpu_model(model, gpus = 2), class = "rkeras_bridge.bridge.errors.UnavailableError")
  expect_error(multi_gpu_model(model, gpus = 2), "MirroredStrategy")
  expect_error(pop_layer(NA), class = "python.builtin.ValueError")
})

test_that("fit returns a keras_training_history that prints, converts and plots", {
  d <- classes_data()
  model <- classifier()
  history <- model %>% fit(d$x, d$y, epochs = 3, batch_size = 8, validation_split = 0.25, verbose = 0)
  expect_s3_class(history, "keras_training_history")
  expect_equal(history$params$samples, 24)
  expect_output(print(history), "Trained on 24 samples, validated on 8 samples (batch_size=8, epochs=3)", fixed = TRUE)
  df <- as.data.frame(history)
  expect_equal(nrow(df), 3 * length(history$metrics))
  expect_equal(df$value[df$metric == "loss" & df$data == "validation"], history$metrics$val_loss)
  expect_setequal(levels(df$metric), c("loss", "accuracy"))
  path <- tempfile(fileext = ".png")
  grDevices::png(path)
  expect_invisible(plot(history, method = "base"))
  grDevices::dev.off()
  expect_gt(file.size(path), 0)
  if (requireNamespace("ggplot2", quietly = TRUE)) expect_s3_class(plot(history), "ggplot")
  expect_error(plot(history, metrics = "auc"), "metrics")
})

test_that("compile names an R loss after its variable and takes a lone metric function", {
  d <- classes_data()
  custom_loss <- function(y_true, y_pred) k_mean(k_square(y_true - y_pred))
  model <- classifier()
  model %>% compile(optimizer = "sgd", loss = custom_loss,
                    metrics = custom_metric("mean_pred", function(y_true, y_pred) k_mean(y_pred)))
  history <- model %>% fit(d$x, d$y, epochs = 1, verbose = 0)
  expect_equal(history$metrics$mean_pred, 1 / 3, tolerance = 1e-5)
  expect_equal(model$loss$`__name__`, "custom_loss")
})
