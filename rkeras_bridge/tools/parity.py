"""Run each paired example in R and in Python with the same seed and compare what they computed.

``python -m rkeras_bridge.tools.parity`` (``make demo``) runs every pair at its full length;
``--quick`` runs each for a few steps (what the tests do). It prints a table
(case, steps, max |Δloss|, max relative Δ, verdict) and exits 1 if any pair disagrees.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .compare import TOLERANCE, compare_runs
from .report import write_report

__all__ = ["ROOT", "paired_cases", "example_command", "run_example", "compare_runs", "main"]

# The checkout: examples_r/, examples_py/ and the package sit side by side (an editable install).
ROOT = Path(__file__).resolve().parents[2]
# Steps for --quick runs (CI-sized; for fit-based cases a step is an epoch); a case not listed runs 5.
QUICK_STEPS = {"matmul": 0, "basic_loop": 24, "simple_dot": 1, "nmt_attention": 3, "image_captioning": 5}


def paired_cases() -> list[str]:
    """Basenames that have both ``examples_r/<case>.R`` and ``examples_py/<case>.py``."""
    r_dir, py_dir = ROOT / "examples_r", ROOT / "examples_py"
    if not r_dir.is_dir() or not py_dir.is_dir():
        raise FileNotFoundError(
            f"The paired examples are not next to the package (looked in {r_dir} and {py_dir}); "
            "run from a source checkout installed with `pip install -e .`"
        )
    return sorted(p.stem for p in r_dir.glob("*.R") if (py_dir / f"{p.stem}.py").exists())


def example_command(case: str, lang: str, flags: list[str]) -> list[str]:
    """The command that runs ``examples_r/<case>.R`` (``lang="r"``) or ``examples_py/<case>.py``."""
    if lang == "r":
        return ["Rscript", str(ROOT / "examples_r" / f"{case}.R"), *flags]
    return [sys.executable, str(ROOT / "examples_py" / f"{case}.py"), *flags]


def run_example(case: str, lang: str, seed: int, steps: int | None, out_dir: Path,
                epochs: int | None = None) -> tuple[dict[str, Any], float]:
    """Run one example as its own process; return its JSON record and wall time in seconds.

    ``epochs`` (default `None`: the case study's own) is passed on as ``--epochs``.
    """
    out = out_dir / f"{case}-{lang}.json"
    flags = ["--seed", str(seed), "--out", str(out)] + ([] if steps is None else ["--steps", str(steps)])
    flags += [] if epochs is None else ["--epochs", str(epochs)]
    cmd = example_command(case, lang, flags)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"))
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or not out.exists():
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-25:])
        raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{tail}")
    return json.loads(out.read_text()), elapsed


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m rkeras_bridge.tools.parity [CASES...] [--quick] [--steps N] [--seed S]``."""
    parser = argparse.ArgumentParser(prog="python -m rkeras_bridge.tools.parity", description=__doc__)
    parser.add_argument("cases", nargs="*", help="case studies (default: every pair)")
    parser.add_argument("--quick", action="store_true", help="a few steps per case (CI-sized)")
    parser.add_argument("--steps", type=int, default=None, help="steps for every case")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    parser.add_argument("--out", default=None, help="keep the run records in this directory")
    args = parser.parse_args(argv)
    available = paired_cases()
    unknown = sorted(set(args.cases) - set(available))
    if unknown:
        parser.error(f"unknown case(s) {unknown}; paired cases are {available}")
    cases = args.cases or available
    out_dir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="rkb-parity-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for case in cases:
        steps = args.steps if args.steps is not None else (QUICK_STEPS.get(case, 5) if args.quick else None)
        try:
            r, r_time = run_example(case, "r", args.seed, steps, out_dir)
            py, py_time = run_example(case, "py", args.seed, steps, out_dir)
            result = compare_runs(r, py, args.tolerance)
        except RuntimeError as exc:
            result, r_time, py_time = {"steps": 0, "max_abs": math.nan, "max_rel": math.nan, "ok": False,
                                       "problems": [str(exc)]}, math.nan, math.nan
        rows.append((case, result, r_time, py_time))
    header = (f"{'case':<16} {'steps':>5} {'max |Δloss|':>12} {'max rel Δ':>10} "
              f"{'R s':>7} {'Py s':>7}  verdict")
    print(header)
    print("-" * len(header))
    for case, res, r_time, py_time in rows:
        verdict = "PASS" if res["ok"] else "FAIL"
        print(f"{case:<16} {res['steps']:>5} {res['max_abs']:>12.3g} {res['max_rel']:>10.3g} "
              f"{r_time:>7.1f} {py_time:>7.1f}  {verdict}")
    for case, res, _, _ in rows:
        for problem in res["problems"][:10]:
            print(f"  {case}: {problem}")
    print(f"records in {out_dir}; tolerance {args.tolerance:g} relative")
    if args.out:
        print(f"report: {write_report(out_dir)}")
    return 0 if all(res["ok"] for _, res, _, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
