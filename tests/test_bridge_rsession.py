"""R embedded through rpy2 with reticulate calling back into the same Python (rkeras_bridge.bridge.rsession).

Part (a) runs whole programs in subprocesses, because the failure being fixed happens at
interpreter exit. Parts (b) and (c) embed R in this test process (one R per process), through
:func:`rkeras_bridge.bridge.rsession.start_r`; this process's own exit then goes through the fixed path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types

import numpy as np
import pytest

import rpy2  # noqa: F401  - a declared test dependency: fail, never skip, when it is missing

from rkeras_bridge import conversion
from rkeras_bridge import rsession

FATAL = "Fatal Python error"


def _run_python(program: str, *, relative: bool = False) -> subprocess.CompletedProcess:
    """Run ``program`` with this interpreter; ``relative`` starts it as ``./python`` (C argv[0])."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", PYTHONFAULTHANDLER="1")
    executable, cwd = sys.executable, None
    if relative:
        cwd, executable = os.path.dirname(sys.executable), "./" + os.path.basename(sys.executable)
    return subprocess.run(
        [executable, "-c", textwrap.dedent(program)],
        capture_output=True, text=True, timeout=240, env=env, cwd=cwd,
    )


# --- (a) one process, both directions, clean exit -------------------------------------------------

FIXED_PROGRAM = """
    from rkeras_bridge import rsession
    rsession.start_r()
    rsession.r('np <- reticulate::import("numpy"); x <- np$arange(3)')
    rsession.r('for (i in 1:50) x <- np$arange(1000L)')      # Python objects made and dropped in R
    rsession.r('invisible(gc())')                             # ... and released by R's collector
    print("numpy", list(rsession.r('as.integer(np$arange(3))')))
    print("tf", list(rsession.r('as.numeric(tf$multiply(tf$constant(2), 3)$numpy())')))
    print("done", flush=True)
"""


def test_rpy2_with_reticulate_and_rkerasbridge_exits_cleanly():
    # Started as ./python: also covers reticulate 1.28 finding a statically linked interpreter
    # whose C argv[0] is not its full path (it used to dlopen the executable and fail).
    proc = _run_python(FIXED_PROGRAM, relative=True)
    assert FATAL not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "numpy [0, 1, 2]" in proc.stdout
    assert "tf [6.0]" in proc.stdout
    assert "done" in proc.stdout


def test_reproduction_without_the_fix_exit_crashes():
    """REPRODUCTION of the bug (control, no rkeras_bridge.bridge.rsession): plain rpy2 + reticulate 1.28.

    rpy2's atexit ``endr`` calls ``R_gc()`` through cffi (GIL released); reticulate's finalizer
    then drops the numpy objects R no longer holds with no thread state, and Python aborts. The
    program's own work succeeds ("ok" is printed): only the exit fails. If this test starts failing
    because the exit is clean, reticulate (or rpy2) has been fixed upstream.
    """
    proc = _run_python("""
        import rpy2.robjects as ro
        ro.r('library(reticulate); np <- import("numpy"); x <- np$arange(3)')
        print("ok", flush=True)
    """)
    assert "ok" in proc.stdout
    assert proc.returncode != 0
    assert "Fatal Python error: PyThreadState_Get" in proc.stderr
    assert "endr" in proc.stderr  # the Python frame active at the abort


def test_reproduction_without_the_fix_mid_run_crashes():
    """REPRODUCTION of the same root cause before exit (control, no rkeras_bridge.bridge.rsession).

    Any R evaluation through ``rpy2.robjects.r`` that reaches one of R's finalizer points (here
    ``gc()``) while R holds dropped Python objects aborts; :data:`FIXED_PROGRAM` runs the same R
    code through ``rsession.r`` and survives.
    """
    proc = _run_python("""
        import rpy2.robjects as ro
        ro.r('library(reticulate); np <- import("numpy")')
        ro.r('for (i in 1:50) x <- np$arange(1000L)')
        ro.r('invisible(gc())')
        print("survived", flush=True)
    """)
    assert "survived" not in proc.stdout
    assert proc.returncode != 0
    assert "Fatal Python error: PyThreadState_Get" in proc.stderr


# --- (b) conversions: rpy2's converters vs reticulate, in this process ---------------------------


@pytest.fixture(scope="module")
def received():
    """Start R here, and give R a Python function that records what reticulate hands it."""
    rsession.start_r()
    seen: dict = {}
    probe = types.ModuleType("rkb_rsession_probe")
    probe.capture = lambda name, value: seen.__setitem__(name, value)
    sys.modules[probe.__name__] = probe
    rsession.r("""
        m_int <- matrix(1:6, 2)
        m_dbl <- matrix(c(1.5, 2, 3, 4, 5, 6), 2)
        m_lgl <- matrix(c(TRUE, FALSE, TRUE, TRUE, FALSE, FALSE), 2)
        df <- data.frame(i = 1:3, d = c(0.5, 1.5, 2.5), l = c(TRUE, FALSE, TRUE), s = c("a", "b", "c"),
                         stringsAsFactors = FALSE)
        probe <- reticulate::import("rkb_rsession_probe")
        for (nm in c("m_int", "m_dbl", "m_lgl", "df")) probe$capture(nm, get(nm))
    """)
    yield seen
    del sys.modules[probe.__name__]


def _numpy2ri(code: str):
    from rpy2.robjects import default_converter, numpy2ri
    from rpy2.robjects.conversion import localconverter

    with localconverter(default_converter + numpy2ri.converter):
        return rsession.r(code)


def test_start_r_is_idempotent(received):
    rsession.start_r()
    rsession.start_r(load_package=False)
    assert rsession.is_running()
    assert list(rsession.r("1L + 1L")) == [2]


def test_r_errors_become_python_exceptions(received):
    from rpy2.rinterface_lib.embedded import RRuntimeError

    with pytest.raises(RRuntimeError, match="boom"):
        rsession.r('stop("boom")')
    assert list(rsession.r("2L")) == [2]  # R still usable


@pytest.mark.parametrize(
    "name, values, dtype",
    [
        ("m_int", range(1, 7), np.int32),
        ("m_dbl", [1.5, 2.0, 3.0, 4.0, 5.0, 6.0], np.float64),
    ],
)
def test_numeric_matrices_agree_across_rpy2_reticulate_and_conversion_matrix(received, name, values, dtype):
    by_rpy2 = _numpy2ri(name)
    by_reticulate = received[name]
    expected = conversion.matrix(values, nrow=2, ncol=3)
    for got in (by_rpy2, by_reticulate, expected):
        assert isinstance(got, np.ndarray)
        assert got.dtype == dtype
        assert got.shape == (2, 3)
    np.testing.assert_array_equal(by_rpy2, by_reticulate)
    np.testing.assert_array_equal(by_reticulate, expected)


def test_integer_matrix_is_column_major(received):
    np.testing.assert_array_equal(received["m_int"], [[1, 3, 5], [2, 4, 6]])
    np.testing.assert_array_equal(_numpy2ri("m_int"), [[1, 3, 5], [2, 4, 6]])


def test_logical_matrix(received):
    from rpy2.robjects import numpy2ri

    expected = [[True, True, False], [False, True, False]]  # column-major fill
    by_reticulate = received["m_lgl"]
    assert by_reticulate.dtype == np.bool_
    np.testing.assert_array_equal(by_reticulate, expected)
    made_here = conversion.matrix([True, False, True, True, False, False], nrow=2, ncol=3)
    assert made_here.dtype == np.bool_
    np.testing.assert_array_equal(made_here, by_reticulate)
    # rpy2 3.5's numpy2ri does not map R logical to bool: on its own it yields R's int32 storage
    # (0/1), and after default_converter the logical matrix stays an rpy2 BoolMatrix.
    by_rpy2 = numpy2ri.rpy2py(rsession.r("m_lgl", convert=False))
    assert by_rpy2.dtype == np.int32
    np.testing.assert_array_equal(by_rpy2.astype(bool), by_reticulate)


def test_data_frame_columns_agree_across_pandas2ri_and_reticulate(received):
    import pandas as pd
    from rpy2.robjects import default_converter, pandas2ri
    from rpy2.robjects.conversion import localconverter

    with localconverter(default_converter + pandas2ri.converter):
        by_rpy2 = rsession.r("df")
    by_reticulate = received["df"]
    # pandas 3 (ground 2) gives strings their own dtype; pandas 2 keeps them as objects
    strings = np.dtype(object) if int(pd.__version__.split(".")[0]) < 3 else pd.StringDtype(na_value=np.nan)
    expected_dtypes = {
        "i": np.dtype(np.int32), "d": np.dtype(np.float64), "l": np.dtype(bool), "s": strings,
    }
    for frame in (by_rpy2, by_reticulate):
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == ["i", "d", "l", "s"]
        assert frame.dtypes.to_dict() == expected_dtypes
    # Only the index differs: pandas2ri keeps R's row names ("1", "2", "3"), reticulate does not.
    assert list(by_rpy2.index) == ["1", "2", "3"]
    assert list(by_reticulate.index) == [0, 1, 2]
    pd.testing.assert_frame_equal(by_rpy2.reset_index(drop=True), by_reticulate)
    assert by_reticulate["i"].tolist() == [1, 2, 3]
    assert by_reticulate["l"].tolist() == [True, False, True]
    assert by_reticulate["s"].tolist() == ["a", "b", "c"]


def test_python_objects_made_in_r_come_back(received):
    # Python -> R -> Python: the tensor R made is a Python object R hands back through rpy2.
    values = _numpy2ri("tf$constant(matrix(1:6, 2))$numpy()")
    assert values.dtype == np.int32
    np.testing.assert_array_equal(values, [[1, 3, 5], [2, 4, 6]])


# --- (c) R NA is refused on its way into Python ---------------------------------------------------


def test_r_na_reaching_python_from_r_is_refused(received):
    refused = rsession.r(
        'tryCatch(tf$constant(c(1L, NA)), python.builtin.ValueError = function(e) "refused")'
    )
    assert list(refused) == ["refused"]
    message = rsession.r('tryCatch(tf$constant(c(1L, NA)), error = function(e) conditionMessage(e))')[0]
    assert "NA_integer_ would silently become -2147483648" in message
    classes = list(rsession.r('tryCatch(tf$constant(c(TRUE, NA)), error = function(e) class(e))'))
    # the bridge's leading class keeps e$python_message a plain field (reticulate >= 1.38 gives
    # Python exceptions their own `$`); the exception's own classes follow
    assert classes[:2] == ["rkerasbridge_python_error", "python.builtin.ValueError"]
    assert classes[-2:] == ["error", "condition"]
    np.testing.assert_array_equal(_numpy2ri("tf$constant(c(1L, 2L))$numpy()"), [1, 2])
