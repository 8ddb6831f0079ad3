"""R and Python twins of every case study, run with the same seed, must compute the same numbers."""
import pytest

from rkeras_bridge.tools.compare import compare_runs
from rkeras_bridge.tools.parity import QUICK_STEPS, paired_cases, run_example


def test_every_example_has_a_twin():
    cases = paired_cases()
    assert {"matmul", "basic_loop"} <= set(cases)


@pytest.mark.parametrize("case", paired_cases())
def test_pair_agrees(case, tmp_path):
    steps = QUICK_STEPS.get(case, 5)
    r, _ = run_example(case, "r", 42, steps, tmp_path)
    py, _ = run_example(case, "py", 42, steps, tmp_path)
    assert r["lang"] == "r" and py["lang"] == "py"
    assert r["steps"] == py["steps"] == steps
    result = compare_runs(r, py)
    assert result["ok"], result["problems"]
    assert result["max_rel"] <= 1e-6


def test_compare_runs_detects_a_difference():
    base = {"steps": 2, "losses": [1.0, 2.0], "metrics": {"m": 1.0, "name": "a"}}
    off = {"steps": 2, "losses": [1.0, 2.0001], "metrics": {"m": 1.0, "name": "a"}}
    assert compare_runs(base, base)["ok"]
    result = compare_runs(base, off)
    assert not result["ok"] and "losses[1]" in result["problems"][0]
    assert not compare_runs(base, {**base, "metrics": {"m": 1.0, "name": "b"}})["ok"]
    assert not compare_runs(base, {**base, "losses": [1.0]})["ok"]
