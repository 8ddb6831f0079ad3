# Case study: the basic eager training loop of the article (TensorFlow's eager guide on iris):
# a custom model, tfdatasets batches, GradientTape, TF1 Adam with a global step, a checkpoint.
# Changed from the original: it predicts Sepal.Width from the other three measurements (rows
# 1-120 train, 121-150 test) instead of classifying species, so the loss is TF1's mean squared
# error; a checkpoint is saved and restored into a fresh model to show nothing trained is lost.
# training_run() is the harness: arguments and seed, checkpoints every K steps next to --out
# (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the run record.
# R's `iris` and scikit-learn's `load_iris()` hold the same 150 rows. The tape block is a function,
# train_step(), so that --compiled can compile it with tf_function (the article ran it eagerly).
library(rkerasbridge)

run <- training_run("basic_loop", epochs = 10, steps_per_epoch = 12)  # --steps, --seed, --out, --resume

# ---- Data: Sepal.Width from Sepal.Length, Petal.Length, Petal.Width --------------------------
iris_m <- as.matrix(iris[, 1:4])  # columns: Sepal.Length, Sepal.Width, Petal.Length, Petal.Width
x_train <- iris_m[1:120, c(1, 3, 4)]; y_train <- iris_m[1:120, 2, drop = FALSE]
x_test <- iris_m[121:150, c(1, 3, 4)]; y_test <- iris_m[121:150, 2, drop = FALSE]
train_dataset <- tensor_slices_dataset(list(x_train, y_train)) %>% dataset_shuffle(120, seed = run$seed) %>% dataset_batch(10)

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
if (run$args$compiled) train_step <- tf_function(train_step)

# ---- Training loop: one step per batch ------------------------------------------------------
invisible(model(x_train[1, , drop = FALSE]))  # build its variables, so a checkpoint can fill them
run$protect(model = model, optimizer = optimizer, global_step = tf$train$get_or_create_global_step())
for (epoch in run$epochs(train_dataset)) {
  iter <- run$track(make_iterator_one_shot(train_dataset), epoch)
  until_out_of_range({
    batch <- iterator_get_next(iter)
    loss <- run$step(train_step, batch[[1]], batch[[2]])
  })
  cat(sprintf("epoch %d: loss %.4f, global step %d\n", epoch, loss$numpy(),
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

run$finish(metrics = list(test_mse = test_mse, restored_max_abs_diff = max_diff,
                          global_step = tf$train$get_or_create_global_step()$numpy()))
