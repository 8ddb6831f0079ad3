"""``loss_*``: the R keras 2.x loss functions, returning one loss per sample.

Each is a plain function of ``(y_true, y_pred)`` that averages (or sums) over the last axis only,
as R keras 2.x (``keras$losses$...``) did; average the result yourself (``tf$reduce_mean``) for a
scalar. Being plain functions, they also serve as ``loss =`` in ``compile()``, and as metrics.

The formulas are Keras 2.2.4's, written out here where Keras 3 changed or dropped them: Keras 3
has no ``cosine_proximity`` (its ``cosine_similarity`` loss has the same sign, under another name),
and its ``hinge``/``squared_hinge`` turn 0/1 targets into -1/1, where Keras 2.2.4 used the targets
as given (so pass -1/1 targets, as in 2018).
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.errors import bad_argument
from .backend import symbolic

__all__ = [
    "loss_mean_squared_error", "loss_binary_crossentropy", "loss_sparse_categorical_crossentropy",
    "loss_mean_absolute_error", "loss_mean_absolute_percentage_error", "loss_mean_squared_logarithmic_error",
    "loss_squared_hinge", "loss_hinge", "loss_categorical_hinge", "loss_logcosh",
    "loss_categorical_crossentropy", "loss_kullback_leibler_divergence", "loss_poisson",
    "loss_cosine_proximity",
]


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise bad_argument(name, value, "TRUE or FALSE")
    return bool(value)


def _predictions(y_pred: Any) -> tf.Tensor:
    if y_pred is None:
        raise bad_argument("y_pred", y_pred, "a tensor of predictions")
    y_pred = tf.convert_to_tensor(y_pred)
    if not y_pred.dtype.is_floating:
        y_pred = tf.cast(y_pred, keras.config.floatx())
    return y_pred


def _targets(y_true: Any, y_pred: tf.Tensor) -> tf.Tensor:
    if y_true is None:
        raise bad_argument("y_true", y_true, "a tensor of targets")
    # R sends doubles (and Python lists give float32): targets take the predictions' dtype.
    return tf.cast(tf.convert_to_tensor(y_true), y_pred.dtype)


def _named(name: str) -> Any:
    """Record the Keras name R keras 2.x gave the function (its ``py_function_name``)."""
    def mark(fn: Any) -> Any:
        fn.py_function_name = name
        return fn
    return mark


def _pair(y_true: Any, y_pred: Any) -> tuple[tf.Tensor, tf.Tensor]:
    y_pred = _predictions(y_pred)
    return _targets(y_true, y_pred), y_pred


def _epsilon(like: tf.Tensor) -> tf.Tensor:
    return tf.constant(keras.config.epsilon(), like.dtype)


@_named("mean_squared_error")
@symbolic
def loss_mean_squared_error(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Mean of ``(y_true - y_pred)^2`` over the last axis: one value per sample.

    Example:
        >>> loss_mean_squared_error([[0.0, 1.0]], [[1.0, 1.0]]).numpy()
        array([0.5], dtype=float32)

    Args:
        y_true: Targets, the shape of ``y_pred``.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_mean_squared_error()``.
    """
    y_pred = _predictions(y_pred)
    return keras.losses.mean_squared_error(_targets(y_true, y_pred), y_pred)


@_named("binary_crossentropy")
@symbolic
def loss_binary_crossentropy(y_true: Any, y_pred: Any, from_logits: bool = False) -> tf.Tensor:
    """Binary cross-entropy averaged over the last axis: one value per sample.

    Probabilities are clipped to ``[k_epsilon(), 1 - k_epsilon()]`` as in Keras 2.

    Example:
        >>> loss_binary_crossentropy([[1.0, 0.0]], [[0.9, 0.2]]).numpy().round(4)
        array([0.1643], dtype=float32)

    Args:
        y_true: Targets in ``[0, 1]``, the shape of ``y_pred``.
        y_pred: Probabilities, or logits when ``from_logits``.
        from_logits: Whether ``y_pred`` are logits. Defaults to `False`.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_binary_crossentropy()``.
    """
    y_pred = _predictions(y_pred)
    return keras.losses.binary_crossentropy(_targets(y_true, y_pred), y_pred,
                                            from_logits=_flag(from_logits, "from_logits"))


@_named("sparse_categorical_crossentropy")
@symbolic
def loss_sparse_categorical_crossentropy(y_true: Any, y_pred: Any, from_logits: bool = False) -> tf.Tensor:
    """Categorical cross-entropy with integer class labels (**0-based**, as in R keras 2.x).

    Example:
        >>> loss_sparse_categorical_crossentropy([1], [[0.25, 0.5, 0.25]]).numpy().round(4)
        array([0.6931], dtype=float32)

    Args:
        y_true: Class labels ``0 .. classes - 1``, shaped like ``y_pred`` less its last axis (or
            with a last axis of length 1). Whole-number doubles (R's ``c(0, 2)``) are accepted.
        y_pred: Class probabilities (last axis), or logits when ``from_logits``.
        from_logits: Whether ``y_pred`` are logits. Defaults to `False`.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_sparse_categorical_crossentropy()``.
    """
    y_pred = _predictions(y_pred)
    if y_true is None:
        raise bad_argument("y_true", y_true, "a tensor of class labels")
    labels = tf.convert_to_tensor(y_true)
    if not tf.is_symbolic_tensor(labels) and labels.dtype.is_floating:
        values = labels.numpy()
        if not np.all(np.isfinite(values)) or np.any(values != np.round(values)):
            raise bad_argument("y_true", y_true, "whole-number class labels (0-based)")
    num_classes = y_pred.shape[-1]
    if not tf.is_symbolic_tensor(labels) and num_classes is not None:
        values = labels.numpy()
        if values.size and (values.min() < 0 or values.max() >= num_classes):
            raise bad_argument("y_true", y_true, f"class labels between 0 and {num_classes - 1} (0-based)")
    from_logits = _flag(from_logits, "from_logits")
    return keras.losses.sparse_categorical_crossentropy(labels, y_pred, from_logits=from_logits)


@_named("mean_absolute_error")
@symbolic
def loss_mean_absolute_error(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Mean of ``abs(y_pred - y_true)`` over the last axis: one value per sample.

    Example:
        >>> loss_mean_absolute_error([[0.0, 1.0]], [[1.0, 3.0]]).numpy()
        array([1.5], dtype=float32)

    Args:
        y_true: Targets, the shape of ``y_pred``.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_mean_absolute_error()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return tf.reduce_mean(tf.abs(y_pred - y_true), axis=-1)


@_named("mean_absolute_percentage_error")
@symbolic
def loss_mean_absolute_percentage_error(y_true: Any, y_pred: Any) -> tf.Tensor:
    """``100 * mean(abs((y_true - y_pred) / max(abs(y_true), k_epsilon())))`` over the last axis.

    Example:
        >>> loss_mean_absolute_percentage_error([[2.0, 4.0]], [[1.0, 5.0]]).numpy()
        array([37.5], dtype=float32)

    Args:
        y_true: Targets, the shape of ``y_pred``.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_mean_absolute_percentage_error()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    diff = tf.abs((y_true - y_pred) / tf.maximum(tf.abs(y_true), _epsilon(y_true)))
    return 100.0 * tf.reduce_mean(diff, axis=-1)


@_named("mean_squared_logarithmic_error")
@symbolic
def loss_mean_squared_logarithmic_error(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Mean of ``(log(1 + y_pred) - log(1 + y_true))^2`` over the last axis (both floored at ``k_epsilon()``).

    Example:
        >>> loss_mean_squared_logarithmic_error([[np.e - 1]], [[0.0]]).numpy().round(4)
        array([1.], dtype=float32)

    Args:
        y_true: Targets, the shape of ``y_pred``.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_mean_squared_logarithmic_error()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    eps = _epsilon(y_pred)
    first = tf.math.log(tf.maximum(y_pred, eps) + 1.0)
    second = tf.math.log(tf.maximum(y_true, eps) + 1.0)
    return tf.reduce_mean(tf.square(first - second), axis=-1)


@_named("squared_hinge")
@symbolic
def loss_squared_hinge(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Mean of ``max(1 - y_true * y_pred, 0)^2`` over the last axis; targets are -1 or 1.

    Targets are used as given, as in Keras 2.2.4 (Keras 3 maps 0/1 targets to -1/1).

    Example:
        >>> loss_squared_hinge([[1.0, -1.0]], [[0.5, 0.5]]).numpy()
        array([1.25], dtype=float32)

    Args:
        y_true: Targets, -1 or 1, the shape of ``y_pred``.
        y_pred: Predictions (scores).

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_squared_hinge()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return tf.reduce_mean(tf.square(tf.maximum(1.0 - y_true * y_pred, 0.0)), axis=-1)


@_named("hinge")
@symbolic
def loss_hinge(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Mean of ``max(1 - y_true * y_pred, 0)`` over the last axis; targets are -1 or 1.

    Targets are used as given, as in Keras 2.2.4 (Keras 3 maps 0/1 targets to -1/1).

    Example:
        >>> loss_hinge([[1.0, -1.0]], [[0.5, 0.5]]).numpy()
        array([1.], dtype=float32)

    Args:
        y_true: Targets, -1 or 1, the shape of ``y_pred``.
        y_pred: Predictions (scores).

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_hinge()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return tf.reduce_mean(tf.maximum(1.0 - y_true * y_pred, 0.0), axis=-1)


@_named("categorical_hinge")
@symbolic
def loss_categorical_hinge(y_true: Any, y_pred: Any) -> tf.Tensor:
    """``max(0, max((1 - y_true) * y_pred) - sum(y_true * y_pred) + 1)`` over the last axis (one-hot targets).

    Example:
        >>> loss_categorical_hinge([[0.0, 1.0]], [[0.6, 0.4]]).numpy()
        array([1.2], dtype=float32)

    Args:
        y_true: One-hot targets, the shape of ``y_pred``.
        y_pred: Predictions (scores).

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_categorical_hinge()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    pos = tf.reduce_sum(y_true * y_pred, axis=-1)
    neg = tf.reduce_max((1.0 - y_true) * y_pred, axis=-1)
    return tf.maximum(0.0, neg - pos + 1.0)


@_named("logcosh")
@symbolic
def loss_logcosh(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Mean of ``log(cosh(y_pred - y_true))`` over the last axis (computed without overflow).

    Example:
        >>> loss_logcosh([[0.0]], [[1.0]]).numpy().round(4)
        array([0.4338], dtype=float32)

    Args:
        y_true: Targets, the shape of ``y_pred``.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_logcosh()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    x = y_pred - y_true
    # log(cosh(x)) = x + log(1 + exp(-2x)) - log(2), finite for large |x|, as Keras 2.2.4 wrote it.
    return tf.reduce_mean(x + tf.nn.softplus(-2.0 * x) - tf.cast(np.log(2.0), x.dtype), axis=-1)


@_named("categorical_crossentropy")
@symbolic
def loss_categorical_crossentropy(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Categorical cross-entropy ``-sum(y_true * log(y_pred))`` over the last axis (one-hot targets).

    As in Keras 2.2.4, ``y_pred`` is first scaled to sum to 1 over the last axis and clipped to
    ``[k_epsilon(), 1 - k_epsilon()]``.

    Example:
        >>> loss_categorical_crossentropy([[0.0, 1.0]], [[0.5, 0.5]]).numpy().round(4)
        array([0.6931], dtype=float32)

    Args:
        y_true: One-hot targets (or class probabilities), the shape of ``y_pred``.
        y_pred: Class probabilities on the last axis.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_categorical_crossentropy()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    eps = _epsilon(y_pred)
    y_pred = y_pred / tf.reduce_sum(y_pred, axis=-1, keepdims=True)
    y_pred = tf.clip_by_value(y_pred, eps, 1.0 - eps)
    return -tf.reduce_sum(y_true * tf.math.log(y_pred), axis=-1)


@_named("kullback_leibler_divergence")
@symbolic
def loss_kullback_leibler_divergence(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Kullback-Leibler divergence ``sum(y_true * log(y_true / y_pred))`` over the last axis.

    Both are clipped to ``[k_epsilon(), 1]`` first, as in Keras 2.2.4.

    Example:
        >>> loss_kullback_leibler_divergence([[0.5, 0.5]], [[0.25, 0.75]]).numpy().round(4)
        array([0.1438], dtype=float32)

    Args:
        y_true: Target distributions, the shape of ``y_pred``.
        y_pred: Predicted distributions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_kullback_leibler_divergence()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    eps = _epsilon(y_pred)
    y_true = tf.clip_by_value(y_true, eps, 1.0)
    y_pred = tf.clip_by_value(y_pred, eps, 1.0)
    return tf.reduce_sum(y_true * tf.math.log(y_true / y_pred), axis=-1)


@_named("poisson")
@symbolic
def loss_poisson(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Poisson loss, the mean of ``y_pred - y_true * log(y_pred + k_epsilon())`` over the last axis.

    Example:
        >>> loss_poisson([[1.0]], [[1.0]]).numpy()
        array([1.], dtype=float32)

    Args:
        y_true: Targets (counts), the shape of ``y_pred``.
        y_pred: Predicted rates.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_poisson()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return tf.reduce_mean(y_pred - y_true * tf.math.log(y_pred + _epsilon(y_pred)), axis=-1)


@_named("cosine_proximity")
@symbolic
def loss_cosine_proximity(y_true: Any, y_pred: Any) -> tf.Tensor:
    """Negative cosine similarity ``-sum(l2_normalize(y_true) * l2_normalize(y_pred))`` over the last axis.

    -1 when the vectors point the same way, 1 when opposite. Keras 3 dropped the name (its
    ``cosine_similarity`` loss computes the same); this keeps Keras 2.2.4's.

    Example:
        >>> loss_cosine_proximity([[1.0, 0.0]], [[2.0, 0.0]]).numpy()
        array([-1.], dtype=float32)

    Args:
        y_true: Targets, the shape of ``y_pred``.
        y_pred: Predictions.

    Returns:
        A tensor with the shape of ``y_pred`` less its last axis.

    Mirrors ``keras::loss_cosine_proximity()``.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    y_true = tf.math.l2_normalize(y_true, axis=-1)
    y_pred = tf.math.l2_normalize(y_pred, axis=-1)
    return -tf.reduce_sum(y_true * y_pred, axis=-1)
