"""Layer wrappers (R keras 2.x ``layer-wrappers.R`` and ``wrapper_custom.R``): a layer that wraps
another layer.

``time_distributed`` applies a layer to every timestep, ``bidirectional`` runs a recurrent layer
both ways; ``create_wrapper`` makes a custom wrapper from a class with ``build``/``call``/
``compute_output_shape`` methods (in R an R6 class inheriting from ``KerasWrapper``), as
``create_layer`` does for layers. The arguments every layer takes and how a layer is composed
with ``object``: see :mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import keras

from ..bridge.errors import bad_argument
from .custom_layer import _LAYER_ARGS, DelegatingLayer, _instantiate
from .layer_arguments import _make_layer

__all__ = ["time_distributed", "bidirectional", "KerasWrapper", "create_wrapper"]

_MERGE_MODES = ("sum", "mul", "concat", "ave")


_A_LAYER = "a Keras layer such as layer_dense(units = 8)"
_AN_RNN = "a recurrent layer such as layer_lstm(units = 10)"


def _wrapped_layer(layer: Any, what: str = _A_LAYER) -> keras.layers.Layer:
    if not isinstance(layer, keras.layers.Layer):
        raise bad_argument("layer", layer, what, error=TypeError)
    return layer


def time_distributed(object: Any = None, layer: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Applies ``layer`` to every timestep: (batch, time, ...) to (batch, time, layer's output).

    Example:
        >>> model = keras_model_sequential()
        >>> time_distributed(model, layer_dense(units=8), input_shape=(10, 16))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        layer: The layer to apply at each timestep (one set of weights for all of them).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments (``input_shape`` includes the time dimension).

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::time_distributed()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.TimeDistributed, object, dict(kwargs, name=name),
                       layer=_wrapped_layer(layer))


def bidirectional(object: Any = None, layer: Any = None, merge_mode: Any = "concat", name: str | None = None,
                  **kwargs: Any) -> Any:
    """Runs a recurrent layer forwards and a copy of it backwards and merges their outputs.

    Example:
        >>> layer = bidirectional(layer=layer_lstm(units=10, return_sequences=True))

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        layer: A recurrent layer (:func:`layer_lstm`, :func:`layer_gru`, ...); the backward copy
            has its own weights.
        merge_mode: How to merge the two outputs: ``"sum"``, ``"mul"``, ``"concat"``, ``"ave"``,
            or `None` for a list of both. Defaults to `"concat"`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::bidirectional()`` of R keras 2.x.
    """
    if not isinstance(layer, keras.layers.RNN):
        raise bad_argument("layer", layer, _AN_RNN, error=TypeError)
    if merge_mode is not None and merge_mode not in _MERGE_MODES:
        raise bad_argument("merge_mode", merge_mode, 'one of "sum", "mul", "concat", "ave" or NULL/None')
    return _make_layer(keras.layers.Bidirectional, object, dict(kwargs, name=name), layer=layer,
                       merge_mode=merge_mode)


class KerasWrapper:
    """Base class for a custom wrapper's logic in Python (the R6 ``KerasWrapper`` in R).

    By default it behaves as the wrapped layer: :meth:`build` builds it, :meth:`call` calls it,
    :meth:`compute_output_shape` asks it. Subclasses override what they change and add weights
    with :meth:`add_weight` and losses with :meth:`add_loss`; :func:`create_wrapper` makes the
    Keras layer.

    Mirrors the R6 class ``keras::KerasWrapper`` of R keras 2.x.
    """

    _py_wrapper: keras.layers.Layer | None = None

    def _wrapper(self) -> keras.layers.Layer:
        if self._py_wrapper is None:
            raise RuntimeError("the wrapper is only available once create_wrapper() has made it (use it from "
                               "build() or call(), not from the constructor)")
        return self._py_wrapper

    def build(self, input_shape: Any) -> None:
        """Build the wrapped layer (if it is not built); ``input_shape`` includes the batch dimension."""
        layer = self._wrapper().layer
        if not layer.built:
            layer.build(input_shape)

    def call(self, inputs: Any, mask: Any = None) -> Any:
        """The wrapper's computation; by default the wrapped layer's."""
        return self._wrapper().layer(inputs)

    def compute_output_shape(self, input_shape: Any) -> Any:
        """The output shape; by default the wrapped layer's."""
        return self._wrapper().layer.compute_output_shape(input_shape)

    def add_weight(self, name: str | None = None, shape: Any = None, dtype: Any = None,
                   initializer: Any = None, regularizer: Any = None, trainable: bool = True,
                   constraint: Any = None) -> Any:
        """Create a weight on the wrapper (see :meth:`DelegatingLayer.add_weight`)."""
        return self._wrapper().add_weight(name=name, shape=shape, dtype=dtype, initializer=initializer,
                                          regularizer=regularizer, trainable=trainable, constraint=constraint)

    def add_loss(self, losses: Any, inputs: Any = None) -> None:
        """Add a loss to the wrapper (in ``build``: kept; in ``call``: that call's)."""
        self._wrapper().add_loss(losses, inputs)

    def python_wrapper(self) -> keras.layers.Layer | None:
        """The Keras layer made from this object."""
        return self._py_wrapper

    def _set_wrapper(self, wrapper: keras.layers.Layer) -> None:
        self._py_wrapper = wrapper


class DelegatingWrapper(DelegatingLayer, keras.layers.Wrapper):
    """A Keras ``Wrapper`` of ``layer`` whose ``build``/``call``/``compute_output_shape`` are ``impl``'s.

    Its weights are its own (from ``add_weight``) and the wrapped layer's.
    """

    def __init__(self, impl: Any, layer: keras.layers.Layer, **kwargs: Any):
        super().__init__(impl, layer=layer, **kwargs)

    def build(self, input_shape: Any = None) -> None:
        super().build(input_shape)
        self.built = True


def create_wrapper(wrapper_class: Any, object: Any = None, args: Any = None) -> Any:
    """Make a Keras wrapper layer from a class with ``build``, ``call`` and ``compute_output_shape``.

    Example:
        >>> class Scaled(KerasWrapper):
        ...     def build(self, input_shape):
        ...         super().build(input_shape)
        ...         self.scale = self.add_weight(name="scale", shape=(1,), initializer="ones")
        ...     def call(self, inputs, mask=None):
        ...         return self.python_wrapper().layer(inputs) * self.scale
        >>> layer = create_wrapper(Scaled, args={"layer": layer_dense(units=4)})

    Args:
        wrapper_class: The class (R: an R6 class inheriting from ``KerasWrapper``), instantiated
            with ``args`` except ``layer`` and the standard layer arguments.
        object: What to compose the wrapper with, as in ``layer_dense``. Defaults to `None`.
        args: A dict (R: named list) of arguments. ``layer`` (the wrapped layer) and
            ``input_shape``, ``batch_input_shape``, ``batch_size``, ``dtype``, ``name``,
            ``trainable`` and ``weights`` go to the Keras wrapper, the rest to ``wrapper_class``.
            Defaults to `None`.

    Returns:
        The wrapper, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::create_wrapper()`` of R keras 2.x.
    """
    if args is None:
        args = {}
    if not isinstance(args, Mapping):
        raise bad_argument("args", args, "a named list (dict) of arguments", error=TypeError)
    if any(not isinstance(k, str) or not k for k in args):
        raise bad_argument("args", args, "a list whose elements all have names")
    layer = _wrapped_layer(args.get("layer"), "a Keras layer in args$layer (the layer to wrap)")
    wrapper_arguments = {k: v for k, v in args.items() if k in _LAYER_ARGS}
    impl = _instantiate(wrapper_class, {k: v for k, v in args.items() if k not in (*_LAYER_ARGS, "layer")})

    def make(**kwargs: Any) -> DelegatingWrapper:
        wrapper = DelegatingWrapper(impl, layer, **kwargs)
        set_wrapper = getattr(impl, "_set_wrapper", None) or getattr(impl, "set_wrapper", None)
        if callable(set_wrapper):
            set_wrapper(wrapper)
        return wrapper

    return _make_layer(make, object, wrapper_arguments)
