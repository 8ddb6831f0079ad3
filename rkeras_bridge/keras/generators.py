"""``fit_generator``, ``evaluate_generator``, ``predict_generator``: training on batches drawn one at a time.

Keras 3 dropped the ``*_generator`` methods (its ``fit()`` takes generators, but draws from them
on TensorFlow's own threads, where an R function must not run). Here the Keras 2.2.4 loop is
rebuilt on TF 2: each batch is drawn on the calling thread, then ``train_on_batch`` /
``test_on_batch`` / ``predict_on_batch`` run it; callbacks see the same moments as in ``fit()``;
an epoch's loss and metrics are the batch values averaged with the batches' sizes as weights, as
Keras 2.2.4 reported them.

A generator is any of: a function of no arguments returning a batch (an R function, as in R keras
2.2.4), a Python iterator or generator, a Keras ``Sequence``/``PyDataset`` (``flow_images_from_data()``,
``timeseries_generator()``; drawn by index, in shuffled order each epoch for training, as Keras
2.2.4 did) or a ``tf.data`` dataset (started again when it runs out). A batch is ``(x, y)``,
``(x, y, sample_weight)`` or, for prediction, ``(x,)`` or ``x``; R lists arrive as such tuples.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument, describe
from .callbacks import check_callbacks
from .models import _check_model, _class_weight, _verbose, history_result

__all__ = ["fit_generator", "evaluate_generator", "predict_generator"]


def _is_sequence(generator: Any) -> bool:
    return (hasattr(generator, "__getitem__") and hasattr(generator, "__len__")
            and not isinstance(generator, (list, tuple, dict, str, bytes, np.ndarray)))


def _is_dataset(generator: Any) -> bool:
    import tensorflow as tf

    return isinstance(generator, tf.data.Dataset)


def _check_generator(generator: Any, name: str = "generator") -> None:
    if generator is None or not (callable(generator) or _is_sequence(generator) or _is_dataset(generator)
                                 or hasattr(generator, "__next__")):
        raise bad_argument(name, generator, "a generator: a function returning list(x, y), an iterator, "
                           "a Keras Sequence (e.g. flow_images_from_data()) or a dataset", error=TypeError)


class _Batches:
    """Draws batches from a generator on the calling thread, Keras 2.2.4's way for each kind."""

    def __init__(self, generator: Any, shuffle: bool, name: str = "generator"):
        _check_generator(generator, name)
        self.generator = generator
        self.name = name
        self.shuffle = shuffle
        self.drawn = 0
        self._order: list[int] = []
        self._iterator: Iterator[Any] | None = None

    def __len__(self) -> int:
        return len(self.generator)

    def next(self) -> Any:
        g = self.generator
        if _is_dataset(g):
            batch = self._next_from_dataset()
        elif _is_sequence(g):
            if not self._order:
                if self.drawn:
                    # A Sequence is told when it has been seen whole, to reshuffle or refresh itself.
                    getattr(g, "on_epoch_end", lambda: None)()
                self._order = list(range(len(g)))
                if self.shuffle:
                    random.shuffle(self._order)
            batch = g[self._order.pop(0)]
        elif hasattr(g, "__next__"):
            try:
                batch = next(g)
            except StopIteration:
                raise ValueError(f"Invalid value for argument `{self.name}`: expected a generator that "
                                 f"yields as many batches as asked for; it stopped after {self.drawn}. "
                                 f"Received: {self.name}={describe(g)}") from None
        else:
            batch = g()
        self.drawn += 1
        return batch

    def _next_from_dataset(self) -> Any:
        for _ in range(2):
            if self._iterator is None:
                self._iterator = iter(self.generator)
            try:
                return next(self._iterator)
            except StopIteration:
                self._iterator = None
        raise bad_argument(self.name, self.generator, "a dataset with at least one batch")


def _standardize(data: Any) -> Any:
    """Inputs/targets as arrays: numbers and 1-d arrays become a column, as Keras 2.2.4 did."""
    if data is None or hasattr(data, "dtype") and not isinstance(data, np.ndarray):
        return data  # tensors stay as they are
    if isinstance(data, (list, tuple)):
        return [_standardize(d) for d in data]
    if isinstance(data, dict):
        return {k: _standardize(v) for k, v in data.items()}
    array = np.asarray(data)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.ndim == 1:
        array = array[:, None]
    return array


def _unwrap(x: Any) -> Any:
    return x[0] if isinstance(x, list) and len(x) == 1 else x


def _split(batch: Any, name: str, targets: bool) -> tuple[Any, Any, Any]:
    """``(x, y, sample_weight)`` of one generator output."""
    if isinstance(batch, tuple) or (targets and isinstance(batch, list) and len(batch) in (2, 3)):
        parts = tuple(batch)
    else:
        parts = (batch,)
    if targets and len(parts) not in (2, 3):
        raise ValueError(f"Invalid value for argument `{name}`: expected each batch to be list(x, y) or "
                         f"list(x, y, sample_weight). Received: a batch of {len(parts)} element(s): "
                         f"{describe(batch)}")
    if not targets:
        if len(parts) > 3:
            raise ValueError(f"Invalid value for argument `{name}`: expected each batch to be x, list(x), "
                             f"list(x, y) or list(x, y, sample_weight). Received: {describe(batch)}")
        parts = parts[:1]
    x = _unwrap(_standardize(parts[0]))
    y = _unwrap(_standardize(parts[1])) if len(parts) > 1 else None
    weights = parts[2] if len(parts) > 2 else None
    if weights is not None and not hasattr(weights, "dtype"):
        weights = np.asarray(weights)
    return x, y, weights


def _size(x: Any) -> int:
    first = x
    while isinstance(first, (list, tuple)) and first:
        first = first[0]
    if isinstance(first, dict):
        first = next(iter(first.values()))
    shape = getattr(first, "shape", None)
    return int(shape[0]) if shape is not None and len(shape) and shape[0] is not None else 1


class _Average:
    """Keras 2.2.4's ``BaseLogger``: batch values averaged with the batch sizes as weights."""

    def __init__(self) -> None:
        self.sums: dict[str, float] = {}
        self.seen = 0

    def add(self, logs: dict[str, Any], size: int) -> None:
        self.seen += size
        for k, v in logs.items():
            self.sums[k] = self.sums.get(k, 0.0) + float(np.asarray(v)) * size

    def result(self) -> dict[str, float]:
        return {k: v / self.seen for k, v in self.sums.items()} if self.seen else {}


def _steps(value: Any, name: str, batches: _Batches) -> int:
    if value is None:
        if _is_sequence(batches.generator):
            return len(batches)
        raise bad_argument(name, value, "the number of batches to draw per epoch (a positive integer); "
                           "only a Sequence knows its own length")
    return as_integer(value, name, minimum=1)


def _evaluate_batches(model: Any, batches: _Batches, steps: int, callbacks: Any = None) -> dict[str, float]:
    average = _Average()
    for step in range(steps):
        x, y, weights = _split(batches.next(), batches.name, targets=True)
        if callbacks is not None:
            callbacks.on_test_batch_begin(step)
        logs = model.test_on_batch(x, y, sample_weight=weights, return_dict=True)
        if callbacks is not None:
            callbacks.on_test_batch_end(step, logs)
        average.add(logs, _size(x))
    return average.result()


def fit_generator(
    object: Any, generator: Any, steps_per_epoch: Any = None, epochs: Any = 1, verbose: Any = 1,
    callbacks: Any = None, view_metrics: Any = "auto", validation_data: Any = None,
    validation_steps: Any = None,
    class_weight: Any = None, max_queue_size: Any = 10, workers: Any = 1, initial_epoch: Any = 0,
) -> dict[str, Any]:
    """Train a compiled model on batches drawn from a generator, ``steps_per_epoch`` per epoch.

    Example:
        >>> def sampler():
        ...     rows = np.random.randint(0, 1000, 32)
        ...     return (x_train[rows], y_train[rows])
        >>> history = fit_generator(model, sampler, steps_per_epoch=10, epochs=5, verbose=0)

    Args:
        object: The compiled model.
        generator: What yields the batches (see the module notes): ``list(x, y)`` or
            ``list(x, y, sample_weight)`` each time.
        steps_per_epoch: Batches per epoch. Defaults to `None`: the length of a Sequence (required
            for other generators).
        epochs: Index of the last epoch (with ``initial_epoch``). Defaults to `1`.
        verbose: 0 silent, 1 progress bar, 2 one line per epoch. Defaults to `1`.
        callbacks: A callback or a list of them. Defaults to `None`.
        view_metrics: Ignored (R keras 2.x's live plot in RStudio). Defaults to `"auto"`.
        validation_data: A generator (with ``validation_steps``) or ``list(x_val, y_val)``
            (``list(x_val, y_val, sample_weight)``), evaluated at each epoch's end. Defaults to `None`.
        validation_steps: Batches drawn from a validation generator. Defaults to `None` (its length for
            a Sequence).
        class_weight: Named list from class index to weight. Defaults to `None`.
        max_queue_size: Batches Keras 2.2.4 prepared ahead on worker threads. Here batches are drawn
            on the calling thread as they are needed (as R keras 2.2.4 did for R generators, which
            must run on R's thread), so the queue never holds more than one. Defaults to `10`.
        workers: Worker threads of Keras 2.2.4's queue; as ``max_queue_size``, drawing happens on the
            calling thread, so the results are those of ``workers = 1``. Defaults to `1`.
        initial_epoch: Epoch to start at (to resume). Defaults to `0`.

    Returns:
        The history, as :func:`fit` returns it.

    Mirrors ``keras::fit_generator()`` of R keras 2.2.4.
    """
    _check_model(object)
    object._assert_compile_called("fit_generator")
    batches = _Batches(generator, shuffle=True)
    steps = _steps(steps_per_epoch, "steps_per_epoch", batches)
    epochs = as_integer(epochs, "epochs", minimum=0)
    initial_epoch = as_integer(initial_epoch, "initial_epoch", minimum=0)
    verbose = _verbose(verbose)
    verbose = 1 if verbose == "auto" else verbose
    as_integer(max_queue_size, "max_queue_size", minimum=1)
    as_integer(workers, "workers", minimum=0)
    class_weight = _class_weight(class_weight)
    validation = None
    if validation_data is not None:
        if isinstance(validation_data, (list, tuple)) and not callable(validation_data):
            if len(validation_data) not in (2, 3):
                raise bad_argument("validation_data", validation_data, "a generator, list(x_val, y_val) "
                                   "or list(x_val, y_val, val_sample_weights)")
            validation = tuple(_standardize(v) if i < 2 else v for i, v in enumerate(validation_data))
        else:
            validation = _Batches(validation_data, shuffle=False, name="validation_data")
            validation_steps = _steps(validation_steps, "validation_steps", validation)
    callback_list = keras.callbacks.CallbackList(
        check_callbacks(callbacks), add_history=True, add_progbar=verbose != 0, model=object,
        verbose=verbose, epochs=epochs, steps=steps,
    )
    object.stop_training = False
    callback_list.on_train_begin()
    batch_size = None
    logs: dict[str, Any] = {}
    for epoch in range(initial_epoch, epochs):
        callback_list.on_epoch_begin(epoch)
        average = _Average()
        for step in range(steps):
            x, y, weights = _split(batches.next(), "generator", targets=True)
            callback_list.on_train_batch_begin(step)
            batch_logs = object.train_on_batch(x, y, sample_weight=weights, class_weight=class_weight,
                                               return_dict=True)
            batch_size = _size(x)
            average.add(batch_logs, batch_size)
            callback_list.on_train_batch_end(step, batch_logs)
            if object.stop_training:
                break
        logs = average.result()
        if validation is not None:
            if isinstance(validation, _Batches):
                val_logs = _evaluate_batches(object, validation, validation_steps)
            else:
                val_x, val_y, *val_weights = validation
                val_logs = object.evaluate(val_x, val_y, batch_size=batch_size, verbose=0, return_dict=True,
                                           sample_weight=val_weights[0] if val_weights else None)
            logs.update({f"val_{k}": float(v) for k, v in val_logs.items()})
        callback_list.on_epoch_end(epoch, logs)
        if object.stop_training:
            break
    callback_list.on_train_end(logs)
    params = dict(callback_list.params or {}, verbose=verbose, epochs=epochs, steps=steps, samples=None,
                  batch_size=None, do_validation=validation is not None, validation_samples=None)
    return history_result(params, object.history.history if object.history is not None else {})


def evaluate_generator(object: Any, generator: Any, steps: Any = None, max_queue_size: Any = 10,
                       workers: Any = 1, callbacks: Any = None) -> dict[str, float]:
    """The loss and metrics of a compiled model on batches drawn from a generator.

    Example:
        >>> scores = evaluate_generator(model, sampler, steps=10)

    Args:
        object: The compiled model.
        generator: What yields ``list(x, y)`` (or ``list(x, y, sample_weight)``) batches.
        steps: Batches to draw. Defaults to `None`: the length of a Sequence (required otherwise).
        max_queue_size: See :func:`fit_generator`. Defaults to `10`.
        workers: See :func:`fit_generator`. Defaults to `1`.
        callbacks: Callbacks, told of the evaluation's begin/end and of each batch. Defaults to `None`.

    Returns:
        A dict (R: named list) from ``"loss"`` and each metric name to its value, averaged over the
        batches with their sizes as weights.

    Mirrors ``keras::evaluate_generator()`` of R keras 2.2.4.
    """
    _check_model(object)
    object._assert_compile_called("evaluate_generator")
    batches = _Batches(generator, shuffle=False)
    steps = _steps(steps, "steps", batches)
    as_integer(max_queue_size, "max_queue_size", minimum=1)
    as_integer(workers, "workers", minimum=0)
    callback_list = keras.callbacks.CallbackList(check_callbacks(callbacks), model=object, verbose=0,
                                                 epochs=1, steps=steps)
    callback_list.on_test_begin()
    logs = _evaluate_batches(object, batches, steps, callback_list)
    callback_list.on_test_end(logs)
    return logs


def _concatenate(outputs: list[Any]) -> Any:
    first = outputs[0]
    if isinstance(first, (list, tuple)):
        return [np.concatenate([np.asarray(o[i]) for o in outputs], axis=0) for i in range(len(first))]
    if isinstance(first, dict):
        return {k: np.concatenate([np.asarray(o[k]) for o in outputs], axis=0) for k in first}
    return np.concatenate([np.asarray(o) for o in outputs], axis=0)


def predict_generator(object: Any, generator: Any, steps: Any = None, max_queue_size: Any = 10,
                      workers: Any = 1, verbose: Any = 0, callbacks: Any = None) -> Any:
    """The model's outputs for the inputs drawn from a generator, batch after batch.

    Example:
        >>> preds = predict_generator(model, sampler, steps=10)

    Args:
        object: The model.
        generator: What yields the inputs: ``x``, ``list(x)``, or ``list(x, y, ...)`` (targets ignored).
        steps: Batches to draw. Defaults to `None`: the length of a Sequence (required otherwise).
        max_queue_size: See :func:`fit_generator`. Defaults to `10`.
        workers: See :func:`fit_generator`. Defaults to `1`.
        verbose: 0 silent, 1 progress bar. Defaults to `0`.
        callbacks: Callbacks, told of the prediction's begin/end and of each batch. Defaults to `None`.

    Returns:
        The predictions of all batches, joined along the first axis (a list of arrays for several
        outputs).

    Mirrors ``keras::predict_generator()`` of R keras 2.2.4.
    """
    _check_model(object)
    batches = _Batches(generator, shuffle=False)
    steps = _steps(steps, "steps", batches)
    as_integer(max_queue_size, "max_queue_size", minimum=1)
    as_integer(workers, "workers", minimum=0)
    verbose = _verbose(verbose)
    callback_list = keras.callbacks.CallbackList(check_callbacks(callbacks), model=object,
                                                 add_progbar=verbose not in (0, "auto"), verbose=verbose,
                                                 epochs=1, steps=steps)
    callback_list.on_predict_begin()
    outputs = []
    for step in range(steps):
        x, _, _ = _split(batches.next(), "generator", targets=False)
        callback_list.on_predict_batch_begin(step)
        out = object.predict_on_batch(x)
        callback_list.on_predict_batch_end(step, {"outputs": out})
        outputs.append(out)
    callback_list.on_predict_end()
    return _concatenate(outputs)
