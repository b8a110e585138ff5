"""The spaCy component "extractor_claims": patterns -> qualifiers -> merged, scored claims.

Reads ``doc._.entities``, ``doc._.entity_mentions`` and ``doc._.published``; writes
``doc._.claims`` (a list of ``schema.Claim``). The same (subject, predicate, object, negated)
stated in several sentences is one claim with every sentence in ``all_evidence``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import extensions  # noqa: F401  (registers the Doc extensions)
from ..schema import Claim, Evidence
from .candidate import Candidate, types_allowed
from .confidence import Calibration, features, load_calibration
from .docview import Arg, DocView
from .lexicon import CLIENT_NOUNS
from .nominal import (
    clause_place_candidates,
    descriptor_candidates,
    location_candidates,
    name_candidates,
    nationality_candidates,
    product_of_candidates,
    restriction_candidates,
    state_candidates,
    where_candidates,
)
from .patterns import noun_candidates, verb_candidates
from .qualifiers import FORMER_WORDS, HYPOTHETICAL_CUES, modality, negation_cue, resolve_time
from .supply import revise as revise_supplies


@dataclass
class _Merged:
    first: Candidate
    sentences: list[Span] = field(default_factory=list)
    flags: dict[str, float] = field(default_factory=dict)
    patterns: set[str] = field(default_factory=set)
    product: str | None = None
    target: str | None = None
    time: str | None = None


CANCEL_WORDS = frozenset({"schrapt", "schrapte", "schrapten", "geschrapt", "annuleert",
                          "annuleerde", "geannuleerd", "afgeblazen", "uitgesteld", "hold",
                          "afgezien", "opgeschort", "schort"})


def apply_qualifiers(view: DocView, c: Candidate, published: str | None) -> None:
    """Set negated, modality and time from the candidate's scope (pure over the words)."""
    sent = view.sent_of(c.trigger)
    words = view.words(range(*c.scope))
    if c.nominal:
        # a description is negated only by "voormalig"/"voorheen"-type words before it
        c.negated = any(w in FORMER_WORDS or w.startswith("ex-") for w in words)
        c.modality = "asserted"
        if c.pattern == "facility_in":
            # "overweegt een fabriek in Born", "zoekt een locatie in Europa": not there yet
            before = view.words(range(max(sent.start, c.trigger - 6), c.trigger))
            if set(before) & (HYPOTHETICAL_CUES | {"zoekt", "zoeken", "wil", "plant"}):
                c.modality = "hypothetical"
            # "legde zijn plannen voor een fabriek in Marokko on hold", "stelt de bouw van een
            # chipfabriek in Maagdenburg uit": the facility is not (going to be) there
            said = set(view.words(range(sent.start, sent.end)))
            if said & CANCEL_WORDS or ({"stelt", "stelde", "stellen"} & said and "uit" in said):
                c.negated = True
        return
    # negation and modality read the stretch from just before the first argument to just
    # after the last one: "X, dat ... bouwt, wilde niet ingaan op ..." is not negated
    lo, hi = c.scope
    inside = [p for a in (c.subject, c.object) for p in (a.start, a.end)
              if lo <= a.start < hi] + [c.trigger, c.trigger + 1]
    outside = c.subject.start < sent.start or c.subject.via.startswith(("pronoun", "relpron"))
    first = lo if outside else min(inside) - 4
    last = hi if c.extra.get("tail_negation") else max(inside) + 1
    near = range(max(lo, first), min(hi, last))
    near_words = [w for w in view.words(near)
                  if w not in {"voormalig", "voormalige", "vroegere", "ex"}]
    cue = negation_cue(near_words)
    c.negated = cue is not None or c.extra.get("negates", 0.0) > 0
    c.modality = modality(near_words, view.words(range(sent.start, sent.end)), c.negated)
    c.time = resolve_time(words, published) or resolve_time(
        view.words(range(sent.start, sent.end)), published)


def find_candidates(view: DocView) -> Iterator[Candidate]:
    """Every candidate in the document, in sentence order, type constraints applied."""
    suppliers: list[Arg] = []
    nationality: dict[str, Arg] = {}
    recipients: list[Arg] = []
    for sent in view.sentences:
        found: list[Candidate] = []
        found.extend(verb_candidates(view, sent))
        found.extend(noun_candidates(view, sent, suppliers))
        found.extend(descriptor_candidates(view, sent))
        found.extend(product_of_candidates(view, sent))
        found.extend(nationality_candidates(view, sent))
        found.extend(location_candidates(view, sent))
        found.extend(clause_place_candidates(view, sent))
        found.extend(where_candidates(view, sent))
        found.extend(restriction_candidates(view, sent))
        found.extend(_client_nationality(view, sent, recipients))
        found = revise_supplies(view, sent, found)  # supply constructions (supply.py)
        for c in found:
            if c.predicate == "nationality":
                nationality.setdefault(c.subject.entity_id, c.object)
        found.extend(state_candidates(view, sent, nationality))
        for c in found:
            if not types_allowed(c.predicate, c.subject.type, c.object.type):
                continue
            if c.predicate == "supplies" and c.family == "verb":
                suppliers.append(c.subject)
                recipients.append(c.object)
            yield c
    for c, _ in name_candidates(view):
        if types_allowed(c.predicate, c.subject.type, c.object.type):
            yield c


def _client_nationality(view: DocView, sent: Span, recipients: list[Arg]) -> Iterator[Candidate]:
    """"De leveringen aan deze Chinese klanten": nationality of the recipients named before."""
    doc = view.doc
    for adj in view.adjectives:
        if not (sent.start < adj.start and adj.end < sent.end):
            continue
        if doc[adj.end].lower_ not in CLIENT_NOUNS or doc[adj.start - 1].lower_ not in {
                "deze", "die", "de"}:
            continue
        seen: set[str] = set()
        for r in recipients:
            if r.type in {"FIRM", "INSTITUTE"} and r.entity_id not in seen:
                seen.add(r.entity_id)
                yield Candidate("nationality", r, view.arg(adj, "adjective"), adj.start,
                                "client", "client_adj", (adj.start - 1, adj.end + 1),
                                nominal=True)


def _evidence(sent: Span, doc_text: str) -> Evidence:
    # the sentence's text cut from the document's (``sent.text`` joins its tokens anew)
    text = doc_text[sent.start_char:sent.end_char]
    stripped = text.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    return Evidence(sentence=stripped.strip(), start=sent.start_char + lead,
                    end=sent.start_char + len(stripped))


def build_claims(doc: Doc, entities: Sequence[Any], mentions: Sequence[Any],
                 published: str | None, calibration: Calibration | None = None,
                 new_entities: list[Any] | None = None) -> list[Claim]:
    """All claims of a document (the component's work, callable without spaCy's pipeline);
    see :func:`scored_claims` for ``new_entities``."""
    calibration = calibration or load_calibration()
    return [claim for claim, _ in scored_claims(doc, entities, mentions, published, calibration,
                                                new_entities)]


def scored_claims(doc: Doc, entities: Sequence[Any], mentions: Sequence[Any],
                  published: str | None, calibration: Calibration,
                  new_entities: list[Any] | None = None,
                  ) -> list[tuple[Claim, dict[str, float]]]:
    """Claims with the feature rows their confidence was computed from (for calibration).
    Countries named only by an adjective that the claims need are appended to
    ``new_entities`` when given."""
    view = DocView(doc, entities, mentions)
    merged: dict[tuple[str, str, str, bool], _Merged] = {}
    for c in find_candidates(view):
        apply_qualifiers(view, c, published)
        key = c.key()
        sent = view.sent_of(c.trigger)
        item = merged.get(key)
        if item is None:
            item = merged[key] = _Merged(c)
        if all(s.start != sent.start for s in item.sentences):
            item.sentences.append(sent)
        item.flags.update(c.extra)
        item.patterns.add(c.pattern)
        item.product = item.product or (c.product.entity_id if c.product else None)
        item.target = item.target or (c.target.entity_id if c.target else None)
        item.time = item.time or c.time
    out: list[tuple[Claim, dict[str, float]]] = []
    n = 0
    doc_text = doc.text
    for item in merged.values():
        c = item.first
        f = features(c, len(item.sentences))
        f.update(item.flags)
        for p in item.patterns:
            f[f"pattern={p}"] = 1.0
        if len(item.patterns) > 1:
            f["multi_pattern"] = 1.0
        if "dep_reading" in item.flags and "surface_reading" in item.flags:
            f["readings_agree"] = 1.0
        confidence = calibration.score(f)
        if confidence < calibration.threshold:
            continue  # below the threshold chosen for claim F1 on the development set
        evidences = [_evidence(s, doc_text) for s in sorted(item.sentences, key=lambda s: s.start)]
        first = _evidence(view.sent_of(c.trigger), doc_text)
        n += 1
        claim = Claim(
            id=f"c{n}", subject=c.subject.entity_id, predicate=c.predicate,  # type: ignore[arg-type]
            object=c.object.entity_id, product=item.product, target=item.target,
            time=item.time, negated=c.negated, modality=c.modality,  # type: ignore[arg-type]
            confidence=round(confidence, 4), evidence=first,
            all_evidence=[first] + [e for e in evidences if e.start != first.start],
        )
        out.append((claim, f))
    if new_entities is not None:
        used = {c.object for c, _ in out} | {c.subject for c, _ in out} | {
            c.target for c, _ in out}
        new_entities.extend(e for e in view.new_entities if e.id in used)
    return out


class ClaimsComponent:
    """spaCy pipe wrapper around :func:`build_claims`."""

    def __init__(self, calibration_path: str | None = None):
        self.calibration = load_calibration(calibration_path) if calibration_path else \
            load_calibration()

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc._.entities or [])
        mentions = doc._.entity_mentions or []
        added: list[Any] = []
        doc._.claims = build_claims(doc, entities, mentions, doc._.published, self.calibration,
                                    added)
        if added:
            doc._.entities = entities + added
        return doc


@Language.factory("extractor_claims", default_config={"calibration_path": None})
def make_claims(nlp: Language, name: str, calibration_path: str | None) -> ClaimsComponent:
    """Factory for ``nlp.add_pipe("extractor_claims")``."""
    return ClaimsComponent(calibration_path)
