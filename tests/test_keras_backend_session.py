"""k_* variables and values, k_function, k_gradients, the learning phase, configuration, TF1-only calls."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    k_backend, k_batch_get_value, k_batch_set_value, k_clear_session, k_count_params, k_dtype, k_epsilon,
    k_eval, k_function, k_get_session, k_get_uid, k_get_value, k_get_variable_shape, k_gradients,
    k_image_data_format, k_in_test_phase, k_in_train_phase, k_int_shape, k_is_keras_tensor,
    k_is_placeholder, k_is_sparse, k_is_tensor, k_learning_phase, k_manual_variable_initialization,
    k_mean, k_moving_average_update, k_ndim, k_placeholder, k_print_tensor, k_reset_uids, k_set_epsilon,
    k_set_image_data_format, k_set_learning_phase, k_set_session, k_set_value, k_square, k_sum,
    k_to_dense, k_update, k_update_add, k_update_sub, k_variable,
)
from rkeras_bridge.bridge.errors import UnavailableError
from rkeras_bridge.keras.backend_session import backend


@pytest.fixture(autouse=True)
def _test_phase():
    yield
    k_set_learning_phase(0)


def test_variables_and_values():
    v = k_variable(np.arange(6.0).reshape(2, 3))
    assert isinstance(v, tf.Variable) and v.dtype == tf.float32  # floatx, as keras.backend.variable
    assert k_get_value(v).tolist() == np.arange(6.0).reshape(2, 3).tolist()
    assert k_variable([1, 2], dtype="int32").dtype == tf.int32
    k_set_value(v, np.ones((2, 3)))
    assert k_eval(v).sum() == 6
    a, b = k_variable(0), k_variable([0, 0])
    k_batch_set_value([[a, 20], [b, [1, 2]]])
    assert [x.tolist() for x in k_batch_get_value([a, b])] == [20.0, [1.0, 2.0]]
    assert k_update(b, [5, 6]) is b and b.numpy().tolist() == [5, 6]
    assert k_update_add(b, [1, 1]).numpy().tolist() == [6, 7]
    assert k_update_sub(b, [6, 6]).numpy().tolist() == [0, 1]
    m = k_variable(2.0)
    k_moving_average_update(m, 12.0, 0.75)
    assert float(m.numpy()) == pytest.approx(0.75 * 2 + 0.25 * 12)
    with pytest.raises(ValueError, match=r"`value`.*shape \(2, 3\)"):
        k_set_value(v, np.ones(3))
    with pytest.raises(ValueError, match=r"`lists\[\[2\]\]`"):
        k_batch_set_value([[a, 1], [a]])
    with pytest.raises(ValueError, match=r"`x`.*variable"):
        k_update(tf.constant(1.0), 2.0)


def test_variables_of_keras_layers():
    layer = keras.layers.Dense(2)
    layer.build((None, 3))
    k_set_value(layer.kernel, np.ones((3, 2)))
    assert k_get_value(layer.kernel).tolist() == [[1, 1]] * 3
    assert k_count_params(layer.kernel) == 6 and k_dtype(layer.kernel) == "float32"


def test_facts_about_tensors():
    x = keras.Input((4, 5))
    assert k_int_shape(x) == (None, 4, 5) and k_ndim(x) == 3 and k_dtype(x) == "float32"
    v = k_variable(np.zeros((2, 3)))
    assert k_int_shape(v) == (2, 3) == k_get_variable_shape(v) and k_count_params(v) == 6
    assert k_is_keras_tensor(x) and not k_is_keras_tensor(v) and not k_is_keras_tensor(tf.constant(1))
    with pytest.raises(ValueError, match="`x`"):
        k_is_keras_tensor(np.zeros(2))
    assert k_is_tensor(x) and k_is_tensor(v) and not k_is_tensor(1) and not k_is_tensor(np.zeros(2))
    assert k_is_sparse(tf.sparse.eye(2)) and not k_is_sparse(tf.eye(2))
    assert k_to_dense(tf.sparse.eye(2)).numpy().tolist() == np.eye(2).tolist()
    assert not k_is_placeholder(x)
    with pytest.raises(ValueError, match="symbolic tensor has none"):
        k_eval(x)


def test_print_tensor_prints_and_returns(capsys):
    t = tf.constant([1, 2])
    assert k_print_tensor(t, "t: ") is t
    assert capsys.readouterr().out == "t: [1 2]\n"


def test_learning_phase_and_phase_choices():
    assert k_learning_phase() == 0
    assert int(k_in_train_phase(tf.constant(1), tf.constant(0))) == 0
    k_set_learning_phase(1)
    assert k_learning_phase() == 1
    assert int(k_in_train_phase(lambda: tf.constant(1), lambda: tf.constant(0))) == 1
    assert int(k_in_test_phase(tf.constant(1), tf.constant(0))) == 0
    assert int(k_in_train_phase(tf.constant(1), tf.constant(0), training=False)) == 0
    chosen = k_in_train_phase(tf.constant([1, 1]), tf.constant([0, 0]), training=tf.constant(True))
    assert chosen.numpy().tolist() == [1, 1]
    with pytest.raises(ValueError, match="`value`"):
        k_set_learning_phase(2)

    class Noise(keras.layers.Layer):  # a layer asking for the phase, as 2018 custom layers did
        def call(self, inputs):
            return k_in_train_phase(inputs + 100.0, inputs)

    k_set_learning_phase(0)
    layer = Noise()
    assert float(layer(tf.zeros(1), training=True)[0]) == 100.0  # the layer call's flag wins
    assert float(layer(tf.zeros(1))[0]) == 0.0


def test_function_runs_a_model_graph_in_both_phases():
    inp = keras.Input((4,))
    hidden = keras.layers.Dense(3, kernel_initializer="ones", name="hidden")(inp)
    dropped = keras.layers.Dropout(0.5)(hidden)
    out = keras.layers.Dense(2, kernel_initializer="ones", name="out")(dropped)
    model = keras.Model(inp, out)
    x = np.arange(8.0).reshape(2, 4)
    f = k_function([model.input, k_learning_phase()], [model.get_layer("hidden").output, model.output])
    hidden_value, test_out = f([x, 0])
    assert hidden_value.tolist() == np.repeat(x.sum(axis=1, keepdims=True), 3, axis=1).tolist()
    assert np.allclose(test_out, np.repeat(3 * x.sum(axis=1, keepdims=True), 2, axis=1))
    train_out = f([x, 1])[1]
    assert not np.allclose(train_out, test_out)  # dropout on in the training phase
    single = k_function([inp], out)
    assert np.allclose(single([x]), test_out)  # one output in, one array out
    k_set_learning_phase(1)
    assert not np.allclose(single([x]), test_out)
    k_set_learning_phase(0)
    with pytest.raises(ValueError, match="`inputs`"):
        f([x])


def test_function_of_k_calls_and_updates():
    x = keras.Input((3,))
    total = k_sum(k_square(x), axis=2)
    counter = k_variable(0.0)
    f = k_function([x], [total], updates=[[counter, k_mean(total)]])
    values = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]])
    assert f([values])[0].tolist() == [14.0, 1.0]
    assert float(counter.numpy()) == 7.5
    with pytest.raises(UnavailableError, match="k_function\\(feed_dict = ...\\).*no session"):
        k_function([x], [total], feed_dict={})
    with pytest.raises(ValueError, match=r"`inputs\[\[1\]\]`"):
        k_function([tf.constant(1.0)], [total])


def test_gradients_of_symbolic_and_traced_losses():
    x = keras.Input((2,))
    dense = keras.layers.Dense(1, kernel_initializer="ones", use_bias=False)
    hidden = dense(x)
    loss = k_sum(k_square(hidden))
    grad_x, grad_hidden, grad_kernel = k_gradients(loss, [x, hidden, dense.kernel])
    f = k_function([x], [grad_x, grad_hidden, grad_kernel])
    values = np.array([[1.0, 2.0], [3.0, 1.0]])
    gx, gh, gk = f([values])
    h = values.sum(axis=1, keepdims=True)  # kernel of ones
    assert np.allclose(gh, 2 * h) and np.allclose(gx, 2 * h * np.ones((1, 2)))
    assert np.allclose(gk, values.T @ (2 * h))

    @tf.function
    def traced(v):
        return k_gradients(tf.reduce_sum(v ** 3), v)[0]

    assert traced(tf.constant([1.0, 2.0])).numpy().tolist() == [3.0, 12.0]
    with pytest.raises(UnavailableError, match="GradientTape"):
        k_gradients(tf.constant(1.0), tf.constant(2.0))


def test_configuration_and_uids():
    assert k_backend() == "tensorflow"
    assert k_image_data_format() == "channels_last"
    try:
        k_set_image_data_format("channels_first")
        assert k_image_data_format() == "channels_first"
    finally:
        k_set_image_data_format("channels_last")
    with pytest.raises(ValueError, match="`data_format`"):
        k_set_image_data_format("nhwc")
    try:
        k_set_epsilon(1e-4)
        assert k_epsilon() == 1e-4
    finally:
        k_set_epsilon(1e-7)
    with pytest.raises(ValueError, match="`e`"):
        k_set_epsilon(0)
    k_reset_uids()
    assert [k_get_uid("abc"), k_get_uid("abc"), k_get_uid("xyz")] == [1, 2, 1]
    k_reset_uids()
    assert k_get_uid("abc") == 1
    k_set_learning_phase(1)
    k_clear_session()
    assert k_learning_phase() == 0 and k_get_uid("abc") == 1


@pytest.mark.parametrize("call, name", [
    (lambda: k_placeholder(shape=[None, 3]), "k_placeholder()"),
    (k_get_session, "k_get_session()"),
    (lambda: k_set_session(None), "k_set_session()"),
    (lambda: k_manual_variable_initialization(True), "k_manual_variable_initialization(TRUE)"),
])
def test_tf1_only_functions_raise_a_classed_error(call, name):
    with pytest.raises(UnavailableError) as info:
        call()
    message = str(info.value)
    assert message.startswith(f"{name} is not available on TensorFlow 2: ") and "Instead: " in message


def test_manual_initialization_false_is_what_tf2_does():
    assert k_manual_variable_initialization(False) is None


def test_backend_module_is_keras_backend_with_0_based_axes():
    K = backend()
    assert K.cast_to_floatx(42).dtype == np.float32
    assert K.sum(tf.ones((2, 3)), axis=0).numpy().tolist() == [2.0, 2.0, 2.0]  # Python's 0-based axes
    assert K.function is k_function and K.learning_phase is k_learning_phase
    with pytest.raises(UnavailableError):
        K.placeholder()
    with pytest.raises(ValueError, match="`convert`"):
        backend(convert="no")
