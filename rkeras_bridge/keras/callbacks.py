"""Training callbacks with R keras 2.2.4's names, arguments and defaults (``callback_*``, ``KerasCallback``).

Most map onto a Keras 3 callback. Where Keras 3 changed what a callback does, the 2.2.4 behaviour
is rebuilt here:

* ``callback_model_checkpoint`` writes HDF5 files (whole model or weights), whatever the file
  extension, with ``period`` and 1-based ``{epoch}`` in the file name, as Keras 2.2.4 did (Keras 3
  wants ``.keras`` / ``.weights.h5`` names and has no ``period``). Files are written atomically.
* ``callback_learning_rate_scheduler`` calls ``schedule(epoch)`` or ``schedule(epoch, lr)``, whichever
  the function takes (Keras 3 only passes two arguments).
* ``callback_lambda`` takes the hooks R keras had, ``on_batch_begin``/``on_batch_end`` being the
  training batches.

Epoch and batch indices reach callbacks 0-based, as they did in R keras 2.2.4 (it passed Keras's
own indices on).
"""

from __future__ import annotations

import inspect
import math
import os
import warnings
from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_number
from ..bridge.errors import bad_argument, unavailable

__all__ = [
    "KerasCallback",
    "callback_progbar_logger",
    "callback_model_checkpoint",
    "callback_early_stopping",
    "callback_remote_monitor",
    "callback_learning_rate_scheduler",
    "callback_terminate_on_naan",
    "callback_tensorboard",
    "callback_reduce_lr_on_plateau",
    "callback_csv_logger",
    "callback_lambda",
]

_MODES = ("auto", "min", "max")

# Every hook R keras 2.2.4 (and its TF 2 successors) let a callback define: name -> what it receives.
HOOKS = {
    "on_epoch_begin": "epoch", "on_epoch_end": "epoch",
    "on_batch_begin": "batch", "on_batch_end": "batch",
    "on_train_batch_begin": "batch", "on_train_batch_end": "batch",
    "on_test_batch_begin": "batch", "on_test_batch_end": "batch",
    "on_predict_batch_begin": "batch", "on_predict_batch_end": "batch",
    "on_train_begin": None, "on_train_end": None,
    "on_test_begin": None, "on_test_end": None,
    "on_predict_begin": None, "on_predict_end": None,
}


def _mode(value: Any) -> str:
    # R's `mode = c("auto", "min", "max")` default arrives as the whole vector: its first element.
    if isinstance(value, (list, tuple)) and list(value) == list(_MODES):
        value = _MODES[0]
    if value not in _MODES:
        raise bad_argument("mode", value, '"auto", "min" or "max"')
    return value


def _string(value: Any, name: str, allow_none: bool = False) -> str | None:
    if value is None and allow_none:
        return None
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value:
        raise bad_argument(name, value, "a non-empty string" + (" or NULL/None" if allow_none else ""),
                           error=TypeError)
    return value


def _function(value: Any, name: str, allow_none: bool = True) -> Callable[..., Any] | None:
    if value is None and allow_none:
        return None
    if not callable(value):
        expected = "a function" + (" or NULL/None" if allow_none else "")
        raise bad_argument(name, value, expected, error=TypeError)
    return value


def _logs(logs: Any) -> dict[str, Any]:
    """Logs as plain Python numbers, so that R receives a named list of doubles."""
    out = {}
    for key, value in (logs or {}).items():
        try:
            array = np.asarray(value)
            out[key] = float(array) if array.ndim == 0 else array
        except (TypeError, ValueError):
            out[key] = value
    return out


class KerasCallback(keras.callbacks.Callback):
    """Base class of custom callbacks, as R keras 2.2.4's ``KerasCallback`` R6 class.

    Subclass it and define any of ``on_epoch_begin(epoch, logs)``, ``on_epoch_end(epoch, logs)``,
    ``on_batch_begin(batch, logs)``, ``on_batch_end(batch, logs)``, ``on_train_begin(logs)``,
    ``on_train_end(logs)`` and the ``on_test_*`` / ``on_predict_*`` hooks. ``self.params`` (the
    training parameters) and ``self.model`` are set by :meth:`set_context` before training,
    evaluation or prediction begins.

    Example:
        >>> class LossHistory(KerasCallback):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.losses = []
        ...     def on_batch_end(self, batch, logs=None):
        ...         self.losses.append(logs["loss"])

    Mirrors ``keras::KerasCallback`` of R keras 2.2.4 (the R package's R6 class builds one of these).
    """

    def __init__(self) -> None:
        super().__init__()
        self.params = {}

    def set_context(self, params: Any = None, model: Any = None) -> None:
        """Record the training parameters and the model (called before each train/test/predict run)."""
        self.params = params if params is not None else {}
        if model is not None:
            self.set_model(model)

    def set_params(self, params: Any) -> None:
        self.params = params


class _RCallback(KerasCallback):
    """A callback whose hooks are R functions (the methods of an R6 ``KerasCallback``).

    Only the hooks the R object defines are given; the others keep Keras's defaults, so Keras can
    still skip them. Every hook defined here runs on the calling (R's) thread: Keras dispatches a
    batch hook to a thread pool only when the callback leaves it at its default.
    """

    def __init__(self, hooks: dict[str, Callable[..., Any]], set_context: Callable[..., Any] | None = None):
        super().__init__()
        self._r_set_context = set_context
        unknown = sorted(set(hooks) - set(HOOKS))
        if unknown:
            raise bad_argument("hooks", unknown, "callback methods named " + ", ".join(sorted(HOOKS)))
        for name, fn in hooks.items():
            _function(fn, name, allow_none=False)
            setattr(self, name, self._hook(name, fn))
        for phase in ("train", "test", "predict"):
            begin = f"on_{phase}_begin"
            inner = getattr(self, begin)
            setattr(self, begin, self._with_context(inner))

    @staticmethod
    def _hook(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        if HOOKS[name] is None:
            def hook(logs=None):
                fn(_logs(logs))
        else:
            def hook(index, logs=None):
                fn(int(index), _logs(logs))
        hook.__name__ = name
        return hook

    def _with_context(self, begin: Callable[..., Any]) -> Callable[..., Any]:
        def hook(logs=None):
            if self._r_set_context is not None:
                self._r_set_context(dict(self.params or {}), self.model)
            begin(logs)
        return hook


def r_callback(hooks: Any, set_context: Any = None) -> KerasCallback:
    """The Keras callback of an R6 ``KerasCallback`` (the R package calls this for ``fit(callbacks=)``)."""
    if not isinstance(hooks, dict):
        hooks = {}
    return _RCallback(dict(hooks), set_context=set_context)


def callback_progbar_logger(count_mode: Any = "samples",
                            stateful_metrics: Any = None) -> keras.callbacks.Callback:
    """Print metrics to stdout with a progress bar while training.

    Example:
        >>> cb = callback_progbar_logger()

    Args:
        count_mode: ``"samples"`` or ``"steps"``: what the bar counts in Keras 2.2.4. Keras 3's bar
            counts steps (batches), as Keras 2.2.4 did for generators and datasets. Defaults to
            `"samples"`.
        stateful_metrics: Names of metrics not to average over the epoch. Keras 3 reports every
            metric as its running value already, which is what this asked for. Defaults to `None`.

    Returns:
        A ``keras.callbacks.ProgbarLogger``; ``fit(verbose = 1)`` shows its bar.

    Mirrors ``keras::callback_progbar_logger()`` of R keras 2.2.4.
    """
    if count_mode not in ("samples", "steps"):
        raise bad_argument("count_mode", count_mode, '"samples" or "steps"')
    if stateful_metrics is not None and not isinstance(stateful_metrics, (str, list, tuple)):
        raise bad_argument("stateful_metrics", stateful_metrics, "metric names (strings) or NULL/None",
                           error=TypeError)
    return keras.callbacks.ProgbarLogger()


class ModelCheckpoint(keras.callbacks.Callback):
    """Keras 2.2.4's ``ModelCheckpoint``: HDF5 files, ``period``, atomically written."""

    def __init__(self, filepath: str, monitor: str, verbose: int, save_best_only: bool,
                 save_weights_only: bool, mode: str, period: int):
        super().__init__()
        self.filepath = filepath
        self.monitor = monitor
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.period = period
        self.epochs_since_last_save = 0
        # As Keras 2.2.4 chose: "acc" and "fmeasure" improve upwards; Keras 3's names as well.
        if mode == "auto":
            upwards = any(k in monitor for k in ("acc", "fmeasure", "auc")) or monitor.startswith("fmeasure")
            mode = "max" if upwards else "min"
        self.mode = mode
        self.best = -math.inf if mode == "max" else math.inf

    def _improved(self, current: float) -> bool:
        return current > self.best if self.mode == "max" else current < self.best

    def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
        from .model_persistence import save_model_hdf5, save_model_weights_hdf5

        logs = _logs(logs)
        self.epochs_since_last_save += 1
        if self.epochs_since_last_save < self.period:
            return
        self.epochs_since_last_save = 0
        try:
            filepath = self.filepath.format(epoch=epoch + 1, **logs)
        except (KeyError, IndexError, ValueError) as exc:
            known = ", ".join(sorted(logs)) or "none"
            raise ValueError(f"Invalid value for argument `filepath`: expected a file name whose {{...}} "
                             f"fields are `epoch` or names in the logs ({known}); {exc!r}. "
                             f"Received: filepath={self.filepath!r}") from None
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                warnings.warn(f"Can save best model only with {self.monitor} available, skipping.",
                              RuntimeWarning, stacklevel=2)
                return
            if not self._improved(current):
                if self.verbose > 0:
                    print(f"\nEpoch {epoch + 1:05d}: {self.monitor} did not improve from {self.best:.5f}")
                return
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1:05d}: {self.monitor} improved from {self.best:.5f} to "
                      f"{current:.5f}, saving model to {filepath}")
            self.best = current
        elif self.verbose > 0:
            print(f"\nEpoch {epoch + 1:05d}: saving model to {filepath}")
        if self.save_weights_only:
            save_model_weights_hdf5(self.model, filepath, overwrite=True)
        else:
            save_model_hdf5(self.model, filepath, overwrite=True)


def callback_model_checkpoint(
    filepath: Any, monitor: Any = "val_loss", verbose: Any = 0, save_best_only: Any = False,
    save_weights_only: Any = False, mode: Any = "auto", period: Any = 1,
) -> keras.callbacks.Callback:
    """Save the model (or its weights) to an HDF5 file after every ``period`` epochs.

    Example:
        >>> cb = callback_model_checkpoint("weights.{epoch:02d}-{val_loss:.2f}.h5")

    Args:
        filepath: The file; may hold ``{epoch:02d}`` (1-based) and ``{name}`` fields for the values in
            the epoch's logs, e.g. ``"weights.{epoch:02d}-{val_loss:.2f}.hdf5"``. Written as HDF5
            (:func:`save_model_hdf5` / :func:`save_model_weights_hdf5`) whatever its extension,
            atomically (an interrupted save leaves the previous file).
        monitor: Quantity to monitor. Defaults to `"val_loss"`.
        verbose: 0 or 1. Defaults to `0`.
        save_best_only: Only save when ``monitor`` improved; the file is overwritten unless its name
            changes with the epoch. Defaults to `False`.
        save_weights_only: Save only the weights. Defaults to `False`.
        mode: ``"auto"``, ``"min"`` or ``"max"``; ``"auto"`` maximises accuracies. Defaults to `"auto"`.
        period: Epochs between checkpoints. Defaults to `1`.

    Returns:
        A Keras callback.

    Mirrors ``keras::callback_model_checkpoint()`` of R keras 2.2.4.
    """
    return ModelCheckpoint(
        filepath=os.path.expanduser(_string(filepath, "filepath")), monitor=_string(monitor, "monitor"),
        verbose=as_integer(verbose, "verbose", minimum=0),
        save_best_only=as_flag(save_best_only, "save_best_only"),
        save_weights_only=as_flag(save_weights_only, "save_weights_only"), mode=_mode(mode),
        period=as_integer(period, "period", minimum=1),
    )


def callback_early_stopping(
    monitor: Any = "val_loss", min_delta: Any = 0, patience: Any = 0, verbose: Any = 0, mode: Any = "auto",
    baseline: Any = None, restore_best_weights: Any = False,
) -> keras.callbacks.Callback:
    """Stop training when a monitored quantity has stopped improving.

    Example:
        >>> cb = callback_early_stopping(patience=2)

    Args:
        monitor: Quantity to watch. Defaults to `"val_loss"`.
        min_delta: Smallest change that counts as an improvement. Defaults to `0`.
        patience: Epochs without improvement before stopping. Defaults to `0`.
        verbose: Defaults to `0`.
        mode: `"auto"`, `"min"` or `"max"`. Defaults to `"auto"`.
        baseline: Value the quantity must beat. Defaults to `None`.
        restore_best_weights: Restore the weights of the best epoch at the end. Defaults to `False`.

    Returns:
        A ``keras.callbacks.EarlyStopping``.

    Mirrors ``keras::callback_early_stopping()`` of R keras 2.2.4.
    """
    return keras.callbacks.EarlyStopping(
        monitor=_string(monitor, "monitor"), min_delta=as_number(min_delta, "min_delta"),
        patience=as_integer(patience, "patience", minimum=0),
        verbose=as_integer(verbose, "verbose", minimum=0),
        mode=_mode(mode), baseline=as_number(baseline, "baseline", allow_none=True),
        restore_best_weights=as_flag(restore_best_weights, "restore_best_weights"),
    )


def callback_remote_monitor(
    root: Any = "http://localhost:9000", path: Any = "/publish/epoch/end/", field: Any = "data",
    headers: Any = None, send_as_json: Any = False,
) -> keras.callbacks.Callback:
    """Send the logs of each epoch to a server (an HTTP POST; needs the Python package ``requests``).

    Example:
        >>> cb = callback_remote_monitor(root="http://localhost:9000")

    Args:
        root: The server's root URL. Defaults to `"http://localhost:9000"`.
        path: Path relative to ``root``. Defaults to `"/publish/epoch/end/"`.
        field: The form field holding the JSON-encoded logs (unless ``send_as_json``). Defaults to
            `"data"`.
        headers: A named list/dict of HTTP headers. Defaults to `None`.
        send_as_json: Send the logs as the JSON body. Defaults to `False`.

    Returns:
        A ``keras.callbacks.RemoteMonitor``. A server that cannot be reached is reported as a
        warning at each epoch's end, as in Keras 2.2.4; training goes on.

    Mirrors ``keras::callback_remote_monitor()`` of R keras 2.2.4.
    """
    if headers is not None and not isinstance(headers, dict):
        raise bad_argument("headers", headers, 'a named list such as list(Accept = "application/json")',
                           error=TypeError)
    return keras.callbacks.RemoteMonitor(
        root=_string(root, "root"), path=_string(path, "path"), field=_string(field, "field"),
        headers={str(k): str(v) for k, v in (headers or {}).items()} or None,
        send_as_json=as_flag(send_as_json, "send_as_json"),
    )


def _positional_arity(fn: Callable[..., Any]) -> int | None:
    """How many positional arguments ``fn`` takes (`None`: any number, or unknown)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind == p.VAR_POSITIONAL for p in params):
        return None
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)


class LearningRateScheduler(keras.callbacks.Callback):
    """Keras 2.2.4's scheduler: ``schedule(epoch, lr)`` or ``schedule(epoch)``."""

    def __init__(self, schedule: Callable[..., Any], verbose: int = 0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose
        self._arity = _positional_arity(schedule)

    def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
        optimizer = self.model.optimizer
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        current = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
        lr = self.schedule(epoch) if self._arity == 1 else self.schedule(epoch, current)
        try:
            lr = float(np.asarray(lr).reshape(-1)[0]) if np.size(lr) == 1 else None
        except (TypeError, ValueError):
            lr = None
        if lr is None or not math.isfinite(lr):
            raise ValueError("Invalid value for argument `schedule`: expected a function returning the "
                             f"learning rate as a finite number. Received: its result for epoch={epoch}")
        optimizer.learning_rate = lr
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1:05d}: LearningRateScheduler setting learning rate to {lr}.")

    def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
        if logs is not None:
            logs["lr"] = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))


def callback_learning_rate_scheduler(schedule: Any) -> keras.callbacks.Callback:
    """Set the learning rate at the start of each epoch from a function of the epoch.

    Example:
        >>> cb = callback_learning_rate_scheduler(lambda epoch, lr: 0.01 * 0.5 ** epoch)

    Args:
        schedule: ``function(epoch)`` or ``function(epoch, lr)`` returning the new learning rate;
            ``epoch`` is 0-based (Keras's index, as R keras 2.2.4 passed it) and ``lr`` the current
            rate. Its first positional argument count decides which form is called.

    Returns:
        A Keras callback; the rate of each epoch is recorded in the history as ``lr``.

    Mirrors ``keras::callback_learning_rate_scheduler()`` of R keras 2.2.4.
    """
    return LearningRateScheduler(_function(schedule, "schedule", allow_none=False))


def callback_terminate_on_naan() -> keras.callbacks.Callback:
    """Stop training as soon as a batch's loss is NaN or infinite.

    Example:
        >>> cb = callback_terminate_on_naan()

    Returns:
        A ``keras.callbacks.TerminateOnNaN``.

    Mirrors ``keras::callback_terminate_on_naan()`` of R keras 2.2.4 (sic: "naan").
    """
    return keras.callbacks.TerminateOnNaN()


def callback_tensorboard(
    log_dir: Any = None, histogram_freq: Any = 0, batch_size: Any = 32, write_graph: Any = True,
    write_grads: Any = False, write_images: Any = False, embeddings_freq: Any = 0,
    embeddings_layer_names: Any = None, embeddings_metadata: Any = None, embeddings_data: Any = None,
    update_freq: Any = "epoch",
) -> keras.callbacks.Callback:
    """Write TensorBoard logs: metric curves, the graph, weight histograms, weight images.

    Example:
        >>> cb = callback_tensorboard(log_dir="logs/run1")

    Args:
        log_dir: Folder of the logs. Defaults to `None`: ``"logs"`` (R keras 2.2.4 used the active
            tfruns run folder when there was one).
        histogram_freq: Epochs between weight histograms (0: none). Defaults to `0`.
        batch_size: Size of the batches fed for histograms in TF 1 graph mode; TensorFlow 2 computes
            histograms from the weights, so it has no role (TF >= 1.14 ignored it too). Defaults to `32`.
        write_graph: Write the model's graph. Defaults to `True`.
        write_grads: Gradient histograms existed in TF 1 graph mode only; `True` raises an
            ``UnavailableError``. Defaults to `False`.
        write_images: Write weights as images. Defaults to `False`.
        embeddings_freq: Epochs between saving embedding layers for the projector. Defaults to `0`.
        embeddings_layer_names: TF 1 only (the projector of selected layers on ``embeddings_data``);
            anything but `None` raises an ``UnavailableError``. Defaults to `None`.
        embeddings_metadata: A file name, or a named list from layer name to metadata file. Defaults
            to `None`.
        embeddings_data: TF 1 only, as ``embeddings_layer_names``. Defaults to `None`.
        update_freq: ``"epoch"``, ``"batch"`` or a number of batches between writes (Keras 2.2.4
            counted samples; Keras 3 counts batches). Defaults to `"epoch"`.

    Returns:
        A ``keras.callbacks.TensorBoard``. Without the Python package tensorboard, its scalars,
        histograms and images are written with TensorFlow's core ``tf.summary.write`` in
        TensorBoard's formats (the event files read the same).

    Mirrors ``keras::callback_tensorboard()`` of R keras 2.2.4.
    """
    if as_flag(write_grads, "write_grads"):
        raise unavailable("callback_tensorboard(write_grads = TRUE)",
                          "gradient histograms were computed by the TF 1 graph-mode callback only",
                          "callback_tensorboard(histogram_freq = 1) for weight histograms, or log gradients "
                          "yourself with tf$summary$histogram() inside a GradientTape loop")
    tf1_only = (("embeddings_layer_names", embeddings_layer_names), ("embeddings_data", embeddings_data))
    for name, value in tf1_only:
        if value is not None:
            raise unavailable(f"callback_tensorboard({name} = ...)",
                              "projecting chosen layers' outputs on given data was a TF 1 graph-mode feature",
                              "callback_tensorboard(embeddings_freq = 1) to save the embedding layers' "
                              "weights")
    as_integer(batch_size, "batch_size", minimum=1)
    if isinstance(update_freq, str):
        if update_freq not in ("epoch", "batch"):
            raise bad_argument("update_freq", update_freq, '"epoch", "batch" or a number of batches')
    else:
        update_freq = as_integer(update_freq, "update_freq", minimum=1)
    if embeddings_metadata is not None and not isinstance(embeddings_metadata, (str, dict)):
        raise bad_argument("embeddings_metadata", embeddings_metadata,
                           "a file name or a named list from layer name to file name", error=TypeError)
    log_dir = "logs" if log_dir is None else os.path.expanduser(_string(log_dir, "log_dir"))
    embeddings_freq = as_integer(embeddings_freq, "embeddings_freq", minimum=0)
    if embeddings_freq and not _have_tensorboard():
        raise unavailable("callback_tensorboard(embeddings_freq > 0)", "the projector's configuration is "
                          "written with the Python package tensorboard, which is not installed here",
                          "callback_tensorboard(embeddings_freq = 0), or install tensorboard in the "
                          "project's Python environment")
    return TensorBoard(
        log_dir=log_dir, histogram_freq=as_integer(histogram_freq, "histogram_freq", minimum=0),
        write_graph=as_flag(write_graph, "write_graph"), write_images=as_flag(write_images, "write_images"),
        update_freq=update_freq, embeddings_freq=embeddings_freq, embeddings_metadata=embeddings_metadata,
    )


def _have_tensorboard() -> bool:
    import importlib.util

    return importlib.util.find_spec("tensorboard") is not None


class _CoreSummaries:
    """``tf.summary`` where TensorBoard's own scalar, histogram and image ops are missing.

    TensorFlow ships ``tf.summary.scalar/histogram/image`` as stubs that need the Python package
    tensorboard. Without it, these write the same records with TensorFlow's core
    ``tf.summary.write`` and the metadata of TensorBoard's plugins, so the event files read the same
    in TensorBoard. Everything else is ``tf.summary`` itself.
    """

    def __init__(self) -> None:
        import tensorflow as tf

        self._tf = tf
        self._summary = tf.summary

    def __getattr__(self, name: str) -> Any:
        return getattr(self._summary, name)

    def _metadata(self, plugin: str, data_class: int, description: str | None) -> Any:
        from tensorflow.core.framework import summary_pb2

        metadata = summary_pb2.SummaryMetadata()
        metadata.plugin_data.plugin_name = plugin
        metadata.plugin_data.content = b""
        metadata.data_class = data_class
        if description:
            metadata.summary_description = description
        return metadata

    def _write(self, name: str, tensor: Any, step: Any, metadata: Any) -> Any:
        with self._summary.experimental.summary_scope(name, metadata.plugin_data.plugin_name) as (tag, _):
            return self._summary.write(tag=tag, tensor=tensor, step=step, metadata=metadata)

    def scalar(self, name: str, data: Any, step: Any = None, description: str | None = None) -> Any:
        tensor = self._tf.cast(self._tf.convert_to_tensor(data), self._tf.float32)
        return self._write(name, tensor, step, self._metadata("scalars", 1, description))

    def histogram(self, name: str, data: Any, step: Any = None, buckets: int | None = None,
                  description: str | None = None) -> Any:
        values = np.asarray(self._tf.convert_to_tensor(data), dtype=np.float64).reshape(-1)
        k = buckets or 30
        if values.size == 0:
            table = np.zeros((0, 3))
        else:
            low, high = float(values.min()), float(values.max())
            if low == high:
                low, high = low - 0.5, high + 0.5
            counts, edges = np.histogram(values, bins=k, range=(low, high))
            table = np.stack([edges[:-1], edges[1:], counts.astype(np.float64)], axis=1)
        return self._write(name, self._tf.constant(table, self._tf.float64), step,
                           self._metadata("histograms", 2, description))

    def image(self, name: str, data: Any, step: Any = None, max_outputs: int = 3,
              description: str | None = None) -> Any:
        tf = self._tf
        images = tf.convert_to_tensor(data)
        if images.dtype != tf.uint8:
            images = tf.image.convert_image_dtype(images, tf.uint8, saturate=True)
        images = images[:max_outputs]
        encoded = [tf.image.encode_png(images[i]) for i in range(int(images.shape[0]))]
        height, width = int(images.shape[1]), int(images.shape[2])
        tensor = tf.stack([tf.constant(str(width)), tf.constant(str(height))] + encoded)
        return self._write(name, tensor, step, self._metadata("images", 3, description))


class TensorBoard(keras.callbacks.TensorBoard):
    """Keras 3's TensorBoard callback, writing through :class:`_CoreSummaries` when tensorboard is missing."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not _have_tensorboard():
            self._summary_module = _CoreSummaries()


class ReduceLROnPlateau(keras.callbacks.ReduceLROnPlateau):
    """Keras 3's callback, logging the rate as ``lr`` (Keras 2.2.4's name; Keras 3 says ``learning_rate``)."""

    def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
        super().on_epoch_end(epoch, logs)
        if logs is not None and "learning_rate" in logs:
            logs["lr"] = logs.pop("learning_rate")


def callback_reduce_lr_on_plateau(
    monitor: Any = "val_loss", factor: Any = 0.1, patience: Any = 10, verbose: Any = 0, mode: Any = "auto",
    min_delta: Any = 1e-4, cooldown: Any = 0, min_lr: Any = 0,
) -> keras.callbacks.Callback:
    """Reduce the learning rate when a metric has stopped improving.

    Example:
        >>> cb = callback_reduce_lr_on_plateau(monitor="loss", factor=0.5, patience=2)

    Args:
        monitor: Quantity to watch. Defaults to `"val_loss"`.
        factor: Multiplier of the learning rate, in (0, 1). Defaults to `0.1`.
        patience: Epochs without improvement before reducing. Defaults to `10`.
        verbose: 0 quiet, 1 a message per reduction. Defaults to `0`.
        mode: ``"auto"``, ``"min"`` or ``"max"``. Defaults to `"auto"`.
        min_delta: Smallest change that counts as an improvement. Defaults to `1e-4`.
        cooldown: Epochs to wait after a reduction before watching again. Defaults to `0`.
        min_lr: Lower bound of the learning rate. Defaults to `0`.

    Returns:
        A ``keras.callbacks.ReduceLROnPlateau``; the rate of each epoch is in the history as ``lr``.

    Mirrors ``keras::callback_reduce_lr_on_plateau()`` of R keras 2.2.4.
    """
    factor = as_number(factor, "factor")
    if not 0 < factor < 1:
        raise bad_argument("factor", factor, "a number in (0, 1)")
    return ReduceLROnPlateau(
        monitor=_string(monitor, "monitor"), factor=factor,
        patience=as_integer(patience, "patience", minimum=0),
        verbose=as_integer(verbose, "verbose", minimum=0), mode=_mode(mode),
        min_delta=as_number(min_delta, "min_delta", low=0),
        cooldown=as_integer(cooldown, "cooldown", minimum=0),
        min_lr=as_number(min_lr, "min_lr", low=0),
    )


def callback_csv_logger(filename: Any, separator: Any = ",", append: Any = False) -> keras.callbacks.Callback:
    """Write each epoch's results as a row of a CSV file.

    Example:
        >>> cb = callback_csv_logger("history.csv")

    Args:
        filename: The CSV file.
        separator: The field separator. Defaults to `","`.
        append: Append to an existing file (to resume training) instead of overwriting it.
            Defaults to `False`.

    Returns:
        A ``keras.callbacks.CSVLogger``: a header ``epoch,<metrics in sorted order>`` and one row per
        epoch (0-based, as in Keras 2.2.4), flushed at each epoch's end.

    Mirrors ``keras::callback_csv_logger()`` of R keras 2.2.4.
    """
    separator = _string(separator, "separator")
    return keras.callbacks.CSVLogger(os.path.expanduser(_string(filename, "filename")), separator=separator,
                                     append=as_flag(append, "append"))


class LambdaCallback(keras.callbacks.Callback):
    """The hooks given to :func:`callback_lambda`, each called with R keras 2.2.4's arguments."""

    def __init__(self, hooks: dict[str, Callable[..., Any]]):
        super().__init__()
        for name, fn in hooks.items():
            setattr(self, name, _RCallback._hook(name, fn))


def callback_lambda(
    on_epoch_begin: Any = None, on_epoch_end: Any = None, on_batch_begin: Any = None,
    on_batch_end: Any = None,
    on_train_batch_begin: Any = None, on_train_batch_end: Any = None, on_train_begin: Any = None,
    on_train_end: Any = None, on_predict_batch_begin: Any = None, on_predict_batch_end: Any = None,
    on_predict_begin: Any = None, on_predict_end: Any = None, on_test_batch_begin: Any = None,
    on_test_batch_end: Any = None, on_test_begin: Any = None, on_test_end: Any = None,
) -> keras.callbacks.Callback:
    """A callback made of functions, one per moment of training, evaluation or prediction.

    Example:
        >>> cb = callback_lambda(on_epoch_end=lambda epoch, logs: print(epoch, logs["loss"]))

    Args:
        on_epoch_begin: ``function(epoch, logs)`` at the start of each epoch (0-based). Defaults to `None`.
        on_epoch_end: ``function(epoch, logs)`` at the end of each epoch. Defaults to `None`.
        on_batch_begin: ``function(batch, logs)`` before each training batch. Defaults to `None`.
        on_batch_end: ``function(batch, logs)`` after each training batch. Defaults to `None`.
        on_train_batch_begin: As ``on_batch_begin``. Defaults to `None`.
        on_train_batch_end: As ``on_batch_end``. Defaults to `None`.
        on_train_begin: ``function(logs)`` when training starts. Defaults to `None`.
        on_train_end: ``function(logs)`` when training ends. Defaults to `None`.
        on_predict_batch_begin: ``function(batch, logs)``. Defaults to `None`.
        on_predict_batch_end: ``function(batch, logs)``. Defaults to `None`.
        on_predict_begin: ``function(logs)``. Defaults to `None`.
        on_predict_end: ``function(logs)``. Defaults to `None`.
        on_test_batch_begin: ``function(batch, logs)``. Defaults to `None`.
        on_test_batch_end: ``function(batch, logs)``. Defaults to `None`.
        on_test_begin: ``function(logs)``. Defaults to `None`.
        on_test_end: ``function(logs)``. Defaults to `None`.

    Returns:
        A Keras callback. ``logs`` is a named list (dict) of numbers.

    Mirrors ``keras::callback_lambda()`` of R keras 2.2.4 (with the test/predict hooks its TF 2
    successors added).
    """
    given = dict(locals())
    hooks = {name: _function(fn, name) for name, fn in given.items() if fn is not None}
    return LambdaCallback(hooks)


def check_callbacks(value: Any, name: str = "callbacks") -> list[keras.callbacks.Callback] | None:
    """A callback or a list of them as a list, each checked (`None` stays `None`)."""
    if value is None:
        return None
    callbacks = list(value) if isinstance(value, (list, tuple)) else [value]
    for i, cb in enumerate(callbacks):
        if not isinstance(cb, keras.callbacks.Callback):
            raise bad_argument(f"{name}[[{i + 1}]]", cb, "a callback such as callback_early_stopping()",
                               error=TypeError)
    return callbacks
