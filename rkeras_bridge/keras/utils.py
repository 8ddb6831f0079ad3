"""R keras 2.2.4's ``utils.R``: ``to_categorical``, ``normalize``, ``keras_array``, ``get_file``, ...

``get_file()`` never downloads: it finds the file where Keras 2.2.4 would have cached it
(``~/.keras/<cache_subdir>/<fname>``, or under ``$KERAS_HOME``), checks its hash, unpacks archives
as Keras did, and when the file is absent raises ``FileNotFoundError`` naming the URL and the
path to put it at. ``hdf5_matrix()`` rebuilds Keras 2's ``HDF5Matrix`` (removed in Keras 3) on h5py.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
import zipfile
from collections.abc import Callable
from typing import Any

import numpy as np

from ..bridge.conversion import as_axis, as_flag, as_integer
from ..bridge.errors import bad_argument

__all__ = ["to_categorical", "normalize", "keras_array", "array_reshape", "get_file", "hdf5_matrix",
           "HDF5Matrix"]


def keras_cache_dir(subdir: str) -> str:
    """The folder of the Keras download cache: ``$KERAS_HOME/<subdir>`` or ``~/.keras/<subdir>``.

    Example:
        >>> keras_cache_dir("datasets")
        '/home/me/.keras/datasets'

    Args:
        subdir: ``"datasets"`` or ``"models"`` (or any ``cache_subdir``).

    Returns:
        The absolute path (read now, so a changed ``HOME``/``KERAS_HOME`` is seen).
    """
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return os.path.join(os.path.abspath(home), subdir)


def _whole_numbers(y: Any, name: str) -> np.ndarray:
    array = np.asarray(y)
    if array.dtype.kind not in "biuf" or array.size == 0:
        raise bad_argument(name, y, "a non-empty vector, matrix or array of class indices (whole numbers)")
    numbers = array.astype(np.float64)
    if not np.all(np.isfinite(numbers)) or np.any(numbers != np.round(numbers)) or np.any(numbers < 0):
        raise bad_argument(name, y, "class indices: whole numbers >= 0")
    return numbers.astype(np.int64)


def to_categorical(y: Any, num_classes: Any = None) -> np.ndarray:
    """One-hot encode class indices (0-based): index ``k`` becomes a row with 1 in column ``k + 1`` (R).

    A trailing axis of length 1 (an n x 1 matrix) is replaced by the classes, as Keras 2 did.

    Example:
        >>> to_categorical([0, 2, 1])
        array([[1., 0., 0.],
               [0., 0., 1.],
               [0., 1., 0.]], dtype=float32)

    Args:
        y: Class indices from 0 to ``num_classes - 1`` (a vector, matrix or array).
        num_classes: Number of classes. Defaults to `None` (``max(y) + 1``).

    Returns:
        A float32 array of shape ``dim(y)`` (less a trailing 1) plus ``num_classes``.

    Mirrors ``keras::to_categorical()``.
    """
    labels = _whole_numbers(y, "y")
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    n_classes = as_integer(num_classes, "num_classes", minimum=1, allow_none=True)
    largest = int(labels.max())
    if n_classes is None:
        n_classes = largest + 1
    elif largest >= n_classes:
        raise bad_argument("num_classes", num_classes,
                           f"more than the largest class index in y ({largest}): classes count from 0")
    flat = labels.reshape(-1)
    out = np.zeros((flat.size, n_classes), dtype=np.float32)
    out[np.arange(flat.size), flat] = 1
    return out.reshape(shape + (n_classes,))


def normalize(x: Any, axis: Any = -1, order: Any = 2) -> np.ndarray:
    """Scale ``x`` to unit ``order``-norm along ``axis`` (all-zero slices stay zero).

    Example:
        >>> normalize(np.array([[3.0, 4.0], [0.0, 0.0]]))
        array([[0.6, 0.8],
               [0. , 0. ]])

    Args:
        x: A numeric vector, matrix or array.
        axis: Axis to normalise along, 1-based as in R (-1 is the last). Defaults to `-1`.
        order: The norm's order (2 for L2, 1 for L1). Defaults to `2`.

    Returns:
        A float array of the shape of ``x`` (a vector comes back as a one-row matrix, as from Keras 2).

    Mirrors ``keras::normalize()``.
    """
    array = np.asarray(x)
    if array.dtype.kind not in "biuf" or array.ndim == 0:
        raise bad_argument("x", x, "a numeric vector, matrix or array")
    dim = as_axis(axis, "axis")
    if isinstance(dim, tuple) or dim is None or not -array.ndim <= dim < array.ndim:
        raise bad_argument("axis", axis, f"one axis of x, 1 to {array.ndim} or -1 to -{array.ndim}")
    p = as_integer(order, "order", minimum=1)
    array = array.astype(np.float64) if array.dtype.kind != "f" else array
    norms = np.atleast_1d(np.linalg.norm(array, p, dim))
    norms[norms == 0] = 1
    return array / np.expand_dims(norms, dim)


def keras_array(x: Any, dtype: Any = None) -> Any:
    """An array laid out for Keras: C (row-major) order, doubles as ``floatx`` (float32).

    Example:
        >>> keras_array(np.asfortranarray([[1.0, 2.0], [3.0, 4.0]])).flags.c_contiguous
        True

    Args:
        x: A vector, matrix or array; a list (or data frame) of them is converted element by
            element; `None`, tensors, ``hdf5_matrix()`` objects and other Python objects pass as
            they are.
        dtype: NumPy type name. Defaults to `None` (``floatx`` for doubles, else the array's type).

    Returns:
        A NumPy array (R: a NumPy array object, not converted back to an R array), or a list.

    Mirrors ``keras::keras_array()``.
    """
    if x is None or isinstance(x, HDF5Matrix) or hasattr(x, "numpy") or hasattr(x, "_keras_history"):
        return x
    if isinstance(x, (list, tuple)):
        return [keras_array(e, dtype) for e in x]
    if isinstance(x, dict):
        return {k: keras_array(v, dtype) for k, v in x.items()}
    if type(x).__name__ == "DataFrame" and hasattr(x, "columns"):  # pandas, from an R data frame
        return {str(k): keras_array(x[k].to_numpy(), dtype) for k in x.columns}
    if dtype is not None and not isinstance(dtype, str):
        raise bad_argument("dtype", dtype, 'a NumPy type name such as "float32" or NULL/None')
    array = np.asarray(x)
    if array.dtype.kind not in "biufc" and dtype is None:
        raise bad_argument("x", x, "numbers or logicals (a vector, matrix or array)")
    if dtype is None:
        import keras

        dtype = keras.config.floatx() if array.dtype == np.float64 else array.dtype
    try:
        return np.ascontiguousarray(array.astype(dtype, copy=False))
    except (TypeError, ValueError) as exc:
        raise bad_argument("dtype", dtype, 'a NumPy type name such as "float32" or "int32"') from exc


def array_reshape(x: Any, dim: Any, order: str = "C") -> np.ndarray:
    """Reshape an array filling the new shape by rows (``"C"``), as NumPy and Keras do, not by columns.

    Example:
        >>> array_reshape(np.arange(6), (2, 3))
        array([[0, 1, 2],
               [3, 4, 5]])

    Args:
        x: An array (or vector).
        dim: The new dimensions.
        order: ``"C"`` (row-major) or ``"F"`` (column-major, R's own order). Defaults to `"C"`.

    Returns:
        The reshaped array.

    Mirrors ``reticulate::array_reshape()``, which R keras 2.2.4 re-exported.
    """
    if order not in ("C", "F"):
        raise bad_argument("order", order, '"C" or "F"')
    if dim is None or isinstance(dim, (str, bytes)):
        raise bad_argument("dim", dim, "a vector of dimensions")
    values = np.asarray(dim).reshape(-1).tolist()
    shape = tuple(as_integer(v, f"dim[{i + 1}]", minimum=-1) for i, v in enumerate(values))
    array = np.asarray(x)
    try:
        return np.reshape(array, shape, order=order)
    except ValueError as exc:
        raise bad_argument("dim", dim, f"dimensions holding the {array.size} values of x") from exc


_HASH_ALGORITHMS = ("auto", "sha256", "md5")


def _file_hash(path: str, algorithm: str) -> str:
    digest = hashlib.sha256() if algorithm == "sha256" else hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(root: str, name: str) -> bool:
    target = os.path.realpath(os.path.join(root, name))
    return target == os.path.realpath(root) or target.startswith(os.path.realpath(root) + os.sep)


def _extract(path: str, into: str, archive_format: Any) -> bool:
    """Unpack a tar or zip archive into ``into`` as Keras's ``_extract_archive`` did; False if not one."""
    if archive_format == "auto":
        formats = ["tar", "zip"]
    elif archive_format is None:
        return False
    else:
        formats = [archive_format] if isinstance(archive_format, str) else list(archive_format)
    for kind in formats:
        if kind == "tar" and tarfile.is_tarfile(path):
            with tarfile.open(path) as archive:
                for member in archive.getmembers():
                    if not _inside(into, member.name) or member.issym() or member.islnk():
                        raise bad_argument("fname", path, f"an archive whose files stay inside {into} "
                                                          f"(it has {member.name!r})")
                archive.extractall(into)
            return True
        if kind == "zip" and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    if not _inside(into, name):
                        raise bad_argument("fname", path, f"an archive whose files stay inside {into} "
                                                          f"(it has {name!r})")
                archive.extractall(into)
            return True
    return False


def get_file(fname: Any, origin: Any, untar: Any = False, md5_hash: Any = None, file_hash: Any = None,
             cache_subdir: Any = "datasets", hash_algorithm: Any = "auto", extract: Any = False,
             archive_format: Any = "auto", cache_dir: Any = None) -> str:
    """The path of a file in the Keras cache, where Keras's ``get_file()`` cached it; never downloads.

    The file is looked up at ``<cache_dir>/<cache_subdir>/<fname>`` (``<fname>.tar.gz`` with
    ``untar``). When it is there its hash is checked (if one is given) and archives are unpacked
    next to it as Keras did; when it is not, the error says to download ``origin`` and where to
    put it.

    Example:
        >>> get_file("imdb_word_index.json", origin="https://s3.amazonaws.com/text-datasets/imdb_word_index.json")
        '/home/me/.keras/datasets/imdb_word_index.json'

    Args:
        fname: File name in the cache (or an absolute path).
        origin: The URL the file comes from (quoted in the error when it is absent).
        untar: The cache holds ``<fname>.tar.gz``; unpack it into the cache and return the folder
            ``<fname>`` (an already unpacked folder is used as it is). Defaults to `False`.
        md5_hash: Deprecated spelling of ``file_hash`` for an MD5 hash. Defaults to `None`.
        file_hash: Expected SHA-256 or MD5 hash of the file. Defaults to `None` (not checked).
        cache_subdir: Folder under the cache (or an absolute path). Defaults to `"datasets"`.
        hash_algorithm: ``"auto"`` (by the hash's length), ``"sha256"`` or ``"md5"``. Defaults to `"auto"`.
        extract: Unpack a tar or zip archive into the cache folder. Defaults to `False`.
        archive_format: ``"auto"``, ``"tar"``, ``"zip"`` or `None`. Defaults to `"auto"`.
        cache_dir: The cache folder. Defaults to `None` (``$KERAS_HOME``, else ``~/.keras``).

    Returns:
        The file's path (the unpacked folder with ``untar``).

    Raises:
        FileNotFoundError: When the file is not in the cache (the message says what to download
            and where to put it).
        ValueError: When it is there but does not match ``file_hash``.

    Mirrors ``keras::get_file()``; downloading is left to the user.
    """
    for name, value in (("fname", fname), ("origin", origin), ("cache_subdir", cache_subdir)):
        if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
            raise bad_argument(name, value, "a non-empty string")
    untar = as_flag(untar, "untar")
    extract = as_flag(extract, "extract")
    if hash_algorithm not in _HASH_ALGORITHMS:
        raise bad_argument("hash_algorithm", hash_algorithm, '"auto", "sha256" or "md5"')
    if archive_format is not None and archive_format not in ("auto", "tar", "zip"):
        raise bad_argument("archive_format", archive_format, '"auto", "tar", "zip" or NULL/None')
    expected = file_hash if file_hash is not None else md5_hash
    if expected is not None and not isinstance(expected, str):
        raise bad_argument("file_hash", expected, "a hexadecimal SHA-256 or MD5 hash, or NULL/None")
    if cache_dir is None:
        base = keras_cache_dir("")
    elif isinstance(cache_dir, (str, os.PathLike)):
        base = os.path.abspath(os.path.expanduser(os.fspath(cache_dir)))
    else:
        raise bad_argument("cache_dir", cache_dir, "a folder path or NULL/None")
    folder = os.path.join(base, os.path.expanduser(os.fspath(cache_subdir)))
    fname = os.fspath(fname)
    unpacked = os.path.join(folder, fname)
    path = unpacked + ".tar.gz" if untar else unpacked
    if untar and os.path.isdir(unpacked):
        return unpacked
    if not os.path.exists(path):
        raise FileNotFoundError(
            f"get_file(): {os.path.basename(path)} is not in the Keras cache ({path}). rkeras_bridge never "
            f"downloads: download {origin} on a machine with internet access and put it at {path}"
            + (f" (or unpack it there as the folder {unpacked})" if untar else "") + "."
        )
    if expected is not None and os.path.isfile(path):
        algorithm = hash_algorithm
        if algorithm == "auto":
            algorithm = "sha256" if len(expected) == 64 else "md5"
        actual = _file_hash(path, algorithm)
        if actual != expected.lower():
            raise ValueError(
                f"get_file(): the file at {path} does not match the expected {algorithm} hash {expected} "
                f"(it has {actual}): it is incomplete or another file. Replace it with a fresh copy of "
                f"{origin}."
            )
    if untar:
        if not _extract(path, folder, "tar"):
            raise bad_argument("fname", path, "a .tar.gz archive (untar = TRUE)")
        return unpacked
    if extract:
        _extract(path, folder, archive_format)
    return path


class HDF5Matrix:
    """A dataset of an HDF5 file used like an array, rows ``start`` to ``end`` (Keras 2's ``HDF5Matrix``).

    Indexing reads from the file (and applies ``normalizer``); ``np.asarray()`` reads all rows.
    Files are opened read-only and shared between matrices of the same file.
    """

    refs: dict[str, Any] = {}

    def __init__(self, datapath: str, dataset: str, start: int = 0, end: int | None = None,
                 normalizer: Callable[[Any], Any] | None = None) -> None:
        import h5py

        if datapath not in self.refs or not self.refs[datapath]:
            self.refs[datapath] = h5py.File(datapath, "r")
        self.data = self.refs[datapath][dataset]
        self.start = start
        self.end = self.data.shape[0] if end is None else end
        self.normalizer = normalizer

    def __len__(self) -> int:
        return self.end - self.start

    def _rows(self, key: Any) -> Any:
        n = len(self)
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            return slice(start + self.start, stop + self.start, step)
        if isinstance(key, (int, np.integer)):
            if not -n <= key < n:
                raise IndexError(f"row {key} of an HDF5Matrix with {n} rows")
            return int(key) % n + self.start
        rows = np.asarray(key).reshape(-1)
        if rows.size and (rows.min() < 0 or rows.max() >= n):
            raise IndexError(f"rows {rows.min()}..{rows.max()} of an HDF5Matrix with {n} rows")
        return (rows + self.start).tolist()

    def __getitem__(self, key: Any) -> Any:
        values = self.data[self._rows(key)]
        return self.normalizer(values) if self.normalizer is not None else values

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        values = np.asarray(self[:])
        return values.astype(dtype) if dtype is not None else values

    @property
    def shape(self) -> tuple[int, ...]:
        return (len(self),) + tuple(self.data.shape[1:])

    @property
    def dtype(self) -> Any:
        return self.data.dtype

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def size(self) -> int:
        return int(np.prod(self.shape))

    def __repr__(self) -> str:
        return f"<HDF5Matrix {self.data.name} of {self.data.file.filename}: shape {self.shape}, {self.dtype}>"


def hdf5_matrix(datapath: Any, dataset: Any, start: Any = 0, end: Any = None,
                normalizer: Any = None) -> HDF5Matrix:
    """Rows of a dataset in an HDF5 file, used in place of an array (read when indexed).

    Example:
        >>> x = hdf5_matrix("data.h5", "my_data", start=0, end=150)
        >>> x.shape, x[0:2].shape
        ((150, 10), (2, 10))

    Args:
        datapath: Path of the HDF5 file.
        dataset: Name of the dataset in the file.
        start: First row (0-based, as in Keras). Defaults to `0`.
        end: Row after the last one (0-based). Defaults to `None` (all rows).
        normalizer: A function applied to the values read. Defaults to `None`.

    Returns:
        An :class:`HDF5Matrix`.

    Mirrors ``keras::hdf5_matrix()``.
    """
    if not isinstance(datapath, (str, os.PathLike)):
        raise bad_argument("datapath", datapath, "the path of an HDF5 file", TypeError)
    path = os.path.abspath(os.path.expanduser(os.fspath(datapath)))
    if not os.path.isfile(path):
        raise bad_argument("datapath", datapath, f"an existing HDF5 file (nothing at {path})",
                           FileNotFoundError)
    if not isinstance(dataset, str) or not dataset:
        raise bad_argument("dataset", dataset, "the name of a dataset in the file", TypeError)
    if normalizer is not None and not callable(normalizer):
        raise bad_argument("normalizer", normalizer, "a function or NULL/None", TypeError)
    import h5py

    if not h5py.is_hdf5(path):
        raise bad_argument("datapath", datapath, "an HDF5 file")
    with h5py.File(path, "r") as f:
        if not isinstance(f.get(dataset), h5py.Dataset):
            names: list[str] = []
            f.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Dataset) else None)
            raise bad_argument("dataset", dataset,
                               f"a dataset of the file (it has {', '.join(names) or 'none'})")
        rows = f[dataset].shape[0] if f[dataset].shape else 0
    first = as_integer(start, "start", minimum=0)
    last = as_integer(end, "end", minimum=0, allow_none=True)
    last = rows if last is None else last
    if not first <= last <= rows:
        raise bad_argument("end" if end is not None else "start", end if end is not None else start,
                           f"0 <= start <= end <= {rows} (the dataset's rows)")
    return HDF5Matrix(path, dataset, start=first, end=last, normalizer=normalizer)
