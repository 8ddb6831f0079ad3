"""The image-captioning helpers: digit strips, captions, feature extractors, attention checks."""
import keras
import numpy as np
import pytest

from rkeras_bridge import mnist_5k
from rkeras_bridge.cases.captioning import (
    DIGIT_WORDS, attention_maps, attention_placement, caption_accuracy, caption_data,
    caption_feature_extractor, caption_vocabulary, captions_to_text, digit_strips, digit_windows,
    encode_captions, save_attention_overlay,
)

INDEX = ["<pad>", "<end>", "<start>", "eight", "five", "four", "nine", "one", "seven", "six", "three", "two",
         "zero"]


@pytest.fixture(scope="module")
def digits():
    return mnist_5k()


@pytest.fixture(scope="module")
def data(digits):
    return caption_data(digits["x"], digits["y"], n_train=64, n_test=32, seed=3)


def test_digit_strips_place_each_digit_in_its_slot(digits):
    strips = digit_strips(digits["x"], digits["y"], n=20, jitter=0, seed=1)
    assert strips["x"].shape == (20, 28, 140) and strips["x"].dtype == np.uint8
    for i in range(20):
        n = strips["n_digits"][i]
        assert 3 <= n <= 5
        assert strips["captions"][i] == " ".join(DIGIT_WORDS[d] for d in strips["digits"][i, :n])
        assert (strips["digits"][i, n:] == -1).all() and (strips["left"][i, n:] == -1).all()
        for k in range(n):
            assert strips["left"][i, k] == 28 * k
            image = strips["image_ids"][i, k]
            assert strips["digits"][i, k] == digits["y"][image]
            np.testing.assert_array_equal(strips["x"][i, :, 28 * k:28 * k + 28], digits["x"][image])
        assert (strips["x"][i, :, 28 * n:] == 0).all()  # empty slots stay black
    again = digit_strips(digits["x"], digits["y"], n=20, jitter=0, seed=1)
    np.testing.assert_array_equal(again["x"], strips["x"])


def test_digit_strips_jitter_and_spread(digits):
    jittered = digit_strips(digits["x"], digits["y"], n=50, jitter=2, seed=2)
    used = jittered["left"] >= 0
    slots = np.broadcast_to(28 * np.arange(5), used.shape)
    shift = (jittered["left"] - slots)[used]
    assert np.abs(shift).max() <= 2 and len(np.unique(shift)) > 1 and jittered["left"][used].min() >= 0
    spread = digit_strips(digits["x"], digits["y"], n=50, spread=True, seed=2)
    for left, n in zip(spread["left"], spread["n_digits"]):
        edges = left[:n]
        assert edges[0] >= 0 and edges[-1] + 28 <= 140 and (np.diff(edges) >= 28).all()


def test_caption_data_splits_digit_images_and_encodes(data, digits):
    train_images = set(data["train"]["image_ids"][data["train"]["image_ids"] >= 0].tolist())
    test_images = set(data["test"]["image_ids"][data["test"]["image_ids"] >= 0].tolist())
    assert not train_images & test_images
    assert all(i % 5 == 4 for i in test_images) and not any(i % 5 == 4 for i in train_images)
    for split in ("train", "test"):
        ids = data[split]["image_ids"]
        assert (data[split]["digits"][ids >= 0] == digits["y"][ids[ids >= 0]]).all()
    assert data["index"].tolist() == INDEX
    assert (data["vocab_size"], data["max_length"], data["start_id"], data["end_id"]) == (13, 7, 2, 1)
    ids = data["train"]["ids"]
    assert ids.dtype == np.int32 and ids.shape == (64, 7) and (ids[:, 0] == 2).all()
    np.testing.assert_array_equal(captions_to_text(ids[:, 1:], data["index"]), data["train"]["captions"])
    assert data["train_digits"]["x"].shape == (4000, 28, 28) and data["test_digits"]["y"].shape == (1000,)


def test_vocabulary_encode_and_decode():
    index = caption_vocabulary(["seven two", "two one"])
    assert index.tolist() == ["<pad>", "<end>", "<start>", "one", "seven", "two"]
    ids = encode_captions(["two one", "seven"], index)
    assert ids.tolist() == [[2, 5, 3, 1], [2, 4, 1, 0]]
    assert encode_captions("seven", index, length=6).tolist() == [[2, 4, 1, 0, 0, 0]]
    # a predicted <pad> or <start> is written out, never silently dropped; words after <end> are
    assert captions_to_text([[5, 0, 3, 1, 4], [1, 5, 5, 5, 5]], index).tolist() == ["two <pad> one", ""]
    with pytest.raises(ValueError, match="`length`"):
        encode_captions(["two one"], index, length=3)
    with pytest.raises(ValueError, match="`captions`.*'eight'"):
        encode_captions(["eight"], index)
    with pytest.raises(ValueError, match="`ids`.*from 0 to 5"):
        captions_to_text([[6]], index)
    with pytest.raises(ValueError, match="`ids`"):
        captions_to_text([[1.5]], index)


def test_digit_windows_cut_around_each_digit(data):
    windows = digit_windows(data["train"], jitter=3, seed=0)
    n = int(data["train"]["n_digits"].sum())
    assert windows["x"].shape == (n, 28, 28) and windows["y"].dtype == np.int32
    assert windows["y"].tolist() == data["train"]["digits"][data["train"]["digits"] >= 0].tolist()
    exact = digit_windows(data["train"], jitter=0)
    strip, left = data["train"]["x"][0], data["train"]["left"][0, 1]
    np.testing.assert_array_equal(exact["x"][1], strip[:, left:left + 28])
    with pytest.raises(TypeError, match="`strips`"):
        digit_windows(data["train"]["x"])


def test_caption_accuracy():
    assert caption_accuracy(["one two", "one six", "one"], ["one two", "one two", "one two"]) == \
        {"exact": 1 / 3, "words": 4 / 6}
    with pytest.raises(ValueError, match="`reference`"):
        caption_accuracy(["one"], ["one", "two"])


GEOMETRY = {"grid": [1, 5], "strip_shape": [28, 140], "x_first": 14.0, "x_step": 28.0}


def test_attention_placement_counts_peaks_over_the_named_digit():
    left = np.array([[0, 28, 56, -1, -1], [0, 28, 56, 84, -1]])
    attention = np.zeros((2, 4, 5, 1))
    for t in range(4):
        attention[0, t, min(t, 4), 0] = 1.0  # strip 1: each word on its digit (a 4th word: no digit there)
        attention[1, t, 4 - t, 0] = 1.0  # strip 2: right to left, only the middle matches
    ids = np.array([[5, 6, 7, 8], [5, 6, 1, 8]])  # strip 2 ends after 2 words
    result = attention_placement(attention, ids, left, GEOMETRY, end_id=1)
    assert result == {"rate": 3 / 6, "hits": 3, "words": 6}
    assert np.isnan(attention_placement(attention, np.ones((2, 4), int), left, GEOMETRY, end_id=1)["rate"])
    with pytest.raises(ValueError, match="`attention`"):
        attention_placement(attention[:, :, :4], ids, left, GEOMETRY, end_id=1)
    with pytest.raises(ValueError, match="`geometry`"):
        attention_placement(attention, ids, left, {"grid": [1, 5]}, end_id=1)
    with pytest.raises(ValueError, match="`predicted_ids`"):
        attention_placement(attention, ids[:, :3], left, GEOMETRY, end_id=1)


def test_attention_maps_and_overlay(tmp_path, data):
    weights = np.array([[0.6, 0.1, 0.1, 0.1, 0.1], [0.0, 0.0, 0.0, 0.2, 0.8]])
    maps = attention_maps(weights, GEOMETRY)
    assert maps.shape == (2, 28, 140)
    assert (maps[0, :, :28] == 0.6).all() and (maps[1, 5, 112:] == 0.8).all()
    assert (maps[1, :, 84:112] == 0.2).all()
    path = save_attention_overlay(data["test"]["x"][0], weights, ["six", "four"], GEOMETRY,
                                  str(tmp_path / "out" / "overlay.png"), title="six four")
    assert (tmp_path / "out" / "overlay.png").stat().st_size > 1000 and path.endswith("overlay.png")
    with pytest.raises(ValueError, match="`words`"):
        save_attention_overlay(data["test"]["x"][0], weights, ["a", "b", "c"], GEOMETRY,
                               str(tmp_path / "x.png"))


def _valid_cnn():
    # one 28-pixel window every 4 pixels, "valid": 29 columns on a 140-pixel strip, the first centred at 14
    inputs = keras.Input(shape=(28, None, 1))
    return keras.Model(inputs, keras.layers.Conv2D(3, (28, 28), strides=(1, 4))(inputs))


def test_cnn_extractor_probes_where_its_locations_lie(data):
    extractor = caption_feature_extractor("cnn", cnn=_valid_cnn())
    assert extractor.geometry == {"grid": [1, 29], "strip_shape": [28, 140], "x_first": 14.0, "x_step": 4.0}
    features = extractor.extract(data["test"]["x"][:5])
    assert features.shape == (5, 29, 3) and features.dtype == "float32"
    expected = extractor.model(data["test"]["x"][:5, :, :, None].astype("float32") / 255.0)
    np.testing.assert_array_equal(features.numpy(), np.reshape(expected, (5, 29, 3)))
    inputs = keras.Input(shape=(28, None, 1))
    pooled = keras.layers.MaxPooling2D((28, 4))(keras.layers.Conv2D(2, 3, padding="same")(inputs))
    same = caption_feature_extractor("cnn", cnn=keras.Model(inputs, pooled))
    assert (same.geometry["grid"], same.geometry["x_first"], same.geometry["x_step"]) == ([1, 35], 2.0, 4.0)
    with pytest.raises(ValueError, match="`strips`"):
        extractor.extract(data["test"]["x"][:, :, :100])


def test_vgg16_extractor_uses_hed_weights(data):
    extractor = caption_feature_extractor("vgg16", batch_size=2)
    assert extractor.geometry == {"grid": [2, 9], "strip_shape": [28, 140], "x_first": 6.0, "x_step": 16.0}
    assert (extractor.n_locations, extractor.depth) == (18, 512)
    features = extractor.extract(data["test"]["x"][:3])
    assert features.shape == (3, 18, 512) and float(np.abs(features.numpy()).sum()) > 0
    from rkeras_bridge.keras.applications import _hed_conv_weights, hed_weights_path

    hed = _hed_conv_weights(hed_weights_path())
    np.testing.assert_array_equal(extractor.model.get_layer("block1_conv1").get_weights()[0],
                                  hed["block1_conv1"][0])


def test_inception_extractor_loads_a_weights_file(tmp_path, data):
    source = keras.applications.InceptionV3(include_top=False, weights=None, input_shape=(75, 75, 3))
    path = str(tmp_path / "inception_notop.weights.h5")
    source.save_weights(path)
    extractor = caption_feature_extractor(f"inception_v3:{path}")
    assert extractor.model.input.shape[1:] == (84, None, 3)  # upscaled 3 times: 75 pixels high at least
    # the same weights as the file (the input size does not change them); compare by position
    for mine, theirs in zip(extractor.model.weights[:3], source.weights[:3]):
        np.testing.assert_array_equal(mine.numpy(), theirs.numpy())
    features = extractor.extract(data["test"]["x"][:2])
    assert features.shape == (2, extractor.n_locations, 2048) and extractor.geometry["grid"][0] == 1
    assert extractor.n_locations > 5
    with pytest.raises(FileNotFoundError, match="`spec`"):
        caption_feature_extractor(f"inception_v3:{tmp_path / 'missing.h5'}")


def test_bad_inputs_name_the_argument(digits):
    with pytest.raises(ValueError, match="`spec`.*resnet"):
        caption_feature_extractor("resnet")
    with pytest.raises(TypeError, match="`spec`"):
        caption_feature_extractor(3)
    with pytest.raises(TypeError, match="`cnn`"):
        caption_feature_extractor("cnn")
    with pytest.raises(ValueError, match="`images`"):
        digit_strips(digits["x"][:, :20], digits["y"], n=2)
    with pytest.raises(ValueError, match="`labels`"):
        digit_strips(digits["x"], digits["y"][:10], n=2)
    with pytest.raises(ValueError, match="`max_digits`"):
        digit_strips(digits["x"], digits["y"], n=2, max_digits=6)
    with pytest.raises(ValueError, match="`min_digits`"):
        digit_strips(digits["x"], digits["y"], n=2, min_digits=4, max_digits=3)
    with pytest.raises(ValueError, match="`n`"):
        digit_strips(digits["x"], digits["y"], n=2.5)
    with pytest.raises(ValueError, match="`spread`"):
        digit_strips(digits["x"], digits["y"], n=2, spread="yes")
