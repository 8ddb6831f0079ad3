"""``layer_*`` functions: create a Keras 3 layer and, R keras style, compose it with ``object``.

``layer_dense(units = 32)`` returns the layer; ``x %>% layer_dense(32)`` applies it to a tensor;
``model %>% layer_dense(32)`` adds it to a Sequential model and returns the model.
"""

from __future__ import annotations

from typing import Any

import keras

from .conversion import as_integer
from .errors import bad_argument

__all__ = ["layer_dense", "layer_dropout"]


def _compose(object: Any, layer: keras.layers.Layer) -> Any:
    if object is None:
        return layer
    if isinstance(object, keras.Sequential):
        object.add(layer)
        return object
    return layer(object)


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
        **kwargs: Passed to ``keras.layers.Dense``.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_dense()`` of R keras 2.x.
    """
    units = as_integer(units, "units", minimum=1)
    layer = keras.layers.Dense(
        units, activation=activation, use_bias=bool(use_bias), kernel_initializer=kernel_initializer,
        bias_initializer=bias_initializer, name=name, **kwargs,
    )
    return _compose(object, layer)


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
        **kwargs: Passed to ``keras.layers.Dropout``.

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
    layer = keras.layers.Dropout(rate_value, noise_shape=noise_shape, seed=seed, name=name, **kwargs)
    return _compose(object, layer)
