"""Pure typing decisions of the entities stage, as small tables."""

from __future__ import annotations

import pytest

from extractor.entities import classify
from extractor.entities.resolve import acronym_fits


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("chipmachine", True),
        ("euv-machines", True),
        ("raketsystemen", True),
        ("drones", True),
        ("Tiangong-ruimtestation", True),
        ("computerchips", True),
        ("lanceerinstallaties", True),
        ("ruimtevaartprogramma", True),
        ("ecosysteem", False),
        ("denktank", False),
        ("tv-programma", False),
        ("exportregels", False),
        ("brandstoftank", False),
        ("bedrijf", False),
    ],
)
def test_is_product_word(word: str, expected: bool) -> None:
    assert classify.is_product_word(word) is expected


@pytest.mark.parametrize(
    ("word", "institute", "firm"),
    [
        ("onderzoeksinstituut", True, False),
        ("quantum-instituut", True, False),
        ("universiteit", True, False),
        ("defensieministerie", True, False),
        ("regering", True, False),
        ("kerkhof", False, False),
        ("voorraad", False, False),
        ("chipmachinefabrikant", False, True),
        ("chipmaker", False, True),
        ("defensieconcern", False, True),
        ("staatsbedrijf", False, True),
        ("werkgroep", False, False),
        ("databank", False, False),
    ],
)
def test_organisation_words(word: str, institute: bool, firm: bool) -> None:
    assert classify.is_institute_word(word) is institute
    assert classify.is_firm_word(word) is firm


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["ASML", "Holding", "N.V."], "FIRM"),
        (["Nvidia", "Corporation"], "FIRM"),
        (["Technische", "Universiteit", "Eindhoven"], "INSTITUTE"),
        (["24e", "Onderzoeksinstituut", "van", "CETC"], "INSTITUTE"),
        (["ministerie", "van", "Buitenlandse", "Zaken"], "INSTITUTE"),
        (["Harbin", "Institute", "of", "Technology"], "INSTITUTE"),
        (["ASML"], None),
    ],
)
def test_org_type_from_name(tokens: list[str], expected: str | None) -> None:
    assert classify.org_type_from_name(tokens) == expected


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"label": "ORG", "tokens": ["ASML"]}, "FIRM"),
        ({"label": "ORG", "tokens": ["ASML"], "gazetteer_type": "INSTITUTE"}, "INSTITUTE"),
        ({"label": "LOC", "tokens": ["China"]}, "COUNTRY"),
        ({"label": "ORG", "tokens": ["Verenigde", "Staten"]}, "COUNTRY"),
        ({"label": "LOC", "tokens": ["Veldhoven"]}, "LOCATION"),
        ({"label": "LOC", "tokens": ["Brabant"], "descriptor": "provincie"}, "LOCATION"),
        ({"label": None, "tokens": ["Brabant"], "descriptor": "provincie"}, "LOCATION"),
        ({"label": "PER", "tokens": ["Liesje", "Schreinemacher"]}, "PERSON"),
        ({"label": None, "tokens": ["Nexperia"], "descriptor": "chipfabrikant"}, "FIRM"),
        ({"label": None, "tokens": ["Shenzhou"], "descriptor": "ruimtevaartprogramma"}, "PRODUCT"),
        ({"label": "LOC", "tokens": ["Nexperia"], "descriptor": "chipfabrikant"}, "FIRM"),
        ({"label": "MISC", "tokens": ["F-35"], "given": "PRODUCT"}, "PRODUCT"),
        ({"label": "ORG", "tokens": ["Universiteit", "Utrecht"]}, "INSTITUTE"),
    ],
)
def test_decide_name_type(kwargs: dict, expected: str) -> None:
    assert classify.decide_name_type(**kwargs) == expected


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("chipmachines", "chipmachine"),
        ("chipmachine", "chipmachine"),
        ("onderdelen", "onderdeel"),
        ("raketsystemen", "raketsysteem"),
        ("raketten", "raket"),
        ("drones", "drone"),
        ("vaccins", "vaccin"),
        ("satellieten", "satelliet"),
        ("auto's", "auto"),
        ("technologie", "technologie"),
    ],
)
def test_head_key(word: str, key: str) -> None:
    assert classify.head_key(word) == key


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("CETC", "China Electronics Technology Group Corporation", True),
        ("VIS", "Vanguard International Semiconductor", True),
        ("HIT", "Harbin Institute of Technology", True),
        ("NUDT", "Nationale Universiteit voor Defensietechnologie", True),
        ("ASML", "China Electronics Technology Group Corporation", False),
        ("NXP", "Nexperia", False),
    ],
)
def test_acronym_fits(acronym: str, name: str, expected: bool) -> None:
    assert acronym_fits(acronym, name.split()) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("geavanceerdste", True), ("essentieel", True), ("militaire", False), ("Chinese", False)],
)
def test_is_evaluative(word: str, expected: bool) -> None:
    assert classify.is_evaluative(word) is expected
