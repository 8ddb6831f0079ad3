df <- list(a = letters, b = 1:26, c = runif(26), d = LETTERS, y = runif(26))
batched <- function() tensor_slices_dataset(df) %>% dataset_batch(2)

test_that("steps add feature columns, each returning a new spec; fit() learns and returns a fitted copy", {
  spec <- feature_spec(batched(), y ~ a + b + c + d)
  expect_equal(sort(spec$feature_names()), c("a", "b", "c", "d"))
  steps <- spec %>%
    step_numeric_column(b, c) %>%
    step_categorical_column_with_vocabulary_list(a, d)
  indicators <- steps %>% step_indicator_column(a, ind_d = d)
  expect_length(steps$steps, 4)
  expect_length(indicators$steps, 6)
  expect_equal(indicators$feature_types(), c("float32", "float32", "string", "string", "float32", "float32"))
  fitted <- fit(indicators)
  expect_false(indicators$fitted)
  expect_error(indicators$features(), "fitting")
  expect_equal(names(fitted$features()), c("b", "c", "a", "d", "indicator_a", "ind_d"))
  expect_equal(names(dense_features(fitted)), c("b", "c", "indicator_a", "ind_d"))
  expect_equal(unlist(fitted$features()$a$vocabulary_list), letters)
  expect_s3_class(fitted$features()$a, "tensorflow.python.feature_column.feature_column._CategoricalColumn")
  expect_error(indicators %>% step_indicator_column(a = has_type("string")), "name feature")
})

test_that("selectors choose by type and leave out with -", {
  spec <- feature_spec(batched(), y ~ a + b + c + d) %>%
    step_numeric_column(all_numeric(), -b) %>%
    step_categorical_column_with_vocabulary_list(all_nominal()) %>%
    step_indicator_column(all_nominal(), -a)
  expect_equal(names(fit(spec)$dense_features()), c("c", "indicator_d"))
  typed <- feature_spec(batched(), y ~ .) %>% step_numeric_column(has_type("int32"), starts_with("C"))
  expect_equal(vapply(typed$steps, function(s) s$name, ""), c("b", "c"))
})

test_that("numeric columns normalized by fitted scalers, in layer_dense_features()", {
  for (case in list(list(scaler_standard, function(v) (v - mean(v)) / sd(v)),
                    list(scaler_min_max, function(v) (v - min(v)) / (max(v) - min(v))))) {
    spec <- feature_spec(batched(), y ~ a + b + c + d) %>% step_numeric_column(all_numeric(), normalizer_fn = case[[1]]())
    fitted <- fit(spec)
    layer <- layer_dense_features(feature_columns = fitted$dense_features())
    value <- as.matrix(layer(iter_next(as_iterator(batched()))))
    expect_equal(value[, 1], case[[2]](df$b)[1:2], tolerance = 1e-5)
    expect_equal(value[, 2], case[[2]](df$c)[1:2], tolerance = 1e-5)
  }
  sc <- StandardScaler$new()
  x <- runif(50)
  for (chunk in split(x, rep(1:5, each = 10))) sc$fit_batch(chunk)
  sc$fit_resume()
  expect_equal(c(sc$mean, sc$sd), c(mean(x), sd(x)))
  mm <- MinMaxScaler$new()
  mm$fit_batch(c(3, 1)); mm$fit_batch(7)
  expect_equal(c(mm$min, mm$max), c(1, 7))
})

test_that("bucketized, crossed, embedding and removed columns; another dataset to fit on", {
  spec <- feature_spec(batched(), y ~ a + b + c + d) %>%
    step_numeric_column(b) %>%
    step_bucketized_column(b, boundaries = c(5, 10, 15)) %>%
    step_categorical_column_with_vocabulary_list(a, d) %>%
    step_crossed_column(c(a, d), hash_bucket_size = 100) %>%
    step_embedding_column(crossed_a_d, dimension = 3) %>%
    step_remove_column(b)
  fitted <- fit(spec, tensor_slices_dataset(df) %>% dataset_take(10))
  expect_equal(names(fitted$dense_features()), c("bucketized_b", "embedding_crossed_a_d"))
  expect_equal(unlist(fitted$features()$a$vocabulary_list), letters[1:10])
  vocab <- tempfile(); writeLines(letters, vocab)
  from_file <- feature_spec(batched(), y ~ a) %>%
    step_categorical_column_with_vocabulary_file(a, vocabulary_file = vocab) %>% fit()
  expect_equal(from_file$features()$a$vocabulary_size, 26L)
  expect_error(feature_spec(batched(), y ~ a) %>% step_shared_embeddings_column(a, dimension = 2),
               class = "rkeras_bridge.bridge.errors.UnavailableError")
  expect_error(feature_spec(batched(), y ~ a) %>% step_text_embedding_column(a, module_spec = "x"),
               class = "rkeras_bridge.bridge.errors.UnavailableError")
})

test_that("dataset_use_spec() and layer_input_from_dataset() feed a Keras model that trains", {
  spec <- feature_spec(batched(), y ~ a + b + c + d) %>%
    step_numeric_column(b, c, normalizer_fn = scaler_standard()) %>%
    step_categorical_column_with_vocabulary_list(d) %>%
    step_indicator_column(d)
  expect_error(dataset_use_spec(batched(), spec), "fitted")
  fitted <- fit(spec)
  train <- dataset_use_spec(batched(), fitted)
  inputs <- layer_input_from_dataset(train)
  expect_equal(names(inputs), c("a", "b", "c", "d"))
  output <- inputs %>% layer_dense_features(fitted$dense_features()) %>% layer_dense(units = 1)
  model <- keras_model(inputs, output)
  expect_equal(dim(as.matrix(model(next_batch(train)[[1]]))), c(2L, 1L))
  model %>% compile(optimizer = "sgd", loss = "mse")
  history <- model %>% fit(train, epochs = 2, verbose = 0)
  expect_length(history$metrics$loss, 2)
})
