"""Projective punctuation attachment (extractor.nlp.punct), table-driven on small trees."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractor.nlp.punct import attach_punct

# (words, upos, parser heads (1-based, 0 = root), expected heads)
CASES = [
    pytest.param(
        # "ASML groeit ." with the dot hung from the subject: it belongs to the verb.
        ["ASML", "groeit", "."],
        ["PROPN", "VERB", "PUNCT"],
        [2, 0, 1],
        [2, 0, 2],
        id="final-dot-to-root",
    ),
    pytest.param(
        # A word the parser hung from a comma moves to the comma's head.
        ["Hij", "zegt", ",", "dat", "het", "kan"],
        ["PRON", "VERB", "PUNCT", "SCONJ", "PRON", "VERB"],
        [2, 0, 2, 6, 6, 3],
        [2, 0, 6, 6, 6, 2],
        id="punct-has-no-children",
    ),
    pytest.param(
        # Brackets go to the head of what they enclose.
        ["TNO", "(", "Delft", ")", "groeit", "."],
        ["PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT"],
        [5, 5, 1, 5, 0, 5],
        [5, 3, 1, 3, 0, 5],
        id="brackets-to-enclosed-head",
    ),
    pytest.param(
        # A comma the parser attached to an allowed candidate keeps its head.
        ["Shell", ",", "BP", "en", "Eni", "groeien"],
        ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"],
        [6, 3, 1, 5, 1, 0],
        [6, 3, 1, 5, 1, 0],
        id="allowed-head-kept",
    ),
    pytest.param(
        # A comma attached across a subtree (non-projectively) moves to a projective head.
        ["Shell", ",", "BP", "en", "Eni", "groeien"],
        ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"],
        [6, 5, 1, 5, 1, 0],
        [6, 3, 1, 5, 1, 0],
        id="nonprojective-comma-moved",
    ),
    pytest.param(
        # The dot of an ordinal or abbreviation stays on its word.
        ["de", "3", ".", "plaats"],
        ["DET", "NUM", "PUNCT", "NOUN"],
        [4, 4, 2, 0],
        [4, 4, 2, 0],
        id="ordinal-dot-kept",
    ),
    pytest.param(
        ["Nieuws"],
        ["NOUN"],
        [0],
        [0],
        id="no-punctuation",
    ),
]


@pytest.mark.parametrize(("words", "upos", "heads", "expected"), CASES)
def test_attach_punct(words, upos, heads, expected):
    assert attach_punct(words, upos, heads) == expected


def test_one_root_only():
    # Two words hang from the root after a mark's children moved: one root remains.
    heads = attach_punct(["Nee", ",", "nooit"], ["INTJ", "PUNCT", "ADV"], [0, 0, 2])
    assert sum(1 for h in heads if h == 0) == 1


def _doc(words, upos, heads, deps, spaces=None):
    nlp = spacy.blank("nl")
    # Doc takes absolute 0-based heads; a root is its own head.
    abs_heads = [i if h == 0 else h - 1 for i, h in enumerate(heads)]
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=upos, heads=abs_heads, deps=deps)


def test_component_moves_only_punct_arcs_and_keeps_sentences():
    nlp = spacy.blank("nl")
    nlp.add_pipe("punct_attach")
    words = ["ASML", "groeit", ".", "TNO", "(", "Delft", ")", "krimpt", "."]
    upos = ["PROPN", "VERB", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT"]
    # Sentence 2 is tokens 4-9 (1-based within it: TNO ( Delft ) krimpt .).
    heads = [2, 0, 1] + [3 + h if h else 0 for h in [5, 5, 1, 5, 0, 5]]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "punct", "appos", "punct", "ROOT", "punct"]
    doc = _doc(words, upos, heads, deps)
    before_sents = [s.text for s in doc.sents]
    doc = nlp(doc)
    assert [s.text for s in doc.sents] == before_sents
    assert [t.head.i for t in doc] == [1, 1, 1, 7, 5, 3, 5, 7, 7]
    assert [t.dep_ for t in doc] == deps


def test_component_ignores_unparsed_docs():
    nlp = spacy.blank("nl")
    nlp.add_pipe("punct_attach")
    doc = nlp("ASML groeit .")
    assert not doc.has_annotation("DEP")


def test_shipped_pipeline_runs_it_after_the_parser():
    from extractor.config import DEFAULT_MODEL_PATH
    from extractor.nlp.loader import load_base

    nlp = load_base(DEFAULT_MODEL_PATH)
    names = nlp.pipe_names
    assert names.index("punct_attach") == names.index("parser") + 1
    doc = nlp("De minister zegt, na overleg met ASML, dat de regels blijven.")
    for token in doc:
        if token.pos_ == "PUNCT":
            assert not list(token.children)
