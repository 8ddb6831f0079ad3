test_that("export_savedmodel() exports a Keras model that serves the same predictions", {
  model <- keras_model_sequential(list(layer_dense(units = 2, input_shape = 3)))
  path <- export_savedmodel(model, file.path(tempdir(), "rkb-exported"))
  expect_true(file.exists(file.path(path, "saved_model.pb")))
  x <- matrix(as.numeric(1:6), 2)
  loaded <- tf$saved_model$load(path)
  expect_equal(as.array(loaded$serve(tf$constant(x, dtype = "float32"))), as.array(model(x)), tolerance = 1e-6)
  expect_output(text <- view_savedmodel(path), "signature_def['serve']", fixed = TRUE)
  expect_match(text, "shape: (-1, 3)", fixed = TRUE)
})

test_that("a TF1 session cannot be exported: a classed error says why", {
  expect_error(export_savedmodel(tf$compat$v1$Session(), tempfile()), "no session",
               class = "rkeras_bridge.bridge.errors.UnavailableError")
  expect_error(export_savedmodel(42, tempfile()), "object", class = "python.builtin.ValueError")
})
