import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    loss_binary_crossentropy, loss_mean_squared_error, loss_sparse_categorical_crossentropy, optimizer_sgd,
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
