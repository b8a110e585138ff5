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
        (["TU", "Delft"], "INSTITUTE"),
        (["KU", "Leuven"], "INSTITUTE"),
        (["Marinecomponent"], "INSTITUTE"),
        (["Volksbevrijdingsleger"], "INSTITUTE"),
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


@pytest.mark.parametrize(
    ("tokens", "before", "expected"),
    [
        (["Mark", "Verhoef"], ["schrijft", "staatssecretaris"], True),
        (["Zhang", "Xuezheng"], ["Chinese", "topman"], True),
        (["Marieke", "de", "Groot"], ["zegt", "onderzoeker"], True),
        (["Annick", "De", "Clercq"], [], True),  # a particle inside, Flemish capitals
        (["Saad", "al-Kaabi"], [], True),
        (["Lockheed", "Martin"], ["bij", "het"], False),
        (["Applied", "Materials"], [], False),
        (["Philips", "Respironics"], [], False),
        (["Melrose", "Industries"], ["investeringsmaatschappij"], False),  # legal form
        (["Verhoef"], ["volgens"], False),  # a lone surname needs a full mention elsewhere
    ],
)
def test_person_evidence(tokens: list[str], before: list[str], expected: bool) -> None:
    assert classify.person_evidence(tokens, before) is expected


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # the CoNLL model calls firms PER: without person evidence a PER span is a firm
        ({"label": "PER", "tokens": ["Prosus"], "person": False}, "FIRM"),
        ({"label": "PER", "tokens": ["Mark", "Verhoef"], "person": True}, "PERSON"),
        ({"label": "ORG", "tokens": ["Ilse", "Brouwer"], "person": True}, "PERSON"),
        ({"label": "PER", "tokens": ["Helmond"], "person": False, "place": True}, "LOCATION"),
        ({"label": "PER", "tokens": ["Veldhoven"], "person": False}, "LOCATION"),  # known place
        ({"label": "ORG", "tokens": ["Qblox"], "person": False, "place": False}, "FIRM"),
        ({"label": "LOC", "tokens": ["Den", "Haag"]}, "LOCATION"),
    ],
)
def test_decide_name_type_with_evidence(kwargs: dict, expected: str) -> None:
    assert classify.decide_name_type(**kwargs) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("staatssecretaris", True),
        ("FNV-bestuurder", True),
        ("woordvoerder", True),
        ("chipfabrikant", False),
        ("ministerie", False),
    ],
)
def test_is_role_word(word: str, expected: bool) -> None:
    assert classify.is_role_word(word) is expected


def test_generic_product_heads_need_a_modifier_or_a_compound() -> None:
    from extractor.entities.products import _product_key

    keys = {"duv-lithografiemachine", "machine", "chip", "nfc-chip", "goederen"}
    assert _product_key("machine", keys, False) == "duv-lithografiemachine"  # refers back
    assert _product_key("goederen", keys, False) is None  # "goederen" alone is no product
    assert _product_key("goederen", keys, True) == "goederen"
    assert _product_key("chip", keys, False) == "chip"  # chips are a product of their own
    assert _product_key("raket", {"raket", "patriot-raket"}, False) == "patriot-raket"
