"""``initializer_*`` functions: Keras 3 initializers with R keras 2.x names and defaults.

Pass the result as ``kernel_initializer`` (or any ``*_initializer``) of a layer, or to
``add_weight(initializer = ...)`` in a custom layer. Calling one, ``init(shape = c(3, 2))``, draws
a tensor. With a ``seed`` every call draws the same values; without one, values come from the
global seed (``set_random_seed()``).
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_integer, as_number

__all__ = [
    "initializer_random_normal",
    "initializer_random_uniform",
    "initializer_glorot_uniform",
    "initializer_zeros",
]


def _seed(seed: Any) -> int | None:
    return as_integer(seed, "seed", minimum=0, allow_none=True)


def initializer_random_normal(
    mean: Any = 0.0, stddev: Any = 0.05, seed: Any = None,
) -> keras.initializers.Initializer:
    """Initializer drawing from a normal distribution N(mean, stddev^2).

    Example:
        >>> init = initializer_random_normal(mean=0, stddev=0.02)

    Args:
        mean: Mean of the distribution. Defaults to `0`.
        stddev: Standard deviation, a number >= 0. Defaults to `0.05`.
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.RandomNormal``.

    Mirrors ``keras::initializer_random_normal()`` of R keras 2.x.
    """
    return keras.initializers.RandomNormal(mean=as_number(mean, "mean"),
                                           stddev=as_number(stddev, "stddev", low=0), seed=_seed(seed))


def initializer_random_uniform(
    minval: Any = -0.05, maxval: Any = 0.05, seed: Any = None,
) -> keras.initializers.Initializer:
    """Initializer drawing from a uniform distribution on [minval, maxval).

    Example:
        >>> init = initializer_random_uniform(minval=0, maxval=0.05)

    Args:
        minval: Lower bound. Defaults to `-0.05`.
        maxval: Upper bound, at least ``minval``. Defaults to `0.05`.
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.RandomUniform``.

    Mirrors ``keras::initializer_random_uniform()`` of R keras 2.x.
    """
    low = as_number(minval, "minval")
    high = as_number(maxval, "maxval", low=low)
    return keras.initializers.RandomUniform(minval=low, maxval=high, seed=_seed(seed))


def initializer_glorot_uniform(seed: Any = None) -> keras.initializers.Initializer:
    """Glorot (Xavier) uniform initializer: U(-limit, limit), ``limit = sqrt(6 / (fan_in + fan_out))``.

    Example:
        >>> init = initializer_glorot_uniform(seed=1)

    Args:
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.GlorotUniform``.

    Mirrors ``keras::initializer_glorot_uniform()`` of R keras 2.x.
    """
    return keras.initializers.GlorotUniform(seed=_seed(seed))


def initializer_zeros() -> keras.initializers.Initializer:
    """Initializer of zeros.

    Example:
        >>> init = initializer_zeros()

    Returns:
        A ``keras.initializers.Zeros``.

    Mirrors ``keras::initializer_zeros()`` of R keras 2.x.
    """
    return keras.initializers.Zeros()
