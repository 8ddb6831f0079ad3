"""``record(name, value)``: what a script records per step, for the parity tool to compare R with Python.

A script (R or Python, the same call in both) records any values it likes, step by step::

    for step in range(1, parity_steps(100) + 1):
        loss = train_step(x, y)
        record("loss", loss)                          # step 1, 2, ... of "loss"
        record("dense_kernel", model.weights[0])      # any numeric array or tensor

``rkeras-bridge parity mine.R mine.py`` runs both scripts with the same seed, each under :func:`run_script`,
and compares every recorded name at every step. There, each call appends one JSON line to the file named
by the environment variable ``RKB_RECORD`` and flushes it, so a script that dies half-way leaves what it
had recorded. Without ``RKB_RECORD`` (a script run on its own) values are only kept in memory
(:func:`recorded`).

Run as a module, this file is the Python side's runner:
``python -m rkeras_bridge.tools.records [--seed S] script.py [ARGS...]`` seeds everything, then runs the
script as ``python script.py ARGS...`` would.
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import sys
import traceback
from pathlib import Path
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument
from .runs import json_ready

__all__ = ["record", "recorded", "parity_seed", "parity_steps", "run_script"]

# The environment the parity tool sets for both scripts.
ENV_RECORD = "RKB_RECORD"
ENV_SEED = "RKB_SEED"
ENV_STEPS = "RKB_STEPS"

# name -> {step: value}, in the order names were first recorded; steps kept in recording order.
_memory: dict[str, dict[int, Any]] = {}
_last_step: dict[str, int] = {}
_sink: dict[str, Any] = {"path": None, "file": None}


def _numeric(name: str, value: Any) -> np.ndarray:
    """``value`` as a float64 array, or the error that says what record() takes."""
    expected = ("a number, a numeric vector, matrix or array, or a tensor (not text, NULL/None or a list of "
                "those)")
    raw = value
    if hasattr(value, "numpy"):
        value = value.numpy()
    if value is None or isinstance(value, (str, bytes, dict)):
        raise bad_argument("value", raw, expected, TypeError)
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        raise bad_argument("value", raw, expected, TypeError) from None
    if array.dtype == object:
        try:  # a list of tensors or of 0-d arrays
            array = np.asarray([v.numpy() if hasattr(v, "numpy") else v for v in array.reshape(-1)],
                               dtype=np.float64).reshape(array.shape)
        except (TypeError, ValueError):
            raise bad_argument("value", raw, expected, TypeError) from None
    if array.dtype.kind not in "biuf":
        raise bad_argument("value", raw, expected, TypeError)
    return array.astype(np.float64)


def _step_for(name: str, step: Any) -> int:
    if step is None:
        return _last_step.get(name, 0) + 1
    return int(as_integer(step, "step", minimum=1))


def _write(entry: dict[str, Any]) -> None:
    """Append one JSON line to ``$RKB_RECORD`` (when set) and flush it: a crash keeps what was recorded."""
    path = os.environ.get(ENV_RECORD) or None
    if path != _sink["path"]:
        if _sink["file"] is not None:
            _sink["file"].close()
        _sink.update(path=path, file=None)
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            _sink["file"] = open(path, "a", encoding="utf-8")  # noqa: SIM115 (kept open across calls)
    if _sink["file"] is not None:
        _sink["file"].write(json.dumps(entry) + "\n")
        _sink["file"].flush()


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise bad_argument("name", name, 'a non-empty string naming the value, e.g. "loss"', TypeError)
    return name


def record(name: str, value: Any, step: Any = None) -> Any:
    """Record ``value`` under ``name`` for this step, for ``rkeras-bridge parity`` to compare with the twin.

    The n-th call for a name is its step n (steps count from 1, as R does) unless ``step`` is given;
    recording a step again replaces it (a resumed run). Values are kept as float64 arrays with their
    shape; NaN and Inf are kept too (the comparison reports them).

    Example:
        >>> record("loss", 0.25)
        0.25
        >>> record("kernel", [[1.0, 2.0], [3.0, 4.0]], step=1)[1]
        [3.0, 4.0]

    Args:
        name: What the value is, e.g. ``"loss"`` or ``"dense/kernel"``: the same name in both scripts.
        value: A number, a numeric vector/matrix/array (R) or array-like (Python), or a tensor or
            variable. Booleans count as 0 and 1. Text, `None` and R ``NA`` are refused.
        step: The step (an integer >= 1). Defaults to `None` (one after this name's last step).

    Returns:
        ``value``, unchanged (so ``loss = record("loss", train_step(x, y))`` reads naturally).

    R equivalent: ``record("loss", loss)``.
    """
    name = _check_name(name)
    array = _numeric(name, value)
    number = _step_for(name, step)
    _last_step[name] = number
    _memory.setdefault(name, {})[number] = array if array.ndim else float(array)
    _write({"name": name, "step": number, "shape": list(array.shape), "values": array.reshape(-1).tolist()})
    return value


def _plain(value: Any) -> Any:
    """A JSON-ready value with R's and Python's spellings of the same thing made equal (R has no scalars)."""
    value = json_ready(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return _plain(value[0]) if len(value) == 1 else [_plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def record_value(name: str, value: Any, step: Any = None) -> None:
    """Record anything a run record holds (the case studies' final figures): numbers as :func:`record`
    does, nested dicts one entry per key (``name.key``), and text or mixed values as their JSON text,
    compared for equality.
    """
    name = _check_name(name)
    if isinstance(value, dict):
        for key, item in value.items():
            record_value(f"{name}.{key}", item, step)
        return
    try:
        record(name, value, step)
        return
    except (TypeError, ValueError):
        pass
    number = _step_for(name, step)
    text = json.dumps(_plain(value), sort_keys=True)
    _last_step[name] = number
    _memory.setdefault(name, {})[number] = text
    _write({"name": name, "step": number, "text": text})


def recorded(name: str | None = None) -> Any:
    """What this process has recorded so far, by name, each name's values in step order.

    Example:
        >>> record("loss", 1.5); record("loss", 1.25)  # doctest: +SKIP
        >>> recorded("loss")
        [1.5, 1.25]

    Args:
        name: One name. Defaults to `None` (every name).

    Returns:
        For ``name``, a list of its values (floats for scalars, NumPy arrays otherwise) in step order;
        without it, a dict of such lists by name.

    R equivalent: ``recorded("loss")``.
    """
    if name is None:
        return {n: [steps[s] for s in sorted(steps)] for n, steps in _memory.items()}
    name = _check_name(name)
    if name not in _memory:
        raise bad_argument("name", name, f"a recorded name, one of {sorted(_memory)}")
    return [_memory[name][s] for s in sorted(_memory[name])]


def reset() -> None:
    """Forget what was recorded in memory and restart every name at step 1 (the file is left alone)."""
    _memory.clear()
    _last_step.clear()
    if _sink["file"] is not None:
        _sink["file"].close()
    _sink.update(path=None, file=None)


def from_env(variable: str, default: Any, text: Any = None) -> int | None:
    """The integer in environment variable ``variable`` (or in ``text``: R passes ``Sys.getenv()``'s), else
    ``default``. R reads its own environment: R's ``Sys.setenv()`` does not reach Python's ``os.environ``.
    """
    text = (os.environ.get(variable, "") if text is None else str(text)).strip()
    if not text:
        return as_integer(default, "default", minimum=0, allow_none=True)
    try:
        return int(text)
    except ValueError:
        raise bad_argument(variable, text, "an integer (set by `rkeras-bridge parity`)") from None


def parity_seed(default: Any = None) -> int | None:
    """The seed ``rkeras-bridge parity --seed S`` runs the scripts with (``$RKB_SEED``).

    The runner has already seeded everything with it before the script starts; a script that seeds
    itself again should use this seed so that both twins keep the same one.

    Example:
        >>> set_random_seed(parity_seed(42))  # doctest: +SKIP

    Args:
        default: The seed when the script runs on its own. Defaults to `None`.

    Returns:
        The seed, or ``default`` outside the parity tool.

    R equivalent: ``set_random_seed(parity_seed(42))``.
    """
    return from_env(ENV_SEED, default)


def parity_steps(default: Any = None) -> int | None:
    """The steps ``rkeras-bridge parity --steps N`` asks for (``$RKB_STEPS``), else ``default``.

    Example:
        >>> for step in range(1, parity_steps(100) + 1):  # doctest: +SKIP
        ...     record("loss", train_step())

    Args:
        default: The steps when the script runs on its own (or without ``--steps``). Defaults to `None`.

    Returns:
        The number of steps.

    R equivalent: ``for (step in seq_len(parity_steps(100))) ...``.
    """
    return from_env(ENV_STEPS, default)


def script_path(path: Any, language: str) -> str:
    """``path`` if it names an existing file, else the error naming it (R's ``run_script()`` calls it too)."""
    if not isinstance(path, (str, os.PathLike)) or not Path(path).is_file():
        raise bad_argument("path", path, f"an existing {language} script", FileNotFoundError)
    return str(path)


def run_script(path: Any, args: Any = None, seed: Any = None) -> None:
    """Run a Python script as ``python path args...`` would, after seeding everything with ``seed``.

    This is what ``rkeras-bridge parity`` runs on the Python side (``python -m rkeras_bridge.tools.records``);
    the R side's ``run_script()`` does the same for the R script.

    Example:
        >>> run_script("mine.py", ["--lr", "0.1"], seed=42)  # doctest: +SKIP

    Args:
        path: The script.
        args: Its command-line arguments (``sys.argv[1:]`` while it runs). Defaults to `None` (none).
        seed: Seed for :func:`~rkeras_bridge.tensorflow.seeding.set_random_seed`. Defaults to `None`
            (``$RKB_SEED``; no seeding when that is unset either).

    Returns:
        `None`; the script's own exceptions and ``SystemExit`` propagate.

    R equivalent: ``run_script("mine.R", seed = 42)``.
    """
    script_path(path, "Python")
    args = [] if args is None else [args] if isinstance(args, str) else [str(a) for a in args]
    seed = parity_seed() if seed is None else seed
    if seed is not None:
        from ..tensorflow.seeding import set_random_seed  # TensorFlow loads only to run a script

        set_random_seed(seed)
    script = str(Path(path).resolve())
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [str(path), *args]
    sys.path.insert(0, str(Path(script).parent))  # as `python script.py` puts the script's folder first
    try:
        runpy.run_path(script, run_name="__main__")
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path


def main(argv: list[str] | None = None) -> int:
    """``python -m rkeras_bridge.tools.records [--seed S] script.py [ARGS...]``: the Python side's runner."""
    parser = argparse.ArgumentParser(prog="python -m rkeras_bridge.tools.records",
                                     description="Seed everything, then run a Python script.")
    parser.add_argument("--seed", type=int, default=None, help="seed (default: $RKB_SEED, else none)")
    parser.add_argument("script", help="the Python script")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the script's arguments")
    ns = parser.parse_args(argv)
    try:
        run_script(ns.script, ns.args, ns.seed)
    except SystemExit:
        raise
    except BaseException as exc:  # the script's error, told as `python script.py` would: without our frames
        tb = exc.__traceback__
        while tb is not None and Path(tb.tb_frame.f_code.co_filename).resolve() != Path(ns.script).resolve():
            tb = tb.tb_next
        traceback.print_exception(type(exc), exc, tb or exc.__traceback__)
        return 1
    return 0


if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy's: the script's `record()` then shares its state.
    from rkeras_bridge.tools.records import main as _main

    sys.exit(_main())
