"""One message format for bad input, shared by every public entry point.

Messages follow the Keras style: say which argument, what was expected, and what was received
(``... Received: units=32.5``), so an R user and a Python user read the same sentence.
"""

from __future__ import annotations

from typing import Any

__all__ = ["describe", "bad_argument"]

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
