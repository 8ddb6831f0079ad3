"""Everything that knows how R values differ from Python values.

This is the only module that knows R's conventions: 1-based inclusive indexing, R's missing
values (``NA``), R numbers arriving as doubles where Python expects integers, and column-major
matrices. The R package calls into it; Python users get the same checks.

R's ``NA`` cannot be seen from here: reticulate has already turned ``NA_integer_`` into
-2147483648 and logical ``NA`` into ``True`` by the time a value reaches Python. The R side
therefore only *detects* ``NA`` (one vectorised ``anyNA``) and calls :func:`refuse_na`, so the
message and the exception class come from one place.
"""

from __future__ import annotations

import numbers
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .errors import bad_argument
from .r_threads import _HANDED_OFF, serve_r_calls, serves_r_calls

__all__ = [
    "as_number",
    "as_flag",
    "r_dims",
    "as_integer",
    "as_integer_tuple",
    "as_axis",
    "all_dims",
    "check_numerics",
    "refuse_non_finite",
    "refuse_na",
    "extract",
    "call",
    "last_error",
    "r_condition_classes",
    "matrix",
]


def as_integer(value: Any, name: str, *, minimum: int | None = None, allow_none: bool = False) -> int | None:
    """Coerce an R number (often a double such as ``32``) to a Python ``int``, refusing lossy input.

    Example:
        >>> as_integer(32.0, "units", minimum=1)
        32

    Args:
        value: An ``int``, an integral ``float`` (R's ``32``), a NumPy integer or 0-d array.
        name: The argument name, for the error message.
        minimum: Smallest accepted value. Defaults to `None` (no bound).
        allow_none: Whether ``None`` (R ``NULL``) passes through. Defaults to `False`.

    Returns:
        The integer, or ``None`` when allowed.

    Mirrors ``as.integer()`` in keras 2.x wrappers such as ``layer_dense``.
    """
    if value is None:
        if allow_none:
            return None
        raise bad_argument(name, value, "an integer, not NULL/None")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    elif isinstance(value, (np.ndarray, list, tuple)) and len(value) == 1:
        value = value[0].item() if isinstance(value, np.ndarray) else value[0]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise bad_argument(name, value, "an integer")
    as_float = float(value)
    if not np.isfinite(as_float) or as_float != int(as_float):
        raise bad_argument(name, value, "an integer (a whole number)")
    result = int(as_float)
    if minimum is not None and result < minimum:
        raise bad_argument(name, value, f"an integer >= {minimum}")
    return result


def as_number(value: Any, name: str, *, low: float | None = None, high: float | None = None,
            high_open: bool = False, allow_none: bool = False) -> float | None:
    """A real number (R double, integer or length-1 vector) as a Python float, range-checked.

    Example:
        >>> as_number(0.5, "rate", low=0, high=1, high_open=True)
        0.5

    Args:
        value: The argument. A length-1 vector counts as its element.
        name: The argument's name, for the error.
        low: The least value allowed. Defaults to `None`.
        high: The greatest value allowed (excluded when ``high_open``). Defaults to `None`.
        high_open: Whether ``high`` itself is refused. Defaults to `False`.
        allow_none: Whether `None` (R `NULL`) passes through. Defaults to `False`.

    Returns:
        A float, or `None`.
    """
    if value is None and allow_none:
        return None
    if isinstance(value, (np.ndarray, list, tuple)) and np.size(value) == 1:
        value = np.asarray(value).reshape(-1)[0].item()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise bad_argument(name, value, "a number")
    result = float(value)
    bounds = f"[{low}, {high})" if high_open else f"[{low}, {high}]"
    above = high is not None and (result >= high if high_open else result > high)
    if (low is not None and result < low) or above:
        raise bad_argument(name, value, f"a number in {bounds}" if high is not None else f"a number >= {low}")
    return result


def as_flag(value: Any, name: str) -> bool:
    """``TRUE``/``FALSE`` (or a length-1 logical vector) as a Python bool; anything else is refused.

    Example:
        >>> as_flag(True, "trainable")
        True

    Args:
        value: The argument.
        name: The argument's name, for the error.

    Returns:
        A bool.
    """
    if isinstance(value, (np.ndarray, list, tuple)) and np.size(value) == 1:
        value = np.asarray(value).reshape(-1)[0].item()
    if not isinstance(value, (bool, np.bool_)):
        raise bad_argument(name, value, "TRUE or FALSE")
    return bool(value)


def as_integer_tuple(values: Any, name: str, *, allow_unknown: bool = True) -> tuple[int | None, ...]:
    """Coerce an R shape such as ``c(28, 28, 1)`` or ``list(NULL, 10)`` to a tuple of ints.

    Example:
        >>> as_integer_tuple([None, 10.0], "input_shape")
        (None, 10)

    Args:
        values: A scalar, a sequence or a ``TensorShape`` of known rank; ``None`` entries mean
            "unknown" (R ``NULL``/``NA``).
        name: The argument name, for the error message.
        allow_unknown: Whether ``None`` entries are accepted. Defaults to `True`.

    Returns:
        A tuple of ``int`` or ``None``.
    """
    if isinstance(values, np.ndarray):
        values = values.tolist()
    if callable(getattr(values, "as_list", None)) and getattr(values, "rank", None) is not None:
        values = values.as_list()  # a TensorShape, as R's shape(2) makes
    if not isinstance(values, (list, tuple)):
        values = [values]
    out = []
    for i, v in enumerate(values):
        out.append(as_integer(v, f"{name}[{i + 1}]", minimum=0, allow_none=allow_unknown))
    return tuple(out)


def as_axis(axis: Any, name: str = "axis") -> int | tuple[int, ...] | None:
    """Turn an R keras axis (1-based; -1 is the last axis) into a 0-based Python axis.

    Example:
        >>> as_axis(1), as_axis(-1), as_axis([2, 3]), as_axis(None)
        (0, -1, (1, 2), None)

    Args:
        axis: A whole number or a sequence of them. Positive values count from 1 (R keras 2.x
            ``k_*`` functions); negative values count from the end, Python style (-1 the last).
        name: The argument name, for the error message. Defaults to `"axis"`.

    Returns:
        ``None``, an ``int`` or a tuple of ``int``.

    Mirrors ``keras:::as_axis()`` of R keras 2.x.
    """
    if axis is None:
        return None
    if isinstance(axis, np.ndarray):
        axis = axis.tolist()
    if isinstance(axis, (list, tuple)):
        return tuple(as_axis(a, f"{name}[{i + 1}]") for i, a in enumerate(axis))
    value = as_integer(axis, name)
    if value == 0:
        raise bad_argument(name, axis, "a 1-based axis (1 is the first axis, -1 the last); 0 is not an axis")
    return value - 1 if value > 0 else value


_CHECK_NUMERICS = [False]


def check_numerics(enable: Any = None) -> bool:
    """Turn the NaN/Inf check of training data on or off; return the setting in force.

    Off by default: scanning every array costs a pass over the data, and NaN can be meaningful
    (e.g. a mask). When on, :func:`refuse_non_finite` runs on the data given to
    ``tensor_slices_dataset()`` and ``fit()`` (``x``, ``y``, ``validation_data``).

    Example:
        >>> check_numerics(True)
        True

    Args:
        enable: `True` or `False` to set, `None` to only read. Defaults to `None`.

    Returns:
        Whether the check is on.

    R: ``check_numerics(TRUE)``.
    """
    if enable is not None:
        if not isinstance(enable, (bool, np.bool_)):
            raise bad_argument("enable", enable, "TRUE/FALSE (or NULL to read the setting)")
        _CHECK_NUMERICS[0] = bool(enable)
    return _CHECK_NUMERICS[0]


def refuse_non_finite(value: Any, name: str) -> None:
    """When :func:`check_numerics` is on, raise if the arrays in ``value`` hold NaN or Inf.

    Args:
        value: An array, a tensor, or a (nested) list/tuple/dict of them; other leaves are ignored.
        name: The argument name, for the error message.

    Returns:
        `None`.
    """
    if not _CHECK_NUMERICS[0] or value is None:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            refuse_non_finite(item, f"{name}${key}")
        return
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value, start=1):
            refuse_non_finite(item, f"{name}[[{i}]]")
        return
    array = value.numpy() if hasattr(value, "numpy") else value
    if not isinstance(array, np.ndarray) or array.dtype.kind not in "fc":
        return
    bad = ~np.isfinite(array)
    if bad.any():
        first = np.argwhere(bad)[0]
        raise ValueError(
            f"Invalid value for argument `{name}`: expected finite numbers (check_numerics is on). "
            f"Received: {name} with {int(np.isnan(array).sum())} NaN and {int(np.isinf(array).sum())} Inf "
            f"values, the first at R index [{', '.join(str(int(i) + 1) for i in first)}]"
        )


def refuse_na(name: str, r_type: str, length: int, positions: Sequence[int]) -> None:
    """Raise the error for an R ``NA`` that reached a tensor conversion (called from R).

    Example:
        >>> refuse_na("x", "integer", 3, [2])
        Traceback (most recent call last):
        ValueError: Invalid value for argument `x`: expected no missing values ...

    Args:
        name: Argument name (or position such as ``..1``) as seen by the R caller.
        r_type: R's ``typeof`` of the offending vector.
        length: Its length.
        positions: 1-based positions of the first few ``NA`` values.

    Returns:
        Never returns.
    """
    silent = {
        "integer": "NA_integer_ would silently become -2147483648",
        "logical": "logical NA would silently become True",
        "double": "NA_real_ would silently become NaN",
        "character": "NA_character_ would silently become the string 'NA'",
    }.get(r_type, "NA has no Python equivalent")
    shown = ", ".join(str(int(p)) for p in positions)
    raise ValueError(
        f"Invalid value for argument `{name}`: expected no missing values (R NA); {silent}. "
        f"Remove or impute them (use NaN explicitly for a missing double). "
        f"Received: {name}=<{r_type} vector of length {int(length)} with NA at position(s) {shown}>"
    )


def matrix(data: Any, nrow: Any = None, ncol: Any = None, byrow: bool = False) -> np.ndarray:
    """Build a 2-d array the way R's ``matrix()`` does: column-major, R's number types.

    Example:
        >>> matrix(range(1, 9), nrow=2, ncol=4)
        array([[1, 3, 5, 7],
               [2, 4, 6, 8]], dtype=int32)

    Args:
        data: The values, filled column by column (R's default) unless ``byrow``.
        nrow: Number of rows. Defaults to `None` (derived from ``ncol``).
        ncol: Number of columns. Defaults to `None` (derived from ``nrow``).
        byrow: Fill row by row. Defaults to `False`.

    Returns:
        An ``int32`` array for whole numbers given as Python ints (R's integer type), ``float64``
        for other numbers (R's double), ``bool`` for logicals.

    Mirrors base R ``matrix(data, nrow, ncol, byrow = FALSE)``.
    """
    values = np.asarray(list(data) if not isinstance(data, np.ndarray) else data).reshape(-1)
    if values.dtype.kind in "iu":
        if values.size and (values.min() < -(2**31) + 1 or values.max() > 2**31 - 1):
            raise bad_argument("data", data, "integers within R's integer range (|x| < 2^31)")
        values = values.astype(np.int32)
    elif values.dtype.kind == "f":
        values = values.astype(np.float64)
    elif values.dtype.kind != "b":
        raise bad_argument("data", data, "numbers or logicals")
    n = values.size
    nrow_i = as_integer(nrow, "nrow", minimum=1, allow_none=True)
    ncol_i = as_integer(ncol, "ncol", minimum=1, allow_none=True)
    if nrow_i is None and ncol_i is None:
        nrow_i, ncol_i = n, 1
    elif nrow_i is None:
        nrow_i = -(-n // ncol_i)
    elif ncol_i is None:
        ncol_i = -(-n // nrow_i)
    if n == 0 or (nrow_i * ncol_i) % n != 0:
        raise bad_argument("data", data, f"a length that divides nrow * ncol = {nrow_i * ncol_i}")
    filled = np.resize(values, nrow_i * ncol_i)  # R recycles data
    return filled.reshape((nrow_i, ncol_i), order="C" if byrow else "F").copy(order="C")


# --- `[` with the R tensorflow package's semantics ------------------------------------------------


def _static_dim(x: Any, axis: int) -> int | None:
    shape = getattr(x, "shape", None)
    if shape is None or axis >= len(shape):
        return None
    dim = shape[axis]
    return None if dim is None else int(dim)


def _zero_based(i: int, size: int | None, axis: int, name: str | None = None) -> int:
    """Turn one R index (1-based, or negative counted from the end) into a 0-based one.

    Negative indices stay negative when the dimension's size is unknown (Python resolves them).
    """
    name = name or f"index {axis + 1}"
    if i == 0:
        raise bad_argument(name, i, "a non-zero position (R indices start at 1; use -1 for the last element)")
    if size is not None and not (-size <= i <= size):
        valid = f"a position in 1..{size} or -{size}..-1" if size else "no position at all"
        raise bad_argument(name, i, f"{valid} (dimension {axis + 1} has size {size})")
    if i > 0:
        return i - 1
    return i if size is None else size + i


def _range_slice(
    start: int | None, end: int | None, step: int | None, size: int | None, axis: int, name: str | None = None
) -> slice:
    """An inclusive R range ``start:end`` or ``start:end:step`` as a Python slice.

    Either end may be missing (``None``). The direction is read from the numbers as written, never
    from the dimension's size, so a tensor of unknown size gets the same answer:

    * ``5:2`` and ``-1:-3`` (same sign, start after end) count down; ``2:5`` and ``-3:-1`` count up;
    * mixed signs count up: ``2:-1`` is "2 to the last" (empty if the two ends cross);
    * a positive step is a stride in that direction (``9:1:2`` is 9, 7, 5, 3, 1);
    * a negative step counts down: needed when an end is missing or the signs are mixed
      (``NULL:NULL:-1`` reverses, ``-1:2:-1`` is "last down to 2"); with same-sign ends counting
      up it is an error, as in ``seq(1, 5, by = -1)``.
    """
    name = name or f"index {axis + 1}"
    step = 1 if step is None else step
    if step == 0:
        raise bad_argument(name, step, "a non-zero step (the third number of start:end:step)")
    s0 = None if start is None else _zero_based(start, size, axis, name)
    e0 = None if end is None else _zero_based(end, size, axis, name)
    same_sign = start is not None and end is not None and (start > 0) == (end > 0)
    if step < 0 and same_sign and start < end:
        raise bad_argument(
            name,
            f"{start}:{end}:{step}",
            f"a positive step for a range that counts up (write {end}:{start}:{-step} to count down)",
        )
    descending = step < 0 or (same_sign and start > end)
    if descending:
        # e0 - 1 == -1 would wrap around to the last element: stop before the first one instead.
        stop = None if e0 is None or e0 == 0 else e0 - 1
        return slice(s0, stop, -abs(step))
    stop = None if e0 is None or e0 == -1 else e0 + 1
    return slice(s0, stop, abs(step))


def _refuse_non_integer_kind(value: Any, name: str, what: str) -> None:
    """Reject R logical and character indices with a message that says why."""
    kind = np.asarray(value).dtype.kind
    if kind == "b":
        raise bad_argument(name, value, f"{what} (logical TRUE/FALSE indices are not supported)")
    if kind in "US":
        raise bad_argument(
            name, value, f"{what} (character indices are not supported: tensors have no dimnames)"
        )


def _index_position(value: Any, name: str, *, allow_none: bool = False) -> int | None:
    """One R index (a length-1 number, a 0-d tensor or array) as a Python int (1-based, unchanged)."""
    if value is None and allow_none:
        return None
    if callable(getattr(value, "numpy", None)):  # an eager tensor used as an index
        value = value.numpy()
    _refuse_non_integer_kind(value, name, "an integer position")
    if np.size(value) != 1:
        raise bad_argument(name, value, "a single integer position (a length-1 number or a 0-d tensor)")
    return as_integer(value, name)


def _index_positions(value: Any, name: str) -> list[int]:
    """An R vector of indices (or a 1-d tensor or array) as a list of Python ints (1-based)."""
    if callable(getattr(value, "numpy", None)):
        value = value.numpy()
    _refuse_non_integer_kind(value, name, "integer positions")
    if np.ndim(value) > 1:
        raise bad_argument(
            name, value, "a vector of integer positions (matrix or array indices are not supported)"
        )
    return [as_integer(v, name) for v in np.asarray(value).reshape(-1).tolist()]


_SPEC_KINDS = ("missing", "scalar", "range", "vector", "all_dims", "newaxis")


def all_dims() -> Any:
    """All the remaining axes in an index: Python's ``...`` (``x[all_dims(), 0]`` is ``x[..., 0]``).

    Returns:
        ``Ellipsis``. Mirrors ``tensorflow::all_dims()`` of the R tensorflow package.
    """
    return Ellipsis


def extract(x: Any, specs: Sequence[Any], drop: bool = True) -> Any:
    """Index a tensor with the R tensorflow package's ``[`` semantics (called by R's ``[``).

    Example:
        >>> extract(tf.reshape(tf.range(12), (3, 4)), [("range", 1, 2, 1), ("scalar", -1)])
        <tf.Tensor: shape=(2,), dtype=int32, numpy=array([3, 7], dtype=int32)>

    Args:
        x: A tensor or variable (or anything with ``__getitem__`` and ``shape``, e.g. an array).
        specs: One entry per index position, each a tuple/list whose first element names its kind:
            ``("missing",)`` whole axis; ``("scalar", i)`` one position, dropping the axis;
            ``("range", start, end, step)`` inclusive range (``start``/``end`` may be ``None``,
            ``step`` may be omitted or ``None`` for 1; see :func:`_range_slice` for directions);
            ``("vector", [i, ...])`` several positions along the axis, in any order, repeats allowed
            (R's outer semantics: each vector applies to its own axis);
            ``("all_dims",)`` the rest of the axes (``...``); ``("newaxis",)`` a new axis of size 1.
            Indices are 1-based; negatives count from the end (-1 is the last); 0 and positions
            outside the dimension are errors. Errors name the index by its position in ``specs``
            (``index 2``). Scalars and range ends may also be 0-d tensors.
        drop: Whether scalar indices drop their axis. Defaults to `True`. Unlike base R, axes of
            size 1 selected by a range or vector are never dropped.

    Returns:
        The indexed tensor.

    Raises:
        ValueError: For 0, out-of-range, logical, character or non-integer indices, a zero step,
            more indices than the tensor has axes, more than one ``all_dims``, or an unknown kind.

    Mirrors ``[.tensorflow.tensor`` of the R tensorflow package.
    """
    import tensorflow as tf

    if not isinstance(drop, (bool, np.bool_)):
        raise bad_argument("drop", drop, "TRUE or FALSE")
    if isinstance(specs, (str, bytes)) or not isinstance(specs, Sequence):
        raise bad_argument("specs", specs, "a list of index specifications")
    specs = [tuple(s) if isinstance(s, (list, tuple)) else (s,) for s in specs]
    for position, spec in enumerate(specs, start=1):
        if not spec or spec[0] not in _SPEC_KINDS:
            raise bad_argument(f"index {position}", spec, f"a specification of kind {', '.join(_SPEC_KINDS)}")
    consuming = sum(1 for s in specs if s[0] not in ("all_dims", "newaxis"))
    shape = getattr(x, "shape", None)
    rank = None if shape is None else (shape.rank if hasattr(shape, "rank") else len(shape))
    if sum(1 for s in specs if s[0] == "all_dims") > 1:
        raise bad_argument("index", [s[0] for s in specs], "at most one all_dims()")
    if rank is not None and consuming > rank:
        raise bad_argument(
            "index", f"{consuming} indices", f"at most {rank} indices for a tensor of rank {rank}"
        )

    def dim(axis: int) -> int | None:  # _static_dim cannot ask a shape of unknown rank
        return None if rank is None else _static_dim(x, axis)

    key: list[Any] = []
    # (axis of the sliced result, positions, size of the input axis)
    gathers: list[tuple[int | None, list[int], int | None]] = []
    axis = 0  # axis of the input tensor
    out_axis = 0  # axis of the strided-slice result, counted from the start
    after_unknown_ellipsis = False  # then count output axes from the end instead
    for position, spec in enumerate(specs, start=1):
        kind, name = spec[0], f"index {position}"
        if kind == "all_dims":
            skip = (rank - consuming) if rank is not None else 0
            after_unknown_ellipsis = rank is None
            key.append(Ellipsis)
            axis += skip
            out_axis += skip
        elif kind == "newaxis":
            key.append(tf.newaxis)
            out_axis += 1
        elif kind == "missing":
            key.append(slice(None))
            axis += 1
            out_axis += 1
        elif kind == "scalar":
            if len(spec) != 2:
                raise bad_argument(name, spec, "('scalar', i)")
            i0 = _zero_based(_index_position(spec[1], name), dim(axis), axis, name)
            if drop:
                key.append(i0)
            else:
                key.append(slice(i0, None if i0 == -1 else i0 + 1))
                out_axis += 1
            axis += 1
        elif kind == "range":
            if len(spec) not in (3, 4):
                raise bad_argument(name, spec, "('range', start, end) or ('range', start, end, step)")
            start = _index_position(spec[1], name, allow_none=True)
            end = _index_position(spec[2], name, allow_none=True)
            step = _index_position(spec[3], name, allow_none=True) if len(spec) > 3 else None
            key.append(_range_slice(start, end, step, dim(axis), axis, name))
            axis += 1
            out_axis += 1
        else:  # vector
            if len(spec) != 2:
                raise bad_argument(name, spec, "('vector', [i, ...])")
            size = dim(axis)
            positions = [_zero_based(i, size, axis, name) for i in _index_positions(spec[1], name)]
            key.append(slice(None))
            # After an all_dims() of unknown extent the axis is fixed below, counted from the end.
            gathers.append((None if after_unknown_ellipsis else out_axis, positions, size))
            axis += 1
            out_axis += 1
    if after_unknown_ellipsis:
        # Axes of the result from the end: every spec after all_dims adds one, except dropped scalars.
        tail = specs[[s[0] for s in specs].index("all_dims") + 1 :]
        adds = [0 if (s[0] == "scalar" and drop) else 1 for s in tail]
        from_end = iter([-sum(adds[k:]) for k, s in enumerate(tail) if s[0] == "vector"])
        gathers = [(next(from_end) if a is None else a, p, n) for a, p, n in gathers]
    result = x[tuple(key)] if key else x
    for gather_axis, positions, size in gathers:
        if isinstance(result, np.ndarray):
            result = np.take(result, np.asarray(positions, dtype=np.int64), axis=gather_axis)
            continue
        indices = tf.constant(positions, dtype=tf.int64)
        if size is None and any(p < 0 for p in positions):  # resolve from the end at run time
            size_now = tf.shape(result, out_type=tf.int64)[gather_axis]
            indices = tf.where(indices < 0, indices + size_now, indices)
        result = tf.gather(result, indices, axis=gather_axis)
    return result


# --- Calls from R: keep the Python exception so R can raise a classed condition ---------------

_LAST_ERROR: list[BaseException | None] = [None]


def call(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    """Call ``fn`` and remember any exception it raises, for :func:`last_error` (used by R).

    reticulate 1.28 turns a Python exception into an untyped R error and keeps only its text, so
    the R package routes calls through here and then asks for the exception's classes.
    """
    try:
        if _HANDED_OFF[0] and serves_r_calls(fn):  # R functions wait in TensorFlow's threads for this one
            return serve_r_calls(fn, *args, **kwargs)
        return fn(*args, **kwargs)
    except ValueError as exc:
        wrapped = _with_r_dims(fn, args, exc)
        _LAST_ERROR[0] = wrapped
        if wrapped is exc:
            raise
        raise wrapped from exc
    except BaseException as exc:  # re-raised unchanged; only remembered
        _LAST_ERROR[0] = exc
        raise


def call_split(fn: Callable[..., Any], args: Sequence[Any], kwargs: Any) -> Any:
    """Call ``fn(*args, **kwargs)`` through :func:`call`; the form the R package calls.

    R hands positional and keyword arguments over as one list and one named list (a dict, or
    an empty list when there are none), so reticulate's exported ``py_call()`` can carry them
    without its own ``x`` argument capturing an R keyword named ``x``.

    Example:
        >>> call_split(max, [3, 7], [])
        7

    Args:
        fn: The callable.
        args: Positional arguments, in order.
        kwargs: Keyword arguments (a dict; an empty list or ``None`` for none).

    Returns:
        What ``fn`` returns.

    Mirrors the calls of every Python callable made from R (``py_call_checked()``).
    """
    return call(fn, *args, **(dict(kwargs) if kwargs else {}))


def r_dims(shape: Any) -> str:
    """Write a shape the way R prints ``dim()``: ``(10, 5)`` becomes ``c(10, 5)``, unknown sizes ``NA``.

    Example:
        >>> r_dims((None, 28, 28, 1))
        'c(NA, 28, 28, 1)'
    """
    return "c(" + ", ".join("NA" if d is None else str(int(d)) for d in tuple(shape)) + ")"


def _with_r_dims(fn: Any, args: tuple[Any, ...], exc: ValueError) -> ValueError:
    # A Keras layer called from R on data of the wrong rank or shape: say what the input's dim()
    # was in R's notation, since the Keras message speaks in Python tuples. Once, at the boundary.
    layer = getattr(fn, "__self__", fn)
    if not (hasattr(layer, "compute_output_shape") and hasattr(layer, "built")) or not args:
        return exc
    shape = getattr(args[0], "shape", None)
    message = str(exc)
    shape_words = ("is incompatible with the layer", "ndim=", "rank", "Shapes ", "shape mismatch")
    wrong_dtype = "is not a valid dtype" in message
    shape_error = any(w in message for w in shape_words)
    if shape is None or "In R terms:" in message or not (wrong_dtype or shape_error):
        return exc
    try:
        dims = r_dims(shape)
    except (TypeError, ValueError):
        return exc
    name = getattr(layer, "name", type(layer).__name__)
    if wrong_dtype:
        dtype = getattr(getattr(args[0], "dtype", None), "name", str(getattr(args[0], "dtype", "?")))
        if dtype in ("object", "string") or dtype.startswith(("str", "<U", "bytes")):
            dtype = "character (strings)"
        text = (f"{message}\nIn R terms: layer '{name}' expected numbers (double or integer) as `inputs`. "
                f"Received: inputs of dtype {dtype} with dim() = {dims}.")
    else:
        text = (f"{message}\nIn R terms: layer '{name}' received an input with dim() = {dims} "
                f"(length(dim()) = {len(tuple(shape))}; the first dimension is the batch).")
    try:
        return type(exc)(text)
    except Exception:  # an exception class with a different constructor
        return ValueError(text)


def r_condition_classes(exc: BaseException) -> list[str]:
    """R condition classes for a Python exception, most specific first.

    Example:
        >>> r_condition_classes(ValueError("x"))
        ['python.builtin.ValueError', 'python.builtin.Exception', 'python.builtin.BaseException']

    Args:
        exc: The exception.

    Returns:
        Class names in reticulate's scheme (``python.builtin.X`` for builtins, else ``module.X``), after
        the R classes of an R error behind the exception (``r_classes``, e.g. ``simpleError``), so that
        R code catches the error it raised by its own class.
    """
    names = [c for c in getattr(exc, "r_classes", None) or () if c not in ("error", "condition")]
    for cls in type(exc).__mro__[:-1]:  # not `object`: R would dispatch print() to reticulate's method
        module = "python.builtin" if cls.__module__ == "builtins" else cls.__module__
        names.append(f"{module}.{cls.__name__}")
    return names


def last_error(clear: bool = True) -> dict[str, Any] | None:
    """Describe the exception remembered by :func:`call`: classes, message, traceback summary."""
    exc = _LAST_ERROR[0]
    if exc is None:
        return None
    if clear:
        _LAST_ERROR[0] = None
    frames = traceback.extract_tb(exc.__traceback__)
    # The first frame is `call` itself; the user wants to see where it went wrong, innermost last.
    summary = [f"{f.filename}:{f.lineno} in {f.name}" for f in frames[1:]][-4:]
    return {
        "classes": r_condition_classes(exc),
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": summary,
        "exception": exc,
    }




def as_positions(indices: Any, name: str = "indices", size: int | None = None) -> np.ndarray:
    """Turn R positions (1-based whole numbers, of any shape) into a 0-based int64 array.

    Example:
        >>> as_positions([3.0, 1.0], size=3)
        array([2, 0])

    Args:
        indices: A whole number, a vector (Python list) or an array of them, each >= 1. R doubles
            such as ``3`` are accepted; logicals, strings and fractions are refused.
        name: The argument name, for the error message. Defaults to `"indices"`.
        size: The length of the indexed axis, to refuse positions past its end. Defaults to `None`
            (not checked).

    Returns:
        An int64 array of the shape of ``indices`` (0-d for a single number), each position minus one.

    Mirrors the 1-based ``indices`` of ``keras::k_gather()`` in R keras >= 2.2.4.
    """
    values = np.asarray(indices)
    if values.dtype == object or values.dtype.kind not in "iuf" or values.size == 0:
        raise bad_argument(name, indices, "whole numbers >= 1 (1-based positions)")
    flat = [as_integer(v, name, minimum=1) for v in values.reshape(-1).tolist()]
    if size is not None and flat and max(flat) > size:
        raise bad_argument(name, indices, f"positions between 1 and {size} (the length of the axis)")
    return np.asarray(flat, dtype=np.int64).reshape(values.shape) - 1
