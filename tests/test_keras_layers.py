import keras
import numpy as np
import pytest

from rkeras_bridge import layer_dense, layer_dropout


def test_units_from_r_double_is_coerced():
    layer = layer_dense(units=32.0)
    assert isinstance(layer, keras.layers.Dense) and layer.units == 32 and isinstance(layer.units, int)


@pytest.mark.parametrize("units", [32.5, 0, -1, "32", None, True])
def test_bad_units_name_the_argument(units):
    with pytest.raises(ValueError, match=r"`units`.*Received: units="):
        layer_dense(units=units)


def test_compose_with_tensor_and_sequential():
    out = layer_dense(np.ones((4, 3)), units=2)
    assert tuple(out.shape) == (4, 2)
    model = keras.Sequential([keras.Input((3,))])
    same = layer_dense(model, units=5)
    assert same is model and tuple(model(np.ones((1, 3))).shape) == (1, 5)


@pytest.mark.parametrize("rate", [1, -0.1, "half", None])
def test_bad_dropout_rate(rate):
    with pytest.raises(ValueError, match=r"`rate`"):
        layer_dropout(rate=rate)


def test_dropout_seed_coerced():
    assert isinstance(layer_dropout(rate=0.5, seed=3.0), keras.layers.Dropout)
    with pytest.raises(ValueError, match="`seed`"):
        layer_dropout(rate=0.5, seed=1.5)


# --- the layers of group D ----------------------------------------------------------------------


from rkeras_bridge import (  # noqa: E402
    get_weights,
    keras_model_sequential,
    layer_activation,
    layer_activation_leaky_relu,
    layer_batch_normalization,
    layer_concatenate,
    layer_conv_2d,
    layer_conv_2d_transpose,
    layer_cudnn_gru,
    layer_dot,
    layer_embedding,
    layer_flatten,
    layer_gru,
    layer_input,
    layer_lambda,
    layer_lstm,
    layer_max_pooling_2d,
    layer_reshape,
    layer_zero_padding_2d,
    set_weights,
)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _hard_sigmoid_2018(z):
    return np.clip(0.2 * z + 0.5, 0, 1)


def test_layer_input_coerces_r_shapes():
    assert tuple(layer_input(shape=3.0).shape) == (None, 3)
    assert tuple(layer_input(shape=[None, 8.0]).shape) == (None, None, 8)
    with pytest.raises(ValueError, match="`shape"):
        layer_input(shape=[2.5])
    with pytest.raises(ValueError, match="`shape`"):
        layer_input()


def test_common_arguments_input_shape_batch_input_shape_weights_trainable():
    model = keras_model_sequential()
    layer_dense(model, units=2, input_shape=3.0, name="first", trainable=False)
    assert model.built and tuple(model.input_shape) == (None, 3)
    assert model.layers[0].name == "first" and not model.layers[0].trainable
    model2 = layer_dense(keras_model_sequential(), units=2, batch_input_shape=[None, 4.0], batch_size=8.0)
    assert tuple(model2.input_shape) == (None, 4)
    layer = layer_dense(units=1, input_shape=2, weights=[np.array([[1.0], [2.0]]), np.array([0.5])])
    np.testing.assert_allclose(layer(np.array([[1.0, 1.0]])).numpy(), [[3.5]])
    with pytest.raises(ValueError, match="`weights`"):
        layer_dense(units=1, weights=[np.ones((2, 1)), np.zeros(1)])
    with pytest.raises(ValueError, match="`batch_size`"):
        layer_dense(units=1, batch_size=1.5)


def test_embedding_looks_up_rows_and_maps_input_length():
    table = np.arange(12, dtype="float32").reshape(4, 3)
    layer = layer_embedding(input_dim=4.0, output_dim=3.0)
    layer.build((None,))
    set_weights(layer, [table])
    np.testing.assert_allclose(layer(np.array([[3, 0]])).numpy(), table[[3, 0]][None])
    model = keras_model_sequential()
    layer_embedding(model, input_dim=10, output_dim=4, input_length=5.0)
    layer_flatten(model)
    layer_dense(model, units=1)
    assert tuple(model.output_shape) == (None, 1)
    assert tuple(model.layers[1].output.shape) == (None, 20)
    with pytest.raises(ValueError, match="`output_dim`"):
        layer_embedding(input_dim=4, output_dim=0)


def _gru_reference(x, kernel, recurrent, bias, units, recurrent_activation, reset_after):
    h = np.zeros((x.shape[0], units))
    for t in range(x.shape[1]):
        if reset_after:
            xw = x[:, t] @ kernel + bias[0]
            hu = h @ recurrent + bias[1]
            z = recurrent_activation(xw[:, :units] + hu[:, :units])
            r = recurrent_activation(xw[:, units:2 * units] + hu[:, units:2 * units])
            hh = np.tanh(xw[:, 2 * units:] + r * hu[:, 2 * units:])
        else:
            xw = x[:, t] @ kernel + bias
            z = recurrent_activation(xw[:, :units] + h @ recurrent[:, :units])
            r = recurrent_activation(xw[:, units:2 * units] + h @ recurrent[:, units:2 * units])
            hh = np.tanh(xw[:, 2 * units:] + (r * h) @ recurrent[:, 2 * units:])
        h = z * h + (1 - z) * hh
    return h


def test_gru_defaults_are_2018_keras_2_math():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 4)).astype("float32") * 3  # large enough to reach the clip of hard_sigmoid
    layer = layer_gru(units=5.0)
    out = layer(x).numpy()
    kernel, recurrent, bias = get_weights(layer)
    assert bias.shape == (15,)  # reset_after = FALSE: one bias vector
    bias = rng.normal(size=15).astype("float32")
    set_weights(layer, [kernel, recurrent, bias])
    expected = _gru_reference(x, kernel, recurrent, bias, 5, _hard_sigmoid_2018, reset_after=False)
    np.testing.assert_allclose(layer(x).numpy(), expected, atol=1e-5)
    assert out.shape == (2, 5)
    output, state = layer_gru(x, units=5, return_sequences=True, return_state=True)
    assert tuple(output.shape) == (2, 3, 5) and tuple(state.shape) == (2, 5)
    np.testing.assert_allclose(output.numpy()[:, -1], state.numpy(), atol=1e-6)
    with pytest.raises(ValueError, match="`dropout`"):
        layer_gru(units=2, dropout=1.0)


def test_cudnn_gru_is_a_reset_after_sigmoid_gru():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    layer = layer_cudnn_gru(units=3, return_sequences=False)
    layer(x)
    kernel, recurrent, _ = get_weights(layer)
    cudnn_bias = rng.normal(size=18).astype("float32")  # CuDNNGRU's single vector of 6 * units
    set_weights(layer, [kernel, recurrent, cudnn_bias])
    reference = keras.layers.GRU(3, reset_after=True, recurrent_activation="sigmoid")
    reference(x)
    reference.set_weights([kernel, recurrent, cudnn_bias.reshape(2, 9)])
    np.testing.assert_allclose(layer(x).numpy(), reference(x).numpy(), atol=1e-6)
    expected = _gru_reference(x, kernel, recurrent, cudnn_bias.reshape(2, 9), 3, _sigmoid, reset_after=True)
    np.testing.assert_allclose(layer(x).numpy(), expected, atol=1e-5)


def test_lstm_one_step_matches_numpy_with_hard_sigmoid():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 1, 3)).astype("float32") * 3
    layer = layer_lstm(units=2)
    output, h, c = layer_lstm(x, units=2, return_state=True)
    assert tuple(output.shape) == (2, 2) and tuple(c.shape) == (2, 2)
    layer(x)
    kernel, recurrent, bias = get_weights(layer)
    np.testing.assert_allclose(bias[2:4], 1.0)  # unit_forget_bias
    z = x[:, 0] @ kernel + bias  # the state starts at 0
    i, f, g, o = (z[:, k * 2:(k + 1) * 2] for k in range(4))
    c1 = _hard_sigmoid_2018(i) * np.tanh(g)
    expected = _hard_sigmoid_2018(o) * np.tanh(c1)
    np.testing.assert_allclose(layer(x).numpy(), expected, atol=1e-5)


def test_conv_2d_with_known_weights():
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    layer = layer_conv_2d(filters=1.0, kernel_size=2.0, strides=[2.0, 2.0], use_bias=True)
    layer.build(x.shape)
    set_weights(layer, [np.ones((2, 2, 1, 1)), np.array([1.0])])
    out = layer(x).numpy()[0, :, :, 0]
    expected = [[0 + 1 + 4 + 5 + 1, 2 + 3 + 6 + 7 + 1], [8 + 9 + 12 + 13 + 1, 10 + 11 + 14 + 15 + 1]]
    np.testing.assert_allclose(out, expected)
    assert tuple(layer_conv_2d(x, filters=3, kernel_size=[3, 3], padding="same").shape) == (1, 4, 4, 3)
    with pytest.raises(ValueError, match="`kernel_size`"):
        layer_conv_2d(filters=1, kernel_size=[1, 2, 3])
    with pytest.raises(ValueError, match="`strides`"):
        layer_conv_2d(filters=1, kernel_size=2, strides=0)
    with pytest.raises(ValueError, match="`padding`"):
        layer_conv_2d(filters=1, kernel_size=2, padding="full")


def test_conv_2d_transpose_upsamples_with_known_weights():
    x = np.array([[[[3.0]], [[5.0]]]], dtype="float32")  # (1, 2, 1, 1)
    layer = layer_conv_2d_transpose(filters=1, kernel_size=2, strides=2, use_bias=False)
    layer.build(x.shape)
    set_weights(layer, [np.ones((2, 2, 1, 1))])
    out = layer(x).numpy()[0, :, :, 0]
    np.testing.assert_allclose(out, [[3, 3], [3, 3], [5, 5], [5, 5]])
    same = layer_conv_2d_transpose(np.ones((1, 7, 7, 4), "float32"), filters=2, kernel_size=[5, 5],
                                   strides=[2, 2], padding="same")
    assert tuple(same.shape) == (1, 14, 14, 2)


def test_batch_normalization_training_and_inference():
    x = np.array([[1.0, 10.0], [3.0, 30.0]], dtype="float32")
    layer = layer_batch_normalization(axis=-1.0, epsilon=0.0)
    trained = layer(x, training=True).numpy()
    np.testing.assert_allclose(trained, [[-1, -1], [1, 1]], atol=1e-3)
    # the moving averages moved from (0, 1) by 1 - momentum toward the batch statistics
    moving_mean = get_weights(layer)[2]
    np.testing.assert_allclose(moving_mean, 0.01 * x.mean(axis=0), rtol=1e-5)
    fresh = layer_batch_normalization(epsilon=0.001)
    np.testing.assert_allclose(fresh(x).numpy(), x / np.sqrt(1.001), rtol=1e-5)
    with pytest.raises(ValueError, match="`axis`"):
        layer_batch_normalization(axis=1.5)


def test_activations_including_2018_hard_sigmoid_and_leaky_relu_default():
    x = np.array([[-10.0, -1.0, 0.0, 2.0]], dtype="float32")
    np.testing.assert_allclose(layer_activation(x, activation="relu").numpy(), [[0, 0, 0, 2]])
    np.testing.assert_allclose(layer_activation(x, "hard_sigmoid").numpy(), _hard_sigmoid_2018(x), rtol=1e-6)
    np.testing.assert_allclose(layer_activation_leaky_relu(x).numpy(), [[-3, -0.3, 0, 2]], rtol=1e-6)
    leaky = layer_activation_leaky_relu(x, alpha=0.2).numpy()
    np.testing.assert_allclose(leaky, [[-2, -0.2, 0, 2]], rtol=1e-6)
    with pytest.raises(ValueError, match="`alpha`"):
        layer_activation_leaky_relu(alpha=-1)
    with pytest.raises(ValueError, match="`activation`"):
        layer_activation(activation=None)


def test_flatten_reshape_zero_padding_max_pooling_values():
    x = np.arange(8, dtype="float32").reshape(1, 2, 2, 2)
    np.testing.assert_allclose(layer_flatten(x).numpy(), np.arange(8).reshape(1, 8))
    reshaped = layer_reshape(x, target_shape=[4.0, -1.0]).numpy()
    np.testing.assert_allclose(reshaped, np.arange(8).reshape(1, 4, 2))
    with pytest.raises(ValueError, match="`target_shape`"):
        layer_reshape(target_shape=[-1, -1])
    img = np.ones((1, 2, 2, 1), "float32")
    padded = layer_zero_padding_2d(img).numpy()[0, :, :, 0]
    assert padded.shape == (4, 4) and padded.sum() == 4 and padded[1:3, 1:3].sum() == 4
    uneven = layer_zero_padding_2d(img, padding=[[1.0, 0.0], [0.0, 2.0]]).numpy()[0, :, :, 0]
    np.testing.assert_allclose(uneven, [[0, 0, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]])
    pooled = layer_max_pooling_2d(np.arange(16, dtype="float32").reshape(1, 4, 4, 1)).numpy()[0, :, :, 0]
    np.testing.assert_allclose(pooled, [[5, 7], [13, 15]])
    strided = layer_max_pooling_2d(np.arange(16, dtype="float32").reshape(1, 4, 4, 1), pool_size=2, strides=1)
    assert tuple(strided.shape) == (1, 3, 3, 1)


def test_lambda_concatenate_dot():
    a = np.array([[1.0, 2.0, 3.0]], "float32")
    b = np.array([[4.0, 5.0, 6.0]], "float32")
    np.testing.assert_allclose(layer_lambda(a, f=lambda x: x * 2).numpy(), 2 * a)
    summed = layer_lambda([a, b], f=lambda xs: xs[0] + xs[1])
    np.testing.assert_allclose(summed.numpy(), a + b)
    seen = []
    with_training = layer_lambda(f=lambda x, training=None: seen.append(training) or x)
    with_training(a, training=True)
    assert seen == [True]
    np.testing.assert_allclose(layer_concatenate([a, b]).numpy(), [[1, 2, 3, 4, 5, 6]])
    np.testing.assert_allclose(layer_concatenate([a.T, b.T], axis=0).numpy(), [[1], [2], [3], [4], [5], [6]])
    np.testing.assert_allclose(layer_dot([a, b], axes=1.0).numpy(), [[32]])
    cosine = layer_dot([a, b], axes=[1.0, 1.0], normalize=True).numpy()
    np.testing.assert_allclose(cosine, [[32 / np.linalg.norm(a) / np.linalg.norm(b)]], rtol=1e-6)
    assert isinstance(layer_concatenate(axis=-1), keras.layers.Concatenate)
    with pytest.raises(ValueError, match="`inputs`"):
        layer_concatenate([a])
    with pytest.raises(TypeError, match="`f`"):
        layer_lambda(f=3)


def test_layers_accept_training_when_called_and_compose_in_sequential():
    x = np.ones((2, 4, 4, 1), "float32")
    model = keras_model_sequential()
    layer_conv_2d(model, filters=2, kernel_size=3, padding="same", input_shape=[4, 4, 1])
    layer_batch_normalization(model)
    layer_activation_leaky_relu(model)
    layer_max_pooling_2d(model)
    layer_flatten(model)
    layer_dense(model, units=1)
    assert tuple(model(x, training=True).shape) == (2, 1)
    for layer in (layer_flatten(), layer_activation_leaky_relu(), layer_zero_padding_2d(),
                  layer_max_pooling_2d(), layer_reshape(target_shape=[16]), layer_lambda(f=lambda x: x)):
        assert layer(x, training=True).shape[0] == 2
