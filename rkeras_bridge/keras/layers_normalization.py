"""Normalization layers (R keras 2.x ``layers-normalization.R``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_flag, as_integer, as_number
from .layer_arguments import _make_layer

__all__ = ["layer_batch_normalization"]


def layer_batch_normalization(object: Any = None, axis: Any = -1, momentum: Any = 0.99, epsilon: Any = 0.001,
                              center: bool = True, scale: bool = True, beta_initializer: Any = "zeros",
                              gamma_initializer: Any = "ones", moving_mean_initializer: Any = "zeros",
                              moving_variance_initializer: Any = "ones", beta_regularizer: Any = None,
                              gamma_regularizer: Any = None, beta_constraint: Any = None,
                              gamma_constraint: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Batch normalization: normalise with the batch's statistics (training) or moving ones.

    Example:
        >>> layer = layer_batch_normalization()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        axis: The features axis, passed on unchanged as R keras 2.x did: `-1` is the last axis,
            `1` the first after the batch axis (channels of ``channels_first`` images).
            Defaults to `-1`.
        momentum: Momentum of the moving averages. Defaults to `0.99`.
        epsilon: Added to the variance. Defaults to `0.001`.
        center: Learn an offset ``beta``. Defaults to `True`.
        scale: Learn a factor ``gamma``. Defaults to `True`.
        beta_initializer: Defaults to `"zeros"`.
        gamma_initializer: Defaults to `"ones"`.
        moving_mean_initializer: Defaults to `"zeros"`.
        moving_variance_initializer: Defaults to `"ones"`.
        beta_regularizer: Defaults to `None`.
        gamma_regularizer: Defaults to `None`.
        beta_constraint: Defaults to `None`.
        gamma_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.BatchNormalization`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``. Call it with
        ``training = TRUE`` to use (and update with) the batch's statistics.

    Mirrors ``keras::layer_batch_normalization()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.BatchNormalization, object, dict(kwargs, name=name), axis=as_integer(axis, "axis"),
        momentum=as_number(momentum, "momentum", low=0, high=1), epsilon=as_number(epsilon, "epsilon", low=0),
        center=as_flag(center, "center"), scale=as_flag(scale, "scale"), beta_initializer=beta_initializer,
        gamma_initializer=gamma_initializer, moving_mean_initializer=moving_mean_initializer,
        moving_variance_initializer=moving_variance_initializer, beta_regularizer=beta_regularizer,
        gamma_regularizer=gamma_regularizer, beta_constraint=beta_constraint,
        gamma_constraint=gamma_constraint,
    )
