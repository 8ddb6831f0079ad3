persist_data <- function() {
  set.seed(7)
  list(x = matrix(runif(32 * 6), 32, 6), y = diag(3)[sample(3, 32, replace = TRUE), ])
}

persist_model <- function(seed = 0) {
  set_random_seed(seed)
  keras_model_sequential() %>%
    layer_dense(units = 8, activation = "relu", input_shape = 6, name = "hidden") %>%
    layer_dense(units = 3, activation = "softmax", name = "out")
}

trained_model <- function(...) {
  model <- persist_model()
  model %>% compile(optimizer = optimizer_nadam(), loss = "categorical_crossentropy", ...)
  d <- persist_data()
  model %>% fit(d$x, d$y, epochs = 2, batch_size = 8, verbose = 0)
  model
}

# Two models predict alike and keep agreeing when trained further (weights and optimizer state equal).
expect_same_training <- function(a, b) {
  d <- persist_data()
  expect_equal(predict(a, d$x), predict(b, d$x), tolerance = 1e-6)
  ha <- a %>% fit(d$x, d$y, epochs = 2, batch_size = 8, shuffle = FALSE, verbose = 0)
  hb <- b %>% fit(d$x, d$y, epochs = 2, batch_size = 8, shuffle = FALSE, verbose = 0)
  expect_equal(ha$metrics$loss, hb$metrics$loss, tolerance = 1e-5)
}

test_that("a whole model saved as HDF5 loads back and resumes training identically", {
  model <- trained_model(metrics = "accuracy")
  path <- tempfile(fileext = ".h5")
  expect_invisible(save_model_hdf5(model, path))
  loaded <- load_model_hdf5(path)
  expect_same_training(model, loaded)
  expect_error(save_model_hdf5(model, path, overwrite = FALSE), class = "python.builtin.FileExistsError")
  expect_error(load_model_hdf5(tempfile()), class = "python.builtin.FileNotFoundError")
})

test_that("custom losses and metrics are found by name, also in with_custom_object_scope", {
  metric_mean_pred <- custom_metric("mean_pred", function(y_true, y_pred) k_mean(y_pred))
  custom_loss <- function(y_true, y_pred) loss_categorical_crossentropy(y_true, y_pred)
  model <- persist_model()
  model %>% compile(loss = custom_loss, optimizer = optimizer_nadam(), metrics = metric_mean_pred)
  path <- tempfile(fileext = ".h5")
  save_model_hdf5(model, path)
  loaded <- load_model_hdf5(path, custom_objects = c(mean_pred = metric_mean_pred, custom_loss = custom_loss))
  expect_same_training(model, loaded)
  scoped <- with_custom_object_scope(c(mean_pred = metric_mean_pred, custom_loss = custom_loss), {
    load_model_hdf5(path)
  })
  expect_true(scoped$compiled)
  expect_error(load_model_hdf5(path, custom_objects = list(custom_loss)), "custom_objects")
})

test_that("weights round-trip through HDF5 by order and by name", {
  model <- trained_model()
  path <- tempfile(fileext = ".h5")
  expect_invisible(save_model_weights_hdf5(model, path))
  other <- persist_model(seed = 5)
  load_model_weights_hdf5(other, path)
  expect_equal(get_weights(other), get_weights(model))
  by_name <- persist_model(seed = 6)
  load_model_weights_hdf5(by_name, path, by_name = TRUE)
  expect_equal(get_weights(by_name), get_weights(model))
  expect_error(load_model_weights_hdf5(other, path, skip_mismatch = TRUE), "skip_mismatch")
})

test_that("JSON holds the architecture only; YAML needs PyYAML", {
  model <- trained_model()
  json <- model_to_json(model)
  rebuilt <- model_from_json(json)
  expect_equal(model_to_json(rebuilt), json)
  expect_false(rebuilt$compiled)
  expect_equal(vapply(rebuilt$layers, function(l) l$name, ""), c("hidden", "out"))
  if (have_pyyaml()) {
    yaml <- model_to_yaml(model)
    expect_equal(model_to_yaml(model_from_yaml(yaml)), yaml)
  } else {
    expect_error(model_to_yaml(model), class = "rkeras_bridge.bridge.errors.UnavailableError")
  }
})

test_that("serialize_model gives a raw vector that unserialize_model reads back", {
  model <- trained_model()
  raw <- serialize_model(model)
  expect_type(raw, "raw")
  expect_equal(raw[2:4], charToRaw("HDF"))
  rds <- tempfile(fileext = ".rds")
  saveRDS(raw, rds)
  expect_equal(predict(unserialize_model(readRDS(rds)), persist_data()$x), predict(model, persist_data()$x),
               tolerance = 1e-6)
  expect_same_training(model, unserialize_model(raw))
})

test_that("SavedModel export serves the model and model_from_saved_model rebuilds it", {
  model <- trained_model()
  dir <- tempfile("saved")
  dir.create(dir)
  model_to_saved_model(model, dir)
  expect_true(any(grepl("saved_model\\.pb$", dir(dir, recursive = TRUE))))
  x <- matrix(rep(1, 6), nrow = 1)
  expect_equal(predict(model_from_saved_model(dir), x), predict(model, x), tolerance = 1e-6)
  expect_error(model_to_saved_model(model, dir), class = "python.builtin.FileExistsError")
})

test_that("a custom model's architecture cannot be saved, its weights can", {
  build <- function(self) {
    self$d <- layer_dense(units = 2)
    function(x, mask = NULL) self$d(x)
  }
  model <- keras_model_custom(build)
  model(matrix(1, 1, 3))
  expect_error(save_model_hdf5(model, tempfile(fileext = ".h5")), class = "python.builtin.TypeError")
  path <- tempfile(fileext = ".h5")
  save_model_weights_hdf5(model, path)
  other <- keras_model_custom(build)
  other(matrix(1, 1, 3))
  load_model_weights_hdf5(other, path)
  expect_equal(get_weights(other), get_weights(model))
})
