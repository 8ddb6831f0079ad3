import os

import h5py
import numpy as np
import pytest

from rkeras_bridge import (
    application_inception_v3, application_vgg16, application_vgg19, vgg16_weights_from_hed,
)
from rkeras_bridge.keras.applications import VGG16_CONV_LAYERS, hed_weights_path


def _save_legacy_h5(model, path):
    # The Keras 2 layout of the files Keras caches for weights = "imagenet".
    from keras.src.legacy.saving import legacy_h5_format

    with h5py.File(path, "w") as f:
        legacy_h5_format.save_weights_to_hdf5_group(f, model)


def _assert_same_weights(a, b):
    wa, wb = a.get_weights(), b.get_weights()
    assert len(wa) == len(wb) > 0
    for x, y in zip(wa, wb):
        np.testing.assert_array_equal(x, y)


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    return tmp_path / "keras"


def test_vgg16_weights_path_keras3_format(tmp_path):
    source = application_vgg16(include_top=False, weights=None, input_shape=[32.0, 32.0, 3.0])
    path = str(tmp_path / "vgg16.weights.h5")
    source.save_weights(path)
    loaded = application_vgg16(include_top=False, weights=path, input_shape=(32, 32, 3))
    _assert_same_weights(source, loaded)
    assert loaded.output.shape == (None, 1, 1, 512)
    pooled = application_vgg16(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="avg")
    assert pooled.output.shape == (None, 512)


def test_vgg19_weights_path_legacy_h5(tmp_path):
    source = application_vgg19(include_top=False, weights=None, input_shape=(32, 32, 3))
    path = str(tmp_path / "vgg19.h5")
    _save_legacy_h5(source, path)
    loaded = application_vgg19(include_top=False, weights=path, input_shape=(32, 32, 3), pooling="max")
    _assert_same_weights(source, loaded)
    assert len(loaded.get_layer("block5_conv4").get_weights()) == 2


def test_inception_v3_weights_path(tmp_path):
    source = application_inception_v3(include_top=False, weights=None, input_shape=(75, 75, 3))
    path = str(tmp_path / "inception.weights.h5")
    source.save_weights(path)
    loaded = application_inception_v3(include_top=False, weights=path, input_shape=(75, 75, 3))
    _assert_same_weights(source, loaded)


def test_imagenet_reads_the_keras_cache(keras_home):
    source = application_vgg16(include_top=False, weights=None, input_shape=(32, 32, 3))
    os.makedirs(keras_home / "models")
    _save_legacy_h5(source, str(keras_home / "models" / "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"))
    loaded = application_vgg16(include_top=False, input_shape=(32, 32, 3))  # weights = "imagenet"
    _assert_same_weights(source, loaded)


def test_imagenet_without_the_file_says_where_to_put_it(keras_home):
    expected = str(keras_home / "models" / "inception_v3_weights_tf_dim_ordering_tf_kernels.h5")
    with pytest.raises(FileNotFoundError) as info:
        application_inception_v3()
    assert expected in str(info.value) and "never downloads" in str(info.value)
    with pytest.raises(FileNotFoundError, match="vgg16_weights_from_hed"):
        application_vgg16(include_top=False)
    assert not os.path.exists(keras_home / "models")


def test_vgg16_weights_from_hed_copies_the_conv_layers():
    model = application_vgg16(include_top=False, weights=None, input_shape=(32, 32, 3))
    assert vgg16_weights_from_hed(model) is model
    with h5py.File(hed_weights_path(), "r") as f:
        kernel = np.asarray(f["block1/layers/conv2d/vars/0"])
        bias5 = np.asarray(f["block5/layers/conv2d_2/vars/1"])
    np.testing.assert_array_equal(model.get_layer("block1_conv1").get_weights()[0], kernel)
    np.testing.assert_array_equal(model.get_layer("block5_conv3").get_weights()[1], bias5)
    assert kernel.shape == (3, 3, 3, 64) and len(VGG16_CONV_LAYERS) == 13


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(weights="imagenet", classes=10), ValueError, "classes"),
    (dict(weights="imagenet", input_shape=(64, 64, 3)), ValueError, "input_shape"),
    (dict(weights="/no/such/weights.h5"), FileNotFoundError, "weights"),
    (dict(weights=3), ValueError, "weights"),
    (dict(weights=None, include_top="no"), ValueError, "include_top"),
    (dict(weights=None, include_top=False, pooling="mean"), ValueError, "pooling"),
    (dict(weights=None, include_top=False, input_shape=(32, 32)), ValueError, "input_shape"),
    (dict(weights=None, classes=0), ValueError, "classes"),
])
def test_bad_input_names_the_argument(kwargs, error, match):
    with pytest.raises(error, match=match):
        application_vgg16(**kwargs)


def test_hed_loader_bad_input(tmp_path):
    with pytest.raises(TypeError, match="model"):
        vgg16_weights_from_hed("vgg16")
    with pytest.raises(FileNotFoundError, match="path"):
        vgg16_weights_from_hed(application_vgg19(include_top=False, weights=None, input_shape=(32, 32, 3)),
                               path=str(tmp_path / "none.h5"))
    import keras

    small = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3, name="block1_conv1")])
    with pytest.raises(ValueError, match="weight shapes"):
        vgg16_weights_from_hed(small)
