"""Layer wrappers (layer-wrappers.R, wrapper_custom.R): time_distributed, bidirectional, create_wrapper."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    KerasWrapper,
    bidirectional,
    compile,
    create_wrapper,
    fit,
    get_weights,
    k_log,
    k_sum,
    keras_model_sequential,
    layer_dense,
    layer_input,
    layer_lstm,
    layer_simple_rnn,
    set_weights,
    shape,
    time_distributed,
)

RNG = np.random.default_rng(5)


def _simple_rnn_last(x, kernel, recurrent, bias):
    h = np.zeros((x.shape[0], kernel.shape[1]))
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ kernel + h @ recurrent + bias)
    return h


def test_time_distributed_applies_one_dense_to_every_step():
    x = RNG.normal(size=(2, 3, 4)).astype("float32")
    dense = layer_dense(units=2)
    layer = time_distributed(layer=dense)
    out = layer(x).numpy()
    kernel, bias = get_weights(dense)
    np.testing.assert_allclose(out, x @ kernel + bias, rtol=1e-5, atol=1e-6)
    model = time_distributed(keras_model_sequential(), layer_dense(units=8), input_shape=[10.0, 16.0])
    assert tuple(model.output_shape) == (None, 10, 8)
    with pytest.raises(TypeError, match=r"`layer`.*Received: layer="):
        time_distributed(layer="dense")


def test_bidirectional_merges_forward_and_backward_runs():
    x = RNG.normal(size=(2, 4, 3)).astype("float32")
    layer = bidirectional(layer=layer_simple_rnn(units=2), merge_mode=None)
    forward, backward = layer(x)
    wf = get_weights(layer.forward_layer)
    wb = get_weights(layer.backward_layer)
    assert not np.allclose(wf[0], wb[0])  # the backward copy has its own weights
    np.testing.assert_allclose(forward.numpy(), _simple_rnn_last(x, *wf), atol=1e-5)
    np.testing.assert_allclose(backward.numpy(), _simple_rnn_last(x[:, ::-1], *wb), atol=1e-5)
    concat = bidirectional(layer=layer_simple_rnn(units=2))
    concat(x)
    set_weights(concat, wf + wb)
    np.testing.assert_allclose(concat(x).numpy(), np.concatenate([forward, backward], axis=-1), atol=1e-5)
    total = bidirectional(layer=layer_simple_rnn(units=2), merge_mode="sum")
    total(x)
    set_weights(total, wf + wb)
    np.testing.assert_allclose(total(x).numpy(), forward.numpy() + backward.numpy(), atol=1e-5)


def test_bidirectional_stacks_in_a_sequential_model_and_checks_arguments():
    model = keras_model_sequential()
    bidirectional(model, layer_lstm(units=10, return_sequences=True), input_shape=[5, 10])
    bidirectional(model, layer_lstm(units=10))
    layer_dense(model, units=5)
    assert tuple(model.output_shape) == (None, 5)
    with pytest.raises(ValueError, match=r"`merge_mode`.*Received: merge_mode='max'"):
        bidirectional(layer=layer_lstm(units=2), merge_mode="max")
    with pytest.raises(TypeError, match="`layer`"):
        bidirectional(layer=layer_dense(units=2))


class LogScaled(KerasWrapper):
    """The conformance suite's custom wrapper, plus a use of its weight: y = layer(x) * w."""

    def __init__(self, weight_shape, weight_init, recompute=False):
        self.weight_shape = weight_shape
        self.weight_init = weight_init
        self.recompute = recompute

    def build(self, input_shape):
        super().build(input_shape)
        self.w = self.add_weight(name="custom_weight", shape=self.weight_shape, initializer=self.weight_init)
        self.add_loss((lambda: k_sum(k_log(self.w))) if self.recompute else k_sum(k_log(self.w)))

    def call(self, inputs, mask=None):
        return super().call(inputs) * self.w


def test_create_wrapper_weights_losses_and_output():
    x = RNG.normal(size=(4, 2)).astype("float32")
    model = keras_model_sequential()
    create_wrapper(LogScaled, model, {"layer": layer_dense(units=3), "weight_shape": shape([1.0]),
                                      "weight_init": keras.initializers.Constant(2.0),
                                      "input_shape": shape([2])})
    wrapper = model.layers[0]
    assert len(wrapper.get_weights()) == 3 and len(wrapper.losses) == 1
    np.testing.assert_allclose(float(wrapper.losses[0]), np.log(2.0), rtol=1e-6)
    kernel, bias = get_weights(wrapper.layer)
    np.testing.assert_allclose(model(x).numpy(), (x @ kernel + bias) * 2.0, rtol=1e-5)
    # the build-time loss stays after calls (Keras 2 kept it; Keras 3 would clear it)
    model(x)
    assert len(model.losses) == 1


def test_wrapper_loss_given_as_function_follows_the_weight_in_training():
    model = keras_model_sequential()
    create_wrapper(LogScaled, model, {"layer": layer_dense(units=1, kernel_initializer="zeros"),
                                      "weight_shape": [1], "weight_init": keras.initializers.Constant(2.0),
                                      "recompute": True, "input_shape": [2]})
    compile(model, optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x, y = np.zeros((1, 2), "float32"), np.zeros((1, 1), "float32")
    fit(model, x=x, y=y, batch_size=1, epochs=1, verbose=0)
    # d/dw log(w) = 1/w = 0.5; the mse part has no gradient here (outputs are 0): w = 2 - 0.1 * 0.5
    w = next(v for v in model.layers[0].weights if v.name == "custom_weight")
    np.testing.assert_allclose(np.asarray(w), [1.95], rtol=1e-6)
    np.testing.assert_allclose(float(model.losses[0]), np.log(1.95), rtol=1e-5)


def test_keras_wrapper_defaults_behave_as_the_wrapped_layer():
    dense = layer_dense(units=2)
    wrapper = create_wrapper(KerasWrapper, args={"layer": dense, "name": "plain"})
    x = RNG.normal(size=(3, 4)).astype("float32")
    np.testing.assert_allclose(wrapper(x).numpy(), dense(x).numpy())
    assert wrapper.name == "plain" and tuple(wrapper(layer_input(shape=4)).shape) == (None, 2)
    with pytest.raises(TypeError, match=r"`layer`"):
        create_wrapper(KerasWrapper, args={"name": "no_layer"})
    with pytest.raises(TypeError, match="`args`"):
        create_wrapper(KerasWrapper, args=[dense])
    assert tf.is_tensor(wrapper(x))
