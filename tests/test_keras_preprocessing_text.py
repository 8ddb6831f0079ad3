import numpy as np
import pytest

from rkeras_bridge import fit_text_tokenizer, pad_sequences, text_tokenizer, texts_to_sequences
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
