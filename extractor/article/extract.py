"""``extract_article``: HTML or plain text in, :class:`Article` out (or a typed error)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from lxml.html import HtmlElement, tostring

from extractor.article.jsonld import JsonLdArticle, any_paywall_flag, find_article
from extractor.article.main_text import (
    drop_leading_metadata,
    drop_promo_blocks,
    drop_trailing_link_list,
    extract_main_text,
    parse_html,
)
from extractor.article.metadata import merge_metadata, read_meta_tags
from extractor.article.model import Article
from extractor.article.plain import looks_like_html, plain_text, plain_title
from extractor.article.split_body import recover_split_body
from extractor.article.walls import (
    Wall,
    classify_wall,
    cut_paywall_prompt,
    gather_signals,
    page_text,
)
from extractor.errors import ConsentWallError, NoTextError, PaywalledError

#: The JSON-LD ``articleBody`` replaces the extracted text when it is this much longer
#: (the HTML holds only a lead, e.g. an app shell that renders the body with JavaScript).
JSONLD_RATIO = 1.5
#: ... and has at least this many words (some sites put a truncated teaser there).
JSONLD_MIN_WORDS = 50

_PARA_SPLIT_RE = re.compile(r"\s*\n\s*\n\s*|\s*\n\s*")
# class names of a standfirst ("story__lead", "article-intro", "chapeau")
_LEAD_CLASS_RE = re.compile(
    r"(?:^|[-_\s])(?:lead|intro|standfirst|chapeau|lede)(?:[-_\s]|$)", re.IGNORECASE
)
_NOT_ARTICLE = frozenset({"nav", "aside", "footer", "header", "figure"})
_LEAD_MIN_WORDS = 12
_WS_RE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip().casefold()


def _first_block_element(tree: HtmlElement, first_block: str) -> HtmlElement | None:
    """The page element that holds the first extracted paragraph."""
    probe = _norm(first_block)[:60]
    for element in tree.iter("p", "div", "td", "section", "article"):
        text = element.text_content()
        if len(text) < len(probe) or len(text) > 3 * len(first_block) + 200:
            continue
        if _norm(text).startswith(probe):
            return element
    return None


def _lead_candidates(anchor: HtmlElement) -> list[HtmlElement]:
    """Lead-class elements just above the body: among the preceding siblings of the first
    paragraph and of its nearest ancestors (three levels), closest first."""
    found = []
    node: HtmlElement | None = anchor
    for _ in range(4):
        if node is None:
            break
        for sibling in list(node.itersiblings(preceding=True))[:4]:
            if not isinstance(sibling.tag, str):
                continue
            for element in [sibling, *sibling.iterdescendants()]:
                if isinstance(element.tag, str) and _LEAD_CLASS_RE.search(
                    element.get("class") or ""
                ):
                    found.append(element)
        node = node.getparent()
    return found


def find_lead(tree: HtmlElement, blocks: list[str]) -> str | None:
    """A standfirst that the main-text extraction dropped, or None.

    trafilatura sometimes discards a lead that sits in its own ``div`` above the body. A
    lead is recognised by its class name and its place (just above the first paragraph),
    must read as prose (12+ words, sentence-final punctuation), lie outside navigation and
    asides, and be missing from the text.
    """
    if not blocks:
        return None
    anchor = _first_block_element(tree, blocks[0])
    if anchor is None:
        return None
    joined = _norm(" ".join(blocks))
    for element in _lead_candidates(anchor):
        if any(a.tag in _NOT_ARTICLE for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if len(text.split()) < _LEAD_MIN_WORDS or text[-1] not in '.!?"”':
            continue
        if _norm(text)[:80] not in joined:
            return text
    return None


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


class PaywalledTeaserError(PaywalledError):
    """A paywall, with the teaser that is visible (title, lead, metadata) for the record."""

    def __init__(self, message: str, teaser: Article) -> None:
        super().__init__(message)
        self.teaser = teaser


def _extract_plain(text: str) -> Article:
    body = plain_text(text)
    if not body.strip():
        raise NoTextError("the document is empty")
    return Article(text=body, title=plain_title(body), method="text")


def extract_article(
    html_or_text: str, url: str | None = None, *, media: str | None = None
) -> Article:
    """Extract the article text and metadata from an HTML page or a plain-text article.

    ``media`` is ``"html"`` or ``"text"`` (from the fetch stage); ``None`` guesses from the
    content, and "html" without a single tag is read as text.

    Raises :class:`ConsentWallError` for a consent dialog, :class:`PaywalledTeaserError` (a
    :class:`PaywalledError` that carries the visible teaser as ``.teaser``) for a
    subscription wall, and :class:`NoTextError` when there is no article text at all.
    """
    # a body without any tag is plain text, whatever the server called it
    if media == "text" or not looks_like_html(html_or_text):
        return _extract_plain(html_or_text)
    if not html_or_text.strip():
        raise NoTextError("the page is empty")

    tree = parse_html(html_or_text)
    if tree is None:
        raise NoTextError("the page has no HTML content")
    soup = metadata_soup(tree)
    jsonld = find_article(soup)
    meta = read_meta_tags(soup)
    not_free = any_paywall_flag(soup)
    structured = merge_metadata(meta, jsonld, None, url)
    complete = bool(structured.title and structured.published and structured.authors)
    main = extract_main_text(tree, url, with_metadata=not complete)
    md = structured if complete else merge_metadata(meta, jsonld, main.metadata, url)
    blocks = recover_split_body(tree, main.blocks)
    blocks = drop_leading_metadata(blocks, md.title, md.authors)
    blocks = drop_trailing_link_list(drop_promo_blocks(blocks))
    if lead := find_lead(tree, blocks):
        blocks = [lead, *blocks]
    blocks, method = choose_blocks(blocks, jsonld)
    text = "\n\n".join(blocks)

    wall = classify_wall(text, gather_signals(tree, page_text(tree), not_free))
    if wall is Wall.CONSENT:
        raise ConsentWallError("the page is a cookie/consent dialog, not the article")
    if not text.strip() and wall is not Wall.PAYWALL:
        raise NoTextError("no article text found on the page")
    if wall is Wall.PAYWALL:
        text = "\n\n".join(cut_paywall_prompt(blocks))
    article = Article(
        text=text,
        title=md.title,
        published=md.published,
        authors=md.authors,
        site_name=md.site_name,
        canonical_url=md.canonical_url,
        description=md.description,
        method=method,
    )
    if wall is Wall.PAYWALL:
        raise PaywalledTeaserError(
            "the article is behind a paywall; only a teaser is visible", teaser=article
        )
    return article
