import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    KerasConstraint, constraint_maxnorm, constraint_minmaxnorm, constraint_nonneg, constraint_unitnorm,
)

EPS = 1e-7
W = np.array([[3.0, 0.1, -1.0], [4.0, 0.2, 2.0]], dtype=np.float32)  # column norms 5, 0.2236, 2.236


def norms(w, axis=0):
    return np.sqrt((w.astype(np.float64) ** 2).sum(axis=axis, keepdims=True))


def test_maxnorm_scales_columns_down_only():
    out = constraint_maxnorm(max_value=2)(tf.constant(W)).numpy()
    n = norms(W)
    np.testing.assert_allclose(out, W * np.clip(n, 0, 2) / (EPS + n), rtol=1e-6)
    assert np.all(norms(out) <= 2 + 1e-5)
    # axis = 1: the norms of the rows, passed on 0-based as in R keras 2.x
    out_rows = constraint_maxnorm(max_value=1, axis=1)(tf.constant(W)).numpy()
    np.testing.assert_allclose(norms(out_rows, axis=1), 1, rtol=1e-5)
    assert constraint_maxnorm().get_config() == {"max_value": 2.0, "axis": 0}


def test_unitnorm_minmaxnorm_and_nonneg():
    np.testing.assert_allclose(norms(constraint_unitnorm()(tf.constant(W)).numpy()), 1, rtol=1e-5)
    n = norms(W)
    out = constraint_minmaxnorm(min_value=0.5, max_value=3, rate=0.5)(tf.constant(W)).numpy()
    desired = 0.5 * np.clip(n, 0.5, 3) + 0.5 * n
    np.testing.assert_allclose(out, W * desired / (EPS + n), rtol=1e-5)
    np.testing.assert_array_equal(constraint_nonneg()(tf.constant(W)).numpy(), np.maximum(W, 0))
    kernel = np.arange(24, dtype=np.float32).reshape(2, 3, 2, 2) - 12
    out = constraint_unitnorm(axis=[0, 1, 2])(tf.constant(kernel)).numpy()
    np.testing.assert_allclose(np.sqrt((out ** 2).sum(axis=(0, 1, 2))), 1, rtol=1e-5)


@pytest.mark.parametrize("make, name", [
    (lambda: constraint_maxnorm(max_value=-1), "max_value"),
    (lambda: constraint_maxnorm(axis=0.5), "axis"),
    (lambda: constraint_unitnorm(axis="rows"), "axis"),
    (lambda: constraint_minmaxnorm(min_value=2, max_value=1), "max_value"),
    (lambda: constraint_minmaxnorm(rate=1.5), "rate"),
])
def test_bad_arguments_name_the_argument(make, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        make()


class NonNeg(KerasConstraint):
    def call(self, w):
        return w * tf.cast(w >= 0, w.dtype)


def test_keras_constraint_subclass_and_function_constrain_weights_in_training():
    keras.utils.set_random_seed(3)
    model = keras.Sequential([
        keras.Input((6,)),
        keras.layers.Dense(4, kernel_constraint=NonNeg(), bias_constraint=lambda w: tf.minimum(w, 0.0),
                           kernel_initializer="random_normal", bias_initializer="ones"),
        keras.layers.Dense(1, kernel_constraint=constraint_maxnorm(0.5)),
    ])
    model.compile(optimizer="sgd", loss="mse")
    rng = np.random.default_rng(0)
    model.fit(rng.normal(size=(32, 6)), rng.normal(size=(32, 1)), epochs=2, verbose=0)
    kernel, bias = model.layers[0].get_weights()
    assert kernel.min() >= 0 and bias.max() <= 0
    assert np.all(norms(model.layers[1].get_weights()[0]) <= 0.5 + 1e-5)


def test_keras_constraint_with_call_argument_and_without_call():
    halve = KerasConstraint(call=lambda w: w / 2, get_config=lambda: {"factor": 0.5})
    np.testing.assert_allclose(halve(tf.constant(W)).numpy(), W / 2)
    assert halve.get_config() == {"factor": 0.5}
    with pytest.raises(NotImplementedError, match="must implement the call function"):
        KerasConstraint()(tf.constant(W))
    with pytest.raises(TypeError, match="`call`"):
        KerasConstraint(call=3)
