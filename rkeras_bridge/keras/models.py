"""Models and training with R keras 2.x names: build, compile, fit, evaluate, predict, weights.

``fit`` returns the training history as ``{"params": ..., "metrics": {"loss": [...], ...}}``, one
value per epoch, the shape of R keras 2.x's ``keras_training_history``.

``save_model_weights_tf`` writes a TensorFlow checkpoint, as R keras 2.x's TF format did:
``filepath`` is a prefix, the files are ``<filepath>.index`` and ``<filepath>.data-*``. Keras 3 has
no TF format (its ``save_weights`` writes ``.weights.h5`` only), so the bridge writes the model with
``tf.train.Checkpoint(model = object)``: variables are matched by the model's attribute structure
(``self$dense1`` ...), not by order, and a model not built yet gets its weights when it is first
called (deferred restoration, as in TF 1 eager mode).
"""

from __future__ import annotations

import os
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_number, refuse_non_finite
from ..bridge.errors import bad_argument, describe, unavailable
from .callbacks import check_callbacks

__all__ = [
    "keras_model",
    "keras_model_sequential",
    "compile",
    "fit",
    "evaluate",
    "predict",
    "train_on_batch",
    "test_on_batch",
    "predict_on_batch",
    "predict_proba",
    "predict_classes",
    "summary",
    "get_layer",
    "pop_layer",
    "clone_model",
    "multi_gpu_model",
    "get_weights",
    "set_weights",
    "save_model_weights_tf",
    "load_model_weights_tf",
]


def _check_model(object: Any, name: str = "object") -> None:
    if not isinstance(object, keras.Model):
        raise bad_argument(name, object, "a Keras model (keras_model(), keras_model_sequential(), "
                           "keras_model_custom())", error=TypeError)


def _as_list(value: Any) -> list[Any] | None:
    if value is None:
        return None
    return list(value) if isinstance(value, (list, tuple)) else [value]


def keras_model(inputs: Any, outputs: Any = None, name: str | None = None) -> keras.Model:
    """A functional model from input tensors to output tensors.

    Example:
        >>> inputs = layer_input(shape=3)
        >>> model = keras_model(inputs, layer_dense(inputs, units=1))

    Args:
        inputs: An input tensor (:func:`layer_input`) or a list of them.
        outputs: The output tensor or a list of them.
        name: The model's name. Defaults to `None`.

    Returns:
        A ``keras.Model``.

    Mirrors ``keras::keras_model()`` of R keras 2.x.
    """
    if outputs is None:
        raise bad_argument("outputs", outputs, "the output tensor(s) computed from `inputs`")
    return keras.Model(inputs=inputs, outputs=outputs, name=name)


def keras_model_sequential(layers: Any = None, name: str | None = None) -> keras.Sequential:
    """A linear stack of layers; add layers with ``model %>% layer_dense(...)``.

    Example:
        >>> model = keras_model_sequential()
        >>> model = layer_dense(model, units=1, input_shape=3)

    Args:
        layers: A layer or a list of layers to start with. Defaults to `None`.
        name: The model's name. Defaults to `None`.

    Returns:
        A ``keras.Sequential`` model. The first layer's ``input_shape`` (or an input from
        :func:`layer_input`) builds it; otherwise it is built on its first call.

    Mirrors ``keras::keras_model_sequential()`` of R keras 2.x.
    """
    if name is not None and not isinstance(name, str):
        raise bad_argument("name", name, "a string or NULL/None", error=TypeError)
    return keras.Sequential(_as_list(layers), name=name)


def compile(
    object: Any, optimizer: Any = None, loss: Any = None, metrics: Any = None, loss_weights: Any = None,
    sample_weight_mode: Any = None, weighted_metrics: Any = None, target_tensors: Any = None, **kwargs: Any,
) -> Any:
    """Configure a model for training: optimizer, loss and metrics.

    Example:
        >>> model = compile(model, optimizer="adam", loss="mse", metrics="mae")

    Args:
        object: The model.
        optimizer: A name (``"adam"``, ``"sgd"``, ``"rmsprop"``) or an optimizer object, e.g.
            ``tf$train$AdamOptimizer()`` or a Keras optimizer.
        loss: A name (``"mse"``, ``"binary_crossentropy"`` ...) or a function
            ``(y_true, y_pred)``. Defaults to `None` (only losses the model adds itself).
        metrics: A name or a list of names/metric objects. Defaults to `None`.
        loss_weights: Weights of the losses of a model with several outputs. Defaults to `None`.
        sample_weight_mode: Not supported by Keras 3 (only `None`). Defaults to `None`.
        weighted_metrics: Metrics weighted by ``sample_weight``. Defaults to `None`.
        target_tensors: Not supported by Keras 3 (only `None`). Defaults to `None`.
        **kwargs: Further ``keras.Model.compile`` arguments (``run_eagerly``, ...).

    Returns:
        The model, compiled in place (R returns it invisibly).

    Mirrors ``keras::compile()`` of R keras 2.x.
    """
    _check_model(object)
    if optimizer is None:
        raise bad_argument("optimizer", optimizer, 'an optimizer name such as "adam", or an optimizer object')
    for name, value in (("sample_weight_mode", sample_weight_mode), ("target_tensors", target_tensors)):
        if value is not None:
            raise bad_argument(name, value, "NULL/None (Keras 3 has no such option)")
    # One metric (a name, a function, a metric object) is a list of one, as R keras 2.2.4 made it.
    if metrics is not None and not isinstance(metrics, (list, tuple, dict)):
        metrics = [metrics]
    if weighted_metrics is not None and not isinstance(weighted_metrics, (list, tuple, dict)):
        weighted_metrics = [weighted_metrics]
    object.compile(optimizer=optimizer, loss=loss, metrics=metrics, loss_weights=loss_weights,
                   weighted_metrics=weighted_metrics, **kwargs)
    return object


def _verbose(value: Any) -> int | str:
    if value == "auto":
        return "auto"
    return as_integer(value, "verbose", minimum=0)


def _validation_data(value: Any) -> Any:
    if value is None or not isinstance(value, (list, tuple)):
        return value
    if len(value) not in (2, 3):
        raise bad_argument("validation_data", value,
                           "list(x_val, y_val) or list(x_val, y_val, val_sample_weights)")
    return tuple(value)


def _class_weight(value: Any) -> dict[int, float] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise bad_argument("class_weight", value, 'a named list such as list("0" = 1, "1" = 5)',
                           error=TypeError)
    weights = {}
    for key, weight in value.items():
        try:
            # R list names are strings: list("0" = 1, "1" = 5).
            index = int(key) if isinstance(key, str) else as_integer(key, "class_weight")
        except ValueError:
            raise bad_argument("class_weight", value, "names that are class indices (0, 1, ...)") from None
        weights[index] = as_number(weight, f"class_weight[[{key!r}]]", low=0)
    return weights


def _callbacks(value: Any) -> list[Any] | None:
    return check_callbacks(value)


def fit(
    object: Any, x: Any = None, y: Any = None, batch_size: Any = None, epochs: Any = 10, verbose: Any = 1,
    callbacks: Any = None, view_metrics: Any = "auto", validation_split: Any = 0.0,
    validation_data: Any = None, shuffle: Any = True, class_weight: Any = None, sample_weight: Any = None,
    initial_epoch: Any = 0, steps_per_epoch: Any = None, validation_steps: Any = None, **kwargs: Any,
) -> dict[str, Any]:
    """Train a compiled model for a number of epochs.

    Example:
        >>> history = fit(model, x, y, epochs=5, batch_size=32, verbose=0)
        >>> history["metrics"]["loss"]

    Args:
        object: The compiled model.
        x: Inputs: an array, a list of arrays (several inputs) or a dataset.
        y: Targets. Defaults to `None` (a dataset gives both).
        batch_size: Examples per gradient step. Defaults to `None` (32).
        epochs: Number of passes over the data. Defaults to `10`.
        verbose: 0 silent, 1 progress bar, 2 one line per epoch. Defaults to `1`.
        callbacks: A callback or a list of them, e.g. ``list(callback_early_stopping())``.
            Defaults to `None`.
        view_metrics: Ignored (R keras 2.x's live plot in RStudio). Defaults to `"auto"`.
        validation_split: Fraction of the data (the last examples) held out. Defaults to `0`.
        validation_data: ``list(x_val, y_val)``. Defaults to `None`.
        shuffle: Shuffle the examples every epoch. Defaults to `True`.
        class_weight: Named list from class index to weight. Defaults to `None`.
        sample_weight: Per-example weights. Defaults to `None`.
        initial_epoch: Epoch to start at (to resume). Defaults to `0`.
        steps_per_epoch: Batches per epoch. Defaults to `None` (the whole data).
        validation_steps: Validation batches. Defaults to `None`.
        **kwargs: Further ``keras.Model.fit`` arguments.

    Returns:
        ``{"params": {...}, "metrics": {"loss": [...], "val_loss": [...], ...}}`` with one float per
        epoch run (fewer than ``epochs`` when early stopping ends training). ``params`` holds Keras's
        ``epochs``, ``steps`` and ``verbose`` and, as R keras 2.2.4's history did, ``samples``,
        ``batch_size``, ``do_validation`` and ``validation_samples`` (R prints them).

    Mirrors ``keras::fit()`` of R keras 2.x.
    """
    _check_model(object)
    for name, value in (("x", x), ("y", y), ("validation_data", validation_data)):
        refuse_non_finite(value, name)
    batch_size = _batch_size(batch_size, x)
    validation_split = as_number(validation_split, "validation_split", low=0, high=1, high_open=True)
    validation_data = _validation_data(validation_data)
    shuffle = as_flag(shuffle, "shuffle")
    history = object.fit(
        x=x, y=y, batch_size=batch_size,
        epochs=as_integer(epochs, "epochs", minimum=0), verbose=_verbose(verbose),
        callbacks=_callbacks(callbacks), validation_split=validation_split,
        # A dataset comes batched and shuffled as it is (Keras ignores `shuffle` for it, with a warning).
        validation_data=validation_data, shuffle=shuffle and not _is_dataset(x),
        class_weight=_class_weight(class_weight), sample_weight=sample_weight,
        initial_epoch=as_integer(initial_epoch, "initial_epoch", minimum=0),
        steps_per_epoch=as_integer(steps_per_epoch, "steps_per_epoch", minimum=1, allow_none=True),
        validation_steps=as_integer(validation_steps, "validation_steps", minimum=1, allow_none=True),
        **kwargs,
    )
    params = {k: v for k, v in (history.params or {}).items() if isinstance(v, (int, float, str, bool))}
    # What R keras 2.2.4's history print reads: samples, batch size, validation.
    samples = _n_examples(x)
    validation_samples = _n_examples(validation_data[0]) if isinstance(validation_data, tuple) else None
    if samples is not None and validation_split and validation_data is None:
        train = int(np.floor(samples * (1.0 - validation_split)))
        samples, validation_samples = train, samples - train
    params.update(samples=samples, batch_size=batch_size if samples is None else batch_size or 32,
                  do_validation=validation_data is not None or bool(validation_split),
                  validation_samples=validation_samples)
    return history_result(params, history.history)


def _is_dataset(x: Any) -> bool:
    import tensorflow as tf

    return isinstance(x, tf.data.Dataset)


def _batch_size(value: Any, x: Any) -> int | None:
    """``batch_size``, refused for a dataset (it is batched already), as R keras 2.2.4 refused it."""
    batch_size = as_integer(value, "batch_size", minimum=1, allow_none=True)
    if batch_size is not None and _is_dataset(x):
        raise bad_argument("batch_size", value, "NULL/None when `x` is a dataset: a dataset is batched "
                           "already (dataset_batch())")
    return batch_size


def _n_examples(x: Any) -> int | None:
    """The number of examples in array data (`None` for datasets and generators)."""
    first = x[0] if isinstance(x, (list, tuple)) and x else x
    if isinstance(first, dict):
        first = next(iter(first.values()), None)
    shape = getattr(first, "shape", None)
    if shape is None or not len(shape) or shape[0] is None or hasattr(x, "element_spec"):
        return None
    return int(shape[0])


def history_result(params: dict[str, Any], history: dict[str, Any]) -> dict[str, Any]:
    """The training history as R keras 2.2.4's ``keras_training_history``: ``params`` and ``metrics``."""
    metrics = {k: [float(v) for v in values] for k, values in history.items()}
    return {"params": params, "metrics": metrics}


def evaluate(
    object: Any, x: Any = None, y: Any = None, batch_size: Any = None, verbose: Any = 1,
    sample_weight: Any = None, steps: Any = None, callbacks: Any = None, **kwargs: Any,
) -> dict[str, float]:
    """The loss and metrics of a compiled model on data.

    Example:
        >>> scores = evaluate(model, x, y, verbose=0)
        >>> scores["loss"]

    Args:
        object: The compiled model.
        x: Inputs.
        y: Targets. Defaults to `None`.
        batch_size: Defaults to `None` (32).
        verbose: 0 or 1. Defaults to `1`.
        sample_weight: Per-example weights. Defaults to `None`.
        steps: Number of batches. Defaults to `None` (all data).
        callbacks: Defaults to `None`.
        **kwargs: Further ``keras.Model.evaluate`` arguments.

    Returns:
        A dict (R: named list) from ``"loss"`` and each metric name to its value.

    Mirrors ``keras::evaluate()`` of R keras 2.x.
    """
    _check_model(object)
    result = object.evaluate(
        x=x, y=y, batch_size=_batch_size(batch_size, x),
        verbose=_verbose(verbose), sample_weight=sample_weight,
        steps=as_integer(steps, "steps", minimum=1, allow_none=True), callbacks=_callbacks(callbacks),
        return_dict=True, **kwargs,
    )
    return {k: float(v) for k, v in result.items()}


def predict(object: Any, x: Any = None, batch_size: Any = None, verbose: Any = 0, steps: Any = None,
            callbacks: Any = None, **kwargs: Any) -> Any:
    """The model's outputs for ``x``, computed batch by batch in inference mode.

    Example:
        >>> preds = predict(model, x)

    Args:
        object: The model (compiled or not).
        x: Inputs.
        batch_size: Defaults to `None` (32).
        verbose: Defaults to `0`.
        steps: Number of batches. Defaults to `None` (all data).
        callbacks: Defaults to `None`.
        **kwargs: Further ``keras.Model.predict`` arguments.

    Returns:
        An array (a list of arrays for several outputs), equal to ``model(x)``.

    Mirrors ``predict()`` for Keras models of R keras 2.x.
    """
    _check_model(object)
    if x is None:
        raise bad_argument("x", x, "the inputs to predict for")
    return object.predict(
        x, batch_size=_batch_size(batch_size, x),
        verbose=_verbose(verbose), steps=as_integer(steps, "steps", minimum=1, allow_none=True),
        callbacks=_callbacks(callbacks), **kwargs,
    )


def _batch_logs(object: Any, logs: dict[str, Any]) -> Any:
    """Keras 2.2.4's result of ``*_on_batch``: the loss alone, or loss and metrics as a list, in order."""
    values = object._flatten_metrics_in_order(logs)
    if not isinstance(values, (list, tuple)):
        values = [values]
    values = [float(np.asarray(v)) for v in values]
    return values[0] if len(values) == 1 else values


def train_on_batch(object: Any, x: Any, y: Any, class_weight: Any = None, sample_weight: Any = None) -> Any:
    """One gradient update on one batch of data.

    Example:
        >>> loss = train_on_batch(model, x_batch, y_batch)

    Args:
        object: The compiled model.
        x: Inputs of the batch (an array or a list of arrays).
        y: Targets of the batch.
        class_weight: Named list from class index to weight. Defaults to `None`.
        sample_weight: Per-example weights. Defaults to `None`.

    Returns:
        The loss on the batch (before the update's effect, as Keras computes it in the step), or a
        list of the loss and the metrics when the model has metrics or several outputs.

    Mirrors ``keras::train_on_batch()`` of R keras 2.2.4.
    """
    _check_model(object)
    for name, value in (("x", x), ("y", y)):
        refuse_non_finite(value, name)
    logs = object.train_on_batch(x, y, sample_weight=sample_weight, class_weight=_class_weight(class_weight),
                                 return_dict=True)
    return _batch_logs(object, logs)


def test_on_batch(object: Any, x: Any, y: Any, sample_weight: Any = None) -> Any:
    """The loss and metrics of a compiled model on one batch, without updating it.

    Example:
        >>> loss = test_on_batch(model, x_batch, y_batch)

    Args:
        object: The compiled model.
        x: Inputs of the batch.
        y: Targets of the batch.
        sample_weight: Per-example weights. Defaults to `None`.

    Returns:
        The loss, or a list of the loss and the metrics (as :func:`train_on_batch`).

    Mirrors ``keras::test_on_batch()`` of R keras 2.2.4.
    """
    _check_model(object)
    logs = object.test_on_batch(x, y, sample_weight=sample_weight, return_dict=True)
    return _batch_logs(object, logs)


def predict_on_batch(object: Any, x: Any) -> Any:
    """The model's outputs for one batch, in inference mode.

    Example:
        >>> preds = predict_on_batch(model, x_batch)

    Args:
        object: The model.
        x: Inputs of the batch.

    Returns:
        An array (a list of arrays for several outputs).

    Mirrors ``keras::predict_on_batch()`` of R keras 2.2.4.
    """
    _check_model(object)
    if x is None:
        raise bad_argument("x", x, "the inputs to predict for")
    return object.predict_on_batch(x)


def _check_sequential(object: Any, function: str) -> None:
    _check_model(object)
    if not isinstance(object, keras.Sequential):
        raise bad_argument("object", object, f"a sequential model: Keras 2.2.4 had {function}() for "
                           "keras_model_sequential() models only; use predict() for other models",
                           error=TypeError)


def predict_proba(object: Any, x: Any, batch_size: Any = None, verbose: Any = 0, steps: Any = None) -> Any:
    """Class probabilities from a sequential model (its predictions, checked to lie in [0, 1]).

    Example:
        >>> probs = predict_proba(model, x)

    Args:
        object: A sequential model ending in a probability layer (softmax, sigmoid).
        x: Inputs.
        batch_size: Defaults to `None` (32).
        verbose: Defaults to `0`.
        steps: Number of batches. Defaults to `None` (all data).

    Returns:
        The predictions. Values outside [0, 1] give a warning, as in Keras 2.2.4.

    Mirrors ``keras::predict_proba()`` of R keras 2.2.4.
    """
    import warnings

    _check_sequential(object, "predict_proba")
    preds = predict(object, x, batch_size=batch_size, verbose=verbose, steps=steps)
    if np.min(preds) < 0.0 or np.max(preds) > 1.0:
        warnings.warn("Network returning invalid probability values. The last layer might not normalize "
                      "predictions into probabilities (like softmax or sigmoid would).", stacklevel=2)
    return preds


def predict_classes(object: Any, x: Any, batch_size: Any = None, verbose: Any = 0, steps: Any = None) -> Any:
    """Predicted classes from a sequential model: the most probable class, or 0/1 for one output unit.

    Example:
        >>> classes = predict_classes(model, x)

    Args:
        object: A sequential classification model.
        x: Inputs.
        batch_size: Defaults to `None` (32).
        verbose: Defaults to `0`.
        steps: Number of batches. Defaults to `None` (all data).

    Returns:
        An int32 array with one class per example: the 0-based index of the largest output, or
        ``output > 0.5`` when the model has one output unit (as Keras 2.2.4).

    Mirrors ``keras::predict_classes()`` of R keras 2.2.4.
    """
    _check_sequential(object, "predict_classes")
    proba = np.asarray(predict(object, x, batch_size=batch_size, verbose=verbose, steps=steps))
    if proba.shape[-1] > 1:
        return proba.argmax(axis=-1).astype("int32")
    return (proba > 0.5).astype("int32")


def summary(object: Any, line_length: Any = None, positions: Any = None, print_fn: Any = None) -> str:
    """The model's summary table: layers, output shapes, parameter counts.

    Example:
        >>> print(summary(model, line_length=80))

    Args:
        object: The model (a keras_model_custom() model not called yet shows its layers unbuilt).
        line_length: Width of the table. Defaults to `None` (Keras's default; R passes
            ``getOption("width")``).
        positions: Relative or absolute positions of the column ends. Defaults to `None`.
        print_fn: A function to print each line with. Defaults to `None`: the summary is returned,
            not printed.

    Returns:
        The summary as one string (R's ``summary()`` prints it and returns the model invisibly,
        ``format()`` returns it).

    Mirrors ``summary()`` / ``format()`` of Keras models in R keras 2.2.4.
    """
    _check_model(object)
    line_length = as_integer(line_length, "line_length", minimum=20, allow_none=True)
    if positions is not None:
        values = positions if isinstance(positions, (list, tuple)) else [positions]
        positions = [as_number(p, "positions", low=0) for p in values]
    if print_fn is not None and not callable(print_fn):
        raise bad_argument("print_fn", print_fn, "a function or NULL/None", error=TypeError)
    lines: list[str] = []
    object.summary(line_length=line_length, positions=positions,
                   print_fn=lambda text, **_: lines.append(text))
    text = "\n".join(lines)
    if print_fn is not None:
        for line in lines:
            print_fn(line)
    return text


def get_layer(object: Any, name: str | None = None, index: Any = None) -> keras.layers.Layer:
    """A layer of a model, by name or by (1-based) position.

    Example:
        >>> first = get_layer(model, index=1)

    Args:
        object: The model.
        name: The layer's name. Defaults to `None`.
        index: The layer's position, 1 for the first (input layers are not counted), negative
            from the end (-1 the last). Defaults to `None`.

    Returns:
        The layer.

    Mirrors ``keras::get_layer()`` of R keras 2.x (whose ``index`` is 1-based too).
    """
    _check_model(object)
    if (name is None) == (index is None):
        raise bad_argument("name", name, "either `name` or `index` (exactly one of them)")
    layers = object.layers
    if name is not None:
        if not isinstance(name, str):
            raise bad_argument("name", name, "a layer name (a string)", error=TypeError)
        names = [layer.name for layer in layers]
        if name not in names:
            known = ", ".join(names) or "none"
            raise bad_argument("name", name, f"the name of one of the model's layers ({known})")
        return layers[names.index(name)]
    i = as_integer(index, "index")
    n = len(layers)
    if i == 0 or not -n <= i <= n:
        raise bad_argument("index", index, f"a position in 1..{n} or -{n}..-1 (the model has {n} layers)"
                           if n else "a layer position, but the model has no layers yet")
    return layers[i - 1 if i > 0 else i]


def pop_layer(object: Any) -> Any:
    """Remove the last layer of a sequential model.

    Example:
        >>> pop_layer(model)

    Args:
        object: A sequential model with at least one layer.

    Returns:
        ``object``, changed in place (R returns it invisibly).

    Mirrors ``keras::pop_layer()`` of R keras 2.2.4.
    """
    _check_model(object)
    if not isinstance(object, keras.Sequential):
        raise bad_argument("object", object, "a sequential model (keras_model_sequential())", error=TypeError)
    if not object.layers:
        raise bad_argument("object", object, "a sequential model with layers to remove (it has none)")
    object.pop()
    return object


def clone_model(model: Any, input_tensors: Any = None) -> keras.Model:
    """A new model of the same architecture, with freshly initialised weights (not copied).

    Example:
        >>> model2 = clone_model(model)

    Args:
        model: A functional or sequential model.
        input_tensors: Input tensors (from :func:`layer_input`) to build the clone on. Defaults to
            `None` (new inputs).

    Returns:
        The new model, not compiled.

    Mirrors ``keras::clone_model()`` of R keras 2.2.4.
    """
    from keras.src.models.functional import Functional

    _check_model(model, "model")
    if not isinstance(model, (keras.Sequential, Functional)):
        raise bad_argument("model", model, "a functional or sequential model: a keras_model_custom() model "
                           "is defined by code and cannot be cloned (nor could it in Keras 2.2.4); call its "
                           "model function again instead", error=TypeError)
    return keras.models.clone_model(model, input_tensors=input_tensors)


def multi_gpu_model(model: Any, gpus: Any = None, cpu_merge: Any = True, cpu_relocation: Any = False) -> Any:
    """Not available: replicating a model on several GPUs was a TF 1 graph-mode utility that Keras 3 removed.

    Example:
        >>> strategy = mirrored_strategy()  # instead: build and compile the model in its scope

    Args:
        model: The model.
        gpus: Number of GPUs or their indices. Defaults to `None`.
        cpu_merge: Merge the replicas' outputs on the CPU. Defaults to `True`.
        cpu_relocation: Build the model's weights on the CPU. Defaults to `False`.

    Raises:
        UnavailableError: always, saying what to use instead.

    Mirrors ``keras::multi_gpu_model()`` of R keras 2.2.4.
    """
    raise unavailable("multi_gpu_model", "Keras 3 removed it: it sliced each batch across copies of a TF 1 "
                      "graph, one per GPU",
                      "data parallelism with tf$distribute$MirroredStrategy(): build and compile the "
                      "model inside with(strategy$scope(), {...}) and fit() uses every GPU "
                      "(mirrored_strategy() in this package)")


def get_weights(object: Any) -> list[np.ndarray]:
    """The weights of a model or layer as a list of arrays.

    Example:
        >>> kernel, bias = get_weights(layer)

    Args:
        object: A model or a layer.

    Returns:
        A list of arrays, in the order of ``object$weights``.

    Mirrors ``keras::get_weights()`` of R keras 2.x.
    """
    if not isinstance(object, keras.layers.Layer):
        raise bad_argument("object", object, "a Keras model or layer", error=TypeError)
    return [np.asarray(w) for w in object.get_weights()]


def set_weights(object: Any, weights: Any) -> Any:
    """Set the weights of a model or layer from a list of arrays.

    Example:
        >>> set_weights(layer, [np.ones((3, 1)), np.zeros(1)])

    Args:
        object: A model or a layer (built, i.e. with weights).
        weights: A list of arrays, one per weight in the order of :func:`get_weights`. An array
            with as many values as the weight but fewer dimensions (R drops the dimensions of a
            vector: ``c(0.5)`` for a bias of shape (1)) is reshaped, row-major.

    Returns:
        ``object``, its weights set in place (R returns it invisibly).

    Mirrors ``keras::set_weights()`` of R keras 2.x.
    """
    if not isinstance(object, keras.layers.Layer):
        raise bad_argument("object", object, "a Keras model or layer", error=TypeError)
    if not isinstance(weights, (list, tuple)):
        weights = [weights]
    variables = object.weights
    if len(weights) != len(variables):
        paths = ", ".join(v.path for v in variables) or "none; the layer is not built yet"
        raise bad_argument("weights", f"a list of {len(weights)} arrays",
                           f"{len(variables)} arrays (one per weight: {paths})")
    values = []
    for i, (value, variable) in enumerate(zip(weights, variables)):
        array = np.asarray(value)
        shape = tuple(variable.shape)
        if array.shape != shape:
            if array.ndim <= 1 and array.size == int(np.prod(shape)):
                array = array.reshape(shape)
            else:
                raise bad_argument(f"weights[[{i + 1}]]", value,
                                   f"an array of shape {shape} for weight {variable.path}, not {array.shape}")
        values.append(array)
    object.set_weights(values)
    return object


def _prefix(filepath: Any) -> str:
    if not isinstance(filepath, (str, os.PathLike)):
        raise bad_argument("filepath", filepath, "a file path prefix (a string)", error=TypeError)
    return os.path.expanduser(os.fspath(filepath))


def save_model_weights_tf(object: Any, filepath: Any, overwrite: bool = True) -> Any:
    """Save a model's weights as a TensorFlow checkpoint (``<filepath>.index``, ``<filepath>.data-*``).

    Example:
        >>> save_model_weights_tf(model, "weights/model")

    Args:
        object: The model (or a layer).
        filepath: The checkpoint's path prefix; missing folders are created.
        overwrite: Replace an existing checkpoint; otherwise an existing one is an error.
            Defaults to `True`.

    Returns:
        ``object`` (R returns it invisibly).

    Mirrors ``keras::save_model_weights_tf()`` of R keras 2.x; see the module notes for the format.
    """
    import tensorflow as tf

    if not isinstance(object, keras.layers.Layer):
        raise bad_argument("object", object, "a Keras model or layer", error=TypeError)
    prefix = _prefix(filepath)
    if not as_flag(overwrite, "overwrite") and os.path.exists(prefix + ".index"):
        raise FileExistsError(f"Invalid value for argument `filepath`: expected a checkpoint that does not "
                              f"exist yet (or overwrite = TRUE). Received: filepath={describe(filepath)}")
    tf.train.Checkpoint(model=object).write(prefix)
    return object


def load_model_weights_tf(object: Any, filepath: Any, by_name: bool = False, skip_mismatch: bool = False,
                          reshape: bool = False) -> Any:
    """Load weights saved by :func:`save_model_weights_tf` (or ``tf$train$Checkpoint(model = ...)``).

    Example:
        >>> load_model_weights_tf(model, "weights/model")

    Args:
        object: A model of the same architecture. If it is not built yet (a custom model before
            its first call) the weights are assigned when its layers are built.
        filepath: The checkpoint's path prefix.
        by_name: Not supported for checkpoints (only `False`): weights are matched by the
            model's structure. Defaults to `False`.
        skip_mismatch: Not supported (only `False`). Defaults to `False`.
        reshape: Not supported (only `False`). Defaults to `False`.

    Returns:
        ``object`` (R returns it invisibly).

    Raises:
        FileNotFoundError: No checkpoint at ``filepath``.
        ValueError: The checkpoint does not fit the model (a weight missing or of another shape).

    Mirrors ``keras::load_model_weights_tf()`` of R keras 2.x.
    """
    import tensorflow as tf

    if not isinstance(object, keras.layers.Layer):
        raise bad_argument("object", object, "a Keras model or layer", error=TypeError)
    for name, value in (("by_name", by_name), ("skip_mismatch", skip_mismatch), ("reshape", reshape)):
        if as_flag(value, name):
            raise bad_argument(name, value, "FALSE (checkpoints match weights by the model's structure)")
    prefix = _prefix(filepath)
    if not os.path.exists(prefix + ".index"):
        raise FileNotFoundError(f"Invalid value for argument `filepath`: expected the prefix of a checkpoint "
                                f"({prefix}.index not found). Received: filepath={describe(filepath)}")
    status = tf.train.Checkpoint(model=object).read(prefix)
    try:
        status.assert_existing_objects_matched()
    except AssertionError as exc:
        raise ValueError(f"Invalid value for argument `filepath`: expected a checkpoint of this model's "
                         f"weights; {exc}. Received: filepath={describe(filepath)}") from None
    # Optimizer slots and other objects saved beside the model are not wanted here.
    status.expect_partial()
    return object
