"""Benchmarks: R through the bridge against Python (and raw reticulate), as ratios measured in one run.

``python -m rkeras_bridge.tools.bench`` (``make bench``, ``rkeras-bridge bench``) measures three things and
writes ``bench.json`` and ``bench.md`` (a Markdown table) to ``--out`` (default ``out/bench``):

1. Per-op overhead: a handful of representative calls (``tf$constant``, an element-wise op, ``*``,
   ``tf$matmul``, a layer call, a tape block with ``tape$gradient``, ``apply_gradients``) timed in
   R through ``rkerasbridge`` (``bench/ops.R``), in R through raw reticulate
   (``bench/ops_reticulate.R``) and in Python (``bench/ops.py``).
2. The training step of every paired case study that has one, eager and compiled, in R and in
   Python: seconds per step as the example itself records it (``timings.seconds_per_step`` of its
   run record: the median over its steps, the first left out), steps per second, and the peak
   resident memory of the process (``ru_maxrss``). Eager steps also run the Python example inside
   R's process (``bench/python_in_r.R``, plain reticulate): R embeds ``libpython3.11.so``, which
   runs Python code measurably slower than the ``python3`` program, so the R / Python ratio splits
   into the embedding's share (Python in R / Python) and the bridge's (R / Python in R). They also
   run the R example inside this Python's process (``bench/r_in_python.py``, R through rpy2), where
   its Python code runs in the ``python3`` program: R inside Python / Python is the R side's share
   measured the other way round.
3. Scaling: a two-layer training step by batch size and by width (three or more sizes each),
   eager and compiled, so one sees where the R overhead disappears under compute.

Each part runs on every test ground that is set up (README, "Pins"): ground 1 is this Python with
the R library R finds by default (Debian's reticulate 1.28, NumPy 1.26); ground 2 is another Python
with an R library put first on ``R_LIBS`` (``make setup`` builds ``.venv-numpy2`` and
``.rlib-reticulate146``: reticulate 1.46, NumPy 2), found in the checkout or named with
``--ground2 PYTHON R_LIBS``. Ground 2 measures the per-op costs, the scaling and the eager steps
(compiled steps do not cross the bridge per op); the tables show the grounds side by side.

The machines this runs on are noisy, so every measurement is repeated (``--repeats``, default 3)
with R and Python back to back inside each repeat; a ratio is computed within each repeat and
the table shows the median and the range (min-max) over the repeats. Goals are checked and
printed, never asserted: speed lives in this benchmark, not in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .parity import ROOT, example_command, paired_cases

__all__ = ["STEP_CASES", "GOALS", "Ground", "ground2_default", "run_ops", "run_step", "benchmark",
           "summarize", "markdown", "main"]

# Steps per run for the step benchmark (enough for a stable median after the first, traced, step).
# For simple_dot a step is an epoch of `fit` (its examples' --steps), timed per batch by step_timer().
STEP_CASES = {"basic_loop": 40, "simple_dot": 1, "dcgan": 8, "nmt_attention": 6, "image_captioning": 12,
              "pix2pix": 8, "style_transfer": 12}
QUICK_STEP_CASES = {"basic_loop": 12}
MODES = {"eager": "--eager", "compiled": "--compiled"}
# What the issues ask of the bridge (ratios R / Python; lower is better): issue 17's per-op limit
# for the small-tensor ops, its limit for the 2018-style two-layer eager step (`step_2018`), and for
# the peak resident memory of every eager case study.
GOALS = {"compiled_step": 1.05, "eager_step": 1.10, "eager_step_cases": ("dcgan", "nmt_attention"),
         "per_op": 3.0, "per_op_ops": ("constant", "multiply", "operator", "matmul"),
         "op_limits": {"step_2018": 1.15}, "eager_peak_memory": 1.2}
LANG_NAMES = {"r": "R (rkerasbridge)", "reticulate": "R (raw reticulate)", "py": "Python",
              "py_in_r": "Python inside R", "r_in_py": "R inside Python"}


@dataclass(frozen=True)
class Ground:
    """A test ground: the Python that runs the Python side and whose ``RETICULATE_PYTHON`` R uses,
    and R libraries put first on ``R_LIBS`` (``None``: R's default libraries).

    Example:
        >>> Ground("2", ".venv-numpy2/bin/python", ".rlib-reticulate146").env()["RETICULATE_PYTHON"]
        '.venv-numpy2/bin/python'

    Args:
        key: Its short name in records and tables (``"1"``, ``"2"``).
        python: The Python executable. Defaults to this one.
        r_libs: ``R_LIBS`` entries (``:``-separated) that go first. Defaults to `None`.
    """

    key: str
    python: str = field(default_factory=lambda: sys.executable)
    r_libs: str | None = None

    def env(self) -> dict[str, str]:
        """The environment variables its R and Python processes run with, on top of this one's."""
        if self.r_libs is None:
            return {}
        libs = ":".join(filter(None, [self.r_libs, os.environ.get("R_LIBS")]))
        return {"R_LIBS": libs, "RETICULATE_PYTHON": self.python}

    def describe(self) -> dict[str, Any]:
        """Its Python, R libraries, and the reticulate and NumPy versions found there."""
        env = dict(os.environ, **self.env())
        versions = {}
        for name, cmd in (("reticulate", ["Rscript", "-e", 'cat(format(packageVersion("reticulate")))']),
                          ("numpy", [self.python, "-c", "import numpy; print(numpy.__version__, end='')"])):
            try:
                proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
                versions[name] = proc.stdout.strip() if proc.returncode == 0 else None
            except (OSError, subprocess.TimeoutExpired):
                versions[name] = None
        return {"key": self.key, "python": self.python, "r_libs": self.r_libs, **versions}


def ground2_default() -> Ground | None:
    """Ground 2 as ``make setup`` builds it in this checkout, or `None` where it is not there."""
    python, libs = ROOT / ".venv-numpy2" / "bin" / "python", ROOT / ".rlib-reticulate146"
    if python.exists() and (libs / "rkerasbridge").is_dir():
        return Ground("2", str(python), str(libs))
    return None


def _ground_versions(info: dict[str, Any]) -> str:
    return f"reticulate {info.get('reticulate') or '?'} + NumPy {info.get('numpy') or '?'}"


def _ground_label(info: dict[str, Any]) -> str:
    return f"ground {info['key']}: {_ground_versions(info)}"


def _median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return float(statistics.median(values)) if values else None


def _spread(values: list[float]) -> dict[str, Any]:
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": float(statistics.median(values)), "min": float(min(values)), "max": float(max(values)),
            "n": len(values)}


def _measured(cmd: list[str], log: Path, timeout: float, ground: Ground | None = None) -> dict[str, Any]:
    """Run ``cmd`` with its output in ``log``; its exit code, wall seconds and peak memory (MiB)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"),
               **(ground.env() if ground else {}))
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
        deadline = started + timeout
        while True:
            # os.wait4 rather than Popen.wait: it also returns the child's resource usage, whose
            # ru_maxrss (KiB on Linux) is the peak resident memory of R or Python with TensorFlow.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"returncode": proc.returncode, "wall_s": wall, "peak_mib": usage.ru_maxrss / 1024.0,
            "timed_out": wall > timeout}


def _failure(cmd: list[str], log: Path, result: dict[str, Any]) -> RuntimeError:
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
    why = "timed out" if result["timed_out"] else f"failed with exit code {result['returncode']}"
    return RuntimeError(f"{' '.join(cmd)} {why} (log: {log}):\n{tail}")


def run_ops(lang: str, out_dir: Path, blocks: int = 5, block_s: float = 0.2,
            timeout: float = 900, ground: Ground | None = None) -> dict[str, Any]:
    """Run one per-op/scaling script: ``lang`` is ``"py"``, ``"r"`` (rkerasbridge) or ``"reticulate"``.

    Example:
        >>> run_ops("py", Path("out/bench"), blocks=3)["ops"]["matmul"]  # microseconds per call
        41.2

    Args:
        lang: Which script: ``bench/ops.py``, ``bench/ops.R`` or ``bench/ops_reticulate.R``.
        out_dir: Where its log goes.
        blocks: Timed blocks per op (the median is reported). Defaults to `5`.
        block_s: Seconds per block, at least. Defaults to `0.2`.
        timeout: Seconds before the script is stopped. Defaults to `900`.
        ground: Where it runs. Defaults to `None` (ground 1: this Python, R's default libraries).

    Returns:
        ``{"ops": {name: microseconds}, "scaling": [{"batch", "width", "mode", "us"}], "peak_mib",
        "wall_s"}`` (raw reticulate has no ``scaling``, and no ``operator``: it has no ``*`` on tensors).
    """
    ground = ground or Ground("1")
    scripts = {"py": [ground.python, str(ROOT / "bench" / "ops.py")],
               "r": ["Rscript", str(ROOT / "bench" / "ops.R")],
               "reticulate": ["Rscript", str(ROOT / "bench" / "ops_reticulate.R")]}
    if lang not in scripts:
        raise ValueError(f"lang must be one of {sorted(scripts)}. Received: lang={lang!r}")
    cmd = scripts[lang] + [str(blocks), str(block_s)]
    if lang == "reticulate":
        cmd.append(ground.python)  # the Python it must use, found without the bridge's help
    log = out_dir / "logs" / f"ops-{lang}-ground{ground.key}.log"
    result = _measured(cmd, log, timeout, ground)
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.startswith("RKB-BENCH ")]
    if result["returncode"] != 0 or not lines:
        raise _failure(cmd, log, result)
    found = json.loads(lines[-1][len("RKB-BENCH "):])
    found.setdefault("scaling", [])
    found.update(peak_mib=result["peak_mib"], wall_s=result["wall_s"])
    return found


def run_step(case: str, lang: str, mode: str, steps: int, out_dir: Path, seed: int = 42,
             timeout: float = 1800, ground: Ground | None = None) -> dict[str, Any]:
    """Run one paired example for ``steps`` steps in one mode; its step time, rate and peak memory.

    Example:
        >>> run_step("dcgan", "r", "compiled", 8, Path("out/bench"))["seconds_per_step"]
        0.061

    Args:
        case: A paired case study (``examples_r/<case>.R`` and ``examples_py/<case>.py``).
        lang: ``"r"``, ``"py"``, ``"py_in_r"`` (the Python example inside R's process) or
            ``"r_in_py"`` (the R example inside this Python's process, ``bench/r_in_python.py``).
        mode: ``"eager"`` (``--eager``) or ``"compiled"`` (``--compiled``).
        steps: ``--steps`` for the example.
        out_dir: Where the run record and log go.
        seed: ``--seed``. Defaults to `42`.
        timeout: Seconds before the run is stopped. Defaults to `1800`.
        ground: Where it runs. Defaults to `None` (ground 1: this Python, R's default libraries).

    Returns:
        ``{"seconds_per_step", "steps_per_s", "peak_mib", "wall_s"}``; ``seconds_per_step`` is
        `None` when the example records no step timings.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {sorted(MODES)}. Received: mode={mode!r}")
    if lang not in ("r", "py", "py_in_r", "r_in_py"):
        raise ValueError(f"lang must be 'r', 'py', 'py_in_r' or 'r_in_py'. Received: lang={lang!r}")
    ground = ground or Ground("1")
    out = out_dir / "runs" / f"{case}-{lang}-{mode}-ground{ground.key}.json"
    out.unlink(missing_ok=True)
    flags = ["--seed", str(seed), "--steps", str(steps), "--out", str(out), MODES[mode]]
    cmd = example_command(case, "py" if lang == "py_in_r" else "r" if lang == "r_in_py" else lang, flags)
    if lang in ("py", "py_in_r"):
        cmd[0] = ground.python
    if lang == "py_in_r":
        cmd = ["Rscript", str(ROOT / "bench" / "python_in_r.R"), *cmd]
    if lang == "r_in_py":
        cmd = [ground.python, str(ROOT / "bench" / "r_in_python.py"), *cmd[1:]]
    log = out_dir / "logs" / f"{case}-{lang}-{mode}-ground{ground.key}.log"
    result = _measured(cmd, log, timeout, ground)
    if result["returncode"] != 0 or not out.exists():
        raise _failure(cmd, log, result)
    record = json.loads(out.read_text())
    seconds = (record.get("timings") or {}).get("seconds_per_step")
    return {"seconds_per_step": seconds, "steps_per_s": 1.0 / seconds if seconds else None,
            "peak_mib": result["peak_mib"], "wall_s": result["wall_s"]}


def benchmark(out_dir: Path, repeats: int = 3, cases: list[str] | None = None, quick: bool = False,
              log: Any = print, ground2: Ground | None = None) -> dict[str, Any]:
    """Run the whole suite; the raw measurements of every repeat (see :func:`summarize`).

    Example:
        >>> benchmark(Path("out/bench"), repeats=1, cases=["basic_loop"], ground2=ground2_default())

    Args:
        out_dir: Where logs and run records go.
        repeats: How many times each measurement is taken. Defaults to `3`.
        cases: Case studies for the step benchmark. Defaults to `None` (every paired case with a
            training step).
        quick: Few steps and short timing blocks (what the tests use). Defaults to `False`.
        log: Progress lines go here. Defaults to `print`.
        ground2: The second test ground, measured in the same repeats (per-op, scaling, eager
            steps). Defaults to `None` (ground 1 only).

    Returns:
        ``{"machine", "repeats", "grounds": [ground info], "ops": [per repeat: {lang: result}],
        "steps": {case: {mode: [per repeat: {lang: result}]}}, "ground2": None or {"ops", "steps"}
        (the same shapes, eager steps only)}``; ``ops`` and ``steps`` are ground 1's.
    """
    step_cases = QUICK_STEP_CASES if quick else STEP_CASES
    available = [c for c in paired_cases() if c in step_cases]
    if cases is None:
        cases = available
    unknown = sorted(set(cases) - set(available))
    if unknown:
        raise ValueError(f"cases must be paired case studies with a training step, one of {available}. "
                         f"Received: cases={unknown}")
    blocks, block_s = (2, 0.05) if quick else (5, 0.2)
    grounds = [Ground("1")] + ([ground2] if ground2 else [])
    infos = [g.describe() for g in grounds]
    results: dict[str, Any] = {"machine": _machine(), "repeats": repeats, "quick": quick, "grounds": infos,
                               "ops": [], "steps": {case: {mode: [] for mode in MODES} for case in cases},
                               "ground2": None}
    if ground2:
        results["ground2"] = {"ops": [], "steps": {case: {"eager": []} for case in cases}}
    for k in range(1, repeats + 1):
        for ground, info in zip(grounds, infos):
            part = results if ground.key == "1" else results["ground2"]
            where = _ground_label(info)
            repeat: dict[str, Any] = {}
            for lang in ("py", "r", "reticulate"):
                log(f"[bench {k}/{repeats}] per-op and scaling: {LANG_NAMES[lang]} ({where})")
                repeat[lang] = run_ops(lang, out_dir, blocks=blocks, block_s=block_s, ground=ground)
            part["ops"].append(repeat)
            for case in cases:
                for mode in part["steps"][case]:
                    pair = {}
                    with_embedded = mode == "eager" and ground.key == "1"
                    for lang in ("py", "r") + (("py_in_r", "r_in_py") if with_embedded else ()):
                        log(f"[bench {k}/{repeats}] {case} {mode} step: {LANG_NAMES[lang]} ({where})")
                        pair[lang] = run_step(case, lang, mode, step_cases[case], out_dir, ground=ground)
                    part["steps"][case][mode].append(pair)
    return results


def _machine() -> dict[str, Any]:
    import tensorflow as tf

    gpus = [d.name for d in tf.config.list_physical_devices("GPU")]
    return {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(), "gpus": gpus, "python": platform.python_version(),
            "tensorflow": tf.__version__, "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")}


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _summarize_ground(part: dict[str, Any]) -> dict[str, Any]:
    """Per-op, step and scaling rows of one ground's measurements (``{"ops", "steps"}``)."""
    ops_rows = []
    names = list(part["ops"][0]["py"]["ops"]) if part["ops"] else []
    for name in names:
        per = {lang: [rep[lang]["ops"].get(name) for rep in part["ops"]]
               for lang in ("py", "r", "reticulate")}
        ops_rows.append({
            "op": name,
            **{f"{lang}_us": _median(per[lang]) for lang in per},
            "bridge_ratio": _spread([_ratio(r, p) for r, p in zip(per["r"], per["py"])]),
            "reticulate_ratio": _spread([_ratio(r, p) for r, p in zip(per["reticulate"], per["py"])]),
        })
    step_rows = []
    for case, modes in part["steps"].items():
        for mode, reps in modes.items():
            if not reps:
                continue
            row: dict[str, Any] = {"case": case, "mode": mode}
            for lang in ("py", "r"):
                seconds = [rep[lang]["seconds_per_step"] for rep in reps]
                row[f"{lang}_s"] = _median(seconds)
                row[f"{lang}_steps_per_s"] = _median([rep[lang]["steps_per_s"] for rep in reps])
                row[f"{lang}_peak_mib"] = _median([rep[lang]["peak_mib"] for rep in reps])
            row["ratio"] = _spread([_ratio(rep["r"]["seconds_per_step"], rep["py"]["seconds_per_step"])
                                    for rep in reps])
            row["memory_ratio"] = _spread([_ratio(rep["r"]["peak_mib"], rep["py"]["peak_mib"])
                                           for rep in reps])
            embedded = [rep.get("py_in_r", {}).get("seconds_per_step") for rep in reps]
            row["py_in_r_s"] = _median(embedded)
            row["embedding_ratio"] = _spread([_ratio(e, rep["py"]["seconds_per_step"])
                                              for e, rep in zip(embedded, reps)])
            row["bridge_ratio"] = _spread([_ratio(rep["r"]["seconds_per_step"], e)
                                           for e, rep in zip(embedded, reps)])
            # The R example with its Python in the python3 program: the R side's share alone
            hosted = [rep.get("r_in_py", {}).get("seconds_per_step") for rep in reps]
            row["r_in_py_s"] = _median(hosted)
            row["hosted_ratio"] = _spread([_ratio(h, rep["py"]["seconds_per_step"])
                                           for h, rep in zip(hosted, reps)])
            # R's fixed memory (R, reticulate and the packages it imports) is in both peaks here
            embedded_peak = [rep.get("py_in_r", {}).get("peak_mib") for rep in reps]
            row["py_in_r_peak_mib"] = _median(embedded_peak)
            row["memory_bridge_ratio"] = _spread([_ratio(rep["r"]["peak_mib"], e)
                                                  for e, rep in zip(embedded_peak, reps)])
            step_rows.append(row)
    scaling_rows = []
    if part["ops"]:
        for i, point in enumerate(part["ops"][0]["py"]["scaling"]):
            py = [rep["py"]["scaling"][i]["us"] for rep in part["ops"]]
            r = [rep["r"]["scaling"][i]["us"] for rep in part["ops"]]
            scaling_rows.append({"batch": point["batch"], "width": point["width"], "mode": point["mode"],
                                 "py_us": _median(py), "r_us": _median(r),
                                 "overhead_us": _median([a - b for a, b in zip(r, py)]),
                                 "ratio": _spread([_ratio(a, b) for a, b in zip(r, py)])})
    return {"ops": ops_rows, "steps": step_rows, "scaling": scaling_rows}


def _goals(rows: dict[str, Any], where: str) -> list[dict[str, Any]]:
    goals = []
    for row in rows["steps"]:
        if row["mode"] == "compiled" or row["case"] in GOALS["eager_step_cases"]:
            limit = GOALS["compiled_step"] if row["mode"] == "compiled" else GOALS["eager_step"]
            goals.append({"goal": f"{row['case']} {row['mode']} step, R / Python{where}", "limit": limit,
                          "measured": row["ratio"]["median"],
                          "met": row["ratio"]["median"] is not None and row["ratio"]["median"] <= limit})
        if row["mode"] == "eager":
            limit = GOALS["eager_peak_memory"]
            measured = row["memory_ratio"]["median"]
            goals.append({"goal": f"{row['case']} eager peak resident memory, R / Python{where}",
                          "limit": limit, "measured": measured,
                          "met": measured is not None and measured <= limit})
    for row in rows["ops"]:
        limit = GOALS["per_op"] if row["op"] in GOALS["per_op_ops"] else GOALS["op_limits"].get(row["op"])
        if limit is None:
            continue
        goals.append({"goal": f"per-op {row['op']}, R (rkerasbridge) / Python{where}",
                      "limit": limit,
                      "measured": row["bridge_ratio"]["median"],
                      "met": row["bridge_ratio"]["median"] is not None
                      and row["bridge_ratio"]["median"] <= limit})
    return goals


def summarize(results: dict[str, Any]) -> dict[str, Any]:
    """Ratios per repeat, then their median and range; goals checked against the medians.

    Example:
        >>> summarize(benchmark(Path("out/bench"), repeats=1, quick=True))["ops"][0]["bridge_ratio"]
        {'median': 3.1, 'min': 3.1, 'max': 3.1, 'n': 1}

    Args:
        results: What :func:`benchmark` returned.

    Returns:
        ``{"ops": [...], "steps": [...], "scaling": [...], "goals": [...], "ground2": None or {"ops",
        "steps", "scaling"}, "grounds": [...]}``, rows of plain numbers (microseconds, seconds, MiB,
        ratios as ``{"median", "min", "max", "n"}``); ``ops``, ``steps`` and ``scaling`` are ground
        1's, ``grounds`` sets the two grounds' ratios side by side.
    """
    summary = _summarize_ground(results)
    summary["goals"] = _goals(summary, "")
    part2 = results.get("ground2")
    summary["ground2"] = _summarize_ground(part2) if part2 else None
    summary["grounds"] = []
    if summary["ground2"]:
        summary["goals"] += _goals(summary["ground2"], " (ground 2)")
        second = {row["op"]: row for row in summary["ground2"]["ops"]}
        for row in summary["ops"]:
            other = second.get(row["op"], {})
            summary["grounds"].append({
                "what": f"per-op {row['op']}", "unit": "us",
                "r": [row["r_us"], other.get("r_us")],
                "bridge_ratio": [row["bridge_ratio"], other.get("bridge_ratio", _spread([]))],
                "reticulate_ratio": [row["reticulate_ratio"], other.get("reticulate_ratio", _spread([]))]})
        second_steps = {(row["case"], row["mode"]): row for row in summary["ground2"]["steps"]}
        for row in summary["steps"]:
            other = second_steps.get((row["case"], row["mode"]))
            if other:
                summary["grounds"].append({
                    "what": f"{row['case']} {row['mode']} step", "unit": "s",
                    "r": [row["r_s"], other["r_s"]], "bridge_ratio": [row["ratio"], other["ratio"]],
                    "reticulate_ratio": [_spread([]), _spread([])]})
    return summary


def _fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _ratio_text(spread: dict[str, Any]) -> str:
    if spread["median"] is None:
        return "n/a"
    if spread["n"] < 2:
        return f"{spread['median']:.2f}"
    return f"{spread['median']:.2f} ({spread['min']:.2f}-{spread['max']:.2f})"


def _ground_tables(rows: dict[str, Any], where: str) -> list[str]:
    lines = [f"## Per-op cost (microseconds per call){where}", "",
             "| op | Python | R (rkerasbridge) | R (raw reticulate) | rkerasbridge / Python "
             "| raw reticulate / Python |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows["ops"]:
        lines.append(f"| {row['op']} | {_fmt(row['py_us'])} | {_fmt(row['r_us'])} | "
                     f"{_fmt(row['reticulate_us'])} | "
                     f"{_ratio_text(row['bridge_ratio'])} | {_ratio_text(row['reticulate_ratio'])} |")
    lines += ["", f"## Training step per case study{where}", "",
              "| case | mode | Python s/step | R s/step | R / Python | Python steps/s | R steps/s | "
              "Python peak MiB | R peak MiB | R / Python peak | Python inside R s/step | "
              "Python inside R / Python | R / Python inside R | R / Python inside R peak | "
              "R inside Python s/step | R inside Python / Python |",
              "| --- | --- |" + " ---: |" * 14]
    for row in rows["steps"]:
        lines.append(f"| {row['case']} | {row['mode']} | {_fmt(row['py_s'], 4)} | {_fmt(row['r_s'], 4)} | "
                     f"{_ratio_text(row['ratio'])} | {_fmt(row['py_steps_per_s'])} | "
                     f"{_fmt(row['r_steps_per_s'])} | "
                     f"{_fmt(row['py_peak_mib'], 0)} | {_fmt(row['r_peak_mib'], 0)} | "
                     f"{_ratio_text(row['memory_ratio'])} | "
                     f"{_fmt(row['py_in_r_s'], 4)} | {_ratio_text(row['embedding_ratio'])} | "
                     f"{_ratio_text(row['bridge_ratio'])} | {_ratio_text(row['memory_bridge_ratio'])} | "
                     f"{_fmt(row['r_in_py_s'], 4)} | {_ratio_text(row['hosted_ratio'])} |")
    lines += ["", f"## Scaling: a two-layer training step (input 64 features){where}", "",
              "| batch | width | mode | Python us | R us | R overhead us | R / Python |",
              "| ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
    for row in rows["scaling"]:
        lines.append(f"| {row['batch']} | {row['width']} | {row['mode']} | {_fmt(row['py_us'], 0)} | "
                     f"{_fmt(row['r_us'], 0)} | {_fmt(row['overhead_us'], 0)} | "
                     f"{_ratio_text(row['ratio'])} |")
    return lines + [""]


def markdown(results: dict[str, Any], summary: dict[str, Any]) -> str:
    """The summary as Markdown tables (what ``bench.md`` holds and ``make bench`` prints)."""
    m = results["machine"]
    infos = results.get("grounds") or [{"key": "1"}]
    lines = [
        "# rkeras_bridge benchmark", "",
        f"{m['date']}; {m['platform']}; {m['cpus']} CPUs; GPUs: {', '.join(m['gpus']) or 'none'}; "
        f"TensorFlow {m['tensorflow']}; {results['repeats']} repeat(s)"
        f"{' (quick)' if results['quick'] else ''}. "
        "Ratios are R / Python within one repeat: median (min-max over repeats).", "",
        "Grounds: " + "; ".join(_ground_label(info) for info in infos)
        + ("" if summary.get("ground2") else " (ground 2 not set up: not measured)") + ".", "",
    ]
    lines += _ground_tables(summary, f" ({_ground_label(infos[0])})" if len(infos) > 1 else "")
    if summary.get("ground2"):
        lines += _ground_tables(summary["ground2"], f" ({_ground_label(infos[1])})")
        one, two = (_ground_versions(info) for info in infos[:2])
        lines += ["## Both grounds side by side", "",
                  f"| measure | R, {one} | R, {two} | rkerasbridge / Python, {one} "
                  f"| rkerasbridge / Python, {two} | raw reticulate / Python, {one} "
                  f"| raw reticulate / Python, {two} |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in summary["grounds"]:
            digits = 1 if row["unit"] == "us" else 4
            lines.append(f"| {row['what']} ({row['unit']}) | {_fmt(row['r'][0], digits)} | "
                         f"{_fmt(row['r'][1], digits)} | "
                         + " | ".join(_ratio_text(s) for s in row["bridge_ratio"] + row["reticulate_ratio"])
                         + " |")
        lines.append("")
    lines += ["## Goals", "", "| goal | limit | measured (median) | met |", "| --- | ---: | ---: | --- |"]
    for goal in summary["goals"]:
        met = "yes" if goal["met"] else "no"
        lines.append(f"| {goal['goal']} | {goal['limit']:.2f} | {_fmt(goal['measured'], 2)} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m rkeras_bridge.tools.bench [--repeats N] [--cases a,b] [--quick] [--out DIR]
    [--ground2 PYTHON R_LIBS | --no-ground2]``."""
    parser = argparse.ArgumentParser(prog="python -m rkeras_bridge.tools.bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="repeats of every measurement (default 3)")
    parser.add_argument("--cases", default=None,
                        help="comma-separated case studies for the step benchmark (default: all with a step)")
    parser.add_argument("--quick", action="store_true", help="few steps and short blocks (a smoke test)")
    parser.add_argument("--out", default="out/bench", help="folder for bench.json, bench.md and logs")
    grounds = parser.add_mutually_exclusive_group()
    grounds.add_argument("--ground2", nargs=2, metavar=("PYTHON", "R_LIBS"), default=None,
                         help="the second test ground: its Python and the R libraries put first on R_LIBS "
                              "(default: .venv-numpy2 and .rlib-reticulate146 where make setup built them)")
    grounds.add_argument("--no-ground2", action="store_true", help="measure ground 1 only")
    ns = parser.parse_args(argv)
    if ns.repeats < 1:
        parser.error(f"--repeats must be >= 1. Received: --repeats {ns.repeats}")
    out_dir = Path(ns.out).resolve()
    cases = None if ns.cases is None else [c.strip() for c in ns.cases.split(",") if c.strip()]
    if ns.ground2:
        # absolute(), not resolve(): a virtual environment's python is a link that must stay one
        python = str(Path(ns.ground2[0]).absolute())
        libs = ":".join(str(Path(v).absolute()) for v in ns.ground2[1].split(":") if v)
        if not Path(python).exists():
            parser.error(f"--ground2 PYTHON must be a Python executable. Received: {ns.ground2[0]!r}")
        ground2: Ground | None = Ground("2", python, libs)
    else:
        ground2 = None if ns.no_ground2 else ground2_default()
    if ground2 is None and not ns.no_ground2:
        print("bench: the second ground (reticulate 1.46 + NumPy 2) is not set up (make setup builds it): "
              "ground 1 only", flush=True)
    try:
        results = benchmark(out_dir, repeats=ns.repeats, cases=cases, quick=ns.quick,
                            log=lambda line: print(line, flush=True), ground2=ground2)
    except (ValueError, RuntimeError) as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    summary = summarize(results)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps({"results": results, "summary": summary}, indent=1))
    text = markdown(results, summary)
    (out_dir / "bench.md").write_text(text)
    print(text)
    print(f"Wrote {out_dir / 'bench.json'} and {out_dir / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
