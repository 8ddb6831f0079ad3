"""rkeras_bridge.tensorflow.savedmodel: export_savedmodel() and view_savedmodel() on TensorFlow 2."""

import os

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import export_savedmodel, view_savedmodel
from rkeras_bridge.bridge.errors import UnavailableError


def _model():
    keras.utils.set_random_seed(1)
    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])


def test_keras_model_round_trip(tmp_path):
    model = _model()
    path = export_savedmodel(model, tmp_path / "exported")
    assert path == str(tmp_path / "exported") and os.path.isfile(os.path.join(path, "saved_model.pb"))
    x = np.arange(6, dtype="float32").reshape(2, 3)
    loaded = tf.saved_model.load(path)  # kept: its functions need its variables alive
    served = loaded.serve(x)
    np.testing.assert_allclose(served.numpy(), model(x).numpy(), rtol=1e-6)
    text = view_savedmodel(path)
    assert "signature_def['serve']:" in text
    assert "dtype: float32, shape: (-1, 3)" in text and "shape: (-1, 2)" in text


def test_tf_module(tmp_path):
    class Doubler(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)], autograph=False)
        def __call__(self, x):
            return {"y": x * 2.0}

    path = export_savedmodel(Doubler(), str(tmp_path / "module"))
    assert tf.saved_model.load(path)(tf.constant([1.0, 2.0]))["y"].numpy().tolist() == [2.0, 4.0]


def test_overwrite_and_versioned(tmp_path):
    target = tmp_path / "m"
    export_savedmodel(_model(), target)
    export_savedmodel(_model(), target)  # overwrite = TRUE replaces it
    with pytest.raises(ValueError, match="does not exist"):
        export_savedmodel(_model(), target, overwrite=False, versioned=False)
    versioned = export_savedmodel(_model(), tmp_path / "served", overwrite=False)  # versioned = !overwrite
    assert os.path.dirname(versioned) == str(tmp_path / "served") and os.path.basename(versioned).isdigit()


def test_sessions_and_other_objects_are_refused(tmp_path):
    with pytest.raises(UnavailableError, match="no session whose graph could be exported. Instead: "):
        export_savedmodel(tf.compat.v1.Session(), str(tmp_path))
    with pytest.raises(ValueError, match="`object`"):
        export_savedmodel(42, str(tmp_path / "x"))
    with pytest.raises(ValueError, match="`model_dir`"):
        view_savedmodel(str(tmp_path))
