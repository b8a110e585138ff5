"""conlleval-exact entity scoring (pure functions) and the file evaluation path."""

from __future__ import annotations

import pytest

from extractor.evaluation.ner_eval import chunks, doc_to_iob, score_sentences


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "O"], set()),
        (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        # IOB1: I- after O starts a chunk; two I- of one type are one chunk.
        (["O", "I-ORG", "I-ORG"], {(1, 3, "ORG")}),
        # B- right after a chunk of the same type starts a new one.
        (["B-PER", "B-PER"], {(0, 1, "PER"), (1, 2, "PER")}),
        # A type change inside I- tags ends one chunk and starts another (conlleval).
        (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),
        # IOBES is read too.
        (["S-MISC", "B-ORG", "E-ORG"], {(0, 1, "MISC"), (1, 3, "ORG")}),
        (["I-LOC"], {(0, 1, "LOC")}),
    ],
)
def test_chunks(tags: list[str], expected: set[tuple[int, int, str]]) -> None:
    assert chunks(tags) == expected


def test_scores_per_type_and_micro() -> None:
    pairs = [
        (["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-ORG"]),
        # Wrong boundary: no credit for either side (exact span required).
        (["B-ORG", "I-ORG", "I-ORG"], ["B-ORG", "I-ORG", "O"]),
        (["O", "B-MISC"], ["O", "B-MISC"]),
    ]
    s = score_sentences(pairs)
    assert (s.per_type["PER"].correct, s.per_type["PER"].predicted, s.per_type["PER"].gold) == (
        1,
        1,
        1,
    )
    assert s.per_type["LOC"].recall == 0.0 and s.per_type["LOC"].gold == 1
    assert s.per_type["ORG"].correct == 0
    assert (s.per_type["ORG"].predicted, s.per_type["ORG"].gold) == (2, 1)
    assert (s.micro.correct, s.micro.predicted, s.micro.gold) == (2, 4, 4)
    assert s.micro.precision == pytest.approx(0.5)
    assert s.micro.f1 == pytest.approx(0.5)
    assert s.tokens == 9 and s.tokens_correct == 7


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_sentences([(["O"], ["O", "O"])])


def test_doc_to_iob() -> None:
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("nl")
    doc = nlp("Jan de Vries werkt bij ASML in Veldhoven")
    doc.ents = [Span(doc, 0, 3, "PER"), Span(doc, 5, 6, "ORG")]
    assert doc_to_iob(doc) == ["B-PER", "I-PER", "I-PER", "O", "O", "B-ORG", "O", "O"]


def test_evaluate_file_with_a_rule_model(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The file path: -DOCSTART- skipped, tokens kept as given, ents scored."""
    import spacy

    from extractor.evaluation.ner_eval import evaluate_file

    path = tmp_path / "mini.conll"
    path.write_text(
        "-DOCSTART- -DOCSTART- O\nJan N B-PER\nwerkt V O\nbij Prep O\nASML N B-ORG\n. Punc O\n\n"
        "Philips N B-ORG\nin Prep O\nEindhoven N B-LOC\n\n",
        encoding="utf-8",
    )
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": "Jan"},
            {"label": "ORG", "pattern": "ASML"},
            {"label": "ORG", "pattern": "Eindhoven"},
        ]
    )
    s = evaluate_file(nlp, path)
    assert (s.micro.correct, s.micro.predicted, s.micro.gold) == (2, 3, 4)
    assert s.per_type["LOC"].gold == 1 and s.per_type["LOC"].correct == 0
