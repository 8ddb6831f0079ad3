"""Activation layers (R keras 2.x ``layers-activations.R``, Keras 2's ``advanced_activations``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_integer, as_number
from .layer_arguments import _make_layer

__all__ = ["layer_activation_leaky_relu", "layer_activation_relu", "layer_activation_parametric_relu",
           "layer_activation_thresholded_relu", "layer_activation_elu", "layer_activation_softmax",
           "layer_activation_selu"]


def layer_activation_leaky_relu(object: Any = None, alpha: Any = 0.3, name: str | None = None,
                                **kwargs: Any) -> Any:
    """Leaky ReLU: ``x`` for ``x >= 0``, ``alpha * x`` otherwise.

    Example:
        >>> layer = layer_activation_leaky_relu(alpha=0.2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        alpha: Slope for negative inputs, a number >= 0 (Keras 3 calls it ``negative_slope``).
            Defaults to `0.3`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_leaky_relu()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.LeakyReLU, object, dict(kwargs, name=name),
                       negative_slope=as_number(alpha, "alpha", low=0))


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class ReLU(keras.layers.ReLU):
    """``keras.layers.ReLU`` computed with Keras 2's formula, which also takes a negative ``threshold``.

    Keras 2: ``y = x * (x > threshold)``, clipped to ``[0, max_value]`` when ``max_value`` is set,
    minus ``negative_slope * relu(threshold - x)``. Keras 3 refuses a negative threshold.
    """

    def __init__(self, max_value: Any = None, negative_slope: float = 0.0, threshold: float = 0.0,
                 **kwargs: Any):
        super().__init__(max_value=max_value, negative_slope=negative_slope, threshold=max(threshold, 0.0),
                         **kwargs)
        self.threshold = threshold

    def call(self, inputs: Any) -> Any:
        ops = keras.ops
        x = ops.convert_to_tensor(inputs, dtype=self.compute_dtype)
        y = x * ops.cast(ops.greater(x, self.threshold), x.dtype)
        if self.max_value is not None:
            y = ops.clip(y, 0.0, self.max_value)
        if self.negative_slope:
            y = y - self.negative_slope * ops.relu(self.threshold - x)
        return y


def layer_activation_relu(object: Any = None, max_value: Any = None, negative_slope: Any = 0.0,
                          threshold: Any = 0.0, name: str | None = None, **kwargs: Any) -> Any:
    """Rectified linear unit: ``x`` from ``threshold`` to ``max_value``, a slope below ``threshold``.

    Below ``threshold`` the output is ``negative_slope * (x - threshold)`` (Keras 2's formula).

    Example:
        >>> layer = layer_activation_relu(max_value=6)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        max_value: The largest output, a number >= 0, or `None` for no limit. Defaults to `None`.
        negative_slope: Slope below ``threshold``, a number >= 0. Defaults to `0`.
        threshold: Where the identity begins. Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_relu()`` of R keras 2.x.
    """
    return _make_layer(ReLU, object, dict(kwargs, name=name),
                       max_value=as_number(max_value, "max_value", low=0, allow_none=True),
                       negative_slope=as_number(negative_slope, "negative_slope", low=0),
                       threshold=as_number(threshold, "threshold"))


def _shared_axes(value: Any) -> Any:
    if value is None:
        return None
    values = np.asarray(value, dtype="O").reshape(-1).tolist()
    return [as_integer(v, f"shared_axes[{i + 1}]", minimum=1) for i, v in enumerate(values)]


def layer_activation_parametric_relu(object: Any = None, alpha_initializer: Any = "zeros",
                                     alpha_regularizer: Any = None, alpha_constraint: Any = None,
                                     shared_axes: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Parametric ReLU: ``x`` for ``x >= 0``, ``alpha * x`` otherwise, with ``alpha`` learned per unit.

    Example:
        >>> layer = layer_activation_parametric_relu(shared_axes=(1, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        alpha_initializer: Initializer of ``alpha``. Defaults to `"zeros"`.
        alpha_regularizer: Defaults to `None`.
        alpha_constraint: Defaults to `None`.
        shared_axes: Axes along which ``alpha`` is shared, counted after the batch axis from 1
            (``c(1, 2)`` for one ``alpha`` per channel of images). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_parametric_relu()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.PReLU, object, dict(kwargs, name=name),
                       alpha_initializer=alpha_initializer, alpha_regularizer=alpha_regularizer,
                       alpha_constraint=alpha_constraint, shared_axes=_shared_axes(shared_axes))


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class ThresholdedReLU(keras.layers.Layer):
    """Keras 2's ``ThresholdedReLU`` (dropped by Keras 3): ``x`` where ``x > theta``, else 0."""

    def __init__(self, theta: float = 1.0, **kwargs: Any):
        super().__init__(**kwargs)
        self.theta = float(theta)
        self.supports_masking = True

    def call(self, inputs: Any) -> Any:
        x = keras.ops.convert_to_tensor(inputs, dtype=self.compute_dtype)
        return x * keras.ops.cast(keras.ops.greater(x, self.theta), x.dtype)

    def compute_output_shape(self, input_shape: Any) -> Any:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "theta": self.theta}


def layer_activation_thresholded_relu(object: Any = None, theta: Any = 1.0, name: str | None = None,
                                      **kwargs: Any) -> Any:
    """Thresholded ReLU: ``x`` where ``x > theta``, 0 elsewhere.

    Keras 3 dropped this layer; it is rebuilt here with Keras 2's formula.

    Example:
        >>> layer = layer_activation_thresholded_relu(theta=0.5)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        theta: The threshold, a number. Defaults to `1`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_thresholded_relu()`` of R keras 2.x.
    """
    return _make_layer(ThresholdedReLU, object, dict(kwargs, name=name), theta=as_number(theta, "theta"))


def layer_activation_elu(object: Any = None, alpha: Any = 1.0, name: str | None = None, **kwargs: Any) -> Any:
    """Exponential linear unit: ``x`` for ``x >= 0``, ``alpha * (exp(x) - 1)`` otherwise.

    Example:
        >>> layer = layer_activation_elu(alpha=0.5)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        alpha: Scale of the negative part, a number. Defaults to `1`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_elu()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.ELU, object, dict(kwargs, name=name), alpha=as_number(alpha, "alpha"))


def layer_activation_softmax(object: Any = None, axis: Any = -1, name: str | None = None,
                             **kwargs: Any) -> Any:
    """Softmax along ``axis``: ``exp(x) / sum(exp(x))``.

    Example:
        >>> layer = layer_activation_softmax()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        axis: The axis to normalise, passed on unchanged as R keras 2.x did (`-1`: the last axis,
            `1`: the first after the batch axis). Defaults to `-1`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_softmax()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.Softmax, object, dict(kwargs, name=name), axis=as_integer(axis, "axis"))


def layer_activation_selu(object: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Scaled exponential linear unit: ``scale * elu(x, alpha)`` with Klambauer et al.'s constants.

    Example:
        >>> layer = layer_activation_selu()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_selu()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.Activation, object, dict(kwargs, name=name), activation="selu")
