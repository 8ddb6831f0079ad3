"""The benchmark suite: what it measures and how it turns measurements into ratios (no speed asserts)."""
import json

import pytest

from rkeras_bridge import bench


def _ops(py, r, ret, scaling_py=1000.0, scaling_r=1500.0):
    names = ["constant", "matmul"]
    return {"py": {"ops": dict(zip(names, py)), "scaling": [{"batch": 16, "width": 32, "mode": "eager",
                                                             "us": scaling_py}]},
            "r": {"ops": dict(zip(names, r)), "scaling": [{"batch": 16, "width": 32, "mode": "eager",
                                                           "us": scaling_r}]},
            "reticulate": {"ops": dict(zip(names, ret)), "scaling": []}}


def test_summarize_takes_ratios_within_each_repeat():
    results = {
        "machine": {"date": "today", "platform": "linux", "cpus": 2, "gpus": [], "tensorflow": "2.21.0"},
        "repeats": 3, "quick": False,
        # repeat 2 ran on a slower machine: both languages slower, the ratio the same
        "ops": [_ops([10, 40], [30, 80], [130, 200]), _ops([20, 80], [60, 160], [260, 400]),
                _ops([10, 40], [50, 60], [130, 200], scaling_r=3000.0)],
        "steps": {"dcgan": {
            "compiled": [{"py": {"seconds_per_step": 0.10, "steps_per_s": 10.0, "peak_mib": 700.0},
                          "r": {"seconds_per_step": 0.104, "steps_per_s": 1 / 0.104, "peak_mib": 900.0}}] * 3,
            "eager": [{"py": {"seconds_per_step": 0.5, "steps_per_s": 2.0, "peak_mib": 700.0},
                       "r": {"seconds_per_step": 0.6, "steps_per_s": 1 / 0.6, "peak_mib": 900.0},
                       "py_in_r": {"seconds_per_step": 0.55, "steps_per_s": 1 / 0.55, "peak_mib": 800.0},
                       "r_in_py": {"seconds_per_step": 0.525, "steps_per_s": 1 / 0.525, "peak_mib": 950.0}}],
        }},
    }
    summary = bench.summarize(results)
    constant = summary["ops"][0]
    assert constant["op"] == "constant"
    assert constant["bridge_ratio"] == {"median": 3.0, "min": 3.0, "max": 5.0, "n": 3}
    assert constant["reticulate_ratio"]["median"] == 13.0
    assert constant["py_us"] == 10 and constant["r_us"] == 50
    steps = {row["mode"]: row for row in summary["steps"]}
    assert steps["compiled"]["ratio"]["median"] == pytest.approx(1.04)
    assert steps["eager"]["ratio"]["median"] == pytest.approx(1.2)
    assert steps["eager"]["r_peak_mib"] == 900.0
    scaling = summary["scaling"][0]
    assert scaling["overhead_us"] == 500.0 and scaling["ratio"]["max"] == 3.0
    goals = {g["goal"]: g for g in summary["goals"]}
    assert goals["dcgan compiled step, R / Python"]["met"]
    assert not goals["dcgan eager step, R / Python"]["met"]
    memory = goals["dcgan eager peak resident memory, R / Python"]
    assert memory["measured"] == pytest.approx(900 / 700) and not memory["met"]  # 1.29 > 1.2
    assert "dcgan compiled peak resident memory, R / Python" not in goals  # the goal is for eager runs
    assert goals["per-op constant, R (rkerasbridge) / Python"]["met"]  # 3.0 <= 3
    text = bench.markdown(results, summary)
    assert "| constant | 10.0 | 50.0 | 130.0 | 3.00 (3.00-5.00) | 13.00 (13.00-13.00) |" in text
    assert "| dcgan | eager | 0.5000 | 0.6000 | 1.20 |" in text
    assert "| 700 | 900 | 1.29 | 0.5500 |" in text  # peaks and their ratio, then Python inside R
    assert steps["eager"]["py_in_r_s"] == 0.55
    assert steps["eager"]["embedding_ratio"]["median"] == pytest.approx(1.1)
    # R / Python inside R: R's fixed memory is in both peaks
    assert steps["eager"]["memory_bridge_ratio"]["median"] == pytest.approx(900 / 800)
    assert steps["compiled"]["py_in_r_s"] is None and "n/a" in text
    # the R example inside Python's process: R's share without the embedded interpreter's
    assert steps["eager"]["r_in_py_s"] == 0.525
    assert steps["eager"]["hosted_ratio"]["median"] == pytest.approx(1.05)
    assert "| 1.12 | 0.5250 | 1.05 |" in text
    assert steps["compiled"]["r_in_py_s"] is None


def test_summarize_sets_the_two_grounds_side_by_side():
    py = {"seconds_per_step": 0.010, "steps_per_s": 100.0, "peak_mib": 700.0}
    steps = {"basic_loop": {"eager": [{"py": py, "r": {"seconds_per_step": 0.020, "steps_per_s": 50.0,
                                                       "peak_mib": 900.0}}]}}
    steps2 = {"basic_loop": {"eager": [{"py": py, "r": {"seconds_per_step": 0.015, "steps_per_s": 1 / 0.015,
                                                        "peak_mib": 900.0}}]}}
    results = {
        "machine": {"date": "today", "platform": "linux", "cpus": 2, "gpus": [], "tensorflow": "2.21.0"},
        "repeats": 1, "quick": False,
        "grounds": [{"key": "1", "reticulate": "1.28", "numpy": "1.26.4"},
                    {"key": "2", "reticulate": "1.46.0", "numpy": "2.4.0"}],
        "ops": [_ops([10, 40], [90, 80], [140, 200])], "steps": steps,
        "ground2": {"ops": [_ops([10, 40], [30, 60], [70, 100])], "steps": steps2},
    }
    summary = bench.summarize(results)
    assert summary["ground2"]["ops"][0]["bridge_ratio"]["median"] == 3.0
    side = {row["what"]: row for row in summary["grounds"]}
    assert [s["median"] for s in side["per-op constant"]["bridge_ratio"]] == [9.0, 3.0]
    assert [s["median"] for s in side["per-op constant"]["reticulate_ratio"]] == [14.0, 7.0]
    assert side["basic_loop eager step"]["r"] == [0.020, 0.015]
    assert [s["median"] for s in side["basic_loop eager step"]["bridge_ratio"]] == pytest.approx([2.0, 1.5])
    goals = {g["goal"]: g["met"] for g in summary["goals"]}
    assert goals["per-op constant, R (rkerasbridge) / Python"] is False  # 9.0 > 3
    assert goals["per-op constant, R (rkerasbridge) / Python (ground 2)"] is True
    text = bench.markdown(results, summary)
    assert ("Grounds: ground 1: reticulate 1.28 + NumPy 1.26.4; ground 2: reticulate 1.46.0 + NumPy 2.4.0."
            in text)
    assert "## Per-op cost (microseconds per call) (ground 2: reticulate 1.46.0 + NumPy 2.4.0)" in text
    assert "## Both grounds side by side" in text
    assert "| per-op constant (us) | 90.0 | 30.0 | 9.00 | 3.00 | 14.00 | 7.00 |" in text
    assert "| basic_loop eager step (s) | 0.0200 | 0.0150 | 2.00 | 1.50 | n/a | n/a |" in text


def test_a_ground_runs_r_with_its_libraries_first_and_its_python(monkeypatch):
    monkeypatch.setenv("R_LIBS", "/site")
    ground = bench.Ground("2", "/g2/bin/python", "/g2/rlib")
    assert ground.env() == {"R_LIBS": "/g2/rlib:/site", "RETICULATE_PYTHON": "/g2/bin/python"}
    assert bench.Ground("1").env() == {}


def test_bad_arguments_name_themselves(tmp_path):
    with pytest.raises(ValueError, match="lang must be one of .* Received: lang='julia'"):
        bench.run_ops("julia", tmp_path)
    with pytest.raises(ValueError, match="mode must be one of .* Received: mode='jit'"):
        bench.run_step("basic_loop", "py", "jit", 2, tmp_path)
    with pytest.raises(ValueError, match=r"Received: cases=\['nosuchcase'\]"):
        bench.benchmark(tmp_path, cases=["nosuchcase"])


def test_quick_run_measures_every_part_in_both_languages(tmp_path):
    # One real run of the whole suite, shrunk: three per-op scripts, the basic loop eager and
    # compiled in R and Python, on ground 1 and (where make setup built it) ground 2.
    # Only the shape and the arithmetic are checked, never the speed.
    ground2 = bench.ground2_default()
    assert bench.main(["--quick", "--repeats", "1", "--cases", "basic_loop", "--out", str(tmp_path)]) == 0
    saved = json.loads((tmp_path / "bench.json").read_text())
    results, summary = saved["results"], saved["summary"]
    ops = results["ops"][0]
    assert set(ops["py"]["ops"]) == set(ops["r"]["ops"]) == set(ops["reticulate"]["ops"]) | {
        "operator", "apply_gradients_zip", "step_2018", "step_2018_zip"}
    for lang in ("py", "r", "reticulate"):
        assert all(us > 0 for us in ops[lang]["ops"].values())
        assert ops[lang]["peak_mib"] > 100  # a process with TensorFlow loaded
    # at least 3 batch sizes and 3 widths, each eager and compiled
    assert len(ops["py"]["scaling"]) == len(ops["r"]["scaling"]) >= 12
    assert {p["batch"] for p in ops["py"]["scaling"]} >= {16, 128, 1024}
    assert len({p["width"] for p in ops["py"]["scaling"]}) >= 3
    assert results["steps"]["basic_loop"]["eager"][0]["py_in_r"]["seconds_per_step"] > 0
    assert results["steps"]["basic_loop"]["eager"][0]["r_in_py"]["seconds_per_step"] > 0
    for mode in ("eager", "compiled"):
        pair = results["steps"]["basic_loop"][mode][0]
        assert pair["py"]["seconds_per_step"] > 0 and pair["r"]["seconds_per_step"] > 0
        row = next(r for r in summary["steps"] if r["mode"] == mode)
        ratio = pair["r"]["seconds_per_step"] / pair["py"]["seconds_per_step"]
        assert row["ratio"]["median"] == pytest.approx(ratio)
    text = (tmp_path / "bench.md").read_text()
    assert "## Per-op cost" in text and "## Training step per case study" in text and "## Goals" in text
    assert "Grounds: ground 1: reticulate 1.28" in text
    if ground2 is None:
        assert results["ground2"] is None and "ground 2 not set up" in text
        return
    second = results["grounds"][1]
    assert second["reticulate"].startswith("1.46") and second["numpy"].startswith("2.")
    ops2 = results["ground2"]["ops"][0]
    assert set(ops2["r"]["ops"]) == set(ops["r"]["ops"]) and all(us > 0 for us in ops2["r"]["ops"].values())
    assert all(us > 0 for us in ops2["reticulate"]["ops"].values())
    pair = results["ground2"]["steps"]["basic_loop"]["eager"][0]
    assert pair["py"]["seconds_per_step"] > 0 and pair["r"]["seconds_per_step"] > 0
    assert "compiled" not in results["ground2"]["steps"]["basic_loop"]
    assert "## Both grounds side by side" in text and "| basic_loop eager step (s) |" in text
