"""What every paired example shares: its command line and the JSON record of a run.

Both ``examples_r/<case>.R`` and ``examples_py/<case>.py`` parse ``--steps N --seed S --out FILE``
with :func:`case_args` and write their record with :func:`write_run`, so the parity harness reads
one format from both languages.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["case_args", "checkpoint_dir", "write_run", "versions", "step_timer"]


def case_args(argv: Any = None, default_seed: int = 42) -> dict[str, Any]:
    """Parse an example's command line.

    Example:
        >>> args = case_args(["--steps", "5", "--seed", "1"])
        >>> args["steps"], args["seed"], args["epochs"], args["eager"], args["data"]
        (5, 1, None, False, None)

    Args:
        argv: The arguments (R: ``commandArgs(trailingOnly = TRUE)``). Defaults to `None` (none).
        default_seed: Seed when ``--seed`` is absent. Defaults to `42`.

    Returns:
        A dict with ``steps`` (`None` runs the full case study), ``epochs`` (`None`: the case's own),
        ``seed``, ``out``, ``resume`` and ``checkpoint_every`` (``--checkpoint-every K``, else the
        environment variable ``RKB_CHECKPOINT_EVERY``, else 10: steps between checkpoints for the
        cases that keep them, in ``checkpoints/`` next to ``--out``), ``eager`` (``--eager``: run
        the training step eagerly instead of compiling it with ``tf_function``, to time both),
        ``compiled`` (``--compiled``: compile it in a case that runs it eagerly by default) and
        ``data`` (``--data PATH``: the data file or folder of cases that read one, e.g. the full
        manythings.org ``spa.txt`` for the translation case; `None`: the case's default).
    """
    if argv is None:
        argv = []
    elif isinstance(argv, str):  # reticulate passes a length-1 R character vector as a str
        argv = [argv]
    parser = argparse.ArgumentParser(add_help=True)
    parser.add_argument("--steps", type=int, default=None,
                        help="training steps to run (default: the full case)")
    parser.add_argument("--seed", type=int, default=default_seed, help="random seed")
    parser.add_argument("--epochs", type=int, default=None,
                        help="epochs to run (default: the case study's own)")
    parser.add_argument("--out", default=None, help="write the run record (JSON) here")
    parser.add_argument("--resume", action="store_true",
                        help="continue from the latest checkpoint, if the case keeps one")
    parser.add_argument("--checkpoint-every", type=int, default=None,
                        help="steps between checkpoints (default: $RKB_CHECKPOINT_EVERY, else 10)")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--eager", action="store_true",
                       help="run the training step eagerly (default: the case's own; most compile it)")
    modes.add_argument("--compiled", action="store_true",
                       help="compile the training step with tf_function, also in cases that run it eagerly "
                            "by default (the basic loop)")
    parser.add_argument("--data", default=None,
                        help="data file or folder for the cases that read one (default: the case's own)")
    ns = parser.parse_args(list(argv))
    every = ns.checkpoint_every
    if every is None:
        text = os.environ.get("RKB_CHECKPOINT_EVERY", "").strip()
        try:
            every = int(text) if text else 10
        except ValueError:
            parser.error(
                f"RKB_CHECKPOINT_EVERY must be an integer >= 1. Received: RKB_CHECKPOINT_EVERY={text!r}"
            )
    if every < 1:
        parser.error(f"--checkpoint-every (or RKB_CHECKPOINT_EVERY) must be >= 1. Received: {every}")
    for flag in ("steps", "epochs"):
        value = getattr(ns, flag)
        if value is not None and value < (0 if flag == "steps" else 1):
            parser.error(f"--{flag} must be >= {0 if flag == 'steps' else 1}. Received: --{flag} {value}")
    return {"steps": ns.steps, "epochs": ns.epochs, "seed": ns.seed, "out": ns.out, "resume": ns.resume,
            "checkpoint_every": every, "eager": ns.eager, "compiled": ns.compiled, "data": ns.data}


def checkpoint_dir(args: dict[str, Any]) -> str | None:
    """Where a case study keeps its checkpoints: ``<out stem>-checkpoints/`` next to ``--out``.

    One folder per run record, so the R and Python twins of a pair (``basic_loop-r.json``,
    ``basic_loop-py.json``) never resume from each other's checkpoints.

    Example:
        >>> checkpoint_dir({"out": "runs/basic_loop.json"})
        'runs/basic_loop-checkpoints'

    Args:
        args: What :func:`case_args` returned.

    Returns:
        The directory, or `None` without ``--out`` (no checkpoints).
    """
    out = args.get("out")
    return None if not out else str(Path(out).parent / f"{Path(out).stem}-checkpoints")


def versions(extra: dict[str, Any] | None = None) -> dict[str, str]:
    """Versions of the software a run used (plus ``extra``, e.g. R's from the R side)."""
    import keras
    import tensorflow as tf

    from .. import __version__

    found = {
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "numpy": np.__version__,
        "rkeras_bridge": __version__,
    }
    found.update({str(k): str(v) for k, v in (extra or {}).items()})
    return found


def _numbers(values: Any) -> Any:
    if isinstance(values, dict):
        return {str(k): _numbers(v) for k, v in values.items()}
    return [float(v) for v in np.asarray(values, dtype=np.float64).reshape(-1)]


def json_ready(value: Any) -> Any:
    """``value`` with tensors, NumPy arrays and scalars made plain Python (lists, numbers), nested."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if hasattr(value, "numpy"):
        value = value.numpy()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def write_run(args: dict[str, Any], case: str, lang: str, losses: Any, metrics: dict[str, Any] | None = None,
              extra_versions: dict[str, Any] | None = None,
              timings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build the run record and, when ``args["out"]`` is set, write it as JSON.

    Args:
        args: What :func:`case_args` returned.
        case: The case study's basename, e.g. ``"basic_loop"``.
        lang: ``"r"`` or ``"py"``.
        losses: Per-step losses: a sequence, or a dict of named sequences (e.g. generator and
            discriminator).
        metrics: Final figures (numbers, nested lists or strings). Defaults to `None`.
        extra_versions: More versions to record (the R side adds R's). Defaults to `None`.
        timings: Wall-clock figures (e.g. seconds per step). Recorded but never compared by the
            parity harness: they differ between runs. Defaults to `None`.

    Returns:
        The record: ``{"case", "lang", "seed", "steps", "losses", "metrics", "timings", "versions"}``.
    """
    if lang not in ("r", "py"):
        raise ValueError(f"Invalid value for argument `lang`: expected 'r' or 'py'. Received: lang={lang!r}")
    losses = _numbers(losses if losses is not None else [])
    steps = len(losses) if isinstance(losses, list) else max((len(v) for v in losses.values()), default=0)
    record = {
        "case": case,
        "lang": lang,
        "seed": int(args["seed"]),
        "steps": steps,
        "losses": losses,
        "metrics": json_ready(metrics or {}),
        "timings": json_ready(timings or {}),
        "versions": versions(extra_versions),
    }
    if args.get("out"):
        _write_json(args["out"], record)
    return record


def _write_json(out: Any, record: dict[str, Any]) -> None:
    path = Path(str(out))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=1))
    tmp.replace(path)  # never leave a half-written record for the harness to read


def step_timer() -> Any:
    """A Keras callback that times every training batch of ``fit``, for a run's ``timings``.

    Example:
        >>> timer = step_timer()
        >>> fit(model, x, y, epochs=2, callbacks=[timer])
        >>> timer.seconds_per_step()  # median over the batches, the first (traced) one left out
        0.0021

    Returns:
        A ``keras.callbacks.Callback`` with ``seconds`` (one entry per batch, every ``fit`` it was
        passed to) and ``seconds_per_step()`` (their median without the first; `None` before any).

    Mirrors ``step_timer()`` of the R package (which passes it to ``fit(callbacks = list(...))``).
    """
    import keras

    class StepTimer(keras.callbacks.Callback):
        def __init__(self) -> None:
            super().__init__()
            self.seconds: list[float] = []
            self._started = 0.0

        def on_train_batch_begin(self, batch: int, logs: Any = None) -> None:
            self._started = time.perf_counter()

        def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
            self.seconds.append(time.perf_counter() - self._started)

        def seconds_per_step(self) -> float | None:
            timed = self.seconds[1:] or self.seconds
            return float(np.median(timed)) if timed else None

    return StepTimer()
