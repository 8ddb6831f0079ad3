import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest

from rkeras_bridge import layer_dense, set_random_seed, tf, tf_function, transpose

X = np.random.default_rng(0).normal(size=(6, 16, 3)).astype("float32")  # 6 batches of 16
Y = (X @ np.array([[1.0], [-2.0], [0.5]], dtype="float32") + 0.3).astype("float32")


def _setup():
    set_random_seed(7)
    model = keras.Sequential([keras.Input((3,)), layer_dense(units=4, activation="tanh"),
                              layer_dense(units=1)])
    optimizer = tf.train.AdamOptimizer(learning_rate=0.05)
    # Slots made before compiling: a first call that creates variables is traced twice by TF.
    optimizer.build(model.trainable_variables)
    return model, optimizer


def _step_fn(model, optimizer, calls):
    def step(x, y):
        calls.append(1)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x) - y))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(transpose([grads, model.trainable_variables]))
        return loss

    return step


def test_compiled_training_step_matches_eager_and_traces_once():
    model, optimizer = _setup()
    eager_calls = []
    eager = _step_fn(model, optimizer, eager_calls)
    eager_losses = [float(eager(tf.constant(x), tf.constant(y))) for _ in range(3) for x, y in zip(X, Y)]
    eager_weights = [w.numpy() for w in model.trainable_variables]

    model, optimizer = _setup()
    traced_calls = []
    compiled = tf_function(_step_fn(model, optimizer, traced_calls))
    compiled_losses = [float(compiled(tf.constant(x), tf.constant(y)))
                       for _ in range(3) for x, y in zip(X, Y)]

    np.testing.assert_allclose(compiled_losses, eager_losses, rtol=1e-6)
    for compiled_weight, eager_weight in zip(model.trainable_variables, eager_weights):
        np.testing.assert_allclose(compiled_weight.numpy(), eager_weight, rtol=1e-5, atol=1e-7)
    assert np.mean(eager_losses[-6:]) < np.mean(eager_losses[:6])  # it does train
    assert len(eager_calls) == 3 * len(X) and len(traced_calls) == 1  # the body ran at trace time only
    assert int(optimizer.iterations) == 3 * len(X)


def test_variables_created_by_the_first_call_cost_a_second_trace():
    calls = []
    holder = []

    def scale(x):
        calls.append(1)
        if not holder:
            holder.append(tf.Variable(3.0))
        return holder[0] * x

    compiled = tf_function(scale)
    assert [float(compiled(tf.constant(float(i)))) for i in range(4)] == [0, 3, 6, 9]
    assert len(calls) == 2


def test_new_shapes_retrace_unless_an_input_signature_allows_them():
    calls = []

    def double(x):
        calls.append(x.shape)
        return x * 2

    plain = tf_function(double)
    plain(tf.ones([2])), plain(tf.ones([2])), plain(tf.ones([3]))
    assert len(calls) == 2
    calls.clear()
    relaxed = tf_function(double, input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])
    assert relaxed(tf.ones([2])).numpy().tolist() == [2, 2]
    assert relaxed(tf.ones([5])).numpy().tolist() == [2] * 5
    assert len(calls) == 1 and calls[0].as_list() == [None]


def test_autograph_converts_python_control_flow():
    def clipped(x):
        if tf.reduce_sum(x) > 0:
            return x
        return -x

    assert tf_function(clipped)(tf.constant([-1.0, -2.0])).numpy().tolist() == [1, 2]
    with pytest.raises(TypeError):  # without AutoGraph a tensor cannot be a Python bool in a graph
        tf_function(clipped, autograph=False)(tf.constant([-1.0, -2.0]))


def test_bad_arguments():
    with pytest.raises(TypeError, match="`f`"):
        tf_function(3)
    with pytest.raises(ValueError, match="`input_signature"):
        tf_function(lambda x: x, input_signature=[3])
    with pytest.raises(ValueError, match="`autograph`"):
        tf_function(lambda x: x, autograph="yes")
