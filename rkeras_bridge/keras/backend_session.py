"""R keras 2.x backend functions of state: variables, values, ``k_function``, ``k_gradients``, the learning
phase, configuration, and the TF1-only functions (which raise).

R keras 2.2.4 ran on TF1 graphs: ``k_placeholder()`` made graph inputs, ``k_function()`` ran a graph in
a session, ``k_gradients()`` added gradient ops to it. On TensorFlow 2:

* Keras' **symbolic tensors** (``layer_input()``, a model's ``$input``/``$output``, and ``k_*`` calls on
  them) play the graph's role. :func:`k_function` compiles such a graph into a ``tf.function`` and
  :func:`k_gradients` of a symbolic loss is a node of it, computed by a ``GradientTape`` when it runs.
* The **learning phase** is a setting of this module: ``k_set_learning_phase(1)`` makes
  :func:`k_in_train_phase` pick its training branch and :func:`k_function` run layers in training
  mode; inside a layer called with ``training = TRUE`` (``fit()``), the layer call's flag wins.
* **Sessions and placeholders** do not exist; :func:`k_get_session`, :func:`k_set_session` and
  :func:`k_placeholder` raise :class:`rkeras_bridge.bridge.errors.UnavailableError` saying what to use.
"""

from __future__ import annotations

import collections
import sys
import types
from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer, as_number
from ..bridge.errors import bad_argument, unavailable
from .backend import _as_tensor, _dtype, _is_tensor, is_symbolic, symbolic

__all__ = [
    "backend", "k_backend", "k_batch_get_value", "k_batch_set_value", "k_clear_session", "k_count_params",
    "k_dtype", "k_eval", "k_function", "k_get_session", "k_get_uid", "k_get_value", "k_get_variable_shape",
    "k_gradients", "k_image_data_format", "k_in_test_phase", "k_in_train_phase", "k_int_shape",
    "k_is_keras_tensor", "k_is_placeholder", "k_is_sparse", "k_is_tensor", "k_learning_phase",
    "k_manual_variable_initialization", "k_moving_average_update", "k_ndim", "k_placeholder",
    "k_print_tensor", "k_reset_uids", "k_set_epsilon", "k_set_image_data_format", "k_set_learning_phase",
    "k_set_session", "k_set_value", "k_to_dense", "k_update", "k_update_add", "k_update_sub", "k_variable",
]

_VARIABLE_TYPES = (tf.Variable, keras.Variable)


def _variable(x: Any, name: str = "x") -> Any:
    if not isinstance(x, _VARIABLE_TYPES):
        raise bad_argument(name, x, "a variable (k_variable(), k_zeros(), a layer's weight ...)")
    return x


def _numpy(x: Any, name: str = "x") -> np.ndarray:
    if isinstance(x, keras.KerasTensor):
        raise bad_argument(name, x, "a tensor with a value; a symbolic tensor has none until it runs "
                                    "(evaluate it with k_function())")
    if isinstance(x, tf.SparseTensor):
        x = tf.sparse.to_dense(x)
    if isinstance(x, keras.Variable):
        return np.asarray(x.numpy())
    if tf.is_tensor(x) or isinstance(x, tf.Variable):
        if not hasattr(x, "numpy"):
            raise bad_argument(name, x, "an eager tensor (this one belongs to a graph being traced)")
        return x.numpy()
    return np.asarray(x)


def _dtype_name(x: Any) -> str:
    dtype = getattr(x, "dtype", None)
    return dtype if isinstance(dtype, str) else tf.as_dtype(dtype).name


# --- variables ----------------------------------------------------------------------------------------


def k_variable(value: Any, dtype: Any = None, name: Any = None, constraint: Any = None) -> tf.Variable:
    """Create a variable holding ``value``, in ``k_floatx()`` unless ``dtype`` is given.

    Example:
        >>> k_variable([[1, 2], [3, 4]]).dtype
        tf.float32

    Args:
        value: Numbers, an R array, or a tensor.
        dtype: Defaults to `None` (``k_floatx()``, as ``keras.backend.variable`` did).
        name: Defaults to `None`.
        constraint: A function applied to the value after an optimizer update. Defaults to `None`.

    Returns:
        A ``tf.Variable``.

    Mirrors ``keras::k_variable()``.
    """
    if constraint is not None and not callable(constraint):
        raise bad_argument("constraint", constraint, "a function (or NULL)")
    if is_symbolic(value):
        raise bad_argument("value", value, "a value; a symbolic tensor has none")
    initial = tf.cast(_as_tensor(value, "value"), _dtype(dtype))
    return tf.Variable(initial, name=name, constraint=constraint)


def k_get_value(x: Any) -> np.ndarray:
    """The value of a variable (or tensor), as an array.

    Example:
        >>> k_get_value(k_variable([1, 2]))
        array([1., 2.], dtype=float32)

    Args:
        x: A variable or tensor.

    Returns:
        An array (an R array in R).

    Mirrors ``keras::k_get_value()``.
    """
    return _numpy(x)


def k_batch_get_value(ops: Any) -> list[np.ndarray]:
    """The values of several variables (or tensors), as a list of arrays.

    Example:
        >>> [v.tolist() for v in k_batch_get_value([k_variable(1), k_variable([2, 3])])]
        [1.0, [2.0, 3.0]]

    Args:
        ops: A list of variables or tensors.

    Returns:
        A list of arrays.

    Mirrors ``keras::k_batch_get_value()``.
    """
    if not isinstance(ops, (list, tuple)):
        raise bad_argument("ops", ops, "a list of variables or tensors")
    return [_numpy(op, f"ops[[{i + 1}]]") for i, op in enumerate(ops)]


def _assignable(x: Any, value: Any, name: str) -> Any:
    dtype = _dtype_name(x)
    if _is_tensor(value):
        new = tf.cast(_as_tensor(value, name), dtype)
    else:
        try:
            new = np.asarray(value, dtype=dtype)
        except (TypeError, ValueError):
            raise bad_argument(name, value, f"numbers convertible to the variable's dtype {dtype}") from None
    if tuple(new.shape) != tuple(x.shape):
        raise bad_argument(name, value, f"a value of the variable's shape {tuple(x.shape)} "
                                        f"(got shape {tuple(new.shape)})")
    return new


def k_set_value(x: Any, value: Any) -> None:
    """Set a variable's value (an R array is taken in the variable's dtype).

    Example:
        >>> v = k_variable([0, 0]); k_set_value(v, [1, 2]); v.numpy()
        array([1., 2.], dtype=float32)

    Args:
        x: A variable.
        value: Numbers, an array or a tensor of the variable's shape.

    Returns:
        `None`.

    Mirrors ``keras::k_set_value()``.
    """
    x = _variable(x)
    x.assign(_assignable(x, value, "value"))


def k_batch_set_value(lists: Any) -> None:
    """Set the values of several variables: ``list(list(variable, value), ...)``.

    Example:
        >>> v = k_variable(0); k_batch_set_value([[v, 20]]); float(v.numpy())
        20.0

    Args:
        lists: A list of ``list(variable, value)`` pairs.

    Returns:
        `None`.

    Mirrors ``keras::k_batch_set_value()``.
    """
    if not isinstance(lists, (list, tuple)):
        raise bad_argument("lists", lists, "a list of list(variable, value) pairs")
    pairs = []
    for i, pair in enumerate(lists, start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise bad_argument(f"lists[[{i}]]", pair, "a pair list(variable, value)")
        variable = _variable(pair[0], f"lists[[{i}]][[1]]")
        pairs.append((variable, _assignable(variable, pair[1], f"lists[[{i}]][[2]]")))
    for variable, value in pairs:  # all checked first: nothing is half-set on a bad pair
        variable.assign(value)


def k_update(x: Any, new_x: Any) -> Any:
    """Set a variable to ``new_x`` now (TF1 built an update op run later; eager code runs it at once).

    Example:
        >>> v = k_variable([1, 2]); k_update(v, [3, 4]).numpy()
        array([3., 4.], dtype=float32)

    Args:
        x: A variable.
        new_x: A tensor or value of the same shape.

    Returns:
        The variable, updated.

    Mirrors ``keras::k_update()``.
    """
    x = _variable(x)
    x.assign(_assignable(x, new_x, "new_x"))
    return x


def k_update_add(x: Any, increment: Any) -> Any:
    """Add ``increment`` to a variable now.

    Example:
        >>> v = k_variable([1, 2]); k_update_add(v, [10, 10]).numpy()
        array([11., 12.], dtype=float32)

    Args:
        x: A variable.
        increment: A tensor or value of the same shape.

    Returns:
        The variable, updated.

    Mirrors ``keras::k_update_add()``.
    """
    x = _variable(x)
    x.assign_add(_assignable(x, increment, "increment"))
    return x


def k_update_sub(x: Any, decrement: Any) -> Any:
    """Subtract ``decrement`` from a variable now.

    Example:
        >>> v = k_variable([1, 2]); k_update_sub(v, [1, 1]).numpy()
        array([0., 1.], dtype=float32)

    Args:
        x: A variable.
        decrement: A tensor or value of the same shape.

    Returns:
        The variable, updated.

    Mirrors ``keras::k_update_sub()``.
    """
    x = _variable(x)
    x.assign_sub(_assignable(x, decrement, "decrement"))
    return x


def k_moving_average_update(x: Any, value: Any, momentum: Any) -> Any:
    """Move a variable towards ``value``: ``x = momentum * x + (1 - momentum) * value``.

    As tf.keras under TensorFlow 2 (no zero-debiasing, which Keras 2.2.4 on TF1 applied).

    Example:
        >>> v = k_variable(0); float(k_moving_average_update(v, 10, 0.9).numpy())
        1.0

    Args:
        x: A variable.
        value: A tensor or value of the same shape.
        momentum: The moving average's momentum, in [0, 1].

    Returns:
        The variable, updated.

    Mirrors ``keras::k_moving_average_update()``.
    """
    x = _variable(x)
    momentum = as_number(momentum, "momentum", low=0, high=1)
    new = _assignable(x, value, "value")
    x.assign(x * tf.cast(momentum, _dtype_name(x)) + tf.cast(new, _dtype_name(x)) * tf.cast(1 - momentum,
                                                                                          _dtype_name(x)))
    return x


def k_count_params(x: Any) -> int:
    """The number of values in a variable (or tensor).

    Example:
        >>> k_count_params(k_variable(np.zeros((2, 3))))
        6

    Args:
        x: A variable or tensor.

    Returns:
        An integer.

    Mirrors ``keras::k_count_params()``.
    """
    shape = k_int_shape(x)
    if shape is None or any(d is None for d in shape):
        raise bad_argument("x", x, "a tensor of known shape")
    return int(np.prod(shape, dtype=np.int64))


# --- facts about tensors --------------------------------------------------------------------------------


def k_int_shape(x: Any) -> tuple[int | None, ...] | None:
    """The shape of a tensor or variable as integers, ``None`` (R ``NULL``) where unknown.

    Example:
        >>> k_int_shape(keras.Input((3,)))
        (None, 3)

    Args:
        x: A tensor, variable or array.

    Returns:
        A tuple (an R list), or `None` for an unknown rank.

    Mirrors ``keras::k_int_shape()``.
    """
    shape = getattr(x, "shape", None)
    if shape is None:
        if isinstance(x, (list, tuple, int, float)):
            return tuple(np.shape(x))
        raise bad_argument("x", x, "a tensor, variable or array")
    if isinstance(shape, tf.TensorShape):
        return None if shape.rank is None else tuple(shape.as_list())
    return tuple(None if d is None else int(d) for d in shape)


def k_get_variable_shape(x: Any) -> tuple[int | None, ...] | None:
    """The shape of a variable, as integers.

    Example:
        >>> k_get_variable_shape(k_variable(np.zeros((2, 3))))
        (2, 3)

    Args:
        x: A variable.

    Returns:
        A tuple (an R list).

    Mirrors ``keras::k_get_variable_shape()``.
    """
    return k_int_shape(x)


def k_ndim(x: Any) -> int | None:
    """The number of axes of a tensor or variable.

    Example:
        >>> k_ndim(k_variable(np.zeros((2, 3))))
        2

    Args:
        x: A tensor, variable or array.

    Returns:
        An integer, or `None` for an unknown rank.

    Mirrors ``keras::k_ndim()``.
    """
    shape = k_int_shape(x)
    return None if shape is None else len(shape)


def k_dtype(x: Any) -> str:
    """The dtype of a tensor or variable, as a string.

    Example:
        >>> k_dtype(k_variable(1))
        'float32'

    Args:
        x: A tensor or variable.

    Returns:
        A string such as ``"float32"``.

    Mirrors ``keras::k_dtype()``.
    """
    if getattr(x, "dtype", None) is None:
        raise bad_argument("x", x, "a tensor or variable")
    return _dtype_name(x)


def k_eval(x: Any) -> np.ndarray:
    """The value of a tensor or variable, as an array.

    Example:
        >>> k_eval(tf.constant([1, 2]) * 2)
        array([2, 4], dtype=int32)

    Args:
        x: A tensor or variable (not a symbolic tensor: use :func:`k_function` for those).

    Returns:
        An array (an R array in R).

    Mirrors ``keras::k_eval()``.
    """
    return _numpy(x)


def k_is_keras_tensor(x: Any) -> bool:
    """Whether ``x`` is a symbolic Keras tensor (a layer's input or output), as opposed to a value.

    Example:
        >>> k_is_keras_tensor(keras.Input((3,))), k_is_keras_tensor(tf.constant(1))
        (True, False)

    Args:
        x: A tensor or variable (anything else is an error, as in Keras).

    Returns:
        `True` or `False`.

    Mirrors ``keras::k_is_keras_tensor()``.
    """
    if not (_is_tensor(x) or isinstance(x, (keras.KerasTensor, tf.SparseTensor))):
        raise bad_argument("x", x, "a tensor or variable (an array or a number is not a tensor)")
    return isinstance(x, keras.KerasTensor)


def k_is_tensor(x: Any) -> bool:
    """Whether ``x`` is a tensor (eager, symbolic or sparse) or a variable.

    Example:
        >>> k_is_tensor(tf.constant(1)), k_is_tensor(1)
        (True, False)

    Args:
        x: Anything.

    Returns:
        `True` or `False`.

    Mirrors ``keras::k_is_tensor()``.
    """
    return bool(_is_tensor(x) or isinstance(x, (keras.KerasTensor, tf.SparseTensor)))


def k_is_placeholder(x: Any) -> bool:
    """Whether ``x`` is a placeholder: always `False`, as TensorFlow 2 has none (see :func:`k_placeholder`).

    Example:
        >>> k_is_placeholder(keras.Input((3,)))
        False

    Args:
        x: Anything.

    Returns:
        `False`.

    Mirrors ``keras::k_is_placeholder()``.
    """
    return False


def k_is_sparse(tensor: Any) -> bool:
    """Whether a tensor is sparse.

    Example:
        >>> k_is_sparse(tf.sparse.eye(2)), k_is_sparse(tf.eye(2))
        (True, False)

    Args:
        tensor: A tensor.

    Returns:
        `True` or `False`.

    Mirrors ``keras::k_is_sparse()``.
    """
    return isinstance(tensor, tf.SparseTensor) or bool(getattr(tensor, "sparse", False))


@symbolic
def k_to_dense(tensor: Any) -> tf.Tensor:
    """A sparse tensor made dense (a dense one is returned as is).

    Example:
        >>> k_to_dense(tf.sparse.eye(2)).numpy()
        array([[1., 0.],
               [0., 1.]], dtype=float32)

    Args:
        tensor: A tensor.

    Returns:
        A dense tensor.

    Mirrors ``keras::k_to_dense()``.
    """
    if isinstance(tensor, tf.SparseTensor):
        return tf.sparse.to_dense(tensor)
    return _as_tensor(tensor, "tensor")


@symbolic
def k_print_tensor(x: Any, message: Any = "") -> tf.Tensor:
    """Print a message and a tensor's value when it is computed, and return the tensor.

    Eagerly this prints at once; in compiled code, each time the code runs.

    Example:
        >>> _ = k_print_tensor(tf.constant([1, 2]), "x = ")
        x = [1 2]

    Args:
        x: A tensor.
        message: Printed before the value. Defaults to `""`.

    Returns:
        ``x``.

    Mirrors ``keras::k_print_tensor()``.
    """
    if not isinstance(message, str):
        raise bad_argument("message", message, "a string")
    x = _as_tensor(x)
    if tf.executing_eagerly():
        # Through Python's stdout, which R's console (reticulate) captures; tf.print writes past it.
        print(f"{message}{np.array2string(x.numpy())}")
        sys.stdout.flush()
        return x
    tf.print(message, x, output_stream=sys.stdout)
    return tf.identity(x)


# --- learning phase ---------------------------------------------------------------------------------------

_LEARNING_PHASE: list[int | None] = [None]


def _call_context_training() -> bool | None:
    """The ``training`` flag of the Keras layer call in progress (``fit()`` calls with `True`), if any."""
    try:
        from keras.src.backend.common import global_state
    except ImportError:  # a Keras without this internal: fall back to the module setting
        return None
    context = global_state.get_global_attribute("current_call_ctx")
    training = None if context is None else getattr(context, "training", None)
    return None if training is None or _is_tensor(training) else bool(training)


def k_learning_phase() -> int:
    """The learning phase: 1 while training, 0 otherwise.

    Inside a Keras layer call it is that call's ``training`` flag; elsewhere, what
    :func:`k_set_learning_phase` set (0 until then). In TF1 this was a placeholder fed at run time;
    given as an input to :func:`k_function` it still takes the value fed for it.

    Example:
        >>> k_learning_phase()
        0

    Returns:
        0 or 1.

    Mirrors ``keras::k_learning_phase()``.
    """
    training = _call_context_training()
    if training is not None:
        return int(training)
    return _LEARNING_PHASE[0] or 0


def _phase_value(value: Any, name: str) -> int:
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    phase = as_integer(value, name)
    if phase not in (0, 1):
        raise bad_argument(name, value, "0 (test) or 1 (train)")
    return phase


def k_set_learning_phase(value: Any) -> None:
    """Set the learning phase: 0 (test) or 1 (train).

    It drives :func:`k_in_train_phase` / :func:`k_in_test_phase` when they get no ``training``, and the
    mode in which :func:`k_function` runs layers. Keras 3 layers called directly take their own
    ``training`` argument instead.

    Example:
        >>> k_set_learning_phase(1); k_learning_phase()
        1
        >>> k_set_learning_phase(0)

    Args:
        value: 0 or 1 (`TRUE`/`FALSE` accepted).

    Returns:
        `None`.

    Mirrors ``keras::k_set_learning_phase()``.
    """
    _LEARNING_PHASE[0] = _phase_value(value, "value")


def _branch(expression: Any) -> Any:
    return expression() if callable(expression) and not _is_tensor(expression) else expression


def k_in_train_phase(x: Any, alt: Any, training: Any = None) -> Any:
    """``x`` in the training phase, ``alt`` otherwise.

    Example:
        >>> int(k_in_train_phase(tf.constant(1), tf.constant(0), training=True))
        1

    Args:
        x: What to return when training: a tensor, or a function of no arguments returning one.
        alt: What to return otherwise: a tensor, or a function returning one.
        training: `TRUE`/`FALSE`, 0/1, or a logical scalar tensor. Defaults to `None`
            (:func:`k_learning_phase`).

    Returns:
        ``x`` or ``alt`` (element-wise chosen when ``training`` is a tensor).

    Mirrors ``keras::k_in_train_phase()``.
    """
    if training is None:
        training = k_learning_phase()
    if _is_tensor(training) or isinstance(training, keras.KerasTensor):
        from .backend_math import k_switch

        return k_switch(training, x, alt)
    return _branch(x) if _phase_value(training, "training") == 1 else _branch(alt)


def k_in_test_phase(x: Any, alt: Any, training: Any = None) -> Any:
    """``x`` in the test phase, ``alt`` otherwise.

    Example:
        >>> int(k_in_test_phase(tf.constant(1), tf.constant(0), training=False))
        1

    Args:
        x: What to return when not training: a tensor, or a function returning one.
        alt: What to return otherwise.
        training: `TRUE`/`FALSE`, 0/1, or a logical scalar tensor. Defaults to `None`
            (:func:`k_learning_phase`).

    Returns:
        ``x`` or ``alt``.

    Mirrors ``keras::k_in_test_phase()``.
    """
    return k_in_train_phase(alt, x, training)


# --- compiled functions and gradients ------------------------------------------------------------------


def _history_sources(tensors: list[Any]) -> list[Any]:
    """The input tensors (``layer_input()``s) a symbolic graph starts from."""
    sources, seen, stack = [], set(), list(tensors)
    while stack:
        tensor = stack.pop()
        if id(tensor) in seen:
            continue
        seen.add(id(tensor))
        operation, node_index, _ = tensor._keras_history
        node = operation._inbound_nodes[node_index]
        if node.is_input:
            sources.append(tensor)
        else:
            stack.extend(node.input_tensors)
    return sources


class _Gradients(keras.Operation):
    """The gradients of a symbolic loss, as a node of the symbolic graph (computed when it runs).

    Its inputs are the symbolic tensors to differentiate by, then the graph's other inputs. Each
    tensor gets a model of the loss that starts at it (and at the graph's inputs), so that its
    gradient sums every path through it, as ``tf.gradients`` did in TF1.
    """

    def __init__(self, loss: Any, wrt_tensors: list[Any], wrt_variables: list[Any], sources: list[Any]):
        super().__init__(name=None)
        # Keras models hand their `training` flag to the operations that declare it.
        self._call_context_args = {"training"}
        self._wrt_variables = wrt_variables
        self.inputs = [*wrt_tensors, *(s for s in sources if all(s is not t for t in wrt_tensors))]
        position = {id(t): i for i, t in enumerate(self.inputs)}
        self._per_tensor = []
        for i, tensor in enumerate(wrt_tensors):
            starts = [tensor, *(s for s in sources if s is not tensor)]
            self._per_tensor.append((i, keras.Model(starts, loss), [position[id(t)] for t in starts]))
        self._of_sources = (keras.Model(sources, loss), [position[id(t)] for t in sources])

    def call(self, *values: Any, training: Any = None) -> list[Any]:
        grads = []
        for i, model, positions in self._per_tensor:
            with tf.GradientTape() as tape:
                tape.watch(values[i])
                loss = model([values[p] for p in positions], training=training)
            grads.append(tape.gradient(loss, values[i], unconnected_gradients=tf.UnconnectedGradients.ZERO))
        if self._wrt_variables:
            model, positions = self._of_sources
            # A Keras variable is differentiated through the TensorFlow variable it holds.
            variables = [v.value if isinstance(v, keras.Variable) else v for v in self._wrt_variables]
            with tf.GradientTape() as tape:
                loss = model([values[p] for p in positions], training=training)
            grads.extend(tape.gradient(loss, variables, unconnected_gradients=tf.UnconnectedGradients.ZERO))
        return grads

    def compute_output_spec(self, *values: Any, training: Any = None) -> list[Any]:
        return [keras.KerasTensor(values[i].shape, dtype=values[i].dtype) for i, _, _ in self._per_tensor] + \
            [keras.KerasTensor(tuple(v.shape), dtype=_dtype_name(v)) for v in self._wrt_variables]


def k_gradients(loss: Any, variables: Any) -> list[Any]:
    """The gradients of ``loss`` with respect to ``variables``.

    For a symbolic loss (built from ``layer_input()`` or a model's tensors) the gradients are
    symbolic too, computed when a :func:`k_function` of them runs, as TF1 computed them in a session;
    inside compiled code (``tf_function()``) they are TensorFlow's symbolic gradients. An eager
    tensor keeps no record of how it was computed, so there it is an error: use ``tf$GradientTape()``.

    Example:
        >>> from rkeras_bridge import k_square, k_sum
        >>> x = keras.Input((2,))
        >>> grads = k_gradients(k_sum(k_square(x)), x)
        >>> k_function([x], grads)([np.array([[1.0, 2.0]])])[0]
        array([[2., 4.]], dtype=float32)

    Args:
        loss: A scalar (or any) tensor; gradients are of its sum.
        variables: A tensor or variable, or a list of them.

    Returns:
        A list of gradients, one per variable (zeros where the loss does not depend on it).

    Mirrors ``keras::k_gradients()``.
    """
    wrt = list(variables) if isinstance(variables, (list, tuple)) else [variables]
    if not wrt:
        raise bad_argument("variables", variables, "a tensor or variable, or a list of them")
    if isinstance(loss, keras.KerasTensor):
        wrt_tensors = [v for v in wrt if isinstance(v, keras.KerasTensor)]
        wrt_variables = [v for v in wrt if isinstance(v, _VARIABLE_TYPES)]
        if len(wrt_tensors) + len(wrt_variables) != len(wrt):
            raise bad_argument("variables", variables, "symbolic tensors or variables (the loss is symbolic)")
        operation = _Gradients(loss, wrt_tensors, wrt_variables, _history_sources([loss]))
        grads = operation(*operation.inputs)
        # back in the order the variables were given
        tensor_grads, variable_grads = iter(grads[: len(wrt_tensors)]), iter(grads[len(wrt_tensors):])
        return [next(tensor_grads) if isinstance(v, keras.KerasTensor) else next(variable_grads) for v in wrt]
    loss_t = _as_tensor(loss, "loss")
    if hasattr(loss_t, "numpy") and tf.executing_eagerly():
        raise unavailable("k_gradients", "an eager tensor keeps no graph to differentiate (TF1 graphs did)",
                          "record the computation in with(tf$GradientTape() %as% tape, {...}) and call "
                          "tape$gradient(loss, variables), or build the loss from layer_input() tensors")
    return tf.gradients(loss_t, wrt, unconnected_gradients=tf.UnconnectedGradients.ZERO)


class KerasFunction:
    """A compiled function of symbolic tensors (what :func:`k_function` returns): call it with a list."""

    def __init__(self, inputs: list[Any], outputs: Any, updates: list[tuple[Any, Any]]):
        self._phase_slots = [i for i, t in enumerate(inputs) if not isinstance(t, keras.KerasTensor)]
        self._inputs = [t for t in inputs if isinstance(t, keras.KerasTensor)]
        self._n_inputs = len(inputs)
        self._single = not isinstance(outputs, (list, tuple))
        self._outputs = [outputs] if self._single else list(outputs)
        self._updates = updates
        computed = [o for o in [*self._outputs, *(value for _, value in updates)]
                    if isinstance(o, keras.KerasTensor)]
        # A functional model runs the graph and hands each layer the `training` flag, as TF1's
        # learning-phase placeholder did.
        self._graph = keras.Model(self._inputs, computed) if computed else None
        self._compiled = {phase: tf.function(self._step(phase), reduce_retracing=True, autograph=False)
                          for phase in (0, 1)}

    def _step(self, phase: int) -> Any:
        def step(*values: Any) -> list[Any]:
            computed = [] if self._graph is None else self._graph(list(values), training=bool(phase))
            computed = iter(computed if isinstance(computed, (list, tuple)) else [computed])
            results = [next(computed) if isinstance(o, keras.KerasTensor) else _as_tensor(o, "outputs")
                       for o in self._outputs]
            for variable, value in self._updates:
                new = next(computed) if isinstance(value, keras.KerasTensor) else value
                variable.assign(tf.cast(new, _dtype_name(variable)))
            return results

        return step

    def __call__(self, inputs: Any) -> Any:
        values = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        if len(values) != self._n_inputs:
            raise bad_argument("inputs", inputs, f"a list of {self._n_inputs} value(s), one per input")
        phase = k_learning_phase()
        tensors = []
        for i, value in enumerate(values):
            if i in self._phase_slots:
                phase = _phase_value(value, f"inputs[[{i + 1}]]")
                continue
            spec = self._inputs[len(tensors)]
            tensors.append(tf.convert_to_tensor(_numpy(value, f"inputs[[{i + 1}]]").astype(spec.dtype)))
        arrays = [r.numpy() for r in self._compiled[phase](*tensors)]
        return arrays[0] if self._single else arrays


def k_function(inputs: Any, outputs: Any, updates: Any = None, **kwargs: Any) -> KerasFunction:
    """Compile a function from symbolic inputs to outputs; call it with a list of input values.

    The inputs are symbolic tensors (``layer_input()``, ``model$input``, a layer's ``$output``); the
    outputs are symbolic tensors computed from them (a model's or layer's ``$output``, ``k_*`` calls,
    :func:`k_gradients`). The graph is compiled with ``tf.function``. An input that is
    ``k_learning_phase()`` (a number, not a tensor) receives the learning phase at each call, 0 or 1,
    as TF1's placeholder did; otherwise layers run in the phase of :func:`k_set_learning_phase`.

    Example:
        >>> from rkeras_bridge import k_sum
        >>> x = keras.Input((2,))
        >>> f = k_function([x], [k_sum(x, axis=2)])
        >>> f([np.array([[1.0, 2.0]])])
        [array([3.], dtype=float32)]

    Args:
        inputs: A list of symbolic tensors (and possibly ``k_learning_phase()``).
        outputs: A list of symbolic tensors (or one: then the call returns one array).
        updates: A list of ``list(variable, new_value)`` pairs applied at each call after the outputs
            are computed (``new_value`` may be symbolic). Defaults to `None`.
        **kwargs: TF1 session options: none exists on TensorFlow 2, so any is an error.

    Returns:
        A function of a list of values (R arrays) returning a list of arrays.

    Mirrors ``keras::k_function()``.
    """
    if kwargs:
        raise unavailable(f"k_function({', '.join(kwargs)} = ...)",
                          "its extra arguments were options of TF1's Session$run, and TensorFlow 2 "
                          "has no session",
                          "k_function(inputs, outputs, updates)")
    inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    for i, tensor in enumerate(inputs, start=1):
        if not isinstance(tensor, keras.KerasTensor) and not isinstance(tensor, (int, bool, np.integer)):
            raise bad_argument(f"inputs[[{i}]]", tensor, "a symbolic tensor (layer_input(), model$input, "
                                                          "a layer's $output) or k_learning_phase()")
    one = _is_tensor(outputs) or isinstance(outputs, keras.KerasTensor)
    if not isinstance(outputs, (list, tuple)) and not one:
        raise bad_argument("outputs", outputs, "a symbolic tensor or a list of them")
    pairs = []
    for i, update in enumerate(updates or [], start=1):
        if not isinstance(update, (list, tuple)) or len(update) != 2:
            raise bad_argument(f"updates[[{i}]]", update, "a pair list(variable, new_value)")
        pairs.append((_variable(update[0], f"updates[[{i}]][[1]]"), update[1]))
    return KerasFunction(inputs, outputs, pairs)


# --- configuration -------------------------------------------------------------------------------------


def k_backend() -> str:
    """The name of the backend: ``"tensorflow"`` (Theano and CNTK are not supported).

    Example:
        >>> k_backend()
        'tensorflow'

    Returns:
        A string.

    Mirrors ``keras::k_backend()``.
    """
    return "tensorflow"


def k_image_data_format() -> str:
    """The default image data format: ``"channels_last"`` unless changed.

    Example:
        >>> k_image_data_format()
        'channels_last'

    Returns:
        ``"channels_last"`` or ``"channels_first"``.

    Mirrors ``keras::k_image_data_format()``.
    """
    return keras.config.image_data_format()


def k_set_image_data_format(data_format: Any) -> None:
    """Set the default image data format.

    Example:
        >>> k_set_image_data_format("channels_first"); k_image_data_format()
        'channels_first'
        >>> k_set_image_data_format("channels_last")

    Args:
        data_format: ``"channels_last"`` or ``"channels_first"``.

    Returns:
        `None`.

    Mirrors ``keras::k_set_image_data_format()``.
    """
    if data_format not in ("channels_last", "channels_first"):
        raise bad_argument("data_format", data_format, "'channels_last' or 'channels_first'")
    keras.config.set_image_data_format(data_format)


def k_set_epsilon(e: Any) -> None:
    """Set the fuzz factor of numeric expressions (:func:`rkeras_bridge.k_epsilon`).

    Example:
        >>> k_set_epsilon(1e-4); k_set_epsilon(1e-7)

    Args:
        e: A number > 0.

    Returns:
        `None`.

    Mirrors ``keras::k_set_epsilon()``.
    """
    value = as_number(e, "e", low=0)
    if value == 0:
        raise bad_argument("e", e, "a number > 0")
    keras.config.set_epsilon(value)


def k_get_uid(prefix: Any = "") -> int:
    """The next number of a counter per prefix (1 on its first call), as Keras numbers layer names.

    Example:
        >>> k_reset_uids(); k_get_uid("dense"), k_get_uid("dense")
        (1, 2)

    Args:
        prefix: The counter's name. Defaults to `""`.

    Returns:
        An integer.

    Mirrors ``keras::k_get_uid()``.
    """
    if not isinstance(prefix, str):
        raise bad_argument("prefix", prefix, "a string")
    return keras.backend.get_uid(prefix)


def k_reset_uids() -> None:
    """Reset the counters of :func:`k_get_uid` (and so the numbering of new layers' names).

    Example:
        >>> k_reset_uids()

    Returns:
        `None`.

    Mirrors ``keras::k_reset_uids()``.
    """
    from keras.src.backend.common import global_state

    global_state.set_global_attribute("object_name_uids", collections.defaultdict(int))


def k_clear_session() -> None:
    """Reset the state Keras keeps: layer-name counters, the learning phase, caches of compiled code.

    Example:
        >>> k_clear_session()

    Returns:
        `None`.

    Mirrors ``keras::k_clear_session()``.
    """
    keras.backend.clear_session()
    _LEARNING_PHASE[0] = None


def k_manual_variable_initialization(value: Any) -> None:
    """Whether variables are initialised by hand: only `FALSE` exists on TensorFlow 2.

    TF1 variables needed an initializer op run in a session; TF2 variables hold their value from
    creation, so `FALSE` (the default of R keras) is accepted and `TRUE` is an error.

    Example:
        >>> k_manual_variable_initialization(False)

    Args:
        value: `FALSE`.

    Returns:
        `None`.

    Mirrors ``keras::k_manual_variable_initialization()``.
    """
    if as_flag(value, "value"):
        raise unavailable("k_manual_variable_initialization(TRUE)",
                          "TensorFlow 2 variables are initialised when they are created, with no session "
                          "to run an initializer later",
                          "give the value when creating the variable (k_variable(value)), or set it with "
                          "k_set_value() / set_weights()")


# --- what TensorFlow 2 cannot provide --------------------------------------------------------------------


def k_placeholder(shape: Any = None, ndim: Any = None, dtype: Any = None, sparse: Any = False,
                  name: Any = None) -> None:
    """Raises: placeholders exist only in TF1 graph mode.

    Example:
        >>> k_placeholder(shape=[None, 3])
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: k_placeholder() is not available on TensorFlow 2: ...

    Args:
        shape: Ignored. Defaults to `None`.
        ndim: Ignored. Defaults to `None`.
        dtype: Ignored. Defaults to `None`.
        sparse: Ignored. Defaults to `False`.
        name: Ignored. Defaults to `None`.

    Returns:
        Never returns.

    Mirrors ``keras::k_placeholder()``.
    """
    raise unavailable("k_placeholder", "placeholders belong to TF1 graphs fed by a session, and TensorFlow 2 "
                      "runs eagerly",
                      "layer_input(batch_shape = ...) for a symbolic input (k_function() and the k_* "
                      "functions accept it), or pass the values directly")


def k_get_session() -> None:
    """Raises: TensorFlow 2 has no sessions.

    Example:
        >>> k_get_session()
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: k_get_session() is not available on TensorFlow 2: ...

    Returns:
        Never returns.

    Mirrors ``keras::k_get_session()``.
    """
    raise unavailable("k_get_session", "TensorFlow 2 runs operations eagerly, with no session",
                      "k_eval() or as.array() for values, k_function() to run symbolic tensors, "
                      "use_session_with_seed() / set_random_seed() for seeding")


def k_set_session(session: Any) -> None:
    """Raises: TensorFlow 2 has no sessions.

    Example:
        >>> k_set_session(None)
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: k_set_session() is not available on TensorFlow 2: ...

    Args:
        session: Ignored.

    Returns:
        Never returns.

    Mirrors ``keras::k_set_session()``.
    """
    raise unavailable("k_set_session", "TensorFlow 2 runs operations eagerly, with no session to configure",
                      "tf$config (e.g. tf$config$threading, tf$config$set_visible_devices()) for what "
                      "a session's ConfigProto set, use_session_with_seed() for repeatable runs")


# --- the backend module --------------------------------------------------------------------------------


def _backend_module() -> types.ModuleType:
    """tf.keras' backend (0-based axes, as Python's keras.backend), plus its TF1-era names."""
    module = types.ModuleType("rkeras_bridge.keras.backend_session.keras_backend",
                              "keras.backend as R keras 2.x reached it with backend(): tf.keras' backend "
                              "functions (Python's 0-based axes) and its session-era names.")
    legacy = tf.keras.backend
    for name in dir(legacy):
        if not name.startswith("_"):
            setattr(module, name, getattr(legacy, name))
    extras = {
        "function": k_function, "gradients": k_gradients, "learning_phase": k_learning_phase,
        "set_learning_phase": k_set_learning_phase, "in_train_phase": k_in_train_phase,
        "in_test_phase": k_in_test_phase, "placeholder": k_placeholder, "is_placeholder": k_is_placeholder,
        "get_session": k_get_session, "set_session": k_set_session, "eval": k_eval,
        "get_value": k_get_value, "set_value": k_set_value, "batch_get_value": k_batch_get_value,
        "batch_set_value": k_batch_set_value, "print_tensor": k_print_tensor, "is_tensor": k_is_tensor,
        "manual_variable_initialization": k_manual_variable_initialization, "reset_uids": k_reset_uids,
        "get_uid": k_get_uid, "clear_session": k_clear_session, "backend": k_backend,
        "get_variable_shape": k_get_variable_shape, "identity": tf.identity,
        "logsumexp": lambda x, axis=None, keepdims=False: tf.reduce_logsumexp(x, axis, keepdims),
    }
    for name, value in extras.items():
        if not hasattr(module, name) or name in ("function", "gradients", "eval", "clear_session"):
            setattr(module, name, value)
    return module


_MODULE: list[types.ModuleType | None] = [None]


def backend(convert: Any = True) -> types.ModuleType:
    """The Keras backend module, as R keras 2.x's ``backend()`` returned Python's ``keras.backend``.

    Its functions are tf.keras' (Python names and **0-based** axes: ``K$sum(x, axis = 0L)`` sums the
    first axis), plus the session-era names of this package (``function``, ``learning_phase``, and
    ``placeholder``/``get_session``, which raise). In R, ``convert = FALSE`` keeps results as Python
    objects (NumPy arrays stay ``numpy.ndarray``).

    Example:
        >>> backend().cast_to_floatx(42).dtype
        dtype('float32')

    Args:
        convert: Whether R converts results to R values (used by the R wrapper). Defaults to `True`.

    Returns:
        A module.

    Mirrors ``keras::backend()``.
    """
    as_flag(convert, "convert")
    if _MODULE[0] is None:
        _MODULE[0] = _backend_module()
    return _MODULE[0]
