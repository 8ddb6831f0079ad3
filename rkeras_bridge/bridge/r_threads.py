"""R functions on threads other than R's main thread, while R's main thread waits in Python.

TensorFlow's mirrored strategies run the per-replica step on a helper thread of their own (see
:mod:`rkeras_bridge.tensorflow.distribute`). Two things stand between R code and that thread. R's C
stack check fails there (:func:`r_stack_check_off` turns it off for a block); and reticulate >= 1.29 does not
call an R function from another thread at all, it hands the call to R's main thread and waits, while
R's main thread is the one waiting in ``strategy.run``. :func:`use_r_entry` (called by the R package
at load) replaces that hand-off, inside an :func:`r_stack_check_off` block only, with a call on the
calling thread through the R package's own C entry point (``rkb_call_r_here`` in ``r/src/replica.c``,
reached with ``ctypes``). reticulate 1.28 calls R on the calling thread by itself.

This module imports nothing heavy: the R package loads it with the bridge, before TensorFlow.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["RStepError", "r_stack_check_off", "use_r_entry"]

_R_LOCK = threading.Lock()
_R_DEPTH = [0, 0]  # [nesting depth, saved R_CStackLimit]


def _r_stack_limit() -> ctypes.c_size_t | None:
    """R's ``R_CStackLimit`` in this process, or `None` when R is not loaded here."""
    try:
        return ctypes.c_size_t.in_dll(ctypes.CDLL(None), "R_CStackLimit")
    except (OSError, ValueError, TypeError, AttributeError):
        return None


@contextlib.contextmanager
def r_stack_check_off() -> Iterator[bool]:
    """Let R functions run on a thread other than R's main thread for the duration of a block.

    TensorFlow's mirrored strategies call the replica function on helper threads; R's C stack
    check fails there and aborts the process. Inside this block the check is off
    (``R_CStackLimit = -1``); on leaving it is restored. Nested blocks are fine. In a process
    without R it does nothing.

    Example:
        >>> with r_stack_check_off():
        ...     result = strategy.run(r_function, args=(x,))

    Returns:
        A context manager; ``as`` gives whether R was found in the process (`True`/`False`).

    R equivalent: none needed; the strategies from :func:`multi_worker_mirrored_strategy` and
    :func:`mirrored_strategy` use it in ``strategy$run()``.
    """
    limit = _r_stack_limit()
    if limit is None:
        yield False
        return
    with _R_LOCK:
        if _R_DEPTH[0] == 0:
            _R_DEPTH[1] = limit.value
            limit.value = ctypes.c_size_t(-1).value
        _R_DEPTH[0] += 1
    try:
        yield True
    finally:
        with _R_LOCK:
            _R_DEPTH[0] -= 1
            if _R_DEPTH[0] == 0:
                limit.value = _R_DEPTH[1]


_REPLICA = threading.local()  # the R call waiting on this (replica) thread, and its outcome
_R_ENTRY: list[Any] = [None]  # rkb_call_r_here() of the R package's library, once R has said where
_RETICULATE_HANDOFF: list[Any] = [None]  # reticulate's own hand-off to R's main thread (>= 1.29)


def use_r_entry(dll: str) -> bool:
    """Let R functions run on TensorFlow's replica threads in this process (R calls it at load).

    ``dll`` is the R package's shared library, whose ``rkb_call_r_here()`` enters R on the calling
    thread. reticulate >= 1.29 hands a call of an R function from another thread to R's main
    thread (``rpytools.thread.safe_call_r_function_on_main_thread``); while R's main thread waits
    in a strategy's :meth:`run`, that hand-off is replaced by a call on the replica thread itself,
    through ``dll``. reticulate 1.28 calls R on the replica thread by itself.

    Example:
        >>> use_r_entry("/usr/lib/R/site-library/rkerasbridge/libs/rkerasbridge.so")
        True

    Args:
        dll: Path of the R package's shared library (already loaded by R).

    Returns:
        Whether reticulate's hand-off was found and wrapped (`False` on reticulate 1.28).

    R equivalent: none; ``library(rkerasbridge)`` calls it.
    """
    # PyDLL keeps the GIL held: R code calls Python on this thread, and reticulate 1.28 expects
    # the GIL to be held by whoever calls it.
    entry = ctypes.PyDLL(dll).rkb_call_r_here
    entry.argtypes, entry.restype = [], ctypes.c_int
    _R_ENTRY[0] = entry
    try:
        import rpytools.thread as handoff  # reticulate's Python package, on sys.path where R loaded it
    except ImportError:
        return False
    original = getattr(handoff, "safe_call_r_function_on_main_thread", None)
    if original is None:
        return False
    if getattr(original, "_rkeras_bridge", False):
        return True
    _RETICULATE_HANDOFF[0] = original
    handoff.safe_call_r_function_on_main_thread = _call_r_function
    return True


def _call_r_function(f: Any, *args: Any, **kwargs: Any) -> tuple[Any, BaseException | None]:
    """Call the R function in capsule ``f`` on this thread when R's main thread waits in :meth:`run`.

    Returns ``(value, None)`` or ``(None, exception)``, as reticulate's hand-off does.
    """
    if _R_DEPTH[0] == 0 or _R_ENTRY[0] is None or threading.current_thread() is threading.main_thread():
        return _RETICULATE_HANDOFF[0](f, *args, **kwargs)
    _REPLICA.job, _REPLICA.result = (f, args, kwargs, _capsule_convert(f)), None
    try:
        failed = _R_ENTRY[0]()
        result = _REPLICA.result
    finally:
        _REPLICA.job = _REPLICA.result = None
    if result is None:
        return None, RStepError(f"the R function stopped without a value or an R error (evaluation failed: "
                                f"{bool(failed)}; an interrupt?)", ["interrupt"] if failed else [])
    ok, value = result
    return (value, None) if ok else (None, value)


_call_r_function._rkeras_bridge = True  # type: ignore[attr-defined]  # marks the hand-off as wrapped


_capsule_context = ctypes.pythonapi.PyCapsule_GetContext
_capsule_context.argtypes, _capsule_context.restype = [ctypes.py_object], ctypes.c_void_p


def _capsule_convert(capsule: Any) -> bool:
    """reticulate keeps an R function's ``convert`` flag as its capsule's context."""
    return bool(_capsule_context(capsule))


def replica_job() -> tuple[Any, Any, Any, bool]:
    """The R call waiting on this thread: (capsule, args, kwargs, convert); R's ``replica_call()`` asks."""
    f, args, kwargs, convert = _REPLICA.job
    return f, list(args), dict(kwargs), convert


def replica_done(value: Any = None) -> None:
    """The R function called on this thread returned ``value``."""
    _REPLICA.result = (True, value)


def replica_failed(message: str, classes: Sequence[str] = (), exception: Any = None) -> None:
    """The R function called on this thread signalled an error; a Python ``exception`` behind it is kept."""
    if not isinstance(exception, BaseException):
        exception = RStepError(str(message), [str(c) for c in classes or ()])
    _REPLICA.result = (False, exception)


class RStepError(RuntimeError):
    """An R function run on a replica thread signalled an R error (its message and R classes)."""

    def __init__(self, message: str, classes: Sequence[str] = ()):
        super().__init__(message)
        self.r_classes = list(classes)

