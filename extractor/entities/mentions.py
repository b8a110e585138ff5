"""Mentions: the token-level output (:class:`MentionSpan`), the candidates the finders
produce (:class:`Candidate`), the helpers they share, and the overlap policy
(:func:`select_candidates`: longer spans first, then source priority).

The finders live in :mod:`.names` (NER, gazetteer, countries), :mod:`.rules` (rule and
weak-context names) and :mod:`.phrases` (descriptions, products); :mod:`.candidates`
runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..schema import EntityType
from .countries import nationality_adjective_isos, strip_possessive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .gazetteer import GazetteerEntry

__all__ = ["MentionSpan", "Candidate", "select_candidates", "name_key"]

MentionKind = Literal["name", "acronym", "description", "adjective"]


@dataclass(frozen=True)
class MentionSpan:
    """One mention of an entity in a Doc, by token and character offsets.

    ``kind`` says how it names the entity: a proper ``name``, an ``acronym``, a
    ``description`` ("het instituut", "chipmachinefabrikant"), or a nationality
    ``adjective`` ("Chinees"), which points at a COUNTRY entity and records in
    ``modifies`` the id of the entity whose noun it modifies.
    """

    entity_id: str
    type: EntityType
    start: int
    end: int
    start_char: int
    end_char: int
    kind: MentionKind
    modifies: str | None = None


Source = Literal["gazetteer", "rule", "ner", "country", "misc", "weak", "description", "product"]

# Higher wins an overlap of equal length; longer spans win first (see select_candidates).
_PRIORITY: dict[str, int] = {
    "gazetteer": 6,
    "rule": 5,
    "ner": 4,
    "country": 3,
    "misc": 2,
    "weak": 2,
    "description": 1,
    "product": 0,
}

DETERMINERS = frozenset(
    "de het een 't dit deze dat die zijn haar hun ons onze welk welke elk elke ieder iedere".split()
)
DEFINITE = frozenset("de het 't dit deze dat die zijn haar hun".split())
_STOP_CAPS = frozenset(
    """CEO CFO CTO COO AI EUV DUV PDF TV ICT BBP BNP CO2 EU VS VK NB OK PC IT HR KPI ESG GW MW
    KW KWH MB GB TB USB LED LCD GPS DNA RNA II III IV VI IPO OESO ECB AIVD MIVD NAVO PS
    EPA ANP NOS CDA VVD PVV SP GL PVDA BBB NSC JA NEE TU LNG LPG CNG EV RAM
    VIDEO FOTO FOTO'S LIVE LIVEBLOG UPDATE PODCAST INTERVIEW ANALYSE OPINIE COLUMN
    EXCLUSIEF BREAKING REPORTAGE RECENSIE""".split()
)  # the second group: rubric labels opening a headline ("VIDEO | Umicore schrapt ...")


# Closed-class words that look like adjectives to the no-tagger heuristic ("-e").
_NOT_ADJECTIVES = DETERMINERS | frozenset(
    """twee drie negen mee ze je we wie die deze onze uwe hare hunne alle beide vele
    andere welke zulke dezelfde hetzelfde diverse enkele sommige meerdere overige
    tussen naast onder boven binnen buiten achter langs rond rondom tijdens volgens
    vanwege wegens behalve te inclusief exclusief""".split()
)


@dataclass
class Candidate:
    """A possible mention, before resolution; mutable while the stage works on it."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    kind: MentionKind
    source: Source
    type: EntityType | None = None  # None: an organisation of undecided type
    entry: GazetteerEntry | None = None
    iso: str | None = None  # for COUNTRY
    head: str = ""  # lower-cased head word (descriptions, products)
    countries: tuple[str, ...] = ()  # nationality adjectives modifying it
    adjectives: tuple[int, ...] = ()  # token indices of those adjectives
    descriptor: int | None = None  # token index of a descriptor glued before a name
    definite: bool = False
    plural: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    """Token texts and their lower-case forms, computed once per Doc: the finders
    test these plain strings first and make Token objects only for likely triggers."""
    cached = doc.user_data.get("extractor_words")
    if cached is None:
        texts = [t.text for t in doc]
        cached = (texts, [t.lower() for t in texts])
        doc.user_data["extractor_words"] = cached
    return cached


def is_common_word(doc: Doc, tok: Token) -> bool:
    """Is a capitalised word at the start of a sentence an ordinary word, not a name?

    Yes when the article also writes it in lower case, when the tagger calls it something
    other than a proper noun (or noun), or when it is a noun the lemmatizer's Dutch
    lexicon knows ("Druk", "Analisten"; not "Qblox"). The lexicon lists some brand names
    too ("Boeing"), so it only counts when the tagger does not say PROPN.
    """
    low = tok.lower_
    cached = doc.user_data.get("extractor_common_words")
    if cached is None:
        cached = frozenset(t.text for t in doc if t.is_lower and t.is_alpha)
        doc.user_data["extractor_common_words"] = cached
    if low in cached:
        return True
    if not _has_pos(doc):
        return False
    if tok.pos_ not in {"PROPN", "NOUN", "X", "SYM", "NUM"}:
        return True
    # inflected forms ("concurrenten", "analisten") are never brand names; the lemma
    # list itself has some ("boeing"), so it counts only when the tagger agrees
    forms = doc.user_data.get("extractor_known_forms")
    if forms is not None and low in forms:
        return True
    known = doc.user_data.get("extractor_known_words") or frozenset()
    if any(stem in known for stem in plural_stems(low)):
        return True  # "Deskundigen", "Havens": a plural of a Dutch noun (1% of brand names)
    return (tok.pos_ != "PROPN" or is_heading_start(tok)) and low in known


def plural_stems(word: str) -> list[str]:
    """The singulars a Dutch plural can come from: "havens" -> "haven", "deskundigen" ->
    "deskundige", "banen" -> "baan", "bedden" -> "bed", "huizen" -> "huis"."""
    out: list[str] = []
    if word.endswith("en") and len(word) > 4:
        base = word[:-2]
        out += [base, word[:-1]]
        if base[-1] == base[-2]:
            out.append(base[:-1])  # "bedden" -> "bed"
        elif base[-2] in "aeou" and base[-1] not in "aeiou" and base[-3:-2] not in "aeiou":
            out.append(base[:-1] + base[-2:])  # "banen" -> "baan"
        if base.endswith("z"):
            out.append(base[:-1] + "s")  # "huizen" -> "huis"
        elif base.endswith("v"):
            out.append(base[:-1] + "f")  # "brieven" -> "brief"
    elif word.endswith("'s") and len(word) > 4:
        out.append(word[:-2])  # "auto's"
    elif word.endswith("s") and len(word) > 4 and word[-2] not in "s'":
        out.append(word[:-1])  # "havens", "terminals"
    return out


def is_heading_start(tok: Token) -> bool:
    """Does ``tok`` open a line that is a headline, crosshead or caption rather than a
    sentence: a short line (at most 12 words) that does not end in a full stop? There the
    first word is capitalised because it is first ("Nasleep van terugroepactie", "Banen in
    Twente"), so the capital says nothing about a name."""
    doc = tok.doc
    if not (tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space):
        return False
    words = 0
    k = tok.i
    while k < len(doc) and not doc[k].is_space:
        if not doc[k].is_punct:
            words += 1
        if words > 12:
            return False
        if "\n" in doc[k].whitespace_:
            break
        k += 1
    last = doc[min(k, len(doc) - 1)]
    if last.is_space and k > tok.i:
        last = doc[k - 1]
    return last.text not in {".", "!", "?", '"', "”"} and not last.text.endswith(".")


def _has_pos(doc: Doc) -> bool:
    return doc.has_annotation("POS")


def _is_sent_start(tok: Token) -> bool:
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return (
        prev.text in {".", "!", "?", ":", '"', "“", "”", "\n"}
        or "\n" in prev.whitespace_ + prev.text
    )


def is_adjective(tok: Token, has_pos: bool) -> bool:
    """Adjective test that works with and without a tagger."""
    if nationality_adjective_isos(tok.text):
        return True
    low = tok.lower_
    if low in _NOT_ADJECTIVES:
        return False
    if has_pos:
        if "Ord" in tok.morph.get("NumType", None):
            return False  # UD tags ordinals ADJ ("eerste toestellen"): not part of a name
        return tok.pos_ == "ADJ" or (tok.tag_.startswith("ADJ") if tok.tag_ else False)
    return tok.is_lower and low.endswith(("e", "isch", "air", "eel", "ief", "ig", "aal", "ant"))


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    start_char = doc[start].idx
    text = doc[start:end].text  # doc.text would join the whole article on every call
    end_char = start_char + len(text)
    # "VS." / "CETC)" at the end: keep the closing punctuation out of the mention.
    while (
        text
        and text[-1] in ".,;:)\"'”’"
        and not text.endswith(("N.V.", "B.V.", "Inc.", "Corp.", "Co.", "S.A."))
    ):
        if text.endswith("."):
            core = text[:-1]
            if "." in core:  # "V.S." is an abbreviation, its stop belongs to it
                break
        text = text[:-1]
        end_char -= 1
    return start_char, end_char, text


def _make(
    doc: Doc, start: int, end: int, kind: MentionKind, source: Source, **kw: object
) -> Candidate | None:
    if end <= start:
        return None
    start_char, end_char, text = _char_span(doc, start, end)
    if "\n" in text:
        # a heading and the next paragraph are never one name
        while end > start + 1 and "\n" in doc[start:end].text:
            end -= 1
        start_char, end_char, text = _char_span(doc, start, end)
        if "\n" in text:
            return None
    if len(text.strip()) < 2:
        return None  # "F" of a badly split "F-16"
    return Candidate(start, end, start_char, end_char, text, kind, source, **kw)  # type: ignore[arg-type]


def _leading_adjectives(
    doc: Doc, start: int, has_pos: bool
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Nationality adjectives directly before token ``start`` (through other adjectives)."""
    isos: list[str] = []
    where: list[int] = []
    i = start - 1
    while i >= 0 and (is_adjective(doc[i], has_pos) or doc[i].text in {",", "en"}):
        if doc[i].text in {",", "en"} and not (
            i > 0 and nationality_adjective_isos(doc[i - 1].text)
        ):
            break
        codes = nationality_adjective_isos(doc[i].text)
        if codes:
            isos.extend(c for c in codes if c not in isos)
            where.append(i)
        i -= 1
    return tuple(isos), tuple(sorted(where))


# Codes with digits that name no product: substances ("CO2", "PM10"), groups of states
# ("G7"), quarters and halves ("Q3", "H1"), diseases ("COVID-19").
_NOT_MODELS = re.compile(  # and roads: "de A2", "de N201", "de E40"
    r"^(?:CO2|CO₂|NOx|NO2|SO2|PM\d+(?:[.,]\d)?|H[12]|Q[1-4]|G\d{1,2}|covid-19|A\d{1,2}|N\d{3}|E\d{2})$",
    re.I,
)


def _looks_like_model(text: str) -> bool:
    """ "F-35", "NXT:2000i", "iPhone 15", "A350": a named product model."""
    if _NOT_MODELS.match(text):
        return False
    has_digit = any(ch.isdigit() for ch in text)
    inner_caps = any(
        w[:1].islower() and any(c.isupper() and w[k - 1] != "-" for k, c in enumerate(w) if k)
        for w in text.split()
    )
    return (has_digit and any(ch.isalpha() for ch in text)) or inner_caps


_CATEGORY_NOUNS = (
    "programma",
    "vliegtuig",
    "vliegtuigen",
    "gevechtsvliegtuig",
    "gevechtsvliegtuigen",
    "toestel",
    "toestellen",
    "drone",
    "drones",
    "straaljager",
    "straaljagers",
    "helikopter",
    "helikopters",
    "jager",
    "jagers",
    "vaccin",
    "model",
    "modellen",
    "serie",
)


def select_candidates(cands: Iterable[Candidate]) -> list[Candidate]:
    """A non-overlapping subset: longer spans first, then source priority; in text order.

    Exception: a bare-acronym fallback never beats a real candidate it overlaps.
    """
    ordered = sorted(
        cands,
        key=lambda c: (
            c.extra.get("acronym_fallback", False) is False,
            c.length if c.source not in {"description", "product"} else 0,
            _PRIORITY[c.source],
            c.length,
        ),
        reverse=True,
    )
    taken = [False] * (max((c.end for c in ordered), default=0) + 1)
    kept: list[Candidate] = []
    for cand in ordered:
        if any(taken[cand.start : cand.end]):
            continue
        for k in range(cand.start, cand.end):
            taken[k] = True
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def iter_tokens(doc: Doc, cands: Sequence[Candidate]) -> set[int]:
    """Token indices covered by ``cands``."""
    return {k for c in cands for k in range(c.start, c.end)}


def name_key(text: str) -> str:
    """Key that groups repeated mentions of one name ("China's" with "China")."""
    return " ".join(strip_possessive(text).casefold().split())
