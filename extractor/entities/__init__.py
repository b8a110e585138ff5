"""Entities as SPEC section 1 defines them: typed, canonical, aliased within the article.

The spaCy component ``"extractor_entities"`` (registered in :mod:`.component`) sets
``doc._.entities`` (schema ``Entity`` objects) and ``doc._.entity_mentions``
(:class:`MentionSpan` objects, token level).
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
