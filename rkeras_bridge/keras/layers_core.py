"""Core layers (R keras 2.x ``layers-core.R``): input, dense, activation, reshape, permute,
repeat_vector, lambda, activity_regularization, masking, flatten; and dense_features (R keras
2.2.5's ``layers-features.R``, which the May 2019 test suite already used).

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_integer_tuple, as_number
from ..bridge.errors import bad_argument
from .layer_arguments import _activation, _make_layer, _shape

__all__ = ["layer_input", "layer_dense", "layer_activation", "layer_flatten", "layer_reshape", "layer_lambda",
           "layer_permute", "layer_repeat_vector", "layer_activity_regularization", "layer_masking",
           "layer_dense_features"]


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
    kernel_regularizer: Any = None,
    bias_regularizer: Any = None,
    activity_regularizer: Any = None,
    kernel_constraint: Any = None,
    bias_constraint: Any = None,
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
        kernel_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Regularizer of the output. Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        name: Layer name. Defaults to `None`.
        **kwargs: The common layer arguments (``input_shape``, ``batch_input_shape``,
            ``batch_size``, ``dtype``, ``trainable``, ``weights``; see the module notes) or further
            ``keras.layers.Dense`` arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_dense()`` of R keras 2.x.
    """
    units = as_integer(units, "units", minimum=1)
    return _make_layer(keras.layers.Dense, object, dict(kwargs, name=name), units=units,
                       activation=_activation(activation), use_bias=as_flag(use_bias, "use_bias"),
                       kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                       kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                       activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
                       bias_constraint=bias_constraint)


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


def layer_permute(object: Any = None, dims: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Permutes the dimensions of each example (the batch dimension stays first).

    Example:
        >>> layer = layer_permute(dims=(2, 1))  # (batch, 10, 64) -> (batch, 64, 10)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        dims: The permutation of the non-batch dimensions, numbered from 1, e.g. ``c(2, 1)``.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_permute()`` of R keras 2.x.
    """
    if dims is None:
        raise bad_argument("dims", dims, "a permutation of 1, ..., n such as c(2, 1)")
    values = np.asarray(dims, dtype="O").reshape(-1).tolist()
    parsed = tuple(as_integer(v, f"dims[{i + 1}]", minimum=1) for i, v in enumerate(values))
    if sorted(parsed) != list(range(1, len(parsed) + 1)):
        raise bad_argument("dims", dims, f"a permutation of 1, ..., {len(parsed)} (the non-batch dimensions, "
                           "numbered from 1)")
    return _make_layer(keras.layers.Permute, object, dict(kwargs, name=name), dims=parsed)


def layer_repeat_vector(object: Any = None, n: Any = None, name: str | None = None, **kwargs: Any) -> Any:
    """Repeats each example ``n`` times: (batch, features) to (batch, n, features).

    Example:
        >>> layer = layer_repeat_vector(n=3)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        n: The number of repetitions, a positive integer.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_repeat_vector()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.RepeatVector, object, dict(kwargs, name=name),
                       n=as_integer(n, "n", minimum=1))


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class ActivityRegularization(keras.layers.Layer):
    """Passes its input on and adds ``l1 * sum(|x|) + l2 * sum(x^2)`` to the losses, as Keras 2 did.

    Keras 3's ``ActivityRegularization`` divides the penalty by the batch size; Keras 2.2.4 (R
    keras 2.2.4's default implementation) added the plain sum over the batch.
    """

    def __init__(self, l1: float = 0.0, l2: float = 0.0, **kwargs: Any):
        super().__init__(**kwargs)
        self.l1 = float(l1)
        self.l2 = float(l2)
        self.supports_masking = True

    def call(self, inputs: Any) -> Any:
        x = keras.ops.convert_to_tensor(inputs, dtype=self.compute_dtype)
        penalty = keras.ops.convert_to_tensor(0.0, dtype=x.dtype)
        if self.l1:
            penalty = penalty + self.l1 * keras.ops.sum(keras.ops.abs(x))
        if self.l2:
            penalty = penalty + self.l2 * keras.ops.sum(keras.ops.square(x))
        if self.l1 or self.l2:
            self.add_loss(penalty)
        return x

    def compute_output_shape(self, input_shape: Any) -> Any:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "l1": self.l1, "l2": self.l2}


def layer_activity_regularization(object: Any = None, l1: Any = 0.0, l2: Any = 0.0, name: str | None = None,
                                  **kwargs: Any) -> Any:
    """Passes the input on unchanged and adds an L1/L2 penalty on it to the model's losses.

    The penalty is ``l1 * sum(abs(x)) + l2 * sum(x^2)`` over the whole batch, as in Keras 2.2.4
    (Keras 3's layer of that name divides it by the batch size).

    Example:
        >>> layer = layer_activity_regularization(l1=0.01)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        l1: L1 factor, a number >= 0. Defaults to `0`.
        l2: L2 factor, a number >= 0. Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_activity_regularization()`` of R keras 2.x.
    """
    return _make_layer(ActivityRegularization, object, dict(kwargs, name=name),
                       l1=as_number(l1, "l1", low=0), l2=as_number(l2, "l2", low=0))


def layer_masking(object: Any = None, mask_value: Any = 0.0, name: str | None = None, **kwargs: Any) -> Any:
    """Masks the timesteps whose features all equal ``mask_value`` (skipped by layers that support masks).

    The output is the input with masked timesteps set to 0, and a mask (batch, timesteps) that
    recurrent layers downstream use to skip those steps.

    Example:
        >>> layer = layer_masking(mask_value=0)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        mask_value: The padding value, a number. Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_masking()`` of R keras 2.x.
    """
    return _make_layer(keras.layers.Masking, object, dict(kwargs, name=name),
                       mask_value=as_number(mask_value, "mask_value"))


def _feature_column_api() -> Any:
    import tensorflow as tf

    return tf.__internal__.feature_column


class _ColumnState:
    """The state manager of TensorFlow feature columns, creating their variables on a Keras 3 layer."""

    def __init__(self, layer: keras.layers.Layer):
        self._layer = layer
        self._variables: dict[Any, dict[str, Any]] = {}
        self._resources: dict[Any, dict[str, Any]] = {}

    def create_variable(self, feature_column: Any, name: str, shape: Any, dtype: Any = None,
                        trainable: bool = True, use_resource: bool = True, initializer: Any = None) -> Any:
        variable = self._layer.add_weight(name=name, shape=shape, dtype=dtype, initializer=initializer,
                                          trainable=self._layer.trainable and trainable)
        self._variables.setdefault(feature_column, {})[name] = variable
        return variable

    def get_variable(self, feature_column: Any, name: str) -> Any:
        # Feature columns call TensorFlow ops on the tf.Variable itself.
        return self._variables[feature_column][name].value

    def add_variable(self, feature_column: Any, var: Any) -> None:
        self._variables.setdefault(feature_column, {})[var.name] = var

    def has_resource(self, feature_column: Any, name: str) -> bool:
        return name in self._resources.get(feature_column, {})

    def add_resource(self, feature_column: Any, name: str, resource: Any) -> None:
        # vocabulary columns keep their lookup table here, made once (in an init scope) and reused
        self._resources.setdefault(feature_column, {})[name] = resource

    def get_resource(self, feature_column: Any, name: str) -> Any:
        return self._resources[feature_column][name]


class DenseFeatures(keras.layers.Layer):
    """TensorFlow's ``DenseFeatures`` (tf.keras 1.14+, gone with Keras 3) on Keras 3.

    The input is a dict (R: named list) of feature tensors; each feature column (sorted by name)
    gives a dense (batch, n) tensor, and the output is their concatenation.
    """

    def __init__(self, feature_columns: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self._feature_columns = sorted(feature_columns, key=lambda column: column.name)
        self._state = _ColumnState(self)

    def build(self, input_shape: Any = None) -> None:
        for column in self._feature_columns:
            column.create_state(self._state)
        self.built = True

    def call(self, features: Any) -> Any:
        import tensorflow as tf

        cache = _feature_column_api().FeatureTransformationCache(features)
        outputs = []
        for column in self._feature_columns:
            tensor = column.get_dense_tensor(cache, self._state)
            width = column.variable_shape.num_elements()
            outputs.append(tf.reshape(tf.cast(tensor, self.compute_dtype), (-1, width)))
        return tf.concat(outputs, axis=-1)

    def compute_output_shape(self, input_shape: Any) -> Any:
        return (None, sum(column.variable_shape.num_elements() for column in self._feature_columns))


def layer_dense_features(object: Any = None, feature_columns: Any = None, name: str | None = None,
                         **kwargs: Any) -> Any:
    """Turns a named list of features into one dense tensor through TensorFlow feature columns.

    Each column (``tf$feature_column$numeric_column("mpg")``, an embedding or indicator column
    ...) makes a (batch, n) tensor from the features; the output concatenates them, the columns
    sorted by name, as TensorFlow's ``DenseFeatures`` did. Keras 3 dropped that layer; this one
    computes the same on Keras 3 (embedding columns' tables are the layer's weights).

    Example:
        >>> fc = [tf.feature_column.numeric_column("mpg")]
        >>> out = layer_dense_features({"mpg": layer_input(shape=1)}, feature_columns=fc)

    Args:
        object: As in :func:`layer_dense`; a tensor input is a dict (R: named list) of tensors.
            Defaults to `None`.
        feature_columns: A list of TensorFlow feature columns (dense columns).
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments.

    Returns:
        The layer, the model, or the output tensor, depending on ``object``.

    Mirrors ``keras::layer_dense_features()`` of R keras 2.2.5.
    """
    dense_column = _feature_column_api().DenseColumn
    if isinstance(feature_columns, dict):  # an R named list, e.g. tfdatasets' spec$dense_features()
        feature_columns = list(feature_columns.values())
    columns = list(feature_columns) if isinstance(feature_columns, (list, tuple)) else [feature_columns]
    if feature_columns is None or not columns or not all(isinstance(c, dense_column) for c in columns):
        raise bad_argument("feature_columns", feature_columns, "a list of dense TensorFlow feature columns "
                           "(tf$feature_column$numeric_column(), embedding_column(), indicator_column() ...)",
                           error=TypeError)
    return _make_layer(DenseFeatures, object, dict(kwargs, name=name), feature_columns=columns)
