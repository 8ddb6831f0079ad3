"""tfdatasets-style pipelines: ``tensor_slices_dataset(x) %>% dataset_shuffle(n) %>% dataset_batch(b)``.

Every function takes the dataset first, so R pipes and Python calls read alike, and returns a
``tf.data.Dataset``. Iteration follows the 2018 idiom: ``make_iterator_one_shot`` then
``iterator_get_next`` until ``OutOfRangeError`` (R: ``until_out_of_range({...})``; Python:
``for batch in until_out_of_range(iterator)``), or the later tfdatasets idiom ``as_iterator`` then
``iter_next`` until it returns ``NULL``/``None``. ``dataset_map`` traces its function once, as
tf.data does, so an R function or formula there runs once, on symbolic tensors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_integer, refuse_non_finite
from ..bridge.errors import bad_argument
from ..bridge.r_threads import keep_until_served, waits_on_tensorflow_threads

__all__ = [
    "tensor_slices_dataset",
    "dataset_shuffle",
    "dataset_batch",
    "dataset_repeat",
    "dataset_take",
    "dataset_prefetch",
    "make_iterator_one_shot",
    "iterator_get_next",
    "until_out_of_range",
    "dataset_map",
    "as_iterator",
    "iter_next",
    "tensors_dataset",
    "sparse_tensor_slices_dataset",
    "range_dataset",
    "zip_datasets",
    "sample_from_datasets",
]


def _data_frame_columns(frame: Any) -> dict[str, Any]:
    """A pandas DataFrame as a dict of column arrays (tfdatasets: a data frame is a named list)."""
    columns = {}
    for name, column in frame.items():
        if str(column.dtype) == "category":  # R factors: tf.data has no factor type, use the labels
            column = column.astype(str)
        values = column.to_numpy()
        if values.dtype == object:
            # Mixed or missing values would otherwise fail deep inside tf.data with no column name.
            if not all(isinstance(v, str) for v in values):
                raise bad_argument(f"tensors${name}", column.tolist()[:5],
                                   "a column of numbers, logicals or strings")
            values = values.astype(str)
        columns[str(name)] = values
    return columns


def _is_data_frame(value: Any) -> bool:
    pandas = sys.modules.get("pandas")  # not imported: cannot be a DataFrame, and no import cost
    return pandas is not None and isinstance(value, pandas.DataFrame)


def _structure(tensors: Any) -> Any:
    # tf.data stacks a Python list into one tensor; an R list (or Python list) of columns means a
    # tuple of components, which is what tfdatasets gives in R.
    if _is_data_frame(tensors):
        return _data_frame_columns(tensors)
    if isinstance(tensors, list):
        return tuple(_structure(t) for t in tensors)
    if isinstance(tensors, Mapping):
        return {k: _structure(v) for k, v in tensors.items()}
    return tensors


def _components(structure: Any) -> Iterator[Any]:
    # Like tf.nest.flatten, but an empty tuple/dict (an R zero-length vector arrives as an empty
    # list) is a component of its own, not nothing: it must be refused, not silently dropped.
    if isinstance(structure, (tuple, dict)):
        values = list(structure.values()) if isinstance(structure, dict) else list(structure)
        if not values:
            yield structure
        for value in values:
            yield from _components(value)
    else:
        yield structure


def _check_dataset(dataset: Any) -> tf.data.Dataset:
    if not isinstance(dataset, tf.data.Dataset):
        raise bad_argument("dataset", dataset, "a tf.data.Dataset (e.g. from tensor_slices_dataset())",
                           TypeError)
    return dataset


def tensor_slices_dataset(tensors: Any) -> tf.data.Dataset:
    """A dataset whose elements are slices of ``tensors`` along their first dimension.

    Example:
        >>> ds = tensor_slices_dataset([x_train, y_train])   # elements are (x_row, y_row)

    Args:
        tensors: An array/tensor, or a list (R ``list``) or dict (R named list) of them with
            equal first dimensions, or a data frame (pandas; R ``data.frame``): its columns
            become a dict, so each element is one row as ``{column: value}``. Factor
            (categorical) columns become their labels, as strings.

    Returns:
        A ``tf.data.Dataset``.

    Mirrors ``tfdatasets::tensor_slices_dataset()``.
    """
    if tensors is None:
        raise bad_argument("tensors", tensors, "an array, tensor, or a list of them; not NULL/None")
    structure = _structure(tensors)
    refuse_non_finite(structure, "tensors")
    for component in _components(structure):
        shape = tuple(getattr(component, "shape", np.shape(component)))
        if not shape or shape[0] == 0:
            raise bad_argument("tensors", component,
                               "data with at least one element along the first dimension (one element per "
                               "row); an empty or 0-d component makes an empty or invalid dataset")
    try:
        return tf.data.Dataset.from_tensor_slices(structure)
    except (ValueError, tf.errors.InvalidArgumentError) as exc:
        raise ValueError(
            f"Invalid value for argument `tensors`: expected components with equal first dimensions. "
            f"Received: tensors with shapes "
            f"{tf.nest.map_structure(lambda t: tuple(getattr(t, 'shape', ())), structure)} ({exc})"
        ) from exc


def dataset_shuffle(dataset: tf.data.Dataset, buffer_size: Any, seed: Any = None,
                    reshuffle_each_iteration: bool | None = None) -> tf.data.Dataset:
    """Shuffle elements with a buffer of ``buffer_size``.

    Args:
        dataset: A dataset.
        buffer_size: Number of elements to sample from (>= 1).
        seed: Integer seed. Defaults to `None` (derived from the global seed).
        reshuffle_each_iteration: Defaults to `None` (TensorFlow's default, reshuffle).

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_shuffle()``.
    """
    return _check_dataset(dataset).shuffle(
        as_integer(buffer_size, "buffer_size", minimum=1), seed=as_integer(seed, "seed", allow_none=True),
        reshuffle_each_iteration=reshuffle_each_iteration,
    )


def dataset_batch(dataset: tf.data.Dataset, batch_size: Any, drop_remainder: bool = False) -> tf.data.Dataset:
    """Combine consecutive elements into batches of ``batch_size``.

    Args:
        dataset: A dataset.
        batch_size: Elements per batch (>= 1).
        drop_remainder: Drop a last, smaller batch. Defaults to `False`.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_batch()``.
    """
    return _check_dataset(dataset).batch(as_integer(batch_size, "batch_size", minimum=1),
                                         drop_remainder=bool(drop_remainder))


def dataset_repeat(dataset: tf.data.Dataset, count: Any = None) -> tf.data.Dataset:
    """Repeat the dataset ``count`` times (`None`: forever). Mirrors ``tfdatasets::dataset_repeat()``."""
    return _check_dataset(dataset).repeat(as_integer(count, "count", minimum=1, allow_none=True))


def dataset_take(dataset: tf.data.Dataset, count: Any) -> tf.data.Dataset:
    """The first ``count`` elements. Mirrors ``tfdatasets::dataset_take()``."""
    return _check_dataset(dataset).take(as_integer(count, "count", minimum=-1))


def dataset_prefetch(dataset: tf.data.Dataset, buffer_size: Any = None) -> tf.data.Dataset:
    """Prefetch ``buffer_size`` elements (`None`: autotune). Mirrors ``tfdatasets::dataset_prefetch()``."""
    size = as_integer(buffer_size, "buffer_size", minimum=1, allow_none=True)
    return _check_dataset(dataset).prefetch(tf.data.AUTOTUNE if size is None else size)


def make_iterator_one_shot(dataset: tf.data.Dataset) -> Any:
    """An iterator over one pass of ``dataset``. Mirrors ``tfdatasets::make_iterator_one_shot()``."""
    return keep_until_served(iter(_check_dataset(dataset)))


@waits_on_tensorflow_threads
def iterator_get_next(iterator: Any) -> Any:
    """The next element; raises ``tf.errors.OutOfRangeError`` at the end (as in TF1).

    Mirrors ``tfdatasets::iterator_get_next()``.
    """
    if not hasattr(iterator, "get_next"):
        raise bad_argument("iterator", iterator, "an iterator from make_iterator_one_shot()", TypeError)
    return iterator.get_next()


def until_out_of_range(iterator: Any) -> Iterator[Any]:
    """Yield ``iterator_get_next(iterator)`` until the data runs out.

    Example:
        >>> for batch in until_out_of_range(make_iterator_one_shot(ds)):
        ...     train_step(batch)

    Mirrors ``tfdatasets::until_out_of_range({ batch <- iterator_get_next(iter); ... })``.
    """
    while True:
        try:
            element = iterator_get_next(iterator)
        except tf.errors.OutOfRangeError:
            return
        yield element


def dataset_map(dataset: tf.data.Dataset, map_func: Callable[..., Any],
                num_parallel_calls: Any = None) -> tf.data.Dataset:
    """Apply ``map_func`` to every element of ``dataset``.

    Example:
        >>> ds = dataset_map(tensor_slices_dataset([x, y]), lambda x, y: (x * 2, y))

    Args:
        dataset: A dataset.
        map_func: A function of one element. A tuple element (from a list of tensors) is passed
            as separate arguments, a dict element (named list, data frame row) as one dict, as
            tf.data does. It is traced once into a graph, so it runs once, on symbolic tensors,
            not once per element. It may return a tensor, a list or tuple of them (a tuple
            element) or a dict. From R also a one-sided formula such as ``~ .x * 2``.
        num_parallel_calls: Elements to process in parallel: a positive integer, or -1
            (``tf$data$AUTOTUNE``). Defaults to `None` (one at a time, in order).

    Returns:
        A ``tf.data.Dataset``.

    Mirrors ``tfdatasets::dataset_map()``.
    """
    dataset = _check_dataset(dataset)
    if not callable(map_func):
        raise bad_argument("map_func", map_func,
                           "a function (or, from R, a one-sided formula such as ~ .x * 2)", TypeError)
    parallel = as_integer(num_parallel_calls, "num_parallel_calls", minimum=-1, allow_none=True)
    if parallel == 0:
        raise bad_argument("num_parallel_calls", num_parallel_calls,
                           "a positive integer, -1 (AUTOTUNE) or NULL/None")

    def element_function(*args: Any) -> Any:
        # An R list comes back as a Python list, which tf.data would stack into one tensor;
        # tfdatasets reads it as a tuple element.
        return _structure(map_func(*args))

    return dataset.map(element_function, num_parallel_calls=parallel)


def as_iterator(dataset: Any) -> Iterator[Any]:
    """An iterator over one pass of ``dataset``, for :func:`iter_next`.

    Example:
        >>> it = as_iterator(dataset_batch(tensor_slices_dataset(x), 32))
        >>> while (batch := iter_next(it)) is not None:
        ...     train_step(batch)

    Args:
        dataset: A ``tf.data.Dataset`` (or any Python iterable; an iterator is returned as is).

    Returns:
        A Python iterator.

    Mirrors ``tfdatasets::as_iterator()`` (``reticulate::as_iterator()``).
    """
    if isinstance(dataset, (str, bytes)) or not hasattr(dataset, "__iter__"):
        raise bad_argument("dataset", dataset, "a tf.data.Dataset or another iterable", TypeError)
    return keep_until_served(iter(dataset))


@waits_on_tensorflow_threads
def iter_next(it: Any, completed: Any = None) -> Any:
    """The next element of ``it``, or ``completed`` when it has no more.

    Example:
        >>> it = as_iterator(tensor_slices_dataset(np.arange(2)))
        >>> [int(iter_next(it)), int(iter_next(it)), iter_next(it, completed="done")]
        [0, 1, 'done']

    Args:
        it: An iterator from :func:`as_iterator`.
        completed: What to return at the end. Defaults to `None` (R ``NULL``), which no
            dataset element can be, so ``while (batch := iter_next(it)) is not None`` ends
            exactly at the end.

    Returns:
        The element (a tensor or a tuple/dict of them), or ``completed``.

    Mirrors ``tfdatasets::iter_next()`` (``reticulate::iter_next()``).
    """
    if not hasattr(it, "__next__"):
        raise bad_argument("it", it, "an iterator from as_iterator()", TypeError)
    return next(it, completed)


def int_or_tensor(value: Any, name: str, *, minimum: int | None = None, allow_none: bool = False) -> Any:
    """An R count as a Python int, or a tensor left as it is (tfdatasets took both, e.g. a traced size)."""
    if tf.is_tensor(value):
        return tf.cast(value, tf.int64)
    return as_integer(value, name, minimum=minimum, allow_none=allow_none)


def tensors_dataset(tensors: Any) -> tf.data.Dataset:
    """A dataset of one element: ``tensors`` whole.

    Example:
        >>> ds = tensors_dataset(tf.constant(np.arange(100)))   # one element of shape (100,)

    Args:
        tensors: An array/tensor, a list (R ``list``: a tuple element) or dict (R named list)
            of them, or a data frame (its columns become a dict).

    Returns:
        A ``tf.data.Dataset`` with a single element.

    Mirrors ``tfdatasets::tensors_dataset()``.
    """
    if tensors is None:
        raise bad_argument("tensors", tensors, "an array, tensor, or a list of them; not NULL/None")
    structure = _structure(tensors)
    try:
        return tf.data.Dataset.from_tensors(structure)
    except (ValueError, TypeError, tf.errors.InvalidArgumentError) as exc:
        raise bad_argument("tensors", tensors, f"tensors or a nested structure of them ({exc})") from exc


def sparse_tensor_slices_dataset(sparse_tensor: Any) -> tf.data.Dataset:
    """A dataset of the rows of a ``tf.SparseTensor`` (each a sparse tensor of one rank less).

    Example:
        >>> st = tf.SparseTensor(indices=[[0, 0], [1, 2]], values=[1, 2], dense_shape=[3, 4])
        >>> [tf.sparse.to_dense(row).numpy().tolist() for row in sparse_tensor_slices_dataset(st)][1]
        [0, 0, 2, 0]

    Args:
        sparse_tensor: A ``tf.SparseTensor``.

    Returns:
        A ``tf.data.Dataset`` of ``tf.SparseTensor`` elements. TF 1's ``from_sparse_tensor_slices()``
        is gone; TF 2's ``from_tensor_slices()`` slices a sparse tensor the same way.

    Mirrors ``tfdatasets::sparse_tensor_slices_dataset()``.
    """
    if not isinstance(sparse_tensor, tf.SparseTensor):
        raise bad_argument("sparse_tensor", sparse_tensor, "a tf$SparseTensor", TypeError)
    return tf.data.Dataset.from_tensor_slices(sparse_tensor)


def range_dataset(from_: Any = 0, to: Any = 0, by: Any = 1, dtype: Any = None) -> tf.data.Dataset:
    """A dataset of the numbers ``from_``, ``from_ + by``, ... up to ``to`` (excluded).

    Example:
        >>> [int(v) for v in range_dataset(1, 6, 2)]
        [1, 3, 5]

    Args:
        from_: The first value (R ``from``). Defaults to `0`.
        to: The end, excluded. Defaults to `0`.
        by: The step. Defaults to `1`.
        dtype: The elements' dtype. Defaults to `None` (``tf$int64``).

    Returns:
        A ``tf.data.Dataset`` of scalars.

    Mirrors ``tfdatasets::range_dataset()``.
    """
    start = int_or_tensor(from_, "from")
    stop = int_or_tensor(to, "to")
    step = int_or_tensor(by, "by")
    if isinstance(step, int) and step == 0:
        raise bad_argument("by", by, "a non-zero step")
    output_type = tf.int64 if dtype is None else tf.as_dtype(dtype)
    return tf.data.Dataset.range(start, stop, step, output_type=output_type)


def _datasets_structure(value: Any, name: str) -> Any:
    if isinstance(value, tf.data.Dataset):
        return value
    if isinstance(value, (list, tuple)) and value:
        return tuple(_datasets_structure(v, name) for v in value)
    if isinstance(value, Mapping) and value:
        return {k: _datasets_structure(v, name) for k, v in value.items()}
    raise bad_argument(name, value, "datasets, or a (named) list of them", TypeError)


def zip_datasets(*datasets: Any) -> tf.data.Dataset:
    """A dataset whose elements pair (or group) one element of each dataset.

    Example:
        >>> ds = zip_datasets(range_dataset(0, 3), range_dataset(10, 13))   # (0, 10), (1, 11), (2, 12)
        >>> ds = zip_datasets([range_dataset(0, 3), range_dataset(10, 13)])  # the same

    Args:
        *datasets: Datasets, or one (nested, named) list of them; a named list gives dict
            elements, an unnamed one tuple elements.

    Returns:
        A ``tf.data.Dataset`` that ends with the shortest of them.

    Mirrors ``tfdatasets::zip_datasets()``.
    """
    one_list = len(datasets) == 1 and not isinstance(datasets[0], tf.data.Dataset)
    value: Any = datasets[0] if one_list else datasets
    structure = _datasets_structure(value, "...")
    if isinstance(structure, tf.data.Dataset):
        structure = (structure,)
    return tf.data.Dataset.zip(structure)


def sample_from_datasets(datasets: Any, weights: Any = None, seed: Any = None) -> tf.data.Dataset:
    """A dataset drawing each element at random from one of ``datasets``.

    Example:
        >>> ds = sample_from_datasets([range_dataset(0, 5), range_dataset(100, 105)], seed=1)

    Args:
        datasets: A list of datasets with the same element structure.
        weights: The probability of each dataset (a list of numbers, or a dataset of such
            vectors). Defaults to `None` (uniform).
        seed: Integer seed. Defaults to `None`.

    Returns:
        A ``tf.data.Dataset``; it ends when one of the datasets runs out.

    Mirrors ``tfdatasets::sample_from_datasets()``.
    """
    listed = datasets if isinstance(datasets, (list, tuple)) else [datasets]
    structure = _datasets_structure(listed, "datasets")
    members = list(structure) if isinstance(structure, tuple) else [structure]
    if not isinstance(weights, (tf.data.Dataset, type(None))):
        weights = [float(w) for w in np.atleast_1d(np.asarray(weights, dtype=float))]
        if len(weights) != len(members):
            raise bad_argument("weights", weights, f"{len(members)} probabilities, one per dataset")
    return tf.data.Dataset.sample_from_datasets(members, weights=weights,
                                                seed=as_integer(seed, "seed", allow_none=True))
