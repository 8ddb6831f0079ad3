"""``activation_*``: the R keras 2.x activation functions, with Keras 2.2.4's formulas.

Each takes a tensor (or an R array, or a symbolic Keras tensor) and returns a tensor of the same
shape. Being plain functions of one tensor, they also serve as ``activation =`` of any layer
(``layer_dense(activation = activation_relu)``) and of ``layer_activation()``.

Two differ from Keras 3's functions of the same name, and keep Keras 2.2.4's numbers:
``activation_hard_sigmoid`` is ``clip(0.2 * x + 0.5, 0, 1)`` (Keras 3: slope 1/6), and
``activation_softmax`` refuses a 1-d tensor, as Keras 2.2.4 did (there is no batch axis to keep).
"""

from __future__ import annotations

from typing import Any

import keras
import tensorflow as tf

from ..bridge.conversion import as_integer, as_number
from ..bridge.errors import bad_argument
from .backend import symbolic

__all__ = [
    "activation_relu", "activation_elu", "activation_selu", "activation_hard_sigmoid", "activation_linear",
    "activation_sigmoid", "activation_softmax", "activation_softplus", "activation_softsign",
    "activation_tanh", "activation_exponential",
]


def _tensor(x: Any) -> tf.Tensor:
    if x is None:
        raise bad_argument("x", x, "a tensor")
    if isinstance(x, keras.Variable):
        x = x.value
    try:
        x = tf.convert_to_tensor(x)
    except (TypeError, ValueError):
        raise bad_argument("x", x, "a tensor or something convertible to one (numbers)") from None
    if not x.dtype.is_floating:
        # Keras 2 activations work on float tensors; an R integer array becomes k_floatx().
        x = tf.cast(x, keras.config.floatx())
    return x


def _named(name: str) -> Any:
    """Give a function the Keras name R keras 2.x gave it (``py_function_name``), so that a model
    that uses it prints and serialises the same name from R and from Python."""
    def mark(fn: Any) -> Any:
        fn.py_function_name = name
        return fn
    return mark


@_named("relu")
@symbolic
def activation_relu(x: Any, alpha: Any = 0.0, max_value: Any = None, threshold: Any = 0.0) -> tf.Tensor:
    """Rectified linear unit: ``x`` from ``threshold`` on, ``alpha * (x - threshold)`` below, capped.

    Example:
        >>> activation_relu([-2.0, 1.0, 8.0], alpha=0.5, max_value=6).numpy()
        array([-1.,  1.,  6.], dtype=float32)

    Args:
        x: A tensor.
        alpha: Slope below the threshold. Defaults to `0`.
        max_value: Largest value returned, or `None` for no cap. Defaults to `None`.
        threshold: Where the linear part starts. Defaults to `0`.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_relu()`` of R keras 2.2.4.
    """
    x = _tensor(x)
    return keras.activations.relu(x, negative_slope=as_number(alpha, "alpha"),
                                  max_value=as_number(max_value, "max_value", allow_none=True),
                                  threshold=as_number(threshold, "threshold"))


@_named("elu")
@symbolic
def activation_elu(x: Any, alpha: Any = 1.0) -> tf.Tensor:
    """Exponential linear unit: ``x`` for ``x > 0``, ``alpha * (exp(x) - 1)`` otherwise.

    Example:
        >>> activation_elu([-1.0, 2.0]).numpy().round(4)
        array([-0.6321,  2.    ], dtype=float32)

    Args:
        x: A tensor.
        alpha: Scale of the negative part. Defaults to `1`.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_elu()`` of R keras 2.2.4.
    """
    return keras.activations.elu(_tensor(x), alpha=as_number(alpha, "alpha"))


@_named("selu")
@symbolic
def activation_selu(x: Any) -> tf.Tensor:
    """Scaled ELU: ``1.0507 * elu(x, alpha = 1.67326)`` (self-normalising networks).

    Example:
        >>> activation_selu([1.0]).numpy().round(4)
        array([1.0507], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_selu()`` of R keras 2.2.4.
    """
    return keras.activations.selu(_tensor(x))


@_named("hard_sigmoid")
@symbolic
def activation_hard_sigmoid(x: Any) -> tf.Tensor:
    """Keras 2's piecewise-linear sigmoid ``clip(0.2 * x + 0.5, 0, 1)``.

    Keras 3's ``hard_sigmoid`` has slope 1/6; this keeps the 2018 slope 0.2.

    Example:
        >>> activation_hard_sigmoid([-3.0, 0.0, 1.0]).numpy()
        array([0. , 0.5, 0.7], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_hard_sigmoid()`` of R keras 2.2.4.
    """
    x = _tensor(x)
    return tf.clip_by_value(tf.cast(0.2, x.dtype) * x + tf.cast(0.5, x.dtype), 0.0, 1.0)


@_named("linear")
@symbolic
def activation_linear(x: Any) -> tf.Tensor:
    """The identity: returns ``x`` unchanged (as a tensor).

    Example:
        >>> activation_linear([1.5]).numpy()
        array([1.5], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        ``x`` as a tensor.

    Mirrors ``keras::activation_linear()`` of R keras 2.2.4.
    """
    return _tensor(x)


@_named("sigmoid")
@symbolic
def activation_sigmoid(x: Any) -> tf.Tensor:
    """Logistic sigmoid ``1 / (1 + exp(-x))``.

    Example:
        >>> activation_sigmoid([0.0]).numpy()
        array([0.5], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_sigmoid()`` of R keras 2.2.4.
    """
    return tf.sigmoid(_tensor(x))


@_named("softmax")
@symbolic
def activation_softmax(x: Any, axis: Any = -1) -> tf.Tensor:
    """Softmax ``exp(x) / sum(exp(x))`` along ``axis``.

    As in R keras 2.2.4, ``axis`` is passed on unchanged (it is not a ``k_*`` function): ``-1`` is
    the last axis and ``1`` the second (the first after the batch axis). A 1-d tensor is refused.

    Example:
        >>> activation_softmax([[0.0, 0.0]]).numpy()
        array([[0.5, 0.5]], dtype=float32)

    Args:
        x: A tensor of 2 or more dimensions.
        axis: The axis to normalise over, Python-style (0-based; negative from the end).
            Defaults to `-1`.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_softmax()`` of R keras 2.2.4.
    """
    x = _tensor(x)
    axis = as_integer(axis, "axis")
    rank = x.shape.rank
    if rank is not None and rank < 2:
        raise bad_argument("x", x, "a tensor of 2 or more dimensions (softmax of a 1-d tensor is refused, "
                           "as in Keras 2.2.4: add a batch axis)")
    if rank is not None and not -rank <= axis < rank:
        raise bad_argument("axis", axis, f"an axis of a {rank}-d tensor, between {-rank} and {rank - 1} "
                           "(0-based, as R keras 2.x passed it on)")
    return tf.nn.softmax(x, axis=axis)


@_named("softplus")
@symbolic
def activation_softplus(x: Any) -> tf.Tensor:
    """Softplus ``log(1 + exp(x))``.

    Example:
        >>> activation_softplus([0.0]).numpy().round(4)
        array([0.6931], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_softplus()`` of R keras 2.2.4.
    """
    return tf.nn.softplus(_tensor(x))


@_named("softsign")
@symbolic
def activation_softsign(x: Any) -> tf.Tensor:
    """Softsign ``x / (1 + abs(x))``.

    Example:
        >>> activation_softsign([1.0, -3.0]).numpy()
        array([ 0.5 , -0.75], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_softsign()`` of R keras 2.2.4.
    """
    return tf.nn.softsign(_tensor(x))


@_named("tanh")
@symbolic
def activation_tanh(x: Any) -> tf.Tensor:
    """Hyperbolic tangent.

    Example:
        >>> activation_tanh([0.0]).numpy()
        array([0.], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_tanh()`` of R keras 2.2.4.
    """
    return tf.tanh(_tensor(x))


@_named("exponential")
@symbolic
def activation_exponential(x: Any) -> tf.Tensor:
    """Exponential ``exp(x)``.

    Example:
        >>> activation_exponential([0.0]).numpy()
        array([1.], dtype=float32)

    Args:
        x: A tensor.

    Returns:
        A tensor of the shape and dtype of ``x``.

    Mirrors ``keras::activation_exponential()`` of R keras 2.2.4.
    """
    return tf.exp(_tensor(x))
