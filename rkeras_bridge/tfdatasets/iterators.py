"""tfdatasets' iterators beyond the one-shot one: ``next_batch()``, ``with_dataset()``, and the TF1
iterator constructors.

TF1 had four kinds of iterator. One-shot iterators (:func:`~rkeras_bridge.tfdatasets.datasets.
make_iterator_one_shot`) and iterators "from structure" (:func:`make_iterator_from_structure`, re-pointed
at a dataset by :func:`iterator_make_initializer`) can be honoured eagerly, and are. Initializable
iterators, their ``initializer`` op and string handles only exist in a TF1 graph run by a session:
those functions raise :class:`~rkeras_bridge.bridge.errors.UnavailableError`, saying what to use instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import tensorflow as tf

from ..bridge.errors import bad_argument, unavailable
from ..bridge.r_threads import keep_until_served, waits_on_tensorflow_threads
from .datasets import _check_dataset

__all__ = [
    "next_batch",
    "with_dataset",
    "out_of_range_handler",
    "make_iterator_initializable",
    "make_iterator_from_structure",
    "make_iterator_from_string_handle",
    "iterator_initializer",
    "iterator_make_initializer",
    "iterator_string_handle",
]

_GRAPH_ONLY = ("it exists only in a TF1 graph, where a session runs its initializer op; TensorFlow 2 runs "
               "eagerly and has no sessions")


@waits_on_tensorflow_threads
def next_batch(dataset: tf.data.Dataset) -> Any:
    """The first element (batch) of ``dataset``.

    In TF1 graph mode this was a tensor that gave the next batch each time a session ran it;
    run eagerly (as tfdatasets did under eager execution) it is the value of the first element.

    Example:
        >>> batch = next_batch(dataset_batch(range_dataset(1, 11), 10))
        >>> batch.numpy().tolist()
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

    Args:
        dataset: A dataset.

    Returns:
        The element: a tensor, or a tuple/dict of them. An empty dataset raises
        ``tf.errors.OutOfRangeError``, as TF1's ``get_next()`` did.

    Mirrors ``tfdatasets::next_batch()``.
    """
    iterator = keep_until_served(iter(_check_dataset(dataset)))
    try:
        element = next(iterator)
    except StopIteration:
        raise tf.errors.OutOfRangeError(None, None, "End of sequence: the dataset is empty") from None
    if isinstance(element, Mapping) and list(element) == ["y", "x"]:
        element = {"x": element["x"], "y": element["y"]}
    return element


@contextlib.contextmanager
def with_dataset() -> Iterator[None]:
    """A block that ends quietly when a dataset iterator reaches its end.

    Example:
        >>> it = make_iterator_one_shot(dataset_batch(range_dataset(0, 50), 10))
        >>> with with_dataset():
        ...     while True:
        ...         batch = iterator_get_next(it)

    Returns:
        A context manager that swallows ``tf.errors.OutOfRangeError`` (other errors pass).

    Mirrors ``tfdatasets::with_dataset({ ... })`` (R evaluates the block once).
    """
    try:
        yield
    except tf.errors.OutOfRangeError:
        pass


def out_of_range_handler(e: BaseException) -> None:
    """Ignore ``e`` when it is the end of a dataset (``OutOfRangeError``), raise it again otherwise.

    Example:
        >>> try:
        ...     iterator_get_next(it)
        ... except Exception as e:
        ...     out_of_range_handler(e)

    Args:
        e: An exception (in R, the condition caught by ``tryCatch(error = out_of_range_handler)``).

    Returns:
        `None` for the end of a dataset.

    Mirrors ``tfdatasets::out_of_range_handler()``.
    """
    if isinstance(e, tf.errors.OutOfRangeError):
        return None
    if isinstance(e, BaseException):
        raise e
    raise bad_argument("e", e, "an error (condition)", TypeError)


def make_iterator_initializable(dataset: Any = None, shared_name: Any = None) -> Any:
    """Always raises: initializable iterators need a TF1 graph and a session.

    Example:
        >>> make_iterator_initializable(range_dataset(0, 10))
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: make_iterator_initializable() is not available ...

    Args:
        dataset: A dataset. Defaults to `None`.
        shared_name: Ignored. Defaults to `None`.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.

    Mirrors ``tfdatasets::make_iterator_initializable()``.
    """
    raise unavailable("make_iterator_initializable", _GRAPH_ONLY,
                      "make_iterator_one_shot(dataset) (or as_iterator()) for each pass; to re-point one "
                      "iterator at several datasets, make_iterator_from_structure() with "
                      "iterator_make_initializer()")


def iterator_initializer(iterator: Any = None) -> Any:
    """Always raises: an iterator's initializer is a TF1 graph op that a session runs.

    Example:
        >>> iterator_initializer(it)
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: iterator_initializer() is not available ...

    Args:
        iterator: An iterator. Defaults to `None`.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.

    Mirrors ``tfdatasets::iterator_initializer()``.
    """
    raise unavailable("iterator_initializer", _GRAPH_ONLY,
                      "iterator_make_initializer(iterator, dataset), which starts a new pass at once, or a "
                      "new make_iterator_one_shot(dataset)")


def make_iterator_from_string_handle(string_handle: Any = None, output_types: Any = None,
                                     output_shapes: Any = None) -> Any:
    """Always raises: string handles name iterators inside a TF1 session.

    Example:
        >>> make_iterator_from_string_handle(handle, output_types(ds))
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: make_iterator_from_string_handle() is not ...

    Args:
        string_handle: A string tensor (a TF1 placeholder). Defaults to `None`.
        output_types: Element dtypes. Defaults to `None`.
        output_shapes: Element shapes. Defaults to `None`.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.

    Mirrors ``tfdatasets::make_iterator_from_string_handle()``.
    """
    raise unavailable("make_iterator_from_string_handle", "a string handle is fed to a placeholder in a TF1 "
                      "session to switch iterators; TensorFlow 2 has no sessions or placeholders",
                      "keep one iterator per dataset (make_iterator_one_shot() or as_iterator()) and call "
                      "iterator_get_next() on the one you want")


def iterator_string_handle(iterator: Any = None, name: Any = None) -> Any:
    """Always raises: string handles exist only inside a TF1 session.

    Example:
        >>> iterator_string_handle(it)
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: iterator_string_handle() is not available ...

    Args:
        iterator: An iterator. Defaults to `None`.
        name: Ignored. Defaults to `None`.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.

    Mirrors ``tfdatasets::iterator_string_handle()``.
    """
    raise unavailable("iterator_string_handle", "a string handle is fed to a placeholder in a TF1 session; "
                      "TensorFlow 2 has no sessions or placeholders",
                      "keep the iterator itself and call iterator_get_next() on it")


def _structure_of(value: Any) -> Any:
    """An R list (Python list) of types or shapes as the tuple TensorFlow means by it."""
    if isinstance(value, (list, tuple)):
        return tuple(_structure_of(v) for v in value)
    if isinstance(value, Mapping):
        return {k: _structure_of(v) for k, v in value.items()}
    return value


class StructureIterator:
    """An iterator bound to an element structure, not to a dataset (TF1's ``Iterator.from_structure``).

    :func:`iterator_make_initializer` points it at a dataset with that structure and starts a pass;
    ``get_next()`` (or :func:`iterator_get_next`) gives the next element and raises
    ``tf.errors.OutOfRangeError`` at the end, as TF1 did once its initializer had run.
    """

    def __init__(self, output_types: Any, output_shapes: Any = None) -> None:
        types = _structure_of(output_types)
        try:
            types = tf.nest.map_structure(tf.as_dtype, types)
        except TypeError as exc:
            raise bad_argument("output_types", output_types, "a tf$DType or a (named) list of them (e.g. "
                               "from output_types(dataset))", TypeError) from exc
        if output_shapes is None:
            shapes = tf.nest.map_structure(lambda _: tf.TensorShape(None), types)
        else:
            shapes = _structure_of(output_shapes)
            try:
                tf.nest.assert_same_structure(types, shapes, check_types=False)
                shapes = tf.nest.map_structure(tf.TensorShape, shapes)
            except (TypeError, ValueError) as exc:
                raise bad_argument("output_shapes", output_shapes,
                                   f"shapes with the structure of output_types ({exc})") from exc
        self.output_types, self.output_shapes = types, shapes
        self._iterator: Any = None

    @property
    def element_spec(self) -> Any:
        return tf.nest.map_structure(lambda t, s: tf.TensorSpec(s, t), self.output_types, self.output_shapes)

    def make_initializer(self, dataset: tf.data.Dataset) -> None:
        spec = _check_dataset(dataset).element_spec
        try:
            tf.nest.assert_same_structure(self.output_types, spec, check_types=False)
            compatible = all(
                isinstance(s, tf.TensorSpec) and s.dtype == t and shape.is_compatible_with(s.shape)
                for t, shape, s in zip(tf.nest.flatten(self.output_types),
                                       tf.nest.flatten(self.output_shapes), tf.nest.flatten(spec)))
        except (TypeError, ValueError):
            compatible = False
        if not compatible:
            raise bad_argument("dataset", dataset, f"a dataset whose elements have the iterator's types "
                               f"{self.output_types} and shapes {self.output_shapes}", TypeError)
        self._iterator = keep_until_served(iter(dataset))

    def get_next(self) -> Any:
        if self._iterator is None:
            raise tf.errors.FailedPreconditionError(
                None, None, "GetNext() failed because the iterator has not been initialized: call "
                "iterator_make_initializer(iterator, dataset) first")
        try:
            return next(self._iterator)
        except StopIteration:
            raise tf.errors.OutOfRangeError(None, None, "End of sequence") from None

    def __repr__(self) -> str:
        return f"<StructureIterator types={self.output_types} shapes={self.output_shapes}>"


def make_iterator_from_structure(output_types: Any, output_shapes: Any = None,
                                 shared_name: Any = None) -> Any:
    """An iterator for elements of the given types and shapes, not yet bound to a dataset.

    Example:
        >>> it = make_iterator_from_structure(output_types(train), output_shapes(train))
        >>> iterator_make_initializer(it, train)      # a pass over train
        >>> x = iterator_get_next(it)
        >>> iterator_make_initializer(it, valid)      # now a pass over valid

    Args:
        output_types: A ``tf$DType`` or a (named) list of them (e.g. ``output_types(dataset)``).
        output_shapes: The matching shapes. Defaults to `None` (any shape).
        shared_name: Ignored (TF1 sessions shared iterators by name). Defaults to `None`.

    Returns:
        A :class:`StructureIterator`; :func:`iterator_make_initializer` starts a pass over a dataset.

    Mirrors ``tfdatasets::make_iterator_from_structure()``.
    """
    return StructureIterator(output_types, output_shapes)


def iterator_make_initializer(iterator: Any, dataset: tf.data.Dataset, name: Any = None) -> None:
    """Point ``iterator`` at ``dataset`` and start a new pass over it, at once.

    In TF1 this returned an op that a session ran to (re)start the iterator; eagerly it does so
    when called.

    Example:
        >>> iterator_make_initializer(it, valid)

    Args:
        iterator: An iterator from :func:`make_iterator_from_structure`.
        dataset: A dataset with the iterator's element types and compatible shapes.
        name: Ignored. Defaults to `None`.

    Returns:
        `None`; ``iterator_get_next(iterator)`` now reads ``dataset``.

    Mirrors ``tfdatasets::iterator_make_initializer()``.
    """
    if not isinstance(iterator, StructureIterator):
        raise bad_argument("iterator", iterator, "an iterator from make_iterator_from_structure() (a "
                           "one-shot iterator cannot be re-initialized)", TypeError)
    iterator.make_initializer(dataset)
