"""Every TF1-era name the 2018 eager code uses, mapped onto TF 2 / Keras 3 with TF1 semantics.

``tf`` here is the real ``tensorflow`` module with a thin overlay: attributes the overlay defines
(``tf.train.AdamOptimizer``, ``tf.losses.mean_squared_error`` ...) come from it, everything else
is TensorFlow's own. Core modules never import this package; it imports them.
"""

from __future__ import annotations

import sys
import types
from typing import Any

import tensorflow as _tf

from .. import distribute as _distribute
from . import tf1 as _tf1
from . import train as _train

__all__ = ["tf", "tfe_enable_eager_execution"]


class Namespace(types.ModuleType):
    """A module that answers from ``overlay`` first and from ``base`` otherwise."""

    def __init__(self, name: str, base: Any, overlay: dict[str, Any]):
        super().__init__(name, getattr(base, "__doc__", None))
        self._base = base
        self.__dict__.update(overlay)

    def __getattr__(self, name: str) -> Any:
        if name == "__path__":  # not a package: keep the import system from looking inside
            raise AttributeError(name)
        return getattr(self._base, name)

    def __dir__(self) -> list[str]:
        return sorted(set(dir(self._base)) | {k for k in self.__dict__ if not k.startswith("_")})

    def __repr__(self) -> str:
        return f"<module '{self.__name__}' (TensorFlow {_tf.__version__} with TF1-era names)>"


def tfe_enable_eager_execution(*args: Any, **kwargs: Any) -> None:
    """Does nothing: eager execution is always on in TensorFlow 2.

    Kept so 2018 scripts that start with ``tfe_enable_eager_execution(device_policy = "silent")``
    run unchanged; arguments are accepted and ignored.

    Mirrors ``tensorflow::tfe_enable_eager_execution()``.
    """
    return None


train = Namespace("tf.train", _tf.train, {
    "AdamOptimizer": _train.AdamOptimizer,
    "GradientDescentOptimizer": _train.GradientDescentOptimizer,
    "RMSPropOptimizer": _train.RMSPropOptimizer,
    "get_or_create_global_step": _train.get_or_create_global_step,
    "get_global_step": _train.get_global_step,
    "Checkpoint": _tf.train.Checkpoint,
    "CheckpointManager": _tf.train.CheckpointManager,
    "latest_checkpoint": _tf.train.latest_checkpoint,
})

# TF1 losses (weights, reductions, label casting) are TensorFlow's own TF1 code, which runs eagerly.
losses = Namespace("tf.losses", _tf.compat.v1.losses, {
    "mean_squared_error": _tf.compat.v1.losses.mean_squared_error,
})

nn = Namespace("tf.nn", _tf.nn, {
    "sparse_softmax_cross_entropy_with_logits": _tf1.sparse_softmax_cross_entropy_with_logits,
})

# TensorFlow's decoders take encoded images as Python bytes; from R they also take raw vectors
# (readBin(f, "raw", n)), which reticulate hands over as a bytearray.
_DECODERS = ("decode_image", "decode_jpeg", "decode_png", "decode_gif", "decode_bmp", "decode_and_crop_jpeg",
             "extract_jpeg_shape", "is_jpeg")

image = Namespace("tf.image", _tf.image, {
    "resize_images": _tf1.resize_images,
    **{n: _tf1.binary_contents(getattr(_tf.image, n)) for n in _DECODERS if hasattr(_tf.image, n)},
})

# tf.io: file names as R strings or Python bytes, contents as Python bytes or R raw vectors.
io = Namespace("tf.io", _tf.io, {
    "read_file": _tf1.read_file,
    "write_file": _tf1.write_file,
    **{n: _tf1.binary_contents(getattr(_tf.io, n))
       for n in (*_DECODERS, "decode_raw", "decode_compressed", "decode_base64") if hasattr(_tf.io, n)},
})

# TensorFlow's own strategies, whose run() also takes R functions (see rkeras_bridge.tensorflow.distribute):
# `tf$distribute$MultiWorkerMirroredStrategy()` from R is then the 2018-style idiom, and works.
distribute = Namespace("tf.distribute", _tf.distribute, {
    "MultiWorkerMirroredStrategy": _distribute.MultiWorkerMirroredStrategy,
    "MirroredStrategy": _distribute.MirroredStrategy,
})

test = Namespace("tf.test", _tf.test, {
    "is_gpu_available": _tf1.is_gpu_available,
})

tf = Namespace("tf", _tf, {
    "train": train,
    "losses": losses,
    "nn": nn,
    "image": image,
    "test": test,
    "distribute": distribute,
    "contrib": _tf1.contrib,
    "executing_eagerly": _tf.executing_eagerly,
    "enable_eager_execution": tfe_enable_eager_execution,
    "multinomial": _tf1.multinomial,
    "random_crop": _tf1.random_crop,
    "read_file": _tf1.read_file,
    "write_file": _tf1.write_file,
    "io": io,
    "py_func": _tf1.py_func,
    "numpy_function": _tf1.numpy_function,
    "py_function": _tf1.py_function,
})

# `import("rkeras_bridge.tensorflow.compat.tf", delay_load = ...)` from R finds the namespace as a module.
sys.modules[__name__ + ".tf"] = tf
