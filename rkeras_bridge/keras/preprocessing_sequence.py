"""Word2vec helpers of Keras 2's ``keras.preprocessing.sequence``: ``make_sampling_table()``, ``skipgrams()``.

Keras 3 dropped both from its public API (``pad_sequences`` moved to ``keras.utils`` and lives in
``preprocessing_text`` here). They are rebuilt with Keras 2.2.4's formulas and its use of Python's
``random`` module, so a session seeded with ``use_session_with_seed()`` draws the same pairs.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from ..bridge.conversion import as_flag, as_integer, as_number
from ..bridge.errors import bad_argument

__all__ = ["make_sampling_table", "skipgrams"]

# Keras 2 used this rounded Euler-Mascheroni constant; the table's values depend on it.
_GAMMA = 0.577


def make_sampling_table(size: Any, sampling_factor: Any = 1e-05) -> np.ndarray:
    """Word2vec's probability of sampling the word of each frequency rank, for :func:`skipgrams`.

    Word frequencies are taken to follow Zipf's law: ``frequency(rank) ~ 1 / (rank * (log(rank) +
    gamma) + 1/2 - 1/(12 * rank))``; a word is sampled with ``p = min(1, sqrt(f / sampling_factor) /
    (f / sampling_factor))``. Entry ``i`` (0-based, as word indices are) is for the word of rank ``i``;
    entry 0 uses rank 1.

    Example:
        >>> make_sampling_table(3).round(5)
        array([0.00315, 0.00315, 0.00548])

    Args:
        size: Number of word indices (an integer >= 1).
        sampling_factor: The word2vec sampling factor. Defaults to `1e-05`.

    Returns:
        A float64 vector of length ``size``.

    Mirrors ``keras::make_sampling_table()``.
    """
    n = as_integer(size, "size", minimum=1)
    factor = as_number(sampling_factor, "sampling_factor", low=0)
    if factor == 0:
        raise bad_argument("sampling_factor", sampling_factor, "a number > 0")
    rank = np.arange(n, dtype=np.float64)
    rank[0] = 1
    inv_fq = rank * (np.log(rank) + _GAMMA) + 0.5 - 1.0 / (12.0 * rank)
    f = factor * inv_fq
    return np.minimum(1.0, f / np.sqrt(f))


def _word_indices(sequence: Any) -> list[int]:
    values = np.asarray(sequence if not np.isscalar(sequence) else [sequence])
    if values.dtype.kind not in "iuf" or values.ndim > 1:
        raise bad_argument("sequence", sequence, "a vector of word indices (whole numbers >= 0)")
    numbers = values.astype(np.float64).reshape(-1)
    if not np.all(np.isfinite(numbers)) or np.any(numbers != np.round(numbers)) or np.any(numbers < 0):
        raise bad_argument("sequence", sequence, "a vector of word indices (whole numbers >= 0)")
    return [int(v) for v in numbers]


def skipgrams(sequence: Any, vocabulary_size: Any, window_size: Any = 4, negative_samples: Any = 1.0,
              shuffle: Any = True, categorical: Any = False, sampling_table: Any = None,
              seed: Any = None) -> dict[str, list[Any]]:
    """Word2vec training pairs from a sequence of word indices: neighbours (label 1) and random words (0).

    Each non-zero word ``w[i]`` (kept with probability ``sampling_table[w[i]]`` when a table is
    given) is paired with every non-zero word within ``window_size`` of it. Then
    ``negative_samples`` times as many pairs (first word of a shuffled pair, a random index in
    ``1 .. vocabulary_size - 1``) are added with label 0. Randomness comes from Python's
    ``random`` module, as in Keras 2.2.4.

    Example:
        >>> skipgrams([1, 2], vocabulary_size=3, negative_samples=0, shuffle=False)
        {'couples': [[1, 2], [2, 1]], 'labels': [1, 1]}

    Args:
        sequence: Word indices; 0 is not a word and is skipped.
        vocabulary_size: The largest word index + 1.
        window_size: Half the window: ``w[j]`` is a neighbour of ``w[i]`` when
            ``|i - j| <= window_size``. Defaults to `4`.
        negative_samples: Number of random pairs per neighbour pair (a number >= 0). Defaults to `1`.
        shuffle: Shuffle the pairs (with their labels). Defaults to `True`.
        categorical: Labels as ``c(0, 1)`` / ``c(1, 0)`` pairs instead of 1 / 0. Defaults to `False`.
        sampling_table: A vector of length ``vocabulary_size`` (e.g. :func:`make_sampling_table`).
            Defaults to `None` (every word kept).
        seed: Seed of the shuffle. Defaults to `None`.

    Returns:
        ``{"couples": [[w, v], ...], "labels": [...]}`` (R: ``list(couples, labels)``).

    Mirrors ``keras::skipgrams()``.
    """
    words = _word_indices(sequence)
    vocab = as_integer(vocabulary_size, "vocabulary_size", minimum=2)
    window = as_integer(window_size, "window_size", minimum=0)
    negatives = as_number(negative_samples, "negative_samples", low=0)
    shuffle = as_flag(shuffle, "shuffle")
    categorical = as_flag(categorical, "categorical")
    seed = as_integer(seed, "seed", minimum=0, allow_none=True)
    table = None
    if sampling_table is not None:
        table = np.asarray(sampling_table, dtype=np.float64).reshape(-1)
        if table.size < max(words, default=0) + 1:
            raise bad_argument("sampling_table", sampling_table,
                               f"a vector with an entry for every word index (at least {max(words) + 1})")
    positive = [0, 1] if categorical else 1
    negative = [1, 0] if categorical else 0
    couples: list[list[int]] = []
    labels: list[Any] = []
    for i, wi in enumerate(words):
        if not wi:
            continue
        if table is not None and table[wi] < random.random():
            continue
        for j in range(max(0, i - window), min(len(words), i + window + 1)):
            if j != i and words[j]:
                couples.append([wi, words[j]])
                labels.append(list(positive) if categorical else positive)
    if negatives > 0:
        count = int(len(labels) * negatives)
        firsts = [c[0] for c in couples]
        random.shuffle(firsts)
        couples += [[firsts[k % len(firsts)], random.randint(1, vocab - 1)] for k in range(count)]
        labels += [list(negative) if categorical else negative for _ in range(count)]
    if shuffle:
        if seed is None:
            seed = random.randint(0, 10_000_000)
        random.seed(seed)
        random.shuffle(couples)
        random.seed(seed)
        random.shuffle(labels)
    return {"couples": couples, "labels": labels}
