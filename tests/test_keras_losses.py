import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest
import tensorflow as tf

import rkeras_bridge as rb
from rkeras_bridge import (
    loss_binary_crossentropy, loss_categorical_crossentropy, loss_cosine_proximity, loss_hinge, loss_logcosh,
    loss_mean_squared_error, loss_sparse_categorical_crossentropy, optimizer_sgd,
)


def test_mean_squared_error_is_per_sample():
    y_true = np.array([[0.0, 1.0], [2.0, 2.0]])  # float64, as R doubles arrive
    y_pred = tf.constant([[1.0, 1.0], [0.0, 2.0]])
    loss = loss_mean_squared_error(y_true, y_pred)
    assert loss.shape == (2,) and loss.dtype == tf.float32
    np.testing.assert_allclose(loss.numpy(), [0.5, 2.0])


def test_binary_crossentropy_probabilities_and_logits():
    y_true = [[1.0, 0.0], [0.0, 0.0]]
    p = np.array([[0.9, 0.2], [0.5, 0.1]], dtype=np.float32)
    expected = -np.mean(np.array(y_true) * np.log(p) + (1 - np.array(y_true)) * np.log(1 - p), axis=-1)
    np.testing.assert_allclose(loss_binary_crossentropy(y_true, p).numpy(), expected, rtol=1e-5)
    logits = np.log(p / (1 - p))
    np.testing.assert_allclose(loss_binary_crossentropy(y_true, logits, from_logits=True).numpy(), expected,
                               rtol=1e-5)
    # Keras 2 clipped probabilities to [eps, 1 - eps]: a certain wrong answer costs -log(1e-7), not inf
    assert float(loss_binary_crossentropy([[1.0]], [[0.0]])[0]) == pytest.approx(-np.log(1e-7), rel=1e-3)
    with pytest.raises(ValueError, match="`from_logits`"):
        loss_binary_crossentropy(y_true, p, from_logits="no")


def test_sparse_categorical_crossentropy_takes_0_based_labels():
    probs = np.array([[0.25, 0.5, 0.25], [0.1, 0.1, 0.8]], dtype=np.float32)
    loss = loss_sparse_categorical_crossentropy([1.0, 2.0], probs)  # R doubles
    np.testing.assert_allclose(loss.numpy(), [-np.log(0.5), -np.log(0.8)], rtol=1e-6)
    logits = np.log(probs)
    np.testing.assert_allclose(
        loss_sparse_categorical_crossentropy(tf.constant([1, 2]), logits, from_logits=True),
        [-np.log(0.5), -np.log(0.8)], rtol=1e-5,
    )
    with pytest.raises(ValueError, match="between 0 and 2"):
        loss_sparse_categorical_crossentropy([3.0, 1.0], probs)
    with pytest.raises(ValueError, match="whole-number"):
        loss_sparse_categorical_crossentropy([0.5, 1.0], probs)


def test_losses_serve_as_compile_loss():
    x = np.array([[1.0], [2.0], [3.0], [4.0]], dtype=np.float32)
    for loss, y in ((loss_mean_squared_error, 2 * x), (loss_binary_crossentropy, (x > 2).astype("float32")),
                    (loss_sparse_categorical_crossentropy, np.array([0, 1, 1, 0]))):
        keras.utils.set_random_seed(2)
        units = 2 if loss is loss_sparse_categorical_crossentropy else 1
        activation = {1: "sigmoid" if loss is loss_binary_crossentropy else None, 2: "softmax"}[units]
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(units, activation=activation)])
        model.compile(optimizer=optimizer_sgd(learning_rate=0.01), loss=loss)
        evaluated = model.evaluate(x, y, verbose=0)
        direct = float(tf.reduce_mean(loss(y, model(x))))
        assert evaluated == pytest.approx(direct, rel=1e-5)


EPS = 1e-7
RNG = np.random.default_rng(11)
YT = RNG.uniform(0.05, 1, size=(5, 4))  # float64, as R doubles arrive
YP = RNG.uniform(0.05, 1, size=(5, 4)).astype(np.float32)
SIGNS = np.where(RNG.uniform(size=(5, 4)) > 0.5, 1.0, -1.0)
ONE_HOT = np.eye(4)[[0, 3, 1, 1, 2]]


def _l2n(v):
    return v / np.sqrt(np.maximum((v ** 2).sum(-1, keepdims=True), 1e-12))


def _cce(t, p):
    p = p / p.sum(-1, keepdims=True)
    return -(t * np.log(np.clip(p, EPS, 1 - EPS))).sum(-1)


REFERENCES = {
    "mean_absolute_error": (YT, lambda t, p: np.abs(p - t).mean(-1)),
    "mean_absolute_percentage_error": (YT, lambda t, p: 100 * np.abs((t - p) / np.maximum(np.abs(t), EPS))
                                       .mean(-1)),
    "mean_squared_logarithmic_error": (YT, lambda t, p: ((np.log(np.maximum(p, EPS) + 1)
                                                         - np.log(np.maximum(t, EPS) + 1)) ** 2).mean(-1)),
    "squared_hinge": (SIGNS, lambda t, p: (np.maximum(1 - t * p, 0) ** 2).mean(-1)),
    "hinge": (SIGNS, lambda t, p: np.maximum(1 - t * p, 0).mean(-1)),
    "categorical_hinge": (ONE_HOT, lambda t, p: np.maximum(0, ((1 - t) * p).max(-1) - (t * p).sum(-1) + 1)),
    "logcosh": (YT, lambda t, p: np.log(np.cosh(p - t)).mean(-1)),
    "categorical_crossentropy": (ONE_HOT, _cce),
    "kullback_leibler_divergence": (YT / YT.sum(-1, keepdims=True),
                                    lambda t, p: (np.clip(t, EPS, 1) * np.log(np.clip(t, EPS, 1)
                                                                              / np.clip(p, EPS, 1))).sum(-1)),
    "poisson": (YT, lambda t, p: (p - t * np.log(p + EPS)).mean(-1)),
    "cosine_proximity": (YT, lambda t, p: -(_l2n(t) * _l2n(p)).sum(-1)),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_keras_2_losses_match_their_formulas(name):
    y_true, reference = REFERENCES[name]
    loss = getattr(rb, f"loss_{name}")(y_true, tf.constant(YP))
    assert loss.shape == (5,) and loss.dtype == tf.float32
    np.testing.assert_allclose(loss.numpy(), reference(y_true, YP.astype(np.float64)), rtol=2e-5, atol=1e-6)
    assert getattr(rb, f"loss_{name}").py_function_name == name


def test_hinge_keeps_0_1_targets_as_given_and_cosine_proximity_signs():
    # Keras 3 would read the 0 as -1; Keras 2.2.4 computed max(1 - 0 * 0.5, 0) = 1
    np.testing.assert_allclose(loss_hinge([[0.0, 1.0]], [[0.5, 0.5]]).numpy(), [(1 + 0.5) / 2])
    cosine = loss_cosine_proximity([[1.0, 1.0], [1.0, 0.0]], [[2.0, 2.0], [-1.0, 0.0]])
    np.testing.assert_allclose(cosine.numpy(), [-1.0, 1.0], rtol=1e-6)


def test_logcosh_is_finite_for_large_errors_and_crossentropy_clips():
    assert float(loss_logcosh([[0.0]], [[200.0]])[0]) == pytest.approx(200 - np.log(2), rel=1e-6)
    certain_and_wrong = loss_categorical_crossentropy([[1.0, 0.0]], [[0.0, 1.0]])
    assert float(certain_and_wrong[0]) == pytest.approx(-np.log(EPS), rel=1e-3)
    with pytest.raises(ValueError, match="`y_true`"):
        loss_logcosh(None, [[1.0]])


def test_new_losses_serve_as_compile_loss_and_on_symbolic_tensors():
    keras.utils.set_random_seed(5)
    x = np.random.default_rng(2).normal(size=(8, 3)).astype("float32")
    y = np.eye(2)[[0, 1] * 4].astype("float32")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=optimizer_sgd(0.01), loss=loss_categorical_crossentropy)
    assert model.evaluate(x, y, verbose=0) == pytest.approx(float(tf.reduce_mean(
        loss_categorical_crossentropy(y, model(x)))), rel=1e-5)
    inputs = keras.Input((3,))
    symbolic = loss_logcosh(inputs, keras.layers.Dense(3)(inputs))
    assert tuple(symbolic.shape) == (None,)
