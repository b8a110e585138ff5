"""Organisation descriptions -> entities: which named organisation does "het
instituut", "chipfabrikant", "een Chinees quantum-instituut" or "de Chinese overheid"
describe, or is it an unnamed organisation of its own?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import classify
from .mentions import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc
from .groups import ORG_TYPES, Group, _add, _get_group, _group_country, _head_words


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
    _attach_by_country(doc, rest, groups, by_member)
    _join_named_cabinet(groups, by_member)


def _join_named_cabinet(groups: dict[str, Group], by_member: dict[int, Group]) -> None:
    """ "het kabinet" before "het kabinet-Schoof" is that cabinet: a government named by
    its leader is the one the unnamed mentions speak of."""
    unnamed = groups.get("gov:unnamed")
    if unnamed is None:
        return
    for g in sorted(groups.values(), key=lambda g: g.first):
        if g is unnamed or g.type != "INSTITUTE":
            continue
        if any(c.text.lower().startswith("kabinet-") for c in g.names()):
            for cand in unnamed.members:
                _add(g, cand, by_member)
            del groups["gov:unnamed"]
            return


def _attach_by_country(
    doc: Doc,
    rest: list[Candidate],
    groups: dict[str, Group],
    by_member: dict[int, Group],
) -> None:
    """Second pass: governments, descriptions with a nationality, definite descriptions."""
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
                gov = _get_group(groups, "gov:" + iso, "INSTITUTE")
                gov.country = gov.country or iso
                _add(gov, desc, by_member)
            elif desc.definite and head in {"regering", "kabinet"}:
                # "de regering", "het kabinet": the government the article spoke of last,
                # or, when it named none, the government of its own country, an entity
                # that acts in the news like any named one
                target = _last_government(groups, desc)
                if target is None:
                    target = _get_group(groups, "gov:unnamed", "INSTITUTE")
                _add(target, desc, by_member)
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
            elif head in _NATIONAL_BODIES and desc.end - desc.start == 1:
                # "de landmacht", "de douane": the country's own body, an entity by itself
                _add(_get_group(groups, "desc:" + head, "INSTITUTE"), desc, by_member)


# Bodies a country has one of, so that "de landmacht" names it without a name.
_NATIONAL_BODIES = frozenset(
    """landmacht luchtmacht marine krijgsmacht kustwacht douane politie parlement senaat
    belastingdienst marechaussee""".split()
)

def _last_government(groups: dict[str, Group], desc: Candidate) -> Group | None:
    """The government mentioned nearest before ``desc``: a government description
    ("de Britse regering") or a government's name ("kabinet-Schoof")."""
    best: tuple[int, Group] | None = None
    for g in groups.values():
        if g.type != "INSTITUTE":
            continue
        if not g.key.startswith("gov:") and not any(
            w in {"regering", "kabinet"}
            for c in g.names()
            for w in c.text.lower().replace("-", " ").split()
        ):
            continue
        before = [c.start for c in g.members if c.start < desc.start]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), g)
    return best[1] if best else None


def _first_line_end(doc: Doc, within: int = 25) -> int:
    """Character offset where the headline ends, or -1 when the text opens with no
    headline (a short first line without a full stop). ``doc.text`` would join the
    whole article, so the tokens are read instead."""
    for tok in doc[:within]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            last = tok if not tok.is_space else doc[max(tok.i - 1, 0)]
            return -1 if last.text in {".", "!", "?"} else tok.idx
    return -1


def _type_by_descriptions(doc: Doc, groups: dict[str, Group]) -> None:
    """A name typed FIRM only by default becomes an INSTITUTE when the article describes it
    as one ("CREG, de federale energieregulator", "Brainport Development, een
    ontwikkelingsorganisatie"), or when it is an acronym the article writes with an
    article ("de AIVD", "de FIOD", "het CDA"): firms' acronyms go bare ("ASML", "TSMC")."""
    for group in groups.values():
        if group.type != "FIRM":
            continue
        names = group.names()
        if not names or not all(c.extra.get("fallback_type") for c in names):
            continue
        kinds = {c.type for c in group.members if c.kind == "description"}
        if kinds == {"INSTITUTE"}:
            group.type = "INSTITUTE"
        elif (
            kinds <= {"INSTITUTE"}
            and all(c.text.isupper() for c in names)
            and any(c.start > 0 and doc[c.start - 1].lower_ in {"de", "het"} for c in names)
        ):
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
        # "Een Chinees onderzoeksinstituut ... heeft gekocht. Qblox verkocht ... aan de
        # Beijing Academy ... (BAQIS)": an indefinite lede that the next lines name
        follows = not desc.definite and any(0 < c.start - desc.start <= 40 for c in g.names())
        if government or not (fits or in_title or follows):
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
