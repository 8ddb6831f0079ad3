"""Text preprocessing with the Keras 2 ``Tokenizer`` semantics, and ``pad_sequences``.

Keras 3 removed ``keras.preprocessing.text.Tokenizer``; :class:`Tokenizer` here behaves like it
(word indices from 1, most frequent first, ties in order of first appearance; ``num_words``
caps the indices used when converting, not the vocabulary that is learned), so 2018 code such as
``text_tokenizer(num_words = 10000) %>% fit_text_tokenizer(texts)`` gives the same numbers.
``texts_to_matrix()``/``sequences_to_matrix()`` give Keras 2's binary, count, freq and tf-idf rows;
``text_one_hot()``/``text_hashing_trick()`` hash words as Keras 2 did.

A tokenizer is saved as the JSON text of the Keras 2 ``Tokenizer.to_json()`` (which
``tf.keras.preprocessing.text.tokenizer_from_json`` also reads); R keras 2.2.4 pickled it with
``py_save_object()``, and such files load too, through an unpickler that admits the tokenizer and the
dictionaries it holds and nothing else.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = [
    "Tokenizer", "text_tokenizer", "fit_text_tokenizer", "texts_to_sequences", "texts_to_sequences_generator",
    "texts_to_matrix", "sequences_to_matrix", "save_text_tokenizer", "load_text_tokenizer",
    "text_to_word_sequence", "text_one_hot", "text_hashing_trick", "pad_sequences",
]

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
        index_docs: Word index to number of texts (or sequences) it appears in (for ``"tfidf"``).
        document_count: Number of texts (and sequences) fitted.
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
        self.index_docs: defaultdict[int, int] = defaultdict(int)
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
        # As in Keras 2, fitting texts recounts index_docs from word_docs (dropping counts that
        # fit_on_sequences() added).
        self.index_docs = defaultdict(int, {self.word_index[w]: c for w, c in self.word_docs.items()})

    def fit_on_sequences(self, sequences: Any) -> None:
        """Count, for ``"tfidf"``, the texts each word index appears in, from sequences of indices."""
        sequences = _index_sequences(sequences, "x")
        self.document_count += len(sequences)
        for seq in sequences:
            for i in set(seq):
                self.index_docs[i] += 1

    def texts_to_sequences_generator(self, texts: Any) -> Iterator[list[int]]:
        """Like :meth:`texts_to_sequences`, one text at a time."""
        texts = _texts(texts, "texts")
        oov = self.word_index.get(self.oov_token) if self.oov_token is not None else None
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
            yield sequence

    def texts_to_sequences(self, texts: Any) -> list[list[int]]:
        """Each text as a list of word indices; words not kept become ``oov_token`` or are dropped."""
        return list(self.texts_to_sequences_generator(texts))

    def sequences_to_matrix(self, sequences: Any, mode: str = "binary") -> np.ndarray:
        """One row per sequence, one column per word index (column 0 is never used), as Keras 2 did."""
        if mode not in _MATRIX_MODES:
            raise bad_argument("mode", mode, f"one of {', '.join(map(repr, _MATRIX_MODES))}")
        sequences = _index_sequences(sequences, "sequences")
        if self.num_words is not None:
            width = self.num_words
        elif self.word_index:
            width = len(self.word_index) + 1
        else:
            raise bad_argument("tokenizer", self, "a tokenizer with num_words, or fitted on some texts first")
        if mode == "tfidf" and not self.document_count:
            raise bad_argument("tokenizer", self, 'a tokenizer fitted on some data before mode = "tfidf"')
        x = np.zeros((len(sequences), width))
        for row, seq in enumerate(sequences):
            counts: dict[int, int] = {}
            for j in seq:
                if 0 <= j < width:  # Keras 2 skipped indices beyond the width
                    counts[j] = counts.get(j, 0) + 1
            for j, c in counts.items():
                if mode == "count":
                    x[row, j] = c
                elif mode == "freq":
                    x[row, j] = c / len(seq)  # over the whole sequence, skipped indices included
                elif mode == "binary":
                    x[row, j] = 1
                else:
                    idf = np.log(1 + self.document_count / (1 + self.index_docs.get(j, 0)))
                    x[row, j] = (1 + np.log(c)) * idf
        return x

    def texts_to_matrix(self, texts: Any, mode: str = "binary") -> np.ndarray:
        """:meth:`sequences_to_matrix` of :meth:`texts_to_sequences`."""
        if mode not in _MATRIX_MODES:
            raise bad_argument("mode", mode, f"one of {', '.join(map(repr, _MATRIX_MODES))}")
        return self.sequences_to_matrix(self.texts_to_sequences(texts), mode=mode)

    def get_config(self) -> dict[str, Any]:
        """The fields of Keras 2's ``Tokenizer.get_config()`` (dictionaries as JSON text)."""
        return {
            "num_words": self.num_words, "filters": self.filters, "lower": self.lower, "split": self.split,
            "char_level": self.char_level, "oov_token": self.oov_token, "document_count": self.document_count,
            "word_counts": json.dumps(self.word_counts), "word_docs": json.dumps(self.word_docs),
            "index_docs": json.dumps(self.index_docs), "index_word": json.dumps(self.index_word),
            "word_index": json.dumps(self.word_index),
        }

    def to_json(self) -> str:
        """The tokenizer as the JSON text of Keras 2's ``Tokenizer.to_json()``."""
        return json.dumps({"class_name": "Tokenizer", "config": self.get_config()})

    def sequences_to_texts(self, sequences: Any) -> list[str]:
        """The inverse of :meth:`texts_to_sequences` (words joined by ``split``)."""
        joiner = "" if self.char_level else self.split
        return [joiner.join(self.index_word[int(i)] for i in seq if int(i) in self.index_word)
                for seq in _sequence_list(sequences, "sequences")]


_MATRIX_MODES = ("binary", "count", "tfidf", "freq")


def _index_sequences(sequences: Any, name: str) -> list[list[int]]:
    out = []
    for i, seq in enumerate(_sequence_list(sequences, name)):
        numbers = np.asarray(seq, dtype=np.float64) if seq else np.zeros(0)
        if numbers.ndim != 1 or not np.all(np.isfinite(numbers)) or np.any(numbers != np.round(numbers)) \
                or np.any(numbers < 0):
            raise bad_argument(f"{name}[[{i + 1}]]", seq, "a vector of word indices (whole numbers >= 0)")
        out.append([int(v) for v in numbers])
    return out


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
    """Learn the vocabulary of texts, or the document counts of sequences; the tokenizer is changed in place.

    Example:
        >>> tok = fit_text_tokenizer(text_tokenizer(), ["The cat.", "The dog!"])
        >>> tok.word_index
        {'the': 1, 'cat': 2, 'dog': 3}

    Args:
        object: A tokenizer from :func:`text_tokenizer`.
        x: Texts (a character vector / list of strings; one string is one text; an iterator of
            strings), or a list of sequences of word indices, which only count for ``"tfidf"``
            (Keras 2's ``fit_on_sequences``; R keras 2.2.4 took any R list as sequences).

    Returns:
        The same tokenizer, fitted.

    Mirrors ``keras::fit_text_tokenizer()``.
    """
    tokenizer = _check_tokenizer(object, "object")
    if isinstance(x, Iterator):
        x = list(x)
    if isinstance(x, (list, tuple)) and x and not all(isinstance(t, str) for t in x) \
            and not any(isinstance(t, str) for t in x):
        tokenizer.fit_on_sequences(x)
    else:
        tokenizer.fit_on_texts(_texts(x, "x"))
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


def texts_to_sequences_generator(tokenizer: Tokenizer, texts: Any) -> Iterator[list[int]]:
    """A generator of the texts' sequences of word indices, one text at a time.

    Example:
        >>> list(texts_to_sequences_generator(tok, ["the dog", "a cat"]))
        [[1, 3], [2]]

    Args:
        tokenizer: A fitted tokenizer.
        texts: A character vector / list of strings (one string is one text).

    Returns:
        A Python generator (R: iterate it with ``reticulate::iterate()`` or ``generator_next()``).

    Mirrors ``keras::texts_to_sequences_generator()``.
    """
    tokenizer = _check_tokenizer(tokenizer, "tokenizer")
    texts = _texts(texts, "texts")  # checked now, not at the first next()
    return tokenizer.texts_to_sequences_generator(texts)


def texts_to_matrix(tokenizer: Tokenizer, texts: Any, mode: str = "binary") -> np.ndarray:
    """Texts as a matrix: one row per text, one column per word index.

    Example:
        >>> texts_to_matrix(fit_text_tokenizer(text_tokenizer(), ["a b b"]), ["b b c"], mode="count")
        array([[0., 0., 2.]])

    Args:
        tokenizer: A fitted tokenizer.
        texts: A character vector / list of strings.
        mode: ``"binary"`` (1 where the word occurs), ``"count"``, ``"freq"`` (count / words in
            the text) or ``"tfidf"`` (``(1 + log(count)) * log(1 + texts / (1 + texts with the
            word))``). Defaults to `"binary"`.

    Returns:
        A float64 matrix of shape (texts, ``num_words``), or (texts, words + 1) without
        ``num_words``; column 1 (index 0) stays 0.

    Mirrors ``keras::texts_to_matrix()``.
    """
    return _check_tokenizer(tokenizer, "tokenizer").texts_to_matrix(texts, mode=mode)


def sequences_to_matrix(tokenizer: Tokenizer, sequences: Any, mode: str = "binary") -> np.ndarray:
    """Sequences of word indices as a matrix: one row per sequence, one column per index.

    Example:
        >>> sequences_to_matrix(text_tokenizer(num_words=4), [[1, 3, 3]], mode="count")
        array([[0., 1., 0., 2.]])

    Args:
        tokenizer: A tokenizer with ``num_words``, or fitted (the width is then words + 1).
        sequences: A list of integer vectors; indices beyond the width are skipped.
        mode: ``"binary"``, ``"count"``, ``"freq"`` or ``"tfidf"`` (see :func:`texts_to_matrix`).
            Defaults to `"binary"`.

    Returns:
        A float64 matrix with one row per sequence.

    Mirrors ``keras::sequences_to_matrix()``.
    """
    return _check_tokenizer(tokenizer, "tokenizer").sequences_to_matrix(sequences, mode=mode)


def _path(filename: Any, name: str) -> str:
    if not isinstance(filename, (str, os.PathLike)) or not os.fspath(filename):
        raise bad_argument(name, filename, "a file path (a string)", TypeError)
    return os.path.expanduser(os.fspath(filename))


def save_text_tokenizer(object: Tokenizer, filename: Any) -> Tokenizer:  # noqa: A002 - R keras's name
    """Save a tokenizer to a file, to load it in another session with :func:`load_text_tokenizer`.

    Example:
        >>> save_text_tokenizer(tok, "tokenizer.json")

    Args:
        object: A tokenizer from :func:`text_tokenizer`.
        filename: The file to write (replaced if it exists).

    Returns:
        ``object`` (R: invisibly).

    Mirrors ``keras::save_text_tokenizer()``; the file is the JSON of Keras 2's
    ``Tokenizer.to_json()``, not a pickle.
    """
    tokenizer = _check_tokenizer(object, "object")
    with open(_path(filename, "filename"), "w", encoding="utf-8") as f:
        f.write(tokenizer.to_json())
    return object


class _TokenizerUnpickler(pickle.Unpickler):
    """Reads the pickles R keras 2.2.4 wrote (py_save_object): a Keras 2 Tokenizer and its dicts only."""

    _ALLOWED = {("collections", "OrderedDict"), ("collections", "defaultdict"), ("builtins", "int"),
                ("builtins", "dict"), ("builtins", "list"), ("builtins", "str")}

    def find_class(self, module: str, name: str) -> Any:
        if name == "Tokenizer" and module.split(".")[-1] == "text":
            return Tokenizer
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a saved tokenizer")


def _tokenizer_from_config(config: dict[str, Any]) -> Tokenizer:
    def table(key: str, int_keys: bool = False) -> Any:
        value = config.get(key)
        value = json.loads(value) if isinstance(value, str) else (value or {})
        return {int(k) if int_keys else k: v for k, v in value.items()}

    tokenizer = Tokenizer(num_words=config.get("num_words"), filters=config.get("filters", DEFAULT_FILTERS),
                          lower=config.get("lower", True), split=config.get("split", " "),
                          char_level=config.get("char_level", False), oov_token=config.get("oov_token"))
    tokenizer.document_count = int(config.get("document_count", 0))
    tokenizer.word_counts = OrderedDict(table("word_counts"))
    tokenizer.word_docs = OrderedDict(table("word_docs"))
    tokenizer.index_docs = defaultdict(int, table("index_docs", int_keys=True))
    tokenizer.word_index = table("word_index")
    index_word = table("index_word", int_keys=True)
    tokenizer.index_word = index_word or {i: w for w, i in tokenizer.word_index.items()}
    return tokenizer


def load_text_tokenizer(filename: Any) -> Tokenizer:
    """Load a tokenizer saved by :func:`save_text_tokenizer` (or pickled by R keras 2.2.4).

    Example:
        >>> tok = load_text_tokenizer("tokenizer.json")

    Args:
        filename: The file: Keras 2 tokenizer JSON, or a pickle written by R keras 2.2.4's
            ``save_text_tokenizer()``.

    Returns:
        A :class:`Tokenizer`.

    Mirrors ``keras::load_text_tokenizer()``.
    """
    path = _path(filename, "filename")
    if not os.path.isfile(path):
        raise bad_argument("filename", filename, f"an existing file (nothing at {os.path.abspath(path)})",
                           FileNotFoundError)
    with open(path, "rb") as f:
        data = f.read()
    if data[:1] == b"{":
        try:
            saved = json.loads(data.decode("utf-8"))
        except ValueError as exc:
            raise bad_argument("filename", filename, "a tokenizer saved with save_text_tokenizer()") from exc
        if not isinstance(saved, dict) or saved.get("class_name") != "Tokenizer":
            raise bad_argument("filename", filename, "the JSON of a Tokenizer (class_name \"Tokenizer\")")
        return _tokenizer_from_config(saved.get("config", {}))
    try:
        loaded = _TokenizerUnpickler(io.BytesIO(data)).load()
    except Exception as exc:
        raise bad_argument("filename", filename, f"a saved tokenizer ({exc})") from exc
    if not isinstance(loaded, Tokenizer):
        raise bad_argument("filename", filename, "a saved tokenizer", TypeError)
    # A pickle restores Keras 2's attributes without running __init__: rebuild through the checks.
    return _tokenizer_from_config(vars(loaded))


def text_to_word_sequence(text: Any, filters: str = DEFAULT_FILTERS, lower: bool = True,
                          split: str = " ") -> list[str]:
    """Split a text into words: lower-cased, ``filters`` characters removed.

    Example:
        >>> text_to_word_sequence("The cat, the hat.")
        ['the', 'cat', 'the', 'hat']

    Args:
        text: One string.
        filters: Characters replaced by ``split``. Defaults to punctuation, tab and newline.
        lower: Convert to lower case. Defaults to `True`.
        split: Word separator. Defaults to `" "`.

    Returns:
        A list of words (R: a character vector).

    Mirrors ``keras::text_to_word_sequence()``.
    """
    if not isinstance(text, str):
        raise bad_argument("text", text, "one string", TypeError)
    if not isinstance(filters, str):
        raise bad_argument("filters", filters, "a string of characters to remove")
    if not isinstance(split, str) or not split:
        raise bad_argument("split", split, "a non-empty string to split words on")
    if _check_flag(lower, "lower"):
        text = text.lower()
    text = text.translate(str.maketrans({c: split for c in filters}))
    return [w for w in text.split(split) if w]


def _hash_function(hash_function: Any) -> Callable[[str], int]:
    if hash_function is None:
        return hash  # as Keras 2: Python's str hash, which changes between processes
    if hash_function == "md5":
        return lambda w: int(hashlib.md5(w.encode("utf-8")).hexdigest(), 16)
    if callable(hash_function):
        def call(w: str) -> int:
            value = hash_function(w)
            if isinstance(value, (np.ndarray, list, tuple)) and np.size(value) == 1:
                value = np.asarray(value).reshape(-1)[0].item()
            if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
                    or value != int(value):
                raise bad_argument("hash_function", hash_function,
                                   f"a function returning a whole number (it returned {value!r} for {w!r})")
            return int(value)
        return call
    raise bad_argument("hash_function", hash_function, 'NULL/None, "md5" or a function of one string')


def text_hashing_trick(text: Any, n: Any, hash_function: Any = None, filters: str = DEFAULT_FILTERS,
                       lower: bool = True, split: str = " ") -> list[int]:
    """A text as word indices in ``1 .. n - 1`` by hashing each word: ``hash(word) % (n - 1) + 1``.

    Example:
        >>> text_hashing_trick("The cat sat on the mat.", 5, hash_function="md5")
        [4, 1, 1, 1, 4, 1]

    Args:
        text: One string.
        n: Size of the hashing space (an integer >= 2); index 0 is never used.
        hash_function: `None` (Python's ``hash()``: differs between sessions unless
            ``PYTHONHASHSEED`` is set), ``"md5"`` (stable), or a function of a word that returns
            an integer. Defaults to `None`.
        filters: Characters removed. Defaults to punctuation, tab and newline.
        lower: Convert to lower case. Defaults to `True`.
        split: Word separator. Defaults to `" "`.

    Returns:
        A list of integers (R: an integer vector); different words may share an index.

    Mirrors ``keras::text_hashing_trick()``.
    """
    size = as_integer(n, "n", minimum=2)
    fn = _hash_function(hash_function)
    return [fn(w) % (size - 1) + 1 for w in text_to_word_sequence(text, filters, lower, split)]


def text_one_hot(text: Any, n: Any, filters: str = DEFAULT_FILTERS, lower: bool = True,
                 split: str = " ") -> list[int]:
    """A text as word indices in ``1 .. n - 1``: :func:`text_hashing_trick` with Python's ``hash()``.

    Example:
        >>> len(text_one_hot("The cat sat on the mat.", 5))
        6

    Args:
        text: One string.
        n: Size of the vocabulary (an integer >= 2).
        filters: Characters removed. Defaults to punctuation, tab and newline.
        lower: Convert to lower case. Defaults to `True`.
        split: Word separator. Defaults to `" "`.

    Returns:
        A list of integers (R: an integer vector); the same word gets the same index within a
        session, and different words may collide.

    Mirrors ``keras::text_one_hot()``.
    """
    return text_hashing_trick(text, n, hash_function=None, filters=filters, lower=lower, split=split)


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
