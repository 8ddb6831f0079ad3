"""Advanced activation layers (R keras 2.x ``layers-advanced-activations.R``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_number
from .layer_arguments import _make_layer

__all__ = ["layer_activation_leaky_relu"]


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
