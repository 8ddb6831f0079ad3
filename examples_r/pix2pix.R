# Case study: "pix2pix: image-to-image translation with eager execution" (the 2018 RStudio AI blog
# post listed by the eager-execution article): a U-Net generator stacked from `downsample` and
# `upsample` custom models with skip concatenations, a PatchGAN discriminator that judges
# (input, image) pairs patch by patch; generator loss = GAN loss + 100 * L1; Adam(2e-4, beta1 = 0.5)
# for both; random jitter and mirroring; the step compiled with tf_function (unless --eager).
# Changed from the original: the facades data cannot be had offline, so the task is colourizing
# 64 x 64 crops of photos that ship with scikit-image and scikit-learn (grayscale -> colour),
# training and held-out crops from different photos (facades_pairs() reads real facades, given
# a folder of side-by-side JPEGs through --data); the networks are narrower and one level
# shallower, for 64 x 64 images; the jitter (nearest-neighbour resize to 72, random 64 crop, coin-
# flip mirror) is drawn by a Python helper with seed + epoch, so both languages agree; the batch
# holds 16 pairs (the original: 1); held-out images go through the generator with training = FALSE.
# Bugs of the 2018 R code, fixed: `downsample` and `upsample` discarded the results of batch
# normalization, dropout and the activation (`x %>% self$batchnorm()` without `x <-`); the
# initializers had stddev 0.2 instead of pix2pix's 0.02; the test set was jittered too.
# Quality: held-out L1 against two baselines of the same run (copy the input; the per-pixel mean
# training image). training_run() is the harness: arguments and seed, checkpoints every K steps
# next to --out (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the
# run record.
library(rkerasbridge)

run <- training_run("pix2pix", epochs = 10, progress = TRUE)  # --steps, --seed, --out, --resume, --eager, --data
batch_size <- 16
lambda_l1 <- 100
out_dir <- if (is.null(run$args$out)) "out" else dirname(run$args$out)

# ---- Data: grayscale -> colour crops of shipped photos (or a folder of facades pairs) ---------
if (is.null(run$args$data)) {
  data <- photo_pairs(n_train = 480, n_test = 64, size = 64, task = "gray", seed = run$seed)
} else {  # e.g. facades/train: every 8th pair held out
  pairs <- facades_pairs(run$args$data, direction = "BtoA", size = 64)
  held_out <- (seq_along(pairs$files) - 1) %% 8 == 7
  data <- list(train_input = pairs$input[!held_out, , , , drop = FALSE],
               train_target = pairs$target[!held_out, , , , drop = FALSE],
               test_input = pairs$input[held_out, , , , drop = FALSE],
               test_target = pairs$target[held_out, , , , drop = FALSE])
}
n_train <- dim(data$train_input)[1]
steps_per_epoch <- n_train %/% batch_size
if (steps_per_epoch == 0) {  # batches drop their remainder: nothing would train
  stop(sprintf("--data must hold at least %d training pairs (one batch). Received: %d in %s", batch_size, n_train, run$args$data),
       call. = FALSE)
}
run$set_steps_per_epoch(steps_per_epoch)  # known once the data are read
baselines <- l1_baselines(data$train_target, data$test_input, data$test_target)
cat(sprintf("%d training pairs, %d held-out pairs; held-out L1 of copying the input %.4f, of the mean training image %.4f\n",
            n_train, dim(data$test_input)[1], baselines$identity, baselines$train_mean))

# jittered anew each epoch (training pairs only), then shuffled and batched
epoch_dataset <- function(epoch) {
  jittered <- jitter_pairs(data$train_input, data$train_target, seed = run$seed + epoch)
  tensor_slices_dataset(list(tf$cast(jittered$input, "float32"), tf$cast(jittered$target, "float32"))) %>%
    dataset_shuffle(n_train, seed = run$seed + epoch) %>%
    dataset_batch(batch_size, drop_remainder = TRUE)
}

# ---- Downsample: conv (stride 2), batch norm, leaky ReLU -------------------------------------
downsample <- function(filters, size, apply_batchnorm = TRUE, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$apply_batchnorm <- apply_batchnorm
    self$conv1 <- layer_conv_2d(filters = filters, kernel_size = size, strides = 2, padding = "same",
                                kernel_initializer = initializer_random_normal(0, 0.02), use_bias = FALSE)
    if (self$apply_batchnorm) {
      self$batchnorm <- layer_batch_normalization()
    }
    self$leaky_relu <- layer_activation_leaky_relu()

    function(x, mask = NULL, training = TRUE) {
      x <- self$conv1(x)
      if (self$apply_batchnorm) {
        x <- x %>% self$batchnorm(training = training)  # the 2018 code dropped this result
      }
      x %>% self$leaky_relu()
    }
  })
}

# ---- Upsample: transposed conv (stride 2), batch norm, dropout, ReLU, then the skip ------------
upsample <- function(filters, size, apply_dropout = FALSE, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$apply_dropout <- apply_dropout
    self$up_conv <- layer_conv_2d_transpose(filters = filters, kernel_size = size, strides = 2, padding = "same",
                                            kernel_initializer = initializer_random_normal(0, 0.02), use_bias = FALSE)
    self$batchnorm <- layer_batch_normalization()
    if (self$apply_dropout) {
      self$dropout <- layer_dropout(rate = 0.5)
    }
    self$relu <- layer_activation(activation = "relu")

    function(xs, mask = NULL, training = TRUE) {
      x1 <- xs[[1]]
      x2 <- xs[[2]]
      x <- self$up_conv(x1) %>% self$batchnorm(training = training)
      if (self$apply_dropout) {
        x <- x %>% self$dropout(training = training)
      }
      x <- x %>% self$relu()
      k_concatenate(list(x, x2))
    }
  })
}

# ---- Generator: a U-Net, 64 -> 1 pixel and back, skips between mirrored levels --------------
generator <- function(name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$down1 <- downsample(32, 4, apply_batchnorm = FALSE)  # 32 x 32
    self$down2 <- downsample(64, 4)  # 16 x 16
    self$down3 <- downsample(128, 4)  # 8 x 8
    self$down4 <- downsample(128, 4)  # 4 x 4
    self$down5 <- downsample(128, 4)  # 2 x 2
    self$down6 <- downsample(128, 4)  # 1 x 1
    self$up1 <- upsample(128, 4, apply_dropout = TRUE)  # 2 x 2
    self$up2 <- upsample(128, 4, apply_dropout = TRUE)  # 4 x 4
    self$up3 <- upsample(128, 4, apply_dropout = TRUE)  # 8 x 8
    self$up4 <- upsample(64, 4)  # 16 x 16
    self$up5 <- upsample(32, 4)  # 32 x 32
    self$last <- layer_conv_2d_transpose(filters = 3, kernel_size = 4, strides = 2, padding = "same",
                                         kernel_initializer = initializer_random_normal(0, 0.02), activation = "tanh")

    function(x, mask = NULL, training = TRUE) {
      x1 <- x %>% self$down1(training = training)
      x2 <- x1 %>% self$down2(training = training)
      x3 <- x2 %>% self$down3(training = training)
      x4 <- x3 %>% self$down4(training = training)
      x5 <- x4 %>% self$down5(training = training)
      x6 <- x5 %>% self$down6(training = training)
      x7 <- self$up1(list(x6, x5), training = training)
      x8 <- self$up2(list(x7, x4), training = training)
      x9 <- self$up3(list(x8, x3), training = training)
      x10 <- self$up4(list(x9, x2), training = training)
      x11 <- self$up5(list(x10, x1), training = training)
      self$last(x11)
    }
  })
}

# ---- Discriminator: PatchGAN, one real/fake logit per patch of the (input, image) pair -------
discriminator <- function(name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$down1 <- downsample(32, 4, apply_batchnorm = FALSE)  # 32 x 32
    self$down2 <- downsample(64, 4)  # 16 x 16
    self$zero_pad1 <- layer_zero_padding_2d()
    self$conv <- layer_conv_2d(filters = 128, kernel_size = 4, strides = 1,
                               kernel_initializer = initializer_random_normal(0, 0.02), use_bias = FALSE)
    self$batchnorm <- layer_batch_normalization()
    self$leaky_relu <- layer_activation_leaky_relu()
    self$zero_pad2 <- layer_zero_padding_2d()
    self$last <- layer_conv_2d(filters = 1, kernel_size = 4, strides = 1,
                               kernel_initializer = initializer_random_normal(0, 0.02))  # 14 x 14 patches

    function(xs, mask = NULL, training = TRUE) {
      x <- k_concatenate(list(xs[[1]], xs[[2]]))
      x <- x %>% self$down1(training = training) %>% self$down2(training = training)
      x <- x %>% self$zero_pad1() %>% self$conv() %>% self$batchnorm(training = training) %>% self$leaky_relu()
      x %>% self$zero_pad2() %>% self$last()
    }
  })
}

generator_model <- generator()
discriminator_model <- discriminator()

# ---- Losses and optimizers: GAN loss + 100 * L1, sigmoid cross-entropy, two Adams -------------
generator_loss <- function(disc_judgment, generated_output, target) {
  gan_loss <- tf$losses$sigmoid_cross_entropy(tf$ones_like(disc_judgment), disc_judgment)
  l1_loss <- tf$reduce_mean(tf$abs(target - generated_output))
  gan_loss + lambda_l1 * l1_loss
}

discriminator_loss <- function(real_output, generated_output) {
  real_loss <- tf$losses$sigmoid_cross_entropy(multi_class_labels = tf$ones_like(real_output), logits = real_output)
  generated_loss <- tf$losses$sigmoid_cross_entropy(multi_class_labels = tf$zeros_like(generated_output),
                                                    logits = generated_output)
  real_loss + generated_loss
}

discriminator_optimizer <- tf$train$AdamOptimizer(2e-4, beta1 = 0.5)
generator_optimizer <- tf$train$AdamOptimizer(2e-4, beta1 = 0.5)

# ---- Training step: both networks, one tape each, compiled unless --eager --------------------
train_step <- function(input_image, target) {
  with(tf$GradientTape() %as% gen_tape, {
    with(tf$GradientTape() %as% disc_tape, {
      gen_output <- generator_model(input_image, training = TRUE)
      disc_real_output <- discriminator_model(list(input_image, target), training = TRUE)
      disc_generated_output <- discriminator_model(list(input_image, gen_output), training = TRUE)
      gen_loss <- generator_loss(disc_generated_output, gen_output, target)
      disc_loss <- discriminator_loss(disc_real_output, disc_generated_output)
    })
  })
  generator_gradients <- gen_tape$gradient(gen_loss, generator_model$variables)
  discriminator_gradients <- disc_tape$gradient(disc_loss, discriminator_model$variables)
  generator_optimizer$apply_gradients(purrr::transpose(list(generator_gradients, generator_model$variables)))
  discriminator_optimizer$apply_gradients(purrr::transpose(list(discriminator_gradients,
                                                                discriminator_model$variables)))
  list(generator = gen_loss, discriminator = disc_loss)
}

if (!run$args$eager) train_step <- tf_function(train_step)

# ---- Training loop: losses with progress, a triptych of held-out crops after each epoch ------
sample_input <- tf$cast(data$test_input[1, , , , drop = FALSE], "float32")
invisible(discriminator_model(list(sample_input, generator_model(sample_input, training = FALSE)), training = FALSE))  # build both
run$protect(generator = generator_model, discriminator = discriminator_model, generator_optimizer = generator_optimizer,
            discriminator_optimizer = discriminator_optimizer)
test_input <- tf$cast(data$test_input, "float32")
for (epoch in run$epochs()) {  # each epoch has its own dataset
  iter <- run$track(as_iterator(epoch_dataset(epoch)), epoch)  # at the saved position when resuming
  while (!is.null(batch <- iter_next(iter))) {
    run$step(train_step, batch[[1]], batch[[2]])
  }
  if (epoch %% 5 == 0 || epoch == run$n_epochs || run$finished_steps()) {
    save_triptych(data$test_input, data$test_target, generator_model(test_input, training = FALSE),
                  file.path(out_dir, sprintf("pix2pix_r_epoch%02d.png", epoch)), n = 4,
                  title = sprintf("held-out, epoch %d", epoch))
  }
}

# ---- Quality: held-out L1 against copying the input and the mean training image --------------
prediction <- generator_model(test_input, training = FALSE)
test_l1 <- l1_error(prediction, data$test_target)
first <- seq_len(min(64, n_train))  # up to 64 training crops
train_l1 <- l1_error(generator_model(tf$cast(data$train_input[first, , , , drop = FALSE], "float32"), training = FALSE),
                     data$train_target[first, , , , drop = FALSE])
cat(sprintf("held-out L1 %.4f (copy the input %.4f, mean training image %.4f); training crops %.4f\n",
            test_l1, baselines$identity, baselines$train_mean, train_l1))

# ---- Record ----------------------------------------------------------------------------------
run$finish(metrics = list(test_l1 = test_l1, train_l1 = train_l1, identity_l1 = baselines$identity,
                          train_mean_l1 = baselines$train_mean))
