"""Sentence pairs for the translation case study: loading, preprocessing, indexing, BLEU.

R and Python both call this one implementation, so the two case studies see the same
sentences, the same vocabulary, the same split and the same BLEU (sacrebleu), not two
re-implementations that drift.

Preprocessing follows the original article: lower-case, put a space around ``? . ! , ¿``,
drop every other character, add ``<start>``/``<end>``. Before dropping characters, accents are
removed (Unicode NFD, combining marks dropped, as TensorFlow's own attention-translation
tutorial does): otherwise "está" would become "est" and "niño" "ni o".
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = [
    "read_sentence_pairs", "preprocess_sentence", "translation_data", "sequences_to_text", "corpus_bleu",
    "corpus_chrf", "bleu_baselines",
]

START, END, PAD = "<start>", "<end>", "<pad>"
_WHERE = ("Get English-Spanish pairs from https://www.manythings.org/anki/ (spa-eng.zip, file spa.txt) "
          "or the Tatoeba Challenge (data/test/eng-spa/test.txt) and pass the file's path")
_LANG_CODE = re.compile(r"^[a-z]{2,3}(_[A-Za-z]+)*$")


def read_sentence_pairs(path: Any) -> list[tuple[str, str]]:
    """Read sentence pairs from a tab-separated file in either common layout.

    Layouts: the Tatoeba Challenge's ``eng<TAB>spa<TAB>source<TAB>target`` (language codes first)
    and manythings.org's ``source<TAB>target[<TAB>attribution]`` (``spa.txt``).

    Example:
        >>> pairs = read_sentence_pairs("../shared/data/eng-spa-tatoeba.tsv")  # doctest: +SKIP
        >>> pairs[0]  # doctest: +SKIP
        ('Tom was in jail at the time.', 'En ese tiempo Tom estaba encarcelado.')

    Args:
        path: The file. Nothing is downloaded.

    Returns:
        A list of ``(source, target)`` string pairs, in file order.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise bad_argument("path", path, "the path of a tab-separated sentence-pair file", TypeError)
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"Sentence-pair file not found. Received: path={path!r}. {_WHERE}.")
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\r\n").split("\t")
            if fields == [""]:
                continue
            if len(fields) >= 4 and _LANG_CODE.match(fields[0]) and _LANG_CODE.match(fields[1]):
                source, target = fields[2], fields[3]
            elif len(fields) in (2, 3):
                source, target = fields[0], fields[1]
            else:
                raise ValueError(
                    f"Invalid line {number} in sentence-pair file {path!r}: expected "
                    "`source<TAB>target[<TAB>attribution]` or "
                    "`src_lang<TAB>tgt_lang<TAB>source<TAB>target`. "
                    f"Received: {line[:80]!r}"
                )
            pairs.append((source.strip(), target.strip()))
    if not pairs:
        raise ValueError(f"Invalid sentence-pair file: expected at least one pair. "
                         f"Received: path={path!r} (empty)")
    return pairs


def preprocess_sentence(sentence: Any) -> str:
    """Normalise one sentence the way the case study trains on it.

    Example:
        >>> preprocess_sentence("¿Dónde está el niño?")
        '<start> ¿ donde esta el nino ? <end>'

    Args:
        sentence: A string.

    Returns:
        The lower-cased, accent-stripped sentence with ``? . ! , ¿`` spaced out, other characters
        dropped, between ``<start>`` and ``<end>``.
    """
    if not isinstance(sentence, str):
        raise bad_argument("sentence", sentence, "a string", TypeError)
    text = unicodedata.normalize("NFD", sentence.lower().strip())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = re.sub(r"([?.!,¿])", r" \1 ", text)
    text = re.sub(r"[^a-z?.!,¿]+", " ", text)
    return f"{START} {' '.join(text.split())} {END}"


def _index(sentences: list[str]) -> np.ndarray:
    # As the original's create_index: <pad> = 0, then the sorted unique words (code-point order, so
    # R and Python agree whatever R's collation locale is).
    words = sorted({word for sentence in sentences for word in sentence.split(" ")})
    return np.array([PAD, *words])


def _encode(sentences: list[str], index: np.ndarray, length: int) -> np.ndarray:
    lookup = {word: i for i, word in enumerate(index.tolist())}
    out = np.zeros((len(sentences), length), dtype=np.int32)  # post-padding with <pad> = 0
    for row, sentence in enumerate(sentences):
        ids = [lookup[word] for word in sentence.split(" ")]
        out[row, : len(ids)] = ids
    return out


def translation_data(path: Any, max_words: Any = 8, valid_fraction: Any = 0.2, seed: Any = 42,
                     reverse: Any = False) -> dict[str, Any]:
    """Load, filter, preprocess, index and split sentence pairs for the translation case study.

    Example:
        >>> data = translation_data("../shared/data/eng-spa-tatoeba.tsv")  # doctest: +SKIP
        >>> data["source_train"].shape, len(data["target_index"])  # doctest: +SKIP
        ((2343, 12), 2894)

    Args:
        path: Tab-separated sentence pairs (see :func:`read_sentence_pairs`).
        max_words: Keep pairs whose sentences both have at most this many words. Defaults to `8`.
        valid_fraction: Share of pairs held out, chosen by a seeded permutation. Defaults to `0.2`.
        seed: Seed of the split. Defaults to `42`.
        reverse: Translate from the second column to the first. Defaults to `False`.

    Returns:
        A dict with ``source_train``, ``target_train``, ``source_valid``, ``target_valid`` (int32
        matrices, one padded sentence per row, ``<pad>`` = 0, post-padding), ``source_index`` and
        ``target_index`` (word of each index, ``<pad>`` first), ``source_text_*``/``target_text_*``
        (the preprocessed sentences of each split), ``start_id`` (the index of ``<start>``, where
        decoding begins) and ``n_pairs``.

    R equivalent: ``translation_data(path, max_words = 8)``.
    """
    max_words = as_integer(max_words, "max_words", minimum=1)
    seed = as_integer(seed, "seed", minimum=0)
    try:
        fraction = float(valid_fraction)
    except (TypeError, ValueError):
        fraction = float("nan")
    if not 0 < fraction < 1:
        raise bad_argument("valid_fraction", valid_fraction, "a number strictly between 0 and 1")
    if not isinstance(reverse, (bool, np.bool_)):
        raise bad_argument("reverse", reverse, "TRUE or FALSE")
    pairs = read_sentence_pairs(path)
    if reverse:
        pairs = [(t, s) for s, t in pairs]
    kept = [(s, t) for s, t in pairs if len(s.split()) <= max_words and len(t.split()) <= max_words]
    if len(kept) < 2:
        raise ValueError(
            f"Invalid value for argument `max_words`: expected a limit that keeps at least 2 of the "
            f"{len(pairs)} pairs in {os.fspath(path)!r}. Received: max_words={max_words} (kept {len(kept)})"
        )
    sources = [preprocess_sentence(s) for s, _ in kept]
    targets = [preprocess_sentence(t) for _, t in kept]
    source_index, target_index = _index(sources), _index(targets)
    source_ids = _encode(sources, source_index, max(len(s.split(" ")) for s in sources))
    target_ids = _encode(targets, target_index, max(len(t.split(" ")) for t in targets))
    order = np.random.default_rng(seed).permutation(len(kept))
    n_valid = max(1, int(round(len(kept) * fraction)))
    valid, train = np.sort(order[:n_valid]), np.sort(order[n_valid:])
    return {
        "source_train": source_ids[train], "target_train": target_ids[train],
        "source_valid": source_ids[valid], "target_valid": target_ids[valid],
        # lists of str, not NumPy arrays: R receives plain character vectors (no dim attribute)
        "source_index": source_index.tolist(), "target_index": target_index.tolist(),
        "source_text_train": [sources[i] for i in train], "target_text_train": [targets[i] for i in train],
        "source_text_valid": [sources[i] for i in valid], "target_text_valid": [targets[i] for i in valid],
        "start_id": int(np.flatnonzero(target_index == START)[0]),
        "n_pairs": len(kept),
    }


def sequences_to_text(ids: Any, index: Any, keep_tokens: Any = False) -> list[str]:
    """Turn rows of word indices back into sentences, stopping at ``<end>``.

    Example:
        >>> sequences_to_text([[3, 2, 1, 0]], ["<pad>", "<end>", "hola", "<start>"])
        ['hola']

    Args:
        ids: A matrix (or tensor) of indices, one sentence per row; a vector is one sentence.
        index: The word of each index (``data$target_index``).
        keep_tokens: Keep ``<start>``/``<end>`` in the text. Defaults to `False`.

    Returns:
        A character vector, one sentence per row (``<pad>`` and what follows ``<end>`` dropped).
    """
    if hasattr(ids, "numpy"):
        ids = ids.numpy()
    array = np.asarray(ids)
    if array.ndim == 1:
        array = array.reshape(1, -1)
    whole = np.issubdtype(array.dtype, np.integer) or (
        np.issubdtype(array.dtype, np.floating) and bool(np.all(array == np.round(array))))
    if array.ndim != 2 or not whole:
        raise bad_argument("ids", ids, "a matrix of whole-number word indices (one sentence per row)")
    words = np.asarray(index).reshape(-1).tolist()
    if array.size and (array.min() < 0 or array.max() >= len(words)):
        raise bad_argument("ids", ids, f"indices from 0 to {len(words) - 1} (the length of `index` minus 1)")
    sentences = []
    for row in array.astype(np.int64):
        out = []
        for i in row:
            word = words[i]
            if word == END:
                if keep_tokens:
                    out.append(word)
                break
            if word == PAD or (word == START and not keep_tokens):
                continue
            out.append(word)
        sentences.append(" ".join(out))
    return sentences


def _strip_tokens(sentences: Any) -> list[str]:
    if isinstance(sentences, str):
        sentences = [sentences]
    out = []
    for i, s in enumerate(np.asarray(sentences).reshape(-1).tolist()):
        if not isinstance(s, str):
            raise bad_argument(f"sentences[{i + 1}]", s, "a string", TypeError)
        out.append(" ".join(w for w in s.split() if w not in (START, END, PAD)))
    return out


def _hypotheses_and_references(hypotheses: Any, references: Any) -> tuple[list[str], list[str]]:
    hyps, refs = _strip_tokens(hypotheses), _strip_tokens(references)
    if len(hyps) != len(refs) or not hyps:
        raise bad_argument("references", f"{len(refs)} sentences",
                           f"one reference per hypothesis ({len(hyps)} hypotheses, at least 1)")
    return hyps, refs


def corpus_bleu(hypotheses: Any, references: Any) -> float:
    """Corpus BLEU (sacrebleu) of translations against one reference each.

    The sentences are compared as given, split on spaces (sacrebleu's ``tokenize="none"``): the
    case study's text is already tokenised by :func:`preprocess_sentence`.

    Example:
        >>> round(corpus_bleu(["el gato negro ."], ["el gato negro ."]), 1)
        100.0

    Args:
        hypotheses: The system's sentences (``<start>``/``<end>``/``<pad>`` tokens are ignored).
        references: One reference per hypothesis, same order.

    Returns:
        BLEU, 0 to 100.
    """
    import sacrebleu

    hyps, refs = _hypotheses_and_references(hypotheses, references)
    return float(sacrebleu.corpus_bleu(hyps, [refs], tokenize="none", force=True).score)


def corpus_chrf(hypotheses: Any, references: Any) -> float:
    """Corpus chrF (sacrebleu's character n-gram F-score), a second opinion next to BLEU.

    On a small test set BLEU is often near zero because 4-gram matches are rare; chrF credits
    partly right words, so it separates a weak model from a baseline more finely.

    Example:
        >>> round(corpus_chrf(["el gato negro ."], ["el gato negro ."]), 1)
        100.0

    Args:
        hypotheses: The system's sentences (``<start>``/``<end>``/``<pad>`` tokens are ignored).
        references: One reference per hypothesis, same order.

    Returns:
        chrF, 0 to 100.
    """
    import sacrebleu

    hyps, refs = _hypotheses_and_references(hypotheses, references)
    return float(sacrebleu.corpus_chrf(hyps, [refs]).score)


def bleu_baselines(data: dict[str, Any]) -> dict[str, float]:
    """BLEU of two trivial translators on the held-out pairs, to judge a model against.

    Args:
        data: What :func:`translation_data` returned.

    Returns:
        BLEU of ``copy_source`` (the source sentence as its own translation) and
        ``most_frequent_target`` (the most frequent training target sentence, for every input), and
        the chrF of each (``copy_source_chrf``, ``most_frequent_target_chrf``).
    """
    references = data["target_text_valid"]
    most_frequent = Counter(_strip_tokens(data["target_text_train"])).most_common(1)[0][0]
    constant = [most_frequent] * len(references)
    return {
        "copy_source": corpus_bleu(data["source_text_valid"], references),
        "most_frequent_target": corpus_bleu(constant, references),
        "copy_source_chrf": corpus_chrf(data["source_text_valid"], references),
        "most_frequent_target_chrf": corpus_chrf(constant, references),
    }
