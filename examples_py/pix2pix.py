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
import os

import numpy as np

from rkeras_bridge import (
    as_iterator, dataset_batch, dataset_shuffle, initializer_random_normal, k_concatenate, keras_model_custom,
    layer_activation, layer_activation_leaky_relu, layer_batch_normalization, layer_conv_2d,
    layer_conv_2d_transpose, layer_dropout, layer_zero_padding_2d, tensor_slices_dataset, tf, tf_function,
    transpose,
)
from rkeras_bridge.cases.image_pairs import facades_pairs, jitter_pairs, l1_baselines, l1_error, photo_pairs, save_triptych
from rkeras_bridge.tools.training import training_run

run = training_run("pix2pix", epochs=10, progress=True)  # --steps, --seed, --out, --resume, --eager, --data
batch_size = 16
lambda_l1 = 100
out_dir = os.path.dirname(run.args["out"]) if run.args["out"] else "out"

# ---- Data: grayscale -> colour crops of shipped photos (or a folder of facades pairs) ---------
if run.args["data"] is None:
    data = photo_pairs(n_train=480, n_test=64, size=64, task="gray", seed=run.seed)
else:  # e.g. facades/train: every 8th pair held out
    pairs = facades_pairs(run.args["data"], direction="BtoA", size=64)
    held_out = np.arange(len(pairs["files"])) % 8 == 7
    data = {"train_input": pairs["input"][~held_out], "train_target": pairs["target"][~held_out],
            "test_input": pairs["input"][held_out], "test_target": pairs["target"][held_out]}
n_train = data["train_input"].shape[0]
steps_per_epoch = n_train // batch_size
if steps_per_epoch == 0:  # batches drop their remainder: nothing would train
    raise ValueError(f"--data must hold at least {batch_size} training pairs (one batch). Received: {n_train} in {run.args['data']}")
run.set_steps_per_epoch(steps_per_epoch)  # known once the data are read
baselines = l1_baselines(data["train_target"], data["test_input"], data["test_target"])
print(f"{n_train} training pairs, {data['test_input'].shape[0]} held-out pairs; held-out L1 of copying the "
      f"input {baselines['identity']:.4f}, of the mean training image {baselines['train_mean']:.4f}")


# jittered anew each epoch (training pairs only), then shuffled and batched
def epoch_dataset(epoch):
    jittered = jitter_pairs(data["train_input"], data["train_target"], seed=run.seed + epoch)
    pairs = tensor_slices_dataset([tf.cast(jittered["input"], "float32"), tf.cast(jittered["target"], "float32")])
    return dataset_batch(dataset_shuffle(pairs, n_train, seed=run.seed + epoch), batch_size, drop_remainder=True)


# ---- Downsample: conv (stride 2), batch norm, leaky ReLU -------------------------------------
def downsample(filters, size, apply_batchnorm=True, name=None):
    def model_fn(self):
        self.apply_batchnorm = apply_batchnorm
        self.conv1 = layer_conv_2d(filters=filters, kernel_size=size, strides=2, padding="same",
                                   kernel_initializer=initializer_random_normal(0, 0.02), use_bias=False)
        if self.apply_batchnorm:
            self.batchnorm = layer_batch_normalization()
        self.leaky_relu = layer_activation_leaky_relu()

        def call(x, mask=None, training=True):
            x = self.conv1(x)
            if self.apply_batchnorm:
                x = self.batchnorm(x, training=training)  # the 2018 code dropped this result
            return self.leaky_relu(x)

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Upsample: transposed conv (stride 2), batch norm, dropout, ReLU, then the skip ------------
def upsample(filters, size, apply_dropout=False, name=None):
    def model_fn(self):
        self.apply_dropout = apply_dropout
        self.up_conv = layer_conv_2d_transpose(filters=filters, kernel_size=size, strides=2, padding="same",
                                               kernel_initializer=initializer_random_normal(0, 0.02), use_bias=False)
        self.batchnorm = layer_batch_normalization()
        if self.apply_dropout:
            self.dropout = layer_dropout(rate=0.5)
        self.relu = layer_activation(activation="relu")

        def call(xs, mask=None, training=True):
            x1 = xs[0]
            x2 = xs[1]
            x = self.batchnorm(self.up_conv(x1), training=training)
            if self.apply_dropout:
                x = self.dropout(x, training=training)
            x = self.relu(x)
            return k_concatenate([x, x2])

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Generator: a U-Net, 64 -> 1 pixel and back, skips between mirrored levels --------------
def generator(name=None):
    def model_fn(self):
        self.down1 = downsample(32, 4, apply_batchnorm=False)  # 32 x 32
        self.down2 = downsample(64, 4)  # 16 x 16
        self.down3 = downsample(128, 4)  # 8 x 8
        self.down4 = downsample(128, 4)  # 4 x 4
        self.down5 = downsample(128, 4)  # 2 x 2
        self.down6 = downsample(128, 4)  # 1 x 1
        self.up1 = upsample(128, 4, apply_dropout=True)  # 2 x 2
        self.up2 = upsample(128, 4, apply_dropout=True)  # 4 x 4
        self.up3 = upsample(128, 4, apply_dropout=True)  # 8 x 8
        self.up4 = upsample(64, 4)  # 16 x 16
        self.up5 = upsample(32, 4)  # 32 x 32
        self.last = layer_conv_2d_transpose(filters=3, kernel_size=4, strides=2, padding="same",
                                            kernel_initializer=initializer_random_normal(0, 0.02), activation="tanh")

        def call(x, mask=None, training=True):
            x1 = self.down1(x, training=training)
            x2 = self.down2(x1, training=training)
            x3 = self.down3(x2, training=training)
            x4 = self.down4(x3, training=training)
            x5 = self.down5(x4, training=training)
            x6 = self.down6(x5, training=training)
            x7 = self.up1([x6, x5], training=training)
            x8 = self.up2([x7, x4], training=training)
            x9 = self.up3([x8, x3], training=training)
            x10 = self.up4([x9, x2], training=training)
            x11 = self.up5([x10, x1], training=training)
            return self.last(x11)

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Discriminator: PatchGAN, one real/fake logit per patch of the (input, image) pair -------
def discriminator(name=None):
    def model_fn(self):
        self.down1 = downsample(32, 4, apply_batchnorm=False)  # 32 x 32
        self.down2 = downsample(64, 4)  # 16 x 16
        self.zero_pad1 = layer_zero_padding_2d()
        self.conv = layer_conv_2d(filters=128, kernel_size=4, strides=1,
                                  kernel_initializer=initializer_random_normal(0, 0.02), use_bias=False)
        self.batchnorm = layer_batch_normalization()
        self.leaky_relu = layer_activation_leaky_relu()
        self.zero_pad2 = layer_zero_padding_2d()
        self.last = layer_conv_2d(filters=1, kernel_size=4, strides=1,
                                  kernel_initializer=initializer_random_normal(0, 0.02))  # 14 x 14 patches

        def call(xs, mask=None, training=True):
            x = k_concatenate([xs[0], xs[1]])
            x = self.down2(self.down1(x, training=training), training=training)
            x = self.leaky_relu(self.batchnorm(self.conv(self.zero_pad1(x)), training=training))
            return self.last(self.zero_pad2(x))

        return call

    return keras_model_custom(model_fn, name=name)


generator_model = generator()
discriminator_model = discriminator()


# ---- Losses and optimizers: GAN loss + 100 * L1, sigmoid cross-entropy, two Adams -------------
def generator_loss(disc_judgment, generated_output, target):
    gan_loss = tf.losses.sigmoid_cross_entropy(tf.ones_like(disc_judgment), disc_judgment)
    l1_loss = tf.reduce_mean(tf.abs(target - generated_output))
    return gan_loss + lambda_l1 * l1_loss


def discriminator_loss(real_output, generated_output):
    real_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=tf.ones_like(real_output), logits=real_output)
    generated_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=tf.zeros_like(generated_output),
                                                     logits=generated_output)
    return real_loss + generated_loss


discriminator_optimizer = tf.train.AdamOptimizer(2e-4, beta1=0.5)
generator_optimizer = tf.train.AdamOptimizer(2e-4, beta1=0.5)


# ---- Training step: both networks, one tape each, compiled unless --eager --------------------
def train_step(input_image, target):
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        gen_output = generator_model(input_image, training=True)
        disc_real_output = discriminator_model([input_image, target], training=True)
        disc_generated_output = discriminator_model([input_image, gen_output], training=True)
        gen_loss = generator_loss(disc_generated_output, gen_output, target)
        disc_loss = discriminator_loss(disc_real_output, disc_generated_output)
    generator_gradients = gen_tape.gradient(gen_loss, generator_model.variables)
    discriminator_gradients = disc_tape.gradient(disc_loss, discriminator_model.variables)
    generator_optimizer.apply_gradients(transpose([generator_gradients, generator_model.variables]))
    discriminator_optimizer.apply_gradients(transpose([discriminator_gradients, discriminator_model.variables]))
    return {"generator": gen_loss, "discriminator": disc_loss}


if not run.args["eager"]:
    train_step = tf_function(train_step)

# ---- Training loop: losses with progress, a triptych of held-out crops after each epoch ------
sample_input = tf.cast(data["test_input"][:1], "float32")
discriminator_model([sample_input, generator_model(sample_input, training=False)], training=False)  # build both
run.protect(generator=generator_model, discriminator=discriminator_model, generator_optimizer=generator_optimizer,
            discriminator_optimizer=discriminator_optimizer)
test_input = tf.cast(data["test_input"], "float32")
for epoch in run.epochs():  # each epoch has its own dataset
    iterator = run.track(as_iterator(epoch_dataset(epoch)), epoch)  # at the saved position when resuming
    for batch in iterator:
        run.step(train_step, batch[0], batch[1])
    if epoch % 5 == 0 or epoch == run.n_epochs or run.finished_steps():
        save_triptych(data["test_input"], data["test_target"], generator_model(test_input, training=False),
                      os.path.join(out_dir, f"pix2pix_py_epoch{epoch:02d}.png"), n=4, title=f"held-out, epoch {epoch}")

# ---- Quality: held-out L1 against copying the input and the mean training image --------------
prediction = generator_model(test_input, training=False)
test_l1 = l1_error(prediction, data["test_target"])
first = slice(0, min(64, n_train))  # up to 64 training crops
train_l1 = l1_error(generator_model(tf.cast(data["train_input"][first], "float32"), training=False),
                    data["train_target"][first])
print(f"held-out L1 {test_l1:.4f} (copy the input {baselines['identity']:.4f}, mean training image "
      f"{baselines['train_mean']:.4f}); training crops {train_l1:.4f}")

# ---- Record ----------------------------------------------------------------------------------
run.finish(metrics={"test_l1": test_l1, "train_l1": train_l1, "identity_l1": baselines["identity"],
                    "train_mean_l1": baselines["train_mean"]})
