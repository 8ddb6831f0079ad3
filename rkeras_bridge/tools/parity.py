"""Run an R script and its Python twin with the same seed and compare what they recorded, step by step.

Two scripts (any user's)::

    rkeras-bridge parity mine.R mine.py [--seed S] [--steps N] [--rtol R] [--atol A] [--out DIR] [-- ARGS]
    python -m rkeras_bridge.tools.parity mine.R mine.py ...

run each script as its own process under the same seed (:func:`run_pair`), with ``record(name, value)``
writing every recorded value to a file, then compare every name at every step
(:func:`~rkeras_bridge.tools.compare.compare_records`). The tool prints a table (name, steps, max
|Δ|, max relative Δ, verdict) and the FIRST divergence (name, step, the worst element's index in R's
1-based and Python's 0-based counting, both values, |Δ| and relative Δ), writes ``DIR/index.html``
with the R and Python curves overlaid, and exits 1 when the twins differ (2 on a usage error).

The paired case studies are ordinary users of the same path: ``rkeras-bridge parity [CASES]`` (``make
demo``) runs ``examples_r/<case>.R`` against ``examples_py/<case>.py``, whose training harness records
each step's losses and the final figures with ``record()``; ``--quick`` runs a few steps of each (what
the tests and ``make parity`` do).
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

from ..bridge.errors import bad_argument
from .compare import ATOL, RTOL, compare_records, compare_runs, step_ranges
from .records import ENV_RECORD, ENV_SEED, ENV_STEPS
from .report import write_report

__all__ = ["ROOT", "QUICK_STEPS", "paired_cases", "example_command", "script_command", "run_script_process",
           "read_records", "run_pair", "run_case_pair", "format_pair", "describe_divergence", "run_example",
           "compare_runs", "main"]

# The checkout: examples_r/, examples_py/ and the package sit side by side (an editable install).
ROOT = Path(__file__).resolve().parents[2]
# Steps for --quick runs (CI-sized; for fit-based cases a step is an epoch); a case not listed runs 5.
QUICK_STEPS = {"matmul": 0, "basic_loop": 24, "simple_dot": 1, "nmt_attention": 3, "image_captioning": 5}
# Lines of a failed script's stderr shown in the report.
TAIL_LINES = 20
_SIDES = {"r": "R", "py": "Python"}


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
    """The plain command that runs ``examples_r/<case>.R`` (``lang="r"``) or ``examples_py/<case>.py``."""
    if lang == "r":
        return ["Rscript", str(ROOT / "examples_r" / f"{case}.R"), *flags]
    return [sys.executable, str(ROOT / "examples_py" / f"{case}.py"), *flags]


def script_command(lang: str, script: Any, args: Any = ()) -> list[str]:
    """The command that runs a script under the parity runner of its language (seeded from ``$RKB_SEED``).

    Example:
        >>> script_command("py", "mine.py", ["--lr", "0.1"])[1:]
        ['-m', 'rkeras_bridge.tools.records', 'mine.py', '--lr', '0.1']

    Args:
        lang: ``"r"`` or ``"py"``.
        script: The script's path (R: read from ``$RKB_SCRIPT``, so that any path quotes safely).
        args: The script's own arguments. Defaults to `()`.

    Returns:
        The command, a list of strings.
    """
    args = [str(a) for a in args]
    if lang == "r":
        return ["Rscript", "-e", "library(rkerasbridge); run_script(Sys.getenv('RKB_SCRIPT'))", *args]
    if lang == "py":
        return [sys.executable, "-m", "rkeras_bridge.tools.records", str(script), *args]
    raise bad_argument("lang", lang, '"r" or "py"')


def read_records(path: Any) -> list[dict[str, Any]]:
    """The entries ``record()`` appended to ``path``, in order (none when the file is missing).

    A last line cut short by a crash is left out.
    """
    entries: list[dict[str, Any]] = []
    if not Path(path).exists():
        return entries
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and {"name", "step"} <= set(entry):
            entries.append(entry)
    return entries


def run_script_process(lang: str, script: Any, args: Any = (), seed: int = 42, steps: int | None = None,
                       records: Any = None, cwd: Any = None, timeout: float | None = None) -> dict[str, Any]:
    """Run one side: the script as its own process, seeded, recording into ``records``.

    Args:
        lang: ``"r"`` or ``"py"``.
        script: The script.
        args: Its arguments. Defaults to `()`.
        seed: The seed (``$RKB_SEED``). Defaults to `42`.
        steps: ``$RKB_STEPS`` (what :func:`~rkeras_bridge.tools.records.parity_steps` returns). Defaults to
            `None` (unset).
        records: The file ``record()`` appends to (emptied first). Defaults to `None` (a temporary file).
        cwd: Working directory. Defaults to `None` (this process's).
        timeout: Seconds before the script is stopped. Defaults to `None` (no limit).

    Returns:
        ``{"lang", "script", "command", "returncode", "seconds", "stderr_tail", "records", "entries"}``;
        ``returncode`` is `None` when the process could not start or timed out (``stderr_tail`` says why).
    """
    if records is None:
        records = Path(tempfile.mkdtemp(prefix="rkb-records-")) / f"{lang}.records.jsonl"
    records = Path(records)
    records.parent.mkdir(parents=True, exist_ok=True)
    records.unlink(missing_ok=True)
    command = script_command(lang, script, args)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"))
    env.update({ENV_SEED: str(int(seed)), ENV_RECORD: str(records.resolve()), "RKB_SCRIPT": str(script)})
    env.pop(ENV_STEPS, None)
    if steps is not None:
        env[ENV_STEPS] = str(int(steps))
    start = time.perf_counter()
    try:
        proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        returncode, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
    except FileNotFoundError as exc:
        returncode, stdout, stderr = None, "", f"could not start {command[0]!r}: {exc}"
    except subprocess.TimeoutExpired as exc:
        returncode = None
        stdout = exc.stdout if isinstance(exc.stdout, str) else (exc.stdout or b"").decode(errors="replace")
        stderr = (exc.stderr if isinstance(exc.stderr, str) else (exc.stderr or b"").decode(errors="replace"))
        stderr += f"\nstopped after {timeout:g} s (timeout)"
    seconds = time.perf_counter() - start
    tail = (stderr.strip() or stdout.strip()).splitlines()[-TAIL_LINES:]
    return {"lang": lang, "script": str(script), "command": command, "returncode": returncode,
            "seconds": seconds, "stderr_tail": tail, "stdout": stdout, "records": str(records),
            "entries": read_records(records)}


def _failure(side: dict[str, Any]) -> str | None:
    code = side["returncode"]
    if code == 0:
        return None
    who = f"the {_SIDES[side['lang']]} script {side['script']}"
    status = ("did not run" if code is None else f"was killed by signal {-code}" if code < 0
              else f"failed with exit status {code}")
    shown = "\n".join(f"    {line}" for line in side["stderr_tail"]) or "    (no output)"
    return f"{who} {status}; the last lines of its output:\n{shown}"


def run_pair(r_script: Any, py_script: Any, seed: int = 42, steps: int | None = None, rtol: float = RTOL,
             atol: float = ATOL, out_dir: Any = None, args: Any = (), name: str | None = None,
             r_args: Any = None, py_args: Any = None, cwd: Any = None, truncate: bool = True,
             timeout: float | None = None) -> dict[str, Any]:
    """Run an R script and its Python twin with the same seed and compare what they recorded.

    Example:
        >>> result = run_pair("mine.R", "mine.py", seed=1, steps=5)  # doctest: +SKIP
        >>> result["ok"], result["first"]  # doctest: +SKIP
        (True, None)

    Args:
        r_script: The R script.
        py_script: The Python script.
        seed: The seed both run with (``$RKB_SEED``; each runner seeds everything with it first).
            Defaults to `42`.
        steps: ``$RKB_STEPS`` for both, and (``truncate``) the last step compared. Defaults to `None`.
        rtol: Relative tolerance. Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        out_dir: Where the record files (``<name>-r.records.jsonl``, ``<name>-py.records.jsonl``) and the
            summary (``<name>-parity.json``) go. Defaults to `None` (a temporary directory).
        args: Arguments for both scripts. Defaults to `()`.
        name: The pair's name in file names and the report. Defaults to `None` (the Python script's stem).
        r_args: Arguments for the R script only, instead of ``args``. Defaults to `None`.
        py_args: Arguments for the Python script only, instead of ``args``. Defaults to `None`.
        cwd: Working directory of both scripts. Defaults to `None` (this process's).
        truncate: Compare only the first ``steps`` steps. Defaults to `True`.
        timeout: Seconds each script may run. Defaults to `None` (no limit).

    Returns:
        :func:`~rkeras_bridge.tools.compare.compare_records`'s result plus ``name``, ``out``, ``r`` and
        ``py`` (each side's run: ``returncode``, ``seconds``, ``stderr_tail``, ...), ``failures`` (a
        message per failed script) and ``rtol``/``atol``/``seed``; ``ok`` is also false when a script failed.
    """
    for label, script, suffix in (("r_script", r_script, ".r"), ("py_script", py_script, ".py")):
        if not isinstance(script, (str, os.PathLike)) or Path(script).suffix.lower() != suffix \
                or not Path(script).is_file():
            kind = "R script ending in .R" if suffix == ".r" else "Python script ending in .py"
            raise bad_argument(label, script, f"an existing {kind}")
    name = name or Path(py_script).stem
    out = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="rkb-parity-"))
    out.mkdir(parents=True, exist_ok=True)
    sides = {}
    for lang, script, own in (("r", r_script, r_args), ("py", py_script, py_args)):
        sides[lang] = run_script_process(lang, Path(script).resolve(), args if own is None else own, seed,
                                         steps, out / f"{name}-{lang}.records.jsonl", cwd, timeout)
    result = compare_records(sides["r"]["entries"], sides["py"]["entries"], rtol, atol,
                             steps if truncate else None)
    failures = [f for f in (_failure(sides["r"]), _failure(sides["py"])) if f]
    for lang in ("r", "py"):
        if sides[lang]["returncode"] == 0 and not sides[lang]["entries"]:
            result["problems"].insert(0, f"the {_SIDES[lang]} script recorded nothing: call record(name, "
                                         "value) in it, e.g. record(\"loss\", loss) after each step")
    result.update(name=name, out=str(out), r=sides["r"], py=sides["py"], failures=failures, rtol=rtol,
                  atol=atol, seed=seed)
    result["ok"] = result["ok"] and not failures
    summary = {k: v for k, v in result.items() if k not in ("r", "py")}
    summary["sides"] = {lang: {k: v for k, v in side.items() if k not in ("entries", "stdout")}
                        for lang, side in sides.items()}
    (out / f"{name}-parity.json").write_text(json.dumps(summary, indent=1, default=str), encoding="utf-8")
    return result


def _number(value: Any) -> str:
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value:.9g}"
    return str(value)


def describe_divergence(first: dict[str, Any], rtol: float, atol: float) -> list[str]:
    """The lines that tell the first divergence: name, step, the worst element's index, values, Δ."""
    lines = [f"FIRST DIVERGENCE: `{first['name']}` at step {first['step']}"]
    problem = first["problem"]
    if problem == "shape":
        r_shape, py_shape = first["shape"]
        lines.append(f"  shapes differ: R {r_shape}, Python {py_shape}")
        if r_shape[::-1] == py_shape and r_shape != py_shape:
            lines.append("  (the reversed shape: one side is transposed; R fills matrices column by column)")
        return lines
    if problem == "text":
        lines.append(f"  R {first['r_value']!r}")
        lines.append(f"  Python {first['py_value']!r}")
        return lines
    shape = first["shape"]
    if shape:
        lines.append(f"  worst element: R [{', '.join(map(str, first['r_index']))}] (1-based), "
                     f"Python [{', '.join(map(str, first['py_index']))}] (0-based), of shape {shape}")
    lines.append(f"  R {_number(first['r_value'])}, Python {_number(first['py_value'])}")
    if problem == "nan":
        side = "R" if not math.isfinite(first["r_value"]) else "Python"
        lines.append(f"  NaN or Inf on the {side} side only")
    else:
        lines.append(f"  |Δ| {first['abs_diff']:.3g}, relative Δ {first['rel_diff']:.3g} "
                     f"(allowed: {atol:g} + {rtol:g} × |Python|)")
    return lines


def format_pair(result: dict[str, Any]) -> str:
    """The text report of :func:`run_pair`: each side's run, the table, problems and the first divergence."""
    lines = []
    for lang in ("r", "py"):
        side = result[lang]
        status = "did not run" if side["returncode"] is None else f"exit {side['returncode']}"
        lines.append(f"{_SIDES[lang]:<7} {side['script']}  ({side['seconds']:.1f} s, {status}, "
                     f"{len(side['entries'])} values recorded)")
    rows = result["rows"]
    width = max([len(row["name"]) for row in rows] + [4])
    header = f"{'name':<{width}} {'steps R':>8} {'steps Py':>8} {'max |Δ|':>10} {'max rel Δ':>10}  verdict"
    lines += ["", header, "-" * len(header)]
    for row in rows:
        verdict = row["verdict"]
        if row["differing"]:
            verdict += f" ({row['differing']} of {row['compared']} steps differ)"
        lines.append(f"{row['name']:<{width}} {row['r_steps']:>8} {row['py_steps']:>8} "
                     f"{row['max_abs']:>10.3g} {row['max_rel']:>10.3g}  {verdict}")
    if not rows:
        lines.append("(nothing recorded on either side)")
    lines.append("")
    for failure in result["failures"]:
        lines.append(failure)
    for problem in result["problems"]:
        lines.append(problem)
    if result["first"] is not None:
        lines += describe_divergence(result["first"], result["rtol"], result["atol"])
    if result["hint"]:
        lines.append(f"  {result['hint']}")
    verdict = "PASS" if result["ok"] else "FAIL"
    lines.append(f"parity {verdict}: {len(rows)} names, steps {step_ranges(range(1, result['steps'] + 1))}, "
                 f"seed {result['seed']}, rtol {result['rtol']:g}, atol {result['atol']:g}")
    return "\n".join(lines)


def _case_flags(case: str, lang: str, seed: int, steps: int | None, out_dir: Path,
                epochs: int | None = None) -> list[str]:
    flags = ["--seed", str(seed), "--out", str(out_dir / f"{case}-{lang}.json")]
    flags += [] if steps is None else ["--steps", str(steps)]
    return flags + ([] if epochs is None else ["--epochs", str(epochs)])


def run_example(case: str, lang: str, seed: int, steps: int | None, out_dir: Path,
                epochs: int | None = None) -> tuple[dict[str, Any], float]:
    """Run one example under its parity runner; return its JSON run record and wall time in seconds.

    What it recorded goes to ``<out_dir>/<case>-<lang>.records.jsonl``. ``epochs`` (default `None`: the
    case study's own) is passed on as ``--epochs``.
    """
    out_dir = Path(out_dir)
    out = out_dir / f"{case}-{lang}.json"
    out.unlink(missing_ok=True)
    script = ROOT / "examples_r" / f"{case}.R" if lang == "r" else ROOT / "examples_py" / f"{case}.py"
    side = run_script_process(lang, script, _case_flags(case, lang, seed, steps, out_dir, epochs), seed, None,
                              out_dir / f"{case}-{lang}.records.jsonl", ROOT)
    if side["returncode"] != 0 or not out.exists():
        tail = "\n".join(side["stderr_tail"])
        raise RuntimeError(f"{' '.join(side['command'])} ({script}) failed with exit code "
                           f"{side['returncode']}:\n{tail}")
    return json.loads(out.read_text()), side["seconds"]


def run_case_pair(case: str, seed: int = 42, steps: int | None = None, out_dir: Any = None,
                  rtol: float = RTOL, atol: float = ATOL, epochs: int | None = None) -> dict[str, Any]:
    """A paired case study through the general path: :func:`run_pair` on its two example scripts.

    ``steps`` goes to the scripts as ``--steps`` (the case's own step count, not a cut of the comparison).
    """
    out = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="rkb-parity-"))
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("r", "py"):
        (out / f"{case}-{lang}.json").unlink(missing_ok=True)
    return run_pair(ROOT / "examples_r" / f"{case}.R", ROOT / "examples_py" / f"{case}.py", seed=seed,
                    steps=None, rtol=rtol, atol=atol, out_dir=out, name=case, cwd=ROOT, truncate=False,
                    r_args=_case_flags(case, "r", seed, steps, out, epochs),
                    py_args=_case_flags(case, "py", seed, steps, out, epochs))


def _split_script_args(argv: list[str]) -> tuple[list[str], list[str]]:
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, []


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m rkeras_bridge.tools.parity",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", metavar="CASES",
                        help="case studies (default: every pair), or two scripts: one .R and one .py")
    parser.add_argument("--quick", action="store_true", help="a few steps per case study (CI-sized)")
    parser.add_argument("--steps", type=int, default=None,
                        help="steps: --steps for every case study; for two scripts $RKB_STEPS "
                             "(parity_steps()) and the last step compared")
    parser.add_argument("--seed", type=int, default=42, help="the seed both sides run with (default: 42)")
    parser.add_argument("--rtol", "--tolerance", type=float, default=RTOL, dest="rtol",
                        help=f"relative tolerance (default: {RTOL:g})")
    parser.add_argument("--atol", type=float, default=ATOL, help=f"absolute tolerance (default: {ATOL:g})")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="keep the records and the index.html report here (default: a temporary "
                             "directory)")
    return parser


def _scripts(parser: argparse.ArgumentParser, names: list[str]) -> tuple[Path, Path] | None:
    """The (R, Python) scripts when the positional arguments name two, else `None` (case studies)."""
    suffixes = [Path(n).suffix.lower() for n in names]
    if not any(s in (".r", ".py") for s in suffixes):
        return None
    if len(names) != 2 or sorted(suffixes) != [".py", ".r"]:
        parser.error(f"give two scripts, one .R and one .py (either order), or case study names. "
                     f"Received: {names}")
    r, py = (names[0], names[1]) if suffixes[0] == ".r" else (names[1], names[0])
    for script in (r, py):
        if not Path(script).is_file():
            parser.error(f"no such script: {script}")
    return Path(r), Path(py)


def main(argv: list[str] | None = None) -> int:
    """Command line: two scripts (``mine.R mine.py``) or case studies ``[CASES...] [--quick]``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    own, script_args = _split_script_args(argv)
    parser = _parser()
    args = parser.parse_args(own)
    for flag in ("rtol", "atol"):
        if not getattr(args, flag) >= 0:
            parser.error(f"--{flag} must be >= 0. Received: {getattr(args, flag)}")
    if args.steps is not None and args.steps < 0:
        parser.error(f"--steps must be >= 0. Received: {args.steps}")
    out_dir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="rkb-parity-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    scripts = _scripts(parser, args.cases)
    if scripts is not None:
        if args.quick:
            parser.error("--quick is for the case studies; with two scripts give --steps N")
        result = run_pair(*scripts, seed=args.seed, steps=args.steps, rtol=args.rtol, atol=args.atol,
                          out_dir=out_dir, args=script_args)
        print(format_pair(result))
        print(f"report: {_report(out_dir)}")
        return 0 if result["ok"] else 1
    if script_args:
        parser.error("arguments after -- go to two scripts; the case studies take none")
    available = paired_cases()
    unknown = sorted(set(args.cases) - set(available))
    if unknown:
        parser.error(f"unknown case(s) {unknown}; paired cases are {available} "
                     "(or give two scripts, .R and .py)")
    results = []
    for case in args.cases or available:
        steps = args.steps if args.steps is not None else (QUICK_STEPS.get(case, 5) if args.quick else None)
        results.append(run_case_pair(case, seed=args.seed, steps=steps, out_dir=out_dir, rtol=args.rtol,
                                     atol=args.atol))
    header = f"{'case':<16} {'steps':>5} {'max |Δ|':>12} {'max rel Δ':>10} {'R s':>7} {'Py s':>7}  verdict"
    print(header)
    print("-" * len(header))
    for res in results:
        print(f"{res['name']:<16} {res['steps']:>5} {res['max_abs']:>12.3g} {res['max_rel']:>10.3g} "
              f"{res['r']['seconds']:>7.1f} {res['py']['seconds']:>7.1f}  {'PASS' if res['ok'] else 'FAIL'}")
    for res in results:
        if not res["ok"]:
            print(f"\n{res['name']}:")
            print(format_pair(res))
    print(f"records in {out_dir}; rtol {args.rtol:g}, atol {args.atol:g}")
    print(f"report: {_report(out_dir)}")
    return 0 if all(res["ok"] for res in results) else 1


def _report(out_dir: Path) -> str:
    try:
        return write_report(out_dir)
    except Exception as exc:  # the verdict stands without the page; say why there is none
        return f"(not written: {type(exc).__name__}: {exc})"


if __name__ == "__main__":
    sys.exit(main())
