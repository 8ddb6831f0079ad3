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
