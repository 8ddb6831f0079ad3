"""Tests of rkeras_bridge.bridge.conversion: R's `[` on tensors (against a NumPy oracle) and R value rules.

The oracle below is written from the R semantics, not from the implementation: every index is first
turned into the explicit list of 0-based positions it selects along its axis (as R would list them),
then NumPy selects those positions axis by axis (outer indexing, like ``np.ix_``), and finally the
result is reshaped to add new axes and remove the axes of dropped scalars.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import tensorflow as tf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rkeras_bridge.bridge.conversion import (
    as_integer,
    as_integer_tuple,
    extract,
    matrix,
    r_condition_classes,
    refuse_na,
)

# --- The oracle ---------------------------------------------------------------------------------


class OracleError(Exception):
    """The R semantics say this index is an error (the message names `index <position>`)."""

    def __init__(self, position: int | None):
        super().__init__(position)
        self.position = position


def _resolve(i: int, size: int, position: int) -> int:
    """R index -> 0-based position: 1..size count from the start, -1..-size from the end."""
    if i == 0 or not -size <= i <= size:
        raise OracleError(position)
    return i - 1 if i > 0 else size + i


def _range_positions(start, end, step, size: int, position: int) -> list[int]:
    step = 1 if step is None else step
    if step == 0:
        raise OracleError(position)
    first = None if start is None else _resolve(start, size, position)
    last = None if end is None else _resolve(end, size, position)
    same_sign = start is not None and end is not None and (start > 0) == (end > 0)
    if step < 0 and same_sign and start < end:  # like seq(1, 5, by = -1) in R
        raise OracleError(position)
    down = step < 0 or (same_sign and start > end)
    if down:
        first = size - 1 if first is None else first
        last = 0 if last is None else last
        return list(range(first, last - 1, -abs(step)))
    first = 0 if first is None else first
    last = size - 1 if last is None else last
    return list(range(first, last + 1, abs(step)))


def oracle(array: np.ndarray, specs: list[tuple], drop: bool = True) -> np.ndarray:
    """What R's `[` with the R tensorflow package's semantics returns, computed with NumPy."""
    rank = array.ndim
    consuming = [s for s in specs if s[0] not in ("newaxis", "all_dims")]
    if len(consuming) > rank or sum(s[0] == "all_dims" for s in specs) > 1:
        raise OracleError(None)
    # Expand all_dims() into whole axes, then pad with whole axes up to the rank (as Python does).
    expanded: list[tuple[int | None, tuple]] = []  # (position in specs or None, spec)
    for position, spec in enumerate(specs, start=1):
        if spec[0] == "all_dims":
            expanded += [(None, ("missing",))] * (rank - len(consuming))
        else:
            expanded.append((position, spec))
    if not any(s[0] == "all_dims" for s in specs):
        expanded += [(None, ("missing",))] * (rank - len(consuming))
    selected = array
    out_shape: list[int] = []
    axis = 0
    for position, spec in expanded:
        kind = spec[0]
        if kind == "newaxis":
            out_shape.append(1)
            continue
        size = array.shape[axis]
        if kind == "missing":
            positions = list(range(size))
        elif kind == "scalar":
            positions = [_resolve(spec[1], size, position)]
        elif kind == "range":
            positions = _range_positions(spec[1], spec[2], spec[3] if len(spec) > 3 else None, size, position)
        else:
            positions = [_resolve(i, size, position) for i in spec[1]]
        selected = np.take(selected, np.asarray(positions, dtype=np.int64), axis=axis)
        if not (kind == "scalar" and drop):
            out_shape.append(len(positions))
        axis += 1
    return selected.reshape(out_shape)


def _check(array: np.ndarray, specs: list[tuple], drop: bool = True, tensor=None) -> None:
    tensor = tf.constant(array) if tensor is None else tensor
    try:
        expected = oracle(array, specs, drop)
    except OracleError as err:
        name = "index" if err.position is None else f"index {err.position}"
        with pytest.raises(ValueError, match=rf"Invalid value for argument `{name}`"):
            extract(tensor, specs, drop=drop)
        return
    got = extract(tensor, specs, drop=drop)
    assert tuple(got.shape) == expected.shape, (specs, drop)
    np.testing.assert_array_equal(np.asarray(got), expected)


def _array(shape) -> np.ndarray:
    return np.arange(1, int(np.prod(shape)) + 1, dtype=np.int32).reshape(shape)


# --- Generated cases ----------------------------------------------------------------------------


def _nonzero(size: int):
    return st.integers(-size, size).filter(lambda i: i != 0)


def _consuming_spec(size: int, valid: bool):
    """One index for an axis of this size; `valid=False` lets positions fall outside the axis."""
    index = _nonzero(size) if valid else st.integers(-size - 2, size + 2)
    end = st.none() | index
    return st.one_of(
        st.just(("missing",)),
        index.map(lambda i: ("scalar", i)),
        st.tuples(st.just("range"), end, end),
        st.tuples(st.just("range"), end, end, st.sampled_from([None, 1, 2, 3, -1, -2])),
        st.lists(index, min_size=0, max_size=4).map(lambda v: ("vector", v)),
    )


@st.composite
def indexing_cases(draw, valid: bool = True):
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=4)))
    rank = len(shape)
    n_consuming = draw(st.integers(0, rank))
    ellipsis_at = draw(st.none() | st.integers(0, n_consuming))
    # Which input axis each consuming index addresses (all_dims() takes the ones in the middle).
    if ellipsis_at is None:
        axes = list(range(n_consuming))
    else:
        axes = list(range(ellipsis_at)) + list(range(rank - (n_consuming - ellipsis_at), rank))
    specs = [draw(_consuming_spec(shape[a], valid)) for a in axes]
    if ellipsis_at is not None:
        specs.insert(ellipsis_at, ("all_dims",))
    for _ in range(draw(st.integers(0, 2))):
        specs.insert(draw(st.integers(0, len(specs))), ("newaxis",))
    return shape, specs, draw(st.booleans())


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(indexing_cases())
def test_extract_matches_numpy_oracle(case):
    shape, specs, drop = case
    _check(_array(shape), specs, drop)


@settings(max_examples=150, deadline=None)
@given(indexing_cases(valid=False))
def test_extract_errors_match_oracle(case):
    """Indices may be 0 or outside the axis: the error must come exactly when the oracle says so."""
    shape, specs, drop = case
    _check(_array(shape), specs, drop)


@settings(max_examples=40, deadline=None)
@given(indexing_cases())
def test_variables_index_like_tensors(case):
    shape, specs, drop = case
    _check(_array(shape), specs, drop, tensor=tf.Variable(_array(shape)))


@settings(max_examples=40, deadline=None)
@given(indexing_cases())
def test_numpy_arrays_index_like_tensors(case):
    shape, specs, drop = case
    array = _array(shape)
    try:
        expected = oracle(array, specs, drop)
    except OracleError:
        return
    np.testing.assert_array_equal(np.asarray(extract(array, specs, drop=drop)), expected)


# --- Explicit cases: the idioms an R user writes ------------------------------------------------

M = _array((4, 5))  # 4 x 5, values 1..20 row-major
V = _array((10,))


@pytest.mark.parametrize(
    "r_code, specs, expected",
    [
        ("v[3]", [("scalar", 3)], 3),
        ("v[-1]", [("scalar", -1)], 10),
        ("v[2:4]", [("range", 2, 4)], [2, 3, 4]),
        ("v[2:-1]", [("range", 2, -1)], list(range(2, 11))),
        ("v[-3:-1]", [("range", -3, -1)], [8, 9, 10]),
        ("v[5:2]", [("range", 5, 2)], [5, 4, 3, 2]),
        ("v[-1:-3]", [("range", -1, -3)], [10, 9, 8]),
        ("v[3:1]", [("range", 3, 1)], [3, 2, 1]),
        ("v[1:9:2]", [("range", 1, 9, 2)], [1, 3, 5, 7, 9]),
        ("v[1:10:3]", [("range", 1, 10, 3)], [1, 4, 7, 10]),
        ("v[9:1:2]", [("range", 9, 1, 2)], [9, 7, 5, 3, 1]),
        ("v[9:1:-2]", [("range", 9, 1, -2)], [9, 7, 5, 3, 1]),
        ("v[NULL:NULL:-1]", [("range", None, None, -1)], list(range(10, 0, -1))),
        ("v[NULL:3]", [("range", None, 3)], [1, 2, 3]),
        ("v[8:NULL]", [("range", 8, None)], [8, 9, 10]),
        ("v[-1:8:-1]", [("range", -1, 8, -1)], [10, 9, 8]),
        ("v[8:-4]", [("range", 8, -4)], []),  # mixed signs count up: empty when the ends cross
        ("v[c(3, 1, 3)]", [("vector", [3, 1, 3])], [3, 1, 3]),
        ("v[c(-1, 1)]", [("vector", [-1, 1])], [10, 1]),
        ("v[integer(0)]", [("vector", [])], []),
    ],
)
def test_vector_idioms(r_code, specs, expected):
    got = extract(tf.constant(V), specs)
    np.testing.assert_array_equal(got.numpy(), np.asarray(expected, dtype=np.int32).reshape(got.shape))
    assert np.asarray(expected).shape == tuple(got.shape), r_code


def test_matrix_idioms():
    t = tf.constant(M)
    np.testing.assert_array_equal(extract(t, [("scalar", 1), ("missing",)]), M[0])
    np.testing.assert_array_equal(extract(t, [("missing",), ("scalar", 1)]), M[:, 0])
    assert extract(t, [("missing",), ("scalar", 1)], drop=False).shape == (4, 1)
    assert extract(t, [("scalar", -1), ("scalar", -1)], drop=False).shape == (1, 1)
    assert int(extract(t, [("scalar", -1), ("scalar", -1)])) == 20
    # Vectors on two axes select the sub-matrix (R's outer semantics), not pairs of points.
    outer = extract(t, [("vector", [1, 3]), ("vector", [2, 5])])
    np.testing.assert_array_equal(outer, M[np.ix_([0, 2], [1, 4])])
    np.testing.assert_array_equal(extract(t, [("all_dims",), ("scalar", 2)]), M[..., 1])
    assert extract(t, [("newaxis",), ("missing",), ("newaxis",), ("missing",)]).shape == (1, 4, 1, 5)
    assert extract(t, []) is t


def test_index_values_from_r_and_tensors():
    t = tf.constant(M)
    # R sends doubles; 0-d tensors and arrays are accepted too, for scalars and range ends.
    np.testing.assert_array_equal(extract(t, [("scalar", 2.0)]), M[1])
    np.testing.assert_array_equal(extract(t, [("scalar", tf.constant(2))]), M[1])
    np.testing.assert_array_equal(extract(t, [("range", np.int64(2), tf.constant(-1))]), M[1:])
    np.testing.assert_array_equal(extract(t, [("missing",), ("vector", tf.constant([5, 1]))]), M[:, [4, 0]])
    np.testing.assert_array_equal(extract(t, [("missing",), ("vector", np.array([2.0, 3.0]))]), M[:, [1, 2]])


@pytest.mark.parametrize(
    "specs",
    [
        [("range", 2, -1), ("range", -1, 1, -2)],
        [("range", 4, 2), ("vector", [-1, 1, 2])],
        [("all_dims",), ("vector", [3, -2])],
        [("vector", [-1, 2]), ("all_dims",), ("scalar", -2)],
        [("newaxis",), ("scalar", -1), ("all_dims",), ("newaxis",)],
        [("range", None, None, -1), ("range", -4, -2)],
        [("range", -2, -4), ("scalar", 1)],
    ],
)
@pytest.mark.parametrize("known", ["rank", "nothing"])
def test_unknown_shapes_give_the_static_answer(specs, known):
    """Inside tf.function the sizes (or even the rank) may be unknown: same positions, same result."""
    array = _array((4, 5))
    signature = tf.TensorSpec([None, None] if known == "rank" else None, tf.int32)
    fn = tf.function(lambda t: extract(t, specs), input_signature=[signature], autograph=False)
    np.testing.assert_array_equal(fn(tf.constant(array)).numpy(), oracle(array, specs))


# --- Errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "specs, name, expected",
    [
        ([("scalar", 0)], "index 1", "non-zero position"),
        ([("missing",), ("scalar", 0)], "index 2", "non-zero position"),
        ([("newaxis",), ("scalar", 0)], "index 2", "non-zero position"),  # named by position, not axis
        ([("scalar", 5)], "index 1", r"1\.\.4 or -4\.\.-1 \(dimension 1 has size 4\)"),
        ([("scalar", -5)], "index 1", "dimension 1 has size 4"),
        ([("missing",), ("range", 2, 6)], "index 2", "dimension 2 has size 5"),
        ([("range", 0, 2)], "index 1", "non-zero position"),
        ([("missing",), ("vector", [1, 6])], "index 2", "dimension 2 has size 5"),
        ([("vector", [1, 0])], "index 1", "non-zero position"),
        ([("scalar", 1)] * 3, "index", "at most 2 indices for a tensor of rank 2"),
        ([("all_dims",), ("missing",), ("all_dims",)], "index", "at most one all_dims"),
        ([("range", 1, 3, 0)], "index 1", "non-zero step"),
        ([("range", 1, 3, -1)], "index 1", "positive step for a range that counts up"),
        ([("scalar", True)], "index 1", "logical"),
        ([("vector", [True, False])], "index 1", "logical"),
        ([("scalar", "a")], "index 1", "character"),
        ([("vector", ["a", "b"])], "index 1", "character"),
        ([("scalar", 1.5)], "index 1", "whole number"),
        ([("scalar", float("nan"))], "index 1", "whole number"),
        ([("scalar", [1, 2])], "index 1", "single integer position"),
        ([("vector", [[1, 2], [3, 4]])], "index 1", "matrix or array indices"),
        ([("bogus",)], "index 1", "specification of kind"),
    ],
)
def test_extract_errors_name_the_index(specs, name, expected):
    pattern = rf"Invalid value for argument `{re.escape(name)}`: expected .*{expected}"
    with pytest.raises(ValueError, match=pattern):
        extract(tf.constant(M), specs)


def test_extract_error_messages_follow_the_house_format():
    with pytest.raises(ValueError) as err:
        extract(tf.constant(M), [("scalar", 0)])
    message = str(err.value)
    assert re.fullmatch(r"Invalid value for argument `index 1`: expected .*\. Received: index 1=0", message)


@pytest.mark.parametrize("drop", [None, 1, "TRUE"])
def test_drop_must_be_a_logical(drop):
    with pytest.raises(ValueError, match="`drop`"):
        extract(tf.constant(M), [("scalar", 1)], drop=drop)


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
