"""Article metadata from meta tags, JSON-LD and trafilatura, merged by a fixed priority."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from lxml.html import HtmlElement, tostring

from extractor.article.dates import normalise_date
from extractor.article.jsonld import JsonLdArticle

# Meta tags per field, best first. Keys are lower-cased ``property`` / ``name`` / ``itemprop``.
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")
_DESCRIPTION_KEYS = ("description", "og:description", "twitter:description", "dc.description")

# "Door Marieke van Dongen", "By Emily Carter", "Von Katrin Vogel", "Van onze verslaggever X"
_BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:(?:geschreven\s+)?door|by|von|van onze \w+|par)\s+", re.IGNORECASE
)
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:;|,|\s&\s|\sen\s|\sand\s|\sund\s|\|)\s*")


@dataclass(frozen=True)
class MetaTags:
    """Meta-tag values of one page, first value per key."""

    values: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    html_title: str | None = None
    time_datetime: str | None = None
    headings: tuple[str, ...] = ()  # first h1s, then h2s, in page order

    def first(self, keys: tuple[str, ...]) -> str | None:
        return next((self.values[k] for k in keys if self.values.get(k)), None)


def read_meta_tags(soup: BeautifulSoup) -> MetaTags:
    """Collect ``<meta>``, canonical ``<link>``, ``<title>``, the first ``<time datetime>``."""
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            values.setdefault(key.strip().lower(), " ".join(content.split()))
    canonical = None
    for link in soup.find_all("link", href=True):
        rel: object = link.get("rel") or []
        rels: list[str] = [str(r).lower() for r in (rel if isinstance(rel, list) else [rel])]
        if "canonical" in rels:
            canonical = str(link["href"]).strip() or None
            break
    title_tag = soup.find("title")
    html_title = " ".join(title_tag.get_text().split()) if title_tag else None
    time_tag = soup.find("time", attrs={"datetime": True})
    time_datetime = str(time_tag["datetime"]) if time_tag else None
    headings = tuple(
        text
        for level in ("h1", "h2")
        for tag in soup.find_all(level, limit=5)
        if (text := " ".join(tag.get_text(" ").split()))
    )
    return MetaTags(values, canonical, html_title or None, time_datetime, headings)


def heading_in_title(meta: MetaTags) -> str | None:
    """The page heading that the HTML ``<title>`` repeats: the headline, whatever the site
    puts around it ("Site - Headline", "Headline | Site")."""
    if not meta.html_title:
        return None
    title = meta.html_title.casefold()
    for heading in meta.headings:
        if len(heading.split()) >= 3 and heading.casefold() in title:
            return heading
    return None


def clean_author(name: str) -> str | None:
    """Strip byline words; drop values that are no name (URLs, e-mail, long text)."""
    name = _BYLINE_PREFIX_RE.sub("", " ".join(name.split())).strip(" ,;|-")
    if not name or "://" in name or "@" in name or len(name) > 80 or not re.search(r"\w", name):
        return None
    return name


def split_authors(raw: str | None) -> list[str]:
    """'Sanne Bakker en Youssef El Amrani' -> two names."""
    if not raw:
        return []
    raw = _BYLINE_PREFIX_RE.sub("", " ".join(raw.split()))
    names = []
    for part in _AUTHOR_SPLIT_RE.split(raw):
        name = clean_author(part)
        if name and name not in names and not normalise_date(name) and not re.search(r"\d", name):
            names.append(name)
    return names


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """'Kop | Dagblad Zuid' -> 'Kop' (only when the suffix is the site name or short)."""
    for sep in (" | ", " - ", " — ", " – ", " :: ", " · "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if site_name and (tail.strip().lower() == site_name.lower()):
                return head.strip()
            if len(tail.split()) <= 3 and len(head) > 2 * len(tail):
                return head.strip()
            # "Noordelijk Nieuwsblad - Kop": the site name first
            first, _, rest = title.partition(sep)
            if site_name and first.strip().lower() == site_name.lower():
                return rest.strip()
    return title.strip()


@dataclass(frozen=True)
class Metadata:
    title: str | None
    published: str | None
    authors: list[str]
    site_name: str | None
    canonical_url: str | None
    description: str | None


def merge_metadata(
    meta: MetaTags,
    jsonld: JsonLdArticle | None,
    traf: dict[str, object] | None,
    url: str | None,
) -> Metadata:
    """Pick each field from the most reliable source that has it.

    Structured data the publisher wrote for machines (JSON-LD, Open Graph, article:* tags)
    beats trafilatura's heuristics; trafilatura (which reads microdata, bylines, htmldate)
    fills the gaps; the HTML ``<title>`` is the last resort.
    """
    traf = traf or {}

    def t(key: str) -> str | None:
        value = traf.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    site_name = meta.first(_SITE_KEYS) or (jsonld.publisher if jsonld else None) or t("sitename")
    title = (
        (jsonld.headline if jsonld else None)
        or meta.first(_TITLE_KEYS)
        or heading_in_title(meta)
        or t("title")
    )
    if title is None and meta.html_title:
        title = strip_site_suffix(meta.html_title, site_name)
    elif title is not None:
        title = strip_site_suffix(" ".join(title.split()), site_name)

    published = None
    for candidate in (
        jsonld.date_published if jsonld else None,
        meta.first(_DATE_KEYS),
        t("date"),  # htmldate: weighs <time> elements, bylines and URLs
        meta.time_datetime,  # the first <time datetime> (may be a clock in the header)
    ):
        published = normalise_date(candidate)
        if published:
            break

    authors = list(jsonld.authors) if jsonld else []
    authors = [a for a in (clean_author(x) for x in authors) if a]
    if not authors:
        authors = split_authors(meta.first(_AUTHOR_KEYS)) or split_authors(t("author"))

    canonical = (
        meta.canonical or meta.first(("og:url",)) or (jsonld.url if jsonld else None) or t("url")
    )
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = None if url is None else urljoin(url, canonical)
    canonical = canonical or url

    description = (
        meta.first(_DESCRIPTION_KEYS)
        or (jsonld.description if jsonld else None)
        or t("description")
    )
    return Metadata(title, published, authors, site_name, canonical, description)


def metadata_soup(tree: HtmlElement) -> BeautifulSoup:
    """A small soup of the page's machine-readable elements: meta and link tags, the title,
    JSON-LD scripts, ``<time>`` and h1/h2 headings, in page order.

    BeautifulSoup builds its tree in Python and takes ~50 ms on a large news page; the
    metadata we read with it sits in a few dozen elements that lxml finds in microseconds.
    """
    parts = []
    for element in tree.iter("meta", "link", "title", "script", "time", "h1", "h2"):
        if element.tag == "script" and "ld+json" not in (element.get("type") or "").lower():
            continue
        parts.append(tostring(element, encoding="unicode", with_tail=False))
    return BeautifulSoup("<html><body>" + "".join(parts) + "</body></html>", "lxml")
