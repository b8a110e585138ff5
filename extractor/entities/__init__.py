"""Entities as SPEC section 1 defines them: typed, canonical, aliased within the article.

The spaCy component ``"extractor_entities"`` (registered in :mod:`.component`) sets
``doc._.entities`` (schema ``Entity`` objects, ids in order of first mention) and
``doc._.entity_mentions`` (:class:`MentionSpan` objects, token level, with nationality
adjectives as ``kind="adjective"`` spans pointing at COUNTRY entities).

How it works, in data-flow order:

- :mod:`.names`, :mod:`.rules`, :mod:`.phrases` find candidate mentions (NER spans,
  gazetteer names, countries, rule names, organisation descriptions, product noun
  phrases); :mod:`.candidates` runs them, :func:`.mentions.select_candidates` keeps a
  non-overlapping set;
- :mod:`.classify` (rules) and :mod:`.lexicon` (word lists) type names and nouns;
  :mod:`.countries` maps Dutch country names and nationality adjectives to ISO codes;
- :mod:`.resolve` groups mentions into entities (with :mod:`.describe` for descriptions
  and :mod:`.products` for product noun phrases).
"""

from __future__ import annotations

from .countries import (
    country_iso,
    country_name,
    nationality_adjective_iso,
    nationality_adjective_isos,
)
from .mentions import MentionSpan

__all__ = [
    "MentionSpan",
    "country_iso",
    "country_name",
    "nationality_adjective_iso",
    "nationality_adjective_isos",
]
