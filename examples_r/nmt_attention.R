# Case study: "Attention-based neural machine translation with Keras" (eager execution): an encoder
# GRU, Bahdanau attention and a decoder GRU, each a custom model, trained with teacher forcing in a
# GradientTape loop; English to Spanish.
# Changed from the original: the data are 3,944 Tatoeba pairs (CC BY 2.0 FR, tatoeba.org) read from a
# file (--data takes the full manythings.org spa.txt too; nothing is downloaded). Teacher forcing is
# fixed: the 2018 R code scored the <start> token as the first target; here the decoder reads
# target[t - 1] and is scored on target[t] from the first real word on. The decoder GRU starts from
# the previous hidden state (the original reset it to zeros at every step, so it had no memory but
# the attention query). The loss is the mean over real (non-<pad>) tokens. Greedy decoding runs on
# a whole batch at once; BLEU comes from sacrebleu, next to two baselines computed in the same run.
# training_run() is the harness: arguments and seed, checkpoints every K steps next to --out
# (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the run record.
library(rkerasbridge)
library(ggplot2)

run <- training_run("nmt_attention", epochs = 50, progress = TRUE)  # --steps, --seed, --out, --resume, --data
batch_size <- 32L
embedding_dim <- 128L
gru_units <- 256L
out_dir <- if (is.null(run$args$out)) "out" else dirname(run$args$out)

# ---- Data: Tatoeba English-Spanish pairs of at most 8 words, preprocessed, indexed, split 80/20 --
data_path <- if (is.null(run$args$data)) "../shared/data/eng-spa-tatoeba.tsv" else run$args$data
data <- translation_data(path = data_path, max_words = 8, valid_fraction = 0.2, seed = run$seed)
source_vocab_size <- length(data$source_index)
target_vocab_size <- length(data$target_index)
target_maxlen <- ncol(data$target_train)
n_train <- nrow(data$source_train)
train_dataset <- tensor_slices_dataset(list(data$source_train, data$target_train)) %>%
  dataset_shuffle(n_train, seed = run$seed) %>%
  dataset_batch(batch_size, drop_remainder = TRUE)
run$set_steps_per_epoch(n_train %/% batch_size)  # known once the data are read
cat(sprintf("%d pairs (%d train); vocabularies: %d English, %d Spanish words; sentences from Tatoeba (tatoeba.org, CC BY 2.0 FR)\n",
            data$n_pairs, n_train, source_vocab_size, target_vocab_size))

# ---- Encoder ---------------------------------------------------------------------------------
attention_encoder <- function(gru_units, embedding_dim, src_vocab_size, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$embedding <- layer_embedding(input_dim = src_vocab_size, output_dim = embedding_dim)
    self$gru <- layer_gru(units = gru_units, return_sequences = TRUE, return_state = TRUE)

    function(inputs, mask = NULL) {
      x <- inputs[[1]]
      hidden <- inputs[[2]]
      x <- self$embedding(x)
      gru_out <- self$gru(x, initial_state = hidden)
      list(gru_out[[1]], gru_out[[2]])
    }
  })
}

# ---- Decoder with Bahdanau attention ---------------------------------------------------------
attention_decoder <- function(gru_units, embedding_dim, target_vocab_size, name = NULL) {
  keras_model_custom(name = name, function(self) {
    self$gru <- layer_gru(units = gru_units, return_sequences = TRUE, return_state = TRUE)
    self$embedding <- layer_embedding(input_dim = target_vocab_size, output_dim = embedding_dim)
    self$fc <- layer_dense(units = target_vocab_size)
    self$W1 <- layer_dense(units = gru_units)
    self$W2 <- layer_dense(units = gru_units)
    self$V <- layer_dense(units = 1L)

    function(inputs, mask = NULL) {
      x <- inputs[[1]]
      hidden <- inputs[[2]]
      encoder_output <- inputs[[3]]
      hidden_with_time_axis <- k_expand_dims(hidden, 2)
      score <- self$V(k_tanh(self$W1(encoder_output) + self$W2(hidden_with_time_axis)))
      attention_weights <- k_softmax(score, axis = 2)
      context_vector <- k_sum(attention_weights * encoder_output, axis = 2)
      x <- self$embedding(x)
      x <- k_concatenate(list(k_expand_dims(context_vector, 2), x), axis = 3)
      gru_out <- self$gru(x, initial_state = hidden)
      x <- self$fc(k_reshape(gru_out[[1]], c(-1, gru_units)))
      list(x, gru_out[[2]], attention_weights)
    }
  })
}

encoder <- attention_encoder(gru_units = gru_units, embedding_dim = embedding_dim, src_vocab_size = source_vocab_size)
decoder <- attention_decoder(gru_units = gru_units, embedding_dim = embedding_dim, target_vocab_size = target_vocab_size)

# ---- Loss and optimizer: cross-entropy summed over real tokens, Adam -------------------------
optimizer <- tf$train$AdamOptimizer()

masked_loss <- function(y_true, y_pred) {
  mask <- tf$cast(tf$not_equal(y_true, 0L), "float32")
  loss <- tf$nn$sparse_softmax_cross_entropy_with_logits(labels = y_true, logits = y_pred)
  list(tf$reduce_sum(loss * mask), tf$reduce_sum(mask))
}

# ---- Training step: teacher forcing, one tape, compiled unless --eager -----------------------
train_step <- function(source, target) {
  loss <- 0
  n_tokens <- 0
  with(tf$GradientTape() %as% tape, {
    encoder_out <- encoder(list(source, tf$zeros(c(batch_size, gru_units))))
    encoder_output <- encoder_out[[1]]
    hidden <- encoder_out[[2]]
    decoder_input <- k_expand_dims(target[, 1])  # <start>
    for (t in 2:target_maxlen) {
      decoder_out <- decoder(list(decoder_input, hidden, encoder_output))
      hidden <- decoder_out[[2]]
      step_loss <- masked_loss(target[, t], decoder_out[[1]])
      loss <- loss + step_loss[[1]]
      n_tokens <- n_tokens + step_loss[[2]]
      decoder_input <- k_expand_dims(target[, t])  # teacher forcing: the true word, not the prediction
    }
    batch_loss <- loss / n_tokens
  })
  variables <- c(encoder$variables, decoder$variables)
  gradients <- tape$gradient(batch_loss, variables)
  optimizer$apply_gradients(purrr::transpose(list(gradients, variables)))
  batch_loss
}

if (!run$args$eager) train_step <- tf_function(train_step)

# ---- Greedy translation of a whole batch, with the attention weights -------------------------
translate <- function(source) {
  n <- nrow(source)
  encoder_out <- encoder(list(source, tf$zeros(c(n, gru_units))))
  hidden <- encoder_out[[2]]
  decoder_input <- k_expand_dims(tf$fill(list(n), data$start_id))
  ids <- list(); attention <- list()
  for (t in 2:target_maxlen) {
    decoder_out <- decoder(list(decoder_input, hidden, encoder_out[[1]]))
    hidden <- decoder_out[[2]]
    predicted <- tf$argmax(decoder_out[[1]], axis = -1L, output_type = "int32")
    ids[[length(ids) + 1]] <- predicted
    attention[[length(attention) + 1]] <- decoder_out[[3]]
    decoder_input <- k_expand_dims(predicted)
  }
  list(ids = tf$stack(ids, axis = 1L), attention = tf$stack(attention, axis = 1L))
}

# ---- Training loop: batch losses with progress, epoch means ----------------------------------
invisible(translate(data$source_train[1, , drop = FALSE]))  # build both models' variables (same order as training), so a checkpoint can fill them
run$protect(encoder = encoder, decoder = decoder, optimizer = optimizer)
epoch_losses <- numeric(0)
for (epoch in run$epochs(train_dataset)) {
  iter <- run$track(as_iterator(train_dataset), epoch)
  while (!is.null(batch <- iter_next(iter))) {
    run$step(train_step, batch[[1]], batch[[2]])
  }
  epoch_losses <- c(epoch_losses, run$epoch_mean("loss"))
}

# ---- Evaluation: greedy translations, BLEU against two baselines -----------------------------
train_translation <- translate(data$source_train)
valid_translation <- translate(data$source_valid)
train_predictions <- sequences_to_text(train_translation$ids, data$target_index)
valid_predictions <- sequences_to_text(valid_translation$ids, data$target_index)
bleu_train <- corpus_bleu(train_predictions, data$target_text_train)
bleu_valid <- corpus_bleu(valid_predictions, data$target_text_valid)
chrf_valid <- corpus_chrf(valid_predictions, data$target_text_valid)
baselines <- bleu_baselines(data)
cat(sprintf("BLEU held-out %.2f (train %.2f); baselines on held-out: copy the source %.2f, most frequent target sentence %.2f\n",
            bleu_valid, bleu_train, baselines$copy_source, baselines$most_frequent_target))
cat(sprintf("chrF held-out %.2f; baselines: copy the source %.2f, most frequent target sentence %.2f\n",
            chrf_valid, baselines$copy_source_chrf, baselines$most_frequent_target_chrf))

# ---- Samples and attention heatmaps (sentences from Tatoeba, tatoeba.org, CC BY 2.0 FR) -------
samples <- character(0)
for (split in c("train", "valid")) {
  translation <- if (split == "train") train_translation else valid_translation
  predictions <- sequences_to_text(translation$ids, data$target_index, keep_tokens = TRUE)
  for (i in 1:3) {
    source_words <- strsplit(data[[paste0("source_text_", split)]][i], " ")[[1]]
    predicted_words <- strsplit(predictions[i], " ")[[1]]
    cat(sprintf("[%s] %s\n    reference:  %s\n    translated: %s\n", split, data[[paste0("source_text_", split)]][i],
                data[[paste0("target_text_", split)]][i], predictions[i]))
    samples <- c(samples, predictions[i])
    weights <- translation$attention[i, seq_along(predicted_words), seq_along(source_words), 1]$numpy()
    cells <- expand.grid(target = seq_along(predicted_words), source = seq_along(source_words))
    cells$weight <- as.vector(weights)
    dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
    ggsave(file.path(out_dir, sprintf("nmt_attention_r_%s%d.png", split, i)),
           ggplot(cells, aes(source, target, fill = weight)) + geom_tile() +
             scale_fill_viridis_c(limits = c(0, 1)) +
             scale_x_continuous(breaks = seq_along(source_words), labels = source_words, position = "top") +
             scale_y_reverse(breaks = seq_along(predicted_words), labels = predicted_words) +
             labs(title = sprintf("%s sentence %d", split, i), x = NULL, y = NULL) + coord_fixed() +
             theme_minimal() + theme(axis.text.x = element_text(angle = 90, hjust = 0)),
           width = 1 + 0.6 * length(source_words), height = 1.5 + 0.5 * length(predicted_words), dpi = 100,
           limitsize = FALSE)
  }
}

run$finish(metrics = list(epoch_losses = epoch_losses, bleu_valid = bleu_valid, bleu_train = bleu_train,
                          bleu_copy_source = baselines$copy_source,
                          bleu_most_frequent_target = baselines$most_frequent_target, chrf_valid = chrf_valid,
                          chrf_copy_source = baselines$copy_source_chrf,
                          chrf_most_frequent_target = baselines$most_frequent_target_chrf, samples = samples))
