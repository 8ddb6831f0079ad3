"""Embedding layers (R keras 2.x ``layers-embedding.R``).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer
from .layer_arguments import _make_layer

__all__ = ["layer_embedding"]


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
                       mask_zero=as_flag(mask_zero, "mask_zero"))
