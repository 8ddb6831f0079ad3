"""Parity of an R script and its Python twin through one path: record(name, value) on both sides, the same
seed, every name compared at every step; the case studies are ordinary users of it."""
import json
import os
import subprocess
import sys

import pytest

from rkeras_bridge.tools.compare import compare_records, compare_runs
from rkeras_bridge.tools.parity import QUICK_STEPS, ROOT, main, paired_cases, run_case_pair, run_example


def test_every_example_has_a_twin():
    cases = paired_cases()
    assert {"matmul", "basic_loop"} <= set(cases)
    assert len(cases) == 8


@pytest.mark.parametrize("case", paired_cases())
def test_pair_agrees(case, tmp_path):
    steps = QUICK_STEPS.get(case, 5)
    result = run_case_pair(case, seed=42, steps=steps, out_dir=tmp_path)
    assert result["ok"], result["failures"] + result["problems"] + [result["first"]]
    assert result["max_rel"] <= 1e-6
    names = {row["name"] for row in result["rows"]}
    assert "metrics.first_step" in names  # the final figures go through record() too
    r, py = (json.loads((tmp_path / f"{case}-{lang}.json").read_text()) for lang in ("r", "py"))
    assert r["lang"] == "r" and py["lang"] == "py"  # the run records are still written
    assert r["steps"] == py["steps"] == steps
    losses = r["losses"] if isinstance(r["losses"], dict) else {"loss": r["losses"]}
    for name, values in losses.items():
        if values:
            row = next(row for row in result["rows"] if row["name"] == name)
            assert row["r_steps"] == row["py_steps"] == len(values)


# ---- two scripts of a user's --------------------------------------------------------------------------
R_SCRIPT = """library(rkerasbridge)
w <- tf$Variable(tf$random$normal(shape(3L, 2L)))
for (step in seq_len(parity_steps(4))) {
  x <- tf$random$normal(shape(5L, 3L))
  loss <- tf$reduce_mean(tf$square(tf$matmul(x, w)))
  record("loss", loss)
  record("w", w)
  #R_EXTRA
  w$assign_sub(0.1 * w)
}
"""
PY_SCRIPT = """import sys
from rkeras_bridge import parity_seed, parity_steps, record, set_random_seed, tf
#PY_SETUP
w = tf.Variable(tf.random.normal((3, 2)))
for step in range(1, parity_steps(4) + 1):
    x = tf.random.normal((5, 3))
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w)))
    record("loss", loss)
    record("w", w)
    #PY_EXTRA
    w.assign_sub(LR * w)
"""


def write_pair(folder, r_extra="", py_extra="", py_setup="", lr="0.1", py_replace=()):
    r = folder / "mine.R"
    py = folder / "mine.py"
    r.write_text(R_SCRIPT.replace("#R_EXTRA", r_extra))
    text = PY_SCRIPT.replace("#PY_EXTRA", py_extra).replace("#PY_SETUP", py_setup).replace("LR", lr)
    for old, new in py_replace:
        text = text.replace(old, new)
    py.write_text(text)
    return r, py


def parity_cli(tmp_path, *args):
    """``rkeras-bridge parity`` as a user runs it (through the CLI module), in its own process."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    proc = subprocess.run([sys.executable, "-m", "rkeras_bridge.tools.cli", "parity", *map(str, args)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    # a failing script's own traceback may be quoted; the tool's never
    output = proc.stdout + proc.stderr
    assert "tools/parity.py" not in output and "tools/cli.py" not in output
    return proc


def test_twins_that_agree_pass_and_write_the_report(tmp_path):
    r, py = write_pair(tmp_path)
    proc = parity_cli(tmp_path, py, r, "--seed", "3", "--steps", "3", "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "parity PASS: 2 names, steps 1-3, seed 3" in proc.stdout
    page = (tmp_path / "out" / "index.html").read_text()
    assert "PASS" in page and "mine-curve-01.png" in page
    assert (tmp_path / "out" / "mine-curve-02.png").exists()


def test_a_pair_that_diverges_names_the_step_and_the_value(tmp_path):
    # the Python twin's update differs at step 2, so what step 3 computes first differs: the loss
    r, py = write_pair(tmp_path, lr="(0.1 if step != 2 else 0.2)")
    proc = parity_cli(tmp_path, r, py, "--out", tmp_path / "out")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "FIRST DIVERGENCE: `loss` at step 3" in out
    assert "relative Δ" in out and "likely causes" not in out.lower()
    assert "w           4        4" in out and "FAIL (2 of 4 steps differ)" in out
    summary = json.loads((tmp_path / "out" / "mine-parity.json").read_text())
    assert summary["first"]["name"] == "loss" and summary["first"]["step"] == 3
    page = (tmp_path / "out" / "index.html").read_text()
    assert "First divergence: <code>loss</code> at step 3" in page


def test_arguments_after_two_dashes_reach_both_scripts(tmp_path):
    r, py = write_pair(tmp_path, r_extra='record("n_args", length(commandArgs(trailingOnly = TRUE)))',
                       py_extra='record("n_args", len(sys.argv) - 1)')
    proc = parity_cli(tmp_path, r, py, "--steps", "2", "--", "--lr", "0.5")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "n_args" in proc.stdout


def test_first_value_differing_says_the_seed_is_the_likely_cause(tmp_path):
    r, py = write_pair(tmp_path, py_setup="set_random_seed(parity_seed() + 1)")
    proc = parity_cli(tmp_path, r, py, "--steps", "2")
    assert proc.returncode == 1
    assert "FIRST DIVERGENCE: `loss` at step 1" in proc.stdout
    assert "first value recorded already differs" in proc.stdout
    assert "set_random_seed(parity_seed(42))" in proc.stdout
    assert "rnorm()" in proc.stdout  # R's and NumPy's generators differ


def test_the_porting_guide_pair_agrees_and_its_wrong_port_is_caught(tmp_path):
    # docs/porting.md's worked example, and the mistake it shows: tanh for relu in the Python port only
    guide = ROOT / "docs" / "porting"
    proc = parity_cli(tmp_path, guide / "regression.R", guide / "regression.py", "--steps", "3")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "parity PASS: 3 names, steps 1-3" in proc.stdout
    wrong = tmp_path / "regression.py"
    wrong.write_text((guide / "regression.py").read_text().replace('activation="relu"', 'activation="tanh"'))
    proc = parity_cli(tmp_path, guide / "regression.R", wrong, "--steps", "3")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FIRST DIVERGENCE: `loss` at step 1" in proc.stdout


def test_names_recorded_on_one_side_only(tmp_path):
    r, py = write_pair(tmp_path, py_replace=[('record("w", w)', 'record("W", w)')])
    proc = parity_cli(tmp_path, r, py, "--steps", "2")
    assert proc.returncode == 1
    assert "names recorded on one side only: R ['w'], Python ['W']" in proc.stdout
    assert "similar: R `w` / Python `W`" in proc.stdout
    assert "only R" in proc.stdout and "only Python" in proc.stdout


def test_different_step_counts(tmp_path):
    r, py = write_pair(tmp_path, py_replace=[("parity_steps(4) + 1", "parity_steps(4)")])
    proc = parity_cli(tmp_path, r, py)
    assert proc.returncode == 1
    assert "`loss`: R recorded steps 1-4, Python steps 1-3" in proc.stdout
    assert "steps differ" in proc.stdout and "FIRST DIVERGENCE" not in proc.stdout  # steps 1-3 agree


def test_nan_on_one_side(tmp_path):
    r, py = write_pair(tmp_path, py_replace=[('record("loss", loss)',
                                              'record("loss", loss if step != 2 else float("nan"))')])
    proc = parity_cli(tmp_path, r, py, "--steps", "3")
    assert proc.returncode == 1
    assert "FIRST DIVERGENCE: `loss` at step 2" in proc.stdout
    assert "Python NaN" in proc.stdout and "NaN or Inf on the Python side only" in proc.stdout


def test_shape_mismatch(tmp_path):
    r, py = write_pair(tmp_path, py_replace=[('record("w", w)', 'record("w", tf.transpose(w))')])
    proc = parity_cli(tmp_path, r, py, "--steps", "2")
    assert proc.returncode == 1
    assert "FIRST DIVERGENCE: `w` at step 1" in proc.stdout
    assert "shapes differ: R [3, 2], Python [2, 3]" in proc.stdout and "transposed" in proc.stdout


@pytest.mark.parametrize("side", ["R", "Python"])
def test_a_failing_script_is_reported_with_its_side_status_and_stderr(tmp_path, side):
    if side == "R":
        r, py = write_pair(tmp_path, r_extra='if (step == 2) stop("boom in the R twin")')
    else:
        r, py = write_pair(tmp_path,
                           py_extra='if step == 2:\n        raise RuntimeError("boom in the Python twin")')
    proc = parity_cli(tmp_path, r, py, "--out", tmp_path / "out")
    assert proc.returncode == 1
    out = proc.stdout
    script = tmp_path / ("mine.R" if side == "R" else "mine.py")
    assert f"the {side} script {script} failed with exit status 1" in out
    assert f"boom in the {side} twin" in out
    assert "`loss`: R recorded steps" in out  # what it recorded before failing is still compared
    assert "FIRST DIVERGENCE" not in out
    assert "failed with exit status 1" in (tmp_path / "out" / "index.html").read_text()


@pytest.mark.parametrize("args, message", [
    (["a.R", "b.R"], "give two scripts, one .R and one .py"),
    (["only.py"], "give two scripts"),
    (["missing.R", "missing.py"], "no such script: missing.R"),
    (["nosuchcase"], "unknown case(s) ['nosuchcase']"),
    (["matmul", "--", "--x"], "arguments after -- go to two scripts"),
    (["matmul", "--rtol", "-1"], "--rtol must be >= 0"),
])
def test_usage_errors_exit_2_with_a_message(args, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


# ---- the comparison itself, without processes ---------------------------------------------------------
def entry(name, step, values, shape=()):
    return {"name": name, "step": step, "shape": list(shape), "values": list(values)}


def test_compare_records_orders_divergences_by_step_then_recording_order():
    r = [entry("a", 1, [1.0]), entry("b", 1, [1.0]), entry("b", 2, [2.0]), entry("a", 2, [5.0])]
    py = [entry("a", 1, [1.0]), entry("b", 1, [1.0]), entry("b", 2, [2.5]), entry("a", 2, [5.5])]
    result = compare_records(r, py)
    assert not result["ok"] and result["first"]["name"] == "b" and result["first"]["step"] == 2
    assert result["hint"] is None
    assert compare_records(r, py, steps=1)["ok"]  # --steps 1 compares step 1 only
    assert compare_records(r, py, rtol=0.2)["ok"]


def test_compare_records_gives_both_indices_of_the_worst_element():
    r = [entry("w", 1, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], (2, 3))]
    py = [entry("w", 1, [1.0, 2.0, 3.0, 4.0, 5.0, 6.5], (2, 3))]
    first = compare_records(r, py)["first"]
    worst = (first["r_index"], first["py_index"], first["r_value"], first["py_value"])
    assert worst == ([2, 3], [1, 2], 6.0, 6.5)
    assert first["abs_diff"] == 0.5


def test_compare_records_text_and_nothing_recorded():
    text = {"name": "metrics.dtype", "step": 1, "text": '"int32"'}
    assert compare_records([text], [text])["ok"]
    assert compare_records([text], [{**text, "text": '"int64"'}])["first"]["problem"] == "text"
    assert not compare_records([], [])["ok"]


def test_run_example_still_returns_the_run_record(tmp_path):
    record, seconds = run_example("matmul", "py", 42, 0, tmp_path)
    assert record["lang"] == "py" and seconds > 0
    assert (tmp_path / "matmul-py.records.jsonl").exists()


def test_compare_runs_detects_a_difference():
    base = {"steps": 2, "losses": [1.0, 2.0], "metrics": {"m": 1.0, "name": "a"}}
    off = {"steps": 2, "losses": [1.0, 2.0001], "metrics": {"m": 1.0, "name": "a"}}
    assert compare_runs(base, base)["ok"]
    result = compare_runs(base, off)
    assert not result["ok"] and "losses[1]" in result["problems"][0]
    assert not compare_runs(base, {**base, "metrics": {"m": 1.0, "name": "b"}})["ok"]
    assert not compare_runs(base, {**base, "losses": [1.0]})["ok"]


def test_module_command_runs_cases_quick():
    proc = subprocess.run([sys.executable, "-m", "rkeras_bridge.tools.parity", "matmul", "--quick"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "matmul" in proc.stdout and "PASS" in proc.stdout and "report: " in proc.stdout
