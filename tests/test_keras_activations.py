import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    activation_elu, activation_exponential, activation_hard_sigmoid, activation_linear, activation_relu,
    activation_selu, activation_sigmoid, activation_softmax, activation_softplus, activation_softsign,
    activation_tanh,
)

X = np.array([[-3.0, -1.0, -0.25, 0.0, 0.5, 2.0, 7.0]], dtype=np.float32)

SELU_ALPHA, SELU_SCALE = 1.6732632423543772, 1.0507009873554805


@pytest.mark.parametrize("fn, reference", [
    (activation_elu, lambda x: np.where(x > 0, x, np.exp(x) - 1)),
    (activation_selu, lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * (np.exp(x) - 1))),
    (activation_hard_sigmoid, lambda x: np.clip(0.2 * x + 0.5, 0, 1)),  # Keras 2's slope, not 1/6
    (activation_linear, lambda x: x),
    (activation_relu, lambda x: np.maximum(x, 0)),
    (activation_sigmoid, lambda x: 1 / (1 + np.exp(-x))),
    (activation_softplus, lambda x: np.log1p(np.exp(x))),
    (activation_softsign, lambda x: x / (1 + np.abs(x))),
    (activation_tanh, np.tanh),
    (activation_exponential, np.exp),
])
def test_activations_match_their_formulas(fn, reference):
    out = fn(tf.constant(X))
    assert out.shape == X.shape and out.dtype == tf.float32
    np.testing.assert_allclose(out.numpy(), reference(X.astype(np.float64)), rtol=1e-5, atol=1e-6)


def test_relu_alpha_max_value_threshold_and_elu_alpha():
    x = X.astype(np.float64)
    out = activation_relu(X, alpha=0.5, max_value=4, threshold=1)
    expected = np.where(x >= 4, 4, np.where(x >= 1, x, 0.5 * (x - 1)))
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-6)
    np.testing.assert_allclose(activation_elu(X, alpha=2).numpy(), np.where(x > 0, x, 2 * (np.exp(x) - 1)),
                               rtol=1e-5)


def test_softmax_axis_is_passed_on_and_1d_is_refused():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 10
    for axis in (-1, 1, 2):
        e = np.exp(x - x.max(axis=axis, keepdims=True))
        expected = e / e.sum(axis=axis, keepdims=True)
        np.testing.assert_allclose(activation_softmax(x, axis=axis).numpy(), expected, rtol=1e-6)
    # R's axis = 1 reaches Keras unchanged: the axis after the batch axis, as in R keras 2.x
    assert np.allclose(activation_softmax(x, axis=1.0).numpy().sum(axis=1), 1)
    with pytest.raises(ValueError, match="`x`.*2 or more dimensions"):
        activation_softmax([1.0, 2.0])
    with pytest.raises(ValueError, match="`axis`"):
        activation_softmax(x, axis=3)
    with pytest.raises(ValueError, match="`axis`"):
        activation_softmax(x, axis=1.5)


def test_integer_and_double_inputs_and_bad_arguments():
    assert activation_relu(np.array([[-1, 2]])).dtype == tf.float32  # integers become k_floatx()
    assert activation_tanh(np.array([[0.5]])).dtype == tf.float64  # R doubles stay doubles, as in Keras 2
    with pytest.raises(ValueError, match="`alpha`"):
        activation_relu(X, alpha="a")
    with pytest.raises(ValueError, match="`x`"):
        activation_sigmoid(None)


def test_activations_serve_layers_and_symbolic_tensors():
    keras.utils.set_random_seed(1)
    dense = keras.layers.Dense(4, activation=activation_hard_sigmoid)
    x = np.random.default_rng(0).normal(size=(5, 3)).astype(np.float32)
    out = dense(x).numpy()
    pre = x @ dense.kernel.numpy() + dense.bias.numpy()
    np.testing.assert_allclose(out, np.clip(0.2 * pre + 0.5, 0, 1), rtol=1e-5, atol=1e-6)
    inputs = keras.Input((3,))
    outputs = activation_softmax(keras.layers.Dense(4)(inputs))
    model = keras.Model(inputs, outputs)
    np.testing.assert_allclose(model(x).numpy().sum(axis=-1), 1, rtol=1e-6)
    seq = keras.Sequential([keras.Input((3,)), keras.layers.Activation(activation_elu)])
    np.testing.assert_allclose(seq(x).numpy(), np.where(x > 0, x, np.exp(x) - 1), rtol=1e-5, atol=1e-6)
    assert activation_relu.py_function_name == "relu"
