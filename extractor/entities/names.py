"""Proper-name candidates from the NER model, the gazetteer and country names.

The CoNLL-2002 model finds name spans well but labels them badly on business news
(most firm names come out PER), so its spans are cleaned here (determiners, glued
descriptors, sentence-initial common words, portfolios, adjectives) and typed later by
evidence (:func:`.classify.decide_name_type`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..schema import EntityType
from . import classify
from .countries import country_iso, country_names, nationality_adjective_isos
from .gazetteer import fold
from .mentions import (
    _CATEGORY_NOUNS,
    _STOP_CAPS,
    DETERMINERS,
    Candidate,
    _has_pos,
    _is_sent_start,
    _looks_like_model,
    _make,
    _words,
    is_common_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .gazetteer import GazetteerMatch, GazetteerMatcher


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


_CUT_WORDS = frozenset({"en"})  # "Continental en Volkswagen" are two names
_NAME_INNER_WORDS = frozenset(
    "van de der den ter ten von vom voor of for and & y del la le du da di al el".split()
)  # "Continental en Volkswagen" are two names
# a full stop of its own ends a sentence: "de fabriek in Best . Het ..." is no name
_CUT_PUNCT = frozenset({",", ";", "(", ")", '"', "“", "”", "„", ":", "?", "!", ".", "|", "•", "·"})


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
                # "Brabantse" + "Ontwikkelings Maatschappij": a regional adjective opening
                # a descriptive organisation name
                or (
                    merged[-1][1] - merged[-1][0] == 1
                    and doc[merged[-1][0]].text.endswith("se")
                    and classify.org_type_from_descriptor(doc[ent.end - 1].lower_) is not None
                )
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


_ABBREVIATIONS = frozenset({"inc.", "corp.", "co.", "ltd.", "bros.", "nr.", "st.", "dr.", "mr."})


def _ends_sentence(text: str) -> bool:
    """A word with a full stop glued to it ("Best.") that is no abbreviation ("N.V.",
    "Inc.")."""
    return (
        len(text) > 2
        and text.endswith(".")
        and "." not in text[:-1]
        and text[:-1].isalpha()
        and text.lower() not in _ABBREVIATIONS
    )


def _trim_ner_span(doc: Doc, start: int, end: int, has_pos: bool) -> tuple[int, int]:
    """Cut an NER span at punctuation and drop lower-case words and sentence-initial
    common nouns at its edges ("Afscheid van", "Innovatie Tom" -> "Tom")."""
    for k in range(start, end):
        if doc[k].text in _CUT_PUNCT or (k > start and doc[k].text in _CUT_WORDS):
            end = k
            break
        if _ends_sentence(doc[k].text) and k + 1 < end and doc[k + 1].text[:1].isupper():
            end = k + 1  # "in Best. Het Nederlandse ...": the stop glued to the word ends it
            break
        if (
            k > start
            and doc[k].is_lower
            and doc[k].lower_ not in _NAME_INNER_WORDS
            and (k + 1 < end)
        ):
            end = k  # "Defensie bij Raytheon": a lower-case word ends the name
            break
    # "Stellantis de T03": a name, then a model after a determiner; the model is the name
    for k in range(start + 1, end - 1):
        if (
            doc[k].lower_ in {"de", "het"}
            and doc[k].is_lower
            and any(ch.isdigit() for t in doc[k + 1 : end] for ch in t.text)
        ):
            start = k + 1
            break
    # "Analisten van ING", "Switchblade van AeroVironment": the name after "van", unless
    # the word before it heads an organisation name ("Raad van State", "Hof van Justitie")
    if (
        end - start >= 3
        and doc[start + 1].lower_ == "van"
        and doc[start + 2].text[:1].isupper()
        and doc[start].text not in classify.first_names()
        and classify.org_type_from_descriptor(doc[start].lower_) is None
        and doc[start].lower_ not in {"bank", "kamer", "raad", "hof", "ministerie", "port"}
    ):
        start += 2
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
    while (
        start < end - 1
        and (
            (doc[start].lower_ in classify.PORTFOLIO_WORDS and _in_portfolio_list(doc, start))
            or classify.is_role_word(doc[start].lower_)
            or doc[start].lower_ in _LEADING_NOUNS
            or (
                doc[start].text.endswith("se")
                and doc[start + 1].text[:1].isupper()
                and not nationality_adjective_isos(doc[start].text)
                and doc[start].text not in classify.first_names()  # "Ilse Janssen"
                # "Brabantse Ontwikkelings Maatschappij": the adjective opens a descriptive name
                and classify.org_type_from_descriptor(doc[end - 1].lower_) is None
                and end - start > 1
                and doc[start].text[:1].isupper()
                and start + 1 < end
            )
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
    waarom hoe wat wie waar wanneer kritischer kritisch wet dossier reactie
    bijgewerkt gepubliceerd geplaatst aangepast""".split()
)
# "Foreign Military Sales-programma", "Wassenaar-akkoord": schemes, not organisations
_SCHEME_WORDS = frozenset(
    {"programma", "regeling", "wet", "akkoord", "verdrag", "project", "plan", "fonds"}
)
_LAW_WORDS = frozenset(
    {"act", "wet", "verdrag", "richtlijn", "verordening", "akkoord", "list", "lijst"}
)
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
            # "minister van ...", "Minister Marjolein Vos van ..."
            return any(doc[k].lower_ in _MINISTER_WORDS for k in range(max(0, i - 4), i))
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
    if not word.endswith(("se", "sche")) or end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.is_lower and nxt.is_alpha:
        return True
    # "Het Luikse John Cockerill": after a determiner, before a name
    return (
        len(word) >= 6
        and nxt.text[:1].isupper()
        and start > 0
        and doc[start - 1].lower_ in {"het", "de"}
        and word not in classify.first_names()
    )


def _extend_surname(doc: Doc, start: int, end: int, label: str) -> int:
    """ "Karin" + "de Wit", "Joost" + "van Leeuwen": the model often stops a person's name
    at the particle; take the particles and the capitalised surname along."""
    last = doc[end - 1].text
    if end - start != 1 or not (label == "PER" or last in classify.first_names()):
        return end  # only a lone given name lacks its surname
    k = end
    while k < len(doc) and k - end < 3 and doc[k].lower_ in classify.NAME_PARTICLES:
        k += 1
    if (
        k > end
        and k < len(doc)
        and doc[k].text[:1].isupper()
        and not doc[k].is_stop
        and doc[k].lower_ not in classify.PORTFOLIO_WORDS
    ):
        return k + 1
    nxt = doc[end] if end < len(doc) else None
    if (
        k == end
        and last in classify.first_names()
        and nxt is not None
        and nxt.text[:1].isupper()
        and nxt.text[1:].islower()
        and nxt.is_alpha
        and not nxt.is_stop
        and "\n" not in doc[end - 1].whitespace_
        and nxt.text not in classify.first_names()
        and country_iso(nxt.text) is None
        and not nationality_adjective_isos(nxt.text)
        and classify.org_type_from_descriptor(nxt.lower_) is None
    ):
        return end + 1  # "Katrin" + "Obermaier"
    return end


_ROAD = re.compile(r"^(?:A\d{1,2}|N\d{3}|E\d{2})$")


def _opens_scheme_word(text: str) -> bool:
    """ "Sales-programma", "Tech-akkoord": a capitalised word glued to a scheme noun."""
    stem, _, tail = text.rpartition("-")
    return bool(stem) and stem[:1].isupper() and tail.islower() and classify.is_event_word(tail)


def _is_heading_word(doc: Doc, i: int) -> bool:
    """Is token ``i`` a one-word line of its own (a crosshead), in lower-case letters
    after its capital? Known organisations in such a line come from the gazetteer."""
    tok = doc[i]
    if not tok.is_alpha or not tok.text[1:].islower():
        return False
    before = i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space
    after = i + 1 >= len(doc) or "\n" in tok.whitespace_ or doc[i + 1].is_space
    return before and after


def _split_person_of_org(doc: Doc, start: int, end: int) -> int | None:
    """ "Matthias Schmidt van Schmidt Automotive Research": a person's full name, "van",
    then the name of where they work; the token index of that "van", or None.

    A particle "van" of a surname follows a given name or stands before one or two
    words ("Pieter van Dam", "Jan Peter van den Berg"); this "van" follows a surname and
    opens a name of two or more capitalised words."""
    first_names = classify.first_names()
    if start + 1 < end and classify.is_role_word(doc[start].lower_):
        start += 1  # "Analist Matthias Schmidt van ...", as the model often spans it
    if doc[start].text not in first_names:
        return None
    for k in range(start + 2, end - 1):
        if doc[k].lower_ != "van" or doc[k - 1].text in first_names:
            continue
        rest = doc[k + 1 : end]
        if all(t.text[:1].isupper() for t in rest) and len(rest) >= 2:
            return k
        if rest and all(t.lower_ in classify.PORTFOLIO_WORDS for t in rest):
            return k  # "Minister Marjolein Vos van Onderwijs": a portfolio, no surname
        if len(rest) == 1 and rest[0].is_upper and rest[0].is_alpha and len(rest[0].text) >= 2:
            return k  # "Erik Schouten van ING": an acronym is never a surname
    return None


_BYLINE_VERBS = frozenset({"geschreven", "bewerkt", "bijgewerkt", "gepubliceerd", "vertaald"})


def _extend_model_number(doc: Doc, start: int, end: int, label: str, has_pos: bool) -> int:
    """ "de nieuwe Mate 70 van Huawei", "de Model 3": a one-word name and the number right
    after it name a model; the model often stops the name before the number. Not a year
    ("ASML 2024"), nor a count of the noun after it ("Philips 150 banen")."""
    if end - start != 1 or label == "PER" or end >= len(doc):
        return end
    num = doc[end].text
    if not (num.isdigit() and len(num) <= 3) or "\n" in doc[start].whitespace_:
        return end
    if _counts_a_noun(doc, end + 1, has_pos):
        return end  # "150 banen", "3 procent"
    return end + 1


def _counts_a_noun(doc: Doc, i: int, has_pos: bool) -> bool:
    """Is the number before token ``i`` a count of the noun at ``i`` ("150 banen", "3
    grote orders")? Without a tagger any lower-case word counts as such a noun."""
    if i >= len(doc) or not (doc[i].is_alpha and doc[i].is_lower):
        return False
    return not has_pos or doc[i].pos_ in {"NOUN", "ADJ", "NUM", "PROPN"}


_CREDIT = re.compile(r"^([A-Z][a-z]+(?:-[A-Z][a-z]+)?)/\S+$")


def _credited_person(doc: Doc, start: int, end: int) -> Candidate | None:
    """ "Beeld: Rob Engelaar/ANP": a given name and a surname glued to the photo agency by
    a slash (one token) is that person, not a one-word name "Rob"."""
    if end - start != 1 or end >= len(doc) or doc[start].text not in classify.first_names():
        return None
    match = _CREDIT.match(doc[end].text)
    if match is None or not doc[start].whitespace_:
        return None
    text = doc[start].text + doc[start].whitespace_ + match.group(1)
    cand = Candidate(
        start, end + 1, doc[start].idx, doc[start].idx + len(text), text, "name", "ner",
        type="PERSON",
    )
    cand.extra["label"] = "PER"
    return cand


def _cut_byline(doc: Doc, start: int, end: int) -> int:
    """ "NOS Geschreven door ...": a byline's verb ends the name before it."""
    for k in range(start + 1, end):
        if doc[k].lower_ in _BYLINE_VERBS and k + 1 < len(doc) and doc[k + 1].lower_ in (
            "door", "op"
        ):
            return k
    return end


def ner_candidates(doc: Doc) -> list[Candidate]:
    """Cleaned NER spans: ORG/PER/LOC as names, MISC only where it looks like a product."""
    out: list[Candidate] = []
    has_pos = _has_pos(doc)
    ents: list[tuple[int, int, str]] = []
    for ent_start, ent_end, label in _merged_ents(doc):
        cut = _split_person_of_org(doc, ent_start, ent_end)
        if cut is None:
            ents.append((ent_start, ent_end, label))
        else:
            ents += [(ent_start, cut, "PER"), (cut + 1, ent_end, "ORG")]
    for ent_start, ent_end, label in ents:
        start, end, descriptor = _clean_name_span(doc, ent_start, ent_end)
        start, end = _trim_ner_span(doc, start, end, has_pos)
        end = _cut_byline(doc, start, end)
        if end - start >= 2 and doc[end - 1].text.isdigit() and _counts_a_noun(doc, end, has_pos):
            end -= 1  # "schrapt Philips 150 banen": the number counts the jobs
        if end > start:
            end = _extend_surname(doc, start, end, label)
            end = _extend_model_number(doc, start, end, label, has_pos)
        if end <= start:
            continue
        if start > 0 and doc[start - 1].lower_ == "redactie" and _is_sent_start(doc[start - 1]):
            continue  # "Redactie Economie 12 februari": the desk of a byline
        credited = _credited_person(doc, start, end)
        if credited is not None:
            out.append(credited)
            continue
        span = doc[start:end]
        if end - start == 1 and _is_heading_word(doc, start):
            continue  # "Drones", "Exportregels": a one-word crosshead names a topic
        if end < len(doc) and _opens_scheme_word(doc[end].text):
            continue  # "Foreign Military" + "Sales-programma": part of a scheme's name
        if end - start == 1 and _ROAD.match(span.text):
            continue  # "de A2", "de N201": roads
        if end - start == 1 and span.text in _STOP_CAPS:
            continue  # "EV", "CEO", "AI": abbreviations of things, not names (known
            # organisations among them, "NOS", "AIVD", come from the gazetteer)
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
        after = doc[end].lower_ if end < len(doc) else ""
        tail = words[-1].rsplit("-", 1)[-1]
        if (
            words[0] in _NEVER_NAMES
            or words[-1] in _LAW_WORDS
            or after in _LAW_WORDS
            or (tail != words[-1] and tail in _SCHEME_WORDS)
        ):
            continue  # "Lees ook", "Niemand"; laws ("National Security and Investment Act")
        if (
            end - start == 1
            and _is_sent_start(span[0])
            and is_common_word(doc, span[0])
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
                if len(prefix) < 2 or prefix in _STOP_CAPS:
                    continue  # "F" of "F-35-bestelling", "AI" of "AI-datacenters"
                cand: Candidate | None = Candidate(
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


def _is_lower_brand(doc: Doc, m: GazetteerMatch) -> bool:
    """ "imec", "onsemi", "argenx", "bpost": an organisation that writes its own name in
    lower case, listed so in the gazetteer, is named by that exact form (a lower-case
    gazetteer hit is otherwise an ordinary word, "kabinet"); after an indefinite determiner
    the word is a common noun again ("een bpost"), after a definite one still the name."""
    if doc[m.start].text not in m.entry.names or m.entry.type == "PRODUCT":
        return False
    return not (m.start > 0 and doc[m.start - 1].lower_ in {"een", "geen", "elke", "ieder"})


def gazetteer_candidates(doc: Doc, matcher: GazetteerMatcher | None) -> list[Candidate]:
    """Gazetteer names; a product name takes its model number and category noun along
    ("Twinscan NXT:1980Di", "MQ-9 Reaper-drones")."""
    if matcher is None:
        return []
    out: list[Candidate] = []
    n = len(doc)
    for m in matcher(doc):
        if m.end - m.start == 1 and doc[m.start].is_lower and not _is_lower_brand(doc, m):
            continue  # "kabinet": a description, resolved as one, not a name
        first = doc[m.start]
        exact = fold(m.text) in {fold(x) for x in m.entry.names}
        if (
            first.lower_ in DETERMINERS
            and first.text[:1].isupper()
            and not _is_sent_start(first)
            and exact
        ):
            start, end, descriptor = m.start, m.end, None  # "De Tijd" is the name
        elif exact and m.end - m.start > 1 and first.lower_ not in DETERMINERS:
            # the whole of a known name: "ministerie van economische zaken" keeps its
            # head, which the descriptor rule would otherwise strip as a "ministerie"
            start, end, descriptor = m.start, m.end, None
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
        if m.entry.type == "FIRM" and end < n and _MAKER_MODEL.match(doc[end].text):
            if not _counts_a_noun(doc, end + 1, _has_pos(doc)):
                # "de Boeing 777's", "een Fokker 100": the maker's name and a type number
                model = _make(doc, start, end + 1, "name", "gazetteer", type="PRODUCT")
                if model is not None:
                    model.extra["label"] = "MISC"
                    out.append(model)
    return out


# a type number after a maker's name: "737", "777's", "100"; not a year ("2024")
_MAKER_MODEL = re.compile(r"^(?!(?:19|20)\d\d\b)\d{2,4}(?:'s|’s)?$")


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
