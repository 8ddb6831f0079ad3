# Benchmark: per-op cost and the scaling of a training step, in R through rkerasbridge (the twin
# of bench/ops.py; bench/ops_reticulate.R does the same through raw reticulate). Same ops, same
# sizes, same timing rule: each op runs in blocks of at least `block_s` seconds, and the median
# per-call time of the blocks is reported, in microseconds. Run by `python -m rkeras_bridge.tools.bench`.
library(rkerasbridge)

# ---- Timing rule -----------------------------------------------------------------------------
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "timing.R"))

# ---- Per-op overhead: representative calls ----------------------------------------------------
set_random_seed(1)
a <- tf$constant(2.5)
b <- tf$constant(4)
m <- tf$ones(c(64L, 64L))
x <- tf$ones(c(32L, 64L))
dense <- layer_dense(units = 64)
invisible(dense(x))
optimizer <- tf$train$AdamOptimizer(learning_rate = 0.001)

tape_gradient <- function() {
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_mean(tf$square(dense(x)))
  })
  tape$gradient(loss, dense$trainable_variables)
}

grads <- tape_gradient()

# The 2018 article's eager step: Dense(64) + Dense(1) on a 64 x 32 batch, with purrr::transpose().
model_2018 <- keras_model_custom(function(self) {
  self$hidden <- layer_dense(units = 64, activation = "relu")
  self$out <- layer_dense(units = 1)
  function(x, mask = NULL, training = FALSE) self$out(self$hidden(x))
})
optimizer_2018 <- tf$train$AdamOptimizer(learning_rate = 0.001)
features_2018 <- tf$random$normal(c(64L, 32L), seed = 1L)
target_2018 <- tf$random$normal(c(64L, 1L), seed = 2L)
step_2018 <- function() {
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_mean(tf$square(model_2018(features_2018) - target_2018))
  })
  gradients <- tape$gradient(loss, model_2018$variables)
  optimizer_2018$apply_gradients(purrr::transpose(list(gradients, model_2018$variables)))
  loss
}
# The same step with zip_lists(): what the step costs without purrr 1.0's per-call lifecycle signal.
step_2018_zip <- function() {
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_mean(tf$square(model_2018(features_2018) - target_2018))
  })
  gradients <- tape$gradient(loss, model_2018$variables)
  optimizer_2018$apply_gradients(zip_lists(gradients, model_2018$variables))
  loss
}

ops <- list(
  constant = function() tf$constant(2.5),
  multiply = function() tf$multiply(a, b),
  operator = function() a * b,
  matmul = function() tf$matmul(m, m),
  layer_call = function() dense(x),
  tape_gradient = tape_gradient,
  apply_gradients = function() optimizer$apply_gradients(purrr::transpose(list(grads, dense$trainable_variables))),
  apply_gradients_zip = function() optimizer$apply_gradients(zip_lists(grads, dense$trainable_variables)),
  step_2018 = step_2018,
  step_2018_zip = step_2018_zip
)
results <- list(ops = lapply(ops, per_call_us), scaling = list())

# ---- Scaling: a two-layer training step by batch size and width, eager and compiled -----------
mlp <- function(width) {
  function(self) {
    self$hidden <- layer_dense(units = width, activation = "relu")
    self$out <- layer_dense(units = 1)

    function(x, mask = NULL, training = FALSE) {
      self$out(self$hidden(x))
    }
  }
}

scaling_point <- function(batch, width) {
  set_random_seed(1)
  model <- keras_model_custom(mlp(width))
  opt <- tf$train$AdamOptimizer(learning_rate = 0.001)
  features <- tf$random$normal(c(batch, 64L), seed = 1L)
  target <- tf$random$normal(c(batch, 1L), seed = 2L)

  step <- function(features, target) {
    with(tf$GradientTape() %as% tape, {
      loss <- tf$reduce_mean(tf$square(model(features) - target))
    })
    gradients <- tape$gradient(loss, model$trainable_variables)
    opt$apply_gradients(purrr::transpose(list(gradients, model$trainable_variables)))
    loss
  }

  compiled <- tf_function(step)
  lapply(list(eager = step, compiled = compiled), function(f) per_call_us(function() f(features, target)))
}

sizes <- list(c(16, 128), c(128, 128), c(1024, 128), c(128, 32), c(128, 1024), c(128, 4096))
for (size in sizes) {
  point <- scaling_point(as.integer(size[[1]]), as.integer(size[[2]]))
  for (mode in names(point)) {
    results$scaling[[length(results$scaling) + 1]] <- list(batch = size[[1]], width = size[[2]], mode = mode,
                                                           us = point[[mode]])
  }
}

cat("RKB-BENCH ", jsonlite::toJSON(results, auto_unbox = TRUE, digits = NA), "\n", sep = "")
