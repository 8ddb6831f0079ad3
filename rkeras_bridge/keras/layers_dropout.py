"""Dropout layers (R keras 2.x ``layers-dropout.R``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument
from .layer_arguments import _make_layer, _shape

__all__ = ["layer_dropout"]


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
    try:
        rate_value = float(rate)
    except (TypeError, ValueError):
        raise bad_argument("rate", rate, "a number in [0, 1)") from None
    if not 0 <= rate_value < 1:
        raise bad_argument("rate", rate, "a number in [0, 1)")
    seed = as_integer(seed, "seed", allow_none=True)
    return _make_layer(keras.layers.Dropout, object, dict(kwargs, name=name), rate=rate_value,
                       noise_shape=_shape(noise_shape, "noise_shape"), seed=seed)
