"""Pooling layers (R keras 2.x ``layers-pooling.R``): max and average pooling over 1-d, 2-d and 3-d
windows, and their global forms over all positions.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from .layer_arguments import _make_layer
from .layers_convolutional import _data_format, _padding, _size

__all__ = [
    "layer_max_pooling_1d", "layer_max_pooling_2d", "layer_max_pooling_3d",
    "layer_average_pooling_1d", "layer_average_pooling_2d", "layer_average_pooling_3d",
    "layer_global_max_pooling_1d", "layer_global_max_pooling_2d", "layer_global_max_pooling_3d",
    "layer_global_average_pooling_1d", "layer_global_average_pooling_2d", "layer_global_average_pooling_3d",
]


def _pooling(cls: Any, rank: int, object: Any, pool_size: Any, strides: Any, padding: Any, name: Any,
             kwargs: dict[str, Any], **extra: Any) -> Any:
    if "data_format" in extra:
        extra["data_format"] = _data_format(extra["data_format"])
    return _make_layer(cls, object, dict(kwargs, name=name),
                       pool_size=_size(pool_size, "pool_size", rank),
                       strides=None if strides is None else _size(strides, "strides", rank),
                       padding=_padding(padding), **extra)


def layer_max_pooling_1d(object: Any = None, pool_size: Any = 2, strides: Any = None, padding: str = "valid",
                         name: str | None = None, **kwargs: Any) -> Any:
    """Max pooling over windows of steps of a sequence (batch, steps, channels).

    Example:
        >>> layer = layer_max_pooling_1d(pool_size=3)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: Window length, one integer. Defaults to `2`.
        strides: Step between windows, one integer. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``data_format``, which keras 2.2.4 did not have).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_max_pooling_1d()`` of R keras 2.x.
    """
    return _pooling(keras.layers.MaxPooling1D, 1, object, pool_size, strides, padding, name, kwargs)


def layer_max_pooling_2d(
    object: Any = None, pool_size: Any = (2, 2), strides: Any = None, padding: str = "valid",
    data_format: str | None = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Max pooling over 2-d windows.

    Example:
        >>> layer = layer_max_pooling_2d(pool_size=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: One integer or two. Defaults to `(2, 2)`.
        strides: One integer or two. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_max_pooling_2d()`` of R keras 2.x.
    """
    return _pooling(keras.layers.MaxPooling2D, 2, object, pool_size, strides, padding, name, kwargs,
                    data_format=data_format)


def layer_max_pooling_3d(
    object: Any = None, pool_size: Any = (2, 2, 2), strides: Any = None, padding: str = "valid",
    data_format: str | None = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Max pooling over 3-d windows of volumes.

    Example:
        >>> layer = layer_max_pooling_3d(pool_size=(1, 2, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: One integer or three. Defaults to `(2, 2, 2)`.
        strides: One integer or three. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_max_pooling_3d()`` of R keras 2.x.
    """
    return _pooling(keras.layers.MaxPooling3D, 3, object, pool_size, strides, padding, name, kwargs,
                    data_format=data_format)


def layer_average_pooling_1d(object: Any = None, pool_size: Any = 2, strides: Any = None,
                             padding: str = "valid", name: str | None = None, **kwargs: Any) -> Any:
    """Average pooling over windows of steps of a sequence.

    With ``padding = "same"`` the padded positions are left out of the average, as in Keras 2.

    Example:
        >>> layer = layer_average_pooling_1d(pool_size=2, strides=1)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: Window length, one integer. Defaults to `2`.
        strides: One integer. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``data_format``).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_average_pooling_1d()`` of R keras 2.x.
    """
    return _pooling(keras.layers.AveragePooling1D, 1, object, pool_size, strides, padding, name, kwargs)


def layer_average_pooling_2d(
    object: Any = None, pool_size: Any = (2, 2), strides: Any = None, padding: str = "valid",
    data_format: str | None = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Average pooling over 2-d windows.

    Example:
        >>> layer = layer_average_pooling_2d(pool_size=(2, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: One integer or two. Defaults to `(2, 2)`.
        strides: One integer or two. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_average_pooling_2d()`` of R keras 2.x.
    """
    return _pooling(keras.layers.AveragePooling2D, 2, object, pool_size, strides, padding, name, kwargs,
                    data_format=data_format)


def layer_average_pooling_3d(
    object: Any = None, pool_size: Any = (2, 2, 2), strides: Any = None, padding: str = "valid",
    data_format: str | None = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Average pooling over 3-d windows of volumes.

    Example:
        >>> layer = layer_average_pooling_3d(pool_size=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: One integer or three. Defaults to `(2, 2, 2)`.
        strides: One integer or three. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_average_pooling_3d()`` of R keras 2.x.
    """
    return _pooling(keras.layers.AveragePooling3D, 3, object, pool_size, strides, padding, name, kwargs,
                    data_format=data_format)


def _global(cls: Any, object: Any, name: Any, kwargs: dict[str, Any], **extra: Any) -> Any:
    if "data_format" in extra:
        extra["data_format"] = _data_format(extra["data_format"])
    return _make_layer(cls, object, dict(kwargs, name=name), **extra)


def layer_global_max_pooling_1d(object: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """The maximum over all steps of a sequence: (batch, steps, channels) to (batch, channels).

    Example:
        >>> layer = layer_global_max_pooling_1d()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_global_max_pooling_1d()`` of R keras 2.x.
    """
    return _global(keras.layers.GlobalMaxPooling1D, object, name, kwargs)


def layer_global_average_pooling_1d(object: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """The mean over all steps of a sequence: (batch, steps, channels) to (batch, channels).

    Masked steps (after ``layer_masking()`` or an embedding's ``mask_zero``) are left out.

    Example:
        >>> layer = layer_global_average_pooling_1d()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_global_average_pooling_1d()`` of R keras 2.x.
    """
    return _global(keras.layers.GlobalAveragePooling1D, object, name, kwargs)


def layer_global_max_pooling_2d(object: Any = None, data_format: str | None = None, name: str | None = None,
                                **kwargs: Any) -> Any:
    """The maximum over all positions of an image: (batch, rows, cols, channels) to (batch, channels).

    Example:
        >>> layer = layer_global_max_pooling_2d()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_global_max_pooling_2d()`` of R keras 2.x.
    """
    return _global(keras.layers.GlobalMaxPooling2D, object, name, kwargs, data_format=data_format)


def layer_global_average_pooling_2d(object: Any = None, data_format: str | None = None,
                                    name: str | None = None, **kwargs: Any) -> Any:
    """The mean over all positions of an image: (batch, rows, cols, channels) to (batch, channels).

    Example:
        >>> layer = layer_global_average_pooling_2d()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_global_average_pooling_2d()`` of R keras 2.x.
    """
    return _global(keras.layers.GlobalAveragePooling2D, object, name, kwargs, data_format=data_format)


def layer_global_max_pooling_3d(object: Any = None, data_format: str | None = None, name: str | None = None,
                                **kwargs: Any) -> Any:
    """The maximum over all positions of a volume: (batch, d1, d2, d3, channels) to (batch, channels).

    Example:
        >>> layer = layer_global_max_pooling_3d()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_global_max_pooling_3d()`` of R keras 2.x.
    """
    return _global(keras.layers.GlobalMaxPooling3D, object, name, kwargs, data_format=data_format)


def layer_global_average_pooling_3d(object: Any = None, data_format: str | None = None,
                                    name: str | None = None, **kwargs: Any) -> Any:
    """The mean over all positions of a volume: (batch, d1, d2, d3, channels) to (batch, channels).

    Example:
        >>> layer = layer_global_average_pooling_3d()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_global_average_pooling_3d()`` of R keras 2.x.
    """
    return _global(keras.layers.GlobalAveragePooling3D, object, name, kwargs, data_format=data_format)
