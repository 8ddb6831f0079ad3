# One worker of a distributed DCGAN (generator and discriminator trained in sync, one tape each,
# the step compiled with tf_function); its R twin is dcgan_worker.R. With --workers h:p,h:p
# --index I it is worker I of a MultiWorkerMirroredStrategy cluster; without --workers it is the
# single-process reference (TensorFlow's default strategy) on the same global batches.
# Changed from examples_py/dcgan.py so that a distributed run can equal a single one, and stays
# small: the generator's noise is data (drawn once with a stateless seed and batched with the
# images) instead of k_random_normal() in the step, which each replica would draw differently;
# no dropout in the discriminator (same reason); batch normalisation is synchronized across
# replicas (synchronized = TRUE: batch statistics of the global batch, as one process computes
# them); losses are per example, divided by the GLOBAL batch size; smaller networks, 512 digits.
import sys
import time

from rkeras_bridge import (
    dataset_batch, dataset_shuffle, dataset_take, keras_model_custom, layer_activation_leaky_relu,
    layer_batch_normalization, layer_conv_2d, layer_conv_2d_transpose, layer_dense, layer_flatten,
    layer_reshape, mnist_5k, set_random_seed, tensor_slices_dataset, tf, tf_function, transpose,
)
from rkeras_bridge.tensorflow.distribute import distributed_dataset
from rkeras_bridge.tools.workers import worker_args, worker_strategy, write_worker_run

# ---- Cluster first: the strategy starts this worker's server and waits for the others --------
args = worker_args(sys.argv[1:])
started = time.time()
strategy = worker_strategy(args)
strategy_seconds = time.time() - started
set_random_seed(args["seed"])
global_batch = args["global_batch"] or 16  # 8 digits per replica on 2 workers
noise_dim = 16
n_images = 512

# ---- Data: digits in [-1, 1] and their noise, the same global batches on every worker -------
images = tf.reshape(tf.cast(mnist_5k()["x"][0:n_images], "float32"), [-1, 28, 28, 1])
images = (images - 127.5) / 127.5
noise = tf.random.stateless_normal([n_images, noise_dim], seed=[args["seed"], 0])
train_dataset = dataset_take(dataset_batch(dataset_shuffle(tensor_slices_dataset([images, noise]), n_images,
                                                           seed=args["seed"]), global_batch), args["steps"])


# ---- Generator and discriminator -------------------------------------------------------------
def generator(self):
    self.fc1 = layer_dense(units=7 * 7 * 16, use_bias=False)
    self.batchnorm1 = layer_batch_normalization(synchronized=True)
    self.leaky_relu1 = layer_activation_leaky_relu()
    self.reshape = layer_reshape(target_shape=[7, 7, 16])
    self.conv1 = layer_conv_2d_transpose(filters=8, kernel_size=[5, 5], strides=[2, 2], padding="same",
                                         use_bias=False)
    self.batchnorm2 = layer_batch_normalization(synchronized=True)
    self.leaky_relu2 = layer_activation_leaky_relu()
    self.conv2 = layer_conv_2d_transpose(filters=1, kernel_size=[5, 5], strides=[2, 2], padding="same",
                                         use_bias=False, activation="tanh")

    def call(inputs, mask=None, training=True):
        x = self.leaky_relu1(self.batchnorm1(self.fc1(inputs), training=training))
        x = self.leaky_relu2(self.batchnorm2(self.conv1(self.reshape(x)), training=training))
        return self.conv2(x)

    return call


def discriminator(self):
    self.conv1 = layer_conv_2d(filters=8, kernel_size=[5, 5], strides=[2, 2], padding="same")
    self.leaky_relu1 = layer_activation_leaky_relu()
    self.conv2 = layer_conv_2d(filters=16, kernel_size=[5, 5], strides=[2, 2], padding="same")
    self.leaky_relu2 = layer_activation_leaky_relu()
    self.flatten = layer_flatten()
    self.fc1 = layer_dense(units=1)

    def call(inputs, mask=None, training=True):
        return self.fc1(self.flatten(self.leaky_relu2(self.conv2(self.leaky_relu1(self.conv1(inputs))))))

    return call


# ---- Models and optimizers, created (and built) in the strategy's scope ----------------------
with strategy.scope():
    generator_model = keras_model_custom(generator, name="generator")
    discriminator_model = keras_model_custom(discriminator, name="discriminator")
    discriminator_model(generator_model(noise[0:2], training=False), training=False)
    generator_optimizer = tf.train.AdamOptimizer(1e-3)
    discriminator_optimizer = tf.train.AdamOptimizer(1e-3)
    generator_optimizer.build(generator_model.trainable_variables)
    discriminator_optimizer.build(discriminator_model.trainable_variables)


# ---- Losses: TF1 sigmoid cross-entropy per example, averaged over the global batch -----------
def average(per_example):
    return tf.nn.compute_average_loss(per_example, global_batch_size=global_batch)


def discriminator_loss(real_output, generated_output):
    real_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=tf.ones_like(real_output),
                                                logits=real_output, reduction=tf.losses.Reduction.NONE)
    generated_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=tf.zeros_like(generated_output),
                                                     logits=generated_output,
                                                     reduction=tf.losses.Reduction.NONE)
    return average(real_loss) + average(generated_loss)


def generator_loss(generated_output):
    return average(tf.losses.sigmoid_cross_entropy(tf.ones_like(generated_output), generated_output,
                                                   reduction=tf.losses.Reduction.NONE))


# ---- One replica's step: both networks, one tape each ----------------------------------------
def train_step(images, noise):
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        generated_images = generator_model(noise, training=True)
        real_output = discriminator_model(images, training=True)
        generated_output = discriminator_model(generated_images, training=True)
        gen_loss = generator_loss(generated_output)
        disc_loss = discriminator_loss(real_output, generated_output)
    gradients_of_generator = gen_tape.gradient(gen_loss, generator_model.variables)
    gradients_of_discriminator = disc_tape.gradient(disc_loss, discriminator_model.variables)
    generator_optimizer.apply_gradients(transpose([gradients_of_generator, generator_model.variables]))
    discriminator_optimizer.apply_gradients(transpose([gradients_of_discriminator,
                                                       discriminator_model.variables]))
    return [gen_loss, disc_loss]


# ---- The distributed step, compiled: run on every replica, sum the replicas' losses ----------
def distributed_step(images, noise):
    per_replica = strategy.run(train_step, args=[images, noise])
    return [strategy.reduce("SUM", per_replica[0], axis=None),
            strategy.reduce("SUM", per_replica[1], axis=None)]


distributed_step = tf_function(distributed_step)

# ---- Training loop: every worker runs the same steps -----------------------------------------
gen_losses, disc_losses = [], []
started = time.time()
for batch in distributed_dataset(strategy, train_dataset):
    losses = distributed_step(batch[0], batch[1])
    gen_losses.append(float(losses[0]))
    disc_losses.append(float(losses[1]))
train_seconds = time.time() - started
print(f"worker {args['index']} of {strategy.num_replicas_in_sync}: "
      f"generator {[round(v, 5) for v in gen_losses]}, discriminator {[round(v, 5) for v in disc_losses]}")

write_worker_run(args["out"], "dcgan", "py", {"generator": gen_losses, "discriminator": disc_losses}, args,
                 strategy, timings={"strategy": strategy_seconds, "train": train_seconds})
