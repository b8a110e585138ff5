"""Publication dates as written on pages, normalised to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

# Month names as news sites write them (Dutch, English, German, French, Spanish, Portuguese,
# Italian), also abbreviated.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("januari", "january", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio", "jan"),
        (
            "februari",
            "february",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "fevereiro",
            "febbraio",
            "feb",
            "febr",
        ),
        ("maart", "march", "märz", "maerz", "mars", "marzo", "março", "mrt", "mar", "mär"),
        ("april", "avril", "abril", "aprile", "apr"),
        ("mei", "may", "mai", "mayo", "maio", "maggio"),
        ("juni", "june", "juin", "junio", "junho", "giugno", "jun"),
        ("juli", "july", "juillet", "julio", "julho", "luglio", "jul"),
        ("augustus", "august", "août", "aout", "agosto", "aug"),
        ("september", "septembre", "septiembre", "setembro", "settembre", "sep", "sept"),
        ("oktober", "october", "octobre", "octubre", "outubro", "ottobre", "okt", "oct"),
        ("november", "novembre", "noviembre", "novembro", "nov"),
        (
            "december",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dezembro",
            "dicembre",
            "dec",
            "dez",
        ),
    ],
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))

_ISO_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
# 14-03-2025, 14.03.2025, 14/03/2025: day first, as in Dutch and German.
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?!\d)")
# 14 maart 2025, 2. Juli 2025, 1er mars 2025
_D_MONTH_Y_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.|e|er|ste|de|º)?\s+(?:de\s+)?({_MONTH_RE})\.?\s+(?:de\s+)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# March 14, 2025
_MONTH_D_Y_RE = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)


def _make(year: str, month: str | int, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def normalise_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` for a date string in any common page format, else None.

    ISO timestamps keep the date as written (``2025-03-14T23:30:00-05:00`` -> ``2025-03-14``):
    the publisher's local date is the one readers and relative dates ("woensdag") refer to.
    """
    if not value:
        return None
    text = value.strip()
    if m := _COMPACT_RE.match(text):
        return _make(*m.groups())
    for pattern in (_ISO_RE,):
        if m := pattern.search(text):
            return _make(*m.groups())
    if m := _D_MONTH_Y_RE.search(text):
        day, month, year = m.groups()
        return _make(year, _MONTHS[month.lower()], day)
    if m := _MONTH_D_Y_RE.search(text):
        month, day, year = m.groups()
        return _make(year, _MONTHS[month.lower()], day)
    if m := _DMY_RE.search(text):
        day, month, year = m.groups()
        # day first (Dutch, German); American month-first only where day-first is impossible
        return _make(year, month, day) or _make(year, day, month)
    return None
