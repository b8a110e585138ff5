"""Entities on the lines of scraped news that are no sentences (headline, crossheads,
captions, bylines, "Lees ook" links) and on lower-case brand names (issue 4).

Pure decisions are tested with small tables; the component runs on ``spacy.blank("nl")``
for the gazetteer, and once on the shipped model for a realistic scraped article.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import extractor.entities.component  # noqa: F401  (registers the factory)
from extractor.entities.mentions import is_heading_start, plural_stems


@pytest.fixture(scope="module")
def blank() -> Language:
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("extractor_entities")
    return pipeline


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("havens", "haven"),
        ("deskundigen", "deskundige"),
        ("banen", "baan"),
        ("bedden", "bed"),
        ("huizen", "huis"),
        ("brieven", "brief"),
        ("auto's", "auto"),
        ("terminals", "terminal"),
    ],
)
def test_plural_stems_include_the_singular(word: str, singular: str) -> None:
    assert singular in plural_stems(word)


@pytest.mark.parametrize("word", ["gas", "bus", "asml", "kas"])
def test_short_words_have_no_plural_stem(word: str) -> None:
    assert plural_stems(word) == []


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Nasleep van terugroepactie\n\nPhilips moet betalen.", 0, True),
        ("Philips moet betalen.\n\nBanen in Twente\n\nThales zoekt mensen.", 5, True),
        ("Philips moet betalen. Nasleep is groot.", 0, False),  # a sentence
        ("Philips moet betalen. Nasleep is groot.", 5, False),  # not at a line start
        ("Eén twee drie vier vijf zes zeven acht negen tien elf twaalf dertien\n", 0, False),
    ],
)
def test_heading_start(text: str, index: int, expected: bool) -> None:
    doc = spacy.blank("nl")(text)
    assert is_heading_start(doc[index]) is expected


def test_lower_case_brands_are_names(blank: Language) -> None:
    doc = blank("Nvidia opent een lab bij imec in Leuven. Ook onsemi en argenx groeien.")
    names = {e.name for e in doc._.entities}
    assert {"imec", "onsemi", "argenx"} <= {n.split()[0] for n in names}


def test_lower_case_word_of_an_upper_case_name_is_no_name(blank: Language) -> None:
    # "kabinet" is listed with capitals only: in lower case it is the description
    doc = blank("Het kabinet wil dat de haven open blijft.")
    assert [e.type for e in doc._.entities] == ["INSTITUTE"]


SCRAPED = """Banen in gevaar bij chipbedrijf in Nijmegen

Door Jan de Vries

NIJMEGEN - De chipfabrikant Nexperia schrapt honderden banen in Nijmegen. Dat maakte het \
bedrijf dinsdag bekend. Volgens vakbond FNV gaat het om ruim 300 functies.

Lees ook: Chinese eigenaar van Nexperia onder druk

Onrust op de werkvloer

Medewerkers reageren geschokt. "Niemand had dit zien aankomen", zegt een lid van de \
ondernemingsraad. Nexperia maakt chips voor auto's en levert onder meer aan Bosch.

Nasleep van de overname

Deskundigen zijn verdeeld. Havens en fabrieken in de regio vrezen voor hun omzet. Het \
Nijmeegse bedrijf Prodrive zegt minder orders te verwachten.

Reacties
"""


@pytest.fixture(scope="module")
def shipped() -> Language:
    from extractor.config import Settings
    from extractor.nlp import get_nlp

    return get_nlp(Settings())


def test_scraped_lines_give_no_firms(shipped: Language) -> None:
    doc = shipped(SCRAPED)
    firms = {e.name for e in doc._.entities if e.type in {"FIRM", "INSTITUTE"}}
    assert {"Nexperia", "Bosch", "Prodrive"} <= firms
    assert not firms & {"Banen", "Onrust", "Nasleep", "Deskundigen", "Havens", "Reacties"}
    assert "Lees" not in firms and "Door" not in firms


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Best.", True), ("Rotterdam.", True), ("N.V.", False), ("Inc.", False), ("VS", False)],
)
def test_a_glued_full_stop_ends_a_sentence(word: str, expected: bool) -> None:
    from extractor.entities.names import _ends_sentence

    assert _ends_sentence(word) is expected


def test_sentence_ends_portfolios_and_place_adjectives(shipped: Language) -> None:
    doc = shipped(
        "Minister Marjolein Vos van Onderwijs, Cultuur en Wetenschap wil dat universiteiten "
        "onderzoekers screenen. Philips heeft 300 medewerkers in de fabriek in Best. Het "
        "Nederlandse Rode Kruis is een grote klant. Het Luikse John Cockerill levert "
        "geschutskoepels aan KNDS."
    )
    names = {e.name: e.type for e in doc._.entities}
    assert names.get("Best") == "LOCATION"
    assert names.get("John Cockerill") == "FIRM"
    assert not {"Cultuur", "Wetenschap", "Luikse", "Best. Het"} & set(names)
    assert not any(n.startswith("Marjolein Vos van") for n in names)


@pytest.mark.parametrize(
    ("adjective", "expected"),
    [("eerste", True), ("tweede", True), ("complete", True), ("mechatronische", False)],
)
def test_ordinals_and_completeness_are_no_kind_of_goods(adjective: str, expected: bool) -> None:
    from extractor.entities.classify import is_evaluative

    assert is_evaluative(adjective) is expected


def test_plural_of_a_model_name_is_that_product(shipped: Language) -> None:
    doc = shipped(
        "De marine koopt nieuwe Harpoon-raketten bij Boeing. De eerste Harpoons komen in "
        "2027. Veldtech levert onderdelen voor HBM-geheugen. De vraag naar HBM groeit snel."
    )
    by_mention = {m.text: e.type for e in doc._.entities for m in e.mentions}
    assert by_mention.get("Harpoons") == "PRODUCT"
    assert by_mention.get("HBM") in {"PRODUCT", None}
    assert "eerste Harpoons" not in by_mention


def test_dateline_capitals_give_way_to_the_normal_spelling(shipped: Language) -> None:
    doc = shipped(
        "VELDHOVEN - ASML verkoopt meer machines aan China. Het bedrijf uit Veldhoven "
        "verwacht dat ASML ook volgend jaar groeit."
    )
    names = {e.name for e in doc._.entities}
    assert "Veldhoven" in names and "VELDHOVEN" not in names
    assert "ASML" in names


def test_a_subsidiary_with_its_own_name_is_its_own_entity(blank: Language) -> None:
    doc = blank(
        "VDL ETG, onderdeel van het Eindhovense familiebedrijf VDL Groep, bouwt modules. "
        "Raytheon, onderdeel van RTX, bouwt het Patriot-systeem."
    )
    names = {e.name for e in doc._.entities if e.type == "FIRM"}
    assert {"VDL ETG", "VDL Groep", "Raytheon"} <= names
    assert any(n.startswith("RTX") for n in names)


@pytest.mark.parametrize("word", ["goederen", "apparaten", "technologie", "toestellen"])
def test_bare_generic_goods_are_no_product_line(word: str) -> None:
    from extractor.entities import classify

    assert classify.head_key(word) in classify.GENERIC_PRODUCT_HEADS


def test_modified_generic_goods_are_a_product_line(shipped: Language) -> None:
    doc = shipped(
        "Het bedrijf exporteerde vergunningsplichtige goederen naar Rusland. De goederen "
        "gingen via Turkije. Ook Amerikaanse technologie kwam erbij."
    )
    products = [m.text for e in doc._.entities if e.type == "PRODUCT" for m in e.mentions]
    assert "vergunningsplichtige goederen" in products
    assert "technologie" not in products


def test_an_ner_span_tiled_by_known_names_is_those_names() -> None:
    from extractor.entities.component import _drop_joined_names
    from extractor.entities.mentions import Candidate

    def cand(start: int, end: int, source: str) -> Candidate:
        return Candidate(start, end, start * 5, end * 5, "x", "name", source)  # type: ignore[arg-type]

    joined = cand(2, 6, "ner")
    kept = _drop_joined_names([cand(2, 5, "gazetteer"), joined, cand(5, 6, "gazetteer")])
    assert joined not in kept and len(kept) == 2
    longer = cand(2, 7, "ner")  # a word beyond the known names: the model's span stays
    assert longer in _drop_joined_names([cand(2, 5, "gazetteer"), longer, cand(5, 6, "gazetteer")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de nieuwe Mate 70, zegt Huawei", 4),  # "Mate 70"
        ("schrapt Philips 150 banen", 2),  # a count of the noun after it
        ("omzet van ASML 2024 was hoog", 3),  # a year is no model number
    ],
)
def test_model_number_after_a_one_word_name(text: str, expected: int) -> None:
    from extractor.entities.names import _extend_model_number

    doc = spacy.blank("nl")(text)
    start = next(t.i for t in doc if t.text[:1].isupper())
    assert _extend_model_number(doc, start, start + 1, "ORG", has_pos=False) == expected


def test_name_coordinated_with_a_product_is_a_product(shipped: Language) -> None:
    doc = shipped("In Nederland verkoopt BYD onder meer de Atto 3 en de Seal.")
    types = {m.text: e.type for e in doc._.entities for m in e.mentions}
    assert types.get("Atto 3") == "PRODUCT"
    assert types.get("Seal") == "PRODUCT"


def test_maker_and_type_number_name_a_model(shipped: Language) -> None:
    doc = shipped(
        "De nieuwe toestellen zijn zuiniger dan de Boeing 777's die ze vervangen. "
        "Boeing schrapt 150 banen. Ook schrapt Philips 150 banen in Best."
    )
    types = {m.text: e.type for e in doc._.entities for m in e.mentions}
    assert types.get("Boeing 777's") == "PRODUCT"
    assert types.get("Boeing") == "FIRM" and types.get("Philips") == "FIRM"
    assert "Philips 150" not in types


def test_compound_descriptor_before_a_name_is_no_part_of_it(shipped: Language) -> None:
    doc = shipped(
        "De Rijksuniversiteit Groningen werkt samen met Havenbedrijf Rotterdam. "
        "Milieuorganisatie Greenpeace protesteert."
    )
    names = {e.name for e in doc._.entities}
    assert "Greenpeace" in names and "Milieuorganisatie Greenpeace" not in names
    assert {"Rijksuniversiteit Groningen", "Havenbedrijf Rotterdam"} <= names


def test_given_names_in_credits_and_on_se_are_persons(shipped: Language) -> None:
    doc = shipped(
        "Nexperia schrapt banen.\n\nBeeld: Rob Engelaar/ANP\n\nDe vakbond is boos, zegt "
        "woordvoerder Ilse Janssen."
    )
    types = {e.name: e.type for e in doc._.entities}
    assert types.get("Rob Engelaar") == "PERSON" and "Rob" not in types
    assert types.get("Ilse Janssen") == "PERSON" and "Janssen" not in types


def test_person_of_an_acronym_organisation(shipped: Language) -> None:
    doc = shipped('"Dit is een goede deal", zegt havenanalist Erik Schouten van ING.')
    types = {e.name: e.type for e in doc._.entities}
    assert types.get("ING") == "FIRM"
    assert not any(n.endswith("van ING") for n in types)


def test_topic_lists_give_no_mentions(blank: Language) -> None:
    doc = blank(
        "ASML levert chipmachines aan China.\n\nLees meer over: chips, export, ASML, China\n"
    )
    foot = doc.text.index("Lees meer over")
    assert all(m.start < foot for e in doc._.entities for m in e.mentions)
    assert {"ASML", "China"} <= {e.name for e in doc._.entities}


def test_share_buttons_and_desk_bylines_give_no_firms(shipped: Language) -> None:
    doc = shipped(
        "ASML ziet orders uit China dalen\n\nRedactie Economie 12 februari 2025, 07:32\n\n"
        "Deel dit artikel\nWhatsApp\nFacebook\nLinkedIn\n\nASML haalde minder orders binnen. "
        "Meta, het moederbedrijf van Facebook, koopt er geen machines."
    )
    mentions = {m.text for e in doc._.entities for m in e.mentions}
    assert "Economie" not in mentions and "WhatsApp" not in mentions
    assert "LinkedIn" not in mentions
    assert "Facebook" in mentions  # named in a sentence it is a name


def test_rubric_labels_and_timestamps_give_no_names(shipped: Language) -> None:
    doc = shipped(
        'VIDEO | Umicore schrapt 400 banen in Hoboken: "Klap voor de regio"\n\n'
        "Vandaag, 14:05 • Bijgewerkt vandaag, 16:20\n\nUmicore schrapt wereldwijd 700 banen."
    )
    names = {e.name for e in doc._.entities}
    assert "Umicore" in names
    assert not {"VIDEO", "Bijgewerkt"} & names


def test_section_paths_give_no_mentions_and_a_separator_ends_a_name(shipped: Language) -> None:
    doc = shipped(
        "Kamer wil opheldering over drones\n\nTweede Kamer | Defensie\n\n"
        "DEN HAAG - De Tweede Kamer wil dat het kabinet opheldering geeft over de levering van "
        "drones door Lockheed Martin.\n\nEconomie · Lockheed Martin · Israël\n"
    )
    path = doc.text.index("Tweede Kamer | Defensie")
    foot = doc.text.index("Economie ·")
    mentions = [m for e in doc._.entities for m in e.mentions]
    assert not any(path <= m.start < path + 23 or m.start >= foot for m in mentions)
    assert not any("|" in e.name or "·" in e.name for e in doc._.entities)
    names = {e.name for e in doc._.entities}
    assert {"Tweede Kamer", "Lockheed Martin"} <= names
    assert "Defensie" not in names


@pytest.mark.parametrize(
    "line",
    ["Tweakers · Nieuws · 14 reacties", "Economie › Bedrijven", "NOS Nieuws | 3 min leestijd"],
)
def test_section_paths_with_page_counters(blank: Language, line: str) -> None:
    from extractor.entities.component import _breadcrumb_tokens, _lines

    doc = blank(line + "\n\nSamsung brengt een nieuwe telefoon uit.\n")
    found = _breadcrumb_tokens(doc, _lines(doc))
    assert found and max(found) < len(blank(line))  # the path line, not the sentence


@pytest.mark.parametrize(
    "line",
    [
        "VIDEO | Umicore schrapt 400 banen in Hoboken",  # a rubric before a headline
        "ASML levert machines | Nexperia verkoopt fabriek",  # two headlines
    ],
)
def test_a_line_with_a_long_part_is_no_section_path(blank: Language, line: str) -> None:
    from extractor.entities.component import _breadcrumb_tokens, _lines

    doc = blank(line + "\n")
    assert not _breadcrumb_tokens(doc, _lines(doc))


@pytest.mark.parametrize(
    ("footer", "dropped"),
    [
        ("Copyright © 2025 De Tijd. Alle rechten voorbehouden.", True),
        ("© 2025 Mediahuis", True),
        ("Alle rechten voorbehouden, De Tijd", True),
        ("© Belga", False),  # a photo credit names the agency, like "Foto: ANP"
    ],
)
def test_copyright_lines_give_no_mentions(blank: Language, footer: str, dropped: bool) -> None:
    from extractor.entities.component import _copyright_tokens, _lines

    doc = blank("Proximus en Telenet delen hun netwerk.\n\n" + footer + "\n")
    found = _copyright_tokens(doc, _lines(doc))
    assert bool(found) is dropped
    assert all(doc[k].idx >= doc.text.index(footer) for k in found)  # the article stays
