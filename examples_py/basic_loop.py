# Case study: the basic eager training loop of the article (TensorFlow's eager guide on iris):
# a custom model, tfdatasets batches, GradientTape, TF1 Adam with a global step, a checkpoint.
# Changed from the original: it predicts Sepal.Width from the other three measurements (rows
# 1-120 train, 121-150 test) instead of classifying species, so the loss is TF1's mean squared
# error; a checkpoint is saved and restored into a fresh model to show nothing trained is lost.
# training_run() is the harness: arguments and seed, checkpoints every K steps next to --out
# (--checkpoint-every), --resume, a final checkpoint on Ctrl-C, step timing and the run record.
# R's `iris` and scikit-learn's `load_iris()` hold the same 150 rows. The tape block is a function,
# train_step(), so that --compiled can compile it with tf_function (the article ran it eagerly).
import tempfile

from sklearn.datasets import load_iris

from rkeras_bridge import (
    dataset_batch, dataset_shuffle, keras_model_custom, layer_dense, layer_dropout, make_iterator_one_shot,
    tensor_slices_dataset, tf, tf_function, transpose, until_out_of_range,
)
from rkeras_bridge.tools.training import training_run

run = training_run("basic_loop", epochs=10, steps_per_epoch=12)  # --steps, --seed, --out, --resume

# ---- Data: Sepal.Width from Sepal.Length, Petal.Length, Petal.Width --------------------------
iris = load_iris().data  # columns: Sepal.Length, Sepal.Width, Petal.Length, Petal.Width
x_train, y_train = iris[0:120][:, [0, 2, 3]], iris[0:120][:, [1]]
x_test, y_test = iris[120:150][:, [0, 2, 3]], iris[120:150][:, [1]]
train_dataset = dataset_batch(dataset_shuffle(tensor_slices_dataset([x_train, y_train]), 120, seed=run.seed), 10)


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


if run.args["compiled"]:
    train_step = tf_function(train_step)

# ---- Training loop: one step per batch ------------------------------------------------------
model(x_train[0:1])  # build its variables, so a checkpoint can fill them
run.protect(model=model, optimizer=optimizer, global_step=tf.train.get_or_create_global_step())
for epoch in run.epochs(train_dataset):
    iterator = run.track(make_iterator_one_shot(train_dataset), epoch)
    for batch in until_out_of_range(iterator):
        loss = run.step(train_step, batch[0], batch[1])
    print(f"epoch {epoch}: loss {loss.numpy():.4f}, global step {int(tf.train.get_or_create_global_step())}")

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

run.finish(metrics={"test_mse": test_mse, "restored_max_abs_diff": max_diff,
                    "global_step": int(tf.train.get_or_create_global_step())})
