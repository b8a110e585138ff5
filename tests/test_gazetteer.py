"""The gazetteer: shipped data quality, validation errors, lookup policy, user files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import spacy

from extractor.entities.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerError,
    GazetteerMatcher,
    fold,
    follows_office_title,
    is_case_sensitive,
    load_gazetteer,
    parse_file,
    shipped_files,
    surface_variants,
)

# Aliases that two shipped entries share on purpose; the first-loaded entry wins a lookup.
INTENDED_SHARED: set[str] = set()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("nl")


@pytest.fixture(scope="module")
def shipped_matcher(nlp: spacy.language.Language, gaz: Gazetteer) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, gaz)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- shipped data ------------------------------------------------------------------------


def test_shipped_files_parse_and_are_cached(gaz: Gazetteer) -> None:
    assert len(shipped_files()) >= 2
    assert load_gazetteer() is gaz


def test_shipped_counts(gaz: Gazetteer) -> None:
    kinds = Counter(e.type for e in gaz)
    assert kinds["FIRM"] + kinds["INSTITUTE"] >= 1000
    assert kinds["FIRM"] >= 500 and kinds["INSTITUTE"] >= 400
    assert kinds["PRODUCT"] >= 150
    countries = Counter(e.country for e in gaz if e.type != "PRODUCT")
    assert countries["NL"] >= 300 and countries["BE"] >= 100
    assert countries["US"] >= 100 and countries["CN"] >= 100


def test_products_name_their_maker_or_sector(gaz: Gazetteer) -> None:
    for entry in gaz:
        if entry.type == "PRODUCT":
            assert entry.maker or entry.sector, entry.name
            maker = gaz.maker_of(entry)
            assert maker is None or maker.type in {"FIRM", "INSTITUTE"}, entry.name


def test_parents_are_organisations(gaz: Gazetteer) -> None:
    for entry in gaz:
        parent = gaz.parent_of(entry)
        if parent is not None:
            assert parent.type in {"FIRM", "INSTITUTE"} and parent is not entry, entry.name


def test_shipped_parents_and_makers_resolve(gaz: Gazetteer) -> None:
    missing = [(e.name, ref) for e, ref in gaz.unresolved_references()]
    assert missing == []


def test_shipped_references_use_canonical_names(gaz: Gazetteer) -> None:
    for entry in gaz:
        for ref in (entry.parent, entry.maker):
            if ref:
                assert gaz.get(ref) is not None, (entry.name, ref)


def test_no_unintended_shared_aliases(gaz: Gazetteer) -> None:
    shared = {key: [e.name for e in owners] for key, owners in gaz.ambiguous().items()}
    unintended = {key: names for key, names in shared.items() if key not in INTENDED_SHARED}
    assert unintended == {}


def test_no_canonical_name_twice_in_shipped_files() -> None:
    names = Counter(fold(e.name) for path in shipped_files() for e in parse_file(path))
    assert [name for name, n in names.items() if n > 1] == []


def test_readme_lists_every_shipped_file() -> None:
    readme = (shipped_files()[0].parent / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in shipped_files() if f"`{p.name}`" not in readme] == []


def test_shipped_lines_are_well_formed_json() -> None:
    for path in shipped_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            assert list(obj)[:4] == ["name", "type", "country", "aliases"], (path, line)


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("ASML", "ASML Holding N.V.", "FIRM", "NL"),
        ("asml holding", "ASML Holding N.V.", "FIRM", "NL"),
        ("TSMC", "Taiwan Semiconductor Manufacturing Company", "FIRM", "TW"),
        ("Semiconductor Manufacturing International Corporation", None, "FIRM", "CN"),
        ("Nexperia", "Nexperia", "FIRM", "NL"),
        ("de Volksbank", "de Volksbank N.V.", "FIRM", "NL"),
        ("Arm", "Arm Holdings", "FIRM", "GB"),
        ("CETC", "China Electronics Technology Group Corporation", "FIRM", "CN"),
        ("24e Onderzoeksinstituut van CETC", None, "INSTITUTE", "CN"),
        ("NOS", None, "INSTITUTE", "NL"),
        ("RTL Nederland", None, "FIRM", "NL"),
        ("VRT", None, "INSTITUTE", "BE"),
        ("Bloomberg", None, "FIRM", "US"),
        ("imec", None, "INSTITUTE", "BE"),
        ("TNO", None, "INSTITUTE", "NL"),
        ("Defensie", "ministerie van Defensie", "INSTITUTE", "NL"),
        ("de Tweede Kamer", None, "INSTITUTE", "NL"),
        ("het Financieele Dagblad", None, "FIRM", "NL"),
        ("FOD Economie", None, "INSTITUTE", "BE"),
        ("MOFCOM", None, "INSTITUTE", "CN"),
        ("Chinese Academie van Wetenschappen", None, "INSTITUTE", "CN"),
        ("Pentagon", None, "INSTITUTE", "US"),
        ("Twinscan NXT:2000i", None, "PRODUCT", "NL"),
        ("F-35", None, "PRODUCT", "US"),
    ],
)
def test_lookup_shipped(
    gaz: Gazetteer, text: str, name: str | None, kind: str, country: str
) -> None:
    hit = gaz.lookup(text)
    assert hit is not None, text
    if name is not None:
        assert hit.name == name
    assert (hit.type, hit.country) == (kind, country)


@pytest.mark.parametrize("text", ["NAVO", "NATO", "Navo", "Noord-Atlantische Verdragsorganisatie"])
def test_international_bodies_have_no_country(gaz: Gazetteer, text: str) -> None:
    hit = gaz.lookup(text)
    assert hit is not None and hit.type == "INSTITUTE" and hit.country is None


@pytest.mark.parametrize(
    "word",
    [
        "arm",
        "post",
        "volt",
        "bol",
        "standaard",
        "tijd",
        "marine",
        "defensie",
        "kabinet",
        "krijgsmacht",
        "canon",
        "micron",
        "staatsveiligheid",
        "rekenkamer",
        "douane",
        "ing",
        "nos",
        "acm",
        "action",
        "jumbo",
        "orange",
        "visa",
        "meta",
        "total",
        "wise",
        "free",
        "parool",
        "telegraaf",
        "nieuwsblad",
        "spiegel",
        "windows",
        "android",
        "boxer",
        "spike",
        "financiën",
        "buitenlandse zaken",
        "de tijd",
        "het parool",
        "commit",
        "differ",
        "eur",
        "lancet",
        "caesar",
        "galileo",
        "fujian",
        "groningen",
        "kempen",
        "zaventem",
        "rijnmond",
    ],
)
def test_common_words_are_not_names(gaz: Gazetteer, word: str) -> None:
    assert gaz.lookup(word) is None


def test_parent_links(gaz: Gazetteer) -> None:
    nexperia = gaz.lookup("Nexperia")
    assert nexperia is not None
    parent = gaz.parent_of(nexperia)
    assert parent is not None and parent.name.startswith("Wingtech")


# --- lookup policy -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "sensitive"),
    [
        ("ACM", True),
        ("NOS", True),
        ("NS", True),
        ("ASML", True),
        ("NORINCO", False),
        ("De Tijd", True),
        ("Het Parool", True),
        ("The Economist", True),
        ("de Volksbank", False),
        ("imec", False),
        ("TU Delft", False),
        ("Navo", False),
        ("KLA-Tencor", False),
        ("", False),
    ],
)
def test_is_case_sensitive(alias: str, sensitive: bool) -> None:
    assert is_case_sensitive(alias) is sensitive


def small() -> Gazetteer:
    return Gazetteer(
        [
            GazetteerEntry("Autoriteit Consument & Markt", "INSTITUTE", "NL", ("ACM",)),
            GazetteerEntry("Société Générale", "FIRM", "FR", ("SocGen",)),
            GazetteerEntry(
                "Arm Holdings", "FIRM", "GB", ("Arm",), case_sensitive=frozenset({"Arm"})
            ),
            GazetteerEntry(
                "Tweede Kamer", "INSTITUTE", "NL", ("Tweede Kamer der Staten-Generaal",)
            ),
            GazetteerEntry("ASML Holding N.V.", "FIRM", "NL", ("ASML",)),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ACM", "Autoriteit Consument & Markt"),
        ("acm", None),  # an acronym's lower-case form is another word
        ("Acm", None),
        ("autoriteit consument & markt", "Autoriteit Consument & Markt"),
        ("Societe Generale", "Société Générale"),
        ("SOCIÉTÉ  GÉNÉRALE", "Société Générale"),
        ("socgen", "Société Générale"),
        ("Arm", "Arm Holdings"),
        ("arm", None),
        ("de Tweede Kamer", "Tweede Kamer"),
        ("ASML's", "ASML Holding N.V."),
        ("ASML’s", "ASML Holding N.V."),
        ("Tweede", None),
        ("", None),
    ],
)
def test_lookup_policy(text: str, expected: str | None) -> None:
    hit = small().lookup(text)
    assert (hit.name if hit else None) == expected


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"name": "X", "type": "COMPANY", "country": "NL", "aliases": []}', "'type'"),
        ('{"name": "X", "type": "FIRM", "country": "Netherlands", "aliases": []}', "ISO 3166"),
        ('{"name": "X", "type": "FIRM", "country": "EU", "aliases": []}', "ISO 3166"),
        ('{"name": "X", "type": "FIRM", "country": "nl", "aliases": []}', "ISO 3166"),
        ('{"type": "FIRM", "country": "NL", "aliases": []}', "'name' is required"),
        ('{"name": "X", "type": "FIRM", "country": "NL", "aliases": "X"}', "list of strings"),
        ('{"name": "X", "type": "FIRM", "country": "NL", "aliases": [" X"]}', "surrounding"),
        ('{"name": "X", "type": "FIRM", "country": "NL", "alias": []}', "unknown field"),
        ('{"name": "X", "type": "FIRM", "country": "NL", "maker": "Y"}', "only for PRODUCT"),
        ('{"name": "X", "type": "FIRM", "aliases": [], "case_sensitive": ["Y"]}', "own names"),
        ('{"name": "X", "type": "FIRM", "country": "NL", "aliases": [],}', "not valid JSON"),
        ('["X", "FIRM"]', "JSON object"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    good = '{"name": "Good", "type": "FIRM", "country": "NL", "aliases": []}'
    path = write(tmp_path, "bad.jsonl", f"{good}\n\n{line}\n")
    with pytest.raises(GazetteerError) as info:
        parse_file(path)
    assert "bad.jsonl:3: " in info.value.message
    assert reason in info.value.message
    assert info.value.code == "gazetteer_invalid"


def test_missing_file_is_a_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot read"):
        load_gazetteer([tmp_path / "nope.jsonl"])


def test_international_body_may_have_no_country(tmp_path: Path) -> None:
    path = write(tmp_path, "x.jsonl", '{"name": "Y", "type": "INSTITUTE", "country": null}\n')
    assert parse_file(path)[0].country is None


# --- user files --------------------------------------------------------------------------


def test_user_jsonl_adds_and_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mine.jsonl",
        "\n".join(
            [
                "# my own additions",
                '{"name": "Brabantse Chipfabriek B.V.", "type": "FIRM", "country": "NL",'
                ' "aliases": ["BCF"], "sector": "semiconductors", "parent": "ASML Holding N.V."}',
                '{"name": "ASML Holding N.V.", "type": "FIRM", "country": "NL",'
                ' "aliases": ["ASML"], "sector": "lithography"}',
            ]
        )
        + "\n",
    )
    gaz = load_gazetteer([path])
    hit = gaz.lookup("BCF")
    assert hit is not None and hit.parent == "ASML Holding N.V."
    asml = gaz.lookup("ASML")
    assert asml is not None and asml.sector == "lithography"
    assert gaz.lookup("ASML Netherlands") is None  # the user's entry replaced the shipped one
    assert len(gaz) == len(load_gazetteer()) + 1
    assert load_gazetteer([path]) is gaz  # cached while the file is unchanged


def test_user_csv(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mine.csv",
        "\n".join(
            [
                "name,type,country,aliases,sector",
                "Stichting Zeeuwse Kennis,INSTITUTE,NL,SZK|Zeeuwse Kennis,research",
                'Drone Works Ltd.,FIRM,GB,"Drone Works|DW Ltd",defence',
                "",
            ]
        ),
    )
    entries = parse_file(path)
    assert [e.name for e in entries] == ["Stichting Zeeuwse Kennis", "Drone Works Ltd."]
    assert entries[0].aliases == ("SZK", "Zeeuwse Kennis")
    assert entries[1].sector == "defence"
    gaz = load_gazetteer([path])
    hit = gaz.lookup("Zeeuwse Kennis")
    assert hit is not None and hit.type == "INSTITUTE"


def test_user_csv_bad_row(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.csv", "Goed,FIRM,NL,\nFout,FIRMA,NL,F\n")
    with pytest.raises(GazetteerError, match=r"mine\.csv:2: 'type'"):
        parse_file(path)


# --- spaCy matching ----------------------------------------------------------------------


def test_matcher_finds_longest_names_and_respects_case(nlp: spacy.language.Language) -> None:
    matcher = GazetteerMatcher(nlp, small())
    doc = nlp(
        "De acm zegt dat de ACM en Societe Generale naar de tweede kamer stappen; "
        "een arm van ASML Holding N.V. ook."
    )
    found = [(m.text, m.entry.name) for m in matcher(doc)]
    assert found == [
        ("ACM", "Autoriteit Consument & Markt"),
        ("Societe Generale", "Société Générale"),
        ("tweede kamer", "Tweede Kamer"),
        ("ASML Holding N.V.", "ASML Holding N.V."),
    ]
    first = matcher(doc)[0]
    assert doc.text[first.start_char : first.end_char] == "ACM"


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (["de", "minister", "van"], True),
        (["Staatssecretaris", "van"], True),
        (["minister", "voor"], True),
        (["het", "ministerie", "van"], False),
        (["van"], False),
        ([], False),
        (["minister", "en"], False),
        (["Minister", "Dirk", "Beljaarts", "van"], True),  # the office holder between
        (["zei", "Dirk", "Beljaarts", "van"], False),
        (["topman", "van"], False),
    ],
)
def test_follows_office_title(before: list[str], expected: bool) -> None:
    assert follows_office_title(before) is expected


def test_matcher_skips_office_titles(
    nlp: spacy.language.Language, shipped_matcher: GazetteerMatcher
) -> None:
    doc = nlp("De minister van Defensie sprak met het ministerie van Defensie en met Defensie.")
    found = [(m.text, m.entry.name) for m in shipped_matcher(doc)]
    assert found == [
        ("ministerie van Defensie", "ministerie van Defensie"),
        ("Defensie", "ministerie van Defensie"),
    ]


def test_matcher_leaves_lowercase_article_out(
    nlp: spacy.language.Language, shipped_matcher: GazetteerMatcher
) -> None:
    doc = nlp("Dat meldt het Financieele Dagblad, en De Tijd schrijft het ook. De tijd dringt.")
    assert [m.text for m in shipped_matcher(doc)] == ["Financieele Dagblad", "De Tijd"]


def test_matcher_finds_nothing_in_plain_prose(
    nlp: spacy.language.Language, shipped_matcher: GazetteerMatcher
) -> None:
    text = (
        "De post kwam laat. Hij brak zijn arm en de accu gaf twaalf volt. Het kabinet van "
        "de burgemeester is klein; de krijgsmacht van een klein land ook. Een bol wol, een "
        "standaard procedure en de tijd die dringt. De douane en de marine zijn overal."
    )
    assert [m.text for m in shipped_matcher(nlp(text))] == []


@pytest.mark.parametrize(
    ("alias", "variants"),
    [("ASML", ("ASML",)), ("Société Générale", ("Société Générale", "Societe Generale")),
     ("Côte d'Or", ("Côte d'Or", "Cote d'Or", "Côte d’Or", "Cote d’Or")),
     ("de Volksbank", ("Volksbank",)), ("De Tijd", ("De Tijd",))],
)
def test_surface_variants(alias: str, variants: tuple[str, ...]) -> None:
    assert surface_variants(alias) == variants


def test_matcher_leaves_determiner_out(nlp: spacy.language.Language,
                                      shipped_matcher: GazetteerMatcher) -> None:
    doc = nlp("Klanten van de Volksbank lezen de Volkskrant.")
    assert [m.text for m in shipped_matcher(doc)] == ["Volksbank", "Volkskrant"]


def test_matcher_finds_typographic_apostrophes(nlp: spacy.language.Language,
                                               shipped_matcher: GazetteerMatcher) -> None:
    doc = nlp("Koffieconcern JDE Peet’s en ratingbureau Moody’s; ook D’Ieteren.")
    assert [m.entry.name for m in shipped_matcher(doc)] == [
        "JDE Peet's N.V.", "Moody's", "D'Ieteren Group"]


def test_matcher_on_shipped_gazetteer(
    nlp: spacy.language.Language, shipped_matcher: GazetteerMatcher
) -> None:
    matcher = shipped_matcher
    doc = nlp("Chipmachinemaker ASML levert aan TSMC en aan Samsung Electronics.")
    names = [m.entry.name for m in matcher(doc)]
    assert "ASML Holding N.V." in names
    assert "Taiwan Semiconductor Manufacturing Company" in names
    assert "Samsung Electronics" in names
