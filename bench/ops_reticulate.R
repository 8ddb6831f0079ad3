# Benchmark: the per-op calls of bench/ops.py and bench/ops.R through raw reticulate, without
# rkerasbridge, as a 2018-era user would reach TensorFlow from R today (the R tensorflow/keras
# packages are not installed here: their `$` and call paths are reticulate's). Same timing rule.
# Raw reticulate has no arithmetic operators on tensors and no keras_model_custom(), so `operator` and
# `step_2018` (and `step_2018_zip`) are not measured here, and
# Keras' own Adam (epsilon 1e-8, as TF1's) stands in for tf$train$AdamOptimizer. Run by
# `python -m rkeras_bridge.tools.bench`, which passes the Python to use as the third argument.

# ---- Timing rule -----------------------------------------------------------------------------
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "timing.R"))
if (length(argv) >= 3) Sys.setenv(RETICULATE_PYTHON = argv[[3]])
library(reticulate)
# A virtual environment's .pth files (the editable install) are not run by reticulate.
py_run_string("import site, sys\nfor p in [p for p in sys.path if p.endswith('site-packages')]: site.addsitedir(p)")

# ---- Per-op overhead: representative calls ----------------------------------------------------
tf <- import("tensorflow")
keras <- import("keras")
keras$utils$set_random_seed(1L)
a <- tf$constant(2.5)
b <- tf$constant(4)
m <- tf$ones(c(64L, 64L))
x <- tf$ones(c(32L, 64L))
dense <- keras$layers$Dense(units = 64L)
invisible(dense(x))
optimizer <- keras$optimizers$Adam(learning_rate = 0.001, epsilon = 1e-8)

tape_gradient <- function() {
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_mean(tf$square(dense(x)))
  })
  tape$gradient(loss, dense$trainable_variables)
}

grads <- tape_gradient()
ops <- list(
  constant = function() tf$constant(2.5),
  multiply = function() tf$multiply(a, b),
  matmul = function() tf$matmul(m, m),
  layer_call = function() dense(x),
  tape_gradient = tape_gradient,
  apply_gradients = function() optimizer$apply_gradients(purrr::transpose(list(grads, dense$trainable_variables)))
)
results <- list(ops = lapply(ops, per_call_us))
cat("RKB-BENCH ", jsonlite::toJSON(results, auto_unbox = TRUE, digits = NA), "\n", sep = "")
