"""timeseries_generator(): Keras 2.2.4's TimeseriesGenerator windows, checked by hand."""
import keras
import numpy as np
import pytest

from rkeras_bridge import compile, fit_generator, keras_model_sequential, layer_dense, layer_flatten
from rkeras_bridge import timeseries_generator

DATA = np.arange(50, dtype=np.float64).reshape(50, 1)


def test_windows_and_targets_by_hand():
    gen = timeseries_generator(DATA, DATA * 10, length=10, sampling_rate=2.0, batch_size=2)
    assert isinstance(gen, keras.utils.PyDataset)
    # window ends at rows 10, 11, ... 49: 40 windows, 20 batches
    assert len(gen) == 20
    x, y = gen[0]
    np.testing.assert_array_equal(x[:, :, 0], [[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]])
    np.testing.assert_array_equal(y, [[100], [110]])
    x, y = gen[19]
    np.testing.assert_array_equal(x[:, :, 0], [[38, 40, 42, 44, 46], [39, 41, 43, 45, 47]])
    np.testing.assert_array_equal(y[:, 0], [480, 490])
    with pytest.raises(IndexError):
        gen[20]


def test_stride_start_end_reverse_and_short_last_batch():
    gen = timeseries_generator(np.arange(20), np.arange(20), length=3, stride=2, start_index=2, end_index=12,
                               reverse=True, batch_size=2)
    # ends 5, 7, 9, 11 (start_index + length = 5, end_index 12): 4 windows, 2 batches
    assert len(gen) == 2
    x, y = gen[0]
    np.testing.assert_array_equal(x, [[4, 3, 2], [6, 5, 4]])
    np.testing.assert_array_equal(y, [5, 7])
    last = timeseries_generator(np.arange(10), np.arange(10), length=3, batch_size=4)
    assert len(last) == 2 and last[1][0].shape == (3, 3)  # rows 7, 8, 9


def test_shuffle_draws_rows_with_numpy():
    gen = timeseries_generator(np.arange(30), np.arange(30) * 2, length=4, shuffle=True, batch_size=5)
    np.random.seed(7)
    x, y = gen[0]
    np.random.seed(7)
    rows = np.random.randint(4, 30, size=5)
    np.testing.assert_array_equal(y, rows * 2)
    np.testing.assert_array_equal(x, [np.arange(r - 4, r) for r in rows])


def test_trains_with_fit_generator():
    gen = timeseries_generator(DATA / 50, DATA / 50, length=4, batch_size=8)
    model = keras_model_sequential()
    layer_flatten(model, input_shape=[4, 1])
    layer_dense(model, units=1)
    compile(model, loss="mse", optimizer="sgd")
    history = fit_generator(model, gen, steps_per_epoch=len(gen), epochs=2, verbose=0)
    assert len(history["metrics"]["loss"]) == 2


@pytest.mark.parametrize("kwargs, match", [
    (dict(targets=np.arange(49)), "targets"),
    (dict(length=0), "length"),
    (dict(length=60), "length"),
    (dict(sampling_rate=0), "sampling_rate"),
    (dict(batch_size=2.5), "batch_size"),
    (dict(reverse="no"), "reverse"),
    (dict(data="abc"), "data"),
])
def test_bad_input_names_the_argument(kwargs, match):
    args = dict(data=DATA, targets=DATA, length=5) | kwargs
    with pytest.raises((ValueError, TypeError), match=match):
        timeseries_generator(**args)
