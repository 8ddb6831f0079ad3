"""The ``rkeras-bridge`` command, run as ``python -m rkeras_bridge.tools.cli`` (the console script exists only
after a reinstall)."""
import json
import os
import subprocess
import sys

import pytest

from rkeras_bridge import cli
from rkeras_bridge.tools.parity import ROOT, paired_cases


def run_cli(*args, cwd=ROOT, timeout=600):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    return subprocess.run([sys.executable, "-m", "rkeras_bridge.tools.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("command, options", [
    ([], ["run", "parity", "report", "bench", "doctor", "list"]),
    (["report"], ["DIR", "--screenshot"]),
    (["run"], ["--lang", "--steps", "--epochs", "--seed", "--out", "CASE"]),
    (["parity"], ["--quick", "--steps", "--seed", "--rtol", "--atol", "--out", "CASES", ".R", ".py"]),
    (["bench"], ["--repeats", "--cases", "--quick", "--out"]),
    (["doctor"], ["--timeout"]),
    (["list"], ["case"]),
])
def test_help(command, options):
    proc = run_cli(*command, "--help")
    assert proc.returncode == 0, proc.stderr
    for option in options:
        assert option in proc.stdout


def test_list_names_every_paired_case():
    proc = run_cli("list")
    assert proc.returncode == 0, proc.stderr
    for case in paired_cases():
        assert case in proc.stdout
    assert "2 CPU cores" in proc.stdout


def test_list_includes_a_case_without_description(monkeypatch, capsys):
    monkeypatch.setattr(cli.parity, "paired_cases", lambda: ["matmul", "brand_new"])
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "brand_new" in out and "no description" in out


def test_doctor_passes_on_this_machine():
    proc = run_cli("doctor", timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    for check in ("python", "numpy", "tensorflow", "keras", "rpy2", "R package reticulate",
                  "R package rkerasbridge", "reticulate + NumPy", "R finds this Python"):
        assert any(line.startswith("OK") and check in line for line in lines), proc.stdout
    assert "FAIL" not in proc.stdout.replace("0 FAIL", "")
    assert "a tested pair (ground " in proc.stdout


def test_doctor_reports_a_python_mismatch_with_its_fix(monkeypatch):
    monkeypatch.setattr(cli, "_rscript", lambda code, timeout=60: (
        (0, "/usr/bin/python3\n", "") if "py_config" in code else
        (0, "reticulate 1.27\ntestthat 3.1.6\npurrr 1.0.1\nrkerasbridge missing\n", "")
        if "packageVersion" in code
        else (0, "4.2.2", "")))
    monkeypatch.setattr(cli.shutil, "which", lambda name: "/usr/bin/Rscript")
    results = {name: (ok, fix) for name, ok, _, fix in cli.doctor()}
    assert results["R finds this Python"] == (False, results["R finds this Python"][1])
    assert f"export RETICULATE_PYTHON={sys.executable}" in results["R finds this Python"][1]
    assert results["R package reticulate"][0] is False
    assert results["R package rkerasbridge"] == (False, "make setup   # R CMD INSTALL r")
    assert results["R package testthat"][0] and results["R"][0]


def fake_r(reticulate):
    """A stand-in for ``cli._rscript``: R 4.2.2 with this reticulate and rkerasbridge, using this Python."""
    return lambda code, timeout=60: (
        (0, f"{sys.executable}\n", "") if "py_config" in code else
        (0, f"reticulate {reticulate}\ntestthat 3.1.6\npurrr 1.0.1\nrkerasbridge 0.1.0\n", "")
        if "packageVersion" in code
        else (0, "4.2.2", ""))


@pytest.mark.parametrize("reticulate, numpy, ok, ground", [
    ("1.28", "1.26.4", True, "ground 1"),
    ("1.46.0", "2.4.6", True, "ground 2"),
    ("1.46.0", "2.0.2", True, "ground 2"),
    ("1.28", "2.4.6", False, None),
    ("1.28", "1.25.2", False, None),
    ("1.46.0", "1.26.4", False, None),
    ("1.40.0", "2.1.0", False, None),
])
def test_tested_pairs(reticulate, numpy, ok, ground):
    passed, detail, fix = cli._tested_pair(reticulate, numpy, "/some/python")
    assert passed is ok and f"reticulate {reticulate} with NumPy {numpy}" in detail
    if ok:
        assert f"a tested pair ({ground}" in detail and fix == ""
    else:
        assert "not a tested pair" in detail
    if numpy.startswith("2") and reticulate == "1.28":
        assert "refuses NumPy 2" in detail
        assert fix.startswith("use the second ground: make setup; export RETICULATE_PYTHON=")
        assert ".venv-numpy2/bin/python R_LIBS=" in fix and ".rlib-reticulate146" in fix
        assert "'numpy==1.26.4'" in fix  # or pin NumPy 1.26
    if not ok and reticulate != "1.28":
        assert fix.startswith("use the second ground: make setup;")


@pytest.mark.parametrize("reticulate, numpy_ok, pair_ok", [
    ("1.46.0", True, True),     # a newer reticulate: NumPy 2 is what its pins want
    ("1.28", False, False),     # Debian's 1.28 refuses NumPy 2
])
def test_doctor_with_numpy_2(monkeypatch, reticulate, numpy_ok, pair_ok):
    installed = cli._installed
    monkeypatch.setattr(cli, "_installed", lambda *dists: ("numpy", "2.4.6") if dists == ("numpy",)
                        else installed(*dists))
    monkeypatch.setattr(cli, "_rscript", fake_r(reticulate))
    monkeypatch.setattr(cli.shutil, "which", lambda name: "/usr/bin/Rscript")
    results = {name: (ok, detail, fix) for name, ok, detail, fix in cli.doctor()}
    assert results["numpy"][0] is numpy_ok, results["numpy"]
    assert results["reticulate + NumPy"][0] is pair_ok, results["reticulate + NumPy"]
    if not numpy_ok:
        assert "constraints.txt" in results["numpy"][1] and "==1.26.4" in results["numpy"][1]
        assert "use the second ground" in results["reticulate + NumPy"][2]
    else:
        assert "ground 2" in results["reticulate + NumPy"][1]


def test_constraints_and_specifiers():
    pins = cli._constraints(ROOT / "constraints.txt")
    assert pins["numpy"].startswith("==1.") and "tensorflow-cpu" in pins and "rpy2" in pins
    pins2 = cli._constraints(ROOT / "constraints-numpy2.txt")
    assert pins2["numpy"].startswith("==2.") and pins2["pandas"].startswith("==3.")
    assert cli._satisfies(pins2["mlxtend"].lstrip("="), ">=0.24")
    for same in ("tensorflow-cpu", "keras", "rpy2", "pytest"):
        assert pins2[same] == pins[same], same
    assert cli._satisfies("1.26.4", "==1.26.4,<2") and not cli._satisfies("2.0.1", "<2")
    assert cli._satisfies("3.5.17", ">=3.5.17,<3.6") and not cli._satisfies("3.6.0", ">=3.5.17,<3.6")


def test_run_matmul_both(tmp_path):
    proc = run_cli("run", "matmul", "--lang", "both", "--out", "tmp", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASS" in proc.stdout
    for lang in ("r", "py"):
        record = json.loads((tmp_path / "tmp" / f"matmul-{lang}.json").read_text())
        assert record["lang"] == lang and record["case"] == "matmul"


def test_run_unknown_case_lists_the_cases():
    proc = run_cli("run", "nosuchcase")
    assert proc.returncode != 0
    assert "nosuchcase" in proc.stderr
    for case in paired_cases():
        assert case in proc.stderr


def test_bench_refuses_unknown_cases(tmp_path):
    proc = run_cli("bench", "--cases", "nosuchcase", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "nosuchcase" in proc.stderr and "basic_loop" in proc.stderr


@pytest.mark.parametrize("kwargs, message", [
    ({"case": "nosuchcase"}, "case='nosuchcase'"),
    ({"case": "matmul", "lang": "julia"}, "lang='julia'"),
    ({"case": "matmul", "steps": 2.5}, "steps=2.5"),
    ({"case": "matmul", "epochs": 0}, "epochs=0"),
])
def test_run_case_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        cli.run_case(**kwargs)


def test_run_case_python_only_returns_paths_and_times(tmp_path):
    result = cli.run_case("matmul", lang="py", steps=0.0, out=tmp_path)
    assert set(result["runs"]) == {"py"} and result["parity"] is None
    assert os.path.exists(result["runs"]["py"]["record"]) and result["runs"]["py"]["seconds"] > 0
