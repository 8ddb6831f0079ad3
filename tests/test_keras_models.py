import os

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    callback_early_stopping,
    clone_model,
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
    multi_gpu_model,
    pop_layer,
    predict,
    predict_classes,
    predict_on_batch,
    predict_proba,
    save_model_weights_tf,
    set_random_seed,
    set_weights,
    summary,
    train_on_batch,
)
from rkeras_bridge.keras.models import test_on_batch as evaluate_on_batch  # not collected as a test


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


def _classifier(seed=0):
    set_random_seed(seed)
    model = keras_model_sequential()
    layer_dense(model, units=8, activation="relu", input_shape=4)
    layer_dense(model, units=3, activation="softmax")
    compile(model, optimizer="sgd", loss="categorical_crossentropy", metrics="accuracy")
    rng = np.random.default_rng(seed)
    x = rng.uniform(size=(32, 4)).astype("float32")
    y = np.eye(3, dtype="float32")[rng.integers(0, 3, 32)]
    return model, x, y


def test_train_on_batch_is_one_step_with_the_batch_loss_and_metrics():
    model, x, y = _classifier()
    before = [w.copy() for w in get_weights(model)]
    expected = float(keras.losses.categorical_crossentropy(y, model(x)).numpy().mean())
    loss, acc = train_on_batch(model, x, y)
    assert loss == pytest.approx(expected, rel=1e-5)
    assert 0.0 <= acc <= 1.0
    assert any(not np.allclose(a, b) for a, b in zip(before, get_weights(model)))
    # test_on_batch evaluates the updated model on this batch alone, every call afresh
    after = float(keras.losses.categorical_crossentropy(y, model(x)).numpy().mean())
    assert evaluate_on_batch(model, x, y)[0] == pytest.approx(after, rel=1e-5)
    assert evaluate_on_batch(model, x[:8], y[:8])[0] == pytest.approx(
        float(keras.losses.categorical_crossentropy(y[:8], model(x[:8])).numpy().mean()), rel=1e-5)
    np.testing.assert_allclose(predict_on_batch(model, x), model(x).numpy(), rtol=1e-6)


def test_train_on_batch_without_metrics_returns_the_loss_alone():
    model = _sequential()
    compile(model, optimizer="sgd", loss="mse")
    x, y = _regression(16)
    assert isinstance(train_on_batch(model, x, y), float)


def test_predict_proba_and_classes_of_a_sequential_model():
    model, x, _ = _classifier()
    probs = predict_proba(model, x)
    np.testing.assert_allclose(probs, model(x).numpy(), rtol=1e-5)
    np.testing.assert_array_equal(predict_classes(model, x), probs.argmax(axis=-1))
    binary = keras_model_sequential()
    layer_dense(binary, units=1, activation="sigmoid", input_shape=4)
    p = predict_proba(binary, x)
    np.testing.assert_array_equal(predict_classes(binary, x), (p > 0.5).astype("int32"))
    inputs = layer_input(shape=4)
    functional = keras_model(inputs, layer_dense(inputs, units=2))
    with pytest.raises(TypeError, match="sequential model"):
        predict_classes(functional, x)
    linear = keras_model_sequential()
    layer_dense(linear, units=2, input_shape=4, kernel_initializer="ones")
    with pytest.warns(UserWarning, match="invalid probability"):
        predict_proba(linear, x + 1.0)


def test_summary_lists_the_layers_and_counts():
    model, _, _ = _classifier()
    text = summary(model, line_length=70)
    assert "dense" in text and "(None, 3)" in text and "67" in text  # 4*8+8 + 8*3+3 = 67
    lines = []
    summary(model, line_length=70, print_fn=lines.append)
    assert "\n".join(lines) == text
    with pytest.raises(ValueError, match="line_length"):
        summary(model, line_length=2.5)


def test_pop_layer_and_clone_model():
    model, x, _ = _classifier()
    clone = clone_model(model)
    assert [type(layer) for layer in clone.layers] == [type(layer) for layer in model.layers]
    assert not np.allclose(get_weights(clone)[0], get_weights(model)[0])  # fresh weights
    pop_layer(model)
    assert len(model.layers) == 1
    assert tuple(model(x).shape) == (32, 8)
    inputs = layer_input(shape=2)
    with pytest.raises(TypeError, match="sequential"):
        pop_layer(keras_model(inputs, layer_dense(inputs, units=1)))
    custom = keras_model_custom(lambda self: (lambda x: x))
    with pytest.raises(TypeError, match="keras_model_custom"):
        clone_model(custom)


def test_multi_gpu_model_raises_a_classed_error_naming_what_to_use():
    from rkeras_bridge.bridge.errors import UnavailableError

    model, _, _ = _classifier()
    with pytest.raises(UnavailableError, match=r"multi_gpu_model\(\).*MirroredStrategy"):
        multi_gpu_model(model, gpus=2)


def test_fit_history_records_samples_batch_size_and_validation():
    model, x, y = _classifier()
    history = fit(model, x, y, epochs=2, batch_size=8, validation_split=0.25, verbose=0)
    assert history["params"]["samples"] == 24
    assert history["params"]["validation_samples"] == 8
    assert history["params"]["batch_size"] == 8
    assert history["params"]["do_validation"] is True
    assert len(history["metrics"]["val_loss"]) == 2


def test_compile_takes_one_metric_function_as_a_list_of_one():
    def mean_pred(y_true, y_pred):
        return keras.ops.mean(y_pred)

    model, x, y = _classifier()
    compile(model, optimizer="sgd", loss="categorical_crossentropy", metrics=mean_pred)
    history = fit(model, x, y, epochs=1, verbose=0)
    assert history["metrics"]["mean_pred"][0] == pytest.approx(1 / 3, rel=1e-5)  # softmax rows sum to 1


def test_batch_size_is_refused_for_a_dataset():
    model = _sequential()
    compile(model, optimizer="sgd", loss="mse")
    x, y = _regression(20)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(10)
    history = fit(model, dataset, epochs=2, verbose=0)
    assert len(history["metrics"]["loss"]) == 2 and history["params"]["samples"] is None
    with pytest.raises(ValueError, match="Received: batch_size=5"):
        fit(model, dataset, epochs=1, batch_size=5, verbose=0)
    with pytest.raises(ValueError, match="batch_size"):
        evaluate(model, dataset, batch_size=5, verbose=0)
