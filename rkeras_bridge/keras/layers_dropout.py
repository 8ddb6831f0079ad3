"""Dropout layers (R keras 2.x ``layers-dropout.R``): dropout and spatial dropout.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_integer, as_number
from .layer_arguments import _make_layer, _shape
from .layers_convolutional import _data_format

__all__ = [
    "layer_dropout", "layer_spatial_dropout_1d", "layer_spatial_dropout_2d", "layer_spatial_dropout_3d",
]


def _rate(rate: Any) -> float:
    return as_number(rate, "rate", low=0, high=1, high_open=True)  # type: ignore[return-value]


def layer_dropout(object: Any = None, rate: Any = None, noise_shape: Any = None, seed: Any = None,
                  name: str | None = None, **kwargs: Any) -> Any:
    """Randomly sets a fraction ``rate`` of inputs to 0 while training.

    Example:
        >>> layer = layer_dropout(rate=0.5)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: Fraction of the inputs to drop, in [0, 1).
        noise_shape: Shape of the binary dropout mask. Defaults to `None`.
        seed: Integer seed. Defaults to `None` (drawn from the global seed).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Dropout`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_dropout()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.Dropout, object, dict(kwargs, name=name), rate=_rate(rate),
                       noise_shape=_shape(noise_shape, "noise_shape"),
                       seed=as_integer(seed, "seed", allow_none=True))


def layer_spatial_dropout_1d(object: Any = None, rate: Any = None, name: str | None = None,
                             **kwargs: Any) -> Any:
    """Drops whole channels of a sequence (every step of a channel together) while training.

    Where neighbouring steps are strongly correlated, dropping single values does not regularise;
    dropping whole feature maps does (Tompson et al. 2014). Kept channels are scaled by
    ``1 / (1 - rate)``.

    Example:
        >>> layer = layer_spatial_dropout_1d(rate=0.2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: Fraction of the channels to drop, in [0, 1).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``seed``).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_spatial_dropout_1d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.SpatialDropout1D, object, dict(kwargs, name=name), rate=_rate(rate))


def layer_spatial_dropout_2d(object: Any = None, rate: Any = None, data_format: str | None = None,
                             name: str | None = None, **kwargs: Any) -> Any:
    """Drops whole channels (feature maps) of images while training; kept ones are scaled up.

    Kept channels are multiplied by ``1 / (1 - rate)``.

    Example:
        >>> layer = layer_spatial_dropout_2d(rate=0.2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: Fraction of the channels to drop, in [0, 1).
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``seed``).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_spatial_dropout_2d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.SpatialDropout2D, object, dict(kwargs, name=name), rate=_rate(rate),
                       data_format=_data_format(data_format))


def layer_spatial_dropout_3d(object: Any = None, rate: Any = None, data_format: str | None = None,
                             name: str | None = None, **kwargs: Any) -> Any:
    """Drops whole channels (feature maps) of volumes while training; kept ones are scaled up.

    Kept channels are multiplied by ``1 / (1 - rate)``.

    Example:
        >>> layer = layer_spatial_dropout_3d(rate=0.2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: Fraction of the channels to drop, in [0, 1).
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``seed``).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_spatial_dropout_3d()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.SpatialDropout3D, object, dict(kwargs, name=name), rate=_rate(rate),
                       data_format=_data_format(data_format))
