"""Crash-safe training: checkpoints every K steps, resume from the latest, a final save on Ctrl-C.

A thin helper around ``tf.train.Checkpoint`` + ``tf.train.CheckpointManager``::

    manager = checkpoint_manager("run/checkpoints", every=10, model=model, optimizer=optimizer)
    step = restore_latest(manager) if resume else 0       # 0 when there is no checkpoint
    save_on_interrupt(manager)                             # Ctrl-C: save after this step, then exit
    for epoch in ...:
        iterator = track_iterator(manager, make_iterator_one_shot(ds), epoch)
        for batch in until_out_of_range(iterator):
            ...; step += 1
            maybe_save(manager, step)

What is saved: the objects you name (model weights, optimizer slots and iteration count, a
global step, any ``tf.Variable``), the step counter, the epoch and position of the tracked
``tf.data`` iterator (its shuffle buffer and seeds included), the state of Keras' global seed
generator (unseeded ``k_random_normal()`` and friends), and each Keras model's non-trainable
variables. The last matters: Keras 3 keeps each ``Dropout``'s seed-generator
state in ``model.variables`` but does *not* track it for ``tf.train.Checkpoint``, so without it
a resumed run would draw the first dropout masks again.

Atomicity: TensorFlow writes a checkpoint's data under ``<prefix>_temp/`` and merges it into
``<prefix>.index`` / ``<prefix>.data-*``; only then does ``CheckpointManager`` rewrite the
``checkpoint`` state file, itself atomically (write to a temporary file, then rename). A process
killed mid-save therefore leaves the state file naming the previous, complete checkpoint. If the
state file names files that are missing or unreadable, :func:`restore_latest` refuses with a
:class:`CheckpointError` naming the directory instead of restoring part of a checkpoint.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any

import tensorflow as tf
from tensorflow.python.trackable.base import Trackable

from ..bridge.errors import bad_argument

__all__ = ["CheckpointError", "TrainingCheckpoints", "checkpoint_manager", "maybe_save", "restore_latest",
           "track_iterator", "save_on_interrupt"]

_RESERVED = ("step", "epoch", "iterator", "save_counter", "keras_global_rng")
INTERRUPT_EXIT_STATUS = 130  # what shells report for a process ended by SIGINT (128 + 2)


class CheckpointError(RuntimeError):
    """A checkpoint directory holds a checkpoint that cannot be read (missing or corrupt files)."""


def _integer(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__index__"):
        raise bad_argument(name, value, f"an integer >= {minimum}")
    number = float(value)
    if number != int(number) or number < minimum:
        raise bad_argument(name, value, f"an integer >= {minimum}")
    return int(number)


def _is_keras_layer(obj: Any) -> bool:
    return hasattr(obj, "non_trainable_variables") and hasattr(obj, "built")


class TrainingCheckpoints:
    """What :func:`checkpoint_manager` returns: a checkpoint, its manager and the resume state.

    Attributes:
        directory: Where checkpoints go (`None`: checkpoints are off).
        every: Save every this many steps.
        stop_requested: `True` once Ctrl-C was pressed after :func:`save_on_interrupt`.
        stopped: `True` once :func:`maybe_save` has handled that request (saved, and exited unless
            ``exit=False``). The R wrapper quits on this, not on ``stop_requested``: a Ctrl-C that
            lands between the two checks must wait for the next step's save, not skip it.
    """

    def __init__(self, directory: str | None, every: int, max_to_keep: int, objects: dict[str, Any]):
        self.directory = directory
        self.every = every
        self.stop_requested = False
        self.stopped = False
        self._objects = objects
        self._step = tf.Variable(0, dtype=tf.int64, trainable=False, name="checkpoint_step")
        self._epoch = tf.Variable(0, dtype=tf.int64, trainable=False, name="checkpoint_epoch")
        # Keras' global seed generator draws every unseeded keras.random / k_random_* value (e.g. the
        # DCGAN's noise); saving its state lets a resumed run draw what the interrupted one would have.
        from keras.src.random.seed_generator import global_seed_generator

        self._rng = global_seed_generator().state
        self.checkpoint = tf.train.Checkpoint(step=self._step, epoch=self._epoch, keras_global_rng=self._rng,
                                              **objects)
        self.manager = None
        if directory is not None:
            self.manager = tf.train.CheckpointManager(self.checkpoint, directory, max_to_keep=max_to_keep,
                                                      checkpoint_name="ckpt", step_counter=self._step)
        self._restored_path: str | None = None
        self._restored_epoch = 0
        self._restored_iterator = False
        self._last_saved_step: int | None = None

    @property
    def step(self) -> int:
        """The step of the last checkpoint saved or restored (0 before any)."""
        return int(self._step.numpy())

    @property
    def epoch(self) -> int:
        """The epoch of the tracked iterator (after a restore: the checkpoint's; 0 if none)."""
        return int(self._epoch.numpy())

    @property
    def latest(self) -> str | None:
        """Prefix of the latest checkpoint in :attr:`directory`, or `None`."""
        return None if self.manager is None else self.manager.latest_checkpoint

    def _non_trainable(self, building: bool) -> dict[str, list[Any]]:
        # Keras 3 does not track seed-generator states (Dropout's RNG) for tf.train.Checkpoint.
        found = {}
        for name, obj in self._objects.items():
            if not _is_keras_layer(obj):
                continue
            if building and (not obj.built or not obj.trainable_variables):
                raise bad_argument(
                    name, obj, "a built model (call it on a batch before restore_latest(), so the "
                                   "restore has variables to fill)")
            found[f"{name}_non_trainable"] = list(obj.non_trainable_variables)
        return found

    def __repr__(self) -> str:
        return (f"<TrainingCheckpoints directory={self.directory!r} every={self.every} step={self.step} "
                f"epoch={self.epoch} latest={self.latest!r}>")


def checkpoint_manager(
    directory: Any, every: Any = 10, max_to_keep: Any = 3, **objects: Any
) -> TrainingCheckpoints:
    """Keep checkpoints of ``objects`` in ``directory``, one every ``every`` steps.

    Example:
        >>> manager = checkpoint_manager("run/checkpoints", every=10, model=model, optimizer=optimizer,
        ...                              global_step=tf.train.get_or_create_global_step())

    Args:
        directory: The directory (created on the first save), or `None` to turn checkpoints off
            (saves do nothing, :func:`restore_latest` returns 0).
        every: Save every this many steps (>= 1). Defaults to `10`.
        max_to_keep: Checkpoints kept; older ones are deleted (>= 1). Defaults to `3`.
        **objects: What to save, by name: Keras models and optimizers, ``tf.Variable`` s, any
            trackable object. The names ``step``, ``epoch``, ``iterator``, ``save_counter`` are
            taken (use :func:`track_iterator` for the data iterator).

    Returns:
        A :class:`TrainingCheckpoints`.
    """
    if directory is not None and (not isinstance(directory, (str, os.PathLike)) or not str(directory)):
        raise bad_argument("directory", directory, "a directory path or None/NULL", TypeError)
    every = _integer(every, "every", 1)
    max_to_keep = _integer(max_to_keep, "max_to_keep", 1)
    if not objects:
        raise ValueError("checkpoint_manager() needs at least one object to save, by name "
                         "(e.g. model = model, optimizer = optimizer). Received: none")
    for name, obj in objects.items():
        if name in _RESERVED:
            raise bad_argument(name, obj, f"another name: {', '.join(_RESERVED)} are the checkpoint's own")
        if not isinstance(obj, Trackable):
            raise bad_argument(
                name, obj, "a trackable object (Keras model or optimizer, tf.Variable, ...)", TypeError
            )
    folder = None if directory is None else os.fspath(directory)
    return TrainingCheckpoints(folder, every, max_to_keep, objects)


def _check_manager(manager: Any) -> TrainingCheckpoints:
    if not isinstance(manager, TrainingCheckpoints):
        raise bad_argument("manager", manager, "what checkpoint_manager() returned", TypeError)
    return manager


def _checkpoint_files_problem(prefix: str) -> str | None:
    if not tf.io.gfile.exists(prefix + ".index"):
        return f"{os.path.basename(prefix)}.index is missing"
    if not tf.io.gfile.glob(prefix + ".data-*"):
        return f"{os.path.basename(prefix)}.data-* is missing"
    return None


def restore_latest(manager: TrainingCheckpoints, max_steps: Any = None) -> int:
    """Restore the latest checkpoint in the manager's directory and return its step.

    Model, optimizer and the other named objects are restored now; the data iterator when the
    same epoch's iterator is passed to :func:`track_iterator`. Keras models must be built first
    (called once on a batch).

    Example:
        >>> step = restore_latest(manager)   # 0 when the directory has no checkpoint yet

    Args:
        manager: What :func:`checkpoint_manager` returned.
        max_steps: The steps this run is asked to reach (``--steps``, or epochs times steps per
            epoch). A checkpoint already past it is refused with an error that says how to resume,
            rather than a run that trains nothing. Defaults to `None` (not checked).

    Returns:
        The restored step, or 0 when there is no checkpoint (or checkpoints are off).

    Raises:
        CheckpointError: The state file is unreadable or names a checkpoint whose files are
            missing or corrupt (e.g. deleted, or half-copied); the message names the directory.
    """
    manager = _check_manager(manager)
    if manager.manager is None:
        return 0
    directory = manager.directory
    state_file = os.path.join(directory, "checkpoint")
    if not tf.io.gfile.exists(state_file):
        return 0
    advice = f"remove {directory!r} (or its state file 'checkpoint') to start over"
    try:
        state = tf.train.get_checkpoint_state(directory)
    except Exception as exc:  # text_format.ParseError and friends
        raise CheckpointError(
            f"Cannot read the checkpoint state file in {directory!r} ({exc}); {advice}"
        ) from exc
    if state is None or not state.model_checkpoint_path:
        raise CheckpointError(f"The checkpoint state file in {directory!r} names no checkpoint; {advice}")
    prefix = state.model_checkpoint_path
    if not os.path.isabs(prefix):
        prefix = os.path.join(directory, prefix)
    problem = _checkpoint_files_problem(prefix)
    if problem:
        raise CheckpointError(f"The latest checkpoint in {directory!r} is incomplete: its state file names "
                              f"{os.path.basename(prefix)!r} but {problem}; {advice}")
    # A separate root: restoring through manager.checkpoint would leave the saved iterator as a
    # deferred dependency there, restored into whatever iterator is attached next (a later epoch's).
    restorer = tf.train.Checkpoint(step=manager._step, epoch=manager._epoch, keras_global_rng=manager._rng,
                                   **manager._objects, **manager._non_trainable(building=True))
    try:
        saved = {name for name, _ in tf.train.list_variables(prefix)}
        status = restorer.restore(prefix)
        status.assert_existing_objects_matched()
        status.expect_partial()  # the iterator is restored later, by track_iterator()
    except (tf.errors.OpError, AssertionError, ValueError) as exc:
        raise CheckpointError(f"Cannot restore checkpoint {os.path.basename(prefix)!r} from {directory!r}: "
                              f"{type(exc).__name__}: {exc}; {advice}") from exc
    if max_steps is not None and manager.step > _integer(max_steps, "max_steps", 0):
        raise ValueError(
            f"Invalid value for argument `max_steps`: expected at least the latest checkpoint's step "
            f"{manager.step} (in {directory!r}); resume with --steps >= {manager.step} (or as many --epochs "
            f"as the interrupted run), or start over without --resume. Received: max_steps={max_steps}"
        )
    manager._restored_path = prefix
    manager._restored_epoch = manager.epoch
    manager._restored_iterator = any(name.startswith("iterator/") for name in saved)
    manager._last_saved_step = manager.step
    return manager.step


def track_iterator(manager: TrainingCheckpoints, iterator: Any, epoch: Any) -> Any:
    """Save ``iterator`` (the data position of ``epoch``) with the next checkpoints.

    When the manager was restored from a checkpoint taken during ``epoch``, the iterator is
    moved to the saved position (shuffle buffer and seeds included). Make one iterator per
    epoch in order, also for epochs a resumed run skips: each new iterator of a reshuffling
    dataset draws the next shuffle seed, as it did in the first run.

    Example:
        >>> iterator = track_iterator(manager, make_iterator_one_shot(ds), epoch)

    Args:
        manager: What :func:`checkpoint_manager` returned.
        iterator: A ``tf.data`` iterator (``make_iterator_one_shot()``, ``as_iterator()``).
        epoch: The epoch it serves (>= 1).

    Returns:
        ``iterator``, restored when resuming into ``epoch``.
    """
    manager = _check_manager(manager)
    epoch = _integer(epoch, "epoch", 1)
    if not isinstance(iterator, Trackable) or not hasattr(iterator, "get_next"):
        raise bad_argument(
            "iterator", iterator, "a tf.data iterator (from make_iterator_one_shot())", TypeError
        )
    manager.checkpoint.iterator = iterator
    manager._epoch.assign(epoch)
    if manager._restored_iterator and manager._restored_epoch == epoch:
        manager._restored_iterator = False  # once: a later iterator of this epoch starts afresh
        try:
            tf.train.Checkpoint(iterator=iterator).restore(manager._restored_path).expect_partial()
        except tf.errors.OpError as exc:
            raise CheckpointError(f"Cannot restore the data iterator from {manager._restored_path!r} "
                                  f"in {manager.directory!r}: {exc}") from exc
    return iterator


def maybe_save(manager: TrainingCheckpoints, step: Any, force: bool = False, exit: bool = True) -> str | None:
    """Save a checkpoint when ``step`` is a multiple of ``every`` (or forced, or after Ctrl-C).

    After :func:`save_on_interrupt` caught Ctrl-C, this saves at ``step`` and ends the process
    with status 130 (Python: ``SystemExit``; the R wrapper calls ``quit()``).

    Example:
        >>> maybe_save(manager, step)          # inside the loop, after the step's update

    Args:
        manager: What :func:`checkpoint_manager` returned.
        step: Steps done so far (>= 0).
        force: Save whatever the step. Defaults to `False`.
        exit: End the process after the save that a Ctrl-C asked for. Defaults to `True`.

    Returns:
        The saved checkpoint's prefix, or `None` when nothing was saved.
    """
    manager = _check_manager(manager)
    step = _integer(step, "step", 0)
    stopping = manager.stop_requested
    path = None
    due = force or stopping or (step % manager.every == 0 and step != manager._last_saved_step)
    if due and manager.manager is not None:
        manager._step.assign(step)
        for key, variables in manager._non_trainable(building=False).items():
            setattr(manager.checkpoint, key, variables)
        path = manager.manager.save(checkpoint_number=step)
        manager._last_saved_step = step
    if stopping:
        manager.stopped = True
        where = f"saved checkpoint {path!r}" if path else "checkpoints are off, nothing saved"
        print(f"Interrupted at step {step}: {where}.", file=sys.stderr, flush=True)
        if exit:
            raise SystemExit(INTERRUPT_EXIT_STATUS)
    return path


def save_on_interrupt(manager: TrainingCheckpoints) -> bool:
    """Make Ctrl-C (SIGINT) save a final checkpoint at the end of the current step, then exit.

    The handler only sets ``manager.stop_requested``; the next :func:`maybe_save` saves and
    exits, so the checkpoint is taken between steps, never mid-update. A second Ctrl-C stops at
    once (``KeyboardInterrupt``). Call it from the main thread.

    Example:
        >>> save_on_interrupt(manager)

    Args:
        manager: What :func:`checkpoint_manager` returned.

    Returns:
        `True` when the handler was installed (`False` when checkpoints are off).
    """
    manager = _check_manager(manager)
    if manager.manager is None:
        return False
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError(
            "save_on_interrupt() must be called from the main thread (signal handlers live there). "
                           f"Received: a call from thread {threading.current_thread().name!r}")

    def handler(signum: int, frame: Any) -> None:
        if manager.stop_requested:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        manager.stop_requested = True
        print("Interrupt: saving a checkpoint after this step, then stopping (Ctrl-C again to stop now).",
              file=sys.stderr, flush=True)

    signal.signal(signal.SIGINT, handler)
    return True

