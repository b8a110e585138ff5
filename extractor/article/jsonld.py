"""schema.org article data from a page's JSON-LD scripts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup

#: schema.org types that describe an article (NewsArticle and its subtypes, blog posts...).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "LiveBlogPosting",
        "BlogPosting",
        "SocialMediaPosting",
        "TechArticle",
        "Report",
        "ScholarlyArticle",
    }
)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PARA_SPLIT_RE = re.compile(r"\s*\n\s*\n\s*|\s*\n\s*")
_WS_RE = re.compile(r"\s+")

#: The JSON-LD ``articleBody`` replaces the extracted text when it is this much longer
#: (the HTML holds only a lead, e.g. an app shell that renders the body with JavaScript).
JSONLD_RATIO = 1.5
#: ... and has at least this many words (some sites put a truncated teaser there).
JSONLD_MIN_WORDS = 50


@dataclass(frozen=True)
class JsonLdArticle:
    """The fields we use from the first article node of the page."""

    type: str
    headline: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    description: str | None = None
    url: str | None = None
    body: str | None = None
    accessible_for_free: bool | None = None


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    # "https://schema.org/NewsArticle" and "NewsArticle" are the same type
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in the JSON, depth first (lists, @graph and nested nodes included)."""
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _walk(value)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value"))
    return None


def _names(value: Any) -> list[str]:
    """Author names from a string, a Person/Organization node or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and name not in names:
            names.append(name)
    return names


def _free(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    return None


def _url(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("@id") or value.get("url"))
    return _text(value)


def parse_scripts(soup: BeautifulSoup) -> list[Any]:
    """Decoded JSON of every ``application/ld+json`` script; broken ones are skipped."""
    decoded = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        raw = script.string or script.get_text() or ""
        raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
        raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        if not raw:
            continue
        try:
            decoded.append(json.loads(_CONTROL_RE.sub(" ", raw), strict=False))
        except ValueError:
            continue  # a page's broken JSON-LD is its problem, not an extraction failure
    return decoded


def find_article(soup: BeautifulSoup) -> JsonLdArticle | None:
    """The page's article node: the one with a body if any, else the first article node."""
    nodes = [n for doc in parse_scripts(soup) for n in _walk(doc) if _types(n) & ARTICLE_TYPES]
    if not nodes:
        return None
    node = next((n for n in nodes if _text(n.get("articleBody"))), nodes[0])
    publisher = node.get("publisher")
    return JsonLdArticle(
        type=sorted(_types(node) & ARTICLE_TYPES)[0],
        headline=_text(node.get("headline")) or _text(node.get("name")),
        date_published=_text(node.get("datePublished")) or _text(node.get("dateCreated")),
        date_modified=_text(node.get("dateModified")),
        authors=_names(node.get("author")),
        publisher=_text(publisher) if publisher is not None else None,
        description=_text(node.get("description")),
        url=_url(node.get("url")) or _url(node.get("mainEntityOfPage")),
        body=_text(node.get("articleBody")),
        accessible_for_free=_free(node.get("isAccessibleForFree")),
    )


def any_paywall_flag(soup: BeautifulSoup) -> bool:
    """True when any JSON-LD node says ``isAccessibleForFree: false``."""
    return any(
        _free(node.get("isAccessibleForFree")) is False
        for doc in parse_scripts(soup)
        for node in _walk(doc)
    )


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip().casefold()


def jsonld_blocks(body: str) -> list[str]:
    """Paragraphs of a JSON-LD ``articleBody`` (which may itself carry HTML markup)."""
    if "<" in body and ">" in body:
        soup = BeautifulSoup(body, "lxml")
        for br in soup.find_all("br"):
            br.replace_with("\n")
        paragraphs = soup.find_all("p")
        if paragraphs:
            return [t for p in paragraphs if (t := " ".join(p.get_text().split()))]
        body = soup.get_text("\n")
    return [" ".join(p.split()) for p in _PARA_SPLIT_RE.split(body) if p.strip()]


def choose_blocks(blocks: list[str], jsonld: JsonLdArticle | None) -> tuple[list[str], str]:
    """The extracted blocks, or the JSON-LD body when it is clearly the fuller text."""
    if jsonld is None or not jsonld.body:
        return blocks, "html"
    candidate = jsonld_blocks(jsonld.body)
    words = sum(len(b.split()) for b in candidate)
    extracted = sum(len(b) for b in blocks)
    if words >= JSONLD_MIN_WORDS and sum(len(b) for b in candidate) > JSONLD_RATIO * extracted:
        return candidate, "jsonld"
    # trafilatura's own JSON-LD rescue gives the body as one block: take it with its paragraphs
    if len(candidate) > len(blocks) and _norm(" ".join(candidate)) == _norm(" ".join(blocks)):
        return candidate, "jsonld"
    return blocks, "html"
