"""Images: ``image_load()``, ``image_to_array()`` and ``imagenet_preprocess_input()``.

The R keras 2.x names over ``keras.utils.load_img``/``img_to_array`` and
``keras.applications.imagenet_utils.preprocess_input``; arguments are checked here so that an R
user gets an error that names the argument.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer_tuple
from ..bridge.errors import bad_argument

__all__ = ["image_load", "image_to_array", "imagenet_preprocess_input"]

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
