test_that("train() and train_and_evaluate() say that tf.estimator is gone, and what to use", {
  expect_error(train(list(), steps = 10), "TensorFlow 2.16", class = "rkeras_bridge.bridge.errors.UnavailableError")
  expect_error(train_and_evaluate(NULL), "fit\\(", class = "rkeras_bridge.bridge.errors.UnavailableError")
})
