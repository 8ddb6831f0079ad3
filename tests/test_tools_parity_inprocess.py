"""In-process parity (rkeras_bridge.tools.parity_inprocess): R functions and models vs their Python twins.

R is embedded in this test process (rkeras_bridge.bridge.rsession, one R per process), with the R package
rkerasbridge attached; the fixture test runs pytest in a subprocess on a small test file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import rpy2  # noqa: F401  - a declared test dependency: fail, never skip, when it is missing

from rkeras_bridge.bridge import rsession
from rkeras_bridge.tools.parity_inprocess import (ParityError, assert_parity, assert_same_model,
                                                  compare_outputs, compare_same_model)

X = np.array([[-1.0, 2.0, 0.5], [3.0, -0.25, 1.5]], dtype="float32")


@pytest.fixture(scope="module")
def r():
    rsession.start_r()
    return rsession.r


@pytest.fixture(scope="module")
def tf(r):
    import tensorflow as tf

    return tf


# --- compare_outputs: no R needed ------------------------------------------------------------------------


def test_compare_outputs_reports_the_path_of_the_first_differing_leaf():
    r_out = [np.zeros(2), {"logits": np.array([[1.0, 2.0], [3.0, 4.0]]), "n": 3}]
    py_out = [np.zeros(2), {"logits": np.array([[1.0, 2.0], [3.0, 4.5]]), "n": 3}]
    res = compare_outputs(r_out, py_out)
    assert not res["ok"]
    assert res["r_path"] == "output[[2]]$logits"
    assert res["py_path"] == "output[1]['logits']"
    assert res["comparison"]["r_index"] == [2, 2] and res["comparison"]["py_index"] == [1, 1]
    assert "output[[2]]$logits (Python output[1]['logits'])" in res["message"]
    assert "R 4, Python 4.5" in res["message"]


def test_compare_outputs_structure_names_and_lengths():
    assert compare_outputs({"a": 1.0}, {"b": 1.0})["problem"] == "names"
    assert compare_outputs([1.0, np.zeros(2)], [1.0, np.zeros(2), np.zeros(2)])["problem"] == "length"
    res = compare_outputs([np.zeros(2), np.ones(2)], np.zeros(2))
    assert res["problem"] == "structure" and "a list of 2" in res["message"]
    assert compare_outputs(None, None)["ok"]
    # An R vector comes back as an array; a Python list of numbers is the same value.
    assert compare_outputs(np.array([1.0, 2.0]), [1.0, 2.0])["ok"]


def test_compare_outputs_tolerances():
    assert compare_outputs(1.0, 1.0 + 1e-7)["ok"]
    assert not compare_outputs(1.0, 1.001)["ok"]
    assert compare_outputs(1.0, 1.001, rtol=1e-2)["ok"]


# --- assert_parity ----------------------------------------------------------------------------------------


def test_agreeing_functions_pass(tf):
    res = assert_parity("function(x) tf$nn$relu(x) * 2", lambda x: tf.nn.relu(x) * 2, [X])
    assert res["ok"]
    np.testing.assert_array_equal(np.asarray(res["r_output"]), [[0, 4, 1], [6, 0, 3]])


def test_named_inputs_and_numbers(tf):
    assert_parity("function(x, k) x * k", lambda x, k: x * k, {"x": X, "k": 3})


def test_tensors_reach_r_as_the_same_objects(tf):
    t = tf.constant([1.0, 2.0])
    res = assert_parity("function(x) x", lambda x: x, [t])
    assert res["r_output"] is t


def test_different_function_fails_with_index_and_values(tf):
    with pytest.raises(ParityError) as info:
        assert_parity("function(x) tf$nn$relu(x) * 2", lambda x: tf.nn.relu(x) * 3, [X])
    message = str(info.value)
    # The worst element is the largest: 3 * 3 vs 3 * 2 at row 2, column 1.
    assert "element R [2, 1] / Python [1, 0]" in message
    assert "R 6, Python 9" in message
    assert "abs diff 3" in message and "rel diff 0.333" in message
    assert info.value.result["comparison"]["r_value"] == 6.0


def test_shape_mismatch(tf):
    with pytest.raises(ParityError, match=r"shapes differ: R \(2, 3\), Python \(3, 2\)"):
        assert_parity("function(x) tf$nn$relu(x)", lambda x: tf.transpose(tf.nn.relu(x)), [X])


def test_nan_on_one_side(tf):
    with pytest.raises(ParityError) as info:
        assert_parity("function(x) suppressWarnings(log(x))", lambda x: np.log(np.abs(x)),
                      [np.array([1.0, -2.0, 3.0])])
    message = str(info.value)
    assert "NaN or Inf on one side only" in message
    assert "element R [2] / Python [1]: R NaN, Python 0.69" in message


def test_r_function_that_errors_says_r_side_and_r_message(tf):
    with pytest.raises(ParityError) as info:
        assert_parity('function(x) stop("the R code broke")', lambda x: x, [X])
    message = str(info.value)
    assert "the R function failed (R side)" in message
    assert "the R code broke" in message
    assert "Traceback" not in message


def test_r_source_that_does_not_parse_or_is_no_function(tf):
    with pytest.raises(ParityError, match="R side.*\n.*does not parse"):
        assert_parity("function(x", lambda x: x, [X])
    with pytest.raises(ParityError, match="must be an R function; it is a numeric"):
        assert_parity("42", lambda x: x, [X])


def test_python_function_that_raises_says_python_side(tf):
    def broken(x):
        raise ValueError("the Python code broke")

    with pytest.raises(ParityError, match=r"Python function failed \(Python side\):\n  ValueError: the Py"):
        assert_parity("function(x) x", broken, [X])


def test_dict_and_list_outputs(tf):
    assert_parity("function(x) list(a = x, b = list(x * 2, 1))", lambda x: {"a": x, "b": [x * 2, 1.0]}, [X])
    with pytest.raises(ParityError) as info:
        assert_parity("function(x) list(a = x, b = list(x * 2, 1))",
                      lambda x: {"a": x, "b": [x * 2.5, 1.0]}, [X])
    assert info.value.result["r_path"] == "output$b[[1]]"
    assert "output$b[[1]] (Python output['b'][0])" in str(info.value)
    with pytest.raises(ParityError, match="names differ: only in R \\['b'\\], only in Python \\['c'\\]"):
        assert_parity("function(x) list(a = x, b = 1)", lambda x: {"a": x, "c": 1.0}, [X])


def test_r_function_object_from_rpy2(r, tf):
    fn = r("function(x) x + 1", convert=False)
    assert_parity(fn, lambda x: x + 1, [X])


def test_bad_arguments_name_the_argument(r):
    with pytest.raises(TypeError, match="argument `inputs`"):
        assert_parity("function(x) x", lambda x: x, X)
    with pytest.raises(TypeError, match="argument `py_function`"):
        assert_parity("function(x) x", "lambda x: x", [X])
    with pytest.raises(TypeError, match="argument `r_function`"):
        assert_parity(lambda x: x, lambda x: x, [X])
    with pytest.raises(ValueError, match="argument `rtol`"):
        assert_parity("function(x) x", lambda x: x, [X], rtol=-1)


# --- assert_same_model --------------------------------------------------------------------------------------

R_MODEL = """
keras_model_custom(function(self) {
  self$d1 <- layer_dense(units = 4, activation = "relu")
  self$d2 <- layer_dense(units = 2)
  function(x, mask = NULL, training = FALSE) self$d2(self$d1(x))
})
"""


def _py_model(first="relu", second=None, units=4):
    from rkeras_bridge import keras_model_custom, layer_dense

    def build(self):
        self.d1 = layer_dense(units=units, activation=first)
        self.d2 = layer_dense(units=2, activation=second)
        return lambda x, mask=None, training=False: self.d2(self.d1(x))

    return keras_model_custom(build)


@pytest.fixture(scope="module")
def data(r):
    rng = np.random.default_rng(0)
    return rng.normal(size=(8, 3)).astype("float32"), rng.normal(size=(8, 2)).astype("float32")


def test_identical_twins_pass(data):
    x, y = data
    res = assert_same_model(R_MODEL, _py_model(), x, y, loss="mse")
    assert res["ok"]
    assert [w["name"] for w in res["weights"]] == ["d1/kernel", "d1/bias", "d2/kernel", "d2/bias"]
    assert all(g["ok"] for g in res["gradients"]) and len(res["gradients"]) == 4


def test_identical_twins_pass_copying_python_weights_into_r(data):
    x, y = data
    import keras

    assert_same_model(R_MODEL, _py_model(), x, y, loss=keras.losses.mean_squared_error, direction="py_to_r")


def test_wrong_activation_names_the_layers_gradient(data):
    x, y = data
    with pytest.raises(ParityError) as info:
        assert_same_model(R_MODEL, _py_model(first="tanh"), x, y, loss="mse")
    message = str(info.value)
    assert "first differing gradient: d1/kernel" in message
    assert "forward output: element R [" in message
    assert "loss: " in message
    assert "first layer whose output differs (call 1 of 2" in message
    assert info.value.result["first_gradient"] == "d1/kernel"


def test_wrong_activation_in_a_later_layer_is_located_by_layer_outputs(data):
    # Every gradient differs (back-propagation carries the difference to d1 too): the layers'
    # outputs in call order say it is d2.
    x, y = data
    res = compare_same_model(R_MODEL, _py_model(second="tanh"), x, y, loss="mse")
    assert not res["ok"]
    assert res["first_layer"]["name"] == "d2" and res["first_layer"]["call"] == 2
    assert "first layer whose output differs (call 2 of 2, the layers called before it agree): d2" \
        in res["message"]


def test_weights_that_do_not_match(data):
    x, y = data
    with pytest.raises(ParityError, match=r"weight 1 of 4: R d1/kernel \(3, 4\), Python d1/kernel \(3, 5\)"):
        assert_same_model(R_MODEL, _py_model(units=5), x, y)
    import keras

    with pytest.raises(ParityError, match="different numbers of weights: R 4 .*, Python 2"):
        assert_same_model(R_MODEL, keras.Sequential([keras.layers.Dense(2)]), x, y)


def test_r_model_code_that_errors(data):
    x, y = data
    with pytest.raises(ParityError, match=r"the R model code failed \(R side\):\n  no model here"):
        assert_same_model('stop("no model here")', _py_model(), x, y)
    with pytest.raises(TypeError, match="argument `r_model`.*Keras model"):
        assert_same_model("1 + 1", _py_model(), x, y)
    with pytest.raises(ValueError, match="argument `direction`"):
        assert_same_model(R_MODEL, _py_model(), x, y, direction="both")


# --- the pytest fixture, through the installed entry point ------------------------------------------------


def test_parity_fixture_in_a_pytest_run(tmp_path):
    (tmp_path / "test_port.py").write_text(textwrap.dedent("""
        import numpy as np

        X = np.array([[-1.0, 2.0]], dtype="float32")

        def test_agrees(parity):
            parity.assert_parity("function(x) x * 2", lambda x: x * 2, [X])

        def test_differs(parity):
            parity.assert_parity("function(x) x * 2", lambda x: x * 3, [X])
    """))
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_port.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert "1 failed, 1 passed" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "ParityError: R and Python differ at output: element R [1, 2] / Python [0, 1]" in proc.stdout
    assert "R 4, Python 6" in proc.stdout
