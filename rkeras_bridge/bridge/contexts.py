"""``with(ctx %as% name, {...})`` from R: tell ``__exit__`` about an error raised in the block.

reticulate 1.28 always calls ``__exit__(None, None, None)``, even when the block failed, so a
context manager that must react to failure (roll back, record, suppress) never learns of it.
The R package's ``with()`` calls :func:`exit_with_condition` instead when the block raised.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RError", "enter", "exit_cleanly", "exit_with_condition"]


class RError(Exception):
    """An R error raised inside a Python context manager's block.

    Attributes:
        r_classes: The R condition's classes, e.g. ``["simpleError", "error", "condition"]``.
    """

    def __init__(self, message: str, r_classes: list[str] | None = None):
        super().__init__(message)
        self.r_classes = list(r_classes or [])


def enter(context: Any) -> Any:
    """Enter ``context`` (``context.__enter__()``), for the R package's ``with()``.

    One call from R instead of looking up ``__enter__`` on the object first (two crossings, each
    ~80 us from R).

    Example:
        >>> tape = tf.GradientTape()
        >>> enter(tape) is tape
        True

    Args:
        context: A Python context manager, e.g. ``tf.GradientTape()`` or ``strategy.scope()``.

    Returns:
        What ``__enter__`` returned (what R's ``%as%`` binds).
    """
    return context.__enter__()


def exit_cleanly(context: Any) -> Any:
    """Leave ``context`` after its block ran without an error (``context.__exit__(None, None, None)``).

    Args:
        context: The context manager :func:`enter` entered.

    Returns:
        What ``__exit__`` returned.
    """
    return context.__exit__(None, None, None)


def exit_with_condition(context: Any, exception: BaseException | None, message: str,
                        r_classes: Any = None) -> bool:
    """Call ``context.__exit__`` with the exception that ended the block; return whether it suppressed it.

    Args:
        context: The context manager whose block failed.
        exception: The Python exception behind the R condition, if the error came from Python.
            Defaults to an :class:`RError` (or ``KeyboardInterrupt`` for an R interrupt).
        message: The R condition's message.
        r_classes: The R condition's classes.

    Returns:
        ``True`` if ``__exit__`` suppressed the error (the R block then returns ``NULL``).
    """
    classes = [r_classes] if isinstance(r_classes, str) else list(r_classes or [])
    if exception is None:
        exception = KeyboardInterrupt(message) if "interrupt" in classes else RError(message, classes)
    return bool(context.__exit__(type(exception), exception, exception.__traceback__))
