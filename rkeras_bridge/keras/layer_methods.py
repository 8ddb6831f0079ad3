"""Layer methods (R keras 2.x ``layer-methods.R``): configs, parameter counts, nodes, states.

They work on any Keras object: a layer, a sequential or functional model, or a wrapper.
``node_index`` counts from 1, as in R keras 2.x (``node_index = 1`` is the first time the layer
was called).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import keras

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = ["get_config", "from_config", "count_params", "get_input_at", "get_output_at", "get_input_shape_at",
           "get_output_shape_at", "get_input_mask_at", "get_output_mask_at", "reset_states"]


def _keras_object(object: Any, what: str = "a Keras layer or model") -> None:
    if not isinstance(object, keras.layers.Layer):
        raise bad_argument("object", object, what, error=TypeError)


def get_config(object: Any) -> dict[str, Any]:
    """The configuration of a layer or model: the arguments that recreate it (not its weights).

    Example:
        >>> config = get_config(layer_dense(units=64))
        >>> config["units"]
        64

    Args:
        object: A Keras layer or model (sequential or functional).

    Returns:
        A dict (R: a named list). R's ``get_config()`` also records the object's class in the
        attribute ``config_class``, which :func:`from_config` uses; in Python pass the class.

    Mirrors ``keras::get_config()`` of R keras 2.x.
    """
    if not callable(getattr(object, "get_config", None)):
        raise bad_argument("object", object, "a Keras layer or model (something with a configuration)",
                           error=TypeError)
    return dict(object.get_config())


def from_config(config: Any, config_class: Any = None, custom_objects: Any = None) -> Any:
    """Recreate a layer or model from its configuration (new weights, same architecture).

    Example:
        >>> layer = layer_dense(units=64)
        >>> copy = from_config(get_config(layer), type(layer))

    Args:
        config: A configuration from :func:`get_config` (R: the named list, with its attribute
            ``config_class``).
        config_class: The class to instantiate: the class of the object the configuration came from.
            Defaults to `None`: R takes it from the attribute ``config_class`` of ``config``; in
            Python it is needed.
        custom_objects: A dict of names to custom classes or functions used in the
            configuration. Defaults to `None`.

    Returns:
        The new layer or model.

    Mirrors ``keras::from_config()`` of R keras 2.x.
    """
    if not isinstance(config, Mapping):
        raise bad_argument("config", config, "a configuration from get_config() (a named list / dict)",
                           error=TypeError)
    if config_class is None:
        raise bad_argument("config_class", config_class, "the class the configuration came from: in R the "
                           "attribute `config_class` that get_config() sets; in Python type(object)")
    if not (isinstance(config_class, type) and callable(getattr(config_class, "from_config", None))):
        raise bad_argument("config_class", config_class, "a Keras layer or model class", error=TypeError)
    if custom_objects is not None and not isinstance(custom_objects, Mapping):
        raise bad_argument("custom_objects", custom_objects, "a named list (dict) of classes or functions",
                           error=TypeError)
    with keras.saving.custom_object_scope(dict(custom_objects or {})):
        if issubclass(config_class, keras.Model):
            return config_class.from_config(dict(config), custom_objects=custom_objects)
        return config_class.from_config(dict(config))


def count_params(object: Any) -> int:
    """The number of scalars in the weights of a layer or model (trainable or not).

    Example:
        >>> count_params(layer_dense(keras_model_sequential(), units=4, input_shape=3))
        16

    Args:
        object: A built Keras layer or model (one that has its weights).

    Returns:
        An integer.

    Mirrors ``keras::count_params()`` of R keras 2.x.
    """
    _keras_object(object)
    if not object.built:
        raise bad_argument("object", object, "a built layer or model (give the first layer an input_shape, "
                           "or call it on an input first): this one has no weights yet")
    return int(object.count_params())


def _node(object: Any, node_index: Any) -> Any:
    _keras_object(object)
    index = as_integer(node_index, "node_index", minimum=1)
    nodes = list(getattr(object, "_inbound_nodes", []))
    if not nodes and index == 1 and isinstance(object, keras.Model):
        # A model that was never called itself: its first "node" is its own inputs and outputs.
        try:
            return object.inputs, object.outputs
        except (AttributeError, ValueError):
            pass
    if index > len(nodes):
        raise bad_argument("node_index", node_index,
                           f"a node of layer '{object.name}', from 1 to {len(nodes)} (the times it was "
                           "called on symbolic inputs)" if nodes else
                           f"a node of layer '{object.name}', which has none: it was never called on "
                           "symbolic inputs (layer_input() or a model with an input shape)")
    node = nodes[index - 1]
    # The inputs are the call's positional arguments; Keras 3 also lists tensors passed by keyword
    # (an RNN's mask or initial state), which R keras 2.x did not count as inputs.
    inputs = [t for t in keras.tree.flatten(node.arguments.args) if isinstance(t, keras.KerasTensor)]
    return inputs, list(node.output_tensors)


def _single(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _shape(tensor: Any) -> tuple[int | None, ...]:
    return tuple(tensor.shape)


def _mask(tensor: Any) -> Any:
    return getattr(tensor, "_keras_mask", None)


def get_input_at(object: Any, node_index: Any) -> Any:
    """The input tensor(s) of a layer at one of its nodes (the ``node_index``-th time it was called).

    Example:
        >>> x = layer_input(shape=3)
        >>> dense = layer_dense(units=2)
        >>> y1, y2 = dense(x), dense(layer_input(shape=3))
        >>> get_input_at(dense, 2)  # the second input

    Args:
        object: A Keras layer or model.
        node_index: Which call, counting from 1.

    Returns:
        A tensor, or a list of them for a layer with several inputs.

    Mirrors ``keras::get_input_at()`` of R keras 2.x.
    """
    return _single(_node(object, node_index)[0])


def get_output_at(object: Any, node_index: Any) -> Any:
    """The output tensor(s) of a layer at one of its nodes; see :func:`get_input_at`.

    Example:
        >>> get_output_at(dense, 1)

    Args:
        object: A Keras layer or model.
        node_index: Which call, counting from 1.

    Returns:
        A tensor, or a list of them.

    Mirrors ``keras::get_output_at()`` of R keras 2.x.
    """
    return _single(_node(object, node_index)[1])


def get_input_shape_at(object: Any, node_index: Any) -> Any:
    """The input shape(s) of a layer at one of its nodes, batch dimension first (`None`: unknown).

    Example:
        >>> get_input_shape_at(dense, 1)
        (None, 3)

    Args:
        object: A Keras layer or model.
        node_index: Which call, counting from 1.

    Returns:
        A tuple (R: a list with ``NULL`` for unknown sizes), or a list of them.

    Mirrors ``keras::get_input_shape_at()`` of R keras 2.x.
    """
    return _single([_shape(t) for t in _node(object, node_index)[0]])


def get_output_shape_at(object: Any, node_index: Any) -> Any:
    """The output shape(s) of a layer at one of its nodes; see :func:`get_input_shape_at`.

    Example:
        >>> get_output_shape_at(dense, 1)
        (None, 2)

    Args:
        object: A Keras layer or model.
        node_index: Which call, counting from 1.

    Returns:
        A tuple, or a list of them.

    Mirrors ``keras::get_output_shape_at()`` of R keras 2.x.
    """
    return _single([_shape(t) for t in _node(object, node_index)[1]])


def get_input_mask_at(object: Any, node_index: Any) -> Any:
    """The mask(s) of a layer's input at one of its nodes (`None` where there is no mask).

    Example:
        >>> x = layer_input(shape=(5, 2))
        >>> lstm = layer_lstm(units=3)
        >>> y = lstm(layer_masking(x))
        >>> get_input_mask_at(lstm, 1)  # a (batch, 5) boolean tensor

    Args:
        object: A Keras layer or model.
        node_index: Which call, counting from 1.

    Returns:
        A mask tensor, `None`, or a list of them.

    Mirrors ``keras::get_input_mask_at()`` of R keras 2.x.
    """
    return _single([_mask(t) for t in _node(object, node_index)[0]])


def get_output_mask_at(object: Any, node_index: Any) -> Any:
    """The mask(s) of a layer's output at one of its nodes; see :func:`get_input_mask_at`.

    Example:
        >>> get_output_mask_at(masking, 1)

    Args:
        object: A Keras layer or model.
        node_index: Which call, counting from 1.

    Returns:
        A mask tensor, `None`, or a list of them.

    Mirrors ``keras::get_output_mask_at()`` of R keras 2.x.
    """
    return _single([_mask(t) for t in _node(object, node_index)[1]])


def reset_states(object: Any) -> Any:
    """Reset the states of stateful layers (recurrent layers with ``stateful = TRUE``) to zeros.

    Example:
        >>> reset_states(model)

    Args:
        object: A layer, or a model: every stateful layer in it is reset.

    Returns:
        ``object`` (R returns it invisibly).

    Mirrors ``keras::reset_states()`` of R keras 2.x.
    """
    _keras_object(object)
    layers = [object, *object._flatten_layers(include_self=False)]
    for layer in layers:
        reset = getattr(layer, "reset_state", None)
        if callable(reset) and getattr(layer, "stateful", False):
            reset()
    return object
