"""k_* element-wise, comparison, reduction, shape, creation and control-flow functions against NumPy."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    k_all, k_any, k_arange, k_argmin, k_constant, k_cos, k_cumprod, k_cumsum, k_elu, k_equal, k_eye,
    k_flatten, k_foldl, k_foldr, k_greater, k_greater_equal, k_hard_sigmoid, k_identity, k_l2_normalize,
    k_less, k_less_equal, k_logsumexp, k_map_fn, k_maximum, k_min, k_minimum, k_not_equal, k_one_hot,
    k_ones, k_prod, k_random_binomial, k_random_normal_variable, k_random_uniform_variable, k_relu,
    k_repeat, k_repeat_elements, k_reverse, k_round, k_sign, k_sin, k_softplus, k_softsign, k_squeeze,
    k_std, k_stop_gradient, k_sum, k_switch, k_tile, k_truncated_normal, k_unstack, k_var,
)

RNG = np.random.default_rng(0)
A = RNG.normal(size=(3, 4)).astype(np.float32)


def close(actual, expected, **kw):
    np.testing.assert_allclose(np.asarray(actual), expected, rtol=kw.get("rtol", 1e-5),
                               atol=kw.get("atol", 1e-6))


def test_elementwise_against_numpy():
    x = tf.constant(A)
    close(k_cos(x), np.cos(A))
    close(k_sin(x), np.sin(A))
    close(k_sign(x), np.sign(A))
    close(k_softplus(x), np.log1p(np.exp(A)))
    close(k_softsign(x), A / (1 + np.abs(A)))
    close(k_hard_sigmoid(x), np.clip(0.2 * A + 0.5, 0, 1))
    close(k_round(tf.constant([0.5, 1.5, 2.5, -0.5, 2.4])), np.round([0.5, 1.5, 2.5, -0.5, 2.4]))  # to even
    close(k_identity(x), A)
    close(k_relu(x), np.maximum(A, 0))
    close(k_relu(x, alpha=0.1, max_value=0.5), np.minimum(np.maximum(A, 0), 0.5) - 0.1 * np.maximum(-A, 0))
    close(k_elu(x, alpha=2.0), np.where(A > 0, A, 2 * (np.exp(A) - 1)), rtol=1e-5)
    close(k_l2_normalize(x, axis=2), A / np.linalg.norm(A, axis=1, keepdims=True))
    close(k_l2_normalize(x), A / np.linalg.norm(A))


def test_stop_gradient_blocks_the_gradient():
    v = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = v * k_stop_gradient(v) + k_stop_gradient([v])[0]
    assert float(tape.gradient(y, v)) == 3.0


def test_comparisons_and_pairs():
    x, y = tf.constant([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 1.0])
    xs = np.array([1.0, 2.0, 3.0])
    assert k_equal(x, y).numpy().tolist() == (xs == y).tolist()
    assert k_not_equal(x, y).numpy().tolist() == (xs != y).tolist()
    assert k_greater(x, y).numpy().tolist() == (xs > y).tolist()
    assert k_greater_equal(x, 2).numpy().tolist() == (xs >= 2).tolist()
    assert k_less(x, y).numpy().tolist() == (xs < y).tolist()
    assert k_less_equal(x, 2).numpy().tolist() == (xs <= 2).tolist()
    close(k_maximum(x, y), np.maximum(xs, y))
    close(k_minimum(x, 2), np.minimum(xs, 2))
    assert k_maximum(x, y).dtype == tf.float32  # the R array takes the tensor's dtype


def test_reductions_take_1_based_axes():
    x = tf.constant(A)
    close(k_min(x, axis=1), A.min(axis=0))
    close(k_prod(x, axis=2, keepdims=True), A.prod(axis=1, keepdims=True))
    close(k_logsumexp(x, axis=-1), np.log(np.exp(A).sum(axis=1)))
    close(k_std(x, axis=1), A.std(axis=0), rtol=1e-4)
    close(k_var(x), A.var(), rtol=1e-4)
    b = np.array([[True, False], [True, True]])
    assert k_all(tf.constant(b), axis=2).numpy().tolist() == b.all(axis=1).tolist()
    assert k_any(tf.constant(b), axis=1).numpy().tolist() == b.any(axis=0).tolist()
    assert bool(k_all(tf.constant([1.0, 2.0]))) and not bool(k_any(tf.constant([0.0, 0.0])))
    assert k_argmin(x).numpy().tolist() == A.argmin(axis=1).tolist()  # 0-based, as R keras returned
    assert k_argmin(x, axis=1).numpy().tolist() == A.argmin(axis=0).tolist()
    close(k_cumsum(x), A.cumsum(axis=0))
    close(k_cumprod(x, axis=2), A.cumprod(axis=1), rtol=1e-5)
    close(k_std(tf.constant([True, False])), 0.5)  # logicals count in floatx


def test_shapes():
    x = tf.constant(np.arange(24).reshape(2, 3, 4))
    assert k_flatten(x).numpy().tolist() == list(range(24))  # row-major
    assert k_squeeze(tf.zeros((2, 1, 3)), axis=2).shape == (2, 3)
    assert k_squeeze(tf.zeros((2, 3, 1)), axis=-1).shape == (2, 3)
    r = k_repeat(tf.constant([[1, 2], [3, 4]]), 3)
    assert r.shape == (2, 3, 2) and r.numpy()[1, 2].tolist() == [3, 4]
    assert k_repeat_elements(x, 2, axis=3).numpy().tolist() == np.repeat(x.numpy(), 2, axis=2).tolist()
    assert k_reverse(x, axes=[1, 3]).numpy().tolist() == x.numpy()[::-1, :, ::-1].tolist()
    assert k_tile(x, [1, 2, 1]).numpy().tolist() == np.tile(x.numpy(), (1, 2, 1)).tolist()
    assert k_tile(tf.constant([1, 2]), 2).numpy().tolist() == [1, 2, 1, 2]
    parts = k_unstack(x, axis=2)
    assert len(parts) == 3 and parts[1].numpy().tolist() == x.numpy()[:, 1, :].tolist()
    assert k_unstack(x)[1].numpy().tolist() == x.numpy()[1].tolist()


def test_one_hot_arange_and_creation():
    assert k_one_hot([0.0, 2.0, 1.0], 3).numpy().tolist() == np.eye(3)[[0, 2, 1]].tolist()  # 0-based ids
    assert k_one_hot(tf.constant([[1, 0]]), 2).shape == (1, 2, 2)
    assert k_one_hot([0, 2], 3).dtype == tf.float32
    assert k_arange(10.0).numpy().tolist() == list(range(10))
    assert k_arange(1, 11, 2).numpy().tolist() == list(range(1, 11, 2))
    assert k_arange(-3).numpy().tolist() == []  # a negative start alone counts from 0, as Keras
    assert k_arange(5, 0, -2, dtype="float32").numpy().tolist() == [5.0, 3.0, 1.0]
    e = k_eye(3)
    assert isinstance(e, tf.Variable) and e.numpy().tolist() == np.eye(3).tolist()
    assert k_eye([2, 3]).shape == (2, 3)
    o = k_ones([2.0, 3.0], dtype="int32")
    assert isinstance(o, tf.Variable) and o.dtype == tf.int32 and o.numpy().sum() == 6


def test_random_draws():
    t = k_truncated_normal([5000], mean=1.0, stddev=2.0, seed=3)
    assert np.array_equal(t.numpy(), k_truncated_normal([5000], mean=1.0, stddev=2.0, seed=3).numpy())
    assert t.numpy().min() >= 1 - 4 and t.numpy().max() <= 1 + 4 and abs(t.numpy().mean() - 1) < 0.1
    b = k_random_binomial([10000], p=0.3, seed=1).numpy()
    assert set(np.unique(b)) <= {0.0, 1.0} and abs(b.mean() - 0.3) < 0.02
    assert k_random_binomial([4], p=0).numpy().sum() == 0
    n = k_random_normal_variable([2000], 5, 0.5, seed=2)
    assert isinstance(n, tf.Variable)
    assert abs(n.numpy().mean() - 5) < 0.05 and abs(n.numpy().std() - 0.5) < 0.05
    u = k_random_uniform_variable([2000], -2, 2, seed=2).numpy()
    assert u.min() >= -2 and u.max() < 2 and abs(u.mean()) < 0.15


def test_switch_map_and_folds():
    cond = tf.constant([True, False, True])
    then, other = tf.constant([[1, 1], [2, 2], [3, 3]]), tf.constant([[9, 9], [8, 8], [7, 7]])
    assert k_switch(cond, then, other).numpy().tolist() == [[1, 1], [8, 8], [3, 3]]
    calls = []

    def branch(value):
        def fn():
            calls.append(value)
            return tf.constant(value)
        return fn

    assert int(k_switch(tf.constant(False), branch(1), branch(2))) == 2 and calls == [2]  # one branch runs
    assert int(k_switch(1, tf.constant(5), tf.constant(6))) == 5
    m = np.arange(6.0).reshape(3, 2)
    close(k_map_fn(lambda row: tf.reduce_sum(row * row), tf.constant(m)), (m * m).sum(axis=1))
    assert k_map_fn(lambda r: tf.cast(r[0] > 1, tf.int32), tf.constant(m), dtype="int32").dtype == tf.int32
    assert int(k_foldl(lambda acc, e: acc * 10 + e, tf.constant([1, 2, 3]))) == 123
    assert int(k_foldr(lambda acc, e: acc * 10 + e, tf.constant([1, 2, 3]))) == 321
    assert int(k_foldl(lambda acc, e: acc + e, tf.constant([1, 2, 3]), initializer=tf.constant(100))) == 106


def test_symbolic_tensors_build_graph_nodes():
    x = keras.Input((3,))
    y = k_sum(k_square_like(x), axis=2)
    assert isinstance(y, keras.KerasTensor) and y.shape == (None,)
    values = np.arange(6.0, dtype="float32").reshape(2, 3)
    out = keras.Model(x, y)(values)
    close(out, (np.cos(values) ** 2).sum(axis=1), rtol=1e-5)


def k_square_like(x):
    return k_maximum(k_cos(x), k_cos(x)) * k_cos(x)


@pytest.mark.parametrize("call, argument", [
    (lambda: k_squeeze(tf.zeros((2, 3)), axis=1), "axis"),
    (lambda: k_repeat(tf.zeros((2, 3, 4)), 2), "x"),
    (lambda: k_repeat_elements(tf.zeros((2,)), 1.5, axis=1), "rep"),
    (lambda: k_reverse(tf.zeros((2,)), axes=3), "axes"),
    (lambda: k_tile(tf.zeros((2, 2)), [1, 2, 3]), "n"),
    (lambda: k_one_hot([0.5], 3), "indices"),
    (lambda: k_one_hot([0], 0), "num_classes"),
    (lambda: k_arange(1, 5, 0), "step"),
    (lambda: k_eye([1, 2, 3]), "size"),
    (lambda: k_relu(tf.zeros(2), alpha="a"), "alpha"),
    (lambda: k_random_binomial([2], p=2), "p"),
    (lambda: k_random_uniform_variable([2], 1, 0), "high"),
    (lambda: k_map_fn(3, tf.zeros(2)), "fn"),
    (lambda: k_switch(tf.zeros((2, 2, 2), tf.bool), tf.zeros(2), tf.zeros(2)), "condition"),
    (lambda: k_cumsum(tf.zeros(2), axis=0), "axis"),
])
def test_bad_input_names_the_argument(call, argument):
    with pytest.raises(ValueError, match=rf"`{argument}`.*Received: {argument}="):
        call()


def test_constants_keep_r_semantics():
    # k_constant of R numbers is floatx: comparisons against R numbers then compare as floats
    assert k_equal(k_constant([1, 2]), 2.0).numpy().tolist() == [False, True]
