"""The harness of distributed worker programs (``tests/distributed/*_worker.{R,py}``): their command
line, the strategy it asks for, and the run record each worker writes. The strategies themselves are
in :mod:`rkeras_bridge.tensorflow.distribute`.
"""

from __future__ import annotations

import argparse
from typing import Any

import tensorflow as tf

from ..bridge.errors import bad_argument
from ..tensorflow.distribute import (
    _check_workers, mirrored_strategy, multi_worker_mirrored_strategy, worker_config,
)
from .runs import _numbers, _write_json, json_ready

__all__ = ["worker_args", "worker_strategy", "write_worker_run"]


def worker_args(argv: Any = None) -> dict[str, Any]:
    """Parse a distributed worker program's command line (the same flags in R and Python).

    Example:
        >>> worker_args(["--workers", "10.0.0.1:2000,10.0.0.2:2000", "--index", "1", "--steps", "4"])["index"]
        1

    Args:
        argv: The arguments (R: ``commandArgs(trailingOnly = TRUE)``). Defaults to `None` (none).
            Flags: ``--workers host:port,host:port`` (omit for a single-process run), ``--index I``
            (from 0), ``--strategy multi_worker|mirrored|default`` (default: ``multi_worker``
            with ``--workers``, else ``default``, TensorFlow's no-op strategy), ``--steps N``
            (default 6), ``--seed S`` (default 42), ``--global-batch B`` (default: the program's),
            ``--timeout T`` (collective timeout in seconds, default 120), ``--out FILE``.

    Returns:
        A dict with ``workers`` (list or `None`), ``index``, ``strategy``, ``steps``, ``seed``,
        ``global_batch``, ``timeout`` and ``out``.

    R equivalent: ``worker_args()``.
    """
    if argv is None:
        argv = []
    elif isinstance(argv, str):
        argv = [argv]
    parser = argparse.ArgumentParser(description="a distributed training worker")
    parser.add_argument("--workers", default=None, help="host:port of every worker, comma-separated")
    parser.add_argument("--index", type=int, default=0, help="this worker's position in --workers, from 0")
    parser.add_argument("--strategy", choices=["multi_worker", "mirrored", "default"], default=None)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--global-batch", dest="global_batch", type=int, default=None)
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--out", default=None)
    parsed = vars(parser.parse_args(list(argv)))
    if parsed["workers"]:
        parsed["workers"] = _check_workers([w.strip() for w in parsed["workers"].split(",") if w.strip()])
        worker_config(parsed["workers"], parsed["index"])  # checks the index
    else:
        parsed["workers"] = None
    if parsed["strategy"] is None:
        parsed["strategy"] = "multi_worker" if parsed["workers"] else "default"
    return parsed


def worker_strategy(args: dict[str, Any]) -> Any:
    """The strategy a worker program's arguments ask for (see :func:`worker_args`).

    Example:
        >>> strategy = worker_strategy(worker_args(sys.argv[1:]))

    Args:
        args: What :func:`worker_args` returned.

    Returns:
        :func:`multi_worker_mirrored_strategy` (``--strategy multi_worker``), :func:`mirrored_strategy`
        (``mirrored``) or ``tf.distribute.get_strategy()`` (``default``: no distribution, the
        single-process reference).

    R equivalent: ``worker_strategy(args)``.
    """
    kind = args.get("strategy")
    if kind == "multi_worker":
        if args.get("workers"):
            return multi_worker_mirrored_strategy(args["workers"], args["index"],
                                                  timeout_seconds=args.get("timeout"))
        return multi_worker_mirrored_strategy(timeout_seconds=args.get("timeout"))
    if kind == "mirrored":
        return mirrored_strategy()
    if kind == "default":
        return tf.distribute.get_strategy()
    raise bad_argument("args$strategy", kind, '"multi_worker", "mirrored" or "default"')


def write_worker_run(out: Any, case: str, lang: str, losses: Any, args: dict[str, Any],
                     strategy: Any = None, timings: Any = None) -> dict[str, Any]:
    """Write a worker's per-step losses (and who it was) as JSON, atomically.

    Example:
        >>> write_worker_run("w0.json", "basic_loop", "py", losses, args, strategy)

    Args:
        out: The file to write; `None` writes nothing.
        case: ``"basic_loop"`` or ``"dcgan"``.
        lang: ``"r"`` or ``"py"``.
        losses: A list of numbers, or a dict of named lists.
        args: What :func:`worker_args` returned.
        strategy: The strategy, to record ``num_replicas_in_sync``. Defaults to `None`.
        timings: Seconds, e.g. ``{"strategy": ..., "train": ...}``. Defaults to `None`.

    Returns:
        The record (a dict).

    R equivalent: ``write_worker_run(out, case, "r", losses, args, strategy, timings)``.
    """
    if lang not in ("r", "py"):
        raise bad_argument("lang", lang, '"r" or "py"')
    record = {
        "case": case,
        "lang": lang,
        "strategy": args.get("strategy"),
        "workers": args.get("workers") or [],
        "index": int(args.get("index") or 0),
        "replicas": int(strategy.num_replicas_in_sync) if strategy is not None else 1,
        "seed": int(args.get("seed", 0)),
        "losses": _numbers(losses),
        "timings": json_ready(timings or {}),
    }
    if out is not None:
        _write_json(out, record)
    return record
