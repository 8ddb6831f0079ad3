# One worker of the distributed basic loop (the article's iris loop on tf.distribute); its Python
# twin is basic_loop_worker.py. With --workers h:p,h:p --index I it is worker I of a
# MultiWorkerMirroredStrategy cluster; without --workers it is the single-process reference
# (TensorFlow's default strategy: no distribution) on the same global batches.
# Changed from examples_r/basic_loop.R so that a distributed run can equal a single one:
# no dropout layer (each replica would draw its own masks), the loss is summed per example and
# divided by the GLOBAL batch size (tf$nn$compute_average_loss), so the all-reduced (summed)
# gradient is the single-process mean-loss gradient; the model and the optimizer are created
# and built inside strategy$scope().
library(rkerasbridge)

# ---- Cluster first: the strategy starts this worker's server and waits for the others --------
args <- worker_args()
started <- Sys.time()
strategy <- worker_strategy(args)
strategy_seconds <- as.numeric(Sys.time() - started, units = "secs")
set_random_seed(args$seed)
global_batch <- if (is.null(args$global_batch)) 20L else args$global_batch  # 10 rows each on 2 workers

# ---- Data: the same global batches on every worker (same rows, same shuffle seed) ------------
iris_m <- as.matrix(iris[, 1:4])  # columns: Sepal.Length, Sepal.Width, Petal.Length, Petal.Width
x_train <- iris_m[1:120, c(1, 3, 4)]; y_train <- iris_m[1:120, 2, drop = FALSE]
train_dataset <- tensor_slices_dataset(list(x_train, y_train)) %>% dataset_shuffle(120, seed = args$seed) %>%
  dataset_repeat() %>% dataset_batch(global_batch) %>% dataset_take(args$steps)

# ---- Model and optimizer, created in the strategy's scope ------------------------------------
iris_regression <- function(self) {
  self$dense1 <- layer_dense(units = 16, activation = "relu")
  self$output_layer <- layer_dense(units = 1)

  function(x, mask = NULL, training = FALSE) {
    x %>% self$dense1() %>% self$output_layer()
  }
}

with(strategy$scope(), {
  model <- keras_model_custom(name = "iris_regression", iris_regression)
  invisible(model(x_train[1, , drop = FALSE]))  # build the variables here, mirrored on every replica
  optimizer <- tf$train$AdamOptimizer(learning_rate = 0.01)
  optimizer$build(model$trainable_variables)
  global_step <- tf$train$get_or_create_global_step()
})

# ---- One replica's step: a tape, TF1 apply_gradients (the all-reduce happens inside) ---------
train_step <- function(x, y) {
  with(tf$GradientTape() %as% tape, {
    preds <- model(x, training = TRUE)
    per_example <- tf$losses$mean_squared_error(y, preds, reduction = tf$losses$Reduction$NONE)
    loss <- tf$nn$compute_average_loss(per_example, global_batch_size = global_batch)
  })
  gradients <- tape$gradient(loss, model$variables)
  optimizer$apply_gradients(purrr::transpose(list(gradients, model$variables)), global_step = global_step)
  loss
}

# ---- Training loop: every worker runs the same steps -----------------------------------------
losses <- numeric(0)
started <- Sys.time()
iter <- as_iterator(distributed_dataset(strategy, train_dataset))
while (!is.null(batch <- iter_next(iter))) {
  per_replica <- strategy$run(train_step, args = list(batch[[1]], batch[[2]]))
  losses <- c(losses, strategy$reduce("SUM", per_replica, axis = NULL)$numpy())
}
train_seconds <- as.numeric(Sys.time() - started, units = "secs")
cat(sprintf("worker %d of %d: losses [%s], global step %d\n", args$index, strategy$num_replicas_in_sync,
            paste(round(losses, 5), collapse = ", "), global_step$numpy()))

write_worker_run(args$out, "basic_loop", losses, args, strategy,
                 timings = list(strategy = strategy_seconds, train = train_seconds))
