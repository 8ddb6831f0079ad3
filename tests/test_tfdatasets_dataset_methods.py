"""tfdatasets' dataset methods (rkeras_bridge.tfdatasets.dataset_methods), on real elements."""
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    as_tf_dataset, column_names, dataset_batch, dataset_cache, dataset_concatenate, dataset_filter,
    dataset_flat_map, dataset_interleave, dataset_map_and_batch, dataset_padded_batch,
    dataset_prefetch_to_device, dataset_prepare, dataset_repeat, dataset_shard,
    dataset_shuffle_and_repeat, dataset_skip, dataset_window, input_fn, next_batch, output_shapes,
    output_types, range_dataset, tensor_slices_dataset, tensors_dataset,
)
from rkeras_bridge.bridge.errors import UnavailableError


def ints(ds):
    return [int(v) for v in ds]


def cars():
    rng = np.random.default_rng(0)
    return tensor_slices_dataset({
        "mpg": rng.uniform(10, 30, 20).astype(np.float32), "cyl": rng.choice([4, 6, 8], 20).astype(np.int32),
        "disp": rng.uniform(70, 400, 20).astype(np.float32), "name": np.array([f"car{i}" for i in range(20)]),
    })


def test_skip_concatenate_shard():
    assert ints(dataset_skip(range_dataset(0, 5), 2)) == [2, 3, 4]
    assert ints(dataset_skip(range_dataset(0, 5), -1)) == []
    assert ints(dataset_concatenate(range_dataset(0, 2), range_dataset(7, 9))) == [0, 1, 7, 8]
    assert ints(dataset_shard(range_dataset(0, 10), 4, 1)) == [1, 5, 9]
    with pytest.raises(ValueError, match="index"):
        dataset_shard(range_dataset(0, 10), 4, 4)
    with pytest.raises(TypeError, match="other"):
        dataset_concatenate(range_dataset(0, 2), tensor_slices_dataset(np.ones((2, 3))))


def test_cache_in_memory_and_on_disk_gives_the_same_elements(tmp_path):
    squares = range_dataset(0, 6).map(lambda x: x * x)
    assert ints(dataset_cache(squares)) == [0, 1, 4, 9, 16, 25]
    on_disk = dataset_cache(squares, filename=str(tmp_path / "cache"))
    assert ints(on_disk) == ints(on_disk) == [0, 1, 4, 9, 16, 25]
    assert any(p.name.startswith("cache") for p in tmp_path.iterdir())  # TensorFlow wrote the cache files
    with pytest.raises(TypeError, match="filename"):
        dataset_cache(squares, filename=3)


def test_filter_takes_a_predicate_of_the_element():
    kept = dataset_filter(cars(), lambda r: (r["mpg"] >= 20) & (r["cyl"] >= 6))
    rows = list(kept.as_numpy_iterator())
    assert rows and all(r["mpg"] >= 20 and r["cyl"] >= 6 for r in rows)
    assert ints(dataset_filter(range_dataset(0, 10), lambda x: x % 3 == 0)) == [0, 3, 6, 9]
    with pytest.raises(TypeError, match="boolean"):
        dataset_filter(range_dataset(0, 3), lambda x: x)
    with pytest.raises(TypeError, match="predicate"):
        dataset_filter(range_dataset(0, 3), "x > 1")


def test_flat_map_and_interleave_order():
    doubled = dataset_flat_map(range_dataset(1, 4), lambda x: dataset_repeat(tensors_dataset(x), 2))
    assert ints(doubled) == [1, 1, 2, 2, 3, 3]
    def six(x):
        return dataset_repeat(tensors_dataset(x), 6)

    woven = dataset_interleave(tensor_slices_dataset(np.array([1, 2, 3, 4, 5])), six, cycle_length=2,
                               block_length=4)
    # tfdatasets' documented example
    blocks = [(1, 4), (2, 4), (1, 2), (2, 2), (3, 4), (4, 4), (3, 2), (4, 2), (5, 6)]
    assert ints(woven) == [v for v, n in blocks for _ in range(n)]
    with pytest.raises(TypeError, match="returns a dataset"):
        dataset_flat_map(range_dataset(1, 3), lambda x: x)


def test_padded_batch_pads_to_shapes_with_values_of_the_element_type():
    rows = tensor_slices_dataset(np.arange(1.1, 9.0).reshape(2, 4).T)       # float64 rows of 2
    batch = next(iter(dataset_padded_batch(rows, 2, padded_shapes=tf.constant([3]), padding_values=77.1)))
    np.testing.assert_allclose(batch.numpy(), [[1.1, 5.1, 77.1], [2.1, 6.1, 77.1]])
    ragged = tensor_slices_dataset(np.arange(1, 5)).map(lambda n: tf.range(n))
    padded = [b.numpy().tolist() for b in dataset_padded_batch(ragged, 2, padded_shapes=[-1])]
    assert padded == [[[0, 0], [0, 1]], [[0, 1, 2, 0], [0, 1, 2, 3]]]
    named = tensor_slices_dataset({"a": np.arange(4)}).map(lambda r: {"a": tf.range(r["a"])})
    first = next(iter(dataset_padded_batch(named, 2, padded_shapes={"a": [3]}, padding_values=-1)))
    assert first["a"].numpy().tolist() == [[-1, -1, -1], [0, -1, -1]]
    with pytest.raises(ValueError, match="padded_shapes"):
        dataset_padded_batch(rows, 2, padded_shapes="three")


def test_window_shuffle_and_repeat_map_and_batch_prefetch_to_device():
    windows = dataset_window(range_dataset(0, 7), size=3, shift=2, drop_remainder=True)
    assert [ints(w) for w in windows] == [[0, 1, 2], [2, 3, 4], [4, 5, 6]]
    shuffled = ints(dataset_shuffle_and_repeat(range_dataset(0, 5), 5, count=2, seed=3))
    assert sorted(shuffled) == sorted(list(range(5)) * 2) and shuffled[:5] != shuffled[5:]
    negated = dataset_map_and_batch(range_dataset(1, 8), lambda x: -x, 3, drop_remainder=True,
                                    num_parallel_batches=2)
    batches = [b.numpy().tolist() for b in negated]
    assert batches == [[-1, -2, -3], [-4, -5, -6]]
    on_cpu = dataset_prefetch_to_device(dataset_batch(range_dataset(0, 4), 2), "/cpu:0", 1)
    assert isinstance(on_cpu, tf.data.Dataset)
    with pytest.raises(TypeError, match="device"):
        dataset_prefetch_to_device(range_dataset(0, 2), 0)


def test_properties():
    ds = cars()
    assert column_names(ds) == ["mpg", "cyl", "disp", "name"]
    assert output_types(ds)["cyl"] == tf.int32 and output_types(ds)["name"] == tf.string
    assert output_shapes(dataset_batch(ds, 5))["mpg"].as_list() == [None]
    assert output_shapes(tensors_dataset(np.arange(100))).as_list() == [100]
    assert output_types(range_dataset(0, 2)) == tf.int64
    assert as_tf_dataset(ds) is ds
    with pytest.raises(TypeError, match="named lists"):
        column_names(range_dataset(0, 2))
    with pytest.raises(TypeError, match="dataset"):
        as_tf_dataset([1, 2])


def test_prepare_stacks_or_names_features_and_adds_the_response():
    batch = next_batch(dataset_prepare(dataset_batch(cars(), 10), x=["mpg", "disp"], y="cyl"))
    assert list(batch) == ["x", "y"] and batch["x"].shape == (10, 2) and batch["y"].dtype == tf.int32
    rows = list(cars().as_numpy_iterator())
    np.testing.assert_allclose(batch["x"].numpy()[:, 1], [r["disp"] for r in rows[:10]])
    by_formula = next_batch(dataset_prepare(cars(), "cyl ~ mpg + disp", batch_size=4))
    assert by_formula["x"].shape == (4, 2) and by_formula["y"].shape == (4,)
    named = next_batch(dataset_prepare(cars(), x={"-": "name"}, y="cyl", named_features=True))
    # as in tfdatasets, x's selection does not leave out the response: -name keeps cyl
    assert list(named["x"]) == ["mpg", "cyl", "disp"] and named["y"].dtype == tf.int32
    unnamed = next_batch(dataset_prepare(cars(), x=["mpg"], named=False))
    assert isinstance(unnamed, tuple) and len(unnamed) == 1


def test_prepare_errors():
    with pytest.raises(ValueError, match="one dtype"):
        next_batch(dataset_prepare(cars(), x=["mpg", "cyl"]))
    with pytest.raises(ValueError, match="one response"):
        dataset_prepare(cars(), x=["mpg"], y=["cyl", "disp"])
    with pytest.raises(ValueError, match="names of columns"):
        dataset_prepare(cars(), x=["speed"])


def test_input_fn_is_unavailable_with_a_reason():
    with pytest.raises(UnavailableError, match="tf.estimator was removed"):
        input_fn(cars(), features=["mpg"], response="cyl")
