import json
import os

import h5py
import keras
import numpy as np
import pytest

from rkeras_bridge import (
    compile,
    custom_metric,
    fit,
    get_weights,
    keras_model,
    keras_model_custom,
    keras_model_sequential,
    layer_dense,
    layer_input,
    load_model_hdf5,
    load_model_weights_hdf5,
    model_from_json,
    model_from_saved_model,
    model_from_yaml,
    model_to_json,
    model_to_saved_model,
    model_to_yaml,
    optimizer_nadam,
    save_model_hdf5,
    save_model_weights_hdf5,
    serialize_model,
    set_random_seed,
    unserialize_model,
    with_custom_object_scope,
)
from rkeras_bridge.bridge.errors import UnavailableError


def _data():
    rng = np.random.default_rng(0)
    x = rng.uniform(size=(32, 6)).astype("float32")
    return x, np.eye(3, dtype="float32")[rng.integers(0, 3, 32)]


def _model(seed=0):
    set_random_seed(seed)
    model = keras_model_sequential()
    layer_dense(model, units=8, activation="relu", input_shape=6, name="hidden")
    layer_dense(model, units=3, activation="softmax", name="out")
    return model


def _trained(**compile_args):
    model = _model()
    compile(model, **{"optimizer": optimizer_nadam(), "loss": "categorical_crossentropy", **compile_args})
    x, y = _data()
    fit(model, x, y, epochs=2, batch_size=8, verbose=0)
    return model


def _same_training(a, b):
    """Two models that predict alike and, trained on, keep agreeing (weights and optimizer state equal)."""
    x, y = _data()
    np.testing.assert_allclose(a.predict(x, verbose=0), b.predict(x, verbose=0), rtol=1e-6)
    ha = fit(a, x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    hb = fit(b, x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    np.testing.assert_allclose(ha["metrics"]["loss"], hb["metrics"]["loss"], rtol=1e-5)


def test_save_and_load_a_whole_model_resumes_training_identically(tmp_path):
    model = _trained(metrics="accuracy")
    path = str(tmp_path / "model.h5")
    assert save_model_hdf5(model, path) is model
    loaded = load_model_hdf5(path)
    assert type(loaded.optimizer).__module__ == "rkeras_bridge.keras.optimizers"  # Keras 2.2.4's Nadam
    for a, b in zip(model.optimizer.variables, loaded.optimizer.variables):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    _same_training(model, loaded)
    with h5py.File(path) as f:  # Keras's legacy (2.2.4) HDF5 layout
        assert {"model_config", "training_config"} <= set(f.attrs) and "optimizer_weights" in f
    assert [p for p in os.listdir(tmp_path) if p != "model.h5"] == []  # no temporary file left


def test_custom_loss_and_metric_round_trip_by_name(tmp_path):
    mean_pred = custom_metric("mean_pred", lambda y_true, y_pred: keras.ops.mean(y_pred))

    def custom_loss(y_true, y_pred):
        return keras.losses.categorical_crossentropy(y_true, y_pred)

    model = _trained(loss=custom_loss, metrics=mean_pred)
    path = str(tmp_path / "custom.h5")
    save_model_hdf5(model, path)
    loaded = load_model_hdf5(path, custom_objects={"mean_pred": mean_pred, "custom_loss": custom_loss})
    _same_training(model, loaded)
    with with_custom_object_scope({"mean_pred": mean_pred, "custom_loss": custom_loss}):
        assert load_model_hdf5(path).compiled
    assert with_custom_object_scope({"custom_loss": custom_loss, "mean_pred": mean_pred},
                                    lambda: load_model_hdf5(path, compile=False)).compiled is False
    with pytest.raises(TypeError, match="custom_objects"):
        load_model_hdf5(path, custom_objects=[custom_loss])


def test_loss_aliases_and_overwrite(tmp_path):
    model = _trained(loss="mse")  # Keras 3 cannot read its own "mse" back; the loader can
    path = str(tmp_path / "mse.h5")
    save_model_hdf5(model, path)
    _same_training(model, load_model_hdf5(path))
    with pytest.raises(FileExistsError, match="overwrite"):
        save_model_hdf5(model, path, overwrite=False)
    with pytest.raises(FileNotFoundError, match="Received: filepath="):
        load_model_hdf5(str(tmp_path / "missing.h5"))


def test_weights_round_trip_in_order_by_name_and_reshaped(tmp_path):
    model = _trained()
    path = str(tmp_path / "weights.h5")
    save_model_weights_hdf5(model, path)
    other = _model(seed=5)
    load_model_weights_hdf5(other, path)
    for a, b in zip(get_weights(model), get_weights(other)):
        np.testing.assert_array_equal(a, b)
    renamed = _model(seed=6)
    load_model_weights_hdf5(renamed, path, by_name=True)  # same layer names
    np.testing.assert_array_equal(get_weights(renamed)[2], get_weights(model)[2])
    with h5py.File(path, "a") as f:  # the output bias stored as a (1, 3) matrix: same values, other shape
        names = []
        f.visit(names.append)
        bias = next(n for n in names if n.startswith("out/") and n.endswith("bias"))
        data = f[bias][()]
        del f[bias]
        f[bias] = data.reshape(1, 3)
    reshaped = _model(seed=7)
    with pytest.raises(ValueError):
        load_model_weights_hdf5(reshaped, path)
    load_model_weights_hdf5(reshaped, path, reshape=True)
    np.testing.assert_array_equal(get_weights(reshaped)[3], data)
    np.testing.assert_array_equal(get_weights(reshaped)[0], get_weights(model)[0])
    with pytest.raises(ValueError, match="skip_mismatch"):
        load_model_weights_hdf5(reshaped, path, skip_mismatch=True)


def test_json_round_trip_is_architecture_only():
    model = _trained()
    text = model_to_json(model)
    assert "compile_config" not in json.loads(text)
    rebuilt = model_from_json(text)
    assert model_to_json(rebuilt) == text
    assert not rebuilt.compiled
    assert [layer.name for layer in rebuilt.layers] == ["hidden", "out"]
    inputs = layer_input(shape=2)
    functional = keras_model(inputs, layer_dense(inputs, units=1))
    assert model_to_json(model_from_json(model_to_json(functional))) == model_to_json(functional)
    legacy = {"class_name": "Sequential", "config": {"name": "old", "layers": [
        {"class_name": "Dense", "config": {"name": "d", "units": 2, "batch_input_shape": [None, 3]}}]}}
    assert model_from_json(json.dumps(legacy)).layers[0].units == 2  # a Keras 2 model.to_json()
    with pytest.raises(ValueError, match="json"):
        model_from_json("{not json")


def test_custom_models_have_no_architecture_to_save(tmp_path):
    def build(self):
        self.d = layer_dense(units=2)
        return lambda x: self.d(x)

    model = keras_model_custom(build)
    model(np.ones((1, 3)))
    with pytest.raises(TypeError, match="keras_model_custom"):
        model_to_json(model)
    with pytest.raises(TypeError, match="save_model_weights_hdf5"):
        save_model_hdf5(model, str(tmp_path / "m.h5"))
    save_model_weights_hdf5(model, str(tmp_path / "w.h5"))  # weights are fine
    other = keras_model_custom(build)
    other(np.ones((1, 3)))
    load_model_weights_hdf5(other, str(tmp_path / "w.h5"))
    np.testing.assert_array_equal(get_weights(other)[0], get_weights(model)[0])


def test_yaml_needs_pyyaml():
    model = _model()
    try:
        import yaml  # noqa: F401
    except ImportError:
        with pytest.raises(UnavailableError, match="model_to_json"):
            model_to_yaml(model)
        with pytest.raises(UnavailableError, match="PyYAML"):
            model_from_yaml("a: 1")
    else:
        assert model_to_yaml(model_from_yaml(model_to_yaml(model))) == model_to_yaml(model)


def test_serialize_model_to_bytes_and_back():
    model = _trained()
    raw = serialize_model(model)
    assert isinstance(raw, bytes) and raw[:8] == b"\x89HDF\r\n\x1a\n"
    _same_training(model, unserialize_model(bytearray(raw)))  # R's raw arrives as a bytearray
    with pytest.raises(TypeError, match="serialize_model"):
        unserialize_model("model.h5")


def test_saved_model_export_and_reload(tmp_path):
    import tensorflow as tf

    model = _trained()
    path = str(tmp_path / "exported")
    os.makedirs(path)  # an existing empty folder is fine
    assert model_to_saved_model(model, path) == path
    assert {"saved_model.pb", "variables", "assets"} <= set(os.listdir(path))
    x, _ = _data()
    artifact = tf.saved_model.load(path)
    np.testing.assert_allclose(artifact.serve(x).numpy(), model.predict(x, verbose=0), rtol=1e-5)
    reloaded = model_from_saved_model(path)
    np.testing.assert_allclose(reloaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
    text = str(tmp_path / "as_text")
    model_to_saved_model(model, text, as_text=True)
    assert "saved_model.pbtxt" in os.listdir(text) and "saved_model.pb" not in os.listdir(text)
    np.testing.assert_allclose(model_from_saved_model(text).predict(x, verbose=0),
                               model.predict(x, verbose=0), rtol=1e-6)
    with pytest.raises(FileExistsError, match="empty"):
        model_to_saved_model(model, path)
    with pytest.raises(FileNotFoundError, match="model_to_saved_model"):
        model_from_saved_model(str(tmp_path))
