# Case study: the basic eager training loop of the article (TensorFlow's eager guide on iris):
# a custom model, tfdatasets batches, GradientTape, TF1 Adam with a global step, a checkpoint.
# Changed from the original: it predicts Sepal.Width from the other three measurements (rows
# 1-120 train, 121-150 test) instead of classifying species, so the loss is TF1's mean squared
# error; a checkpoint is saved and restored into a fresh model to show nothing trained is lost.
# Crash-safe: with --out DIR/run.json a checkpoint goes to DIR/checkpoints every K steps
# (--checkpoint-every, RKB_CHECKPOINT_EVERY, 10); --resume continues from the latest, Ctrl-C saves.
# R's `iris` and scikit-learn's `load_iris()` hold the same 150 rows. The tape block is a function,
# train_step(), so that --compiled can compile it with tf_function (the article ran it eagerly).
import sys
import tempfile
import time

import numpy as np

from sklearn.datasets import load_iris

from rkeras_bridge import (
    dataset_batch, dataset_shuffle, dataset_take, keras_model_custom, layer_dense,
    layer_dropout, make_iterator_one_shot, set_random_seed, tensor_slices_dataset, tf, tf_function, transpose,
    until_out_of_range,
)
from rkeras_bridge.tools.checkpoints import checkpoint_manager, maybe_save, restore_latest, save_on_interrupt, track_iterator
from rkeras_bridge.tools.runs import case_args, checkpoint_dir, write_run

# ---- Arguments and seed ----------------------------------------------------------------------
args = case_args(sys.argv[1:])
set_random_seed(args["seed"])
n_epochs = args["epochs"] or 10
max_steps = args["steps"] if args["steps"] is not None else n_epochs * 12

# ---- Data: Sepal.Width from Sepal.Length, Petal.Length, Petal.Width --------------------------
iris = load_iris().data  # columns: Sepal.Length, Sepal.Width, Petal.Length, Petal.Width
x_train, y_train = iris[0:120][:, [0, 2, 3]], iris[0:120][:, [1]]
x_test, y_test = iris[120:150][:, [0, 2, 3]], iris[120:150][:, [1]]
train_dataset = dataset_batch(dataset_shuffle(tensor_slices_dataset([x_train, y_train]), 120, seed=args["seed"]), 10)
batches_per_epoch = 12  # 120 rows in batches of 10


# ---- Model: Dense(32) -> Dropout(0.5) -> Dense(1) -------------------------------------------
def iris_regression(self):
    self.dense1 = layer_dense(units=32, activation="relu")
    self.dropout = layer_dropout(rate=0.5)
    self.output_layer = layer_dense(units=1)

    def call(x, mask=None, training=False):
        return self.output_layer(self.dropout(self.dense1(x), training=training))

    return call


model = keras_model_custom(iris_regression, name="iris_regression")
optimizer = tf.train.AdamOptimizer(learning_rate=0.01)

# ---- Training step: one tape, TF1 apply_gradients with the global step (eager by default) --
def train_step(x, y):
    with tf.GradientTape() as tape:
        preds = model(x, training=True)
        loss = tf.losses.mean_squared_error(y, preds)
    gradients = tape.gradient(loss, model.variables)
    optimizer.apply_gradients(transpose([gradients, model.variables]),
                              global_step=tf.train.get_or_create_global_step())
    return loss


if args["compiled"]:
    train_step = tf_function(train_step)

# ---- Crash safety: checkpoints every K steps, --resume, a final checkpoint on Ctrl-C ---------
model(x_train[0:1])  # build its variables, so a restore can fill them
manager = checkpoint_manager(checkpoint_dir(args), every=args["checkpoint_every"], model=model, optimizer=optimizer,
                             global_step=tf.train.get_or_create_global_step())
step = restore_latest(manager, max_steps=max_steps) if args["resume"] else 0  # model, optimizer, global step, epoch; 0 if none
first_step = step + 1
save_on_interrupt(manager)  # Ctrl-C: save a checkpoint after the current step, then exit

# ---- Training loop: one step per batch ------------------------------------------------------
losses, step_seconds = [], []
for epoch in range(1, n_epochs + 1):
    if step >= max_steps:
        break
    iterator = make_iterator_one_shot(dataset_take(train_dataset, max_steps - (epoch - 1) * batches_per_epoch))
    if step >= epoch * batches_per_epoch:
        continue  # done before the checkpoint (its iterator was made all the same: each one reshuffles)
    iterator = track_iterator(manager, iterator, epoch)  # at the saved position when resuming into this epoch
    for batch in until_out_of_range(iterator):
        started = time.perf_counter()
        loss = train_step(batch[0], batch[1])
        losses.append(float(loss))
        step_seconds.append(time.perf_counter() - started)
        step += 1
        maybe_save(manager, step)
    print(f"epoch {epoch}: loss {losses[-1]:.4f}, global step {int(tf.train.get_or_create_global_step())}")

# ---- Checkpoint: save, restore into a fresh model, compare test predictions -----------------
saved_dir = tempfile.mkdtemp()
checkpoint = tf.train.Checkpoint(optimizer=optimizer, model=model,
                                 optimizer_step=tf.train.get_or_create_global_step())
checkpoint.save(saved_dir + "/ckpt")
test_preds = model(x_test)
restored = keras_model_custom(iris_regression, name="iris_regression")
restored(x_test)  # build its variables, so the restore can fill them
status = tf.train.Checkpoint(model=restored).restore(tf.train.latest_checkpoint(saved_dir))
status.assert_existing_objects_matched()
restored_preds = restored(x_test)
test_mse = float(tf.losses.mean_squared_error(y_test, test_preds))
max_diff = float(tf.reduce_max(tf.abs(restored_preds - test_preds)))
print(f"test MSE {test_mse:.4f}; restored model's predictions differ by at most {max_diff}")

# ---- Record ----------------------------------------------------------------------------------
write_run(args, "basic_loop", "py", losses=losses,
          metrics={"test_mse": test_mse, "restored_max_abs_diff": max_diff,
                   "global_step": int(tf.train.get_or_create_global_step()), "first_step": first_step},
          timings={"seconds_per_step": float(np.median(step_seconds[1:] or step_seconds)) if step_seconds else None,
                   "mode": "compiled" if args["compiled"] else "eager"})
