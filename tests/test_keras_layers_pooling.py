"""Pooling layers (R keras ``layers-pooling.R``) against NumPy computations."""
import itertools

import keras
import numpy as np
import pytest

from rkeras_bridge import (
    keras_model_sequential,
    layer_average_pooling_1d,
    layer_average_pooling_2d,
    layer_average_pooling_3d,
    layer_dense,
    layer_global_average_pooling_1d,
    layer_global_average_pooling_2d,
    layer_global_average_pooling_3d,
    layer_global_max_pooling_1d,
    layer_global_max_pooling_2d,
    layer_global_max_pooling_3d,
    layer_max_pooling_1d,
    layer_max_pooling_2d,
    layer_max_pooling_3d,
    layer_reshape,
)

RNG = np.random.default_rng(11)


def np_pool(x, pool, strides, reduce):
    """Valid pooling, channels last: x (batch, *spatial, channels)."""
    nd = x.ndim - 2
    out_shape = [(x.shape[1 + i] - pool[i]) // strides[i] + 1 for i in range(nd)]
    out = np.zeros((x.shape[0], *out_shape, x.shape[-1]))
    for pos in itertools.product(*(range(n) for n in out_shape)):
        index = (slice(p * s, p * s + k) for p, s, k in zip(pos, strides, pool))
        window = x[(slice(None), *index, slice(None))]
        out[(slice(None), *pos, slice(None))] = reduce(window, axis=tuple(range(1, nd + 1)))
    return out


@pytest.mark.parametrize(("layer", "nd", "reduce"), [
    (layer_max_pooling_1d, 1, np.max), (layer_max_pooling_2d, 2, np.max), (layer_max_pooling_3d, 3, np.max),
    (layer_average_pooling_1d, 1, np.mean), (layer_average_pooling_2d, 2, np.mean),
    (layer_average_pooling_3d, 3, np.mean),
])
def test_pooling_defaults_and_strides_against_numpy(layer, nd, reduce):
    x = RNG.normal(size=(2, *([5] * nd), 3)).astype("float32")
    np.testing.assert_allclose(layer(x).numpy(), np_pool(x, (2,) * nd, (2,) * nd, reduce), rtol=1e-5)
    pool = [3.0] + [2.0] * (nd - 1)
    strided = layer(x, pool_size=pool, strides=1.0).numpy()
    np.testing.assert_allclose(strided, np_pool(x, [int(p) for p in pool], (1,) * nd, reduce), rtol=1e-5)


def test_average_pooling_same_leaves_padding_out():
    x = np.array([1.0, 2.0, 3.0], "float32").reshape(1, 3, 1)
    # the last window holds only 3 (padding is not averaged in), as in Keras 2 on TensorFlow
    np.testing.assert_allclose(layer_average_pooling_1d(x, padding="same").numpy().ravel(), [1.5, 3.0])
    np.testing.assert_allclose(layer_max_pooling_1d(-x, padding="SAME").numpy().ravel(), [-1.0, -3.0])


def test_channels_first_pooling():
    x = RNG.normal(size=(1, 2, 4, 4)).astype("float32")
    out = layer_max_pooling_2d(x, data_format="channels_first").numpy()
    expected = np.transpose(np_pool(np.transpose(x, (0, 2, 3, 1)), (2, 2), (2, 2), np.max), (0, 3, 1, 2))
    np.testing.assert_allclose(out, expected)
    np.testing.assert_allclose(layer_global_average_pooling_2d(x, data_format="channels_first").numpy(),
                               x.mean(axis=(2, 3)), rtol=1e-5)


def test_global_pooling_against_numpy():
    for nd, (gmax, gavg) in enumerate([(layer_global_max_pooling_1d, layer_global_average_pooling_1d),
                                       (layer_global_max_pooling_2d, layer_global_average_pooling_2d),
                                       (layer_global_max_pooling_3d, layer_global_average_pooling_3d)], 1):
        x = RNG.normal(size=(2, *([3] * nd), 4)).astype("float32")
        axes = tuple(range(1, nd + 1))
        np.testing.assert_allclose(gmax(x).numpy(), x.max(axis=axes), rtol=1e-6)
        np.testing.assert_allclose(gavg(x).numpy(), x.mean(axis=axes), rtol=1e-5)


def test_global_average_pooling_1d_leaves_masked_steps_out():
    x = np.array([[[1.0], [3.0], [0.0]], [[2.0], [0.0], [0.0]]], "float32")
    masked = keras.layers.Masking(mask_value=0.0)
    layer = layer_global_average_pooling_1d()
    np.testing.assert_allclose(layer(masked(x)).numpy(), [[2.0], [2.0]])


def test_pooling_in_sequential_models_as_keras_2_2_4_tests_build_them():
    model = keras_model_sequential()
    layer_dense(model, units=32, input_shape=[784])
    layer_reshape(model, target_shape=[2, 2, 2, 4])
    layer_average_pooling_3d(model)
    assert model.output_shape == (None, 1, 1, 1, 4)


@pytest.mark.parametrize(("call", "name"), [
    (lambda: layer_max_pooling_1d(pool_size=[2, 2]), "pool_size"),
    (lambda: layer_max_pooling_2d(pool_size=0), "pool_size"),
    (lambda: layer_average_pooling_3d(strides=[1, 1]), "strides"),
    (lambda: layer_average_pooling_2d(padding="causal"), "padding"),
    (lambda: layer_max_pooling_3d(pool_size=None), "pool_size"),
    (lambda: layer_global_max_pooling_2d(data_format="channels_middle"), "data_format"),
])
def test_bad_arguments_name_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"`{name}`.*Received: {name}="):
        call()
