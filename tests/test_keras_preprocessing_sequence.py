"""make_sampling_table() and skipgrams() of R keras 2.2.4, checked against the word2vec formulas."""
import random
from collections import Counter

import numpy as np
import pytest

from rkeras_bridge import make_sampling_table, skipgrams


def test_sampling_table_follows_zipf_and_word2vec():
    table = make_sampling_table(6.0, sampling_factor=1e-3)
    rank = np.array([1, 1, 2, 3, 4, 5], dtype=float)  # entry 0 uses rank 1
    inverse_frequency = rank * (np.log(rank) + 0.577) + 0.5 - 1 / (12 * rank)  # Zipf, Keras 2's gamma
    f = 1e-3 * inverse_frequency
    np.testing.assert_allclose(table, np.minimum(1.0, f / np.sqrt(f)))
    assert table.shape == (6,) and np.all(np.diff(table[1:]) > 0)  # rarer words are kept more often
    assert np.all(make_sampling_table(3, sampling_factor=10) == 1)


def test_positive_pairs_are_the_window_neighbours():
    out = skipgrams([1, 2, 0, 3], vocabulary_size=4, window_size=1, negative_samples=0, shuffle=False)
    # 0 is not a word: neither paired nor a neighbour
    assert out == {"couples": [[1, 2], [2, 1]], "labels": [1, 1]}
    wide = skipgrams([1, 2, 0, 3], vocabulary_size=4, window_size=2.0, negative_samples=0, shuffle=False)
    assert wide["couples"] == [[1, 2], [2, 1], [2, 3], [3, 2]] and wide["labels"] == [1] * 4
    cat = skipgrams([1, 2], vocabulary_size=3, negative_samples=0, shuffle=False, categorical=True)
    assert cat["labels"] == [[0, 1], [0, 1]]


def test_negative_samples_and_seeded_shuffle():
    random.seed(3)
    out = skipgrams([1, 2, 3, 4, 5], vocabulary_size=10, window_size=1, negative_samples=2, seed=11)
    positives = {(1, 2), (2, 1), (2, 3), (3, 2), (3, 4), (4, 3), (4, 5), (5, 4)}
    pairs = [tuple(c) for c in out["couples"]]
    assert len(pairs) == 8 * 3 and Counter(out["labels"]) == {1: 8, 0: 16}
    assert {p for p, label in zip(pairs, out["labels"]) if label == 1} == positives
    assert all(1 <= p[1] <= 9 and p[0] in range(1, 6) for p, label in zip(pairs, out["labels"]) if label == 0)
    random.seed(3)
    again = skipgrams([1, 2, 3, 4, 5], vocabulary_size=10, window_size=1, negative_samples=2, seed=11)
    assert again == out  # Python's random module, as Keras 2.2.4, seeded the same way
    categorical = skipgrams([1, 2, 3], 5, negative_samples=1, categorical=True, shuffle=False)
    assert categorical["labels"][-2:] == [[1, 0], [1, 0]]


def test_sampling_table_drops_words():
    keep_none = np.zeros(5)
    assert skipgrams([1, 2, 3], 5, sampling_table=keep_none) == {"couples": [], "labels": []}
    keep_all = np.ones(5)
    out = skipgrams([1, 2, 3], 5, sampling_table=keep_all, negative_samples=0, shuffle=False)
    assert len(out["couples"]) == 6


@pytest.mark.parametrize("call, match", [
    (lambda: make_sampling_table(0), "size"),
    (lambda: make_sampling_table(3, sampling_factor=0), "sampling_factor"),
    (lambda: skipgrams([1, 2.5], 4), "sequence"),
    (lambda: skipgrams([1, -1], 4), "sequence"),
    (lambda: skipgrams(["a"], 4), "sequence"),
    (lambda: skipgrams([1, 2], 1), "vocabulary_size"),
    (lambda: skipgrams([1, 2], 4, window_size=-1), "window_size"),
    (lambda: skipgrams([1, 2], 4, negative_samples=-1), "negative_samples"),
    (lambda: skipgrams([1, 2], 4, shuffle="yes"), "shuffle"),
    (lambda: skipgrams([1, 5], 6, sampling_table=[0.5, 0.5]), "sampling_table"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()
