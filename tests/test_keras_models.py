import os

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    callback_early_stopping,
    compile,
    evaluate,
    fit,
    get_layer,
    get_weights,
    keras_model,
    keras_model_custom,
    keras_model_sequential,
    layer_dense,
    layer_embedding,
    layer_flatten,
    layer_input,
    load_model_weights_tf,
    predict,
    save_model_weights_tf,
    set_random_seed,
    set_weights,
)


def _regression(n=64, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(size=(n, 2)).astype("float32")
    y = x @ np.array([[1.0], [-2.0]], "float32") + 0.5
    return x, y


def _sequential():
    model = keras_model_sequential(name="seq")
    layer_dense(model, units=4, activation="relu", input_shape=2.0, name="hidden")
    layer_dense(model, units=1, name="out")
    return model


def test_keras_model_functional_and_sequential():
    inputs = layer_input(shape=2)
    outputs = layer_dense(layer_dense(inputs, units=3), units=1)
    model = keras_model(inputs, outputs, name="f")
    assert isinstance(model, keras.Model) and model.name == "f" and tuple(model.output_shape) == (None, 1)
    set_weights(model, [np.eye(2, 3), np.zeros(3), np.ones((3, 1)), np.array([1.0])])
    np.testing.assert_allclose(predict(model, np.array([[2.0, 3.0]])), [[6.0]])
    seq = keras_model_sequential([keras.Input((2,)), layer_dense(units=1)])
    assert len(seq.layers) == 1 and tuple(seq.output_shape) == (None, 1)
    assert keras_model_sequential(layer_dense(units=1)).layers[0].units == 1
    with pytest.raises(ValueError, match="`outputs`"):
        keras_model(inputs)


def test_compile_returns_the_model_and_checks_arguments():
    model = _sequential()
    assert compile(model, optimizer="adam", loss="mse", metrics="mae") is model
    assert model.loss == "mse"
    with pytest.raises(ValueError, match="`optimizer`"):
        compile(model, loss="mse")
    with pytest.raises(ValueError, match="`sample_weight_mode`"):
        compile(model, optimizer="adam", loss="mse", sample_weight_mode="temporal")
    with pytest.raises(TypeError, match="`object`"):
        compile("model", optimizer="adam", loss="mse")


def test_fit_reduces_the_loss_and_returns_the_history_per_epoch():
    set_random_seed(1)
    x, y = _regression()
    model = _sequential()
    compile(model, optimizer=keras.optimizers.Adam(0.05), loss="mse", metrics=["mae"])
    history = fit(model, x, y, batch_size=16.0, epochs=15.0, verbose=0, validation_split=0.25)
    losses = history["metrics"]["loss"]
    assert set(history["metrics"]) == {"loss", "mae", "val_loss", "val_mae"}
    assert len(losses) == 15 and all(isinstance(v, float) for v in losses)
    assert losses[-1] < 0.5 * losses[0]
    assert history["params"]["epochs"] == 15
    with pytest.raises(ValueError, match="`epochs`"):
        fit(model, x, y, epochs=1.5, verbose=0)
    with pytest.raises(ValueError, match="`validation_split`"):
        fit(model, x, y, epochs=1, verbose=0, validation_split=1)
    with pytest.raises(TypeError, match=r"`callbacks\[\[1\]\]`"):
        fit(model, x, y, epochs=1, verbose=0, callbacks=["not a callback"])


def test_early_stopping_stops_on_a_flat_validation_loss():
    x, y = _regression()
    model = _sequential()
    compile(model, optimizer=keras.optimizers.SGD(learning_rate=0.0), loss="mse")  # nothing moves
    history = fit(model, x, y, epochs=20, verbose=0, validation_data=[x, y],
                  callbacks=callback_early_stopping(patience=2.0))
    val = history["metrics"]["val_loss"]
    assert len(val) == 3 and val[0] == pytest.approx(val[-1])
    with pytest.raises(ValueError, match="`mode`"):
        callback_early_stopping(mode="lowest")
    with pytest.raises(ValueError, match="`patience`"):
        callback_early_stopping(patience=-1)


def test_evaluate_and_predict_give_the_model_values():
    x, y = _regression(n=10)
    model = _sequential()
    compile(model, optimizer="sgd", loss="mse", metrics="mae")
    expected = model(x).numpy()
    np.testing.assert_allclose(predict(model, x, batch_size=4.0), expected, rtol=1e-5, atol=1e-6)
    scores = evaluate(model, x, y, verbose=0)
    assert scores["loss"] == pytest.approx(float(np.mean((expected - y) ** 2)), rel=1e-5)
    assert scores["mae"] == pytest.approx(float(np.mean(np.abs(expected - y))), rel=1e-5)
    with pytest.raises(ValueError, match="`x`"):
        predict(model)


def test_fit_a_custom_model_with_embeddings_validation_data_and_early_stopping():
    # The shape of the 2018 recommender post: two embeddings and a dot product, fit with early stopping.
    set_random_seed(2)
    rng = np.random.default_rng(3)
    x = np.stack([rng.integers(0, 5, 40), rng.integers(0, 6, 40)], axis=1)
    y = rng.uniform(size=(40, 1)).astype("float32")

    def dot_model(self):
        self.user = layer_embedding(input_dim=5, output_dim=3)
        self.movie = layer_embedding(input_dim=6, output_dim=3)

        def call(x, mask=None):
            return tf.reduce_sum(self.user(x[:, 0]) * self.movie(x[:, 1]), axis=1, keepdims=True)

        return call

    model = keras_model_custom(dot_model)
    compile(model, loss="mse", optimizer="adam")
    history = fit(model, x, y, epochs=3, batch_size=8, verbose=0, validation_data=(x[:10], y[:10]),
                  callbacks=[callback_early_stopping(patience=2)])
    assert 1 <= len(history["metrics"]["val_loss"]) <= 3
    np.testing.assert_allclose(predict(model, x), model(x).numpy(), rtol=1e-5, atol=1e-6)


def test_get_layer_by_name_and_one_based_index():
    model = _sequential()
    assert get_layer(model, name="out").name == "out"
    assert get_layer(model, index=1.0).name == "hidden"
    assert get_layer(model, index=-1).name == "out"
    for bad in ({"index": 0}, {"index": 3}, {"name": "nope"}, {}, {"name": "out", "index": 1}):
        with pytest.raises(ValueError):
            get_layer(model, **bad)


def test_get_and_set_weights_round_trip_and_r_vectors():
    model = _sequential()
    weights = get_weights(model)
    assert [w.shape for w in weights] == [(2, 4), (4,), (4, 1), (1,)]
    new = [np.full(w.shape, 0.5) for w in weights]
    new[3] = 0.25  # R sends a length-1 vector as a scalar
    assert set_weights(model, new) is model
    np.testing.assert_allclose(get_weights(model)[3], [0.25])
    np.testing.assert_allclose(model(np.array([[1.0, 1.0]])).numpy(), [[4 * (0.5 * 2 + 0.5) * 0.5 + 0.25]])
    with pytest.raises(ValueError, match=r"`weights\[\[1\]\]`"):
        set_weights(model, [np.ones((3, 4))] + new[1:])
    with pytest.raises(ValueError, match="`weights`"):
        set_weights(model, new[:2])


def test_save_and_load_weights_tf_round_trip(tmp_path):
    x, _ = _regression(n=5)
    model = _sequential()
    expected = model(x).numpy()
    prefix = str(tmp_path / "ckpt" / "model")
    assert save_model_weights_tf(model, prefix) is model
    assert os.path.exists(prefix + ".index")
    other = _sequential()
    assert not np.allclose(other(x).numpy(), expected)
    load_model_weights_tf(other, prefix)
    np.testing.assert_allclose(other(x).numpy(), expected, rtol=1e-6)
    with pytest.raises(FileExistsError, match="`filepath`"):
        save_model_weights_tf(model, prefix, overwrite=False)
    with pytest.raises(FileNotFoundError, match="`filepath`"):
        load_model_weights_tf(other, str(tmp_path / "missing"))
    with pytest.raises(ValueError, match="`by_name`"):
        load_model_weights_tf(other, prefix, by_name=True)
    wider = keras_model_sequential()
    layer_dense(wider, units=5, input_shape=2)
    layer_dense(wider, units=1)
    with pytest.raises(ValueError):
        load_model_weights_tf(wider, prefix)


def test_load_weights_into_a_custom_model_before_its_first_call(tmp_path):
    def build(self):
        self.dense1 = layer_dense(units=3)
        self.dense2 = layer_dense(units=1)
        return lambda x: self.dense2(self.dense1(x))

    x, _ = _regression(n=4)
    model = keras_model_custom(build)
    expected = model(x).numpy()
    prefix = str(tmp_path / "custom")
    save_model_weights_tf(model, prefix)
    fresh = keras_model_custom(build)
    load_model_weights_tf(fresh, prefix)  # restored when the layers are built
    np.testing.assert_allclose(fresh(x).numpy(), expected, rtol=1e-6)


def test_sequential_with_embedding_flatten_dense_fits():
    set_random_seed(4)
    model = keras_model_sequential()
    layer_embedding(model, input_dim=10, output_dim=2, input_length=3)
    layer_flatten(model)
    layer_dense(model, units=1)
    compile(model, optimizer="adam", loss="mse")
    x = np.random.default_rng(0).integers(0, 10, size=(16, 3))
    history = fit(model, x, np.zeros((16, 1)), epochs=2, verbose=0)
    assert len(history["metrics"]["loss"]) == 2


def test_class_weight_names_from_r_become_class_indices():
    from rkeras_bridge.keras.models import _class_weight

    assert _class_weight({"0": 1, "1": 5.0}) == {0: 1.0, 1: 5.0}
    with pytest.raises(ValueError, match="`class_weight`"):
        _class_weight({"a": 1})
