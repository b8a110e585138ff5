"""In-article resolution: candidate mentions -> one entity per real-world thing.

Steps, in order (steps 3 and 4 live in :mod:`.describe` and :mod:`.products`):
1. type every name (:func:`classify.decide_name_type`);
2. group names: the same name, a gazetteer entry, acronym definitions
   ("China Electronics Technology Group Corporation (CETC)"), acronyms by initials,
   partial and fuller names ("24e Onderzoeksinstituut" / "... van CETC", "Verhoef" /
   "Mark Verhoef");
3. attach descriptions to names: a glued descriptor ("chipfabrikant Nexperia"), an
   apposition ("Wingtech, een concern uit Jiaxing"), the same compound head
   ("militair onderzoeksinstituut" -> "24e Onderzoeksinstituut"), a government of a
   named nationality ("Chinese overheid" = "Chinese staat"), a definite description
   ("het instituut", "het bedrijf") -> the nearest earlier entity that fits;
   descriptions with a nationality adjective and no antecedent are entities of their own
   ("een Chinees quantum-instituut");
4. group product noun phrases by head noun;
5. nationality adjectives -> COUNTRY entities (``from_adjective`` when the country is
   never named by a noun).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..schema import Entity, EntityType, Mention
from . import classify
from .countries import country_iso, country_name, nationality_adjective_isos, strip_possessive
from .describe import _attach_descriptions, _type_by_descriptions
from .groups import ORG_TYPES, Group
from .mentions import Candidate, MentionSpan, name_key
from .products import _group_products, _merge_category_compounds, _merge_model_names

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NATIONALITY_SUBJECTS = frozenset({"FIRM", "INSTITUTE", "PERSON"})


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() or w[:1].isdigit())


def acronym_fits(acronym: str, words: Sequence[str]) -> bool:
    """Does ``acronym`` abbreviate the name ``words``?

    "CETC" fits "China Electronics Technology Group Corporation" (letters in order,
    first letters equal), "VIS" fits "Vanguard International Semiconductor",
    "TU/e" fits "Technische Universiteit Eindhoven".
    """
    letters = [ch.upper() for ch in acronym if ch.isalpha()]
    initials = _initials(words).upper()
    if len(letters) < 2 or len(initials) < 2 or letters[0] != initials[0]:
        return False
    # Every letter in order somewhere in the name ("T" of "Defensietechnologie" in NUDT),
    # and all but one of them initials of its words.
    full = iter(" ".join(words).upper())
    if not all(ch in full for ch in letters):
        return False
    it = iter(initials)
    hits = sum(1 for ch in letters if ch in it)
    return hits >= len(letters) - 1


def group_key(cand: Candidate) -> str:
    if cand.type == "COUNTRY" and cand.iso:
        return "iso:" + cand.iso
    if cand.entry is not None:
        return "gaz:" + cand.entry.name
    text = cand.text
    stem, _, tail = text.rpartition("-")
    if stem and tail.islower() and classify.is_firm_word(tail):
        text = stem  # "SMIC-groep" is SMIC
    return "name:" + name_key(text)


def resolve(doc: Doc, cands: Sequence[Candidate]) -> tuple[list[Entity], list[MentionSpan]]:
    """Entities (ids in order of first mention) and token-level mentions for ``doc``."""
    names = [c for c in cands if c.kind in {"name", "acronym"} and c.source != "product"]
    descriptions = [c for c in cands if c.source == "description"]
    products = [c for c in cands if c.source == "product"]

    persons = _person_evidence(doc, names)
    places = _place_evidence(doc, names)
    for cand in names:
        cand.type = classify.decide_name_type(
            person=persons.get(id(cand)),
            place=id(cand) in places,
            label=str(cand.extra.get("label", "")) or None,
            tokens=[t.text for t in doc[cand.start : cand.end]],
            descriptor=doc[cand.descriptor].text if cand.descriptor is not None else None,
            given=cand.type,
            gazetteer_type=cand.entry.type if cand.entry is not None else None,
            before=doc[cand.start - 1].text if cand.start > 0 else None,
            text=cand.text,
        )
    # a name the article shows to be no organisation ("de zenuwziekte CIDP") is none
    # wherever it recurs with nothing of its own to say otherwise
    not_orgs = {name_key(c.text) for c in names if c.type is None}
    names = [
        c
        for c in names
        if c.type is not None
        and not (
            name_key(c.text) in not_orgs
            and c.type == "FIRM"
            and c.entry is None
            and c.descriptor is None
        )
    ]
    for cand in names:
        if cand.type == "COUNTRY" and cand.iso is None:
            cand.iso = country_iso(cand.text)
        # FIRM only as the fallback for an organisation nothing else typed
        cand.extra["fallback_type"] = (
            cand.type == "FIRM"
            and cand.entry is None
            and cand.descriptor is None
            and classify.org_type_from_name([t.text for t in doc[cand.start : cand.end]]) is None
        )

    _coordinated_products(doc, names)
    groups = _group_names(doc, names)
    by_member: dict[int, Group] = {id(c): g for g in groups.values() for c in g.members}
    _attach_descriptions(doc, descriptions, groups, by_member)
    _type_by_descriptions(doc, groups)
    _group_products(doc, products, groups, by_member)
    _merge_category_compounds(groups)
    _merge_model_names(groups)
    _link_adjectives(doc, groups)
    return _build(groups)


_COORDINATION = frozenset({"en", "of", ",", "de", "het", "ook"})


def _coordinated_products(doc: Doc, names: list[Candidate]) -> None:
    """ "verkoopt de Atto 3 en de Seal": a name only the fallback typed FIRM, coordinated
    with a product name, is a product too."""
    ordered = sorted(names, key=lambda c: c.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = [t.lower_ for t in doc[a.end : b.start]]
        if not between or not set(between) <= _COORDINATION:
            continue
        if not {"en", "of", ","} & set(between):
            continue
        for one, other in ((a, b), (b, a)):
            if other.type == "PRODUCT" and one.type == "FIRM" and one.extra.get("fallback_type"):
                one.type = "PRODUCT"
                one.extra["fallback_type"] = False


_PLACE_PREPOSITIONS = frozenset({"uit", "te", "vanuit", "nabij", "rond", "in", "naar"})
_NOT_PLACE_BEFORE_IN = frozenset(
    """belang belangen investeert investeren investering investeerde geïnvesteerd aandeel
    aandelen deelneming interesse vertrouwen klant klanten partner""".split()
)


def _place_evidence(doc: Doc, names: Sequence[Candidate]) -> set[int]:
    """Names of unsure type used as places ("Qblox uit Delft", "een fabriek in Helmond");
    every mention of a name used so counts, unless another one says organisation."""
    texts: set[str] = set()
    for cand in names:
        if cand.start == 0 or cand.entry is not None:
            continue
        s = cand.start
        if (
            s >= 3
            and nationality_adjective_isos(doc[s - 1].text)
            and doc[s - 2].lower_ in {"het", "de"}
            and doc[s - 3].lower_ in {"in", "uit", "naar", "nabij", "vanuit"}
        ):
            # "een fabriek in het Hongaarse Göd": a place, whatever the NER label said
            cand.extra["label"] = "LOC"
            cand.type = "LOCATION"
            continue
        prev = doc[cand.start - 1].lower_
        if prev not in _PLACE_PREPOSITIONS:
            continue
        if (
            prev in {"in", "naar"}
            and cand.start >= 2
            and (doc[cand.start - 2].lower_ in _NOT_PLACE_BEFORE_IN)
        ):
            continue
        texts.add(cand.text)
    # "in Hasselt, Beringen en Lommel": a name listed right after a place is one too
    ordered = sorted(names, key=lambda c: c.start)
    for left, cand in zip(ordered, ordered[1:], strict=False):
        gap = doc[left.end : cand.start]
        if (
            cand.entry is None
            and cand.type in {None, "LOCATION", "PERSON"}
            and len(gap) == 1
            and gap[0].text in {",", "en", "of"}
            and (
                left.text in texts
                or left.type == "LOCATION"
                and left.text.casefold() in classify.known_places()
            )
        ):
            texts.add(cand.text)
    org_texts = {c.text for c in names if c.descriptor is not None or c.extra.get("label") == "ORG"}
    return {id(c) for c in names if c.text in texts and c.text not in org_texts}


def _person_evidence(doc: Doc, names: Sequence[Candidate]) -> dict[int, bool]:
    """Person evidence for names of unsure type (NER PER/MISC, rules): a given name,
    a particle or a role noun before it; a lone surname of such a person counts too."""
    evidence: dict[int, bool] = {}
    surnames: set[str] = set()
    # "Van Dam" after "Pieter van Dam": the tail of a person's name, particles included
    tails: set[tuple[str, ...]] = set()
    unsure = [
        c
        for c in names
        if c.entry is None
        and c.type not in {"COUNTRY", "PRODUCT"}
        and c.extra.get("label") in {"PER", "MISC", "ORG", None}
    ]
    for cand in unsure:
        tokens = [t.text for t in doc[cand.start : cand.end]]
        before = [doc[k].text for k in range(max(0, cand.start - 2), cand.start)]
        after = [doc[k].text for k in range(cand.end, min(len(doc), cand.end + 3))]
        found = classify.person_evidence(tokens, before, after)
        evidence[id(cand)] = found
        if found:
            surnames.add(tokens[-1])
            lowered = tuple(t.lower() for t in tokens)
            for k in range(1, len(lowered) - 1):
                if lowered[k] in classify.NAME_PARTICLES:
                    tails.add(lowered[k:])
                    break
    for cand in unsure:
        if evidence[id(cand)]:
            continue
        if cand.end - cand.start == 1 and cand.text in surnames:
            evidence[id(cand)] = True
        elif tuple(t.lower_ for t in doc[cand.start : cand.end]) in tails:
            evidence[id(cand)] = True
    return evidence


def _group_names(doc: Doc, names: list[Candidate]) -> dict[str, Group]:
    uf = _UnionFind()
    for cand in names:
        uf.find(group_key(cand))
    by_key: dict[str, list[Candidate]] = {}
    for cand in names:
        by_key.setdefault(group_key(cand), []).append(cand)
    # Acronym definitions: "Name (ACR)".
    n = len(doc)
    by_start = {c.start: c for c in names}
    for cand in names:
        if cand.type not in ORG_TYPES:
            continue
        if cand.end + 2 < n and doc[cand.end].text == "(" and doc[cand.end + 2].text == ")":
            inner = by_start.get(cand.end + 1)
            if inner is not None and inner.end == cand.end + 2:
                inner.kind = "acronym"
                inner.type = cand.type
                uf.union(group_key(cand), group_key(inner))
    for cand in names:
        full = cand.extra.get("acronym_of")
        if isinstance(full, Candidate) and full in names:
            uf.union(group_key(full), group_key(cand))
    # "Defensie" is short for "ministerie van Defensie"
    for cand in names:
        words = cand.text.split()
        lowered = [w.lower() for w in words]
        if "ministerie" in lowered[:2] and "van" in lowered:
            portfolio = "name:" + name_key(" ".join(words[lowered.index("van") + 1 :]))
            if portfolio in by_key:
                uf.union(group_key(cand), portfolio)
    # Acronyms by initials and partial names, between groups of compatible type.
    reps = {key: max(cs, key=lambda c: len(c.text)) for key, cs in by_key.items()}
    keys = list(reps)
    # longer firm names by first word: "Just Eat" is short for the one "Just Eat Takeaway"
    longer_firms: dict[str, int] = {}
    for key in keys:
        words = strip_possessive(reps[key].text).split()
        if reps[key].type == "FIRM" and len(words) >= 2:
            longer_firms[words[0].lower()] = longer_firms.get(words[0].lower(), 0) + 1
    for a in keys:
        ca = reps[a]
        if ca.type not in ORG_TYPES and ca.type != "PERSON":
            continue
        words_a = strip_possessive(ca.text).split()
        for b in keys:
            if a == b:
                continue
            cb = reps[b]
            if cb.type not in ORG_TYPES and cb.type != "PERSON":
                continue
            if (ca.type == "PERSON") != (cb.type == "PERSON"):
                continue
            words_b = strip_possessive(cb.text).split()
            if len(words_a) >= len(words_b):
                continue
            if (
                len(words_a) == 1
                and ca.type == "INSTITUTE"
                and cb.type == "INSTITUTE"
                and (words_b[-1] == words_a[0] and words_a[0][:1].isupper())
            ):
                uf.union(b, a)  # "de Commissie" after "de Europese Commissie"
                continue
            if ca.type == "PERSON":
                # "Verhoef" = "Mark Verhoef"; "Van der Linden" = "Anke van der Linden"
                tail = [w.lower() for w in words_b[-len(words_a) :]]
                if [w.lower() for w in words_a] == tail:
                    uf.union(b, a)
                continue
            if (
                len(words_a) == 1
                and words_a[0].isupper()
                and acronym_fits(words_a[0], words_b)
                and ca.entry is None
            ):
                ca.kind = "acronym"
                uf.union(b, a)
                continue
            if [w.lower() for w in words_b[: len(words_a)]] == [w.lower() for w in words_a]:
                rest = [w.lower() for w in words_b[len(words_a) :]]
                # "24e Onderzoeksinstituut" / "... van CETC"; "ASML" / "ASML Holding N.V."
                if (
                    rest[0] in {"van", "voor", "uit"}
                    or rest == ["international"]
                    or all(w in classify.LEGAL_FORMS or w in {"&"} for w in rest)
                    or ca.entry is None
                    and cb.entry is None
                    and len(words_a) >= 2
                ):
                    uf.union(b, a)
                elif (
                    len(words_a) == 1
                    and ca.entry is None
                    and ca.type == cb.type == "FIRM"
                    and longer_firms.get(words_a[0].lower()) == 1
                    and not words_a[0].isupper()
                ):
                    uf.union(b, a)  # "Tata" after "Tata Steel", when no other "Tata X"
    groups: dict[str, Group] = {}
    for key, cs in by_key.items():
        root = uf.find(key)
        group = groups.get(root)
        if group is None:
            group = groups[root] = Group(root, cs[0].type or "FIRM")
        group.members.extend(cs)
    for group in groups.values():
        group.type = _group_type(group.members)
        for cand in group.members:
            if cand.iso:
                group.iso = cand.iso
            if cand.entry is not None and cand.entry.country and group.country is None:
                group.country = cand.entry.country
    return groups


def _group_type(members: Sequence[Candidate]) -> EntityType:
    """Gazetteer type first, then the type of the longest name."""
    for cand in members:
        if cand.entry is not None and cand.type:
            return cand.type
    best = max(members, key=lambda c: (c.kind == "name", len(c.text)))
    return best.type or "FIRM"


def _link_adjectives(doc: Doc, groups: dict[str, Group]) -> None:
    by_iso = {g.iso: g for g in groups.values() if g.type == "COUNTRY" and g.iso}
    for group in list(groups.values()):
        if group.type not in _NATIONALITY_SUBJECTS:
            continue
        seen: set[int] = set()
        for cand in group.members:
            for tok_i in cand.adjectives:
                if tok_i in seen:
                    continue
                seen.add(tok_i)
                tok = doc[tok_i]
                for iso in nationality_adjective_isos(tok.text):
                    country = by_iso.get(iso)
                    if country is None:
                        country = Group("iso:" + iso, "COUNTRY", iso=iso, from_adjective=True)
                        groups[country.key] = by_iso[iso] = country
                    country.adjectives.append(
                        (tok_i, tok.idx, tok.idx + len(tok.text), tok.text, group.key)
                    )
                    if group.country is None:
                        group.country = iso


def _canonical(group: Group) -> str:
    if group.type == "COUNTRY" and group.from_adjective and group.iso:
        return country_name(group.iso)
    names = [c for c in group.members if c.kind == "name"]
    if group.type == "PRODUCT":
        pool = names or group.members
        named = [c for c in pool if c.source != "product"]
        pool = named or pool
        return strip_possessive(min(pool, key=lambda c: (len(c.text), c.start)).text)
    if names:
        best = max(names, key=lambda c: (len(strip_possessive(c.text)), -c.start))
        text = strip_possessive(best.text)
        if text.isupper():
            # "VELDHOVEN -" in a dateline is Veldhoven: the article's normal spelling wins
            # (an acronym, "ASML", has no other spelling and stays)
            normal = [
                strip_possessive(c.text)
                for c in names
                if not c.text.isupper() and strip_possessive(c.text).casefold() == text.casefold()
            ]
            if normal:
                text = normal[0]
        if group.type == "COUNTRY" and text.lower().startswith("de "):
            text = text[3:]
        return text
    pool = group.members
    return max(pool, key=lambda c: (len(c.text), -c.start)).text


def _is_alias(cand: Candidate) -> bool:
    if cand.kind in {"name", "acronym"}:
        return True
    if cand.source == "product":
        return True
    # "het instituut", a glued "chipfabrikant" describe; "Chinees quantum-instituut" names
    return bool(cand.countries) or (
        " " in cand.text and cand.head not in classify.GENERIC_DESCRIPTIONS
    )


def _build(groups: dict[str, Group]) -> tuple[list[Entity], list[MentionSpan]]:
    ordered = sorted(
        (g for g in groups.values() if g.members or g.adjectives), key=lambda g: g.first
    )
    ids = {g.key: f"e{i}" for i, g in enumerate(ordered, start=1)}
    entities: list[Entity] = []
    spans: list[MentionSpan] = []
    for group in ordered:
        eid = ids[group.key]
        members = sorted(group.members, key=lambda c: (c.start_char, c.end_char))
        mentions: list[Mention] = []
        seen: set[tuple[int, int]] = set()
        aliases: list[str] = []
        for cand in members:
            if (cand.start_char, cand.end_char) in seen:
                continue
            seen.add((cand.start_char, cand.end_char))
            mentions.append(Mention(start=cand.start_char, end=cand.end_char, text=cand.text))
            kind = cand.kind if cand.source != "product" else "name"
            spans.append(
                MentionSpan(
                    eid, group.type, cand.start, cand.end, cand.start_char, cand.end_char, kind
                )
            )
            if _is_alias(cand) and cand.text not in aliases:
                aliases.append(cand.text)
        if group.from_adjective:
            for _tok, _s, _e, text, _mod in group.adjectives:
                if text not in aliases:
                    aliases.append(text)
        for tok_i, s, e, _text, modified in group.adjectives:
            spans.append(
                MentionSpan(
                    eid, "COUNTRY", tok_i, tok_i + 1, s, e, "adjective", modifies=ids.get(modified)
                )
            )
        entities.append(
            Entity(
                id=eid,
                type=group.type,
                name=_canonical(group),
                aliases=aliases,
                country=group.iso if group.type == "COUNTRY" else group.country,
                iso=group.iso if group.type == "COUNTRY" else None,
                from_adjective=group.from_adjective and not mentions,
                mentions=mentions,
            )
        )
    spans.sort(key=lambda s: (s.start, s.end, s.kind))
    return entities, spans
