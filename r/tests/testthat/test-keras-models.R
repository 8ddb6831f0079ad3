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
