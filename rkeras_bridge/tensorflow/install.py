"""What the R tensorflow package said about its installation: versions, configuration, the installers.

``tf_version()`` and ``tf_config()`` describe the TensorFlow this process runs (2.21 here, so code that
branches on ``tf_version() >= "2.0"`` takes its TF 2 branch). Nothing is ever installed at run time:
TensorFlow and Keras are pinned dependencies of the package, so ``install_tensorflow()`` and
``install_tensorflow_extras()`` raise a classed error that says how the environment is set up instead.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.util
import os
import re
import sys
import types
from typing import Any

from ..bridge.conversion import as_flag
from ..bridge.errors import bad_argument, unavailable

__all__ = ["tf_version", "tf_config", "install_tensorflow", "install_tensorflow_extras",
           "tf_gpu_configured", "tf_probability", "use_compat"]


class TensorFlowVersion(str):
    """A ``major.minor`` version that compares by its numbers, as R's ``numeric_version`` does.

    ``TensorFlowVersion("2.21") >= "2.9"`` is true (a plain string comparison would say false).
    """

    def _parts(self, other: Any) -> builtins.tuple[builtins.tuple[int, ...], builtins.tuple[int, ...]]:
        def numbers(v: Any) -> builtins.tuple[int, ...]:
            text = str(v)
            if not re.fullmatch(r"\d+(\.\d+)*", text):
                raise bad_argument("version", v, 'a version such as "2.0" or "1.14"', TypeError)
            return builtins.tuple(int(p) for p in text.split("."))

        mine, theirs = numbers(self), numbers(other)
        width = max(len(mine), len(theirs))
        return mine + (0,) * (width - len(mine)), theirs + (0,) * (width - len(theirs))

    def __lt__(self, other: Any) -> bool:
        a, b = self._parts(other)
        return a < b

    def __le__(self, other: Any) -> bool:
        a, b = self._parts(other)
        return a <= b

    def __gt__(self, other: Any) -> bool:
        a, b = self._parts(other)
        return a > b

    def __ge__(self, other: Any) -> bool:
        a, b = self._parts(other)
        return a >= b

    def __eq__(self, other: Any) -> bool:
        try:
            a, b = self._parts(other)
        except TypeError:
            return False
        return a == b

    def __ne__(self, other: Any) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self._parts(self)[0])


def _tf_version_string() -> str:
    import tensorflow as tf

    return str(tf.version.VERSION)


def tf_version() -> TensorFlowVersion:
    """The TensorFlow version this process runs, ``major.minor``, comparable with strings.

    Example:
        >>> tf_version() >= "2.0"
        True

    Returns:
        A :class:`TensorFlowVersion` (a ``str`` such as ``"2.21"`` whose comparisons are numeric, as
        R's ``numeric_version`` is). R gets a ``numeric_version``.

    Mirrors ``tensorflow::tf_version()``.
    """
    major, minor = _tf_version_string().split(".")[:2]
    return TensorFlowVersion(f"{major}.{minor}")


def tf_config() -> dict[str, Any]:
    """Where TensorFlow and its Python are: version, full version string, module path, Python.

    Example:
        >>> tf_config()["available"]
        True

    Returns:
        A dict with ``available`` (``True``: the package cannot load without TensorFlow),
        ``version`` (as :func:`tf_version`), ``version_str`` (the full version, e.g. ``"2.21.0"``),
        ``location`` (the folder of the ``tensorflow`` module), ``python`` (the interpreter) and
        ``python_version`` (``major.minor``).

    Mirrors ``tensorflow::tf_config()``, whose result R prints as "TensorFlow v2.21.0 (path)".
    """
    import tensorflow as tf

    return {
        "available": True,
        "version": tf_version(),
        "version_str": _tf_version_string(),
        "location": os.path.dirname(os.path.abspath(tf.__file__)),
        "python": sys.executable,
        "python_version": f"{sys.version_info.major}.{sys.version_info.minor}",
    }


_SET_UP = ("TensorFlow {version} and Keras 3 are pinned dependencies of rkeras_bridge, installed with the "
           "package (`make setup`, or `pip install -c constraints.txt -e .`), and nothing is installed "
           "while R or Python runs")


def install_tensorflow(method: Any = "auto", conda: Any = "auto", version: Any = "default",
                       envname: Any = "r-tensorflow", extra_packages: Any = None,
                       restart_session: Any = True, conda_python_version: Any = "3.6",
                       **kwargs: Any) -> None:
    """Refuse to install anything: the environment is set up with the package, never at run time.

    Example:
        >>> install_tensorflow()
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: install_tensorflow() is not available ...

    Args:
        method: ``"auto"``, ``"virtualenv"`` or ``"conda"`` in R tensorflow 1.13. Defaults to `"auto"`.
        conda: Path to a conda executable. Defaults to `"auto"`.
        version: TensorFlow version to install. Defaults to `"default"`.
        envname: Environment to install into. Defaults to `"r-tensorflow"`.
        extra_packages: Further packages to install. Defaults to `None`.
        restart_session: Restart RStudio afterwards. Defaults to `True`.
        conda_python_version: Python version of a new conda environment. Defaults to `"3.6"`.
        **kwargs: Further installer options (ignored).

    Returns:
        Never returns.

    Raises:
        UnavailableError: always, saying how this package's TensorFlow is installed.

    Mirrors ``tensorflow::install_tensorflow()``.
    """
    raise unavailable(
        "install_tensorflow",
        _SET_UP.format(version=tf_version()),
        "use this package's environment as it is (tf_config() shows it); to change versions, edit "
        "constraints.txt and rerun `make setup`",
    )


def install_tensorflow_extras(packages: Any = None, conda: Any = "auto") -> None:
    """Refuse to install extra Python packages at run time (see :func:`install_tensorflow`).

    Example:
        >>> install_tensorflow_extras(["tensorflow-hub"])
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: install_tensorflow_extras() is not available ...

    Args:
        packages: Python packages to install alongside TensorFlow. Defaults to `None`.
        conda: Path to a conda executable. Defaults to `"auto"`.

    Returns:
        Never returns.

    Raises:
        UnavailableError: always.

    Mirrors ``tensorflow::install_tensorflow_extras()``.
    """
    raise unavailable(
        "install_tensorflow_extras",
        _SET_UP.format(version=tf_version()),
        "add the packages to pyproject.toml and constraints.txt and rerun `make setup`",
    )


def tf_gpu_configured(verbose: Any = True) -> bool:
    """Whether TensorFlow sees a GPU; with ``verbose``, say so and name the device.

    Example:
        >>> tf_gpu_configured(verbose=False)
        False

    Args:
        verbose: Print whether TensorFlow was built with CUDA and which GPU it found. Defaults to `True`.

    Returns:
        ``True`` when at least one GPU is visible to TensorFlow.

    Mirrors ``tensorflow::tf_gpu_configured()`` (R tensorflow 1.13.1).
    """
    import tensorflow as tf

    verbose = as_flag(verbose, "verbose")
    gpus = tf.config.list_physical_devices("GPU")
    if verbose:
        print(f"TensorFlow built with CUDA: {tf.test.is_built_with_cuda()}")
        print(f"GPU device name: {gpus[0].name if gpus else 'none'}")
    return bool(gpus)


def tf_probability() -> types.ModuleType:
    """The ``tensorflow_probability`` module, when it is installed alongside TensorFlow.

    Example:
        >>> tfp = tf_probability()  # doctest: +SKIP
        >>> tfp.distributions.Normal(0.0, 1.0).sample()  # doctest: +SKIP

    Returns:
        The module.

    Raises:
        ModuleNotFoundError: when TensorFlow Probability is not installed (it is not a dependency of
            this package, and nothing is installed at run time); the message says how to add it.

    Mirrors ``tensorflow::tf_probability()``.
    """
    if importlib.util.find_spec("tensorflow_probability") is None:
        raise ModuleNotFoundError(
            "tf_probability(): the Python module tensorflow_probability is not installed in this "
            "environment, and nothing is installed at run time. Add tensorflow-probability (a release "
            f"made for TensorFlow {tf_version()}, with tf-keras) to the environment and rerun `make setup`.",
            name="tensorflow_probability",
        )
    return importlib.import_module("tensorflow_probability")


def use_compat(version: Any = "v1") -> types.ModuleType:
    """The module ``tf`` should stand for under an API version: ``"v1"`` TF1's, ``"v2"`` this package's.

    ``"v1"`` is ``tf.compat.v1`` (TF1 names such as ``tf.compat.v1.train.AdamOptimizer``, running
    eagerly: eager execution stays on); ``"v2"`` is this package's ``tf`` (TensorFlow 2 with the
    TF1-era names 2018 eager code uses). From R, ``use_compat()`` rebinds ``tf`` on the search path
    to it, as R tensorflow did; in Python, assign it: ``tf = use_compat("v1")``.

    Example:
        >>> use_compat("v1").train.AdamOptimizer  # doctest: +ELLIPSIS
        <class '...AdamOptimizer'>

    Args:
        version: ``"v1"`` or ``"v2"``. Defaults to `"v1"`.

    Returns:
        The module.

    Mirrors ``tensorflow::use_compat()``.
    """
    if isinstance(version, (list, builtins.tuple)) and len(version) == 2 and list(version) == ["v1", "v2"]:
        version = "v1"  # R's match.arg() default: the first choice
    if version not in ("v1", "v2"):
        raise bad_argument("version", version, '"v1" or "v2"')
    if version == "v2":
        from .compat import tf

        return tf
    import tensorflow as tf

    return tf.compat.v1
