"""Pure decisions of the article stage, tested with small tables."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from lxml.html import fromstring, tostring

from extractor.article import extract_article
from extractor.article.dates import normalise_date
from extractor.article.jsonld import (
    JsonLdArticle,
    any_paywall_flag,
    choose_blocks,
    find_article,
    jsonld_blocks,
)
from extractor.article.main_text import (
    drop_leading_metadata,
    drop_promo_blocks,
    drop_trailing_link_list,
    is_promo,
    unwrap_layout_tables,
)
from extractor.article.metadata import (
    MetaTags,
    merge_metadata,
    read_meta_tags,
    split_authors,
    strip_site_suffix,
)
from extractor.article.plain import looks_like_html, plain_title
from extractor.article.split_body import recover_split_body
from extractor.article.walls import (
    Wall,
    WallSignals,
    classify_wall,
    cut_paywall_prompt,
    is_consent_text,
)
from extractor.errors import ConsentWallError, NoTextError, PaywalledError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-14T09:12:00+01:00", "2025-03-14"),
        ("2025-03-14T23:30:00-05:00", "2025-03-14"),  # the publisher's date, not UTC's
        ("2025-11-04", "2025-11-04"),
        ("20251104", "2025-11-04"),
        ("Gepubliceerd: 22-10-2025 14:05", "2025-10-22"),
        ("14.03.2025", "2025-03-14"),
        ("donderdag 22 mei 2025", "2025-05-22"),
        ("8 juli 2025, 08:15", "2025-07-08"),
        ("2. Juli 2025", "2025-07-02"),
        ("1er mars 2025", "2025-03-01"),
        ("12 okt. 2024", "2024-10-12"),
        ("August 12, 2025", "2025-08-12"),
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22"),
        ("3 de marzo de 2024", "2024-03-03"),
        ("31-02-2025", None),  # no such day
        ("03/04/2025", "2025-04-03"),  # day first
        ("11/19/2019", "2019-11-19"),  # month first where day first is impossible
        ("vandaag", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(raw: str | None, expected: str | None) -> None:
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "ASML mag minder leveren aan China\n\nHet kabinet ...",
            "ASML mag minder leveren aan China",
        ),
        ("\ufeffKop zonder punt\nTekst.", "Kop zonder punt"),
        ("\n\n  Kop na witregels  \n\nTekst.", "Kop na witregels"),
        ("Wat betekent dit voor ASML?\n\nTekst.", "Wat betekent dit voor ASML?"),
        ("ASML verkocht vorig jaar een onderdeel aan CETC.\n\nMeer tekst.", None),  # a sentence
        ("Alleen een kop zonder verdere tekst", None),
        ("Zo begint een opsomming:\n- een\n- twee", None),
        (" ".join(["woord"] * 30) + "\n\nTekst.", None),  # too long for a headline
        ("", None),
    ],
)
def test_plain_title_rule(text: str, title: str | None) -> None:
    assert plain_title(text) == title


def test_plain_text_is_kept_intact() -> None:
    text = "Kop\n\nEerste alinea.\r\nTweede  regel.\n"
    article = extract_article("\ufeff" + text, media="text")
    assert article.text == text  # title line included: offsets are offsets into the file
    assert article.title == "Kop"
    assert article.method == "text"
    # without media, or served as HTML without a single tag, plain text is recognised
    assert extract_article(text).text == text
    assert extract_article(text, media="html").method == "text"
    with pytest.raises(NoTextError):
        extract_article("  \n ", media="text")


@pytest.mark.parametrize(
    ("content", "html"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("<div class='a'>tekst</div>", True),
        ("Koers < 100 euro en > 90 euro", False),
        ("Kop\n\nTekst over <b>vet</b>.", False),
    ],
)
def test_looks_like_html(content: str, html: bool) -> None:
    assert looks_like_html(content) is html


CONSENT = (
    "Wij en onze partners gebruiken cookies en vergelijkbare technieken. Met jouw toestemming "
    "verwerken wij persoonsgegevens voor gepersonaliseerde advertenties. Akkoord. "
    "Instellingen beheren. Privacyverklaring. Cookiebeleid."
)
BRIEF = (
    "De Autoriteit Consument en Markt heeft webwinkels beboet die cookies plaatsten zonder "
    "toestemming van bezoekers. Volgens de toezichthouder gaat het om twaalf bedrijven, die "
    "samen ruim 1,2 miljoen euro moeten betalen. Twee van hen gaan in beroep bij de rechter. "
    "De ACM kondigt aan dat zij dit jaar vaker zal controleren of websites zich aan de regels "
    "houden, en roept consumenten op om overtredingen te melden via het meldpunt."
)
ARTICLE_WORDS = " ".join(["ASML levert machines aan klanten in Azië."] * 40)  # 280 words


@pytest.mark.parametrize(
    ("text", "signals", "wall"),
    [
        (CONSENT, WallSignals(), Wall.CONSENT),  # the extracted "article" is the dialog
        ("", WallSignals(page_text=CONSENT), Wall.CONSENT),  # nothing extracted, page is a dialog
        ("", WallSignals(consent_markup=True), Wall.CONSENT),
        # a minimal wall: two terms, densely
        (
            "Deze website gebruikt cookies. Accepteer cookies om verder te gaan.",
            WallSignals(),
            Wall.CONSENT,
        ),
        ("Home Nieuws Sport", WallSignals(page_text="Home Nieuws Sport. " + CONSENT), Wall.CONSENT),
        # a one-sentence teaser on a site with cookie links in the footer is a paywall
        (
            "Nederlandse chipmachinemakers houden hun hart vast.",
            WallSignals(paywall_phrase=True, page_text="Cookiebeleid Privacyverklaring"),
            Wall.PAYWALL,
        ),
        # an empty page with only footer links about cookies is no wall
        ("", WallSignals(page_text="Home Cookiebeleid Privacyverklaring Contact"), Wall.NONE),
        # a short brief on a page with a banner is an article
        (BRIEF, WallSignals(consent_markup=True, page_text=BRIEF + " " + CONSENT), Wall.NONE),
        ("Korte tekst.", WallSignals(paywall_phrase=True), Wall.PAYWALL),
        ("Korte tekst.", WallSignals(not_free_flag=True), Wall.PAYWALL),
        ("Korte tekst.", WallSignals(), Wall.NONE),  # short, but no sign of a wall
        ("Korte tekst.", WallSignals(paywall_markup=True), Wall.NONE),  # a login widget only
        # a full article with a cookie banner and a subscription box is an article
        (ARTICLE_WORDS, WallSignals(consent_markup=True, page_text=CONSENT), Wall.NONE),
        (ARTICLE_WORDS, WallSignals(paywall_phrase=True, not_free_flag=True), Wall.NONE),
        (
            " ".join(["Een teaser van het stuk."] * 40),  # 200 words, flagged and boxed
            WallSignals(paywall_markup=True, not_free_flag=True),
            Wall.PAYWALL,
        ),
    ],
)
def test_classify_wall(text: str, signals: WallSignals, wall: Wall) -> None:
    assert classify_wall(text, signals) is wall


@pytest.mark.parametrize(
    "prompt",
    [
        "Dit artikel is alleen beschikbaar voor abonnees.",
        "Dit is een Plus-artikel. Lees verder met een abonnement.",
        "Ben je al abonnee? Log in.",
        "Dit artikel is exclusief voor abonnees van het FD.",
        "Subscribe to continue reading.",
        "Dieser Artikel ist nur für Abonnenten.",
    ],
)
def test_paywall_prompts_are_recognised(prompt: str) -> None:
    html = (
        "<html><body><article><h1>Kop</h1><p>Eerste zin van het stuk over ASML en China, "
        f"die iedereen mag lezen.</p><div class='box'><p>{prompt}</p></div></article></body></html>"
    )
    with pytest.raises(PaywalledError):
        extract_article(html, media="html")


def test_cut_paywall_prompt() -> None:
    blocks = ["De lead van het stuk.", "Lees verder met Krant Plus", "Word abonnee", "Log in"]
    assert cut_paywall_prompt(blocks) == ["De lead van het stuk."]
    assert cut_paywall_prompt(["Word abonnee"]) == ["Word abonnee"]  # never emptied
    assert cut_paywall_prompt(["Een.", "Twee."]) == ["Een.", "Twee."]


def test_consent_text_needs_several_terms_and_density() -> None:
    assert is_consent_text(CONSENT)
    assert not is_consent_text("De Europese Commissie wil strengere regels voor cookies.")
    long_article = ARTICLE_WORDS + " " + CONSENT
    assert not is_consent_text(long_article * 3)


def test_consent_wall_when_nothing_but_a_cmp_dialog() -> None:
    html = (
        "<html><body><div id='cmp-root' class='consent-wall'><h1>Toestemming</h1>"
        f"<p>{CONSENT}</p><button>Akkoord</button></div></body></html>"
    )
    with pytest.raises(ConsentWallError):
        extract_article(html, media="html")


JSONLD_PAGE = """<html><head>
<script type="application/ld+json">[{"@type":"BreadcrumbList"},
 {"@context":"https://schema.org","@graph":[{"@type":["NewsArticle"],"headline":" Kop ",
  "datePublished":"2025-01-02T10:00:00+01:00","author":[{"@type":"Person","name":"A. Auteur"},
  "B. Tweede"],"publisher":{"name":"Krant"},"isAccessibleForFree":"False",
  "mainEntityOfPage":{"@id":"https://krant.example/a"},
  "articleBody":"Eerste alinea.\\n\\nTweede alinea."}]}]</script>
<script type="application/ld+json">{ broken json</script>
</head><body></body></html>"""


def test_find_article_in_json_ld() -> None:
    soup = BeautifulSoup(JSONLD_PAGE, "lxml")
    article = find_article(soup)
    assert article == JsonLdArticle(
        type="NewsArticle",
        headline="Kop",
        date_published="2025-01-02T10:00:00+01:00",
        authors=["A. Auteur", "B. Tweede"],
        publisher="Krant",
        url="https://krant.example/a",
        body="Eerste alinea.\n\nTweede alinea.",
        accessible_for_free=False,
    )
    assert any_paywall_flag(soup)
    assert find_article(BeautifulSoup("<html><body><p>x</p></body></html>", "lxml")) is None


def test_jsonld_blocks_and_choice() -> None:
    assert jsonld_blocks("Een.\n\nTwee.\nDrie.") == ["Een.", "Twee.", "Drie."]
    assert jsonld_blocks("<p>Een <b>vet</b>.</p><p>Twee.</p>") == ["Een vet.", "Twee."]
    body = "\n\n".join(["Dit is een alinea met precies tien woorden erin, echt waar."] * 8)
    jsonld = JsonLdArticle(type="NewsArticle", body=body)
    assert choose_blocks(["Alleen de lead."], jsonld)[1] == "jsonld"  # HTML has only the lead
    full = jsonld_blocks(body)
    assert choose_blocks(full, jsonld) == (full, "html")
    assert choose_blocks([" ".join(full)], jsonld) == (full, "jsonld")  # same text, paragraphs back
    assert choose_blocks(["Tekst."], JsonLdArticle(type="Article", body="Te kort.")) == (
        ["Tekst."],
        "html",
    )


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Door Marieke van Dongen", ["Marieke van Dongen"]),
        ("Sanne Bakker en Youssef El Amrani", ["Sanne Bakker", "Youssef El Amrani"]),
        ("By Emily Carter; John Smith", ["Emily Carter", "John Smith"]),
        ("Von Katrin Vogel | 2. Juli 2025", ["Katrin Vogel"]),
        ("https://example.org/auteur/x", []),
        (None, []),
    ],
)
def test_split_authors(raw: str | None, names: list[str]) -> None:
    assert split_authors(raw) == names


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Kop van het stuk | Dagblad Zuid", "Dagblad Zuid", "Kop van het stuk"),
        ("Noordelijk Nieuwsblad - Kop van het stuk", "Noordelijk Nieuwsblad", "Kop van het stuk"),
        ("Een lange kop over chips en China - NOS", None, "Een lange kop over chips en China"),
        ("Kop zonder site", None, "Kop zonder site"),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


def test_read_meta_tags() -> None:
    soup = BeautifulSoup(
        "<html><head><title> Kop | Site </title><meta property='og:title' content=' Kop  '>"
        "<meta name='Author' content='X'><link rel='canonical' href='https://s.example/k'>"
        "</head><body><time datetime='2025-01-01'>1 jan</time><h1>De kop</h1></body></html>",
        "lxml",
    )
    meta = read_meta_tags(soup)
    assert meta.first(("og:title",)) == "Kop"
    assert meta.first(("author",)) == "X"
    assert meta.canonical == "https://s.example/k"
    assert meta.html_title == "Kop | Site"
    assert meta.time_datetime == "2025-01-01"
    assert meta.headings == ("De kop",)


LONG_FIRST = (
    "Een lange eerste alinea met ruim vijftien woorden die echt bij het artikel hoort en niet "
    "bij de kop."
)


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        (["Rubriek", "De kop", "Tekst van het stuk."], ["Tekst van het stuk."]),
        (["De kop", "Door Jan Jansen", "Tekst."], ["Tekst."]),
        (["Jan Jansen | 2 mei 2025", "Tekst."], ["Tekst."]),
        (["14 maart 2025, 09:12", "Tekst."], ["Tekst."]),
        # a long paragraph before a "headline" repeat: leave it alone
        (
            [
                LONG_FIRST,
                "De kop",
                "Tekst.",
            ],
            [
                LONG_FIRST,
                "De kop",
                "Tekst.",
            ],
        ),
        (["Tussenkop", "Tekst."], ["Tussenkop", "Tekst."]),  # a heading that is no metadata
        (["De kop"], ["De kop"]),  # never empty the text
    ],
)
def test_drop_leading_metadata(blocks: list[str], kept: list[str]) -> None:
    assert drop_leading_metadata(blocks, "De kop", ["Jan Jansen"]) == kept


def test_unwrap_layout_tables_keeps_data_tables() -> None:
    tree = fromstring(
        "<html><body><table><tr><td><a href='/'>Home</a></td><td><h2>Kop</h2><p>Tekst.</p>"
        "<table><tr><th>Jaar</th><td>2024</td></tr></table></td></tr></table></body></html>"
    )
    html = tostring(unwrap_layout_tables(tree), encoding="unicode")
    assert html.count("<table") == 1  # the data table inside stays
    assert "<th>Jaar</th>" in html
    data_only = fromstring("<html><body><table><tr><td>1</td><td>2</td></tr></table></body></html>")
    assert "<table" in tostring(unwrap_layout_tables(data_only), encoding="unicode")


SPLIT_PAGE = """<html><body><main>
<div class="grid"><div class="article__body"><p>{a}</p><p>{b}</p></div></div>
<div class="ad-rail"><p>Advertentie: koop nu een nieuwe auto bij de dealer in de buurt.</p></div>
<div class="grid"><div class="article__body"><p>{c}</p><div class="related">
<p>Lees ook: een ander stuk over iets heel anders dan dit artikel.</p></div><p>{d}</p></div></div>
</main></body></html>"""
PARTS = {
    key: f"Dit is alinea {key} van het gesplitste artikel, met genoeg woorden om mee te tellen."
    for key in "abcd"
}


def test_recover_split_body_joins_same_class_containers() -> None:
    tree = fromstring(SPLIT_PAGE.format(**PARTS))
    first_part = [PARTS["a"], PARTS["b"]]
    assert recover_split_body(tree, first_part) == [PARTS[k] for k in "abcd"]
    # extracted text that the containers do not hold is left alone
    other = ["Een heel andere tekst die nergens in deze containers staat, echt nergens."]
    assert recover_split_body(tree, other) == other
    # one container only: nothing to join
    single = fromstring(
        f"<html><body><div class='article__body'><p>{PARTS['a']}</p></div></body></html>"
    )
    assert recover_split_body(single, [PARTS["a"]]) == [PARTS["a"]]


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        # three related-story headlines at the end go
        (["Tekst.", "Meer tekst.", "Kop een", "Kop twee", "Kop drie"], ["Tekst.", "Meer tekst."]),
        # two short lines are too few to call a list of links
        (["Tekst.", "Tussenkop", "Slotregel"], ["Tekst.", "Tussenkop", "Slotregel"]),
        # a list is one block (lines joined by newlines) and stays
        (["Tekst.", "- een\n- twee\n- drie"], ["Tekst.", "- een\n- twee\n- drie"]),
        # sentences in scripts without spaces end with 。 and are no headlines
        (
            ["本文。", "クリック。", "完了。", "終わり。"],
            ["本文。", "クリック。", "完了。", "終わり。"],
        ),
        (["Kop een", "Kop twee", "Kop drie"], ["Kop een", "Kop twee", "Kop drie"]),  # never empty
    ],
)
def test_drop_trailing_link_list(blocks: list[str], kept: list[str]) -> None:
    assert drop_trailing_link_list(blocks) == kept


def test_merge_metadata_priorities() -> None:
    meta = MetaTags(
        values={
            "og:title": "OG-kop | Site",
            "og:site_name": "Site",
            "article:published_time": "2025-02-03T08:00:00+01:00",
            "author": "Door Meta Auteur",
            "description": "Meta-beschrijving",
        },
        canonical="/pad/naar/stuk",
        html_title="HTML-kop - Site",
        time_datetime="2020-01-01",
    )
    jsonld = JsonLdArticle(
        type="NewsArticle",
        headline="JSON-LD-kop",
        date_published="2025-02-04",
        authors=["JSON Auteur"],
    )
    traf = {"title": "Traf-kop", "date": "2019-09-09", "author": "Traf Auteur", "sitename": "T"}
    url = "https://site.example/stuk?utm=x"
    full = merge_metadata(meta, jsonld, traf, url)
    assert (full.title, full.published, full.authors) == (
        "JSON-LD-kop",
        "2025-02-04",
        ["JSON Auteur"],
    )
    assert full.canonical_url == "https://site.example/pad/naar/stuk"  # relative link resolved
    assert (full.site_name, full.description) == ("Site", "Meta-beschrijving")
    no_jsonld = merge_metadata(meta, None, traf, url)
    assert (no_jsonld.title, no_jsonld.published) == ("OG-kop", "2025-02-03")
    assert no_jsonld.authors == ["Meta Auteur"]
    bare = merge_metadata(MetaTags(html_title="Een lange HTML-kop - Site"), None, {}, None)
    assert (bare.title, bare.published, bare.authors, bare.canonical_url) == (
        "Een lange HTML-kop",
        None,
        [],
        None,
    )
    dated = merge_metadata(MetaTags(time_datetime="2024-12-31T23:00:00Z"), None, {}, None)
    assert dated.published == "2024-12-31"


@pytest.mark.parametrize(
    ("block", "promo"),
    [
        ("Lees ook: ASML verwacht groei in 2026", True),
        ("Lees ook | Chinese chipmakers hamsteren machines", True),
        ("READ MORE: China plague outbreak confirmed", True),
        ("China furious at Macron for Hong Kong protest jibe [INSIGHT]", True),
        ("Like this story? Share it with a friend!", True),
        ("Reacties", True),
        ("[CNET]", False),  # a source tag, not a cross-link
        (
            "Lees ook het rapport van de Rekenkamer, dat vorige week verscheen en waarin de "
            "onderzoekers concluderen dat de kosten van het programma sinds 2019 met bijna een "
            "derde zijn gestegen.",
            False,
        ),
        ("Het kabinet breidt de exportbeperkingen uit.", False),
    ],
)
def test_is_promo(block: str, promo: bool) -> None:
    assert is_promo(block) is promo
    assert drop_promo_blocks(["Tekst.", block]) == (["Tekst."] if promo else ["Tekst.", block])
