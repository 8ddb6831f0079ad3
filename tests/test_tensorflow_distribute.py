"""Distributed training on tf.distribute: the helpers, and 2-worker runs (R and Python) against one process.

The cluster tests start 2 worker processes of ``tests/distributed/<case>_worker.{py,R}`` on free
loopback ports (TF_CONFIG = ``worker_config(loopback_workers(2), i)``), each under a time limit
(``WORKER_TIMEOUT``; the whole process group is killed on timeout, failure or test error), and
compare their per-step losses with a single process of the same program on the same global
batches (``--workers`` omitted: TensorFlow's default strategy).

Tolerance: ``rtol=1e-4`` (and ``atol=1e-6``) against the single process; the two workers must agree
exactly with each other (both read the same all-reduced numbers). With 2 workers each gradient is
the sum of two half-batch sums (collective all-reduce) instead of one sum over the global batch,
so float32 rounding differs (about 1e-7 relative per operation) and compounds over a few Adam
steps; measured deltas are at most ~1.1e-7 relative (see docs/distributed.md). 1e-4 leaves room
for other CPUs' summation orders while still catching real mistakes: unsynchronized batch
normalisation in the DCGAN moves the losses by 1.6e-3 to 1.1e-2 relative from the first step (measured),
a loss averaged over the per-replica instead of the global batch doubles the summed loss.
"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge.tensorflow.distribute import (
    distributed_dataset, free_ports, loopback_workers, mirrored_strategy, multi_worker_mirrored_strategy,
    r_stack_check_off, set_worker_config, worker_config,
)
from rkeras_bridge.tools.workers import worker_args, write_worker_run
from rkeras_bridge.tools.parity import ROOT

WORKERS = ROOT / "tests" / "distributed"
WORKER_TIMEOUT = float(os.environ.get("RKB_DISTRIBUTED_TIMEOUT", "300"))  # seconds per cluster run
RTOL, ATOL = 1e-4, 1e-6
STEPS = {"basic_loop": 6, "dcgan": 4}


# ---- helpers, in this process --------------------------------------------------------------------

def test_free_ports_are_distinct_and_bindable():
    ports = free_ports(3)
    assert len(set(ports)) == 3 and all(1024 <= p < 65536 for p in ports)
    workers = loopback_workers(2)
    assert all(w.startswith("127.0.0.1:") for w in workers) and len(set(workers)) == 2
    with pytest.raises(ValueError, match=r"Invalid value for argument `n`: expected .*Received: n=0"):
        free_ports(0)


def test_worker_config_is_tf_config():
    workers = ["127.0.0.1:20000", "127.0.0.1:20001"]
    config = worker_config(workers, 1)
    assert config == {"cluster": {"worker": workers}, "task": {"type": "worker", "index": 1}}
    assert worker_config(workers, 0.0)["task"]["index"] == 0  # R's 0 (a double) is accepted
    resolver = tf.distribute.cluster_resolver.TFConfigClusterResolver
    old = os.environ.get("TF_CONFIG")
    try:
        text = set_worker_config(workers, 1)
        assert json.loads(os.environ["TF_CONFIG"]) == config and json.loads(text) == config
        r = resolver()
        assert (r.task_type, r.task_id) == ("worker", 1)
        assert r.cluster_spec().as_dict() == {"worker": workers}
    finally:
        if old is None:
            os.environ.pop("TF_CONFIG", None)
        else:
            os.environ["TF_CONFIG"] = old


@pytest.mark.parametrize("call, message", [
    (lambda: worker_config(["a:2000"], 1), r"`index`: expected a worker position from 0 to 0.*index=1"),
    (lambda: worker_config(["127.0.0.1:2000"], -1), r"`index`.*Received: index=-1"),
    (lambda: worker_config(["localhost"], 0), r"`workers\[1\]`: expected a \"host:port\".*='localhost'"),
    (lambda: worker_config(["a:1", "b:70000"], 0), r"`workers\[2\]`.*Received: workers\[2\]='b:70000'"),
    (lambda: worker_config(["a:1", "a:1"], 0), r"`workers`: expected distinct addresses"),
    (lambda: worker_config([], 0), r"`workers`: expected a non-empty list"),
    (lambda: worker_config(["a:1"], 0, task_type="ps"), r"`task_type`.*Received: task_type='ps'"),
    (lambda: multi_worker_mirrored_strategy(["a:1"]), r"`index`: expected `workers` and `index` together"),
    (lambda: multi_worker_mirrored_strategy(implementation="mpi"), r"`implementation`.*'mpi'"),
    (lambda: mirrored_strategy(devices=[3]), r"`devices`: expected a list of device names"),
    (lambda: worker_args(["--workers", "127.0.0.1:1,127.0.0.1:2", "--index", "2"]), r"`index`.*index=2"),
])
def test_bad_arguments_name_the_argument(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_worker_args_and_record(tmp_path):
    args = worker_args(["--workers", "127.0.0.1:1, 127.0.0.1:2", "--index", "1", "--steps", "3"])
    assert args["workers"] == ["127.0.0.1:1", "127.0.0.1:2"] and args["strategy"] == "multi_worker"
    assert args["index"] == 1 and args["steps"] == 3 and args["seed"] == 42 and args["timeout"] == 120
    single = worker_args([])
    assert single["workers"] is None and single["strategy"] == "default"
    record = write_worker_run(tmp_path / "w.json", "basic_loop", "py", [np.float32(1.5), 2], args)
    assert json.loads((tmp_path / "w.json").read_text()) == record
    assert record["losses"] == [1.5, 2.0] and record["index"] == 1 and record["replicas"] == 1


def test_r_stack_check_is_left_alone_without_r():
    with r_stack_check_off() as r_found:
        assert r_found is False  # this process has no R: a no-op


def test_mirrored_strategy_runs_steps_and_splits_global_batches():
    strategy = mirrored_strategy()
    assert isinstance(strategy, tf.distribute.MirroredStrategy) and strategy.num_replicas_in_sync == 1
    x = np.arange(8, dtype="float32").reshape(4, 2)
    with strategy.scope():
        v = tf.Variable(2.0)
    dataset = tf.data.Dataset.from_tensor_slices(x).batch(2)
    batches = [b.numpy() for b in distributed_dataset(strategy, dataset)]
    np.testing.assert_array_equal(np.concatenate(batches), x)
    per_replica = strategy.run(lambda b: tf.reduce_sum(b) * v, args=[tf.constant(x)])
    total = strategy.reduce("SUM", per_replica, axis=None)
    assert float(total) == 56.0
    with pytest.raises(TypeError, match="`fn`"):
        strategy.run(3)


# ---- 2-worker clusters on loopback vs one process ------------------------------------------------

def _env():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    env.pop("TF_CONFIG", None)  # the workers get theirs from --workers
    return env  # R_LIBS, when set (a private library under test), passes through


def _cmd(lang, case, out, *flags):
    script = WORKERS / f"{case}_worker.{'R' if lang == 'r' else 'py'}"
    runner = ["Rscript", str(script)] if lang == "r" else [sys.executable, str(script)]
    return runner + ["--steps", str(STEPS[case]), "--out", str(out), *flags]


def _tail(path: Path, n=3000):
    text = path.read_text(errors="replace") if path.exists() else ""
    noise = ("I0000", "eagerly has significant")
    lines = [line for line in text.splitlines() if not any(n in line for n in noise)]
    return "\n".join(lines)[-n:]


def _run_processes(cmds, logs, timeout):
    """Start every command in its own process group; wait for all; kill all on timeout or any failure."""
    procs = []
    try:
        for cmd, log in zip(cmds, logs):
            with open(log, "w") as handle:
                procs.append(subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=handle,
                                              stderr=subprocess.STDOUT, start_new_session=True))
        deadline = time.monotonic() + timeout
        while any(p.poll() is None for p in procs):
            if any(p.returncode not in (None, 0) for p in procs):
                break  # one worker failed: the others would wait for it forever
            if time.monotonic() > deadline:
                break
            time.sleep(0.2)
        return [p.poll() for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


def _cluster(lang, case, directory: Path, timeout=WORKER_TIMEOUT):
    for attempt in range(2):  # a free port can be taken by another process before the worker binds it
        workers = ",".join(loopback_workers(2))
        outs = [directory / f"{lang}-{case}-worker{i}.json" for i in range(2)]
        logs = [directory / f"{lang}-{case}-worker{i}.log" for i in range(2)]
        started = time.monotonic()
        codes = _run_processes([_cmd(lang, case, outs[i], "--workers", workers, "--index", str(i),
                                     "--timeout", str(int(timeout))) for i in range(2)], logs, timeout)
        seconds = time.monotonic() - started
        if codes == [0, 0]:
            return [json.loads(o.read_text()) for o in outs], seconds
        text = "\n".join(_tail(log) for log in logs)
        if attempt == 0 and "ddress already in use" in text:
            continue
        pytest.fail(f"{lang} {case} workers exited with {codes} after {seconds:.0f} s "
                    f"(limit {timeout:.0f} s; killed if still running):\n{text}")
    raise AssertionError("unreachable")


def _single(lang, case, directory: Path, timeout=WORKER_TIMEOUT):
    out, log = directory / f"{lang}-{case}-single.json", directory / f"{lang}-{case}-single.log"
    started = time.monotonic()
    codes = _run_processes([_cmd(lang, case, out)], [log], timeout)
    if codes != [0]:
        pytest.fail(f"{lang} {case} single process exited with {codes}:\n{_tail(log)}")
    return json.loads(out.read_text()), time.monotonic() - started


def _series(record):
    losses = record["losses"]
    return {"loss": losses} if isinstance(losses, list) else losses


_REFERENCES = {}


@pytest.mark.parametrize("case", ["basic_loop", "dcgan"])
@pytest.mark.parametrize("lang", ["py", "r"])
def test_two_workers_equal_one_process_on_the_same_global_batch(lang, case, tmp_path):
    reference, single_seconds = _single(lang, case, tmp_path)
    (worker0, worker1), cluster_seconds = _cluster(lang, case, tmp_path)
    assert reference["replicas"] == 1 and reference["strategy"] == "default"
    assert worker0["replicas"] == worker1["replicas"] == 2 and (worker0["index"], worker1["index"]) == (0, 1)
    assert worker0["strategy"] == "multi_worker" and worker0["lang"] == lang
    expected = _series(reference)
    for name, values in expected.items():
        assert len(values) == STEPS[case] and all(np.isfinite(values))
        assert _series(worker0)[name] == _series(worker1)[name], "the two workers disagree"
        np.testing.assert_allclose(_series(worker0)[name], values, rtol=RTOL, atol=ATOL,
                                   err_msg=f"{lang} {case} {name}: 2 workers vs 1 process")
    deltas = {name: float(np.max(np.abs(np.subtract(_series(worker0)[name], v)) / np.abs(v)))
              for name, v in expected.items()}
    print(f"\n{lang} {case}: max relative delta 2 workers vs 1 process {deltas}; "
          f"wall {cluster_seconds:.1f} s (2 workers) vs {single_seconds:.1f} s (1 process); "
          f"training {worker0['timings']['train']:.2f} s vs {reference['timings']['train']:.2f} s")
    _REFERENCES[(lang, case)] = expected
    other = _REFERENCES.get(("py" if lang == "r" else "r", case))
    if other is not None:  # R and Python single processes compute the same numbers
        for name, values in expected.items():
            np.testing.assert_allclose(values, other[name], rtol=1e-6, err_msg=f"{case} {name}: R vs Python")
