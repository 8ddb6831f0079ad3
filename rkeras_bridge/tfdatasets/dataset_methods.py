"""tfdatasets' dataset methods beyond the basic ones: skip, filter, cache, concatenate, interleave,
padded batches, windows, shards, ``dataset_prepare()`` (features and response from named columns),
and the dataset properties ``output_types()``, ``output_shapes()``, ``column_names()``.

Each takes the dataset first and returns a new ``tf.data.Dataset``, as in
``dataset %>% dataset_skip(1) %>% dataset_filter(function(record) record$mpg >= 20)``. A function
argument (R function, one-sided R formula, Python callable) is traced once by tf.data, as in
:func:`~rkeras_bridge.tfdatasets.datasets.dataset_map`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument, unavailable
from .datasets import _check_dataset, dataset_map, int_or_tensor
from .selectors import parse_formula, select_columns

__all__ = [
    "dataset_cache",
    "dataset_concatenate",
    "dataset_skip",
    "dataset_filter",
    "dataset_flat_map",
    "dataset_interleave",
    "dataset_shard",
    "dataset_padded_batch",
    "dataset_window",
    "dataset_shuffle_and_repeat",
    "dataset_map_and_batch",
    "dataset_prefetch_to_device",
    "dataset_prepare",
    "as_tf_dataset",
    "output_types",
    "output_shapes",
    "column_names",
    "input_fn",
]


def _check_function(fn: Any, name: str) -> Callable[..., Any]:
    if not callable(fn):
        raise bad_argument(name, fn, "a function (or, from R, a one-sided formula such as ~ .x * 2)",
                           TypeError)
    return fn


def _returns_dataset(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    def element_function(*args: Any) -> tf.data.Dataset:
        result = fn(*args)
        if not isinstance(result, tf.data.Dataset):
            raise bad_argument(name, fn, f"a function that returns a dataset (it returned "
                               f"{type(result).__name__})", TypeError)
        return result

    return element_function


def dataset_cache(dataset: tf.data.Dataset, filename: Any = None) -> tf.data.Dataset:
    """Cache the elements: the first pass computes them, later passes read the cache.

    Example:
        >>> ds = dataset_cache(dataset_map(range_dataset(0, 5), lambda x: x * 2))

    Args:
        dataset: A dataset.
        filename: A file name prefix on disk for the cache. Defaults to `None` (in memory).

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_cache()``.
    """
    if filename is not None and not isinstance(filename, str):
        raise bad_argument("filename", filename, "a file name (a string) or NULL/None for memory", TypeError)
    return _check_dataset(dataset).cache(filename or "")


def dataset_concatenate(dataset: tf.data.Dataset, other: tf.data.Dataset) -> tf.data.Dataset:
    """The elements of ``dataset``, then those of ``other`` (same element structure and types).

    Example:
        >>> [int(v) for v in dataset_concatenate(range_dataset(0, 2), range_dataset(5, 7))]
        [0, 1, 5, 6]

    Args:
        dataset: A dataset.
        other: A dataset with the same structure and types.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_concatenate()``.
    """
    first = _check_dataset(dataset)
    if not isinstance(other, tf.data.Dataset):
        raise bad_argument("other", other, "a tf.data.Dataset", TypeError)
    try:
        return first.concatenate(other)
    except TypeError as exc:
        raise bad_argument("other", other, f"a dataset whose elements match those of `dataset` ({exc})",
                           TypeError) from exc


def dataset_skip(dataset: tf.data.Dataset, count: Any) -> tf.data.Dataset:
    """All but the first ``count`` elements (-1: skip everything).

    Example:
        >>> [int(v) for v in dataset_skip(range_dataset(0, 4), 1)]
        [1, 2, 3]

    Args:
        dataset: A dataset.
        count: Elements to skip.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_skip()``.
    """
    return _check_dataset(dataset).skip(int_or_tensor(count, "count", minimum=-1))


def dataset_filter(dataset: tf.data.Dataset, predicate: Callable[..., Any]) -> tf.data.Dataset:
    """The elements for which ``predicate`` is true.

    Example:
        >>> ds = dataset_filter(range_dataset(0, 10), lambda x: x % 2 == 0)

    Args:
        dataset: A dataset.
        predicate: A function of one element (tuple parts as separate arguments, a dict as one
            argument, as in ``dataset_map()``) returning a scalar boolean tensor, e.g. from R
            ``function(record) record$mpg >= 20 & record$cyl >= 6L``. Traced once.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_filter()``.
    """
    dataset = _check_dataset(dataset)
    predicate = _check_function(predicate, "predicate")

    def keep(*args: Any) -> Any:
        result = tf.convert_to_tensor(predicate(*args))
        if result.dtype != tf.bool:
            raise bad_argument("predicate", predicate, f"a function returning a boolean tensor (it returned "
                               f"{result.dtype.name})", TypeError)
        if result.shape.rank == 1 and result.shape[0] == 1:
            result = tf.reshape(result, [])  # an R comparison of one-element tensors
        return result

    return dataset.filter(keep)


def dataset_flat_map(dataset: tf.data.Dataset, map_func: Callable[..., Any]) -> tf.data.Dataset:
    """Map each element to a dataset and chain those datasets one after the other.

    Example:
        >>> ds = dataset_flat_map(range_dataset(1, 3), lambda x: dataset_repeat(tensors_dataset(x), 2))

    Args:
        dataset: A dataset.
        map_func: A function of one element that returns a dataset. Traced once.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_flat_map()``.
    """
    dataset = _check_dataset(dataset)
    return dataset.flat_map(_returns_dataset(_check_function(map_func, "map_func"), "map_func"))


def dataset_interleave(dataset: tf.data.Dataset, map_func: Callable[..., Any], cycle_length: Any,
                       block_length: Any = 1) -> tf.data.Dataset:
    """Map each element to a dataset and interleave them: ``block_length`` elements from each of
    ``cycle_length`` datasets in turn.

    Example:
        >>> ds = dataset_interleave(tensor_slices_dataset(np.array([1, 2, 3])),
        ...                         lambda x: dataset_repeat(tensors_dataset(x), 3), cycle_length=2)

    Args:
        dataset: A dataset.
        map_func: A function of one element that returns a dataset (e.g. a file name to
            ``text_line_dataset(file)``). Traced once.
        cycle_length: Datasets open at a time.
        block_length: Consecutive elements taken from each. Defaults to `1`.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_interleave()``.
    """
    dataset = _check_dataset(dataset)
    return dataset.interleave(_returns_dataset(_check_function(map_func, "map_func"), "map_func"),
                              cycle_length=int_or_tensor(cycle_length, "cycle_length", minimum=1),
                              block_length=int_or_tensor(block_length, "block_length", minimum=1))


def dataset_shard(dataset: tf.data.Dataset, num_shards: Any, index: Any) -> tf.data.Dataset:
    """Every ``num_shards``-th element, starting at ``index`` (0-based, as in tfdatasets).

    Example:
        >>> [int(v) for v in dataset_shard(range_dataset(0, 8), num_shards=4, index=1)]
        [1, 5]

    Args:
        dataset: A dataset.
        num_shards: Number of shards (workers).
        index: This worker's shard, from 0 to ``num_shards - 1``.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_shard()``.
    """
    shards = as_integer(num_shards, "num_shards", minimum=1)
    position = as_integer(index, "index", minimum=0)
    if position >= shards:
        raise bad_argument("index", index, f"a shard index from 0 to {shards - 1} (0-based)")
    return _check_dataset(dataset).shard(shards, position)


def _padded_shape(value: Any) -> Any:
    """One component's padded shape: a TensorShape, an integer vector or tensor (-1/NULL: the longest)."""
    if isinstance(value, tf.TensorShape):
        return value
    if tf.is_tensor(value):
        value = value.numpy().tolist()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, (list, tuple)) and all(v is None or isinstance(v, (int, float)) for v in value):
        dims = [None if v is None or v == -1 else as_integer(v, "padded_shapes", minimum=0) for v in value]
        return tf.TensorShape(dims)
    raise bad_argument("padded_shapes", value, "a shape per component: an integer vector (-1 or NULL: pad "
                       "to the longest in the batch), a tf$TensorShape, or a (named) list of them")


def _padded_shapes(shapes: Any, spec: Any) -> Any:
    if isinstance(spec, Mapping):
        if not isinstance(shapes, Mapping):
            raise bad_argument("padded_shapes", shapes,
                               f"a named list with the element's names ({', '.join(spec)})")
        return {k: _padded_shapes(shapes[k], s) for k, s in spec.items()}
    if isinstance(spec, tuple):
        if not isinstance(shapes, (list, tuple)) or len(shapes) != len(spec):
            raise bad_argument("padded_shapes", shapes, f"a list of {len(spec)} shapes, one per element part")
        return tuple(_padded_shapes(v, s) for v, s in zip(shapes, spec))
    return _padded_shape(shapes)


def _padding_values(values: Any, spec: Any) -> Any:
    if isinstance(spec, Mapping):
        if isinstance(values, Mapping):
            return {k: _padding_values(values[k], s) for k, s in spec.items()}
        return {k: _padding_values(values, s) for k, s in spec.items()}
    if isinstance(spec, tuple):
        if isinstance(values, (list, tuple)):
            return tuple(_padding_values(v, s) for v, s in zip(values, spec))
        return tuple(_padding_values(values, s) for s in spec)
    if tf.is_tensor(values):
        return values
    # an R number would arrive as a Python float: make it the component's dtype, as tfdatasets meant
    return tf.constant(values, dtype=spec.dtype)


def dataset_padded_batch(dataset: tf.data.Dataset, batch_size: Any, padded_shapes: Any = None,
                         padding_values: Any = None, drop_remainder: bool = False) -> tf.data.Dataset:
    """Batch elements of different shapes, padding each component to ``padded_shapes``.

    Example:
        >>> ds = dataset_padded_batch(tensor_slices_dataset(np.ones((4, 2))), 2, padded_shapes=[3],
        ...                           padding_values=0.0)   # batches of shape (2, 3)

    Args:
        dataset: A dataset.
        batch_size: Elements per batch.
        padded_shapes: The shape each component is padded to: an integer vector or tensor
            (-1 or NULL in it: the longest in the batch), a ``tf$TensorShape``, or a (named) list
            of them matching the element. Defaults to `None` (every dimension padded to the
            longest in the batch).
        padding_values: The padding value: a scalar for all components, or a (named) list of
            scalars; numbers take each component's dtype. Defaults to `None` (0, or "" for
            strings).
        drop_remainder: Drop a last, smaller batch. Defaults to `False`.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_padded_batch()``.
    """
    dataset = _check_dataset(dataset)
    spec = dataset.element_spec
    shapes = None if padded_shapes is None else _padded_shapes(padded_shapes, spec)
    values = None if padding_values is None else _padding_values(padding_values, spec)
    try:
        return dataset.padded_batch(as_integer(batch_size, "batch_size", minimum=1), padded_shapes=shapes,
                                    padding_values=values,
                                    drop_remainder=as_flag(drop_remainder, "drop_remainder"))
    except (TypeError, ValueError) as exc:
        raise bad_argument("padded_shapes", padded_shapes, f"shapes and padding values that fit the elements "
                           f"{spec} ({exc})") from exc


def dataset_window(dataset: tf.data.Dataset, size: Any, shift: Any = None, stride: Any = 1,
                   drop_remainder: bool = False) -> tf.data.Dataset:
    """A dataset of windows: each element is itself a dataset of ``size`` consecutive elements.

    Example:
        >>> windows = dataset_window(range_dataset(0, 7), size=3, shift=2)
        >>> [[int(v) for v in w] for w in windows]
        [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6]]

    Args:
        dataset: A dataset.
        size: Elements per window.
        shift: Elements the window moves each time. Defaults to `None` (``size``).
        stride: Step between the elements inside a window. Defaults to `1`.
        drop_remainder: Drop last windows smaller than ``size``. Defaults to `False`.

    Returns:
        A ``tf.data.Dataset`` of datasets (use ``dataset_flat_map()`` and ``dataset_batch()`` to
        turn each window into a tensor). Mirrors ``tfdatasets::dataset_window()``.
    """
    return _check_dataset(dataset).window(
        as_integer(size, "size", minimum=1), shift=as_integer(shift, "shift", minimum=1, allow_none=True),
        stride=as_integer(stride, "stride", minimum=1),
        drop_remainder=as_flag(drop_remainder, "drop_remainder"))


def dataset_shuffle_and_repeat(dataset: tf.data.Dataset, buffer_size: Any, count: Any = None,
                               seed: Any = None) -> tf.data.Dataset:
    """Shuffle with a buffer of ``buffer_size`` and repeat ``count`` times, a new order each pass.

    Example:
        >>> ds = dataset_shuffle_and_repeat(range_dataset(0, 10), 10, count=2, seed=1)

    Args:
        dataset: A dataset.
        buffer_size: Elements to sample from.
        count: Repetitions. Defaults to `None` (forever).
        seed: Integer seed. Defaults to `None`.

    Returns:
        A ``tf.data.Dataset`` (TF 2's ``shuffle()`` then ``repeat()``, what
        ``tf.contrib.data.shuffle_and_repeat`` became). Mirrors ``tfdatasets::dataset_shuffle_and_repeat()``.
    """
    shuffled = _check_dataset(dataset).shuffle(as_integer(buffer_size, "buffer_size", minimum=1),
                                               seed=as_integer(seed, "seed", allow_none=True),
                                               reshuffle_each_iteration=True)
    return shuffled.repeat(as_integer(count, "count", minimum=-1, allow_none=True))


def dataset_map_and_batch(dataset: tf.data.Dataset, map_func: Callable[..., Any], batch_size: Any,
                          num_parallel_batches: Any = None, drop_remainder: bool = False,
                          num_parallel_calls: Any = None) -> tf.data.Dataset:
    """``dataset_map()`` then ``dataset_batch()`` (tf.contrib's fused op; TF 2 fuses them itself).

    Example:
        >>> ds = dataset_map_and_batch(range_dataset(1, 100), lambda x: -x, batch_size=32)

    Args:
        dataset: A dataset.
        map_func: A function of one element (as in ``dataset_map()``).
        batch_size: Elements per batch.
        num_parallel_batches: Batches to compute in parallel; with TF 2 it sets
            ``num_parallel_calls`` to ``num_parallel_batches * batch_size`` when that is not given.
            Defaults to `None`.
        drop_remainder: Drop a last, smaller batch. Defaults to `False`.
        num_parallel_calls: Elements to map in parallel. Defaults to `None`.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_map_and_batch()``.
    """
    size = as_integer(batch_size, "batch_size", minimum=1)
    batches = as_integer(num_parallel_batches, "num_parallel_batches", minimum=1, allow_none=True)
    parallel = num_parallel_calls if num_parallel_calls is not None or batches is None else batches * size
    mapped = dataset_map(dataset, map_func, num_parallel_calls=parallel)
    return mapped.batch(size, drop_remainder=as_flag(drop_remainder, "drop_remainder"))


def dataset_prefetch_to_device(dataset: tf.data.Dataset, device: str,
                               buffer_size: Any = None) -> tf.data.Dataset:
    """Prefetch elements onto ``device`` (e.g. ``"/gpu:0"``); must be the pipeline's last step.

    Example:
        >>> ds = dataset_prefetch_to_device(dataset_batch(range_dataset(0, 10), 2), "/cpu:0", 1)

    Args:
        dataset: A dataset.
        device: A device name.
        buffer_size: Elements to buffer on the device. Defaults to `None` (automatic).

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::dataset_prefetch_to_device()``.
    """
    if not isinstance(device, str) or not device:
        raise bad_argument("device", device, 'a device name such as "/gpu:0"', TypeError)
    size = as_integer(buffer_size, "buffer_size", minimum=1, allow_none=True)
    return _check_dataset(dataset).apply(tf.data.experimental.prefetch_to_device(device, size))


def as_tf_dataset(dataset: Any) -> tf.data.Dataset:
    """``dataset`` itself, once checked to be a dataset (tfdatasets added an R class here).

    Example:
        >>> ds = as_tf_dataset(range_dataset(0, 3))

    Args:
        dataset: A ``tf.data.Dataset``.

    Returns:
        The dataset. Mirrors ``tfdatasets::as_tf_dataset()``.
    """
    return _check_dataset(dataset)


def _element_spec(object: Any) -> Any:
    spec = getattr(object, "element_spec", None)
    if spec is None:
        raise bad_argument("object", object, "a dataset or an iterator", TypeError)
    return spec


def output_types(object: Any) -> Any:
    """The dtype of each component of an element: one ``tf$DType``, or a (named) list of them.

    Example:
        >>> output_types(range_dataset(0, 3))
        tf.int64

    Args:
        object: A dataset or an iterator.

    Returns:
        A ``tf.DType`` or a tuple/dict of them. Mirrors ``tfdatasets::output_types()``.
    """
    return tf.nest.map_structure(lambda s: s._to_legacy_output_types(), _element_spec(object))


def output_shapes(object: Any) -> Any:
    """The shape of each component of an element: a ``tf$TensorShape``, or a (named) list of them.

    Example:
        >>> output_shapes(tensors_dataset(np.arange(100))).as_list()
        [100]

    Args:
        object: A dataset or an iterator.

    Returns:
        A ``tf.TensorShape`` or a tuple/dict of them. Mirrors ``tfdatasets::output_shapes()``.
    """
    return tf.nest.map_structure(lambda s: s._to_legacy_output_shapes(), _element_spec(object))


def _columns(dataset: Any, argument: str = "dataset") -> tuple[list[str], list[str]]:
    spec = _element_spec(dataset)
    if not isinstance(spec, Mapping):
        raise bad_argument(argument, dataset, "a dataset whose elements are named lists (columns), e.g. "
                           "from a data frame or a record_spec", TypeError)
    names = list(spec)
    types = [getattr(s, "dtype", tf.string).name for s in spec.values()]
    return names, types


def column_names(dataset: Any) -> list[str]:
    """The names of a dataset's columns (the names of its named-list elements).

    Example:
        >>> column_names(tensor_slices_dataset({"mpg": np.arange(3.0), "cyl": np.arange(3)}))
        ['mpg', 'cyl']

    Args:
        dataset: A dataset whose elements are named lists (a dict in Python).

    Returns:
        A list of names. Mirrors ``tfdatasets:::column_names()`` (internal in tfdatasets 1.13,
        which its own tests call; exported here).
    """
    return _columns(dataset)[0]


def _stack(features: list[Any], names: list[str]) -> Any:
    dtypes = {f.dtype for f in features}
    if len(dtypes) > 1:
        described = ", ".join(f"{n}: {f.dtype.name}" for n, f in zip(names, features))
        raise bad_argument("named_features", False, f"features of one dtype to stack them into one tensor "
                           f"(got {described}); use named_features = TRUE or cast them with dataset_map() "
                           "first")
    # unbatched features are scalars: stack into a vector; batched ones into (batch, n)
    return tf.stack(features, axis=features[0].shape.rank or 0)


def dataset_prepare(dataset: tf.data.Dataset, x: Any, y: Any = None, named: bool = True,
                    named_features: bool = False, parallel_records: Any = None, batch_size: Any = None,
                    num_parallel_batches: Any = None, drop_remainder: bool = False) -> tf.data.Dataset:
    """Turn elements with named columns into ``list(x = features, y = response)``.

    Example:
        >>> ds = dataset_prepare(csv_dataset, x=["mpg", "disp"], y="cyl")
        >>> ds = dataset_prepare(csv_dataset, "cyl ~ mpg + disp", batch_size=16)

    Args:
        dataset: A dataset whose elements are named lists (dicts).
        x: The features: a selection of columns (names, selectors such as ``all_numeric()``,
            exclusions ``{"-": name}``; see :mod:`~rkeras_bridge.tfdatasets.selectors`; from R
            ``c(mpg, disp)``, ``-Species``, ``starts_with("Sepal")``), or a formula's text
            ``"y ~ a + b"`` (R: the formula ``y ~ a + b``), which names the response too.
        y: The response: a selection of one column. Defaults to `None` (none, unless ``x`` is a
            formula with a left-hand side).
        named: Name the parts ``x`` and ``y`` (a dict) or not (a tuple). Defaults to `True`.
        named_features: Keep the features as a named list (dict); `False` stacks them into one
            tensor, of shape ``(n_features)`` per element (``(batch, n_features)`` when batched),
            which needs one dtype. Defaults to `False`.
        parallel_records: Elements to process in parallel. Defaults to `None`.
        batch_size: Batch the result too (as ``dataset_batch()``). Defaults to `None`.
        num_parallel_batches: With ``batch_size``: batches computed in parallel. Defaults to `None`.
        drop_remainder: With ``batch_size``: drop a last, smaller batch. Defaults to `False`.

    Returns:
        A ``tf.data.Dataset`` of ``{"x": ..., "y": ...}`` (no ``y`` when there is no response).

    Mirrors ``tfdatasets::dataset_prepare()``.
    """
    dataset = _check_dataset(dataset)
    names, types = _columns(dataset)
    response = None
    if isinstance(x, str) and "~" in x:
        response, features = parse_formula(x, names)
    else:
        features = select_columns(names, types, x, "x")
    if y is not None and response is None:
        chosen = select_columns(names, types, y, "y")
        if len(chosen) != 1:
            raise bad_argument("y", y, "one response column")
        response = chosen[0]
    if not features:
        raise bad_argument("x", x, "a selection of at least one feature column")
    named, named_features = as_flag(named, "named"), as_flag(named_features, "named_features")

    def prepare(record: Mapping[str, Any]) -> Any:
        selected = {n: record[n] for n in features}
        x_part = selected if named_features else _stack(list(selected.values()), features)
        parts = [("x", x_part)] + ([("y", record[response])] if response is not None else [])
        return dict(parts) if named else tuple(p for _, p in parts)

    parallel = as_integer(parallel_records, "parallel_records", minimum=-1, allow_none=True)
    if batch_size is None:
        return dataset.map(prepare, num_parallel_calls=parallel)
    return dataset_map_and_batch(dataset, prepare, batch_size, num_parallel_batches=num_parallel_batches,
                                 drop_remainder=drop_remainder, num_parallel_calls=parallel)


def input_fn(dataset: Any = None, features: Any = None, response: Any = None, *args: Any,
             **kwargs: Any) -> Any:
    """Always raises: estimator input functions need tf.estimator, which TensorFlow 2.16 removed.

    Example:
        >>> input_fn(dataset, features=["disp", "cyl"], response="mpg")
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: input_fn() is not available on TensorFlow 2: ...

    Args:
        dataset: A dataset. Defaults to `None`.
        features: The feature columns. Defaults to `None`.
        response: The response column. Defaults to `None`.
        *args: Ignored.
        **kwargs: Ignored.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.

    Mirrors ``tfdatasets::input_fn.tf_dataset()`` (an ``input_fn`` method for tfestimators).
    """
    raise unavailable("input_fn", "an input_fn feeds a tf.estimator Estimator (tfestimators), and "
                      "tf.estimator was removed in TensorFlow 2.16",
                      "dataset_prepare(dataset, x = ..., y = ...) (or feature_spec() with "
                      "dataset_use_spec()) and fit() a Keras model on the dataset")
