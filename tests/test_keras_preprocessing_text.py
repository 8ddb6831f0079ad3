import hashlib
import math
import pickle
import sys
import types
from collections import OrderedDict, defaultdict

import numpy as np
import pytest

from rkeras_bridge import (
    fit_text_tokenizer, load_text_tokenizer, pad_sequences, save_text_tokenizer, sequences_to_matrix,
    text_hashing_trick, text_one_hot, text_to_word_sequence, text_tokenizer, texts_to_matrix,
    texts_to_sequences, texts_to_sequences_generator,
)
from rkeras_bridge.keras.preprocessing_text import Tokenizer

TEXTS = ["The cat sat on the mat.", "The dog sat!", "A dog, a cat; the END"]


def test_indices_start_at_1_most_frequent_first_ties_in_order_of_appearance():
    tok = fit_text_tokenizer(text_tokenizer(), TEXTS)
    assert isinstance(tok, Tokenizer)
    # the: 4; cat, sat, dog, a: 2 (first seen in that order); on, mat, end: 1
    assert tok.word_index == {"the": 1, "cat": 2, "sat": 3, "dog": 4, "a": 5, "on": 6, "mat": 7, "end": 8}
    assert tok.index_word[4] == "dog"
    assert tok.word_counts["the"] == 4 and list(tok.word_counts)[:3] == ["the", "cat", "sat"]
    assert tok.word_docs["the"] == 3 and tok.word_docs["a"] == 1 and tok.document_count == 3


def test_texts_to_sequences_with_num_words_cap_and_oov():
    tok = fit_text_tokenizer(text_tokenizer(num_words=4), TEXTS)
    assert tok.word_index["end"] == 8  # the whole vocabulary is learned ...
    # ... indices < 4 kept
    assert texts_to_sequences(tok, ["the dog sat on a cat", "unknown"]) == [[1, 3, 2], []]
    oov = fit_text_tokenizer(text_tokenizer(num_words=4, oov_token="<OOV>"), TEXTS)
    assert oov.word_index["<OOV>"] == 1 and oov.word_index["the"] == 2
    assert texts_to_sequences(oov, ["the dog sat zebra"]) == [[2, 1, 1, 1]]


def test_single_string_is_one_text_and_fits_accumulate():
    tok = text_tokenizer()
    assert fit_text_tokenizer(tok, "b a b") is tok
    fit_text_tokenizer(tok, np.array(["a a c"]))
    assert tok.word_index == {"a": 1, "b": 2, "c": 3} and tok.document_count == 2
    assert texts_to_sequences(tok, "c b") == [[3, 2]]
    assert tok.sequences_to_texts([[3, 2], 1]) == ["c b", "a"]


def test_lower_filters_split_and_char_level():
    tok = fit_text_tokenizer(text_tokenizer(lower=False, filters="", split=","), ["Ab,ab,Ab"])
    assert tok.word_index == {"Ab": 1, "ab": 2}
    chars = fit_text_tokenizer(text_tokenizer(char_level=True), ["abA!"])
    assert chars.word_index == {"a": 1, "b": 2, "!": 3}
    assert texts_to_sequences(chars, ["ba"]) == [[2, 1]]


def test_pad_sequences_pre_post_truncating_value():
    seqs = [[1, 2, 3], [4], []]
    np.testing.assert_array_equal(pad_sequences(seqs), [[1, 2, 3], [0, 0, 4], [0, 0, 0]])
    np.testing.assert_array_equal(pad_sequences(seqs, maxlen=2.0, padding="post", truncating="post", value=9),
                                  [[1, 2], [4, 9], [9, 9]])
    np.testing.assert_array_equal(pad_sequences(seqs, maxlen=2), [[2, 3], [0, 4], [0, 0]])
    out = pad_sequences([[1.0, 2.0], 3.0], dtype="float32", value=-1.5)  # R: list(c(1, 2), 3)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, [[1.0, 2.0], [-1.5, 3.0]])
    assert pad_sequences(seqs).dtype == np.int32


@pytest.mark.parametrize("call, error, match", [
    (lambda: text_tokenizer(num_words=2.5), ValueError, "num_words"),
    (lambda: text_tokenizer(lower="yes"), ValueError, "lower"),
    (lambda: text_tokenizer(split=""), ValueError, "split"),
    (lambda: fit_text_tokenizer("not a tokenizer", ["a"]), TypeError, "object"),
    (lambda: fit_text_tokenizer(text_tokenizer(), ["a", 3]), TypeError, r"x\[2\]"),
    (lambda: texts_to_sequences(text_tokenizer(), None), TypeError, "texts"),
    (lambda: pad_sequences([[1, 2]], padding="middle"), ValueError, "padding"),
    (lambda: pad_sequences([[1, 2]], truncating="both"), ValueError, "truncating"),
    (lambda: pad_sequences([[1, 2]], maxlen=0), ValueError, "maxlen"),
    (lambda: pad_sequences([[1, 2.5]]), ValueError, r"sequences\[\[1\]\]"),
    (lambda: pad_sequences([[1], "ab"]), TypeError, r"sequences\[\[2\]\]"),
    (lambda: pad_sequences([[1]], dtype="nonsense"), ValueError, "dtype"),
    (lambda: pad_sequences([[1]], value="x"), ValueError, "value"),
])
def test_bad_input_names_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- texts_to_matrix and friends (R keras 2.2.4's preprocessing.R) ---------------------------------

DOCS = ["The cat sat on the mat.", "The dog sat on the log.", "Dogs and cats living together."]


def _fitted(num_words=None):
    return fit_text_tokenizer(text_tokenizer(num_words=num_words), DOCS)


def test_texts_to_matrix_modes_against_hand_counts():
    tok = _fitted()
    # the: 4, sat: 2, on: 2, cat, mat, dog, log, dogs, and, cats, living, together: 1
    idx = tok.word_index
    assert len(idx) == 12
    count = texts_to_matrix(tok, ["the cat the zebra"], mode="count")
    assert count.shape == (1, 13) and count.dtype == np.float64
    expected = np.zeros(13)
    expected[idx["the"]] = 2
    expected[idx["cat"]] = 1
    np.testing.assert_array_equal(count[0], expected)
    np.testing.assert_array_equal(texts_to_matrix(tok, ["the cat the zebra"])[0], expected > 0)  # binary
    # freq divides by the words kept in the sequence (3: zebra is unknown and dropped)
    np.testing.assert_allclose(texts_to_matrix(tok, ["the cat the zebra"], mode="freq")[0], expected / 3)
    tfidf = texts_to_matrix(tok, ["the cat the"], mode="tfidf")[0]
    # the: in 2 of 3 documents, twice here; cat: in 1 document, once
    assert tfidf[idx["the"]] == pytest.approx((1 + math.log(2)) * math.log(1 + 3 / (1 + 2)))
    assert tfidf[idx["cat"]] == pytest.approx(1 * math.log(1 + 3 / (1 + 1)))
    assert np.count_nonzero(tfidf) == 2


def test_num_words_sets_the_width_and_drops_larger_indices():
    tok = _fitted(num_words=4)
    m = sequences_to_matrix(tok, [[1, 3, 3, 7], []], mode="count")
    np.testing.assert_array_equal(m, [[0, 1, 0, 2], [0, 0, 0, 0]])
    np.testing.assert_allclose(sequences_to_matrix(tok, [[1, 3, 3, 7]], mode="freq"), [[0, 0.25, 0, 0.5]])
    # an unfitted tokenizer with num_words still has a width
    np.testing.assert_array_equal(sequences_to_matrix(text_tokenizer(num_words=3), [[2.0]]), [[0, 0, 1]])


def test_generator_and_fitting_on_sequences():
    tok = _fitted(num_words=10)
    gen = texts_to_sequences_generator(tok, DOCS)
    assert iter(gen) is gen
    sequences = list(gen)
    assert sequences == texts_to_sequences(tok, DOCS)
    docs_before = dict(tok.index_docs)
    fit_text_tokenizer(tok, sequences)  # sequences only count documents, for tfidf
    assert tok.document_count == 6 and len(tok.word_index) == 12
    for i, n in docs_before.items():
        expected = n + sum(i in set(s) for s in sequences)
        assert tok.index_docs[i] == expected
    # fitting texts again recounts index_docs from word_docs, as Keras 2 did
    fit_text_tokenizer(tok, "the cat")
    assert tok.index_docs[tok.word_index["the"]] == tok.word_docs["the"] == 3


def test_save_and_load_keep_everything(tmp_path):
    tok = fit_text_tokenizer(text_tokenizer(num_words=5, oov_token="<unk>", lower=False), DOCS)
    fit_text_tokenizer(tok, [[2, 3], [3]])
    path = tmp_path / "tokenizer"
    assert save_text_tokenizer(tok, str(path)) is tok
    assert path.read_text().startswith('{"class_name": "Tokenizer"')
    loaded = load_text_tokenizer(str(path))
    assert loaded is not tok
    for field in ("word_index", "index_word", "word_counts", "word_docs", "document_count", "num_words",
                  "oov_token", "lower", "split", "filters", "char_level"):
        assert getattr(loaded, field) == getattr(tok, field), field
    assert dict(loaded.index_docs) == dict(tok.index_docs)
    for mode in ("binary", "count", "tfidf", "freq"):
        np.testing.assert_array_equal(texts_to_matrix(loaded, DOCS, mode), texts_to_matrix(tok, DOCS, mode))


def test_loads_a_pickle_of_a_keras2_tokenizer_and_refuses_other_pickles(tmp_path, monkeypatch):
    # What R keras 2.2.4's save_text_tokenizer() wrote: a pickled keras_preprocessing Tokenizer.
    module = types.ModuleType("keras_preprocessing.text")

    class Tokenizer:  # noqa: D401 - stand-in with the Keras 2 attributes
        pass

    Tokenizer.__module__, Tokenizer.__qualname__ = "keras_preprocessing.text", "Tokenizer"
    module.Tokenizer = Tokenizer
    monkeypatch.setitem(sys.modules, "keras_preprocessing", types.ModuleType("keras_preprocessing"))
    monkeypatch.setitem(sys.modules, "keras_preprocessing.text", module)
    old = Tokenizer()
    old.__dict__.update(num_words=None, filters="", lower=True, split=" ", char_level=False, oov_token=None,
                        document_count=2, word_counts=OrderedDict([("b", 2), ("a", 1)]),
                        word_docs=defaultdict(int, {"b": 2, "a": 1}), word_index={"b": 1, "a": 2},
                        index_docs=defaultdict(int, {1: 2, 2: 1}))
    path = tmp_path / "old.pkl"
    path.write_bytes(pickle.dumps(old))
    monkeypatch.delitem(sys.modules, "keras_preprocessing.text")
    loaded = load_text_tokenizer(str(path))
    assert loaded.word_index == {"b": 1, "a": 2} and loaded.index_word == {1: "b", 2: "a"}
    assert texts_to_sequences(loaded, ["a b c"]) == [[2, 1]] and loaded.document_count == 2
    evil = tmp_path / "evil.pkl"
    evil.write_bytes(pickle.dumps(print))
    with pytest.raises(ValueError, match="filename"):
        load_text_tokenizer(str(evil))


def test_word_sequence_and_hashing():
    assert text_to_word_sequence("The cat, the HAT.\tok") == ["the", "cat", "the", "hat", "ok"]
    assert text_to_word_sequence("A-b c", filters="", lower=False, split="-") == ["A", "b c"]
    text = "The cat sat on the mat."
    md5 = [int(hashlib.md5(w.encode()).hexdigest(), 16) % 4 + 1 for w in text_to_word_sequence(text)]
    assert text_hashing_trick(text, 5, hash_function="md5") == md5
    lengths = [len(w) % 4 + 1 for w in text_to_word_sequence(text)]
    assert text_hashing_trick(text, 5.0, hash_function=len) == lengths
    one_hot = text_one_hot(text, 5)
    assert one_hot == [hash(w) % 4 + 1 for w in text_to_word_sequence(text)]
    assert len(one_hot) == 6 and one_hot[0] == one_hot[4] and all(1 <= i <= 4 for i in one_hot)


@pytest.mark.parametrize("call, error, match", [
    (lambda: texts_to_matrix(_fitted(), DOCS, mode="tf"), ValueError, "mode"),
    (lambda: sequences_to_matrix(text_tokenizer(), [[1]]), ValueError, "tokenizer"),
    (lambda: texts_to_matrix(text_tokenizer(num_words=3), ["a"], mode="tfidf"), ValueError, "tokenizer"),
    (lambda: sequences_to_matrix(_fitted(), [[1, -2]]), ValueError, r"sequences\[\[1\]\]"),
    (lambda: sequences_to_matrix(_fitted(), [[1.5]]), ValueError, r"sequences\[\[1\]\]"),
    (lambda: texts_to_sequences_generator(_fitted(), 3), TypeError, "texts"),
    (lambda: texts_to_sequences_generator("tok", ["a"]), TypeError, "tokenizer"),
    (lambda: save_text_tokenizer("tok", "x"), TypeError, "object"),
    (lambda: save_text_tokenizer(_fitted(), 3), TypeError, "filename"),
    (lambda: load_text_tokenizer("/no/such/tokenizer"), FileNotFoundError, "filename"),
    (lambda: text_to_word_sequence(["a"]), TypeError, "text"),
    (lambda: text_one_hot("a b", 1), ValueError, "n"),
    (lambda: text_hashing_trick("a b", 5, hash_function="sha1"), ValueError, "hash_function"),
    (lambda: text_hashing_trick("a b", 5, hash_function=lambda w: "x"), ValueError, "hash_function"),
])
def test_bad_input_of_the_new_functions_names_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()
