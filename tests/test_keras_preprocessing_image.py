import numpy as np
import pytest
import tensorflow as tf
from PIL import Image

from rkeras_bridge import image_load, image_to_array, imagenet_preprocess_input


@pytest.fixture
def png(tmp_path):
    pixels = np.zeros((4, 6, 3), dtype=np.uint8)
    pixels[..., 0] = np.arange(6) * 40  # red grows left to right
    pixels[..., 1] = 100
    pixels[1, 2] = [10, 20, 30]
    path = tmp_path / "small.png"
    Image.fromarray(pixels).save(path)
    return str(path), pixels


def test_load_and_to_array_keep_pixels(png):
    path, pixels = png
    img = image_load(path)
    assert img.size == (6, 4)
    arr = image_to_array(img)
    assert arr.dtype == np.float32 and arr.shape == (4, 6, 3)
    np.testing.assert_array_equal(arr, pixels.astype(np.float32))
    first = image_to_array(img, data_format="channels_first")
    assert first.shape == (3, 4, 6)
    np.testing.assert_array_equal(first[0, 1], pixels[1, :, 0])


def test_grayscale_and_target_size(png):
    path, pixels = png
    grey = image_to_array(image_load(path, grayscale=True))
    assert grey.shape == (4, 6, 1)
    expected = np.asarray(Image.fromarray(pixels).convert("L"), dtype=np.float32)
    np.testing.assert_array_equal(grey[..., 0], expected)
    small = image_to_array(image_load(path, target_size=[2.0, 3.0]))  # R: c(2, 3), height then width
    assert small.shape == (2, 3, 3)
    np.testing.assert_array_equal(small[0, :, 1], [100, 100, 100])
    smooth = image_load(path, target_size=(2, 3), interpolation="bilinear")
    assert smooth.size == (3, 2)


def test_imagenet_preprocess_modes():
    x = np.zeros((1, 1, 2, 3), dtype=np.float64)
    x[0, 0, 1] = [255.0, 128.0, 0.0]
    caffe = imagenet_preprocess_input(x)  # default: caffe, BGR minus the ImageNet means
    np.testing.assert_allclose(caffe[0, 0, 0], [-103.939, -116.779, -123.68], rtol=1e-6)
    np.testing.assert_allclose(caffe[0, 0, 1], [0 - 103.939, 128 - 116.779, 255 - 123.68], rtol=1e-6)
    np.testing.assert_allclose(imagenet_preprocess_input(x, mode="tf")[0, 0, 1], [1.0, 128 / 127.5 - 1, -1.0],
                               atol=1e-6)
    torch = imagenet_preprocess_input(x, mode="torch")[0, 0, 1]
    expected = (np.array([1.0, 128 / 255, 0.0]) - [0.485, 0.456, 0.406]) / [0.229, 0.224, 0.225]
    np.testing.assert_allclose(torch, expected, rtol=1e-5)
    assert x[0, 0, 1, 0] == 255.0  # the input is not modified in place


def test_integer_and_tensor_input():
    x = np.full((2, 2, 3), 100, dtype=np.int32)  # one 3-d image of R integers
    np.testing.assert_allclose(imagenet_preprocess_input(x)[0, 0],
                               [100 - 103.939, 100 - 116.779, 100 - 123.68], rtol=1e-6)
    t = imagenet_preprocess_input(tf.fill((1, 1, 1, 3), 127.5), mode="tf")
    np.testing.assert_allclose(np.asarray(t).reshape(-1), [0.0, 0.0, 0.0], atol=1e-6)


@pytest.mark.parametrize("call, error, match", [
    (lambda p: image_load(p + ".missing"), FileNotFoundError, "path"),
    (lambda p: image_load(3), TypeError, "path"),
    (lambda p: image_load(p, grayscale="yes"), ValueError, "grayscale"),
    (lambda p: image_load(p, target_size=(2, 2, 2)), ValueError, "target_size"),
    (lambda p: image_load(p, target_size=(2.5, 2)), ValueError, "target_size"),
    (lambda p: image_load(p, interpolation="cubic"), ValueError, "interpolation"),
    (lambda p: image_to_array(np.zeros((2, 2, 3))), TypeError, "img"),
    (lambda p: image_to_array(image_load(p), data_format="last"), ValueError, "data_format"),
    (lambda p: imagenet_preprocess_input(np.zeros((2, 3)), mode="caffe"), ValueError, "x"),
    (lambda p: imagenet_preprocess_input(np.zeros((1, 2, 2, 3)), mode="pytorch"), ValueError, "mode"),
    (lambda p: imagenet_preprocess_input(np.zeros((1, 2, 2, 3)), data_format="nhwc"), ValueError,
     "data_format"),
])
def test_bad_input_names_the_argument(png, call, error, match):
    with pytest.raises(error, match=match):
        call(png[0])
