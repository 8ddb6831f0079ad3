# Benchmark: per-op cost and the scaling of a training step, in Python (the reference the R twins
# bench/ops.R and bench/ops_reticulate.R are measured against). Same ops, same sizes, same timing
# rule in all three: each op runs in blocks of at least `block_s` seconds, and the median per-call
# time of the blocks is reported, in microseconds. Run by `python -m rkeras_bridge.tools.bench`.
import json
import sys
import time

import numpy as np

from rkeras_bridge import keras_model_custom, layer_dense, set_random_seed, tf, tf_function, transpose

# ---- Timing rule -----------------------------------------------------------------------------
blocks = int(sys.argv[1]) if len(sys.argv) > 1 else 5
block_s = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2


def per_call_us(f):
    f()
    f()  # warm: first calls trace, build or allocate
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < block_s / 4:
        f()
        n += 1
    n = max(n * 4, 1)
    times = []
    for _ in range(blocks):
        started = time.perf_counter()
        for _ in range(n):
            f()
        times.append((time.perf_counter() - started) / n * 1e6)
    return float(np.median(times))


# ---- Per-op overhead: representative calls ----------------------------------------------------
set_random_seed(1)
a = tf.constant(2.5)
b = tf.constant(4.0)
m = tf.ones([64, 64])
x = tf.ones([32, 64])
dense = layer_dense(units=64)
dense(x)
optimizer = tf.train.AdamOptimizer(learning_rate=0.001)


def tape_gradient():
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(dense(x)))
    return tape.gradient(loss, dense.trainable_variables)


grads = tape_gradient()


# The 2018 article's eager step: Dense(64) + Dense(1) on a 64 x 32 batch, with transpose().
def build_2018(self):
    self.hidden = layer_dense(units=64, activation="relu")
    self.out = layer_dense(units=1)
    return lambda x, mask=None, training=False: self.out(self.hidden(x))


model_2018 = keras_model_custom(build_2018)
optimizer_2018 = tf.train.AdamOptimizer(learning_rate=0.001)
features_2018 = tf.random.normal([64, 32], seed=1)
target_2018 = tf.random.normal([64, 1], seed=2)


def step_2018():
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model_2018(features_2018) - target_2018))
    gradients = tape.gradient(loss, model_2018.variables)
    optimizer_2018.apply_gradients(transpose([gradients, model_2018.variables]))
    return loss


def step_2018_zip():  # the twin of R's zip_lists() step: the pairs made by zip
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model_2018(features_2018) - target_2018))
    gradients = tape.gradient(loss, model_2018.variables)
    optimizer_2018.apply_gradients(list(zip(gradients, model_2018.variables)))
    return loss


ops = {
    "constant": lambda: tf.constant(2.5),
    "multiply": lambda: tf.multiply(a, b),
    "operator": lambda: a * b,
    "matmul": lambda: tf.matmul(m, m),
    "layer_call": lambda: dense(x),
    "tape_gradient": tape_gradient,
    "apply_gradients": lambda: optimizer.apply_gradients(transpose([grads, dense.trainable_variables])),
    "apply_gradients_zip": lambda: optimizer.apply_gradients(list(zip(grads, dense.trainable_variables))),
    "step_2018": step_2018,
    "step_2018_zip": step_2018_zip,
}
results = {"ops": {name: per_call_us(f) for name, f in ops.items()}, "scaling": []}


# ---- Scaling: a two-layer training step by batch size and width, eager and compiled -----------
def mlp(width):
    def build(self):
        self.hidden = layer_dense(units=width, activation="relu")
        self.out = layer_dense(units=1)

        def call(x, mask=None, training=False):
            return self.out(self.hidden(x))

        return call

    return build


def scaling_point(batch, width):
    set_random_seed(1)
    model = keras_model_custom(mlp(width))
    opt = tf.train.AdamOptimizer(learning_rate=0.001)
    features = tf.random.normal([batch, 64], seed=1)
    target = tf.random.normal([batch, 1], seed=2)

    def step(features, target):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(features) - target))
        gradients = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(transpose([gradients, model.trainable_variables]))
        return loss

    compiled = tf_function(step)
    return [{"batch": batch, "width": width, "mode": mode, "us": per_call_us(lambda f=f: f(features, target))}
            for mode, f in [("eager", step), ("compiled", compiled)]]


for batch, width in [(16, 128), (128, 128), (1024, 128), (128, 32), (128, 1024), (128, 4096)]:
    results["scaling"] += scaling_point(batch, width)

print("RKB-BENCH " + json.dumps(results))
