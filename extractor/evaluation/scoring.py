"""Scoring by SPEC section 4, as pure functions.

Entities: a predicted entity matches a gold one when one of its mentions equals one
of the gold aliases (case-insensitive), or, for PRODUCT, has the same head noun.
Gold COUNTRY entities marked ``from_adjective`` are not expected as entities (and
predicted ``from_adjective`` entities are not counted), but they are valid claim
objects, matched by ISO code. Claims: (subject, predicate, object) matched through
the entity alignment, ``negated`` must agree. Precision, recall and F1 per type and
per predicate, micro-averaged over articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..schema import Claim, Entity
from .gold import GoldArticle, GoldEntity

#: The types the headline entity score is micro-averaged over (issue 4).
CORE_TYPES = ("FIRM", "INSTITUTE", "PRODUCT", "COUNTRY")

_PREPOSITIONS = frozenset(
    "van voor uit in op aan met bij naar over door tegen tot om onder tussen zonder".split()
)
_WORD = re.compile(r"\w[\w'’.:-]*\w|\w")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Scores:
    """Counts per entity type and per predicate, summed over articles."""

    entities: dict[str, PRF] = field(default_factory=dict)
    claims: dict[str, PRF] = field(default_factory=dict)
    negation_agree: int = 0
    negation_matched: int = 0
    articles: int = 0

    def add(self, other: Scores) -> None:
        for name, table in (("entities", other.entities), ("claims", other.claims)):
            mine = getattr(self, name)
            for key, prf in table.items():
                mine.setdefault(key, PRF())
                mine[key] += prf
        self.negation_agree += other.negation_agree
        self.negation_matched += other.negation_matched
        self.articles += other.articles

    def micro(self, table: str, keys: Iterable[str] | None = None) -> PRF:
        rows = getattr(self, table)
        total = PRF()
        for key, prf in rows.items():
            if keys is None or key in keys:
                total += prf
        return total

    def as_dict(self) -> dict[str, object]:
        neg = self.negation_agree / self.negation_matched if self.negation_matched else None
        return {
            "articles": self.articles,
            "entities": {
                "micro_core": self.micro("entities", CORE_TYPES).as_dict(),
                "micro_all": self.micro("entities").as_dict(),
                "per_type": {k: v.as_dict() for k, v in sorted(self.entities.items())},
            },
            "claims": {
                "micro": self.micro("claims").as_dict(),
                "per_predicate": {k: v.as_dict() for k, v in sorted(self.claims.items())},
                "negation_accuracy": None if neg is None else round(neg, 4),
                "negation_matched": self.negation_matched,
            },
        }


def head_noun(phrase: str) -> str:
    """The head of a Dutch noun phrase: its last word before a preposition, lowercased."""
    words = [w.lower() for w in _WORD.findall(phrase)]
    head: list[str] = []
    for word in words:
        if word in _PREPOSITIONS and head:
            break
        head.append(word)
    return head[-1] if head else ""


def _mention_texts(entity: Entity) -> set[str]:
    texts = {m.text for m in entity.mentions} | set(entity.aliases) | {entity.name}
    return {t.strip() for t in texts if t.strip()}


def entity_matches(pred: Entity, gold: GoldEntity) -> bool:
    """SPEC 4: a mention equals a gold alias (case-insensitive), or same PRODUCT head noun."""
    mentions = {t.casefold() for t in _mention_texts(pred)}
    aliases = {a.casefold() for a in gold.aliases} | {gold.name.casefold()}
    if mentions & aliases:
        return True
    if gold.type == "PRODUCT" and pred.type == "PRODUCT":
        heads = {head_noun(a) for a in aliases} - {""}
        return bool(heads & {head_noun(m) for m in mentions})
    return False


def align_entities(
    predicted: Sequence[Entity], gold: Sequence[GoldEntity], *, same_type: bool
) -> dict[str, str]:
    """Predicted entity id -> gold entity name, one-to-one, greedy in text order.

    Countries align by ISO code as well (that is how adjective-only countries match).
    """
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for pred in predicted:
        for g in gold:
            if g.name in taken:
                continue
            if same_type and pred.type != g.type:
                continue
            iso_match = (
                g.type == "COUNTRY" and pred.type == "COUNTRY" and g.iso is not None
                and (pred.iso or pred.country) == g.iso
            )
            if iso_match or (not g.from_adjective and entity_matches(pred, g)):
                pairs[pred.id] = g.name
                taken.add(g.name)
                break
    return pairs


def score_entities(predicted: Sequence[Entity], gold: Sequence[GoldEntity]) -> dict[str, PRF]:
    """Per-type counts; adjective-only countries are left out on both sides."""
    preds = [p for p in predicted if not p.from_adjective]
    golds = [g for g in gold if not g.from_adjective]
    pairs = align_entities(preds, golds, same_type=True)
    table: dict[str, PRF] = {}
    for g in golds:
        table.setdefault(g.type, PRF())
    for p in preds:
        table.setdefault(p.type, PRF())
        if p.id in pairs:
            table[p.type].tp += 1
        else:
            table[p.type].fp += 1
    matched = Counter(
        g.type for g in golds if g.name in set(pairs.values())
    )
    for type_, count in Counter(g.type for g in golds).items():
        table[type_].fn += count - matched[type_]
    return table


def claim_alignment(predicted: Sequence[Entity], gold: Sequence[GoldEntity]) -> dict[str, str]:
    """Entity alignment for claims: same-type first, then any type for the rest."""
    pairs = align_entities(predicted, gold, same_type=True)
    rest_pred = [p for p in predicted if p.id not in pairs]
    rest_gold = [g for g in gold if g.name not in set(pairs.values())]
    pairs.update(align_entities(rest_pred, rest_gold, same_type=False))
    return pairs


def claim_key(claim: Claim, pairs: dict[str, str]) -> tuple[str, str, str]:
    """(subject, predicate, object) in gold names; an unaligned entity keeps a "?id" name."""
    return (
        pairs.get(claim.subject, "?" + claim.subject),
        claim.predicate,
        pairs.get(claim.object, "?" + claim.object),
    )


def score_claims(
    claims: Sequence[Claim],
    predicted_entities: Sequence[Entity],
    gold: GoldArticle,
) -> tuple[dict[str, PRF], int, int]:
    """Per-predicate counts, plus (negation agreements, claims matched ignoring negation)."""
    pairs = claim_alignment(predicted_entities, gold.entities)
    gold_keys: dict[tuple[str, str, str], bool] = {
        (c.subject, c.predicate, c.object): c.negated for c in gold.claims
    }
    table: dict[str, PRF] = {}
    for c in gold.claims:
        table.setdefault(c.predicate, PRF())
    seen: set[tuple[str, str, str, bool]] = set()
    hit: set[tuple[str, str, str]] = set()
    neg_agree = neg_matched = 0
    for claim in claims:
        key = claim_key(claim, pairs)
        if (*key, claim.negated) in seen:
            continue  # the same claim under two predicted entities counts once
        seen.add((*key, claim.negated))
        table.setdefault(claim.predicate, PRF())
        if key in gold_keys and key not in hit:
            neg_matched += 1
            if gold_keys[key] == claim.negated:
                neg_agree += 1
                table[claim.predicate].tp += 1
                hit.add(key)
                continue
        table[claim.predicate].fp += 1
    for key in gold_keys:
        if key not in hit:
            table[key[1]].fn += 1
    return table, neg_agree, neg_matched


def score_article(
    gold: GoldArticle, entities: Sequence[Entity], claims: Sequence[Claim]
) -> Scores:
    """All scores for one article."""
    claim_table, agree, matched = score_claims(claims, entities, gold)
    return Scores(
        entities=score_entities(entities, gold.entities),
        claims=claim_table,
        negation_agree=agree,
        negation_matched=matched,
        articles=1,
    )
