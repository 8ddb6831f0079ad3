"""tfdatasets-style pipelines: ``tensor_slices_dataset(x) %>% dataset_shuffle(n) %>% dataset_batch(b)``.

Every function takes the dataset first, so R pipes and Python calls read alike, and returns a
``tf.data.Dataset``. Iteration follows the 2018 idiom: ``make_iterator_one_shot`` then
``iterator_get_next`` until ``OutOfRangeError`` (R: ``until_out_of_range({...})``; Python:
``for batch in until_out_of_range(iterator)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Iterator

import tensorflow as tf

from .conversion import as_integer
from .errors import bad_argument

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
]


def _structure(tensors: Any) -> Any:
    # tf.data stacks a Python list into one tensor; an R list (or Python list) of columns means a
    # tuple of components, which is what tfdatasets gives in R.
    if isinstance(tensors, list):
        return tuple(_structure(t) for t in tensors)
    if isinstance(tensors, Mapping):
        return {k: _structure(v) for k, v in tensors.items()}
    return tensors


def _check_dataset(dataset: Any) -> tf.data.Dataset:
    if not isinstance(dataset, tf.data.Dataset):
        raise bad_argument("dataset", dataset, "a tf.data.Dataset (e.g. from tensor_slices_dataset())", TypeError)
    return dataset


def tensor_slices_dataset(tensors: Any) -> tf.data.Dataset:
    """A dataset whose elements are slices of ``tensors`` along their first dimension.

    Example:
        >>> ds = tensor_slices_dataset([x_train, y_train])   # elements are (x_row, y_row)

    Args:
        tensors: An array/tensor, or a list (R ``list``) or dict (R named list) of them with
            equal first dimensions.

    Returns:
        A ``tf.data.Dataset``.

    Mirrors ``tfdatasets::tensor_slices_dataset()``.
    """
    if tensors is None:
        raise bad_argument("tensors", tensors, "an array, tensor, or a list of them; not NULL/None")
    structure = _structure(tensors)
    try:
        return tf.data.Dataset.from_tensor_slices(structure)
    except (ValueError, tf.errors.InvalidArgumentError) as exc:
        raise ValueError(
            f"Invalid value for argument `tensors`: expected components with equal first dimensions. "
            f"Received: tensors with shapes {tf.nest.map_structure(lambda t: tuple(getattr(t, 'shape', ())), structure)} ({exc})"
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
    return iter(_check_dataset(dataset))


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
