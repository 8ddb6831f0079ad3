# Case study: the basic eager training loop of the article (TensorFlow's eager guide on iris):
# a custom model, tfdatasets batches, GradientTape, TF1 Adam with a global step, a checkpoint.
# Changed from the original: it predicts Sepal.Width from the other three measurements (rows
# 1-120 train, 121-150 test) instead of classifying species, so the loss is TF1's mean squared
# error; a checkpoint is saved and restored into a fresh model to show nothing trained is lost.
# Crash-safe: with --out DIR/run.json a checkpoint goes to DIR/checkpoints every K steps
# (--checkpoint-every, RKB_CHECKPOINT_EVERY, 10); --resume continues from the latest, Ctrl-C saves.
# R's `iris` and scikit-learn's `load_iris()` hold the same 150 rows. The tape block is a function,
# train_step(), so that --compiled can compile it with tf_function (the article ran it eagerly).
library(rkerasbridge)

# ---- Arguments and seed ----------------------------------------------------------------------
args <- case_args()
set_random_seed(args$seed)
n_epochs <- if (is.null(args$epochs)) 10 else args$epochs
max_steps <- if (is.null(args$steps)) n_epochs * 12 else args$steps

# ---- Data: Sepal.Width from Sepal.Length, Petal.Length, Petal.Width --------------------------
iris_m <- as.matrix(iris[, 1:4])  # columns: Sepal.Length, Sepal.Width, Petal.Length, Petal.Width
x_train <- iris_m[1:120, c(1, 3, 4)]; y_train <- iris_m[1:120, 2, drop = FALSE]
x_test <- iris_m[121:150, c(1, 3, 4)]; y_test <- iris_m[121:150, 2, drop = FALSE]
train_dataset <- tensor_slices_dataset(list(x_train, y_train)) %>% dataset_shuffle(120, seed = args$seed) %>% dataset_batch(10)
batches_per_epoch <- 12  # 120 rows in batches of 10

# ---- Model: Dense(32) -> Dropout(0.5) -> Dense(1) -------------------------------------------
iris_regression <- function(self) {
  self$dense1 <- layer_dense(units = 32, activation = "relu")
  self$dropout <- layer_dropout(rate = 0.5)
  self$output_layer <- layer_dense(units = 1)

  function(x, mask = NULL, training = FALSE) {
    x %>% self$dense1() %>% self$dropout(training = training) %>% self$output_layer()
  }
}

model <- keras_model_custom(name = "iris_regression", iris_regression)
optimizer <- tf$train$AdamOptimizer(learning_rate = 0.01)

# ---- Training step: one tape, TF1 apply_gradients with the global step (eager by default) --
train_step <- function(x, y) {
  with(tf$GradientTape() %as% tape, {
    preds <- model(x, training = TRUE)
    loss <- tf$losses$mean_squared_error(y, preds)
  })
  gradients <- tape$gradient(loss, model$variables)
  optimizer$apply_gradients(purrr::transpose(list(gradients, model$variables)),
                            global_step = tf$train$get_or_create_global_step())
  loss
}
if (args$compiled) train_step <- tf_function(train_step)

# ---- Crash safety: checkpoints every K steps, --resume, a final checkpoint on Ctrl-C ---------
invisible(model(x_train[1, , drop = FALSE]))  # build its variables, so a restore can fill them
manager <- checkpoint_manager(checkpoint_dir(args), every = args$checkpoint_every, model = model, optimizer = optimizer,
                              global_step = tf$train$get_or_create_global_step())
step <- if (args$resume) restore_latest(manager, max_steps = max_steps) else 0  # model, optimizer, global step, epoch; 0 if none
first_step <- step + 1
save_on_interrupt(manager)  # Ctrl-C: save a checkpoint after the current step, then exit

# ---- Training loop: one step per batch ------------------------------------------------------
losses <- numeric(0); step_seconds <- numeric(0)
for (epoch in seq_len(n_epochs)) {
  if (step >= max_steps) break
  iter <- make_iterator_one_shot(train_dataset %>% dataset_take(max_steps - (epoch - 1) * batches_per_epoch))
  if (step >= epoch * batches_per_epoch)
    next  # done before the checkpoint (its iterator was made all the same: each one reshuffles)
  iter <- track_iterator(manager, iter, epoch)  # at the saved position when resuming into this epoch
  until_out_of_range({
    batch <- iterator_get_next(iter)
    started <- as.numeric(Sys.time())
    loss <- train_step(batch[[1]], batch[[2]])
    losses <- c(losses, loss$numpy())
    step_seconds <- c(step_seconds, as.numeric(Sys.time()) - started)
    step <- step + 1
    maybe_save(manager, step)
  })
  cat(sprintf("epoch %d: loss %.4f, global step %d\n", epoch, losses[length(losses)],
              tf$train$get_or_create_global_step()$numpy()))
}

# ---- Checkpoint: save, restore into a fresh model, compare test predictions -----------------
saved_dir <- tempfile()
checkpoint <- tf$train$Checkpoint(optimizer = optimizer, model = model,
                                  optimizer_step = tf$train$get_or_create_global_step())
invisible(checkpoint$save(file.path(saved_dir, "ckpt")))
test_preds <- model(x_test)
restored <- keras_model_custom(name = "iris_regression", iris_regression)
invisible(restored(x_test))  # build its variables, so the restore can fill them
status <- tf$train$Checkpoint(model = restored)$restore(tf$train$latest_checkpoint(saved_dir))
invisible(status$assert_existing_objects_matched())
restored_preds <- restored(x_test)
test_mse <- tf$losses$mean_squared_error(y_test, test_preds)$numpy()
max_diff <- tf$reduce_max(tf$abs(tf$subtract(restored_preds, test_preds)))$numpy()
cat(sprintf("test MSE %.4f; restored model's predictions differ by at most %g\n", test_mse, max_diff))

# ---- Record ----------------------------------------------------------------------------------
write_run(args, "basic_loop", losses = losses,
          metrics = list(test_mse = test_mse, restored_max_abs_diff = max_diff,
                         global_step = tf$train$get_or_create_global_step()$numpy(), first_step = first_step),
          timings = list(seconds_per_step = if (length(step_seconds)) {
                           stats::median(if (length(step_seconds) > 1) step_seconds[-1] else step_seconds)
                         },
                         mode = if (args$compiled) "compiled" else "eager"))
