"""R keras 2.x backend functions of neural networks: convolutions, pooling, padding, losses, CTC, ``k_rnn``.

Conventions as in :mod:`rkeras_bridge.keras.backend` (1-based axes, symbolic tensors accepted).
``data_format = NULL`` means ``k_image_data_format()``. Kernels have TensorFlow's layout
(``(rows, cols, in, out)`` for ``k_conv2d``). ``"channels_first"`` tensors are transposed to
channels-last for the computation and back, as TensorFlow's CPU kernels only take channels-last.
Class ids (``k_sparse_categorical_crossentropy``, ``k_in_top_k``) are 0-based, as R keras 2.2.4
passed them to TensorFlow unchanged.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_axis, as_flag, as_integer, as_number
from ..bridge.errors import bad_argument
from .backend import _as_tensor, _is_tensor, _rank, _seed, symbolic

__all__ = [
    "k_batch_normalization", "k_bias_add", "k_binary_crossentropy", "k_categorical_crossentropy",
    "k_conv1d", "k_conv2d", "k_conv2d_transpose", "k_conv3d", "k_conv3d_transpose", "k_ctc_batch_cost",
    "k_ctc_decode", "k_ctc_label_dense_to_sparse", "k_depthwise_conv2d", "k_dropout", "k_in_top_k",
    "k_local_conv1d", "k_local_conv2d", "k_normalize_batch_in_training", "k_pool2d", "k_pool3d",
    "k_resize_images", "k_resize_volumes", "k_rnn", "k_separable_conv2d", "k_sparse_categorical_crossentropy",
    "k_spatial_2d_padding", "k_spatial_3d_padding", "k_temporal_padding",
]

_FORMATS = ("channels_last", "channels_first")


# --- argument helpers ------------------------------------------------------------------------------


def _data_format(data_format: Any) -> str:
    if data_format is None:
        return keras.config.image_data_format()
    if data_format not in _FORMATS:
        raise bad_argument("data_format", data_format, "'channels_last' or 'channels_first' (or NULL)")
    return data_format


def _ints(value: Any, n: int, name: str, minimum: int = 1) -> tuple[int, ...]:
    """An R number or vector as ``n`` integers (one number is repeated)."""
    if isinstance(value, (list, tuple, np.ndarray)):
        values = np.asarray(value).reshape(-1).tolist()
    else:
        values = [value]
    if len(values) == 1:
        values = values * n
    if len(values) != n:
        raise bad_argument(name, value, f"one integer or {n}")
    return tuple(as_integer(v, f"{name}[{i + 1}]", minimum=minimum) for i, v in enumerate(values))


def _padding(padding: Any, allowed: tuple[str, ...] = ("valid", "same")) -> str:
    if not isinstance(padding, str) or padding.lower() not in allowed:
        raise bad_argument("padding", padding, " or ".join(f"'{a}'" for a in allowed))
    return padding.lower()


def _input(x: Any, spatial: int, name: str = "x") -> tf.Tensor:
    x = _as_tensor(x, name)
    if _rank(x, name) != spatial + 2:
        raise bad_argument(name, x, f"a tensor of rank {spatial + 2} (batch, {spatial} spatial axes, "
                                    "channels)")
    if spatial == 3 and x.dtype == tf.float64:
        # TensorFlow's 3-d pooling takes no doubles; Keras 2.2.4 cast 3-d inputs to float32 too.
        x = tf.cast(x, tf.float32)
    return x


def _to_last(x: tf.Tensor, data_format: str) -> tf.Tensor:
    if data_format == "channels_last":
        return x
    rank = x.shape.rank
    return tf.transpose(x, [0, *range(2, rank), 1])


def _from_last(x: tf.Tensor, data_format: str) -> tf.Tensor:
    if data_format == "channels_last":
        return x
    rank = x.shape.rank
    return tf.transpose(x, [0, rank - 1, *range(1, rank - 1)])


def _kernel(kernel: Any, x: tf.Tensor, name: str = "kernel") -> tf.Tensor:
    return _as_tensor(kernel, name, dtype=x.dtype if not _is_tensor(kernel) else None)


# --- convolutions ----------------------------------------------------------------------------------


def _conv(x: Any, kernel: Any, strides: Any, padding: Any, data_format: Any, dilation_rate: Any,
          spatial: int) -> tf.Tensor:
    data_format = _data_format(data_format)
    allowed = ("valid", "same", "causal") if spatial == 1 else ("valid", "same")
    padding = _padding(padding, allowed)
    x = _to_last(_input(x, spatial), data_format)
    kernel = _kernel(kernel, x)
    if _rank(kernel, "kernel") != spatial + 2:
        raise bad_argument("kernel", kernel,
                           f"a kernel of rank {spatial + 2} ({spatial} spatial axes, in, out)")
    strides = _ints(strides, spatial, "strides")
    dilations = _ints(dilation_rate, spatial, "dilation_rate")
    if padding == "causal":  # pad the past only, so that output t sees inputs up to t
        left = dilations[0] * (kernel.shape[0] - 1)
        x = tf.pad(x, [[0, 0], [left, 0], [0, 0]])
        padding = "valid"
    out = tf.nn.convolution(x, kernel, strides=strides, padding=padding.upper(), dilations=dilations)
    return _from_last(out, data_format)


@symbolic
def k_conv1d(x: Any, kernel: Any, strides: Any = 1, padding: Any = "valid", data_format: Any = None,
             dilation_rate: Any = 1) -> tf.Tensor:
    """1-d convolution.

    Example:
        >>> k_conv1d(tf.ones((1, 5, 1)), tf.ones((3, 1, 1))).numpy().ravel()
        array([3., 3., 3.], dtype=float32)

    Args:
        x: A 3-d tensor ``(batch, steps, channels)`` (or channels first).
        kernel: A ``(width, in, out)`` kernel.
        strides: Defaults to `1`.
        padding: ``"valid"``, ``"same"`` or ``"causal"``. Defaults to `"valid"`.
        data_format: ``"channels_last"`` or ``"channels_first"``. Defaults to `None`
            (``k_image_data_format()``).
        dilation_rate: Defaults to `1`.

    Returns:
        A 3-d tensor.

    Mirrors ``keras::k_conv1d()``.
    """
    return _conv(x, kernel, strides, padding, data_format, dilation_rate, 1)


@symbolic
def k_conv2d(x: Any, kernel: Any, strides: Any = (1, 1), padding: Any = "valid", data_format: Any = None,
             dilation_rate: Any = (1, 1)) -> tf.Tensor:
    """2-d convolution.

    Example:
        >>> k_conv2d(tf.ones((1, 3, 3, 1)), tf.ones((2, 2, 1, 1))).numpy().ravel()
        array([4., 4., 4., 4.], dtype=float32)

    Args:
        x: A 4-d tensor ``(batch, rows, cols, channels)`` (or channels first).
        kernel: A ``(rows, cols, in, out)`` kernel.
        strides: Defaults to `c(1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).
        dilation_rate: Defaults to `c(1, 1)`.

    Returns:
        A 4-d tensor.

    Mirrors ``keras::k_conv2d()``.
    """
    return _conv(x, kernel, strides, padding, data_format, dilation_rate, 2)


@symbolic
def k_conv3d(x: Any, kernel: Any, strides: Any = (1, 1, 1), padding: Any = "valid", data_format: Any = None,
             dilation_rate: Any = (1, 1, 1)) -> tf.Tensor:
    """3-d convolution.

    Example:
        >>> k_conv3d(tf.ones((1, 2, 2, 2, 1)), tf.ones((2, 2, 2, 1, 1))).numpy().ravel()
        array([8.], dtype=float32)

    Args:
        x: A 5-d tensor ``(batch, depth, rows, cols, channels)`` (or channels first).
        kernel: A ``(depth, rows, cols, in, out)`` kernel.
        strides: Defaults to `c(1, 1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).
        dilation_rate: Defaults to `c(1, 1, 1)`.

    Returns:
        A 5-d tensor.

    Mirrors ``keras::k_conv3d()``.
    """
    return _conv(x, kernel, strides, padding, data_format, dilation_rate, 3)


def _conv_transpose(x: Any, kernel: Any, output_shape: Any, strides: Any, padding: Any, data_format: Any,
                    spatial: int) -> tf.Tensor:
    data_format = _data_format(data_format)
    padding = _padding(padding)
    x = _to_last(_input(x, spatial), data_format)
    kernel = _kernel(kernel, x)
    if _rank(kernel, "kernel") != spatial + 2:
        raise bad_argument("kernel", kernel,
                           f"a kernel of rank {spatial + 2} ({spatial} spatial axes, out, in)")
    if _is_tensor(output_shape):
        shape = _as_tensor(output_shape, "output_shape")
        if data_format == "channels_first":
            shape = tf.gather(shape, [0, *range(2, spatial + 2), 1])
    else:
        dims = list(output_shape) if isinstance(output_shape, (list, tuple, np.ndarray)) else [output_shape]
        if len(dims) != spatial + 2:
            raise bad_argument("output_shape", output_shape,
                               f"{spatial + 2} numbers (batch, {spatial} spatial sizes, channels)")
        values = [None if d is None else as_integer(d, f"output_shape[{i + 1}]", minimum=1)
                  for i, d in enumerate(dims)]
        if data_format == "channels_first":
            values = [values[0], *values[2:], values[1]]
        if values[0] is None:  # the batch size of x, as Keras did
            values[0] = tf.shape(x)[0]
        shape = tf.stack([tf.cast(v, tf.int32) for v in values])
    strides = _ints(strides, spatial, "strides")
    out = tf.nn.conv_transpose(x, kernel, shape, strides=strides, padding=padding.upper())
    return _from_last(out, data_format)


@symbolic
def k_conv2d_transpose(x: Any, kernel: Any, output_shape: Any, strides: Any = (1, 1), padding: Any = "valid",
                       data_format: Any = None) -> tf.Tensor:
    """2-d transposed convolution (deconvolution).

    Example:
        >>> k_conv2d_transpose(tf.ones((1, 2, 2, 1)), tf.ones((2, 2, 1, 1)), [1, 3, 3, 1]).numpy()[0, :, :, 0]
        array([[1., 2., 1.],
               [2., 4., 2.],
               [1., 2., 1.]], dtype=float32)

    Args:
        x: A 4-d tensor.
        kernel: A ``(rows, cols, out, in)`` kernel.
        output_shape: The output's shape, batch included, in ``data_format`` (the batch may be ``NULL``
            in a list: then it is the batch size of ``x``).
        strides: Defaults to `c(1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).

    Returns:
        A 4-d tensor.

    Mirrors ``keras::k_conv2d_transpose()``.
    """
    return _conv_transpose(x, kernel, output_shape, strides, padding, data_format, 2)


@symbolic
def k_conv3d_transpose(x: Any, kernel: Any, output_shape: Any, strides: Any = (1, 1, 1),
                       padding: Any = "valid", data_format: Any = None) -> tf.Tensor:
    """3-d transposed convolution (deconvolution).

    Example:
        >>> k_conv3d_transpose(tf.ones((1, 1, 1, 1, 1)), tf.ones((2, 2, 2, 1, 1)), [1, 2, 2, 2, 1]).shape
        TensorShape([1, 2, 2, 2, 1])

    Args:
        x: A 5-d tensor.
        kernel: A ``(depth, rows, cols, out, in)`` kernel.
        output_shape: The output's shape, batch included, in ``data_format``.
        strides: Defaults to `c(1, 1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).

    Returns:
        A 5-d tensor.

    Mirrors ``keras::k_conv3d_transpose()``.
    """
    return _conv_transpose(x, kernel, output_shape, strides, padding, data_format, 3)


@symbolic
def k_depthwise_conv2d(x: Any, depthwise_kernel: Any, strides: Any = (1, 1), padding: Any = "valid",
                       data_format: Any = None, dilation_rate: Any = (1, 1)) -> tf.Tensor:
    """2-d depthwise convolution: each input channel convolved with its own filters.

    Example:
        >>> k_depthwise_conv2d(tf.ones((1, 2, 2, 2)), tf.ones((2, 2, 2, 1))).numpy().ravel()
        array([4., 4.], dtype=float32)

    Args:
        x: A 4-d tensor.
        depthwise_kernel: A ``(rows, cols, in, multiplier)`` kernel.
        strides: Defaults to `c(1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).
        dilation_rate: Defaults to `c(1, 1)`.

    Returns:
        A 4-d tensor with ``in * multiplier`` channels.

    Mirrors ``keras::k_depthwise_conv2d()``.
    """
    data_format = _data_format(data_format)
    padding = _padding(padding)
    x = _to_last(_input(x, 2), data_format)
    kernel = _kernel(depthwise_kernel, x, "depthwise_kernel")
    if _rank(kernel, "depthwise_kernel") != 4:
        raise bad_argument("depthwise_kernel", depthwise_kernel, "a (rows, cols, in, multiplier) kernel")
    strides = _ints(strides, 2, "strides")
    out = tf.nn.depthwise_conv2d(x, kernel, strides=(1, *strides, 1), padding=padding.upper(),
                                 dilations=_ints(dilation_rate, 2, "dilation_rate"))
    return _from_last(out, data_format)


@symbolic
def k_separable_conv2d(x: Any, depthwise_kernel: Any, pointwise_kernel: Any, strides: Any = (1, 1),
                       padding: Any = "valid", data_format: Any = None,
                       dilation_rate: Any = (1, 1)) -> tf.Tensor:
    """2-d separable convolution: a depthwise convolution, then a 1x1 (pointwise) one.

    Example:
        >>> k_separable_conv2d(tf.ones((1, 2, 2, 1)), tf.ones((2, 2, 1, 1)), tf.ones((1, 1, 1, 3))).shape
        TensorShape([1, 1, 1, 3])

    Args:
        x: A 4-d tensor.
        depthwise_kernel: A ``(rows, cols, in, multiplier)`` kernel.
        pointwise_kernel: A ``(1, 1, in * multiplier, out)`` kernel.
        strides: Defaults to `c(1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).
        dilation_rate: Defaults to `c(1, 1)`.

    Returns:
        A 4-d tensor.

    Mirrors ``keras::k_separable_conv2d()``.
    """
    data_format = _data_format(data_format)
    padding = _padding(padding)
    x = _to_last(_input(x, 2), data_format)
    depthwise = _kernel(depthwise_kernel, x, "depthwise_kernel")
    pointwise = _kernel(pointwise_kernel, x, "pointwise_kernel")
    strides = _ints(strides, 2, "strides")
    out = tf.nn.separable_conv2d(x, depthwise, pointwise, strides=(1, *strides, 1), padding=padding.upper(),
                                 dilations=_ints(dilation_rate, 2, "dilation_rate"))
    return _from_last(out, data_format)


def _local_conv(inputs: Any, kernel: Any, kernel_size: Any, strides: Any, output_shape: tuple[int, ...],
                data_format: Any, spatial: int) -> tf.Tensor:
    data_format = _data_format(data_format)
    x = _input(inputs, spatial, "inputs")
    kernel = _kernel(kernel, x)
    sizes = _ints(kernel_size, spatial, "kernel_size")
    steps = _ints(strides, spatial, "strides")
    positions = [()]
    for out in output_shape:
        positions = [p + (i,) for p in positions for i in range(out)]
    if kernel.shape[0] is not None and kernel.shape[0] != len(positions):
        raise bad_argument("kernel", kernel, f"one weight matrix per output position ({len(positions)})")
    patches = []
    for position in positions:
        window = [slice(i * s, i * s + k) for i, s, k in zip(position, steps, sizes)]
        # A patch is flattened in the input's own layout, as Keras did for both formats.
        key = (slice(None), *window, slice(None)) if data_format == "channels_last" else \
            (slice(None), slice(None), *window)
        patches.append(tf.reshape(x[key], [tf.shape(x)[0], -1]))
    stacked = tf.stack(patches)  # (positions, batch, features)
    out = tf.matmul(stacked, kernel)  # (positions, batch, filters)
    out = tf.reshape(out, [*output_shape, tf.shape(x)[0], kernel.shape[-1]])
    order = [spatial, *range(spatial), spatial + 1]
    return _from_last(tf.transpose(out, order), data_format)


@symbolic
def k_local_conv1d(inputs: Any, kernel: Any, kernel_size: Any, strides: Any,
                   data_format: Any = None) -> tf.Tensor:
    """1-d convolution with weights that are not shared: each output step has its own kernel.

    Example:
        >>> k_local_conv1d(tf.ones((1, 4, 1)), tf.ones((2, 2, 1)), 2, 2).numpy().ravel()
        array([2., 2.], dtype=float32)

    Args:
        inputs: A 3-d tensor ``(batch, steps, channels)`` (or channels first).
        kernel: A ``(output_length, kernel_size * channels, filters)`` tensor.
        kernel_size: The window length.
        strides: The stride.
        data_format: Defaults to `None` (``k_image_data_format()``).

    Returns:
        A 3-d tensor ``(batch, output_length, filters)`` (or channels first).

    Mirrors ``keras::k_local_conv1d()``.
    """
    kernel_t = _as_tensor(kernel, "kernel")
    if _rank(kernel_t, "kernel") != 3 or kernel_t.shape[0] is None:
        raise bad_argument("kernel", kernel, "a (output_length, kernel_size * channels, filters) tensor")
    return _local_conv(inputs, kernel_t, kernel_size, strides, (int(kernel_t.shape[0]),), data_format, 1)


@symbolic
def k_local_conv2d(inputs: Any, kernel: Any, kernel_size: Any, strides: Any, output_shape: Any,
                   data_format: Any = None) -> tf.Tensor:
    """2-d convolution with weights that are not shared: each output position has its own kernel.

    Example:
        >>> k_local_conv2d(tf.ones((1, 2, 2, 1)), tf.ones((1, 4, 3)), [2, 2], [1, 1], [1, 1]).shape
        TensorShape([1, 1, 1, 3])

    Args:
        inputs: A 4-d tensor.
        kernel: A ``(output_rows * output_cols, rows * cols * channels, filters)`` tensor.
        kernel_size: The window, ``c(rows, cols)``.
        strides: The strides, ``c(rows, cols)``.
        output_shape: ``c(output_rows, output_cols)``.
        data_format: Defaults to `None` (``k_image_data_format()``).

    Returns:
        A 4-d tensor ``(batch, output_rows, output_cols, filters)`` (or channels first).

    Mirrors ``keras::k_local_conv2d()``.
    """
    return _local_conv(inputs, kernel, kernel_size, strides, _ints(output_shape, 2, "output_shape"),
                       data_format, 2)


# --- pooling, padding, resizing ---------------------------------------------------------------------


def _pool(x: Any, pool_size: Any, strides: Any, padding: Any, data_format: Any, pool_mode: Any,
          spatial: int) -> tf.Tensor:
    data_format = _data_format(data_format)
    padding = _padding(padding)
    if pool_mode not in ("max", "avg"):
        raise bad_argument("pool_mode", pool_mode, "'max' or 'avg'")
    x = _to_last(_input(x, spatial), data_format)
    if not x.dtype.is_floating and (pool_mode == "avg" or spatial == 3):
        # TensorFlow pools integers only by 2-d maximum
        raise bad_argument("x", x, "a float tensor (integers are pooled only by k_pool2d(pool_mode = 'max'))")
    pool = tf.nn.max_pool if pool_mode == "max" else tf.nn.avg_pool
    out = pool(x, ksize=_ints(pool_size, spatial, "pool_size"), strides=_ints(strides, spatial, "strides"),
               padding=padding.upper())
    return _from_last(out, data_format)


@symbolic
def k_pool2d(x: Any, pool_size: Any, strides: Any = (1, 1), padding: Any = "valid", data_format: Any = None,
             pool_mode: Any = "max") -> tf.Tensor:
    """2-d pooling.

    Example:
        >>> k_pool2d(tf.reshape(tf.range(16.0), (1, 4, 4, 1)), [2, 2], [2, 2]).numpy().ravel()
        array([ 5.,  7., 13., 15.], dtype=float32)

    Args:
        x: A 4-d tensor.
        pool_size: ``c(rows, cols)``.
        strides: Defaults to `c(1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).
        pool_mode: ``"max"`` or ``"avg"``. Defaults to `"max"`.

    Returns:
        A 4-d tensor.

    Mirrors ``keras::k_pool2d()``.
    """
    return _pool(x, pool_size, strides, padding, data_format, pool_mode, 2)


@symbolic
def k_pool3d(x: Any, pool_size: Any, strides: Any = (1, 1, 1), padding: Any = "valid",
             data_format: Any = None, pool_mode: Any = "max") -> tf.Tensor:
    """3-d pooling.

    Example:
        >>> float(k_pool3d(tf.ones((1, 2, 2, 2, 1)), [2, 2, 2], pool_mode="avg"))
        1.0

    Args:
        x: A 5-d tensor.
        pool_size: ``c(depth, rows, cols)``.
        strides: Defaults to `c(1, 1, 1)`.
        padding: ``"valid"`` or ``"same"``. Defaults to `"valid"`.
        data_format: Defaults to `None` (``k_image_data_format()``).
        pool_mode: ``"max"`` or ``"avg"``. Defaults to `"max"`.

    Returns:
        A 5-d tensor.

    Mirrors ``keras::k_pool3d()``.
    """
    return _pool(x, pool_size, strides, padding, data_format, pool_mode, 3)


def _pairs(padding: Any, n: int, name: str = "padding") -> list[tuple[int, int]]:
    """``list(list(1, 1), list(2, 2))`` (or a matrix, or ``c(1, 1)`` for n = 1) as n (before, after) pairs."""
    array = np.asarray(padding, dtype=object) if not isinstance(padding, np.ndarray) else padding
    try:
        flat = [as_integer(v, name, minimum=0) for v in np.asarray(array).reshape(-1).tolist()]
    except ValueError:
        raise bad_argument(name, padding, f"{n} pairs of non-negative integers") from None
    if len(flat) != 2 * n:
        raise bad_argument(name, padding, f"{n} pair(s) of non-negative integers (before, after)")
    return [(flat[2 * i], flat[2 * i + 1]) for i in range(n)]


def _pad(x: Any, padding: Any, data_format: Any, spatial: int) -> tf.Tensor:
    data_format = _data_format(data_format)
    x = _input(x, spatial)
    pairs = _pairs(padding, spatial)
    spec = [[0, 0], *map(list, pairs), [0, 0]] if data_format == "channels_last" else \
        [[0, 0], [0, 0], *map(list, pairs)]
    return tf.pad(x, spec)


@symbolic
def k_temporal_padding(x: Any, padding: Any = (1, 1)) -> tf.Tensor:
    """Pad the middle (time) axis of a 3-d tensor with zeros.

    Example:
        >>> k_temporal_padding(tf.ones((1, 2, 1)), [1, 2]).numpy().ravel()
        array([0., 1., 1., 0., 0.], dtype=float32)

    Args:
        x: A 3-d tensor ``(batch, steps, features)``.
        padding: ``c(before, after)``. Defaults to `c(1, 1)`.

    Returns:
        A 3-d tensor.

    Mirrors ``keras::k_temporal_padding()``.
    """
    return _pad(x, padding, "channels_last", 1)


@symbolic
def k_spatial_2d_padding(x: Any, padding: Any = ((1, 1), (1, 1)), data_format: Any = None) -> tf.Tensor:
    """Pad the rows and columns of a 4-d tensor with zeros.

    Example:
        >>> k_spatial_2d_padding(tf.ones((1, 1, 1, 1))).shape
        TensorShape([1, 3, 3, 1])

    Args:
        x: A 4-d tensor.
        padding: ``list(list(top, bottom), list(left, right))``. Defaults to `list(list(1, 1), list(1, 1))`.
        data_format: Defaults to `None` (``k_image_data_format()``).

    Returns:
        A 4-d tensor.

    Mirrors ``keras::k_spatial_2d_padding()``.
    """
    return _pad(x, padding, data_format, 2)


@symbolic
def k_spatial_3d_padding(x: Any, padding: Any = ((1, 1), (1, 1), (1, 1)),
                         data_format: Any = None) -> tf.Tensor:
    """Pad the depth, rows and columns of a 5-d tensor with zeros.

    Example:
        >>> k_spatial_3d_padding(tf.ones((1, 1, 1, 1, 1))).shape
        TensorShape([1, 3, 3, 3, 1])

    Args:
        x: A 5-d tensor.
        padding: Three pairs ``list(list(1, 1), list(1, 1), list(1, 1))``. Defaults to that.
        data_format: Defaults to `None` (``k_image_data_format()``).

    Returns:
        A 5-d tensor.

    Mirrors ``keras::k_spatial_3d_padding()``.
    """
    return _pad(x, padding, data_format, 3)


def _resize(x: Any, factors: tuple[Any, ...], names: tuple[str, ...], data_format: Any) -> tf.Tensor:
    data_format = _data_format(data_format)
    spatial = len(factors)
    x = _input(x, spatial)
    first = 1 if data_format == "channels_last" else 2
    for offset, (factor, name) in enumerate(zip(factors, names)):
        # Nearest neighbour by an integer factor is repeating each row (column, ...) that many times.
        x = tf.repeat(x, as_integer(factor, name, minimum=1), axis=first + offset)
    return x


@symbolic
def k_resize_images(x: Any, height_factor: Any, width_factor: Any, data_format: Any) -> tf.Tensor:
    """Enlarge the images of a 4-d tensor by integer factors (nearest neighbour).

    Example:
        >>> x = tf.reshape(tf.range(4.0), (1, 2, 2, 1))
        >>> k_resize_images(x, 2, 1, "channels_last").numpy()[0, :, :, 0]
        array([[0., 1.],
               [0., 1.],
               [2., 3.],
               [2., 3.]], dtype=float32)

    Args:
        x: A 4-d tensor.
        height_factor: A positive integer.
        width_factor: A positive integer.
        data_format: ``"channels_last"`` or ``"channels_first"`` (``NULL``: ``k_image_data_format()``).

    Returns:
        A 4-d tensor.

    Mirrors ``keras::k_resize_images()``.
    """
    return _resize(x, (height_factor, width_factor), ("height_factor", "width_factor"), data_format)


@symbolic
def k_resize_volumes(x: Any, depth_factor: Any, height_factor: Any, width_factor: Any,
                     data_format: Any) -> tf.Tensor:
    """Enlarge the volumes of a 5-d tensor by integer factors (nearest neighbour).

    Example:
        >>> k_resize_volumes(tf.ones((1, 1, 1, 1, 1)), 2, 2, 2, "channels_last").shape
        TensorShape([1, 2, 2, 2, 1])

    Args:
        x: A 5-d tensor.
        depth_factor: A positive integer.
        height_factor: A positive integer.
        width_factor: A positive integer.
        data_format: ``"channels_last"`` or ``"channels_first"`` (``NULL``: ``k_image_data_format()``).

    Returns:
        A 5-d tensor.

    Mirrors ``keras::k_resize_volumes()``.
    """
    return _resize(x, (depth_factor, height_factor, width_factor),
                   ("depth_factor", "height_factor", "width_factor"), data_format)


# --- biases, normalisation, dropout -----------------------------------------------------------------


@symbolic
def k_bias_add(x: Any, bias: Any, data_format: Any = None) -> tf.Tensor:
    """Add a bias to a tensor along its channels axis.

    Example:
        >>> k_bias_add(tf.zeros((2, 3)), tf.constant([1.0, 2.0, 3.0])).numpy()
        array([[1., 2., 3.],
               [1., 2., 3.]], dtype=float32)

    Args:
        x: Tensor or variable.
        bias: A vector with one value per channel, or a tensor of rank ``ndim(x) - 1`` (the shape of
            one sample, channels last).
        data_format: Where the channels are. Defaults to `None` (``k_image_data_format()``).

    Returns:
        A tensor of the shape of ``x``.

    Mirrors ``keras::k_bias_add()``.
    """
    data_format = _data_format(data_format)
    x = _as_tensor(x)
    bias = _kernel(bias, x, "bias")
    rank, bias_rank = _rank(x, "x"), _rank(bias, "bias")
    if bias_rank not in (1, rank - 1):
        raise bad_argument("bias", bias, f"a vector or a tensor of rank {rank - 1} (the rank of x less 1)")
    channels = x.shape[1] if data_format == "channels_first" and rank > 2 else x.shape[-1]
    if bias_rank == 1 and channels is not None and bias.shape[0] != channels:
        raise bad_argument("bias", bias, f"one value per channel ({channels})")
    if data_format == "channels_first" and rank > 2:
        if bias_rank == 1:
            return x + tf.reshape(bias, [1, -1] + [1] * (rank - 2))
        return x + tf.expand_dims(tf.transpose(bias, [bias_rank - 1, *range(bias_rank - 1)]), 0)
    return x + (bias if bias_rank == 1 else tf.expand_dims(bias, 0))


def _broadcast_to_axis(value: Any, x: tf.Tensor, axis: int, name: str) -> tf.Tensor | None:
    if value is None:
        return None
    value = _kernel(value, x, name)
    rank = x.shape.rank
    if value.shape.rank == 1 and axis != rank - 1:
        shape = [1] * rank
        shape[axis] = -1
        value = tf.reshape(value, shape)
    return value


@symbolic
def k_batch_normalization(x: Any, mean: Any, var: Any, beta: Any, gamma: Any, axis: Any = -1,
                          epsilon: Any = 0.001) -> tf.Tensor:
    """Normalise ``x`` with given statistics: ``(x - mean) / sqrt(var + epsilon) * gamma + beta``.

    Example:
        >>> k_batch_normalization(tf.constant([[1.0, 3.0]]), 2.0, 1.0, 0.0, 1.0, epsilon=0).numpy()
        array([[-1.,  1.]], dtype=float32)

    Args:
        x: Tensor or variable.
        mean: The mean (a vector is applied along ``axis``).
        var: The variance.
        beta: The offset (``NULL`` for none).
        gamma: The scale (``NULL`` for none).
        axis: The axis the statistics' vectors run along (1-based; -1 is the last). Defaults to `-1`.
        epsilon: Added to the variance. Defaults to `0.001`.

    Returns:
        A tensor.

    Mirrors ``keras::k_batch_normalization()``.
    """
    x = _as_tensor(x)
    position = as_axis(axis)
    if position is None or isinstance(position, tuple):
        raise bad_argument("axis", axis, "a single axis")
    rank = _rank(x, "x")
    if not -rank <= position < rank:
        raise bad_argument("axis", axis, f"an axis within the rank of x ({rank})")
    position %= rank
    epsilon = as_number(epsilon, "epsilon", low=0)
    mean_t, var_t = (_broadcast_to_axis(v, x, position, n) for v, n in ((mean, "mean"), (var, "var")))
    beta_t, gamma_t = (_broadcast_to_axis(v, x, position, n) for v, n in ((beta, "beta"), (gamma, "gamma")))
    return tf.nn.batch_normalization(x, mean_t, var_t, beta_t, gamma_t, epsilon)


@symbolic
def k_normalize_batch_in_training(x: Any, gamma: Any, beta: Any, reduction_axes: Any,
                                  epsilon: Any = 0.001) -> list[tf.Tensor]:
    """Compute the mean and variance of a batch over ``reduction_axes`` and normalise it with them.

    Example:
        >>> normed, mean, var = k_normalize_batch_in_training(tf.constant([[1.0], [3.0]]), None, None, 1, 0)
        >>> normed.numpy().ravel(), mean.numpy(), var.numpy()
        (array([-1.,  1.], dtype=float32), array([2.], dtype=float32), array([1.], dtype=float32))

    Args:
        x: Tensor or variable.
        gamma: The scale, shaped like the axes kept (``NULL`` for none).
        beta: The offset, shaped like the axes kept (``NULL`` for none).
        reduction_axes: The axes to compute statistics over (1-based).
        epsilon: Added to the variance. Defaults to `0.001`.

    Returns:
        A list: the normalised tensor, the mean and the variance (over the kept axes).

    Mirrors ``keras::k_normalize_batch_in_training()``.
    """
    x = _as_tensor(x)
    rank = _rank(x, "x")
    converted = as_axis(reduction_axes, "reduction_axes")
    if converted is None:
        raise bad_argument("reduction_axes", reduction_axes, "one axis or several (1-based)")
    axes = sorted({a % rank for a in (converted if isinstance(converted, tuple) else (converted,))
                   if -rank <= a < rank})
    if len(axes) != len(converted if isinstance(converted, tuple) else (converted,)):
        raise bad_argument("reduction_axes", reduction_axes, f"distinct axes within the rank of x ({rank})")
    epsilon = as_number(epsilon, "epsilon", low=0)
    mean, var = tf.nn.moments(x, axes=axes, keepdims=True)
    kept = [tf.shape(x)[i] if i not in axes else 1 for i in range(rank)]

    def shaped(value: Any, name: str) -> tf.Tensor | None:
        return None if value is None else tf.reshape(_kernel(value, x, name), tf.stack(kept))

    normed = tf.nn.batch_normalization(x, mean, var, shaped(beta, "beta"), shaped(gamma, "gamma"), epsilon)
    return [normed, tf.squeeze(mean, axes), tf.squeeze(var, axes)]


@symbolic
def k_dropout(x: Any, level: Any, noise_shape: Any = None, seed: Any = None) -> tf.Tensor:
    """Set a fraction ``level`` of the entries to 0 and scale the others by ``1 / (1 - level)``.

    Example:
        >>> sorted(set(k_dropout(tf.ones(100), 0.5, seed=1).numpy().tolist()))
        [0.0, 2.0]

    Args:
        x: Tensor or variable.
        level: The fraction dropped, in [0, 1).
        noise_shape: The shape of the random keep/drop mask, broadcast over ``x``. Defaults to `None`
            (the shape of ``x``).
        seed: A non-negative integer: the same mask on every call. Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_dropout()``.
    """
    x = _as_tensor(x)
    level = as_number(level, "level", low=0, high=1, high_open=True)
    shape = None
    if noise_shape is not None:
        values = noise_shape if isinstance(noise_shape, (list, tuple, np.ndarray)) else [noise_shape]
        shape = tuple(None if v is None else as_integer(v, "noise_shape", minimum=1) for v in values)
    return keras.random.dropout(x, level, noise_shape=shape, seed=_seed(seed))


# --- losses --------------------------------------------------------------------------------------------


def _epsilon(dtype: tf.DType) -> tf.Tensor:
    return tf.constant(keras.config.epsilon(), dtype=dtype)


def _target_output(target: Any, output: Any) -> tuple[tf.Tensor, tf.Tensor]:
    output = _as_tensor(output, "output")
    return _as_tensor(target, "target", dtype=output.dtype if not _is_tensor(target) else None), output


@symbolic
def k_binary_crossentropy(target: Any, output: Any, from_logits: Any = False) -> tf.Tensor:
    """Element-wise binary crossentropy between targets and predicted probabilities (or logits).

    Probabilities are clipped to ``[k_epsilon(), 1 - k_epsilon()]`` first, as Keras 2.2.4 did.

    Example:
        >>> round(float(k_binary_crossentropy(tf.constant(1.0), tf.constant(0.5))), 4)
        0.6931

    Args:
        target: A tensor of targets in [0, 1].
        output: A tensor of the shape of ``target``: probabilities, or logits when ``from_logits``.
        from_logits: Whether ``output`` holds logits. Defaults to `False`.

    Returns:
        A tensor of the shape of ``target``.

    Mirrors ``keras::k_binary_crossentropy()``.
    """
    target, output = _target_output(target, output)
    target = tf.cast(target, output.dtype)
    if not as_flag(from_logits, "from_logits"):
        eps = _epsilon(output.dtype)
        output = tf.clip_by_value(output, eps, 1 - eps)
        output = tf.math.log(output / (1 - output))
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=target, logits=output)


@symbolic
def k_categorical_crossentropy(target: Any, output: Any, from_logits: Any = False,
                               axis: Any = -1) -> tf.Tensor:
    """Categorical crossentropy between one-hot targets and predicted probabilities (or logits).

    Probabilities are scaled to sum to 1 along ``axis`` and clipped to ``[k_epsilon(), 1 - k_epsilon()]``,
    as Keras 2.2.4 did.

    Example:
        >>> round(float(k_categorical_crossentropy(tf.constant([0.0, 1.0]), tf.constant([0.5, 0.5]))), 4)
        0.6931

    Args:
        target: One-hot targets.
        output: Probabilities (or logits) of the shape of ``target``.
        from_logits: Whether ``output`` holds logits. Defaults to `False`.
        axis: The classes' axis (1-based; -1 is the last). Defaults to `-1`.

    Returns:
        A tensor with the classes' axis removed.

    Mirrors ``keras::k_categorical_crossentropy()``.
    """
    target, output = _target_output(target, output)
    target = tf.cast(target, output.dtype)
    position = as_axis(axis)
    if position is None or isinstance(position, tuple):
        raise bad_argument("axis", axis, "a single axis")
    if as_flag(from_logits, "from_logits"):
        return tf.nn.softmax_cross_entropy_with_logits(labels=target, logits=output, axis=position)
    output = output / tf.reduce_sum(output, axis=position, keepdims=True)
    eps = _epsilon(output.dtype)
    output = tf.clip_by_value(output, eps, 1 - eps)
    return -tf.reduce_sum(target * tf.math.log(output), axis=position)


@symbolic
def k_sparse_categorical_crossentropy(target: Any, output: Any, from_logits: Any = False,
                                      axis: Any = -1) -> tf.Tensor:
    """Categorical crossentropy with integer targets: **0-based** class ids, as R keras 2.2.4 passed them.

    Example:
        >>> round(float(k_sparse_categorical_crossentropy(tf.constant([1]), tf.constant([[0.5, 0.5]]))[0]), 4)
        0.6931

    Args:
        target: Class ids (0 to classes - 1), of the shape of ``output`` without its classes axis.
        output: Probabilities (or logits).
        from_logits: Whether ``output`` holds logits. Defaults to `False`.
        axis: The classes' axis of ``output`` (1-based; -1 is the last). Defaults to `-1`.

    Returns:
        A tensor of the shape of ``target``.

    Mirrors ``keras::k_sparse_categorical_crossentropy()``.
    """
    output = _as_tensor(output, "output")
    rank = _rank(output, "output")
    position = as_axis(axis)
    if position is None or isinstance(position, tuple) or not -rank <= position < rank:
        raise bad_argument("axis", axis, f"a single axis within the rank of output ({rank})")
    position %= rank
    if position != rank - 1:
        output = tf.transpose(output, [*range(position), *range(position + 1, rank), position])
    if not as_flag(from_logits, "from_logits"):
        eps = _epsilon(output.dtype)
        output = tf.math.log(tf.clip_by_value(output, eps, 1 - eps))
    labels = tf.cast(_as_tensor(target, "target"), tf.int64)
    if labels.shape.rank == output.shape.rank:  # a trailing axis of length 1, as Keras accepted
        labels = tf.squeeze(labels, -1)
    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=output)


@symbolic
def k_in_top_k(predictions: Any, targets: Any, k: Any) -> tf.Tensor:
    """Whether each target class is among the ``k`` highest predictions of its row.

    Example:
        >>> k_in_top_k(tf.constant([[0.1, 0.9], [0.8, 0.2]]), tf.constant([1, 1]), 1).numpy()
        array([ True, False])

    Args:
        predictions: A ``(batch, classes)`` float tensor.
        targets: A ``(batch)`` vector of **0-based** class ids.
        k: How many of the top predictions count, a positive integer.

    Returns:
        A ``(batch)`` logical tensor.

    Mirrors ``keras::k_in_top_k()``.
    """
    predictions = _as_tensor(predictions, "predictions")
    targets = tf.cast(_as_tensor(targets, "targets"), tf.int32)
    return tf.math.in_top_k(targets, tf.cast(predictions, tf.float32), as_integer(k, "k", minimum=1))


# --- CTC ---------------------------------------------------------------------------------------------


@symbolic
def k_ctc_label_dense_to_sparse(labels: Any, label_lengths: Any) -> tf.SparseTensor:
    """Turn dense CTC labels into a sparse tensor, keeping the first ``label_lengths[i]`` of row ``i``.

    Example:
        >>> k_ctc_label_dense_to_sparse(tf.constant([[1, 2, 0]]), tf.constant([2])).values.numpy()
        array([1, 2], dtype=int32)

    Args:
        labels: A ``(batch, max_length)`` integer tensor.
        label_lengths: A ``(batch)`` vector of lengths.

    Returns:
        A ``tf$SparseTensor`` of the labels.

    Mirrors ``keras::k_ctc_label_dense_to_sparse()``.
    """
    labels = _as_tensor(labels, "labels")
    if not labels.dtype.is_integer:
        labels = tf.cast(labels, tf.int32)
    lengths = tf.cast(tf.reshape(_as_tensor(label_lengths, "label_lengths"), [-1]), tf.int64)
    shape = tf.shape(labels, out_type=tf.int64)
    mask = tf.range(shape[1])[tf.newaxis, :] < lengths[:, tf.newaxis]
    indices = tf.where(mask)
    return tf.SparseTensor(indices, tf.gather_nd(labels, indices), shape)


@symbolic
def k_ctc_batch_cost(y_true: Any, y_pred: Any, input_length: Any, label_length: Any) -> tf.Tensor:
    """CTC loss of each sample of a batch (the blank is the last class).

    Example:
        >>> y_pred = tf.nn.softmax(tf.random.stateless_normal((1, 4, 3), seed=(1, 2)))
        >>> k_ctc_batch_cost(tf.constant([[0, 1]]), y_pred, tf.constant([[4]]), tf.constant([[2]])).shape
        TensorShape([1, 1])

    Args:
        y_true: ``(samples, max_string_length)`` labels (0-based class ids).
        y_pred: ``(samples, time_steps, classes)`` softmax outputs.
        input_length: ``(samples, 1)`` the length of each sequence of ``y_pred``.
        label_length: ``(samples, 1)`` the length of each label of ``y_true``.

    Returns:
        A ``(samples, 1)`` tensor of losses.

    Mirrors ``keras::k_ctc_batch_cost()``.
    """
    y_pred = _as_tensor(y_pred, "y_pred")
    label_length = tf.cast(tf.reshape(_as_tensor(label_length, "label_length"), [-1]), tf.int32)
    input_length = tf.cast(tf.reshape(_as_tensor(input_length, "input_length"), [-1]), tf.int32)
    sparse = k_ctc_label_dense_to_sparse(y_true, label_length)
    sparse = tf.SparseTensor(sparse.indices, tf.cast(sparse.values, tf.int32), sparse.dense_shape)
    logits = tf.math.log(tf.transpose(y_pred, [1, 0, 2]) + _epsilon(y_pred.dtype))
    loss = tf.nn.ctc_loss(labels=sparse, logits=logits, label_length=None, logit_length=input_length,
                          logits_time_major=True, blank_index=-1)
    return tf.expand_dims(loss, 1)


def k_ctc_decode(y_pred: Any, input_length: Any, greedy: Any = True, beam_width: Any = 100,
                 top_paths: Any = 1) -> list[Any]:
    """Decode the output of a softmax by best path (greedy) or beam search; blanks are the last class.

    Example:
        >>> y_pred = tf.constant([[[0.9, 0.1], [0.2, 0.8], [0.9, 0.1]]])
        >>> k_ctc_decode(y_pred, tf.constant([3]))[0][0].numpy()
        array([[0, 0]])

    Args:
        y_pred: ``(samples, time_steps, classes)`` softmax outputs.
        input_length: ``(samples)`` the length of each sequence.
        greedy: Best path when `TRUE`, else beam search. Defaults to `True`.
        beam_width: The beam's width. Defaults to `100`.
        top_paths: How many of the most probable paths beam search returns. Defaults to `1`.

    Returns:
        A list: a list of ``top_paths`` decoded ``(samples, length)`` tensors (padded with -1), and
        the log probability of each decoded sequence.

    Mirrors ``keras::k_ctc_decode()``.
    """
    y_pred = _as_tensor(y_pred, "y_pred")
    greedy = as_flag(greedy, "greedy")
    beam_width = as_integer(beam_width, "beam_width", minimum=1)
    top_paths = as_integer(top_paths, "top_paths", minimum=1)
    logits = tf.math.log(tf.transpose(y_pred, [1, 0, 2]) + _epsilon(y_pred.dtype))
    lengths = tf.cast(tf.reshape(_as_tensor(input_length, "input_length"), [-1]), tf.int32)
    if greedy:
        decoded, log_prob = tf.nn.ctc_greedy_decoder(logits, lengths)
    else:
        decoded, log_prob = tf.compat.v1.nn.ctc_beam_search_decoder(logits, lengths, beam_width=beam_width,
                                                                    top_paths=top_paths)
    dense = [tf.sparse.to_dense(s, default_value=-1) for s in decoded]
    return [dense, log_prob]


# --- recurrence --------------------------------------------------------------------------------------


def k_rnn(step_function: Any, inputs: Any, initial_states: Any, go_backwards: Any = False, mask: Any = None,
          constants: Any = None, unroll: Any = False, input_length: Any = None) -> list[Any]:
    """Iterate a step function over the time axis of a tensor.

    ``step_function(input_t, states)`` gets the slice of one time step ``(samples, ...)`` and the list
    of states (followed by ``constants``), and returns ``list(output_t, new_states)``. The loop runs
    step by step in Python, so an R function works as the step (``unroll`` changes nothing).

    Example:
        >>> step = lambda x, states: [x + states[0], [x + states[0]]]
        >>> last, outputs, states = k_rnn(step, tf.ones((1, 3, 1)), [tf.zeros((1, 1))])
        >>> outputs.numpy().ravel()
        array([1., 2., 3.], dtype=float32)

    Args:
        step_function: The step, as described.
        inputs: A ``(samples, time, ...)`` tensor of rank >= 3.
        initial_states: A list of ``(samples, ...)`` tensors.
        go_backwards: Iterate from the last step to the first. Defaults to `False`.
        mask: A ``(samples, time)`` logical tensor: at masked steps the output and states are
            carried over from the step before. Defaults to `None`.
        constants: A list of tensors passed to every step after the states. Defaults to `None`.
        unroll: Accepted for compatibility. Defaults to `False`.
        input_length: Accepted for compatibility (the length is read from ``inputs``). Defaults to `None`.

    Returns:
        A list: the last output ``(samples, ...)``, all outputs ``(samples, time, ...)`` and the new
        states.

    Mirrors ``keras::k_rnn()``.
    """
    step_function = step_function if callable(step_function) else None
    if step_function is None:
        raise bad_argument("step_function", step_function,
                           "a function (input, states) -> list(output, states)")
    inputs = _as_tensor(inputs, "inputs")
    if _rank(inputs, "inputs") < 3:
        raise bad_argument("inputs", inputs, "a tensor of rank >= 3 (samples, time, ...)")
    go_backwards, _ = as_flag(go_backwards, "go_backwards"), as_flag(unroll, "unroll")
    states = [_as_tensor(s, "initial_states") for s in _as_list(initial_states)]
    constants = [] if constants is None else [_as_tensor(c, "constants") for c in _as_list(constants)]
    steps = tf.unstack(inputs, axis=1)
    masks = None
    if mask is not None:
        mask_t = tf.cast(_as_tensor(mask, "mask"), tf.bool)
        if mask_t.shape.rank != 2:
            raise bad_argument("mask", mask, "a (samples, time) logical tensor")
        masks = tf.unstack(mask_t, axis=1)
    order = list(range(len(steps)))
    if go_backwards:
        order.reverse()
    outputs, last_output = [], None
    for t in order:
        result = step_function(steps[t], list(states) + constants)
        if not isinstance(result, (list, tuple)) or len(result) != 2:
            raise bad_argument("step_function", step_function,
                               "a function returning list(output, new_states)")
        output, new_states = _as_tensor(result[0], "step_function"), result[1]
        new_states = [_as_tensor(s, "step_function") for s in _as_list(new_states)]
        if masks is not None:
            keep = masks[t]
            previous = last_output if last_output is not None else tf.zeros_like(output)
            output = tf.where(_expand_like(keep, output), output, previous)
            new_states = [tf.where(_expand_like(keep, new), new, old) for new, old in zip(new_states, states)]
        outputs.append(output)
        last_output, states = output, new_states
    return [last_output, tf.stack(outputs, axis=1), states]


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _expand_like(mask: tf.Tensor, like: tf.Tensor) -> tf.Tensor:
    while mask.shape.rank < like.shape.rank:
        mask = tf.expand_dims(mask, -1)
    return mask
