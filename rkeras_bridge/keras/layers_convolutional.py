"""Convolutional layers (R keras 2.x ``layers-convolutional.R``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument
from .layer_arguments import _activation, _int_tuple, _make_layer

__all__ = ["layer_conv_2d", "layer_conv_2d_transpose", "layer_zero_padding_2d"]


def _conv_arguments(filters: Any, kernel_size: Any, strides: Any, padding: Any, dilation_rate: Any,
                    activation: Any, use_bias: Any) -> dict[str, Any]:
    if padding not in ("valid", "same"):
        raise bad_argument("padding", padding, '"valid" or "same"')
    return {
        "filters": as_integer(filters, "filters", minimum=1),
        "kernel_size": _int_tuple(kernel_size, "kernel_size"),
        "strides": _int_tuple(strides, "strides"),
        "padding": padding,
        "dilation_rate": _int_tuple(dilation_rate, "dilation_rate"),
        "activation": _activation(activation),
        "use_bias": as_flag(use_bias, "use_bias"),
    }


def layer_conv_2d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", data_format: str | None = None, dilation_rate: Any = (1, 1),
    activation: Any = None, use_bias: bool = True, kernel_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", kernel_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, bias_constraint: Any = None,
    name: str | None = None, **kwargs: Any,
) -> Any:
    """2-d convolution over images (``channels_last``: batch, rows, cols, channels).

    Example:
        >>> layer = layer_conv_2d(filters=32, kernel_size=(3, 3), activation="relu")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or two (height, width).
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `None` (Keras' setting,
            channels last).
        dilation_rate: One integer or two. Defaults to `(1, 1)`.
        activation: Defaults to `None` (linear).
        use_bias: Defaults to `True`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Conv2D`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_2d()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.Conv2D, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias),
        data_format=data_format, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        bias_constraint=bias_constraint,
    )


def layer_conv_2d_transpose(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", output_padding: Any = None, data_format: str | None = None,
    dilation_rate: Any = (1, 1), activation: Any = None, use_bias: bool = True,
    kernel_initializer: Any = "glorot_uniform", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    kernel_constraint: Any = None, bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Transposed 2-d convolution ("deconvolution"), e.g. to upsample in a generator.

    Example:
        >>> layer = layer_conv_2d_transpose(filters=64, kernel_size=5, strides=2, padding="same")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or two.
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        output_padding: Extra size along height and width: one integer or two, each less than the
            stride. Defaults to `None` (inferred).
        data_format: Defaults to `None` (channels last).
        dilation_rate: Defaults to `(1, 1)`.
        activation: Defaults to `None`.
        use_bias: Defaults to `True`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Conv2DTranspose`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_2d_transpose()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.Conv2DTranspose, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias),
        output_padding=(None if output_padding is None
                        else _int_tuple(output_padding, "output_padding", minimum=0)),
        data_format=data_format, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        bias_constraint=bias_constraint,
    )


def layer_zero_padding_2d(object: Any = None, padding: Any = (1, 1), data_format: str | None = None,
                          name: str | None = None, **kwargs: Any) -> Any:
    """Adds rows and columns of zeros around an image.

    Example:
        >>> layer = layer_zero_padding_2d(padding=(1, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        padding: One integer (all sides), two (rows top and bottom, columns left and right), or a
            list of two pairs ``list(c(top, bottom), c(left, right))``. Defaults to `(1, 1)`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_zero_padding_2d()`` of R keras 2.x.
    """
    if isinstance(padding, (list, tuple)) and len(padding) == 2 and any(
            isinstance(p, (list, tuple, np.ndarray)) and np.size(p) > 1 for p in padding):
        value: Any = tuple(_int_tuple(p, f"padding[{i + 1}]", minimum=0) for i, p in enumerate(padding))
    else:
        value = _int_tuple(padding, "padding", minimum=0)
    return _make_layer(keras.layers.ZeroPadding2D, object, dict(kwargs, name=name), padding=value,
                       data_format=data_format)
