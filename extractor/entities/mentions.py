"""Candidate mentions: where in a Doc might a firm, institute, product or country be named?

Sources, each a small function over a Doc returning :class:`Candidate` objects:
NER spans (cleaned of determiners and glued descriptors), gazetteer matches,
country names, rule-found names (quoted names after "de naam", legal forms,
names after a descriptor such as "chipfabrikant"), organisation descriptions
("een Chinees quantum-instituut", "het bedrijf") and product noun phrases
("euv-machines", "drones"). :func:`select_candidates` keeps a non-overlapping set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..schema import EntityType
from . import classify
from .countries import country_iso, country_names, nationality_adjective_isos, strip_possessive
from .gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .gazetteer import GazetteerEntry, GazetteerMatcher

__all__ = ["MentionSpan", "Candidate", "find_candidates", "select_candidates"]

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
    EPA ANP NOS CDA VVD PVV SP GL PVDA BBB NSC JA NEE TU LNG LPG CNG EV RAM""".split()
)


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


# --- names -----------------------------------------------------------------------------


def _clean_name_span(doc: Doc, start: int, end: int) -> tuple[int, int, int | None]:
    """Strip determiners, quotes and a glued descriptor from a name span.

    Returns (start, end, descriptor token index or None).
    "de Chipmachinefabrikant ASML" -> ASML, descriptor = the fabrikant token.
    """
    descriptor = None
    while start < end:
        tok = doc[start]
        low = tok.lower_
        if low in DETERMINERS or tok.is_punct or tok.is_space:
            start += 1
            continue
        if (
            end - start > 1
            and (classify.org_type_from_descriptor(low) or classify.is_product_word(low))
            and (
                tok.is_lower
                or (tok.text[1:].islower() and doc[start + 1].text[:1].isupper())
                or ("-" in tok.text and tok.text.rsplit("-", 1)[1].islower())
            )
        ):
            if (
                classify.org_type_from_name([doc[k].text for k in range(start, end)]) is None
                or tok.is_lower
                or not doc[start + 1].is_lower
            ):
                descriptor = start
                start += 1
                continue
        if end - start > 1 and nationality_adjective_isos(tok.text) and not doc[start + 1].is_lower:
            start += 1
            continue
        break
    while (
        end > start
        and (doc[end - 1].is_punct or doc[end - 1].is_space)
        and doc[end - 1].text not in {")"}
    ):
        end -= 1
    while end > start and doc[end - 1].text == ")" and "(" not in doc[start:end].text:
        end -= 1
    return start, end, descriptor


_CUT_PUNCT = frozenset({",", ";", "(", ")", '"', "“", "”", "„", ":", "?", "!"})


def _merged_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """NER spans, with directly adjacent ones joined: the CoNLL model often splits a
    long company name ("Shanghai Micro" + "Electronics Equipment")."""
    merged: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if (
            merged
            and merged[-1][1] == ent.start
            and (
                ent[0].lower_ in classify.LEGAL_FORMS
                or doc[merged[-1][1] - 1].text in classify.first_names()
                or classify.is_role_word(doc[merged[-1][0]].lower_)
            )
            and not nationality_adjective_isos(ent.text)
            and not nationality_adjective_isos(doc[merged[-1][0] : merged[-1][1]].text)
            and "\n" not in doc[ent.start - 1].whitespace_
        ):
            start, _end, label = merged[-1]
            labels = (label, ent.label_)
            merged[-1] = (
                start,
                ent.end,
                "ORG" if "ORG" in labels else "PER" if "PER" in labels else label,
            )
        else:
            merged.append((ent.start, ent.end, ent.label_))
    return merged


def _trim_ner_span(doc: Doc, start: int, end: int, has_pos: bool) -> tuple[int, int]:
    """Cut an NER span at punctuation and drop lower-case words and sentence-initial
    common nouns at its edges ("Afscheid van", "Innovatie Tom" -> "Tom")."""
    for k in range(start, end):
        if doc[k].text in _CUT_PUNCT:
            end = k
            break
    while (
        end > start
        and (doc[end - 1].is_lower or doc[end - 1].is_punct)
        and not (doc[end - 1].text[:1].isdigit())
    ):
        end -= 1
    while start < end and doc[start].is_lower:
        start += 1
    while (
        has_pos
        and end - start > 1
        and doc[end - 1].pos_ in {"VERB", "AUX", "ADV", "ADP"}
        and not doc[end - 1].is_upper
    ):
        end -= 1  # "NOS Geschreven (door)"
    while start < end - 1 and (
        (doc[start].lower_ in classify.PORTFOLIO_WORDS and _in_portfolio_list(doc, start))
        or classify.is_role_word(doc[start].lower_)
        or doc[start].lower_ in _LEADING_NOUNS
        or (
            doc[start].text.endswith("se")
            and doc[start + 1].text[:1].isupper()
            and not nationality_adjective_isos(doc[start].text)
            and end - start > 1
            and doc[start].text[:1].isupper()
            and start + 1 < end
        )
    ):
        start += 1  # "CEO Koen Verstraeten", "Concurrent Boeing", "Luikse John Cockerill"
        while start < end and doc[start].is_lower:
            start += 1  # "Concurrenten als Infineon" -> Infineon
    first = doc[start] if start < end else None
    if (
        first is not None
        and _is_sent_start(first)
        and not first.is_upper
        and (
            (has_pos and first.pos_ in {"ADP", "SCONJ", "CCONJ", "DET", "PRON", "VERB", "NOUN"})
            or first.lower_ in _common_words(doc)
            or classify.is_role_word(first.lower_)
        )
    ):
        start += 1  # "Concurrent Boeing", "Topman": a common word opening the sentence
        while start < end and doc[start].is_lower:
            start += 1  # "Analisten van ING" -> ING
    return start, end


def _common_words(doc: Doc) -> frozenset[str]:
    """Words the article also writes in lower case: common nouns, not names."""
    cached = doc.user_data.get("extractor_common_words")
    if cached is None:
        cached = frozenset(t.text for t in doc if t.is_lower and t.is_alpha)
        doc.user_data["extractor_common_words"] = cached
    return cached


_MINISTER_WORDS = frozenset(
    {
        "minister",
        "ministers",
        "staatssecretaris",
        "minister-president",
        "eurocommissaris",
        "commissaris",
        "ministerie",
        "ministeries",
    }
)


def _is_portfolio(doc: Doc, start: int) -> bool:
    """ "minister van Buitenlandse Handel": the portfolio is no organisation of its own."""
    return (
        start >= 2
        and doc[start - 1].lower_ in {"van", "voor"}
        and doc[start - 2].lower_ in _MINISTER_WORDS
    )


_REGION_ADJECTIVES = frozenset(
    """europees europese aziatisch aziatische afrikaans afrikaanse arabisch arabische
    scandinavisch scandinavische baltisch baltische westers westerse oosters oosterse
    internationaal internationale trans-atlantisch trans-atlantische""".split()
)


# Words that open link lines and sentences and that the NER model takes for names.
_NEVER_NAMES = frozenset(
    """lees bekijk kijk luister volg meer ook foto video beeld bron update niemand iedereen
    waarom hoe wat wie waar wanneer kritischer kritisch wet dossier reactie""".split()
)
_LAW_WORDS = frozenset({"act", "wet", "verdrag", "richtlijn", "verordening", "akkoord"})
# Nouns that open a sentence before a name: "Concurrent Boeing", "Eigenaar VDL Groep".
_LEADING_NOUNS = frozenset(
    """concurrent concurrenten eigenaar rivaal klant partner moederbedrijf dochter
    dochterbedrijf branchegenoot""".split()
)


def _in_portfolio_list(doc: Doc, start: int) -> bool:
    """Is the name one of the portfolios after "minister(ie) van", possibly further down a
    list ("Onderwijs, Cultuur en Wetenschap")?"""
    i = start - 1
    while i >= 1:
        low = doc[i].lower_
        if low in {"van", "voor"}:
            return doc[i - 1].lower_ in _MINISTER_WORDS
        if low == "(":
            return True  # "minister Sander Wijnberg (Buitenlandse Handel)"
        if not (low in {",", "en"} or low in classify.PORTFOLIO_WORDS):
            return False
        i -= 1
    return False


def _is_place_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "het Hengelose bedrijf", "de Veldhovense chipmaker": an adjective, not a name."""
    if end - start != 1:
        return False
    word = doc[start].text
    return (
        word.endswith(("se", "sche")) and end < len(doc) and doc[end].is_lower and doc[end].is_alpha
    )


def ner_candidates(doc: Doc) -> list[Candidate]:
    """Cleaned NER spans: ORG/PER/LOC as names, MISC only where it looks like a product."""
    out: list[Candidate] = []
    has_pos = _has_pos(doc)
    for ent_start, ent_end, label in _merged_ents(doc):
        start, end, descriptor = _clean_name_span(doc, ent_start, ent_end)
        start, end = _trim_ner_span(doc, start, end, has_pos)
        if end <= start:
            continue
        span = doc[start:end]
        if nationality_adjective_isos(span.text) or span.text.lower() in {"nederlands", "engels"}:
            continue  # "Chinese", "Russisch": adjectives and languages
        if _is_place_adjective(doc, start, end) or _is_portfolio(doc, start):
            continue
        words = [t.lower_ for t in span]
        if len(words) == 1 and (
            words[0] in classify.DEMONYMS
            or words[0] in _REGION_ADJECTIVES
            or (has_pos and span[0].pos_ == "ADJ")
            or (_is_sent_start(span[0]) and classify.org_type_from_descriptor(words[0]))
        ):
            continue  # "de Amerikanen", "Europees"
        if all(w in classify.PORTFOLIO_WORDS for w in words) and _in_portfolio_list(doc, start):
            continue  # "minister van Onderwijs, Cultuur en Wetenschap"
        if (
            start > 0
            and doc[start - 1].text == "("
            and all(w in classify.PORTFOLIO_WORDS for w in words)
        ):
            continue  # "minister Sander Wijnberg (Buitenlandse Handel)"
        if len(span.text) < 2 or not any(ch.isalpha() for ch in span.text):
            continue  # "F" of a split "F-16", "2021"
        if words[0] in _NEVER_NAMES or words[-1] in _LAW_WORDS:
            continue  # "Lees ook", "Niemand"; laws ("National Security and Investment Act")
        if (
            end - start == 1
            and _is_sent_start(span[0])
            and (
                span[0].lower_ in _common_words(doc)
                or (has_pos and span[0].pos_ not in {"PROPN", "X", "SYM", "NUM"})
            )
            and not span[0].is_upper
        ):
            continue  # "Drones", "Analisten" opening a sentence
        last = span[-1].text
        tail = last.rsplit("-", 1)[-1]
        if end - start == 1 and "-" in last and tail.islower() and tail[:1].isalpha():
            if classify.is_product_word(tail) or classify.is_product_word(last.lower()):
                continue  # "Patriot-raketten": a product noun phrase (product_candidates)
            if not (classify.is_institute_word(tail) or classify.is_firm_word(tail)):
                prefix = last.split("-", 1)[0]
                cand = Candidate(
                    start,
                    end,
                    span[0].idx,
                    span[0].idx + len(prefix),
                    prefix,
                    "name",
                    "ner",
                    type="LOCATION" if classify.is_place_word(tail) else None,
                )
                if classify.is_place_word(tail):
                    cand = _make(doc, start, end, "name", "ner", type="LOCATION")
                if cand is not None:
                    cand.extra["label"] = label if label != "MISC" else "ORG"
                    out.append(cand)
                continue  # "Airbus-fabriek", "NAVO-top" -> Airbus, NAVO
        if (
            tail.islower()
            and tail[:1].isalpha()
            and classify.is_product_word(tail)
            and (classify.org_type_from_name([t.text for t in span]) is None)
        ):
            continue  # a product noun phrase, found by product_candidates
        productish = _looks_like_model(span.text)
        if label == "MISC" or (productish and label in {"PER", "ORG"}):
            # MISC: products ("F-35", "Patriot-systemen") and, in this domain, names of
            # firms the model could not place ("Nexperia", "TotalEnergies")
            cand = _make(
                doc,
                start,
                end,
                "name",
                "misc",
                type="PRODUCT" if productish else None,
                descriptor=descriptor,
            )
            if cand is not None:
                cand.extra["label"] = "MISC"
        else:
            etype: EntityType | None = {"PER": "PERSON", "LOC": "LOCATION"}.get(label)  # type: ignore[assignment]
            cand = _make(doc, start, end, "name", "ner", type=etype, descriptor=descriptor)
            if cand is not None:
                cand.extra["label"] = label
        if cand is not None:
            out.append(cand)
    return out


def _looks_like_model(text: str) -> bool:
    """ "F-35", "NXT:2000i", "iPhone 15", "A350": a named product model."""
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


def gazetteer_candidates(doc: Doc, matcher: GazetteerMatcher | None) -> list[Candidate]:
    """Gazetteer names; a product name takes its model number and category noun along
    ("Twinscan NXT:1980Di", "MQ-9 Reaper-drones")."""
    if matcher is None:
        return []
    out: list[Candidate] = []
    n = len(doc)
    for m in matcher(doc):
        if m.end - m.start == 1 and doc[m.start].is_lower:
            continue  # "kabinet": a description, resolved as one, not a name
        first = doc[m.start]
        if (
            first.lower_ in DETERMINERS
            and first.text[:1].isupper()
            and not _is_sent_start(first)
            and fold(m.text) in {fold(x) for x in m.entry.names}
        ):
            start, end, descriptor = m.start, m.end, None  # "De Tijd" is the name
        else:
            start, end, descriptor = _clean_name_span(doc, m.start, m.end)
        if end <= start:
            continue
        if m.entry.type == "PRODUCT":
            while end < n and (
                _looks_like_model(doc[end].text)
                or (
                    doc[end].text[:1].isupper()
                    and "-" in doc[end].text
                    and doc[end].text.lower().endswith(_CATEGORY_NOUNS)
                )
            ):
                end += 1
        cand = _make(
            doc,
            start,
            end,
            "name",
            "gazetteer",
            type=m.entry.type,
            entry=m.entry,
            descriptor=descriptor,
        )
        if cand is not None:
            out.append(cand)
    return out


@lru_cache(maxsize=1)
def _multiword_country_starts() -> frozenset[str]:
    return frozenset(name.split()[0] for name in country_names() if " " in name)


def country_candidates(doc: Doc, max_tokens: int = 5) -> list[Candidate]:
    """Country names and short forms ("Verenigde Staten", "VS", "China's")."""
    out: list[Candidate] = []
    n = len(doc)
    i = 0
    texts, _lowers = _words(doc)
    while i < n:
        if not texts[i][:1].isupper():
            i += 1
            continue
        tok = doc[i]
        hit = None
        longest = min(max_tokens, n - i) if tok.lower_ in _multiword_country_starts() else 1
        for size in range(longest, 0, -1):
            words = [doc[k].text for k in range(i, i + size)]
            if not words[-1][:1].isupper() and size > 1:
                continue
            iso = country_iso(" ".join(words))
            if iso is not None:
                hit = (size, iso)
                break
        if hit is None:
            i += 1
            continue
        size, iso = hit
        cand = _make(doc, i, i + size, "name", "country", type="COUNTRY", iso=iso)
        if cand is not None:
            out.append(cand)
        i += size
    return out


def _capitalised_run(doc: Doc, start: int, max_len: int = 6) -> int:
    """End of a run of name tokens starting at ``start`` ("Koninklijke Philips", "F-35")."""
    end = start
    while end < len(doc) and end - start < max_len:
        tok = doc[end]
        if (
            tok.text[:1].isupper()
            or (end > start and tok.text[:1].isdigit())
            or (
                end > start
                and tok.lower_ in {"van", "de", "der", "&"}
                and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper()
            )
            or (end == start and _looks_like_model(tok.text))
        ):
            if nationality_adjective_isos(tok.text) and end == start:
                break
            end += 1
            continue
        break
    while end > start and doc[end - 1].lower_ in {"van", "de", "der", "&"}:
        end -= 1
    return end


_PLACE_ORGANISATIONS = frozenset(
    {
        "rechtbank",
        "gerechtshof",
        "gemeente",
        "havenbedrijf",
        "politie",
        "waterschap",
        "hogeschool",
        "brandweer",
        "veiligheidsregio",
        "luchthaven",
    }
)
_ENGLISH_INSTITUTE_WORDS = frozenset(
    """academy institute institution university college school council foundation commission
    authority agency department bureau office court parliament army navy ministry laboratory
    laboratories centre center society""".split()
)
_NAME_JOINERS = frozenset({"van", "voor", "of", "for", "and", "de", "der", "den", "&", "en"})


def _title_run(doc: Doc, start: int, max_len: int = 8) -> int:
    """End of a title-case name ("Nationale Universiteit voor Defensietechnologie")."""
    end = start
    n = len(doc)
    while end < n and end - start < max_len:
        tok = doc[end]
        if tok.text[:1].isupper() and not tok.is_punct:
            end += 1
        elif (
            tok.lower_ in _NAME_JOINERS
            and end > start
            and end + 1 < n
            and doc[end + 1].text[:1].isupper()
        ):
            end += 1
        else:
            break
    return end


_RULE_TRIGGERS = frozenset({"naam", "ministerie", "ministry"})


def rule_candidates(doc: Doc) -> list[Candidate]:
    """Names found by rules: after a descriptor, quoted after "de naam", with a legal form."""
    out: list[Candidate] = []
    n = len(doc)
    texts, lowers = _words(doc)
    for i, low in enumerate(lowers):
        text = texts[i]
        if not (
            text[:1].isupper()
            or low in _RULE_TRIGGERS
            or classify.org_type_from_descriptor(low) is not None
            or classify.is_place_word(low)
            or classify.is_product_name_descriptor(low)
        ):
            continue
        tok = doc[i]
        nxt = i + 1
        # 'met de naam "24e Onderzoeksinstituut van CETC"'
        if low == "naam" and nxt < n and doc[nxt].text in {'"', "“", "'", "‘", "„"}:
            close = nxt + 1
            while (
                close < n and close - nxt < 12 and doc[close].text not in {'"', "”", "'", "’", "“"}
            ):
                close += 1
            if close < n and close > nxt + 1:
                cand = _make(doc, nxt + 1, close, "name", "rule")
                if cand is not None:
                    out.append(cand)
            continue
        # "chipfabrikant Nexperia", "ruimtevaartprogramma Shenzhou"
        is_org_desc = classify.org_type_from_descriptor(low) is not None or classify.is_place_word(
            low
        )
        is_prod_desc = classify.is_product_name_descriptor(low)
        if (is_org_desc or is_prod_desc) and tok.is_lower and nxt < n:
            first = doc[nxt]
            if (
                (first.text[:1].isupper() or _looks_like_model(first.text))
                and first.lower_ not in DETERMINERS
                and country_iso(first.text) is None
                and not nationality_adjective_isos(first.text)
            ):
                end = _capitalised_run(doc, nxt)
                if end > nxt:
                    kind_type: EntityType | None = None if is_org_desc else "PRODUCT"
                    cand = _make(doc, nxt, end, "name", "rule", type=kind_type, descriptor=tok.i)
                    if cand is not None:
                        out.append(cand)
        # "Koninklijke Philips N.V.", "Nvidia Corporation"
        if (
            low in classify.LEGAL_FORMS
            and tok.text[:1].isupper()
            and tok.i > 0
            and doc[tok.i - 1].text[:1].isupper()
        ):
            begin = tok.i - 1
            while (
                begin > 0
                and doc[begin - 1].text[:1].isupper()
                and tok.i - begin < 5
                and not _is_sent_start(doc[begin])
            ):
                begin -= 1
            end = tok.i + 1
            while (
                end < n and doc[end].lower_ in classify.LEGAL_FORMS and doc[end].text[:1].isupper()
            ):
                end += 1
            start, end2, descriptor = _clean_name_span(doc, begin, end)
            cand = _make(doc, start, end2, "name", "rule", type="FIRM", descriptor=descriptor)
            if cand is not None:
                out.append(cand)
        # "ministerie van Onderwijs, Cultuur en Wetenschap", "Chinese ministerie van Handel"
        if (
            low in {"ministerie", "ministry"}
            and nxt + 1 < n
            and doc[nxt].lower_ in {"van", "of"}
            and doc[nxt + 1].text[:1].isupper()
        ):
            end = nxt + 1
            while end < n and (
                doc[end].text[:1].isupper()
                or (
                    doc[end].text in {",", "en", "and", "&"}
                    and end + 1 < n
                    and doc[end + 1].text[:1].isupper()
                    and doc[end + 1].lower_ not in DETERMINERS
                )
            ):
                end += 1
            begin = tok.i
            if begin > 0 and nationality_adjective_isos(doc[begin - 1].text):
                begin -= 1
            cand = _make(doc, begin, end, "name", "rule", type="INSTITUTE")
            if cand is not None:
                out.append(cand)
        # Title-case names with an organisation word: "Technische Universiteit Eindhoven",
        # "Harbin Institute of Technology", "Clingendael Instituut", "Koninklijke Luchtmacht"
        if tok.text[:1].isupper() and (
            tok.i == 0
            or not doc[tok.i - 1].text[:1].isupper()
            or doc[tok.i - 1].lower_ in DETERMINERS
        ):
            begin = tok.i
            if tok.is_stop or tok.lower_ in DETERMINERS:
                begin = -1  # "Ook de Europese Commissie": the name starts later
            end = _title_run(doc, tok.i) if begin >= 0 else begin
            low_first = tok.lower_
            if (
                end - begin >= 3
                and classify.org_type_from_descriptor(low_first)
                and classify.ends_with_head(
                    low_first, classify.INSTITUTE_HEADS + classify.FIRM_DESCRIPTOR_HEADS
                )
                != low_first
            ):
                begin += 1  # "Havenvakbond FNV Havens" -> FNV Havens
            while begin >= 0 and begin < end - 1 and nationality_adjective_isos(doc[begin].text):
                begin += 1  # "Chinese Volksbevrijdingsleger": the adjective is no part
            if begin >= 0 and end - begin >= 2:
                words = [t.text for t in doc[tok.i : end]]
                if (
                    any(
                        classify.is_institute_word(w) or w.lower() in _ENGLISH_INSTITUTE_WORDS
                        for w in words
                    )
                    and doc[begin].lower_ not in DETERMINERS
                ):
                    kind = (
                        "FIRM"
                        if begin > tok.i and classify.is_firm_word(low_first)
                        else ("INSTITUTE")
                    )
                    cand = _make(doc, begin, end, "name", "rule", type=kind)  # type: ignore[arg-type]
                    if cand is not None:
                        out.append(cand)
        # One capitalised word with an institute head: "Ondernemingskamer", "Douane",
        # "Volksbevrijdingsleger", "Tsinghua-universiteit"
        if (
            tok.text[:1].isupper()
            and not tok.is_upper
            and (not _is_sent_start(tok) or "-" in tok.text)
            and classify.is_institute_word(low)
            and low not in classify.GOVERNMENT_HEADS
            and (tok.i + 1 >= n or not doc[tok.i + 1].text[:1].isupper())
            and not (
                tok.i > 0
                and doc[tok.i - 1].text[:1].isupper()
                and not _is_sent_start(doc[tok.i - 1])
                and not nationality_adjective_isos(doc[tok.i - 1].text)
            )
        ):
            cand = _make(doc, tok.i, tok.i + 1, "name", "rule", type="INSTITUTE")
            if cand is not None:
                out.append(cand)
        # "de rechtbank Rotterdam", "Havenbedrijf Rotterdam": the organisation of a place
        if (
            low in _PLACE_ORGANISATIONS
            and nxt < n
            and not doc[nxt].is_upper
            and nxt < n
            and doc[nxt].text[:1].isupper()
            and country_iso(doc[nxt].text) is None
            and doc[nxt].lower_ not in DETERMINERS
        ):
            end = _capitalised_run(doc, nxt, 3)
            cand = _make(
                doc,
                tok.i,
                end,
                "name",
                "rule",
                type="FIRM" if low.startswith("haven") else "INSTITUTE",
            )
            if cand is not None:
                out.append(cand)
        # Bare acronyms the model missed ("CETC", "TSMC"): organisations in this domain.
        if (
            tok.is_upper
            and tok.is_alpha
            and 2 <= len(tok.text) <= 6
            and tok.text not in _STOP_CAPS
            and country_iso(tok.text) is None
        ):
            cand = _make(doc, tok.i, tok.i + 1, "name", "rule")
            if cand is not None:
                cand.extra["acronym_fallback"] = True
                out.append(cand)
    return out


# --- descriptions and products ---------------------------------------------------------


def _np_start(doc: Doc, head: int, has_pos: bool, keep_nationality: bool) -> tuple[int, bool]:
    """Left edge of the noun phrase headed by ``head``, without determiner or evaluative
    adjectives; also whether a definite determiner precedes it."""
    start = head
    i = head - 1
    while i >= 0 and is_adjective(doc[i], has_pos) and not doc[i].is_punct:
        if classify.is_evaluative(doc[i].text):
            break
        if nationality_adjective_isos(doc[i].text) and not keep_nationality:
            break
        start = i
        i -= 1
    # Skip back over evaluative adjectives to find the determiner.
    j = start - 1
    while j >= 0 and (is_adjective(doc[j], has_pos) or doc[j].lower_ in {"meest", "zeer", "nog"}):
        j -= 1
    definite = j >= 0 and doc[j].lower_ in DEFINITE
    return start, definite


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
            out.append(cand)
    return out


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


# --- putting it together ---------------------------------------------------------------


def weak_candidates(doc: Doc) -> list[Candidate]:
    """Names from high-precision contexts, for when NER misses them (it yields to NER):
    "het Finse Bluefors" (an organisation after a nationality adjective) and
    "Qblox uit Delft" (an organisation or person from a place)."""
    out: list[Candidate] = []
    n = len(doc)
    _texts, lowers = _words(doc)
    for i, low in enumerate(lowers):
        if low not in {"het", "de", "uit"}:
            continue
        tok = doc[i]
        if (
            tok.lower_ in {"het", "de"}
            and i + 2 < n
            and nationality_adjective_isos(doc[i + 1].text)
            and doc[i + 2].text[:1].isupper()
            and not doc[i + 2].is_stop
        ):
            end = _capitalised_run(doc, i + 2, 4)
            if end > i + 2 and country_iso(doc[i + 2].text) is None:
                # "in het Chinese Dongguan" is a place, "bij het Finse Bluefors" a firm
                place = i > 0 and doc[i - 1].lower_ in {"in", "naar", "rond", "nabij"}
                cand = _make(doc, i + 2, end, "name", "weak", type="LOCATION" if place else None)
                if cand is not None:
                    out.append(cand)
        if (
            tok.lower_ == "uit"
            and 0 < i
            and i + 1 < n
            and doc[i + 1].text[:1].isupper()
            and doc[i - 1].text[:1].isupper()
            and not doc[i + 1].is_stop
        ):
            # the place
            end = _capitalised_run(doc, i + 1, 3)
            if end > i + 1 and country_iso(doc[i + 1].text) is None:
                cand = _make(doc, i + 1, end, "name", "weak", type="LOCATION")
                if cand is not None:
                    out.append(cand)
            # the organisation or person before it
            begin = i
            while (
                begin > 0
                and i - begin < 4
                and (doc[begin - 1].text[:1].isupper() or doc[begin - 1].text[:1].isdigit())
                and not doc[begin - 1].is_punct
            ):
                begin -= 1
            while begin < i and (doc[begin].is_stop or doc[begin].lower_ in DETERMINERS):
                begin += 1
            begin, stop, _descriptor = _clean_name_span(doc, begin, i)
            if stop - begin == 1 and _is_sent_start(doc[begin]) and not doc[begin].is_upper:
                continue  # "Druk uit Washington": a sentence-initial word, not a name
            if begin < stop:
                cand = _make(doc, begin, stop, "name", "weak")
                if cand is not None:
                    out.append(cand)
    return out


def find_candidates(doc: Doc, gazetteer: GazetteerMatcher | None = None) -> list[Candidate]:
    """Every candidate from every source (overlapping)."""
    found: list[Candidate] = []
    found += gazetteer_candidates(doc, gazetteer)
    found += ner_candidates(doc)
    found += country_candidates(doc)
    found += rule_candidates(doc)
    found += weak_candidates(doc)
    found += description_candidates(doc)
    found += product_candidates(doc)
    return found


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
