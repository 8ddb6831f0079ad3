import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    dataset_batch, dataset_prefetch, dataset_repeat, dataset_shuffle, dataset_take, iterator_get_next,
    make_iterator_one_shot, tensor_slices_dataset, until_out_of_range,
)


def test_list_of_columns_gives_tuple_elements():
    x, y = np.arange(12.0).reshape(6, 2), np.arange(6)
    ds = dataset_batch(tensor_slices_dataset([x, y]), 4)
    batches = list(until_out_of_range(make_iterator_one_shot(ds)))
    assert [b[0].shape[0] for b in batches] == [4, 2]
    np.testing.assert_array_equal(batches[0][0].numpy(), x[:4])
    np.testing.assert_array_equal(batches[1][1].numpy(), y[4:])


def test_named_list_gives_dict_elements_and_drop_remainder():
    ds = dataset_batch(tensor_slices_dataset({"a": np.arange(5), "b": np.arange(5) * 2}), 2, drop_remainder=True)
    batches = list(ds)
    assert len(batches) == 2 and set(batches[0]) == {"a", "b"}


def test_shuffle_is_seeded_and_a_permutation():
    def order(seed):
        return [int(v) for v in dataset_shuffle(tensor_slices_dataset(np.arange(20)), 20, seed=seed)]

    assert order(3) == order(3)
    assert sorted(order(3)) == list(range(20)) and order(3) != list(range(20))


def test_iterator_get_next_raises_out_of_range_at_the_end():
    it = make_iterator_one_shot(tensor_slices_dataset(np.arange(2)))
    assert int(iterator_get_next(it)) == 0 and int(iterator_get_next(it)) == 1
    with pytest.raises(tf.errors.OutOfRangeError):
        iterator_get_next(it)


def test_repeat_take_prefetch():
    ds = dataset_prefetch(dataset_take(dataset_repeat(tensor_slices_dataset(np.arange(3)), 2.0), 5.0))
    assert [int(v) for v in ds] == [0, 1, 2, 0, 1]


@pytest.mark.parametrize("call, match", [
    (lambda: tensor_slices_dataset(None), "tensors"),
    (lambda: tensor_slices_dataset([np.arange(3), np.arange(4)]), "equal first dimensions"),
    (lambda: dataset_batch(np.arange(3), 2), "dataset"),
    (lambda: dataset_batch(tensor_slices_dataset(np.arange(3)), 0), "batch_size"),
    (lambda: dataset_batch(tensor_slices_dataset(np.arange(3)), 2.5), "batch_size"),
    (lambda: dataset_shuffle(tensor_slices_dataset(np.arange(3)), 3, seed=0.5), "seed"),
    (lambda: iterator_get_next([1, 2]), "iterator"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
