"""Recurrent layers (R keras 2.x ``layers-recurrent.R``, ``layers-cudnn.R``), with R keras 2.x's
defaults: ``recurrent_activation = "hard_sigmoid"`` (Keras 2's slope 0.2) and, for GRU,
``reset_after = FALSE``.

The arguments every layer takes and how a layer is composed with ``object``: see
:mod:`rkeras_bridge.keras.layer_arguments`.
"""

from __future__ import annotations

from typing import Any

import keras

from ..bridge.conversion import as_flag, as_integer, as_number
from .layer_arguments import _activation, _make_layer

_ops = keras.ops

__all__ = ["layer_simple_rnn", "layer_gru", "layer_cudnn_gru", "layer_lstm", "layer_cudnn_lstm"]


def _rnn_common(units: Any, dropout: Any, recurrent_dropout: Any) -> dict[str, Any]:
    return {
        "units": as_integer(units, "units", minimum=1),
        "dropout": as_number(dropout, "dropout", low=0, high=1, high_open=True),
        "recurrent_dropout": as_number(recurrent_dropout, "recurrent_dropout", low=0, high=1, high_open=True),
    }


def layer_simple_rnn(
    object: Any = None, units: Any = None, activation: Any = "tanh", use_bias: bool = True,
    return_sequences: bool = False, return_state: bool = False, go_backwards: bool = False,
    stateful: bool = False, unroll: bool = False, kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, recurrent_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, recurrent_constraint: Any = None,
    bias_constraint: Any = None, dropout: Any = 0.0, recurrent_dropout: Any = 0.0, name: str | None = None,
    **kwargs: Any,
) -> Any:
    """Fully connected RNN: ``h_t = activation(x_t %*% kernel + h_{t-1} %*% recurrent_kernel + bias)``.

    Example:
        >>> layer = layer_simple_rnn(units=16, return_sequences=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        activation: Defaults to `"tanh"`.
        use_bias: Defaults to `True`.
        return_sequences: Return the whole output sequence, not only the last output.
            Defaults to `False`.
        return_state: Also return the last state (the call then returns a list). Defaults to `False`.
        go_backwards: Process the sequence backwards. Defaults to `False`.
        stateful: Keep the state between batches (needs a fixed batch size: ``batch_size`` or
            ``batch_input_shape`` on the first layer). Defaults to `False`.
        unroll: Unroll the loop. Defaults to `False`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        dropout: Dropout rate of the inputs, in [0, 1). Defaults to `0`.
        recurrent_dropout: Dropout rate of the state, in [0, 1). Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.SimpleRNN`` arguments (``seed``).

    Returns:
        The layer, the model, or the output (a list of output and state with ``return_state``).

    Mirrors ``keras::layer_simple_rnn()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.SimpleRNN, object, dict(kwargs, name=name),
        **_rnn_common(units, dropout, recurrent_dropout),
        activation=_activation(activation), use_bias=as_flag(use_bias, "use_bias"),
        return_sequences=as_flag(return_sequences, "return_sequences"),
        return_state=as_flag(return_state, "return_state"),
        go_backwards=as_flag(go_backwards, "go_backwards"),
        stateful=as_flag(stateful, "stateful"), unroll=as_flag(unroll, "unroll"),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
    )


def layer_gru(
    object: Any = None, units: Any = None, activation: Any = "tanh",
    recurrent_activation: Any = "hard_sigmoid", use_bias: bool = True, return_sequences: bool = False,
    return_state: bool = False, go_backwards: bool = False, stateful: bool = False, unroll: bool = False,
    reset_after: bool = False, kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, recurrent_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, recurrent_constraint: Any = None,
    bias_constraint: Any = None, dropout: Any = 0.0, recurrent_dropout: Any = 0.0, name: str | None = None,
    **kwargs: Any,
) -> Any:
    """Gated recurrent unit (Cho et al. 2014), with R keras 2.x's 2018 defaults.

    Example:
        >>> layer = layer_gru(units=16, return_sequences=True, return_state=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        activation: Defaults to `"tanh"`.
        recurrent_activation: Activation of the gates. Defaults to `"hard_sigmoid"` (Keras 2's
            ``clip(0.2 * x + 0.5, 0, 1)``; Keras 3's GRU default is ``"sigmoid"``).
        use_bias: Defaults to `True`.
        return_sequences: Return the whole output sequence, not only the last output.
            Defaults to `False`.
        return_state: Also return the last state (the call then returns a list). Defaults to `False`.
        go_backwards: Process the sequence backwards. Defaults to `False`.
        stateful: Keep the state between batches. Defaults to `False`.
        unroll: Unroll the loop. Defaults to `False`.
        reset_after: Apply the reset gate after the matrix product (the CuDNN variant, with two
            bias vectors). Defaults to `False` (Keras 3's default is `True`).
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        dropout: Dropout rate of the inputs, in [0, 1). Defaults to `0`.
        recurrent_dropout: Dropout rate of the state, in [0, 1). Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.GRU`` arguments (``seed``).

    Returns:
        The layer, the model, or the output (a list of output and state with ``return_state``).

    Mirrors ``keras::layer_gru()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.GRU, object, dict(kwargs, name=name), **_rnn_common(units, dropout, recurrent_dropout),
        activation=_activation(activation), recurrent_activation=_activation(recurrent_activation),
        use_bias=as_flag(use_bias, "use_bias"),
        return_sequences=as_flag(return_sequences, "return_sequences"),
        return_state=as_flag(return_state, "return_state"),
        go_backwards=as_flag(go_backwards, "go_backwards"),
        stateful=as_flag(stateful, "stateful"), unroll=as_flag(unroll, "unroll"),
        reset_after=as_flag(reset_after, "reset_after"), kernel_initializer=kernel_initializer,
        recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer,
        kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
        bias_constraint=bias_constraint,
    )


def layer_cudnn_gru(
    object: Any = None, units: Any = None, kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros",
    kernel_regularizer: Any = None, recurrent_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, recurrent_constraint: Any = None,
    bias_constraint: Any = None, return_sequences: bool = False, return_state: bool = False,
    stateful: bool = False, name: str | None = None, **kwargs: Any,
) -> Any:
    """The CuDNN GRU: a GRU with CuDNN's math, on any device.

    CuDNNGRU is gone from Keras 3; it computed a GRU with ``activation = "tanh"``,
    ``recurrent_activation = "sigmoid"`` and ``reset_after = TRUE``, which Keras 3's GRU runs
    with cuDNN on a GPU and with the same math elsewhere. Its bias is one (2, 3 * units) matrix where
    CuDNNGRU had a vector of 6 * units; :func:`set_weights` accepts the vector.

    Example:
        >>> layer = layer_cudnn_gru(units=16, return_sequences=True, return_state=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        return_sequences: Defaults to `False`.
        return_state: Defaults to `False`.
        stateful: Defaults to `False`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.GRU`` arguments.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::layer_cudnn_gru()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.GRU, object, dict(kwargs, name=name), units=as_integer(units, "units", minimum=1),
        activation="tanh", recurrent_activation="sigmoid", reset_after=True,
        return_sequences=as_flag(return_sequences, "return_sequences"),
        return_state=as_flag(return_state, "return_state"), stateful=as_flag(stateful, "stateful"),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
        recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
        activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
        recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
    )


def layer_lstm(
    object: Any = None, units: Any = None, activation: Any = "tanh",
    recurrent_activation: Any = "hard_sigmoid", use_bias: bool = True, return_sequences: bool = False,
    return_state: bool = False, go_backwards: bool = False, stateful: bool = False, unroll: bool = False,
    kernel_initializer: Any = "glorot_uniform", recurrent_initializer: Any = "orthogonal",
    bias_initializer: Any = "zeros", unit_forget_bias: bool = True, kernel_regularizer: Any = None,
    recurrent_regularizer: Any = None, bias_regularizer: Any = None, activity_regularizer: Any = None,
    kernel_constraint: Any = None, recurrent_constraint: Any = None, bias_constraint: Any = None,
    dropout: Any = 0.0, recurrent_dropout: Any = 0.0, name: str | None = None, **kwargs: Any,
) -> Any:
    """Long short-term memory layer (Hochreiter 1997), with R keras 2.x's 2018 defaults.

    Example:
        >>> layer = layer_lstm(units=16)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        activation: Defaults to `"tanh"`.
        recurrent_activation: Defaults to `"hard_sigmoid"` (Keras 2's; see :func:`layer_gru`).
        use_bias: Defaults to `True`.
        return_sequences: Defaults to `False`.
        return_state: Also return the last states (output, h, c). Defaults to `False`.
        go_backwards: Defaults to `False`.
        stateful: Defaults to `False`.
        unroll: Defaults to `False`.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        unit_forget_bias: Add 1 to the forget gate's bias at initialisation. Defaults to `True`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        dropout: Defaults to `0`.
        recurrent_dropout: Defaults to `0`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or further ``keras.layers.LSTM`` arguments.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::layer_lstm()`` of R keras 2.x.
    """
    return _make_layer(
        keras.layers.LSTM, object, dict(kwargs, name=name), **_rnn_common(units, dropout, recurrent_dropout),
        activation=_activation(activation), recurrent_activation=_activation(recurrent_activation),
        use_bias=as_flag(use_bias, "use_bias"),
        return_sequences=as_flag(return_sequences, "return_sequences"),
        return_state=as_flag(return_state, "return_state"),
        go_backwards=as_flag(go_backwards, "go_backwards"),
        stateful=as_flag(stateful, "stateful"), unroll=as_flag(unroll, "unroll"),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, unit_forget_bias=as_flag(unit_forget_bias, "unit_forget_bias"),
        kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
        bias_constraint=bias_constraint,
    )


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class CuDNNLSTMCell(keras.layers.LSTMCell):
    """An LSTM cell with CuDNN's two bias vectors, kept as one (2, 4 * units) weight.

    Row 1 is the input bias, row 2 the recurrent bias; the cell adds their sum, which is what
    CuDNNLSTM computed. As in Keras 2's CuDNNLSTM, ``unit_forget_bias`` puts the 1 of the forget
    gate into the recurrent row.
    """

    def build(self, input_shape: Any) -> None:
        use_bias = self.use_bias
        self.use_bias = False  # the parent builds kernel and recurrent kernel only
        try:
            super().build(input_shape)
        finally:
            self.use_bias = use_bias
        if not use_bias:
            return
        units, initializer, forget_one = self.units, self.bias_initializer, self.unit_forget_bias

        def bias_initializer(shape: Any, dtype: Any = None) -> Any:
            value = initializer((2, 4 * units), dtype=dtype)
            if forget_one:
                ones = _ops.concatenate([_ops.zeros((1, 4 * units), dtype=dtype), _ops.concatenate(
                    [_ops.zeros((1, units), dtype=dtype), _ops.ones((1, units), dtype=dtype),
                     _ops.zeros((1, 2 * units), dtype=dtype)], axis=1)], axis=0)
                value = _ops.where(_ops.cast(ones, "bool"), ones, value)
            return value

        self.cudnn_bias = self.add_weight(shape=(2, 4 * units), name="bias", initializer=bias_initializer,
                                          regularizer=self.bias_regularizer, constraint=self.bias_constraint)

    @property
    def bias(self) -> Any:
        weight = getattr(self, "cudnn_bias", None)
        return None if weight is None else _ops.sum(weight, axis=0)

    @bias.setter
    def bias(self, value: Any) -> None:
        # LSTMCell.build assigns `self.bias = None` (use_bias was switched off for it): nothing to keep.
        pass


@keras.saving.register_keras_serializable(package="rkeras_bridge")
class CuDNNLSTM(keras.layers.LSTM):
    """Keras 2's CuDNNLSTM on any device: ``tanh``/``sigmoid`` LSTM with two bias vectors.

    Keras 3 dropped the class; its LSTM with these activations runs cuDNN's kernel on a GPU (and
    the same math elsewhere), which is what this layer uses, with the bias kept as CuDNNLSTM
    kept it (8 * units values) so weights and parameter counts carry over.
    """

    def __init__(self, units: int, kernel_initializer: Any = "glorot_uniform",
                 recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros",
                 unit_forget_bias: bool = True, kernel_regularizer: Any = None,
                 recurrent_regularizer: Any = None, bias_regularizer: Any = None,
                 activity_regularizer: Any = None, kernel_constraint: Any = None,
                 recurrent_constraint: Any = None, bias_constraint: Any = None,
                 return_sequences: bool = False, return_state: bool = False, go_backwards: bool = False,
                 stateful: bool = False, **kwargs: Any):
        cell = CuDNNLSTMCell(
            units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
            kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer, unit_forget_bias=unit_forget_bias,
            kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
            dtype=kwargs.get("dtype"), trainable=kwargs.get("trainable", True), name="lstm_cell",
        )
        # LSTM.__init__ would make a plain LSTMCell; RNN.__init__ takes ours.
        keras.layers.RNN.__init__(
            self, cell, return_sequences=return_sequences, return_state=return_state,
            go_backwards=go_backwards, stateful=stateful, activity_regularizer=activity_regularizer, **kwargs,
        )
        self.input_spec = keras.layers.InputSpec(ndim=3)
        self.use_cudnn = "auto"
        self.supports_jit = False  # cuDNN kernels do not compile with XLA

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        for fixed in ("activation", "recurrent_activation", "use_bias", "dropout", "recurrent_dropout",
                      "seed"):
            config.pop(fixed, None)
        return config


def layer_cudnn_lstm(
    object: Any = None, units: Any = None, kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal", bias_initializer: Any = "zeros", unit_forget_bias: bool = True,
    kernel_regularizer: Any = None, recurrent_regularizer: Any = None, bias_regularizer: Any = None,
    activity_regularizer: Any = None, kernel_constraint: Any = None, recurrent_constraint: Any = None,
    bias_constraint: Any = None, return_sequences: bool = False, return_state: bool = False,
    stateful: bool = False, name: str | None = None, **kwargs: Any,
) -> Any:
    """The CuDNN LSTM: an LSTM with CuDNN's math, on any device.

    CuDNNLSTM is gone from Keras 3. It computed an LSTM with ``activation = "tanh"`` and
    ``recurrent_activation = "sigmoid"`` and two bias vectors (input and recurrent) that are added;
    this layer computes the same (with cuDNN on a GPU, through Keras 3's LSTM) and keeps the bias
    as a (2, 4 * units) weight, 8 * units values like CuDNNLSTM's; :func:`set_weights` also takes
    CuDNNLSTM's vector.

    Example:
        >>> layer = layer_cudnn_lstm(units=16, return_sequences=True)

    Args:
        object: As in :func:`layer_dense`. Defaults to `None`.
        units: Dimension of the output, a positive integer.
        kernel_initializer: Defaults to `"glorot_uniform"`.
        recurrent_initializer: Defaults to `"orthogonal"`.
        bias_initializer: Defaults to `"zeros"`.
        unit_forget_bias: Add 1 to the forget gate's (recurrent) bias at initialisation.
            Defaults to `True`.
        kernel_regularizer: Defaults to `None`.
        recurrent_regularizer: Defaults to `None`.
        bias_regularizer: Defaults to `None`.
        activity_regularizer: Defaults to `None`.
        kernel_constraint: Defaults to `None`.
        recurrent_constraint: Defaults to `None`.
        bias_constraint: Defaults to `None`.
        return_sequences: Defaults to `False`.
        return_state: Also return the last states (output, h, c). Defaults to `False`.
        stateful: Defaults to `False`.
        name: Layer name. Defaults to `None`.
        **kwargs: Common layer arguments or ``go_backwards``.

    Returns:
        The layer, the model, or the output, depending on ``object``.

    Mirrors ``keras::layer_cudnn_lstm()`` of R keras 2.x.
    """
    if "go_backwards" in kwargs:
        kwargs["go_backwards"] = as_flag(kwargs["go_backwards"], "go_backwards")
    return _make_layer(
        CuDNNLSTM, object, dict(kwargs, name=name), units=as_integer(units, "units", minimum=1),
        kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
        bias_initializer=bias_initializer, unit_forget_bias=as_flag(unit_forget_bias, "unit_forget_bias"),
        kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
        bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
        kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
        bias_constraint=bias_constraint, return_sequences=as_flag(return_sequences, "return_sequences"),
        return_state=as_flag(return_state, "return_state"), stateful=as_flag(stateful, "stateful"),
    )
