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
import os

from rkeras_bridge import (
    as_iterator, dataset_batch, dataset_shuffle, k_concatenate, k_expand_dims, k_reshape, k_softmax, k_sum, k_tanh,
    keras_model_custom, layer_dense, layer_embedding, layer_gru, tensor_slices_dataset, tf, tf_function, transpose,
)
from rkeras_bridge.cases.plots import plot_attention
from rkeras_bridge.cases.translation import bleu_baselines, corpus_bleu, corpus_chrf, sequences_to_text, translation_data
from rkeras_bridge.tools.training import training_run

run = training_run("nmt_attention", epochs=50, progress=True)  # --steps, --seed, --out, --resume, --data
batch_size = 32
embedding_dim = 128
gru_units = 256
out_dir = os.path.dirname(run.args["out"]) if run.args["out"] else "out"

# ---- Data: Tatoeba English-Spanish pairs of at most 8 words, preprocessed, indexed, split 80/20 --
data_path = run.args["data"] or "../shared/data/eng-spa-tatoeba.tsv"
data = translation_data(path=data_path, max_words=8, valid_fraction=0.2, seed=run.seed)
source_vocab_size = len(data["source_index"])
target_vocab_size = len(data["target_index"])
target_maxlen = data["target_train"].shape[1]
n_train = data["source_train"].shape[0]
train_dataset = dataset_batch(dataset_shuffle(tensor_slices_dataset([data["source_train"], data["target_train"]]),
                                              n_train, seed=run.seed),
                              batch_size, drop_remainder=True)
run.set_steps_per_epoch(n_train // batch_size)  # known once the data are read
print(f"{data['n_pairs']} pairs ({n_train} train); vocabularies: {source_vocab_size} English, "
      f"{target_vocab_size} Spanish words; sentences from Tatoeba (tatoeba.org, CC BY 2.0 FR)")


# ---- Encoder ---------------------------------------------------------------------------------
def attention_encoder(gru_units, embedding_dim, src_vocab_size, name=None):
    def model_fn(self):
        self.embedding = layer_embedding(input_dim=src_vocab_size, output_dim=embedding_dim)
        self.gru = layer_gru(units=gru_units, return_sequences=True, return_state=True)

        def call(inputs, mask=None):
            x = inputs[0]
            hidden = inputs[1]
            x = self.embedding(x)
            output, state = self.gru(x, initial_state=hidden)
            return [output, state]

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Decoder with Bahdanau attention ---------------------------------------------------------
def attention_decoder(gru_units, embedding_dim, target_vocab_size, name=None):
    def model_fn(self):
        self.gru = layer_gru(units=gru_units, return_sequences=True, return_state=True)
        self.embedding = layer_embedding(input_dim=target_vocab_size, output_dim=embedding_dim)
        self.fc = layer_dense(units=target_vocab_size)
        self.W1 = layer_dense(units=gru_units)
        self.W2 = layer_dense(units=gru_units)
        self.V = layer_dense(units=1)

        def call(inputs, mask=None):
            x = inputs[0]
            hidden = inputs[1]
            encoder_output = inputs[2]
            hidden_with_time_axis = k_expand_dims(hidden, 2)
            score = self.V(k_tanh(self.W1(encoder_output) + self.W2(hidden_with_time_axis)))
            attention_weights = k_softmax(score, axis=2)
            context_vector = k_sum(attention_weights * encoder_output, axis=2)
            x = self.embedding(x)
            x = k_concatenate([k_expand_dims(context_vector, 2), x], axis=3)
            output, state = self.gru(x, initial_state=hidden)
            x = self.fc(k_reshape(output, [-1, gru_units]))
            return [x, state, attention_weights]

        return call

    return keras_model_custom(model_fn, name=name)


encoder = attention_encoder(gru_units=gru_units, embedding_dim=embedding_dim, src_vocab_size=source_vocab_size)
decoder = attention_decoder(gru_units=gru_units, embedding_dim=embedding_dim, target_vocab_size=target_vocab_size)

# ---- Loss and optimizer: cross-entropy summed over real tokens, Adam -------------------------
optimizer = tf.train.AdamOptimizer()


def masked_loss(y_true, y_pred):
    mask = tf.cast(tf.not_equal(y_true, 0), "float32")
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_true, logits=y_pred)
    return [tf.reduce_sum(loss * mask), tf.reduce_sum(mask)]


# ---- Training step: teacher forcing, one tape, compiled unless --eager -----------------------
def train_step(source, target):
    loss = 0.0
    n_tokens = 0.0
    with tf.GradientTape() as tape:
        encoder_out = encoder([source, tf.zeros([batch_size, gru_units])])
        encoder_output = encoder_out[0]
        hidden = encoder_out[1]
        decoder_input = k_expand_dims(target[:, 0])  # <start>
        for t in range(1, target_maxlen):
            decoder_out = decoder([decoder_input, hidden, encoder_output])
            hidden = decoder_out[1]
            step_loss = masked_loss(target[:, t], decoder_out[0])
            loss = loss + step_loss[0]
            n_tokens = n_tokens + step_loss[1]
            decoder_input = k_expand_dims(target[:, t])  # teacher forcing: the true word, not the prediction
        batch_loss = loss / n_tokens
    variables = encoder.variables + decoder.variables
    gradients = tape.gradient(batch_loss, variables)
    optimizer.apply_gradients(transpose([gradients, variables]))
    return batch_loss


if not run.args["eager"]:
    train_step = tf_function(train_step)


# ---- Greedy translation of a whole batch, with the attention weights -------------------------
def translate(source):
    n = source.shape[0]
    encoder_out = encoder([source, tf.zeros([n, gru_units])])
    hidden = encoder_out[1]
    decoder_input = k_expand_dims(tf.fill([n], data["start_id"]))
    ids, attention = [], []
    for _ in range(1, target_maxlen):
        decoder_out = decoder([decoder_input, hidden, encoder_out[0]])
        hidden = decoder_out[1]
        predicted = tf.argmax(decoder_out[0], axis=-1, output_type="int32")
        ids.append(predicted)
        attention.append(decoder_out[2])
        decoder_input = k_expand_dims(predicted)
    return {"ids": tf.stack(ids, axis=1), "attention": tf.stack(attention, axis=1)}


# ---- Training loop: batch losses with progress, epoch means ----------------------------------
translate(data["source_train"][0:1])  # build both models' variables (same order as training), so a checkpoint can fill them
run.protect(encoder=encoder, decoder=decoder, optimizer=optimizer)
epoch_losses = []
for epoch in run.epochs(train_dataset):
    iterator = run.track(as_iterator(train_dataset), epoch)
    for batch in iterator:
        run.step(train_step, batch[0], batch[1])
    epoch_losses.append(run.epoch_mean("loss"))

# ---- Evaluation: greedy translations, BLEU against two baselines -----------------------------
train_translation = translate(data["source_train"])
valid_translation = translate(data["source_valid"])
train_predictions = sequences_to_text(train_translation["ids"], data["target_index"])
valid_predictions = sequences_to_text(valid_translation["ids"], data["target_index"])
bleu_train = corpus_bleu(train_predictions, data["target_text_train"])
bleu_valid = corpus_bleu(valid_predictions, data["target_text_valid"])
chrf_valid = corpus_chrf(valid_predictions, data["target_text_valid"])
baselines = bleu_baselines(data)
print(f"BLEU held-out {bleu_valid:.2f} (train {bleu_train:.2f}); baselines on held-out: copy the source "
      f"{baselines['copy_source']:.2f}, most frequent target sentence {baselines['most_frequent_target']:.2f}")
print(f"chrF held-out {chrf_valid:.2f}; baselines: copy the source {baselines['copy_source_chrf']:.2f}, "
      f"most frequent target sentence {baselines['most_frequent_target_chrf']:.2f}")

# ---- Samples and attention heatmaps (sentences from Tatoeba, tatoeba.org, CC BY 2.0 FR) -------
samples = []
for split, rows in [["train", [0, 1, 2]], ["valid", [0, 1, 2]]]:
    translation = train_translation if split == "train" else valid_translation
    predictions = sequences_to_text(translation["ids"], data["target_index"], keep_tokens=True)
    for i in rows:
        source_words = data[f"source_text_{split}"][i].split(" ")
        predicted_words = predictions[i].split(" ")
        print(f"[{split}] {data[f'source_text_{split}'][i]}\n    reference:  {data[f'target_text_{split}'][i]}\n"
              f"    translated: {predictions[i]}")
        samples.append(predictions[i])
        weights = translation["attention"][i, : len(predicted_words), : len(source_words), 0].numpy()
        plot_attention(weights, source_words, predicted_words,
                       os.path.join(out_dir, f"nmt_attention_py_{split}{i + 1}.png"), title=f"{split} sentence {i + 1}")

run.finish(metrics={"epoch_losses": epoch_losses, "bleu_valid": bleu_valid, "bleu_train": bleu_train,
                    "bleu_copy_source": baselines["copy_source"],
                    "bleu_most_frequent_target": baselines["most_frequent_target"], "chrf_valid": chrf_valid,
                    "chrf_copy_source": baselines["copy_source_chrf"],
                    "chrf_most_frequent_target": baselines["most_frequent_target_chrf"], "samples": samples})
