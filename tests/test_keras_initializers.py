import keras
import numpy as np
import pytest

from rkeras_bridge import (
    initializer_glorot_uniform,
    initializer_random_normal,
    initializer_random_uniform,
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
    ],
)
def test_bad_arguments_name_the_argument(make, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        make()
