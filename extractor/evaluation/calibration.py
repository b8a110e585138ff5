"""Reliability of claim confidences against gold: bins and expected calibration error."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..schema import Claim, Entity
from .gold import GoldArticle
from .scoring import claim_alignment, claim_key


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


def claim_outcomes(
    gold: GoldArticle, entities: Sequence[Entity], claims: Sequence[Claim]
) -> list[tuple[float, bool]]:
    """(confidence, right?) per predicted claim; right = in gold with the same negation."""
    pairs = claim_alignment(entities, gold.entities)
    gold_keys = {(c.subject, c.predicate, c.object, c.negated) for c in gold.claims}
    return [(c.confidence, (*claim_key(c, pairs), c.negated) in gold_keys) for c in claims]


def reliability(
    outcomes: Iterable[tuple[float, bool]], edges: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
) -> tuple[list[Bin], float]:
    """Equal-width bins and the expected calibration error (count-weighted |acc - conf|)."""
    items = list(outcomes)
    bins: list[Bin] = []
    ece = 0.0
    for k, (low, high) in enumerate(zip(edges, edges[1:], strict=False)):
        last = k == len(edges) - 2
        inside = [(p, ok) for p, ok in items if low <= p < high or (last and p == high)]
        if not inside:
            bins.append(Bin(low, high, 0, 0.0, 0.0))
            continue
        conf = sum(p for p, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        bins.append(Bin(low, high, len(inside), conf, acc))
        ece += len(inside) / len(items) * abs(acc - conf)
    return bins, ece
