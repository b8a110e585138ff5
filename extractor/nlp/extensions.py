"""The custom attributes our components set on a spaCy ``Doc``.

Registered once, on import. Library users read ``doc._.entities`` (schema
``Entity`` objects) and ``doc._.claims`` (schema ``Claim`` objects).
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_EXTENSIONS: dict[str, object] = {
    "published": None,  # ISO date of publication, set before the pipeline runs
    "entities": None,  # list[extractor.schema.Entity], set by "extractor_entities"
    "entity_mentions": None,  # list[extractor.entities.MentionSpan], token-level mentions
    "claims": None,  # list[extractor.schema.Claim], set by "extractor_claims"
}


def register_extensions() -> None:
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
