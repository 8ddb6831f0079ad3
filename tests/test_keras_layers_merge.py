"""The merge layers of R keras 2.2.4 (layers-merge.R): values against NumPy."""

import keras
import numpy as np
import pytest

from rkeras_bridge import (
    keras_model,
    layer_add,
    layer_average,
    layer_input,
    layer_maximum,
    layer_minimum,
    layer_multiply,
    layer_subtract,
)

RNG = np.random.default_rng(3)
A, B, C = (RNG.normal(size=(2, 4, 5)).astype("float32") for _ in range(3))


@pytest.mark.parametrize("fn, reference", [
    (layer_add, lambda xs: xs[0] + xs[1] + xs[2]),
    (layer_multiply, lambda xs: xs[0] * xs[1] * xs[2]),
    (layer_average, lambda xs: (xs[0] + xs[1] + xs[2]) / 3),
    (layer_maximum, lambda xs: np.maximum(np.maximum(xs[0], xs[1]), xs[2])),
    (layer_minimum, lambda xs: np.minimum(np.minimum(xs[0], xs[1]), xs[2])),
])
def test_merge_of_three_tensors(fn, reference):
    np.testing.assert_allclose(fn([A, B, C]).numpy(), reference([A, B, C]), rtol=1e-5, atol=1e-6)
    # symbolic inputs make a model, as the 2018 code did
    inputs = [layer_input(shape=[4, 5]) for _ in range(3)]
    model = keras_model(inputs, fn(inputs))
    np.testing.assert_allclose(model([A, B, C]).numpy(), reference([A, B, C]), rtol=1e-5, atol=1e-6)
    layer = fn(name=f"merge_{fn.__name__}")
    assert isinstance(layer, keras.layers.Layer) and layer.name == f"merge_{fn.__name__}"


def test_subtract_takes_exactly_two():
    np.testing.assert_allclose(layer_subtract([A, B]).numpy(), A - B)
    with pytest.raises(ValueError, match=r"exactly 2.*Received: inputs="):
        layer_subtract([A, B, C])


def test_merge_needs_a_list_of_two_or_more():
    with pytest.raises(ValueError, match=r"`inputs`.*Received: inputs="):
        layer_add([A])
    with pytest.raises(ValueError, match=r"`inputs`"):
        layer_multiply(A)
