"""``constraint_*`` and ``KerasConstraint``: weight constraints of R keras 2.x.

Pass one as ``kernel_constraint`` / ``bias_constraint`` (or any ``*_constraint``) of a layer; after
every optimizer step the weight is replaced by ``constraint(weight)``. Keras 3's constraints apply
the same formulas as Keras 2.2.4, so these return Keras 3's own classes with R keras 2.x's
argument names and defaults.

``axis`` is passed on unchanged, as R keras 2.x did (it is not a ``k_*`` function): ``0`` is the
first axis of the weight, the input axis of a dense kernel; ``c(0, 1, 2)`` the three first axes of
a 2-d convolution kernel.

A custom constraint is a function of the weight returning the constrained weight, or, as in R
keras 2.x, an object of a subclass of :class:`KerasConstraint` that implements ``call(w)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_integer, as_number
from ..bridge.errors import bad_argument

__all__ = ["constraint_maxnorm", "constraint_minmaxnorm", "constraint_nonneg", "constraint_unitnorm",
           "KerasConstraint"]


def _axis(axis: Any) -> int | list[int]:
    """A weight axis (or several), 0-based as R keras 2.x passed it to Keras."""
    if isinstance(axis, np.ndarray):
        axis = axis.tolist()
    if isinstance(axis, (list, tuple)):
        if not axis:
            raise bad_argument("axis", axis, "an integer or a vector of integers")
        if len(axis) == 1:
            return as_integer(axis[0], "axis")
        return [as_integer(a, f"axis[{i + 1}]") for i, a in enumerate(axis)]
    return as_integer(axis, "axis")


def constraint_maxnorm(max_value: Any = 2, axis: Any = 0) -> keras.constraints.Constraint:
    """Scale the weights incident to each unit down to a norm of at most ``max_value``.

    ``w * clip(norm, 0, max_value) / (k_epsilon() + norm)``, the norm taken over ``axis``.

    Example:
        >>> layer = layer_dense(units=32, kernel_constraint=constraint_maxnorm(3))

    Args:
        max_value: The largest norm, a number >= 0. Defaults to `2`.
        axis: The axis (or axes) along which norms are taken, 0-based. Defaults to `0`
            (each column of a dense kernel).

    Returns:
        A ``keras.constraints.MaxNorm``.

    Mirrors ``keras::constraint_maxnorm()`` of R keras 2.2.4.
    """
    return keras.constraints.MaxNorm(max_value=as_number(max_value, "max_value", low=0), axis=_axis(axis))


def constraint_nonneg() -> keras.constraints.Constraint:
    """Set negative weights to zero.

    Example:
        >>> layer = layer_dense(units=32, kernel_constraint=constraint_nonneg())

    Returns:
        A ``keras.constraints.NonNeg``.

    Mirrors ``keras::constraint_nonneg()`` of R keras 2.2.4.
    """
    return keras.constraints.NonNeg()


def constraint_unitnorm(axis: Any = 0) -> keras.constraints.Constraint:
    """Scale the weights incident to each unit to norm 1: ``w / (k_epsilon() + norm)``.

    Example:
        >>> layer = layer_dense(units=32, kernel_constraint=constraint_unitnorm())

    Args:
        axis: The axis (or axes) along which norms are taken, 0-based. Defaults to `0`.

    Returns:
        A ``keras.constraints.UnitNorm``.

    Mirrors ``keras::constraint_unitnorm()`` of R keras 2.2.4.
    """
    return keras.constraints.UnitNorm(axis=_axis(axis))


def constraint_minmaxnorm(min_value: Any = 0.0, max_value: Any = 1.0, rate: Any = 1.0,
                          axis: Any = 0) -> keras.constraints.Constraint:
    """Scale the weights incident to each unit to a norm between ``min_value`` and ``max_value``.

    The new norm is ``rate * clip(norm, min_value, max_value) + (1 - rate) * norm``: ``rate = 1``
    enforces the bounds at once, a smaller rate moves towards them step by step.

    Example:
        >>> constraint = constraint_minmaxnorm(min_value=0.5, max_value=1)

    Args:
        min_value: The least norm, >= 0. Defaults to `0`.
        max_value: The largest norm, >= ``min_value``. Defaults to `1`.
        rate: How strictly to enforce the bounds, in [0, 1]. Defaults to `1`.
        axis: The axis (or axes) along which norms are taken, 0-based. Defaults to `0`.

    Returns:
        A ``keras.constraints.MinMaxNorm``.

    Mirrors ``keras::constraint_minmaxnorm()`` of R keras 2.2.4.
    """
    low = as_number(min_value, "min_value", low=0)
    return keras.constraints.MinMaxNorm(min_value=low, max_value=as_number(max_value, "max_value", low=low),
                                        rate=as_number(rate, "rate", low=0, high=1), axis=_axis(axis))


class KerasConstraint(keras.constraints.Constraint):
    """Base class of custom constraints: implement ``call(w)`` returning the constrained weight.

    R keras 2.x's ``KerasConstraint`` was an R6 class with a ``call(w)`` method; an object of a
    subclass given as ``*_constraint`` of a layer became a Keras constraint. This is that class
    for Python (subclass it and implement ``call``), and what the R package turns an R6
    ``KerasConstraint`` object into, with its ``call`` method (and ``get_config``) as arguments.

    Example:
        >>> class NonNeg(KerasConstraint):
        ...     def call(self, w):
        ...         return w * k_cast(k_greater_equal(w, 0), k_floatx())
        >>> layer = layer_dense(units=32, kernel_constraint=NonNeg())

    Args:
        call: A function of the weight, used when a subclass does not implement ``call``.
            Defaults to `None`.
        get_config: A function returning the constraint's configuration (a dict). Defaults to
            `None` (an empty configuration).

    Mirrors ``keras::KerasConstraint`` of R keras 2.2.4.
    """

    def __init__(self, call: Callable[[Any], Any] | None = None,
                 get_config: Callable[[], Any] | None = None) -> None:
        if call is not None and not callable(call):
            raise bad_argument("call", call, "a function of the weight, or NULL/None", TypeError)
        if get_config is not None and not callable(get_config):
            raise bad_argument("get_config", get_config, "a function, or NULL/None", TypeError)
        self._call = call
        self._get_config = get_config

    def call(self, w: Any) -> Any:
        """Return the constrained weight; subclasses implement this."""
        if self._call is None:
            raise NotImplementedError(
                "Keras custom constraints must implement the call function: subclass KerasConstraint "
                "and define call(w), or give KerasConstraint(call = function(w) ...)")
        return self._call(w)

    def __call__(self, w: Any) -> Any:
        return self.call(w)

    def get_config(self) -> dict[str, Any]:
        if self._get_config is None:
            return {}
        config = self._get_config()
        return dict(config) if config is not None else {}
