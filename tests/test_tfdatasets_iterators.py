"""Iterators beyond one-shot (rkeras_bridge.tfdatasets.iterators): next_batch, with_dataset, from_structure,
and the TF1 graph-only constructors' classed errors."""
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    dataset_batch, iterator_get_next, iterator_initializer, iterator_make_initializer,
    iterator_string_handle, make_iterator_from_string_handle, make_iterator_from_structure,
    make_iterator_initializable, make_iterator_one_shot, next_batch, out_of_range_handler,
    output_shapes, output_types, range_dataset, tensor_slices_dataset, with_dataset,
)
from rkeras_bridge.bridge import r_threads
from rkeras_bridge.bridge.errors import UnavailableError


def test_next_batch_is_the_first_element():
    assert next_batch(dataset_batch(range_dataset(1, 11), 10)).numpy().tolist() == list(range(1, 11))
    element = next_batch(tensor_slices_dataset({"y": np.arange(3), "x": np.arange(3) * 2}))
    assert list(element) == ["x", "y"]                    # tfdatasets put x before y
    with pytest.raises(tf.errors.OutOfRangeError):
        next_batch(range_dataset(0, 0))
    assert getattr(next_batch, "_rkeras_bridge_waits", False)   # R serves queued R calls meanwhile


def test_with_dataset_ends_quietly_at_the_end_only():
    it = make_iterator_one_shot(dataset_batch(range_dataset(0, 50), 10))
    seen = []
    with with_dataset():
        while True:
            seen.append(iterator_get_next(it).numpy().tolist())
    assert len(seen) == 5 and seen[-1] == list(range(40, 50))
    with pytest.raises(ZeroDivisionError), with_dataset():
        1 / 0


def test_out_of_range_handler():
    assert out_of_range_handler(tf.errors.OutOfRangeError(None, None, "end")) is None
    with pytest.raises(KeyError):
        out_of_range_handler(KeyError("x"))


def test_from_structure_iterator_is_re_pointed_at_datasets():
    train, valid = range_dataset(1, 100).map(lambda x: x * 2), range_dataset(1, 50)
    it = make_iterator_from_structure(output_types(train), output_shapes(train))
    with pytest.raises(tf.errors.FailedPreconditionError, match="initialized"):
        iterator_get_next(it)
    for _ in range(3):
        iterator_make_initializer(it, train)
        assert [int(iterator_get_next(it)) for _ in range(99)][-1] == 198
        with pytest.raises(tf.errors.OutOfRangeError):
            iterator_get_next(it)
        iterator_make_initializer(it, valid)
        assert int(iterator_get_next(it)) == 1
    assert output_types(it) == tf.int64


def test_from_structure_refuses_other_structures():
    it = make_iterator_from_structure({"a": tf.int32}, {"a": tf.TensorShape([])})
    with pytest.raises(TypeError, match="types"):
        iterator_make_initializer(it, range_dataset(0, 3))
    with pytest.raises(TypeError, match="output_types"):
        make_iterator_from_structure("not a type")
    with pytest.raises(TypeError, match="make_iterator_from_structure"):
        iterator_make_initializer(make_iterator_one_shot(range_dataset(0, 2)), range_dataset(0, 2))


def test_iterators_keep_until_served_when_r_functions_exist(monkeypatch):
    # an R function handed to TensorFlow exists: iterators are kept for serve_r_calls() to let go
    monkeypatch.setattr(r_threads, "_HANDED_OFF", [1])
    monkeypatch.setattr(r_threads, "_KEPT", [])
    it = make_iterator_from_structure(tf.int64, tf.TensorShape([]))
    iterator_make_initializer(it, range_dataset(0, 2))
    next_batch(range_dataset(0, 2))
    assert len(r_threads._KEPT) == 2


@pytest.mark.parametrize("call", [
    lambda: make_iterator_initializable(range_dataset(0, 3)),
    lambda: iterator_initializer(None),
    lambda: make_iterator_from_string_handle(None, tf.int64),
    lambda: iterator_string_handle(None),
])
def test_graph_only_iterators_raise_a_classed_error_saying_what_to_use(call):
    with pytest.raises(UnavailableError, match="Instead: "):
        call()
