"""``keras_model_custom``: a Keras 3 model whose layers and forward pass come from one function.

The 2018 R idiom builds a model from a closure: ``model_fn(self)`` sets layers on ``self`` and
returns the forward function ``function(x, mask = NULL, training = FALSE)``. Keras 3 removed
``keras_model_custom`` and only passes ``training``/``mask`` to a ``call`` that names them, so the
model here has a fixed ``call(inputs, *args, training=None, mask=None, **kwargs)``: further
positional inputs (``model(input_image, target, training = TRUE)`` on
``function(inp, target, training = FALSE)``, as R keras 2.2.4 allowed) and other keyword arguments
reach the user's function unchanged, while ``training`` and ``mask`` are forwarded only as
keywords, only when the user's function names them and Keras has a value for them (``None`` leaves
the user's own default in force, e.g. R's ``training = FALSE``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import keras

from ..bridge.errors import bad_argument, describe

__all__ = ["CustomModel", "keras_model_custom"]

_FORWARDED = ("training", "mask")


def _accepted_keywords(fn: Callable[..., Any]) -> frozenset[str]:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError) as exc:
        raise bad_argument(
            "model_fn", fn, "a function returning the call function `function(x, mask, training)` with an "
            "inspectable signature (from R, keras_model_custom() wraps it for you)", error=TypeError
        ) from exc
    params = list(params)
    positional = [p for p in params
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)]
    if not positional:
        raise bad_argument(
            "model_fn", fn, "a call function that takes the inputs as its first argument, "
            "e.g. function(x, mask = NULL, training = FALSE); its signature is " + str(inspect.signature(fn)),
            error=TypeError,
        )
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return frozenset(_FORWARDED)
    return frozenset(p.name for p in params if p.name in _FORWARDED and p.kind != p.POSITIONAL_ONLY)


class CustomModel(keras.Model):
    """A Keras 3 ``Model`` built by ``model_fn(self)``; see :func:`keras_model_custom`."""

    def __init__(self, model_fn: Callable[[Any], Callable[..., Any]], name: str | None = None, **kwargs: Any):
        if not callable(model_fn):
            raise bad_argument("model_fn", model_fn, "a function of `self`", error=TypeError)
        super().__init__(name=name, **kwargs)
        call_fn = model_fn(self)
        if not callable(call_fn):
            raise bad_argument(
                "model_fn", call_fn,
                "model_fn(self) to return the call function, "
                "e.g. function(x, mask = NULL, training = FALSE); "
                f"it returned {describe(call_fn)}", error=TypeError,
            )
        self._rkb_call_fn = call_fn
        self._rkb_keywords = _accepted_keywords(call_fn)
        # A forward function that takes `mask` handles masks itself; Keras should pass them on.
        self.supports_masking = "mask" in self._rkb_keywords
        # 2018 models took any positional argument after the inputs (a target image, a hidden
        # state, a flag); Keras 3 refuses non-tensors there unless a layer opts in.
        self._allow_non_tensor_positional_args = True

    def build(self, input_shape: Any = None) -> None:
        # Keras 3 would build by running `call` on symbolic tensors, i.e. run the user's (R) code
        # twice on the first call, once on values it cannot inspect. The sub-layers build
        # themselves on the first real call instead.
        self.built = True

    def call(self, inputs: Any, *args: Any, training: bool | None = None, mask: Any = None,
             **kwargs: Any) -> Any:
        # `training` and `mask` are keyword-only here, so a second positional input can never be
        # taken for `training` (Keras 3 binds call arguments by this signature).
        if training is not None and "training" in self._rkb_keywords:
            kwargs["training"] = training
        if mask is not None and "mask" in self._rkb_keywords:
            kwargs["mask"] = mask
        return self._rkb_call_fn(inputs, *args, **kwargs)


def keras_model_custom(model_fn: Callable[[Any], Callable[..., Any]], name: str | None = None) -> CustomModel:
    """Create a custom Keras model from a function that defines its layers and forward pass.

    Example:
        >>> def build(self):
        ...     self.dense1 = layer_dense(units=32)
        ...     self.output_layer = layer_dense(units=1)
        ...     def call(x, mask=None, training=False):
        ...         return self.output_layer(self.dense1(x))
        ...     return call
        >>> model = keras_model_custom(build, name="m")

    Args:
        model_fn: Called once with the new model as ``self``; sets layers as attributes of ``self``
            (they are tracked, so their weights appear in ``model.variables``) and returns the call
            function. The call function takes the inputs first, then any further positional
            inputs and keyword arguments the model is called with
            (``model(image, target, training=True)`` calls ``call(image, target, training=True)``);
            it receives ``mask`` and ``training`` only when it names them, and only by name.
        name: The model's name. Defaults to `None` (Keras picks one).

    Returns:
        A :class:`CustomModel` (a ``keras.Model``). Printing or summarising it before its first
        call works and shows unbuilt layers.

    Mirrors ``keras::keras_model_custom(model_fn, name = NULL)`` of R keras 2.x.
    """
    if name is not None and not isinstance(name, str):
        raise bad_argument("name", name, "a string or NULL/None", error=TypeError)
    return CustomModel(model_fn, name=name)
