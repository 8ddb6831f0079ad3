import warnings

import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    apply_gradients, keras_model_custom, layer_dense, layer_dropout, tf as tf1, transpose,
)


def test_transpose_list_of_lists():
    assert transpose([[1, 2, 3], ["a", "b", "c"]]) == [[1, "a"], [2, "b"], [3, "c"]]


def test_transpose_names_follow_purrr():
    # outer names become inner names
    assert transpose({"grad": [1, 2], "var": ["a", "b"]}) == [{"grad": 1, "var": "a"},
                                                               {"grad": 2, "var": "b"}]
    # inner names become outer names
    assert transpose([{"x": 1, "y": 2}, {"x": 3, "y": 4}]) == {"x": [1, 3], "y": [2, 4]}


@pytest.mark.parametrize("x", [[[1, 2], [3, 4], [5, 6]], {"a": [1, 2], "b": [3, 4]},
                               [{"x": 1, "y": 2}, {"x": 3, "y": 4}]])
def test_transpose_is_its_own_inverse(x):
    assert transpose(transpose(x)) == x


def test_transpose_keeps_none_gradients():
    assert transpose([[None, 1], ["v1", "v2"]]) == [[None, "v1"], [1, "v2"]]


def test_transpose_empty():
    assert transpose([]) == []


def test_transpose_ragged_is_refused():
    with pytest.raises(ValueError, match=r"ragged.*element 1 of length 3 and element 2 of length 2"):
        transpose([[1, 2, 3], [4, 5]])


def test_transpose_of_non_lists_is_refused():
    with pytest.raises(ValueError, match="Received: x=5"):
        transpose(5)
    with pytest.raises(ValueError, match="element 2"):
        transpose([[1], 7])


def _model():
    def model_fn(self):
        self.dense = layer_dense(units=2)
        self.dropout = layer_dropout(rate=0.5)

        def call(x, training=False):
            return self.dropout(self.dense(x), training=training)

        return call

    return keras_model_custom(model_fn)


def test_apply_gradients_with_seed_state_and_global_step():
    model = _model()
    x = np.ones((4, 3))
    model(x)
    optimizer = tf1.train.AdamOptimizer(learning_rate=0.1)
    step = tf.Variable(0, dtype=tf.int64, trainable=False)
    before = [v.numpy().copy() for v in model.trainable_variables]
    seed_before = [v.numpy().copy() for v in model.variables if not v.trainable]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(model(x, training=True) ** 2)
    grads = tape.gradient(loss, model.variables)
    assert grads[-1] is None  # the dropout's seed state has no gradient
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # non-trainable state is dropped silently
        optimizer.apply_gradients(transpose([grads, model.variables]), global_step=step)
    assert int(step) == 1
    assert all(not np.allclose(b, v.numpy()) for b, v in zip(before, model.trainable_variables))
    # seed state advanced by the dropout call, not by the optimizer
    assert [v.numpy().shape for v in model.variables if not v.trainable] == [s.shape for s in seed_before]


def test_missing_gradient_for_trainable_variable_warns_and_skips():
    a, b = tf.Variable(1.0), tf.Variable(2.0)
    optimizer = tf1.train.GradientDescentOptimizer(0.5)
    with pytest.warns(UserWarning, match="Gradients do not exist"):
        apply_gradients(optimizer, [[tf.constant(2.0), a], [None, b]])
    assert float(a) == pytest.approx(0.0) and float(b) == 2.0


def test_all_gradients_missing_is_an_error():
    with pytest.raises(ValueError, match="No gradients provided for any variable"):
        apply_gradients(tf1.train.AdamOptimizer(), [[None, tf.Variable(1.0)]])


@pytest.mark.parametrize("bad, match", [
    (5, "grads_and_vars"),
    ([[1, 2, 3]], r"grads_and_vars\[1\]"),
    ({"a": 1}, "grads_and_vars"),
])
def test_malformed_pairs_are_refused(bad, match):
    with pytest.raises(ValueError, match=match):
        apply_gradients(tf1.train.AdamOptimizer(), bad)


def test_bad_global_step_is_refused():
    with pytest.raises(ValueError, match="global_step"):
        apply_gradients(tf1.train.AdamOptimizer(), [[tf.constant(1.0), tf.Variable(1.0)]], global_step=3)


def test_plain_keras_optimizer_and_zip_pairs():
    import keras

    v = tf.Variable([1.0, 2.0])
    opt = keras.optimizers.SGD(learning_rate=1.0)
    apply_gradients(opt, zip([tf.constant([0.5, 0.5])], [v]))
    np.testing.assert_allclose(v.numpy(), [0.5, 1.5])
