"""The harness of a case study's training loop in one object, so the example reads like the article.

A case study says what it trains and how; :func:`training_run` owns the rest: the command line and
seed, crash safety (checkpoints every K steps, ``--resume``, a final checkpoint on Ctrl-C), ``--steps``,
step timing, the per-step losses, an optional progress display, and the run record::

    run = training_run("basic_loop", epochs=10, steps_per_epoch=12)    # parses sys.argv, seeds
    model, optimizer = ...
    run.protect(model=model, optimizer=optimizer)                      # checkpoints, --resume, Ctrl-C
    for epoch in run.epochs(train_dataset):                            # the epochs still to run
        iterator = run.track(make_iterator_one_shot(train_dataset), epoch)
        for batch in until_out_of_range(iterator):
            loss = run.step(train_step, batch[0], batch[1])            # timed, recorded, checkpointed
    run.finish(metrics={"test_mse": test_mse})                         # the run record (--out)

The R twin reads the same (``run$protect(...)``, ``for (epoch in run$epochs(train_dataset))``,
``run$step(train_step, batch[[1]], batch[[2]])``); R times the step itself, around the R call.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument
from ..tensorflow.seeding import set_random_seed
from .checkpoints import checkpoint_manager, maybe_save, restore_latest, save_on_interrupt, track_iterator
from .progress import progress_bar
from .records import record, record_value
from .runs import case_args, checkpoint_dir, write_run

__all__ = ["TrainingRun", "training_run"]


class _RunIterator:
    """An epoch's data iterator that ends once the run has made its ``--steps`` steps.

    It answers ``get_next()`` (``iterator_get_next()``, ``until_out_of_range()``) and ``next()``
    (``iter_next()``) as the iterator it wraps does, so the example's loop is the article's.
    """

    def __init__(self, iterator: Any, run: TrainingRun) -> None:
        self._iterator = iterator
        self._run = run

    def get_next(self) -> Any:
        if self._run.finished_steps():
            raise tf.errors.OutOfRangeError(None, None, f"the run has made its {self._run.max_steps} steps")
        return self._iterator.get_next()

    def __next__(self) -> Any:
        if self._run.finished_steps():
            raise StopIteration
        return next(self._iterator)

    def __iter__(self) -> _RunIterator:
        return self

    def __getattr__(self, name: str) -> Any:  # element_spec, ... of the wrapped iterator
        return getattr(self._iterator, name)


def _is_compiled(fn: Any) -> bool:
    return hasattr(fn, "get_concrete_function")  # a tf.function (tf_function()), not plain Python or R


class TrainingRun:
    """What :func:`training_run` returns: one run of a case study's training loop.

    Attributes:
        case: The case study's name.
        args: The parsed command line (:func:`~rkeras_bridge.tools.runs.case_args`).
        seed: ``args["seed"]``, already given to :func:`set_random_seed`.
        n_epochs: Epochs to run (``--epochs``, else the case's own).
        steps_per_epoch: Steps in one epoch, or `None` when unknown.
        max_steps: Steps to reach (``--steps``, else ``n_epochs * steps_per_epoch``; `None`: no limit).
        steps_done: Steps done so far (after ``--resume``: from the checkpoint).
        first_step: The first step this process runs (1, or the checkpoint's step + 1).
        losses: The recorded losses, by name (``"loss"`` when the step returns one value).
        seconds: Seconds of every step this process ran.
        stopped: `True` once a Ctrl-C was saved (R then quits with status 130).
    """

    def __init__(self, case: str, lang: str, args: dict[str, Any], epochs: Any, steps_per_epoch: Any,
                 progress: Any) -> None:
        if not isinstance(case, str) or not case:
            raise bad_argument("case", case, "the case study's name, a string")
        if lang not in ("r", "py"):
            raise bad_argument("lang", lang, '"r" or "py"')
        self.case, self.lang, self.args = case, lang, args
        self.seed = int(args["seed"])
        self.n_epochs = args["epochs"] or as_integer(epochs, "epochs", minimum=1, allow_none=True) or 1
        self.steps_per_epoch = as_integer(steps_per_epoch, "steps_per_epoch", minimum=1, allow_none=True)
        if args["steps"] is not None:
            self.max_steps: int | None = int(args["steps"])
        else:
            self.max_steps = self.n_epochs * self.steps_per_epoch if self.steps_per_epoch else None
        self.progress = as_flag(progress, "progress")
        self.steps_done = 0
        self.first_step = 1
        self.losses: dict[str, list[float]] = {}
        self.seconds: list[float] = []
        self.stopped = False
        self.manager: Any = None
        self._compiled: bool | None = None
        self._epoch = 0
        self._epoch_start: dict[str, int] = {}
        self._bar: Any = None

    def set_steps_per_epoch(self, steps_per_epoch: Any) -> TrainingRun:
        """Say how many steps an epoch has, where that is known only once the data are read.

        Example:
            >>> run.set_steps_per_epoch(50)  # doctest: +SKIP

        Args:
            steps_per_epoch: Steps in one epoch (>= 1). Without ``--steps`` the run then makes
                ``n_epochs * steps_per_epoch`` steps.

        Returns:
            The run.
        """
        self.steps_per_epoch = as_integer(steps_per_epoch, "steps_per_epoch", minimum=1)
        if self.args["steps"] is None:
            self.max_steps = self.n_epochs * self.steps_per_epoch
        return self

    # ---- crash safety ---------------------------------------------------------------------------

    def protect(self, **objects: Any) -> TrainingRun:
        """Keep ``objects`` safe: checkpoints every ``--checkpoint-every`` steps, ``--resume``, Ctrl-C.

        Example:
            >>> run.protect(model=model, optimizer=optimizer)  # doctest: +SKIP

        Args:
            **objects: What to save by name: models (built: called once on a batch), optimizers,
                ``tf.Variable`` s such as a global step. Checkpoints go next to ``--out``; without
                ``--out`` nothing is saved.

        Returns:
            The run. With ``--resume``, everything named is restored from the latest checkpoint
            and :attr:`steps_done` is its step.
        """
        self.manager = checkpoint_manager(checkpoint_dir(self.args), every=self.args["checkpoint_every"],
                                          **objects)
        if self.args["resume"]:
            self.steps_done = restore_latest(self.manager, max_steps=self.max_steps)
        self.first_step = self.steps_done + 1
        save_on_interrupt(self.manager)
        return self

    # ---- the loop -------------------------------------------------------------------------------

    def finished_steps(self) -> bool:
        """Whether the run has made its :attr:`max_steps` steps."""
        return self.max_steps is not None and self.steps_done >= self.max_steps

    def epochs(self, dataset: Any = None) -> list[int]:
        """The epochs still to run (all of them, unless ``--resume`` found some done or ``--steps`` cuts).

        Example:
            >>> for epoch in run.epochs(train_dataset):  # doctest: +SKIP
            ...     iterator = run.track(make_iterator_one_shot(train_dataset), epoch)

        Args:
            dataset: The dataset each epoch iterates over afresh. A resumed run draws one iterator
                of it for every epoch the checkpoint had finished, as the interrupted run did, so a
                reshuffling dataset shuffles the next epochs as it did then. Defaults to `None` (each
                epoch has its own dataset, or the dataset does not reshuffle).

        Returns:
            The epoch numbers (from 1), in order.
        """
        last = self.n_epochs
        if self.max_steps is not None and self.steps_per_epoch:
            last = min(last, math.ceil(self.max_steps / self.steps_per_epoch))
        done = self.steps_done // self.steps_per_epoch if self.steps_per_epoch else 0
        if dataset is not None:
            if not hasattr(dataset, "__iter__") or isinstance(dataset, (str, bytes)):
                raise bad_argument("dataset", dataset, "a dataset (or NULL/None)", TypeError)
            for _ in range(min(done, last)):
                iter(dataset)
        return list(range(done + 1, last + 1))

    def track(self, iterator: Any, epoch: Any) -> _RunIterator:
        """Start ``epoch`` with ``iterator``: saved with the checkpoints, ended at ``--steps``.

        Example:
            >>> iterator = run.track(make_iterator_one_shot(train_dataset), epoch)  # doctest: +SKIP

        Args:
            iterator: The epoch's ``tf.data`` iterator (``make_iterator_one_shot()``, ``as_iterator()``).
            epoch: The epoch number (from :meth:`epochs`).

        Returns:
            The iterator, at the saved position when resuming into ``epoch``; it ends early once the
            run has made its steps.
        """
        epoch = as_integer(epoch, "epoch", minimum=1)
        self._close_bar()
        if self.manager is not None:
            iterator = track_iterator(self.manager, iterator, epoch)
        elif not hasattr(iterator, "get_next") and not hasattr(iterator, "__next__"):
            raise bad_argument("iterator", iterator, "a dataset iterator (from make_iterator_one_shot())",
                               TypeError)
        self._epoch = epoch
        self._epoch_start = {name: len(values) for name, values in self.losses.items()}
        if self.progress:
            end = epoch * self.steps_per_epoch if self.steps_per_epoch else None
            if self.max_steps is not None:
                end = self.max_steps if end is None else min(end, self.max_steps)
            total = end - self.steps_done if end is not None and end > self.steps_done else None
            self._bar = progress_bar(total=total, title=f"epoch {epoch}")
        return _RunIterator(iterator, self)

    def step(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run one training step, ``fn(*args, **kwargs)``: timed, its losses recorded, checkpointed.

        Example:
            >>> loss = run.step(train_step, batch[0], batch[1])  # doctest: +SKIP

        Args:
            fn: The training step (a function or a ``tf_function``). It returns its loss: one scalar,
                or a dict of them by name (``{"generator": g, "discriminator": d}``).
            *args: Its arguments.
            **kwargs: Its keyword arguments.

        Returns:
            What ``fn`` returned. After a Ctrl-C the checkpoint is saved and the process exits
            (status 130).

        R equivalent: ``run$step(train_step, x, y)`` (R times the call, then hands over the value).
        """
        if not callable(fn):
            raise bad_argument("fn", fn, "the training step, a function", TypeError)
        started = time.perf_counter()
        value = fn(*args, **kwargs)
        seconds = time.perf_counter() - started
        self.end_step(value, seconds, _is_compiled(fn))
        if self.stopped:
            raise SystemExit(130)
        return value

    def end_step(self, value: Any, seconds: Any, compiled: Any = False) -> bool:
        """Account for a step that has run: record ``value`` and ``seconds``, checkpoint when due.

        Each loss is also passed to :func:`~rkeras_bridge.tools.records.record` under its name, at this step.

        :meth:`step` calls it; the R twin calls it after timing the R call. Returns whether a Ctrl-C
        asked to stop (the checkpoint is then saved).
        """
        values = self._values(value)
        self.seconds.append(float(seconds))
        if self._compiled is None:
            self._compiled = bool(compiled)
        self.steps_done += 1
        for name, number in values.items():
            self.losses.setdefault(name, []).append(number)
            # The parity tool compares what record() wrote: the case studies use the path users' scripts do.
            record(name, number, step=self.steps_done)
        if self.manager is not None:
            maybe_save(self.manager, self.steps_done, exit=False)
            self.stopped = bool(self.manager.stopped)
        if self._bar is not None:
            self._bar.tick({name: values[-1] for name, values in self.losses.items()})
        return self.stopped

    def _values(self, value: Any) -> dict[str, float]:
        if isinstance(value, dict):
            items = [(str(k), v) for k, v in value.items()]
        elif isinstance(value, (list, tuple)):
            if len(value) != 1:
                raise bad_argument("the step's value", value, "one loss, or several named ones: "
                                   "list(generator = g, discriminator = d) in R, a dict in Python")
            items = [("loss", value[0])]
        else:
            items = [("loss", value)]
        found = {}
        for name, v in items:
            try:
                array = np.asarray(v.numpy() if hasattr(v, "numpy") else v, dtype=np.float64)
            except (TypeError, ValueError):
                array = None
            if array is None or array.size != 1:
                raise bad_argument(f"the step's value {name!r}", v,
                                   "a scalar loss (a number or a 0-d tensor)")
            found[name] = float(array.reshape(()))
        return found

    def epoch_mean(self, name: str = "loss") -> float:
        """The mean of the loss ``name`` over the current epoch's steps (NaN before any)."""
        if name not in self.losses:
            raise bad_argument("name", name, f"a recorded loss, one of {sorted(self.losses)}")
        values = self.losses[name][self._epoch_start.get(name, 0):]
        return float(np.mean(values)) if values else math.nan

    def last(self, name: str = "loss") -> float:
        """The latest value of the loss ``name``."""
        if not self.losses.get(name):
            raise bad_argument("name", name, f"a recorded loss, one of {sorted(self.losses)}")
        return self.losses[name][-1]

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.close({name: self.epoch_mean(name) for name in self.losses})
            self._bar = None

    # ---- the record -----------------------------------------------------------------------------

    def seconds_per_step(self) -> float | None:
        """The median seconds per step, the first (traced) step left out; `None` before any step."""
        timed = self.seconds[1:] or self.seconds
        return float(np.median(timed)) if timed else None

    def finish(self, metrics: Any = None, losses: Any = None, timings: Any = None,
               versions: Any = None) -> dict[str, Any]:
        """Write the run record (``--out``): the losses, ``metrics`` and the step timings.

        The figures are also recorded for the parity tool (:func:`~rkeras_bridge.tools.records.record`:
        ``metrics.<name>`` at step 1, text compared for equality), as each step's losses were.

        Example:
            >>> run.finish(metrics={"test_mse": 0.31})  # doctest: +SKIP

        Args:
            metrics: Final figures by name; ``first_step`` is added. Defaults to `None`.
            losses: Losses to record instead of the steps' (cases trained by ``fit``). Defaults to `None`.
            timings: Timing figures to record instead of the steps' (``seconds_per_step`` and ``mode``).
                Defaults to `None`.
            versions: More versions to record (the R twin adds R's). Defaults to `None`.

        Returns:
            The record (see :func:`~rkeras_bridge.tools.runs.write_run`).
        """
        self._close_bar()
        if losses is None:
            losses = self.losses.get("loss", []) if set(self.losses) <= {"loss"} else self.losses
        else:  # losses of fit(), recorded here as the steps' would have been
            given = losses if isinstance(losses, dict) else {"loss": losses}
            for name, values in given.items():
                if str(name) not in self.losses:
                    for i, number in enumerate(np.asarray(values, dtype=np.float64).reshape(-1)):
                        record(str(name), float(number), step=i + 1)
        metrics = dict(metrics or {})
        metrics["first_step"] = self.first_step
        record_value("metrics", metrics, step=1)
        if timings is None:
            timings = {"seconds_per_step": self.seconds_per_step(),
                       "mode": "compiled" if self._compiled else "eager"}
        return write_run(self.args, self.case, self.lang, losses, metrics, versions, timings)

    def __repr__(self) -> str:
        return (f"<TrainingRun {self.case!r} ({self.lang}) step {self.steps_done}/{self.max_steps} "
                f"epochs {self.n_epochs} seed {self.seed}>")


def training_run(case: str, lang: str = "py", argv: Any = None, epochs: Any = None,
                 steps_per_epoch: Any = None, progress: Any = False, default_seed: int = 42) -> TrainingRun:
    """Start a case study's run: parse its command line and seed everything.

    Example:
        >>> run = training_run("basic_loop", argv=["--steps", "3"], epochs=10, steps_per_epoch=12)
        >>> run.max_steps, run.seed, run.epochs()
        (3, 42, [1])

    Args:
        case: The case study's name (``"basic_loop"``): the run record's ``case``.
        lang: ``"py"``, or ``"r"`` for the R twin. Defaults to `"py"`.
        argv: The command line (flags of :func:`~rkeras_bridge.tools.runs.case_args`). Defaults to
            `None` (``sys.argv[1:]``).
        epochs: The case's number of epochs, when ``--epochs`` is not given. Defaults to `None` (1).
        steps_per_epoch: Steps in one epoch, for ``--resume`` and ``--steps``. Defaults to `None`
            (unknown: epochs are not skipped on resume).
        progress: Show a progress display per epoch. Defaults to `False`.
        default_seed: The seed without ``--seed``. Defaults to `42`.

    Returns:
        A :class:`TrainingRun`.

    R equivalent: ``training_run("basic_loop", epochs = 10, steps_per_epoch = 12)``.
    """
    if argv is None:
        argv = sys.argv[1:]
    args = case_args(argv, default_seed=default_seed)
    run = TrainingRun(case, lang, args, epochs, steps_per_epoch, progress)
    set_random_seed(run.seed)
    return run

