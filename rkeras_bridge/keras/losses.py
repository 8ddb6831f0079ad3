"""``loss_*``: the R keras 2.x loss functions, returning one loss per sample.

Each is a plain function of ``(y_true, y_pred)`` that averages over the last axis only, as R
keras 2.x (``keras$losses$...``) did; average the result yourself (``tf$reduce_mean``) for a
scalar. Being plain functions, they also serve as ``loss =`` in ``compile()``.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.errors import bad_argument

__all__ = ["loss_mean_squared_error", "loss_binary_crossentropy", "loss_sparse_categorical_crossentropy"]


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
