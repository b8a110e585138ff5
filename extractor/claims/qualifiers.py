"""Qualifiers of a claim from the words around its trigger: negation, modality and time.

All functions are pure: they take lower-cased words (the clause or sentence the caller chose as
scope) and, for time, the publication date, and return a decision. The caller decides the scope;
these functions only know Dutch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

NEGATION_WORDS = frozenset({"niet", "geen", "nooit", "geenszins", "allerminst", "nergens"})
STOP_VERBS = frozenset({
    "stopt", "stoppen", "stopte", "stopten", "gestopt", "stop", "staakt", "staken", "staakte",
    "gestaakt", "beëindigt", "beëindigde", "beëindigd", "ophouden", "houdt", "hield",
})
FORMER_WORDS = frozenset({"voormalig", "voormalige", "voorheen", "vroegere", "ex", "oud"})
# Verbs that say something does not (any longer) hold when they govern the trigger.
DENIAL_VERBS = frozenset({"weigert", "weigerde", "weigerden", "weigeren", "ontkent", "ontkende",
                          "ontkennen", "verbreekt", "verbrak", "verbroken"})

REPORTED_CUES = frozenset({
    "volgens", "meldt", "melden", "meldde", "meldden", "gemeld", "zegt", "zeggen", "zei",
    "zeiden", "gezegd", "aldus", "bevestigt", "bevestigen", "bevestigde", "bevestigden",
    "bevestigd", "schrijft", "schrijven", "schreef", "schreven", "bericht", "berichten",
    "berichtte", "berichtten", "verluidt", "stelt", "stelde", "verklaart", "verklaarde",
    "claimt", "claimde", "beweert", "beweerde", "onthult", "onthulde", "blijkt", "bleek",
    "vernam", "vernamen", "ingewijden", "bronnen",
})
HYPOTHETICAL_CUES = frozenset({
    "zou", "zouden", "kan", "kunnen", "kon", "konden", "mag", "mogen", "mocht", "mochten",
    "wil", "willen", "wilde", "wilden", "overweegt", "overwegen", "overwoog", "plant",
    "plannen", "plande", "dreigt", "dreigen", "dreigde", "mogelijk", "mogelijke", "misschien",
    "wellicht", "eventueel", "eventuele", "mogelijkerwijs", "denkt", "onderzoekt", "verwacht",
    "verwachten", "gaat", "gaan", "zal", "zullen", "voornemens", "beoogt", "beoogde",
})
# A negated ability ("kan niet meer leveren") is a fact about now, not a possibility.
ABILITY_MODALS = frozenset({"kan", "kunnen", "kon", "konden", "mag", "mogen", "mocht", "mochten"})

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6,
}
YEAR_PREPS = frozenset({"in", "sinds", "vanaf", "tot", "eind", "begin", "medio", "halverwege",
                        "sedert", "voor", "na", "jaar", "van", "per", "uit", "tussen"})
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_DAY = re.compile(r"^([1-9]|[12]\d|3[01])$")


def negation_cue(words: Sequence[str]) -> str | None:
    """The negation cue in ``words`` (lower case), or None.

    Covers niet/geen/nooit, "niet meer"/"niet langer", stop verbs followed by "met"
    ("stopt (deels) met leveren"), "voormalig(e)"/"voorheen" and denial verbs. "niet alleen"
    ("niet alleen X maar ook Y") is no negation.
    """
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w == "tot" and (_YEAR.match(nxt) or nxt in {"vorig", "vorige", "voor", "kort",
                                                       "eind", "begin", "medio", "dan"}):
            return "tot " + nxt  # "tot vorig jaar leverde X": no longer
        if w in NEGATION_WORDS:
            if w == "niet" and nxt in {"alleen", "enkel", "slechts", "zelden"}:
                continue
            after = [x for x in words[i + 1 : i + 3] if x not in {"meer", "langer"}]
            if w == "niet" and after[:1] == ["zonder"]:
                continue  # "niet (meer) zonder vergunning": allowed with a licence
            return f"{w} {nxt}".strip() if nxt in {"meer", "langer"} else w
        if w in STOP_VERBS and "met" in words[i + 1 : i + 4]:
            return w
        if w in FORMER_WORDS or w.startswith("ex-"):
            if w == "oud" and nxt != "-":
                continue
            return w
        if w in DENIAL_VERBS:
            return w
        if w.startswith("beëindig") or w in {"opgezegd", "opzeggen", "zegde"} or (
                w == "punt" and nxt == "achter"):
            return w
    return None


def modality(clause: Sequence[str], sentence: Sequence[str], negated: bool = False) -> str:
    """``hypothetical`` when a modal or plan word is in the clause, else ``reported`` when the
    sentence attributes it ("volgens", "meldt", ...), else ``asserted``.

    A negated ability ("kan niet meer leveren") is asserted: the article states it cannot.
    """
    cues = [w for w in clause if w in HYPOTHETICAL_CUES]
    if negated:
        cues = [w for w in cues if w not in ABILITY_MODALS]
    # "gaan"/"zal" are only future markers; in a past-tense news sentence they rarely occur
    # without a plan, so they count as hypothetical too.
    if cues:
        return "hypothetical"
    if any(w in REPORTED_CUES for w in sentence) or "naar verluidt" in " ".join(sentence):
        return "reported"
    return "asserted"


def _parse_iso(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_time(words: Sequence[str], published: str | None) -> str | None:
    """The time the words speak of, as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when none.

    Absolute dates ("in 2024", "maart 2024", "5 maart 2024") need no publication date; relative
    ones ("vorig jaar", "woensdag", "in maart", "gisteren") are resolved against ``published``
    (ISO date) and give None when it is missing. The first expression found wins.
    """
    pub = _parse_iso(published)
    n = len(words)
    for i, w in enumerate(words):
        prev = words[i - 1] if i > 0 else ""
        nxt = words[i + 1] if i + 1 < n else ""
        nxt2 = words[i + 2] if i + 2 < n else ""
        if w in MONTHS and (len(w) > 3 or nxt.isdigit()):
            month = MONTHS[w]
            day = int(prev) if _DAY.match(prev) else None
            if _YEAR.match(nxt):
                year = int(nxt)
            elif pub is not None:
                # a month without a year is the last such month up to publication
                year = pub.year if month <= pub.month else pub.year - 1
            else:
                continue
            if day is not None:
                try:
                    return date(year, month, day).isoformat()
                except ValueError:
                    return f"{year:04d}-{month:02d}"
            return f"{year:04d}-{month:02d}"
        if _YEAR.match(w) and (prev in YEAR_PREPS or prev in MONTHS or i == 0):
            return w
        if w in {"vorig", "vorige", "afgelopen", "dit", "deze", "volgend", "volgende",
                 "komend", "komende", "verleden"}:
            if nxt == "jaar" and pub is not None:
                offset = {"dit": 0, "deze": 0, "volgend": 1, "volgende": 1, "komend": 1,
                          "komende": 1}.get(w, -1)
                return str(pub.year + offset)
            if nxt == "maand" and pub is not None:
                offset = {"dit": 0, "deze": 0, "volgende": 1, "komende": 1}.get(w, -1)
                y, m = _shift_month(pub.year, pub.month, offset)
                return f"{y:04d}-{m:02d}"
            if nxt in WEEKDAYS and pub is not None:
                return _weekday_before(pub, WEEKDAYS[nxt], strictly=True).isoformat()
            if nxt in {"jaar", "maand"} or nxt in WEEKDAYS:
                return None
        if w in WEEKDAYS and prev not in {"vorige", "afgelopen"} and nxt not in MONTHS:
            if _DAY.match(nxt) and nxt2 in MONTHS:
                continue  # "woensdag 5 maart": the date itself follows
            return _weekday_before(pub, WEEKDAYS[w]).isoformat() if pub is not None else None
        if w in {"gisteren", "eergisteren", "vandaag", "vanochtend", "vanmorgen", "gisteravond"}:
            if pub is None:
                return None
            back = {"gisteren": 1, "gisteravond": 1, "eergisteren": 2}.get(w, 0)
            return (pub - timedelta(days=back)).isoformat()
    return None


def _weekday_before(pub: date, weekday: int, strictly: bool = False) -> date:
    """The last ``weekday`` on or before ``pub`` (strictly before when asked)."""
    delta = (pub.weekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)
