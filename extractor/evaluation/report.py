"""Human-readable error lists for a gold run (``--errors``)."""

from __future__ import annotations

from collections.abc import Iterator

from .claims_eval import GoldRun
from .scoring import claim_alignment


def error_lines(run: GoldRun) -> Iterator[str]:
    """Missed and spurious claims and entities, article by article."""
    for gold, record, _ in run.per_article:
        pairs = claim_alignment(record.entities, gold.entities)
        names = {e.id: e.name for e in record.entities}
        gold_keys = {(c.subject, c.predicate, c.object, c.negated) for c in gold.claims}
        pred_keys: set[tuple[str, str, str, bool]] = set()
        for c in record.claims:
            key = (
                pairs.get(c.subject, "?" + names.get(c.subject, c.subject)),
                c.predicate,
                pairs.get(c.object, "?" + names.get(c.object, c.object)),
                c.negated,
            )
            pred_keys.add(key)
        yield f"== {gold.id}: {record.status} {record.error or ''}"
        matched_gold = set(pairs.values())
        for g in gold.entities:
            if g.name not in matched_gold and not g.from_adjective:
                yield f"  entity missed  : {g.type:9} {g.name}"
        for e in record.entities:
            if e.id not in pairs and not e.from_adjective:
                yield f"  entity spurious: {e.type:9} {e.name}"
        for missed in sorted(gold_keys - pred_keys):
            yield f"  claim missed   : {missed}"
        for spurious in sorted(pred_keys - gold_keys, key=str):
            yield f"  claim spurious : {spurious}"
