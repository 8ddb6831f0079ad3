"""``timeseries_generator()``: batches of windows over a time series, Keras 2.2.4's ``TimeseriesGenerator``.

Keras 3 dropped ``keras.preprocessing.sequence.TimeseriesGenerator`` (its successor,
``timeseries_dataset_from_array``, counts windows differently). :class:`TimeseriesGenerator` is the
Keras 2.2.4 class rebuilt on ``keras.utils.PyDataset``, so ``fit_generator()`` and ``fit()`` draw from
it by index, as Keras 2.2.4 drew from a ``Sequence``.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument

__all__ = ["TimeseriesGenerator", "timeseries_generator"]


def _as_array(value: Any, name: str) -> np.ndarray:
    if isinstance(value, (str, bytes)) or value is None:
        raise bad_argument(name, value, "an array or vector of numbers with time along its first axis",
                           TypeError)
    array = np.asarray(value)
    if array.ndim == 0 or array.dtype.kind not in "biuf":
        raise bad_argument(name, value, "an array or vector of numbers with time along its first axis")
    return array


class TimeseriesGenerator(keras.utils.PyDataset):
    """Batches of ``(samples, targets)``: windows of ``data`` ending before row ``i``, and ``targets[i]``.

    Rows are 0-based, as in Keras. Batch ``k`` holds the windows ending at rows
    ``start_index + length + k * batch_size * stride``, ``...+ stride``, ... up to ``end_index``.
    """

    def __init__(self, data: Any, targets: Any, length: Any, sampling_rate: Any = 1, stride: Any = 1,
                 start_index: Any = 0, end_index: Any = None, shuffle: Any = False, reverse: Any = False,
                 batch_size: Any = 128) -> None:
        super().__init__()
        self.data = _as_array(data, "data")
        self.targets = _as_array(targets, "targets")
        if len(self.data) != len(self.targets):
            raise bad_argument("targets", targets, f"as many rows as data ({len(self.data)} rows; "
                                                   f"targets has {len(self.targets)})")
        self.length = as_integer(length, "length", minimum=1)
        self.sampling_rate = as_integer(sampling_rate, "sampling_rate", minimum=1)
        self.stride = as_integer(stride, "stride", minimum=1)
        self.start_index = as_integer(start_index, "start_index", minimum=0) + self.length
        end = as_integer(end_index, "end_index", minimum=0, allow_none=True)
        self.end_index = len(self.data) - 1 if end is None else end
        self.shuffle = as_flag(shuffle, "shuffle")
        self.reverse = as_flag(reverse, "reverse")
        self.batch_size = as_integer(batch_size, "batch_size", minimum=1)
        if self.start_index > self.end_index:
            raise bad_argument("length", length,
                               f"a window that fits: start_index + length ({self.start_index}) must not be "
                               f"after end_index ({self.end_index})")

    def __len__(self) -> int:
        span = self.batch_size * self.stride
        return (self.end_index - self.start_index + span) // span

    def __getitem__(self, index: Any) -> tuple[np.ndarray, np.ndarray]:
        index = int(index)
        if not 0 <= index < len(self):
            raise IndexError(f"batch {index} of a TimeseriesGenerator with {len(self)} batches")
        if self.shuffle:
            rows = np.random.randint(self.start_index, self.end_index + 1, size=self.batch_size)
        else:
            first = self.start_index + self.batch_size * self.stride * index
            last = min(first + self.batch_size * self.stride, self.end_index + 1)
            rows = np.arange(first, last, self.stride)
        samples = np.array([self.data[row - self.length:row:self.sampling_rate] for row in rows])
        targets = np.array([self.targets[row] for row in rows])
        if self.reverse:
            return samples[:, ::-1, ...], targets
        return samples, targets

    def __repr__(self) -> str:
        return (f"<TimeseriesGenerator: {len(self)} batches of up to {self.batch_size} windows of "
                f"{len(range(0, self.length, self.sampling_rate))} steps>")


def timeseries_generator(data: Any, targets: Any, length: Any, sampling_rate: Any = 1, stride: Any = 1,
                         start_index: Any = 0, end_index: Any = None, shuffle: Any = False,
                         reverse: Any = False, batch_size: Any = 128) -> TimeseriesGenerator:
    """Batches of windows over a time series, for ``fit_generator()`` and friends.

    Example:
        >>> gen = timeseries_generator(np.arange(10), np.arange(10), length=3, batch_size=2)
        >>> gen[0]
        (array([[0, 1, 2],
               [1, 2, 3]]), array([3, 4]))

    Args:
        data: Values with time along the first axis (a vector, matrix or array).
        targets: Targets with as many rows as ``data``; window ending before row ``i`` gets
            ``targets[i]``.
        length: Length of the history of each window, in time steps.
        sampling_rate: Take every ``sampling_rate``-th step of the history (a window has
            ``ceiling(length / sampling_rate)`` steps). Defaults to `1`.
        stride: Steps between consecutive windows. Defaults to `1`.
        start_index: First row (0-based, as in Keras) that windows may use. Defaults to `0`.
        end_index: Last row (0-based) that windows may end at. Defaults to `None` (the last row).
        shuffle: Draw each batch's window ends at random (``np.random``) instead of in order.
            Defaults to `False`.
        reverse: Windows in reverse time order. Defaults to `False`.
        batch_size: Windows per batch (the last batch may have fewer). Defaults to `128`.

    Returns:
        A :class:`TimeseriesGenerator` (a ``keras.utils.PyDataset``: ``len()`` batches, indexed from 0).

    Mirrors ``keras::timeseries_generator()``.
    """
    return TimeseriesGenerator(data, targets, length, sampling_rate=sampling_rate, stride=stride,
                               start_index=start_index, end_index=end_index, shuffle=shuffle, reverse=reverse,
                               batch_size=batch_size)
