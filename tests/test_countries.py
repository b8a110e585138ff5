"""Country names, short forms and nationality adjectives -> ISO 3166-1 alpha-2."""

from __future__ import annotations

import pytest

from extractor.entities.countries import (
    country_iso,
    country_name,
    nationality_adjective_iso,
    nationality_adjective_isos,
    strip_possessive,
)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("China", "CN"),
        ("China's", "CN"),
        ("Amerika’s", "US"),
        ("Nederland", "NL"),
        ("de Verenigde Staten", "US"),
        ("Verenigde Staten", "US"),
        ("VS", "US"),
        ("VS.", "US"),  # sentence-final stop glued to the token
        ("V.S.", "US"),
        ("VK", "GB"),
        ("Verenigd Koninkrijk", "GB"),
        ("Groot-Brittannië", "GB"),
        ("Taiwan", "TW"),
        ("Zuid-Korea", "KR"),
        ("Noord-Korea", "KP"),
        ("België", "BE"),
        ("Duitsland", "DE"),
        ("Oekraïne", "UA"),
        ("Rusland", "RU"),
        ("Wit-Rusland", "BY"),
        ("Saoedi-Arabië", "SA"),
        ("Qatar", "QA"),
    ],
)
def test_country_iso(name: str, iso: str) -> None:
    assert country_iso(name) == iso


@pytest.mark.parametrize(
    "name",
    ["Europa", "Veldhoven", "Vlaanderen", "Hongkong", "Europese Unie", "EU", "Brabant", ""],
)
def test_not_a_country(name: str) -> None:
    # regions, cities, the EU (an INSTITUTE), dependent territories
    assert country_iso(name) is None


def test_lowercase_vs_is_still_a_lookup_but_finder_requires_capitals() -> None:
    # country_iso is case-insensitive; the candidate finder only tries capitalised words
    assert country_iso("Vs") == "US"


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("Chinees", "CN"),
        ("Chinese", "CN"),
        ("Nederlandse", "NL"),
        ("Nederlands", "NL"),
        ("Amerikaanse", "US"),
        ("Amerikaans", "US"),
        ("Britse", "GB"),
        ("Duitse", "DE"),
        ("Finse", "FI"),
        ("Turkse", "TR"),
        ("Taiwanese", "TW"),
        ("Zuid-Koreaanse", "KR"),
        ("Franse", "FR"),
        ("Omaanse", "OM"),
        ("Vlaamse", "BE"),  # Flanders is a region of Belgium: a Flemish firm is Belgian
        ("Europese", None),  # the EU is an institute, no nationality
        ("Veldhovense", None),
        ("militaire", None),
        ("", None),
    ],
)
def test_nationality_adjective_iso(word: str, iso: str | None) -> None:
    assert nationality_adjective_iso(word) == iso


def test_compound_adjective_gives_both_countries() -> None:
    assert nationality_adjective_isos("Brits-Zweedse") == ("GB", "SE")
    assert nationality_adjective_isos("Frans-Duitse") == ("FR", "DE")
    assert nationality_adjective_isos("Brits-militaire") == ()


def test_strip_possessive_and_names() -> None:
    assert strip_possessive("China's") == "China"
    assert strip_possessive("ASML") == "ASML"
    assert country_name("NL") == "Nederland"
    assert country_name("US") == "Verenigde Staten"
