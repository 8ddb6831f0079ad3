"""``create_layer``: a Keras 3 layer whose build, call and output shape come from another object.

R keras 2.x wrote custom layers as R6 classes inheriting from ``KerasLayer`` (methods
``build(input_shape)`` calling ``self$add_weight(...)``, ``call(x, mask = NULL)`` and
``compute_output_shape(input_shape)``) and turned them into layers with ``create_layer()``. Here
:class:`DelegatingLayer` is the Keras layer: Keras calls its ``build``/``call``/
``compute_output_shape`` and it calls the same methods of the user's object, an R6 instance (from
R) or an instance of any Python class with those methods (from Python; :class:`KerasLayer` is a
convenient base). ``add_weight`` on the user's object creates a variable on the Keras layer, so the
layer's ``weights``, training and checkpoints see it.

Shapes reach ``build`` and ``compute_output_shape`` as tuples with `None` for unknown sizes (R: a
list with ``NULL``), batch dimension first. ``compute_output_shape`` is only used when the layer is
called on a symbolic input (``layer_input()``); eager calls and ``fit`` run ``call``.
"""

from __future__ import annotations

import inspect
import types
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import keras

from ..bridge.conversion import as_integer_tuple
from ..bridge.errors import bad_argument

__all__ = ["KerasLayer", "DelegatingLayer", "create_layer"]

_FORWARDED = ("mask", "training")
# R keras 2.x's create_layer() gave these to the Keras layer, all other `args` to the class.
_LAYER_ARGS = ("input_shape", "batch_input_shape", "batch_size", "dtype", "name", "trainable", "weights")


def _accepted_keywords(fn: Callable[..., Any]) -> frozenset[str]:
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return frozenset()
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return frozenset(_FORWARDED)
    return frozenset(p.name for p in params if p.name in _FORWARDED and p.kind != p.POSITIONAL_ONLY)


def _plain_shape(shape: Any) -> Any:
    """A Keras shape (tuple, TensorShape, or a list of them for several inputs) as plain tuples."""
    if shape is None:
        return None
    if hasattr(shape, "as_list"):
        shape = shape.as_list() if shape.rank is not None else None
        return None if shape is None else tuple(shape)
    if isinstance(shape, (list, tuple)) and all(isinstance(s, int) or s is None for s in shape):
        return tuple(shape)
    if isinstance(shape, (list, tuple)):
        return [_plain_shape(s) for s in shape]
    if isinstance(shape, dict):
        return {k: _plain_shape(v) for k, v in shape.items()}
    return shape


class KerasLayer:
    """Base class for a custom layer's logic in Python (the R6 ``KerasLayer`` in R).

    Subclasses override :meth:`build`, :meth:`call` and :meth:`compute_output_shape`;
    :func:`create_layer` turns an instance into a Keras layer.

    Mirrors the R6 class ``keras::KerasLayer`` of R keras 2.x.
    """

    _wrapper: keras.layers.Layer | None = None

    def build(self, input_shape: Any) -> None:
        """Create the weights with :meth:`add_weight`; ``input_shape`` includes the batch dimension."""

    def call(self, inputs: Any, mask: Any = None) -> Any:
        """The layer's computation."""
        raise NotImplementedError("Keras custom layers must implement the call function")

    def compute_output_shape(self, input_shape: Any) -> Any:
        """The output shape for ``input_shape``; by default the same."""
        return input_shape

    def add_weight(
        self, name: str | None = None, shape: Any = None, dtype: Any = None, initializer: Any = None,
        regularizer: Any = None, trainable: bool = True, constraint: Any = None,
    ) -> Any:
        """Create a weight on the Keras layer (see :meth:`DelegatingLayer.add_weight`)."""
        if self._wrapper is None:
            raise RuntimeError("add_weight() is only available once create_layer() has made the layer "
                               "(call it from build(), not from the constructor)")
        return self._wrapper.add_weight(name=name, shape=shape, dtype=dtype, initializer=initializer,
                                        regularizer=regularizer, trainable=trainable, constraint=constraint)

    def add_loss(self, losses: Any, inputs: Any = None) -> None:
        """Add a loss (or a list of them) to the Keras layer (see :meth:`DelegatingLayer.add_loss`)."""
        if self._wrapper is None:
            raise RuntimeError("add_loss() is only available once create_layer() has made the layer")
        self._wrapper.add_loss(losses, inputs)

    def python_layer(self) -> keras.layers.Layer | None:
        """The Keras layer made from this object (R keras 2.x's ``python_layer()``)."""
        return self._wrapper

    def _set_wrapper(self, wrapper: keras.layers.Layer) -> None:
        self._wrapper = wrapper

    @property
    def wrapper(self) -> keras.layers.Layer | None:
        """The Keras layer made from this object."""
        return self._wrapper


class _KerasTwoLosses:
    """``add_loss`` as R keras 2.x users wrote it: ``add_loss(losses, inputs = NULL)``.

    A loss added while the layer computes (in ``call``) belongs to that call, as in Keras 3. A loss
    added elsewhere (in ``build``) stays with the layer, as Keras 2 kept it; Keras 3 would drop it
    at the next call. Such a loss is a tensor computed once (eager TensorFlow has no graph to
    re-run), so it adds a constant; a function of no arguments is re-evaluated every time the
    losses are read, which follows the weights.
    """

    def add_loss(self, losses: Any, inputs: Any = None) -> None:
        if inputs is not None:
            warnings.warn("add_loss(inputs = ...): Keras 3 has no losses conditional on inputs; the loss is "
                          "added unconditionally", stacklevel=2)
        flat = list(losses) if isinstance(losses, (list, tuple)) else [losses]
        if self.__dict__.get("_rkb_calling"):
            super().add_loss(flat)  # type: ignore[misc]
            return
        for loss in flat:
            if not callable(loss) and not keras.ops.is_tensor(loss):
                raise bad_argument("losses", loss, "a scalar tensor (or a function of no arguments "
                                   "returning one)", error=TypeError)
        self.__dict__.setdefault("_rkb_kept_losses", []).extend(flat)

    def _get_own_losses(self) -> list[Any]:
        own = super()._get_own_losses()  # type: ignore[misc]
        kept = self.__dict__.get("_rkb_kept_losses", [])
        return own + [loss() if callable(loss) else loss for loss in kept]


class DelegatingLayer(_KerasTwoLosses, keras.layers.Layer):
    """A Keras layer that calls ``build``, ``call`` and ``compute_output_shape`` of ``impl``."""

    def __init__(self, impl: Any, **kwargs: Any):
        super().__init__(**kwargs)
        call = getattr(impl, "call", None)
        if not callable(call):
            raise bad_argument("layer_class", impl, "an object with a `call(inputs, mask = NULL)` method",
                               error=TypeError)
        self._rkb_impl = impl
        self._rkb_keywords = _accepted_keywords(call)
        self.supports_masking = "mask" in self._rkb_keywords

    def _delegate(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        # An error in add_weight() reaches us through R's build() as a bare RuntimeError (reticulate
        # turns R errors into those); raise the original so R and Python see its class.
        self.__dict__["_rkb_error"] = None
        try:
            return method(*args, **kwargs)
        except RuntimeError as exc:
            inner = self.__dict__.get("_rkb_error")
            if inner is not None and inner is not exc and type(exc) is RuntimeError:
                raise inner from None
            raise

    def build(self, input_shape: Any) -> None:
        build = getattr(self._rkb_impl, "build", None)
        if callable(build):
            self._delegate(build, _plain_shape(input_shape))

    def call(self, inputs: Any, mask: Any = None, training: Any = None) -> Any:
        kwargs = {}
        if mask is not None and "mask" in self._rkb_keywords:
            kwargs["mask"] = mask
        if training is not None and "training" in self._rkb_keywords:
            kwargs["training"] = training
        self.__dict__["_rkb_calling"] = True  # add_loss() from here belongs to this call
        try:
            return self._rkb_impl.call(inputs, **kwargs)
        finally:
            self.__dict__["_rkb_calling"] = False

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        if callable(getattr(self._rkb_impl, "compute_output_shape", None)):
            return super().compute_output_spec(*args, **kwargs)
        # Without compute_output_shape, find the output by running `call` on symbolic inputs, as
        # Keras does for its own layers that do not define it.
        return keras.Operation.compute_output_spec(self, *args, **kwargs)

    def compute_output_shape(self, input_shape: Any) -> Any:
        method = getattr(self._rkb_impl, "compute_output_shape", None)
        if not callable(method):
            return super().compute_output_shape(input_shape)
        shape = method(_plain_shape(input_shape))
        flat = isinstance(shape, (list, tuple)) and not any(isinstance(s, (list, tuple, dict)) for s in shape)
        if flat:
            return as_integer_tuple(shape, "compute_output_shape()")
        return shape

    def add_weight(
        self, name: str | None = None, shape: Any = None, dtype: Any = None, initializer: Any = None,
        regularizer: Any = None, trainable: Any = True, constraint: Any = None, **kwargs: Any,
    ) -> Any:
        """Create a variable of this layer, with R keras 2.x's argument order (``name`` first).

        Args:
            name: The weight's name. Defaults to `None`.
            shape: Its shape, e.g. ``list(10, 4)`` or ``c(10, 4)``; R doubles are accepted.
            dtype: Defaults to `None` (the layer's dtype, float32).
            initializer: An initializer object or name. Defaults to `None` (Glorot uniform for
                floats).
            regularizer: Defaults to `None`.
            trainable: Defaults to `True`.
            constraint: Defaults to `None`.
            **kwargs: Further ``keras.layers.Layer.add_weight`` arguments.

        Returns:
            The variable.
        """
        try:
            if shape is None:
                raise bad_argument("shape", shape, "the weight's shape, e.g. list(10, 4)")
            variable = super().add_weight(
                shape=as_integer_tuple(shape, "shape", allow_unknown=False), initializer=initializer,
                dtype=dtype,
                trainable=True if trainable is None else bool(trainable), regularizer=regularizer,
                constraint=constraint, name=name, **kwargs,
            )
        except Exception as exc:
            self.__dict__["_rkb_error"] = exc
            raise
        # TensorFlow checkpoints find variables through attributes only; the user's object keeps
        # its own reference (in R, in the R6 instance), so the layer gets one too.
        usable = isinstance(name, str) and name.isidentifier() and not hasattr(self, name)
        attribute = name if usable else None
        setattr(self, attribute or f"weight_{len(self.weights) - 1}", variable)
        return variable


class _Methods(types.SimpleNamespace):
    """The methods of an R6 instance, as R passes them: a named list of functions."""


def _instantiate(layer_class: Any, arguments: dict[str, Any]) -> Any:
    if not callable(layer_class):
        raise bad_argument("layer_class", layer_class, "a class with build/call/compute_output_shape methods "
                           "(in R, an R6 class inheriting from KerasLayer)", error=TypeError)
    impl = layer_class(**arguments)
    if isinstance(impl, Mapping):
        impl = _Methods(**impl)
    return impl


def create_layer(layer_class: Any, object: Any = None, args: Any = None) -> Any:
    """Make a Keras layer from a class with ``build``, ``call`` and ``compute_output_shape`` methods.

    Example:
        >>> class Scale(KerasLayer):
        ...     def build(self, input_shape):
        ...         self.w = self.add_weight(name="w", shape=(1,), initializer="ones")
        ...     def call(self, x, mask=None):
        ...         return x * self.w
        >>> layer = create_layer(Scale, args={"name": "scale"})

    Args:
        layer_class: The class (R: an R6 class inheriting from ``KerasLayer``). It is
            instantiated with ``args`` except the standard layer arguments.
        object: What to compose the layer with, as in ``layer_dense`` (`None` returns the layer, a
            Sequential model gets it added, a tensor is passed through it). Defaults to `None`.
        args: A dict (R: named list) of arguments. ``input_shape``, ``batch_input_shape``,
            ``batch_size``, ``dtype``, ``name``, ``trainable`` and ``weights`` go to the Keras layer,
            the rest to ``layer_class``. Defaults to `None`.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::create_layer()`` of R keras 2.x.
    """
    from .layer_arguments import _make_layer

    if args is None:
        args = {}
    if not isinstance(args, Mapping):
        raise bad_argument("args", args, "a named list (dict) of arguments", error=TypeError)
    if any(not isinstance(k, str) or not k for k in args):
        raise bad_argument("args", args, "a list whose elements all have names")
    layer_arguments = {k: v for k, v in args.items() if k in _LAYER_ARGS}
    impl = _instantiate(layer_class, {k: v for k, v in args.items() if k not in _LAYER_ARGS})

    def make(**kwargs: Any) -> DelegatingLayer:
        layer = DelegatingLayer(impl, **kwargs)
        set_wrapper = getattr(impl, "_set_wrapper", None) or getattr(impl, "set_wrapper", None)
        if callable(set_wrapper):
            set_wrapper(layer)
        elif not hasattr(impl, "add_weight"):
            try:
                impl.add_weight = layer.add_weight
            except AttributeError:
                pass
        return layer

    return _make_layer(make, object, layer_arguments)
