"""Core layers (R keras 2.x ``layers-core.R``): input, dense, activation, reshape, flatten, lambda.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_integer_tuple
from ..bridge.errors import bad_argument
from .layer_arguments import _activation, _make_layer, _shape

__all__ = ["layer_input", "layer_dense", "layer_activation", "layer_flatten", "layer_reshape", "layer_lambda"]


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
                       dtype=dtype, sparse=as_flag(sparse, "sparse"), tensor=tensor)


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
                       activation=_activation(activation), use_bias=as_flag(use_bias, "use_bias"),
                       kernel_initializer=kernel_initializer, bias_initializer=bias_initializer)


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
