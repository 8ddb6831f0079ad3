"""The bad-input catalogue: each entry gets an error that names the argument, what was received
and what was expected (R-side entries, such as R NA, are in r/tests/testthat/test-bridge-bad-inputs.R)."""

import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    apply_gradients, check_numerics, compile, dataset_mnist, fit, keras_model_custom, keras_model_sequential,
    layer_conv_2d, layer_dense, layer_embedding, set_random_seed, tensor_slices_dataset, transpose,
)
from rkeras_bridge import tf as tf1
from rkeras_bridge.bridge.conversion import call, extract


@pytest.fixture
def numerics_on():
    check_numerics(True)
    yield
    check_numerics(False)


def test_nan_inf_check_is_off_by_default():
    assert check_numerics() is False
    tensor_slices_dataset(np.array([1.0, np.nan]))  # allowed: NaN can be meaningful


def test_nan_in_dataset_is_refused_when_on(numerics_on):
    with pytest.raises(ValueError, match=r"`tensors\[\[2\]\]`.*1 NaN and 0 Inf.*R index \[2, 1\]"):
        tensor_slices_dataset([np.ones((3, 2)), np.array([[1.0], [np.nan], [2.0]])])


def test_inf_in_fit_is_refused_when_on(numerics_on):
    set_random_seed(1)
    model = keras_model_sequential()
    layer_dense(model, units=1, input_shape=[2])
    compile(model, optimizer="sgd", loss="mse")
    x = np.ones((4, 2))
    x[3, 1] = np.inf
    with pytest.raises(ValueError, match=r"`x`.*0 NaN and 1 Inf.*R index \[4, 2\]"):
        fit(model, x, np.ones((4, 1)), epochs=1, verbose=0)


def test_check_numerics_wants_a_logical():
    with pytest.raises(ValueError, match="`enable`"):
        check_numerics("yes")


@pytest.mark.parametrize("call, match", [
    (lambda: layer_dense(units=2.5), r"`units`.*Received: units=2.5"),         # non-integer units
    (lambda: layer_dense(units="32"), r"`units`.*Received: units='32'"),       # wrong type
    (lambda: layer_dense(units=None), r"`units`.*Received: units=None"),       # NULL where a value is needed
    (lambda: tensor_slices_dataset(None), r"`tensors`"),                       # NULL data
    (lambda: extract(tf.zeros((2, 3)), [("scalar", 0)]), r"`index 1`.*Received"),  # 0 index
    (lambda: extract(tf.zeros((2, 3)), [("scalar", 3)]), r"`index 1`.*size 2"),     # out of range
    (lambda: transpose([[1, 2], [3]]), r"ragged"),                                  # ragged transpose
    (lambda: apply_gradients(tf1.train.AdamOptimizer(), [[1.0, None]]), r"different lengths"),
    (lambda: dataset_mnist("/nonexistent/mnist.npz"), r"mnist.npz"),               # missing data file
    (lambda: keras_model_custom(lambda self: (lambda: None)), r"model_fn"),         # closure signature
])
def test_catalogue_entry(call, match):
    with pytest.raises((ValueError, TypeError, FileNotFoundError), match=match):
        call()


def test_wrong_rank_for_a_layer_shows_r_dims_when_called_through_the_bridge():
    layer = layer_conv_2d(filters=2, kernel_size=[3, 3])
    with pytest.raises(ValueError, match=r"(?s)expected min_ndim=4, found ndim=2.*dim\(\) = c\(10, 5\)"):
        call(layer, np.ones((10, 5), "float32"))  # the path every R call takes
    with pytest.raises(ValueError) as plain:
        layer(np.ones((10, 5), "float32"))  # Python users get Keras's own message
    assert "dim()" not in str(plain.value)


@pytest.mark.parametrize("data", [np.zeros((0, 3)), [np.ones((2, 3)), np.zeros((0,))], np.float64(1.0),
                                  {"x": np.ones(3), "y": []}])
def test_empty_data_is_refused(data):
    with pytest.raises(ValueError, match=r"`tensors`.*at least one element"):
        tensor_slices_dataset(data)


def test_wrong_dtype_fractional_indices_into_an_embedding():
    layer = layer_embedding(input_dim=5, output_dim=2)
    with pytest.raises(ValueError, match=r"`inputs`.*whole-number indices from 0 to 4.*2.5"):
        layer(np.array([[1.0, 2.5]]))
    assert layer(np.array([[1.0, 2.0]])).shape == (1, 2, 2)  # whole doubles, as R sends them, are fine
    assert layer.name.startswith("embedding")
    with pytest.raises(ValueError, match=r"dtype='string'"):
        layer_dense(units=2)(np.array([["a", "b"]]))  # strings into a layer: Keras names the dtype
