"""One message format for bad input, shared by every public entry point.

Messages follow the Keras style: say which argument, what was expected, and what was received
(``... Received: units=32.5``), so an R user and a Python user read the same sentence.
"""

from __future__ import annotations

from typing import Any

__all__ = ["describe", "bad_argument", "UnavailableError", "unavailable"]

_MAX_REPR = 80


def describe(value: Any) -> str:
    """Return a short, human description of ``value`` for error messages."""
    shape = getattr(value, "shape", None)
    dtype = getattr(value, "dtype", None)
    if shape is not None and dtype is not None and not isinstance(value, (int, float, bool)):
        kind = type(value).__name__
        dims = tuple(shape) if shape is not None else ()
        dtype_name = getattr(dtype, "name", str(dtype))
        if len(dims) == 0:
            try:
                return f"{kind} scalar {value.numpy() if hasattr(value, 'numpy') else value!r} ({dtype_name})"
            except Exception:  # symbolic tensors have no value
                pass
        return f"{kind} of shape {dims} and dtype {dtype_name}"
    text = repr(value)
    if len(text) > _MAX_REPR:
        text = text[: _MAX_REPR - 3] + "..."
    return text


def bad_argument(name: str, value: Any, expected: str, error: type[Exception] = ValueError) -> Exception:
    """Build the exception for argument ``name`` that received ``value`` but needed ``expected``.

    Example:
        >>> raise bad_argument("units", 32.5, "a positive integer")
        Traceback (most recent call last):
        ValueError: Invalid value for argument `units`: expected a positive integer. Received: units=32.5

    Args:
        name: The argument's name as the user wrote it.
        value: What the user passed.
        expected: What would have been accepted, as a noun phrase.
        error: The exception class. Defaults to `ValueError`.

    Returns:
        The exception, ready to ``raise``.
    """
    return error(
        f"Invalid value for argument `{name}`: expected {expected}. Received: {name}={describe(value)}"
    )


class UnavailableError(RuntimeError):
    """An R keras / tensorflow function that cannot exist on TensorFlow 2 (TF1 graph mode, Theano, CNTK).

    Raised instead of doing nothing, so that a 2018 script stops where it relies on it; R sees the
    condition class ``rkeras_bridge.bridge.errors.UnavailableError``.
    """


def unavailable(function: str, why: str, instead: str) -> UnavailableError:
    """Build the error for ``function``, which TensorFlow 2 cannot provide: why, and what to use instead.

    Example:
        >>> raise unavailable("k_get_session", "TensorFlow 2 has no sessions", "k_eval()")
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: k_get_session() is not available on TensorFlow 2: ...

    Args:
        function: The function's name (``()`` is added), or a call such as ``"f(x = ...)"``.
        why: Why it cannot exist, as a clause.
        instead: What to use instead.

    Returns:
        The exception, ready to ``raise``.
    """
    call = function if "(" in function else f"{function}()"
    return UnavailableError(f"{call} is not available on TensorFlow 2: {why}. Instead: {instead}.")
