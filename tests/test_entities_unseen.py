"""Entity rules for what unseen news brings: unnamed governments, lower-case ministries,
places by shape, events and laws, parties, partial person names (issue 4).

Pure decisions are tested with small tables; the component runs on ``spacy.blank("nl")``
(rules, gazetteer and resolution only).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import extractor.entities.component  # noqa: F401  (registers the factory)
from extractor.entities import classify
from extractor.schema import Entity


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("extractor_entities")
    return pipeline


def _types(entities: list[Entity]) -> dict[str, str]:
    return {e.name: e.type for e in entities}


def _mentions(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Noord-Nederland", True),
        ("West-Brabant", True),
        ("Zwijndrecht", True),
        ("Oosterhout", True),
        ("Wevelgem", True),
        ("Vlissingen", True),
        ("Nexperia", False),
        ("Philips", False),
        ("Verhoeven", False),
        ("BioNTech", False),
        ("ASML", False),
        ("Damen", False),
    ],
)
def test_place_name_shape(name: str, expected: bool) -> None:
    assert classify.looks_like_place_name(name) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("vakbeurs", True),
        ("klimaattop", True),
        ("Chipwet", True),
        ("Prinsjesdag", True),
        ("Act", True),
        ("subsidieregeling", True),
        ("handelsakkoord", True),
        ("laptop", False),
        ("contract", False),
        ("ruimtevaartprogramma", False),  # a product line, not a scheme
        ("vandaag", False),
        ("bedrijf", False),
    ],
)
def test_event_and_scheme_words(word: str, expected: bool) -> None:
    assert classify.is_event_word(word) is expected


@pytest.mark.parametrize(
    ("tokens", "before", "label", "expected"),
    [
        (["Eurosatory"], "beurs", "ORG", None),  # an event, no firm
        (["Chipwet"], "de", None, None),
        (["Inflation", "Reduction", "Act"], "de", "MISC", None),
        (["Noord-Nederland"], "voor", "ORG", "LOCATION"),
        (["Oosterwoude"], "en", None, "LOCATION"),
        (["Oosterwoude"], "en", "ORG", "FIRM"),  # NER's ORG outweighs the shape
        (["Zwijndrecht"], "en", "ORG", "LOCATION"),  # a known municipality
        (["Qblox"], "het", None, "FIRM"),
    ],
)
def test_name_type_fallbacks(
    tokens: list[str], before: str, label: str | None, expected: str | None
) -> None:
    got = classify.decide_name_type(label=label, tokens=tokens, before=before)
    assert got == expected


def test_party_descriptor_is_an_institute() -> None:
    assert classify.org_type_from_descriptor("oppositiepartij") == "INSTITUTE"
    assert classify.org_type_from_descriptor("regeringspartij") == "INSTITUTE"
    assert classify.org_type_from_descriptor("partij") is None  # "een partij chips"


def test_unnamed_cabinet_and_government_are_one_institute(nlp: Language) -> None:
    doc = nlp(
        "Het kabinet trekt 200 miljoen euro uit voor een chipfabriek. De regering wil "
        "voorkomen dat Nederland achterop raakt."
    )
    govs = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert len(govs) == 1
    assert _mentions(govs[0]) == ["kabinet", "regering"]


def test_unnamed_cabinet_joins_the_named_cabinet(nlp: Language) -> None:
    doc = nlp("Het kabinet wil investeren. Het kabinet-Schoof trekt er geld voor uit.")
    govs = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert len(govs) == 1
    assert "kabinet" in _mentions(govs[0]) and "kabinet-Schoof" in _mentions(govs[0])


def test_government_refers_back_to_a_named_foreign_government(nlp: Language) -> None:
    doc = nlp("De Britse regering grijpt in. De regering belooft dat de productie blijft.")
    govs = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert len(govs) == 1
    assert govs[0].country == "GB"


def test_lower_case_ministry_keeps_its_head(nlp: Language) -> None:
    doc = nlp("Het ministerie van economische zaken onderhandelt met het bedrijf.")
    ministries = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert len(ministries) == 1
    assert _mentions(ministries[0]) == ["ministerie van economische zaken"]
    doc = nlp("Het ministerie van infrastructuur en waterstaat zwijgt.")
    assert [m for e in doc._.entities for m in _mentions(e)] == [
        "ministerie van infrastructuur en waterstaat"
    ]


def test_descriptor_before_an_acronym_is_no_part_of_it(nlp: Language) -> None:
    doc = nlp("De fabriek komt er. Werkgeversorganisatie VNO-NCW reageert positief.")
    assert "VNO-NCW" in _types(doc._.entities)


def test_tail_of_a_persons_name_is_that_person() -> None:
    # NER as the CoNLL model often gets it: the full name PER, the short form ORG
    pipeline = spacy.blank("nl")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": "Pieter van Dam"},
            {"label": "ORG", "pattern": "Van Dam"},
        ]
    )
    pipeline.add_pipe("extractor_entities")
    doc = pipeline('Het bedrijf is opgericht door Pieter van Dam. "Het gaat goed", zegt Van Dam.')
    persons = [e for e in doc._.entities if e.type == "PERSON"]
    assert len(persons) == 1
    assert _mentions(persons[0]) == ["Pieter van Dam", "Van Dam"]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Eurocommissaris"], None),  # an office after a person's name
        (["Operatie", "Aspides"], None),
        (["Project", "Porthos"], None),
    ],
)
def test_offices_and_schemes_are_no_names(tokens: list[str], expected: str | None) -> None:
    assert classify.decide_name_type(label="ORG", tokens=tokens) == expected


def test_trade_descriptors_and_wider_goods(nlp: Language) -> None:
    doc = nlp("De verkoop van brouwerij Wervelbier van bier en whiskey daalt.")
    types = _types(doc._.entities)
    assert types.get("Wervelbier") == "FIRM"
    assert types.get("bier") == "PRODUCT" and types.get("whiskey") == "PRODUCT"
    assert not classify.is_product_word("inkoper")  # a buyer, not copper goods


def test_apposition_name_without_sentence_adverb(nlp: Language) -> None:
    doc = nlp("Ook Agoria, de federatie van de technologische industrie, is bezorgd.")
    assert "Agoria" in _types(doc._.entities)


def _with_ner(patterns: list[tuple[str, str]]) -> Language:
    pipeline = spacy.blank("nl")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": lab, "pattern": pat} for lab, pat in patterns])  # type: ignore[attr-defined]
    pipeline.add_pipe("extractor_entities")
    return pipeline


def test_person_of_an_organisation_is_split() -> None:
    pipeline = _with_ner([("PER", "Matthias Schmidt van Schmidt Automotive Research")])
    doc = pipeline("Analist Matthias Schmidt van Schmidt Automotive Research verwacht groei.")
    types = _types(doc._.entities)
    assert types.get("Matthias Schmidt") == "PERSON"
    assert types.get("Schmidt Automotive Research") == "FIRM"


def test_model_after_a_determiner_is_the_product() -> None:
    pipeline = _with_ner([("MISC", "Stellantis de T03")])
    doc = pipeline("Leapmotor ontloopt dat doordat Stellantis de T03 in Polen assembleert.")
    assert _types(doc._.entities).get("T03") == "PRODUCT"


def test_office_holders_portfolio_is_no_ministry(nlp: Language) -> None:
    doc = nlp("Minister Dirk Beljaarts van Economische Zaken noemde het goed nieuws.")
    assert "INSTITUTE" not in _types(doc._.entities).values()


def test_branch_of_a_known_organisation_has_its_type() -> None:
    pipeline = _with_ner([("ORG", "FNV Metaal"), ("ORG", "CNV Vakmensen")])
    doc = pipeline("De vakbonden FNV Metaal en CNV Vakmensen spreken van een zwarte dag.")
    types = _types(doc._.entities)
    assert types.get("FNV Metaal") == "INSTITUTE" and types.get("CNV Vakmensen") == "INSTITUTE"


def test_het_rijk_is_the_dutch_state(nlp: Language) -> None:
    doc = nlp("De Nederlandse staat betaalt mee. We volgen de regels van het Rijk.")
    states = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert len(states) == 1 and "Rijk" in _mentions(states[0])


@pytest.mark.parametrize("code", ["CO2", "G7", "Q3", "COVID-19"])
def test_codes_are_no_product_models(code: str) -> None:
    from extractor.entities.mentions import _looks_like_model

    assert not _looks_like_model(code)
    assert _looks_like_model("F-35") and _looks_like_model("H100")


def test_public_services_are_institutes() -> None:
    assert classify.org_type_from_name(["Omgevingsdienst", "Noordzeekanaalgebied"]) == "INSTITUTE"


def test_first_word_of_one_longer_firm_name_is_that_firm() -> None:
    pipeline = _with_ner([("ORG", "Just Eat Takeaway"), ("ORG", "Just")])
    doc = pipeline("Just Eat Takeaway wordt overgenomen. Just groeide vorig jaar niet.")
    firms = [e for e in doc._.entities if e.type == "FIRM"]
    assert len(firms) == 1 and _mentions(firms[0]) == ["Just Eat Takeaway", "Just"]
    # two firms start with it: "Brinkman" could be either
    pipeline = _with_ner(
        [("ORG", "Brinkman Staal"), ("ORG", "Brinkman Beheer"), ("ORG", "Brinkman")]
    )
    doc = pipeline("Brinkman Staal is van Brinkman Beheer. Brinkman zwijgt.")
    assert len(doc._.entities) == 3


def test_means_of_travel_and_region_adjectives_are_no_products(nlp: Language) -> None:
    doc = nlp(
        "De minister reisde met het vliegtuig naar Peking en belde per telefoon. "
        "Hij wil een Europees systeem. Nexperia maakt vliegtuigonderdelen."
    )
    products = {e.name for e in doc._.entities if e.type == "PRODUCT"}
    assert products == {"vliegtuigonderdelen"}


def test_name_introduced_as_a_disease_is_no_firm_anywhere() -> None:
    pipeline = _with_ner([("ORG", "CIDP"), ("ORG", "EV")])
    doc = pipeline("Het middel helpt bij de zenuwziekte CIDP. Met CIDP groeit de markt. EV wint.")
    assert [e.name for e in doc._.entities] == []


def test_glued_word_does_not_retype_the_name() -> None:
    pipeline = _with_ner([("ORG", "Brinkco")])
    doc = pipeline("Brinkco betaalt. Wie een Brinkco-beurs krijgt, studeert gratis.")
    assert _types(doc._.entities).get("Brinkco") == "FIRM"


def test_name_listed_after_a_place_is_a_place() -> None:
    pipeline = _with_ner([("LOC", "Hasselt"), ("LOC", "Beringen"), ("MISC", "Kwadendamme")])
    doc = pipeline("Er wordt gezocht naar personeel in Hasselt, Beringen en Kwadendamme.")
    assert _types(doc._.entities).get("Kwadendamme") == "LOCATION"


@pytest.mark.parametrize(
    ("tokens", "after", "expected"),
    [
        (["Martien", "Visser"], [",", "lector", "energietransitie"], True),
        (["Kees", "Brink"], [",", "de", "topman"], True),
        (["Gerbrand", "Bakker"], ["(", "54", ")"], True),
        (["Brink", "Holding"], [",", "lector", "aan"], False),  # a legal form
        (["Gerbrand", "Bakker"], [",", "het", "bedrijf"], False),
    ],
)
def test_person_by_apposition(tokens: list[str], after: list[str], expected: bool) -> None:
    assert classify.person_evidence(tokens, [], after) is expected


def test_role_words_are_no_surnames() -> None:
    assert classify.is_role_word("huisarts") and classify.is_role_word("lector")
    assert not classify.is_role_word("Bogaarts")


def test_regional_development_agency_is_one_institute() -> None:
    pipeline = _with_ner([("MISC", "Brabantse"), ("ORG", "Ontwikkelings Maatschappij")])
    doc = pipeline("De provincie en de Brabantse Ontwikkelings Maatschappij helpen het bedrijf.")
    assert _types(doc._.entities).get("Brabantse Ontwikkelings Maatschappij") == "INSTITUTE"


@pytest.mark.parametrize("place", ["Taufkirchen", "Seoel", "Saksen", "Le Havre", "Zwijndrecht"])
def test_places_at_home_and_abroad_are_known(place: str) -> None:
    assert place.casefold() in classify.known_places()


@pytest.mark.parametrize("word", ["Blackwell-gpu's", "28nm-procedé", "koolstofvezels", "coatings"])
def test_chip_technology_and_materials_are_goods(word: str) -> None:
    assert classify.is_product_word(word)


def test_government_of_a_named_country(nlp: Language) -> None:
    doc = nlp("Het contract moet worden goedgekeurd door de regering van de Emiraten.")
    govs = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert _mentions(govs[0]) == ["regering van de Emiraten"] and govs[0].country == "AE"


def test_descriptor_before_an_acronym_in_a_longer_name(nlp: Language) -> None:
    doc = nlp("De staking gaat door. Vakbond FNV Havens wil overleg.")
    assert "FNV Havens" in _types(doc._.entities)


def test_heading_words_roads_and_flows_are_no_entities() -> None:
    pipeline = _with_ner([("ORG", "Drones"), ("MISC", "A2")])
    doc = pipeline(
        "De omzet stijgt.\n\nDrones\n\nHet verkeer op de A2 staat vast. De kasstroom groeit."
    )
    assert {e.type for e in doc._.entities} <= {"PRODUCT"}  # "Drones" only as goods
    assert "A2" not in _types(doc._.entities) and "kasstroom" not in _types(doc._.entities)


def test_lone_given_name_takes_the_surname_along() -> None:
    pipeline = _with_ner([("PER", "Katrin")])
    doc = pipeline("De Duitse minister van Economische Zaken Katrin Obermaier sprak.")
    assert _types(doc._.entities).get("Katrin Obermaier") == "PERSON"


def test_unnamed_maker_is_named_by_its_goods(nlp: Language) -> None:
    doc = nlp("Vorig jaar kocht het een belang in een Spaanse producent van coatings.")
    firms = [e for e in doc._.entities if e.type == "FIRM"]
    assert _mentions(firms[0]) == ["Spaanse producent van coatings"]
    assert "coatings" in _types(doc._.entities)  # the goods stay a product


def test_name_glued_to_a_scheme_is_no_organisation() -> None:
    pipeline = _with_ner([("ORG", "Foreign Military")])
    doc = pipeline("De drones komen via het Foreign Military Sales-programma.")
    assert "Foreign Military" not in _types(doc._.entities)


def test_a_countrys_own_body_without_a_name(nlp: Language) -> None:
    doc = nlp("Voor de landmacht komen er 120 drones. De landmacht test ze eerst.")
    bodies = [e for e in doc._.entities if e.type == "INSTITUTE"]
    assert len(bodies) == 1 and _mentions(bodies[0]) == ["landmacht", "landmacht"]


def test_a_byline_verb_ends_an_ner_name() -> None:
    from spacy.tokens import Span

    from extractor.entities.names import _cut_byline, ner_candidates

    blank = spacy.blank("nl")
    doc = blank("Hanmi Semiconductor Geschreven door Anna de Boer\nASML levert machines.")
    assert _cut_byline(doc, 0, 3) == 2
    assert _cut_byline(doc, 4, 7) == 7  # a name without a byline verb stays whole
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    assert [c.text for c in ner_candidates(doc)] == ["Hanmi Semiconductor"]
