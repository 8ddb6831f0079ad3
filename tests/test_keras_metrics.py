import keras
import numpy as np
import pytest
import tensorflow as tf

import rkeras_bridge as rb
from rkeras_bridge import (
    custom_metric, metric_binary_accuracy, metric_categorical_accuracy,
    metric_sparse_top_k_categorical_accuracy, metric_top_k_categorical_accuracy,
)

ERROR_METRICS = ["binary_crossentropy", "categorical_crossentropy", "cosine_proximity", "hinge",
                 "kullback_leibler_divergence", "mean_absolute_error", "mean_absolute_percentage_error",
                 "mean_squared_error", "mean_squared_logarithmic_error", "poisson", "squared_hinge"]


def test_binary_and_categorical_accuracy():
    y_true = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    y_pred = tf.constant([[0.8, 0.5, 0.4], [0.2, 0.51, 0.9]])
    # round half to even, as Keras 2.2.4's K.round: 0.5 counts as 0
    expected = (y_true == np.round(y_pred.numpy())).mean(axis=-1)
    np.testing.assert_allclose(metric_binary_accuracy(y_true, y_pred).numpy(), expected)
    np.testing.assert_allclose(metric_binary_accuracy(y_true, y_pred).numpy(), [2 / 3, 2 / 3])
    y_true = np.eye(3)[[0, 2, 1]]
    scores = tf.constant([[0.6, 0.3, 0.1], [0.2, 0.3, 0.5], [0.5, 0.4, 0.1]])
    hits = (y_true.argmax(-1) == scores.numpy().argmax(-1)).astype(np.float32)
    np.testing.assert_array_equal(metric_categorical_accuracy(y_true, scores).numpy(), hits)


def test_top_k_accuracies_are_batch_means_as_in_keras_2_2_4():
    scores = np.array([[0.1, 0.5, 0.3, 0.05], [0.4, 0.3, 0.2, 0.1], [0.05, 0.15, 0.2, 0.6]], dtype=np.float32)
    labels = np.array([2, 3, 3])
    for k in (1, 2, 3):
        topk = np.argsort(-scores, axis=-1)[:, :k]
        expected = np.mean([labels[i] in topk[i] for i in range(3)])
        sparse = metric_sparse_top_k_categorical_accuracy(labels.reshape(-1, 1).astype(float), scores, k=k)
        dense = metric_top_k_categorical_accuracy(np.eye(4)[labels], scores, k=float(k))
        assert sparse.shape == () and float(sparse) == pytest.approx(expected)
        assert float(dense) == pytest.approx(expected)
    with pytest.raises(ValueError, match="`k`"):
        metric_top_k_categorical_accuracy(np.eye(4)[labels], scores, k=0)
    with pytest.raises(ValueError, match="`y_true`"):
        metric_sparse_top_k_categorical_accuracy([[0.5]], scores[:1], k=1)


@pytest.mark.parametrize("name", ERROR_METRICS)
def test_error_metrics_are_the_losses_of_the_same_name(name):
    rng = np.random.default_rng(7)
    y_true = rng.uniform(0.1, 1, size=(4, 3)).astype(np.float32)
    y_pred = rng.uniform(0.1, 1, size=(4, 3)).astype(np.float32)
    metric, loss = getattr(rb, f"metric_{name}"), getattr(rb, f"loss_{name}")
    np.testing.assert_allclose(metric(y_true, y_pred).numpy(), loss(y_true, y_pred).numpy())
    assert metric.__name__ == name and metric.py_function_name == name


def test_sparse_categorical_crossentropy_metric_takes_0_based_labels():
    probs = np.array([[0.25, 0.5, 0.25], [0.1, 0.1, 0.8]], dtype=np.float32)
    np.testing.assert_allclose(rb.metric_sparse_categorical_crossentropy([1.0, 2.0], probs).numpy(),
                               -np.log([0.5, 0.8]), rtol=1e-6)


def test_metrics_in_compile_log_keras_names_and_batch_means():
    keras.utils.set_random_seed(4)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(16, 5)).astype(np.float32)
    y = np.eye(3)[rng.integers(0, 3, 16)].astype(np.float32)
    mean_pred = custom_metric("mean_pred", lambda y_true, y_pred: tf.reduce_mean(y_pred))
    model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy",
                  metrics=[metric_categorical_accuracy, rb.metric_mean_squared_error, mean_pred])
    scores = model.evaluate(x, y, batch_size=16, verbose=0, return_dict=True)
    assert set(scores) == {"loss", "categorical_accuracy", "mean_squared_error", "mean_pred"}
    pred = model.predict(x, verbose=0)
    assert scores["categorical_accuracy"] == pytest.approx(np.mean(pred.argmax(-1) == y.argmax(-1)))
    assert scores["mean_squared_error"] == pytest.approx(np.mean((pred - y) ** 2), rel=1e-5)
    assert scores["mean_pred"] == pytest.approx(1 / 3, rel=1e-5)  # softmax rows sum to 1


def test_custom_metric_names_and_checks():
    fn = custom_metric("double_pred", lambda y_true, y_pred: 2 * y_pred)
    assert fn.__name__ == "double_pred"
    np.testing.assert_allclose(fn(None, tf.constant([1.0, 2.0])).numpy(), [2.0, 4.0])
    with pytest.raises(TypeError, match="`name`"):
        custom_metric("", lambda y_true, y_pred: y_pred)
    with pytest.raises(TypeError, match="`metric_fn`"):
        custom_metric("x", 3)
