"""``layer_*`` functions: create a Keras 3 layer and, R keras style, compose it with ``object``.

``layer_dense(units = 32)`` returns the layer; ``x %>% layer_dense(32)`` applies it to a tensor;
``model %>% layer_dense(32)`` adds it to a Sequential model and returns the model.

Every function also takes the arguments R keras 2.x gives every layer: ``input_shape``,
``batch_input_shape``, ``batch_size``, ``dtype``, ``name``, ``trainable`` and ``weights``. Keras 3
dropped most of them from ``Layer``; here ``input_shape`` (or ``batch_input_shape`` without its
batch dimension) still gives the first layer of a sequential model its input; a batch size, from
``batch_input_shape`` or else ``batch_size``, makes that input's batch size fixed (as Keras 2 did,
which stateful RNNs need) and is ignored elsewhere; ``weights`` sets the initial weights, which
needs the input shape to build the layer at once.

Two defaults keep 2018 numbers: ``layer_gru`` and ``layer_lstm`` default to R keras 2.x's
``recurrent_activation = "hard_sigmoid"`` (and ``layer_gru`` to ``reset_after = FALSE``), and the
activation name ``"hard_sigmoid"`` means Keras 2's ``clip(0.2 * x + 0.5, 0, 1)`` in every layer
here (Keras 3 renamed that curve's slope to 1/6).

Axis arguments of layers (``layer_batch_normalization(axis = -1)``, ``layer_concatenate``,
``layer_dot``) are passed on unchanged, as R keras 2.x did: ``-1`` is the last axis and ``1`` the
first axis after the batch axis. Only ``k_*`` backend functions use 1-based axes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import keras

from ..bridge.conversion import as_flag, as_integer, as_integer_tuple
from ..bridge.errors import bad_argument

from .models import set_weights
from .regularizers import keras2_activity_regularizer

__all__: list[str] = []  # argument handling shared by the layers_* modules; no layer_* function here


def _compose(object: Any, layer: keras.layers.Layer) -> Any:
    if object is None:
        return layer
    if isinstance(object, keras.Sequential):
        batch_shape = getattr(layer, "_rkb_batch_input_shape", None)
        if batch_shape is not None and not object._layers:
            # Keras 3 makes the first layer's `input_shape` an input without a batch size; a fixed
            # one (R keras 2.x's batch_size / batch_input_shape) needs an explicit input layer.
            object.add(keras.layers.InputLayer(batch_shape=batch_shape))
        object.add(layer)
        return object
    return layer(object)


def _int_tuple(value: Any, name: str, n: int = 2, *, minimum: int = 1) -> tuple[int, ...]:
    """A size such as ``kernel_size``: one whole number for every dimension, or ``n`` of them."""
    values = as_integer_tuple(value, name, allow_unknown=False)
    if len(values) == 1:
        values = values * n
    if len(values) != n:
        raise bad_argument(name, value, f"one integer or {n} integers")
    if any(v < minimum for v in values):
        raise bad_argument(name, value, f"integers >= {minimum}")
    return values


def _shape(value: Any, name: str) -> tuple[int | None, ...] | None:
    return None if value is None else as_integer_tuple(value, name)


@keras.saving.register_keras_serializable(package="rkeras_bridge", name="hard_sigmoid_2018")
def _hard_sigmoid_2018(x: Any) -> Any:
    # Keras 2 (and so R keras 2.x) used slope 0.2; Keras 3's "hard_sigmoid" uses slope 1/6.
    return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)


def _activation(value: Any) -> Any:
    if isinstance(value, str) and value == "hard_sigmoid":
        return _hard_sigmoid_2018
    return value


_COMMON = ("input_shape", "batch_input_shape", "batch_size", "dtype", "name", "trainable", "weights")


def _make_layer(cls: Callable[..., keras.layers.Layer], object: Any, kwargs: dict[str, Any], /,
                **arguments: Any) -> Any:
    """Build ``cls(**arguments)`` with R keras 2.x's common layer arguments taken from ``kwargs``."""
    common = {k: kwargs.pop(k) for k in _COMMON if k in kwargs}
    arguments.update(kwargs)
    shape = None
    batch = as_integer(common.get("batch_size"), "batch_size", minimum=1, allow_none=True)
    if common.get("batch_input_shape") is not None:
        batch_shape = as_integer_tuple(common["batch_input_shape"], "batch_input_shape")
        if len(batch_shape) < 2:
            raise bad_argument("batch_input_shape", common["batch_input_shape"],
                               "the batch size (or NULL) followed by the input shape, e.g. list(NULL, 32)")
        # As in Keras 2, batch_input_shape wins over input_shape and batch_size.
        batch, shape = batch_shape[0], batch_shape[1:]
    elif common.get("input_shape") is not None:
        shape = as_integer_tuple(common["input_shape"], "input_shape")
    if shape is not None:
        arguments["input_shape"] = shape
    name = common.get("name")
    if name is not None:
        if not isinstance(name, str):
            raise bad_argument("name", name, "a string or NULL/None", error=TypeError)
        arguments["name"] = name
    if common.get("dtype") is not None:
        arguments["dtype"] = common["dtype"]
    if common.get("trainable") is not None:
        arguments["trainable"] = as_flag(common["trainable"], "trainable")
    if arguments.get("activity_regularizer") is not None:  # keras 2.2.4 did not divide it by the batch size
        arguments["activity_regularizer"] = keras2_activity_regularizer(arguments["activity_regularizer"])
    with warnings.catch_warnings():
        # `input_shape` is how R keras 2.x code gives a sequential model its input; Keras 3 still
        # honours it for the first layer but warns every time.
        warnings.filterwarnings("ignore", message="Do not pass an `input_shape`")
        layer = cls(**arguments)
    if batch is not None and shape is not None:
        layer._rkb_batch_input_shape = (batch, *shape)
    weights = common.get("weights")
    if weights is not None:
        if shape is None:
            raise bad_argument("weights", weights, "initial weights together with `input_shape` (the layer "
                               "must be built to take them); or call set_weights() after the first call")
        layer.build((None, *shape))
        set_weights(layer, weights)
    return _compose(object, layer)
