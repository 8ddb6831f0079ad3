"""R keras 2.2.4's utils.R: to_categorical, normalize, keras_array, get_file, hdf5_matrix, array_reshape."""
import hashlib
import io
import os
import tarfile
import zipfile

import h5py
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import array_reshape, get_file, hdf5_matrix, keras_array, normalize, to_categorical
from rkeras_bridge.keras.utils import HDF5Matrix


def test_to_categorical():
    np.testing.assert_array_equal(to_categorical([0.0, 2.0, 1.0]), np.eye(3)[[0, 2, 1]])
    out = to_categorical(np.array([[1], [3]]), num_classes=5.0)  # an n x 1 matrix: the 1 is replaced
    assert out.shape == (2, 5) and out.dtype == np.float32
    np.testing.assert_array_equal(out.argmax(axis=1), [1, 3])
    cube = to_categorical(np.array([[0, 1], [1, 0]]))
    assert cube.shape == (2, 2, 2) and cube[0, 1, 1] == 1 and cube[0, 1].sum() == 1


def test_normalize_l2_l1_and_axes():
    x = np.array([[3.0, 4.0], [0.0, 0.0], [1.0, -1.0]])
    np.testing.assert_allclose(normalize(x), [[0.6, 0.8], [0, 0], [2 ** -0.5, -(2 ** -0.5)]])
    np.testing.assert_allclose(normalize(x, axis=1), x / np.linalg.norm(x, axis=0, keepdims=True))  # R's 1
    np.testing.assert_allclose(normalize(x, order=1)[0], [3 / 7, 4 / 7])
    # a vector comes back as a one-row matrix, as from Keras 2 (its norm is made 1-d, then expanded)
    np.testing.assert_allclose(normalize(np.array([2, 0]), axis=-1), [[1, 0]])


def test_keras_array_is_c_ordered_floatx():
    fortran = np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3))
    out = keras_array(fortran)
    assert out.dtype == np.float32 and out.flags.c_contiguous
    np.testing.assert_array_equal(out, fortran)
    assert keras_array(np.array([1, 2], dtype=np.int32)).dtype == np.int32
    assert keras_array(np.array([1.0]), dtype="float64").dtype == np.float64
    assert keras_array(None) is None
    tensor = tf.constant([1.0])
    assert keras_array(tensor) is tensor
    parts = keras_array([np.ones(2), np.zeros((1, 1))])
    assert isinstance(parts, list) and all(p.dtype == np.float32 for p in parts)


def test_array_reshape_fills_by_rows():
    np.testing.assert_array_equal(array_reshape(np.arange(6), [2.0, 3.0]), [[0, 1, 2], [3, 4, 5]])
    np.testing.assert_array_equal(array_reshape(np.arange(6), (2, 3), order="F"), [[0, 2, 4], [1, 3, 5]])
    assert array_reshape(np.arange(6), (-1, 2)).shape == (3, 2)


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    return tmp_path / "kh"


def test_get_file_finds_the_cached_file_and_checks_its_hash(keras_home):
    folder = keras_home / "datasets"
    folder.mkdir(parents=True)
    (folder / "data.txt").write_bytes(b"hello")
    path = get_file("data.txt", origin="https://example.org/data.txt")
    assert path == str(folder / "data.txt")
    md5 = hashlib.md5(b"hello").hexdigest()
    sha = hashlib.sha256(b"hello").hexdigest()
    assert get_file("data.txt", "https://example.org/data.txt", file_hash=sha) == path
    assert get_file("data.txt", "https://example.org/data.txt", md5_hash=md5) == path
    assert get_file("data.txt", "u", file_hash=md5, hash_algorithm="md5") == path
    with pytest.raises(ValueError, match="does not match"):
        get_file("data.txt", "https://example.org/data.txt", file_hash="0" * 64)


def test_get_file_subdir_and_cache_dir(keras_home, tmp_path):
    (keras_home / "tests").mkdir(parents=True)
    (keras_home / "tests" / "a.zip").write_bytes(b"x")
    assert get_file("a.zip", "u", cache_subdir="tests") == str(keras_home / "tests" / "a.zip")
    other = tmp_path / "cache"
    (other / "models").mkdir(parents=True)
    (other / "models" / "w.h5").write_bytes(b"w")
    found = get_file("w.h5", "u", cache_subdir="models", cache_dir=str(other))
    assert found == str(other / "models" / "w.h5")


def test_get_file_missing_says_where_to_put_it_and_never_downloads(keras_home):
    with pytest.raises(FileNotFoundError) as info:
        get_file("2010zipcode.zip", origin="https://www.irs.gov/pub/irs-soi/2010zipcode.zip",
                 cache_subdir="tests")
    message = str(info.value)
    assert str(keras_home / "tests" / "2010zipcode.zip") in message
    assert "https://www.irs.gov/pub/irs-soi/2010zipcode.zip" in message and "never downloads" in message
    assert not (keras_home / "tests").exists()


def _tar_gz(path, files):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_get_file_untar_and_extract(keras_home):
    folder = keras_home / "datasets"
    folder.mkdir(parents=True)
    _tar_gz(folder / "corpus.tar.gz", {"corpus/a.txt": b"A", "corpus/b.txt": b"B"})
    out = get_file("corpus", "https://example.org/corpus.tar.gz", untar=True)
    assert out == str(folder / "corpus") and (folder / "corpus" / "b.txt").read_bytes() == b"B"
    os.remove(folder / "corpus.tar.gz")  # the unpacked folder alone is enough now
    assert get_file("corpus", "u", untar=True) == out
    with zipfile.ZipFile(folder / "z.zip", "w") as archive:
        archive.writestr("inside/c.txt", "C")
    assert get_file("z.zip", "u", extract=True) == str(folder / "z.zip")
    assert (folder / "inside" / "c.txt").read_text() == "C"


def test_get_file_refuses_archives_that_escape(keras_home):
    folder = keras_home / "datasets"
    folder.mkdir(parents=True)
    _tar_gz(folder / "evil.tar.gz", {"../outside.txt": b"x"})
    with pytest.raises(ValueError, match="inside"):
        get_file("evil", "u", untar=True)
    assert not (keras_home / "outside.txt").exists()


@pytest.fixture
def h5(tmp_path):
    path = str(tmp_path / "data.h5")
    with h5py.File(path, "w") as f:
        f["x"] = np.arange(40, dtype=np.float32).reshape(10, 4)
        f["group/y"] = np.arange(10)
    return path


def test_hdf5_matrix_rows_start_to_end(h5):
    x = hdf5_matrix(h5, "x", start=2.0, end=6)
    assert isinstance(x, HDF5Matrix) and x.shape == (4, 4) and len(x) == 4 and x.ndim == 2 and x.size == 16
    full = np.arange(40, dtype=np.float32).reshape(10, 4)
    np.testing.assert_array_equal(np.asarray(x), full[2:6])
    np.testing.assert_array_equal(x[0], full[2])
    np.testing.assert_array_equal(x[1:3], full[3:5])
    np.testing.assert_array_equal(x[[0, 3]], full[[2, 5]])
    np.testing.assert_array_equal(x[-1], full[5])
    with pytest.raises(IndexError):
        x[4]
    scaled = hdf5_matrix(h5, "x", normalizer=lambda v: v / 10)
    np.testing.assert_allclose(scaled[9], full[9] / 10)
    assert hdf5_matrix(h5, "group/y").shape == (10,)


@pytest.mark.parametrize("call, error, match", [
    (lambda h5: hdf5_matrix("/no/file.h5", "x"), FileNotFoundError, "datapath"),
    (lambda h5: hdf5_matrix(h5, "z"), ValueError, "dataset"),
    (lambda h5: hdf5_matrix(h5, "x", end=11), ValueError, "end"),
    (lambda h5: hdf5_matrix(h5, "x", start=-1), ValueError, "start"),
    (lambda h5: hdf5_matrix(h5, "x", normalizer=3), TypeError, "normalizer"),
    (lambda h5: to_categorical([0, 1.5]), ValueError, "y"),
    (lambda h5: to_categorical([-1, 1]), ValueError, "y"),
    (lambda h5: to_categorical(["a"]), ValueError, "y"),
    (lambda h5: to_categorical([0, 3], num_classes=3), ValueError, "num_classes"),
    (lambda h5: normalize(np.ones((2, 2)), axis=3), ValueError, "axis"),
    (lambda h5: normalize(np.ones((2, 2)), axis=0), ValueError, "axis"),
    (lambda h5: normalize(np.ones(2), order=0), ValueError, "order"),
    (lambda h5: normalize("x"), ValueError, "x"),
    (lambda h5: keras_array(np.ones(2), dtype=3), ValueError, "dtype"),
    (lambda h5: keras_array(np.array(["a"])), ValueError, "x"),
    (lambda h5: array_reshape(np.arange(6), (4, 2)), ValueError, "dim"),
    (lambda h5: array_reshape(np.arange(6), (2, 3), order="R"), ValueError, "order"),
    (lambda h5: get_file(3, "u"), ValueError, "fname"),
    (lambda h5: get_file("f", "u", hash_algorithm="sha1"), ValueError, "hash_algorithm"),
    (lambda h5: get_file("f", "u", untar="yes"), ValueError, "untar"),
    (lambda h5: get_file("f", "u", archive_format="rar"), ValueError, "archive_format"),
])
def test_bad_input_names_the_argument(h5, call, error, match):
    with pytest.raises(error, match=match):
        call(h5)
