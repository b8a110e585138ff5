"""In-article resolution: candidate mentions -> one entity per real-world thing.

Steps, in order (each a function below):
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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..schema import Entity, EntityType, Mention
from . import classify
from .countries import country_iso, country_name, nationality_adjective_isos, strip_possessive
from .mentions import _CATEGORY_NOUNS, Candidate, MentionSpan, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

ORG_TYPES = frozenset({"FIRM", "INSTITUTE"})
_NATIONALITY_SUBJECTS = frozenset({"FIRM", "INSTITUTE", "PERSON"})


@dataclass
class Group:
    """One entity under construction."""

    key: str
    type: EntityType
    members: list[Candidate] = field(default_factory=list)
    iso: str | None = None
    country: str | None = None
    adjectives: list[tuple[int, int, int, str, str]] = field(default_factory=list)
    # (token, start_char, end_char, text, modified group key)
    from_adjective: bool = False

    @property
    def first(self) -> int:
        starts = [c.start_char for c in self.members] + [a[1] for a in self.adjectives]
        return min(starts) if starts else 10**9

    def names(self) -> list[Candidate]:
        return [c for c in self.members if c.kind in {"name", "acronym"}]


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
        )
    names = [c for c in names if c.type is not None]
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

    groups = _group_names(doc, names)
    by_member: dict[int, Group] = {id(c): g for g in groups.values() for c in g.members}
    _attach_descriptions(doc, descriptions, groups, by_member)
    _type_by_descriptions(groups)
    _group_products(doc, products, groups, by_member)
    _merge_category_compounds(groups)
    _link_adjectives(doc, groups)
    return _build(groups)


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
    org_texts = {c.text for c in names if c.descriptor is not None or c.extra.get("label") == "ORG"}
    return {id(c) for c in names if c.text in texts and c.text not in org_texts}


def _person_evidence(doc: Doc, names: Sequence[Candidate]) -> dict[int, bool]:
    """Person evidence for names of unsure type (NER PER/MISC, rules): a given name,
    a particle or a role noun before it; a lone surname of such a person counts too."""
    evidence: dict[int, bool] = {}
    surnames: set[str] = set()
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
        found = classify.person_evidence(tokens, before)
        evidence[id(cand)] = found
        if found:
            surnames.add(tokens[-1])
    for cand in unsure:
        if not evidence[id(cand)] and cand.end - cand.start == 1 and cand.text in surnames:
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


def _head_words(group: Group) -> set[str]:
    words: set[str] = set()
    for cand in group.members:
        if cand.kind == "description":
            words.add(cand.head)
        else:
            for word in cand.text.lower().replace("-", " ").split():
                words.add(word)
    return words


def _attach_descriptions(
    doc: Doc,
    descriptions: Sequence[Candidate],
    groups: dict[str, Group],
    by_member: dict[int, Group],
) -> None:
    """Attach organisation descriptions in two passes: first where the syntax says which
    name they describe (glued descriptor, apposition, the same compound head), then, with
    the entities' countries known, by nationality and definiteness."""
    rest = _attach_structural(doc, descriptions, groups, by_member)
    countries = {key: _group_country(g) for key, g in groups.items()}
    first_line_end = _first_line_end(doc)
    for desc in rest:
        head = desc.head
        iso = desc.countries[0] if desc.countries else None
        # a government by nationality: "Chinese overheid" = "Chinese staat"
        if desc.extra.get("government"):
            level = _government_level(doc, desc)
            if level:
                # "de Vlaamse regering" and "de federale regering" are not the Belgian state
                _add(_get_group(groups, "gov:" + level, "INSTITUTE"), desc, by_member)
            elif iso:
                _add(_get_group(groups, "gov:" + iso, "INSTITUTE"), desc, by_member)
            elif desc.definite and head in {"regering", "kabinet"}:
                govs = [
                    g
                    for g in groups.values()
                    if g.key.startswith("gov:") and g.first < desc.start_char
                ]
                if govs:
                    _add(max(govs, key=lambda g: g.first), desc, by_member)
            continue
        if iso:
            # "Een Chinees onderzoeksinstituut ... de Beijing Academy ... (BAQIS)": a lede or
            # headline description of a named organisation of that country close by
            in_title = first_line_end >= 0 and desc.start_char < first_line_end
            target = _named_by_country(desc, groups, countries, iso, in_title)
            if target is None and desc.definite:
                # "het Nederlandse bedrijf" refers back to a firm; a definite institute
                # description may name one of its own ("de Chinese ambassade")
                target = _antecedent(desc, groups, require_fit=desc.type != "FIRM")
                if target is None and desc.type == "FIRM":
                    continue
            if target is None:
                # a new, unnamed organisation: "een Chinees quantum-instituut"
                target = _get_group(
                    groups, f"desc:{classify.head_key(head)}:{iso}", desc.type or "INSTITUTE"
                )
            _add(target, desc, by_member)
            continue
        # a definite description -> the nearest earlier entity that fits
        if desc.definite:
            target = _antecedent(
                desc, groups, require_fit=head not in classify.GENERIC_DESCRIPTIONS
            )
            if target is not None:
                _add(target, desc, by_member)


def _first_line_end(doc: Doc, within: int = 25) -> int:
    """Character offset where the headline ends, or -1 when the text opens with no
    headline (a short first line without a full stop). ``doc.text`` would join the
    whole article, so the tokens are read instead."""
    for tok in doc[:within]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            last = tok if not tok.is_space else doc[max(tok.i - 1, 0)]
            return -1 if last.text in {".", "!", "?"} else tok.idx
    return -1


def _type_by_descriptions(groups: dict[str, Group]) -> None:
    """A name typed FIRM only by default becomes an INSTITUTE when the article describes it
    as one ("CREG, de federale energieregulator", "Brainport Development, een
    ontwikkelingsorganisatie")."""
    for group in groups.values():
        if group.type != "FIRM":
            continue
        names = group.names()
        if not names or not all(c.extra.get("fallback_type") for c in names):
            continue
        kinds = {c.type for c in group.members if c.kind == "description"}
        if kinds == {"INSTITUTE"}:
            group.type = "INSTITUTE"


_GOVERNMENT_LEVELS = frozenset(
    {"vlaamse", "waalse", "brusselse", "federale", "regionale", "provinciale", "duitstalige"}
)


def _government_level(doc: Doc, desc: Candidate) -> str | None:
    """A regional or federal government ("Vlaamse regering", "federale overheid")."""
    for tok in doc[desc.start : desc.end - 1]:
        if tok.lower_ in _GOVERNMENT_LEVELS:
            return tok.lower_
    return None


def _get_group(groups: dict[str, Group], key: str, type_: EntityType) -> Group:
    group = groups.get(key)
    if group is None:
        group = groups[key] = Group(key, type_)
    return group


def _group_country(group: Group) -> str | None:
    if group.country:
        return group.country
    for cand in group.members:
        if cand.countries:
            return cand.countries[0]
    return None


def _attach_structural(
    doc: Doc,
    descriptions: Sequence[Candidate],
    groups: dict[str, Group],
    by_member: dict[int, Group],
) -> list[Candidate]:
    """Glued descriptors, appositions and same-head descriptions; returns the rest."""
    descriptor_of: dict[int, Group] = {}
    name_at_start: dict[int, Group] = {}
    name_at_end: dict[int, Group] = {}
    for group in groups.values():
        for cand in group.members:
            if cand.descriptor is not None:
                descriptor_of[cand.descriptor] = group
            name_at_start[cand.start] = group
            name_at_end[cand.end] = group
    n = len(doc)
    rest: list[Candidate] = []
    for desc in sorted(descriptions, key=lambda c: c.start):
        target: Group | None = None
        head = desc.head
        before = desc.start - 2
        if before >= 1 and doc[before].text == "," and doc[before - 1].text == ")":
            before -= 1  # "(NUDT), een Chinese militaire universiteit"
        # glued descriptor: "chipfabrikant Nexperia", "de Chinese eigenaar Wingtech"
        if desc.end - 1 in descriptor_of:
            target = descriptor_of[desc.end - 1]
        # apposition: "defensiebedrijven, CETC", "Wingtech, een beursgenoteerd concern"
        elif desc.end + 1 < n and doc[desc.end].text == "," and desc.end + 1 in name_at_start:
            target = name_at_start[desc.end + 1]
        elif (
            desc.start >= 2
            and doc[desc.start - 1].lower_ in {"een", "het", "de"}
            and doc[desc.start - 2].text in {",", ")"}
            and (before in name_at_end or before + 1 in name_at_end)
        ):
            target = name_at_end.get(before, name_at_end.get(before + 1))
        if target is not None:
            if target.type in ORG_TYPES or target.type == "PERSON":
                _add(target, desc, by_member)
            continue
        if desc.plural:
            continue
        # the same compound head as a name: "militair onderzoeksinstituut"
        if head not in classify.GENERIC_DESCRIPTIONS and head not in classify.GOVERNMENT_HEADS:
            same = [
                g
                for g in groups.values()
                if g.type in ORG_TYPES
                and any(
                    c.kind != "description" and head in c.text.lower().replace("-", " ").split()
                    for c in g.members
                )
            ]
            if same:
                target = min(same, key=lambda g: min(abs(c.start - desc.start) for c in g.members))
                _add(target, desc, by_member)
                continue
        rest.append(desc)
    return rest


def _named_by_country(
    desc: Candidate,
    groups: dict[str, Group],
    countries: dict[str, str | None],
    iso: str,
    in_title: bool,
) -> Group | None:
    """A named organisation of the description's type and country that the description
    introduces (headline or lede) or re-describes, nearest first."""
    best: tuple[int, Group] | None = None
    for key, g in groups.items():
        if g.type != desc.type or countries.get(key) != iso or not g.names():
            continue
        fits = any(w.endswith(desc.head) for w in _head_words(g) if len(w) > 4)
        distance = min(abs(c.start - desc.start) for c in g.names())
        government = any(
            w in classify.GOVERNMENT_HEADS for c in g.names() for w in c.text.lower().split()
        )
        if government or not (fits or in_title):
            continue
        if best is None or distance < best[0]:
            best = (distance, g)
    return best[1] if best else None


def _antecedent(desc: Candidate, groups: dict[str, Group], require_fit: bool) -> Group | None:
    """The nearest earlier organisation of the description's type, preferring one whose
    own words end in the description's head ("het instituut" -> "... quantum-instituut")."""
    best: tuple[int, int, Group] | None = None
    head = desc.head
    for g in groups.values():
        if g.type != desc.type:
            continue
        before = [c.start for c in g.members if c.start < desc.start]
        if not before:
            continue
        fits = any(w.endswith(head) for w in _head_words(g))
        if desc.countries and _group_country(g) not in (None, desc.countries[0]):
            continue
        rank = (1 if fits else 0, max(before))
        if best is None or rank > best[:2]:
            best = (*rank, g)
    if best is None:
        return None
    if best[0] == 0 and (require_fit or head in {"instituut", "universiteit", "ministerie"}):
        return None
    return best[2]


def _add(group: Group, cand: Candidate, by_member: dict[int, Group]) -> None:
    group.members.append(cand)
    by_member[id(cand)] = group


def _group_products(
    doc: Doc, products: Sequence[Candidate], groups: dict[str, Group], by_member: dict[int, Group]
) -> None:
    """Product noun phrases -> entities by head noun.

    A bare head joins a compound of it in the article ("raketten" -> "Patriot-raketten",
    "fregatten" -> "onderzeebootbestrijdingsfregatten"), except for heads that are
    products in their own right ("chips"); a generic head ("de machines", "toestellen")
    only refers back to such a compound, and is no product of its own.
    """
    descriptor_of = {
        c.descriptor: g
        for g in groups.values()
        for c in g.members
        if c.descriptor is not None and g.type == "PRODUCT"
    }
    keys = {p.head for p in products if not p.extra.get("pp")}
    # "vaccin tegen het zikavirus" is a product line of its own; a bare "onderdeel" joins
    # "onderdeel voor een chipmachine" when that is the only such line with its head
    pp_lines: dict[str, set[str]] = {}
    for prod in products:
        if prod.extra.get("pp"):
            pp_lines.setdefault(prod.head, set()).add(prod.text.lower())
    named = {
        name_key(c.text): g
        for g in groups.values()
        if g.type == "PRODUCT"
        for c in g.members
        if c.kind == "name"
    }
    for prod in products:
        target = descriptor_of.get(prod.end - 1)
        prefix, _, rest = prod.text.partition("-")
        if target is None and rest and rest.lower().endswith(_CATEGORY_NOUNS):
            # "F-35-gevechtsvliegtuigen" is the F-35; "RSV-vaccin" names no product
            target = named.get(name_key(prefix)) or named.get(name_key(prod.text.rsplit("-", 1)[0]))
        if target is None:
            if prod.extra.get("pp"):
                key: str | None = "pp:" + prod.text.lower()
            elif prod.head in classify.GENERIC_PRODUCT_HEADS and prod.extra.get("modified"):
                # "vergunningsplichtige goederen", "elektrische auto's": a product line
                key = "prod:" + prod.text.lower()
            elif len(pp_lines.get(prod.head, ())) == 1:
                key = "pp:" + next(iter(pp_lines[prod.head]))
            else:
                key = _product_key(prod.head, keys, bool(prod.extra.get("modified")))
                key = None if key is None else "prod:" + key
            if key is None:
                continue
            target = _get_group(groups, key, "PRODUCT")
        _add(target, prod, by_member)


def _merge_category_compounds(groups: dict[str, Group]) -> None:
    """A product named "F-35-gevechtsvliegtuigen" or "F-35-programma" (NER MISC) is the
    F-35 when the article names the F-35 itself."""
    named: dict[str, Group] = {}
    for g in groups.values():
        if g.type == "PRODUCT":
            for c in g.members:
                if c.kind == "name" and "-" not in c.text.rstrip("-").split("-", 1)[-1]:
                    named.setdefault(name_key(c.text), g)
    for key, g in list(groups.items()):
        if g.type != "PRODUCT" or not g.members:
            continue
        texts = {c.text for c in g.members}
        targets = set()
        for text in texts:
            stem, _, rest = text.rpartition("-")
            target = (
                named.get(name_key(stem))
                if stem and rest.lower().endswith(_CATEGORY_NOUNS)
                else None
            )
            if target is None or target is g:
                break
            targets.add(target.key)
        else:
            if len(targets) == 1:
                target = groups[targets.pop()]
                target.members.extend(g.members)
                del groups[key]


def _product_key(head: str, keys: set[str], modified: bool) -> str | None:
    if head in classify.STANDALONE_PRODUCTS:
        return head
    longer = sorted(
        k for k in keys if k != head and k.endswith(head) and not k.endswith(head + "-")
    )
    if longer:
        return longer[0]
    if head in classify.GENERIC_PRODUCT_HEADS and not modified:
        return None
    return head


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
