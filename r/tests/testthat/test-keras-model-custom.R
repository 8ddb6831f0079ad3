test_that("the issue's 2018 snippet runs: custom model, TF1 Adam, tape, transpose, global step", {
  set_random_seed(1)
  x <- matrix(runif(40), nrow = 10, ncol = 4)
  y <- matrix(runif(10), nrow = 10, ncol = 1)
  model <- keras_model_custom(name = "m", function(self) {
    self$dense1 <- layer_dense(units = 32)
    self$dropout <- layer_dropout(rate = 0.5)
    self$output_layer <- layer_dense(units = 1)
    function(x, mask = NULL, training = FALSE) {
      x %>% self$dense1() %>% self$dropout(training = training) %>% self$output_layer()
    }
  })
  optimizer <- tf$train$AdamOptimizer()
  step <- tf$train$get_or_create_global_step()
  step_before <- step$numpy()
  with(tf$GradientTape() %as% tape, {
    preds <- model(x, training = TRUE)
    loss <- tf$losses$mean_squared_error(y, preds)
  })
  gradients <- tape$gradient(loss, model$variables)
  kernel_before <- model$variables[[1]]$numpy()
  optimizer$apply_gradients(purrr::transpose(list(gradients, model$variables)),
                            global_step = tf$train$get_or_create_global_step())
  expect_equal(preds$shape$as_list(), c(10L, 1L))
  expect_equal(model$name, "m")
  expect_length(model$variables, 5)          # 2 x (kernel, bias) + the dropout's seed state
  trainable <- vapply(model$variables, function(v) v$trainable, logical(1))
  expect_equal(sum(!trainable), 1)
  expect_null(gradients[[which(!trainable)]])  # the seed state has no gradient
  expect_false(isTRUE(all.equal(model$variables[[1]]$numpy(), kernel_before)))
  expect_equal(step$numpy() - step_before, 1)
})

test_that("training is forwarded only when given; the R default applies otherwise", {
  seen <- list()
  model <- keras_model_custom(function(self) {
    self$d <- layer_dense(units = 2)
    function(x, mask = NULL, training = FALSE) {
      seen[[length(seen) + 1]] <<- training
      self$d(x)
    }
  })
  model(matrix(1, 3, 2))
  model(matrix(1, 3, 2), training = TRUE)
  expect_identical(seen, list(FALSE, TRUE))
})

test_that("a forward function without mask/training gets the inputs only", {
  model <- keras_model_custom(function(self) {
    self$d <- layer_dense(units = 2)
    function(x) self$d(x)
  })
  expect_equal(model(matrix(1, 3, 2), training = TRUE)$shape$as_list(), c(3L, 2L))
})

test_that("printing and summarising an unbuilt model works", {
  model <- keras_model_custom(name = "unbuilt", function(self) {
    self$d <- layer_dense(units = 2)
    function(x) self$d(x)
  })
  expect_output(print(model), "unbuilt")
  expect_match(reticulate::py_capture_output(model$summary()), "unbuilt")
})

test_that("a forward function that takes no inputs is refused with a classed error", {
  expect_error(keras_model_custom(function(self) function() NULL), class = "python.builtin.TypeError")
  expect_error(keras_model_custom(function(self) 42), class = "python.builtin.TypeError")
  expect_error(keras_model_custom("not a function"), class = "python.builtin.TypeError")
})

test_that("layer arguments are coerced and checked", {
  expect_equal(layer_dense(units = 32)$units, 32L)
  expect_error(layer_dense(units = 32.5), class = "python.builtin.ValueError")
  expect_error(layer_dense(units = NA_integer_), class = "python.builtin.ValueError")
  expect_error(layer_dropout(rate = 1), class = "python.builtin.ValueError")
  out <- matrix(1, 4, 3) %>% layer_dense(units = 2)
  expect_equal(out$shape$as_list(), c(4L, 2L))
})

two_input_model <- function(seen_env) {
  keras_model_custom(function(self) {
    self$d <- layer_dense(units = 2, kernel_initializer = "ones")
    function(inp, target, training = FALSE) {
      seen_env$training <- c(seen_env$training, training)
      self$d(tf$concat(list(inp, target), axis = -1L))
    }
  })
}

test_that("a second input reaches the forward function, not `training` (2018 pix2pix discriminator)", {
  seen <- new.env()
  model <- two_input_model(seen)
  a <- matrix(1, 3, 2)
  b <- matrix(2, 3, 1)
  out <- model(a, b, training = TRUE)
  expect_equal(out$numpy(), matrix(4, 3, 2), tolerance = 1e-6)   # 1 + 1 + 2, unit weights
  model(a, b)
  expect_identical(seen$training, c(TRUE, FALSE))
  # the same model called from Python gives the same numbers
  expect_equal(reticulate::py_call(model, a, b)$numpy(), out$numpy(), tolerance = 1e-6)
})

test_that("several inputs under tf_function and in a GradientTape", {
  seen <- new.env()
  model <- two_input_model(seen)
  a <- tf$ones(shape(3L, 2L))
  b <- tf$fill(shape(3L, 1L), 2)
  step <- tf_function(function(x, y) model(x, y, training = TRUE))
  expect_equal(step(a, b)$numpy(), matrix(4, 3, 2), tolerance = 1e-6)
  expect_true(tail(seen$training, 1))
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_sum(model(a, b, training = TRUE))
  })
  grads <- tape$gradient(loss, model$trainable_variables)
  expect_length(grads, 2)
  expect_false(any(vapply(grads, is.null, logical(1))))
})

test_that("a forward function with `...` gets extra arguments and both flags", {
  got <- new.env()
  model <- keras_model_custom(function(self) {
    function(x, ...) {
      got$args <- list(...)
      x
    }
  })
  model(matrix(1, 2, 1), scale = 3, training = TRUE)
  expect_equal(got$args$scale, 3)
  expect_true(got$args$training)
})
