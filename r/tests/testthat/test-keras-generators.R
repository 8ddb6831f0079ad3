gen_data <- function(n = 64) {
  set.seed(6)
  x <- matrix(runif(n * 3), n, 3)
  list(x = x, y = rowSums(x))
}

gen_model <- function() {
  set_random_seed(2)
  model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = 3)
  model %>% compile(optimizer = tf$keras$optimizers$SGD(learning_rate = 0.1), loss = "mse", metrics = "mae")
  model
}

# An R generator cycling through the rows in order, 16 at a time.
cycling <- function(x, y, size = 16) {
  i <- 0
  function() {
    rows <- (i %% nrow(x)) + seq_len(size)
    i <<- i + size
    list(x[rows, , drop = FALSE], y[rows])
  }
}

test_that("fit_generator is Keras 2.2.4's loop: train_on_batch per step, epoch = mean of the batches", {
  d <- gen_data()
  model <- gen_model()
  history <- model %>% fit_generator(cycling(d$x, d$y), steps_per_epoch = 4, epochs = 2, verbose = 0)
  expect_s3_class(history, "keras_training_history")
  reference <- gen_model()
  draw <- cycling(d$x, d$y)
  expected <- vapply(1:2, function(epoch) {
    mean(vapply(1:4, function(step) {
      b <- draw()
      train_on_batch(reference, b[[1]], b[[2]])[[1]]
    }, numeric(1)))
  }, numeric(1))
  expect_equal(history$metrics$loss, expected, tolerance = 1e-5)
  expect_equal(get_weights(model), get_weights(reference), tolerance = 1e-5)
})

test_that("evaluate_generator and predict_generator agree with evaluate and predict", {
  d <- gen_data()
  model <- gen_model()
  scores <- evaluate_generator(model, cycling(d$x, d$y), steps = 4)
  whole <- evaluate(model, d$x, d$y, verbose = 0)
  expect_equal(scores$loss, whole$loss, tolerance = 1e-5)
  expect_equal(scores$mae, whole$mae, tolerance = 1e-5)
  i <- 0
  preds <- predict_generator(model, function() { i <<- i + 1; list(d$x[(i - 1) * 16 + 1:16, ]) }, steps = 4)
  expect_equal(preds, predict(model, d$x), tolerance = 1e-5)
})

test_that("several inputs, validation generators and callbacks", {
  input1 <- layer_input(shape = 1)
  input2 <- layer_input(shape = 1)
  model <- keras_model(list(input1, input2), layer_add(list(input1, input2)))
  model %>% compile(loss = "mse", optimizer = "sgd")
  history <- suppressWarnings(model %>% fit_generator(function() list(list(1, 2), 3), steps_per_epoch = 10, verbose = 0))
  expect_equal(history$metrics$loss, 0)
  d <- gen_data()
  batches <- 0
  cb <- callback_lambda(on_batch_end = function(batch, logs) batches <<- batches + 1)
  model <- gen_model()
  history <- model %>% fit_generator(cycling(d$x, d$y), steps_per_epoch = 2, epochs = 2, verbose = 0,
                                     callbacks = list(cb), validation_data = cycling(d$x[1:32, ], d$y[1:32], 8),
                                     validation_steps = 4)
  expect_equal(batches, 4)
  expect_equal(tail(history$metrics$val_loss, 1), evaluate(model, d$x[1:32, ], d$y[1:32], verbose = 0)$loss,
               tolerance = 1e-5)
})

test_that("a dataset and bad arguments", {
  d <- gen_data(10)
  ds <- tensor_slices_dataset(list(d$x, matrix(d$y))) %>% dataset_batch(2)
  history <- gen_model() %>% fit_generator(ds, steps_per_epoch = 5, epochs = 2, verbose = 0)
  expect_length(history$metrics$loss, 2)
  expect_error(gen_model() %>% fit_generator(cycling(d$x, d$y), verbose = 0), class = "python.builtin.ValueError")
  expect_error(gen_model() %>% fit_generator(cycling(d$x, d$y), steps_per_epoch = NA, verbose = 0),
               class = "python.builtin.ValueError")
  expect_error(gen_model() %>% fit_generator(function() list(d$x), steps_per_epoch = 1, verbose = 0),
               "list\\(x, y\\)")
  expect_error(gen_model() %>% fit_generator(42, steps_per_epoch = 1, verbose = 0), class = "python.builtin.TypeError")
})
