"""``metric_*`` and ``custom_metric()``: the R keras 2.x metric functions.

Each is a plain function of ``(y_true, y_pred)`` with Keras 2.2.4's formula. Called directly it
returns a tensor (one value per sample, or for the top-k accuracies the batch mean, as Keras
2.2.4 returned); given to ``compile(metrics = list(...))`` it is averaged over the batches under
its Keras name (``binary_accuracy``, ...), the name R keras 2.x gave it through its
``py_function_name`` attribute: the Python functions carry that name as ``__name__``, so a model
compiled from R and one compiled from Python log the same metric names.

The error metrics (``metric_mean_squared_error``, ``metric_binary_crossentropy``, ...) are the
``loss_*`` functions of the same name, as in Keras 2.2.4.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras
import tensorflow as tf

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument
from . import losses
from .backend import symbolic

__all__ = [
    "metric_binary_accuracy", "metric_binary_crossentropy", "metric_categorical_accuracy",
    "metric_categorical_crossentropy", "metric_cosine_proximity", "metric_hinge",
    "metric_kullback_leibler_divergence", "metric_mean_absolute_error",
    "metric_mean_absolute_percentage_error", "metric_mean_squared_error",
    "metric_mean_squared_logarithmic_error", "metric_poisson",
    "metric_sparse_categorical_crossentropy", "metric_squared_hinge", "metric_top_k_categorical_accuracy",
    "metric_sparse_top_k_categorical_accuracy", "custom_metric",
]


def _keras_name(name: str) -> Callable[[Any], Any]:
    """Name a metric function as Keras (and R keras 2.x's ``py_function_name``) names it."""
    def mark(fn: Any) -> Any:
        fn.__name__ = name
        fn.py_function_name = name
        return fn
    return mark


def _pair(y_true: Any, y_pred: Any) -> tuple[tf.Tensor, tf.Tensor]:
    if y_pred is None:
        raise bad_argument("y_pred", y_pred, "a tensor of predictions")
    if y_true is None:
        raise bad_argument("y_true", y_true, "a tensor of targets")
    y_pred = tf.convert_to_tensor(y_pred.value if isinstance(y_pred, keras.Variable) else y_pred)
    if not y_pred.dtype.is_floating:
        y_pred = tf.cast(y_pred, keras.config.floatx())
    y_true = tf.convert_to_tensor(y_true.value if isinstance(y_true, keras.Variable) else y_true)
    return y_true, y_pred


def _k(k: Any) -> int:
    return as_integer(k, "k", minimum=1)


@_keras_name("binary_accuracy")
@symbolic
def metric_binary_accuracy(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Share of elements with ``round(y_pred) == y_true``, averaged over the last axis.

    Example:
        >>> metric_binary_accuracy([[1.0, 0.0]], [[0.8, 0.6]]).numpy()
        array([0.5], dtype=float32)

    Args:
        y_true: Targets, 0 or 1, the shape of ``y_pred``.
        y_pred: Probabilities (rounded half to even: 0.5 counts as 0, as in Keras 2.2.4).

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::metric_binary_accuracy()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    hits = tf.equal(tf.cast(y_true, y_pred.dtype), tf.round(y_pred))
    return tf.reduce_mean(tf.cast(hits, keras.config.floatx()), axis=-1)


@_keras_name("categorical_accuracy")
@symbolic
def metric_categorical_accuracy(y_true: Any, y_pred: Any) -> tf.Tensor:
    """1 where the largest prediction is at the position of the largest target (one-hot), else 0.

    Example:
        >>> metric_categorical_accuracy([[0.0, 1.0], [1.0, 0.0]], [[0.3, 0.7], [0.2, 0.8]]).numpy()
        array([1., 0.], dtype=float32)

    Args:
        y_true: One-hot targets, the shape of ``y_pred``.
        y_pred: Class scores on the last axis.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::metric_categorical_accuracy()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    hits = tf.equal(tf.argmax(y_true, axis=-1), tf.argmax(y_pred, axis=-1))
    return tf.cast(hits, keras.config.floatx())


def _in_top_k(y_pred: tf.Tensor, targets: tf.Tensor, k: int) -> tf.Tensor:
    # tf.math.in_top_k takes float32 scores; classes tied at the k-th score all count as in.
    hits = tf.math.in_top_k(targets=tf.cast(targets, tf.int32), predictions=tf.cast(y_pred, tf.float32), k=k)
    # Keras 2.2.4 took K.mean(..., axis = -1) of the per-sample hits: the batch mean, a scalar.
    return tf.reduce_mean(tf.cast(hits, keras.config.floatx()), axis=-1)


@_keras_name("top_k_categorical_accuracy")
@symbolic
def metric_top_k_categorical_accuracy(y_true: Any, y_pred: Any, k: Any = 5) -> tf.Tensor:
    """Share of samples whose true class (one-hot) is among the ``k`` largest predictions.

    Example:
        >>> float(metric_top_k_categorical_accuracy([[0.0, 0.0, 1.0]], [[0.5, 0.3, 0.2]], k=2))
        0.0

    Args:
        y_true: One-hot targets, the shape of ``y_pred``.
        y_pred: Class scores on the last axis (2-d: samples x classes).
        k: How many of the largest scores count. Defaults to `5`.

    Returns:
        A scalar tensor: the mean over the batch, as Keras 2.2.4 returned.

    Mirrors ``keras::metric_top_k_categorical_accuracy()``.
    """
    k = _k(k)
    y_true, y_pred = _pair(y_true, y_pred)
    return _in_top_k(y_pred, tf.argmax(y_true, axis=-1), k)


@_keras_name("sparse_top_k_categorical_accuracy")
@symbolic
def metric_sparse_top_k_categorical_accuracy(y_true: Any, y_pred: Any, k: Any = 5) -> tf.Tensor:
    """Share of samples whose class label (**0-based**) is among the ``k`` largest predictions.

    Example:
        >>> scores = [[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]]
        >>> float(metric_sparse_top_k_categorical_accuracy([[0.0], [2.0]], scores, k=1))
        1.0

    Args:
        y_true: Class labels ``0 .. classes - 1``, one per sample (a vector or a one-column matrix).
        y_pred: Class scores on the last axis (2-d: samples x classes).
        k: How many of the largest scores count. Defaults to `5`.

    Returns:
        A scalar tensor: the mean over the batch, as Keras 2.2.4 returned.

    Mirrors ``keras::metric_sparse_top_k_categorical_accuracy()``.
    """
    k = _k(k)
    y_true, y_pred = _pair(y_true, y_pred)
    if y_true.dtype.is_floating and not tf.is_symbolic_tensor(y_true):
        values = y_true.numpy()
        if (values != values.round()).any():
            raise bad_argument("y_true", y_true, "whole-number class labels (0-based)")
    return _in_top_k(y_pred, tf.reshape(y_true, [-1]), k)


def _from_loss(loss: Callable[..., Any], name: str, doc: str) -> Callable[..., Any]:
    """A metric that is the loss function of the same name, as in Keras 2.2.4."""
    @symbolic
    def metric(y_true: Any, y_pred: Any) -> tf.Tensor:
        return loss(y_true, y_pred)

    metric.__doc__ = doc
    metric.__qualname__ = f"metric_{name}"
    metric.__module__ = __name__
    return _keras_name(name)(metric)


def _doc(name: str, what: str) -> str:
    return f"""{what}, per sample: the same function as :func:`loss_{name}`.

    Example:
        >>> values = metric_{name}(y_true, y_pred)

    Args:
        y_true: Targets.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::metric_{name}()``.
    """


metric_binary_crossentropy = _from_loss(
    losses.loss_binary_crossentropy, "binary_crossentropy",
    _doc("binary_crossentropy", "Binary cross-entropy"))
metric_categorical_crossentropy = _from_loss(
    losses.loss_categorical_crossentropy, "categorical_crossentropy",
    _doc("categorical_crossentropy", "Categorical cross-entropy"))
metric_cosine_proximity = _from_loss(
    losses.loss_cosine_proximity, "cosine_proximity", _doc("cosine_proximity", "Negative cosine similarity"))
metric_hinge = _from_loss(losses.loss_hinge, "hinge", _doc("hinge", "Hinge loss"))
metric_kullback_leibler_divergence = _from_loss(
    losses.loss_kullback_leibler_divergence, "kullback_leibler_divergence",
    _doc("kullback_leibler_divergence", "Kullback-Leibler divergence"))
metric_mean_absolute_error = _from_loss(
    losses.loss_mean_absolute_error, "mean_absolute_error",
    _doc("mean_absolute_error", "Mean absolute error"))
metric_mean_absolute_percentage_error = _from_loss(
    losses.loss_mean_absolute_percentage_error, "mean_absolute_percentage_error",
    _doc("mean_absolute_percentage_error", "Mean absolute percentage error"))
metric_mean_squared_error = _from_loss(
    losses.loss_mean_squared_error, "mean_squared_error", _doc("mean_squared_error", "Mean squared error"))
metric_mean_squared_logarithmic_error = _from_loss(
    losses.loss_mean_squared_logarithmic_error, "mean_squared_logarithmic_error",
    _doc("mean_squared_logarithmic_error", "Mean squared logarithmic error"))
metric_poisson = _from_loss(losses.loss_poisson, "poisson", _doc("poisson", "Poisson loss"))
metric_sparse_categorical_crossentropy = _from_loss(
    losses.loss_sparse_categorical_crossentropy, "sparse_categorical_crossentropy",
    _doc("sparse_categorical_crossentropy", "Sparse categorical cross-entropy (0-based labels)"))
metric_squared_hinge = _from_loss(
    losses.loss_squared_hinge, "squared_hinge", _doc("squared_hinge", "Squared hinge"))


def custom_metric(name: Any, metric_fn: Any) -> Callable[[Any, Any], Any]:
    """Name a metric function ``(y_true, y_pred)`` for ``compile(metrics = ...)``.

    The name is what training logs and the history show (``history$metrics$mean_pred``).

    Example:
        >>> metric_mean_pred = custom_metric("mean_pred", lambda y_true, y_pred: k_mean(y_pred))

    Args:
        name: The metric's name, a non-empty string.
        metric_fn: A function of ``(y_true, y_pred)`` returning a tensor (per sample, or a scalar).

    Returns:
        A function of ``(y_true, y_pred)`` named ``name``.

    Mirrors ``keras::custom_metric()`` of R keras 2.2.4.
    """
    if isinstance(name, (list, tuple)) and len(name) == 1:
        name = name[0]
    if not isinstance(name, str) or not name:
        raise bad_argument("name", name, "a non-empty string", TypeError)
    if not callable(metric_fn):
        raise bad_argument("metric_fn", metric_fn, "a function of (y_true, y_pred)", TypeError)

    def metric(y_true: Any, y_pred: Any) -> Any:
        return metric_fn(y_true, y_pred)

    metric.__name__ = name
    metric.__qualname__ = name
    metric.py_function_name = name
    return metric
