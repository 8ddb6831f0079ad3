import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    as_iterator, dataset_batch, dataset_map, dataset_prefetch, dataset_repeat, dataset_shuffle, dataset_take,
    iter_next, iterator_get_next, make_iterator_one_shot, tensor_slices_dataset, until_out_of_range,
)


def test_list_of_columns_gives_tuple_elements():
    x, y = np.arange(12.0).reshape(6, 2), np.arange(6)
    ds = dataset_batch(tensor_slices_dataset([x, y]), 4)
    batches = list(until_out_of_range(make_iterator_one_shot(ds)))
    assert [b[0].shape[0] for b in batches] == [4, 2]
    np.testing.assert_array_equal(batches[0][0].numpy(), x[:4])
    np.testing.assert_array_equal(batches[1][1].numpy(), y[4:])


def test_named_list_gives_dict_elements_and_drop_remainder():
    ds = dataset_batch(tensor_slices_dataset({"a": np.arange(5), "b": np.arange(5) * 2}), 2,
                       drop_remainder=True)
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


# --- data frames, dataset_map, as_iterator / iter_next ---------------------------------------


def test_data_frame_rows_become_dict_elements():
    import pandas as pd
    frame = pd.DataFrame({"mpg": [21.0, 22.8, 18.7], "cyl": np.array([6, 4, 8], dtype=np.int32),
                          "name": ["a", "b", "c"], "gear": pd.Categorical(["four", "four", "three"])})
    rows = list(tensor_slices_dataset(frame).as_numpy_iterator())
    assert rows[1] == {"mpg": 22.8, "cyl": 4, "name": b"b", "gear": b"four"}
    batch = next(iter(dataset_batch(tensor_slices_dataset(frame), 3)))
    np.testing.assert_array_equal(batch["cyl"].numpy(), [6, 4, 8])
    assert batch["cyl"].dtype == tf.int32 and batch["gear"].dtype == tf.string


def test_data_frame_with_missing_strings_names_the_column():
    import pandas as pd
    with pytest.raises(ValueError, match=r"tensors\$name"):
        tensor_slices_dataset(pd.DataFrame({"name": ["a", None]}))


def test_dataset_map_traces_once_and_unpacks_tuple_elements():
    calls = []

    def double_x(x, y):
        calls.append(1)
        return [x * 2, y]  # a list, as an R function returns: one tuple element

    ds = dataset_map(tensor_slices_dataset([np.arange(4), np.arange(4) + 10]), double_x)
    assert [(int(a), int(b)) for a, b in ds] == [(0, 10), (2, 11), (4, 12), (6, 13)]
    assert [(int(a), int(b)) for a, b in ds] == [(0, 10), (2, 11), (4, 12), (6, 13)]
    assert len(calls) == 1


def test_dataset_map_dict_elements_and_parallel_calls():
    ds = tensor_slices_dataset({"a": np.arange(5.0), "b": np.ones(5)})
    out = dataset_map(ds, lambda row: {"s": row["a"] + row["b"]}, num_parallel_calls=2.0)
    assert [float(e["s"]) for e in out] == [1.0, 2.0, 3.0, 4.0, 5.0]
    auto = dataset_map(tensor_slices_dataset(np.arange(3)), lambda x: x * x, num_parallel_calls=-1)
    assert [int(v) for v in auto] == [0, 1, 4]


def test_as_iterator_and_iter_next_return_completed_at_the_end():
    it = as_iterator(dataset_batch(tensor_slices_dataset(np.arange(5)), 2))
    sizes = []
    while (batch := iter_next(it)) is not None:
        sizes.append(int(batch.shape[0]))
    assert sizes == [2, 2, 1]
    assert iter_next(it) is None and iter_next(it, completed="done") == "done"
    it2 = as_iterator(tensor_slices_dataset(np.arange(1)))
    assert int(iter_next(it2, completed=-1)) == 0 and iter_next(it2, completed=-1) == -1


@pytest.mark.parametrize("call, error, match", [
    (lambda: dataset_map(tensor_slices_dataset(np.arange(3)), "x * 2"), TypeError, "map_func"),
    (lambda: dataset_map(np.arange(3), lambda x: x), TypeError, "dataset"),
    (lambda: dataset_map(tensor_slices_dataset(np.arange(3)), lambda x: x, num_parallel_calls=0), ValueError,
     "num_parallel_calls"),
    (lambda: dataset_map(tensor_slices_dataset(np.arange(3)), lambda x: x, num_parallel_calls=1.5),
     ValueError, "num_parallel_calls"),
    (lambda: as_iterator(3), TypeError, "dataset"),
    (lambda: iter_next(tensor_slices_dataset(np.arange(3))), TypeError, "as_iterator"),
])
def test_map_and_iterator_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- tensors_dataset, sparse slices, range, zip, sample ----------------------------------------


def test_tensors_dataset_is_one_whole_element():
    from rkeras_bridge import tensors_dataset

    elements = list(tensors_dataset([np.arange(4), {"a": np.ones(2)}]))
    assert len(elements) == 1
    first, second = elements[0]
    np.testing.assert_array_equal(first.numpy(), np.arange(4))
    np.testing.assert_array_equal(second["a"].numpy(), np.ones(2))
    with pytest.raises(ValueError, match="tensors"):
        tensors_dataset(None)


def test_sparse_tensor_slices_gives_sparse_rows():
    from rkeras_bridge import sparse_tensor_slices_dataset

    st = tf.SparseTensor(indices=[[0, 0], [1, 2]], values=[1, 2], dense_shape=[3, 4])
    rows = [tf.sparse.to_dense(r).numpy().tolist() for r in sparse_tensor_slices_dataset(st)]
    assert rows == [[1, 0, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0]]
    with pytest.raises(TypeError, match="sparse_tensor"):
        sparse_tensor_slices_dataset(np.ones((2, 2)))


def test_range_dataset_counts_like_python_range():
    from rkeras_bridge import range_dataset

    assert [int(v) for v in range_dataset(1, 11)] == list(range(1, 11))
    assert [int(v) for v in range_dataset(10, 0, -3)] == [10, 7, 4, 1]
    assert range_dataset(0, 3).element_spec.dtype == tf.int64
    assert range_dataset(0, 3, dtype="int32").element_spec.dtype == tf.int32
    with pytest.raises(ValueError, match="by"):
        range_dataset(0, 3, 0)
    with pytest.raises(ValueError, match="from"):
        range_dataset(0.5, 3)


def test_zip_datasets_takes_datasets_or_one_list():
    from rkeras_bridge import range_dataset, zip_datasets

    pairs = [(int(a), int(b)) for a, b in zip_datasets(range_dataset(0, 3), range_dataset(10, 20))]
    assert pairs == [(0, 10), (1, 11), (2, 12)]
    listed = [(int(a), int(b)) for a, b in zip_datasets([range_dataset(0, 2), range_dataset(5, 7)])]
    assert listed == [(0, 5), (1, 6)]
    named = next(iter(zip_datasets({"x": range_dataset(0, 2), "y": range_dataset(5, 7)})))
    assert {k: int(v) for k, v in named.items()} == {"x": 0, "y": 5}
    with pytest.raises(TypeError, match="datasets"):
        zip_datasets([1, 2])


def test_sample_from_datasets_draws_every_element_and_follows_weights():
    from rkeras_bridge import range_dataset, sample_from_datasets

    drawn = [int(v) for v in sample_from_datasets([range_dataset(0, 5), range_dataset(100, 105)], seed=1)]
    assert sorted(drawn) == [0, 1, 2, 3, 4, 100, 101, 102, 103, 104]
    assert [v for v in drawn if v < 100] == [0, 1, 2, 3, 4]      # each dataset's order is kept
    only_first = [int(v) for v in sample_from_datasets([range_dataset(0, 5), range_dataset(100, 105)],
                                                       weights=[1.0, 0.0], seed=2)]
    assert only_first == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="weights"):
        sample_from_datasets([range_dataset(0, 5)], weights=[0.5, 0.5])
