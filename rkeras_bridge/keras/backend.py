"""The R keras 2.x backend functions (``k_*``) on TensorFlow 2 / Keras 3.

R keras 2.x called ``keras.backend`` (tf.keras 1.x/2.x), which Keras 3 no longer has; these are
written on ``tf`` with the tf.keras 2.x semantics the 2018 code relied on:

* **Axes are 1-based** (``k_sum(x, axis = 2)`` sums over the second axis), ``-1`` is the last
  axis, other negative axes count from the end. This holds in Python too, so that an R script
  and its Python twin read and compute alike (:func:`rkeras_bridge.bridge.conversion.as_axis`).
* **Indices returned by** :func:`k_argmax` **are 0-based**: R keras 2.x passed TensorFlow's
  result through unchanged. Add 1 to use them as R positions.
* **Indices given to** :func:`k_gather` **are 1-based** when they are R numbers (Python numbers,
  lists or arrays), as in R keras >= 2.2.4; a tensor of indices is passed as-is (0-based).
* New tensors are created in ``k_floatx()`` (float32) unless a ``dtype`` is given, as
  ``keras.backend.constant``/``zeros``/``random_*`` did.
* **Symbolic tensors** (``layer_input()``, a model's ``$output``) are accepted by the tensor
  functions, as TF1 placeholders were: the call becomes a node of the Keras graph (see
  :func:`symbolic`), which :func:`rkeras_bridge.keras.backend_session.k_function` then runs.

The rest of the backend is in ``backend_math`` (element-wise, comparisons, reductions, shapes),
``backend_nn`` (convolutions, pooling, losses, CTC, normalisation, ``k_rnn``) and
``backend_session`` (variables, ``k_function``, ``k_gradients``, learning phase, configuration,
and the functions TensorFlow 2 cannot provide).
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable
from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_axis, as_integer, as_integer_tuple, as_positions
from ..bridge.errors import bad_argument

__all__ = [
    "k_abs", "k_argmax", "k_batch_dot", "k_batch_flatten", "k_cast", "k_cast_to_floatx", "k_clip",
    "k_concatenate", "k_constant", "k_dot", "k_epsilon", "k_exp", "k_expand_dims", "k_floatx", "k_gather",
    "k_log", "k_max", "k_mean", "k_ones_like", "k_permute_dimensions", "k_pow", "k_random_normal",
    "k_random_uniform", "k_reshape", "k_set_floatx", "k_shape", "k_sigmoid", "k_softmax", "k_sqrt",
    "k_square", "k_stack", "k_sum", "k_tanh", "k_transpose", "k_zeros", "k_zeros_like",
]


# --- helpers ---------------------------------------------------------------------------------------


def _is_tensor(x: Any) -> bool:
    return tf.is_tensor(x) or isinstance(x, (tf.Variable, keras.Variable))


def _as_tensor(x: Any, name: str = "x", dtype: Any = None) -> tf.Tensor:
    if isinstance(x, keras.Variable):
        x = x.value
    try:
        return tf.convert_to_tensor(x, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise bad_argument(name, x, f"a tensor or something convertible to one ({exc})") from None


def _pair(x: Any, y: Any) -> tuple[tf.Tensor, tf.Tensor]:
    """Two operands of one product; an R array (float64) meets a float32 tensor in the tensor's dtype."""
    if _is_tensor(x) and not _is_tensor(y):
        x = _as_tensor(x, "x")
        return x, _as_tensor(y, "y", dtype=x.dtype)
    if _is_tensor(y) and not _is_tensor(x):
        y = _as_tensor(y, "y")
        return _as_tensor(x, "x", dtype=y.dtype), y
    return _as_tensor(x, "x"), _as_tensor(y, "y")


def _rank(x: tf.Tensor, name: str) -> int:
    rank = x.shape.rank
    if rank is None:
        raise bad_argument(name, x, "a tensor of known rank")
    return rank


def _dtype(dtype: Any, name: str = "dtype") -> tf.DType:
    if dtype is None:
        return tf.as_dtype(keras.config.floatx())
    try:
        return tf.as_dtype(dtype)
    except TypeError:
        raise bad_argument(name, dtype, "a dtype name such as 'float32' or a tf$DType") from None


def _shape(shape: Any, name: str = "shape", allow_minus_one: bool = False) -> Any:
    """An R shape (``c(2, 3)``, ``list(2L, 3L)``, a single number) as a tuple of ints; tensors pass."""
    if _is_tensor(shape) or isinstance(shape, tf.TensorShape):
        return shape
    if isinstance(shape, np.ndarray):
        shape = shape.tolist()
    if not isinstance(shape, (list, tuple)):
        shape = [shape]
    if not allow_minus_one:
        return as_integer_tuple(shape, name, allow_unknown=False)
    dims = tuple(as_integer(d, f"{name}[{i + 1}]", minimum=-1) for i, d in enumerate(shape))
    if sum(d == -1 for d in dims) > 1:
        raise bad_argument(name, shape, "at most one -1 (the dimension to infer)")
    return dims


def _seed(seed: Any) -> int | None:
    return as_integer(seed, "seed", minimum=0, allow_none=True)


def _keepdims(keepdims: Any) -> bool:
    if not isinstance(keepdims, (bool, np.bool_)):
        raise bad_argument("keepdims", keepdims, "TRUE or FALSE")
    return bool(keepdims)


def _tensor_list(tensors: Any, name: str) -> list[Any]:
    if _is_tensor(tensors) or not isinstance(tensors, (list, tuple)):
        raise bad_argument(name, tensors, "a list of tensors")
    if not tensors:
        raise bad_argument(name, tensors, "a non-empty list of tensors")
    return list(tensors)


# --- symbolic (Keras) tensors ------------------------------------------------------------------------


def is_symbolic(structure: Any) -> bool:
    """Whether a value, or any leaf of a list/dict of values, is a symbolic Keras tensor."""
    return any(isinstance(leaf, keras.KerasTensor) for leaf in tf.nest.flatten(structure))


class SymbolicCall(keras.Operation):
    """One ``k_*`` call on symbolic Keras tensors: a node of the Keras graph, run on real tensors later.

    TF1 code built graphs by calling ``k_*`` functions on placeholders; Keras 3's symbolic tensors
    are its counterpart, and a Keras operation is how a function joins their graph.
    """

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__(name=None)
        self._fn = fn
        self._structure = (list(args), dict(kwargs))
        self._leaves = tf.nest.flatten(self._structure)
        self._positions = [i for i, leaf in enumerate(self._leaves) if isinstance(leaf, keras.KerasTensor)]

    def symbolic_inputs(self) -> list[Any]:
        return [self._leaves[i] for i in self._positions]

    def call(self, *tensors: Any) -> Any:
        leaves = list(self._leaves)
        for position, tensor in zip(self._positions, tensors):
            leaves[position] = tensor
        args, kwargs = tf.nest.pack_sequence_as(self._structure, leaves)
        return self._fn(*args, **kwargs)

    def compute_output_spec(self, *tensors: Any) -> Any:
        # Trace the function once on specs of the inputs' shapes to learn its outputs' shapes.
        specs = [tf.TensorSpec(t.shape, t.dtype) for t in tensors]
        traced = tf.function(self.call, autograph=False).get_concrete_function(*specs)

        def spec(output: Any) -> Any:
            if tf.is_tensor(output):
                return keras.KerasTensor(tuple(output.shape.as_list()) if output.shape.rank is not None
                                         else None, dtype=output.dtype.name)
            return output

        return tf.nest.map_structure(spec, traced.structured_outputs)


def symbolic(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Let a tensor function take symbolic Keras tensors: then its call becomes a :class:`SymbolicCall`.

    Example:
        >>> x = keras.Input((3,))
        >>> k_sum(x, axis=2).shape
        (None,)

    Args:
        fn: A function of tensors (and other arguments).

    Returns:
        The function, unchanged for real tensors.
    """
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if is_symbolic((list(args), kwargs)):
            operation = SymbolicCall(fn, args, kwargs)
            return operation(*operation.symbolic_inputs())
        return fn(*args, **kwargs)

    return wrapper


# --- element-wise ----------------------------------------------------------------------------------


@symbolic
def k_abs(x: Any) -> tf.Tensor:
    """Element-wise absolute value.

    Example:
        >>> k_abs(k_constant([-1, 2])).numpy()
        array([1., 2.], dtype=float32)

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_abs()``.
    """
    return tf.abs(_as_tensor(x))


@symbolic
def k_exp(x: Any) -> tf.Tensor:
    """Element-wise exponential.

    Example:
        >>> float(k_exp(k_constant(0)))
        1.0

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_exp()``.
    """
    return tf.exp(_as_tensor(x))


@symbolic
def k_log(x: Any) -> tf.Tensor:
    """Element-wise natural logarithm.

    Example:
        >>> float(k_log(k_constant(1)))
        0.0

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_log()``.
    """
    return tf.math.log(_as_tensor(x))


@symbolic
def k_sqrt(x: Any) -> tf.Tensor:
    """Element-wise square root; negative inputs give 0, as in tf.keras 2.x (which clipped at 0 first).

    Example:
        >>> k_sqrt(k_constant([4, -1])).numpy()
        array([2., 0.], dtype=float32)

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_sqrt()``.
    """
    x = _as_tensor(x)
    return tf.sqrt(tf.maximum(x, tf.zeros([], dtype=x.dtype)))


@symbolic
def k_square(x: Any) -> tf.Tensor:
    """Element-wise square.

    Example:
        >>> k_square(k_constant([-3])).numpy()
        array([9.], dtype=float32)

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_square()``.
    """
    return tf.square(_as_tensor(x))


@symbolic
def k_pow(x: Any, a: Any) -> tf.Tensor:
    """Element-wise power ``x^a``.

    R keras 2.x truncated ``a`` with ``as.integer()`` (``k_pow(x, 0.5)`` was ``x^0``); here a
    non-integral ``a`` is used as given for a float ``x`` and refused for an integer ``x``.

    Example:
        >>> k_pow(k_constant([2, 3]), 2).numpy()
        array([4., 9.], dtype=float32)

    Args:
        x: Tensor or variable.
        a: The exponent, a number (R's ``2`` is accepted for integer tensors too).

    Returns:
        A tensor of the dtype of ``x``.

    Mirrors ``keras::k_pow()``.
    """
    x = _as_tensor(x)
    if isinstance(a, (bool, np.bool_)) or not isinstance(a, (int, float, np.integer, np.floating)):
        raise bad_argument("a", a, "a number")
    if x.dtype.is_integer:
        a = as_integer(a, "a", minimum=0)
    return tf.pow(x, tf.cast(a, x.dtype))


@symbolic
def k_sigmoid(x: Any) -> tf.Tensor:
    """Element-wise logistic sigmoid ``1 / (1 + exp(-x))``.

    Example:
        >>> float(k_sigmoid(k_constant(0)))
        0.5

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_sigmoid()``.
    """
    return tf.sigmoid(_as_tensor(x))


@symbolic
def k_tanh(x: Any) -> tf.Tensor:
    """Element-wise hyperbolic tangent.

    Example:
        >>> float(k_tanh(k_constant(0)))
        0.0

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_tanh()``.
    """
    return tf.tanh(_as_tensor(x))


@symbolic
def k_clip(x: Any, min_value: Any = None, max_value: Any = None) -> tf.Tensor:
    """Element-wise clipping to ``[min_value, max_value]``.

    As in tf.keras 2.x, a ``max_value`` below ``min_value`` is raised to ``min_value``, and a
    missing bound (``NULL``) means no bound on that side.

    Example:
        >>> k_clip(k_constant([-2, 0.5, 3]), 0, 1).numpy()
        array([0. , 0.5, 1. ], dtype=float32)

    Args:
        x: Tensor or variable.
        min_value: Lower bound, a number. Defaults to `None` (no lower bound).
        max_value: Upper bound, a number. Defaults to `None` (no upper bound).

    Returns:
        A tensor.

    Mirrors ``keras::k_clip()``.
    """
    x = _as_tensor(x)
    bounds = []
    for name, value, missing in (("min_value", min_value, -np.inf), ("max_value", max_value, np.inf)):
        if value is None:
            value = missing
        elif not _is_tensor(value) and (isinstance(value, (bool, np.bool_))
                                        or not isinstance(value, (int, float, np.integer, np.floating))):
            raise bad_argument(name, value, "a number")
        bounds.append(value)
    low, high = bounds
    if not _is_tensor(low) and not _is_tensor(high) and high < low:
        high = low
    if x.dtype.is_integer:
        # An infinite bound cannot be cast to an integer dtype: the dtype's own extreme is no bound.
        low = x.dtype.min if not _is_tensor(low) and np.isinf(low) else low
        high = x.dtype.max if not _is_tensor(high) and np.isinf(high) else high
    return tf.clip_by_value(x, tf.cast(low, x.dtype), tf.cast(high, x.dtype))


@symbolic
def k_softmax(x: Any, axis: Any = -1) -> tf.Tensor:
    """Softmax along an axis.

    Example:
        >>> k_softmax(k_constant([[1, 1], [0, 0]]), axis=1).numpy().round(4)  # over the first axis
        array([[0.7311, 0.7311],
               [0.2689, 0.2689]], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: The axis (1-based; -1 is the last). Defaults to `-1`.

    Returns:
        A tensor of the shape of ``x``.

    Mirrors ``keras::k_softmax()``.
    """
    return tf.nn.softmax(_as_tensor(x), axis=as_axis(axis))


# --- reductions --------------------------------------------------------------------------------------


def _reduce(op: Any, x: Any, axis: Any, keepdims: Any) -> tf.Tensor:
    x = _as_tensor(x)
    axis = as_axis(axis)
    if isinstance(axis, tuple):
        axis = list(axis)
    return op(x, axis=axis, keepdims=_keepdims(keepdims))


@symbolic
def k_max(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Maximum of a tensor, over all axes or the given ones.

    Example:
        >>> k_max(k_constant([[1, 5], [3, 2]]), axis=1).numpy()
        array([3., 5.], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_max()``.
    """
    return _reduce(tf.reduce_max, x, axis, keepdims)


@symbolic
def k_mean(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Mean of a tensor, over all axes or the given ones (logical tensors count as ``k_floatx()``).

    Example:
        >>> k_mean(k_constant([[1, 2], [3, 4]]), axis=2).numpy()
        array([1.5, 3.5], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_mean()``.
    """
    x = _as_tensor(x)
    if x.dtype == tf.bool:
        x = tf.cast(x, keras.config.floatx())
    return _reduce(tf.reduce_mean, x, axis, keepdims)


@symbolic
def k_sum(x: Any, axis: Any = None, keepdims: bool = False) -> tf.Tensor:
    """Sum of a tensor, over all axes or the given ones.

    Example:
        >>> k_sum(k_constant([[1, 2], [3, 4]]), axis=1).numpy()
        array([4., 6.], dtype=float32)

    Args:
        x: Tensor or variable.
        axis: An axis or several (1-based; -1 is the last). Defaults to `None` (all axes).
        keepdims: Keep reduced axes with length 1. Defaults to `False`.

    Returns:
        A tensor.

    Mirrors ``keras::k_sum()``.
    """
    return _reduce(tf.reduce_sum, x, axis, keepdims)


@symbolic
def k_argmax(x: Any, axis: Any = -1) -> tf.Tensor:
    """Index of the largest value along an axis, **0-based** as R keras 2.x returned it.

    The axis is 1-based, but the result is TensorFlow's own 0-based index (R keras 2.x did not
    convert it): ``k_argmax(x) + 1L`` gives R positions.

    Example:
        >>> k_argmax(k_constant([[1, 9, 3], [7, 0, 2]])).numpy()
        array([1, 0])

    Args:
        x: Tensor or variable.
        axis: The axis to reduce (1-based; -1 is the last). Defaults to `-1`.

    Returns:
        An int64 tensor of 0-based indices.

    Mirrors ``keras::k_argmax()``.
    """
    axis = as_axis(axis)
    if isinstance(axis, tuple):
        raise bad_argument("axis", axis, "a single axis")
    return tf.argmax(_as_tensor(x), axis=axis)


# --- shapes ------------------------------------------------------------------------------------------


@symbolic
def k_shape(x: Any) -> tf.Tensor:
    """The shape of a tensor, as an int32 tensor (dynamic, so it also works on symbolic tensors).

    Example:
        >>> k_shape(k_zeros([2, 3])).numpy()
        array([2, 3], dtype=int32)

    Args:
        x: Tensor or variable.

    Returns:
        A 1-d int32 tensor.

    Mirrors ``keras::k_shape()``.
    """
    return tf.shape(_as_tensor(x))


@symbolic
def k_reshape(x: Any, shape: Any) -> tf.Tensor:
    """Reshape a tensor (row-major, as TensorFlow; one dimension may be -1, to be inferred).

    Example:
        >>> k_reshape(k_constant([1, 2, 3, 4, 5, 6]), [2, -1]).numpy()
        array([[1., 2., 3.],
               [4., 5., 6.]], dtype=float32)

    Args:
        x: Tensor or variable.
        shape: The new shape: numbers (R's ``c(2, 3)`` is accepted) or a shape tensor.

    Returns:
        A tensor.

    Mirrors ``keras::k_reshape()``.
    """
    return tf.reshape(_as_tensor(x), _shape(shape, allow_minus_one=True))


@symbolic
def k_batch_flatten(x: Any) -> tf.Tensor:
    """Flatten every sample of a batch: shape ``(batch, d1, d2, ...)`` becomes ``(batch, d1 * d2 * ...)``.

    Example:
        >>> k_batch_flatten(k_zeros([2, 3, 4])).shape
        TensorShape([2, 12])

    Args:
        x: Tensor or variable with at least one axis.

    Returns:
        A 2-d tensor.

    Mirrors ``keras::k_batch_flatten()``.
    """
    x = _as_tensor(x)
    if x.shape.rank == 0:
        raise bad_argument("x", x, "a tensor with a batch axis (rank >= 1)")
    rest = x.shape[1:]
    if rest.is_fully_defined():  # a static size keeps the result's shape known to Keras
        return tf.reshape(x, [-1, int(np.prod(rest.as_list(), dtype=np.int64))])
    return tf.reshape(x, tf.stack([-1, tf.reduce_prod(tf.shape(x)[1:])]))


@symbolic
def k_expand_dims(x: Any, axis: Any = -1) -> tf.Tensor:
    """Insert an axis of length 1.

    Example:
        >>> k_expand_dims(k_zeros([2, 3]), axis=1).shape
        TensorShape([1, 2, 3])

    Args:
        x: Tensor or variable.
        axis: Where the new axis goes (1-based: 1 makes it the first; -1, the default, the
            last). Defaults to `-1`.

    Returns:
        A tensor with one more axis.

    Mirrors ``keras::k_expand_dims()``.
    """
    axis = as_axis(axis)
    if isinstance(axis, tuple):
        raise bad_argument("axis", axis, "a single axis")
    return tf.expand_dims(_as_tensor(x), axis)


@symbolic
def k_permute_dimensions(x: Any, pattern: Any) -> tf.Tensor:
    """Permute the axes of a tensor; ``pattern`` lists the axes, 1-based (``c(2, 1)`` transposes).

    Example:
        >>> k_permute_dimensions(k_zeros([2, 3, 4]), [3, 1, 2]).shape
        TensorShape([4, 2, 3])

    Args:
        x: Tensor or variable.
        pattern: A permutation of ``1:rank`` (negative axes count from the end).

    Returns:
        A tensor.

    Mirrors ``keras::k_permute_dimensions()``.
    """
    x = _as_tensor(x)
    perm = as_axis(pattern if isinstance(pattern, (list, tuple, np.ndarray)) else [pattern], "pattern")
    rank = _rank(x, "x")
    normalized = sorted(p % rank if -rank <= p < rank else p for p in perm)
    if normalized != list(range(rank)):
        raise bad_argument("pattern", pattern, f"a permutation of the axes 1..{rank} (1-based)")
    return tf.transpose(x, perm=[p % rank for p in perm])


@symbolic
def k_transpose(x: Any) -> tf.Tensor:
    """Reverse the axes of a tensor (the matrix transpose for 2-d tensors).

    Example:
        >>> k_transpose(k_zeros([2, 3])).shape
        TensorShape([3, 2])

    Args:
        x: Tensor or variable.

    Returns:
        A tensor.

    Mirrors ``keras::k_transpose()``.
    """
    return tf.transpose(_as_tensor(x))


@symbolic
def k_concatenate(tensors: Any, axis: Any = -1) -> tf.Tensor:
    """Concatenate a list of tensors along an axis.

    Example:
        >>> k_concatenate([k_zeros([2, 1]), k_zeros([2, 3])]).shape
        TensorShape([2, 4])

    Args:
        tensors: A list of tensors.
        axis: The axis (1-based; -1 is the last). Defaults to `-1`.

    Returns:
        A tensor.

    Mirrors ``keras::k_concatenate()``.
    """
    axis = as_axis(axis)
    if isinstance(axis, tuple):
        raise bad_argument("axis", axis, "a single axis")
    return tf.concat(_tensor_list(tensors, "tensors"), axis=axis)


@symbolic
def k_stack(x: Any, axis: Any = 1) -> tf.Tensor:
    """Stack a list of rank-R tensors into one rank-(R+1) tensor.

    Example:
        >>> k_stack([k_zeros([3]), k_zeros([3])]).shape
        TensorShape([2, 3])

    Args:
        x: A list of tensors of one shape.
        axis: The new axis (1-based: 1, the default, makes it the first). Defaults to `1`.

    Returns:
        A tensor.

    Mirrors ``keras::k_stack()``.
    """
    axis = as_axis(axis)
    if isinstance(axis, tuple):
        raise bad_argument("axis", axis, "a single axis")
    return tf.stack(_tensor_list(x, "x"), axis=axis)


@symbolic
def k_gather(reference: Any, indices: Any) -> tf.Tensor:
    """Rows (first-axis slices) of ``reference`` at ``indices``, **1-based** for R numbers.

    As in R keras >= 2.2.4, numbers, vectors and arrays of indices are 1-based; a tensor of
    indices is passed to TensorFlow as-is, so it is 0-based.

    Example:
        >>> k_gather(k_constant([[1, 2], [3, 4], [5, 6]]), [3, 1]).numpy()
        array([[5., 6.],
               [1., 2.]], dtype=float32)

    Args:
        reference: Tensor or variable.
        indices: Positions along the first axis: a number, a vector or an array of whole
            numbers >= 1, or an integer tensor of 0-based indices.

    Returns:
        A tensor of shape ``c(dim(indices), dim(reference)[-1])``.

    Mirrors ``keras::k_gather()``.
    """
    reference = _as_tensor(reference, "reference")
    if _is_tensor(indices):
        return tf.gather(reference, indices)
    size = reference.shape[0] if reference.shape.rank else None
    zero_based = as_positions(indices, "indices", size=size)
    return tf.gather(reference, zero_based)


# --- products ---------------------------------------------------------------------------------------


@symbolic
def k_dot(x: Any, y: Any) -> tf.Tensor:
    """Tensor product: the last axis of ``x`` with the second-to-last of ``y`` (Theano ``dot``).

    For matrices this is ``x %*% y``; ``(2, 3) . (4, 3, 5)`` gives ``(2, 4, 5)``. A vector ``y`` is
    contracted with the last axis of ``x``.

    Example:
        >>> k_dot(k_constant([[1, 2]]), k_constant([[3], [4]])).numpy()
        array([[11.]], dtype=float32)

    Args:
        x: Tensor or variable.
        y: Tensor or variable (an R array is taken in the dtype of the other operand).

    Returns:
        A tensor.

    Mirrors ``keras::k_dot()``.
    """
    x, y = _pair(x, y)
    x_rank, y_rank = _rank(x, "x"), _rank(y, "y")
    if x_rank == 0 or y_rank == 0:
        raise bad_argument("x" if x_rank == 0 else "y", x if x_rank == 0 else y, "a tensor of rank >= 1")
    y_axis = 0 if y_rank == 1 else y_rank - 2
    return tf.tensordot(x, y, axes=[[x_rank - 1], [y_axis]])


@symbolic
def k_batch_dot(x: Any, y: Any, axes: Any = None) -> tf.Tensor:
    """Dot product of each sample of ``x`` with the same sample of ``y``, over ``axes``.

    The first axis is the batch. The result has the axes of ``x`` less the contracted one, then
    those of ``y`` less the batch and the contracted one; a result of rank 1 becomes
    ``(batch, 1)``, as in tf.keras 2.x.

    Example:
        >>> k_batch_dot(k_zeros([32, 20]), k_zeros([32, 30, 20]), axes=[2, 3]).shape
        TensorShape([32, 30])

    Args:
        x: Tensor or variable with at least 2 axes.
        y: Tensor or variable with at least 2 axes.
        axes: The axes to contract, 1-based: one number for both, or ``c(ax, ay)``. Not the
            batch axis. Defaults to `None` (the last axis of ``x`` with the last axis of a 2-d
            ``y``, or with the second-to-last axis of a higher-rank ``y``, as tf.keras 2.x did;
            R keras 2.x required it).

    Returns:
        A tensor.

    Mirrors ``keras::k_batch_dot()``.
    """
    x, y = _pair(x, y)
    x_rank, y_rank = _rank(x, "x"), _rank(y, "y")
    if x_rank < 2 or y_rank < 2:
        name, value = ("x", x) if x_rank < 2 else ("y", y)
        raise bad_argument(name, value, "a tensor with at least 2 axes")
    if axes is None:
        pair = (x_rank - 1, y_rank - 1 if y_rank == 2 else y_rank - 2)
    else:
        converted = as_axis(axes, "axes")
        pair = converted if isinstance(converted, tuple) else (converted, converted)
        if len(pair) != 2:
            raise bad_argument("axes", axes, "one axis or two (one for x, one for y)")
        pair = (pair[0] % x_rank if -x_rank <= pair[0] < x_rank else None,
                pair[1] % y_rank if -y_rank <= pair[1] < y_rank else None)
        if None in pair:
            raise bad_argument("axes", axes, f"axes within the ranks of x ({x_rank}) and y ({y_rank})")
    ax, ay = pair
    if ax == 0 or ay == 0:
        raise bad_argument("axes", axes, "axes other than the batch axis 1")
    nx, ny = x.shape[ax], y.shape[ay]
    if nx is not None and ny is not None and nx != ny:
        raise bad_argument("axes", axes, f"axes of equal length (x has {nx}, y has {ny} there)")
    letters = iter(string.ascii_letters)
    batch, summed = next(letters), next(letters)
    x_sub = [batch] + [summed if i == ax else next(letters) for i in range(1, x_rank)]
    y_sub = [batch] + [summed if i == ay else next(letters) for i in range(1, y_rank)]
    out = [batch] + [c for c in x_sub[1:] if c != summed] + [c for c in y_sub[1:] if c != summed]
    result = tf.einsum(f"{''.join(x_sub)},{''.join(y_sub)}->{''.join(out)}", x, y)
    if len(out) == 1:
        result = tf.expand_dims(result, -1)
    return result


# --- dtypes and creation ----------------------------------------------------------------------------


def k_epsilon() -> float:
    """The fuzz factor of numeric expressions (``1e-07`` unless changed).

    Example:
        >>> k_epsilon()
        1e-07

    Returns:
        A float.

    Mirrors ``keras::k_epsilon()``.
    """
    return keras.config.epsilon()


def k_floatx() -> str:
    """The default float type, as a string (``"float32"`` unless changed).

    Example:
        >>> k_floatx()
        'float32'

    Returns:
        A string.

    Mirrors ``keras::k_floatx()``.
    """
    return keras.config.floatx()


def k_set_floatx(floatx: Any) -> None:
    """Set the default float type.

    Example:
        >>> k_set_floatx("float64"); k_floatx()
        'float64'
        >>> k_set_floatx("float32")

    Args:
        floatx: ``"float16"``, ``"bfloat16"``, ``"float32"`` or ``"float64"``.

    Returns:
        `None`.

    Mirrors ``keras::k_set_floatx()``.
    """
    allowed = ("float16", "bfloat16", "float32", "float64")
    if not isinstance(floatx, str) or floatx not in allowed:
        raise bad_argument("floatx", floatx, "one of " + ", ".join(repr(a) for a in allowed))
    keras.config.set_floatx(floatx)


@symbolic
def k_cast(x: Any, dtype: Any) -> tf.Tensor:
    """Cast a tensor to a dtype.

    Example:
        >>> k_cast(k_constant([1.7]), "int32").numpy()
        array([1], dtype=int32)

    Args:
        x: Tensor or variable.
        dtype: A dtype name (``"float16"``, ``"float32"``, ``"int32"``, ...) or a ``tf$DType``.

    Returns:
        A tensor.

    Mirrors ``keras::k_cast()``.
    """
    if dtype is None:
        raise bad_argument("dtype", dtype, "a dtype name such as 'float32'")
    return tf.cast(_as_tensor(x), _dtype(dtype))


def k_cast_to_floatx(x: Any) -> Any:
    """Cast to the default float type: a tensor stays a tensor, anything else becomes an array.

    Example:
        >>> k_cast_to_floatx([1, 2]).dtype
        dtype('float32')

    Args:
        x: A tensor, or an array or numbers.

    Returns:
        A tensor for a tensor, else a NumPy array of dtype ``k_floatx()`` (R gets it as an array of
        doubles holding the rounded values).

    Mirrors ``keras::k_cast_to_floatx()``.
    """
    if _is_tensor(x):
        return tf.cast(_as_tensor(x), keras.config.floatx())
    try:
        return np.asarray(x, dtype=keras.config.floatx())
    except (TypeError, ValueError):
        raise bad_argument("x", x, "numbers, an array or a tensor") from None


def k_constant(value: Any, dtype: Any = None, shape: Any = None, name: str | None = None) -> tf.Tensor:
    """A constant tensor, in ``k_floatx()`` unless ``dtype`` is given.

    Example:
        >>> k_constant(2, shape=[2, 2]).numpy()
        array([[2., 2.],
               [2., 2.]], dtype=float32)

    Args:
        value: A number, vector, array or list of them.
        dtype: Defaults to `None` (``k_floatx()``, as ``keras.backend.constant`` did).
        shape: The shape to fill (a scalar ``value`` is repeated). Defaults to `None`.
        name: Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_constant()``.
    """
    dims = None if shape is None else _shape(shape)
    dtype = _dtype(dtype)
    if (dtype.is_integer or dtype == tf.bool) and not _is_tensor(value):
        # R numbers are doubles: c(1, 0) with dtype "int32" means whole numbers, which are cast;
        # fractions would be truncated, so they are refused.
        array = np.asarray(value)
        if array.dtype.kind == "f":
            if not np.all(np.isfinite(array) & (array == np.round(array))):
                raise bad_argument("value", value, f"whole numbers for dtype {dtype.name}")
            value = array.astype(dtype.as_numpy_dtype)
    return tf.constant(value, dtype=dtype, shape=dims, name=name)


def k_zeros(shape: Any, dtype: Any = None, name: str | None = None) -> tf.Variable:
    """An all-zeros variable, as ``keras.backend.zeros`` made it.

    Example:
        >>> k_zeros([2, 3]).numpy().sum()
        0.0

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        dtype: Defaults to `None` (``k_floatx()``).
        name: Defaults to `None`.

    Returns:
        A ``tf.Variable`` (use it as a tensor; create it outside ``tf_function`` code).

    Mirrors ``keras::k_zeros()``.
    """
    return tf.Variable(tf.zeros(_shape(shape), dtype=_dtype(dtype)), name=name)


@symbolic
def k_zeros_like(x: Any, dtype: Any = None, name: str | None = None) -> tf.Tensor:
    """Zeros of the shape (and, unless ``dtype`` is given, the dtype) of ``x``.

    Example:
        >>> k_zeros_like(k_constant([1, 2])).numpy()
        array([0., 0.], dtype=float32)

    Args:
        x: Tensor or variable.
        dtype: Defaults to `None` (the dtype of ``x``).
        name: Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_zeros_like()``.
    """
    return tf.zeros_like(_as_tensor(x), dtype=None if dtype is None else _dtype(dtype), name=name)


@symbolic
def k_ones_like(x: Any, dtype: Any = None, name: str | None = None) -> tf.Tensor:
    """Ones of the shape (and, unless ``dtype`` is given, the dtype) of ``x``.

    Example:
        >>> k_ones_like(k_constant([1, 2])).numpy()
        array([1., 1.], dtype=float32)

    Args:
        x: Tensor or variable.
        dtype: Defaults to `None` (the dtype of ``x``).
        name: Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_ones_like()``.
    """
    return tf.ones_like(_as_tensor(x), dtype=None if dtype is None else _dtype(dtype), name=name)


def _number(value: Any, name: str) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        if isinstance(value, (list, tuple, np.ndarray)) and np.size(value) == 1:
            return _number(np.asarray(value).reshape(-1)[0].item(), name)
        raise bad_argument(name, value, "a number")
    return float(value)


def k_random_normal(shape: Any, mean: Any = 0.0, stddev: Any = 1.0, dtype: Any = None,
                    seed: Any = None) -> tf.Tensor:
    """Draws from a normal distribution.

    With a ``seed`` the draw is the same on every call; without one it comes from the global
    Keras seed generator, so ``set_random_seed()`` / ``use_session_with_seed()`` make it repeatable.

    Example:
        >>> k_random_normal([2, 3], seed=1).shape
        TensorShape([2, 3])

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        mean: Defaults to `0`.
        stddev: Defaults to `1`.
        dtype: Defaults to `None` (``k_floatx()``).
        seed: A non-negative integer. Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_random_normal()``.
    """
    stddev = _number(stddev, "stddev")
    if stddev < 0:
        raise bad_argument("stddev", stddev, "a number >= 0")
    return keras.random.normal(_shape(shape), mean=_number(mean, "mean"), stddev=stddev,
                               dtype=_dtype(dtype).name, seed=_seed(seed))


def k_random_uniform(shape: Any, minval: Any = 0.0, maxval: Any = 1.0, dtype: Any = None,
                     seed: Any = None) -> tf.Tensor:
    """Draws from a uniform distribution on ``[minval, maxval)``.

    Seeding works as in :func:`k_random_normal`.

    Example:
        >>> k_random_uniform([2], seed=1).shape
        TensorShape([2])

    Args:
        shape: The shape (R's ``c(2, 3)`` is accepted).
        minval: Defaults to `0`.
        maxval: Defaults to `1`.
        dtype: Defaults to `None` (``k_floatx()``).
        seed: A non-negative integer. Defaults to `None`.

    Returns:
        A tensor.

    Mirrors ``keras::k_random_uniform()``.
    """
    low, high = _number(minval, "minval"), _number(maxval, "maxval")
    if not low < high:
        raise bad_argument("maxval", maxval, f"a number greater than minval={low}")
    return keras.random.uniform(_shape(shape), minval=low, maxval=high, dtype=_dtype(dtype).name,
                                seed=_seed(seed))
