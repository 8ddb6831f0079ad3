"""The activation layers of R keras 2.2.4 (layers-activations.R): values against NumPy."""

import numpy as np
import pytest

from rkeras_bridge import (
    from_config,
    get_config,
    get_weights,
    keras_model_sequential,
    layer_activation_elu,
    layer_activation_parametric_relu,
    layer_activation_relu,
    layer_activation_selu,
    layer_activation_softmax,
    layer_activation_thresholded_relu,
    layer_dense,
    set_weights,
)

X = np.array([[-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 8.0]], "float32")


def _relu_keras2(x, max_value=None, negative_slope=0.0, threshold=0.0):
    # Keras 2.2.4's backend relu: x * (x > threshold), clipped to [0, max_value], minus the slope part.
    y = x * (x > threshold)
    if max_value is not None:
        y = np.clip(y, 0, max_value)
    return y - negative_slope * np.maximum(threshold - x, 0)


@pytest.mark.parametrize("kwargs", [{}, {"max_value": 6.0}, {"negative_slope": 0.5}, {"threshold": 1.0},
                                    {"threshold": -1.0, "negative_slope": 0.5},
                                    {"threshold": -1.0, "negative_slope": 0.5, "max_value": 6.0}])
def test_relu_is_keras_2_formula(kwargs):
    expected = _relu_keras2(X, **kwargs)
    np.testing.assert_allclose(layer_activation_relu(X, **kwargs).numpy(), expected, atol=1e-6)


def test_relu_refuses_negative_slope_and_max_value():
    with pytest.raises(ValueError, match=r"`negative_slope`.*Received: negative_slope=-1"):
        layer_activation_relu(negative_slope=-1)
    with pytest.raises(ValueError, match=r"`max_value`"):
        layer_activation_relu(max_value=-2)


def test_parametric_relu_uses_its_learned_alpha():
    layer = layer_activation_parametric_relu()
    out = layer(X).numpy()
    np.testing.assert_allclose(out, np.maximum(X, 0))  # alpha starts at zeros
    alpha = np.linspace(0.1, 0.8, 8).astype("float32")
    set_weights(layer, [alpha])
    np.testing.assert_allclose(layer(X).numpy(), np.where(X >= 0, X, alpha * X), rtol=1e-6)
    images = np.ones((1, 2, 2, 3), "float32") * -1
    shared = layer_activation_parametric_relu(shared_axes=[1.0, 2.0], alpha_initializer="ones")
    assert shared(images).shape == (1, 2, 2, 3) and get_weights(shared)[0].shape == (1, 1, 3)
    with pytest.raises(ValueError, match=r"`shared_axes\[1\]`"):
        layer_activation_parametric_relu(shared_axes=[0])


def test_thresholded_relu_rebuilt_from_keras_2():
    np.testing.assert_allclose(layer_activation_thresholded_relu(X).numpy(), X * (X > 1.0))
    np.testing.assert_allclose(layer_activation_thresholded_relu(X, theta=-0.7).numpy(), X * (X > -0.7))
    layer = layer_activation_thresholded_relu(theta=0.5)
    copy = from_config(get_config(layer), type(layer))
    assert copy.theta == 0.5
    np.testing.assert_allclose(copy(X).numpy(), X * (X > 0.5))
    with pytest.raises(ValueError, match="`theta`"):
        layer_activation_thresholded_relu(theta="one")


def test_elu_selu_softmax():
    np.testing.assert_allclose(layer_activation_elu(X, alpha=0.5).numpy(),
                               np.where(X > 0, X, 0.5 * np.expm1(X)), rtol=1e-6, atol=1e-7)
    alpha, scale = 1.6732632423543772, 1.0507009873554805
    np.testing.assert_allclose(layer_activation_selu(X).numpy(),
                               scale * np.where(X > 0, X, alpha * np.expm1(X)), rtol=1e-5)
    m = np.array([[[1.0, 2.0], [3.0, 5.0]]], "float32")
    last = np.exp(m) / np.exp(m).sum(axis=-1, keepdims=True)
    first = np.exp(m) / np.exp(m).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(layer_activation_softmax(m).numpy(), last, rtol=1e-6)
    np.testing.assert_allclose(layer_activation_softmax(m, axis=1.0).numpy(), first, rtol=1e-6)
    with pytest.raises(ValueError, match=r"`axis`"):
        layer_activation_softmax(axis=1.5)


def test_activation_layers_compose_in_a_sequential_model():
    model = keras_model_sequential()
    layer_dense(model, units=4, input_shape=3)
    for add in (layer_activation_relu, layer_activation_elu, layer_activation_selu,
                layer_activation_parametric_relu, layer_activation_thresholded_relu,
                layer_activation_softmax):
        assert add(model) is model
    out = model(np.ones((2, 3), "float32")).numpy()
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-6)
