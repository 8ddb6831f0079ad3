"""R keras 2.x backend functions: element-wise maths, comparisons, reductions, shapes and control flow.

The conventions of :mod:`rkeras_bridge.keras.backend` hold here: axes are 1-based (``-1`` is the
last axis), indices that TensorFlow returns (``k_argmin``) are 0-based as R keras 2.x passed them
through, class ids given to ``k_one_hot`` are 0-based as in R keras 2.2.4 (which passed them on
unchanged), and every tensor function also takes symbolic Keras tensors.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_axis, as_integer, as_number
from ..bridge.errors import bad_argument
from .backend import (
    _as_tensor,
    _dtype,
    _is_tensor,
    _pair,
    _rank,
    _reduce,
    _seed,
    _shape,
    symbolic,
)

__all__ = [
    "k_all", "k_any", "k_arange", "k_argmin", "k_cos", "k_cumprod", "k_cumsum", "k_elu", "k_equal",
    "k_eye", "k_flatten", "k_foldl", "k_foldr", "k_greater", "k_greater_equal", "k_hard_sigmoid",
    "k_identity", "k_l2_normalize", "k_less", "k_less_equal", "k_logsumexp", "k_map_fn", "k_maximum",
    "k_min", "k_minimum", "k_not_equal", "k_one_hot", "k_ones", "k_prod", "k_random_binomial",
    "k_random_normal_variable", "k_random_uniform_variable", "k_relu", "k_repeat", "k_repeat_elements",
    "k_reverse", "k_round", "k_sign", "k_sin", "k_softplus", "k_softsign", "k_squeeze", "k_std",
    "k_stop_gradient", "k_switch", "k_tile", "k_truncated_normal", "k_unstack", "k_var",
]


def _single_axis(axis: Any, name: str = "axis") -> int:
    converted = as_axis(axis, name)
    if converted is None or isinstance(converted, tuple):
        if isinstance(converted, tuple) and len(converted) == 1:
            return converted[0]
        raise bad_argument(name, axis, "a single axis (1-based; -1 is the last)")
    return converted


def _in_rank(axis: int, rank: int, name: str, given: Any) -> int:
    if not -rank <= axis < rank:
        raise bad_argument(name, given, f"an axis within the rank of x ({rank}): 1..{rank} or -{rank}..-1")
    return axis % rank


def _floatx_if_bool(x: tf.Tensor) -> tf.Tensor:
    return tf.cast(x, keras.config.floatx()) if x.dtype == tf.bool else x


# --- element-wise -----------------------------------------------------------------------------------


@symbolic
def k_cos(x: Any) -> tf.Tensor:
    """Element-wise cosine.

    Example:
        >>> float(k_cos(tf.constant(0.0)))
        1.0

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_cos()``.
    """
    return tf.cos(_as_tensor(x))


@symbolic
def k_sin(x: Any) -> tf.Tensor:
    """Element-wise sine.

    Example:
        >>> float(k_sin(tf.constant(0.0)))
        0.0

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_sin()``.
    """
    return tf.sin(_as_tensor(x))


@symbolic
def k_sign(x: Any) -> tf.Tensor:
    """Element-wise sign: -1, 0 or 1.

    Example:
        >>> k_sign(tf.constant([-2.0, 0.0, 3.0])).numpy()
        array([-1.,  0.,  1.], dtype=float32)

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_sign()``.
    """
    return tf.sign(_as_tensor(x))


@symbolic
def k_round(x: Any) -> tf.Tensor:
    """Element-wise rounding to the closest integer, halves to even ("banker's rounding", as R's ``round()``).

    Example:
        >>> k_round(tf.constant([0.5, 1.5, 2.4])).numpy()
        array([0., 2., 2.], dtype=float32)

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_round()``.
    """
    return tf.round(_as_tensor(x))


@symbolic
def k_softplus(x: Any) -> tf.Tensor:
    """Element-wise softplus ``log(exp(x) + 1)``.

    Example:
        >>> round(float(k_softplus(tf.constant(0.0))), 4)
        0.6931

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_softplus()``.
    """
    return tf.nn.softplus(_as_tensor(x))


@symbolic
def k_softsign(x: Any) -> tf.Tensor:
    """Element-wise softsign ``x / (abs(x) + 1)``.

    Example:
        >>> float(k_softsign(tf.constant(1.0)))
        0.5

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_softsign()``.
    """
    return tf.nn.softsign(_as_tensor(x))


@symbolic
def k_hard_sigmoid(x: Any) -> tf.Tensor:
    """Segment-wise linear approximation of the sigmoid: ``clip(0.2 * x + 0.5, 0, 1)``.

    Example:
        >>> k_hard_sigmoid(tf.constant([-3.0, 0.0, 1.0])).numpy()
        array([0. , 0.5, 0.7], dtype=float32)

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_hard_sigmoid()``.
    """
    x = _as_tensor(x)
    return tf.clip_by_value(x * tf.cast(0.2, x.dtype) + tf.cast(0.5, x.dtype), tf.cast(0, x.dtype),
                            tf.cast(1, x.dtype))


@symbolic
def k_relu(x: Any, alpha: Any = 0.0, max_value: Any = None) -> tf.Tensor:
    """Rectified linear unit, with an optional slope below 0 and an optional cap.

    ``max(x, 0) - alpha * max(-x, 0)``, capped at ``max_value`` as Keras 2.2.4 computed it (the cap
    applies to the positive part).

    Example:
        >>> k_relu(tf.constant([-2.0, 1.0, 9.0]), alpha=0.5, max_value=6).numpy()
        array([-1.,  1.,  6.], dtype=float32)

    Args:
        x: Tensor or variable.
        alpha: Slope for negative values. Defaults to `0`.
        max_value: Saturation threshold. Defaults to `None` (none).

    Returns:
        A tensor.

    Mirrors ``keras::k_relu()``.
    """
    x = _as_tensor(x)
    alpha = as_number(alpha, "alpha")
    max_value = as_number(max_value, "max_value", low=0, allow_none=True)
    negative = tf.nn.relu(-x) if alpha != 0 else None
    result = tf.nn.relu(x)
    if max_value is not None:
        result = tf.minimum(result, tf.cast(max_value, x.dtype))
    if negative is not None:
        result = result - tf.cast(alpha, x.dtype) * negative
    return result


@symbolic
def k_elu(x: Any, alpha: Any = 1.0) -> tf.Tensor:
    """Exponential linear unit: ``x`` above 0, ``alpha * (exp(x) - 1)`` below.

    Example:
        >>> k_elu(tf.constant([-1.0, 2.0]), alpha=2).numpy().round(4)
        array([-1.2642,  2.    ], dtype=float32)

    Args:
        x: Tensor or variable.
        alpha: Scale of the negative part. Defaults to `1`.

    Returns:
        A tensor.

    Mirrors ``keras::k_elu()``.
    """
    x = _as_tensor(x)
    alpha = as_number(alpha, "alpha")
    result = tf.nn.elu(x)
    return result if alpha == 1 else tf.where(x > 0, result, tf.cast(alpha, x.dtype) * result)


@symbolic
def k_identity(x: Any, name: Any = None) -> tf.Tensor:
    """A tensor with the same content as ``x``.

    Example:
        >>> k_identity(tf.constant([1, 2])).numpy()
        array([1, 2], dtype=int32)

    Args:
        x: Tensor or variable.
        name: Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_identity()``.
    """
    return tf.identity(_as_tensor(x), name=name)


@symbolic
def k_stop_gradient(variables: Any) -> Any:
    """The tensor (or each tensor of a list) with no gradient flowing through it.

    Example:
        >>> x = tf.Variable(2.0)
        >>> with tf.GradientTape() as tape:
        ...     y = x * k_stop_gradient(x)
        >>> float(tape.gradient(y, x))
        2.0

    Args:
        variables: A tensor or a list of tensors.

    Returns:
        A tensor, or a list of tensors.

    Mirrors ``keras::k_stop_gradient()``.
    """
    if isinstance(variables, (list, tuple)):
        return [tf.stop_gradient(_as_tensor(v, "variables")) for v in variables]
    return tf.stop_gradient(_as_tensor(variables, "variables"))


@symbolic
def k_l2_normalize(x: Any, axis: Any = None) -> tf.Tensor:
    """Scale to unit L2 norm along an axis (over all elements when ``axis`` is ``NULL``).

    Example:
        >>> k_l2_normalize(tf.constant([[3.0, 4.0]]), axis=2).numpy()
        array([[0.6, 0.8]], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: The axis or axes (1-based; -1 is the last). Defaults to `None` (all).

    Returns:
        A tensor.

    Mirrors ``keras::k_l2_normalize()``.
    """
    axis = as_axis(axis)
    return tf.math.l2_normalize(_as_tensor(x), axis=list(axis) if isinstance(axis, tuple) else axis)


# --- comparisons and element-wise pairs -------------------------------------------------------------


@symbolic
def k_equal(x: Any, y: Any) -> tf.Tensor:
    """Element-wise ``x == y``.

    Example:
        >>> k_equal(tf.constant([1.0, 2.0]), 2).numpy()
        array([False,  True])

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number (taken in the dtype of the other operand).

    Returns:
        A logical tensor.

    Mirrors ``keras::k_equal()``.
    """
    return tf.equal(*_pair(x, y))


@symbolic
def k_not_equal(x: Any, y: Any) -> tf.Tensor:
    """Element-wise ``x != y``.

    Example:
        >>> k_not_equal(tf.constant([1.0, 2.0]), 2).numpy()
        array([ True, False])

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_not_equal()``.
    """
    return tf.not_equal(*_pair(x, y))


@symbolic
def k_greater(x: Any, y: Any) -> tf.Tensor:
    """Element-wise ``x > y``.

    Example:
        >>> k_greater(tf.constant([1.0, 3.0]), 2).numpy()
        array([False,  True])

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_greater()``.
    """
    return tf.greater(*_pair(x, y))


@symbolic
def k_greater_equal(x: Any, y: Any) -> tf.Tensor:
    """Element-wise ``x >= y``.

    Example:
        >>> k_greater_equal(tf.constant([1.0, 2.0]), 2).numpy()
        array([False,  True])

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_greater_equal()``.
    """
    return tf.greater_equal(*_pair(x, y))


@symbolic
def k_less(x: Any, y: Any) -> tf.Tensor:
    """Element-wise ``x < y``.

    Example:
        >>> k_less(tf.constant([1.0, 2.0]), 2).numpy()
        array([ True, False])

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_less()``.
    """
    return tf.less(*_pair(x, y))


@symbolic
def k_less_equal(x: Any, y: Any) -> tf.Tensor:
    """Element-wise ``x <= y``.

    Example:
        >>> k_less_equal(tf.constant([1.0, 3.0]), 2).numpy()
        array([ True, False])

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_less_equal()``.
    """
    return tf.less_equal(*_pair(x, y))


@symbolic
def k_maximum(x: Any, y: Any) -> tf.Tensor:
    """Element-wise maximum of two tensors.

    Example:
        >>> k_maximum(tf.constant([1.0, 5.0]), 2).numpy()
        array([2., 5.], dtype=float32)

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A tensor.

    Mirrors ``keras::k_maximum()``.
    """
    return tf.maximum(*_pair(x, y))


@symbolic
def k_minimum(x: Any, y: Any) -> tf.Tensor:
    """Element-wise minimum of two tensors.

    Example:
        >>> k_minimum(tf.constant([1.0, 5.0]), 2).numpy()
        array([1., 2.], dtype=float32)

    Args:
        x: Tensor or variable.
        y: Tensor, variable or number.

    Returns:
        A tensor.

    Mirrors ``keras::k_minimum()``.
    """
    return tf.minimum(*_pair(x, y))


# --- reductions ---------------------------------------------------------------------------------------


@symbolic
def k_all(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Logical AND over all axes or the given ones (numbers count as ``TRUE`` when non-zero).

    Example:
        >>> k_all(tf.constant([[True, False], [True, True]]), axis=2).numpy()
        array([False,  True])

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_all()``.
    """
    return _reduce(tf.reduce_all, tf.cast(_as_tensor(x), tf.bool), axis, keepdims)


@symbolic
def k_any(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Logical OR over all axes or the given ones (numbers count as ``TRUE`` when non-zero).

    Example:
        >>> k_any(tf.constant([[True, False], [False, False]]), axis=2).numpy()
        array([ True, False])

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A logical tensor.

    Mirrors ``keras::k_any()``.
    """
    return _reduce(tf.reduce_any, tf.cast(_as_tensor(x), tf.bool), axis, keepdims)


@symbolic
def k_min(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Minimum of a tensor, over all axes or the given ones.

    Example:
        >>> k_min(tf.constant([[1.0, 5.0], [3.0, 2.0]]), axis=1).numpy()
        array([1., 2.], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_min()``.
    """
    return _reduce(tf.reduce_min, x, axis, keepdims)


@symbolic
def k_prod(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Product of a tensor's values, over all axes or the given ones.

    Example:
        >>> k_prod(tf.constant([[1.0, 2.0], [3.0, 4.0]]), axis=2).numpy()
        array([ 2., 12.], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_prod()``.
    """
    return _reduce(tf.reduce_prod, x, axis, keepdims)


@symbolic
def k_logsumexp(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """``log(sum(exp(x)))`` over all axes or the given ones, computed without overflow.

    Example:
        >>> round(float(k_logsumexp(tf.constant([0.0, 0.0]))), 4)
        0.6931

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_logsumexp()``.
    """
    return _reduce(tf.reduce_logsumexp, x, axis, keepdims)


@symbolic
def k_std(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Standard deviation (population: divides by n, not R's n - 1), over all axes or the given ones.

    Example:
        >>> float(k_std(tf.constant([1.0, 3.0])))
        1.0

    Args:
        x: Tensor or variable (logical tensors count as ``k_floatx()``).
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_std()``.
    """
    return _reduce(tf.math.reduce_std, _floatx_if_bool(_as_tensor(x)), axis, keepdims)


@symbolic
def k_var(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Variance (population: divides by n, not R's n - 1), over all axes or the given ones.

    Example:
        >>> float(k_var(tf.constant([1.0, 3.0])))
        1.0

    Args:
        x: Tensor or variable (logical tensors count as ``k_floatx()``).
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_var()``.
    """
    return _reduce(tf.math.reduce_variance, _floatx_if_bool(_as_tensor(x)), axis, keepdims)


@symbolic
def k_argmin(x: Any, axis: Any = -1) -> tf.Tensor:
    """Index of the smallest value along an axis, **0-based** as R keras 2.x returned it.

    Example:
        >>> k_argmin(tf.constant([[1.0, 9.0, 3.0], [7.0, 0.0, 2.0]])).numpy()
        array([0, 1])

    Args:
        x: Tensor or variable.
        axis: The axis to reduce (1-based; -1 is the last). Defaults to `-1`.

    Returns:
        An int64 tensor of 0-based indices (add 1 for R positions).

    Mirrors ``keras::k_argmin()``.
    """
    return tf.argmin(_as_tensor(x), axis=_single_axis(axis))


@symbolic
def k_cumsum(x: Any, axis: Any = 1) -> tf.Tensor:
    """Cumulative sum along an axis.

    Example:
        >>> k_cumsum(tf.constant([[1.0, 2.0], [3.0, 4.0]]), axis=2).numpy()
        array([[1., 3.],
               [3., 7.]], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: The axis (1-based; -1 is the last). Defaults to `1`.

    Returns:
        A tensor.

    Mirrors ``keras::k_cumsum()``.
    """
    return tf.cumsum(_as_tensor(x), axis=_single_axis(axis))


@symbolic
def k_cumprod(x: Any, axis: Any = 1) -> tf.Tensor:
    """Cumulative product along an axis.

    Example:
        >>> k_cumprod(tf.constant([1.0, 2.0, 3.0])).numpy()
        array([1., 2., 6.], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: The axis (1-based; -1 is the last). Defaults to `1`.

    Returns:
        A tensor.

    Mirrors ``keras::k_cumprod()``.
    """
    return tf.math.cumprod(_as_tensor(x), axis=_single_axis(axis))


# --- shapes --------------------------------------------------------------------------------------------


@symbolic
def k_flatten(x: Any) -> tf.Tensor:
    """Flatten a tensor into one dimension (row-major, as TensorFlow; R's ``as.vector`` is column-major).

    Example:
        >>> k_flatten(tf.constant([[1, 2], [3, 4]])).numpy()
        array([1, 2, 3, 4], dtype=int32)

    Args:
        x: Tensor or variable.

    Returns:
        A 1-d tensor.

    Mirrors ``keras::k_flatten()``.
    """
    return tf.reshape(_as_tensor(x), [-1])


@symbolic
def k_squeeze(x: Any, axis: Any) -> tf.Tensor:
    """Remove an axis of length 1.

    Example:
        >>> k_squeeze(tf.zeros((2, 1, 3)), axis=2).shape
        TensorShape([2, 3])

    Args:
        x: Tensor or variable.
        axis: The axis to drop (1-based; -1 is the last); its length must be 1.

    Returns:
        A tensor with one axis less.

    Mirrors ``keras::k_squeeze()``.
    """
    x = _as_tensor(x)
    position = _in_rank(_single_axis(axis), _rank(x, "x"), "axis", axis)
    if x.shape[position] is not None and x.shape[position] != 1:
        raise bad_argument("axis", axis,
                           f"an axis of length 1 (axis {position + 1} has length {x.shape[position]})")
    return tf.squeeze(x, axis=position)


@symbolic
def k_repeat(x: Any, n: Any) -> tf.Tensor:
    """Repeat a 2-d tensor: ``(samples, dim)`` becomes ``(samples, n, dim)``.

    Example:
        >>> k_repeat(tf.constant([[1, 2]]), 3).numpy().tolist()
        [[[1, 2], [1, 2], [1, 2]]]

    Args:
        x: A 2-d tensor or variable.
        n: How many times, a positive integer.

    Returns:
        A 3-d tensor.

    Mirrors ``keras::k_repeat()``.
    """
    x = _as_tensor(x)
    if _rank(x, "x") != 2:
        raise bad_argument("x", x, "a 2-d tensor (samples, dim)")
    n = as_integer(n, "n", minimum=1)
    return tf.tile(tf.expand_dims(x, 1), [1, n, 1])


@symbolic
def k_repeat_elements(x: Any, rep: Any, axis: Any) -> tf.Tensor:
    """Repeat each element along an axis, like R's ``rep(each = rep)`` on that axis.

    Example:
        >>> k_repeat_elements(tf.constant([[1, 2]]), 2, axis=2).numpy()
        array([[1, 1, 2, 2]], dtype=int32)

    Args:
        x: Tensor or variable.
        rep: How many times, a positive integer.
        axis: The axis (1-based; -1 is the last).

    Returns:
        A tensor.

    Mirrors ``keras::k_repeat_elements()``.
    """
    x = _as_tensor(x)
    position = _in_rank(_single_axis(axis), _rank(x, "x"), "axis", axis)
    return tf.repeat(x, as_integer(rep, "rep", minimum=1), axis=position)


@symbolic
def k_reverse(x: Any, axes: Any) -> tf.Tensor:
    """Reverse a tensor along one or more axes.

    Example:
        >>> k_reverse(tf.constant([[1, 2], [3, 4]]), axes=2).numpy()
        array([[2, 1],
               [4, 3]], dtype=int32)

    Args:
        x: Tensor or variable.
        axes: An axis or several (1-based; -1 is the last).

    Returns:
        A tensor.

    Mirrors ``keras::k_reverse()``.
    """
    x = _as_tensor(x)
    converted = as_axis(axes, "axes")
    if converted is None:
        raise bad_argument("axes", axes, "one axis or several (1-based)")
    rank = _rank(x, "x")
    positions = [_in_rank(a, rank, "axes", axes) for a in
                 (converted if isinstance(converted, tuple) else (converted,))]
    return tf.reverse(x, axis=positions)


@symbolic
def k_tile(x: Any, n: Any) -> tf.Tensor:
    """Tile a tensor: repeat it ``n[i]`` times along axis ``i``.

    Example:
        >>> k_tile(tf.constant([[1, 2]]), [2, 1]).numpy()
        array([[1, 2],
               [1, 2]], dtype=int32)

    Args:
        x: Tensor or variable.
        n: One positive integer per axis (a single number for a 1-d tensor), or an integer tensor.

    Returns:
        A tensor.

    Mirrors ``keras::k_tile()``.
    """
    x = _as_tensor(x)
    if _is_tensor(n):
        return tf.tile(x, n)
    reps = list(np.asarray(n).reshape(-1).tolist()) if isinstance(n, (list, tuple, np.ndarray)) else [n]
    multiples = [as_integer(r, f"n[{i + 1}]", minimum=0) for i, r in enumerate(reps)]
    if x.shape.rank is not None and len(multiples) != x.shape.rank:
        raise bad_argument("n", n, f"one repetition count per axis of x ({x.shape.rank})")
    return tf.tile(x, multiples)


@symbolic
def k_unstack(x: Any, axis: Any = 1, num: Any = None, name: Any = None) -> list[tf.Tensor]:
    """Split a tensor along an axis into a list of tensors with one axis less.

    Example:
        >>> [t.numpy().tolist() for t in k_unstack(tf.constant([[1, 2], [3, 4]]), axis=2)]
        [[1, 3], [2, 4]]

    Args:
        x: Tensor or variable.
        axis: The axis to split (1-based; -1 is the last). Defaults to `1`.
        num: The axis' length, needed only when it is unknown. Defaults to `None`.
        name: Defaults to `None`.

    Returns:
        A list of tensors.

    Mirrors ``keras::k_unstack()``.
    """
    x = _as_tensor(x)
    return tf.unstack(x, num=as_integer(num, "num", minimum=0, allow_none=True), axis=_single_axis(axis),
                      name=name or "unstack")


@symbolic
def k_one_hot(indices: Any, num_classes: Any) -> tf.Tensor:
    """One-hot encoding of class ids: an ``(d1, ..., dn)`` tensor becomes ``(d1, ..., dn, num_classes)``.

    The ids are **0-based** (0 to ``num_classes - 1``): R keras 2.2.4 handed them to TensorFlow
    unchanged, as ``to_categorical()`` takes them. Ids outside the range give a row of zeros.

    Example:
        >>> k_one_hot([0, 2], 3).numpy()
        array([[1., 0., 0.],
               [0., 0., 1.]], dtype=float32)

    Args:
        indices: Whole numbers (R numbers, an array or an integer tensor), 0-based.
        num_classes: The number of classes, a positive integer.

    Returns:
        A ``k_floatx()`` tensor with one more axis.

    Mirrors ``keras::k_one_hot()``.
    """
    num_classes = as_integer(num_classes, "num_classes", minimum=1)
    if _is_tensor(indices):
        ids = _as_tensor(indices, "indices")
        if not ids.dtype.is_integer:
            ids = tf.cast(ids, tf.int64)
    else:
        values = np.asarray(indices)
        if values.dtype.kind not in "iuf" or (values.dtype.kind == "f" and
                                              not np.all(np.isfinite(values) & (values == np.round(values)))):
            raise bad_argument("indices", indices, "whole numbers (0-based class ids)")
        ids = tf.constant(values.astype(np.int64))
    return tf.one_hot(ids, num_classes, dtype=keras.config.floatx())


# --- creation -------------------------------------------------------------------------------------------


def k_arange(start: Any, stop: Any = None, step: Any = 1, dtype: Any = "int32") -> tf.Tensor:
    """A 1-d tensor of the integers from ``start`` up to, **not including**, ``stop`` (Python's ``range``).

    With one argument it counts from 0: ``k_arange(10)`` is 0..9 (a negative ``start`` alone gives an
    empty tensor), as Keras' ``arange`` did; it is not R's ``seq``.

    Example:
        >>> k_arange(1, 11, 2).numpy()
        array([1, 3, 5, 7, 9], dtype=int32)

    Args:
        start: The first value (the end, counting from 0, when ``stop`` is ``NULL``).
        stop: The end, excluded. Defaults to `None`.
        step: The difference between values, non-zero. Defaults to `1`.
        dtype: Defaults to `"int32"`.

    Returns:
        A 1-d tensor.

    Mirrors ``keras::k_arange()``.
    """
    start = as_integer(start, "start")
    stop = as_integer(stop, "stop", allow_none=True)
    step = as_integer(step, "step")
    if step == 0:
        raise bad_argument("step", step, "a non-zero integer")
    if stop is None:
        start, stop = 0, max(start, 0)
    return tf.cast(tf.range(start, stop, step, dtype=tf.int64), _dtype(dtype))


def k_eye(size: Any, dtype: Any = None, name: Any = None) -> tf.Variable:
    """An identity matrix, as a variable.

    Example:
        >>> k_eye(2).numpy()
        array([[1., 0.],
               [0., 1.]], dtype=float32)

    Args:
        size: The number of rows (and columns), or ``c(rows, columns)``.
        dtype: Defaults to `None` (``k_floatx()``).
        name: Defaults to `None`.

    Returns:
        A ``tf.Variable``.

    Mirrors ``keras::k_eye()``.
    """
    dims = _shape(size, "size")
    if len(dims) not in (1, 2):
        raise bad_argument("size", size, "one integer, or two (rows, columns)")
    return tf.Variable(tf.eye(*dims, dtype=_dtype(dtype)), name=name)


def k_ones(shape: Any, dtype: Any = None, name: Any = None) -> tf.Variable:
    """An all-ones variable.

    Example:
        >>> k_ones([2, 2]).numpy().sum()
        4.0

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        dtype: Defaults to `None` (``k_floatx()``).
        name: Defaults to `None`.

    Returns:
        A ``tf.Variable``.

    Mirrors ``keras::k_ones()``.
    """
    return tf.Variable(tf.ones(_shape(shape), dtype=_dtype(dtype)), name=name)


def k_truncated_normal(shape: Any, mean: Any = 0.0, stddev: Any = 1.0, dtype: Any = None,
                       seed: Any = None) -> tf.Tensor:
    """Draws from a normal distribution truncated at two standard deviations (redrawn beyond).

    Example:
        >>> bool(abs(k_truncated_normal([1000], seed=1).numpy()).max() <= 2)
        True

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        mean: Defaults to `0`.
        stddev: Defaults to `1`.
        dtype: Defaults to `None` (``k_floatx()``).
        seed: A non-negative integer: the same draw on every call. Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_truncated_normal()``.
    """
    return keras.random.truncated_normal(_shape(shape), mean=as_number(mean, "mean"),
                                         stddev=as_number(stddev, "stddev", low=0),
                                         dtype=_dtype(dtype).name, seed=_seed(seed))


def k_random_binomial(shape: Any, p: Any = 0.0, dtype: Any = None, seed: Any = None) -> tf.Tensor:
    """Draws of 1 (with probability ``p``) or 0.

    Example:
        >>> k_random_binomial([4], p=1).numpy()
        array([1., 1., 1., 1.], dtype=float32)

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        p: The probability of a 1, in [0, 1]. Defaults to `0`.
        dtype: Defaults to `None` (``k_floatx()``).
        seed: A non-negative integer: the same draw on every call. Defaults to `None`.

    Returns:
        A tensor of 0s and 1s.

    Mirrors ``keras::k_random_binomial()``.
    """
    p = as_number(p, "p", low=0, high=1)
    dtype = _dtype(dtype)
    draws = keras.random.uniform(_shape(shape), dtype="float32", seed=_seed(seed))
    return tf.cast(draws < p, dtype)


def k_random_normal_variable(shape: Any, mean: Any, scale: Any, dtype: Any = None, name: Any = None,
                             seed: Any = None) -> tf.Variable:
    """A variable of draws from a normal distribution.

    Example:
        >>> k_random_normal_variable([2, 3], 0, 1, seed=1).shape
        TensorShape([2, 3])

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        mean: The mean.
        scale: The standard deviation, >= 0.
        dtype: Defaults to `None` (``k_floatx()``).
        name: Defaults to `None`.
        seed: A non-negative integer. Defaults to `None`.

    Returns:
        A ``tf.Variable``.

    Mirrors ``keras::k_random_normal_variable()``.
    """
    values = keras.random.normal(_shape(shape), mean=as_number(mean, "mean"),
                                 stddev=as_number(scale, "scale", low=0), dtype=_dtype(dtype).name,
                                 seed=_seed(seed))
    return tf.Variable(values, name=name)


def k_random_uniform_variable(shape: Any, low: Any, high: Any, dtype: Any = None, name: Any = None,
                              seed: Any = None) -> tf.Variable:
    """A variable of draws from a uniform distribution on ``[low, high)``.

    Example:
        >>> k_random_uniform_variable([2], 0, 1, seed=1).shape
        TensorShape([2])

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        low: The lower bound.
        high: The upper bound, greater than ``low``.
        dtype: Defaults to `None` (``k_floatx()``).
        name: Defaults to `None`.
        seed: A non-negative integer. Defaults to `None`.

    Returns:
        A ``tf.Variable``.

    Mirrors ``keras::k_random_uniform_variable()``.
    """
    lower, upper = as_number(low, "low"), as_number(high, "high")
    if not lower < upper:
        raise bad_argument("high", high, f"a number greater than low={lower}")
    values = keras.random.uniform(_shape(shape), minval=lower, maxval=upper, dtype=_dtype(dtype).name,
                                  seed=_seed(seed))
    return tf.Variable(values, name=name)


# --- control flow ------------------------------------------------------------------------------------


def _branch(expression: Any) -> Any:
    return expression() if callable(expression) and not _is_tensor(expression) else expression


@symbolic
def k_switch(condition: Any, then_expression: Any, else_expression: Any) -> tf.Tensor:
    """Choose between two expressions by a condition.

    A scalar condition picks one branch (given as a tensor, or a function of no arguments that
    computes it, so only the chosen one runs); a tensor condition picks element by element, its
    axes matching the first axes of the expressions (``(batch)`` against ``(batch, n)``).

    Example:
        >>> k_switch(tf.constant([True, False]), tf.constant([1, 2]), tf.constant([8, 9])).numpy()
        array([1, 9], dtype=int32)

    Args:
        condition: A logical (or 0/1) tensor.
        then_expression: A tensor, or a function returning one.
        else_expression: A tensor, or a function returning one.

    Returns:
        A tensor.

    Mirrors ``keras::k_switch()``.
    """
    cond = _as_tensor(condition, "condition")
    if cond.dtype != tf.bool:
        cond = tf.cast(cond, tf.bool)
    if cond.shape.rank == 0:
        then_fn = then_expression if callable(then_expression) and not _is_tensor(then_expression) \
            else (lambda: then_expression)
        else_fn = else_expression if callable(else_expression) and not _is_tensor(else_expression) \
            else (lambda: else_expression)
        if tf.executing_eagerly():  # run only the chosen branch, as tf.cond would
            return _as_tensor(then_fn() if bool(cond) else else_fn(), "then_expression")
        return tf.cond(cond, then_fn, else_fn)
    then_value, else_value = _pair(_branch(then_expression), _branch(else_expression))
    target = max(then_value.shape.rank or 0, else_value.shape.rank or 0)
    if cond.shape.rank > target:
        raise bad_argument("condition", condition,
                           f"a condition of rank <= the expressions' rank ({target})")
    while cond.shape.rank < target:
        cond = tf.expand_dims(cond, -1)
    return tf.where(cond, then_value, else_value)


def _callable(fn: Any, name: str) -> Any:
    if not callable(fn) or _is_tensor(fn):
        raise bad_argument(name, fn, "a function")
    return fn


def k_map_fn(fn: Any, elems: Any, name: Any = None, dtype: Any = None) -> tf.Tensor:
    """Apply a function to each slice of ``elems`` along its first axis and stack the results.

    Example:
        >>> k_map_fn(lambda row: tf.reduce_sum(row), tf.constant([[1, 2], [3, 4]])).numpy()
        array([3, 7], dtype=int32)

    Args:
        fn: A function of one slice, returning a tensor (an R function works).
        elems: A tensor.
        name: Defaults to `None`.
        dtype: The dtype of ``fn``'s results, when it differs from ``elems``'. Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_map_fn()``.
    """
    fn = _callable(fn, "fn")
    signature = None if dtype is None else tf.TensorSpec(None, _dtype(dtype))
    return tf.map_fn(fn, _as_tensor(elems, "elems"), fn_output_signature=signature, name=name)


def k_foldl(fn: Any, elems: Any, initializer: Any = None, name: Any = None) -> tf.Tensor:
    """Reduce ``elems`` along its first axis from the left: ``fn(fn(init, e1), e2) ...``.

    Example:
        >>> int(k_foldl(lambda acc, e: acc + e, tf.constant([1, 2, 3])))
        6

    Args:
        fn: A function ``(accumulator, element)`` returning the new accumulator (an R function works).
        elems: A tensor.
        initializer: The first accumulator. Defaults to `None` (the first element).
        name: Defaults to `None`.

    Returns:
        A tensor: the last accumulator.

    Mirrors ``keras::k_foldl()``.
    """
    fn = _callable(fn, "fn")
    return tf.foldl(fn, _as_tensor(elems, "elems"), initializer=initializer, name=name)


def k_foldr(fn: Any, elems: Any, initializer: Any = None, name: Any = None) -> tf.Tensor:
    """Reduce ``elems`` along its first axis from the right: ``fn(fn(init, en), e(n-1)) ...``.

    Example:
        >>> k_foldr(lambda acc, e: tf.concat([acc, [e]], 0), tf.constant([1, 2, 3]),
        ...         initializer=tf.zeros([0], tf.int32)).numpy()
        array([3, 2, 1], dtype=int32)

    Args:
        fn: A function ``(accumulator, element)`` returning the new accumulator (an R function works).
        elems: A tensor.
        initializer: The first accumulator. Defaults to `None` (the last element).
        name: Defaults to `None`.

    Returns:
        A tensor: the last accumulator.

    Mirrors ``keras::k_foldr()``.
    """
    fn = _callable(fn, "fn")
    return tf.foldr(fn, _as_tensor(elems, "elems"), initializer=initializer, name=name)

