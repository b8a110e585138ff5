"""``extract_article``: HTML or plain text in, :class:`Article` out (or a typed error)."""

from __future__ import annotations

from extractor.article.jsonld import any_paywall_flag, choose_blocks, find_article
from extractor.article.lead import find_lead
from extractor.article.main_text import (
    drop_leading_metadata,
    drop_promo_blocks,
    drop_trailing_link_list,
    extract_main_text,
    parse_html,
)
from extractor.article.metadata import merge_metadata, metadata_soup, read_meta_tags
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
