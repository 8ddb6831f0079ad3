import os

import numpy as np
import pandas as pd
import pytest
import tensorflow as tf
from PIL import Image

from rkeras_bridge import (
    compile, evaluate_generator, fit_generator, fit_image_data_generator, flow_images_from_data,
    flow_images_from_dataframe, flow_images_from_directory, generator_next, image_array_resize,
    image_array_save, image_data_generator, image_load, image_to_array, imagenet_preprocess_input,
    keras_model_sequential, layer_dense, layer_flatten, predict_generator,
)


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


# --- image arrays, ImageDataGenerator and its flows (R keras 2.2.4's preprocessing.R) -----------


def test_image_array_resize_is_linear():
    ramp = np.zeros((1, 3, 1))
    ramp[0, :, 0] = [0.0, 10.0, 20.0]
    out = image_array_resize(ramp, height=1, width=5)
    np.testing.assert_allclose(out[0, :, 0], [0, 5, 10, 15, 20])
    assert image_array_resize(np.full((4, 6, 3), 7.0), 2, 3).shape == (2, 3, 3)
    np.testing.assert_allclose(image_array_resize(np.full((4, 6, 3), 7.0), 8, 9), 7.0)
    batch = image_array_resize(np.zeros((1, 4, 6, 2)), height=2.0, width=3.0)
    assert batch.shape == (1, 2, 3, 2)
    first = image_array_resize(np.zeros((2, 4, 6)), height=8, width=3, data_format="channels_first")
    assert first.shape == (2, 8, 3)


def test_image_array_save_round_trip(tmp_path):
    pixels = np.zeros((3, 4, 3))
    pixels[..., 1] = np.arange(4) * 50
    path = str(tmp_path / "saved.png")
    assert image_array_save(pixels, path, scale=False) is pixels
    np.testing.assert_array_equal(image_to_array(image_load(path)), pixels)
    image_array_save(pixels, str(tmp_path / "scaled.png"))  # scale = TRUE stretches to 0-255
    assert image_to_array(image_load(str(tmp_path / "scaled.png"))).max() == 255
    image_array_save(pixels, str(tmp_path / "noext"), file_format="png")
    assert Image.open(tmp_path / "noext").format == "PNG"


def test_flow_from_data_without_augmentation_keeps_the_images():
    x = np.random.default_rng(0).random((5, 4, 4, 3)).astype(np.float32) * 255
    y = np.arange(5.0)
    flow = flow_images_from_data(x, y, batch_size=2, shuffle=False)
    assert len(flow) == 3
    bx, by = generator_next(flow)
    np.testing.assert_allclose(bx, x[:2], rtol=1e-6)
    np.testing.assert_array_equal(by, [0, 1])
    bx, by = flow[2]
    np.testing.assert_allclose(bx, x[4:])
    rescaled = generator_next(flow_images_from_data(x, generator=image_data_generator(rescale=1 / 255),
                                                    batch_size=5, shuffle=False))
    np.testing.assert_allclose(rescaled, x / 255, rtol=1e-6)  # no labels: batches of images only
    weighted = flow_images_from_data(x, y, sample_weight=np.ones(5) * 2, batch_size=5, shuffle=False)
    assert len(weighted[0]) == 3 and weighted[0][2].tolist() == [2.0] * 5


def test_flips_and_featurewise_statistics():
    x = np.arange(2 * 2 * 3 * 1, dtype=np.float32).reshape(2, 2, 3, 1)
    gen = image_data_generator(horizontal_flip=True, vertical_flip=True)
    np.random.seed(0)
    flow = flow_images_from_data(x, batch_size=2, shuffle=False, generator=gen)
    out = [generator_next(flow) for _ in range(8)]
    variants = {tuple(b[0].ravel()) for b in out}
    assert variants <= {tuple(v.ravel()) for v in (x[0], x[0, ::-1], x[0, :, ::-1], x[0, ::-1, ::-1])}
    assert len(variants) > 1
    centred = image_data_generator(featurewise_center=True, featurewise_std_normalization=True)
    assert fit_image_data_generator(centred, x) is centred
    np.testing.assert_allclose(centred.mean.ravel(), [x.mean()])
    np.testing.assert_allclose(centred.std.ravel(), [x.std()], rtol=1e-5)
    batch = generator_next(flow_images_from_data(x, generator=centred, batch_size=2, shuffle=False))
    np.testing.assert_allclose(batch, (x - x.mean()) / (x.std() + 1e-6), rtol=1e-5, atol=1e-6)


@pytest.fixture
def class_folders(tmp_path):
    rng = np.random.default_rng(1)
    for label in ("cats", "dogs"):
        (tmp_path / "pets" / label).mkdir(parents=True)
        for k in range(3):
            pixels = rng.integers(0, 256, (6, 5, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(tmp_path / "pets" / label / f"{label}{k}.png")
    return tmp_path / "pets"


def test_flow_from_directory_labels_and_training(class_folders):
    flow = flow_images_from_directory(str(class_folders), target_size=[6.0, 5.0], batch_size=4, shuffle=False)
    assert flow.class_indices == {"cats": 0, "dogs": 1} and flow.samples == 6 and len(flow) == 2
    x, y = flow[0]
    assert x.shape == (4, 6, 5, 3)
    np.testing.assert_array_equal(y, [[1, 0], [1, 0], [1, 0], [0, 1]])
    first = np.asarray(Image.open(class_folders / "cats" / "cats0.png"), dtype=np.float32)
    np.testing.assert_array_equal(x[0], first)
    sparse = flow_images_from_directory(str(class_folders), target_size=(3, 3), class_mode="sparse",
                                        color_mode="grayscale", shuffle=False, batch_size=6)
    assert sparse[0][0].shape == (6, 3, 3, 1) and sparse[0][1].tolist() == [0, 0, 0, 1, 1, 1]
    model = keras_model_sequential()
    layer_flatten(model, input_shape=[6, 5, 3])
    layer_dense(model, units=2, activation="softmax")
    compile(model, loss="categorical_crossentropy", optimizer="adam")
    fit_generator(model, flow, steps_per_epoch=2, epochs=1, verbose=0)
    assert predict_generator(model, flow, steps=2).shape == (6, 2)
    assert np.isfinite(evaluate_generator(model, flow, steps=2)["loss"])


def test_flow_from_dataframe_and_duplicates(class_folders):
    files = [os.path.join("cats", "cats0.png")] * 3 + [os.path.join("dogs", "dogs1.png")]
    frame = pd.DataFrame({"fname": files, "class": ["a", "a", "a", "b"]})
    flow = flow_images_from_dataframe(frame, str(class_folders), x_col="fname", y_col="class",
                                      target_size=(6, 5), shuffle=False, drop_duplicates=False)
    x, y = generator_next(flow)
    assert x.shape == (4, 6, 5, 3) and y.tolist() == [[1, 0]] * 3 + [[0, 1]]
    deduplicated = flow_images_from_dataframe(frame, str(class_folders), x_col="fname", target_size=(6, 5))
    assert deduplicated.n == 2


@pytest.mark.parametrize("call, error, match", [
    (lambda d: image_array_resize(np.zeros((2, 2)), 1, 1), ValueError, "img"),
    (lambda d: image_array_resize(np.zeros((2, 2, 2, 3)), 1, 1), ValueError, "img"),
    (lambda d: image_array_resize(np.zeros((2, 2, 3)), 0, 1), ValueError, "height"),
    (lambda d: image_array_save(np.zeros((2, 2, 2)), "x.png"), ValueError, "img"),
    (lambda d: image_array_save(np.zeros((2, 2, 3)), 3), TypeError, "path"),
    (lambda d: image_data_generator(rotation_range=-1), ValueError, "rotation_range"),
    (lambda d: image_data_generator(fill_mode="mirror"), ValueError, "fill_mode"),
    (lambda d: image_data_generator(zoom_range=[0.5, 1, 2]), ValueError, "zoom_range"),
    (lambda d: image_data_generator(brightness_range=0.5), ValueError, "brightness_range"),
    (lambda d: image_data_generator(validation_split=1), ValueError, "validation_split"),
    (lambda d: image_data_generator(horizontal_flip="yes"), ValueError, "horizontal_flip"),
    (lambda d: image_data_generator(preprocessing_function=3), TypeError, "preprocessing_function"),
    (lambda d: fit_image_data_generator("gen", np.zeros((1, 2, 2, 3))), TypeError, "object"),
    (lambda d: fit_image_data_generator(image_data_generator(), np.zeros((2, 2, 3))), ValueError, "x"),
    (lambda d: flow_images_from_data(np.zeros((2, 2, 2, 3)), y=[1, 2, 3]), ValueError, "y"),
    (lambda d: flow_images_from_data(np.zeros((2, 2, 2, 3)), batch_size=0), ValueError, "batch_size"),
    (lambda d: flow_images_from_data(np.zeros((2, 2, 2, 3)), subset="test"), ValueError, "subset"),
    (lambda d: flow_images_from_data(np.zeros((2, 2, 2, 3)), generator="g"), TypeError, "generator"),
    (lambda d: flow_images_from_directory("/no/such/folder"), ValueError, "directory"),
    (lambda d: flow_images_from_directory(str(d), target_size=(2,)), ValueError, "target_size"),
    (lambda d: flow_images_from_directory(str(d), color_mode="cmyk"), ValueError, "color_mode"),
    (lambda d: flow_images_from_directory(str(d), class_mode="one-hot"), ValueError, "class_mode"),
    (lambda d: flow_images_from_dataframe("df"), TypeError, "dataframe"),
    (lambda d: flow_images_from_dataframe(pd.DataFrame({"f": ["a"]}), x_col="g"), ValueError, "x_col"),
    (lambda d: flow_images_from_dataframe(pd.DataFrame({"f": ["a"]}), x_col="f"), ValueError, "y_col"),
    (lambda d: generator_next([1, 2]), TypeError, "generator"),
])
def test_image_generators_bad_input_names_the_argument(class_folders, call, error, match):
    with pytest.raises(error, match=match):
        call(class_folders)


def test_generator_next_returns_completed():
    it = iter([1])
    assert generator_next(it) == 1 and generator_next(it, completed="done") == "done"
