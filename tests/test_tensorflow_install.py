"""rkeras_bridge.tensorflow.install: versions, configuration, and installers that refuse to install."""

import sys

import pytest
import tensorflow as real_tf

import rkeras_bridge
from rkeras_bridge import (install_tensorflow, install_tensorflow_extras, tf_config, tf_gpu_configured,
                           tf_probability, tf_version, use_compat)
from rkeras_bridge.bridge.errors import UnavailableError


def test_tf_version_is_major_minor_and_compares_numerically():
    major, minor = real_tf.__version__.split(".")[:2]
    version = tf_version()
    assert version == f"{major}.{minor}"
    assert version >= "2.0" and version > "1.14" and version < "99.0"
    assert version > f"{major}.{int(minor) - 1}"
    # numerically, not as text: 2.21 > 2.9 although "2.21" < "2.9" as strings
    assert (version > "2.9") == ((int(major), int(minor)) > (2, 9))
    with pytest.raises(TypeError, match="version"):
        _ = version < "two"


def test_tf_config_describes_this_process():
    config = tf_config()
    assert config["available"] is True
    assert config["version"] == tf_version()
    assert config["version_str"] == real_tf.__version__
    assert config["location"].endswith("tensorflow")
    assert config["python"] == sys.executable
    assert config["python_version"] == f"{sys.version_info.major}.{sys.version_info.minor}"


@pytest.mark.parametrize("call", [lambda: install_tensorflow(), lambda: install_tensorflow(version="1.13"),
                                  lambda: install_tensorflow_extras(["tensorflow-hub"])])
def test_installers_refuse_with_a_classed_error(call):
    with pytest.raises(UnavailableError, match="nothing is installed while R or Python runs. Instead: "):
        call()


def test_tf_gpu_configured(capsys):
    expected = bool(real_tf.config.list_physical_devices("GPU"))
    assert tf_gpu_configured(verbose=False) is expected
    assert capsys.readouterr().out == ""
    assert tf_gpu_configured() is expected
    assert "GPU device name" in capsys.readouterr().out
    with pytest.raises(ValueError, match="`verbose`"):
        tf_gpu_configured(verbose="yes")


def test_tf_probability_needs_the_package():
    try:
        import tensorflow_probability  # noqa: F401
    except ImportError:
        with pytest.raises(ModuleNotFoundError, match="tensorflow_probability is not installed"):
            tf_probability()
    else:
        assert tf_probability().__name__ == "tensorflow_probability"


def test_use_compat():
    assert use_compat("v1") is real_tf.compat.v1
    assert use_compat("v1").train.AdamOptimizer is real_tf.compat.v1.train.AdamOptimizer
    assert use_compat(["v1", "v2"]) is real_tf.compat.v1  # R's match.arg() default
    assert use_compat("v2") is rkeras_bridge.tf
    with pytest.raises(ValueError, match="`version`"):
        use_compat("v3")
