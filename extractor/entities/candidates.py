"""All candidate finders together (overlapping candidates; see
:func:`.mentions.select_candidates` for the non-overlapping set)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mentions import Candidate
from .names import country_candidates, gazetteer_candidates, ner_candidates
from .phrases import description_candidates, product_candidates
from .rules import rule_candidates, weak_candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .gazetteer import GazetteerMatcher

__all__ = ["find_candidates"]


def find_candidates(doc: Doc, gazetteer: GazetteerMatcher | None = None) -> list[Candidate]:
    """Every candidate from every source (overlapping)."""
    found: list[Candidate] = []
    found += gazetteer_candidates(doc, gazetteer)
    found += ner_candidates(doc)
    found += country_candidates(doc)
    found += rule_candidates(doc)
    found += weak_candidates(doc)
    found += description_candidates(doc)
    found += product_candidates(doc)
    return found
