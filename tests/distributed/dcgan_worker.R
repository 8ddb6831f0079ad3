# One worker of a distributed DCGAN (generator and discriminator trained in sync, one tape each,
# the step compiled with tf_function); its Python twin is dcgan_worker.py. With --workers h:p,h:p
# --index I it is worker I of a MultiWorkerMirroredStrategy cluster; without --workers it is the
# single-process reference (TensorFlow's default strategy) on the same global batches.
# Changed from examples_r/dcgan.R so that a distributed run can equal a single one, and stays
# small: the generator's noise is data (drawn once with a stateless seed and batched with the
# images) instead of k_random_normal() in the step, which each replica would draw differently;
# no dropout in the discriminator (same reason); batch normalisation is synchronized across
# replicas (synchronized = TRUE: batch statistics of the global batch, as one process computes
# them); losses are per example, divided by the GLOBAL batch size; smaller networks, 512 digits.
library(rkerasbridge)

# ---- Cluster first: the strategy starts this worker's server and waits for the others --------
args <- worker_args()
started <- Sys.time()
strategy <- worker_strategy(args)
strategy_seconds <- as.numeric(Sys.time() - started, units = "secs")
set_random_seed(args$seed)
global_batch <- if (is.null(args$global_batch)) 16L else args$global_batch  # 8 digits per replica on 2 workers
noise_dim <- 16L
n_images <- 512L

# ---- Data: digits in [-1, 1] and their noise, the same global batches on every worker -------
images <- tf$reshape(tf$cast(mnist_5k()$x[1:n_images, , ], "float32"), c(-1L, 28L, 28L, 1L))
images <- (images - 127.5) / 127.5
noise <- tf$random$stateless_normal(c(n_images, noise_dim), seed = c(args$seed, 0L))
train_dataset <- tensor_slices_dataset(list(images, noise)) %>% dataset_shuffle(n_images, seed = args$seed) %>%
  dataset_batch(global_batch) %>% dataset_take(args$steps)

# ---- Generator and discriminator -------------------------------------------------------------
generator <- function(self) {
  self$fc1 <- layer_dense(units = 7 * 7 * 16, use_bias = FALSE)
  self$batchnorm1 <- layer_batch_normalization(synchronized = TRUE)
  self$leaky_relu1 <- layer_activation_leaky_relu()
  self$reshape <- layer_reshape(target_shape = c(7, 7, 16))
  self$conv1 <- layer_conv_2d_transpose(filters = 8, kernel_size = c(5, 5), strides = c(2, 2), padding = "same",
                                        use_bias = FALSE)
  self$batchnorm2 <- layer_batch_normalization(synchronized = TRUE)
  self$leaky_relu2 <- layer_activation_leaky_relu()
  self$conv2 <- layer_conv_2d_transpose(filters = 1, kernel_size = c(5, 5), strides = c(2, 2), padding = "same",
                                        use_bias = FALSE, activation = "tanh")

  function(inputs, mask = NULL, training = TRUE) {
    self$fc1(inputs) %>% self$batchnorm1(training = training) %>% self$leaky_relu1() %>%
      self$reshape() %>% self$conv1() %>% self$batchnorm2(training = training) %>% self$leaky_relu2() %>%
      self$conv2()
  }
}

discriminator <- function(self) {
  self$conv1 <- layer_conv_2d(filters = 8, kernel_size = c(5, 5), strides = c(2, 2), padding = "same")
  self$leaky_relu1 <- layer_activation_leaky_relu()
  self$conv2 <- layer_conv_2d(filters = 16, kernel_size = c(5, 5), strides = c(2, 2), padding = "same")
  self$leaky_relu2 <- layer_activation_leaky_relu()
  self$flatten <- layer_flatten()
  self$fc1 <- layer_dense(units = 1)

  function(inputs, mask = NULL, training = TRUE) {
    inputs %>% self$conv1() %>% self$leaky_relu1() %>% self$conv2() %>% self$leaky_relu2() %>%
      self$flatten() %>% self$fc1()
  }
}

# ---- Models and optimizers, created (and built) in the strategy's scope ----------------------
with(strategy$scope(), {
  generator_model <- keras_model_custom(name = "generator", generator)
  discriminator_model <- keras_model_custom(name = "discriminator", discriminator)
  invisible(discriminator_model(generator_model(noise[1:2, ], training = FALSE), training = FALSE))
  generator_optimizer <- tf$train$AdamOptimizer(1e-3)
  discriminator_optimizer <- tf$train$AdamOptimizer(1e-3)
  generator_optimizer$build(generator_model$trainable_variables)
  discriminator_optimizer$build(discriminator_model$trainable_variables)
})

# ---- Losses: TF1 sigmoid cross-entropy per example, averaged over the global batch -----------
average <- function(per_example) {
  tf$nn$compute_average_loss(per_example, global_batch_size = global_batch)
}

discriminator_loss <- function(real_output, generated_output) {
  real_loss <- tf$losses$sigmoid_cross_entropy(multi_class_labels = tf$ones_like(real_output), logits = real_output,
                                               reduction = tf$losses$Reduction$NONE)
  generated_loss <- tf$losses$sigmoid_cross_entropy(multi_class_labels = tf$zeros_like(generated_output),
                                                    logits = generated_output, reduction = tf$losses$Reduction$NONE)
  average(real_loss) + average(generated_loss)
}

generator_loss <- function(generated_output) {
  average(tf$losses$sigmoid_cross_entropy(tf$ones_like(generated_output), generated_output,
                                          reduction = tf$losses$Reduction$NONE))
}

# ---- One replica's step: both networks, one tape each ----------------------------------------
train_step <- function(images, noise) {
  with(tf$GradientTape() %as% gen_tape, {
    with(tf$GradientTape() %as% disc_tape, {
      generated_images <- generator_model(noise, training = TRUE)
      real_output <- discriminator_model(images, training = TRUE)
      generated_output <- discriminator_model(generated_images, training = TRUE)
      gen_loss <- generator_loss(generated_output)
      disc_loss <- discriminator_loss(real_output, generated_output)
    })
  })
  gradients_of_generator <- gen_tape$gradient(gen_loss, generator_model$variables)
  gradients_of_discriminator <- disc_tape$gradient(disc_loss, discriminator_model$variables)
  generator_optimizer$apply_gradients(purrr::transpose(list(gradients_of_generator, generator_model$variables)))
  discriminator_optimizer$apply_gradients(purrr::transpose(list(gradients_of_discriminator,
                                                                discriminator_model$variables)))
  list(gen_loss, disc_loss)
}

# ---- The distributed step, compiled: run on every replica, sum the replicas' losses ----------
distributed_step <- function(images, noise) {
  per_replica <- strategy$run(train_step, args = list(images, noise))
  list(strategy$reduce("SUM", per_replica[[1]], axis = NULL), strategy$reduce("SUM", per_replica[[2]], axis = NULL))
}

distributed_step <- tf_function(distributed_step)

# ---- Training loop: every worker runs the same steps -----------------------------------------
gen_losses <- numeric(0); disc_losses <- numeric(0)
started <- Sys.time()
iter <- as_iterator(distributed_dataset(strategy, train_dataset))
while (!is.null(batch <- iter_next(iter))) {
  losses <- distributed_step(batch[[1]], batch[[2]])
  gen_losses <- c(gen_losses, losses[[1]]$numpy())
  disc_losses <- c(disc_losses, losses[[2]]$numpy())
}
train_seconds <- as.numeric(Sys.time() - started, units = "secs")
cat(sprintf("worker %d of %d: generator [%s], discriminator [%s]\n", args$index, strategy$num_replicas_in_sync,
            paste(round(gen_losses, 5), collapse = ", "), paste(round(disc_losses, 5), collapse = ", ")))

write_worker_run(args$out, "dcgan", list(generator = gen_losses, discriminator = disc_losses), args, strategy,
                 timings = list(strategy = strategy_seconds, train = train_seconds))
