"""Distributed training on TensorFlow's own engine (``tf.distribute``), from R and from Python.

The strategies are TensorFlow's: :class:`MultiWorkerMirroredStrategy` (several processes, on one
or several machines, gRPC + collective all-reduce) and :class:`MirroredStrategy` (the devices of
one machine). The helpers here only do what is awkward by hand, in the same way for both
languages::

    strategy = multi_worker_mirrored_strategy(workers=["10.0.0.1:12345", "10.0.0.2:12345"], index=0)
    with strategy.scope():                     # variables (model, optimizer) are created in the scope
        model = keras_model_custom(build)
        optimizer = tf.train.AdamOptimizer(0.01)
    def step(x, y):
        with tf.GradientTape() as tape:
            per_example = tf.losses.mean_squared_error(y, model(x), reduction=tf.losses.Reduction.NONE)
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=32)
        grads = tape.gradient(loss, model.variables)
        optimizer.apply_gradients(transpose([grads, model.variables]))
        return loss
    for batch in distributed_dataset(strategy, dataset_batch(ds, 32)):
        loss = strategy.reduce("SUM", strategy.run(step, args=batch), axis=None)

R code reads the same (``with(strategy$scope(), {...})``, ``strategy$run(step, args = list(x, y))``,
``strategy$reduce("SUM", ..., axis = NULL)``).

**Why the bridge's strategy classes and not ``tf.distribute``'s directly, from R.** TensorFlow's
mirrored strategies call the step function in a helper thread (one per local replica, even when
there is only one), always, and the step must run there: the replica's context lives on that
thread (``merge_call``, which ``apply_gradients`` uses, looks the thread up). R code on another
thread meets two obstacles. R's C stack check fails there (the stack address is far from the main
thread's) and the resulting error long-jumps across threads and aborts the process; and
reticulate >= 1.29 does not call an R function from another thread at all, it hands the call to
R's main thread and waits, while R's main thread waits inside ``strategy.run``: the step never
runs, nor does the R ``call`` of a ``keras_model_custom()`` model inside it. So while R's main
thread waits in :meth:`run`, an R function called on a replica thread enters R there, through the
R package's own C entry point (``rkb_call_r_here``, called through ``ctypes``; see
:mod:`rkeras_bridge.bridge.r_threads`); reticulate 1.28 does the same by itself. The main R thread is
blocked in ``strategy.run`` while a replica thread runs, so R is never entered twice at once; R's stack check
is off (``R_CStackLimit = -1``, what "Writing R Extensions" §8.1.5 prescribes for running R on
another thread) for the duration of ``run`` only, and restored afterwards. In a process without R
the classes are exactly TensorFlow's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
from collections.abc import Sequence
from typing import Any

import tensorflow as tf

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument
from ..bridge.r_threads import RStepError, r_stack_check_off

__all__ = [
    "MirroredStrategy",
    "MultiWorkerMirroredStrategy",
    "RStepError",
    "distributed_dataset",
    "free_ports",
    "loopback_workers",
    "mirrored_strategy",
    "multi_worker_mirrored_strategy",
    "r_stack_check_off",
    "set_worker_config",
    "worker_config",
]

_ADDRESS = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.\-]+):(?P<port>[0-9]{1,5})$")
_IMPLEMENTATIONS = {
    "auto": "AUTO",
    "ring": "RING",
    "nccl": "NCCL",
}


# ---- R on TensorFlow's replica threads: rkeras_bridge.bridge.r_threads ---------------------------------

class _RunsRFunctions:
    """``run`` that lets the step be an R function (see the module notes)."""

    def run(self, fn: Any, args: Any = (), kwargs: Any = None, options: Any = None) -> Any:
        """Run ``fn`` on every replica, as ``tf.distribute.Strategy.run``.

        Example:
            >>> strategy.run(lambda x: x * 2, args=(tf.constant(3.0),))

        Args:
            fn: The per-replica step.
            args: Its positional arguments (a tuple, a list, or one value). Defaults to `()`.
            kwargs: Its keyword arguments. Defaults to `None`.
            options: ``tf.distribute.RunOptions``. Defaults to `None`.

        Returns:
            What ``tf.distribute.Strategy.run`` returns (per-replica values).

        R equivalent: ``strategy$run(fn, args = list(...))``.
        """
        if not callable(fn):
            raise bad_argument("fn", fn, "a function (the per-replica step)", TypeError)
        args = _as_args(args)
        with r_stack_check_off():
            return super().run(fn, args=args, kwargs=kwargs, options=options)  # type: ignore[misc]


def _as_args(args: Any) -> tuple[Any, ...]:
    if args is None:
        return ()
    if isinstance(args, tuple):
        return args
    if isinstance(args, list):  # R's list(x, y)
        return tuple(args)
    return (args,)  # a single tensor (R: args = x)


class MultiWorkerMirroredStrategy(_RunsRFunctions, tf.distribute.MultiWorkerMirroredStrategy):
    """TensorFlow's ``MultiWorkerMirroredStrategy``, whose ``run`` also accepts R functions.

    Build it with :func:`multi_worker_mirrored_strategy`. Everything else (``scope()``,
    ``reduce()``, ``experimental_distribute_dataset()``, ``num_replicas_in_sync``,
    ``cluster_resolver``) is TensorFlow's own; ``isinstance(s, tf.distribute.MultiWorkerMirroredStrategy)``
    holds.
    """


class MirroredStrategy(_RunsRFunctions, tf.distribute.MirroredStrategy):
    """TensorFlow's ``MirroredStrategy`` (the devices of one machine), whose ``run`` also accepts R functions.

    Build it with :func:`mirrored_strategy`.
    """


# ---- Cluster configuration (TF_CONFIG) ----------------------------------------------------------

def free_ports(n: Any = 2, host: str = "127.0.0.1") -> list[int]:
    """Ports on ``host`` that no process listens on now, found by binding to port 0.

    All ``n`` sockets are held open until every port is chosen, so the ports differ; they are
    closed before returning, so another process could take one before the workers start (rare;
    a worker then fails to start its server with "address already in use").

    Example:
        >>> ports = free_ports(2)
        >>> len(set(ports))
        2

    Args:
        n: How many ports. Defaults to `2`.
        host: The address to bind. Defaults to `"127.0.0.1"` (loopback).

    Returns:
        A list of ``n`` port numbers (ints).

    R equivalent: ``free_ports(n = 2, host = "127.0.0.1")`` (an integer vector).
    """
    n = as_integer(n, "n", minimum=1)
    if not isinstance(host, str) or not host:
        raise bad_argument("host", host, "a host name or IP address (a string)", TypeError)
    sockets = []
    try:
        for _ in range(n):
            sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.bind((host.strip("[]"), 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def loopback_workers(n: Any = 2) -> list[str]:
    """Addresses ``"127.0.0.1:<port>"`` for ``n`` workers on this machine, on free ports.

    Example:
        >>> workers = loopback_workers(2)   # e.g. ['127.0.0.1:40123', '127.0.0.1:40125']

    Args:
        n: How many workers. Defaults to `2`.

    Returns:
        A list of ``n`` ``"host:port"`` strings, for :func:`worker_config`.

    R equivalent: ``loopback_workers(n = 2)``.
    """
    return [f"127.0.0.1:{port}" for port in free_ports(n, "127.0.0.1")]


def _check_workers(workers: Any) -> list[str]:
    if isinstance(workers, str):  # R: a length-1 character vector arrives as a str
        workers = [workers]
    if not isinstance(workers, Sequence) or isinstance(workers, bytes) or not workers:
        raise bad_argument("workers", workers, 'a non-empty list of "host:port" addresses, one per worker')
    checked = []
    for i, address in enumerate(workers, start=1):
        match = _ADDRESS.match(address) if isinstance(address, str) else None
        if match is None or not 0 < int(match.group("port")) < 65536:
            raise bad_argument(f"workers[{i}]", address, 'a "host:port" address with a port in 1-65535, '
                               'e.g. "10.0.0.1:12345"')
        checked.append(address)
    if len(set(checked)) != len(checked):
        raise bad_argument("workers", list(workers), "distinct addresses (two workers cannot share a port)")
    return checked


def worker_config(workers: Any, index: Any, task_type: str = "worker") -> dict[str, Any]:
    """The ``TF_CONFIG`` of one worker of a cluster, as a dict.

    Every worker gets the same ``cluster`` (the same list in the same order) and its own
    ``task.index``. Worker 0 is the chief: it also writes checkpoints and summaries by convention.

    Example:
        >>> worker_config(["10.0.0.1:2000", "10.0.0.2:2000"], index=1)
        {'cluster': {'worker': ['10.0.0.1:2000', '10.0.0.2:2000']}, 'task': {'type': 'worker', 'index': 1}}

    Args:
        workers: The ``"host:port"`` address of every worker, in the same order on all of them
            (each worker's gRPC server listens on its port).
        index: This worker's position in ``workers``, counted from 0 as in ``TF_CONFIG`` (also
            from R).
        task_type: The task type. Defaults to `"worker"`.

    Returns:
        ``{"cluster": {"worker": [...]}, "task": {"type": task_type, "index": index}}``;
        ``json.dumps()`` of it is the ``TF_CONFIG`` value.

    R equivalent: ``worker_config(workers, index)`` (a named list).
    """
    workers = _check_workers(workers)
    index = as_integer(index, "index", minimum=0)
    if index >= len(workers):
        raise bad_argument("index", index, f"a worker position from 0 to {len(workers) - 1} "
                           f"(counted from 0, as in TF_CONFIG; {len(workers)} workers)")
    if task_type not in ("worker", "chief"):
        raise bad_argument("task_type", task_type, '"worker" or "chief"')
    return {"cluster": {task_type: workers}, "task": {"type": task_type, "index": index}}


def set_worker_config(workers: Any, index: Any) -> str:
    """Set ``TF_CONFIG`` for this process (in Python's ``os.environ``, where TensorFlow reads it).

    Call it before creating the strategy. From R, ``Sys.setenv(TF_CONFIG = ...)`` after Python
    has started is not seen by Python; this function is.

    Example:
        >>> set_worker_config(["10.0.0.1:2000", "10.0.0.2:2000"], 0)
        '{"cluster": {"worker": ["10.0.0.1:2000", "10.0.0.2:2000"]}, "task": {"type": "worker", "index": 0}}'

    Args:
        workers: As in :func:`worker_config`.
        index: As in :func:`worker_config`.

    Returns:
        The JSON string now in ``TF_CONFIG``.

    R equivalent: ``set_worker_config(workers, index)``.
    """
    value = json.dumps(worker_config(workers, index))
    os.environ["TF_CONFIG"] = value
    return value


# ---- Strategies -----------------------------------------------------------------------------------

def multi_worker_mirrored_strategy(workers: Any = None, index: Any = None, implementation: str = "auto",
                                   timeout_seconds: Any = None) -> MultiWorkerMirroredStrategy:
    """TensorFlow's ``MultiWorkerMirroredStrategy`` for this worker of a cluster.

    Create it first thing in the program, before building models or datasets: it starts this
    worker's gRPC server, waits for the other workers, and every later variable created in
    ``strategy.scope()`` is mirrored (worker 0's initial values are broadcast to all). All
    workers must then run the same steps (collective all-reduce waits for every worker).

    Example:
        >>> strategy = multi_worker_mirrored_strategy(["10.0.0.1:12345", "10.0.0.2:12345"], index=0)
        >>> strategy.num_replicas_in_sync
        2

    Args:
        workers: Every worker's ``"host:port"``; with ``index``, sets ``TF_CONFIG`` via
            :func:`set_worker_config`. Defaults to `None` (use the ``TF_CONFIG`` already in the
            environment; without one, a single local worker).
        index: This worker's position in ``workers``, from 0. Defaults to `None`.
        implementation: Collective communication: ``"auto"``, ``"ring"`` (gRPC; what CPUs use) or
            ``"nccl"`` (GPUs). Defaults to `"auto"`.
        timeout_seconds: Give up a collective operation (including waiting for the other
            workers) after this many seconds. Defaults to `None` (wait forever).

    Returns:
        A :class:`MultiWorkerMirroredStrategy` (a ``tf.distribute.MultiWorkerMirroredStrategy``
        whose ``run`` also takes R functions).

    R equivalent: ``multi_worker_mirrored_strategy(workers = NULL, index = NULL, ...)``; then
    ``with(strategy$scope(), {...})``, ``strategy$run(step, args = list(...))``,
    ``strategy$reduce("SUM", x, axis = NULL)``.
    """
    if (workers is None) != (index is None):
        raise bad_argument("index" if index is None else "workers", index if index is None else workers,
                           "`workers` and `index` together (or neither: TF_CONFIG from the environment)")
    if workers is not None:
        set_worker_config(workers, index)
    if not isinstance(implementation, str) or implementation.lower() not in _IMPLEMENTATIONS:
        raise bad_argument("implementation", implementation, 'one of "auto", "ring", "nccl"')
    kinds = tf.distribute.experimental.CommunicationImplementation
    options: dict[str, Any] = {"implementation": getattr(kinds, _IMPLEMENTATIONS[implementation.lower()])}
    if timeout_seconds is not None:
        timeout = float(as_integer(timeout_seconds, "timeout_seconds", minimum=1))
        options["timeout_seconds"] = timeout
    config = os.environ.get("TF_CONFIG")
    if config:
        try:
            json.loads(config)
        except ValueError:
            raise bad_argument("TF_CONFIG", config, "JSON such as set_worker_config() writes") from None
    return MultiWorkerMirroredStrategy(
        communication_options=tf.distribute.experimental.CommunicationOptions(**options))


def mirrored_strategy(devices: Any = None) -> MirroredStrategy:
    """TensorFlow's ``MirroredStrategy``: one replica per device of this machine.

    Example:
        >>> strategy = mirrored_strategy()                 # every GPU, or the CPU
        >>> strategy = mirrored_strategy(["/gpu:0", "/gpu:1"])

    Args:
        devices: Device names. Defaults to `None` (all GPUs, else the CPU).

    Returns:
        A :class:`MirroredStrategy` (a ``tf.distribute.MirroredStrategy`` whose ``run`` also
        takes R functions).

    R equivalent: ``mirrored_strategy(devices = NULL)``.
    """
    if isinstance(devices, str):
        devices = [devices]
    if devices is not None and (not isinstance(devices, Sequence) or
                                not all(isinstance(d, str) for d in devices) or not devices):
        raise bad_argument("devices", devices, 'a list of device names such as "/gpu:0", or NULL/None')
    return MirroredStrategy(devices=list(devices) if devices is not None else None)


def distributed_dataset(strategy: Any, dataset: Any) -> Any:
    """Split each global batch of ``dataset`` among the replicas of ``strategy``.

    ``dataset`` yields *global* batches (``dataset_batch(ds, global_batch_size)``), built the same
    way on every worker (same data, same shuffle seed). TensorFlow's engine then gives each
    replica its part (sharding by data: replica ``i`` of ``n`` gets the ``i``-th of ``n``
    consecutive slices of every global batch), so the replicas together see exactly the
    batches a single process would.

    Example:
        >>> for batch in distributed_dataset(strategy, dataset_batch(ds, 64)):
        ...     strategy.run(step, args=batch)

    Args:
        strategy: A ``tf.distribute`` strategy.
        dataset: A ``tf.data.Dataset`` of global batches.

    Returns:
        ``strategy.experimental_distribute_dataset(dataset)`` with data sharding
        (``AutoShardPolicy.DATA``); iterate it with ``for``, ``as_iterator()``/``iter_next()``.

    R equivalent: ``distributed_dataset(strategy, dataset)``.
    """
    if not isinstance(strategy, tf.distribute.Strategy):
        raise bad_argument("strategy", strategy,
                           "a tf$distribute strategy, e.g. multi_worker_mirrored_strategy()", TypeError)
    if not isinstance(dataset, tf.data.Dataset):
        raise bad_argument("dataset", dataset, "a tf.data dataset of global batches", TypeError)
    options = tf.data.Options()
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    return strategy.experimental_distribute_dataset(dataset.with_options(options))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m rkeras_bridge.tensorflow.distribute --workers h1:p,h2:p --index I``: print a TF_CONFIG."""
    parser = argparse.ArgumentParser(
        prog="python -m rkeras_bridge.tensorflow.distribute",
        description="Print the TF_CONFIG JSON of one worker (for `export TF_CONFIG=...`).")
    parser.add_argument("--workers", required=True,
                        help="host:port of every worker, comma-separated, in the same order on all")
    parser.add_argument("--index", type=int, required=True, help="this worker's position, from 0")
    parsed = parser.parse_args(argv)
    workers = [w.strip() for w in parsed.workers.split(",") if w.strip()]
    print(json.dumps(worker_config(workers, parsed.index)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
