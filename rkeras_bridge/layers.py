"""``layer_*`` functions: create a Keras 3 layer and, R keras style, compose it with ``object``.

``layer_dense(units = 32)`` returns the layer; ``x %>% layer_dense(32)`` applies it to a tensor;
``model %>% layer_dense(32)`` adds it to a Sequential model and returns the model.

Every function also takes the arguments R keras 2.x gives every layer: ``input_shape``,
``batch_input_shape``, ``batch_size``, ``dtype``, ``name``, ``trainable`` and ``weights``. Keras 3
dropped most of them from ``Layer``; here ``input_shape`` (or ``batch_input_shape`` without its
batch dimension) still gives the first layer of a sequential model its input, ``batch_size`` is
checked and ignored (Keras 3 inputs have no fixed batch size), and ``weights`` sets the initial
weights, which needs the input shape to build the layer at once.

Two defaults keep 2018 numbers: ``layer_gru`` and ``layer_lstm`` default to R keras 2.x's
``recurrent_activation = "hard_sigmoid"`` (and ``layer_gru`` to ``reset_after = FALSE``), and the
activation name ``"hard_sigmoid"`` means Keras 2's ``clip(0.2 * x + 0.5, 0, 1)`` in every layer
here (Keras 3 renamed that curve's slope to 1/6).

Axis arguments of layers (``layer_batch_normalization(axis = -1)``, ``layer_concatenate``,
``layer_dot``) are passed on unchanged, as R keras 2.x did: ``-1`` is the last axis and ``1`` the
first axis after the batch axis. Only ``k_*`` backend functions use 1-based axes.
"""

from __future__ import annotations

import inspect
import numbers
import warnings
from collections.abc import Callable
from typing import Any

import keras
import numpy as np
import tensorflow as tf

from .conversion import as_integer, as_integer_tuple
from .errors import bad_argument

__all__ = [
    "layer_input",
    "layer_dense",
    "layer_dropout",
    "layer_embedding",
    "layer_gru",
    "layer_cudnn_gru",
    "layer_lstm",
    "layer_conv_2d",
    "layer_conv_2d_transpose",
    "layer_batch_normalization",
    "layer_activation",
    "layer_activation_leaky_relu",
    "layer_flatten",
    "layer_reshape",
    "layer_zero_padding_2d",
    "layer_lambda",
    "layer_concatenate",
    "layer_dot",
    "layer_max_pooling_2d",
]


def _compose(object: Any, layer: keras.layers.Layer) -> Any:
    if object is None:
        return layer
    if isinstance(object, keras.Sequential):
        object.add(layer)
        return object
    return layer(object)


# --- argument coercion -------------------------------------------------------------------------

def _number(value: Any, name: str, *, low: float | None = None, high: float | None = None,
            high_open: bool = False, allow_none: bool = False) -> float | None:
    """A real number (R double, integer or length-1 vector) as a Python float, range-checked."""
    if value is None and allow_none:
        return None
    if isinstance(value, (np.ndarray, list, tuple)) and np.size(value) == 1:
        value = np.asarray(value).reshape(-1)[0].item()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise bad_argument(name, value, "a number")
    result = float(value)
    bounds = f"[{low}, {high})" if high_open else f"[{low}, {high}]"
    above = high is not None and (result >= high if high_open else result > high)
    if (low is not None and result < low) or above:
        raise bad_argument(name, value, f"a number in {bounds}" if high is not None else f"a number >= {low}")
    return result


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


def _boolean(value: Any, name: str) -> bool:
    if isinstance(value, (np.ndarray, list, tuple)) and np.size(value) == 1:
        value = np.asarray(value).reshape(-1)[0].item()
    if not isinstance(value, (bool, np.bool_)):
        raise bad_argument(name, value, "TRUE or FALSE")
    return bool(value)


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
    if common.get("batch_input_shape") is not None:
        batch_shape = as_integer_tuple(common["batch_input_shape"], "batch_input_shape")
        if len(batch_shape) < 2:
            raise bad_argument("batch_input_shape", common["batch_input_shape"],
                               "the batch size (or NULL) followed by the input shape, e.g. list(NULL, 32)")
        shape = batch_shape[1:]
    if common.get("input_shape") is not None:
        shape = as_integer_tuple(common["input_shape"], "input_shape")
    if shape is not None:
        arguments["input_shape"] = shape
    as_integer(common.get("batch_size"), "batch_size", minimum=1, allow_none=True)
    name = common.get("name")
    if name is not None:
        if not isinstance(name, str):
            raise bad_argument("name", name, "a string or NULL/None", error=TypeError)
        arguments["name"] = name
    if common.get("dtype") is not None:
        arguments["dtype"] = common["dtype"]
    if common.get("trainable") is not None:
        arguments["trainable"] = _boolean(common["trainable"], "trainable")
    with warnings.catch_warnings():
        # `input_shape` is how R keras 2.x code gives a sequential model its input; Keras 3 still
        # honours it for the first layer but warns every time.
        warnings.filterwarnings("ignore", message="Do not pass an `input_shape`")
        layer = cls(**arguments)
    weights = common.get("weights")
    if weights is not None:
        if shape is None:
            raise bad_argument("weights", weights, "initial weights together with `input_shape` (the layer "
                               "must be built to take them); or call set_weights() after the first call")
        layer.build((None, *shape))
        from .models import set_weights  # models imports this module

        set_weights(layer, weights)
    return _compose(object, layer)


# --- layers -----------------------------------------------------------------------------------

def layer_input(shape: Any = None, batch_shape: Any = None, name: str | None = None, dtype: Any = None,
                sparse: bool = False, tensor: Any = None) -> Any:
    """An input tensor for a functional model (:func:`keras_model`).

    Example:
        >>> inputs = layer_input(shape=784)

    Args:
        shape: Shape without the batch dimension, e.g. ``c(28, 28, 1)``; ``NULL``/``None`` entries
            are unknown sizes. Defaults to `None`.
        batch_shape: Shape including the batch dimension. Defaults to `None`.
        name: Name of the input layer. Defaults to `None`.
        dtype: Data type. Defaults to `None` (float32).
        sparse: Whether the input is sparse. Defaults to `False`.
        tensor: An existing tensor to wrap. Defaults to `None`.

    Returns:
        A symbolic Keras tensor.

    Mirrors ``keras::layer_input()`` of R keras 2.x.
    """
    if shape is None and batch_shape is None and tensor is None:
        raise bad_argument("shape", shape, "the input shape, e.g. c(784) (or `batch_shape`)")
    return keras.Input(shape=_shape(shape, "shape"), batch_shape=_shape(batch_shape, "batch_shape"),
                       name=name,
                       dtype=dtype, sparse=_boolean(sparse, "sparse"), tensor=tensor)


def layer_dense(
    object: Any = None,
    units: Any = None,
    activation: Any = None,
    use_bias: bool = True,
    kernel_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros",
    name: str | None = None,
    **kwargs: Any,
) -> Any:
    """A densely connected layer (``activation(inputs %*% kernel + bias)``).

    Example:
        >>> layer = layer_dense(units=32, activation="relu")

    Args:
        object: What to compose the layer with: `None` returns the layer, a Sequential model gets
            the layer added, a tensor is passed through the layer. Defaults to `None`.
        units: Output dimension, a positive integer (R's ``32`` is accepted).
        activation: Activation name or function. Defaults to `None` (linear).
        use_bias: Whether to add a bias. Defaults to `True`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        name: Layer name. Defaults to `None`.
        **kwargs: The common layer arguments (``input_shape``, ``batch_input_shape``,
            ``batch_size``, ``dtype``, ``trainable``, ``weights``; see the module notes) or further
            ``keras.layers.Dense`` arguments (regularizers, constraints).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_dense()`` of R keras 2.x.
    """
    units = as_integer(units, "units", minimum=1)
    return _make_layer(keras.layers.Dense, object, dict(kwargs, name=name), units=units,
                       activation=_activation(activation), use_bias=_boolean(use_bias, "use_bias"),
                       kernel_initializer=kernel_initializer, bias_initializer=bias_initializer)


def layer_dropout(object: Any = None, rate: Any = None, noise_shape: Any = None, seed: Any = None,
                  name: str | None = None, **kwargs: Any) -> Any:
    """Randomly sets a fraction ``rate`` of inputs to 0 while training.

    Example:
        >>> layer = layer_dropout(rate=0.5)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        rate: Fraction of the inputs to drop, in [0, 1).
        noise_shape: Shape of the binary dropout mask. Defaults to `None`.
        seed: Integer seed. Defaults to `None` (drawn from the global seed).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Dropout`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_dropout()`` of R keras 2.x.
    """
    try:
        rate_value = float(rate)
    except (TypeError, ValueError):
        raise bad_argument("rate", rate, "a number in [0, 1)") from None
    if not 0 <= rate_value < 1:
        raise bad_argument("rate", rate, "a number in [0, 1)")
    seed = as_integer(seed, "seed", allow_none=True)
    return _make_layer(keras.layers.Dropout, object, dict(kwargs, name=name), rate=rate_value,
                       noise_shape=_shape(noise_shape, "noise_shape"), seed=seed)


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class Embedding(keras.layers.Embedding):
    """``keras.layers.Embedding`` that refuses fractional indices instead of truncating them.

    Keras casts a float input to int, so an index of 2.7 silently reads row 2. R users pass
    doubles (``c(1, 5, 2)``), which are fine as long as they are whole; eagerly, anything else is
    an error naming the layer. (Inside a compiled function the check is skipped: no values yet.)
    """

    def call(self, inputs: Any) -> Any:
        if tf.executing_eagerly() and isinstance(inputs, (tf.Tensor, np.ndarray)):
            values = tf.convert_to_tensor(inputs)
            if values.dtype.is_floating and not bool(tf.reduce_all(tf.equal(values, tf.round(values)))):
                bad = values.numpy()[values.numpy() != np.round(values.numpy())].reshape(-1)[:3]
                raise ValueError(
                    f"Invalid value for argument `inputs` of layer '{self.name}': expected whole-number "
                    "indices "
                    f"from 0 to {self.input_dim - 1} (integers, or doubles such as 3). Received: "
                    f"fractional indices such as {', '.join(repr(float(b)) for b in bad)}"
                )
        return super().call(inputs)


def layer_embedding(
    object: Any = None, input_dim: Any = None, output_dim: Any = None,
    embeddings_initializer: Any = "uniform", embeddings_regularizer: Any = None,
    activity_regularizer: Any = None, embeddings_constraint: Any = None, mask_zero: bool = False,
    input_length: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Turns positive integers (indices) into dense vectors of fixed size.

    Example:
        >>> layer = layer_embedding(input_dim=1000, output_dim=64)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        input_dim: Size of the vocabulary (largest index + 1), a positive integer.
        output_dim: Dimension of the embedding, a positive integer.
        embeddings_initializer: Defaults to `"uniform"` (Keras' U(-0.05, 0.05)).
        embeddings_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        embeddings_constraint: Defaults to `None`.
        mask_zero: Whether index 0 is padding to be masked. Defaults to `False`.
        input_length: Length of the input sequences. Keras 3 dropped it; as in Keras 2 it becomes
            the layer's ``input_shape`` (``c(input_length)``, or ``list(NULL)`` when `None`), which only
            matters for the first layer of a sequential model. Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Embedding`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_embedding()`` of R keras 2.x.
    """
    length = as_integer(input_length, "input_length", minimum=1, allow_none=True)
    if kwargs.get("input_shape") is None and kwargs.get("batch_input_shape") is None:
        kwargs["input_shape"] = (length,)
    return _make_layer(Embedding, object, dict(kwargs, name=name),
                       input_dim=as_integer(input_dim, "input_dim", minimum=1),
                       output_dim=as_integer(output_dim, "output_dim", minimum=1),
                       embeddings_initializer=embeddings_initializer,
                       embeddings_regularizer=embeddings_regularizer,
                       activity_regularizer=activity_regularizer, embeddings_constraint=embeddings_constraint,
                       mask_zero=_boolean(mask_zero, "mask_zero"))


def _rnn_common(units: Any, dropout: Any, recurrent_dropout: Any) -> dict[str, Any]:
    return {
        "units": as_integer(units, "units", minimum=1),
        "dropout": _number(dropout, "dropout", low=0, high=1, high_open=True),
        "recurrent_dropout": _number(recurrent_dropout, "recurrent_dropout", low=0, high=1, high_open=True),
    }


def layer_gru(
    object: Any = None, units: Any = None, activation: Any = "tanh",
    recurrent_activation: Any = "hard_sigmoid", use_bias: bool = True, return_sequences: bool = False,
    return_state: bool = False, go_backwards: bool = False, stateful: bool = False, unroll: bool = False,
    reset_after: bool = False, kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, recurrent_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, recurrent_constraint: Any = None,
    bias_constraint: Any = None, dropout: Any = 0.0, recurrent_dropout: Any = 0.0, name: str | None = None,
    **kwargs: Any,
) -> Any:
    """Gated recurrent unit (Cho et al. 2014), with R keras 2.x's 2018 defaults.

    Example:
        >>> layer = layer_gru(units=16, return_sequences=True, return_state=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        activation: Defaults to `"tanh"`.
        recurrent_activation: Activation of the gates. Defaults to `"hard_sigmoid"` (Keras 2's
            ``clip(0.2 * x + 0.5, 0, 1)``; Keras 3's GRU default is ``"sigmoid"``).
        use_bias: Defaults to `True`.
        return_sequences: Return the whole output sequence, not only the last output.
            Defaults to `False`.
        return_state: Also return the last state (the call then returns a list). Defaults to `False`.
        go_backwards: Process the sequence backwards. Defaults to `False`.
        stateful: Keep the state between batches. Defaults to `False`.
        unroll: Unroll the loop. Defaults to `False`.
        reset_after: Apply the reset gate after the matrix product (the CuDNN variant, with two
            bias vectors). Defaults to `False` (Keras 3's default is `True`).
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        dropout: Dropout rate of the inputs, in [0, 1). Defaults to `0`.
        recurrent_dropout: Dropout rate of the state, in [0, 1). Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.GRU`` arguments (``seed``).

    Returns:
        The layer, the model, or the output (a list of output and state with ``return_state``).

    Mirrors ``keras::layer_gru()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.GRU, object, dict(kwargs, name=name), **_rnn_common(units, dropout, recurrent_dropout),
        activation=_activation(activation), recurrent_activation=_activation(recurrent_activation),
        use_bias=_boolean(use_bias, "use_bias"),
        return_sequences=_boolean(return_sequences, "return_sequences"),
        return_state=_boolean(return_state, "return_state"),
        go_backwards=_boolean(go_backwards, "go_backwards"),
        stateful=_boolean(stateful, "stateful"), unroll=_boolean(unroll, "unroll"),
        reset_after=_boolean(reset_after, "reset_after"), kernel_initializer=kernel_initializer,
        recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
        bias_constraint=bias_constraint,
    )


def layer_cudnn_gru(
    object: Any = None, units: Any = None, kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, recurrent_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, recurrent_constraint: Any = None,
    bias_constraint: Any = None, return_sequences: bool = False, return_state: bool = False,
    stateful: bool = False, name: str | None = None, **kwargs: Any,
) -> Any:
    """The CuDNN GRU: a GRU with CuDNN's math, on any device.

    CuDNNGRU is gone from Keras 3; it computed a GRU with ``activation = "tanh"``,
    ``recurrent_activation = "sigmoid"`` and ``reset_after = TRUE``, which Keras 3's GRU runs
    with cuDNN on a GPU and with the same math elsewhere. Its bias is one (2, 3 * units) matrix where
    CuDNNGRU had a vector of 6 * units; :func:`set_weights` accepts the vector.

    Example:
        >>> layer = layer_cudnn_gru(units=16, return_sequences=True, return_state=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        return_sequences: Defaults to `False`.
        return_state: Defaults to `False`.
        stateful: Defaults to `False`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.GRU`` arguments.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::layer_cudnn_gru()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.GRU, object, dict(kwargs, name=name), units=as_integer(units, "units", minimum=1),
        activation="tanh", recurrent_activation="sigmoid", reset_after=True,
        return_sequences=_boolean(return_sequences, "return_sequences"),
        return_state=_boolean(return_state, "return_state"), stateful=_boolean(stateful, "stateful"),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
    )


def layer_lstm(
    object: Any = None, units: Any = None, activation: Any = "tanh",
    recurrent_activation: Any = "hard_sigmoid", use_bias: bool = True, return_sequences: bool = False,
    return_state: bool = False, go_backwards: bool = False, stateful: bool = False, unroll: bool = False,
    kernel_initializer: Any = "glorot_uniform", recurrent_initializer: Any = "orthogonal",
    bias_initializer: Any = "zeros", unit_forget_bias: bool = True, kernel_regularizer: Any = None,
    recurrent_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    kernel_constraint: Any = None, recurrent_constraint: Any = None, bias_constraint: Any = None,
    dropout: Any = 0.0, recurrent_dropout: Any = 0.0, name: str | None = None, **kwargs: Any,
) -> Any:
    """Long short-term memory layer (Hochreiter 1997), with R keras 2.x's 2018 defaults.

    Example:
        >>> layer = layer_lstm(units=16)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        activation: Defaults to `"tanh"`.
        recurrent_activation: Defaults to `"hard_sigmoid"` (Keras 2's; see :func:`layer_gru`).
        use_bias: Defaults to `True`.
        return_sequences: Defaults to `False`.
        return_state: Also return the last states (output, h, c). Defaults to `False`.
        go_backwards: Defaults to `False`.
        stateful: Defaults to `False`.
        unroll: Defaults to `False`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        unit_forget_bias: Add 1 to the forget gate's bias at initialisation. Defaults to `True`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        dropout: Defaults to `0`.
        recurrent_dropout: Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.LSTM`` arguments.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::layer_lstm()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.LSTM, object, dict(kwargs, name=name), **_rnn_common(units, dropout, recurrent_dropout),
        activation=_activation(activation), recurrent_activation=_activation(recurrent_activation),
        use_bias=_boolean(use_bias, "use_bias"),
        return_sequences=_boolean(return_sequences, "return_sequences"),
        return_state=_boolean(return_state, "return_state"),
        go_backwards=_boolean(go_backwards, "go_backwards"),
        stateful=_boolean(stateful, "stateful"), unroll=_boolean(unroll, "unroll"),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, unit_forget_bias=_boolean(unit_forget_bias, "unit_forget_bias"),
        kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
        bias_constraint=bias_constraint,
    )


def _conv_arguments(filters: Any, kernel_size: Any, strides: Any, padding: Any, dilation_rate: Any,
                    activation: Any, use_bias: Any) -> dict[str, Any]:
    if padding not in ("valid", "same"):
        raise bad_argument("padding", padding, '"valid" or "same"')
    return {
        "filters": as_integer(filters, "filters", minimum=1),
        "kernel_size": _int_tuple(kernel_size, "kernel_size"),
        "strides": _int_tuple(strides, "strides"),
        "padding": padding,
        "dilation_rate": _int_tuple(dilation_rate, "dilation_rate"),
        "activation": _activation(activation),
        "use_bias": _boolean(use_bias, "use_bias"),
    }


def layer_conv_2d(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", data_format: str | None = None, dilation_rate: Any = (1, 1),
    activation: Any = None, use_bias: bool = True, kernel_initializer: Any = "glorot_uniform",
    bias_initializer: Any = "zeros", kernel_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, bias_constraint: Any = None,
    name: str | None = None, **kwargs: Any,
) -> Any:
    """2-d convolution over images (``channels_last``: batch, rows, cols, channels).

    Example:
        >>> layer = layer_conv_2d(filters=32, kernel_size=(3, 3), activation="relu")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or two (height, width).
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `None` (Keras' setting,
            channels last).
        dilation_rate: One integer or two. Defaults to `(1, 1)`.
        activation: Defaults to `None` (linear).
        use_bias: Defaults to `True`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Conv2D`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_2d()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.Conv2D, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias),
        data_format=data_format, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        bias_constraint=bias_constraint,
    )


def layer_conv_2d_transpose(
    object: Any = None, filters: Any = None, kernel_size: Any = None, strides: Any = (1, 1),
    padding: str = "valid", output_padding: Any = None, data_format: str | None = None,
    dilation_rate: Any = (1, 1), activation: Any = None, use_bias: bool = True,
    kernel_initializer: Any = "glorot_uniform", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    kernel_constraint: Any = None, bias_constraint: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Transposed 2-d convolution ("deconvolution"), e.g. to upsample in a generator.

    Example:
        >>> layer = layer_conv_2d_transpose(filters=64, kernel_size=5, strides=2, padding="same")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        filters: Number of output channels, a positive integer.
        kernel_size: One integer or two.
        strides: One integer or two. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        output_padding: Extra size along height and width: one integer or two, each less than the
            stride. Defaults to `None` (inferred).
        data_format: Defaults to `None` (channels last).
        dilation_rate: Defaults to `(1, 1)`.
        activation: Defaults to `None`.
        use_bias: Defaults to `True`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.Conv2DTranspose`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_conv_2d_transpose()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.Conv2DTranspose, object, dict(kwargs, name=name),
        **_conv_arguments(filters, kernel_size, strides, padding, dilation_rate, activation, use_bias),
        output_padding=(None if output_padding is None
                        else _int_tuple(output_padding, "output_padding", minimum=0)),
        data_format=data_format, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        bias_constraint=bias_constraint,
    )


def layer_batch_normalization(object: Any = None, axis: Any = -1, momentum: Any = 0.99, epsilon: Any = 0.001,
                              center: bool = True, scale: bool = True, beta_initializer: Any = "zeros",
                              gamma_initializer: Any = "ones", moving_mean_initializer: Any = "zeros",
                              moving_variance_initializer: Any = "ones", beta_regularizer: Any = None,
                              gamma_regularizer: Any = None, beta_constraint: Any = None,
                              gamma_constraint: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Batch normalization: normalise with the batch's statistics (training) or moving ones.

    Example:
        >>> layer = layer_batch_normalization()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        axis: The features axis, passed on unchanged as R keras 2.x did: `-1` is the last axis,
            `1` the first after the batch axis (channels of ``channels_first`` images).
            Defaults to `-1`.
        momentum: Momentum of the moving averages. Defaults to `0.99`.
        epsilon: Added to the variance. Defaults to `0.001`.
        center: Learn an offset ``beta``. Defaults to `True`.
        scale: Learn a factor ``gamma``. Defaults to `True`.
        beta_initializer: Defaults to `"zeros"`.
        gamma_initializer: Defaults to `"ones"`.
        moving_mean_initializer: Defaults to `"zeros"`.
        moving_variance_initializer: Defaults to `"ones"`.
        beta_regularizer: Defaults to `None`.
        gamma_regularizer: Defaults to `None`.
        beta_constraint: Defaults to `None`.
        gamma_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.BatchNormalization`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``. Call it with
        ``training = TRUE`` to use (and update with) the batch's statistics.

    Mirrors ``keras::layer_batch_normalization()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.BatchNormalization, object, dict(kwargs, name=name), axis=as_integer(axis, "axis"),
        momentum=_number(momentum, "momentum", low=0, high=1), epsilon=_number(epsilon, "epsilon", low=0),
        center=_boolean(center, "center"), scale=_boolean(scale, "scale"), beta_initializer=beta_initializer,
        gamma_initializer=gamma_initializer, moving_mean_initializer=moving_mean_initializer,
        moving_variance_initializer=moving_variance_initializer, beta_regularizer=beta_regularizer,
        gamma_regularizer=gamma_regularizer, beta_constraint=beta_constraint,
        gamma_constraint=gamma_constraint,
    )


def layer_activation(
    object: Any = None, activation: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Applies an activation function.

    Example:
        >>> layer = layer_activation(activation="relu")

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        activation: Activation name (``"relu"``, ``"tanh"``, ...; ``"hard_sigmoid"`` is Keras 2's)
            or function.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation()`` of R keras 2.x.
    """
    if activation is None:
        raise bad_argument("activation", activation, 'an activation name such as "relu", or a function')
    return _make_layer(keras.layers.Activation, object, dict(kwargs, name=name),
                       activation=_activation(activation))


def layer_activation_leaky_relu(object: Any = None, alpha: Any = 0.3, name: str | None = None,
                                **kwargs: Any) -> Any:
    """Leaky ReLU: ``x`` for ``x >= 0``, ``alpha * x`` otherwise.

    Example:
        >>> layer = layer_activation_leaky_relu(alpha=0.2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        alpha: Slope for negative inputs, a number >= 0 (Keras 3 calls it ``negative_slope``).
            Defaults to `0.3`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activation_leaky_relu()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.LeakyReLU, object, dict(kwargs, name=name),
                       negative_slope=_number(alpha, "alpha", low=0))


def layer_flatten(object: Any = None, data_format: str | None = None, name: str | None = None,
                  **kwargs: Any) -> Any:
    """Flattens each example to one dimension: (batch, d1, d2, ...) to (batch, d1 * d2 * ...).

    Example:
        >>> layer = layer_flatten()

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        data_format: Defaults to `None` (channels last; the order in which values are flattened).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_flatten()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.Flatten, object, dict(kwargs, name=name), data_format=data_format)


def layer_reshape(
    object: Any = None, target_shape: Any = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Reshapes each example to ``target_shape`` (the batch dimension is kept).

    Example:
        >>> layer = layer_reshape(target_shape=(7, 7, 64))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        target_shape: The new shape without the batch dimension, e.g. ``c(7, 7, 64)``; one entry
            may be `-1` (inferred).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_reshape()`` of R keras 2.x.
    """
    if target_shape is None:
        raise bad_argument("target_shape", target_shape, "the new shape, e.g. c(7, 7, 64)")
    values = np.asarray(target_shape, dtype="O").reshape(-1).tolist()
    shape = tuple(as_integer(v, f"target_shape[{i + 1}]", minimum=-1) for i, v in enumerate(values))
    if 0 in shape or shape.count(-1) > 1:
        raise bad_argument("target_shape", target_shape, "positive sizes, at most one of them -1")
    return _make_layer(keras.layers.Reshape, object, dict(kwargs, name=name), target_shape=shape)


def layer_zero_padding_2d(object: Any = None, padding: Any = (1, 1), data_format: str | None = None,
                          name: str | None = None, **kwargs: Any) -> Any:
    """Adds rows and columns of zeros around an image.

    Example:
        >>> layer = layer_zero_padding_2d(padding=(1, 2))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        padding: One integer (all sides), two (rows top and bottom, columns left and right), or a
            list of two pairs ``list(c(top, bottom), c(left, right))``. Defaults to `(1, 1)`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_zero_padding_2d()`` of R keras 2.x.
    """
    if isinstance(padding, (list, tuple)) and len(padding) == 2 and any(
            isinstance(p, (list, tuple, np.ndarray)) and np.size(p) > 1 for p in padding):
        value: Any = tuple(_int_tuple(p, f"padding[{i + 1}]", minimum=0) for i, p in enumerate(padding))
    else:
        value = _int_tuple(padding, "padding", minimum=0)
    return _make_layer(keras.layers.ZeroPadding2D, object, dict(kwargs, name=name), padding=value,
                       data_format=data_format)


def _inspectable(f: Callable[..., Any]) -> Callable[..., Any]:
    # Lambda reads the function's argument names (to pass `mask`/`training`); a callable without a
    # Python signature (an R function that did not go through py_func) gets the inputs only.
    try:
        inspect.getfullargspec(f)
        return f
    except TypeError:
        def function(inputs: Any) -> Any:
            return f(inputs)

        return function


def layer_lambda(object: Any = None, f: Any = None, output_shape: Any = None, mask: Any = None,
                 arguments: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Wraps a function of the inputs as a layer.

    Example:
        >>> layer = layer_lambda(f=lambda x: x * 2)

    Args:
        object: As in :func:`layer_dense`; a list of tensors is passed to ``f`` as a list.
            Defaults to `None`.
        f: The function, ``f(x)``; it gets ``mask`` and ``training`` too if it names them. An R
            function works.
        output_shape: Output shape without the batch dimension, or a function of the input shape.
            Defaults to `None` (inferred by running ``f`` on symbolic inputs when needed).
        mask: A mask, or a function ``(inputs, mask)`` computing it. Defaults to `None`.
        arguments: A named list of extra keyword arguments for ``f``. Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::layer_lambda()`` of R keras 2.x.
    """
    if not callable(f):
        raise bad_argument("f", f, "a function of the inputs", error=TypeError)
    if output_shape is not None and not callable(output_shape):
        output_shape = as_integer_tuple(output_shape, "output_shape")
    if arguments is not None and not isinstance(arguments, dict):
        raise bad_argument("arguments", arguments, "a named list (dict) of extra arguments for `f`",
                           error=TypeError)
    return _make_layer(keras.layers.Lambda, object, dict(kwargs, name=name), function=_inspectable(f),
                       output_shape=output_shape, mask=mask, arguments=arguments)


def _merge(layer_class: type, inputs: Any, kwargs: dict[str, Any], **arguments: Any) -> Any:
    if inputs is not None and not (isinstance(inputs, (list, tuple)) and len(inputs) >= 2):
        raise bad_argument("inputs", inputs, "a list of at least two tensors (or NULL/None for the layer)")
    return _make_layer(layer_class, None if inputs is None else list(inputs), kwargs, **arguments)


def layer_concatenate(inputs: Any = None, axis: Any = -1, name: str | None = None, **kwargs: Any) -> Any:
    """Concatenates a list of tensors along an axis.

    Example:
        >>> out = layer_concatenate([np.ones((2, 3)), np.zeros((2, 1))])

    Args:
        inputs: A list of tensors; `None` returns the layer (to call on a list later).
            Defaults to `None`.
        axis: Passed on unchanged, as R keras 2.x did: `-1` is the last axis. Defaults to `-1`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The concatenated tensor, or the layer.

    Mirrors ``keras::layer_concatenate()`` of R keras 2.x.
    """
    return _merge(keras.layers.Concatenate, inputs, dict(kwargs, name=name), axis=as_integer(axis, "axis"))


def layer_dot(inputs: Any = None, axes: Any = None, normalize: bool = False, name: str | None = None,
              **kwargs: Any) -> Any:
    """Dot product of two tensors along ``axes`` (per example).

    Example:
        >>> out = layer_dot([np.ones((2, 3)), np.ones((2, 3))], axes=1)

    Args:
        inputs: A list of two tensors; `None` returns the layer. Defaults to `None`.
        axes: One axis for both tensors, or one for each, passed on unchanged as R keras 2.x did
            (`1` is the first axis after the batch axis, `-1` the last).
        normalize: L2-normalise along ``axes`` first, giving the cosine similarity.
            Defaults to `False`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The (batch, 1) tensor of dot products, or the layer.

    Mirrors ``keras::layer_dot()`` of R keras 2.x.
    """
    if axes is None:
        raise bad_argument("axes", axes, "an axis, or one axis for each input")
    values = [axes] if isinstance(axes, numbers.Real) else np.asarray(axes, dtype="O").reshape(-1).tolist()
    if len(values) not in (1, 2):
        raise bad_argument("axes", axes, "an axis, or one axis for each of the two inputs")
    parsed = [as_integer(v, "axes") for v in values]
    return _merge(keras.layers.Dot, inputs, dict(kwargs, name=name),
                  axes=parsed[0] if len(parsed) == 1 else tuple(parsed),
                  normalize=_boolean(normalize, "normalize"))


def layer_max_pooling_2d(
    object: Any = None, pool_size: Any = (2, 2), strides: Any = None, padding: str = "valid",
    data_format: str | None = None, name: str | None = None, **kwargs: Any,
) -> Any:
    """Max pooling over 2-d windows.

    Example:
        >>> layer = layer_max_pooling_2d(pool_size=2)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        pool_size: One integer or two. Defaults to `(2, 2)`.
        strides: One integer or two. Defaults to `None` (``pool_size``).
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        data_format: Defaults to `None` (channels last).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_max_pooling_2d()`` of R keras 2.x.
    """
    if padding not in ("valid", "same"):
        raise bad_argument("padding", padding, '"valid" or "same"')
    return _make_layer(keras.layers.MaxPooling2D, object, dict(kwargs, name=name),
                       pool_size=_int_tuple(pool_size, "pool_size"),
                       strides=None if strides is None else _int_tuple(strides, "strides"), padding=padding,
                       data_format=data_format)
