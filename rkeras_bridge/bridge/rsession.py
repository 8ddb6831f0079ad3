"""R embedded in this Python process (rpy2), with reticulate calling back into it, safe at exit.

rpy2 embeds R in Python; reticulate, loaded in that R, binds to the *same* interpreter, so
Python objects cross both ways. With reticulate 1.28 the process then died at interpreter exit
("Fatal Python error: PyThreadState_Get: ... the GIL is released", or a segfault) in rpy2's
atexit ``endr``.

Root cause: rpy2 calls R through cffi, and cffi releases the GIL for the duration of every C
call. reticulate 1.28 takes the GIL around its own calls into Python but not in
``python_object_finalize``, the R finalizer of every Python object it wraps, which calls
``Py_DecRef`` bare. R runs finalizers at its safe points (``R_gc()``, ``gc()``, every 1000th
``eval``); ``endr`` calls ``R_gc()`` through cffi, so the last collection drops Python references
with no thread state (gdb: ``_cffi_f_R_gc -> R_RunWeakRefFinalizer -> _Py_FatalError_TstateNULL``).
The same happens mid-run when R code evaluated through ``rpy2.robjects.r`` reaches a safe point
while R holds dropped Python objects (``for (i in 1:50) x <- np$arange(1000L); gc()`` aborts at
once). Later reticulate releases take the GIL in that finalizer.

The fix: let R reach its safe points only with the GIL held. :func:`start_r` registers
:func:`end_r` to run at exit before rpy2's ``endr``; it ends R as ``endr`` does but through
``ctypes.PyDLL``, which keeps the GIL. :func:`r` evaluates R code the same way and then collects
R's young generation, and :func:`collect` runs a full collection, both with the GIL held. Code
that calls ``rpy2.robjects`` directly after R has dropped Python objects should call
:func:`collect` first.

Two more reticulate 1.28 defects show up only when Python is the host and are handled here:
its event-poller thread keeps calling ``Py_AddPendingCall`` after the interpreter is finalized
(see :func:`_stop_reticulate_event_poller`), and with a statically linked Python (Debian's
``/usr/bin/python3``) started under a relative name (``.venv/bin/python``) it mistakes the
executable for a shared ``libpython`` and fails to load ("cannot dynamically load executable"),
because it compares the C ``argv[0]`` that ``dladdr`` reports with ``Py_GetProgramFullPath()``;
:func:`start_r` points ``argv[0]`` at the full program path when, and only when, they differ.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import platform
import sys
import threading
from typing import Any

__all__ = ["start_r", "r", "collect", "end_r", "is_running"]

_lock = threading.RLock()
_state: dict[str, Any] = {"started": False, "ended": False, "package": False, "libR": None, "argv0": None}


class _DlInfo(ctypes.Structure):
    _fields_ = [
        ("dli_fname", ctypes.c_char_p),
        ("dli_fbase", ctypes.c_void_p),
        ("dli_sname", ctypes.c_char_p),
        ("dli_saddr", ctypes.c_void_p),
    ]


def _program_full_path() -> bytes:
    try:
        getter = ctypes.pythonapi.Py_GetProgramFullPath
        getter.restype = ctypes.c_wchar_p
        path = getter()
    except AttributeError:  # pragma: no cover - removed in a future Python
        path = None
    return os.fsencode(path or sys.executable)


def _point_argv0_at_program_path() -> None:
    """Let reticulate 1.28 recognise a statically linked interpreter started by a relative name."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None)
    info = _DlInfo()
    address = ctypes.cast(ctypes.pythonapi.Py_IsInitialized, ctypes.c_void_p)
    if not libc.dladdr(address, ctypes.byref(info)) or not info.dli_fname:
        return
    full_path = _program_full_path()
    if info.dli_fname == full_path:
        return
    try:
        argv = ctypes.POINTER(ctypes.c_char_p).in_dll(libc, "_dl_argv")
    except ValueError:
        return
    if not argv or argv[0] != info.dli_fname:
        return  # Python lives in a real libpython shared library: reticulate dlopens that one.
    buffer = ctypes.create_string_buffer(full_path)
    _state["argv0"] = buffer  # must outlive the process's use of argv[0]
    ctypes.cast(argv, ctypes.POINTER(ctypes.c_void_p))[0] = ctypes.addressof(buffer)


def _load_libR() -> ctypes.PyDLL:
    """libR, already loaded by rpy2, as a PyDLL: calls through it keep the GIL."""
    import rpy2.situation
    from rpy2.rinterface_lib import openrlib

    path = rpy2.situation.get_rlib_path(openrlib.R_HOME, platform.system())
    try:
        lib = ctypes.PyDLL(path, mode=os.RTLD_NOW | getattr(os, "RTLD_NOLOAD", 0))
    except OSError as e:
        raise RuntimeError(f"rkeras_bridge.bridge.rsession: R's library {path} is not loaded by rpy2 "
                           f"({e})") from e
    lib.R_tryEval.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    lib.R_tryEval.restype = ctypes.c_void_p
    for name in ("R_gc", "R_dot_Last", "R_RunExitFinalizers", "Rf_KillAllDevices", "R_CleanTempDir"):
        getattr(lib, name).argtypes = []
        getattr(lib, name).restype = None
    lib.Rf_endEmbeddedR.argtypes = [ctypes.c_int]
    lib.Rf_endEmbeddedR.restype = None
    return lib


def _address(cdata: Any) -> int:
    from rpy2.rinterface_lib import openrlib

    return int(openrlib.ffi.cast("uintptr_t", cdata))


def _reticulate_library_path() -> str:
    """Path of reticulate's shared library if R has loaded it, else ``""`` (R must be running)."""
    value = r(
        'if ("reticulate" %in% names(getLoadedDLLs())) getLoadedDLLs()[["reticulate"]][["path"]] else ""',
        convert=False,
        gc=False,
    )
    return str(value[0])


def _stop_reticulate_event_poller(library_path: str) -> None:
    """Stop reticulate 1.28's event-poller thread from scheduling calls into this interpreter.

    reticulate starts a detached thread that, every 200 ms, schedules ``pollForEvents`` (R event
    processing) with ``Py_AddPendingCall`` whenever the previous one has run. With Python as the
    host that thread outlives the interpreter: a call made after ``Py_FinalizeEx`` freed the
    interpreter dereferences NULL (gdb: ``_PyEval_AddPendingCall`` on reticulate's thread, a few
    percent of exits once TensorFlow is loaded). reticulate 1.28 has no way to stop the thread, so
    the function pointer it calls through, ``reticulate::libpython::Py_AddPendingCall``, is pointed
    at ``sched_yield`` (which takes no arguments and returns 0); the thread sets its "call pending"
    flag before calling and only the scheduled call clears it, so after one no-op the thread just
    sleeps. With R ended there are no R events left to poll for.
    """
    if not library_path:
        return
    try:
        reticulate = ctypes.CDLL(library_path, mode=os.RTLD_NOW | getattr(os, "RTLD_NOLOAD", 0))
        slot = ctypes.c_void_p.in_dll(reticulate, "_ZN10reticulate9libpython17Py_AddPendingCallE")
        no_op = ctypes.cast(ctypes.CDLL(None).sched_yield, ctypes.c_void_p).value
    except (OSError, ValueError, AttributeError):
        return  # another reticulate build: nothing known to stop
    if slot.value:  # NULL until reticulate has initialised Python (no thread yet)
        slot.value = no_op


def is_running() -> bool:
    """Tell whether :func:`start_r` has started R in this process and R has not ended.

    Example:
        >>> from rkeras_bridge import rsession
        >>> rsession.is_running()
        False

    Returns:
        ``True`` between :func:`start_r` and :func:`end_r` (or interpreter exit).
    """
    return bool(_state["started"] and not _state["ended"])


def start_r(load_package: bool = True) -> None:
    """Start R inside this Python process (rpy2), ready for reticulate, safe at interpreter exit.

    Idempotent. Must run before R code first uses Python (reticulate binds to this interpreter
    then). Registers :func:`end_r` to run at exit ahead of rpy2's own handler.

    Example:
        >>> from rkeras_bridge import rsession
        >>> rsession.start_r()
        >>> rsession.r("as.numeric(tf$multiply(tf$constant(2), 3)$numpy())")[0]
        6.0

    Args:
        load_package: Also attach the R package ``rkerasbridge`` (``tf``, the NA-refusing
            wrappers, classed Python conditions). Defaults to `True`.

    Returns:
        None.

    Raises:
        RuntimeError: R was already ended in this process (R cannot be restarted).
    """
    with _lock:
        if _state["ended"]:
            raise RuntimeError("R has already ended in this process and cannot be started again")
        if not _state["started"]:
            _point_argv0_at_program_path()
            import rpy2.robjects  # noqa: F401  (initialises R and registers rpy2's atexit endr)
            _state["libR"] = _load_libR()
            # atexit runs handlers last-in first-out: this one runs before rpy2's endr.
            atexit.register(end_r)
            _state["started"] = True
        if load_package and not _state["package"]:
            r("suppressPackageStartupMessages(library(rkerasbridge))")
            _state["package"] = True


def _eval_holding_gil(rmemory: Any, expr: Any, envir: Any) -> int | None:
    """``eval(expr, envir)`` in R through ``R_tryEval`` called via PyDLL (the GIL stays held).

    Returns the result's address (protected in ``rmemory``), or ``None`` when R signalled an error.
    """
    import rpy2.rinterface as rinterface
    from rpy2.rinterface_lib import openrlib

    call = rmemory.protect(
        openrlib.rlib.Rf_lang3(
            rinterface.baseenv["eval"].__sexp__._cdata, expr.__sexp__._cdata, envir.__sexp__._cdata
        )
    )
    failed = ctypes.c_int(0)
    result = _state["libR"].R_tryEval(_address(call), _address(envir.__sexp__._cdata), ctypes.byref(failed))
    if failed.value or not result:
        return None
    rmemory.protect(openrlib.ffi.cast("SEXP", result))
    return result


def r(code: str, convert: bool = True, gc: bool = True) -> Any:
    """Evaluate R code with the GIL held, so R may release Python objects while it runs.

    Like ``rpy2.robjects.r(code)``, but R's evaluation happens inside a ``ctypes.PyDLL`` call,
    which keeps the GIL, instead of a cffi call, which releases it: finalizers of Python objects
    that run during the evaluation (see the module docstring) are safe.

    Example:
        >>> from rkeras_bridge import rsession
        >>> list(rsession.r("dim(matrix(1:6, 2))"))
        [2, 3]

    Args:
        code: R source; the value of its last expression is returned.
        convert: Convert the value with rpy2's active conversion rules (so
            ``localconverter(default_converter + numpy2ri.converter)`` applies). Defaults to
            `True`; with `False` the raw ``rpy2.rinterface`` object is returned.
        gc: Finish with a young-generation R collection (``gc(full = FALSE)``, a few
            milliseconds), still holding the GIL, so the Python objects the code created and
            dropped are released now rather than during a later rpy2 call. Defaults to `True`.

    Returns:
        The value of the last expression, converted by rpy2 (even when R would print nothing).

    Raises:
        rpy2.rinterface_lib.embedded.RRuntimeError: R signalled an error.
    """
    if not _state["started"]:
        start_r(load_package=False)
    if _state["ended"]:
        raise RuntimeError("R has ended in this process")
    import rpy2.rinterface as rinterface
    import rpy2.robjects.conversion as robjects_conversion
    from rpy2.rinterface_lib import _rinterface_capi, conversion, embedded, memorymanagement, openrlib

    with openrlib.rlock:
        expr = rinterface.parse(code)
        envir = rinterface.evaluation_context.get()
        with memorymanagement.rmemory() as rmemory:
            result = _eval_holding_gil(rmemory, expr, envir)
            error = None if result else _rinterface_capi._geterrmessage()
            if gc:
                if "young_gc" not in _state:
                    _state["young_gc"] = rinterface.parse("invisible(base::gc(full = FALSE))")
                _eval_holding_gil(rmemory, _state["young_gc"], rinterface.baseenv)
            if error is not None:
                raise embedded.RRuntimeError(error)
            value = conversion._cdata_to_rinterface(openrlib.ffi.cast("SEXP", result))
    return robjects_conversion.get_conversion().rpy2py(value) if convert else value


def collect() -> None:
    """Run a full R garbage collection with the GIL held, releasing Python objects R dropped.

    Call it before evaluating R through ``rpy2.robjects`` directly once R code has created and
    dropped Python objects (reticulate 1.28 would otherwise release them without the GIL if that
    evaluation reaches one of R's finalizer points).

    Example:
        >>> from rkeras_bridge import rsession
        >>> _ = rsession.r("for (i in 1:10) x <- tf$constant(i)")
        >>> rsession.collect()

    Returns:
        None.
    """
    if not is_running():
        return
    from rpy2.rinterface_lib import openrlib

    with openrlib.rlock:
        _state["libR"].R_gc()


def end_r() -> None:
    """End the embedded R now, with the GIL held; registered by :func:`start_r` to run at exit.

    Mirrors rpy2 3.5's ``rpy2.rinterface_lib.embedded.endr`` (``.Last``, exit finalizers, devices,
    temporary directory, final collection, ``Rf_endEmbeddedR``), but through ``ctypes.PyDLL`` so
    reticulate's finalizers run with the GIL, and marks R ended so rpy2's own exit handler returns
    at once. Before that it stops reticulate's event poller (:func:`_stop_reticulate_event_poller`);
    after, it detaches rpy2's ``R_ProcessEvents`` callback, so a poll already scheduled does not
    call back into Python while the interpreter is being torn down. Idempotent.

    Example:
        >>> from rkeras_bridge import rsession
        >>> rsession.end_r()  # usually left to interpreter exit

    Returns:
        None.
    """
    with _lock:
        if not is_running():
            return
        import rpy2.rinterface as rinterface
        from rpy2.rinterface_lib import embedded, openrlib

        lib = _state["libR"]
        with openrlib.rlock:
            ended = embedded.RPY_R_Status.ENDED.value
            if not embedded.rpy2_embeddedR_isinitialized & ended:
                try:
                    library_path = _reticulate_library_path()
                except Exception:  # R in a state where it cannot answer: end it all the same
                    library_path = ""
                _stop_reticulate_event_poller(library_path)
                lib.R_dot_Last()
                lib.R_RunExitFinalizers()
                lib.Rf_KillAllDevices()
                lib.R_CleanTempDir()
                lib.R_gc()
                lib.Rf_endEmbeddedR(0)
                embedded.rpy2_embeddedR_isinitialized |= ended
            openrlib.rlib.ptr_R_ProcessEvents = openrlib.ffi.NULL
        _state["ended"] = True
        atexit.unregister(rinterface.endr)
