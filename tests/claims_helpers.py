"""Hand-built parsed Docs and mentions for claim tests (no trained model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extractor.claims.docview import SimpleMention
from extractor.schema import Entity

# a language's vocab, so that lexeme attributes (lower_, is_punct) are filled in
_VOCAB = spacy.blank("nl").vocab


def unparsed(words: list[str]) -> Doc:
    """One sentence without any annotation: only the linear-order patterns apply."""
    return Doc(_VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))


def parsed(rows: list[tuple[str, int, str, str]], sent_starts: list[int] | None = None) -> Doc:
    """A Doc from (word, head index, dep, pos) rows; the root is its own head ("ROOT")."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in {".", ",", ")"} for i in range(len(rows))]
    starts = [i in (sent_starts or [0]) for i in range(len(rows))]
    return Doc(_VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows],
               deps=[r[2] for r in rows], pos=[r[3] for r in rows], sent_starts=starts)


def entities_for(
    doc: Doc, spec: list[tuple[str, str, list[tuple[int, int]]]],
    adjectives: list[tuple[str, int]] = (),
) -> tuple[list[Entity], list[SimpleMention]]:
    """Entities e1.. from (name, type, [(start, end) token spans]); COUNTRY names of two letters
    are taken as the ISO code. ``adjectives``: (entity name, token) adjective mentions."""
    entities: list[Entity] = []
    mentions: list[SimpleMention] = []
    ids: dict[str, str] = {}
    for n, (name, type_, spans) in enumerate(spec, start=1):
        eid = f"e{n}"
        ids[name] = eid
        iso = name if type_ == "COUNTRY" and len(name) == 2 else None
        entities.append(Entity(id=eid, type=type_, name=name, aliases=[name], iso=iso))
        for start, end in spans:
            span = doc[start:end]
            mentions.append(SimpleMention(eid, type_, start, end, span.start_char, span.end_char))
    for name, i in adjectives:
        tok = doc[i]
        mentions.append(SimpleMention(ids[name], "COUNTRY", i, i + 1, tok.idx, tok.idx + len(tok),
                                      "adjective"))
    return entities, mentions


def triples(claims, entities) -> set[tuple[str, str, str, bool]]:
    names = {e.id: e.name for e in entities}
    return {(names[c.subject], c.predicate, names[c.object], c.negated) for c in claims}
