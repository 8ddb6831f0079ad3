"""TF1 top-level names 2018 eager code used that TF2 moved, renamed or removed.

Each keeps its TF1 signature and semantics and accepts R's numbers where TF1 took integers
(``tf$multinomial(logits, 1)``, ``tf$random_crop(x, c(24, 24, 3))``).
"""

from __future__ import annotations

import functools
import os
import types
from collections.abc import Callable
from typing import Any

import numpy as np
import tensorflow as tf

from ...bridge.conversion import as_integer, as_integer_tuple
from ...bridge.errors import bad_argument
from ...bridge.r_threads import callable_from_any_thread

__all__ = [
    "multinomial",
    "random_crop",
    "read_file",
    "write_file",
    "binary_contents",
    "resize_images",
    "py_func",
    "numpy_function",
    "py_function",
    "sparse_softmax_cross_entropy_with_logits",
    "is_gpu_available",
    "contrib",
]


def multinomial(logits: Any, num_samples: Any, seed: Any = None, name: str | None = None,
                output_dtype: Any = None) -> tf.Tensor:
    """Draw class indices (**0-based**) from the categorical distributions given by ``logits``.

    Example:
        >>> multinomial(tf.math.log([[0.0, 1.0]]), num_samples=3).numpy()
        array([[1, 1, 1]])

    Args:
        logits: 2-d tensor ``(batch, classes)`` of unnormalised log-probabilities.
        num_samples: Samples per row (R's ``1`` is accepted).
        seed: Op-level seed, a non-negative integer. Defaults to `None`.
        name: Defaults to `None`.
        output_dtype: ``int32`` or ``int64``. Defaults to `None` (int64).

    Returns:
        An integer tensor ``(batch, num_samples)``.

    Mirrors ``tf$multinomial()`` of TF1 (now ``tf.random.categorical``).
    """
    return tf.random.categorical(
        logits, as_integer(num_samples, "num_samples", minimum=0), dtype=output_dtype,
        seed=as_integer(seed, "seed", minimum=0, allow_none=True), name=name,
    )


def random_crop(value: Any, size: Any, seed: Any = None, name: str | None = None) -> tf.Tensor:
    """A random crop of shape ``size`` from ``value``.

    Example:
        >>> random_crop(tf.zeros([32, 32, 3]), [24, 24, 3]).shape
        TensorShape([24, 24, 3])

    Args:
        value: A tensor.
        size: The crop shape, one number per axis of ``value`` (R's ``c(24, 24, 3)``).
        seed: Op-level seed, a non-negative integer. Defaults to `None`.
        name: Defaults to `None`.

    Returns:
        A tensor of shape ``size``.

    Mirrors ``tf$random_crop()`` of TF1 (now ``tf.image.random_crop``).
    """
    if not tf.is_tensor(size):
        size = as_integer_tuple(size, "size", allow_unknown=False)
    seed = as_integer(seed, "seed", minimum=0, allow_none=True)
    return tf.image.random_crop(value, size, seed=seed, name=name)


def _binary(value: Any) -> Any:
    """An R raw vector (reticulate hands it over as a ``bytearray``) as the ``bytes`` TensorFlow takes."""
    return bytes(value) if isinstance(value, (bytearray, memoryview)) else value


def _filename(filename: Any, name: str = "filename") -> Any:
    """A file name as R (a string) or Python (``str``, ``bytes``, a path, a string tensor) gives it."""
    filename = _binary(os.fspath(filename) if isinstance(filename, os.PathLike) else filename)
    if isinstance(filename, np.ndarray) and filename.ndim == 0 and filename.dtype.kind in "SU":
        filename = filename.item()
    if isinstance(filename, (str, bytes)) or tf.is_tensor(filename):
        return filename
    raise bad_argument(name, filename, "a file path (a string, bytes or a string tensor)", TypeError)


def read_file(filename: Any, name: str | None = None) -> tf.Tensor:
    """The whole content of a file, as a scalar string tensor.

    Example:
        >>> read_file("README.md").dtype
        tf.string

    Args:
        filename: A path: an R string, Python ``str`` or ``bytes`` (what a dataset's file names give), a
            ``pathlib.Path`` or a string tensor.
        name: Defaults to `None`.

    Returns:
        A scalar ``tf.string`` tensor.

    Mirrors ``tf$read_file()`` of TF1 (now ``tf.io.read_file``).
    """
    return tf.io.read_file(_filename(filename), name=name)


def write_file(filename: Any, contents: Any, name: str | None = None) -> Any:
    """Write ``contents`` (a string tensor, Python ``bytes`` or ``str``, or an R raw vector) to a file.

    Example:
        >>> write_file("out.bin", b"\x00\x01")  # doctest: +SKIP

    Args:
        filename: A path, as for :func:`read_file`.
        contents: The bytes to write.
        name: Defaults to `None`.

    Returns:
        `None` (eagerly, the file is written when this returns).

    Mirrors ``tf$write_file()`` of TF1 (now ``tf.io.write_file``).
    """
    return tf.io.write_file(_filename(filename), _binary(contents), name=name)


def binary_contents(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` (a TensorFlow decoder) taking an R raw vector as ``contents``/``bytes`` as well as Python bytes.

    Example:
        >>> binary_contents(tf.io.decode_png)(bytearray(png_bytes)).shape  # doctest: +SKIP
        TensorShape([2, 2, 3])

    Args:
        fn: A function whose first argument (or ``contents``/``bytes``/``input_bytes`` argument) holds
            encoded data.

    Returns:
        The function, converting a ``bytearray`` there to ``bytes`` first.
    """

    @functools.wraps(fn)
    def decoder(*args: Any, **kwargs: Any) -> Any:
        args = tuple(_binary(a) if i == 0 else a for i, a in enumerate(args))
        for key in ("contents", "bytes", "input_bytes"):
            if key in kwargs:
                kwargs[key] = _binary(kwargs[key])
        return fn(*args, **kwargs)

    return decoder


_RESIZE_METHODS = {
    0: tf.compat.v1.image.ResizeMethod.BILINEAR,
    1: tf.compat.v1.image.ResizeMethod.NEAREST_NEIGHBOR,
    2: tf.compat.v1.image.ResizeMethod.BICUBIC,
    3: tf.compat.v1.image.ResizeMethod.AREA,
    "bilinear": tf.compat.v1.image.ResizeMethod.BILINEAR,
    "nearest": tf.compat.v1.image.ResizeMethod.NEAREST_NEIGHBOR,
    "bicubic": tf.compat.v1.image.ResizeMethod.BICUBIC,
    "area": tf.compat.v1.image.ResizeMethod.AREA,
}


def resize_images(images: Any, size: Any, method: Any = 0, align_corners: bool = False,
                  preserve_aspect_ratio: bool = False, name: str | None = None) -> tf.Tensor:
    """Resize images with TF1's resampling (TensorFlow's own TF1 code, ``tf.compat.v1``).

    TF1's bilinear, bicubic and nearest resizing sampled without half-pixel centres (TF2's
    ``tf.image.resize`` uses them), and ``align_corners`` existed only there; going through the
    TF1 implementation gives the 2018 numbers.

    Example:
        >>> resize_images(tf.reshape(tf.range(16.0), [1, 4, 4, 1]), [2, 2])[0, :, :, 0].numpy()
        array([[ 0.,  2.],
               [ 8., 10.]], dtype=float32)

    Args:
        images: 4-d ``(batch, height, width, channels)`` or 3-d ``(height, width, channels)``.
        size: ``c(new_height, new_width)``.
        method: TF1's code: 0 bilinear, 1 nearest neighbour, 2 bicubic, 3 area (or their names,
            ``tf$image$ResizeMethod$BILINEAR`` ...). Defaults to `0`.
        align_corners: Align the centres of the corner pixels. Defaults to `False`.
        preserve_aspect_ratio: Fit within ``size`` keeping the aspect ratio. Defaults to `False`.
        name: Defaults to `None`.

    Returns:
        float32 images (nearest neighbour keeps the input dtype), as TF1 returned them.

    Mirrors ``tf$image$resize_images()`` of TF1.
    """
    key = method
    if isinstance(method, (float, np.floating, np.integer)) and float(method).is_integer():
        key = int(method)
    if isinstance(key, bool) or key not in _RESIZE_METHODS:
        raise bad_argument("method", method, "0 (bilinear), 1 (nearest neighbour), 2 (bicubic) or 3 (area)")
    if not tf.is_tensor(size):
        size = as_integer_tuple(size, "size", allow_unknown=False)
        if len(size) != 2:
            raise bad_argument("size", size, "two numbers, c(new_height, new_width)")
    for flag, value in (("align_corners", align_corners), ("preserve_aspect_ratio", preserve_aspect_ratio)):
        if not isinstance(value, (bool, np.bool_)):
            raise bad_argument(flag, value, "TRUE or FALSE")
    return tf.compat.v1.image.resize_images(
        images, size, method=_RESIZE_METHODS[key], align_corners=bool(align_corners),
        preserve_aspect_ratio=bool(preserve_aspect_ratio), name=name,
    )


def py_func(func: Callable[..., Any], inp: Any, Tout: Any, stateful: bool = True,
            name: str | None = None) -> Any:
    """Run ``func`` on the NumPy values of ``inp`` as a TensorFlow op.

    As in TF1, ``func`` receives arrays and returns arrays, it is not differentiable, and a
    single ``Tout`` dtype gives a single tensor, a list of dtypes a list. Its results are cast to
    ``Tout`` (TF1 raised on a mismatch; an R function returns doubles, so this makes
    ``tf$py_func(function(x) x * 2, list(x), tf$float32)`` work). An R ``func`` also works where
    TensorFlow calls it from its own threads (a dataset map, prefetching): the call runs on R's main
    thread while that thread waits for the dataset (:func:`~rkeras_bridge.bridge.r_threads.serve_r_calls`);
    a scalar string reaches it as Python bytes (``x$decode("utf-8")``), as in 2018.

    Example:
        >>> py_func(lambda x: x * 2, [tf.constant([1.0, 2.0])], tf.float32).numpy()
        array([2., 4.], dtype=float32)

    Args:
        func: A function of as many arrays as ``inp`` has tensors.
        inp: A list of tensors.
        Tout: A dtype, or a list of dtypes, of what ``func`` returns.
        stateful: Whether the op may give different results for the same input. Defaults to `True`.
        name: Defaults to `None`.

    Returns:
        A tensor, or a list of tensors when ``Tout`` is a list.

    Mirrors ``tf$py_func()`` of TF1 (now ``tf.numpy_function``).
    """
    if not callable(func):
        raise bad_argument("func", func, "a function", TypeError)
    func = callable_from_any_thread(func)  # an R function runs on R's main thread, whoever calls it
    if tf.is_tensor(inp) or not isinstance(inp, (list, tuple)):
        inp = [inp]  # R: list(x) of length 1 may arrive unwrapped
    single = not isinstance(Tout, (list, tuple))
    try:
        dtypes = [tf.as_dtype(t) for t in ([Tout] if single else Tout)]
    except TypeError:
        raise bad_argument("Tout", Tout, "a dtype (tf$float32) or a list of dtypes") from None

    def call(*arrays: Any) -> Any:
        result = func(*arrays)
        results = [result] if single else list(result if isinstance(result, (list, tuple)) else [result])
        if len(results) != len(dtypes):
            raise ValueError(f"Invalid value for argument `func`: expected a function returning "
                             f"{len(dtypes)} values (one per Tout). Received: {len(results)} values")
        cast = [np.asarray(r, dtype=d.as_numpy_dtype) for r, d in zip(results, dtypes)]
        return cast[0] if single else cast

    tout = dtypes[0] if single else dtypes
    return tf.numpy_function(call, list(inp), tout, stateful=bool(stateful), name=name)


def numpy_function(func: Callable[..., Any], inp: Any, Tout: Any, stateful: bool = True,
                   name: str | None = None) -> Any:
    """``tf.numpy_function``, where ``func`` may be an R function called from TensorFlow's threads.

    Example:
        >>> numpy_function(lambda x: x * 2, [tf.constant([1.0])], tf.float32).numpy()
        array([2.], dtype=float32)

    Args:
        func: A function of NumPy arrays (an R function runs on R's main thread, whoever calls it).
        inp: A list of tensors.
        Tout: The dtype (or list of dtypes) of what ``func`` returns.
        stateful: Whether the op may give different results for the same input. Defaults to `True`.
        name: Defaults to `None`.

    Returns:
        What ``tf.numpy_function`` returns.

    Mirrors ``tf$numpy_function()``.
    """
    if not callable(func):
        raise bad_argument("func", func, "a function", TypeError)
    return tf.numpy_function(callable_from_any_thread(func), inp, Tout, stateful=stateful, name=name)


def py_function(func: Callable[..., Any], inp: Any, Tout: Any, name: str | None = None) -> Any:
    """``tf.py_function``, where ``func`` may be an R function called from TensorFlow's threads.

    Example:
        >>> py_function(lambda x: x * 2, [tf.constant([1.0])], tf.float32).numpy()
        array([2.], dtype=float32)

    Args:
        func: A function of eager tensors (an R function runs on R's main thread, whoever calls it).
        inp: A list of tensors.
        Tout: The dtype (or list of dtypes) of what ``func`` returns.
        name: Defaults to `None`.

    Returns:
        What ``tf.py_function`` returns.

    Mirrors ``tf$py_function()``.
    """
    if not callable(func):
        raise bad_argument("func", func, "a function", TypeError)
    return tf.py_function(callable_from_any_thread(func), inp, Tout, name=name)


def sparse_softmax_cross_entropy_with_logits(*args: Any, labels: Any = None, logits: Any = None,
                                             name: str | None = None) -> tf.Tensor:
    """Softmax cross-entropy of integer class labels (**0-based**), one value per example.

    As in TF1, ``labels`` and ``logits`` must be named: TF1 guarded the signature with a sentinel
    so that the two could not be swapped by position.

    Example:
        >>> sparse_softmax_cross_entropy_with_logits(labels=[1], logits=[[0.0, 0.0]]).numpy().round(4)
        array([0.6931], dtype=float32)

    Args:
        *args: Refused: TF1 raised for unnamed arguments.
        labels: int32/int64 class indices ``0 .. classes - 1``, the shape of ``logits`` less its last axis.
        logits: Unnormalised log-probabilities, classes on the last axis.
        name: Defaults to `None`.

    Returns:
        A tensor of the shape of ``labels``, in the dtype of ``logits``.

    Mirrors ``tf$nn$sparse_softmax_cross_entropy_with_logits()`` of TF1.
    """
    if args:
        raise ValueError(
            "Only call `sparse_softmax_cross_entropy_with_logits` with named arguments "
            f"(labels=..., logits=..., ...), as in TF1. Received: {len(args)} unnamed argument(s)"
        )
    if labels is None or logits is None:
        missing = "labels" if labels is None else "logits"
        raise bad_argument(missing, None, "a tensor (both `labels` and `logits` are required)")
    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits, name=name)


def is_gpu_available(cuda_only: bool = False, min_cuda_compute_capability: Any = None) -> bool:
    """Whether TensorFlow sees a GPU.

    Example:
        >>> isinstance(is_gpu_available(), bool)
        True

    Args:
        cuda_only: Ignored (TensorFlow 2 GPUs are CUDA or ROCm devices). Defaults to `False`.
        min_cuda_compute_capability: ``c(major, minor)``: only count GPUs at least this capable.
            Defaults to `None`.

    Returns:
        `True` or `False`.

    Mirrors ``tf$test$is_gpu_available()`` of TF1 (without creating a session).
    """
    gpus = tf.config.list_physical_devices("GPU")
    if min_cuda_compute_capability is None:
        return bool(gpus)
    wanted = as_integer_tuple(min_cuda_compute_capability, "min_cuda_compute_capability", allow_unknown=False)
    for gpu in gpus:
        capability = tf.config.experimental.get_device_details(gpu).get("compute_capability")
        if capability is not None and tuple(capability) >= wanted:
            return True
    return False


class _Removed(types.ModuleType):
    """A TF1 namespace TF2 removed: only the names it is given, else an error that says so."""

    def __init__(self, name: str, names: dict[str, Any]):
        super().__init__(name)
        self.__dict__.update(names)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        provided = ", ".join(sorted(k for k in self.__dict__ if not k.startswith("_")))
        raise AttributeError(
            f"module '{self.__name__}' has no attribute {attr!r}: {self.__name__} was removed in "
            f"TensorFlow 2; "
            f"this overlay provides only {provided}"
        )

    def __dir__(self) -> list[str]:
        return sorted(k for k in self.__dict__ if not k.startswith("_"))


contrib = _Removed("tf.contrib", {
    "eager": _Removed("tf.contrib.eager", {
        "defun": tf.function,
        "Variable": tf.Variable,
        "Checkpoint": tf.train.Checkpoint,
    }),
})
