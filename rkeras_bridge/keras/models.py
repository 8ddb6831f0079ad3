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
from ..bridge.errors import bad_argument, describe

__all__ = [
    "keras_model",
    "keras_model_sequential",
    "compile",
    "fit",
    "evaluate",
    "predict",
    "callback_early_stopping",
    "get_layer",
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
    if isinstance(metrics, str):
        metrics = [metrics]
    if isinstance(weighted_metrics, str):
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
    callbacks = _as_list(value)
    for i, cb in enumerate(callbacks or []):
        if not isinstance(cb, keras.callbacks.Callback):
            raise bad_argument(f"callbacks[[{i + 1}]]", cb, "a callback such as callback_early_stopping()",
                               error=TypeError)
    return callbacks


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
        epoch run (fewer than ``epochs`` when early stopping ends training).

    Mirrors ``keras::fit()`` of R keras 2.x.
    """
    _check_model(object)
    for name, value in (("x", x), ("y", y), ("validation_data", validation_data)):
        refuse_non_finite(value, name)
    history = object.fit(
        x=x, y=y, batch_size=as_integer(batch_size, "batch_size", minimum=1, allow_none=True),
        epochs=as_integer(epochs, "epochs", minimum=0), verbose=_verbose(verbose),
        callbacks=_callbacks(callbacks),
        validation_split=as_number(validation_split, "validation_split", low=0, high=1, high_open=True),
        validation_data=_validation_data(validation_data), shuffle=as_flag(shuffle, "shuffle"),
        class_weight=_class_weight(class_weight), sample_weight=sample_weight,
        initial_epoch=as_integer(initial_epoch, "initial_epoch", minimum=0),
        steps_per_epoch=as_integer(steps_per_epoch, "steps_per_epoch", minimum=1, allow_none=True),
        validation_steps=as_integer(validation_steps, "validation_steps", minimum=1, allow_none=True),
        **kwargs,
    )
    metrics = {k: [float(v) for v in values] for k, values in history.history.items()}
    params = {k: v for k, v in (history.params or {}).items() if isinstance(v, (int, float, str, bool))}
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
        x=x, y=y, batch_size=as_integer(batch_size, "batch_size", minimum=1, allow_none=True),
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
        x, batch_size=as_integer(batch_size, "batch_size", minimum=1, allow_none=True),
        verbose=_verbose(verbose), steps=as_integer(steps, "steps", minimum=1, allow_none=True),
        callbacks=_callbacks(callbacks), **kwargs,
    )


def callback_early_stopping(
    monitor: str = "val_loss", min_delta: Any = 0, patience: Any = 0, verbose: Any = 0, mode: str = "auto",
    baseline: Any = None, restore_best_weights: bool = False,
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

    Mirrors ``keras::callback_early_stopping()`` of R keras 2.x.
    """
    if not isinstance(monitor, str):
        raise bad_argument("monitor", monitor, 'a metric name such as "val_loss"', error=TypeError)
    if mode not in ("auto", "min", "max"):
        raise bad_argument("mode", mode, '"auto", "min" or "max"')
    return keras.callbacks.EarlyStopping(
        monitor=monitor, min_delta=as_number(min_delta, "min_delta"),
        patience=as_integer(patience, "patience", minimum=0),
        verbose=as_integer(verbose, "verbose", minimum=0),
        mode=mode, baseline=as_number(baseline, "baseline", allow_none=True),
        restore_best_weights=as_flag(restore_best_weights, "restore_best_weights"),
    )


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
