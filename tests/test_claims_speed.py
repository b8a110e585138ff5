"""The claim and entity stages' precomputed lookups answer exactly what the plain scans they
replaced answered (they exist for speed only; see docview.DocView and lexicon.verb_lemma)."""

from __future__ import annotations

import pytest
from claims_helpers import entities_for, unparsed

from extractor.claims import lexicon
from extractor.claims.docview import RELATIVE_PRONOUNS, DocView
from extractor.claims.supply import SUPPLY_LEMMAS
from extractor.entities import classify

TEXT = (
    "Nexperia , dat chips maakt , levert aan Bosch ; maar de fabriek die in Hamburg staat "
    "sluit . Het bedrijf verkocht de divisie , omdat ASML die kocht en het concern dat "
    "overnam . Daarna leverde Philips onderdelen aan de klanten van Intel ( Californië ) ."
).split()


def _walk(view: DocView, i: int) -> tuple[int, int]:
    """The token-by-token walk surface_clause replaced (the reference)."""
    sent = view.sent_of(i)
    start, end = sent.start, sent.end
    breaks, relatives = view._clause_marks()
    for j in range(i - 1, sent.start - 1, -1):
        if breaks[j]:
            start = j + 1
            break
        if relatives[j]:
            start = j
            break
    relative = view.doc[start].lower_ in RELATIVE_PRONOUNS and start > sent.start
    for j in range(i + 1, sent.end):
        if breaks[j] or relatives[j] or (relative and view.doc[j].text == ","):
            end = j
            break
    return start, end


@pytest.fixture(scope="module")
def view() -> DocView:
    doc = unparsed(TEXT)
    entities, mentions = entities_for(doc, [("Nexperia", "FIRM", [(0, 1)]),
                                            ("Bosch", "FIRM", [(7, 8)]),
                                            ("ASML", "FIRM", [(26, 27)])])
    return DocView(doc, entities, mentions)


def test_surface_clause_equals_the_walk(view: DocView) -> None:
    # asked in reverse order too: the per-sentence fill must not depend on who asks first
    for i in list(range(len(view.doc)))[::-1]:
        assert view.surface_clause(i) == _walk(view, i), i


def test_token_filters_equal_plain_scans(view: DocView) -> None:
    words = {"levert", "die", "klanten", "nergens"}
    for sent in view.sentences:
        toks = list(sent)
        assert [t.i for t in view.toks(sent)] == [t.i for t in toks]
        assert [t.i for t in view.toks_in(sent, words)] == [
            t.i for t in toks if t.lower_ in words]
        assert [t.i for t in view.toks_in(sent, {"nergens"})] == []
        assert [t.i for t in view.toks_with_lemma(sent, {"leveren", "kopen"})] == [
            t.i for t in toks if lexicon.verb_lemma(t.text) in {"leveren", "kopen"}]
        assert [t.i for t in view.toks_with_lemma(sent, SUPPLY_LEMMAS)] == [
            t.i for t in toks if lexicon.verb_lemma(t.text) in SUPPLY_LEMMAS]
        assert [t.i for t in view.toks_where(sent, lambda w: w.endswith("en"))] == [
            t.i for t in toks if t.lower_.endswith("en")]
        assert [t.i for t in view.toks_in_mentions(sent)] == [
            t.i for t in toks if view.mention_at(t.i) is not None]
    assert view.words(range(3)) == ["nexperia", ",", "dat"]


def test_verb_lemma_index_equals_the_table_scan() -> None:
    def scan(form: str) -> str | None:
        low = form.lower()
        if low in lexicon.GLUED:
            return lexicon.GLUED[low]
        return next((lemma for lemma, forms in lexicon.VERB_FORMS.items() if low in forms), None)

    forms = {f for fs in lexicon.VERB_FORMS.values() for f in fs} | set(lexicon.GLUED)
    for form in sorted(forms) + ["Leverde", "KOCHT", "fiets", ""]:
        assert lexicon.verb_lemma(form) == scan(form), form


@pytest.mark.parametrize("word,heads,expected", [
    ("chipmachinefabrikant", ("fabrikant", "maker", "machinefabrikant"), "machinefabrikant"),
    ("Quantum-Instituut", ["instituut", "tuut"], "instituut"),
    ("bakker", ("fabrikant",), None),
    ("", ("fabrikant",), None),
    ("fabrikant", frozenset({"fabrikant", "kant"}), "fabrikant"),
])
def test_ends_with_head_is_the_longest_head(word: str, heads, expected: str | None) -> None:
    assert classify.ends_with_head(word, heads) == expected
    longest = max((h for h in heads if word.lower().endswith(h)), key=len, default=None)
    assert classify.ends_with_head(word, heads) == longest
