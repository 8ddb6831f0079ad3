"""R's generics on tensors (rkeras_bridge.bridge.tensor_methods), checked against NumPy."""

from __future__ import annotations

import math as pymath

import keras
import numpy as np
import pytest
import tensorflow as tf
from hypothesis import given, settings
from hypothesis import strategies as st

from rkeras_bridge import tensor_methods as tm

A = np.array([[1.5, -2.0, 3.25], [4.0, -5.5, 6.0]], dtype=np.float32)
I = np.array([[7, -7, 3], [-4, 9, 0]], dtype=np.int32)


def value(t):
    return t.numpy()


# --- Ops ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "generic, expected",
    [
        ("+", A + 2),
        ("-", A - 2),
        ("*", A * 2),
        ("/", A / 2),
        ("^", A**2),
        ("%%", np.mod(A, 2)),
        ("%/%", np.floor_divide(A, 2)),
        ("==", A == 2),
        ("!=", A != 2),
        ("<", A < 2),
        ("<=", A <= 2),
        (">", A > 2),
        (">=", A >= 2),
    ],
)
def test_ops_r_double_meets_float32_tensor(generic, expected):
    out = tm.ops(generic, tf.constant(A), 2.0)  # R's 2 is a double
    assert out.dtype == (tf.bool if expected.dtype == bool else tf.float32)
    np.testing.assert_allclose(value(out), expected, rtol=1e-6)


@pytest.mark.parametrize("generic", ["-", "/", "%%", "%/%", "^", "<"])
def test_ops_plain_value_on_the_left_keeps_operand_order(generic):
    numpy_fn = {
        "-": np.subtract,
        "/": np.divide,
        "%%": np.mod,
        "%/%": np.floor_divide,
        "^": np.power,
        "<": np.less,
    }[generic]
    base = np.abs(A) + 1
    out = tm.ops(generic, 10.0, tf.constant(base))
    np.testing.assert_allclose(value(out), numpy_fn(np.float32(10), base), rtol=1e-6)


def test_ops_r_modulo_and_integer_division_follow_the_divisor_sign():
    # R: 7 %% -3 == -2, -7 %/% 3 == -3 (floor), unlike C's truncation.
    out_mod = tm.ops("%%", tf.constant(I), -3)
    out_div = tm.ops("%/%", tf.constant(I), 3)
    assert out_mod.dtype == tf.int32 and out_div.dtype == tf.int32
    np.testing.assert_array_equal(value(out_mod), np.mod(I, -3))
    np.testing.assert_array_equal(value(out_div), np.floor_divide(I, 3))


@settings(max_examples=25, deadline=None)
@given(
    # Subnormals excluded: TensorFlow's CPU kernels flush them to zero.
    st.lists(st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False, width=32), min_size=1, max_size=6),
    st.floats(0.5, 50, width=32) | st.floats(-50, -0.5, width=32),
)
def test_ops_floor_mod_matches_numpy(xs, d):
    x = np.array(xs, dtype=np.float32)
    out = value(tm.ops("%%", tf.constant(x), d))
    np.testing.assert_allclose(out, np.mod(x, np.float32(d)), rtol=1e-5, atol=1e-3)


def test_ops_whole_double_with_int_tensor_stays_int():
    out = tm.ops("*", tf.constant(I), 2.0)
    assert out.dtype == tf.int32
    np.testing.assert_array_equal(value(out), I * 2)


def test_ops_true_division_of_int_tensors_gives_float64():
    out = tm.ops("/", tf.constant(I), 2)
    assert out.dtype == tf.float64
    np.testing.assert_allclose(value(out), I / 2)


def test_ops_r_array_operand_same_shape():
    b = np.arange(6, dtype=np.float64).reshape(2, 3)  # R doubles arrive as float64
    out = tm.ops("+", tf.constant(A), b)
    assert out.dtype == tf.float32
    np.testing.assert_allclose(value(out), A + b.astype(np.float32))


def test_ops_fractional_value_with_int_tensor_names_the_argument():
    with pytest.raises(ValueError, match=r"argument `e2`.*int32.*Received: e2=2\.5"):
        tm.ops("+", tf.constant(I), 2.5)
    with pytest.raises(ValueError, match=r"argument `e1`"):
        tm.ops("-", 0.5, tf.constant(I))


@pytest.mark.parametrize("bad", [2**31, [1.0, float("nan")], float("inf")])
def test_ops_unrepresentable_values_for_int32_are_refused(bad):
    with pytest.raises(ValueError, match="e2"):
        tm.ops("+", tf.constant(I), bad)


def test_ops_overflowing_value_for_float32_is_refused():
    with pytest.raises(ValueError, match="e2"):
        tm.ops("+", tf.constant(A), 1e300)


def test_ops_nan_and_inf_pass_for_float_tensors():
    out = value(tm.ops("+", tf.constant(A), [float("nan"), float("inf"), 1.0]))
    assert np.isnan(out[:, 0]).all() and np.isinf(out[:, 1]).all()


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64, tf.int32, tf.int64, tf.float16, tf.uint8, tf.bool])
def test_ops_plain_scalars_take_a_shortcut_that_gives_the_general_rules_tensor(dtype):
    from rkeras_bridge.bridge import tensor_methods as impl

    values = [True, False, 0, -3, 2**31 - 1, -(2**31), 2**31, 2**63 - 1, 2**63, 2.5, 3.0, -0.0, 16777217,
              3.4028235e38, 3.4028236e38, 1e39, 1e308, 2.0**62, 2.0**63,
              float("nan"), float("inf"), -float("inf")]  # fmt: skip
    shortcuts = 0
    for v in values:
        fast = impl._scalar_operand(v, dtype)
        if fast is None:  # the general path decides (and raises its errors)
            continue
        shortcuts += 1
        general = impl._convert(v, "e2", dtype, "the dtype of `e1`")
        assert fast.dtype == general.dtype and fast.shape == general.shape, v
        assert np.array_equal(value(fast), value(general), equal_nan=True), v
        assert np.signbit(value(fast)) == np.signbit(value(general)), v
    # R's usual operands (doubles, integers, logicals) take it for the usual dtypes, and only those
    assert (shortcuts > 0) == (dtype in (tf.float32, tf.float64, tf.int32, tf.int64))


def test_ops_tensors_of_different_dtypes_are_refused():
    with pytest.raises(TypeError, match="e2"):
        tm.ops("+", tf.constant(I), tf.constant(A))


def test_ops_null_and_strings_are_refused():
    with pytest.raises(TypeError, match="e2"):
        tm.ops("+", tf.constant(A), None)
    with pytest.raises(TypeError, match="e2"):
        tm.ops("+", tf.constant(A), "a")


def test_ops_unknown_operator_names_generic():
    with pytest.raises(ValueError, match="generic"):
        tm.ops("%in%", tf.constant(A), 1.0)


def test_ops_binary_operator_without_second_argument():
    with pytest.raises(TypeError, match="e2"):
        tm.ops("*", tf.constant(A))


def test_ops_unary():
    np.testing.assert_array_equal(value(tm.ops("-", tf.constant(A))), -A)
    np.testing.assert_array_equal(value(tm.ops("+", tf.constant(A))), A)
    np.testing.assert_array_equal(value(tm.ops("!", tf.constant(I))), ~(I != 0))
    minus_true = tm.ops("-", tf.constant([True, False]))  # R: -TRUE is -1L
    assert minus_true.dtype == tf.int32
    np.testing.assert_array_equal(value(minus_true), [-1, 0])


def test_ops_logic_treats_nonzero_as_true():
    out = tm.ops("&", tf.constant(I), True)
    np.testing.assert_array_equal(value(out), I != 0)
    out = tm.ops("|", tf.constant(A > 0), [False, False, True])
    np.testing.assert_array_equal(value(out), (A > 0) | np.array([False, False, True]))


def test_ops_bool_tensor_counts_as_zero_one():
    mask = tf.constant(A > 0)
    np.testing.assert_allclose(value(tm.ops("*", mask, 1.5)), (A > 0) * 1.5)
    assert tm.ops("+", mask, 1).dtype == tf.int32  # R: TRUE + 1L is 2L
    np.testing.assert_array_equal(value(tm.ops("*", mask, tf.constant(A))), (A > 0) * A)
    np.testing.assert_array_equal(value(tm.ops("==", mask, True)), A > 0)


def test_ops_on_variables_and_keras_variables():
    v = tf.Variable(A)
    np.testing.assert_allclose(value(tm.ops("*", v, 2)), A * 2)
    kv = keras.Variable(A)
    np.testing.assert_allclose(value(tm.ops("-", kv, v)), A - A)
    np.testing.assert_allclose(value(tm.ops("^", 2, kv)), np.power(np.float32(2), A), rtol=1e-6)


def test_ops_gradients_flow_through():
    x = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = tm.ops("*", tm.ops("^", x, 2), 4)  # 4 x^2
    assert float(tape.gradient(y, x)) == pytest.approx(24.0)


def test_ops_work_symbolically():
    @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
    def f(x):
        return tm.ops("%/%", tm.ops("+", x, 1), 2)

    np.testing.assert_allclose(value(f(tf.constant(A))), np.floor_divide(A + 1, 2))



def test_ops_first_called_while_tracing_still_knows_eager_tensors():
    from rkeras_bridge.bridge import tensor_methods as impl

    impl._EAGER.clear()  # as in a fresh process whose first operator runs inside a tf.function

    @tf.function
    def f(x):
        return tm.ops("*", x, x)

    np.testing.assert_allclose(value(f(tf.constant(A))), A * A)
    a, b = tf.constant(A), tf.constant(I)
    assert impl._EAGER[0] is type(a)
    np.testing.assert_allclose(value(tm.ops("*", a, a)), A * A)
    with pytest.raises(TypeError, match="e2"):
        tm.ops("*", a, b)

# --- Math ---------------------------------------------------------------------------------------

POSITIVE = np.array([[0.25, 1.0, 2.5], [4.0, 0.5, 9.0]], dtype=np.float32)
UNIT = np.array([[-0.9, -0.25, 0.0], [0.3, 0.5, 0.75]], dtype=np.float32)


@pytest.mark.parametrize(
    "generic, data, expected",
    [
        ("abs", A, np.abs(A)),
        ("sign", A, np.sign(A)),
        ("sqrt", POSITIVE, np.sqrt(POSITIVE)),
        ("floor", A, np.floor(A)),
        ("ceiling", A, np.ceil(A)),
        ("trunc", A, np.trunc(A)),
        ("round", np.array([0.5, 1.5, 2.5, -0.5, 2.7], np.float32), np.round([0.5, 1.5, 2.5, -0.5, 2.7])),
        ("exp", UNIT, np.exp(UNIT)),
        ("log", POSITIVE, np.log(POSITIVE)),
        ("log2", POSITIVE, np.log2(POSITIVE)),
        ("log10", POSITIVE, np.log10(POSITIVE)),
        ("expm1", UNIT, np.expm1(UNIT)),
        ("log1p", UNIT, np.log1p(UNIT)),
        ("cos", A, np.cos(A)),
        ("sin", A, np.sin(A)),
        ("tan", UNIT, np.tan(UNIT)),
        ("cospi", A, np.cos(np.pi * A)),
        ("sinpi", A, np.sin(np.pi * A)),
        ("tanpi", UNIT / 4, np.tan(np.pi * UNIT / 4)),
        ("acos", UNIT, np.arccos(UNIT)),
        ("asin", UNIT, np.arcsin(UNIT)),
        ("atan", A, np.arctan(A)),
        ("cosh", UNIT, np.cosh(UNIT)),
        ("sinh", UNIT, np.sinh(UNIT)),
        ("tanh", A, np.tanh(A)),
        ("acosh", POSITIVE + 1, np.arccosh(POSITIVE + 1)),
        ("asinh", A, np.arcsinh(A)),
        ("atanh", UNIT, np.arctanh(UNIT)),
        ("lgamma", POSITIVE, np.vectorize(pymath.lgamma)(POSITIVE)),
        ("gamma", np.float32([0.5, 3.0, -0.5, -1.5]), np.vectorize(pymath.gamma)([0.5, 3.0, -0.5, -1.5])),
    ],
)
def test_math_matches_numpy(generic, data, expected):
    out = tm.math(generic, tf.constant(data))
    assert out.dtype == tf.float32 and out.shape == data.shape
    np.testing.assert_allclose(value(out), expected, rtol=2e-5, atol=2e-6)


def test_math_digamma_trigamma():
    x = tf.constant([1.0, 2.0], tf.float64)
    euler = 0.5772156649015329
    np.testing.assert_allclose(value(tm.math("digamma", x)), [-euler, 1 - euler], rtol=1e-10)
    np.testing.assert_allclose(value(tm.math("trigamma", x)), [np.pi**2 / 6, np.pi**2 / 6 - 1], rtol=1e-10)


def test_math_gamma_at_poles_is_nan():
    assert np.isnan(value(tm.math("gamma", tf.constant([0.0, -2.0])))).all()


def test_math_log_base_and_round_digits():
    p = tf.constant(POSITIVE)
    np.testing.assert_allclose(value(tm.math("log", p, base=3)), np.log(POSITIVE) / np.log(3), rtol=1e-6)
    np.testing.assert_allclose(value(tm.math("log", p, 2.0)), np.log2(POSITIVE), rtol=1e-6)
    x = np.array([1.234, -5.678, 123.456], np.float64)
    np.testing.assert_allclose(value(tm.math("round", tf.constant(x), 2)), [1.23, -5.68, 123.46])
    np.testing.assert_allclose(value(tm.math("round", tf.constant(x), digits=-1)), [0.0, -10.0, 120.0])
    np.testing.assert_allclose(value(tm.math("signif", tf.constant(x), 2)), [1.2, -5.7, 120.0])
    np.testing.assert_allclose(value(tm.math("signif", tf.constant([0.0, 123456789.0]))), [0.0, 123457000.0])


def test_math_integer_tensors():
    t = tf.constant(I)
    assert tm.math("abs", t).dtype == tf.int32
    assert tm.math("floor", t).dtype == tf.int32
    hundreds = tm.math("round", tf.constant([1234, -1250]), digits=-2)  # R: halves to even
    np.testing.assert_array_equal(value(hundreds), [1200, -1200])
    out = tm.math("sqrt", tf.constant([4, 9]))
    assert out.dtype == tf.float64
    np.testing.assert_allclose(value(out), [2.0, 3.0])


def test_math_cumulative_functions_use_r_order():
    flat = A.reshape(-1, order="F")  # R's c(a)
    np.testing.assert_allclose(value(tm.math("cumsum", tf.constant(A))), np.cumsum(flat), rtol=1e-6)
    np.testing.assert_allclose(value(tm.math("cumprod", tf.constant(A))), np.cumprod(flat), rtol=1e-6)
    np.testing.assert_allclose(value(tm.math("cummax", tf.constant(A))), np.maximum.accumulate(flat))
    np.testing.assert_allclose(value(tm.math("cummin", tf.constant(A))), np.minimum.accumulate(flat))
    assert value(tm.math("cummax", tf.zeros([0]))).shape == (0,)
    counts = tm.math("cumsum", tf.constant([True, False, True]))
    assert counts.dtype == tf.int32
    np.testing.assert_array_equal(value(counts), [1, 1, 2])


def test_math_unsupported_function_is_named():
    with pytest.raises(ValueError, match="generic.*besselJ"):
        tm.math("besselJ", tf.constant(A))


def test_math_bad_arguments():
    with pytest.raises(ValueError, match="digits"):
        tm.math("round", tf.constant(A), digits=1.5)
    with pytest.raises(TypeError, match="base"):
        tm.math("sqrt", tf.constant(A), base=2)
    with pytest.raises(TypeError, match=r"\.\.\."):
        tm.math("sqrt", tf.constant(A), 2)
    with pytest.raises(ValueError, match="base"):
        tm.math("log", tf.constant(A), base=1e300)


# --- Summary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "generic, expected",
    [
        ("sum", A.sum()),
        ("prod", A.prod()),
        ("min", A.min()),
        ("max", A.max()),
        ("range", np.array([A.min(), A.max()])),
    ],
)
def test_summary_reduces_all_elements(generic, expected):
    out = tm.summary(generic, tf.constant(A))
    assert out.dtype == tf.float32
    assert out.shape == np.shape(expected)
    np.testing.assert_allclose(value(out), expected, rtol=1e-6)


def test_summary_all_any_and_logical_counts():
    assert bool(tm.summary("all", tf.constant(A > -10)))
    assert not bool(tm.summary("any", tf.constant(A > 10)))
    assert bool(tm.summary("any", tf.constant(I)))  # non-zero is TRUE
    count = tm.summary("sum", tf.constant(A > 0))
    assert count.dtype == tf.int32 and int(count) == int((A > 0).sum())


def test_summary_several_arguments_like_r_dots():
    out = tm.summary("max", [tf.constant(A), 10, [1.0, 2.0]])
    assert float(out) == 10.0
    out = tm.summary("range", [tf.constant(I), tf.constant([100])])
    np.testing.assert_array_equal(value(out), [I.min(), 100])
    with pytest.raises(ValueError, match=r"\.\.2"):
        tm.summary("sum", [tf.constant(I), 0.5])
    with pytest.raises(TypeError, match=r"\.\.\."):
        tm.summary("range", {"": tf.constant(A), "finite": True})


def test_summary_na_rm_drops_nan():
    x = tf.constant([1.0, float("nan"), 3.0])
    assert np.isnan(value(tm.summary("sum", x)))
    assert float(tm.summary("sum", x, na_rm=True)) == 4.0
    np.testing.assert_array_equal(value(tm.summary("range", x, na_rm=True)), [1.0, 3.0])


def test_summary_empty_gives_r_identities():
    empty = tf.zeros([0])
    assert float(tm.summary("sum", empty)) == 0.0
    assert float(tm.summary("prod", empty)) == 1.0
    assert value(tm.summary("min", empty)) == np.inf


def test_summary_unknown_generic_and_no_tensor():
    with pytest.raises(ValueError, match="generic"):
        tm.summary("mean", tf.constant(A))
    with pytest.raises(TypeError, match="x"):
        tm.summary("sum", [1.0, 2.0])


# --- dim, length, values, text ------------------------------------------------------------------


def test_dim_and_length():
    assert tm.dim(tf.constant(A)) == [2, 3]
    assert tm.dim(tf.constant(1.0)) == []
    assert tm.length(tf.constant(A)) == 6
    assert tm.length(tf.constant(1.0)) == 1
    kv = keras.Variable(np.zeros((3, 2), np.float32))
    assert tm.dim(kv) == [3, 2] and tm.length(kv) == 6

    seen = {}

    @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec(None, tf.float32)])
    def f(x, y):
        seen["dim"], seen["length"], seen["unknown_rank"] = tm.dim(x), tm.length(x), tm.dim(y)
        return x

    f.get_concrete_function()
    assert seen == {"dim": [None, 3], "length": None, "unknown_rank": None}


def test_dim_of_non_tensor_names_x():
    with pytest.raises(TypeError, match="x"):
        tm.dim([1, 2])


def test_as_array_values_and_types():
    np.testing.assert_array_equal(tm.as_array(tf.constant(A)), A)
    np.testing.assert_array_equal(tm.as_array(tf.Variable(I)), I)
    scalar = tm.as_array(tf.constant(2.0))  # a NumPy scalar, as x$numpy() gives (R: a plain number)
    assert isinstance(scalar, np.float32) and scalar == 2.0
    assert tm.as_array(tf.constant(["a", "é"])).tolist() == ["a", "é"]
    assert tm.as_array(tf.constant([1.0], tf.bfloat16)).dtype == np.float32
    sparse = tf.SparseTensor(indices=[[0, 1]], values=[5.0], dense_shape=[2, 2])
    np.testing.assert_array_equal(tm.as_array(sparse), [[0, 5], [0, 0]])


def test_as_matrix_follows_r():
    np.testing.assert_array_equal(tm.as_matrix(tf.constant(A)), A)
    np.testing.assert_array_equal(tm.as_matrix(tf.constant([1, 2, 3])), [[1], [2], [3]])
    cube = np.arange(8).reshape(2, 2, 2)
    # R's as.matrix() of an array: one column of all elements, in R's (column-major) order
    np.testing.assert_array_equal(tm.as_matrix(tf.constant(cube))[:, 0], cube.reshape(-1, order="F"))
    assert tm.as_matrix(tf.constant(5.0)).shape == (1, 1)


def test_t_transposes_matrices_and_makes_vectors_rows():
    np.testing.assert_array_equal(tm.t(tf.constant(A)), A.T)
    assert tm.t(tf.constant([1, 2, 3])).shape == (1, 3)
    assert tm.t(tf.constant(1.0)).shape == (1, 1)
    with pytest.raises(ValueError, match="a matrix"):
        tm.t(tf.zeros((2, 2, 2)))


@pytest.mark.parametrize(
    "generic, fn",
    [("Re", np.real), ("Im", np.imag), ("Mod", np.abs), ("Arg", np.angle), ("Conj", np.conj)],
)
def test_complex_group_matches_r(generic, fn):
    z = np.array([1 + 2j, -3 - 0.5j, 2j, -1 + 0j])
    np.testing.assert_allclose(tm.complex_(generic, tf.constant(z)).numpy(), fn(z))
    x = np.array([-2.0, 0.0, 3.0])  # real tensors: Re/Conj themselves, Im 0, Mod |x|, Arg 0 or pi
    np.testing.assert_allclose(tm.complex_(generic, tf.constant(x)).numpy(), np.real(fn(x.astype(complex))))


def test_complex_group_errors():
    with pytest.raises(ValueError, match="Complex group"):
        tm.complex_("Abs", tf.constant(1.0))
    with pytest.raises(TypeError, match="`z`"):
        tm.complex_("Re", 1 + 2j)


def test_as_array_of_symbolic_tensor_is_refused():
    errors = []

    @tf.function(input_signature=[tf.TensorSpec([2], tf.float32)])
    def f(x):
        try:
            tm.as_array(x)
        except ValueError as e:
            errors.append(e)
        return x

    f.get_concrete_function()
    assert errors and "`x`" in str(errors[0])


def test_as_vector_uses_r_order_and_r_conversions():
    x = tf.constant([[1.7, -2.7], [3.5, 0.0]])
    expected = np.float32([[1.7, -2.7], [3.5, 0.0]]).reshape(-1, order="F")
    np.testing.assert_allclose(tm.as_vector(x, "double"), expected)
    ints = tm.as_vector(x, "integer")
    assert ints.dtype == np.int32
    np.testing.assert_array_equal(ints, [1, 3, -2, 0])  # truncation toward zero, as R
    np.testing.assert_array_equal(tm.as_vector(x, "logical"), [True, True, True, False])
    assert tm.as_vector(tf.constant(5), "double").tolist() == [5.0]


@pytest.mark.parametrize("bad", [[float("nan")], [3e9]])
def test_as_vector_integer_refuses_what_r_would_make_na(bad):
    with pytest.raises(ValueError, match="x"):
        tm.as_vector(tf.constant(bad, tf.float64), "integer")


def test_as_vector_refuses_strings_and_bad_mode():
    with pytest.raises(TypeError, match="x"):
        tm.as_vector(tf.constant(["a"]), "double")
    with pytest.raises(ValueError, match="mode"):
        tm.as_vector(tf.constant([1]), "complex")


def test_format_and_str():
    assert tm.format_tensor(tf.constant([1.0, 2.0])) == "tf.Tensor([1. 2.], shape=(2), dtype=float32)"
    assert tm.str_tensor(tf.constant([[1, 2, 3], [4, 5, 6]])) == "<tf.Tensor> int32 [1:2, 1:3] 1 4 2 5 3 6"
    assert tm.str_tensor(tf.range(20)).endswith("8 9 ...")
    assert tm.str_tensor(tf.Variable([True])) == "<tf.Variable> bool [1:1] TRUE"


# --- shape --------------------------------------------------------------------------------------


def test_shape_builds_tensor_shapes():
    assert tm.shape([None, 10.0]).as_list() == [None, 10]
    assert tm.shape([-1, 28, 28, 1]).as_list() == [None, 28, 28, 1]
    assert tm.shape([]).rank == 0
    assert tm.shape(None).rank is None
    assert tm.shape(5).as_list() == [5]
    assert tm.shape(tf.constant([3, 4])).as_list() == [3, 4]


@pytest.mark.parametrize(
    "bad, where", [([2.5], r"dims\[1\]"), ([3, -2], r"dims\[2\]"), ([True], r"dims\[1\]")]
)
def test_shape_refuses_bad_sizes(bad, where):
    with pytest.raises(ValueError, match=where):
        tm.shape(bad)
