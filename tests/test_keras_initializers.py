import keras
import numpy as np
import pytest

from rkeras_bridge import (
    initializer_constant,
    initializer_glorot_normal,
    initializer_glorot_uniform,
    initializer_he_normal,
    initializer_he_uniform,
    initializer_identity,
    initializer_lecun_normal,
    initializer_lecun_uniform,
    initializer_ones,
    initializer_orthogonal,
    initializer_random_normal,
    initializer_random_uniform,
    initializer_truncated_normal,
    initializer_variance_scaling,
    initializer_zeros,
    layer_dense,
)


def test_random_normal_sample_mean_and_sd():
    values = np.asarray(initializer_random_normal(mean=1.0, stddev=0.02, seed=1.0)((400, 250)))
    assert abs(values.mean() - 1.0) < 0.001 and abs(values.std() - 0.02) < 0.001
    default = np.asarray(initializer_random_normal(seed=2)((400, 250)))
    assert abs(default.mean()) < 0.001 and abs(default.std() - 0.05) < 0.001


def test_random_uniform_range_and_moments():
    values = np.asarray(initializer_random_uniform(minval=0, maxval=0.05, seed=3)((200, 200)))
    assert values.min() >= 0 and values.max() < 0.05
    assert abs(values.mean() - 0.025) < 0.001 and abs(values.std() - 0.05 / np.sqrt(12)) < 0.001
    default = np.asarray(initializer_random_uniform(seed=4)((200, 200)))
    assert default.min() >= -0.05 and default.max() < 0.05 and abs(default.mean()) < 0.001


def test_glorot_uniform_limit():
    fan_in, fan_out = 300, 100
    values = np.asarray(initializer_glorot_uniform(seed=5)((fan_in, fan_out)))
    limit = np.sqrt(6 / (fan_in + fan_out))
    assert values.min() >= -limit and values.max() <= limit
    assert abs(values.std() - limit / np.sqrt(3)) < 0.003


def test_zeros_and_seeded_initializers_are_reproducible_in_layers():
    assert not np.asarray(initializer_zeros()((3, 4))).any()
    a = layer_dense(units=3, kernel_initializer=initializer_random_normal(seed=7))
    b = layer_dense(units=3, kernel_initializer=initializer_random_normal(seed=7))
    a.build((None, 2))
    b.build((None, 2))
    np.testing.assert_array_equal(a.kernel.numpy(), b.kernel.numpy())
    assert isinstance(initializer_glorot_uniform(), keras.initializers.GlorotUniform)


@pytest.mark.parametrize(
    "make, name",
    [
        (lambda: initializer_random_normal(stddev=-1), "stddev"),
        (lambda: initializer_random_normal(mean="0"), "mean"),
        (lambda: initializer_random_uniform(minval=1, maxval=0), "maxval"),
        (lambda: initializer_glorot_uniform(seed=1.5), "seed"),
        (lambda: initializer_glorot_uniform(seed=-1), "seed"),
        (lambda: initializer_constant("a"), "value"),
        (lambda: initializer_truncated_normal(stddev=-0.1), "stddev"),
        (lambda: initializer_variance_scaling(scale=0), "scale"),
        (lambda: initializer_variance_scaling(mode="fan"), "mode"),
        (lambda: initializer_variance_scaling(distribution="gamma"), "distribution"),
        (lambda: initializer_orthogonal(gain="x"), "gain"),
        (lambda: initializer_he_normal(seed=0.5), "seed"),
    ],
)
def test_bad_arguments_name_the_argument(make, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        make()


def draw(init, shape):
    return np.asarray(init(shape)).astype(np.float64)


def test_ones_and_constant():
    np.testing.assert_array_equal(draw(initializer_ones(), (2, 3)), np.ones((2, 3)))
    np.testing.assert_allclose(draw(initializer_constant(0.25), (2, 3)), np.full((2, 3), 0.25))
    np.testing.assert_array_equal(draw(initializer_constant(), (4,)), np.zeros(4))
    # one value per unit (e.g. a bias), as an R vector
    np.testing.assert_allclose(draw(initializer_constant([1.0, 2.0, 3.0]), (2, 3)), [[1, 2, 3], [1, 2, 3]])


def test_truncated_normal_stays_within_two_sd():
    values = draw(initializer_truncated_normal(mean=1.0, stddev=0.1, seed=3), (300, 300))
    assert values.min() >= 0.8 and values.max() <= 1.2
    assert abs(values.mean() - 1.0) < 0.001
    assert abs(values.std() - 0.1 * 0.87962566) < 0.001  # the sd of N(0, 1) truncated at +/- 2


def test_variance_scaling_normal_is_keras_2_truncated_and_uniform_has_its_limit():
    fan_in, fan_out = 200, 300
    init = initializer_variance_scaling(scale=2.0, seed=1)  # R's default vectors mean fan_in, normal
    values = draw(init, (fan_in, fan_out))
    stddev = np.sqrt(2.0 / fan_in) / 0.87962566103423978
    assert np.abs(values).max() <= 2 * stddev + 1e-7
    assert abs(values.std() - np.sqrt(2.0 / fan_in)) < 0.002  # corrected: variance scale / n
    init = initializer_variance_scaling(mode=["fan_in", "fan_out", "fan_avg"],
                                        distribution=["normal", "uniform"])
    assert (init.mode, init.distribution) == ("fan_in", "truncated_normal")
    init = initializer_variance_scaling(scale=3, mode="fan_a", distribution="unif", seed=2)  # match.arg
    values = draw(init, (fan_in, fan_out))
    limit = np.sqrt(3 * 3 / ((fan_in + fan_out) / 2))
    assert values.min() >= -limit and values.max() <= limit and values.max() > 0.98 * limit


@pytest.mark.parametrize("make, scale, fan, uniform", [
    (initializer_glorot_normal, 1, "avg", False), (initializer_he_normal, 2, "in", False),
    (initializer_he_uniform, 2, "in", True), (initializer_lecun_normal, 1, "in", False),
    (initializer_lecun_uniform, 1, "in", True),
])
def test_named_variance_scaling_initializers(make, scale, fan, uniform):
    fan_in, fan_out = 150, 250
    values = draw(make(seed=4), (fan_in, fan_out))
    n = {"in": fan_in, "avg": (fan_in + fan_out) / 2}[fan]
    assert abs(values.std() - np.sqrt(scale / n)) < 0.03 * np.sqrt(scale / n)
    bound = np.sqrt(3 * scale / n) if uniform else 2 * np.sqrt(scale / n) / 0.87962566103423978
    assert np.abs(values).max() <= bound + 1e-6


def test_orthogonal_and_identity():
    q = draw(initializer_orthogonal(gain=2, seed=5), (6, 4))
    np.testing.assert_allclose(q.T @ q, 4 * np.eye(4), atol=1e-5)
    np.testing.assert_array_equal(draw(initializer_identity(gain=0.5), (3, 3)), 0.5 * np.eye(3))
    layer = layer_dense(units=4, kernel_initializer=initializer_identity())
    layer.build((None, 4))
    np.testing.assert_array_equal(layer.kernel.numpy(), np.eye(4))
