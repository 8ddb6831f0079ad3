"""Merge layers (R keras 2.x ``layers-merge.R``): ``inputs`` is a list of tensors.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

import numbers
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument
from .layer_arguments import _make_layer

__all__ = ["layer_concatenate", "layer_dot", "layer_add", "layer_subtract", "layer_multiply", "layer_average",
           "layer_maximum", "layer_minimum"]


def _merge(layer_class: type, inputs: Any, kwargs: dict[str, Any], /, n: int | None = None,
           **arguments: Any) -> Any:
    if inputs is not None and not (isinstance(inputs, (list, tuple)) and len(inputs) >= 2):
        raise bad_argument("inputs", inputs, "a list of at least two tensors (or NULL/None for the layer)")
    if inputs is not None and n is not None and len(inputs) != n:
        raise bad_argument("inputs", inputs, f"a list of exactly {n} tensors")
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
                  normalize=as_flag(normalize, "normalize"))


def layer_add(inputs: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Sums a list of tensors element-wise (all of the same shape).

    Example:
        >>> out = layer_add([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])])

    Args:
        inputs: A list of tensors; `None` returns the layer (to call on a list later). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The merged tensor (the shape of the inputs), or the layer.

    Mirrors ``keras::layer_add()`` of R keras 2.x.
    """
    return _merge(keras.layers.Add, inputs, dict(kwargs, name=name))


def layer_subtract(inputs: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Subtracts the second tensor from the first, element-wise: ``inputs[[1]] - inputs[[2]]``.

    Example:
        >>> out = layer_subtract([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])])

    Args:
        inputs: A list of two tensors; `None` returns the layer (to call on a list later). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The merged tensor (the shape of the inputs), or the layer.

    Mirrors ``keras::layer_subtract()`` of R keras 2.x.
    """
    return _merge(keras.layers.Subtract, inputs, dict(kwargs, name=name), n=2)


def layer_multiply(inputs: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Multiplies a list of tensors element-wise.

    Example:
        >>> out = layer_multiply([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])])

    Args:
        inputs: A list of tensors; `None` returns the layer (to call on a list later). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The merged tensor (the shape of the inputs), or the layer.

    Mirrors ``keras::layer_multiply()`` of R keras 2.x.
    """
    return _merge(keras.layers.Multiply, inputs, dict(kwargs, name=name))


def layer_average(inputs: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Averages a list of tensors element-wise.

    Example:
        >>> out = layer_average([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])])

    Args:
        inputs: A list of tensors; `None` returns the layer (to call on a list later). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The merged tensor (the shape of the inputs), or the layer.

    Mirrors ``keras::layer_average()`` of R keras 2.x.
    """
    return _merge(keras.layers.Average, inputs, dict(kwargs, name=name))


def layer_maximum(inputs: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """The element-wise maximum of a list of tensors.

    Example:
        >>> out = layer_maximum([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])])

    Args:
        inputs: A list of tensors; `None` returns the layer (to call on a list later). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The merged tensor (the shape of the inputs), or the layer.

    Mirrors ``keras::layer_maximum()`` of R keras 2.x.
    """
    return _merge(keras.layers.Maximum, inputs, dict(kwargs, name=name))


def layer_minimum(inputs: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """The element-wise minimum of a list of tensors.

    Example:
        >>> out = layer_minimum([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])])

    Args:
        inputs: A list of tensors; `None` returns the layer (to call on a list later). Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The merged tensor (the shape of the inputs), or the layer.

    Mirrors ``keras::layer_minimum()`` of R keras 2.x.
    """
    return _merge(keras.layers.Minimum, inputs, dict(kwargs, name=name))
