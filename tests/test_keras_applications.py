import json
import os

import h5py
import numpy as np
import pytest

from rkeras_bridge import (
    application_densenet, application_densenet121, application_densenet169, application_densenet201,
    application_inception_resnet_v2, application_inception_v3, application_mobilenet,
    application_mobilenet_v2, application_nasnet, application_nasnetlarge, application_nasnetmobile,
    application_resnet50, application_vgg16, application_vgg19, application_xception,
    densenet_preprocess_input, imagenet_decode_predictions,
    inception_resnet_v2_preprocess_input, inception_v3_preprocess_input, mobilenet_decode_predictions,
    mobilenet_load_model_hdf5, mobilenet_preprocess_input, mobilenet_v2_decode_predictions,
    mobilenet_v2_preprocess_input, nasnet_preprocess_input, save_model_hdf5, vgg16_weights_from_hed,
    xception_preprocess_input,
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


# --- the other applications of R keras 2.2.4 ------------------------------------------------------


def test_xception_and_resnet50_without_top():
    xception = application_xception(include_top=False, weights=None, input_shape=(71, 71, 3), pooling="avg")
    assert xception.output.shape == (None, 2048)
    resnet = application_resnet50(include_top=False, weights=None, input_shape=(32, 32, 3))
    assert resnet.output.shape == (None, 1, 1, 2048)


def test_mobilenet_imagenet_file_depends_on_alpha_and_size(keras_home):
    source = application_mobilenet(input_shape=(128, 128, 3), alpha=0.25, include_top=False, weights=None)
    os.makedirs(keras_home / "models")
    _save_legacy_h5(source, str(keras_home / "models" / "mobilenet_2_5_128_tf_no_top.h5"))
    loaded = application_mobilenet(input_shape=[128.0, 128.0, 3.0], alpha=0.25, include_top=False)
    _assert_same_weights(source, loaded)
    top = application_mobilenet(input_shape=(32, 32, 3), alpha=0.5, weights=None, classes=7, dropout=0.5)
    assert top.output.shape == (None, 7)
    with pytest.raises(FileNotFoundError) as info:
        application_mobilenet_v2(input_shape=(96, 96, 3), alpha=0.35, include_top=False)
    expected = keras_home / "models" / "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5"
    assert str(expected) in str(info.value) and "keras-applications/mobilenet_v2/" in str(info.value)
    v2 = application_mobilenet_v2(input_shape=(32, 32, 3), alpha=0.35, weights=None, classes=3)
    assert v2.output.shape == (None, 3)


def test_mobilenet_saved_and_loaded(tmp_path):
    model = application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=4)
    path = str(tmp_path / "mobilenet.h5")
    save_model_hdf5(model, path)
    loaded = mobilenet_load_model_hdf5(path)
    _assert_same_weights(model, loaded)
    x = np.random.default_rng(0).random((2, 32, 32, 3)).astype(np.float32)
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-5,
                               atol=1e-6)


def test_densenet_blocks_and_the_standard_depths(keras_home):
    small = application_densenet([1.0, 1.0, 1.0, 1.0], weights=None, input_shape=(32, 32, 3), classes=5)
    assert small.output.shape == (None, 5)
    # each block adds 32 channels per building block to the 64 of the stem, halved between blocks
    assert small.get_layer("relu").output.shape[-1] == ((((64 + 32) // 2 + 32) // 2 + 32) // 2 + 32)
    with pytest.raises(ValueError, match="blocks"):
        application_densenet([1, 1, 1, 1], input_shape=(32, 32, 3), include_top=False)  # weights = "imagenet"
    for fn, name in ((application_densenet121, "densenet121"), (application_densenet169, "densenet169"),
                     (application_densenet201, "densenet201")):
        with pytest.raises(FileNotFoundError, match=f"{name}_weights_tf_dim_ordering_tf_kernels_notop.h5"):
            fn(include_top=False)
    with pytest.raises(FileNotFoundError, match="densenet169_weights_tf_dim_ordering_tf_kernels.h5"):
        application_densenet([6, 12, 32, 32])


def test_nasnet_sizes(keras_home):
    model = application_nasnet(input_shape=(32, 32, 3), penultimate_filters=192, num_blocks=1,
                               stem_block_filters=8, include_top=False, pooling="avg")
    assert model.output.shape == (None, 192)
    with pytest.raises(FileNotFoundError, match="NASNet-large-no-top.h5"):
        application_nasnetlarge(include_top=False, weights="imagenet")
    with pytest.raises(FileNotFoundError, match="NASNet-mobile.h5"):
        application_nasnetmobile(weights="imagenet")
    with pytest.raises(ValueError, match="default_size"):
        application_nasnet(weights="imagenet", default_size=300)


@pytest.mark.parametrize("call, name", [
    (lambda: application_xception(), "xception_weights_tf_dim_ordering_tf_kernels.h5"),
    (lambda: application_resnet50(include_top=False), "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"),
    (lambda: application_inception_resnet_v2(),
     "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels.h5"),
    (lambda: application_mobilenet(), "mobilenet_1_0_224_tf.h5"),
    (lambda: application_mobilenet_v2(), "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5"),
])
def test_imagenet_files_of_the_new_applications(keras_home, call, name):
    with pytest.raises(FileNotFoundError) as info:
        call()
    assert str(keras_home / "models" / name) in str(info.value) and "never downloads" in str(info.value)


def test_preprocess_inputs():
    x = np.array([0.0, 127.5, 255.0] * 2).reshape(1, 1, 2, 3)
    for fn in (xception_preprocess_input, inception_v3_preprocess_input, inception_resnet_v2_preprocess_input,
               mobilenet_preprocess_input, mobilenet_v2_preprocess_input, nasnet_preprocess_input):
        np.testing.assert_allclose(fn(x), x / 127.5 - 1, atol=1e-6)
    mean, std = np.array([0.485, 0.456, 0.406]), np.array([0.229, 0.224, 0.225])
    np.testing.assert_allclose(densenet_preprocess_input(x), (x / 255 - mean) / std, rtol=1e-5)
    first = densenet_preprocess_input(np.full((1, 3, 1, 1), 255.0), data_format="channels_first")
    np.testing.assert_allclose(first.ravel(), (1 - mean) / std, rtol=1e-5)
    assert x[0, 0, 0, 1] == 127.5  # not modified


def test_decode_predictions_reads_the_class_index(keras_home):
    with pytest.raises(FileNotFoundError, match="imagenet_class_index.json"):
        imagenet_decode_predictions(np.zeros((1, 1000)))
    os.makedirs(keras_home / "models")
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    (keras_home / "models" / "imagenet_class_index.json").write_text(json.dumps(index))
    preds = np.zeros((2, 1000))
    preds[0, [5, 7, 9]] = [0.2, 0.5, 0.3]
    preds[1, 999] = 1
    decoded = imagenet_decode_predictions(preds, top=3.0)
    assert decoded[0] == {"class_name": ["n00000007", "n00000009", "n00000005"],
                          "class_description": ["class_7", "class_9", "class_5"], "score": [0.5, 0.3, 0.2]}
    assert decoded[1]["class_description"][0] == "class_999"
    assert mobilenet_decode_predictions(preds, top=1) == mobilenet_v2_decode_predictions(preds, top=1)
    assert mobilenet_decode_predictions(preds, top=1)[0]["score"] == [0.5]


@pytest.mark.parametrize("call, error, match", [
    (lambda: application_mobilenet(weights="imagenet", alpha=0.3), ValueError, "alpha"),
    (lambda: application_mobilenet(weights="imagenet", depth_multiplier=2), ValueError, "depth_multiplier"),
    (lambda: application_mobilenet(weights="imagenet", input_shape=(100, 100, 3)), ValueError, "input_shape"),
    (lambda: application_mobilenet(weights=None, dropout=1), ValueError, "dropout"),
    (lambda: application_mobilenet_v2(weights=None, depth_multiplier=2), ValueError, "depth_multiplier"),
    (lambda: application_mobilenet_v2(weights="imagenet", alpha=2), ValueError, "alpha"),
    (lambda: application_densenet([1, 2, 3]), ValueError, "blocks"),
    (lambda: application_nasnet(penultimate_filters=100), ValueError, "penultimate_filters"),
    (lambda: application_nasnet(skip_reduction="no", input_shape=(32, 32, 3)), ValueError, "skip_reduction"),
    (lambda: application_xception(weights=None, pooling="sum", include_top=False), ValueError, "pooling"),
    (lambda: application_resnet50(classes=10), ValueError, "classes"),
    (lambda: imagenet_decode_predictions(np.zeros((1, 10))), ValueError, "preds"),
    (lambda: imagenet_decode_predictions(np.zeros((1, 1000)), top=0), ValueError, "top"),
    (lambda: mobilenet_load_model_hdf5("/no/such/model.h5"), Exception, "filepath"),
])
def test_new_applications_bad_input_names_the_argument(keras_home, call, error, match):
    with pytest.raises(error, match=match):
        call()
