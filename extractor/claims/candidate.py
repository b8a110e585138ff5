"""A claim candidate as the patterns find it, before qualifiers, merging and confidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from .docview import Arg

# SPEC section 2: allowed subject and object types per predicate.
TYPE_RULES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "supplies": (frozenset({"FIRM", "INSTITUTE"}), frozenset({"FIRM", "INSTITUTE", "COUNTRY"})),
    "produces": (frozenset({"FIRM", "INSTITUTE"}), frozenset({"PRODUCT"})),
    "subsidiary_of": (frozenset({"FIRM", "INSTITUTE"}), frozenset({"FIRM", "INSTITUTE"})),
    "owns": (frozenset({"FIRM", "INSTITUTE", "COUNTRY"}), frozenset({"FIRM", "INSTITUTE"})),
    "located_in": (frozenset({"FIRM", "INSTITUTE", "PERSON"}), frozenset({"LOCATION", "COUNTRY"})),
    "nationality": (frozenset({"FIRM", "INSTITUTE", "PERSON"}), frozenset({"COUNTRY"})),
    "partner_of": (frozenset({"FIRM", "INSTITUTE"}),
                   frozenset({"FIRM", "INSTITUTE", "PRODUCT"})),
    "restricts": (frozenset({"COUNTRY", "INSTITUTE"}),
                  frozenset({"FIRM", "INSTITUTE", "PRODUCT", "COUNTRY"})),
}


def types_allowed(predicate: str, subject_type: str, object_type: str) -> bool:
    """True when the SPEC's type constraints allow ``predicate(subject, object)``."""
    rule = TYPE_RULES.get(predicate)
    return rule is not None and subject_type in rule[0] and object_type in rule[1]


@dataclass
class Candidate:
    """One relation found at one place; ``family``/``pattern`` and the args' ``via`` feed the
    confidence model, ``scope`` (token indices) feeds the qualifiers."""

    predicate: str
    subject: Arg
    object: Arg
    trigger: int
    family: str  # verb, noun, descriptor, nationality, location, state, name, list, client
    pattern: str  # finer name, e.g. "verb:kopen", "noun:dochter"
    scope: tuple[int, int]  # token range [start, end) the qualifiers read
    nominal: bool = False  # a description, not a statement: only "voormalig"-type negation
    product: Arg | None = None
    target: Arg | None = None
    negated: bool = False
    modality: str = "asserted"
    time: str | None = None
    extra: dict[str, float] = field(default_factory=dict)

    def key(self) -> tuple[str, str, str, bool]:
        return (self.subject.entity_id, self.predicate, self.object.entity_id, self.negated)
