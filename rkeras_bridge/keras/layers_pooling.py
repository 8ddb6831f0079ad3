"""Pooling layers (R keras 2.x ``layers-pooling.R``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.errors import bad_argument
from .layer_arguments import _int_tuple, _make_layer

__all__ = ["layer_max_pooling_2d"]


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
    if padding not in ("valid", "same"):
        raise bad_argument("padding", padding, '"valid" or "same"')
    return _make_layer(keras.layers.MaxPooling2D, object, dict(kwargs, name=name),
                       pool_size=_int_tuple(pool_size, "pool_size"),
                       strides=None if strides is None else _int_tuple(strides, "strides"), padding=padding,
                       data_format=data_format)
