"""``freeze_weights`` / ``unfreeze_weights``: make a model's layers (or a range of them) (un)trainable."""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = ["freeze_weights", "unfreeze_weights"]


def _check(object: Any) -> None:
    if not isinstance(object, keras.layers.Layer):
        raise bad_argument("object", object, "a Keras model or layer", error=TypeError)


def _position(object: Any, value: Any, name: str) -> int:
    """A layer given by name or 1-based position as a 0-based index into ``object.layers``."""
    layers = object.layers
    n = len(layers)
    if isinstance(value, str):
        names = [layer.name for layer in layers]
        if value not in names:
            raise bad_argument(name, value, f"the name of one of the model's layers ({', '.join(names)})")
        return names.index(value)
    if isinstance(value, keras.layers.Layer):
        for i, layer in enumerate(layers):
            if layer is value:
                return i
        raise bad_argument(name, value, "a layer of the model")
    i = as_integer(value, name)
    if not 1 <= i <= n:
        raise bad_argument(name, value, f"a layer name or a position in 1..{n} (the model has {n} layers)")
    return i - 1


def _set_range(object: Any, from_: Any, to: Any, trainable: bool, names: tuple[str, str]) -> None:
    layers = getattr(object, "layers", None)
    if not layers:
        raise bad_argument(names[0], from_, "no range: the object has no layers to choose from")
    first = 0 if from_ is None else _position(object, from_, names[0])
    last = len(layers) - 1 if to is None else _position(object, to, names[1])
    if first > last:
        raise bad_argument(names[1], to, f"a layer at or after `from` (layer {first + 1})")
    # As R keras 2.2.4 documented: the range gets `trainable`, every other layer the opposite.
    for i, layer in enumerate(layers):
        layer.trainable = trainable if first <= i <= last else not trainable


def freeze_weights(object: Any, from_: Any = None, to: Any = None, **kwargs: Any) -> Any:
    """Freeze the weights of a model, or of the layers ``from`` .. ``to``, so that training leaves them.

    Example:
        >>> freeze_weights(model, from_=1, to=3)  # R: freeze_weights(model, from = 1, to = 3)

    Args:
        object: A model (or a layer: then the whole layer is frozen).
        from_: The first layer to freeze, by name or 1-based position (``from`` in R, or as a keyword
            ``**{"from": ...}`` in Python). Defaults to `None`: the first layer.
        to: The last layer to freeze (included), by name or position. Defaults to `None`: the last.

    Returns:
        ``object``, changed in place (R returns it invisibly). With neither ``from`` nor ``to`` the
        whole model is made non-trainable (Keras 3 passes this on to every layer). With a range,
        the model is trainable, the layers in the range (both ends included) are frozen and all
        the others unfrozen, as R keras 2.2.4 documented. Compile (again) after freezing, as in
        Keras 2.2.4.

    Mirrors ``keras::freeze_weights()`` of R keras 2.2.4.
    """
    _check(object)
    from_ = _from(from_, kwargs)
    if from_ is None and to is None:
        object.trainable = False
    else:
        object.trainable = True
        _set_range(object, from_, to, False, ("from", "to"))
    return object


def unfreeze_weights(object: Any, from_: Any = None, to: Any = None, **kwargs: Any) -> Any:
    """Unfreeze the weights of a model, or of the layers ``from`` .. ``to``.

    Example:
        >>> unfreeze_weights(model)

    Args:
        object: A model (or a layer).
        from_: The first layer to unfreeze, by name or 1-based position (``from`` in R). Defaults to
            `None`: the first layer.
        to: The last layer to unfreeze (included). Defaults to `None`: the last layer.

    Returns:
        ``object``, changed in place (R returns it invisibly). With neither ``from`` nor ``to`` the
        whole model (every layer) is made trainable; with a range, the layers in it are made
        trainable and all the others frozen: ``unfreeze_weights(conv_base, from = "block5_conv1")``
        fine-tunes the top block only.

    Mirrors ``keras::unfreeze_weights()`` of R keras 2.2.4.
    """
    _check(object)
    from_ = _from(from_, kwargs)
    object.trainable = True
    if from_ is not None or to is not None:
        _set_range(object, from_, to, True, ("from", "to"))
    return object


def _from(from_: Any, kwargs: dict[str, Any]) -> Any:
    # `from` is a Python keyword: R's `from = 2` arrives as the keyword "from".
    if "from" in kwargs:
        if from_ is not None:
            raise bad_argument("from", kwargs["from"], "`from` given once (not also as `from_`)")
        from_ = kwargs.pop("from")
    if kwargs:
        raise TypeError(f"unexpected argument(s): {', '.join(sorted(kwargs))}")
    return from_
