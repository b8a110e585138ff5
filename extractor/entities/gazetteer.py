"""Curated knowledge of organisations and products: loading, validation and lookup.

The shipped files live in ``extractor/entities/data/gazetteer/*.jsonl`` (see the README
there); users add their own with ``--gazetteer FILE`` (the same JSON Lines format, or a
CSV with ``name,type,country,aliases`` where aliases are separated by ``|``).

Matching policy, in one place (:func:`is_case_sensitive`, :func:`fold`):

* names are compared case- and diacritics-insensitively ("Societe Generale" finds
  "Société Générale", "ministerie van defensie" finds "ministerie van Defensie");
* short acronyms ("ACM", "NOS", "ING", "NS") and aliases an entry marks as
  ``case_sensitive`` ("Arm", "Action") only match with their exact capitals, because
  their lower-case forms are ordinary Dutch or English words.

The gazetteer is evidence for the entities stage, not a closed list: names that are not
in it must still be found and typed by the model and the rules.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from babel import Locale

from extractor.errors import ExtractorError

if TYPE_CHECKING:  # spaCy is imported lazily: loading the gazetteer must stay cheap.
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = [
    "DATA_DIR",
    "ENTRY_TYPES",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "GazetteerMatch",
    "GazetteerMatcher",
    "fold",
    "follows_office_title",
    "is_case_sensitive",
    "load_gazetteer",
    "parse_file",
    "shipped_files",
    "surface_variants",
]

#: Version of the shipped data; bump it when entries change meaningfully.
GAZETTEER_VERSION = "2026.12.1"

DATA_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"

EntryType = Literal["FIRM", "INSTITUTE", "PRODUCT"]
ENTRY_TYPES: frozenset[str] = frozenset({"FIRM", "INSTITUTE", "PRODUCT"})

_FIELDS = {"name", "type", "country", "aliases", "sector", "parent", "maker", "case_sensitive"}
_CSV_COLUMNS = ("name", "type", "country", "aliases", "sector", "parent", "maker")

# Acronyms up to this many letters are matched with exact capitals; longer all-caps
# names ("NORINCO", "SAMSUNG") are not ordinary words, so case-folding them is safe.
_ACRONYM_MAX_LETTERS = 5

_LEADING_ARTICLE = re.compile(r"^(?:de|het|the|'t)\s+", re.IGNORECASE)
_LOWER_ARTICLE = re.compile(r"^(?:de|het|'t)\s+(?=\S)")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DASHES = str.maketrans(
    {
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_TITLE_ARTICLES = ("De ", "Het ", "The ", "Der ", "Die ", "Le ", "La ", "Les ", "El ")
# "minister van Defensie" is a person's office, not a mention of the ministry.
_OFFICE_TITLES = frozenset(
    {
        "minister",
        "ministers",
        "staatssecretaris",
        "staatssecretarissen",
        "oud-minister",
        "viceminister",
        "vicepremier",
        "eurocommissaris",
        "commissaris",
    }
)
_OFFICE_LINKS = frozenset({"van", "voor"})


class GazetteerError(ExtractorError):
    """A gazetteer file is missing or malformed; the message names ``file:line``."""

    code = "gazetteer_invalid"


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    # CLDR's territory list also has macro-regions ("EU", "UN", "ZZ", pseudo "XA"/"XB");
    # only real ISO 3166-1 alpha-2 codes (plus Kosovo's widely used XK) are allowed.
    not_countries = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
    codes = (str(code) for code in Locale("en").territories)
    return frozenset(
        code for code in codes if len(code) == 2 and code.isalpha() and code not in not_countries
    )


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _normalise(text: str) -> str:
    """Unify dashes, quotes and spaces, and drop diacritics; keep case."""
    text = _strip_diacritics(text.translate(_DASHES))
    return _SPACE.sub(" ", text).strip()


def surface_variants(alias: str) -> tuple[str, ...]:
    """The spellings a name takes in running text: as written (less a lower-case
    leading article: "de Volksbank" gives "Volksbank"), without accents ("Nestle"), and
    with typographic apostrophes ("McDonald’s", "Côte d’Or"), which news sites use as
    often as straight ones. A PhraseMatcher compares tokens literally,
    so each needs its own pattern; :meth:`Gazetteer.lookup` normalises instead."""
    # "de Volksbank", "het Nieuwsblad": the span of a mention has no determiner (SPEC 1)
    bare = _LOWER_ARTICLE.sub("", alias)
    alias = bare or alias
    variants = [alias, _strip_diacritics(alias)]
    variants += [v.replace("'", "’") for v in variants if "'" in v]
    return tuple(dict.fromkeys(variants))


def fold(text: str) -> str:
    """The case- and diacritics-insensitive key of a name."""
    return _normalise(text).casefold()


def is_case_sensitive(alias: str) -> bool:
    """Whether an alias must match with its exact capitals (short acronyms).

    "ACM", "NOS", "KLM", "ASML", "NS", "ING" are: their lower-case forms ("acm", "nos",
    "ing") are words or word parts. "NORINCO", "imec", "TU Delft" are not. Titles that
    open with a capitalised article ("De Tijd", "Het Parool", "The Economist") are too, so
    that a lower-case determiner in running text ("het Financieele Dagblad") stays out of
    the match and the shorter alias is found instead.
    """
    if alias.startswith(_TITLE_ARTICLES):
        return True  # "De Tijd" is the paper, "de tijd" is time
    letters = [ch for ch in alias if ch.isalpha()]
    if not letters or " " in alias.strip():
        return False
    return len(letters) <= _ACRONYM_MAX_LETTERS and all(ch.isupper() for ch in letters)


@dataclass(frozen=True)
class GazetteerEntry:
    """One organisation or product, with every name it goes by."""

    name: str
    type: EntryType
    country: str | None = None
    aliases: tuple[str, ...] = ()
    sector: str | None = None
    parent: str | None = None
    maker: str | None = None
    #: aliases that only match with exact capitals, besides the automatic acronym rule
    case_sensitive: frozenset[str] = frozenset()
    source: str = field(default="", compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def alias_is_case_sensitive(self, alias: str) -> bool:
        return alias in self.case_sensitive or is_case_sensitive(alias)


# --- parsing and validation --------------------------------------------------------------


def _fail(where: str, reason: str) -> GazetteerError:
    return GazetteerError(f"{where}: {reason}")


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value != value.strip():
        raise _fail(where, f"'{key}' must be a string without surrounding spaces, got {value!r}")
    return value


def entry_from_dict(obj: Any, where: str) -> GazetteerEntry:
    """Validate one parsed record; raise :class:`GazetteerError` naming ``where``."""
    if not isinstance(obj, dict):
        raise _fail(where, f"expected a JSON object, got {type(obj).__name__}")
    unknown = set(obj) - _FIELDS
    if unknown:
        raise _fail(where, f"unknown field(s) {sorted(unknown)}; allowed: {sorted(_FIELDS)}")
    name = _opt_str(obj, "name", where)
    if not name:
        raise _fail(where, "'name' is required")
    kind = obj.get("type")
    if kind not in ENTRY_TYPES:
        raise _fail(where, f"'type' must be one of {sorted(ENTRY_TYPES)}, got {kind!r}")
    country = _opt_str(obj, "country", where)
    if country is not None and country not in _iso_codes():
        raise _fail(
            where, f"'country' must be an ISO 3166-1 alpha-2 code (e.g. NL), got {country!r}"
        )
    aliases = obj.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _fail(where, "'aliases' must be a list of strings")
    for alias in aliases:
        if not alias.strip() or alias != alias.strip():
            raise _fail(where, f"alias {alias!r} is empty or has surrounding spaces")
    sensitive = obj.get("case_sensitive", [])
    if not isinstance(sensitive, list) or not set(sensitive) <= {name, *aliases}:
        raise _fail(where, "'case_sensitive' must list some of the entry's own names")
    maker = _opt_str(obj, "maker", where)
    if maker is not None and kind != "PRODUCT":
        raise _fail(where, "'maker' is only for PRODUCT entries")
    return GazetteerEntry(
        name=name,
        type=kind,
        country=country,
        aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
        sector=_opt_str(obj, "sector", where),
        parent=_opt_str(obj, "parent", where),
        maker=maker,
        case_sensitive=frozenset(sensitive),
        source=where.rsplit(":", 1)[0],
    )


def _parse_jsonl(path: Path, lines: Iterable[str]) -> Iterator[GazetteerEntry]:
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise _fail(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
        yield entry_from_dict(obj, where)


def _parse_csv(path: Path, lines: Iterable[str]) -> Iterator[GazetteerEntry]:
    for number, row in enumerate(csv.reader(lines), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if number == 1 and row[0].strip().lower() == "name":
            continue  # header
        where = f"{path}:{number}"
        if len(row) < 2 or len(row) > len(_CSV_COLUMNS):
            raise _fail(
                where,
                f"expected {', '.join(_CSV_COLUMNS[:4])} "
                f"[, sector, parent, maker], got {len(row)} column(s)",
            )
        cells = dict(zip(_CSV_COLUMNS, (cell.strip() for cell in row), strict=False))
        obj: dict[str, Any] = {k: v for k, v in cells.items() if k != "aliases" and v}
        obj["aliases"] = [a.strip() for a in cells.get("aliases", "").split("|") if a.strip()]
        yield entry_from_dict(obj, where)


def parse_file(path: str | Path) -> list[GazetteerEntry]:
    """Read and validate one gazetteer file (``.jsonl``/``.json`` lines, or ``.csv``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file ({exc})") from exc
    lines = text.splitlines()
    parser = _parse_csv if path.suffix.lower() == ".csv" else _parse_jsonl
    return list(parser(path, lines))


def shipped_files() -> tuple[Path, ...]:
    """The gazetteer files that ship with the package, in load order."""
    return tuple(sorted(DATA_DIR.glob("*.jsonl")))


# --- the index ---------------------------------------------------------------------------


class Gazetteer:
    """An index from names to entries.

    Entries from earlier sources win an alias shared with a later one; user files are
    passed first by :func:`load_gazetteer`, so they override the shipped data, and a user
    entry with the same canonical name replaces the shipped entry altogether.
    """

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        by_name: dict[str, GazetteerEntry] = {}
        for entry in entries:
            by_name.setdefault(fold(entry.name), entry)
        self.entries: tuple[GazetteerEntry, ...] = tuple(by_name.values())
        self._by_name = by_name
        self._folded: dict[str, GazetteerEntry] = {}
        self._exact: dict[str, GazetteerEntry] = {}
        #: alias key -> every entry that claims it (more than one = ambiguous)
        self.claims: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries:
            for alias in entry.names:
                if entry.alias_is_case_sensitive(alias):
                    key = _normalise(alias)
                    self._exact.setdefault(key, entry)
                    key = "=" + key  # keeps "ACM" and a folded "acm" apart in claims
                else:
                    key = fold(alias)
                    self._folded.setdefault(key, entry)
                owners = self.claims.setdefault(key, [])
                if entry not in owners:
                    owners.append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def get(self, name: str) -> GazetteerEntry | None:
        """The entry with this canonical name (case-insensitive), if any."""
        return self._by_name.get(fold(name))

    def ambiguous(self) -> dict[str, list[GazetteerEntry]]:
        """Aliases claimed by more than one entry (the first one wins in lookups)."""
        return {key: owners for key, owners in self.claims.items() if len(owners) > 1}

    def _lookup_exact(self, text: str) -> GazetteerEntry | None:
        hit = self._exact.get(_normalise(text))
        if hit is None:
            hit = self._folded.get(fold(text))
        return hit

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry one of whose names is ``text``, or None.

        Case and diacritics are ignored except for acronyms; a leading article ("de
        Tweede Kamer") and a possessive ending ("ASML's") are tried off as a fallback.
        """
        forms = [text.strip()]
        bare = _LEADING_ARTICLE.sub("", forms[0])
        forms.append(bare)
        forms.append(_POSSESSIVE.sub("", bare))
        for form in dict.fromkeys(forms):
            if form:
                hit = self._lookup_exact(form)
                if hit is not None:
                    return hit
        return None

    def parent_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        return self.get(entry.parent) if entry.parent else None

    def maker_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        return self.get(entry.maker) if entry.maker else None

    def unresolved_references(self) -> list[tuple[GazetteerEntry, str]]:
        """(entry, name) for every ``parent``/``maker`` that names no entry."""
        missing = []
        for entry in self.entries:
            for ref in (entry.parent, entry.maker):
                if ref and self.get(ref) is None:
                    missing.append((entry, ref))
        return missing

    def phrase_patterns(self) -> Iterator[tuple[str, str, GazetteerEntry]]:
        """(attr, text, entry) for every name: attr "ORTH" for case-sensitive ones, else
        "LOWER"; each in the spelling variants of :func:`surface_variants`."""
        for entry in self.entries:
            for alias in entry.names:
                attr = "ORTH" if entry.alias_is_case_sensitive(alias) else "LOWER"
                for variant in surface_variants(alias):
                    yield attr, variant, entry


# --- loading -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _shipped_entries() -> tuple[GazetteerEntry, ...]:
    files = shipped_files()
    if not files:
        raise GazetteerError(f"{DATA_DIR}: no shipped gazetteer files found")
    return tuple(entry for path in files for entry in parse_file(path))


@lru_cache(maxsize=8)
def _load(extra: tuple[tuple[str, int], ...]) -> Gazetteer:
    user = [entry for path, _mtime in extra for entry in parse_file(path)]
    return Gazetteer([*user, *_shipped_entries()])


def load_gazetteer(extra_paths: Sequence[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer plus the user's files (which take precedence); cached."""
    extra = []
    for path in extra_paths:
        resolved = Path(path).resolve()
        try:
            mtime = resolved.stat().st_mtime_ns
        except OSError as exc:
            raise GazetteerError(f"{path}: cannot read gazetteer file ({exc})") from exc
        extra.append((str(resolved), mtime))
    return _load(tuple(extra))


# --- spaCy matching ----------------------------------------------------------------------


def follows_office_title(before: Sequence[str]) -> bool:
    """Whether the words just before a match ("minister", "van") make it part of a
    person's office ("minister van Buitenlandse Zaken") rather than a ministry mention."""
    if len(before) < 2:
        return False
    title, link = before[-2].lower(), before[-1].lower()
    if link in _OFFICE_LINKS and title in _OFFICE_TITLES:
        return True
    # "minister Dirk Beljaarts van Economische Zaken": the office holder's name between
    if link not in _OFFICE_LINKS:
        return False
    k = len(before) - 2
    while k >= 0 and before[k][:1].isupper() and before[k].lower() not in _OFFICE_TITLES:
        k -= 1
    return 0 <= k < len(before) - 2 and before[k].lower() in _OFFICE_TITLES


@dataclass(frozen=True)
class GazetteerMatch:
    """A gazetteer name found in a Doc, by token and character offsets."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    entry: GazetteerEntry


class GazetteerMatcher:
    """Finds gazetteer names in a Doc with two spaCy PhraseMatchers (LOWER and ORTH).

    Patterns are tokenised with ``nlp.make_doc``, so they split like article text.
    Overlaps are resolved longest-first ("24e Onderzoeksinstituut van CETC" beats "CETC").
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entries: dict[int, GazetteerEntry] = {}
        grouped: dict[tuple[str, int], list[str]] = {}
        for attr, text, entry in gazetteer.phrase_patterns():
            key = nlp.vocab.strings.add(f"GAZ:{entry.type}:{entry.name}")
            self._entries[key] = entry
            grouped.setdefault((attr, key), []).append(text)
        for (attr, key), texts in grouped.items():
            matcher = self._orth if attr == "ORTH" else self._lower
            matcher.add(nlp.vocab.strings[key], [nlp.make_doc(text) for text in texts])

    def spans(self, doc: Doc) -> list[tuple[Span, GazetteerEntry]]:
        """Non-overlapping (span, entry) pairs, longest first, in text order."""
        from spacy.util import filter_spans

        found: dict[tuple[int, int], GazetteerEntry] = {}
        for matcher in (self._orth, self._lower):
            for key, start, end in matcher(doc):
                found.setdefault((start, end), self._entries[key])
        kept = filter_spans([doc[start:end] for start, end in found])
        out = []
        for span in kept:
            entry = found[(span.start, span.end)]
            before = [tok.text for tok in doc[max(0, span.start - 6) : span.start]]
            if entry.type == "INSTITUTE" and follows_office_title(before):
                continue
            out.append((span, entry))
        return out

    def __call__(self, doc: Doc) -> list[GazetteerMatch]:
        return [
            GazetteerMatch(span.start, span.end, span.start_char, span.end_char, span.text, e)
            for span, e in self.spans(doc)
        ]
