"""R keras 2.2.4's installation and implementation helpers: what Keras is there, and which backend.

Nothing is installed at run time: the package runs on the Keras 3 / TensorFlow 2 of its own Python
environment, set up once (``make setup``). ``install_keras()`` therefore raises a classed error that
says so, and ``use_backend()`` accepts TensorFlow only, the one backend Keras 3 runs on here.
"""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType
from typing import Any

from ..bridge.errors import bad_argument, unavailable

__all__ = [
    "is_keras_available",
    "keras_version",
    "install_keras",
    "use_backend",
    "implementation",
    "is_tensorflow_implementation",
    "is_keras_implementation",
    "get_keras_implementation",
    "have_h5py",
    "have_pyyaml",
    "have_requests",
    "have_pillow",
]

_BACKENDS = ("tensorflow", "cntk", "theano", "plaidml")


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:3])


def keras_version() -> str:
    """The version of Keras in use (Keras 3, e.g. ``"3.15.1"``).

    Example:
        >>> keras_version()[0]
        '3'

    Returns:
        The version as a string (R: a ``numeric_version``, so ``keras_version() >= "2.1.6"`` works).

    Mirrors ``keras:::keras_version()`` of R keras 2.2.4.
    """
    import keras

    return ".".join(str(p) for p in _version_tuple(keras.__version__))


def is_keras_available(version: Any = None) -> bool:
    """Whether Keras can be loaded (and is at least ``version``).

    Example:
        >>> is_keras_available()
        True

    Args:
        version: The least version wanted, e.g. ``"2.0.5"``. Defaults to `None` (any).

    Returns:
        `True` or `False`.

    Mirrors ``keras::is_keras_available()`` of R keras 2.2.4.
    """
    if version is not None:
        if isinstance(version, (list, tuple)) and len(version) == 1:
            version = version[0]
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            version = str(version)
        if not isinstance(version, str) or not _version_tuple(version):
            raise bad_argument("version", version, 'a version such as "2.0.5" or NULL/None', error=TypeError)
    if importlib.util.find_spec("keras") is None:
        return False
    try:
        current = keras_version()
    except Exception:  # Keras is there but cannot be loaded
        return False
    return version is None or _version_tuple(current) >= _version_tuple(version)


def install_keras(method: Any = "auto", conda: Any = "auto", version: Any = "default",
                  tensorflow: Any = "default", extra_packages: Any = "tensorflow-hub", **kwargs: Any) -> None:
    """Not available: nothing is installed at run time; Keras 3 and TensorFlow 2 come with the set-up.

    Example:
        >>> is_keras_available()  # instead: check what the set-up installed
        True

    Args:
        method: ``"auto"``, ``"virtualenv"`` or ``"conda"``. Defaults to `"auto"`.
        conda: Path to conda. Defaults to `"auto"`.
        version: Keras version. Defaults to `"default"`.
        tensorflow: TensorFlow version or ``"gpu"``. Defaults to `"default"`.
        extra_packages: More Python packages. Defaults to `"tensorflow-hub"`.
        **kwargs: Further installation options.

    Raises:
        UnavailableError: always, saying how the environment is set up instead.

    Mirrors ``keras::install_keras()`` of R keras 2.2.4.
    """
    raise unavailable("install_keras", "this package installs nothing at run time; it runs on the Keras 3 "
                      "and TensorFlow 2 of the Python environment it was set up with (pinned in "
                      "constraints.txt)",
                      "run `make setup` in the project (or `pip install -c constraints.txt -e .` in its "
                      "virtual environment) and check with is_keras_available()")


def use_backend(backend: Any = "tensorflow") -> None:
    """Choose Keras's backend: TensorFlow, the only one Keras 3 runs on here.

    Example:
        >>> use_backend("tensorflow")

    Args:
        backend: ``"tensorflow"``; ``"cntk"``, ``"theano"`` and ``"plaidml"`` raise an
            ``UnavailableError``. Defaults to `"tensorflow"` (R: the first of
            ``c("tensorflow", "cntk", "theano", "plaidml")``).

    Returns:
        `None`.

    Mirrors ``keras::use_backend()`` of R keras 2.2.4.
    """
    if isinstance(backend, (list, tuple)) and list(backend) == list(_BACKENDS):
        backend = _BACKENDS[0]
    if backend not in _BACKENDS:
        raise bad_argument("backend", backend, '"tensorflow", "cntk", "theano" or "plaidml"')
    if backend != "tensorflow":
        raise unavailable(f'use_backend("{backend}")', f"{backend} is not a backend of Keras 3 on "
                          "TensorFlow 2 (Theano and CNTK are discontinued, PlaidML never ran Keras 3)",
                          'use_backend("tensorflow"), the backend everything here runs on')


def implementation() -> ModuleType:
    """The Python Keras module in use (Keras 3).

    Example:
        >>> implementation().__name__
        'keras'

    Returns:
        The ``keras`` module.

    Mirrors ``keras::implementation()`` of R keras 2.2.4.
    """
    import keras

    return keras


def get_keras_implementation() -> str:
    """Which Keras R keras 2.2.4 would say it uses: ``"tensorflow"`` (Keras 3 on TensorFlow, ``tf.keras``).

    Example:
        >>> get_keras_implementation()
        'tensorflow'

    Returns:
        ``"tensorflow"``.

    Mirrors ``keras:::get_keras_implementation()`` of R keras 2.2.4.
    """
    return "tensorflow"


def is_tensorflow_implementation(version: Any = None) -> bool:
    """Whether Keras is TensorFlow's (it is: Keras 3 is ``tf.keras``), at least ``version`` of Keras.

    Example:
        >>> is_tensorflow_implementation()
        True

    Args:
        version: The least Keras version. Defaults to `None`.

    Returns:
        `True` or `False`.

    Mirrors ``keras:::is_tensorflow_implementation()`` of R keras 2.2.4.
    """
    return is_keras_available(version)


def is_keras_implementation(version: Any = None) -> bool:
    """Whether Keras is the standalone multi-backend Keras 2 (it is not: Keras 3 runs on TensorFlow here).

    Example:
        >>> is_keras_implementation()
        False

    Args:
        version: The least version. Defaults to `None`.

    Returns:
        `False`.

    Mirrors ``keras:::is_keras_implementation()`` of R keras 2.2.4.
    """
    is_keras_available(version)  # checks `version`
    return False


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def have_h5py() -> bool:
    """Whether the Python package h5py (HDF5 model files) is installed.

    Example:
        >>> have_h5py()
        True

    Returns:
        `True` or `False`.

    Mirrors ``keras:::have_h5py()`` of R keras 2.2.4.
    """
    return _have("h5py")


def have_pyyaml() -> bool:
    """Whether the Python package PyYAML (``model_to_yaml()``) is installed.

    Example:
        >>> isinstance(have_pyyaml(), bool)
        True

    Returns:
        `True` or `False`.

    Mirrors ``keras:::have_pyyaml()`` of R keras 2.2.4.
    """
    return _have("yaml")


def have_requests() -> bool:
    """Whether the Python package requests (``callback_remote_monitor()``) is installed.

    Example:
        >>> isinstance(have_requests(), bool)
        True

    Returns:
        `True` or `False`.

    Mirrors ``keras:::have_requests()`` of R keras 2.2.4.
    """
    return _have("requests")


def have_pillow() -> bool:
    """Whether the Python package Pillow (image loading) is installed.

    Example:
        >>> isinstance(have_pillow(), bool)
        True

    Returns:
        `True` or `False`.

    Mirrors ``keras:::have_pillow()`` of R keras 2.2.4.
    """
    return _have("PIL")
