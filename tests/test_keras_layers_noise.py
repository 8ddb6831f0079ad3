"""Noise layers (R keras ``layers-noise.R``): statistics of the noise while training, identity otherwise."""
import keras
import numpy as np
import pytest

from rkeras_bridge import (
    keras_model_sequential,
    layer_alpha_dropout,
    layer_dense,
    layer_gaussian_dropout,
    layer_gaussian_noise,
    layer_reshape,
)

ALPHA_P = -1.6732632423543772848170429916717 * 1.0507009873554804934193349852946  # SELU's -alpha * scale


@pytest.fixture(autouse=True)
def _seeded():
    keras.utils.set_random_seed(1)


def _x(n=20000):
    return np.random.default_rng(5).uniform(1, 2, size=(4, n)).astype("float32")


def test_gaussian_noise_adds_noise_of_stddev_while_training_only():
    x = _x()
    layer = layer_gaussian_noise(stddev=0.5)
    np.testing.assert_array_equal(layer(x).numpy(), x)
    noise = layer(x, training=True).numpy() - x
    assert abs(noise.mean()) < 0.02 and abs(noise.std() - 0.5) < 0.02


def test_gaussian_dropout_multiplies_by_noise_of_mean_1():
    x = _x()
    layer = layer_gaussian_dropout(rate=0.2)
    np.testing.assert_array_equal(layer(x).numpy(), x)
    factor = layer(x, training=True).numpy() / x
    assert abs(factor.mean() - 1) < 0.02 and abs(factor.std() - np.sqrt(0.2 / 0.8)) < 0.02


def test_alpha_dropout_sets_dropped_values_to_the_selu_saturation_and_rescales():
    x = _x()
    rate = 0.3
    layer = layer_alpha_dropout(rate=rate, seed=4.0)
    np.testing.assert_array_equal(layer(x).numpy(), x)
    out = layer(x, training=True).numpy()
    a = ((1 - rate) * (1 + rate * ALPHA_P ** 2)) ** -0.5
    b = -a * ALPHA_P * rate
    kept = np.isclose(out, a * x + b, atol=1e-5)
    dropped = np.isclose(out, a * ALPHA_P + b, atol=1e-5)
    assert np.all(kept | dropped)
    assert abs(dropped.mean() - rate) < 0.02


def test_noise_layers_in_sequential_models_as_keras_2_2_4_tests_build_them():
    for make in (lambda m: layer_gaussian_noise(m, stddev=0.5), lambda m: layer_gaussian_dropout(m, rate=0.5),
                 lambda m: layer_alpha_dropout(m, rate=0.5)):
        model = keras_model_sequential()
        layer_dense(model, units=32, input_shape=[784])
        layer_reshape(model, target_shape=[2, 16])
        make(model)
        assert model.output_shape == (None, 2, 16)
    model = keras_model_sequential()
    layer_gaussian_noise(model, stddev=1, input_shape=[3])
    assert model.input_shape == (None, 3)


@pytest.mark.parametrize(("call", "name"), [
    (lambda: layer_gaussian_noise(stddev=-1), "stddev"),
    (lambda: layer_gaussian_noise(stddev=None), "stddev"),
    (lambda: layer_gaussian_dropout(rate=1), "rate"),
    (lambda: layer_alpha_dropout(rate="0.5"), "rate"),
    (lambda: layer_alpha_dropout(rate=0.5, seed=1.5), "seed"),
    (lambda: layer_alpha_dropout(rate=0.5, noise_shape=[1.5]), r"noise_shape\[1\]"),
])
def test_bad_arguments_name_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"`{name}`.*Received: {name}="):
        call()
