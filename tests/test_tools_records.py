"""record(name, value): steps from 1 per name, float64 values with their shape, one JSON line per call."""
import json
import sys

import numpy as np
import pytest
import tensorflow as tf

import rkeras_bridge
from rkeras_bridge.tools import records
from rkeras_bridge.tools.records import parity_seed, parity_steps, record, record_value, recorded


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.delenv(records.ENV_RECORD, raising=False)
    records.reset()
    yield
    records.reset()


def test_exported_at_the_package_root():
    for name in ("record", "recorded", "parity_seed", "parity_steps", "run_script"):
        assert rkeras_bridge._EXPORTS[name] == "tools.records"
    assert rkeras_bridge.record is record


def test_steps_count_from_one_per_name_and_values_keep_their_shape():
    assert record("loss", 0.5) == 0.5
    record("loss", np.float32(0.25))
    record("w", tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    record("loss", tf.Variable(0.125))
    record("flag", True)
    assert recorded("loss") == [0.5, 0.25, 0.125]
    (w,) = recorded("w")
    assert w.dtype == np.float64 and w.shape == (2, 3) and w[1, 2] == 6.0
    assert recorded("flag") == [1.0]
    assert list(recorded()) == ["loss", "w", "flag"]


def test_an_explicit_step_sets_the_count_and_a_repeated_step_replaces():
    record("acc", 0.1, step=5)
    record("acc", 0.2)  # step 6
    record("acc", 0.3, step=5.0)  # R's 5: replaces step 5
    assert recorded("acc") == [0.3, 0.2]


def test_file_gets_one_flushed_json_line_per_call(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "py.records.jsonl"
    monkeypatch.setenv(records.ENV_RECORD, str(path))
    record("loss", 1.5)
    record("w", [[1.0, 2.0], [3.0, np.nan]])
    # read before anything is closed: a crash right now would leave these lines
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert lines[0] == {"name": "loss", "step": 1, "shape": [], "values": [1.5]}
    assert lines[1]["shape"] == [2, 2] and lines[1]["values"][:3] == [1.0, 2.0, 3.0]
    assert np.isnan(lines[1]["values"][3])


def test_without_the_environment_variable_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    record("loss", 1.0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["1.5", None, {"a": 1.0}, ["a", "b"], [1.0, [2.0, 3.0]], 1 + 2j, object()])
def test_refuses_values_that_are_not_numbers(value):
    with pytest.raises(TypeError, match="Invalid value for argument `value`: expected a number"):
        record("loss", value)
    assert recorded() == {}


@pytest.mark.parametrize("name, step, message", [
    ("", None, "argument `name`"), (3, None, "argument `name`"), ("loss", 0, "argument `step`"),
    ("loss", 1.5, "argument `step`"),
])
def test_refuses_bad_names_and_steps(name, step, message):
    with pytest.raises((TypeError, ValueError), match=message):
        record(name, 1.0, step=step)


def test_recorded_names_an_unknown_name():
    record("loss", 1.0)
    with pytest.raises(ValueError, match="a recorded name, one of \\['loss'\\]"):
        recorded("los")


def test_record_value_spreads_dicts_and_keeps_text():
    metrics = {"mse": 0.5, "dtype": "int32", "initial": {"total": 2.0}, "samples": ["a b", "c"]}
    record_value("metrics", metrics, step=1)
    assert recorded("metrics.mse") == [0.5] and recorded("metrics.initial.total") == [2.0]
    assert recorded("metrics.dtype") == ['"int32"']
    assert recorded("metrics.samples") == ['["a b", "c"]']
    record_value("single", ["x"])  # R's "x" and Python's ["x"] are the same value
    assert recorded("single") == ['"x"']


def test_parity_seed_and_steps_read_the_environment(monkeypatch):
    assert parity_seed() is None and parity_steps(100) == 100
    monkeypatch.setenv(records.ENV_SEED, "7")
    monkeypatch.setenv(records.ENV_STEPS, "3")
    assert parity_seed(42) == 7 and parity_steps(100) == 3
    monkeypatch.setenv(records.ENV_STEPS, "three")
    with pytest.raises(ValueError, match="RKB_STEPS"):
        parity_steps()


def test_run_script_seeds_and_passes_arguments(tmp_path, monkeypatch):
    script = tmp_path / "s.py"
    script.write_text("import sys\nfrom rkeras_bridge import record, tf\n"
                      "record('args', len(sys.argv[1:]))\nrecord('x', tf.random.normal((3,)))\n")
    monkeypatch.setattr(sys, "argv", ["pytest"])
    records.run_script(script, ["a", "b"], seed=3)
    records.run_script(script, ["a"], seed=3)
    assert recorded("args") == [2.0, 1.0]
    first, second = recorded("x")
    np.testing.assert_array_equal(first, second)  # the same seed, the same draws
    assert sys.argv == ["pytest"]
    with pytest.raises(FileNotFoundError, match="an existing Python script"):
        records.run_script(tmp_path / "missing.py")


def test_runner_reports_the_scripts_own_error(tmp_path):
    import subprocess

    script = tmp_path / "bad.py"
    script.write_text("x = 1\nraise RuntimeError('boom at step 2')\n")
    proc = subprocess.run([sys.executable, "-m", "rkeras_bridge.tools.records", str(script)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "RuntimeError: boom at step 2" in proc.stderr and "bad.py" in proc.stderr
    assert "runpy" not in proc.stderr  # the script's traceback, not the runner's
