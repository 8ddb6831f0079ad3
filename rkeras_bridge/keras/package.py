"""R keras 2.x session-era helpers with no Keras 3 counterpart, and the reticulate names it re-exported."""

from __future__ import annotations

import builtins
import importlib
import sys
import types
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from typing import Any

import tensorflow as tf

from ..bridge.errors import bad_argument
from ..tensorflow.seeding import set_random_seed

__all__ = ["use_session_with_seed", "use_implementation", "tuple", "import_"]


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise bad_argument(name, value, "TRUE or FALSE")
    return value


def _restrict(what: str, change: Any) -> str | None:
    """Apply a runtime setting; TensorFlow refuses once initialised, which is then reported, not raised."""
    try:
        change()
    except RuntimeError:
        return what
    return None


def use_session_with_seed(seed: Any, disable_gpu: bool = True, disable_parallel_cpu: bool = True,
                          quiet: bool = False) -> int:
    """Make a run repeatable: seed everything and, where still possible, hide GPUs and use one CPU thread.

    TF2 has no session to configure. This seeds Python, NumPy, TensorFlow and Keras and turns on
    op determinism (:func:`rkeras_bridge.set_random_seed`), which already makes results repeatable
    on CPU and GPU. GPU hiding and single-threaded CPU can only be set before TensorFlow first
    runs an op; later calls keep the current setting and say so in the message. R's ``set.seed``
    is done by the R wrapper.

    Example:
        >>> use_session_with_seed(42, quiet=True)
        42

    Args:
        seed: A non-negative integer (R's ``42`` is accepted).
        disable_gpu: Hide GPUs from TensorFlow. Defaults to `True`.
        disable_parallel_cpu: One intra-op and one inter-op thread. Defaults to `True`.
        quiet: Do not print the message (on stderr). Defaults to `False`.

    Returns:
        The seed, as an ``int``.

    Mirrors ``keras::use_session_with_seed()`` of R keras 2.x.
    """
    disable_gpu = _flag(disable_gpu, "disable_gpu")
    disable_parallel_cpu = _flag(disable_parallel_cpu, "disable_parallel_cpu")
    quiet = _flag(quiet, "quiet")
    seed = set_random_seed(seed)
    done, kept = [], []
    if disable_gpu:
        if tf.config.get_visible_devices("GPU"):
            failed = _restrict("GPU", lambda: tf.config.set_visible_devices([], "GPU"))
            (kept if failed else done).append("GPU")
        else:
            done.append("GPU")
    if disable_parallel_cpu:
        def one_thread() -> None:
            if tf.config.threading.get_intra_op_parallelism_threads() != 1:
                tf.config.threading.set_intra_op_parallelism_threads(1)
            if tf.config.threading.get_inter_op_parallelism_threads() != 1:
                tf.config.threading.set_inter_op_parallelism_threads(1)

        failed = _restrict("CPU parallelism", one_thread)
        (kept if failed else done).append("CPU parallelism")
    if not quiet:
        message = f"Set session seed to {seed}"
        if done:
            message += f" (disabled {', '.join(done)})"
        if kept:
            message += (f"; {' and '.join(kept)} left as is: TensorFlow was already initialised"
                        " (op determinism keeps results repeatable)")
        print(message, file=sys.stderr)
    return seed


def use_implementation(implementation: Any = "keras") -> None:
    """Does nothing but say so: Keras 3 is the only implementation.

    R keras 2.x could run on standalone Keras or on ``tf.keras``; with TensorFlow 2 and Keras 3
    there is one implementation, and 2018 scripts that start with
    ``use_implementation("tensorflow")`` run unchanged.

    Example:
        >>> use_implementation("tensorflow")

    Args:
        implementation: ``"keras"`` or ``"tensorflow"``. Defaults to `"keras"`.

    Returns:
        `None`. Prints a message on stderr.

    Mirrors ``keras::use_implementation()`` of R keras 2.x.
    """
    if implementation not in ("keras", "tensorflow"):
        raise bad_argument("implementation", implementation, "'keras' or 'tensorflow'")
    print(f'use_implementation("{implementation}") has no effect: Keras 3 (keras {_keras_version()}) on '
          f"TensorFlow {tf.__version__} is the only implementation.", file=sys.stderr)


def _keras_version() -> str:
    import keras

    return keras.__version__


_SEQUENCES = (list, builtins.tuple, range, set, frozenset, KeysView, ValuesView, ItemsView, Iterator)


def tuple(*args: Any) -> builtins.tuple:
    """Make a Python tuple of the arguments, as ``reticulate::tuple()``.

    One list argument gives a tuple of its elements, as both ``reticulate::tuple(list(...))``
    and Python's ``tuple()`` do; so do a tuple, range, set, dict view or iterator (``zip``,
    ``map``, generators), so that code reading ``tuple`` as the builtin keeps working after
    ``from rkeras_bridge import *``. Anything else (a string, an array, a tensor) is one element.

    Example:
        >>> tuple(1, 2), tuple([1, 2]), tuple("a")
        ((1, 2), (1, 2), ('a',))

    Args:
        *args: The elements.

    Returns:
        A ``tuple``.

    Mirrors ``reticulate::tuple()`` (re-exported by R keras 2.x).
    """
    if len(args) == 1 and isinstance(args[0], _SEQUENCES):
        return builtins.tuple(args[0])
    return builtins.tuple(args)


def import_(module: Any) -> types.ModuleType:
    """Import a Python module by name (``import`` is a Python keyword, hence the underscore).

    Example:
        >>> import_("numpy").__name__
        'numpy'

    Args:
        module: The module name, e.g. ``"numpy"`` or ``"tensorflow.keras"``.

    Returns:
        The module.

    Mirrors ``reticulate::import()`` (re-exported by R keras 2.x as ``import``).
    """
    if not isinstance(module, str) or not module:
        raise bad_argument("module", module, "a module name such as 'numpy'", TypeError)
    return importlib.import_module(module)
