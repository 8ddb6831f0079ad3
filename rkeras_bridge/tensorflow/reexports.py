"""Python twins of the reticulate functions R tensorflow 1.13 re-exported: ``dict``, ``np_array``,
``iterate``, ``use_python``, ``use_virtualenv``, ``use_condaenv`` (``tuple``, ``import`` and
``array_reshape`` are R keras's re-exports too: see ``rkeras_bridge.keras``).

In R these names are reticulate's own functions. In Python, where the interpreter already runs,
``use_python()`` and friends can only check that the running Python is the one asked for.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from ..bridge.conversion import as_flag
from ..bridge.errors import bad_argument

__all__ = ["dict", "np_array", "iterate", "use_python", "use_virtualenv", "use_condaenv"]


def _dict(*args: Any, **kwargs: Any) -> builtins.dict:
    """A Python dict of the named arguments (or of one dict, list of pairs or named list).

    Example:
        >>> dict(x=1, y="two")
        {'x': 1, 'y': 'two'}

    Args:
        *args: At most one mapping or sequence of ``(key, value)`` pairs.
        **kwargs: Entries.

    Returns:
        The dict.

    Mirrors ``reticulate::dict()``, re-exported by R tensorflow 1.13.
    """
    if len(args) > 1:
        raise bad_argument("...", list(args), "named entries, or one dict or list of (key, value) pairs")
    return builtins.dict(*args, **kwargs)


def np_array(data: Any, dtype: Any = None, order: Any = "C") -> np.ndarray:
    """A NumPy array of ``data``, of ``dtype``, laid out in ``order``.

    Example:
        >>> np_array([1, 2, 3], dtype="float32")
        array([1., 2., 3.], dtype=float32)

    Args:
        data: Numbers, a vector, an array.
        dtype: A NumPy dtype or its name. Defaults to `None` (inferred).
        order: ``"C"`` (row-major) or ``"F"`` (column-major). Defaults to `"C"`.

    Returns:
        The array.

    Mirrors ``reticulate::np_array()``, re-exported by R tensorflow 1.13.
    """
    if order not in ("C", "F"):
        raise bad_argument("order", order, '"C" or "F"')
    return np.array(data, dtype=dtype, order=order)


def iterate(it: Iterable[Any], f: Callable[[Any], Any] | None = None, simplify: Any = True) -> list[Any]:
    """Apply ``f`` to each element of an iterable (all of them, eagerly) and return the results.

    Example:
        >>> iterate(range(3), lambda x: x * 10)
        [0, 10, 20]

    Args:
        it: A Python iterable or iterator (a dataset, a generator ...).
        f: A function of one element. Defaults to `None` (the elements themselves).
        simplify: R's flag to make a vector of scalar results; Python keeps a list. Defaults to `True`.

    Returns:
        The list of results.

    Mirrors ``reticulate::iterate()``, re-exported by R tensorflow 1.13.
    """
    as_flag(simplify, "simplify")
    if f is not None and not callable(f):
        raise bad_argument("f", f, "a function of one argument", TypeError)
    return [x if f is None else f(x) for x in it]


def _check(requested: str, matches: bool, required: Any, what: str) -> None:
    if not matches and as_flag(required, "required"):
        raise RuntimeError(
            f"{what} {requested!r} was required, but this process already runs the Python of "
            f"{sys.prefix} ({sys.executable}); a running Python cannot be switched. Start Python (or set "
            "RETICULATE_PYTHON for R) with the one you want."
        )


def use_python(python: Any, required: Any = False) -> None:
    """Check that the running Python is ``python``; with ``required``, any other is an error.

    Example:
        >>> use_python(sys.executable, required=True)

    Args:
        python: The path of a Python executable.
        required: Whether another Python is an error (else the request is ignored, as reticulate
            ignores it once Python runs). Defaults to `False`.

    Returns:
        `None`.

    Mirrors ``reticulate::use_python()``, re-exported by R tensorflow 1.13.
    """
    if not isinstance(python, (str, os.PathLike)):
        raise bad_argument("python", python, "the path of a Python executable")
    wanted = os.path.realpath(os.path.expanduser(os.fspath(python)))
    running = {os.path.realpath(sys.executable), os.path.realpath(sys.prefix)}
    _check(os.fspath(python), wanted in running or os.path.dirname(os.path.dirname(wanted)) in running,
           required, "Python")


def use_virtualenv(virtualenv: Any = None, required: Any = False) -> None:
    """Check that the running Python is that of the virtual environment ``virtualenv`` (a path or name).

    Example:
        >>> use_virtualenv(sys.prefix, required=True)

    Args:
        virtualenv: Its folder, or its name (under ``~/.virtualenvs``). Defaults to `None` (any).
        required: Whether another environment is an error. Defaults to `False`.

    Returns:
        `None`.

    Mirrors ``reticulate::use_virtualenv()``, re-exported by R tensorflow 1.13.
    """
    if virtualenv is None:
        return
    if not isinstance(virtualenv, (str, os.PathLike)):
        raise bad_argument("virtualenv", virtualenv, "the folder or name of a virtual environment")
    text = os.path.expanduser(os.fspath(virtualenv))
    prefix = os.path.realpath(sys.prefix)
    matches = os.path.realpath(text) == prefix or (os.sep not in text and os.path.basename(prefix) == text)
    _check(os.fspath(virtualenv), matches, required, "Virtual environment")


def use_condaenv(condaenv: Any = None, conda: Any = "auto", required: Any = False) -> None:
    """Check that the running Python is that of the conda environment ``condaenv`` (a path or name).

    Example:
        >>> use_condaenv("some-env")

    Args:
        condaenv: Its folder or name. Defaults to `None` (any).
        conda: The conda executable (not used: nothing is started). Defaults to `"auto"`.
        required: Whether another environment is an error. Defaults to `False`.

    Returns:
        `None`.

    Mirrors ``reticulate::use_condaenv()``, re-exported by R tensorflow 1.13.
    """
    if condaenv is None:
        return
    if not isinstance(condaenv, (str, os.PathLike)):
        raise bad_argument("condaenv", condaenv, "the folder or name of a conda environment")
    text = os.path.expanduser(os.fspath(condaenv))
    prefix = os.path.realpath(sys.prefix)
    matches = os.path.realpath(text) == prefix or os.path.basename(prefix) == text
    _check(os.fspath(condaenv), matches, required, "Conda environment")


# `dict` is the R name; inside this module the builtin keeps its own name.
globals()["dict"] = _dict
