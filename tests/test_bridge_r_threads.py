"""R functions on threads other than R's main thread (rkeras_bridge.bridge.r_threads), without R.

The R side (an R step and a keras_model_custom() call on TensorFlow's replica thread, on reticulate
1.28 and 1.46) is tested in r/tests/testthat/test-tensorflow-distribute.R.
"""
import subprocess
import sys

from rkeras_bridge import r_threads


def test_importing_it_does_not_import_tensorflow():
    # the R package loads it with the bridge; TensorFlow would add seconds to every start
    code = "import sys, rkeras_bridge.bridge.r_threads; print('tensorflow' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_an_r_call_from_another_thread_goes_to_reticulate_unless_r_waits_in_run(monkeypatch):
    # Outside a strategy's run() (R's main thread is not waiting) reticulate's own hand-off is used.
    seen = []
    handoff = [lambda f, *a, **k: seen.append((f, a, k)) or (7, None)]
    monkeypatch.setattr(r_threads, "_RETICULATE_HANDOFF", handoff)
    monkeypatch.setattr(r_threads, "_R_ENTRY", [lambda: 1 / 0])
    assert r_threads._call_r_function("capsule", 1, x=2) == (7, None)
    assert seen == [("capsule", (1,), {"x": 2})]


def test_the_outcome_of_an_r_call_on_a_replica_thread_comes_back_with_its_class():
    r_threads.replica_failed("boom", ["simpleError", "error", "condition"])
    ok, error = r_threads._REPLICA.result
    assert not ok and isinstance(error, r_threads.RStepError) and error.r_classes[0] == "simpleError"
    original = ValueError("`n` must be >= 5")
    r_threads.replica_failed("ValueError: `n` must be >= 5", ["python.builtin.ValueError"], original)
    assert r_threads._REPLICA.result == (False, original)
    r_threads.replica_done(3)
    assert r_threads._REPLICA.result == (True, 3)
    r_threads._REPLICA.result = None
