"""Tests of rkeras_bridge.bridge.conversion: R's `[` on tensors (against a NumPy oracle) and R value rules.

The oracle below is written from the rules of R tensorflow 1.13's `[`, not from the implementation:
every index is turned into the explicit list of 0-based positions it selects along its axis (ranges as
R's seq() would list them, from R positions), then NumPy takes those positions axis by axis, and the
result is reshaped to add new axes and remove the axes of dropped scalars. Options (tf_extract_opts())
change how numbers are read: 1- or 0-based, inclusive or exclusive stops, bounds checked or not.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
import tensorflow as tf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rkeras_bridge.bridge import conversion
from rkeras_bridge.bridge.conversion import (
    ExtractWarning,
    as_integer,
    as_integer_tuple,
    extract,
    extract_with_warnings,
    matrix,
    r_condition_classes,
    refuse_na,
    tf_extract_opts,
)

R_STYLE = tf_extract_opts("R")
PYTHON_STYLE = tf_extract_opts("python")
ZERO_BASED = {**R_STYLE, "one_based": False}  # 0-based numbers, inclusive stops (an option mix 1.13 allowed)

# --- The oracle ---------------------------------------------------------------------------------


class OracleError(Exception):
    """The rules say this index is an error (the message names `index <position>`, or `index`)."""

    def __init__(self, position: int | None):
        super().__init__(position)
        self.position = position


def _r_position(i: int, size: int, opts: dict) -> int:
    """A written number as an R position 1..size (negative numbers count from the end)."""
    if i < 0:
        return size + 1 + i
    return i if opts["one_based"] else i + 1


def _check_bounds(values: list[int], size: int, opts: dict, position: int, exclusive_stop=None) -> None:
    """Every number must name an element; an exclusive stop may be one past the last."""
    if not opts["disallow_out_of_bounds"]:
        return
    top = size - 1 + int(opts["one_based"])
    if any(not -size <= v <= top for v in values) or (
            exclusive_stop is not None and not -size <= exclusive_stop <= top + 1):
        raise OracleError(position)


def _slice_positions(start, stop, step, size: int, opts: dict, position: int) -> list[int]:
    if step == 0:
        raise OracleError(position)
    same_sign = None not in (start, stop) and (start > 0) == (stop > 0) and 0 not in (start, stop)
    first = None if start is None else _r_position(start, size, opts)
    last = None if stop is None else _r_position(stop, size, opts)
    down = (step is not None and step < 0) or (same_sign and start > stop)
    by = abs(step) if step else 1
    if down:
        first = size if first is None else min(first, size)
        last = 1 if last is None else last + (0 if opts["inclusive_stop"] or stop is None else 1)
        return [p - 1 for p in range(first, max(last, 1) - 1, -by)]
    first = 1 if first is None else max(first, 1)
    last = size if last is None else last - (0 if opts["inclusive_stop"] or stop is None else 1)
    return [p - 1 for p in range(first, min(last, size) + 1, by)]


def oracle(array: np.ndarray, specs: list[tuple], drop: bool = True, opts: dict = R_STYLE) -> np.ndarray:
    """What `[` with R tensorflow 1.13's rules and these options returns, computed with NumPy."""
    rank = array.ndim
    consuming = [s for s in specs if s[0] not in ("newaxis", "all_dims")]
    if len(consuming) > rank or sum(s[0] == "all_dims" for s in specs) > 1:
        raise OracleError(None)
    expanded: list[tuple[int | None, tuple]] = []  # (position in specs or None, spec)
    for position, spec in enumerate(specs, start=1):
        if spec[0] == "all_dims":
            expanded += [(None, ("missing",))] * (rank - len(consuming))
        else:
            expanded.append((position, spec))
    if not any(s[0] == "all_dims" for s in specs):
        expanded += [(None, ("missing",))] * (rank - len(consuming))
    # Errors come by position of the index, in the order the rules check them: zeros, then bounds.
    selected, out_shape, axis, plan = array, [], 0, []
    for position, spec in expanded:
        if spec[0] == "newaxis":
            plan.append((position, spec, None))
            continue
        plan.append((position, spec, array.shape[axis]))
        axis += 1
    if opts["one_based"]:
        for position, spec, _ in plan:
            values = list(np.ravel(spec[1])) if spec[0] == "value" else (
                [v for v in spec[1:] if v is not None] if spec[0] == "slice" else [])
            if 0 in values:
                raise OracleError(position)
    for position, spec, size in plan:  # then bounds, on the numbers as written
        if spec[0] == "value":
            _check_bounds(list(np.ravel(spec[1])), size, opts, position)
        elif spec[0] == "slice":
            inclusive = opts["inclusive_stop"]
            values = [v for v in (spec[1], spec[2] if inclusive else None) if v is not None]
            _check_bounds(values, size, opts, position, None if inclusive else spec[2])
    axis = 0
    for position, spec, size in plan:
        kind = spec[0]
        if kind == "newaxis":
            out_shape.append(1)
            continue
        scalar = kind == "value" and np.size(spec[1]) == 1  # R has no scalars: a length-1 vector is one
        if kind == "missing":
            positions = list(range(size))
        elif scalar:
            positions = [_r_position(int(np.ravel(spec[1])[0]), size, opts) - 1]
        elif kind == "value":  # a vector: an evenly stepped positive run, read as a slice
            v = list(spec[1])
            step = v[1] - v[0]
            if v[0] < 0 or v[-1] < 0 or step == 0 or v != list(range(v[0], v[-1] + np.sign(step), step)):
                raise OracleError(position)
            positions = _slice_positions(v[0], v[-1], None if step == 1 else step, size, opts, position)
        else:
            positions = _slice_positions(spec[1], spec[2], spec[3], size, opts, position)
        selected = np.take(selected, np.asarray(positions, dtype=np.int64), axis=axis)
        if not (scalar and drop):
            out_shape.append(len(positions))
        axis += 1
    return selected.reshape(out_shape)


def _check(array: np.ndarray, specs: list[tuple], drop: bool = True, opts: dict = R_STYLE,
           tensor=None) -> None:
    tensor = tf.constant(array) if tensor is None else tensor
    try:
        expected = oracle(array, specs, drop, opts)
    except OracleError as err:
        name = "index" if err.position is None else f"index {err.position}"
        with pytest.raises(ValueError, match=rf"Invalid value for argument `{name}`"):
            extract_with_warnings(tensor, specs, drop=drop, options=opts)
        return
    got, _ = extract_with_warnings(tensor, specs, drop=drop, options=opts)
    assert tuple(got.shape) == expected.shape, (specs, drop, opts)
    np.testing.assert_array_equal(np.asarray(got), expected)


def _array(shape) -> np.ndarray:
    return np.arange(1, int(np.prod(shape)) + 1, dtype=np.int32).reshape(shape)


# --- Generated cases ----------------------------------------------------------------------------

OPTION_SETS = [R_STYLE, PYTHON_STYLE, ZERO_BASED]


def _number(size: int, opts: dict, valid: bool):
    if not valid:
        return st.integers(-size - 2, size + 2)
    low, high = (1, size) if opts["one_based"] else (0, size - 1)
    return st.integers(low, high) | st.integers(-size, -1)


def _run(size: int, opts: dict):
    """An evenly stepped positive run of at least two positions, up or down."""
    low = 1 if opts["one_based"] else 0
    high = size if opts["one_based"] else size - 1
    def run(t):
        up = t[1] > t[0]
        return list(range(t[0], t[1] + (1 if up else -1), t[2] if up else -t[2]))

    ends = st.tuples(st.integers(low, high), st.integers(low, high), st.integers(1, 3))
    return ends.map(run).filter(lambda v: len(v) > 1)


def _consuming_spec(size: int, opts: dict, valid: bool):
    number = _number(size, opts, valid)
    end = st.none() | number
    vectors = _run(size, opts) if valid else st.lists(number, min_size=2, max_size=4)
    return st.one_of(
        st.just(("missing",)),
        number.map(lambda i: ("value", i)),
        st.tuples(st.just("slice"), end, end, st.sampled_from([None, 1, 2, 3, -1, -2])),
        vectors.map(lambda v: ("value", v)),
    )


@st.composite
def indexing_cases(draw, valid: bool = True):
    opts = draw(st.sampled_from(OPTION_SETS))
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=4)))
    rank = len(shape)
    n_consuming = draw(st.integers(0, rank))
    ellipsis_at = draw(st.none() | st.integers(0, n_consuming))
    if ellipsis_at is None:
        axes = list(range(n_consuming))
    else:
        axes = list(range(ellipsis_at)) + list(range(rank - (n_consuming - ellipsis_at), rank))
    specs = [draw(_consuming_spec(shape[a], opts, valid)) for a in axes]
    if ellipsis_at is not None:
        specs.insert(ellipsis_at, ("all_dims",))
    for _ in range(draw(st.integers(0, 2))):
        specs.insert(draw(st.integers(0, len(specs))), ("newaxis",))
    return shape, specs, draw(st.booleans()), opts


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(indexing_cases())
def test_extract_matches_numpy_oracle(case):
    shape, specs, drop, opts = case
    _check(_array(shape), specs, drop, opts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(indexing_cases(valid=False))
def test_extract_errors_match_oracle(case):
    """Indices may be 0, outside the axis or unevenly stepped: errors come exactly when the oracle says so."""
    shape, specs, drop, opts = case
    if not opts["disallow_out_of_bounds"]:
        return  # out of bounds without the check is TensorFlow's own error (or Python's clamping)
    _check(_array(shape), specs, drop, opts)


@settings(max_examples=40, deadline=None)
@given(indexing_cases())
def test_variables_index_like_tensors(case):
    shape, specs, drop, opts = case
    _check(_array(shape), specs, drop, opts, tensor=tf.Variable(_array(shape)))


@settings(max_examples=40, deadline=None)
@given(indexing_cases())
def test_numpy_arrays_index_like_tensors(case):
    shape, specs, drop, opts = case
    array = _array(shape)
    try:
        expected = oracle(array, specs, drop, opts)
    except OracleError:
        return
    got, _ = extract_with_warnings(array, specs, drop=drop, options=opts)
    np.testing.assert_array_equal(np.asarray(got), expected)


# --- Explicit cases: the idioms an R user writes ------------------------------------------------

M = _array((4, 5))  # 4 x 5, values 1..20 row-major
V = _array((10,))


@pytest.mark.parametrize(
    "r_code, specs, expected",
    [
        ("v[3]", [("value", 3)], 3),
        ("v[-1]", [("value", -1)], 10),
        ("v[2:4]", [("slice", 2, 4, None)], [2, 3, 4]),
        ("v[2:-1]", [("slice", 2, -1, None)], list(range(2, 11))),
        ("v[-3:-1]", [("slice", -3, -1, None)], [8, 9, 10]),
        ("v[5:2]", [("slice", 5, 2, None)], [5, 4, 3, 2]),
        ("v[-1:-3]", [("slice", -1, -3, None)], [10, 9, 8]),
        ("v[3:1]", [("slice", 3, 1, None)], [3, 2, 1]),  # 1.13 gave an empty tensor (a wrap-around)
        ("v[1:9:2]", [("slice", 1, 9, 2)], [1, 3, 5, 7, 9]),
        ("v[1:10:3]", [("slice", 1, 10, 3)], [1, 4, 7, 10]),
        ("v[9:1:2]", [("slice", 9, 1, 2)], [9, 7, 5, 3, 1]),
        ("v[9:1:-2]", [("slice", 9, 1, -2)], [9, 7, 5, 3, 1]),
        ("v[NULL:NULL:-1]", [("slice", None, None, -1)], list(range(10, 0, -1))),
        ("v[`::2`]", [("slice", None, None, 2)], [1, 3, 5, 7, 9]),
        ("v[NULL:3]", [("slice", None, 3, None)], [1, 2, 3]),
        ("v[`8:`]", [("slice", 8, None, None)], [8, 9, 10]),
        ("v[-1:8:-1]", [("slice", -1, 8, -1)], [10, 9, 8]),
        ("v[8:-4]", [("slice", 8, -4, None)], []),  # mixed signs count up: empty when the ends cross
        ("v[c(2, 4, 6)]", [("value", [2, 4, 6])], [2, 4, 6]),
        ("v[c(3, 2, 1)]", [("value", [3, 2, 1])], [3, 2, 1]),
        ("v[seq(1, 10, by = 3)]", [("value", np.array([1.0, 4.0, 7.0, 10.0]))], [1, 4, 7, 10]),
    ],
)
def test_vector_idioms(r_code, specs, expected):
    got = extract(tf.constant(V), specs, options=R_STYLE)
    np.testing.assert_array_equal(got.numpy(), np.asarray(expected, dtype=np.int32).reshape(got.shape))
    assert np.asarray(expected).shape == tuple(got.shape), r_code


@pytest.mark.parametrize(
    "python_code, specs",
    [
        ("v[2:5]", [("slice", 2, 5, None)]),
        ("v[2:-5]", [("slice", 2, -5, None)]),
        ("v[2:5:2]", [("slice", 2, 5, 2)]),
        ("v[-2:-5:-1]", [("slice", -2, -5, -1)]),
        ("v[5:2:-2]", [("slice", 5, 2, -2)]),
        ("v[0]", [("value", 0)]),
        ("v[:3]", [("slice", None, 3, None)]),
        ("v[0:20]", [("slice", 0, 20, None)]),  # out of bounds: clamped, as Python does
    ],
)
def test_python_style_is_python_slicing(python_code, specs):
    got = extract(tf.constant(V), specs, options=PYTHON_STYLE)
    np.testing.assert_array_equal(got.numpy(), eval(python_code, {"v": V}))


def test_python_style_still_counts_down_when_start_is_after_stop():
    # R tensorflow's convenience, in both styles: a:b with a > b (same sign) reverses the step.
    np.testing.assert_array_equal(extract(tf.constant(V), [("slice", 5, 2, None)], options=PYTHON_STYLE),
                                  V[5:2:-1])


def test_matrix_idioms():
    t = tf.constant(M)
    np.testing.assert_array_equal(extract(t, [("value", 1), ("missing",)]), M[0])
    np.testing.assert_array_equal(extract(t, [("missing",), ("value", 1)]), M[:, 0])
    assert extract(t, [("missing",), ("value", 1)], drop=False).shape == (4, 1)
    assert extract(t, [("value", -1), ("value", -1)], drop=False, options=R_STYLE).shape == (1, 1)
    assert int(extract(t, [("value", -1), ("value", -1)], options=R_STYLE)) == 20
    np.testing.assert_array_equal(extract(t, [("value", [1, 3]), ("value", [2, 4])]), M[0:3:2, 1:4:2])
    np.testing.assert_array_equal(extract(t, [("all_dims",), ("value", 2)]), M[..., 1])
    assert extract(t, [("newaxis",), ("missing",), ("newaxis",), ("missing",)]).shape == (1, 4, 1, 5)
    assert extract(t, [("value", None), ("value", Ellipsis)]).shape == (1, 4, 5)  # NULL, all_dims() as values
    with pytest.warns(ExtractWarning, match="Incorrect number of dimensions"):  # x[drop = FALSE]
        assert extract(t, []) is t


def test_index_values_from_r_and_tensors():
    t = tf.constant(M)
    # R sends doubles; 0-d arrays count as numbers. Tensors go to TensorFlow untranslated (0-based).
    np.testing.assert_array_equal(extract(t, [("value", 2.0), ("missing",)]), M[1])
    np.testing.assert_array_equal(extract(t, [("value", np.array(2.0)), ("missing",)]), M[1])
    opts = {**R_STYLE, "warn_tensors_passed_asis": False}
    np.testing.assert_array_equal(extract(t, [("value", tf.constant(2)), ("missing",)], options=opts), M[2])
    np.testing.assert_array_equal(
        extract(t, [("slice", tf.constant(1), tf.constant(3), None), ("missing",)], options=opts), M[1:3])
    to_last = [("slice", np.int64(2), -1, None), ("missing",)]
    np.testing.assert_array_equal(extract(t, to_last, options=R_STYLE), M[1:])
    # The spellings of the first version of this module still work.
    np.testing.assert_array_equal(extract(t, [("scalar", 1), ("range", 2, 3)]), M[0, 1:3])


@pytest.mark.parametrize(
    "specs",
    [
        [("slice", 2, -1, None), ("slice", -1, 1, -2)],
        [("slice", 4, 2, None), ("value", [1, 3, 5])],
        [("all_dims",), ("value", [4, 2])],
        [("value", [1, 2]), ("all_dims",), ("value", -2)],
        [("newaxis",), ("value", -1), ("all_dims",), ("newaxis",)],
        [("slice", None, None, -1), ("slice", -4, -2, None)],
        [("slice", -2, -4, None), ("value", 1)],
    ],
)
@pytest.mark.parametrize("known", ["rank", "nothing"])
def test_unknown_shapes_give_the_static_answer(specs, known):
    """Inside tf.function the sizes (or even the rank) may be unknown: same positions, same result."""
    array = _array((4, 5))
    signature = tf.TensorSpec([None, None] if known == "rank" else None, tf.int32)
    fn = tf.function(lambda t: extract(t, specs, options=R_STYLE), input_signature=[signature],
                     autograph=False)
    np.testing.assert_array_equal(fn(tf.constant(array)).numpy(), oracle(array, specs))


# --- Options and warnings ------------------------------------------------------------------------


def test_tf_extract_opts_styles():
    assert tf_extract_opts("python") == dict.fromkeys(R_STYLE, False)
    assert tf_extract_opts("py") == tf_extract_opts("python")  # match.arg() abbreviations
    r = tf_extract_opts("R", one_based=False)
    assert r["one_based"] is False and not r["warn_negatives_pythonic"] and not r["warn_tensors_passed_asis"]
    none = tf_extract_opts(None, warned={"negative_indices": True, "tensors_passed_asis": False})
    assert none["warn_negatives_pythonic"] is False and none["warn_tensors_passed_asis"] is True
    with pytest.raises(ValueError, match="`style`"):
        tf_extract_opts("Q")
    with pytest.raises(ValueError, match="`one_based`"):
        tf_extract_opts(one_based="yes")


def test_options_as_r_passes_them():
    # R passes the option values and its record of warnings; Python resolves them.
    raw = {"style": None, "one_based": False, "inclusive_stop": True, "disallow_out_of_bounds": True,
           "warn_tensors_passed_asis": True, "warn_negatives_pythonic": True,
           "warned": {"negative_indices": False, "tensors_passed_asis": True}}
    got, warned = extract_with_warnings(tf.constant(V), [("value", -1)], options=raw)
    assert int(got) == 10 and [w[0] for w in warned] == ["negative_indices"]
    got, warned = extract_with_warnings(tf.constant(V), [("value", tf.constant(0))], options=raw)
    assert int(got) == 1 and warned == []  # tensors were warned about already
    with pytest.raises(ValueError, match="`options`"):
        extract(tf.constant(V), [("value", 1)], options={"bogus": True})


def test_warnings_are_issued_once(monkeypatch):
    monkeypatch.setattr(conversion, "_WARNED", {"negative_indices": False, "tensors_passed_asis": False})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extract(tf.constant(V), [("value", -1)])
        extract(tf.constant(V), [("value", -2)])
        extract(tf.constant(V), [("value", tf.constant(1))])
        extract(tf.constant(V), [("value", tf.constant(1))])
        extract(tf.constant(M), [("value", 1)])  # fewer indices than dimensions: every time
        extract(tf.constant(M), [("value", 1)])
    messages = [str(w.message) for w in caught if issubclass(w.category, ExtractWarning)]
    assert sum("Negative numbers" in m for m in messages) == 1
    assert sum("ignored" in m for m in messages) == 1
    assert sum("Incorrect number of dimensions" in m for m in messages) == 2


# --- Errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "specs, name, expected",
    [
        ([("value", 0)], "index 1", "0-based indexing"),
        ([("missing",), ("value", 0)], "index 2", "0-based indexing"),
        ([("newaxis",), ("value", 0)], "index 2", "0-based indexing"),  # named by position, not axis
        ([("value", 5)], "index 1", r"dimension 1 \(of size 4\)"),
        ([("value", -5)], "index 1", "out of bounds"),
        ([("missing",), ("slice", 2, 7, None)], "index 2", r"dimension 2 \(of size 5\)"),
        ([("slice", 0, 2, None)], "index 1", "0-based indexing"),
        ([("value", [1, 3, 4])], "index 1", "positive sequences with a single step size"),
        ([("value", [-1, -2])], "index 1", "positive sequences"),
        ([("value", [2, 2])], "index 1", "positive sequences"),
        ([("value", 1)] * 3, "index", "Incorrect number of dimensions supplied: 2 required, but received 3"),
        ([("all_dims",), ("missing",), ("all_dims",)], "index", "at most one all_dims"),
        ([("slice", 1, 3, 0)], "index 1", "non-zero step"),
        ([("slice", 1, 2, 3, 4)], "index 1", "at most 3 parts"),
        ([("value", True)], "index 1", "logical"),
        ([("value", [True, False])], "index 1", "logical"),
        ([("value", "a")], "index 1", "character"),
        ([("value", 1.5)], "index 1", "whole number"),
        ([("value", float("inf"))], "index 1", "Inf"),
        ([("value", float("nan"))], "index 1", "NaN"),
        ([("value", print)], "index 1", "function"),
        ([("value", [[1, 2], [3, 4]])], "index 1", "matrices or arrays is not currently supported"),
        ([("value", [])], "index 1", "at least one position"),
        ([("bogus",)], "index 1", "index specification"),
    ],
)
def test_extract_errors_name_the_index(specs, name, expected):
    pattern = rf"Invalid value for argument `{re.escape(name)}`: expected .*{expected}"
    with pytest.raises((ValueError, TypeError), match=pattern):
        extract(tf.constant(M), specs, options=R_STYLE)


def test_out_of_bounds_slices_are_clamped_when_allowed():
    opts = {**R_STYLE, "disallow_out_of_bounds": False}
    np.testing.assert_array_equal(extract(tf.constant(V), [("slice", 8, 20, None)], options=opts), V[7:])
    with pytest.raises(ValueError, match="out of bounds"):
        extract(tf.constant(V), [("slice", 8, 20, None)], options=R_STYLE)


def test_extract_error_messages_follow_the_house_format():
    with pytest.raises(ValueError) as err:
        extract(tf.constant(M), [("value", 0)])
    message = str(err.value)
    assert re.fullmatch(r"Invalid value for argument `index 1`: expected .*\. Received: index 1=0", message)


@pytest.mark.parametrize("drop", [None, 1, "TRUE"])
def test_drop_must_be_a_logical(drop):
    with pytest.raises(ValueError, match="`drop`"):
        extract(tf.constant(M), [("value", 1)], drop=drop)


# --- The other helpers of the module -----------------------------------------------------------


def test_as_integer():
    assert as_integer(32.0, "units") == 32 and isinstance(as_integer(32.0, "units"), int)
    assert as_integer(np.int64(3), "n") == 3
    assert as_integer(np.array(4.0), "n") == 4
    assert as_integer([5.0], "n") == 5
    assert as_integer(None, "n", allow_none=True) is None
    for bad, expected in [(32.5, "whole number"), (float("inf"), "whole number"), ("3", "an integer"),
                          (True, "an integer"), (None, "not NULL"), ([1, 2], "an integer")]:
        with pytest.raises(ValueError, match=rf"`units`: expected .*{expected}.*Received: units="):
            as_integer(bad, "units")
    with pytest.raises(ValueError, match=r"`units`: expected an integer >= 1\. Received: units=0"):
        as_integer(0, "units", minimum=1)


def test_as_integer_tuple():
    assert as_integer_tuple([None, 10.0], "input_shape") == (None, 10)
    assert as_integer_tuple(28.0, "input_shape") == (28,)
    assert as_integer_tuple(np.array([28.0, 28.0, 1.0]), "input_shape") == (28, 28, 1)
    with pytest.raises(ValueError, match=r"`input_shape\[2\]`"):
        as_integer_tuple([1, 2.5], "input_shape")
    with pytest.raises(ValueError, match=r"`input_shape\[1\]`: expected an integer >= 0"):
        as_integer_tuple([-1], "input_shape")
    with pytest.raises(ValueError, match=r"`input_shape\[1\]`: expected an integer, not NULL"):
        as_integer_tuple([None], "input_shape", allow_unknown=False)


def test_matrix_is_column_major_like_r():
    m = matrix(range(1, 9), nrow=2, ncol=4)
    assert m.dtype == np.int32
    np.testing.assert_array_equal(m, [[1, 3, 5, 7], [2, 4, 6, 8]])
    by_row = matrix(range(1, 9), nrow=2, ncol=4, byrow=True)
    np.testing.assert_array_equal(by_row, [[1, 2, 3, 4], [5, 6, 7, 8]])
    assert matrix([1.5, 2.0], nrow=2).dtype == np.float64
    assert matrix([True, False], ncol=2).dtype == np.bool_
    np.testing.assert_array_equal(matrix([1, 2], nrow=2, ncol=3), [[1, 1, 1], [2, 2, 2]])  # R recycles
    assert matrix(range(1, 7), ncol=2).shape == (3, 2)
    with pytest.raises(ValueError, match="`data`"):
        matrix(range(1, 8), nrow=2, ncol=4)
    with pytest.raises(ValueError, match="`data`"):
        matrix(["a", "b"], nrow=2)
    with pytest.raises(ValueError, match="`nrow`"):
        matrix(range(1, 5), nrow=0)


def test_refuse_na():
    with pytest.raises(ValueError) as err:
        refuse_na("x", "integer", 3, [2])
    message = str(err.value)
    assert message.startswith("Invalid value for argument `x`: expected no missing values (R NA)")
    assert "-2147483648" in message and "position(s) 2" in message
    with pytest.raises(ValueError, match=r"logical NA would silently become True.*position\(s\) 1, 3"):
        refuse_na("mask", "logical", 4, [1.0, 3.0])


def test_r_condition_classes():
    assert r_condition_classes(ValueError("x")) == [
        "python.builtin.ValueError",
        "python.builtin.Exception",
        "python.builtin.BaseException",
    ]
    classes = r_condition_classes(tf.errors.InvalidArgumentError(None, None, "bad"))
    assert classes[0] == "tensorflow.python.framework.errors_impl.InvalidArgumentError"
    assert classes[-1] == "python.builtin.BaseException" and "python.builtin.object" not in classes


# --- R <-> NumPy round trips through reticulate (R embedded in this process with rpy2) ----------
# Property-based: hypothesis draws arrays and R vectors; R itself (through reticulate, as the R
# package does) converts them, and the values, types and shapes must survive both ways.

@pytest.fixture(scope="module")
def embedded_r():
    import sys
    import types

    from rkeras_bridge import rsession

    rsession.start_r()  # idempotent; the exit is made safe by rsession (see its docstring)
    sys.modules.setdefault("rkb_exchange", types.ModuleType("rkb_exchange"))  # where both sides meet
    return rsession.r


def _r_number(x: float) -> str:
    return repr(float(x)) if np.isfinite(x) else {np.inf: "Inf", -np.inf: "-Inf"}.get(x, "NaN")


_shapes = st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple)
def _filled(elements, dtype):
    # an array of a drawn shape filled with drawn elements (-2**31 is R's NA_integer_: not drawn)
    return _shapes.flatmap(lambda s: st.lists(elements, min_size=int(np.prod(s)), max_size=int(np.prod(s)))
                           .map(lambda v: np.array(v, dtype).reshape(s)))


_arrays = st.one_of(_filled(st.integers(-2**31 + 1, 2**31 - 1), np.int32),
                    _filled(st.floats(allow_nan=False, width=64), np.float64),
                    _filled(st.booleans(), bool))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(array=_arrays)
def test_numpy_to_r_and_back_keeps_values_types_and_shape(embedded_r, array):
    import rkb_exchange

    rkb_exchange.rkb_in = array
    r_type, r_dim = embedded_r(
        'py <- reticulate::import("rkb_exchange"); x <- py$rkb_in; py$rkb_out <- x; '
        'c(typeof(x), paste(dim(x), collapse = ","))'
    )
    expected_type = {"i": "integer", "f": "double", "b": "logical"}[array.dtype.kind]
    assert r_type == expected_type
    assert r_dim == ",".join(str(d) for d in array.shape)  # R's dim() is NumPy's shape
    back = np.asarray(rkb_exchange.rkb_out)
    assert back.dtype == array.dtype and back.shape == array.shape
    np.testing.assert_array_equal(back, array)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dims=_shapes, data=st.data())
def test_r_arrays_arrive_in_numpy_with_the_same_elements_at_the_same_indices(embedded_r, dims, data):
    import rkb_exchange

    values = data.draw(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64),
                                min_size=int(np.prod(dims)), max_size=int(np.prod(dims))))
    literal = ", ".join(map(_r_number, values))
    embedded_r(f"py <- reticulate::import('rkb_exchange'); py$rkb_out <- array(c({literal}), "
               f"dim = c({', '.join(map(str, dims))}))")
    got = np.asarray(rkb_exchange.rkb_out)
    assert got.shape == dims
    # R fills column-major: element [i, j, k] (1-based) is values[i + j*d1 + k*d1*d2] (0-based)
    np.testing.assert_array_equal(got, np.array(values, np.float64).reshape(dims, order="F"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.one_of(st.none(), st.integers(-1000, 1000)), min_size=1, max_size=6),
       kind=st.sampled_from(["integer", "double", "logical"]))
def test_r_na_never_arrives_as_a_number_and_clean_vectors_convert_exactly(embedded_r, values, kind):
    """R's NA_integer_ would be -2147483648 and logical NA would be True in raw reticulate."""
    if kind == "logical":
        literal = [("NA" if v is None else ("TRUE" if v % 2 else "FALSE")) for v in values]
    elif kind == "integer":
        literal = [("NA_integer_" if v is None else f"{v}L") for v in values]
    else:
        literal = [("NA_real_" if v is None else f"{v}") for v in values]
    outcome = embedded_r(
        f"x <- c({', '.join(literal)}); "
        "r <- tryCatch(rkerasbridge::tensor_slices_dataset(x), error = function(e) e); "
        "if (inherits(r, 'error')) "
        "c('error', setdiff(class(r), 'rkerasbridge_python_error')[1], conditionMessage(r)) else "
        "c('ok', paste(unlist(reticulate::import('builtins')$list(r$as_numpy_iterator())), collapse = ','))"
    )
    if None in values:
        assert list(outcome[:2]) == ["error", "python.builtin.ValueError"]
        assert "R NA" in outcome[2] and "`tensors" in outcome[2]
    else:
        assert outcome[0] == "ok"
        got = outcome[1].split(",")
        if kind == "logical":
            assert got == [("TRUE" if v % 2 else "FALSE") for v in values]
        elif kind == "integer":
            assert got == [str(v) for v in values]
        else:
            assert [float(g) for g in got] == [float(v) for v in values]


def test_take_fast_result_hands_over_what_the_compiled_path_left():
    marker = object()
    conversion._FAST_RESULTS.append(marker)
    assert conversion.take_fast_result() is marker
    assert conversion._FAST_RESULTS == []
