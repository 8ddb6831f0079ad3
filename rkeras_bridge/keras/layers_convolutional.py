"""Convolutional layers (R keras 2.x ``layers-convolutional.R``).

Convolutions (1-d, 2-d, 3-d, transposed, separable, depthwise), upsampling, zero padding, cropping
and the convolutional LSTM, with keras 2.2.4's arguments and defaults. Two layers keep Keras 2
behaviour that Keras 3 changed:

* ``layer_upsampling_2d(interpolation = "bilinear")`` interpolates as Keras 2 on TensorFlow did
  (``tf.image.resize_bilinear`` with ``align_corners = FALSE`` and no half-pixel centres); Keras 3
  samples at half-pixel centres, which gives other numbers.
* ``layer_cropping_1d/2d/3d`` may crop a dimension away entirely (size 0), as Keras 2 did;
  Keras 3 refuses that. Cropping more than a dimension holds is still an error.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer, as_number
from ..bridge.errors import bad_argument
from .layer_arguments import _activation, _int_tuple, _make_layer

__all__ = [
    "layer_conv_1d", "layer_conv_2d", "layer_conv_3d", "layer_conv_2d_transpose", "layer_conv_3d_transpose",
    "layer_separable_conv_1d", "layer_separable_conv_2d", "layer_depthwise_conv_2d",
    "layer_upsampling_1d", "layer_upsampling_2d", "layer_upsampling_3d",
    "layer_zero_padding_1d", "layer_zero_padding_2d", "layer_zero_padding_3d",
    "layer_cropping_1d", "layer_cropping_2d", "layer_cropping_3d", "layer_conv_lstm_2d",
]


# --- argument checks shared by the spatial layers (also used by layers_pooling, layers_locally_connected)


def _padding(value: Any, allowed: tuple[str, ...] = ("valid", "same"), name: str = "padding") -> str:
    # Keras 2 read padding names case-insensitively ("SAME" worked).
    if isinstance(value, str) and value.lower() in allowed:
        return value.lower()
    raise bad_argument(name, value, " or ".join(f'"{a}"' for a in allowed))


def _data_format(value: Any) -> str | None:
    if value is None or value in ("channels_last", "channels_first"):
        return value
    raise bad_argument("data_format", value, '"channels_last", "channels_first" or NULL/None')


def _pairs(value: Any, name: str, n: int) -> tuple[tuple[int, int], ...]:
    """Padding or cropping of ``n`` dimensions as ``n`` (before, after) pairs.

    One integer means every side; ``n`` integers one amount per dimension on both sides (for one
    dimension, two integers are its before and after); a list of ``n`` pairs gives each side.
    """
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if n == 1:
        if isinstance(value, (list, tuple)) and len(value) == 1 and isinstance(value[0], (list, tuple)):
            value = value[0]
        return (_int_tuple(value, name, n=2, minimum=0),)  # type: ignore[return-value]
    if isinstance(value, (list, tuple)) and any(isinstance(v, (list, tuple, np.ndarray)) for v in value):
        if len(value) != n:
            raise bad_argument(name, value, f"one integer, {n} integers, or a list of {n} pairs of integers")
        return tuple(_int_tuple(v, f"{name}[{i + 1}]", n=2, minimum=0)  # type: ignore[misc]
                     for i, v in enumerate(value))
    try:
        amounts = _int_tuple(value, name, n=n, minimum=0)
    except ValueError:
        expected = f"one integer, {n} integers, or a list of {n} pairs of integers"
        raise bad_argument(name, value, expected) from None
    return tuple((a, a) for a in amounts)


def _size(value: Any, name: str, n: int) -> tuple[int, ...]:
    """A window size or stride: one positive integer or ``n`` of them (``NULL`` refused by name)."""
    if value is None:
        raise bad_argument(name, value, f"one integer or {n} integers, not NULL/None")
    return _int_tuple(value, name, n=n)


def _conv_arguments(filters: Any, kernel_size: Any, strides: Any, padding: Any, dilation_rate: Any,
                    activation: Any, use_bias: Any, *, rank: int = 2,
                    paddings: tuple[str, ...] = ("valid", "same")) -> dict[str, Any]:
    arguments = {
        "kernel_size": _size(kernel_size, "kernel_size", rank),
        "strides": _size(strides, "strides", rank),
        "padding": _padding(padding, paddings),
        "activation": _activation(activation),
        "use_bias": as_flag(use_bias, "use_bias"),
    }
    if filters is not _NO_FILTERS:
        arguments["filters"] = as_integer(filters, "filters", minimum=1)
    if dilation_rate is not None:
        arguments["dilation_rate"] = _int_tuple(dilation_rate, "dilation_rate", n=rank)
        if max(arguments["strides"]) > 1 and max(arguments["dilation_rate"]) > 1:
            raise bad_argument("dilation_rate", dilation_rate,
                               "1 in every dimension when `strides` is not 1 (Keras cannot combine them)")
    return arguments


_NO_FILTERS = object()  # depthwise convolutions have no `filters`


# --- convolutions ---------------------------------------------------------------------------------


def layer_conv_1d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = 1,
    padding: str = "valid", data_format: str | None = "channels_last", dilation_rate: Any = 1,
    activation: Any = None, use_bias: bool = True, kernel_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", kernel_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, bias_constraint: Any = None,
    name: str | None = None, **kwargs: Any,
) -> Any:
    """1-d (temporal) convolution over sequences (batch, steps, channels).

    Example:
        >>> layer = layer_conv_1d(filters=8, kernel_size=3, padding="causal")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: Length of the convolution window, one integer.
        strides: Stride, one integer. Defaults to `1`.
        padding: `"valid"`, `"same"` or `"causal"` (output ``t`` sees inputs up to ``t`` only).
            Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `"channels_last"`.
        dilation_rate: Dilation, one integer (not with ``strides`` > 1). Defaults to `1`.
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
        **kwargs: Common layer arguments or further ``keras.layers.Conv1D`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_1d()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.Conv1D, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias, rank=1,
                          paddings=("valid", "same", "causal")),
        data_format=_data_format(data_format), kernel_initializer=kernel_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
    )


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
        data_format=_data_format(data_format), kernel_initializer=kernel_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
    )


def layer_conv_3d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1, 1),
    padding: str = "valid", data_format: str | None = None, dilation_rate: Any = (1, 1, 1),
    activation: Any = None, use_bias: bool = True, kernel_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", kernel_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, bias_constraint: Any = None,
    name: str | None = None, **kwargs: Any,
) -> Any:
    """3-d convolution over volumes (``channels_last``: batch, depth, rows, cols, channels).

    Example:
        >>> layer = layer_conv_3d(filters=4, kernel_size=(3, 3, 3), padding="same")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or three (depth, height, width).
        strides: One integer or three. Defaults to `(1, 1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `None` (channels last).
        dilation_rate: One integer or three. Defaults to `(1, 1, 1)`.
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
        **kwargs: Common layer arguments or further ``keras.layers.Conv3D`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_3d()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.Conv3D, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias,
                          rank=3),
        data_format=_data_format(data_format), kernel_initializer=kernel_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
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
    arguments = _conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias)
    return _make_layer(
        keras.layers.Conv2DTranspose, object, dict(kwargs, name=name), **arguments,
        output_padding=_output_padding(output_padding, arguments["strides"]),
        data_format=_data_format(data_format), kernel_initializer=kernel_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
    )


def _output_padding(value: Any, strides: tuple[int, ...]) -> tuple[int, ...] | None:
    if value is None:
        return None
    padding = _int_tuple(value, "output_padding", n=len(strides), minimum=0)
    if any(p >= s for p, s in zip(padding, strides)):
        raise bad_argument("output_padding", value, f"integers each less than the stride {strides}")
    return padding


def layer_conv_3d_transpose(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1, 1),
    padding: str = "valid", output_padding: Any = None, data_format: str | None = None,
    activation: Any = None, use_bias: bool = True, kernel_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", kernel_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, bias_constraint: Any = None,
    name: str | None = None, **kwargs: Any,
) -> Any:
    """Transposed 3-d convolution ("deconvolution") over volumes.

    Keras 2.2.4's ``Conv3DTranspose`` had no dilation; ``dilation_rate`` may still be given through
    ``...`` (Keras 3 supports it).

    Example:
        >>> layer = layer_conv_3d_transpose(filters=2, kernel_size=2, strides=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or three.
        strides: One integer or three. Defaults to `(1, 1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        output_padding: Extra size along each spatial dimension, one integer or three, each less
            than the stride. Defaults to `None` (inferred).
        data_format: Defaults to `None` (channels last).
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
        **kwargs: Common layer arguments or further ``keras.layers.Conv3DTranspose`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_3d_transpose()`` of R keras 2.x.
    """
    dilation_rate = kwargs.pop("dilation_rate", (1, 1, 1))
    arguments = _conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias,
                                rank=3)
    return _make_layer(
        keras.layers.Conv3DTranspose, object, dict(kwargs, name=name), **arguments,
        output_padding=_output_padding(output_padding, arguments["strides"]),
        data_format=_data_format(data_format), kernel_initializer=kernel_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
    )


def _separable(cls: Any, rank: int, object: Any, filters: Any, kernel_size: Any, strides: Any, padding: Any,
               data_format: Any, dilation_rate: Any, depth_multiplier: Any, activation: Any, use_bias: Any,
               name: Any, kwargs: dict[str, Any], **weights: Any) -> Any:
    return _make_layer(
        cls, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias,
                          rank=rank),
        data_format=_data_format(data_format),
        depth_multiplier=as_integer(depth_multiplier, "depth_multiplier", minimum=1), **weights,
    )


def layer_separable_conv_1d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = 1,
    padding: str = "valid", data_format: str | None = "channels_last", dilation_rate: Any = 1,
    depth_multiplier: Any = 1, activation: Any = None, use_bias: bool = True,
    depthwise_initializer: Any = "glorot_uniform", pointwise_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", depthwise_regularizer: Any = None, pointwise_regularizer: Any = None,
    bias_regularizer: Any = None, activity_regularizer: Any = None, depthwise_constraint: Any = None,
    pointwise_constraint: Any = None, bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Depthwise separable 1-d convolution: a per-channel convolution, then a 1x1 one mixing channels.

    Example:
        >>> layer = layer_separable_conv_1d(filters=4, kernel_size=3, depth_multiplier=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels of the pointwise step, a positive integer.
        kernel_size: Length of the depthwise window, one integer.
        strides: One integer. Defaults to `1`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `"channels_last"`.
        dilation_rate: One integer. Defaults to `1`.
        depth_multiplier: Depthwise output channels per input channel. Defaults to `1`.
        activation: Defaults to `None` (linear).
        use_bias: Defaults to `True`.
        depthwise_initializer: Defaults to `"glorot_uniform"`.
        pointwise_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        depthwise_regularizer: Defaults to `None`.
        pointwise_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        depthwise_constraint: Defaults to `None`.
        pointwise_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.SeparableConv1D`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_separable_conv_1d()`` of R keras 2.x.
    """
    return _separable(
        keras.layers.SeparableConv1D, 1, object, filters, kernel_size, strides, padding, data_format,
        dilation_rate, depth_multiplier, activation, use_bias, name, kwargs,
        depthwise_initializer=depthwise_initializer, pointwise_initializer=pointwise_initializer,
        bias_initializer=bias_initializer, depthwise_regularizer=depthwise_regularizer,
        pointwise_regularizer=pointwise_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, depthwise_constraint=depthwise_constraint,
        pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint,
    )


def layer_separable_conv_2d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", data_format: str | None = None, dilation_rate: Any = 1,
    depth_multiplier: Any = 1, activation: Any = None, use_bias: bool = True,
    depthwise_initializer: Any = "glorot_uniform", pointwise_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", depthwise_regularizer: Any = None, pointwise_regularizer: Any = None,
    bias_regularizer: Any = None, activity_regularizer: Any = None, depthwise_constraint: Any = None,
    pointwise_constraint: Any = None, bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Depthwise separable 2-d convolution: a per-channel convolution, then a 1x1 one mixing channels.

    Example:
        >>> layer = layer_separable_conv_2d(filters=8, kernel_size=3, padding="same")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels of the pointwise step, a positive integer.
        kernel_size: One integer or two.
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        dilation_rate: One integer or two. Defaults to `1`.
        depth_multiplier: Depthwise output channels per input channel. Defaults to `1`.
        activation: Defaults to `None` (linear).
        use_bias: Defaults to `True`.
        depthwise_initializer: Defaults to `"glorot_uniform"`.
        pointwise_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        depthwise_regularizer: Defaults to `None`.
        pointwise_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        depthwise_constraint: Defaults to `None`.
        pointwise_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.SeparableConv2D`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_separable_conv_2d()`` of R keras 2.x.
    """
    return _separable(
        keras.layers.SeparableConv2D, 2, object, filters, kernel_size, strides, padding, data_format,
        dilation_rate, depth_multiplier, activation, use_bias, name, kwargs,
        depthwise_initializer=depthwise_initializer, pointwise_initializer=pointwise_initializer,
        bias_initializer=bias_initializer, depthwise_regularizer=depthwise_regularizer,
        pointwise_regularizer=pointwise_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, depthwise_constraint=depthwise_constraint,
        pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint,
    )


def layer_depthwise_conv_2d(
    object: Any = None, kernel_size: Any = None, strides: Any = (1, 1), padding: str = "valid",
    depth_multiplier: Any = 1, data_format: str | None = None, activation: Any = None, use_bias: bool = True,
    depthwise_initializer: Any = "glorot_uniform", bias_initializer: Any = "zeros",
    depthwise_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    depthwise_constraint: Any = None, bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Depthwise 2-d convolution: each input channel convolved on its own (the first step of a separable one).

    Example:
        >>> layer = layer_depthwise_conv_2d(kernel_size=3, depth_multiplier=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        kernel_size: One integer or two.
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        depth_multiplier: Output channels per input channel. Defaults to `1`.
        data_format: Defaults to `None` (channels last).
        activation: Defaults to `None` (linear).
        use_bias: Defaults to `True`.
        depthwise_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        depthwise_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        depthwise_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.DepthwiseConv2D`` arguments
            (``dilation_rate``, which keras 2.2.4 did not have).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_depthwise_conv_2d()`` of R keras 2.x.
    """
    dilation_rate = kwargs.pop("dilation_rate", (1, 1))
    return _make_layer(
        keras.layers.DepthwiseConv2D, object, dict(kwargs, name=name),
        **_conv_arguments(_NO_FILTERS, kernel_size, strides, padding, dilation_rate, activation, use_bias),
        depth_multiplier=as_integer(depth_multiplier, "depth_multiplier", minimum=1),
        data_format=_data_format(data_format), depthwise_initializer=depthwise_initializer,
        bias_initializer=bias_initializer, depthwise_regularizer=depthwise_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        depthwise_constraint=depthwise_constraint, bias_constraint=bias_constraint,
    )


# --- upsampling -----------------------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class UpSampling2DKeras2(keras.layers.UpSampling2D):
    """``UpSampling2D`` whose bilinear interpolation is Keras 2's (TF1 ``resize_bilinear``).

    Keras 2 on TensorFlow resized with ``align_corners = FALSE`` and without half-pixel centres:
    output pixel ``i`` samples the input at ``i / factor``. Keras 3 samples at
    ``(i + 0.5) / factor - 0.5``. Nearest-neighbour upsampling is the same in both (repetition).
    """

    def _resize_images(self, x: Any, height_factor: int, width_factor: int, data_format: str,
                       interpolation: str = "nearest") -> Any:
        if interpolation != "bilinear":
            return super()._resize_images(x, height_factor, width_factor, data_format, interpolation)
        if data_format == "channels_first":
            x = tf.transpose(x, [0, 2, 3, 1])
        shape = tf.shape(x)
        size = tf.stack([shape[1] * height_factor, shape[2] * width_factor])
        resized = tf.raw_ops.ResizeBilinear(images=x, size=size, align_corners=False,
                                            half_pixel_centers=False)
        resized = tf.cast(resized, x.dtype)
        if data_format == "channels_first":
            resized = tf.transpose(resized, [0, 3, 1, 2])
        return resized


def layer_upsampling_1d(object: Any = None, size: Any = 2, name: str | None = None, **kwargs: Any) -> Any:
    """Repeats each step of a sequence ``size`` times.

    Example:
        >>> layer = layer_upsampling_1d(size=3)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        size: How often each step is repeated, a positive integer. Defaults to `2`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_upsampling_1d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.UpSampling1D, object, dict(kwargs, name=name),
                       size=as_integer(size, "size", minimum=1))


def layer_upsampling_2d(object: Any = None, size: Any = (2, 2), data_format: str | None = None,
                        interpolation: str = "nearest", name: str | None = None, **kwargs: Any) -> Any:
    """Repeats the rows and columns of images (nearest) or interpolates them (bilinear, as Keras 2 did).

    Example:
        >>> layer = layer_upsampling_2d(size=(2, 3), interpolation="bilinear")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        size: Factors for rows and columns, one integer or two. Defaults to `(2, 2)`.
        data_format: Defaults to `None` (channels last).
        interpolation: `"nearest"` or `"bilinear"` (Keras 2's: output pixel ``i`` samples the
            input at ``i / factor``, no half-pixel centres). Defaults to `"nearest"`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_upsampling_2d()`` of R keras 2.x.
    """
    if not isinstance(interpolation, str) or interpolation not in ("nearest", "bilinear"):
        raise bad_argument("interpolation", interpolation, '"nearest" or "bilinear"')
    return _make_layer(UpSampling2DKeras2, object, dict(kwargs, name=name), size=_int_tuple(size, "size"),
                       data_format=_data_format(data_format), interpolation=interpolation)


def layer_upsampling_3d(object: Any = None, size: Any = (2, 2, 2), data_format: str | None = None,
                        name: str | None = None, **kwargs: Any) -> Any:
    """Repeats the slices, rows and columns of volumes.

    Example:
        >>> layer = layer_upsampling_3d(size=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        size: Factors for the three spatial dimensions, one integer or three. Defaults to `(2, 2, 2)`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_upsampling_3d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.UpSampling3D, object, dict(kwargs, name=name),
                       size=_int_tuple(size, "size", n=3), data_format=_data_format(data_format))


# --- zero padding ---------------------------------------------------------------------------------


def layer_zero_padding_1d(object: Any = None, padding: Any = 1, name: str | None = None,
                          **kwargs: Any) -> Any:
    """Adds zeros at the start and end of a sequence.

    Example:
        >>> layer = layer_zero_padding_1d(padding=(2, 0))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        padding: One integer (both ends) or two (start, end). Defaults to `1`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_zero_padding_1d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.ZeroPadding1D, object, dict(kwargs, name=name),
                       padding=_pairs(padding, "padding", 1)[0])


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
    return _make_layer(keras.layers.ZeroPadding2D, object, dict(kwargs, name=name),
                       padding=_pairs(padding, "padding", 2), data_format=_data_format(data_format))


def layer_zero_padding_3d(object: Any = None, padding: Any = (1, 1, 1), data_format: str | None = None,
                          name: str | None = None, **kwargs: Any) -> Any:
    """Adds zeros around a volume.

    Example:
        >>> layer = layer_zero_padding_3d(padding=[[1, 0], [0, 0], [2, 2]])

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        padding: One integer (all sides), three (each spatial dimension on both sides), or a list
            of three (before, after) pairs. Defaults to `(1, 1, 1)`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_zero_padding_3d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.ZeroPadding3D, object, dict(kwargs, name=name),
                       padding=_pairs(padding, "padding", 3), data_format=_data_format(data_format))


# --- cropping -------------------------------------------------------------------------------------


class _CroppingKeras2:
    """Cropping as Keras 2 did it: a dimension may be cropped to size 0 (Keras 3 refuses that)."""

    cropping: Any
    data_format: str

    def _crops(self) -> tuple[tuple[int, int], ...]:
        crops = self.cropping
        return (tuple(crops),) if isinstance(crops[0], int) else tuple(tuple(c) for c in crops)

    def _spatial_axes(self) -> list[int]:
        first = 2 if getattr(self, "data_format", "channels_last") == "channels_first" else 1
        return list(range(first, first + len(self._crops())))

    def compute_output_shape(self, input_shape: Any) -> tuple[Any, ...]:
        shape = list(input_shape)
        for axis, (start, end) in zip(self._spatial_axes(), self._crops()):
            if shape[axis] is not None:
                shape[axis] -= start + end
                if shape[axis] < 0:
                    expected = f"at most the size of each cropped dimension (input: {tuple(input_shape)})"
                    raise bad_argument("cropping", self.cropping, expected)
        return tuple(shape)

    def call(self, inputs: Any) -> Any:
        self.compute_output_shape(tuple(inputs.shape))
        index: list[slice] = [slice(None)] * len(inputs.shape)
        for axis, (start, end) in zip(self._spatial_axes(), self._crops()):
            index[axis] = slice(start, -end if end else None)
        return inputs[tuple(index)]


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class Cropping1DKeras2(_CroppingKeras2, keras.layers.Cropping1D):
    """``Cropping1D`` that may crop a sequence to length 0, as Keras 2 did."""


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class Cropping2DKeras2(_CroppingKeras2, keras.layers.Cropping2D):
    """``Cropping2D`` that may crop a dimension to size 0, as Keras 2 did."""


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class Cropping3DKeras2(_CroppingKeras2, keras.layers.Cropping3D):
    """``Cropping3D`` that may crop a dimension to size 0, as Keras 2 did."""


def layer_cropping_1d(object: Any = None, cropping: Any = (1, 1), name: str | None = None,
                      **kwargs: Any) -> Any:
    """Removes steps at the start and end of a sequence.

    Example:
        >>> layer = layer_cropping_1d(cropping=(1, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        cropping: One integer (both ends) or two (start, end). Defaults to `(1, 1)`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_cropping_1d()`` of R keras 2.x.
    """
    return _make_layer(Cropping1DKeras2, object, dict(kwargs, name=name),
                       cropping=_pairs(cropping, "cropping", 1)[0])


def layer_cropping_2d(object: Any = None, cropping: Any = ((0, 0), (0, 0)), data_format: str | None = None,
                      name: str | None = None, **kwargs: Any) -> Any:
    """Removes rows and columns at the borders of an image.

    Example:
        >>> layer = layer_cropping_2d(cropping=[[2, 2], [4, 4]])

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        cropping: One integer (all sides), two (rows and columns, both sides), or a list of two
            pairs ``list(c(top, bottom), c(left, right))``. Defaults to `((0, 0), (0, 0))`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_cropping_2d()`` of R keras 2.x.
    """
    return _make_layer(Cropping2DKeras2, object, dict(kwargs, name=name),
                       cropping=_pairs(cropping, "cropping", 2), data_format=_data_format(data_format))


def layer_cropping_3d(object: Any = None, cropping: Any = ((1, 1), (1, 1), (1, 1)),
                      data_format: str | None = None, name: str | None = None, **kwargs: Any) -> Any:
    """Removes slices, rows and columns at the borders of a volume.

    Example:
        >>> layer = layer_cropping_3d(cropping=1)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        cropping: One integer (all sides), three (each spatial dimension, both sides), or a list of
            three (before, after) pairs. Defaults to `((1, 1), (1, 1), (1, 1))`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_cropping_3d()`` of R keras 2.x.
    """
    return _make_layer(Cropping3DKeras2, object, dict(kwargs, name=name),
                       cropping=_pairs(cropping, "cropping", 3), data_format=_data_format(data_format))


# --- convolutional LSTM ---------------------------------------------------------------------------


def layer_conv_lstm_2d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", data_format: str | None = None, dilation_rate: Any = (1, 1),
    activation: Any = "tanh", recurrent_activation: Any = "hard_sigmoid", use_bias: bool = True,
    kernel_initializer: Any = "glorot_uniform", recurrent_initializer: Any = "orthogonal",
    bias_initializer: Any = "zeros", unit_forget_bias: bool = True, kernel_regularizer: Any = None,
    recurrent_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    kernel_constraint: Any = None, recurrent_constraint: Any = None, bias_constraint: Any = None,
    return_sequences: bool = False, go_backwards: bool = False, stateful: bool = False, dropout: Any = 0.0,
    recurrent_dropout: Any = 0.0, name: str | None = None, **kwargs: Any,
) -> Any:
    """Convolutional LSTM: an LSTM whose input and recurrent transformations are 2-d convolutions.

    Inputs are sequences of images (batch, time, rows, cols, channels). The gates use R keras
    2.x's ``recurrent_activation = "hard_sigmoid"`` (slope 0.2; Keras 3 defaults to ``"sigmoid"``).

    Example:
        >>> layer = layer_conv_lstm_2d(filters=8, kernel_size=3, padding="same", return_sequences=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or two.
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        dilation_rate: One integer or two. Defaults to `(1, 1)`.
        activation: Defaults to `"tanh"`.
        recurrent_activation: Activation of the gates. Defaults to `"hard_sigmoid"` (Keras 2's).
        use_bias: Defaults to `True`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        unit_forget_bias: Start the forget gate's bias at 1. Defaults to `True`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        return_sequences: Return the output of every step, not only the last. Defaults to `False`.
        go_backwards: Process the sequence backwards. Defaults to `False`.
        stateful: Keep the state between batches. Defaults to `False`.
        dropout: Dropout rate of the inputs, in [0, 1). Defaults to `0`.
        recurrent_dropout: Dropout rate of the state, in [0, 1). Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.ConvLSTM2D`` arguments
            (``return_state``, ``seed``).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_lstm_2d()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.ConvLSTM2D, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias),
        data_format=_data_format(data_format), recurrent_activation=_activation(recurrent_activation),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, unit_forget_bias=as_flag(unit_forget_bias, "unit_forget_bias"),
        kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
        bias_constraint=bias_constraint, return_sequences=as_flag(return_sequences, "return_sequences"),
        go_backwards=as_flag(go_backwards, "go_backwards"), stateful=as_flag(stateful, "stateful"),
        dropout=as_number(dropout, "dropout", low=0, high=1, high_open=True),
        recurrent_dropout=as_number(recurrent_dropout, "recurrent_dropout", low=0, high=1, high_open=True),
    )
