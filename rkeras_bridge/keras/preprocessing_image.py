"""Images: R keras 2.2.4's image half of ``preprocessing.R``, and ``imagenet_preprocess_input()``.

``image_load()``/``image_to_array()``/``image_array_save()`` are the R keras 2.x names over
``keras.utils.load_img``/``img_to_array``/``save_img``; ``image_array_resize()`` zooms an array with
SciPy's linear spline, as R keras 2.2.4 did. ``image_data_generator()`` and the ``flow_images_from_*()``
iterators are Keras 2's ``ImageDataGenerator`` and its iterators, which Keras 3 keeps only as
``tf.keras.preprocessing.image`` (its legacy, deprecated copy of the Keras 2 code): augmentation,
``fit()`` statistics, directory and data-frame flows behave as in 2018. Every argument is checked
here, so an R user gets an error that names it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_integer_tuple, as_number
from ..bridge.errors import bad_argument

__all__ = [
    "image_load", "image_to_array", "imagenet_preprocess_input", "image_array_resize", "image_array_save",
    "image_data_generator", "fit_image_data_generator", "flow_images_from_data", "flow_images_from_directory",
    "flow_images_from_dataframe", "generator_next",
]

_INTERPOLATIONS = ("nearest", "bilinear", "bicubic", "hamming", "box", "lanczos")
_DATA_FORMATS = ("channels_last", "channels_first")
_MODES = ("caffe", "tf", "torch")


def image_load(path: Any, grayscale: bool = False, target_size: Any = None,
               interpolation: str = "nearest") -> Any:
    """Load an image file as a PIL image.

    Example:
        >>> img = image_load("elephant.jpg", target_size=(224, 224))
        >>> image_to_array(img).shape
        (224, 224, 3)

    Args:
        path: Path to the image file.
        grayscale: Load as one grey channel instead of RGB. Defaults to `False`.
        target_size: ``(height, width)`` to resize to. Defaults to `None` (keep the size).
        interpolation: Resampling used by ``target_size``: ``"nearest"``, ``"bilinear"``,
            ``"bicubic"``, ``"hamming"``, ``"box"`` or ``"lanczos"``. Defaults to `"nearest"`.

    Returns:
        A ``PIL.Image.Image``.

    Mirrors ``keras::image_load()``.
    """
    import keras

    if not isinstance(path, (str, os.PathLike)):
        raise bad_argument("path", path, "the path of an image file", TypeError)
    file = os.path.expanduser(os.fspath(path))
    if not os.path.isfile(file):
        raise bad_argument("path", path, f"an existing image file (nothing at {os.path.abspath(file)})",
                           FileNotFoundError)
    if not isinstance(grayscale, (bool, np.bool_)):
        raise bad_argument("grayscale", grayscale, "TRUE or FALSE")
    size = None
    if target_size is not None:
        size = as_integer_tuple(target_size, "target_size", allow_unknown=False)
        if len(size) != 2 or min(size) < 1:
            raise bad_argument("target_size", target_size, "c(height, width): two positive integers")
    if interpolation not in _INTERPOLATIONS:
        raise bad_argument("interpolation", interpolation, f"one of {', '.join(map(repr, _INTERPOLATIONS))}")
    return keras.utils.load_img(file, color_mode="grayscale" if grayscale else "rgb", target_size=size,
                                interpolation=interpolation)


def image_to_array(img: Any, data_format: str = "channels_last") -> np.ndarray:
    """A PIL image as a ``float32`` array of pixel values 0-255.

    Example:
        >>> image_to_array(image_load("digit.png", grayscale=True)).shape
        (28, 28, 1)

    Args:
        img: A PIL image, e.g. from :func:`image_load`.
        data_format: ``"channels_last"`` (height, width, channels) or ``"channels_first"``.
            Defaults to `"channels_last"`.

    Returns:
        A 3-d ``float32`` array.

    Mirrors ``keras::image_to_array()``.
    """
    import keras

    if data_format not in _DATA_FORMATS:
        raise bad_argument("data_format", data_format, '"channels_last" or "channels_first"')
    if not hasattr(img, "getbands"):  # PIL's image protocol; arrays are already arrays
        raise bad_argument("img", img, "a PIL image (from image_load())", TypeError)
    return keras.utils.img_to_array(img, data_format=data_format, dtype="float32")


def imagenet_preprocess_input(x: Any, data_format: str | None = None, mode: str = "caffe") -> Any:
    """Scale a batch of RGB images (pixels 0-255) the way ImageNet models were trained.

    Example:
        >>> imagenet_preprocess_input(np.full((1, 2, 2, 3), 255.0))[0, 0, 0]
        array([151.061, 138.221, 131.32 ], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.
        data_format: ``"channels_last"`` or ``"channels_first"``. Defaults to `None`
            (``keras.config.image_data_format()``, normally channels last).
        mode: ``"caffe"``: RGB to BGR, then subtract the ImageNet channel means (VGG16,
            VGG19, ResNet50); ``"tf"``: scale to -1..1 (Inception V3); ``"torch"``: scale to
            0..1 and standardise per channel. Defaults to `"caffe"`, as R keras 2.x does.

    Returns:
        A ``float32`` array (a tensor for tensor input).

    Mirrors ``keras::imagenet_preprocess_input()``.
    """
    import keras

    if mode not in _MODES:
        raise bad_argument("mode", mode, '"caffe", "tf" or "torch"')
    if data_format is not None and data_format not in _DATA_FORMATS:
        raise bad_argument("data_format", data_format, '"channels_last", "channels_first" or NULL/None')
    if not hasattr(x, "shape") or not hasattr(x, "dtype"):
        x = np.asarray(x)
    if len(x.shape) not in (3, 4):
        raise bad_argument("x", x, "a 3-d (one image) or 4-d (a batch) array of RGB pixel values")
    if isinstance(x, np.ndarray):
        if x.dtype.kind not in "iuf":
            raise bad_argument("x", x, "an array of numbers (pixel values 0-255)")
        # Keras works in place on float arrays; the caller's array must stay as it was.
        x = np.array(x, dtype=np.float32)
    return keras.applications.imagenet_utils.preprocess_input(x, data_format=data_format, mode=mode)


def _image_array(img: Any, name: str = "img") -> np.ndarray:
    array = np.asarray(img)
    if array.dtype.kind not in "buif" or array.ndim not in (3, 4):
        raise bad_argument(name, img, "a 3-d image array (height, width, channels), or a 4-d batch of one")
    return array


def image_array_resize(img: Any, height: Any, width: Any, data_format: str = "channels_last") -> np.ndarray:
    """Resize an image array by linear interpolation (``scipy.ndimage.zoom``, order 1), as R keras 2.2.4 did.

    Example:
        >>> image_array_resize(np.zeros((4, 6, 3)), height=2, width=3).shape
        (2, 3, 3)

    Args:
        img: A 3-d image array, or a 4-d array holding one image (its first axis is kept).
        height: New height in pixels.
        width: New width in pixels.
        data_format: ``"channels_last"`` (height, width, channels) or ``"channels_first"``.
            Defaults to `"channels_last"`.

    Returns:
        An array of the same type and layout, resized.

    Mirrors ``keras::image_array_resize()``.
    """
    from scipy import ndimage

    array = _image_array(img)
    h = as_integer(height, "height", minimum=1)
    w = as_integer(width, "width", minimum=1)
    if data_format not in _DATA_FORMATS:
        raise bad_argument("data_format", data_format, '"channels_last" or "channels_first"')
    batch = array.ndim == 4
    if batch:
        if array.shape[0] != 1:
            raise bad_argument("img", img, "a 3-d image array or a 4-d batch of exactly one image")
        array = array[0]
    if data_format == "channels_last":
        factors = (h / array.shape[0], w / array.shape[1], 1)
    else:
        factors = (1, h / array.shape[1], w / array.shape[2])
    resized = ndimage.zoom(np.array(array), factors, order=1)
    return resized[np.newaxis] if batch else resized


def image_array_save(img: Any, path: Any, data_format: Any = None, file_format: Any = None,
                     scale: Any = True) -> np.ndarray:
    """Save an image array as an image file (format from the extension unless ``file_format``).

    Example:
        >>> image_array_save(image_to_array(image_load("digit.jpeg")), "digit.png")

    Args:
        img: A 3-d image array.
        path: The file to write.
        data_format: ``"channels_last"`` or ``"channels_first"``. Defaults to `None`
            (``image_data_format()``, normally channels last).
        file_format: ``"png"``, ``"jpeg"``, ... Defaults to `None` (from the extension).
        scale: Rescale the values to 0-255 (from their minimum and maximum) first. Defaults to `True`.

    Returns:
        ``img`` (R: invisibly).

    Mirrors ``keras::image_array_save()``.
    """
    import keras

    array = _image_array(img)
    if array.ndim != 3:
        raise bad_argument("img", img, "a 3-d image array (height, width, channels)")
    if not isinstance(path, (str, os.PathLike)) or not os.fspath(path):
        raise bad_argument("path", path, "the path of the image file to write", TypeError)
    if data_format is not None and data_format not in _DATA_FORMATS:
        raise bad_argument("data_format", data_format, '"channels_last", "channels_first" or NULL/None')
    if file_format is not None and not isinstance(file_format, str):
        raise bad_argument("file_format", file_format, 'an image format such as "png", or NULL/None')
    channels = array.shape[-1] if data_format != "channels_first" else array.shape[0]
    if channels not in (1, 3, 4):
        raise bad_argument("img", img, "an image with 1, 3 or 4 channels")
    keras.utils.save_img(os.path.expanduser(os.fspath(path)), array, data_format=data_format,
                         file_format=file_format, scale=as_flag(scale, "scale"))
    return img


def _legacy_image() -> Any:
    # The Keras 2 ImageDataGenerator, kept by Keras 3 (deprecated) under tf.keras.preprocessing.
    import tensorflow as tf

    return tf.keras.preprocessing.image


_FILL_MODES = ("constant", "nearest", "reflect", "wrap")


def _range(value: Any, name: str, *, pair: bool = False) -> Any:
    """A number, or (``pair``) two numbers, or a vector of numbers (Keras 2's shift ranges)."""
    array = np.asarray(value, dtype=object).reshape(-1) if not np.isscalar(value) else np.asarray([value])
    if array.size == 0 or any(isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.number))
                              for v in array):
        raise bad_argument(name, value, "two numbers c(lower, upper)" if pair else "a number or numbers")
    numbers = np.asarray(array, dtype=np.float64)
    if not np.all(np.isfinite(numbers)):
        raise bad_argument(name, value, "finite numbers")
    if pair:
        if numbers.size != 2:
            raise bad_argument(name, value, "two numbers c(lower, upper)")
        return [float(numbers[0]), float(numbers[1])]
    return float(numbers[0]) if numbers.size == 1 else numbers.tolist()


def image_data_generator(featurewise_center: Any = False, samplewise_center: Any = False,
                         featurewise_std_normalization: Any = False,
                         samplewise_std_normalization: Any = False, zca_whitening: Any = False,
                         zca_epsilon: Any = 1e-06, rotation_range: Any = 0, width_shift_range: Any = 0,
                         height_shift_range: Any = 0, brightness_range: Any = None,
                         shear_range: Any = 0, zoom_range: Any = 0, channel_shift_range: Any = 0,
                         fill_mode: str = "nearest", cval: Any = 0, horizontal_flip: Any = False,
                         vertical_flip: Any = False, rescale: Any = None, preprocessing_function: Any = None,
                         data_format: Any = None, validation_split: Any = 0) -> Any:
    """An image generator: batches of images, normalised and randomly augmented, from arrays or folders.

    Example:
        >>> gen = image_data_generator(rescale=1 / 255, horizontal_flip=True)
        >>> x, y = next(flow_images_from_data(np.ones((4, 8, 8, 3)), np.arange(4), gen, batch_size=2))

    Args:
        featurewise_center: Subtract the data set's mean (per channel; needs
            :func:`fit_image_data_generator`). Defaults to `False`.
        samplewise_center: Subtract each image's mean. Defaults to `False`.
        featurewise_std_normalization: Divide by the data set's standard deviation (per channel;
            needs :func:`fit_image_data_generator`). Defaults to `False`.
        samplewise_std_normalization: Divide each image by its standard deviation. Defaults to `False`.
        zca_whitening: Apply ZCA whitening (needs :func:`fit_image_data_generator`). Defaults to `False`.
        zca_epsilon: Epsilon of ZCA whitening. Defaults to `1e-06`.
        rotation_range: Random rotations up to this many degrees. Defaults to `0`.
        width_shift_range: Random horizontal shifts: a fraction of the width (< 1), pixels
            (>= 1), or a vector of allowed values. Defaults to `0`.
        height_shift_range: The same, vertically. Defaults to `0`.
        brightness_range: ``c(lower, upper)`` brightness factors to draw from. Defaults to `None`.
        shear_range: Shear intensity (counter-clockwise angle, degrees). Defaults to `0`.
        zoom_range: A number ``z`` (zoom in ``[1 - z, 1 + z]``) or ``c(lower, upper)``. Defaults to `0`.
        channel_shift_range: Random channel shifts up to this value. Defaults to `0`.
        fill_mode: Points outside the image: ``"constant"``, ``"nearest"``, ``"reflect"`` or
            ``"wrap"``. Defaults to `"nearest"`.
        cval: The value for ``fill_mode = "constant"``. Defaults to `0`.
        horizontal_flip: Flip half the images horizontally. Defaults to `False`.
        vertical_flip: Flip half the images vertically. Defaults to `False`.
        rescale: Multiply the data by this (before anything else). Defaults to `None` (no rescaling).
        preprocessing_function: A function of one image (3-d array) returning an image of the
            same shape, run on every image after resizing and augmentation. Defaults to `None`.
        data_format: ``"channels_last"`` or ``"channels_first"``. Defaults to `None`
            (``image_data_format()``).
        validation_split: Fraction of the images kept for ``subset = "validation"`` of the flows.
            Defaults to `0`.

    Returns:
        A Keras 2 ``ImageDataGenerator`` (``tf.keras.preprocessing.image.ImageDataGenerator``).

    Mirrors ``keras::image_data_generator()``.
    """
    flags = {name: as_flag(value, name) for name, value in (
        ("featurewise_center", featurewise_center), ("samplewise_center", samplewise_center),
        ("featurewise_std_normalization", featurewise_std_normalization),
        ("samplewise_std_normalization", samplewise_std_normalization), ("zca_whitening", zca_whitening),
        ("horizontal_flip", horizontal_flip), ("vertical_flip", vertical_flip))}
    numbers = {name: as_number(value, name, low=0) for name, value in (
        ("zca_epsilon", zca_epsilon), ("rotation_range", rotation_range), ("shear_range", shear_range),
        ("channel_shift_range", channel_shift_range))}
    if fill_mode not in _FILL_MODES:
        raise bad_argument("fill_mode", fill_mode, f"one of {', '.join(map(repr, _FILL_MODES))}")
    zoom = _range(zoom_range, "zoom_range")
    if isinstance(zoom, list) and len(zoom) != 2:
        raise bad_argument("zoom_range", zoom_range, "a number or two numbers c(lower, upper)")
    if preprocessing_function is not None and not callable(preprocessing_function):
        raise bad_argument("preprocessing_function", preprocessing_function, "a function or NULL/None",
                           TypeError)
    if data_format is not None and data_format not in _DATA_FORMATS:
        raise bad_argument("data_format", data_format, '"channels_last", "channels_first" or NULL/None')
    return _legacy_image().ImageDataGenerator(
        **flags, **numbers,
        width_shift_range=_range(width_shift_range, "width_shift_range"),
        height_shift_range=_range(height_shift_range, "height_shift_range"),
        brightness_range=None if brightness_range is None else _range(brightness_range, "brightness_range",
                                                                         pair=True),
        zoom_range=zoom, fill_mode=fill_mode, cval=as_number(cval, "cval"),
        rescale=as_number(rescale, "rescale", allow_none=True), preprocessing_function=preprocessing_function,
        data_format=data_format,
        validation_split=as_number(validation_split, "validation_split", low=0, high=1, high_open=True),
    )


def _check_generator(generator: Any, name: str = "generator") -> Any:
    if not isinstance(generator, _legacy_image().ImageDataGenerator):
        raise bad_argument(name, generator, "an image generator from image_data_generator()", TypeError)
    return generator


def _batch_of_images(x: Any, name: str = "x") -> np.ndarray:
    import keras

    array = np.asarray(x)
    if array.ndim != 4 or array.dtype.kind not in "buif":
        raise bad_argument(name, x, "a 4-d array of images (samples, height, width, channels)")
    return array.astype(keras.config.floatx(), copy=False)


def fit_image_data_generator(object: Any, x: Any, augment: Any = False, rounds: Any = 1,  # noqa: A002
                             seed: Any = None) -> Any:
    """Compute the data set statistics that ``featurewise_*`` and ``zca_whitening`` need.

    Example:
        >>> gen = fit_image_data_generator(image_data_generator(featurewise_center=True), x_train)

    Args:
        object: An image generator from :func:`image_data_generator`; changed in place.
        x: The images, a 4-d array (samples, height, width, channels) with 1, 3 or 4 channels.
        augment: Fit on randomly augmented copies. Defaults to `False`.
        rounds: With ``augment``, passes of augmentation over the data. Defaults to `1`.
        seed: Seed of the augmentation. Defaults to `None`.

    Returns:
        The generator (R: invisibly).

    Mirrors ``keras::fit_image_data_generator()``.
    """
    generator = _check_generator(object, "object")
    generator.fit(_batch_of_images(x), augment=as_flag(augment, "augment"),
                  rounds=as_integer(rounds, "rounds", minimum=1),
                  seed=as_integer(seed, "seed", allow_none=True))
    return generator


def _flow_common(batch_size: Any, shuffle: Any, seed: Any, save_to_dir: Any, save_prefix: Any,
                 save_format: Any, subset: Any) -> dict[str, Any]:
    if save_to_dir is not None:
        if not isinstance(save_to_dir, (str, os.PathLike)) \
                or not os.path.isdir(os.path.expanduser(save_to_dir)):
            raise bad_argument("save_to_dir", save_to_dir, "an existing folder or NULL/None")
        save_to_dir = os.path.expanduser(os.fspath(save_to_dir))
    if not isinstance(save_prefix, str):
        raise bad_argument("save_prefix", save_prefix, "a string")
    if save_format not in ("png", "jpeg", "jpg", "bmp", "tif", "tiff", "gif"):
        raise bad_argument("save_format", save_format, '"png" or "jpeg"')
    if subset not in (None, "training", "validation"):
        raise bad_argument("subset", subset, '"training", "validation" or NULL/None')
    return {"batch_size": as_integer(batch_size, "batch_size", minimum=1),
            "shuffle": as_flag(shuffle, "shuffle"),
            "seed": as_integer(seed, "seed", minimum=0, allow_none=True), "save_to_dir": save_to_dir,
            "save_prefix": save_prefix, "save_format": save_format, "subset": subset}


def flow_images_from_data(x: Any, y: Any = None, generator: Any = None, batch_size: Any = 32,
                          shuffle: Any = True, sample_weight: Any = None, seed: Any = None,
                          save_to_dir: Any = None, save_prefix: str = "", save_format: str = "png",
                          subset: Any = None) -> Any:
    """Batches of (augmented) images and labels drawn from arrays, looping for ever.

    Example:
        >>> batches = flow_images_from_data(x_train, y_train, image_data_generator(rescale=1 / 255))
        >>> x, y = batches[0]

    Args:
        x: Images, a 4-d array (samples, height, width, channels) with 1, 3 or 4 channels.
        y: Labels, one per image. Defaults to `None` (batches of images only).
        generator: An image generator. Defaults to `None` (``image_data_generator()``: no change).
        batch_size: Images per batch. Defaults to `32`.
        shuffle: Shuffle the images each epoch. Defaults to `True`.
        sample_weight: Weights, one per image (batches are then ``(x, y, weights)``). Defaults to `None`.
        seed: Seed of the shuffle and augmentation. Defaults to `None`.
        save_to_dir: A folder where every augmented image is also saved. Defaults to `None`.
        save_prefix: File name prefix of the saved images. Defaults to `""`.
        save_format: ``"png"`` or ``"jpeg"``. Defaults to `"png"`.
        subset: ``"training"`` or ``"validation"`` part, per the generator's ``validation_split``.
            Defaults to `None`.

    Returns:
        A Keras 2 ``NumpyArrayIterator``: a Sequence (``[[i]]`` batch ``i``) and an iterator
        (:func:`generator_next`), for ``fit_generator()`` and friends.

    Mirrors ``keras::flow_images_from_data()``.
    """
    gen = image_data_generator() if generator is None else _check_generator(generator)
    images = _batch_of_images(x)
    extra = []
    for name, value in (("y", y), ("sample_weight", sample_weight)):
        if value is not None:
            array = np.asarray(value)
            if array.ndim == 0 or len(array) != len(images) or array.dtype.kind not in "buif":
                raise bad_argument(name, value, f"numbers for each of the {len(images)} images in x")
            value = array
        extra.append(value)
    return gen.flow(images, extra[0], sample_weight=extra[1],
                    **_flow_common(batch_size, shuffle, seed, save_to_dir, save_prefix, save_format, subset))


_COLOR_MODES = ("grayscale", "rgb", "rgba")


def _file_flow_args(target_size: Any, color_mode: Any, classes: Any, class_mode: Any, interpolation: Any,
                    class_modes: tuple[Any, ...]) -> dict[str, Any]:
    size = as_integer_tuple(target_size, "target_size", allow_unknown=False)
    if len(size) != 2 or min(size) < 1:
        raise bad_argument("target_size", target_size, "c(height, width): two positive integers")
    if color_mode not in _COLOR_MODES:
        raise bad_argument("color_mode", color_mode, '"grayscale", "rgb" or "rgba"')
    if isinstance(classes, str):
        classes = [classes]
    if classes is not None and (not isinstance(classes, (list, tuple))
                                or not all(isinstance(c, str) for c in classes)):
        raise bad_argument("classes", classes, "a character vector of class names or NULL/None")
    if class_mode not in class_modes:
        raise bad_argument("class_mode", class_mode,
                           ", ".join(repr(m) for m in class_modes if m is not None) + " or NULL/None")
    if interpolation not in _INTERPOLATIONS:
        raise bad_argument("interpolation", interpolation, f"one of {', '.join(map(repr, _INTERPOLATIONS))}")
    return {"target_size": size, "color_mode": color_mode,
            "classes": None if classes is None else list(classes),
            "class_mode": class_mode, "interpolation": interpolation}


def flow_images_from_directory(directory: Any, generator: Any = None, target_size: Any = (256, 256),
                               color_mode: str = "rgb", classes: Any = None, class_mode: Any = "categorical",
                               batch_size: Any = 32, shuffle: Any = True, seed: Any = None,
                               save_to_dir: Any = None, save_prefix: str = "", save_format: str = "png",
                               follow_links: Any = False, subset: Any = None,
                               interpolation: str = "nearest") -> Any:
    """Batches of (augmented) images read from a folder with one sub-folder per class, looping for ever.

    Example:
        >>> batches = flow_images_from_directory("pets", target_size=(28, 28), batch_size=32)

    Args:
        directory: The folder; each sub-folder holds the images (png, jpg, bmp, ppm, tif) of one class.
        generator: An image generator. Defaults to `None` (``image_data_generator()``).
        target_size: ``c(height, width)`` every image is resized to. Defaults to `c(256, 256)`.
        color_mode: ``"grayscale"``, ``"rgb"`` or ``"rgba"``. Defaults to `"rgb"`.
        classes: Sub-folder names, in label order. Defaults to `None` (all, sorted).
        class_mode: Labels: ``"categorical"`` (one-hot), ``"binary"``, ``"sparse"`` (integers),
            ``"input"`` (the images), or `None` (images only). Defaults to `"categorical"`.
        batch_size: Images per batch. Defaults to `32`.
        shuffle: Shuffle the images each epoch. Defaults to `True`.
        seed: Seed of the shuffle and augmentation. Defaults to `None`.
        save_to_dir: A folder where every augmented image is also saved. Defaults to `None`.
        save_prefix: File name prefix of the saved images. Defaults to `""`.
        save_format: ``"png"`` or ``"jpeg"``. Defaults to `"png"`.
        follow_links: Follow symbolic links inside the class folders. Defaults to `False`.
        subset: ``"training"`` or ``"validation"`` part. Defaults to `None`.
        interpolation: Resampling for ``target_size``. Defaults to `"nearest"`.

    Returns:
        A Keras 2 ``DirectoryIterator`` (a Sequence and an iterator), with fields ``classes``,
        ``class_indices``, ``filenames``.

    Mirrors ``keras::flow_images_from_directory()``.
    """
    if not isinstance(directory, (str, os.PathLike)) or not os.path.isdir(os.path.expanduser(directory)):
        raise bad_argument("directory", directory, "an existing folder with one sub-folder per class")
    gen = image_data_generator() if generator is None else _check_generator(generator)
    return gen.flow_from_directory(
        os.path.expanduser(os.fspath(directory)), follow_links=as_flag(follow_links, "follow_links"),
        **_file_flow_args(target_size, color_mode, classes, class_mode, interpolation,
                          ("categorical", "binary", "sparse", "input", None)),
        **_flow_common(batch_size, shuffle, seed, save_to_dir, save_prefix, save_format, subset))


def flow_images_from_dataframe(dataframe: Any, directory: Any = None, x_col: str = "filename",
                               y_col: Any = "class", generator: Any = None, target_size: Any = (256, 256),
                               color_mode: str = "rgb", classes: Any = None, class_mode: Any = "categorical",
                               batch_size: Any = 32, shuffle: Any = True, seed: Any = None,
                               save_to_dir: Any = None, save_prefix: str = "", save_format: str = "png",
                               subset: Any = None, interpolation: str = "nearest",
                               drop_duplicates: Any = True) -> Any:
    """Batches of (augmented) images whose files and labels are listed in a data frame, looping for ever.

    Example:
        >>> df = pandas.DataFrame({"fname": ["a.png", "b.png"], "class": ["cat", "dog"]})
        >>> batches = flow_images_from_dataframe(df, "images", x_col="fname", y_col="class")

    Args:
        dataframe: A data frame (R) or pandas ``DataFrame``: file names (relative to
            ``directory``, or absolute paths) in ``x_col``, labels in ``y_col``.
        directory: The folder of the files. Defaults to `None` (paths as they are).
        x_col: Column of file names. Defaults to `"filename"`.
        y_col: Column (or columns) of labels; class names for ``"categorical"``/``"binary"``.
            Defaults to `"class"`.
        generator: An image generator. Defaults to `None` (``image_data_generator()``).
        target_size: ``c(height, width)``. Defaults to `c(256, 256)`.
        color_mode: ``"grayscale"``, ``"rgb"`` or ``"rgba"``. Defaults to `"rgb"`.
        classes: Class names, in label order. Defaults to `None` (those of ``y_col``, sorted).
        class_mode: ``"categorical"``, ``"binary"``, ``"sparse"``, ``"input"``, ``"other"`` (the
            ``y_col`` values as they are) or `None`. Defaults to `"categorical"`.
        batch_size: Images per batch. Defaults to `32`.
        shuffle: Shuffle each epoch. Defaults to `True`.
        seed: Seed of the shuffle and augmentation. Defaults to `None`.
        save_to_dir: A folder where every augmented image is also saved. Defaults to `None`.
        save_prefix: File name prefix of the saved images. Defaults to `""`.
        save_format: ``"png"`` or ``"jpeg"``. Defaults to `"png"`.
        subset: ``"training"`` or ``"validation"`` part. Defaults to `None`.
        interpolation: Resampling for ``target_size``. Defaults to `"nearest"`.
        drop_duplicates: Keep only the first row of each file name. Defaults to `True`.

    Returns:
        A Keras 2 ``DataFrameIterator`` (a Sequence and an iterator).

    Mirrors ``keras::flow_images_from_dataframe()``.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - pandas is a dependency of the test extras
        raise ImportError("flow_images_from_dataframe() needs the Python package pandas") from exc
    if isinstance(dataframe, dict):
        dataframe = pd.DataFrame(dataframe)
    if not isinstance(dataframe, pd.DataFrame):
        raise bad_argument("dataframe", dataframe, "a data frame of file names and labels", TypeError)
    columns = ", ".join(map(str, dataframe.columns))
    if not isinstance(x_col, str) or x_col not in dataframe.columns:
        raise bad_argument("x_col", x_col, f"a column of dataframe ({columns})")
    y_cols = [y_col] if isinstance(y_col, str) else list(y_col) if isinstance(y_col, (list, tuple)) else None
    if class_mode not in (None, "input") and (not y_cols or any(c not in dataframe.columns for c in y_cols)):
        raise bad_argument("y_col", y_col, f"a column of dataframe ({columns})")
    if directory is not None and (not isinstance(directory, (str, os.PathLike))
                                  or not os.path.isdir(os.path.expanduser(directory))):
        raise bad_argument("directory", directory, "an existing folder or NULL/None")
    gen = image_data_generator() if generator is None else _check_generator(generator)
    if as_flag(drop_duplicates, "drop_duplicates"):
        dataframe = dataframe.drop_duplicates(subset=x_col)
    args = _file_flow_args(target_size, color_mode, classes, class_mode, interpolation,
                           ("categorical", "binary", "sparse", "input", "other", "raw", None))
    if args["class_mode"] == "other":  # Keras 2's name of what Keras 3's copy calls "raw"
        args["class_mode"] = "raw"
    return gen.flow_from_dataframe(
        dataframe.reset_index(drop=True),
        directory=None if directory is None else os.path.expanduser(os.fspath(directory)), x_col=x_col,
        y_col=y_col if isinstance(y_col, str) else y_cols, **args,
        **_flow_common(batch_size, shuffle, seed, save_to_dir, save_prefix, save_format, subset))


def generator_next(generator: Any, completed: Any = None) -> Any:
    """The next item of a Python iterator or generator, or ``completed`` when it is exhausted.

    Example:
        >>> x, y = generator_next(flow_images_from_data(x_train, y_train))

    Args:
        generator: An iterator, e.g. from :func:`flow_images_from_data` or
            ``texts_to_sequences_generator()``.
        completed: What to return once the iterator has no more items. Defaults to `None`.

    Returns:
        The next item (a batch ``(x, y)`` from the image flows; R: ``list(x, y)``).

    Mirrors ``keras::generator_next()``.
    """
    if not isinstance(generator, Iterator):
        raise bad_argument("generator", generator, "an iterator or generator (e.g. flow_images_from_data())",
                           TypeError)
    return next(generator, completed)
