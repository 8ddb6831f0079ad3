"""Sentence-pair loading, preprocessing, indexing, decoding and BLEU for the translation case study."""
from pathlib import Path

import numpy as np
import pytest

from rkeras_bridge.cases.translation import (
    bleu_baselines, corpus_bleu, corpus_chrf, preprocess_sentence, read_sentence_pairs, sequences_to_text,
    translation_data,
)

FIXTURE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "eng-spa-tatoeba.tsv"
PAIRS = [("Go.", "Ve."), ("Hello!", "¡Hola!"), ("Thank you.", "Gracias."),
         ("Where is the boy?", "¿Dónde está el niño?"), ("I don't know.", "No sé."),
         ("Tom is here.", "Tom está aquí."), ("Run!", "¡Corre!"),
         ("A very long sentence with far too many words in it.", "Una frase muy larga con muchas palabras.")]


def write_pairs(path, layout):
    if layout == "tatoeba":
        lines = [f"eng\tspa\t{s}\t{t}" for s, t in PAIRS]
    elif layout == "manythings":
        lines = [f"{s}\t{t}\tCC-BY 2.0 (France) Attribution: tatoeba.org #{i}"
                 for i, (s, t) in enumerate(PAIRS)]
    else:
        lines = [f"{s}\t{t}" for s, t in PAIRS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", ["tatoeba", "manythings", "two_columns"])
def test_both_layouts_give_the_same_pairs(tmp_path, layout):
    assert read_sentence_pairs(write_pairs(tmp_path / "pairs.txt", layout)) == PAIRS


def test_missing_and_malformed_files_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"Received: path='.*nope.txt'.*manythings.org"):
        read_sentence_pairs(tmp_path / "nope.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("Go.\tVe.\njust one column\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_sentence_pairs(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="at least one pair"):
        read_sentence_pairs(empty)
    with pytest.raises(TypeError, match="`path`"):
        read_sentence_pairs(3)


@pytest.mark.parametrize("raw, expected", [
    ("¿Dónde está el niño?", "<start> ¿ donde esta el nino ? <end>"),
    ("I don't know.", "<start> i don t know . <end>"),
    ("  Hello,   world!! ", "<start> hello , world ! ! <end>"),
    ("¡Corre! 42 €", "<start> corre ! <end>"),
])
def test_preprocess_sentence(raw, expected):
    assert preprocess_sentence(raw) == expected


def test_translation_data_indexes_pads_and_splits(tmp_path):
    path = write_pairs(tmp_path / "pairs.txt", "tatoeba")
    data = translation_data(path, max_words=8, valid_fraction=0.25, seed=3)
    assert data["n_pairs"] == 7  # the 11-word pair is dropped
    assert data["source_train"].dtype == np.int32 and data["source_train"].shape[0] == 5
    assert data["source_valid"].shape[0] == 2
    for side in ("source", "target"):
        index = data[f"{side}_index"]
        assert index[0] == "<pad>" and index[1:] == sorted(index[1:]) and len(set(index)) == len(index)
        for split in ("train", "valid"):
            ids, texts = data[f"{side}_{split}"], data[f"{side}_text_{split}"]
            for row, text in zip(ids, texts):
                words = text.split(" ")
                assert [index[i] for i in row[: len(words)]] == words  # indices spell the sentence
                assert not row[len(words):].any()  # post-padding with <pad> = 0
    assert data["target_index"][data["start_id"]] == "<start>"
    all_sources = set(data["source_text_train"]) | set(data["source_text_valid"])
    assert len(all_sources) == 7 and not set(data["source_text_train"]) & set(data["source_text_valid"])
    again = translation_data(path, max_words=8, valid_fraction=0.25, seed=3)
    assert np.array_equal(again["target_valid"], data["target_valid"])
    other = translation_data(path, max_words=8, valid_fraction=0.25, seed=4)
    assert not np.array_equal(other["source_text_valid"], data["source_text_valid"]) or \
        not np.array_equal(other["source_text_train"], data["source_text_train"])
    reverse = translation_data(path, reverse=True, valid_fraction=0.25, seed=3)
    assert "¿" in reverse["source_index"]


@pytest.mark.parametrize("kwargs, name", [({"max_words": 0}, "max_words"), ({"max_words": 2.5}, "max_words"),
                                          ({"valid_fraction": 1}, "valid_fraction"), ({"seed": -1}, "seed"),
                                          ({"reverse": "yes"}, "reverse")])
def test_translation_data_bad_arguments(tmp_path, kwargs, name):
    path = write_pairs(tmp_path / "pairs.txt", "tatoeba")
    with pytest.raises((ValueError, TypeError), match=f"`{name}`"):
        translation_data(path, **kwargs)


def test_a_limit_that_keeps_too_few_pairs(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text("Go.\tVe.\nWhere is the boy?\t¿Dónde está el niño?\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"`max_words`.*kept 1"):
        translation_data(path, max_words=1)


def test_the_shared_fixture_loads():
    assert FIXTURE.exists(), f"the Tatoeba fixture is missing: expected it at {FIXTURE}"
    data = translation_data(FIXTURE)
    assert data["n_pairs"] == 2929
    assert data["source_train"].shape == (2343, 14) and data["target_valid"].shape == (586, 14)


def test_sequences_to_text_stops_at_end():
    index = ["<pad>", "<end>", "hola", "<start>", "mundo"]
    assert sequences_to_text([[3, 2, 4, 1, 2], [2, 0, 4, 0, 0]], index) == ["hola mundo", "hola mundo"]
    assert sequences_to_text([3, 2, 1, 4], index, keep_tokens=True) == ["<start> hola <end>"]
    assert sequences_to_text(np.array([[2.0, 1.0]]), index) == ["hola"]
    with pytest.raises(ValueError, match="`ids`"):
        sequences_to_text([[5]], index)
    with pytest.raises(ValueError, match="`ids`"):
        sequences_to_text([[1.5]], index)


def test_corpus_bleu_and_baselines(tmp_path):
    assert corpus_bleu(["<start> el gato negro . <end>"], ["el gato negro ."]) == pytest.approx(100)
    assert corpus_bleu(["un perro"], ["el gato negro ."]) == 0
    with pytest.raises(ValueError, match="`references`"):
        corpus_bleu(["a", "b"], ["a"])
    with pytest.raises(TypeError, match=r"`sentences\[1\]`"):
        corpus_bleu([3], ["a"])
    data = translation_data(write_pairs(tmp_path / "p.txt", "tatoeba"), valid_fraction=0.5, seed=1)
    baselines = bleu_baselines(data)
    assert set(baselines) == {"copy_source", "most_frequent_target", "copy_source_chrf",
                              "most_frequent_target_chrf"}
    assert corpus_chrf(["el gato negro ."], ["el gato negro ."]) == pytest.approx(100)
    assert 0 < corpus_chrf(["el gato negra ."], ["el gato negro ."]) < 100
    with pytest.raises(ValueError, match="`references`"):
        corpus_chrf(["a"], [])
    assert all(0 <= v <= 100 for v in baselines.values())
