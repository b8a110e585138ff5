"""Name candidates found by rules, for names the NER model misses: names after a
descriptor ("chipfabrikant Nexperia"), quoted names ("met de naam ..."), legal forms,
title-case institute names, ministries, organisations of a place ("rechtbank
Rotterdam"), bare acronyms, and weak contexts ("het Finse Bluefors", "Qblox uit Delft").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import EntityType
from . import classify
from .countries import country_iso, nationality_adjective_isos
from .mentions import (
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
    from spacy.tokens import Doc, Token

from .names import _clean_name_span, _trim_ner_span


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
        "provincie",
    }
)
_REGION_WORDS = frozenset(
    {
        "vlaams",
        "vlaamse",
        "waals",
        "waalse",
        "brussels",
        "brusselse",
        "duitstalige",
        "franse",
        "hoofdstedelijk",
    }
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


def _is_acronym(text: str) -> bool:
    """ "ABVV", "VNO-NCW", "TNO": capitals (and a hyphen) only."""
    letters = text.replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _portfolio_word(tok: Token) -> bool:
    """A word of a ministry's name: capitalised, or a portfolio word that news sites
    often write in lower case ("het ministerie van buitenlandse zaken")."""
    return tok.text[:1].isupper() or (tok.lower_ in classify.PORTFOLIO_WORDS and tok.lower_ != "en")


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
            start, end2 = _trim_ner_span(doc, start, end2, _has_pos(doc))  # "Eigenaar VDL Groep"
            cand = _make(doc, start, end2, "name", "rule", type="FIRM", descriptor=descriptor)
            if cand is not None:
                out.append(cand)
        # "ministerie van Onderwijs, Cultuur en Wetenschap", "Chinese ministerie van Handel"
        if (
            low in {"ministerie", "ministry"}
            and nxt + 1 < n
            and doc[nxt].lower_ in {"van", "of"}
            and _portfolio_word(doc[nxt + 1])
        ):
            end = nxt + 1
            while end < n and (
                _portfolio_word(doc[end])
                or (
                    doc[end].text in {",", "en", "and", "&"}
                    and end + 1 < n
                    and _portfolio_word(doc[end + 1])
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
            ) or (
                end - begin >= 2
                and classify.org_type_from_descriptor(low_first)
                and _is_acronym(doc[begin + 1].text)
            ) or (
                # "Milieuorganisatie Greenpeace": a compound descriptor and a name that is
                # no place ("Rijksuniversiteit Groningen", "Havenbedrijf Rotterdam" are names)
                end - begin == 2
                and classify.org_type_from_descriptor(low_first)
                and classify.ends_with_head(
                    low_first, classify.INSTITUTE_HEADS + classify.FIRM_DESCRIPTOR_HEADS
                )
                not in {None, low_first}
                and doc[begin + 1].text.casefold() not in classify.known_places()
                and country_iso(doc[begin + 1].text) is None
            ):
                begin += 1  # "Havenvakbond FNV Havens" -> FNV Havens; "Vakbond ABVV" -> ABVV
            while begin >= 0 and begin < end - 1 and nationality_adjective_isos(doc[begin].text):
                begin += 1  # "Chinese Volksbevrijdingsleger": the adjective is no part
            if begin >= 0 and end - begin >= 2:
                words = [t.text for t in doc[tok.i : end]]
                port = words[0] == "Port" and "of" in words  # "Port of Antwerp-Bruges"
                if (
                    any(
                        classify.is_institute_word(w)
                        or w.lower() in classify.ENGLISH_INSTITUTE_WORDS
                        for w in words
                    )
                    or port
                ) and doc[begin].lower_ not in DETERMINERS:
                    kind = (
                        "FIRM"
                        if port or (begin > tok.i and classify.is_firm_word(low_first))
                        else "INSTITUTE"
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
            # "de provincie Noord-Brabant" acts; "in de provincie Limburg" is a place
            place = low == "provincie" and i >= 2 and lowers[i - 2] in {"in", "uit", "naar"}
            if not place:
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
        # "de regels van het Rijk": the Dutch state (never "Rijk Zwaan", "Rijk de Gooyer")
        if (
            text == "Rijk"
            and i > 0
            and lowers[i - 1] in {"het", "'t"}
            and (i + 1 >= n or not texts[i + 1][:1].isupper())
        ):
            cand = _make(doc, i, i + 1, "name", "rule", type="INSTITUTE")
            if cand is not None:
                cand.extra["entry_name"] = "Nederlandse regering"
                out.append(cand)
        # "het Waalse Gewest", "de Vlaamse Gemeenschap": Belgian regions as governments
        if text in {"Gewest", "Gemeenschap"} and i > 0 and lowers[i - 1] in _REGION_WORDS:
            cand = _make(doc, i - 1, i + 1, "name", "rule", type="INSTITUTE")
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


def _apposed_name(doc: Doc, comma: int) -> list[Candidate]:
    """ "PowerCo, de batterijdochter van Volkswagen": the name before an apposition that
    describes an organisation."""
    k = comma + 2
    while k < len(doc) and k - comma < 6 and (doc[k].is_lower and not doc[k].is_punct):
        word = doc[k].lower_
        if classify.org_type_from_descriptor(word) is not None:
            break
        k += 1
    else:
        return []
    if k >= len(doc) or classify.org_type_from_descriptor(doc[k].lower_) is None:
        return []
    end = comma
    begin = end
    while (
        begin > 0
        and end - begin < 4
        and doc[begin - 1].text[:1].isupper()
        and not (doc[begin - 1].is_punct)
    ):
        begin -= 1
    while begin < end and (doc[begin].is_stop or doc[begin].lower_ in DETERMINERS):
        begin += 1  # "Ook Agoria, de federatie van ...": the adverb opens the sentence
    if begin == end:
        return []
    begin, end, _descriptor = _clean_name_span(doc, begin, end)
    begin, end = _trim_ner_span(doc, begin, end, _has_pos(doc))
    if end <= begin or country_iso(doc[begin:end].text) is not None:
        return []
    if end - begin == 1 and _is_sent_start(doc[begin]) and is_common_word(doc, doc[begin]):
        return []
    cand = _make(doc, begin, end, "name", "weak")
    return [cand] if cand is not None else []


def weak_candidates(doc: Doc) -> list[Candidate]:
    """Names from high-precision contexts, for when NER misses them (it yields to NER):
    "het Finse Bluefors" (an organisation after a nationality adjective) and
    "Qblox uit Delft" (an organisation or person from a place)."""
    out: list[Candidate] = []
    n = len(doc)
    _texts, lowers = _words(doc)
    for i, low in enumerate(lowers):
        if low == "," and 0 < i < n - 2 and lowers[i + 1] in {"de", "het", "een"}:
            out += _apposed_name(doc, i)
            continue
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
            if (
                stop - begin == 1
                and _is_sent_start(doc[begin])
                and not doc[begin].is_upper
                and (is_common_word(doc, doc[begin]) or not _has_pos(doc))
            ):
                continue  # "Druk uit Washington": a sentence-initial word, not a name
            if begin < stop:
                cand = _make(doc, begin, stop, "name", "weak")
                if cand is not None:
                    out.append(cand)
    return out
