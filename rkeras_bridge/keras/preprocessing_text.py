"""Text preprocessing with the Keras 2 ``Tokenizer`` semantics, and ``pad_sequences``.

Keras 3 removed ``keras.preprocessing.text.Tokenizer``; :class:`Tokenizer` here behaves like it
(word indices from 1, most frequent first, ties in order of first appearance; ``num_words``
caps the indices used when converting, not the vocabulary that is learned), so 2018 code such as
``text_tokenizer(num_words = 10000) %>% fit_text_tokenizer(texts)`` gives the same numbers.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = ["Tokenizer", "text_tokenizer", "fit_text_tokenizer", "texts_to_sequences", "pad_sequences"]

DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


def _texts(x: Any, name: str) -> list[str]:
    # A length-1 R character vector arrives as one str; iterating it would give characters.
    if isinstance(x, str):
        return [x]
    if isinstance(x, np.ndarray):
        x = x.reshape(-1).tolist()
    if x is None or not isinstance(x, Iterable):
        raise bad_argument(name, x, "a character vector (a list of strings)", TypeError)
    texts = list(x)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise bad_argument(f"{name}[{i + 1}]", text, "a string", TypeError)
    return texts


def _check_flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise bad_argument(name, value, "TRUE or FALSE")
    return bool(value)


class Tokenizer:
    """A text tokenizer with the semantics of the Keras 2 ``Tokenizer``.

    Example:
        >>> tok = Tokenizer(num_words=3)
        >>> tok.fit_on_texts(["the cat", "the dog"])
        >>> tok.word_index, tok.texts_to_sequences(["the dog sat"])
        ({'the': 1, 'cat': 2, 'dog': 3}, [[1, 2]])

    Attributes:
        word_index: Word to index (from 1, most frequent first; the ``oov_token``, if any, is 1).
        index_word: Index to word.
        word_counts: Word to number of occurrences, in order of first appearance.
        word_docs: Word to number of texts it appears in.
        document_count: Number of texts fitted.
    """

    def __init__(self, num_words: Any = None, filters: str = DEFAULT_FILTERS, lower: bool = True,
                 split: str = " ", char_level: bool = False, oov_token: str | None = None) -> None:
        self.num_words = as_integer(num_words, "num_words", minimum=1, allow_none=True)
        if not isinstance(filters, str):
            raise bad_argument("filters", filters, "a string of characters to remove")
        if not isinstance(split, str) or not split:
            raise bad_argument("split", split, "a non-empty string to split words on")
        if oov_token is not None and not isinstance(oov_token, str):
            raise bad_argument("oov_token", oov_token, "a string or NULL/None")
        self.filters = filters
        self.lower = _check_flag(lower, "lower")
        self.split = split
        self.char_level = _check_flag(char_level, "char_level")
        self.oov_token = oov_token
        self.word_counts: OrderedDict[str, int] = OrderedDict()
        self.word_docs: OrderedDict[str, int] = OrderedDict()
        self.word_index: dict[str, int] = {}
        self.index_word: dict[int, str] = {}
        self.document_count = 0

    def __repr__(self) -> str:
        return (f"<Tokenizer: {len(self.word_index)} words from {self.document_count} texts, "
                f"num_words={self.num_words}>")

    def _tokens(self, text: str) -> list[str]:
        if self.lower:
            text = text.lower()
        if self.char_level:  # as in Keras 2: characters, filters not applied
            return list(text)
        text = text.translate(str.maketrans({c: self.split for c in self.filters}))
        return [w for w in text.split(self.split) if w]

    def fit_on_texts(self, texts: Any) -> None:
        """Count the words of ``texts`` (adding to earlier fits) and rebuild ``word_index``."""
        texts = _texts(texts, "x")
        for text in texts:
            self.document_count += 1
            tokens = self._tokens(text)
            for w in tokens:
                self.word_counts[w] = self.word_counts.get(w, 0) + 1
            for w in set(tokens):
                self.word_docs[w] = self.word_docs.get(w, 0) + 1
        # A stable sort: equal counts keep their order of first appearance, as in Keras 2.
        by_count = sorted(self.word_counts, key=self.word_counts.__getitem__, reverse=True)
        vocabulary = ([self.oov_token] if self.oov_token is not None else []) + [
            w for w in by_count if w != self.oov_token
        ]
        self.word_index = {w: i for i, w in enumerate(vocabulary, start=1)}
        self.index_word = {i: w for w, i in self.word_index.items()}

    def texts_to_sequences(self, texts: Any) -> list[list[int]]:
        """Each text as a list of word indices; words not kept become ``oov_token`` or are dropped."""
        texts = _texts(texts, "texts")
        oov = self.word_index.get(self.oov_token) if self.oov_token is not None else None
        sequences = []
        for text in texts:
            sequence = []
            for w in self._tokens(text):
                i = self.word_index.get(w)
                if i is not None and self.num_words is not None and i >= self.num_words:
                    i = None  # beyond the cap: treated as unknown
                if i is None:
                    i = oov
                if i is not None:
                    sequence.append(i)
            sequences.append(sequence)
        return sequences

    def sequences_to_texts(self, sequences: Any) -> list[str]:
        """The inverse of :meth:`texts_to_sequences` (words joined by ``split``)."""
        joiner = "" if self.char_level else self.split
        return [joiner.join(self.index_word[int(i)] for i in seq if int(i) in self.index_word)
                for seq in _sequence_list(sequences, "sequences")]


def text_tokenizer(num_words: Any = None, filters: str = DEFAULT_FILTERS, lower: bool = True,
                   split: str = " ", char_level: bool = False, oov_token: str | None = None) -> Tokenizer:
    """A text tokenizer, to fit with :func:`fit_text_tokenizer`.

    Example:
        >>> tokenizer = fit_text_tokenizer(text_tokenizer(num_words=10000), texts)

    Args:
        num_words: Keep only indices below ``num_words`` (the ``num_words - 1`` most frequent
            words) when converting texts. Defaults to `None` (all words).
        filters: Characters removed from the texts (replaced by ``split``). Defaults to
            punctuation, tab and newline (``'!"#$%&()*+,-./:;<=>?@[\\\\]^_`{|}~\\t\\n'``).
        lower: Convert the texts to lower case. Defaults to `True`.
        split: Word separator. Defaults to `" "`.
        char_level: Make every character a token. Defaults to `False`.
        oov_token: If given, it gets index 1 and replaces unknown words in
            :func:`texts_to_sequences`. Defaults to `None` (unknown words are dropped).

    Returns:
        A :class:`Tokenizer`.

    Mirrors ``keras::text_tokenizer()``.
    """
    return Tokenizer(num_words=num_words, filters=filters, lower=lower, split=split, char_level=char_level,
                     oov_token=oov_token)


def _check_tokenizer(tokenizer: Any, name: str) -> Tokenizer:
    if not isinstance(tokenizer, Tokenizer):
        raise bad_argument(name, tokenizer, "a tokenizer from text_tokenizer()", TypeError)
    return tokenizer


def fit_text_tokenizer(object: Tokenizer, x: Any) -> Tokenizer:  # noqa: A002 - R keras's argument name
    """Learn the vocabulary of ``x``; the tokenizer is changed in place and returned.

    Example:
        >>> tok = fit_text_tokenizer(text_tokenizer(), ["The cat.", "The dog!"])
        >>> tok.word_index
        {'the': 1, 'cat': 2, 'dog': 3}

    Args:
        object: A tokenizer from :func:`text_tokenizer`.
        x: Texts: a character vector / list of strings (one string is one text).

    Returns:
        The same tokenizer, fitted.

    Mirrors ``keras::fit_text_tokenizer()``.
    """
    _check_tokenizer(object, "object").fit_on_texts(_texts(x, "x"))
    return object


def texts_to_sequences(tokenizer: Tokenizer, texts: Any) -> list[list[int]]:
    """Each text as a sequence of word indices.

    Example:
        >>> texts_to_sequences(tok, ["the dog", "a cat"])
        [[1, 3], [2]]

    Args:
        tokenizer: A fitted tokenizer.
        texts: A character vector / list of strings (one string is one text).

    Returns:
        A list with one list of integer indices per text (R: a list of integer vectors).

    Mirrors ``keras::texts_to_sequences()``.
    """
    return _check_tokenizer(tokenizer, "tokenizer").texts_to_sequences(texts)


def _sequence_list(sequences: Any, name: str) -> list[list[Any]]:
    # R sends list(c(1, 2), 3) as [[1.0, 2.0], 3.0]: a length-1 vector arrives as a bare number.
    if isinstance(sequences, np.ndarray):
        if sequences.ndim != 2:
            raise bad_argument(name, sequences, "a list of integer vectors or a 2-d array")
        return sequences.tolist()
    if isinstance(sequences, (str, bytes)) or not isinstance(sequences, Iterable):
        raise bad_argument(name, sequences, "a list of integer vectors", TypeError)
    out = []
    for i, seq in enumerate(sequences):
        if isinstance(seq, np.ndarray):
            seq = seq.reshape(-1).tolist()
        elif np.isscalar(seq) and not isinstance(seq, (str, bytes)):
            seq = [seq]
        elif not isinstance(seq, (list, tuple)):
            raise bad_argument(f"{name}[[{i + 1}]]", seq, "a vector of numbers", TypeError)
        out.append(list(seq))
    return out


def pad_sequences(sequences: Any, maxlen: Any = None, dtype: str = "int32", padding: str = "pre",
                  truncating: str = "pre", value: Any = 0) -> np.ndarray:
    """Pad (or truncate) sequences to one length, giving a matrix with one row per sequence.

    Example:
        >>> pad_sequences([[1, 2, 3], [4]], maxlen=2)
        array([[2, 3],
               [0, 4]], dtype=int32)

    Args:
        sequences: A list of integer vectors (e.g. from :func:`texts_to_sequences`).
        maxlen: Length of the rows. Defaults to `None` (the longest sequence).
        dtype: Type of the result. Defaults to `"int32"`.
        padding: ``"pre"`` or ``"post"``: where to add ``value``s. Defaults to `"pre"`.
        truncating: ``"pre"`` or ``"post"``: where to cut longer sequences. Defaults to `"pre"`.
        value: The padding value. Defaults to `0`.

    Returns:
        An array of shape (number of sequences, ``maxlen``) (R: an integer matrix).

    Mirrors ``keras::pad_sequences()``; computed by ``keras.utils.pad_sequences``.
    """
    import keras

    seqs = _sequence_list(sequences, "sequences")
    length = as_integer(maxlen, "maxlen", minimum=1, allow_none=True)
    for name, where in (("padding", padding), ("truncating", truncating)):
        if where not in ("pre", "post"):
            raise bad_argument(name, where, '"pre" or "post"')
    if not isinstance(dtype, str):
        raise bad_argument("dtype", dtype, 'a NumPy type name such as "int32" or "float32"')
    try:
        kind = np.dtype(dtype).kind
    except TypeError as exc:
        raise bad_argument("dtype", dtype, 'a NumPy type name such as "int32" or "float32"') from exc
    if kind in "iu":
        for i, seq in enumerate(seqs):
            numbers = np.asarray(seq, dtype=np.float64) if seq else np.zeros(0)
            if not np.all(np.isfinite(numbers)) or np.any(numbers != np.round(numbers)):
                raise bad_argument(f"sequences[[{i + 1}]]", seq, f"whole numbers for dtype {dtype!r}")
    if not isinstance(value, (int, float, np.number)) or isinstance(value, bool):
        raise bad_argument("value", value, "a number")
    return keras.utils.pad_sequences(seqs, maxlen=length, dtype=dtype, padding=padding, truncating=truncating,
                                     value=value)
