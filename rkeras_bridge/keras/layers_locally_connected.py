"""Locally connected layers (R keras 2.x ``layers-locally-connected.R``), rebuilt for Keras 3.

Keras 3 dropped ``LocallyConnected1D``/``LocallyConnected2D``. They are convolutions whose weights
are not shared: every output position has its own filters. Here they are Keras 3 layers with
Keras 2.2.4's arguments, weight shapes and weight layout, so weights from a 2018 model load as they
are:

* 1-d: ``kernel`` (output_length, kernel_size * input_dim, filters), ``bias`` (output_length, filters);
* 2-d: ``kernel`` (output_rows * output_cols, kernel_rows * kernel_cols * input_channels, filters),
  ``bias`` (output_rows, output_cols, filters).

Position ``p`` (row-major over the output positions) multiplies the flattened input patch at ``p``
with ``kernel[p]``. The patch is flattened row-major over (window position, channel) for
``channels_last`` and over (channel, window position) for ``channels_first``, as Keras 2's
``local_conv`` did. With ``channels_first`` Keras 2's ``bias_add`` reshaped (did not transpose)
the bias to (filters, positions...); that is kept, so stored biases land where they did. As in
Keras 2.2.4, only ``padding = "valid"`` exists and the input's spatial size must be known.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import keras
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument
from .layer_arguments import _activation, _int_tuple, _make_layer
from .layers_convolutional import _data_format, _size

__all__ = ["layer_locally_connected_1d", "layer_locally_connected_2d"]


class _LocallyConnected(keras.layers.Layer):
    """Unshared-weight convolution over ``rank`` spatial dimensions (1 or 2), Keras 2.2.4's layout."""

    rank = 0
    _layer_function = ""

    def __init__(self, filters: int, kernel_size: Any, strides: Any = 1, padding: str = "valid",
                 data_format: str | None = None, activation: Any = None, use_bias: bool = True,
                 kernel_initializer: Any = "glorot_uniform", bias_initializer: Any = "zeros",
                 kernel_regularizer: Any = None, bias_regularizer: Any = None,
                 activity_regularizer: Any = None, kernel_constraint: Any = None, bias_constraint: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.filters = int(filters)
        self.kernel_size = _int_tuple(kernel_size, "kernel_size", n=self.rank)
        self.strides = _int_tuple(strides, "strides", n=self.rank)
        if not isinstance(padding, str) or padding.lower() != "valid":
            raise bad_argument("padding", padding, '"valid" (the only padding of locally connected layers in '
                                                   'Keras 2, which these layers reproduce)')
        self.padding = "valid"
        self.data_format = keras.backend.image_data_format() if data_format is None else data_format
        self.activation = keras.activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.bias_initializer = keras.initializers.get(bias_initializer)
        self.kernel_regularizer = keras.regularizers.get(kernel_regularizer)
        self.bias_regularizer = keras.regularizers.get(bias_regularizer)
        self.kernel_constraint = keras.constraints.get(kernel_constraint)
        self.bias_constraint = keras.constraints.get(bias_constraint)
        self.input_spec = keras.layers.InputSpec(ndim=self.rank + 2)

    def _channels_first(self) -> bool:
        return self.data_format == "channels_first"

    def _split_shape(self, input_shape: Any) -> tuple[list[Any], Any]:
        shape = list(input_shape)
        if self._channels_first():
            return shape[2:], shape[1]
        return shape[1:-1], shape[-1]

    def _output_spatial(self, spatial: list[Any]) -> list[Any]:
        out = []
        for size, k, s in zip(spatial, self.kernel_size, self.strides):
            out.append(None if size is None else (size - k) // s + 1)
        return out

    def build(self, input_shape: Any) -> None:
        spatial, channels = self._split_shape(input_shape)
        if channels is None or any(size is None for size in spatial):
            raise bad_argument("input_shape", tuple(input_shape),
                               f"a fully known input shape: {self._layer_function}() has weights for every "
                               "position, so every spatial dimension and the channels must have a size")
        out = self._output_spatial(spatial)
        if any(o < 1 for o in out):
            raise bad_argument("kernel_size", self.kernel_size,
                               f"a window no larger than the input's spatial size {tuple(spatial)}")
        self._out = out
        positions = math.prod(out)
        patch = math.prod(self.kernel_size) * channels
        self.kernel = self.add_weight(name="kernel", shape=(positions, patch, self.filters),
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(*out, self.filters),
                                        initializer=self.bias_initializer, regularizer=self.bias_regularizer,
                                        constraint=self.bias_constraint)
        else:
            self.bias = None
        self.input_spec = keras.layers.InputSpec(
            ndim=self.rank + 2, axes={1 if self._channels_first() else -1: channels})

    def call(self, inputs: Any) -> Any:
        x = tf.convert_to_tensor(inputs)
        if self._channels_first():
            x = tf.transpose(x, [0, *range(2, self.rank + 2), 1])
        out = self._out
        # One strided slice per window offset gathers that offset of every patch at once.
        pieces = []
        for offset in itertools.product(*(range(k) for k in self.kernel_size)):
            index = [slice(None)]
            for o, s, n in zip(offset, self.strides, out):
                index.append(slice(o, o + s * (n - 1) + 1, s))
            index.append(slice(None))
            pieces.append(x[tuple(index)])
        patches = tf.stack(pieces, axis=-2)  # (batch, *out, window, channels)
        if self._channels_first():
            patches = tf.linalg.matrix_transpose(patches)  # (batch, *out, channels, window)
        positions = math.prod(out)
        patches = tf.reshape(patches, [-1, positions, patches.shape[-1] * patches.shape[-2]])
        outputs = tf.einsum("bpf,pfo->bpo", patches, tf.cast(self.kernel, patches.dtype))
        outputs = tf.reshape(outputs, [-1, *out, self.filters])
        if self._channels_first():
            outputs = tf.transpose(outputs, [0, self.rank + 1, *range(1, self.rank + 1)])
        if self.bias is not None:
            bias = tf.cast(self.bias, outputs.dtype)
            if self._channels_first():
                # Keras 2's bias_add reshaped, not transposed, the bias for channels_first outputs.
                bias = tf.reshape(bias, [self.filters, *out])
            outputs = outputs + bias
        return self.activation(outputs)

    def compute_output_shape(self, input_shape: Any) -> tuple[Any, ...]:
        spatial, _ = self._split_shape(input_shape)
        out = self._output_spatial(spatial)
        if self._channels_first():
            return (input_shape[0], self.filters, *out)
        return (input_shape[0], *out, self.filters)

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config.update({
            "filters": self.filters, "kernel_size": self.kernel_size, "strides": self.strides,
            "padding": self.padding, "data_format": self.data_format,
            "activation": keras.activations.serialize(self.activation), "use_bias": self.use_bias,
            "kernel_initializer": keras.initializers.serialize(self.kernel_initializer),
            "bias_initializer": keras.initializers.serialize(self.bias_initializer),
            "kernel_regularizer": keras.regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": keras.regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": keras.constraints.serialize(self.kernel_constraint),
            "bias_constraint": keras.constraints.serialize(self.bias_constraint),
        })
        return config


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class LocallyConnected1D(_LocallyConnected):
    """Keras 2.2.4's ``LocallyConnected1D`` on Keras 3: a 1-d convolution with unshared weights."""

    rank = 1
    _layer_function = "layer_locally_connected_1d"


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class LocallyConnected2D(_LocallyConnected):
    """Keras 2.2.4's ``LocallyConnected2D`` on Keras 3: a 2-d convolution with unshared weights."""

    rank = 2
    _layer_function = "layer_locally_connected_2d"


def _arguments(filters: Any, kernel_size: Any, strides: Any, padding: Any, data_format: Any, activation: Any,
               use_bias: Any, rank: int) -> dict[str, Any]:
    if not isinstance(padding, str) or padding.lower() != "valid":
        raise bad_argument("padding", padding, '"valid" (the only padding of locally connected layers in '
                                               'Keras 2.2.4; pad with layer_zero_padding_*() for "same")')
    return {
        "filters": as_integer(filters, "filters", minimum=1),
        "kernel_size": _size(kernel_size, "kernel_size", rank),
        "strides": _size(strides, "strides", rank),
        "padding": "valid",
        "data_format": _data_format(data_format),
        "activation": _activation(activation),
        "use_bias": as_flag(use_bias, "use_bias"),
    }


def layer_locally_connected_1d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = 1,
    padding: str = "valid", data_format: str | None = None, activation: Any = None, use_bias: bool = True,
    kernel_initializer: Any = "glorot_uniform", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None,
    bias_regularizer: Any = None, activity_regularizer: Any = None, kernel_constraint: Any = None,
    bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """1-d convolution with unshared weights: every output step has its own filters.

    Keras 3 dropped this layer; this is Keras 2.2.4's, with its weight shapes (``kernel``
    (output_length, kernel_size * input_dim, filters), ``bias`` (output_length, filters)).

    Example:
        >>> layer = layer_locally_connected_1d(filters=3, kernel_size=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: Window length, one integer.
        strides: One integer. Defaults to `1`.
        padding: Only `"valid"`, as in Keras 2.2.4. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `None` (channels last).
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
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_locally_connected_1d()`` of R keras 2.x.
    """
    return _make_layer(
        LocallyConnected1D, object, dict(kwargs, name=name),
        **_arguments(filters, kernel_size, strides, padding, data_format, activation, use_bias, 1),
        kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        bias_constraint=bias_constraint,
    )


def layer_locally_connected_2d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", data_format: str | None = None, activation: Any = None, use_bias: bool = True,
    kernel_initializer: Any = "glorot_uniform", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    kernel_constraint: Any = None, bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """2-d convolution with unshared weights: every output position has its own filters.

    Keras 3 dropped this layer; this is Keras 2.2.4's, with its weight shapes (``kernel``
    (output_rows * output_cols, kernel_rows * kernel_cols * channels, filters), ``bias``
    (output_rows, output_cols, filters)).

    Example:
        >>> layer = layer_locally_connected_2d(filters=3, kernel_size=(2, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or two.
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: Only `"valid"`, as in Keras 2.2.4. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `None` (channels last).
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
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_locally_connected_2d()`` of R keras 2.x.
    """
    return _make_layer(
        LocallyConnected2D, object, dict(kwargs, name=name),
        **_arguments(filters, kernel_size, strides, padding, data_format, activation, use_bias, 2),
        kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        bias_constraint=bias_constraint,
    )
