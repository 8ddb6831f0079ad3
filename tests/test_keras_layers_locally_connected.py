"""Locally connected layers (R keras ``layers-locally-connected.R``), rebuilt on Keras 3, against NumPy
loops that follow Keras 2.2.4's definition position by position."""
import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    get_weights,
    keras_model_sequential,
    layer_dense,
    layer_locally_connected_1d,
    layer_locally_connected_2d,
    layer_reshape,
    set_weights,
)

RNG = np.random.default_rng(3)


def _rand(*shape):
    return RNG.normal(size=shape).astype("float32")


def np_local_1d(x, kernel, bias, k, s, channels_first=False):
    if channels_first:  # (batch, channels, steps); patches flattened over (channel, offset)
        steps = x.shape[2]
    else:
        steps = x.shape[1]
    n = (steps - k) // s + 1
    out = np.zeros((x.shape[0], n, kernel.shape[-1]))
    for p in range(n):
        patch = x[:, :, p * s:p * s + k] if channels_first else x[:, p * s:p * s + k, :]
        out[:, p] = patch.reshape(x.shape[0], -1) @ kernel[p]
    if channels_first:
        out = np.transpose(out, (0, 2, 1))
        return out + bias.reshape(out.shape[1:])  # Keras 2's bias_add reshaped the (steps, filters) bias
    return out + bias


def np_local_2d(x, kernel, bias, k, s, channels_first=False):
    rows, cols = x.shape[2:] if channels_first else x.shape[1:3]
    out_r, out_c = (rows - k[0]) // s[0] + 1, (cols - k[1]) // s[1] + 1
    out = np.zeros((x.shape[0], out_r, out_c, kernel.shape[-1]))
    for i in range(out_r):
        for j in range(out_c):
            r, c = slice(i * s[0], i * s[0] + k[0]), slice(j * s[1], j * s[1] + k[1])
            patch = x[:, :, r, c] if channels_first else x[:, r, c, :]
            out[:, i, j] = patch.reshape(x.shape[0], -1) @ kernel[i * out_c + j]
    if channels_first:
        out = np.transpose(out, (0, 3, 1, 2))
        return out + bias.reshape(out.shape[1:])
    return out + bias


def test_1d_weight_shapes_and_values_are_keras_2s():
    x = _rand(2, 7, 3)
    layer = layer_locally_connected_1d(filters=4.0, kernel_size=3.0, strides=2.0)
    out = layer(x).numpy()
    kernel, bias = get_weights(layer)
    assert kernel.shape == (3, 3 * 3, 4) and bias.shape == (3, 4)  # (output_length, k * input_dim, filters)
    bias = _rand(3, 4)
    set_weights(layer, [kernel, bias])
    np.testing.assert_allclose(layer(x).numpy(), np_local_1d(x, kernel, bias, 3, 2), atol=1e-5)
    assert out.shape == (2, 3, 4)


def test_2d_weight_shapes_and_values_are_keras_2s():
    x = _rand(2, 4, 5, 2)
    layer = layer_locally_connected_2d(filters=3, kernel_size=[2, 3], strides=[2, 1], activation="relu")
    layer(x)
    kernel, bias = get_weights(layer)
    assert kernel.shape == (2 * 3, 2 * 3 * 2, 3) and bias.shape == (2, 3, 3)
    bias = _rand(2, 3, 3)
    set_weights(layer, [kernel, bias])
    expected = np.maximum(np_local_2d(x, kernel, bias, (2, 3), (2, 1)), 0)
    np.testing.assert_allclose(layer(x).numpy(), expected, atol=1e-5)


def test_channels_first_flattens_channel_major_like_keras_2():
    x = _rand(2, 3, 5)  # (batch, channels, steps)
    layer = layer_locally_connected_1d(filters=2, kernel_size=2, data_format="channels_first")
    layer(x)
    kernel, _ = get_weights(layer)
    bias = _rand(4, 2)
    set_weights(layer, [kernel, bias])
    expected = np_local_1d(x, kernel, bias, 2, 1, channels_first=True)
    np.testing.assert_allclose(layer(x).numpy(), expected, atol=1e-5)
    img = _rand(2, 2, 4, 3)  # (batch, channels, rows, cols)
    layer2 = layer_locally_connected_2d(filters=3, kernel_size=2, data_format="channels_first")
    layer2(img)
    kernel2, bias2 = get_weights(layer2)
    assert kernel2.shape == (3 * 2, 2 * 2 * 2, 3) and bias2.shape == (3, 2, 3)
    bias2 = _rand(3, 2, 3)
    set_weights(layer2, [kernel2, bias2])
    expected = np_local_2d(img, kernel2, bias2, (2, 2), (1, 1), channels_first=True)
    np.testing.assert_allclose(layer2(img).numpy(), expected, atol=1e-5)


def test_weights_are_not_shared_between_positions():
    x = np.ones((1, 4, 1), "float32")
    layer = layer_locally_connected_1d(filters=1, kernel_size=2, use_bias=False)
    layer(x)
    kernel = np.zeros((3, 2, 1), "float32")
    kernel[1] = 1.0  # only the second position has non-zero filters
    set_weights(layer, [kernel])
    np.testing.assert_allclose(layer(x).numpy().ravel(), [0.0, 2.0, 0.0])
    assert len(get_weights(layer)) == 1


def test_conformance_shapes_weights_argument_and_training():
    model = keras_model_sequential()
    layer_dense(model, units=32, input_shape=[784])
    layer_reshape(model, target_shape=[2, 4, 4])
    layer_locally_connected_2d(model, filters=3, kernel_size=[2, 2])
    assert model.output_shape == (None, 1, 3, 3)
    # `weights` with `input_shape` builds the layer with Keras 2.2.4-shaped arrays at once
    kernel, bias = _rand(3, 2 * 4, 2), _rand(3, 2)
    first = keras_model_sequential()
    layer_locally_connected_1d(first, filters=2, kernel_size=2, input_shape=[4, 4], weights=[kernel, bias])
    x = _rand(5, 4, 4)
    np.testing.assert_allclose(first(x).numpy(), np_local_1d(x, kernel, bias, 2, 1), atol=1e-5)
    first.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    y = np.zeros((5, 3, 2), "float32")
    before = first.evaluate(x, y, verbose=0)
    first.fit(x, y, epochs=5, verbose=0)
    assert first.evaluate(x, y, verbose=0) < before


def test_saved_and_loaded_with_its_weights(tmp_path):
    inputs = keras.Input((5, 5, 2))
    outputs = layer_locally_connected_2d(inputs, filters=2, kernel_size=3, kernel_regularizer="l2")
    model = keras.Model(inputs, outputs)
    path = str(tmp_path / "local.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    x = _rand(2, 5, 5, 2)
    np.testing.assert_allclose(loaded(x).numpy(), model(x).numpy(), atol=1e-6)
    assert type(loaded.layers[-1]).__name__ == "LocallyConnected2D"
    assert len(loaded.losses) == 1  # the regularizer came back too


def test_works_inside_tf_function():
    layer = layer_locally_connected_1d(filters=2, kernel_size=2)
    x = _rand(3, 4, 2)
    eager = layer(x).numpy()
    np.testing.assert_allclose(tf.function(layer)(tf.constant(x)).numpy(), eager, atol=1e-6)


@pytest.mark.parametrize(("call", "name"), [
    (lambda: layer_locally_connected_2d(filters=2, kernel_size=2, padding="same"), "padding"),
    (lambda: layer_locally_connected_1d(filters=0, kernel_size=2), "filters"),
    (lambda: layer_locally_connected_1d(filters=1, kernel_size=[2, 2]), "kernel_size"),
    (lambda: layer_locally_connected_2d(filters=1, kernel_size=2, strides=0), "strides"),
    (lambda: layer_locally_connected_2d(filters=1, kernel_size=2, data_format="NCHW"), "data_format"),
    (lambda: layer_locally_connected_1d(keras.Input((None, 3)), filters=1, kernel_size=2), "input_shape"),
    (lambda: layer_locally_connected_1d(_rand(1, 2, 3), filters=1, kernel_size=3), "kernel_size"),
])
def test_bad_arguments_name_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"`{name}`.*Received: {name}="):
        call()
