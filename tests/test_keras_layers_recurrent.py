"""The recurrent layers added for R keras 2.2.4 (layer_simple_rnn, layer_cudnn_lstm): values against NumPy."""

import keras
import numpy as np
import pytest

from rkeras_bridge import (
    bidirectional,
    count_params,
    from_config,
    get_config,
    get_weights,
    keras_model_sequential,
    layer_cudnn_lstm,
    layer_simple_rnn,
    set_weights,
)

RNG = np.random.default_rng(11)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _simple_rnn(x, kernel, recurrent, bias):
    h = np.zeros((x.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ kernel + h @ recurrent + bias)
        outputs.append(h)
    return np.stack(outputs, axis=1)


def _cudnn_lstm(x, kernel, recurrent, bias_pair):
    units = recurrent.shape[0]
    h = np.zeros((x.shape[0], units))
    c = np.zeros_like(h)
    outputs = []
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + bias_pair[0] + h @ recurrent + bias_pair[1]  # CuDNN: input and recurrent bias
        i, f, g, o = (z[:, k * units:(k + 1) * units] for k in range(4))
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
        h = _sigmoid(o) * np.tanh(c)
        outputs.append(h)
    return np.stack(outputs, axis=1), h, c


def test_simple_rnn_matches_numpy():
    x = RNG.normal(size=(2, 4, 3)).astype("float32")
    layer = layer_simple_rnn(units=5.0, return_sequences=True)
    layer(x)
    kernel, recurrent, bias = get_weights(layer)
    bias = RNG.normal(size=5).astype("float32")
    set_weights(layer, [kernel, recurrent, bias])
    np.testing.assert_allclose(layer(x).numpy(), _simple_rnn(x, kernel, recurrent, bias), atol=1e-5)
    last, state = layer_simple_rnn(x, units=2, return_state=True)
    np.testing.assert_allclose(last.numpy(), state.numpy())
    backwards = layer_simple_rnn(units=5, go_backwards=True)
    backwards(x)
    set_weights(backwards, [kernel, recurrent, bias])
    np.testing.assert_allclose(backwards(x).numpy(), _simple_rnn(x[:, ::-1], kernel, recurrent, bias)[:, -1],
                               atol=1e-5)
    with pytest.raises(ValueError, match=r"`units`.*Received: units=2.5"):
        layer_simple_rnn(units=2.5)
    with pytest.raises(ValueError, match="`recurrent_dropout`"):
        layer_simple_rnn(units=2, recurrent_dropout=1)


def test_cudnn_lstm_is_cudnn_math_with_two_biases():
    x = RNG.normal(size=(2, 3, 4)).astype("float32")
    layer = layer_cudnn_lstm(units=3, return_sequences=True, return_state=True)
    layer(x)
    kernel, recurrent, bias = get_weights(layer)
    assert bias.shape == (2, 12)
    # unit_forget_bias: 1 for the forget gate, in the recurrent bias as Keras 2's CuDNNLSTM put it
    np.testing.assert_allclose(bias, np.vstack([np.zeros(12), np.r_[np.zeros(3), np.ones(3), np.zeros(6)]]))
    cudnn_vector = RNG.normal(size=24).astype("float32")  # CuDNNLSTM's bias: 8 * units values
    set_weights(layer, [kernel, recurrent, cudnn_vector])
    out, h, c = layer(x)
    ref_out, ref_h, ref_c = _cudnn_lstm(x, kernel, recurrent, cudnn_vector.reshape(2, 12))
    np.testing.assert_allclose(out.numpy(), ref_out, atol=1e-5)
    np.testing.assert_allclose(h.numpy(), ref_h, atol=1e-5)
    np.testing.assert_allclose(c.numpy(), ref_c, atol=1e-5)


def test_cudnn_lstm_counts_cudnn_parameters_and_round_trips():
    model = keras_model_sequential()
    layer_cudnn_lstm(model, units=4, input_shape=[5, 3])
    assert count_params(model) == 4 * 4 * (3 + 4) + 8 * 4  # two bias vectors, as CuDNNLSTM
    layer = model.layers[0]
    copy = from_config(get_config(layer), type(layer))
    x = RNG.normal(size=(2, 5, 3)).astype("float32")
    copy(x)
    set_weights(copy, get_weights(layer))
    np.testing.assert_allclose(copy(x).numpy(), layer(x).numpy(), atol=1e-6)
    assert copy.cell.recurrent_activation is keras.activations.sigmoid
    both = bidirectional(x, layer=layer_cudnn_lstm(units=4))
    assert tuple(both.shape) == (2, 8)
    with pytest.raises(ValueError, match="`unit_forget_bias`"):
        layer_cudnn_lstm(units=2, unit_forget_bias="yes")
