"""R functions on threads other than R's main thread (rkeras_bridge.bridge.r_threads), without R.

The R side (an R step and a keras_model_custom() call on TensorFlow's replica thread, on reticulate
1.28 and 1.46) is tested in r/tests/testthat/test-tensorflow-distribute.R.
"""
import subprocess
import sys
import threading

import pytest

from rkeras_bridge.bridge import r_threads


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


# ---- R functions called from TensorFlow's own threads --------------------------------------------

def _fake_r_function(body):
    """A Python function that looks like reticulate's wrapper of an R function (module rpytools.call)."""
    namespace = {"body": body}
    exec("def python_function(*args, **kwargs):\n    return body(*args, **kwargs)\n", namespace)
    fn = namespace["python_function"]
    fn.__module__ = "rpytools.call"
    return fn


def _iterate_as_r_does(dataset):
    # R calls every Python function through conversion.call; iterator_get_next is marked as waiting
    import tensorflow as tf

    from rkeras_bridge.bridge.conversion import call
    from rkeras_bridge.tfdatasets.datasets import iterator_get_next, make_iterator_one_shot

    iterator = make_iterator_one_shot(dataset)  # as R makes them: kept until R's main thread serves

    values = []
    while True:
        try:
            values.append(call(iterator_get_next, iterator))
        except tf.errors.OutOfRangeError:
            return values


def test_an_r_function_in_a_parallel_map_runs_on_the_main_thread_while_r_waits():
    import tensorflow as tf

    threads = set()

    def body(x):
        threads.add(threading.current_thread().name)
        return x * 2

    fn = r_threads.callable_from_any_thread(_fake_r_function(body))
    assert r_threads.callable_from_any_thread(fn) is fn  # wrapped once
    dataset = tf.data.Dataset.range(1000).map(lambda x: tf.numpy_function(fn, [x], tf.int64),
                                              num_parallel_calls=4).batch(100).prefetch(2)
    batches = _iterate_as_r_does(dataset)
    assert sum(int(tf.reduce_sum(b)) for b in batches) == 2 * sum(range(1000))
    assert threads == {threading.main_thread().name}


def test_an_error_in_one_element_arrives_as_the_r_functions_own_error():
    import tensorflow as tf

    def body(x):
        if x == 500:
            raise r_threads.RStepError("element 500 is bad", ["bad_element", "error", "condition"])
        return x

    fn = r_threads.callable_from_any_thread(_fake_r_function(body))
    dataset = tf.data.Dataset.range(1000).map(lambda x: tf.numpy_function(fn, [x], tf.int64),
                                              num_parallel_calls=4).batch(100)
    with pytest.raises(r_threads.RStepError, match="element 500 is bad") as caught:
        _iterate_as_r_does(dataset)
    assert caught.value.r_classes[0] == "bad_element"
    from rkeras_bridge.bridge.conversion import r_condition_classes

    classes = r_condition_classes(caught.value)
    assert classes[:2] == ["bad_element", "rkeras_bridge.bridge.r_threads.RStepError"]


def test_values_reach_an_r_function_as_2018_code_met_them():
    import numpy as np

    seen = []
    fn = r_threads.callable_from_any_thread(_fake_r_function(lambda *a: seen.extend(a) or 0))
    fn(np.bytes_(b"a.png"), np.array(b"b.png"), np.array([b"c", b"d"]), np.float32(1.5), np.array(2.0),
       np.arange(3))
    assert seen[:5] == [b"a.png", b"b.png", [b"c", b"d"], 1.5, 2.0] and type(seen[3]) is float
    assert isinstance(seen[5], np.ndarray)


def test_plain_python_functions_are_not_wrapped_and_calls_stay_on_their_thread():
    def f(x):
        return x

    assert r_threads.callable_from_any_thread(f) is f
    assert not r_threads.serves_r_calls(f)


def test_dropping_an_iterator_with_r_calls_in_flight_neither_deadlocks_nor_holds_the_exit():
    # The iterator's end waits for its in-flight R calls; on R's main thread those could never run.
    code = """
import gc, time
import tensorflow as tf
from rkeras_bridge.bridge import r_threads
from rkeras_bridge.bridge.conversion import call
from rkeras_bridge.tfdatasets.datasets import iterator_get_next, make_iterator_one_shot
ns = {}
exec("def python_function(x):\\n    time.sleep(0.01)\\n    return x", {"time": time}, ns)
fn = ns["python_function"]; fn.__module__ = "rpytools.call"
fn = r_threads.callable_from_any_thread(fn)
ds = tf.data.Dataset.range(10000).map(lambda x: tf.numpy_function(fn, [x], tf.int64), num_parallel_calls=4)
ds = ds.prefetch(8)
it = make_iterator_one_shot(ds)
first = call(iterator_get_next, it)
del it; gc.collect()                       # R drops its iterator: kept, not ended on this thread
assert len(r_threads._KEPT) == 1
other = make_iterator_one_shot(tf.data.Dataset.range(3))
call(iterator_get_next, other)             # the next wait lets it go, on its helper thread
assert len(r_threads._KEPT) == 1, r_threads._KEPT   # only `other` is left
print("ok", int(first))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "ok 0" in done.stdout, done.stderr[-2000:]
