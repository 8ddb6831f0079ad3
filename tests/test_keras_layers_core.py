"""The core layers added for R keras 2.2.4's layers-core.R: values against NumPy."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    get_weights,
    keras_model,
    keras_model_sequential,
    layer_activity_regularization,
    layer_dense,
    layer_dense_features,
    layer_input,
    layer_lstm,
    layer_masking,
    layer_permute,
    layer_repeat_vector,
    regularizer_l2,
    set_weights,
)

RNG = np.random.default_rng(7)


def test_dense_takes_keras_2_regularizer_and_constraint_arguments():
    layer = layer_dense(units=2, kernel_regularizer=regularizer_l2(0.5),
                        kernel_constraint=keras.constraints.NonNeg())
    layer.build((None, 3))
    kernel = RNG.normal(size=(3, 2)).astype("float32")
    set_weights(layer, [kernel, np.zeros(2)])
    np.testing.assert_allclose(float(layer.losses[0]), 0.5 * np.sum(kernel ** 2), rtol=1e-5)
    assert isinstance(layer.kernel_constraint, keras.constraints.NonNeg)


def test_permute_matches_numpy_transpose():
    x = RNG.normal(size=(2, 3, 4, 5)).astype("float32")
    out = layer_permute(x, dims=[3.0, 1.0, 2.0]).numpy()
    np.testing.assert_allclose(out, np.transpose(x, (0, 3, 1, 2)))
    assert tuple(layer_permute(layer_input(shape=[10, 64]), dims=[2, 1]).shape) == (None, 64, 10)
    for bad in ([1, 1], [0, 1], [2, 3], [1.5, 2]):
        with pytest.raises(ValueError, match=r"`dims.*Received: dims"):
            layer_permute(dims=bad)


def test_repeat_vector_matches_numpy_repeat():
    x = RNG.normal(size=(2, 3)).astype("float32")
    out = layer_repeat_vector(x, n=4.0).numpy()
    np.testing.assert_allclose(out, np.repeat(x[:, None, :], 4, axis=1))
    with pytest.raises(ValueError, match=r"`n`.*Received: n=0"):
        layer_repeat_vector(n=0)


def test_activity_regularization_adds_keras_2_unnormalised_penalty():
    x = np.array([[1.0, -2.0], [3.0, 0.5]], "float32")
    layer = layer_activity_regularization(l1=0.1, l2=0.01)
    np.testing.assert_allclose(layer(x).numpy(), x)
    # Keras 2.2.4 summed over the batch; Keras 3's own layer would divide by the batch size (2).
    expected = 0.1 * np.abs(x).sum() + 0.01 * (x ** 2).sum()
    assert len(layer.losses) == 1
    np.testing.assert_allclose(float(layer.losses[0]), expected, rtol=1e-6)
    assert layer_activity_regularization().__class__.__name__ == "ActivityRegularization"
    with pytest.raises(ValueError, match=r"`l1`.*Received: l1=-1"):
        layer_activity_regularization(l1=-1)


def test_activity_regularization_penalty_enters_the_training_loss():
    model = keras_model_sequential()
    layer_dense(model, units=1, input_shape=2, use_bias=False, kernel_initializer="ones")
    layer_activity_regularization(model, l1=1.0)
    model.compile(loss="mse", optimizer="sgd")
    x = np.array([[1.0, 1.0], [2.0, -1.0]], "float32")
    y = np.zeros((2, 1), "float32")
    loss = model.evaluate(x, y, verbose=0)
    out = x.sum(axis=1)
    np.testing.assert_allclose(loss, np.mean(out ** 2) + np.abs(out).sum(), rtol=1e-5)


def test_masking_zeroes_masked_steps_and_recurrent_layers_skip_them():
    x = RNG.normal(size=(2, 3, 4)).astype("float32")
    x[0, 2] = 0.0
    x[1, 1] = 0.0
    masking = layer_masking(mask_value=0.0)
    out = masking(x).numpy()
    np.testing.assert_allclose(out, x)
    np.testing.assert_array_equal(masking.compute_mask(x).numpy(), [[True, True, False], [True, False, True]])
    x2 = x.copy()
    x2[0, 1] = 7.0
    np.testing.assert_allclose(layer_masking(x2, mask_value=7.0).numpy()[0, 1], 0.0)
    # An LSTM behind the mask ignores the trailing padded step of example 1.
    inputs = layer_input(shape=[3, 4])
    lstm = layer_lstm(units=2)
    model = keras_model(inputs, lstm(layer_masking(inputs)))
    weights = get_weights(lstm)
    plain = layer_lstm(units=2)
    plain(x[:1, :2])
    set_weights(plain, weights)
    np.testing.assert_allclose(model(x[:1]).numpy(), plain(x[:1, :2]).numpy(), atol=1e-6)
    with pytest.raises(ValueError, match="`mask_value`"):
        layer_masking(mask_value="zero")


def test_batch_size_gives_a_sequential_model_a_fixed_batch_size():
    model = layer_dense(keras_model_sequential(), units=2, input_shape=[3.0], batch_size=4.0)
    assert tuple(model.input_shape) == (4, 3)
    # batch_input_shape wins, as in Keras 2
    model = layer_dense(keras_model_sequential(), units=2, batch_input_shape=[8.0, 3.0], batch_size=4.0)
    assert tuple(model.input_shape) == (8, 3)
    layer = layer_dense(units=2, batch_size=4)  # no input shape: nothing to fix
    assert tuple(layer(np.ones((3, 5), "float32")).shape) == (3, 2)


def test_dense_features_numeric_and_embedding_columns():
    numeric = tf.feature_column.numeric_column("mpg")
    cylinders = tf.feature_column.categorical_column_with_identity("cyl", 4)
    embedded = tf.feature_column.embedding_column(cylinders, 2)
    layer = layer_dense_features(feature_columns=[numeric, embedded])
    features = {"mpg": np.array([[21.0], [30.5]], "float32"), "cyl": np.array([[3], [1]])}
    out = layer(features).numpy()
    (table,) = get_weights(layer)
    # columns sorted by name: "cyl_embedding" before "mpg"
    np.testing.assert_allclose(out, np.concatenate([table[[3, 1]], features["mpg"]], axis=1), rtol=1e-6)
    symbolic = layer_dense_features({"mpg": layer_input(shape=1)}, feature_columns=[numeric])
    assert tuple(symbolic.shape) == (None, 1)
    model = keras_model_sequential([layer_dense_features(feature_columns=[numeric]), layer_dense(units=1)])
    model.compile(loss="mae", optimizer="adam")
    history = model.fit(x={"mpg": np.arange(1.0, 11.0)}, y=np.arange(1.0, 11.0), verbose=0)
    assert np.isfinite(history.history["loss"][0])
    with pytest.raises(TypeError, match="`feature_columns`"):
        layer_dense_features(feature_columns=[cylinders])  # categorical: not dense
