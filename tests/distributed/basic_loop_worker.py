# One worker of the distributed basic loop (the article's iris loop on tf.distribute); its R twin
# is basic_loop_worker.R. With --workers h:p,h:p --index I it is worker I of a
# MultiWorkerMirroredStrategy cluster; without --workers it is the single-process reference
# (TensorFlow's default strategy: no distribution) on the same global batches.
# Changed from examples_py/basic_loop.py so that a distributed run can equal a single one:
# no dropout layer (each replica would draw its own masks), the loss is summed per example and
# divided by the GLOBAL batch size (tf.nn.compute_average_loss), so the all-reduced (summed)
# gradient is the single-process mean-loss gradient; the model and the optimizer are created
# and built inside strategy.scope().
import sys
import time

from sklearn.datasets import load_iris

from rkeras_bridge import (
    dataset_batch, dataset_repeat, dataset_shuffle, dataset_take, keras_model_custom, layer_dense,
    set_random_seed, tensor_slices_dataset, tf, transpose,
)
from rkeras_bridge.tensorflow.distribute import distributed_dataset
from rkeras_bridge.tools.workers import worker_args, worker_strategy, write_worker_run

# ---- Cluster first: the strategy starts this worker's server and waits for the others --------
args = worker_args(sys.argv[1:])
started = time.time()
strategy = worker_strategy(args)
strategy_seconds = time.time() - started
set_random_seed(args["seed"])
global_batch = args["global_batch"] or 20  # split among the replicas: 10 rows each on 2 workers

# ---- Data: the same global batches on every worker (same rows, same shuffle seed) ------------
iris = load_iris().data  # columns: Sepal.Length, Sepal.Width, Petal.Length, Petal.Width
x_train, y_train = iris[0:120][:, [0, 2, 3]], iris[0:120][:, [1]]
train_dataset = dataset_take(dataset_batch(dataset_repeat(dataset_shuffle(
    tensor_slices_dataset([x_train, y_train]), 120, seed=args["seed"])), global_batch), args["steps"])


# ---- Model and optimizer, created in the strategy's scope ------------------------------------
def iris_regression(self):
    self.dense1 = layer_dense(units=16, activation="relu")
    self.output_layer = layer_dense(units=1)

    def call(x, mask=None, training=False):
        return self.output_layer(self.dense1(x))

    return call


with strategy.scope():
    model = keras_model_custom(iris_regression, name="iris_regression")
    model(x_train[0:1])  # build the variables here, mirrored on every replica
    optimizer = tf.train.AdamOptimizer(learning_rate=0.01)
    optimizer.build(model.trainable_variables)
    global_step = tf.train.get_or_create_global_step()


# ---- One replica's step: a tape, TF1 apply_gradients (the all-reduce happens inside) ---------
def train_step(x, y):
    with tf.GradientTape() as tape:
        preds = model(x, training=True)
        per_example = tf.losses.mean_squared_error(y, preds, reduction=tf.losses.Reduction.NONE)
        loss = tf.nn.compute_average_loss(per_example, global_batch_size=global_batch)
    gradients = tape.gradient(loss, model.variables)
    optimizer.apply_gradients(transpose([gradients, model.variables]), global_step=global_step)
    return loss


# ---- Training loop: every worker runs the same steps -----------------------------------------
losses = []
started = time.time()
for batch in distributed_dataset(strategy, train_dataset):
    per_replica = strategy.run(train_step, args=batch)
    losses.append(float(strategy.reduce("SUM", per_replica, axis=None)))
train_seconds = time.time() - started
print(f"worker {args['index']} of {strategy.num_replicas_in_sync}: losses {[round(v, 5) for v in losses]}, "
      f"global step {int(global_step.numpy())}")

write_worker_run(args["out"], "basic_loop", "py", losses, args, strategy,
                 timings={"strategy": strategy_seconds, "train": train_seconds})
