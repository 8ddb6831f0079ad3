"""``initializer_*`` functions: Keras 3 initializers with R keras 2.x names and defaults.

Pass the result as ``kernel_initializer`` (or any ``*_initializer``) of a layer, or to
``add_weight(initializer = ...)`` in a custom layer. Calling one, ``init(shape = c(3, 2))``, draws
a tensor. With a ``seed`` every call draws the same values; without one, values come from the
global seed (``set_random_seed()``).
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_integer, as_number
from ..bridge.errors import bad_argument

__all__ = [
    "initializer_random_normal",
    "initializer_random_uniform",
    "initializer_glorot_uniform",
    "initializer_zeros",
    "initializer_ones",
    "initializer_constant",
    "initializer_truncated_normal",
    "initializer_variance_scaling",
    "initializer_orthogonal",
    "initializer_identity",
    "initializer_glorot_normal",
    "initializer_he_normal",
    "initializer_he_uniform",
    "initializer_lecun_normal",
    "initializer_lecun_uniform",
]


def _seed(seed: Any) -> int | None:
    return as_integer(seed, "seed", minimum=0, allow_none=True)


def _choice(value: Any, name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices``, as R's ``match.arg()`` picks it: the whole vector of choices (an R
    default such as ``c("fan_in", "fan_out", "fan_avg")``) means the first, and a unique prefix
    names the choice it begins."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if list(value) == list(choices):
            return choices[0]
        if len(value) == 1:
            value = value[0]
    if isinstance(value, str) and value:
        matches = [c for c in choices if c == value] or [c for c in choices if c.startswith(value)]
        if len(matches) == 1:
            return matches[0]
    raise bad_argument(name, value, "one of " + ", ".join(f'"{c}"' for c in choices))


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


def initializer_ones() -> keras.initializers.Initializer:
    """Initializer of ones.

    Example:
        >>> init = initializer_ones()

    Returns:
        A ``keras.initializers.Ones``.

    Mirrors ``keras::initializer_ones()`` of R keras 2.2.4.
    """
    return keras.initializers.Ones()


def initializer_constant(value: Any = 0) -> keras.initializers.Initializer:
    """Initializer filling every element with ``value``.

    Example:
        >>> init = initializer_constant(0.1)

    Args:
        value: A number, or an array that broadcasts to the weight's shape (e.g. one value per
            unit for a bias). Defaults to `0`.

    Returns:
        A ``keras.initializers.Constant``.

    Mirrors ``keras::initializer_constant()`` of R keras 2.2.4.
    """
    if isinstance(value, (list, tuple, np.ndarray)) and np.size(value) != 1:
        array = np.asarray(value)
        if array.size == 0 or array.dtype.kind not in "biuf" or array.dtype.kind == "b":
            raise bad_argument("value", value, "a number or an array of numbers")
        return keras.initializers.Constant(value=array.astype("float64"))
    return keras.initializers.Constant(value=as_number(value, "value"))


def initializer_truncated_normal(
    mean: Any = 0.0, stddev: Any = 0.05, seed: Any = None,
) -> keras.initializers.Initializer:
    """Initializer drawing from N(mean, stddev^2) truncated to ``mean +/- 2 * stddev`` (redrawn beyond).

    Example:
        >>> init = initializer_truncated_normal(stddev=0.1, seed=1)

    Args:
        mean: Mean of the distribution. Defaults to `0`.
        stddev: Standard deviation before truncation, a number >= 0. Defaults to `0.05`.
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.TruncatedNormal``.

    Mirrors ``keras::initializer_truncated_normal()`` of R keras 2.2.4.
    """
    return keras.initializers.TruncatedNormal(mean=as_number(mean, "mean"),
                                              stddev=as_number(stddev, "stddev", low=0), seed=_seed(seed))


# Keras 2.2.4's "normal" variance scaling drew from a truncated normal, its standard deviation
# corrected by 0.8796 (the sd of a standard normal truncated at +/- 2); Keras 3 calls that
# "truncated_normal" (its "normal" is now untruncated).
_DISTRIBUTIONS = {"normal": "truncated_normal", "uniform": "uniform"}


def initializer_variance_scaling(scale: Any = 1.0, mode: Any = ("fan_in", "fan_out", "fan_avg"),
                                 distribution: Any = ("normal", "uniform"),
                                 seed: Any = None) -> keras.initializers.Initializer:
    """Initializer whose scale adapts to the weight's shape: variance ``scale / n``.

    ``n`` is the number of inputs (``mode = "fan_in"``), of outputs (``"fan_out"``) or their mean
    (``"fan_avg"``). ``distribution = "normal"`` draws from a normal truncated at two standard
    deviations with standard deviation ``sqrt(scale / n) / 0.8796`` (as Keras 2.2.4, so that the
    truncated values have variance ``scale / n``); ``"uniform"`` from
    ``U(-sqrt(3 * scale / n), sqrt(3 * scale / n))``.

    Example:
        >>> init = initializer_variance_scaling(scale=2, mode="fan_avg", distribution="uniform")

    Args:
        scale: The scaling factor, a number > 0. Defaults to `1`.
        mode: ``"fan_in"``, ``"fan_out"`` or ``"fan_avg"`` (the R default vector means the first).
            Defaults to `"fan_in"`.
        distribution: ``"normal"`` or ``"uniform"``. Defaults to `"normal"`.
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.VarianceScaling``.

    Mirrors ``keras::initializer_variance_scaling()`` of R keras 2.2.4.
    """
    scale = as_number(scale, "scale")
    if scale <= 0:
        raise bad_argument("scale", scale, "a number > 0")
    mode = _choice(mode, "mode", ("fan_in", "fan_out", "fan_avg"))
    distribution = _choice(distribution, "distribution", ("normal", "uniform"))
    return keras.initializers.VarianceScaling(scale=scale, mode=mode,
                                              distribution=_DISTRIBUTIONS[distribution], seed=_seed(seed))


def initializer_orthogonal(gain: Any = 1.0, seed: Any = None) -> keras.initializers.Initializer:
    """Initializer of a random orthogonal matrix times ``gain``.

    A weight of more than two dimensions is drawn as the matrix (product of all axes but the
    last) x (last axis) and reshaped.

    Example:
        >>> init = initializer_orthogonal(gain=1, seed=1)

    Args:
        gain: Multiplicative factor. Defaults to `1`.
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.Orthogonal``.

    Mirrors ``keras::initializer_orthogonal()`` of R keras 2.2.4.
    """
    return keras.initializers.Orthogonal(gain=as_number(gain, "gain"), seed=_seed(seed))


def initializer_identity(gain: Any = 1.0) -> keras.initializers.Initializer:
    """Initializer of ``gain`` times the identity matrix (2-d weights only).

    Example:
        >>> init = initializer_identity(gain=0.5)

    Args:
        gain: Multiplicative factor. Defaults to `1`.

    Returns:
        A ``keras.initializers.Identity``.

    Mirrors ``keras::initializer_identity()`` of R keras 2.2.4.
    """
    return keras.initializers.Identity(gain=as_number(gain, "gain"))


def initializer_glorot_normal(seed: Any = None) -> keras.initializers.Initializer:
    """Glorot (Xavier) normal initializer: truncated normal, variance ``2 / (fan_in + fan_out)``.

    Example:
        >>> init = initializer_glorot_normal(seed=1)

    Args:
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.GlorotNormal``.

    Mirrors ``keras::initializer_glorot_normal()`` of R keras 2.2.4.
    """
    return keras.initializers.GlorotNormal(seed=_seed(seed))


def initializer_he_normal(seed: Any = None) -> keras.initializers.Initializer:
    """He normal initializer: truncated normal, variance ``2 / fan_in``.

    Example:
        >>> init = initializer_he_normal(seed=1)

    Args:
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.HeNormal``.

    Mirrors ``keras::initializer_he_normal()`` of R keras 2.2.4.
    """
    return keras.initializers.HeNormal(seed=_seed(seed))


def initializer_he_uniform(seed: Any = None) -> keras.initializers.Initializer:
    """He uniform initializer: U(-limit, limit), ``limit = sqrt(6 / fan_in)``.

    Example:
        >>> init = initializer_he_uniform(seed=1)

    Args:
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.HeUniform``.

    Mirrors ``keras::initializer_he_uniform()`` of R keras 2.2.4.
    """
    return keras.initializers.HeUniform(seed=_seed(seed))


def initializer_lecun_normal(seed: Any = None) -> keras.initializers.Initializer:
    """LeCun normal initializer: truncated normal, variance ``1 / fan_in``.

    Example:
        >>> init = initializer_lecun_normal(seed=1)

    Args:
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.LecunNormal``.

    Mirrors ``keras::initializer_lecun_normal()`` of R keras 2.2.4.
    """
    return keras.initializers.LecunNormal(seed=_seed(seed))


def initializer_lecun_uniform(seed: Any = None) -> keras.initializers.Initializer:
    """LeCun uniform initializer: U(-limit, limit), ``limit = sqrt(3 / fan_in)``.

    Example:
        >>> init = initializer_lecun_uniform(seed=1)

    Args:
        seed: Integer seed (the same values every call). Defaults to `None`.

    Returns:
        A ``keras.initializers.LecunUniform``.

    Mirrors ``keras::initializer_lecun_uniform()`` of R keras 2.2.4.
    """
    return keras.initializers.LecunUniform(seed=_seed(seed))
