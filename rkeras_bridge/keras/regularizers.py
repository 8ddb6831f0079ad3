"""``regularizer_*``: the L1/L2 weight penalties of R keras 2.x.

Pass one as ``kernel_regularizer``, ``bias_regularizer`` or ``activity_regularizer`` of a layer;
the penalty joins the model's loss. Calling one on a tensor gives the penalty:
``regularizer_l2(0.01)(w)`` is ``0.01 * sum(w^2)``, as in Keras 2.2.4.

Keras 3 divides an *activity* penalty by the batch size, where Keras 2.2.4 added it undivided;
:func:`keras2_activity_regularizer` wraps a regularizer so that the penalty a layer adds is
Keras 2.2.4's again (the layers' ``activity_regularizer`` argument is where it applies). Weight
penalties are the same in Keras 2.2.4 and Keras 3.
"""

from __future__ import annotations

from typing import Any

import keras

from keras import ops

from ..bridge.conversion import as_number
from ..bridge.errors import bad_argument

__all__ = ["regularizer_l1", "regularizer_l2", "regularizer_l1_l2"]


def regularizer_l1(l: Any = 0.01) -> keras.regularizers.Regularizer:  # noqa: E741 (R keras's name)
    """L1 penalty ``l * sum(abs(x))``.

    Example:
        >>> float(regularizer_l1(0.5)(keras.ops.convert_to_tensor([[1.0, -2.0]])))
        1.5

    Args:
        l: The penalty factor, a number >= 0. Defaults to `0.01`.

    Returns:
        A ``keras.regularizers.L1``.

    Mirrors ``keras::regularizer_l1()`` of R keras 2.2.4.
    """
    return keras.regularizers.L1(l1=as_number(l, "l", low=0))


def regularizer_l2(l: Any = 0.01) -> keras.regularizers.Regularizer:  # noqa: E741 (R keras's name)
    """L2 penalty ``l * sum(x^2)``.

    Example:
        >>> float(regularizer_l2(0.5)(keras.ops.convert_to_tensor([[1.0, -2.0]])))
        2.5

    Args:
        l: The penalty factor, a number >= 0. Defaults to `0.01`.

    Returns:
        A ``keras.regularizers.L2``.

    Mirrors ``keras::regularizer_l2()`` of R keras 2.2.4.
    """
    return keras.regularizers.L2(l2=as_number(l, "l", low=0))


def regularizer_l1_l2(l1: Any = 0.01, l2: Any = 0.01) -> keras.regularizers.Regularizer:
    """L1 and L2 penalties together: ``l1 * sum(abs(x)) + l2 * sum(x^2)``.

    Example:
        >>> float(regularizer_l1_l2(l1=0.5, l2=0.5)(keras.ops.convert_to_tensor([[1.0, -2.0]])))
        4.0

    Args:
        l1: The L1 factor, a number >= 0. Defaults to `0.01`.
        l2: The L2 factor, a number >= 0. Defaults to `0.01`.

    Returns:
        A ``keras.regularizers.L1L2``.

    Mirrors ``keras::regularizer_l1_l2()`` of R keras 2.2.4.
    """
    return keras.regularizers.L1L2(l1=as_number(l1, "l1", low=0), l2=as_number(l2, "l2", low=0))


@keras.saving.register_keras_serializable(package="rkeras_bridge", name="Keras2ActivityRegularizer")
class Keras2ActivityRegularizer(keras.regularizers.Regularizer):
    """An activity regularizer whose penalty a Keras 3 layer adds undivided, as Keras 2.2.4 did.

    A Keras 3 layer divides ``activity_regularizer(output)`` by the batch size; this one multiplies
    the wrapped penalty by the batch size first, so the loss gets ``regularizer(output)`` itself.
    """

    def __init__(self, regularizer: Any) -> None:
        if not callable(regularizer):
            raise bad_argument("activity_regularizer", regularizer,
                               "a regularizer or a function of the output", TypeError)
        self.regularizer = regularizer

    def __call__(self, x: Any) -> Any:
        penalty = self.regularizer(x)
        if len(x.shape) == 0:
            return penalty
        return penalty * ops.cast(ops.shape(x)[0], penalty.dtype)

    def get_config(self) -> dict[str, Any]:
        return {"regularizer": keras.regularizers.serialize(self.regularizer)}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Keras2ActivityRegularizer:
        return cls(keras.regularizers.deserialize(config["regularizer"]))


def keras2_activity_regularizer(regularizer: Any) -> Any:
    """The ``activity_regularizer`` to give a Keras 3 layer for R keras 2.x's ``activity_regularizer``.

    Example:
        >>> layer = keras.layers.Dense(4, activity_regularizer=keras2_activity_regularizer(regularizer_l2()))

    Args:
        regularizer: A regularizer (``regularizer_l1()`` ...), a Keras name such as ``"l2"``, a
            function of the layer's output, or `None`.

    Returns:
        `None` for `None`; otherwise a :class:`Keras2ActivityRegularizer`, whose penalty the layer
        adds undivided by the batch size, as Keras 2.2.4 did.
    """
    if regularizer is None or isinstance(regularizer, Keras2ActivityRegularizer):
        return regularizer
    if isinstance(regularizer, (str, dict)):
        regularizer = keras.regularizers.get(regularizer)
    return Keras2ActivityRegularizer(regularizer)
