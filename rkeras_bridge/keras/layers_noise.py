"""Noise layers (R keras 2.x ``layers-noise.R``): Gaussian noise, Gaussian dropout, alpha dropout.

All three act only while training (``layer(x, training = TRUE)``, or inside ``fit()``) and pass
their input through unchanged otherwise, as in Keras 2.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_integer, as_number
from .layer_arguments import _make_layer, _shape

__all__ = ["layer_gaussian_noise", "layer_gaussian_dropout", "layer_alpha_dropout"]


def layer_gaussian_noise(object: Any = None, stddev: Any = None, name: str | None = None,
                         **kwargs: Any) -> Any:
    """Adds zero-centred Gaussian noise of standard deviation ``stddev`` while training.

    Example:
        >>> layer = layer_gaussian_noise(stddev=0.1)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        stddev: Standard deviation of the noise, a number >= 0.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``seed``, which keras 2.2.4 did not have).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_gaussian_noise()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.GaussianNoise, object, dict(kwargs, name=name),
                       stddev=as_number(stddev, "stddev", low=0))


def layer_gaussian_dropout(object: Any = None, rate: Any = None, name: str | None = None,
                           **kwargs: Any) -> Any:
    """Multiplies the input by Gaussian noise of mean 1 while training.

    The noise's standard deviation is ``sqrt(rate / (1 - rate))``.

    Example:
        >>> layer = layer_gaussian_dropout(rate=0.2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: The drop probability of the equivalent dropout, in [0, 1).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (and ``seed``).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_gaussian_dropout()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.GaussianDropout, object, dict(kwargs, name=name),
                       rate=as_number(rate, "rate", low=0, high=1, high_open=True))


def layer_alpha_dropout(object: Any = None, rate: Any = None, noise_shape: Any = None, seed: Any = None,
                        name: str | None = None, **kwargs: Any) -> Any:
    """Dropout that keeps the mean and variance of self-normalising (SELU) activations, while training.

    Dropped inputs are set to SELU's negative saturation value ``-alpha * scale`` and the result
    is scaled and shifted back to the input's mean and variance (Klambauer et al. 2017).

    Example:
        >>> layer = layer_alpha_dropout(rate=0.1)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: Fraction of the inputs to drop, in [0, 1).
        noise_shape: Shape of the binary dropout mask (with the batch dimension). Defaults to `None`.
        seed: Integer seed. Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_alpha_dropout()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.AlphaDropout, object, dict(kwargs, name=name),
                       rate=as_number(rate, "rate", low=0, high=1, high_open=True),
                       noise_shape=_shape(noise_shape, "noise_shape"),
                       seed=as_integer(seed, "seed", allow_none=True))
