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
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .errors import bad_argument
from .memory import handed_to_r
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
    "extract_with_warnings",
    "tf_extract_opts",
    "ExtractWarning",
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
#
# tensorflow 1.13's `[`: each index is one dimension; numbers are 1-based and `a:b` inclusive unless
# options say otherwise (tf_extract_opts(): `one_based`, `inclusive_stop`, `disallow_out_of_bounds`, and
# two warnings shown once each); negative numbers count from the end, Python style; a vector of numbers
# must be an evenly stepped positive sequence (it becomes a slice); tensors pass to Python untranslated.

_EXTRACT_FLAGS = ("one_based", "inclusive_stop", "disallow_out_of_bounds", "warn_tensors_passed_asis",
                  "warn_negatives_pythonic")
# Which of the two once-only warnings have been shown (in Python; R keeps its own, `warned_about`).
_WARNED = {"negative_indices": False, "tensors_passed_asis": False}

_NEGATIVE_WARNING = (
    "Negative numbers are interpreted python-style when subsetting tensors: they select items by "
    "counting from the end (-1 is the last). To turn off this warning, set "
    "options(tensorflow.extract.warn_negatives_pythonic = FALSE)"
)
_TENSOR_WARNING = (
    "Indexing tensors are passed as-is to python: no index offsetting or R to python translation is "
    "performed, so the one_based and inclusive_stop options are ignored for them (treated as FALSE). "
    "To silence this warning, set options(tensorflow.extract.warn_tensors_passed_asis = FALSE)"
)
_ZERO_BASED = (
    "1-based positions. It looks like you might be using 0-based indexing to extract using `[`: "
    "the tensorflow package uses 1-based extraction by default. You can switch to 0-based extraction "
    "with options(tensorflow.extract.one_based = FALSE)"
)
_ANY_INDEX = "a whole number, a vector of whole numbers, a tensor, NULL (tf$newaxis) or all_dims()"


class ExtractWarning(UserWarning):
    """A warning of ``[`` on a tensor (negative numbers, tensors as indices, too few indices)."""


def all_dims() -> Any:
    """All the remaining axes in an index: Python's ``...`` (``x[all_dims(), 0]`` is ``x[..., 0]``).

    Returns:
        ``Ellipsis``. Mirrors ``tensorflow::all_dims()`` of the R tensorflow package.
    """
    return Ellipsis


def tf_extract_opts(style: Any = None, *, one_based: Any = True, inclusive_stop: Any = True,
                    disallow_out_of_bounds: Any = True, warn_tensors_passed_asis: Any = True,
                    warn_negatives_pythonic: Any = True, warned: Any = None) -> dict[str, bool]:
    """The options of ``[`` on tensors, with a style applied: what :func:`extract` follows.

    Example:
        >>> tf_extract_opts("python")["one_based"]
        False

    Args:
        style: ``"R"`` (the two warnings off), ``"python"`` (every option off: 0-based, stop
            exclusive, no bounds check, no warnings; ``x[0:2]`` is Python's ``x[0:2]``) or `None` (the
            options as given). R's ``match.arg()`` abbreviations (``"py"``) are accepted. Defaults to
            `None`.
        one_based: Numbers count from 1 (``0`` is an error). Defaults to `True`.
        inclusive_stop: ``start:stop`` includes ``stop``. Defaults to `True`.
        disallow_out_of_bounds: Refuse positions past the end of a dimension of known size (else
            slices are clamped, as Python does). Defaults to `True`.
        warn_tensors_passed_asis: Warn, once, that tensors used as indices are not translated.
            Defaults to `True`.
        warn_negatives_pythonic: Warn, once, that negative numbers count from the end. Defaults to
            `True`.
        warned: Which once-only warnings were already shown (``{"negative_indices": bool,
            "tensors_passed_asis": bool}``): with no style, those warnings are off. Defaults to
            `None` (this process's record; R passes its own).

    Returns:
        A dict of the five options, each ``True`` or ``False``.

    Mirrors ``tensorflow::tf_extract_opts()``.
    """
    given = {"one_based": one_based, "inclusive_stop": inclusive_stop,
             "disallow_out_of_bounds": disallow_out_of_bounds,
             "warn_tensors_passed_asis": warn_tensors_passed_asis,
             "warn_negatives_pythonic": warn_negatives_pythonic}
    opts = {name: as_flag(value, name) for name, value in given.items()}
    if style is not None:
        choices = [c for c in ("R", "python") if isinstance(style, str) and style and c.startswith(style)]
        if len(choices) != 1:
            raise bad_argument("style", style, '"R", "python" or NULL')
        if choices[0] == "python":
            return {name: False for name in opts}
        opts["warn_tensors_passed_asis"] = opts["warn_negatives_pythonic"] = False
        return opts
    warned = _WARNED if warned is None else warned
    if not isinstance(warned, Mapping):
        raise bad_argument("warned", warned, "a dict with negative_indices and tensors_passed_asis")
    if warned.get("negative_indices"):
        opts["warn_negatives_pythonic"] = False
    if warned.get("tensors_passed_asis"):
        opts["warn_tensors_passed_asis"] = False
    return opts


def _extract_options(options: Any) -> dict[str, bool]:
    """Resolved options: ``None`` (the defaults), :func:`tf_extract_opts`'s result, or its arguments."""
    if options is None:
        return tf_extract_opts()
    if not isinstance(options, Mapping):
        raise bad_argument("options", options, "the result of tf_extract_opts()")
    if set(options) == set(_EXTRACT_FLAGS):
        return {name: as_flag(options[name], name) for name in _EXTRACT_FLAGS}
    unknown = set(options) - set(_EXTRACT_FLAGS) - {"style", "warned"}
    if unknown:
        raise bad_argument("options", sorted(unknown), "the result of tf_extract_opts() or its arguments")
    return tf_extract_opts(**options)


def _is_tensor(value: Any) -> bool:
    if value is None or isinstance(value, (np.ndarray, np.generic, numbers.Number, str, bytes, list, tuple)):
        return False
    import tensorflow as tf

    return bool(tf.is_tensor(value))


def _whole_numbers(value: Any, name: str) -> list[int]:
    """The whole numbers of an R number or vector (1-d), or the error that says what is wrong."""
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        raise bad_argument(name, value, _ANY_INDEX) from None
    kind = array.dtype.kind
    if kind == "b":
        raise bad_argument(name, value, f"{_ANY_INDEX} (logical TRUE/FALSE indices are not supported)")
    if kind in "USO":
        what = "character indices are not supported: tensors have no dimnames" if kind in "US" else "not this"
        raise bad_argument(name, value, f"{_ANY_INDEX} ({what})")
    if kind not in "iuf":
        raise bad_argument(name, value, _ANY_INDEX)
    if array.ndim > 1:
        raise bad_argument(name, value, f"{_ANY_INDEX}: subsetting tensors with R matrices or arrays is "
                                        "not currently supported")
    if array.size == 0:
        raise bad_argument(name, value, f"{_ANY_INDEX}, with at least one position")
    flat = array.reshape(-1)
    if kind == "f":
        if not np.all(np.isfinite(flat)):
            raise bad_argument(name, value, f"{_ANY_INDEX} (NA, NaN, Inf or -Inf are not positions)")
        if not np.all(flat == np.trunc(flat)):
            raise bad_argument(name, value, f"{_ANY_INDEX} (positions are whole numbers)")
    return [int(v) for v in flat.tolist()]


def _slice_end(value: Any, name: str) -> Any:
    """One of start, stop, step of ``a:b:c``: ``None``, a tensor (as is) or a whole number."""
    if value is None or _is_tensor(value):
        return value
    if callable(value):
        expected = "NULL, a whole number or a tensor at each end of a:b (not a function)"
        raise bad_argument(name, value, expected, TypeError)
    numbers_ = _whole_numbers(value, name)
    if len(numbers_) != 1:
        raise bad_argument(name, value, "NULL, a whole number or a tensor at each end of a:b (not a vector)")
    return numbers_[0]


def _parse_index(spec: Any, name: str) -> tuple[Any, ...]:
    """One index as ``(kind, ...)``: missing, newaxis, all_dims, int, seq, tensor, slice or pyslice."""
    if not isinstance(spec, (list, tuple)) or not spec or not isinstance(spec[0], str):
        raise bad_argument(name, spec, "an index specification such as ('value', 2) or ('slice', 1, 3, None)")
    kind = spec[0]
    if kind in ("missing", "newaxis", "all_dims") and len(spec) == 1:
        return (kind,)
    if kind in ("slice", "range") and len(spec) > 4:
        expected = "at most 3 parts in start:stop:step (1, 2 or 3 can be supplied as a python-style slice)"
        raise bad_argument(name, list(spec[1:]), expected)
    if kind in ("slice", "range") and len(spec) >= 2:
        ends = [_slice_end(v, name) for v in spec[1:]] + [None] * (4 - len(spec))
        if isinstance(ends[2], int) and ends[2] == 0:
            raise bad_argument(name, 0, "a non-zero step (the third number of start:stop:step)")
        return ("slice", *ends)
    if kind in ("value", "scalar", "vector") and len(spec) == 2:
        value = spec[1]
        if value is None:
            return ("newaxis",)
        if value is Ellipsis:
            return ("all_dims",)
        if isinstance(value, slice):
            return ("pyslice", value)
        if _is_tensor(value):
            return ("tensor", value)
        if callable(value):
            raise bad_argument(name, value, f"{_ANY_INDEX} (an R function is not an index)")
        positions = _whole_numbers(value, name)
        return ("int", positions[0]) if len(positions) == 1 else ("seq", positions)
    raise bad_argument(name, spec, "an index specification: missing, newaxis, all_dims, value or slice")


def _sign(value: Any) -> int:
    """The sign of a slice step: a number's, an eager tensor's; a symbolic tensor's counts as positive."""
    if value is None:
        return 1
    if _is_tensor(value):
        try:
            return -1 if int(np.asarray(value.numpy())) < 0 else 1
        except (AttributeError, TypeError, ValueError, NotImplementedError):
            return 1
    return -1 if value < 0 else 1


def _one_to_zero(i: int, name: str) -> int:
    if i == 0:
        raise bad_argument(name, i, _ZERO_BASED)
    return i - 1 if i > 0 else i


def _py_slice(start: Any, stop: Any, step: Any, opts: dict[str, bool], name: str) -> slice:
    """``start:stop:step`` as a Python slice: 1-based and stop-inclusive when the options say so.

    ``5:2`` (both ends of one sign, no negative step) counts down, as in R. With an inclusive stop and a
    negative step, a stop at the first element becomes "to the start" (``None``): tensorflow 1.13 made it
    -1 there, which Python reads as the last element, so ``x[3:1]`` came back empty.
    """
    if start is None and stop is None and step is None:
        return slice(None)
    written_start, written_stop = start, stop
    if opts["one_based"]:
        start = _one_to_zero(start, name) if isinstance(start, int) else start
        stop = _one_to_zero(stop, name) if isinstance(stop, int) else stop
    if isinstance(start, int) and isinstance(stop, int) and not _is_tensor(step):
        same_sign = (written_start > 0) == (written_stop > 0) and written_start != 0 and written_stop != 0
        if start > stop and same_sign and (step is None or step > 0):
            step = -(step or 1)
    if opts["inclusive_stop"] and isinstance(stop, int):
        direction = _sign(step)
        first = stop == 0
        stop += direction
        if (direction > 0 and stop == 0) or (direction < 0 and first):
            stop = None
    return slice(start, stop, step)


def _sequence_slice(positions: list[int], opts: dict[str, bool], name: str) -> slice:
    """A vector of positions (not written with `:`), which must be one evenly stepped positive run."""
    start, end = positions[0], positions[-1]
    step = positions[1] - start
    expected = list(range(start, end + (1 if step > 0 else -1), step)) if step else []
    if start < 0 or end < 0 or positions != expected:
        raise bad_argument(
            name, positions,
            "only positive sequences with a single step size are accepted if indexing with sequences not "
            "specified by a call to `:` (tensors are sliced, not gathered: tf$gather() takes any positions)",
        )  # fmt: skip
    return _py_slice(start, end, None if step == 1 else step, opts, name)


def _check_bounds(index: tuple[Any, ...], size: int, axis: int, opts: dict[str, bool], name: str) -> None:
    """Refuse positions past either end of a dimension of known size.

    Every number must address an element (1..size or -size..-1 when 1-based), except an exclusive stop,
    which may be one past the last. (R tensorflow 1.13's check let any number run one past the end, so
    ``x[, 2:6]`` on 5 columns was silently cut to 2:5 and ``x[c(1, 6)]`` gave one element.)
    """
    ob = int(opts["one_based"])
    elements = [index[1]] if index[0] == "int" else list(index[1]) if index[0] == "seq" else []
    stops = []
    if index[0] == "slice":
        elements += [index[1]] if isinstance(index[1], int) else []
        if isinstance(index[2], int):
            (elements if opts["inclusive_stop"] else stops).append(index[2])
    bad = [v for v in elements if not -size <= v <= size - 1 + ob]
    bad += [v for v in stops if not -size <= v <= size + ob]
    if bad:
        raise bad_argument(
            name, bad[0],
            f"positions within dimension {axis + 1} (of size {size}): the index is out of bounds; to "
            "let Python clamp slices, set options(tensorflow.extract.disallow_out_of_bounds = FALSE)",
        )  # fmt: skip


def _extract(x: Any, specs: Sequence[Any], drop: Any, options: Any) -> tuple[Any, list[tuple[str, str]]]:
    """Index ``x``; return the result and the warnings to show as ``(kind, message)`` pairs."""
    if not isinstance(drop, (bool, np.bool_)):
        raise bad_argument("drop", drop, "TRUE or FALSE")
    opts = _extract_options(options)
    if isinstance(specs, (str, bytes)) or not isinstance(specs, Sequence):
        raise bad_argument("specs", specs, "a list of index specifications")
    parsed = [_parse_index(spec, f"index {k}") for k, spec in enumerate(specs, start=1)]
    shape = getattr(x, "shape", None)
    rank = None if shape is None else (shape.rank if hasattr(shape, "rank") else len(shape))
    kinds = [p[0] for p in parsed]
    if kinds.count("all_dims") > 1:
        raise bad_argument("index", kinds, "at most one all_dims()")
    consuming = [k for k, kind in enumerate(kinds) if kind not in ("newaxis", "all_dims")]
    warned: list[tuple[str, str]] = []
    if rank is not None and len(consuming) > rank:
        raise bad_argument(
            "index", f"{len(consuming)} indices",
            f"one index per dimension. Incorrect number of dimensions supplied: {rank} required, but "
            f"received {len(consuming)} (NULL, tf$newaxis and all_dims() not counted)",
        )  # fmt: skip
    if rank is not None and len(consuming) < rank and "all_dims" not in kinds:
        warned.append(("dimensions", (
            f"Incorrect number of dimensions supplied: the tensor has {rank}, the index {len(consuming)} "
            "(not counting NULL, tf$newaxis or all_dims()); the remaining dimensions are kept whole. Supply "
            "one index per dimension, or all_dims() for the rest")))

    def numbers_of(p: tuple[Any, ...], with_step: bool = True) -> list[int]:
        if p[0] == "int":
            return [p[1]]
        if p[0] == "seq":
            return list(p[1])
        if p[0] == "slice":
            return [v for v in p[1:4 if with_step else 3] if isinstance(v, int)]
        return []

    if opts["one_based"]:
        for k, p in enumerate(parsed, start=1):
            if 0 in numbers_of(p):
                raise bad_argument(f"index {k}", 0, _ZERO_BASED)
    if opts["disallow_out_of_bounds"] and rank is not None:
        # The dimension each index addresses: all_dims() takes those between the ones before and after it.
        after = sum(1 for k in consuming if k > kinds.index("all_dims")) if "all_dims" in kinds else 0
        for n, k in enumerate(consuming):
            axis = n if n < len(consuming) - after else rank - (len(consuming) - n)
            size = None if shape[axis] is None else int(shape[axis])
            if size is not None:
                _check_bounds(parsed[k], size, axis, opts, f"index {k + 1}")
    if opts["warn_negatives_pythonic"] and any(
        v < 0 for p in parsed if p[0] in ("int", "slice") for v in numbers_of(p, with_step=False)
    ):
        warned.append(("negative_indices", _NEGATIVE_WARNING))
    if opts["warn_tensors_passed_asis"] and any(
        p[0] == "tensor" or (p[0] == "slice" and any(_is_tensor(v) for v in p[1:])) for p in parsed
    ):
        warned.append(("tensors_passed_asis", _TENSOR_WARNING))

    key: list[Any] = []
    for k, p in enumerate(parsed, start=1):
        name = f"index {k}"
        if p[0] == "missing":
            key.append(slice(None))
        elif p[0] == "newaxis":
            key.append(None)
        elif p[0] == "all_dims":
            key.append(Ellipsis)
        elif p[0] in ("pyslice", "tensor"):
            key.append(p[1])
        elif p[0] == "int":
            i = _one_to_zero(p[1], name) if opts["one_based"] else p[1]
            if drop:
                key.append(i)
            else:  # a slice of one keeps the dimension
                key.append(slice(i, i + 1) if i >= 0 else slice(i, i - 1, -1))
        elif p[0] == "seq":
            key.append(_sequence_slice(p[1], opts, name))
        else:
            key.append(_py_slice(p[1], p[2], p[3], opts, name))
    return (x[tuple(key)] if key else x), warned


def extract(x: Any, specs: Sequence[Any], drop: bool = True, options: Any = None) -> Any:
    """Index a tensor with the R tensorflow package's ``[`` rules and options.

    Example:
        >>> m = tf.reshape(tf.range(1, 13), (3, 4))
        >>> extract(m, [("slice", 2, 3, None), ("value", -1)])  # x[2:3, -1]
        <tf.Tensor: shape=(2,), dtype=int32, numpy=array([ 8, 12], dtype=int32)>

    Args:
        x: A tensor or variable (or an array).
        specs: One entry per index, each a tuple whose first element names its kind:
            ``("missing",)`` the whole dimension; ``("value", v)`` an evaluated index: a whole number
            (one position; its dimension is dropped unless ``drop`` is false), a vector of whole numbers
            (an evenly stepped positive run such as ``c(1, 3, 5)``, taken as a slice), a tensor (passed
            to TensorFlow as is), `None` (a new axis) or ``Ellipsis`` (``all_dims()``);
            ``("slice", start, stop, step)`` for ``start:stop:step``, any of them `None` (open) or a
            tensor (as is); ``("newaxis",)``; ``("all_dims",)``. ``"scalar"``/``"vector"`` are accepted
            for ``"value"`` and ``"range"`` for ``"slice"``.
        drop: Whether a single position drops its dimension. Defaults to `True`.
        options: What :func:`tf_extract_opts` returns, or a dict of its arguments (R passes the
            ``tensorflow.extract.*`` options so). Defaults to `None` (``tf_extract_opts()``).

    Returns:
        The indexed tensor. The warnings of tensorflow 1.13 (fewer indices than dimensions; the first
        negative number; the first tensor index) are issued as :class:`ExtractWarning`.

    Raises:
        ValueError: more indices than dimensions, 0 when 1-based, positions out of bounds, vectors that
            are not an evenly stepped positive run, NA/Inf/fractional numbers, logical, character or
            matrix indices, functions, more than one all_dims(). The message names ``index k``.

    Mirrors ``[.tensorflow.tensor`` of the R tensorflow package (1.13).
    """
    result, warned = _extract(x, specs, drop, options)
    for kind, message in warned:
        warnings.warn(message, ExtractWarning, stacklevel=2)
        if kind in _WARNED:
            _WARNED[kind] = True
    return result


def extract_with_warnings(x: Any, specs: Sequence[Any], drop: bool = True, options: Any = None) -> list[Any]:
    """:func:`extract` for R: the result and the warnings R shows (R records the once-only ones).

    Example:
        >>> extract_with_warnings(tf.range(3), [("value", -1)])[1][0][0]
        'negative_indices'

    Args:
        x: As for :func:`extract`.
        specs: As for :func:`extract`.
        drop: As for :func:`extract`. Defaults to `True`.
        options: As for :func:`extract`. Defaults to `None`.

    Returns:
        ``[result, [[kind, message], ...]]``; ``kind`` is ``negative_indices``, ``tensors_passed_asis``
        or ``dimensions``.
    """
    result, warned = _extract(x, specs, drop, options)
    return [result, [list(w) for w in warned]]


# --- Calls from R: keep the Python exception so R can raise a classed condition ---------------

_LAST_ERROR: list[BaseException | None] = [None]

# Results of the R package's compiled fast path (r/src/fastcall.c) that it does not wrap itself: it
# appends them here and R takes each through reticulate at once (take_fast_result), so reticulate
# makes the R reference as usual.
_FAST_RESULTS: list[Any] = []


def take_fast_result() -> Any:
    """Hand R the result the compiled fast path of a call left here (see ``r/src/fastcall.c``)."""
    return _FAST_RESULTS.pop()


def call(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    """Call ``fn`` and remember any exception it raises, for :func:`last_error` (used by R).

    reticulate 1.28 turns a Python exception into an untyped R error and keeps only its text, so
    the R package routes calls through here and then asks for the exception's classes. The tensors
    in the result are counted for R's collector (:func:`rkeras_bridge.bridge.memory.handed_to_r`).
    """
    try:
        if _HANDED_OFF[0] and serves_r_calls(fn):  # R functions wait in TensorFlow's threads for this one
            result = serve_r_calls(fn, *args, **kwargs)
        else:
            result = fn(*args, **kwargs)
    except ValueError as exc:
        wrapped = _with_r_dims(fn, args, exc)
        _LAST_ERROR[0] = wrapped
        if wrapped is exc:
            raise
        raise wrapped from exc
    except BaseException as exc:  # re-raised unchanged; only remembered
        _LAST_ERROR[0] = exc
        raise
    handed_to_r(result)  # R's collector does not see a tensor's size (memory.py)
    return result


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
