"""Convolutional layers (R keras ``layers-convolutional.R``) against NumPy computations."""
import itertools

import keras
import numpy as np
import pytest

from rkeras_bridge import (
    get_weights,
    keras_model_sequential,
    layer_conv_1d,
    layer_conv_2d,
    layer_conv_3d,
    layer_conv_3d_transpose,
    layer_conv_lstm_2d,
    layer_cropping_1d,
    layer_cropping_2d,
    layer_cropping_3d,
    layer_dense,
    layer_depthwise_conv_2d,
    layer_reshape,
    layer_separable_conv_1d,
    layer_separable_conv_2d,
    layer_upsampling_1d,
    layer_upsampling_2d,
    layer_upsampling_3d,
    layer_zero_padding_1d,
    layer_zero_padding_2d,
    layer_zero_padding_3d,
    set_weights,
)

RNG = np.random.default_rng(7)


def _rand(*shape):
    return RNG.normal(size=shape).astype("float32")


def np_conv(x, w, b=None, strides=None, dilation=None):
    """Valid cross-correlation, channels last: x (batch, *spatial, c), w (*kernel, c, filters)."""
    nd = x.ndim - 2
    k = w.shape[:nd]
    s = strides or (1,) * nd
    d = dilation or (1,) * nd
    out_shape = [(x.shape[1 + i] - d[i] * (k[i] - 1) - 1) // s[i] + 1 for i in range(nd)]
    out = np.zeros((x.shape[0], *out_shape, w.shape[-1]))
    for pos in itertools.product(*(range(n) for n in out_shape)):
        index = tuple(slice(p * s[i], p * s[i] + d[i] * (k[i] - 1) + 1, d[i]) for i, p in enumerate(pos))
        patch = x[(slice(None), *index, slice(None))]
        out[(slice(None), *pos, slice(None))] = np.tensordot(patch, w, axes=nd + 1)
    return out if b is None else out + b


def test_conv_1d_valid_causal_dilated_against_numpy():
    x = _rand(2, 6, 3)
    w, b = _rand(2, 3, 4), _rand(4)
    layer = layer_conv_1d(filters=4.0, kernel_size=2.0)
    layer.build(x.shape)
    set_weights(layer, [w, b])
    np.testing.assert_allclose(layer(x).numpy(), np_conv(x, w, b), atol=1e-5)
    # causal: output t sees inputs up to t (the input is left-padded with kernel_size - 1 zeros)
    causal = layer_conv_1d(filters=4, kernel_size=2, padding="causal", dilation_rate=2.0)
    causal.build(x.shape)
    set_weights(causal, [w, b])
    padded = np.pad(x, ((0, 0), (2, 0), (0, 0)))
    np.testing.assert_allclose(causal(x).numpy(), np_conv(padded, w, b, dilation=(2,)), atol=1e-5)
    strided = layer_conv_1d(x, filters=1, kernel_size=3, strides=2)
    assert tuple(strided.shape) == (2, 2, 1)


def test_conv_2d_padding_case_insensitive_and_common_arguments():
    # Keras 2 read "SAME" as "same"; weights + input_shape build the layer at once (R keras 2.x)
    w, b = _rand(3, 3, 1, 2), _rand(2)
    model = keras_model_sequential()
    layer_conv_2d(model, filters=2, kernel_size=3, padding="SAME", input_shape=[5, 5, 1], weights=[w, b])
    x = _rand(1, 5, 5, 1)
    expected = np_conv(np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0))), w, b)
    np.testing.assert_allclose(model(x).numpy(), expected, atol=1e-5)


def test_conv_3d_against_numpy():
    x = _rand(2, 4, 3, 5, 2)
    w, b = _rand(2, 2, 3, 2, 3), _rand(3)
    layer = layer_conv_3d(filters=3, kernel_size=[2.0, 2.0, 3.0], strides=[2, 1, 1])
    layer.build(x.shape)
    set_weights(layer, [w, b])
    np.testing.assert_allclose(layer(x).numpy(), np_conv(x, w, b, strides=(2, 1, 1)), atol=1e-5)


def test_conv_3d_transpose_scatters_the_kernel():
    x = _rand(1, 2, 2, 1, 3)
    w = _rand(2, 3, 2, 4, 3)  # (*kernel, filters, input channels), as Keras 2
    layer = layer_conv_3d_transpose(filters=4, kernel_size=[2, 3, 2], strides=2, use_bias=False)
    layer.build(x.shape)
    set_weights(layer, [w])
    expected = np.zeros((1, 4, 5, 2, 4))  # (n - 1) * stride + kernel
    for i, j, k in itertools.product(range(2), range(2), range(1)):
        contribution = np.einsum("abcfo,o->abcf", w, x[0, i, j, k])
        expected[0, 2 * i:2 * i + 2, 2 * j:2 * j + 3, 2 * k:2 * k + 2] += contribution
    np.testing.assert_allclose(layer(x).numpy(), expected, atol=1e-5)
    padded = layer_conv_3d_transpose(x, filters=1, kernel_size=2, strides=2, output_padding=1)
    assert tuple(padded.shape) == (1, 5, 5, 3, 1)
    with pytest.raises(ValueError, match=r"`output_padding`.*Received: output_padding=2"):
        layer_conv_3d_transpose(filters=1, kernel_size=2, strides=2, output_padding=2)


def _depthwise(x, w):
    """Each channel c convolved with w[..., c, m] into output channel c * multiplier + m."""
    channels, mult = w.shape[-2:]
    outs = [np_conv(x[..., c:c + 1], w[..., c:c + 1, m:m + 1]) for c in range(channels) for m in range(mult)]
    return np.concatenate(outs, axis=-1)


def test_depthwise_and_separable_2d_against_numpy():
    x = _rand(2, 5, 4, 3)
    dw = _rand(2, 3, 3, 2)
    depthwise = layer_depthwise_conv_2d(kernel_size=[2, 3], depth_multiplier=2.0, use_bias=False)
    depthwise.build(x.shape)
    set_weights(depthwise, [dw])
    np.testing.assert_allclose(depthwise(x).numpy(), _depthwise(x, dw), atol=1e-5)
    pw, b = _rand(1, 1, 6, 4), _rand(4)
    separable = layer_separable_conv_2d(filters=4, kernel_size=[2, 3], depth_multiplier=2)
    separable.build(x.shape)
    set_weights(separable, [dw, pw, b])
    expected = np_conv(_depthwise(x, dw), pw, b)
    np.testing.assert_allclose(separable(x).numpy(), expected, atol=1e-5)


def test_separable_1d_against_numpy():
    x = _rand(2, 4, 8)
    dw, pw, b = _rand(4, 8, 1), _rand(1, 8, 4), _rand(4)
    layer = layer_separable_conv_1d(filters=4, kernel_size=4)
    layer.build(x.shape)
    set_weights(layer, [dw, pw, b])
    np.testing.assert_allclose(layer(x).numpy(), np_conv(_depthwise(x, dw), pw, b), atol=1e-5)


def test_upsampling_nearest_repeats():
    x = _rand(2, 3, 2)
    np.testing.assert_allclose(layer_upsampling_1d(x, size=3.0).numpy(), np.repeat(x, 3, axis=1))
    img = _rand(1, 2, 3, 2)
    expected = np.repeat(np.repeat(img, 2, axis=1), 3, axis=2)
    np.testing.assert_allclose(layer_upsampling_2d(img, size=[2, 3]).numpy(), expected)
    vol = _rand(1, 2, 1, 2, 1)
    expected = np.repeat(np.repeat(np.repeat(vol, 2, axis=1), 3, axis=2), 1, axis=3)
    np.testing.assert_allclose(layer_upsampling_3d(vol, size=[2, 3, 1]).numpy(), expected)


def _legacy_bilinear_axis(x, factor, axis):
    # TF1 resize_bilinear, align_corners = FALSE, no half-pixel centres: out[i] samples in[i / factor]
    n = x.shape[axis]
    src = np.arange(n * factor) / factor
    lo = np.floor(src).astype(int)
    hi = np.minimum(lo + 1, n - 1)
    t = (src - lo).reshape([-1 if a == axis else 1 for a in range(x.ndim)])
    return np.take(x, lo, axis=axis) * (1 - t) + np.take(x, hi, axis=axis) * t


def test_upsampling_2d_bilinear_is_keras_2s():
    img = np.arange(12, dtype="float32").reshape(1, 3, 4, 1) ** 2
    out = layer_upsampling_2d(img, size=[2, 3], interpolation="bilinear").numpy()
    expected = _legacy_bilinear_axis(_legacy_bilinear_axis(img, 2, 1), 3, 2)
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    # the half-pixel sampling of Keras 3 gives other numbers: this is the difference kept
    keras3 = keras.layers.UpSampling2D(size=(2, 3), interpolation="bilinear")(img).numpy()
    assert not np.allclose(out, keras3)
    first = layer_upsampling_2d(np.transpose(img, (0, 3, 1, 2)), size=[2, 3], interpolation="bilinear",
                                data_format="channels_first").numpy()
    np.testing.assert_allclose(first, np.transpose(expected, (0, 3, 1, 2)), rtol=1e-5)
    with pytest.raises(ValueError, match=r"`interpolation`.*Received: interpolation='bicubic'"):
        layer_upsampling_2d(interpolation="bicubic")


def test_zero_padding_forms():
    x = _rand(1, 3, 2)
    np.testing.assert_allclose(layer_zero_padding_1d(x).numpy(), np.pad(x, ((0, 0), (1, 1), (0, 0))))
    np.testing.assert_allclose(layer_zero_padding_1d(x, padding=[2.0, 0.0]).numpy(),
                               np.pad(x, ((0, 0), (2, 0), (0, 0))))
    img = _rand(1, 2, 2, 1)
    np.testing.assert_allclose(layer_zero_padding_2d(img, padding=[1, 2]).numpy(),
                               np.pad(img, ((0, 0), (1, 1), (2, 2), (0, 0))))
    vol = _rand(1, 2, 1, 2, 1)
    expected = np.pad(vol, ((0, 0), (1, 1), (1, 1), (1, 1), (0, 0)))
    np.testing.assert_allclose(layer_zero_padding_3d(vol).numpy(), expected)
    uneven = layer_zero_padding_3d(vol, padding=[[1, 0], [0, 0], [0, 2]]).numpy()
    np.testing.assert_allclose(uneven, np.pad(vol, ((0, 0), (1, 0), (0, 0), (0, 2), (0, 0))))
    with pytest.raises(ValueError, match=r"`padding`.*Received: padding="):
        layer_zero_padding_3d(padding=[[1, 0], [0, 0]])
    with pytest.raises(ValueError, match=r"`padding\[1\]`.*Received: padding\[1\]=-1"):
        layer_zero_padding_1d(padding=-1)


def test_cropping_like_keras_2_including_to_size_zero():
    x = _rand(2, 6, 3)
    np.testing.assert_allclose(layer_cropping_1d(x).numpy(), x[:, 1:-1])
    np.testing.assert_allclose(layer_cropping_1d(x, cropping=[2, 0]).numpy(), x[:, 2:])
    img = _rand(1, 5, 6, 2)
    np.testing.assert_allclose(layer_cropping_2d(img).numpy(), img)
    np.testing.assert_allclose(layer_cropping_2d(img, cropping=[[1, 0], [2, 3]]).numpy(), img[:, 1:, 2:3])
    vol = _rand(1, 4, 3, 5, 1)
    np.testing.assert_allclose(layer_cropping_3d(vol).numpy(), vol[:, 1:-1, 1:-1, 1:-1])
    np.testing.assert_allclose(layer_cropping_3d(vol, cropping=[0, 1, 2]).numpy(), vol[:, :, 1:-1, 2:-2])
    # keras 2.2.4's own test crops (2, 4, 2, 2) volumes by 1 on every side: sizes 0 are allowed there
    model = keras_model_sequential()
    layer_dense(model, units=32, input_shape=[784])
    layer_reshape(model, target_shape=[2, 4, 2, 2])
    layer_cropping_3d(model)
    assert model.output_shape == (None, 0, 2, 0, 2)
    assert tuple(model(np.ones((3, 784), "float32")).shape) == (3, 0, 2, 0, 2)
    with pytest.raises(ValueError, match=r"`cropping`"):
        layer_cropping_1d(x, cropping=[4, 3])


def _hard_sigmoid_2018(x):
    return np.clip(0.2 * x + 0.5, 0, 1)


def test_conv_lstm_2d_with_1x1_kernels_is_an_lstm_per_pixel():
    # kernels of 1x1 make the convolutions per-pixel matrix products, so NumPy can run the LSTM
    x = _rand(2, 3, 2, 2, 3)  # (batch, time, rows, cols, channels)
    layer = layer_conv_lstm_2d(filters=2, kernel_size=[1, 1], return_sequences=True)
    out = layer(x).numpy()
    kernel, recurrent, bias = get_weights(layer)
    np.testing.assert_allclose(bias[2:4], 1.0)  # unit_forget_bias
    w, u = kernel[0, 0], recurrent[0, 0]
    h = np.zeros((2, 2, 2, 2))
    c = np.zeros_like(h)
    for t in range(3):
        z = x[:, t] @ w + h @ u + bias
        i, f, g, o = (z[..., k * 2:(k + 1) * 2] for k in range(4))
        c = _hard_sigmoid_2018(f) * c + _hard_sigmoid_2018(i) * np.tanh(g)
        h = _hard_sigmoid_2018(o) * np.tanh(c)
        np.testing.assert_allclose(out[:, t], h, atol=1e-5)
    assert tuple(layer_conv_lstm_2d(x, filters=4, kernel_size=3, padding="same").shape) == (2, 2, 2, 4)


@pytest.mark.parametrize(("call", "name"), [
    (lambda: layer_conv_1d(filters=0, kernel_size=2), "filters"),
    (lambda: layer_conv_1d(filters=1, kernel_size=[2, 2]), "kernel_size"),
    (lambda: layer_conv_3d(filters=1, kernel_size=[2, 2]), "kernel_size"),
    (lambda: layer_conv_3d(filters=1, kernel_size=2, padding="causal"), "padding"),
    (lambda: layer_conv_2d(filters=1, kernel_size=2, data_format="NHWC"), "data_format"),
    (lambda: layer_conv_2d(filters=1, kernel_size=2, strides=2, dilation_rate=2), "dilation_rate"),
    (lambda: layer_separable_conv_2d(filters=2, kernel_size=2, depth_multiplier=0.5), "depth_multiplier"),
    (lambda: layer_depthwise_conv_2d(kernel_size=None), "kernel_size"),
    (lambda: layer_upsampling_1d(size=0), "size"),
    (lambda: layer_upsampling_3d(size=[2, 2]), "size"),
    (lambda: layer_cropping_2d(cropping=[[1, 1], [1, 1], [1, 1]]), "cropping"),
    (lambda: layer_conv_lstm_2d(filters=2, kernel_size=1, dropout=1), "dropout"),
    (lambda: layer_conv_lstm_2d(filters=2, kernel_size=1, return_sequences="yes"), "return_sequences"),
])
def test_bad_arguments_name_the_argument(call, name):
    with pytest.raises((ValueError, TypeError), match=rf"`{name}`.*Received: {name}="):
        call()


def test_layers_compose_with_sequential_models_and_tensors():
    model = keras_model_sequential()
    layer_conv_1d(model, filters=3, kernel_size=2, input_shape=[2, 16])
    layer_upsampling_1d(model)
    layer_zero_padding_1d(model, padding=[1, 0])
    layer_cropping_1d(model, cropping=[0, 1])
    assert model.output_shape == (None, 2, 3)
    x = keras.Input((4, 4, 2))
    y = layer_separable_conv_2d(x, filters=2, kernel_size=2, padding="same")
    assert tuple(y.shape) == (None, 4, 4, 2)
    assert isinstance(layer_cropping_2d(), keras.layers.Cropping2D)
