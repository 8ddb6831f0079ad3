"""R's generic functions applied to tensors: what ``t + 2``, ``sqrt(t)``, ``sum(t)`` mean in R.

The R package registers S3 methods (``Ops``, ``Math``, ``Summary``, ``dim``, ``length``,
``as.array``, ``as.numeric``, ``as.integer``, ``as.logical``, ``print``, ``str``) on
``tensorflow.python.types.core.Tensor``, the one class every eager tensor, symbolic tensor,
``tf.Variable`` and Keras 3 variable shares; each method only captures its arguments and calls
one function here. The rules follow the R ``tensorflow`` package, made explicit:

* **Plain R values meet a tensor in the tensor's dtype.** R's ``2`` (a double) with a
  ``float32`` tensor is ``float32``; R's ``2`` with an ``int32`` tensor is ``int32`` (a whole
  number); ``2.5`` with an ``int32`` tensor is an error naming the argument, as is a value out of
  the dtype's range. Nothing is silently rounded or saturated.
* **Two tensors must already agree on dtype** (as in TensorFlow): ``int32 + float32`` is an
  error that says to ``tf$cast()`` one of them. The exception is a ``bool`` tensor (R's logical),
  which in arithmetic and comparisons counts as 0/1 of the other side's type, as R's ``TRUE + 1``
  does: the other tensor's dtype, or ``int32`` for R integers/logicals and ``float32`` for R
  doubles.
* ``%%`` is floor-mod and ``%/%`` floor division (the sign follows the divisor, as in R); ``/``
  is true division (``int32 / int32`` is ``float64``, as in TensorFlow and as R's ``/`` gives
  doubles); ``^`` keeps the tensor's dtype. ``&``, ``|`` and ``!`` treat non-zero as ``TRUE``.
* Broadcasting is TensorFlow's (trailing axes), not R's recycling.
* Reductions (``Summary``) run over all elements of all arguments and return tensors.
"""

from __future__ import annotations

import math as _pymath
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from .conversion import as_integer, as_integer_tuple
from .errors import bad_argument

__all__ = [
    "ops",
    "math",
    "summary",
    "dim",
    "length",
    "as_array",
    "as_vector",
    "as_matrix",
    "t",
    "complex_",
    "format_tensor",
    "str_tensor",
    "shape",
]


class _Missing:
    """The value of an argument R left out (``-x`` calls ``Ops`` without ``e2``)."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING: Any = _Missing()

_ARITHMETIC = ("+", "-", "*", "/", "^", "%%", "%/%")
_COMPARISON = ("==", "!=", "<", "<=", ">", ">=")
_LOGIC = ("&", "|")
_UNARY = ("-", "+", "!")
_OPS_GENERICS = _ARITHMETIC + _COMPARISON + _LOGIC + ("!",)

# R's Math group (?groupGeneric) plus log2/log10, which dispatch to it as well.
_MATH_GENERICS = (
    "abs", "sign", "sqrt", "floor", "ceiling", "trunc", "round", "signif",
    "exp", "log", "log2", "log10", "expm1", "log1p",
    "cos", "sin", "tan", "cospi", "sinpi", "tanpi", "acos", "asin", "atan",
    "cosh", "sinh", "tanh", "acosh", "asinh", "atanh",
    "lgamma", "gamma", "digamma", "trigamma",
    "cumsum", "cumprod", "cummax", "cummin",
)  # fmt: skip
_SUMMARY_GENERICS = ("sum", "prod", "min", "max", "all", "any", "range")
_ONE_TENSOR = "a tensor (at least one of `e1` and `e2` must be a tensor)"
_NO_VALUE = "an eager tensor with a value (a symbolic tensor inside tf.function has none)"


def _tf() -> Any:
    import tensorflow as tf

    return tf


# --- Telling tensors from plain R values, and converting the latter -----------------------------


def _is_tensor(x: Any) -> bool:
    """A tensor, a ``tf.Variable`` or a Keras 3 variable (everything the R methods dispatch on)."""
    if x is None or isinstance(x, (np.ndarray, np.generic, int, float, complex, str, bytes, list, tuple)):
        return False
    return bool(_tf().is_tensor(x))


def _dense(x: Any) -> Any:
    """The tensor value of ``x``: variables are read, sparse and ragged tensors pass unchanged."""
    tf = _tf()
    if isinstance(x, (tf.Tensor, tf.SparseTensor, tf.RaggedTensor)):
        return x
    return tf.convert_to_tensor(x)


def _dtype(x: Any) -> Any:
    return _tf().as_dtype(x.dtype)


def _plain_array(value: Any, name: str) -> np.ndarray:
    """A plain R value (number, logical, vector, array) as a NumPy array, or a clear error."""
    if value is None:
        raise bad_argument(name, value, "a number, logical, array or tensor (R NULL has no value)", TypeError)
    if isinstance(value, _Missing):
        raise bad_argument(name, value, "a value (this operator takes two arguments)", TypeError)
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        raise bad_argument(name, value, "a number, logical, array or tensor", TypeError) from None
    if arr.dtype.kind not in "biufcSU":
        raise bad_argument(name, value, "a number, logical, array or tensor", TypeError)
    return arr


def _convert(value: Any, name: str, dtype: Any, like: str) -> Any:
    """Convert the plain value ``value`` (argument ``name``) to ``dtype``, refusing lossy input.

    ``like`` names where the dtype comes from, for the message (e.g. "the dtype of `e1`").
    """
    tf = _tf()
    arr = _plain_array(value, name)
    kind = arr.dtype.kind
    if dtype == tf.string:
        if kind not in "SU":
            raise bad_argument(name, value, f"strings ({like} is string)", TypeError)
        return tf.constant(arr)
    if kind in "SU":
        raise bad_argument(name, value, f"numbers or logicals ({like} is {dtype.name})", TypeError)
    if dtype == tf.bool:
        if kind != "b":
            raise bad_argument(name, value, f"logicals ({like} is bool)", TypeError)
        return tf.constant(arr)
    if kind == "c" and not dtype.is_complex:
        raise bad_argument(name, value, f"real numbers ({like} is {dtype.name})")
    if dtype.is_integer and kind in "fc":
        real = arr.real.astype(np.float64)
        if not np.all(np.isfinite(real)) or not np.all(real == np.trunc(real)):
            raise bad_argument(
                name, value,
                f"numbers representable as {dtype.name} ({like}): "
                f"whole numbers from {dtype.min} to {dtype.max}",
            )  # fmt: skip
    if (dtype.is_integer or dtype.is_floating) and kind in "iuf" and arr.size:
        finite = arr[np.isfinite(arr)] if kind == "f" else arr
        if finite.size and (finite.min() < dtype.min or finite.max() > dtype.max):
            raise bad_argument(
                name, value,
                f"numbers representable as {dtype.name} ({like}): values from {dtype.min} to {dtype.max}",
            )  # fmt: skip
    if kind == "u" and arr.dtype.itemsize == 8:
        arr = arr.astype(np.float64)  # tf.constant has no uint64 -> anything kernel on CPU
    return tf.cast(tf.constant(arr), dtype)


def _numeric_dtype_for(arr: np.ndarray) -> Any:
    """The dtype a ``bool`` tensor takes next to the plain value ``arr`` (R's logical coercion)."""
    tf = _tf()
    if arr.dtype.kind == "c":
        return tf.complex64
    return tf.float32 if arr.dtype.kind == "f" else tf.int32


def _as_bool(x: Any, name: str) -> Any:
    """``x`` as a bool tensor: non-zero is ``TRUE``, as R's ``as.logical`` on numbers."""
    tf = _tf()
    if _is_tensor(x):
        x = _dense(x)
        if _dtype(x) == tf.string:
            raise bad_argument(name, x, "a numeric or logical tensor", TypeError)
        return x if _dtype(x) == tf.bool else tf.cast(x, tf.bool)
    arr = _plain_array(x, name)
    if arr.dtype.kind in "SU":
        raise bad_argument(name, x, "numbers or logicals", TypeError)
    return tf.constant(arr != 0 if arr.dtype.kind != "b" else arr)


# The type of eager tensors and the enum of tf.bool (filled at first use).
_EAGER: list[Any] = []

# The dtypes a plain R number most often meets in `x * 2` or `1 - x`: (smallest, largest, whole numbers
# only). Built at first use; keyed by the DType's enum (a plain int: DType's own == is Python code).
_SCALAR_DTYPES: dict[int, tuple[float | int, float | int, bool]] = {}


def _scalar_operand(value: Any, dtype: Any) -> Any:
    """A plain R scalar (a Python bool, int or float) as a tensor of the other side's ``dtype``.

    The shortcut of :func:`_convert` for the usual case, one ``tf.constant`` of the value instead of
    a NumPy array, its range checks and a cast (~180 us -> ~10 us per operator call from R). It gives
    the tensor :func:`_convert` gives, and ``None`` (the general path decides, and raises its errors)
    for anything else: other types and dtypes, values out of range, fractions for integer dtypes.
    """
    kind = type(value)
    if kind is not float and kind is not int and kind is not bool:
        return None
    if not _SCALAR_DTYPES:
        tf = _tf()
        for d in (tf.float32, tf.float64, tf.int32, tf.int64):
            exact = int if d.is_integer else float  # NumPy's float32 limits would compare in float32
            _SCALAR_DTYPES[d.as_datatype_enum] = (exact(d.min), exact(d.max), d.is_integer)
    limits = _SCALAR_DTYPES.get(dtype.as_datatype_enum)
    if limits is None:
        return None
    low, high, whole = limits
    if kind is bool:
        value = int(value)  # R's TRUE is 1 of any numeric type
    elif kind is float:
        if whole:
            if not value.is_integer():  # fractions, NaN and infinities: the general path's error
                return None
            value = int(value)
        elif not _pymath.isfinite(value):
            return _tf().constant(value, dtype)
    if not low <= value <= high:
        return None
    return _tf().constant(value, dtype)


def _operands(generic: str, e1: Any, e2: Any) -> tuple[Any, Any]:
    """Bring both sides of a binary operator to one dtype, following the module's rules."""
    tf = _tf()
    if not _EAGER:
        with tf.init_scope():  # an eager tensor's type even when the first call is inside a tf.function
            _EAGER.extend((type(tf.constant(0.0)), tf.bool.as_datatype_enum))
    kind = type(e1)
    if kind is _EAGER[0] and type(e2) is kind:  # the usual case, two eager tensors: no conversions
        enum = e1._datatype_enum()
        if enum == e2._datatype_enum() and enum != _EAGER[1]:
            return e1, e2
    t1, t2 = _is_tensor(e1), _is_tensor(e2)
    if not (t1 or t2):
        raise bad_argument("e1", e1, _ONE_TENSOR, TypeError)
    boolean_ok = generic in ("==", "!=")
    if t1 and t2:
        a, b = _dense(e1), _dense(e2)
        da, db = _dtype(a), _dtype(b)
        if da == db:
            if da == tf.bool and not boolean_ok:
                return tf.cast(a, tf.int32), tf.cast(b, tf.int32)
            return a, b
        if da == tf.bool:
            return tf.cast(a, db), b
        if db == tf.bool:
            return a, tf.cast(b, da)
        raise bad_argument(
            "e2", b,
            f"a tensor of dtype {da.name}, the dtype of `e1` (tensors are not converted implicitly; "
            f"use tf$cast() on one of them)",
            TypeError,
        )  # fmt: skip
    tensor_name, plain_name = ("e1", "e2") if t1 else ("e2", "e1")
    tensor, plain = (_dense(e1), e2) if t1 else (_dense(e2), e1)
    dtype = _dtype(tensor)
    scalar = _scalar_operand(plain, dtype)
    if scalar is not None:
        return (tensor, scalar) if t1 else (scalar, tensor)
    if dtype == tf.bool:
        arr = _plain_array(plain, plain_name)
        if not (boolean_ok and arr.dtype.kind == "b"):
            dtype = _numeric_dtype_for(arr)
            tensor = tf.cast(tensor, dtype)
    converted = _convert(plain, plain_name, dtype, f"the dtype of `{tensor_name}`")
    return (tensor, converted) if t1 else (converted, tensor)


def ops(generic: str, e1: Any, e2: Any = MISSING) -> Any:
    """Apply one of R's ``Ops`` group operators to tensors, with R's meaning (called by R's ``Ops``).

    Example:
        >>> ops("%%", tf.constant([5.0, -5.0]), 3)
        <tf.Tensor: shape=(2,), dtype=float32, numpy=array([2., 1.], dtype=float32)>
        >>> ops("-", tf.constant(2))
        <tf.Tensor: shape=(), dtype=int32, numpy=-2>

    Args:
        generic: The operator as R names it: ``+ - * / ^ %% %/%`` (arithmetic; ``%%`` floor-mod,
            ``%/%`` floor division, ``^`` power), ``== != < <= > >=`` (comparison) or
            ``& | !`` (logic, non-zero is ``TRUE``).
        e1: Left operand: a tensor or variable, or a plain number, logical or array.
        e2: Right operand, as ``e1``. At least one operand must be a tensor. Defaults to
            `MISSING` (the unary operators ``-x``, ``+x``, ``!x``).

    Returns:
        A tensor. A plain operand is converted to the tensor's dtype (an error names it when that
        would lose information); two tensors must share a dtype, except that a ``bool`` tensor
        counts as 0/1 of the other side's type. Comparisons and logic return ``bool`` tensors.

    Raises:
        ValueError: a plain value not representable in the tensor's dtype (``2.5`` for ``int32``),
            or an unknown operator.
        TypeError: tensors of different dtypes, ``NULL``/strings where numbers are needed.

    Mirrors R's ``Ops`` group generic (``Ops.tensorflow.tensor`` methods of R ``tensorflow``).
    """
    tf = _tf()
    if generic not in _OPS_GENERICS:
        raise bad_argument("generic", generic, "one of R's Ops group operators: " + " ".join(_OPS_GENERICS))
    if e2 is MISSING:
        if generic not in _UNARY:
            raise bad_argument("e2", e2, f"a value (`{generic}` takes two arguments)", TypeError)
        if not _is_tensor(e1):
            raise bad_argument("e1", e1, "a tensor", TypeError)
        if generic == "!":
            return tf.math.logical_not(_as_bool(e1, "e1"))
        x = _dense(e1)
        if _dtype(x) == tf.bool:
            x = tf.cast(x, tf.int32)  # R: -TRUE is -1L
        return tf.math.negative(x) if generic == "-" else x
    if generic == "!":
        raise bad_argument("e2", e2, "no second argument (`!` is unary)", TypeError)
    if generic in _LOGIC:
        if not (_is_tensor(e1) or _is_tensor(e2)):
            raise bad_argument("e1", e1, _ONE_TENSOR, TypeError)
        fn = tf.math.logical_and if generic == "&" else tf.math.logical_or
        return fn(_as_bool(e1, "e1"), _as_bool(e2, "e2"))
    a, b = _operands(generic, e1, e2)
    if not _BINARY_FUNCTIONS:
        _BINARY_FUNCTIONS.update({
            "+": tf.math.add,
            "-": tf.math.subtract,
            "*": tf.math.multiply,
            "/": tf.math.truediv,
            "^": tf.math.pow,
            "%%": tf.math.floormod,
            "%/%": tf.math.floordiv,
            "==": tf.math.equal,
            "!=": tf.math.not_equal,
            "<": tf.math.less,
            "<=": tf.math.less_equal,
            ">": tf.math.greater,
            ">=": tf.math.greater_equal,
        })  # fmt: skip
    return _BINARY_FUNCTIONS[generic](a, b)


# R's binary arithmetic and comparison operators and the TensorFlow function of each (filled at first use).
_BINARY_FUNCTIONS: dict[str, Callable[[Any, Any], Any]] = {}


# --- Math ---------------------------------------------------------------------------------------


def _floating(x: Any) -> Any:
    """Integer tensors as floats for functions TensorFlow defines on floats only.

    The widening is :func:`tf.math.truediv`'s: 8/16-bit integers to ``float32``, 32/64-bit
    integers to ``float64`` (R computes these in double).
    """
    tf = _tf()
    dtype = _dtype(x)
    if dtype.is_integer:
        return tf.cast(x, tf.float32 if dtype.size <= 2 else tf.float64)
    return x


def _r_order(x: Any) -> Any:
    """All elements of ``x`` as a 1-d tensor in R's (column-major) order, as ``c(a)`` gives them."""
    tf = _tf()
    return tf.reshape(tf.transpose(x), [-1])


def _cumulative(flat: Any, fn: Callable[[Any, Any], Any]) -> Any:
    tf = _tf()
    if flat.shape.num_elements() == 0:
        return flat
    return tf.scan(fn, flat)


def _round(x: Any, digits: int) -> Any:
    tf = _tf()
    if digits == 0:
        return tf.math.round(x)
    scale = tf.constant(10.0**digits, x.dtype) if digits > 0 else tf.constant(10.0 ** (-digits), x.dtype)
    if digits > 0:
        return tf.math.round(x * scale) / scale
    return tf.math.round(x / scale) * scale


def _signif(x: Any, digits: int) -> Any:
    tf = _tf()
    digits = max(digits, 1)
    finite = tf.math.is_finite(x) & tf.math.not_equal(x, tf.zeros_like(x))
    safe = tf.where(finite, tf.math.abs(x), tf.ones_like(x))
    magnitude = tf.math.floor(tf.math.log(safe) / tf.constant(_pymath.log(10.0), x.dtype))
    scale = tf.math.pow(tf.constant(10.0, x.dtype), tf.constant(digits - 1, x.dtype) - magnitude)
    return tf.where(finite, tf.math.round(x * scale) / scale, x)


def _gamma(x: Any) -> Any:
    tf = _tf()
    magnitude = tf.math.exp(tf.math.lgamma(x))
    odd = tf.math.equal(tf.math.floormod(tf.math.ceil(-x), 2.0), tf.ones_like(x))
    sign = tf.where((x < 0) & odd, -tf.ones_like(x), tf.ones_like(x))
    pole = (x <= 0) & tf.math.equal(x, tf.math.floor(x))
    return tf.where(pole, tf.fill(tf.shape(x), tf.constant(np.nan, x.dtype)), sign * magnitude)


def _pi_times(x: Any, period: float) -> Any:
    """``pi * x`` after reducing ``x`` modulo ``period`` (as R's cospi and friends do)."""
    tf = _tf()
    return tf.constant(np.pi, x.dtype) * tf.math.floormod(x, tf.constant(period, x.dtype))


def math(generic: str, x: Any, *args: Any, digits: Any = None, base: Any = None) -> Any:
    """Apply one of R's ``Math`` group functions to a tensor (called by R's ``Math``).

    Example:
        >>> math("round", tf.constant([1.234, -5.678]), digits=1)
        <tf.Tensor: shape=(2,), dtype=float32, numpy=array([ 1.2, -5.7], dtype=float32)>
        >>> math("log", tf.constant(8.0), base=2)
        <tf.Tensor: shape=(), dtype=float32, numpy=3.0>

    Args:
        generic: The R function: ``abs sign sqrt floor ceiling trunc round signif exp log log2
            log10 expm1 log1p cos sin tan cospi sinpi tanpi acos asin atan cosh sinh tanh acosh
            asinh atanh lgamma gamma digamma trigamma cumsum cumprod cummax cummin``.
        x: A tensor or variable.
        *args: R's unnamed extra argument: ``base`` for ``log``, ``digits`` for ``round`` and
            ``signif``; ignored for ``trunc`` (as R does).
        digits: Decimal places for ``round`` (negative rounds to tens, hundreds, ...) and
            significant digits for ``signif``. Defaults to `None` (R's 0 for ``round``, 6 for
            ``signif``).
        base: Logarithm base for ``log``. Defaults to `None` (natural logarithm).

    Returns:
        A tensor of ``x``'s shape, except ``cumsum``/``cumprod``/``cummax``/``cummin``, which, like R,
        run over all elements in R's column-major order and return a 1-d tensor. Functions
        defined on floats only (``sqrt``, ``exp``, ``log``, trigonometry, gamma functions) widen
        integer tensors to floats (``int32`` to ``float64``, as ``/`` does); ``floor``, ``ceiling``,
        ``trunc`` and ``round``/``signif`` keep integer tensors integer. ``bool`` tensors count
        as ``int32`` 0/1. ``round`` halves go to even, as R's ``round(x)`` does.

    Raises:
        ValueError: an unsupported function (the message names it) or a bad ``digits``/``base``.

    Mirrors R's ``Math`` group generic (``?groupGeneric``).
    """
    tf = _tf()
    if generic not in _MATH_GENERICS:
        expected = "one of R's Math group functions: " + ", ".join(_MATH_GENERICS)
        raise bad_argument("generic", generic, expected)
    if not _is_tensor(x):
        raise bad_argument("x", x, "a tensor", TypeError)
    if args:
        if generic == "log" and base is None and len(args) == 1:
            base = args[0]
        elif generic in ("round", "signif") and digits is None and len(args) == 1:
            digits = args[0]
        elif generic != "trunc":
            raise bad_argument("...", list(args), f"no further arguments for `{generic}`", TypeError)
    if base is not None and generic != "log":
        raise bad_argument("base", base, f"no `base` for `{generic}` (only `log` takes one)", TypeError)
    if digits is not None and generic not in ("round", "signif"):
        expected = f"no `digits` for `{generic}` (only `round` and `signif` take one)"
        raise bad_argument("digits", digits, expected, TypeError)
    x = _dense(x)
    if _dtype(x) == tf.bool:
        x = tf.cast(x, tf.int32)
    dtype = _dtype(x)
    if dtype == tf.string:
        raise bad_argument("x", x, "a numeric tensor", TypeError)

    if generic in ("cumsum", "cumprod", "cummax", "cummin"):
        flat = _r_order(x)
        if generic == "cumsum":
            return tf.math.cumsum(flat)
        if generic == "cumprod":
            return tf.math.cumprod(flat)
        return _cumulative(flat, tf.math.maximum if generic == "cummax" else tf.math.minimum)
    if generic == "abs":
        return tf.math.abs(x)
    if generic == "sign":
        return tf.math.sign(x)
    if generic in ("floor", "ceiling", "trunc"):
        if dtype.is_integer:
            return x
        if generic == "floor":
            return tf.math.floor(x)
        if generic == "ceiling":
            return tf.math.ceil(x)
        return tf.where(x < 0, tf.math.ceil(x), tf.math.floor(x))
    if generic in ("round", "signif"):
        default = 0 if generic == "round" else 6
        n = default if digits is None else as_integer(digits, "digits")
        work = tf.cast(x, tf.float64) if dtype.is_integer else x
        out = _round(work, n) if generic == "round" else _signif(work, n)
        return tf.cast(out, dtype) if dtype.is_integer else out

    x = _floating(x)
    if generic == "log":
        result = tf.math.log(x)
        if base is None:
            return result
        if _is_tensor(base):
            b = tf.cast(_dense(base), _dtype(x))
        else:
            b = _convert(base, "base", _dtype(x), "the dtype of `x`")
        return result / tf.math.log(b)
    ln10, ln2 = _pymath.log(10.0), _pymath.log(2.0)
    functions: dict[str, Callable[[Any], Any]] = {
        "sqrt": tf.math.sqrt,
        "exp": tf.math.exp,
        "log2": lambda v: tf.math.log(v) / tf.constant(ln2, v.dtype),
        "log10": lambda v: tf.math.log(v) / tf.constant(ln10, v.dtype),
        "expm1": tf.math.expm1,
        "log1p": tf.math.log1p,
        "cos": tf.math.cos,
        "sin": tf.math.sin,
        "tan": tf.math.tan,
        "cospi": lambda v: tf.math.cos(_pi_times(v, 2.0)),
        "sinpi": lambda v: tf.math.sin(_pi_times(v, 2.0)),
        "tanpi": lambda v: tf.math.tan(_pi_times(v, 1.0)),
        "acos": tf.math.acos,
        "asin": tf.math.asin,
        "atan": tf.math.atan,
        "cosh": tf.math.cosh,
        "sinh": tf.math.sinh,
        "tanh": tf.math.tanh,
        "acosh": tf.math.acosh,
        "asinh": tf.math.asinh,
        "atanh": tf.math.atanh,
        "lgamma": tf.math.lgamma,
        "gamma": _gamma,
        "digamma": tf.math.digamma,
        "trigamma": lambda v: tf.math.polygamma(tf.ones_like(v), v),
    }
    return functions[generic](x)


# --- Summary ------------------------------------------------------------------------------------


def summary(generic: str, x: Any, na_rm: bool = False) -> Any:
    """Reduce all elements of one or more tensors with one of R's ``Summary`` group functions.

    Example:
        >>> summary("sum", tf.constant([[1, 2], [3, 4]]))
        <tf.Tensor: shape=(), dtype=int32, numpy=10>
        >>> summary("range", [tf.constant([3.0, 1.0]), 7])
        <tf.Tensor: shape=(2,), dtype=float32, numpy=array([1., 7.], dtype=float32)>

    Args:
        generic: ``sum``, ``prod``, ``min``, ``max``, ``all``, ``any`` or ``range``.
        x: A tensor, or a list of the arguments R's ``...`` held (tensors and plain values; plain
            values are converted to the dtype of the first non-``bool`` tensor, with an error
            naming them, such as ``..2``, when that would lose information).
        na_rm: Whether to leave out ``NaN`` values (tensors have no ``NA``; R's ``na.rm = TRUE``
            drops ``NaN`` too). Defaults to `False`.

    Returns:
        A 0-d tensor (``range``: a 1-d tensor ``[min, max]``). ``all``/``any`` return ``bool``
        (non-zero is ``TRUE``); ``sum``, ``prod``, ``min``, ``max`` and ``range`` count ``bool``
        tensors as ``int32`` (``sum(t > 0)`` counts, as in R). Empty input gives R's values:
        0 for ``sum``, 1 for ``prod``, ``Inf``/``-Inf`` for float ``min``/``max``.

    Mirrors R's ``Summary`` group generic (``?groupGeneric``).
    """
    tf = _tf()
    if generic not in _SUMMARY_GENERICS:
        expected = "one of R's Summary group functions: " + ", ".join(_SUMMARY_GENERICS)
        raise bad_argument("generic", generic, expected)
    if not isinstance(na_rm, (bool, np.bool_)):
        raise bad_argument("na_rm", na_rm, "TRUE or FALSE", TypeError)
    if isinstance(x, dict):  # R's list(...) with names: sum(t, finite = TRUE)
        raise bad_argument("...", list(x), "unnamed arguments: the tensors and values to reduce", TypeError)
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    names = ["x"] if not isinstance(x, (list, tuple)) else [f"..{i + 1}" for i in range(len(values))]
    tensors = [_dense(v) for v in values if _is_tensor(v)]
    if not tensors:
        raise bad_argument("x", x, "at least one tensor", TypeError)

    if generic in ("all", "any"):
        parts = [tf.reshape(_as_bool(v, n), [-1]) for v, n in zip(values, names)]
        fn = tf.math.reduce_all if generic == "all" else tf.math.reduce_any
        return fn(tf.concat(parts, 0))

    non_bool = [t for t in tensors if _dtype(t) != tf.bool]
    dtype = _dtype(non_bool[0]) if non_bool else tf.int32
    parts = []
    for v, n in zip(values, names):
        if _is_tensor(v):
            t = _dense(v)
            if _dtype(t) == tf.bool:
                t = tf.cast(t, dtype)
            elif _dtype(t) != dtype:
                raise bad_argument(
                    n, t,
                    f"a tensor of dtype {dtype.name} like the first tensor (use tf$cast())",
                    TypeError,
                )  # fmt: skip
        else:
            t = _convert(v, n, dtype, "the dtype of the first tensor")
        parts.append(tf.reshape(t, [-1]))
    flat = tf.concat(parts, 0)
    if na_rm and (dtype.is_floating or dtype.is_complex):
        flat = tf.boolean_mask(flat, tf.math.logical_not(tf.math.is_nan(tf.math.real(flat))))
    if generic == "sum":
        return tf.math.reduce_sum(flat)
    if generic == "prod":
        return tf.math.reduce_prod(flat)
    if generic == "min":
        return tf.math.reduce_min(flat)
    if generic == "max":
        return tf.math.reduce_max(flat)
    return tf.stack([tf.math.reduce_min(flat), tf.math.reduce_max(flat)])


# --- Shape, length, values ----------------------------------------------------------------------


def _static_shape(x: Any, name: str = "x") -> Any:
    tf = _tf()
    if not _is_tensor(x):
        raise bad_argument(name, x, "a tensor", TypeError)
    return tf.TensorShape(x.shape)


def dim(x: Any) -> list[int | None] | None:
    """The dimensions of a tensor as R's ``dim()`` reports them (called by R's ``dim``).

    Example:
        >>> dim(tf.zeros((2, 3)))
        [2, 3]

    Args:
        x: A tensor or variable (eager or symbolic).

    Returns:
        One entry per axis, ``None`` where the size is unknown (R turns it into ``NA``); ``[]``
        for a 0-d tensor; ``None`` when even the rank is unknown (R's ``NULL``).

    Mirrors ``dim.tensorflow.tensor`` of the R ``tensorflow`` package.
    """
    shape = _static_shape(x)
    if shape.rank is None:
        return None
    return [None if d is None else int(d) for d in shape.as_list()]


def length(x: Any) -> int | None:
    """The number of elements of a tensor (called by R's ``length``).

    Example:
        >>> length(tf.zeros((2, 3)))
        6

    Args:
        x: A tensor or variable.

    Returns:
        The product of the dimensions (1 for a 0-d tensor), or ``None`` when a dimension is
        unknown (R turns it into ``NA``).

    Mirrors ``length.tensorflow.tensor`` of the R ``tensorflow`` package.
    """
    n = _static_shape(x).num_elements()
    return None if n is None else int(n)


def _numpy(x: Any, name: str = "x") -> np.ndarray:
    """The value of an eager tensor or variable as a NumPy array R can take."""
    tf = _tf()
    if not _is_tensor(x):
        raise bad_argument(name, x, "a tensor", TypeError)
    if isinstance(x, tf.SparseTensor):
        x = tf.sparse.to_dense(x)
    if isinstance(x, tf.RaggedTensor):
        expected = "a dense tensor (a ragged tensor has no array shape; use x$to_tensor())"
        raise bad_argument(name, x, expected, TypeError)
    if not hasattr(x, "numpy"):
        raise bad_argument(name, x, _NO_VALUE)
    try:
        value = np.asarray(x.numpy())
    except (NotImplementedError, AttributeError, ValueError):
        raise bad_argument(name, x, _NO_VALUE) from None
    is_bytes = value.dtype.kind == "O" and value.size and isinstance(value.flat[0], bytes)
    if value.dtype.kind == "S" or is_bytes:
        value = np.array([b.decode("utf-8", errors="replace") for b in value.reshape(-1)], dtype=str)
        value = value.reshape(x.shape)
    elif (value.dtype.kind == "f" and value.dtype.itemsize < 4) or value.dtype.name == "bfloat16":
        value = value.astype(np.float32)  # R has doubles only; reticulate knows no bfloat16
    return value


def as_array(x: Any) -> np.ndarray:
    """The value of a tensor as a NumPy array (called by R's ``as.array``).

    Example:
        >>> as_array(tf.constant([[1, 2], [3, 4]]))
        array([[1, 2],
               [3, 4]], dtype=int32)

    Args:
        x: An eager tensor or variable (a sparse tensor is densified).

    Returns:
        The array, same shape; reticulate gives R the same shape (it converts NumPy's row-major
        layout to R's column-major one). Strings are decoded from UTF-8; ``float16``/``bfloat16``
        become ``float32``. A 0-d tensor gives a NumPy scalar, as ``x.numpy()`` does (R: a plain
        length-1 vector, as R tensorflow's ``as.array()`` gave).

    Raises:
        ValueError: for a symbolic tensor (inside ``tf.function``), which has no value.

    Mirrors ``as.array.tensorflow.tensor`` of the R ``tensorflow`` package.
    """
    value = _numpy(x)
    return value[()] if value.ndim == 0 else value


def as_matrix(x: Any) -> np.ndarray:
    """The value of a tensor as a 2-d array, as R's ``as.matrix()`` makes one (called by R's ``as.matrix``).

    Example:
        >>> as_matrix(tf.constant([1, 2, 3])).shape
        (3, 1)

    Args:
        x: An eager tensor or variable.

    Returns:
        A matrix tensor's value as it is; any other rank gives one column of all the elements in R's
        (column-major) order, as ``as.matrix()`` does with a vector or an array.

    Mirrors ``as.matrix.tensorflow.tensor`` of the R ``tensorflow`` package.
    """
    value = _numpy(x)
    if value.ndim == 2:
        return value
    return value.reshape(-1, order="F")[:, np.newaxis]


def t(x: Any) -> Any:
    """Transpose a matrix tensor; a vector becomes a one-row matrix (called by R's ``t``).

    Example:
        >>> t(tf.constant([[1, 2, 3]])).shape
        TensorShape([3, 1])

    Args:
        x: A tensor of rank 0, 1 or 2.

    Returns:
        The transposed tensor: ``(n, m)`` for ``(m, n)``, ``(1, n)`` for a vector of ``n``, ``(1, 1)`` for
        a 0-d tensor, as R's ``t()`` gives for a vector or a number.

    Raises:
        ValueError: for a tensor of rank above 2 (R: "argument is not a matrix"; use ``aperm``-like
            ``tf$transpose(x, perm)``).

    Mirrors R's ``t()`` on a matrix (``t.tensorflow.tensor`` of R tensorflow 2.x).
    """
    tf = _tf()
    shape = _static_shape(x)
    if shape.rank is None or shape.rank > 2:
        expected = "a matrix (a tensor of rank 2, 1 or 0); use tf$transpose(x, perm) for arrays"
        raise bad_argument("x", x, expected)
    x = _dense(x)
    if shape.rank < 2:
        return tf.reshape(x, [1, -1])
    return tf.transpose(x)


_COMPLEX_GENERICS = ("Re", "Im", "Mod", "Arg", "Conj")


def complex_(generic: str, z: Any) -> Any:
    """Apply one of R's ``Complex`` group functions to a tensor (called by R's ``Complex``).

    Example:
        >>> complex_("Mod", tf.constant(3 + 4j))
        <tf.Tensor: shape=(), dtype=float64, numpy=5.0>

    Args:
        generic: ``Re``, ``Im``, ``Mod``, ``Arg`` or ``Conj``.
        z: A tensor or variable, complex or real.

    Returns:
        A tensor: the real part, imaginary part, modulus, argument (angle) or conjugate, element-wise.
        ``Re``/``Im``/``Mod``/``Arg`` of a complex tensor are real (``float64`` for ``complex128``); of
        a real tensor, ``Re`` and ``Conj`` are the tensor, ``Im`` zeros, ``Mod`` its absolute value and
        ``Arg`` 0 or pi, as in R.

    Mirrors R's ``Complex`` group generic (``Re.tensorflow.tensor`` ... of the R ``tensorflow`` package).
    """
    tf = _tf()
    if generic not in _COMPLEX_GENERICS:
        expected = "one of R's Complex group functions: " + ", ".join(_COMPLEX_GENERICS)
        raise bad_argument("generic", generic, expected)
    if not _is_tensor(z):
        raise bad_argument("z", z, "a tensor", TypeError)
    z = _dense(z)
    dtype = _dtype(z)
    if dtype == tf.bool:
        z, dtype = tf.cast(z, tf.int32), tf.int32
    if dtype == tf.string:
        raise bad_argument("z", z, "a numeric tensor", TypeError)
    if not dtype.is_complex:
        if generic in ("Re", "Conj"):
            return z
        if generic == "Im":
            return tf.zeros_like(z)
        if generic == "Mod":
            return tf.math.abs(z)
        z = _floating(z)
        return tf.where(z < 0, tf.constant(np.pi, z.dtype), tf.zeros_like(z))
    functions: dict[str, Callable[[Any], Any]] = {
        "Re": tf.math.real, "Im": tf.math.imag, "Mod": tf.math.abs, "Arg": tf.math.angle,
        "Conj": tf.math.conj,
    }
    return functions[generic](z)


def as_vector(x: Any, mode: str = "double") -> np.ndarray:
    """All elements of a tensor as a 1-d array in R's column-major order, of one R type.

    Example:
        >>> as_vector(tf.constant([[1.7, -2.7], [3.5, 4.0]]), "integer")
        array([ 1,  3, -2,  4], dtype=int32)

    Args:
        x: An eager tensor or variable.
        mode: The R type: ``"double"`` (``as.numeric``), ``"integer"`` (``as.integer``: truncates
            toward zero, as R does) or ``"logical"`` (``as.logical``: non-zero is ``TRUE``).
            Defaults to `"double"`.

    Returns:
        A 1-d ``float64``, ``int32`` or ``bool`` array in the order ``c(as.array(x))`` has in R.

    Raises:
        ValueError: values with no R counterpart: ``NaN``/``Inf`` or numbers beyond R's integer
            range for ``"integer"`` (R would give ``NA`` with a warning), ``NaN`` for
            ``"logical"``.
        TypeError: string or complex tensors.

    Mirrors ``as.numeric()``, ``as.integer()`` and ``as.logical()`` on an R array.
    """
    if mode not in ("double", "integer", "logical"):
        raise bad_argument("mode", mode, 'one of "double", "integer", "logical"')
    value = _numpy(x)
    kind = value.dtype.kind
    if kind not in "biuf":
        raise bad_argument("x", x, "a numeric or logical tensor", TypeError)
    flat = value.reshape(-1, order="F")
    if mode == "double":
        return flat.astype(np.float64)
    if mode == "logical":
        if kind == "f" and np.isnan(flat).any():
            raise bad_argument("x", x, "no NaN values (R's as.logical(NaN) is NA)")
        return flat != 0 if kind != "b" else flat.copy()
    if kind == "f":
        if not np.isfinite(flat).all():
            raise bad_argument("x", x, "finite values (R's as.integer() gives NA for NaN and Inf)")
        flat = np.trunc(flat)
    limit = 2**31 - 1  # -2^31 is R's NA_integer_
    if flat.size and (flat.min() < -limit or flat.max() > limit):
        raise bad_argument("x", x, f"values within R's integer range (|x| <= {limit})")
    return flat.astype(np.int32)


def format_tensor(x: Any) -> str:
    """The text R's ``print()`` shows for a tensor: Python's ``str()``, with ``shape=(3)`` for 1-d.

    Example:
        >>> format_tensor(tf.constant([1.0, 2.0]))
        'tf.Tensor([1. 2.], shape=(2), dtype=float32)'

    Args:
        x: A tensor or variable.

    Returns:
        The text.

    Mirrors ``print.tensorflow.tensor`` of the R ``tensorflow`` package (which drops the
    trailing comma of 1-d shapes).
    """
    return re.sub(r"shape=\((None|\d+),\)", r"shape=(\1)", str(x))


def _str_value(v: Any) -> str:
    """One value as R's ``str()`` writes it: 3 significant digits, ``TRUE``/``FALSE``, quoted text."""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if np.isnan(v) or np.isinf(v):
            return "NaN" if np.isnan(v) else ("Inf" if v > 0 else "-Inf")
        return f"{v:.3g}"
    if isinstance(v, str):
        return f'"{v}"'
    return str(v)


def str_tensor(x: Any, max_values: int = 10) -> str:
    """A one-line summary of a tensor for R's ``str()``: class, dtype, R-style dims, first values.

    Example:
        >>> str_tensor(tf.constant([[1, 2, 3], [4, 5, 6]]))
        '<tf.Tensor> int32 [1:2, 1:3] 1 4 2 5 3 6'

    Args:
        x: A tensor or variable.
        max_values: How many values to show, in R's column-major order. Defaults to `10`.

    Returns:
        The line; unknown dimensions show as ``1:?``, a symbolic tensor shows no values.

    Mirrors ``str()`` on an R array (`` num [1:2, 1:3] 1 4 2 ...``).
    """
    tf = _tf()
    shape = _static_shape(x)
    if isinstance(x, tf.Variable):
        kind = "tf.Variable"
    else:
        kind = "tf.Tensor" if isinstance(x, tf.Tensor) else type(x).__name__
    dtype = _dtype(x).name
    if shape.rank is None:
        dims = " [<unknown rank>]"
    elif shape.rank == 0:
        dims = ""
    else:
        ranges = ("1:?" if d is None else (f"1:{d}" if d else "0") for d in shape.as_list())
        dims = " [" + ", ".join(ranges) + "]"
    text = f"<{kind}> {dtype}{dims}"
    try:
        flat = _numpy(x).reshape(-1, order="F")
    except (ValueError, TypeError):
        return text
    shown = " ".join(_str_value(v) for v in flat[:max_values].tolist())
    more = " ..." if flat.size > max_values else ""
    return f"{text} {shown}{more}" if flat.size else text


def shape(dims: Any = ()) -> Any:
    """Build a ``tf.TensorShape`` from R dimensions, ``NULL``/``-1`` meaning unknown (R's ``shape()``).

    Example:
        >>> shape([None, 10.0])
        TensorShape([None, 10])

    Args:
        dims: A sequence of sizes; ``None`` (R ``NULL``/``NA``) or ``-1`` is an unknown size.
            ``None`` itself is an unknown rank; an eager integer tensor gives its values.
            Defaults to `()` (a 0-d shape).

    Returns:
        The ``tf.TensorShape``.

    Raises:
        ValueError: a size that is not a whole number >= 0 (the message names ``dims[i]``).

    Mirrors ``tensorflow::shape()`` of the R ``tensorflow`` package.
    """
    tf = _tf()
    if dims is None:
        return tf.TensorShape(None)
    if isinstance(dims, tf.TensorShape):
        return dims
    if _is_tensor(dims):
        dims = _numpy(dims, "dims")
    if isinstance(dims, np.ndarray):
        dims = dims.reshape(-1).tolist()
    if not isinstance(dims, (list, tuple)):
        dims = [dims]
    def known(v: Any) -> Any:
        numeric = isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
        return None if numeric and v == -1 else v  # R tensorflow's shape(-1, 3): -1 is unknown

    sizes = as_integer_tuple([known(v) for v in dims], "dims")
    return tf.TensorShape(list(sizes))

