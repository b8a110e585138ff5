"""Extraction of every shipped sample page: title, date, key sentences, no boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.article import Article, extract_article
from extractor.errors import ConsentWallError, NoTextError, PaywalledError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Text that sits on the pages but outside the article: navigation, cookie banners, related
# links, comments, footers. None of it may reach the article text.
BOILERPLATE_EVERYWHERE = ["Alle rechten voorbehouden", "Privacyverklaring", "Accepteren"]

CASES = [
    # file, title, published, sentences that must be in the text, strings that must not
    (
        "nl-01-asml-exportregels.html",
        "Kabinet scherpt exportregels voor chipmachines van ASML opnieuw aan",
        "2025-03-14",
        [
            "Vanaf 1 april heeft ASML ook voor een deel van zijn oudere duv-lithografiemachines",
            "Het Chinese ministerie van Handel reageerde fel.",
            '"De markt had dit al grotendeels ingeprijsd," zegt analist Jeroen Smits.',
        ],
        [
            "gebruikt cookies",
            "Brainport zoekt tienduizend technici",
            "Deel dit artikel",
            "Foto: ANP",
        ],
    ),
    (
        "nl-02-nexperia-nijmegen.html",
        "Nexperia bekijkt verkoop van chipfabriek in Nijmegen",
        "2025-06-03",
        [
            "Het voorheen Nederlandse Nexperia was tot 2017 een onderdeel van NXP Semiconductors.",
            "Sinds december 2024 staat Wingtech op de Amerikaanse Entity List.",
        ],
        ["AEX 912,44", "Meest gelezen", "Ochtendbrief", "KvK 12345678", "Advertentie"],
    ),
    (
        "nl-03-f35-bestelling.html",
        "Defensie bestelt zes extra F-35-toestellen bij Lockheed Martin",
        "2025-09-18",
        [
            "Fokker Technologies, dat sinds 2015 onderdeel is van het Britse GKN Aerospace",
            "Eerder dit jaar bestelde Defensie ook extra Patriot-luchtverdedigingssystemen",
        ],
        ["wordt geladen", "JavaScript"],
    ),
    (
        "nl-04-zeebrugge-lng.html",
        "Zeebrugge stopt met overslag van Russisch lng na nieuwe Europese sancties",
        "2025-05-22",
        [
            "Netbeheerder Fluxys moet een langlopend contract met het Russische Yamal LNG "
            "afbouwen.",
            "een joint venture van het Russische gasbedrijf Novatek, het Franse TotalEnergies",
            "De sancties treffen ook andere havens.",
        ],
        ["Antwerpen 14", "Naar de inhoud", "Recordaantal containers", "Uitgeverij Noordzee"],
    ),
    (
        "nl-05-tu-eindhoven-china.html",
        "TU Eindhoven stopt samenwerking met Chinese defensie-universiteit",
        "2025-02-11",
        [
            "De Technische Universiteit Eindhoven beëindigt een promotieprogramma met de National "
            "University of Defense Technology (NUDT) in Changsha.",
            "De Universiteit Twente stopte vorig jaar met een gezamenlijk laboratorium met het "
            "Harbin Institute of Technology",
        ],
        [
            "Eindelijk. Dit had tien jaar",
            "Geef een reactie",
            "Over de auteur",
            "Tekort aan studentenkamers",
        ],
    ),
    (
        "nl-06-fiod-rusland-export.html",
        "FIOD houdt directeur Tilburgs bedrijf aan om export van drone-onderdelen naar Rusland",
        "2025-11-04",
        [
            "De FIOD heeft dinsdag de 52-jarige directeur van het Tilburgse bedrijf Delta "
            "Precision "
            "Components aangehouden.",
            "het Amerikaanse Texas Instruments en het Frans-Italiaanse STMicroelectronics",
        ],
        ["functionele en analytische cookies", "Oekraïne meldt grootste droneaanval", "tips@ndn"],
    ),
    (
        "nl-07-besi-overname.html",
        "Applied Materials wil Besi volledig overnemen voor 9 miljard euro",
        "2025-07-08",
        [
            "Het bedrijf uit Santa Clara biedt 115 euro per aandeel in contanten",
            "de Chinese toezichthouder SAMR blokkeerde in 2023 nog de overname van de Israëlische "
            "chipmaker Tower Semiconductor door Intel.",
        ],
        [
            "Weer een kroonjuweel weg",
            "Schrijf je in voor onze dagelijkse nieuwsbrief",
            "Adverteren",
        ],
    ),
    (
        "nl-08-drones-defensie.html",
        "Veghelse dronebouwer DeltaQuad levert honderden verkenningsdrones aan Defensie",
        "2025-04-29",
        [
            "Naast DeltaQuad krijgt ook het Israëlische Elbit Systems een order",
            "Dat systeem wordt gebouwd door Thales Nederland in Hengelo.",
        ],
        ["Kijk live", "Ongeluk op de A2", "externe dienst", "Tip de redactie"],
    ),
    (
        "nl-09-nxp-dresden.html",
        "NXP vergroot belang in Europese chipfabriek van TSMC in Dresden",
        "2025-10-06",
        [
            "ESMC is een joint venture van TSMC, dat 70 procent van de aandelen houdt",
            "Het aandeel NXP steeg op de Nasdaq in New York met 2 procent.",
        ],
        ["Puzzels", "Postbus 1000", "TSMC opent tweede fabriek in Arizona"],
    ),
    (
        "nl-10-windturbines-mingyang.html",
        "Chinese windturbinebouwer Mingyang wil fabriek in Eemshaven",
        "2025-10-22",
        [
            "Het Chinese Mingyang Smart Energy onderzoekt de bouw van een fabriek voor "
            "windturbines "
            "in de Eemshaven.",
            "Het Deense Vestas en het Duits-Spaanse Siemens Gamesa",
        ],
        ["Voorpagina", "Groningen: 9 graden", "Niets uit deze uitgave", "| "],
    ),
    (
        "en-01-dutch-chip-exports.html",
        "Dutch chip equipment exports to China slump as new licence rules bite",
        "2025-08-12",
        ["Statistics Netherlands (CBS) said shipments of lithography systems to China"],
        ["Most read", "Oil prices rise", "Terms of use"],
    ),
    (
        "de-01-infineon-dresden.html",
        "Infineon eröffnet neues Werk in Dresden",
        "2025-07-02",
        ["Dresden hat sich in den vergangenen Jahren zum größten Halbleiterstandort Europas"],
        ["Startseite", "Impressum", "Von Katrin Vogel"],
    ),
]


def _extract(name: str) -> Article:
    return extract_article((SAMPLES / name).read_text(encoding="utf-8"), url=None, media="html")


@pytest.mark.parametrize(("name", "title", "published", "present", "absent"), CASES)
def test_sample_extraction(
    name: str, title: str, published: str, present: list[str], absent: list[str]
) -> None:
    article = _extract(name)
    assert article.title == title
    assert article.published == published
    for sentence in present:
        assert sentence in article.text, sentence
    for junk in absent + BOILERPLATE_EVERYWHERE:
        assert junk not in article.text, junk
    # the headline is metadata, not the first paragraph
    assert not article.text.startswith(title)
    # paragraphs are kept: a blank line between them
    assert article.text.count("\n\n") >= 4


def test_every_listed_sample_has_a_case() -> None:
    listed = [
        line.strip()
        for line in (SAMPLES / "urls.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    covered = {case[0] for case in CASES} | {"nl-11-huawei-5g.txt"}
    assert set(listed) == covered
    assert len([n for n in listed if n.startswith("nl-")]) >= 10


def test_metadata_from_json_ld_meta_tags_and_microdata() -> None:
    jsonld = _extract("nl-03-f35-bestelling.html")
    assert jsonld.authors == ["Sanne Bakker", "Youssef El Amrani"]
    assert jsonld.site_name == "Nieuwsplein"
    assert jsonld.canonical_url == (
        "https://nieuwsplein.example/artikel/8812345/defensie-bestelt-zes-extra-f-35-toestellen"
    )
    assert jsonld.method == "jsonld"
    meta_only = _extract("nl-02-nexperia-nijmegen.html")
    assert meta_only.authors == ["Pieter Rombouts"]
    assert meta_only.site_name == "Beursbode"
    assert meta_only.description is not None and "Wingtech" in meta_only.description
    assert meta_only.canonical_url is not None and meta_only.canonical_url.endswith(
        "nexperia-bekijkt-verkoop-chipfabriek-nijmegen"
    )
    assert meta_only.method == "html"


def test_canonical_url_falls_back_to_the_given_url() -> None:
    html = (SAMPLES / "nl-07-besi-overname.html").read_text(encoding="utf-8")
    article = extract_article(html, url="https://techwereld.example/besi")
    assert article.canonical_url == "https://techwereld.example/besi"


def test_consent_wall_sample() -> None:
    with pytest.raises(ConsentWallError) as info:
        _extract("faults/consent-wall.html")
    assert info.value.code == "consent_wall"


def test_paywall_sample() -> None:
    with pytest.raises(PaywalledError) as info:
        _extract("faults/paywall.html")
    assert info.value.code == "paywalled"
    # the visible teaser travels with the error, for the record
    teaser = info.value.teaser  # type: ignore[attr-defined]
    assert (
        teaser.title == "Chipmachinemakers vrezen nieuwe Amerikaanse regels voor onderhoud in China"
    )
    assert teaser.published == "2025-09-02"
    assert teaser.text.startswith("Nederlandse chipmachinemakers houden hun hart vast")
    assert "Word abonnee" not in teaser.text


def test_cookie_banner_on_an_article_is_not_a_wall() -> None:
    # nl-01 carries a cookie banner and nl-08 a video consent button: both are articles
    assert "ASML" in _extract("nl-01-asml-exportregels.html").text
    assert "DeltaQuad" in _extract("nl-08-drones-defensie.html").text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>Leeg</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/nieuws'>Nieuws</a></nav></body></html>",
    ],
)
def test_empty_pages_have_no_text(html: str) -> None:
    with pytest.raises(NoTextError):
        extract_article(html, media="html")
