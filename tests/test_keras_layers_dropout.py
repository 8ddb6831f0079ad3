"""Dropout layers (R keras ``layers-dropout.R``): dropout and spatial dropout masks while training."""
import keras
import numpy as np
import pytest

from rkeras_bridge import (
    keras_model_sequential,
    layer_dense,
    layer_dropout,
    layer_reshape,
    layer_spatial_dropout_1d,
    layer_spatial_dropout_2d,
    layer_spatial_dropout_3d,
)


@pytest.fixture(autouse=True)
def _seeded():
    keras.utils.set_random_seed(2)


def _whole_channels_dropped(out, x, rate, spatial_axes):
    """Every channel of every sample is either all zeros or all x / (1 - rate) over the spatial axes."""
    zero = np.all(out == 0, axis=spatial_axes)
    scaled = np.all(np.isclose(out, x / (1 - rate), rtol=1e-6), axis=spatial_axes)
    return np.all(zero ^ scaled), zero.mean()


def test_dropout_scales_kept_values_and_shares_the_mask_along_noise_shape():
    x = np.ones((200, 50), "float32")
    np.testing.assert_array_equal(layer_dropout(x, rate=0.5).numpy(), x)
    out = layer_dropout(rate=0.4, seed=3.0)(x, training=True).numpy()
    assert set(np.unique(out)) <= {0.0, np.float32(1 / 0.6)}
    assert abs((out == 0).mean() - 0.4) < 0.03
    shared = layer_dropout(rate=0.5, noise_shape=[200, 1])(x, training=True).numpy()
    assert np.all((shared == 0).all(axis=1) | (shared != 0).all(axis=1))


def test_spatial_dropout_1d_drops_whole_channels():
    x = np.random.default_rng(1).uniform(1, 2, size=(100, 6, 40)).astype("float32")
    layer = layer_spatial_dropout_1d(rate=0.25)
    np.testing.assert_array_equal(layer(x).numpy(), x)
    whole, dropped = _whole_channels_dropped(layer(x, training=True).numpy(), x, 0.25, 1)
    assert whole and abs(dropped - 0.25) < 0.03


def test_spatial_dropout_2d_and_3d_in_both_data_formats():
    x = np.random.default_rng(2).uniform(1, 2, size=(60, 3, 4, 30)).astype("float32")
    whole, dropped = _whole_channels_dropped(layer_spatial_dropout_2d(rate=0.5)(x, training=True).numpy(),
                                             x, 0.5, (1, 2))
    assert whole and abs(dropped - 0.5) < 0.05
    first = np.transpose(x, (0, 3, 1, 2))
    out = layer_spatial_dropout_2d(rate=0.5, data_format="channels_first")(first, training=True).numpy()
    assert _whole_channels_dropped(out, first, 0.5, (2, 3))[0]
    vol = np.random.default_rng(3).uniform(1, 2, size=(40, 2, 2, 3, 20)).astype("float32")
    out = layer_spatial_dropout_3d(rate=0.2)(vol, training=True).numpy()
    assert _whole_channels_dropped(out, vol, 0.2, (1, 2, 3))[0]


def test_spatial_dropout_in_sequential_models_as_keras_2_2_4_tests_build_them():
    for shape, make in (([2, 16], layer_spatial_dropout_1d), ([2, 4, 4], layer_spatial_dropout_2d),
                        ([2, 2, 2, 4], layer_spatial_dropout_3d)):
        model = keras_model_sequential()
        layer_dense(model, units=32, input_shape=[784])
        layer_reshape(model, target_shape=shape)
        make(model, rate=0.5)
        assert model.output_shape == (None, *shape)


@pytest.mark.parametrize(("call", "name"), [
    (lambda: layer_spatial_dropout_1d(rate=1.0), "rate"),
    (lambda: layer_spatial_dropout_2d(rate=None), "rate"),
    (lambda: layer_spatial_dropout_3d(rate=0.5, data_format="last"), "data_format"),
    (lambda: layer_dropout(rate=-0.1), "rate"),
])
def test_bad_arguments_name_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"`{name}`.*Received: {name}="):
        call()
