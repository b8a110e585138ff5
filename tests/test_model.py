"""The shipped pipeline in models/nl_extractor: loads offline, has every component, behaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.config import DEFAULT_MODEL_PATH
from extractor.errors import ModelError
from extractor.nlp.loader import load_base
from extractor.nlp.tokenizer import paragraph_starts

UPOS = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE",
}  # fmt: skip


@pytest.mark.parametrize(
    ("texts", "starts"),
    [
        (["Kop", "\n\n", "De", "tekst"], [True, False, True, False]),
        (["Kop", "\n", "De"], [True, False, True]),
        (["Een", "zin", ".", "Nog"], [True, False, False, None]),
        (["a", "\n \n", "\n", "b"], [True, False, False, True]),
        (["Zei", "dhr.", "Jansen"], [True, False, None]),
        (["ja", "!", '"', "Hij"], [True, False, None, None]),
        (["Ja", ".", "  ", "Nee"], [True, False, False, None]),
        (["Chipmachinefabrikant", "ASML", "uit"], [True, False, False]),
        ([], []),
    ],
)
def test_paragraph_starts(texts: list[str], starts: list[bool | None]) -> None:
    assert paragraph_starts(texts) == starts


@pytest.mark.parametrize(
    ("texts", "spaces", "starts"),
    [
        # doeleinden." Veel -> the quote closes the sentence; "Veel" may start the next one
        (["doeleinden", ".", '"', "Veel"], [False, False, True, True], [True, False, False, None]),
        # zei hij. "Nee -> the quote opens the next sentence
        (["hij", ".", '"', "Nee"], [False, True, False, True], [True, False, None, None]),
    ],
)
def test_paragraph_starts_quotes(
    texts: list[str], spaces: list[bool], starts: list[bool | None]
) -> None:
    assert paragraph_starts(texts, spaces) == starts


def test_missing_model_dir_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no spaCy model"):
        load_base(tmp_path / "missing")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    if not (DEFAULT_MODEL_PATH / "config.cfg").exists():
        pytest.fail(f"the shipped model is missing: {DEFAULT_MODEL_PATH}")
    return load_base(DEFAULT_MODEL_PATH)


def test_components(nlp) -> None:  # type: ignore[no-untyped-def]
    for name in ("morphologizer", "lemmatizer", "parser", "ner", "paragraph_breaks"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    # The lemma tables are inside the model, not fetched from spacy-lookups-data at run time.
    tables = nlp.get_pipe("lemmatizer").lookups.tables
    assert {"lemma_lookup", "lemma_rules", "lemma_exc", "lemma_index"} <= set(tables)


def test_size_under_60_mb() -> None:
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_PATH.rglob("*") if p.is_file())
    assert size < 60 * 1024 * 1024


def test_annotations_on_news_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ASML levert chipmachines aan China\n\n"
        "De Nederlandse chipmachinefabrikant ASML heeft vorig jaar machines verkocht aan "
        "een Chinees instituut. Dat zei topman Christophe Fouquet woensdag in Veldhoven."
    )
    doc = nlp(text)
    sents = list(doc.sents)
    # The headline has no full stop; the blank line still ends it.
    assert sents[0].text.strip() == "ASML levert chipmachines aan China"
    assert len(sents) == 3
    # No punctuation, no boundary: the parser may not cut "chipmachinefabrikant | ASML".
    assert [
        len(list(nlp(t).sents)) for t in ("Chipmachinefabrikant ASML uit Veldhoven zei dat.",)
    ] == [1]
    assert all(t.pos_ in UPOS for t in doc)
    deps = {t.dep_ for t in doc}
    assert {"nsubj", "punct"} <= deps
    assert any(t.dep_ == "ROOT" for t in doc)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["verkocht"] == "verkopen"
    assert lemmas["machines"] == "machine"
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "MISC"}
    assert doc.ents, "no entities at all in a sentence full of names"


def test_news_tokenization(nlp) -> None:  # type: ignore[no-untyped-def]
    words = [t.text for t in nlp.make_doc("Export naar de VS. Dat meldt 's-Hertogenbosch.")]
    assert words[3:5] == ["VS", "."]
    assert "'s-Hertogenbosch" in words
