import keras
import pytest

from rkeras_bridge import (
    get_keras_implementation,
    have_h5py,
    have_pyyaml,
    implementation,
    install_keras,
    is_keras_available,
    is_keras_implementation,
    is_tensorflow_implementation,
    keras_version,
    use_backend,
)
from rkeras_bridge.bridge.errors import UnavailableError


def test_keras_is_available_in_its_version():
    assert keras.__version__.startswith(keras_version())
    assert is_keras_available() and is_keras_available("2.0.5") and is_keras_available(2.1)
    assert not is_keras_available("99.0")
    with pytest.raises(TypeError, match="version"):
        is_keras_available("latest")


def test_implementation_is_keras_3_on_tensorflow():
    assert implementation() is keras
    assert get_keras_implementation() == "tensorflow"
    assert is_tensorflow_implementation() and not is_keras_implementation()
    assert have_h5py() is True and isinstance(have_pyyaml(), bool)


def test_install_keras_and_other_backends_are_classed_errors():
    with pytest.raises(UnavailableError, match=r"install_keras\(\).*make setup"):
        install_keras(method="conda")
    assert use_backend("tensorflow") is None
    assert use_backend(["tensorflow", "cntk", "theano", "plaidml"]) is None  # R's default vector
    for backend in ("theano", "cntk", "plaidml"):
        with pytest.raises(UnavailableError, match=backend):
            use_backend(backend)
    with pytest.raises(ValueError, match="Received: backend='jax'"):
        use_backend("jax")
