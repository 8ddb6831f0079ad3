"""Layer methods (layer-methods.R): configs, parameter counts, node tensors and shapes, states."""

import keras
import numpy as np
import pytest

from rkeras_bridge import (
    count_params,
    from_config,
    get_config,
    get_input_at,
    get_input_mask_at,
    get_input_shape_at,
    get_output_at,
    get_output_mask_at,
    get_output_shape_at,
    get_weights,
    keras_model,
    keras_model_sequential,
    layer_activation,
    layer_dense,
    layer_input,
    layer_lstm,
    layer_masking,
    reset_states,
    set_weights,
)

RNG = np.random.default_rng(13)


def test_layer_config_round_trip_makes_an_equivalent_layer():
    layer = layer_dense(units=64.0, activation="relu", name="hidden")
    config = get_config(layer)
    assert config["units"] == 64 and config["name"] == "hidden"
    copy = from_config(config, type(layer))
    assert isinstance(copy, keras.layers.Dense) and get_config(copy) == config
    with pytest.raises(ValueError, match="`config_class`"):
        from_config(config)
    with pytest.raises(TypeError, match=r"`object`.*Received: object="):
        get_config("dense")


def test_model_configs_round_trip_with_the_same_computation():
    x = RNG.normal(size=(3, 8)).astype("float32")
    inputs = layer_input(shape=8)
    outputs = layer_dense(layer_dense(inputs, units=4, activation="relu"), units=2, activation="softmax")
    functional = keras_model(inputs, outputs)
    sequential = keras_model_sequential()
    layer_dense(sequential, units=4, input_shape=8, activation="relu")
    layer_dense(sequential, units=2, activation="softmax")
    for model in (functional, sequential):
        copy = from_config(get_config(model), type(model))
        assert type(copy) is type(model)
        assert count_params(copy) == count_params(model) == 8 * 4 + 4 + 4 * 2 + 2
        set_weights(copy, get_weights(model))
        np.testing.assert_allclose(copy(x).numpy(), model(x).numpy(), rtol=1e-6)


def test_count_params_of_layers_and_models():
    model = keras_model_sequential()
    layer_dense(model, units=32, input_shape=784)
    layer_activation(model, "relu")
    layer_dense(model, units=10)
    assert count_params(model) == 784 * 32 + 32 + 32 * 10 + 10
    assert count_params(model.layers[0]) == 784 * 32 + 32 and count_params(model.layers[1]) == 0
    with pytest.raises(ValueError, match=r"built layer or model.*Received: object="):
        count_params(layer_dense(units=2))
    with pytest.raises(TypeError, match="`object`"):
        count_params(np.ones(3))


def test_node_functions_count_calls_from_one():
    a, b = layer_input(shape=3), layer_input(shape=[5, 3])
    shared = layer_dense(units=2)
    out_a, out_b = shared(a), shared(b)
    assert get_input_at(shared, 1) is a and get_input_at(shared, 2.0) is b
    assert get_output_at(shared, 1) is out_a and get_output_at(shared, 2) is out_b
    assert get_input_shape_at(shared, 1) == (None, 3) and get_input_shape_at(shared, 2) == (None, 5, 3)
    assert get_output_shape_at(shared, 2) == (None, 5, 2)
    assert get_input_mask_at(shared, 1) is None and get_output_mask_at(shared, 1) is None
    with pytest.raises(ValueError, match=r"`node_index`.*from 1 to 2.*Received: node_index=3"):
        get_input_at(shared, 3)
    with pytest.raises(ValueError, match="`node_index`"):
        get_output_at(shared, 0)
    with pytest.raises(ValueError, match="never called"):
        get_input_at(layer_dense(units=1), 1)


def test_masks_at_nodes():
    inputs = layer_input(shape=[4, 2])
    masking = layer_masking(mask_value=0.0)
    lstm = layer_lstm(units=3)
    out = lstm(masking(inputs))
    mask = get_output_mask_at(masking, 1)
    assert get_input_mask_at(lstm, 1) is mask and tuple(mask.shape) == (None, 4) and mask.dtype == "bool"
    assert get_input_mask_at(masking, 1) is None and get_output_mask_at(lstm, 1) is None
    assert get_output_at(lstm, 1) is out and get_input_shape_at(lstm, 1) == (None, 4, 2)  # not the mask


def test_reset_states_of_a_stateful_lstm():
    model = keras_model_sequential()
    layer_lstm(model, units=3, input_shape=[4, 2], batch_size=2, stateful=True)
    assert tuple(model.input_shape) == (2, 4, 2)
    x = RNG.normal(size=(2, 4, 2)).astype("float32")
    first = model(x).numpy()
    second = model(x).numpy()
    assert not np.allclose(first, second)  # the state carried over
    assert reset_states(model) is model
    np.testing.assert_allclose(model(x).numpy(), first, atol=1e-6)
    layer = model.layers[0]
    model(x)
    reset_states(layer)
    np.testing.assert_allclose(model(x).numpy(), first, atol=1e-6)
    with pytest.raises(TypeError, match="`object`"):
        reset_states("model")
