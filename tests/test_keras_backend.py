import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    k_abs, k_argmax, k_batch_dot, k_batch_flatten, k_cast, k_cast_to_floatx, k_clip, k_concatenate,
    k_constant, k_dot, k_epsilon, k_exp, k_expand_dims, k_floatx, k_gather, k_log, k_max, k_mean,
    k_ones_like, k_permute_dimensions, k_pow, k_random_normal, k_random_uniform, k_reshape, k_set_floatx,
    k_shape, k_sigmoid, k_softmax, k_sqrt, k_square, k_stack, k_sum, k_tanh, k_transpose, k_zeros,
    k_zeros_like, matrix,
)

X = np.array([[1.0, 9.0, 3.0], [7.0, 0.0, 2.0]], dtype=np.float32)


def test_elementwise_functions():
    x = k_constant([-1.0, 0.0, 2.0])
    np.testing.assert_allclose(k_abs(x).numpy(), [1, 0, 2])
    np.testing.assert_allclose(k_exp(x).numpy(), np.exp([-1, 0, 2]), rtol=1e-6)
    np.testing.assert_allclose(k_log(k_constant([1.0, np.e])).numpy(), [0, 1], atol=1e-6)
    np.testing.assert_allclose(k_square(x).numpy(), [1, 0, 4])
    np.testing.assert_allclose(k_sigmoid(x).numpy(), 1 / (1 + np.exp([1.0, 0.0, -2.0])), rtol=1e-6)
    np.testing.assert_allclose(k_tanh(x).numpy(), np.tanh([-1, 0, 2]), rtol=1e-6)
    # tf.keras 2.x clipped at 0 before the square root
    np.testing.assert_allclose(k_sqrt(x).numpy(), [0, 0, np.sqrt(2)], rtol=1e-6)


def test_pow_and_clip():
    np.testing.assert_allclose(k_pow(k_constant([2.0, 3.0]), 3).numpy(), [8, 27])
    np.testing.assert_allclose(k_pow(k_constant([4.0]), 0.5).numpy(), [2])
    assert k_pow(tf.constant([2, 3]), 2.0).numpy().tolist() == [4, 9]  # R's 2 on an integer tensor
    with pytest.raises(ValueError, match="`a`"):
        k_pow(tf.constant([2]), 0.5)
    np.testing.assert_allclose(k_clip(k_constant([-2.0, 0.5, 3.0]), 0, 1).numpy(), [0, 0.5, 1])
    np.testing.assert_allclose(k_clip(k_constant([-2.0, 3.0]), None, 1).numpy(), [-2, 1])
    np.testing.assert_allclose(k_clip(k_constant([-2.0, 3.0]), 1, 0).numpy(), [1, 1])  # max < min: max = min
    assert k_clip(tf.constant([1, 5, 9]), 2, None).numpy().tolist() == [2, 5, 9]


def test_reductions_take_1_based_axes():
    x = k_constant(X)
    np.testing.assert_allclose(k_max(x, axis=1).numpy(), [7, 9, 3])
    np.testing.assert_allclose(k_max(x, axis=-1).numpy(), [9, 7])
    np.testing.assert_allclose(k_mean(x, axis=2).numpy(), [13 / 3, 3], rtol=1e-6)
    np.testing.assert_allclose(k_sum(x, axis=2, keepdims=True).numpy(), [[13], [9]])
    assert float(k_sum(x, axis=[1, 2])) == 22 and float(k_sum(x)) == 22
    assert float(k_mean(tf.constant([True, False]))) == 0.5  # logicals count in floatx
    with pytest.raises(ValueError, match="`axis`.*0 is not an axis"):
        k_sum(x, axis=0)
    with pytest.raises(ValueError, match="`keepdims`"):
        k_sum(x, axis=1, keepdims="yes")


def test_argmax_is_0_based_and_softmax_axis_is_1_based():
    result = k_argmax(k_constant(X))
    assert result.dtype == tf.int64 and result.numpy().tolist() == [1, 0]
    assert k_argmax(k_constant(X), axis=1).numpy().tolist() == [1, 0, 0]
    s = k_softmax(k_constant([[1.0, 1.0], [0.0, 0.0]]), axis=1).numpy()
    np.testing.assert_allclose(s, [[1 / (1 + np.e ** -1), 1 / (1 + np.e ** -1)],
                                   [1 / (1 + np.e), 1 / (1 + np.e)]], rtol=1e-6)
    np.testing.assert_allclose(k_softmax(k_constant([[0.0, np.log(3.0)]])).numpy(), [[0.25, 0.75]], rtol=1e-6)


def test_shapes():
    x = tf.reshape(tf.range(24.0), (2, 3, 4))
    assert k_shape(x).numpy().tolist() == [2, 3, 4]
    np.testing.assert_array_equal(k_reshape(tf.range(6), [2.0, -1.0]).numpy(), [[0, 1, 2], [3, 4, 5]])
    assert k_batch_flatten(x).numpy().tolist() == tf.reshape(x, (2, 12)).numpy().tolist()
    assert k_expand_dims(x, axis=1).shape == (1, 2, 3, 4)
    assert k_expand_dims(x).shape == (2, 3, 4, 1)
    permuted = k_permute_dimensions(x, [3, 1, 2])
    assert permuted.shape == (4, 2, 3) and float(permuted[1, 0, 2]) == float(x[0, 2, 1])
    assert k_transpose(k_constant(X)).numpy().tolist() == X.T.tolist()
    with pytest.raises(ValueError, match="`pattern`"):
        k_permute_dimensions(x, [1, 1, 2])


def test_concatenate_and_stack():
    a, b = k_constant([[1.0], [2.0]]), k_constant([[3.0, 4.0], [5.0, 6.0]])
    assert k_concatenate([a, b]).numpy().tolist() == [[1, 3, 4], [2, 5, 6]]
    assert k_concatenate([b, b], axis=1).shape == (4, 2)
    stacked = k_stack([k_constant([1.0, 2.0]), k_constant([3.0, 4.0])])
    assert stacked.numpy().tolist() == [[1, 2], [3, 4]]
    stacked2 = k_stack([k_constant([1.0, 2.0]), k_constant([3.0, 4.0])], axis=2)
    assert stacked2.numpy().tolist() == [[1, 3], [2, 4]]
    with pytest.raises(ValueError, match="`tensors`"):
        k_concatenate(a)


def test_gather_is_1_based_for_numbers_0_based_for_tensors():
    ref = k_constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    assert k_gather(ref, [3.0, 1.0]).numpy().tolist() == [[5, 6], [1, 2]]
    assert k_gather(ref, 2).numpy().tolist() == [3, 4]
    assert k_gather(ref, matrix([1, 3], nrow=1)).shape == (1, 2, 2)
    assert k_gather(ref, tf.constant([0])).numpy().tolist() == [[1, 2]]
    with pytest.raises(ValueError, match="`indices`"):
        k_gather(ref, [0])
    with pytest.raises(ValueError, match="between 1 and 3"):
        k_gather(ref, [4])
    with pytest.raises(ValueError, match="`indices`"):
        k_gather(ref, [1.5])


def test_dot_and_batch_dot():
    assert k_dot(k_constant([[1.0, 2.0]]), k_constant([[3.0], [4.0]])).numpy().tolist() == [[11]]
    x = np.arange(6.0).reshape(2, 3)
    y = np.arange(60.0).reshape(4, 3, 5)
    np.testing.assert_allclose(k_dot(tf.constant(x, tf.float32), y).numpy(), np.einsum("ij,kjl->ikl", x, y))
    assert k_dot(x, tf.ones((3, 5))).dtype == tf.float32  # an R array takes the tensor's dtype
    a = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(k_batch_dot(a, a, axes=2).numpy(), [[5], [50]])  # rank 1 becomes (batch, 1)
    x3, y3 = np.random.rand(4, 2, 3), np.random.rand(4, 5, 3)
    np.testing.assert_allclose(k_batch_dot(x3, y3, axes=[3, 3]).numpy(), np.einsum("bij,bkj->bik", x3, y3))
    assert k_batch_dot(tf.zeros((32, 20)), tf.zeros((32, 30, 20)), axes=[2, 3]).shape == (32, 30)
    with pytest.raises(ValueError, match="batch axis"):
        k_batch_dot(a, a, axes=1)


def test_floatx_epsilon_and_casts():
    assert k_epsilon() == 1e-07 and k_floatx() == "float32"
    try:
        k_set_floatx("float64")
        assert k_floatx() == "float64" and k_constant(1).dtype == tf.float64
    finally:
        k_set_floatx("float32")
    with pytest.raises(ValueError, match="`floatx`"):
        k_set_floatx("float8")
    assert k_cast(k_constant([1.7, -1.7]), "int32").numpy().tolist() == [1, -1]
    assert k_cast_to_floatx([1, 2]).dtype == np.float32
    assert k_cast_to_floatx(tf.constant([1, 2])).dtype == tf.float32


def test_creation():
    c = k_constant(2, shape=[2.0, 2.0])
    assert c.dtype == tf.float32 and c.numpy().tolist() == [[2, 2], [2, 2]]
    assert k_constant([1, 2], dtype="int32").dtype == tf.int32
    z = k_zeros([2, 3])
    assert isinstance(z, tf.Variable) and z.dtype == tf.float32 and z.numpy().sum() == 0 and z.shape == (2, 3)
    assert k_zeros_like(k_constant([1.0, 2.0])).numpy().tolist() == [0, 0]
    assert k_ones_like(tf.constant([1, 2]), dtype="float64").numpy().tolist() == [1.0, 1.0]
    with pytest.raises(ValueError, match=r"`shape\[2\]`"):
        k_zeros([2, 2.5])


def test_random_draws_are_seeded_and_distributed():
    a = k_random_normal([2000], mean=3, stddev=2, seed=1)
    assert a.dtype == tf.float32 and a.shape == (2000,)
    assert np.array_equal(a.numpy(), k_random_normal([2000], mean=3, stddev=2, seed=1).numpy())
    assert abs(a.numpy().mean() - 3) < 0.2 and abs(a.numpy().std() - 2) < 0.2
    u = k_random_uniform([2.0, 1000.0], minval=-1, maxval=1, seed=3)
    assert u.shape == (2, 1000) and -1 <= u.numpy().min() and u.numpy().max() < 1
    assert abs(u.numpy().mean()) < 0.1
    with pytest.raises(ValueError, match="`maxval`"):
        k_random_uniform([2], minval=1, maxval=0)


def test_constant_takes_r_doubles_as_whole_numbers_for_integer_dtypes():
    assert k_constant([1.0, 0.0], dtype="int32").numpy().tolist() == [1, 0]  # R's c(1, 0)
    assert k_constant([1.0, 0.0], dtype="bool").numpy().tolist() == [True, False]
    with pytest.raises(ValueError, match="`value`.*whole numbers"):
        k_constant([1.5], dtype="int32")


def test_core_functions_accept_symbolic_tensors():
    import keras

    x = keras.Input((2, 3))
    y = k_batch_flatten(k_permute_dimensions(k_exp(x), [1, 3, 2]))
    assert y.shape == (None, 6)
    values = np.arange(12.0, dtype="float32").reshape(2, 2, 3)
    np.testing.assert_allclose(keras.Model(x, y)(values).numpy(),
                               np.exp(values).transpose(0, 2, 1).reshape(2, 6), rtol=1e-5)
