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

import atexit
import contextlib
import ctypes
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["RStepError", "callable_from_any_thread", "is_r_function", "r_stack_check_off", "serve_r_calls",
           "serves_r_calls", "use_r_entry", "waits_on_tensorflow_threads", "keep_until_served"]

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



# ---- R functions called from TensorFlow's own threads (tf.data pipelines, py_func) ----------------
#
# tf.data runs map functions, prefetching and py_func ops on its own threads, also while R's main thread
# runs R code. R may only run on R's main thread: reticulate 1.28 enters R from whatever thread calls
# (an abort, "Rcpp::LongjumpException"), reticulate >= 1.29 hands the call to R's main thread and waits,
# which never comes while that thread waits for the dataset (a hang). So an R function handed to
# TensorFlow (callable_from_any_thread) queues its call when it runs off the main thread, and R's main
# thread runs the queue whenever it waits on TensorFlow's threads: a call from R marked as waiting
# (waits_on_tensorflow_threads: iterator_get_next, iter_next, fit ...) runs on a helper thread while
# the main thread serves the queued R calls (serve_r_calls). Only such calls move to a helper thread:
# most state of TensorFlow's eager mode (gradient tapes, strategy scopes) belongs to the thread.

_QUEUE_LOCK = threading.Condition()
_QUEUED: list[_RCall] = []
_HANDED_OFF = [0]  # R functions wrapped for other threads so far; 0: nothing to serve, ever
_R_FAILURES: list[BaseException] = []  # recent errors of queued R calls, to report the R error itself
_WAIT_POLL_S = 0.1
_SHUTTING_DOWN = [False]
# Iterators of datasets that may call R functions. TensorFlow's iterator waits, when destroyed, for the
# calls it has in flight; destroyed on R's main thread, those could never run. So they are kept here
# and let go on the helper thread of a serve_r_calls(), while the main thread serves (release_kept).
_KEPT: list[Any] = []


class _RCall:
    __slots__ = ("fn", "args", "kwargs", "done", "value", "error")

    def __init__(self, fn: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = _call_r_here(self.fn, self.args, self.kwargs)
        except BaseException as exc:  # handed to the waiting thread, and kept to report it to R
            self.error = exc
            _R_FAILURES.append(exc)
            del _R_FAILURES[:-32]
        finally:
            self.done.set()


_capsule_name = ctypes.pythonapi.PyCapsule_GetName
_capsule_name.argtypes, _capsule_name.restype = [ctypes.py_object], ctypes.c_char_p


def _capsule_of(fn: Any) -> Any:
    """The R function inside reticulate's Python wrapper of it (``rpytools.call``: a closure over it).

    Only reticulate >= 1.29 names it (``"r_object"``) so that R's ``py_to_r()`` gives the function back;
    on 1.28 `None` (R is then called through reticulate, which keeps an R error's message, not its class).
    """
    for cell in getattr(fn, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if type(value).__name__ == "PyCapsule" and _capsule_name(value) == b"r_object":
            return value
    return None


def _call_r_here(fn: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Call the R function ``fn`` on this thread, through the R package's entry when it is there.

    The entry evaluates the call inside an R ``tryCatch`` and hands an R error over as
    :class:`RStepError` with its message and R classes. Through reticulate itself an R error would
    cross its C++ layer as an exception, and reticulate 1.46 loses it once TensorFlow is loaded: the
    Python side sees only "(Unknown exception occurred)".
    """
    capsule = _capsule_of(fn)
    if capsule is None or _R_ENTRY[0] is None:
        return fn(*args, **kwargs)
    _REPLICA.job, _REPLICA.result = (capsule, args, kwargs, _capsule_convert(capsule)), None
    try:
        failed = _R_ENTRY[0]()
        result = _REPLICA.result
    finally:
        _REPLICA.job = _REPLICA.result = None
    if result is None:
        raise RStepError(f"the R function stopped without a value or an R error (evaluation failed: "
                         f"{bool(failed)}; an interrupt?)", ["interrupt"] if failed else [])
    ok, value = result
    if not ok:
        raise value
    return value


def is_r_function(fn: Any) -> bool:
    """Whether ``fn`` is an R function as reticulate hands it to Python."""
    return getattr(fn, "__module__", None) == "rpytools.call"


def _plain_value(value: Any) -> Any:
    # What a py_func hands over, as 2018 code met it in R: a scalar string as Python bytes (x$decode()
    # works), strings arrays as lists of bytes, numbers as Python numbers or arrays. NumPy scalars never
    # reach reticulate: it aborts R on a numpy.bytes_.
    import numpy as np

    if isinstance(value, np.ndarray):
        if value.dtype.kind in "SUO":
            return value.item() if value.ndim == 0 else value.tolist()
        return value.item() if value.ndim == 0 else value
    if isinstance(value, np.generic):
        return value.item()
    return value


def callable_from_any_thread(fn: Any) -> Any:
    """Let TensorFlow call ``fn`` from any thread: an R function's calls go to R's main thread.

    Anything but an R function is returned as it is. Off R's main thread, a call of the returned
    function waits until R's main thread serves it (while it waits on a dataset, see
    :func:`serve_r_calls`); on the main thread it calls at once. Arguments arrive as 2018 code met them
    (Python bytes for scalar strings, Python numbers for NumPy scalars).

    Example:
        >>> f = callable_from_any_thread(r_function)  # doctest: +SKIP
        >>> tf.numpy_function(f, [x], tf.float64)     # doctest: +SKIP

    Args:
        fn: A callable.

    Returns:
        ``fn``, or a wrapper of it when it is an R function.

    R equivalent: none needed; ``tf$py_func()``, ``tf$numpy_function()`` and ``tf$py_function()`` use it.
    """
    if not is_r_function(fn) or getattr(fn, "_rkeras_bridge_any_thread", False):
        return fn

    def call(*args: Any, **kwargs: Any) -> Any:
        args = tuple(_plain_value(a) for a in args)
        if threading.current_thread() is threading.main_thread():
            return _call_r_here(fn, args, kwargs)
        job = _RCall(fn, args, kwargs)
        with _QUEUE_LOCK:
            _QUEUED.append(job)
            _QUEUE_LOCK.notify_all()
        while not job.done.wait(_WAIT_POLL_S):
            if _SHUTTING_DOWN[0] or not threading.main_thread().is_alive():
                raise RuntimeError("R's main thread has ended; the R function called from one of "
                                   "TensorFlow's threads cannot run")
        if job.error is not None:
            raise job.error
        return job.value

    call.__name__ = getattr(fn, "__name__", "r_function")
    call._rkeras_bridge_any_thread = True  # type: ignore[attr-defined]
    _HANDED_OFF[0] += 1
    return call


def keep_until_served(iterator: Any) -> Any:
    """Keep a dataset iterator alive until a :func:`serve_r_calls` lets it go (when R functions exist).

    Returns ``iterator``. See ``_KEPT``: its end must not happen on R's main thread while R calls of
    it are in flight.
    """
    if _HANDED_OFF[0]:
        _KEPT.append(iterator)
    return iterator


def _release_kept() -> None:
    """Let go (on this, a helper, thread) the kept iterators nothing else refers to any more."""
    for i in range(len(_KEPT) - 1, -1, -1):
        # references: the list, getrefcount's argument
        if sys.getrefcount(_KEPT[i]) <= 2:
            del _KEPT[i]


def _shut_down() -> None:
    _SHUTTING_DOWN[0] = True  # R calls still waiting give up instead of holding the process at exit
    if _KEPT and threading.current_thread() is threading.main_thread():
        serve_r_calls(_KEPT.clear)  # end the kept iterators off this thread, as any other time


atexit.register(_shut_down)


def waits_on_tensorflow_threads(fn: Any) -> Any:
    """Mark ``fn`` as a call that may wait for TensorFlow's threads (R serves queued R calls meanwhile)."""
    fn._rkeras_bridge_waits = True
    return fn


_WAITING_METHODS = frozenset({"get_next", "get_next_as_optional", "__next__"})


def serves_r_calls(fn: Any) -> bool:
    """Whether a call of ``fn`` from R's main thread should serve queued R calls while it waits."""
    if not _HANDED_OFF[0] or threading.current_thread() is not threading.main_thread():
        return False
    if getattr(fn, "_rkeras_bridge_waits", False):
        return True
    # a dataset iterator's own methods, called from R as iter$get_next()
    return getattr(fn, "__name__", None) in _WAITING_METHODS and hasattr(getattr(fn, "__self__", None),
                                                                           "element_spec")


def serve_r_calls(fn: Any, /, *args: Any, **kwargs: Any) -> Any:
    """Call ``fn`` on a helper thread while this, R's main, thread runs the R calls queued meanwhile.

    Example:
        >>> serve_r_calls(iterator.get_next)  # doctest: +SKIP

    Args:
        fn: A call that may wait for TensorFlow's threads (e.g. the next element of a dataset).
        *args: Its arguments.
        **kwargs: Its keyword arguments.

    Returns:
        What ``fn`` returns. When it fails because a queued R function failed, the R function's error
        is raised (its message and classes), not TensorFlow's wrapping of it.
    """
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = fn(*args, **kwargs)
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            _release_kept()
            with _QUEUE_LOCK:
                outcome["done"] = True
                _QUEUE_LOCK.notify_all()

    worker = threading.Thread(target=work, name="rkeras_bridge-waits-on-tensorflow", daemon=True)
    worker.start()
    while True:
        with _QUEUE_LOCK:
            while not _QUEUED and "done" not in outcome:
                _QUEUE_LOCK.wait(_WAIT_POLL_S)
            jobs = _QUEUED[:]
            del _QUEUED[:]
            finished = "done" in outcome
        for job in jobs:
            job.run()
        if finished and not jobs:
            break
    worker.join()
    error = outcome.get("error")
    if error is None:
        return outcome.get("value")
    cause = _r_cause(error)
    if cause is not None:
        raise cause from error
    raise error


def _r_cause(error: BaseException) -> BaseException | None:
    """The queued R call's error behind TensorFlow's ``error`` (matched by message), once."""
    if type(error).__module__.split(".")[0] != "tensorflow":
        return None
    text = str(error)
    for failure in reversed(_R_FAILURES):
        if str(failure) and str(failure) in text:
            _R_FAILURES.remove(failure)
            return failure
    return None
