"""Entities and mentions taken from a gold file, to measure the claim patterns on their own.

``extractor.claims.calibrate --oracle`` and the tests use this to separate claim errors from
entity errors: every gold alias occurrence becomes a mention of its gold entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from ..schema import Entity, Mention
from .docview import SimpleMention


def gold_entities_and_mentions(doc: Doc, gold_entities: Sequence[Any]
                               ) -> tuple[list[Entity], list[SimpleMention]]:
    """Schema entities (ids e1..) and token mentions for every alias occurrence in the text;
    adjective-only countries get ``kind="adjective"`` mentions. Longer aliases win overlaps."""
    text = doc.text
    entities: list[Entity] = []
    spans: list[tuple[int, int, str, str, str]] = []
    for n, g in enumerate(gold_entities, start=1):
        eid = f"e{n}"
        entities.append(Entity(id=eid, type=g.type, name=g.name, aliases=list(g.aliases),
                               iso=g.iso, from_adjective=g.from_adjective,
                               country=g.iso))
        kind = "adjective" if g.from_adjective else "name"
        for alias in g.aliases:
            for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text):
                spans.append((m.start(), m.end(), eid, g.type, kind))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    mentions: list[SimpleMention] = []
    by_id = {e.id: e for e in entities}
    for start, end, eid, type_, kind in spans:
        if any(i in taken for i in range(start, end)):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        taken.update(range(start, end))
        mentions.append(SimpleMention(eid, type_, span.start, span.end, start, end, kind))
        if kind != "adjective":
            by_id[eid].mentions.append(Mention(start=start, end=end, text=text[start:end]))
    mentions.sort(key=lambda m: m.start)
    return entities, mentions
