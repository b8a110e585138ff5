"""Noun-phrase candidates: organisation descriptions ("een Chinees quantum-instituut",
"het bedrijf") and product noun phrases ("euv-machines", "vaccin tegen het zikavirus").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import classify
from .countries import nationality_adjective_isos
from .mentions import (
    DEFINITE,
    Candidate,
    _has_pos,
    _is_sent_start,
    _leading_adjectives,
    _make,
    _words,
    is_adjective,
)
from .names import _REGION_ADJECTIVES

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Adverbs the tagger calls adjectives: "tegenwoordig complete modules" -> "complete modules"
_NP_ADVERBS = frozenset(
    """tegenwoordig inmiddels momenteel vroeger voorheen destijds thans voortaan ook
    vooral zelfs alleen slechts nu nog steeds""".split()
)


def _np_start(doc: Doc, head: int, has_pos: bool, keep_nationality: bool) -> tuple[int, bool]:
    """Left edge of the noun phrase headed by ``head``, without determiner or evaluative
    adjectives; also whether a definite determiner precedes it."""
    start = head
    i = head - 1
    while i >= 0 and is_adjective(doc[i], has_pos) and not doc[i].is_punct:
        if classify.is_evaluative(doc[i].text) or doc[i].lower_ in _NP_ADVERBS:
            break
        if not keep_nationality and (
            nationality_adjective_isos(doc[i].text) or doc[i].lower_ in _REGION_ADJECTIVES
        ):
            break  # "Europees systeem": the region says where, not what
        start = i
        i -= 1
    # Skip back over evaluative adjectives to find the determiner.
    j = start - 1
    while j >= 0 and (is_adjective(doc[j], has_pos) or doc[j].lower_ in {"meest", "zeer", "nog"}):
        j -= 1
    definite = j >= 0 and doc[j].lower_ in DEFINITE
    return start, definite


def _of_country(doc: Doc, i: int) -> tuple[int, str] | None:
    """ "van (de) Emiraten", "van Japan" at token ``i``: (end, ISO code) of the country."""
    from .countries import country_iso

    n = len(doc)
    if i >= n or doc[i].lower_ != "van":
        return None
    k = i + 1
    if k < n and doc[k].lower_ == "de":
        k += 1
    for size in (3, 2, 1):
        if k + size <= n and doc[k].text[:1].isupper():
            iso = country_iso(doc[k : k + size].text)
            if iso is not None:
                return k + size, iso
    return None


_MAKER_HEADS = ("producent", "fabrikant", "maker", "leverancier", "bouwer", "ontwikkelaar")


def _of_goods(doc: Doc, i: int, head: str) -> int | None:
    """End of "van GOODS" after a maker noun ("producent van coatings"), or None."""
    if classify.ends_with_head(head, _MAKER_HEADS) is None:
        return None
    n = len(doc)
    if i + 1 >= n or doc[i].lower_ != "van":
        return None
    k = i + 1
    while k < n and doc[k].is_lower and doc[k].is_alpha and not doc[k].is_stop:
        k += 1
    if k == i + 1 or not classify.is_product_word(doc[k - 1].lower_):
        return None
    return k


def description_candidates(doc: Doc) -> list[Candidate]:
    """Organisation descriptions: "een Chinees quantum-instituut", "het bedrijf"."""
    has_pos = _has_pos(doc)
    out: list[Candidate] = []
    _texts, lowers = _words(doc)
    for i, low in enumerate(lowers):
        if low not in classify.GOVERNMENT_HEADS and classify.org_type_from_descriptor(low) is None:
            continue
        tok = doc[i]
        if not (tok.is_lower or (tok.text[1:].islower() and _is_sent_start(tok))):
            continue
        if has_pos and tok.pos_ in {"ADV", "ADP"}:
            continue
        gov = low in classify.GOVERNMENT_HEADS
        org_type = "INSTITUTE" if gov else classify.org_type_from_descriptor(low)
        if org_type is None:
            continue
        start, definite = _np_start(doc, tok.i, has_pos, keep_nationality=True)
        countries, adjs = _leading_adjectives(doc, tok.i, has_pos)
        plural = (
            low.endswith(("en", "s"))
            and not low.endswith(("regering", "overheid"))
            and classify.head_key(low) != low
            and low not in {"staten"}
            and not low.endswith(("instituut", "bedrijf", "kabinet"))
        )
        of = _of_country(doc, tok.i + 1) if gov else None
        made = None if gov else _of_goods(doc, tok.i + 1, low)
        if of is not None:
            countries = (of[1], *countries)  # "de regering van de Emiraten"
        cand = _make(
            doc,
            start,
            tok.i + 1,
            "description",
            "description",
            type=org_type,
            head=low,
            countries=countries,
            adjectives=adjs,
            definite=definite,
            plural=plural,
        )
        if cand is not None:
            cand.extra["government"] = gov
            if of is not None:
                # the mention reads "regering van de Emiraten"; its tokens stop at the head,
                # so that the country keeps a mention of its own
                cand.text = doc[cand.start : of[0]].text.rstrip(".,;:!?")
                cand.end_char = cand.start_char + len(cand.text)
            elif made is not None and cand.countries:
                # "een Spaanse producent van coatings": an unnamed firm named by what it
                # makes; the goods keep their own product mention
                cand.text = doc[cand.start : made].text
                cand.end_char = cand.start_char + len(cand.text)
            out.append(cand)
    return out


# Vehicles and phones as the means of travel or talk: "met het vliegtuig naar Peking",
# "per telefoon", "per schip vervoerd" name no goods made, sold or restricted.
_MEANS_HEADS = frozenset(
    """vliegtuig toestel trein auto bus boot schip fiets telefoon vrachtwagen helikopter
    regeringsvliegtuig""".split()
)


def _is_means(doc: Doc, start: int, head: str) -> bool:
    """Is the product noun phrase starting at ``start`` the means of an action?"""
    if classify.ends_with_head(head, tuple(_MEANS_HEADS)) is None or start == 0:
        return False
    prev = doc[start - 1].lower_
    if prev == "per":
        return True
    return (
        prev in {"de", "het", "een", "zijn", "haar", "hun"}
        and start >= 2
        and (doc[start - 2].lower_ == "met")
    )


_PP_HEADS = frozenset({"voor", "tegen"})
_NOT_PP_NOUNS = frozenset(
    """markt klant klanten export levering bedrag miljoen miljard euro procent jaar jaren
    maanden weken dagen prijs prijzen rekening deur tijd toekomst eerst zover""".split()
)


def _pp_complement_end(doc: Doc, head: int, has_pos: bool) -> int | None:
    """End of a "voor/tegen ..." complement that names the product's use:
    "onderdeel voor een chipmachine", "geneesmiddelen tegen epilepsie en psoriasis"."""
    n = len(doc)
    i = head + 1
    if i >= n or doc[i].lower_ not in _PP_HEADS:
        return None
    i += 1
    if i < n and doc[i].lower_ in {"een", "de", "het"}:
        i += 1
    end = None
    for _part in range(2):
        while (
            i + 1 < n
            and is_adjective(doc[i], has_pos)
            and not classify.is_product_word(doc[i].lower_)
            and doc[i + 1].is_lower
            and not doc[i + 1].is_stop
        ):
            i += 1
        if i >= n:
            return end
        tok = doc[i]
        noun = tok.pos_ in {"NOUN", "PROPN"} if has_pos else (tok.is_lower and not tok.is_stop)
        if not noun or tok.is_punct or tok.lower_ in _NOT_PP_NOUNS or not tok.is_lower:
            return end
        end = i + 1
        if has_pos and end < n and doc[end].pos_ == "NOUN" and doc[end].is_lower:
            end += 1  # "goederen voor tweeërlei gebruik"
        if (
            end + 1 < n
            and doc[end].lower_ == "en"
            and doc[end + 1].is_lower
            and not doc[end + 1].is_stop
        ):
            i = end + 1
            continue
        break
    return end


def product_candidates(doc: Doc) -> list[Candidate]:
    """Product noun phrases: compounds with a goods head ("euv-machines", "raketsystemen"),
    with a use complement when there is one ("vaccin tegen het zikavirus")."""
    has_pos = _has_pos(doc)
    out: list[Candidate] = []
    n = len(doc)
    texts, lowers = _words(doc)
    for i, low in enumerate(lowers):
        if texts[i] not in {"LNG", "LPG"} and not classify.is_product_word(low):
            continue
        tok = doc[i]
        if low in {"LNG", "lpg"} or tok.text in {"LNG", "LPG"}:
            low = tok.text.lower()
        elif not (tok.is_lower or tok.text[1:].islower() or "-" in tok.text):
            continue
        if not classify.is_product_word(low):
            continue
        if has_pos and tok.pos_ in {"ADP", "AUX"}:
            continue  # the tagger calls plural nouns ("lichtbronnen") VERB too often to trust
        head = classify.head_key(low)
        # "X is (een) onderdeel van Y" states membership (subsidiary_of), not goods.
        if head == "onderdeel" and tok.i + 1 < n and doc[tok.i + 1].lower_ == "van":
            before = {doc[k].lower_ for k in range(max(0, tok.i - 3), tok.i)}
            if before & {
                "is",
                "zijn",
                "was",
                "waren",
                "wordt",
                "werd",
                "blijft",
                "als",
                "maakt",
                ",",
            }:
                continue
        start, definite = _np_start(doc, tok.i, has_pos, keep_nationality=False)
        if _is_means(doc, start, head):
            continue
        if low == "onderdeel" and definite:
            continue  # "het voormalige onderdeel" is a division, not goods
        if head == "aardgas" and tok.i > 0 and doc[tok.i - 1].lower_ == "vloeibaar":
            head = "lng"  # "vloeibaar aardgas" is lng
        end = tok.i + 1
        pp_end = _pp_complement_end(doc, tok.i, has_pos)
        cand = _make(doc, start, end, "description", "product", type="PRODUCT", head=head)
        if cand is None:
            continue
        cand.extra["modified"] = start < tok.i
        if pp_end is not None:
            full = _make(doc, start, pp_end, "description", "product", type="PRODUCT", head=head)
            if full is not None:
                full.extra["pp"] = True
                full.extra["modified"] = True
                cand = full
        out.append(cand)
    return out
