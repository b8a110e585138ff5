"""No-break spaces and CRLF line ends give the same entities and claims as plain text,
and every offset still points into the record's own text."""

from __future__ import annotations

import pytest

from extractor import Pipeline, Settings
from extractor.pipeline import nlp_text

TEXT = (
    "ASML levert chipmachines aan Intel\n\n"
    "Chipmachinefabrikant ASML uit Veldhoven levert dit jaar twintig euv-machines aan het "
    "Amerikaanse Intel. Het Chinese SMIC mag volgens de Nederlandse regering geen machines "
    "meer kopen bij ASML.\n"
)


@pytest.mark.parametrize(("given", "expected"), [
    ("a\u00a0b", "a b"),
    ("a\u202fb\u2009c", "a b c"),
    ("regel\r\nregel", "regel \nregel"),
    ("oud\rmac", "oud\nmac"),
    ("tab\there", "tab here"),
    ("gewoon", "gewoon"),
])
def test_nlp_text_maps_one_character_to_one(given: str, expected: str) -> None:
    assert nlp_text(given) == expected
    assert len(nlp_text(given)) == len(given)


def _keys(record) -> set[tuple[str, str, str, bool]]:
    names = {e.id: " ".join(e.name.split()) for e in record.entities}
    return {(names[c.subject], c.predicate, names[c.object], c.negated) for c in record.claims}


def test_odd_spaces_and_crlf_give_the_same_claims_with_exact_offsets() -> None:
    odd = TEXT.replace(" ", "\u00a0").replace("\n", "\r\n")
    plain, weird = Pipeline(Settings()).run_texts([TEXT, odd], published="2025-01-10")
    assert _keys(plain) and _keys(weird) == _keys(plain)
    for entity in weird.entities:
        for m in entity.mentions:
            assert m.text == odd[m.start:m.end]
    for claim in weird.claims:
        for ev in [claim.evidence, *claim.all_evidence]:
            assert ev.sentence == odd[ev.start:ev.end]
    assert all("\u00a0" in c.evidence.sentence for c in weird.claims)
