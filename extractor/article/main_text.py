"""Main text of an HTML page: trafilatura, with a few general corrections around it.

Policy (each step is a small function below):
1. Layout tables (cells holding headings, paragraphs or other tables) are unwrapped into
   ``div``s first, so that a page laid out in a ``<table>`` is not read as one data table.
2. trafilatura runs in precision mode without comments: on pages with a real article body
   it drops more boilerplate (related links, teasers, reader comments) than balanced mode.
3. A precision result that is short (under :data:`SHORT_RESULT_CHARS`) may have locked onto
   the wrong block; balanced mode runs too and wins when it finds far more text.
4. Leading blocks that repeat the headline, or are a short kicker or byline before the body,
   are dropped: they are metadata, not article text.
5. Calls to action and cross-links between paragraphs ("Lees ook: ...", "READ MORE") and a
   trailing run of headline-like blocks (related stories) are dropped.
6. Paragraphs are joined by a blank line.

:func:`extractor.article.extract.extract_article` applies these with the other corrections
(split bodies, dropped leads, JSON-LD bodies) in one fixed order. On the article-extraction
benchmark the whole sequence scores F1 0.975 against 0.953 for trafilatura's defaults
(``benchmarks/bench_articles.py``).
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field

import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from extractor.article.dates import normalise_date

#: A precision-mode text shorter than this is checked against balanced mode.
SHORT_RESULT_CHARS = 500
#: A headline repeat is looked for among this many first blocks.
HEADLINE_SEARCH = 5
#: This many headline-like blocks at the end are a list of links, not article text.
LINK_LIST_RUN = 3
#: Balanced mode replaces a short precision result when it is at least this many times longer.
BALANCED_RATIO = 3.0

_LAYOUT_CELL_XPATH = "./descendant::*[self::h1 or self::h2 or self::h3 or self::table]"
_SENTENCE_END_RE = re.compile(r"[.!?…\"”»'。！？」』)]\s*$")
#: Headline-like blocks are at most this long (characters: scripts without spaces count too).
_HEADLINE_MAX_CHARS = 120
_WS_RE = re.compile(r"\s+")


@dataclass
class MainText:
    """Paragraph texts in reading order, and trafilatura's metadata for the page."""

    blocks: list[str]
    metadata: dict[str, object] = field(default_factory=dict)
    mode: str = "precision"

    @property
    def text(self) -> str:
        return "\n\n".join(self.blocks)


def parse_html(html: str) -> HtmlElement | None:
    """lxml tree of a page (trafilatura's tolerant loader), or None for no HTML at all."""
    try:
        return load_html(html)
    except (TypeError, ValueError):
        return None


def _is_layout_table(table: HtmlElement) -> bool:
    cells = table.xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th")
    for cell in cells:
        if cell.xpath(_LAYOUT_CELL_XPATH) or len(cell.xpath(".//p")) >= 3:
            return True
    return False


def unwrap_layout_tables(tree: HtmlElement) -> HtmlElement:
    """Turn layout tables into nested ``div``s (in place); data tables stay tables."""
    for table in [t for t in tree.iter("table") if _is_layout_table(t)]:
        for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            # only this table's own structure, not that of a data table nested inside
            owner = next(element.iterancestors("table"), None) if element is not table else table
            if element is table or owner is table:
                element.tag = "div"
                for attr in ("width", "colspan", "rowspan", "valign", "align"):
                    element.attrib.pop(attr, None)
    return tree


def _blocks(body: object) -> list[str]:
    """One text per top-level element of trafilatura's body, blank ones dropped."""
    if body is None:
        return []
    blocks = []
    for child in body:  # type: ignore[attr-defined]
        text = "\n".join(line.rstrip() for line in xmltotxt(child, False).strip().split("\n"))
        if text:
            blocks.append(text)
    return blocks


def _run(tree: HtmlElement, url: str | None, *, precision: bool):  # type: ignore[no-untyped-def]
    return trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=precision,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
        deduplicate=False,
    )


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip().casefold()


_BYLINE_START_RE = re.compile(r"^(?:door|by|von|van onze|geschreven door|written by)\b", re.I)


def _is_short(block: str) -> bool:
    return len(block.split()) <= 15 and not block.rstrip().endswith(".")


def _is_byline(block: str, authors: list[str]) -> bool:
    if _BYLINE_START_RE.match(block):
        return True
    if any(len(a) > 3 and a.casefold() in block.casefold() for a in authors):
        return True
    # a block that is little more than a date ("14 maart 2025, 09:12")
    return normalise_date(block) is not None and len(block.split()) <= 8


def drop_leading_metadata(
    blocks: list[str], title: str | None, authors: list[str], max_checked: int = 3
) -> list[str]:
    """Drop a headline repeat, the kicker before it and bylines at the start of the text.

    Bylines are short blocks (at most 15 words, no final period) among the first
    ``max_checked``; a headline repeat is looked for among the first :data:`HEADLINE_SEARCH`
    blocks. The text is never emptied.
    """
    start = 0
    norm_title = _norm(title) if title else None
    if norm_title:
        for j, block in enumerate(blocks[:HEADLINE_SEARCH]):
            if _norm(block) == norm_title:
                # what precedes the headline is a kicker; a paragraph before it is not (some
                # pages repeat the headline after the first paragraph)
                if all(_is_short(b) for b in blocks[:j]):
                    start = j + 1
                break
    while start < min(len(blocks), max_checked + 1):
        block = blocks[start]
        if _is_short(block) and _is_byline(block, authors):
            start += 1
        else:
            break
    return blocks[start:] if start < len(blocks) else blocks


def drop_trailing_link_list(blocks: list[str], min_run: int = LINK_LIST_RUN) -> list[str]:
    """Drop a run of headline-like blocks at the end (related stories, tag clouds).

    A headline-like block is short (at most 15 words) and does not end like a sentence;
    an article that ends with a list keeps it, as a list is one block.
    """
    end = len(blocks)
    while end > 0 and _is_headline_like(blocks[end - 1]):
        end -= 1
    if len(blocks) - end >= min_run and end > 0:
        return blocks[:end]
    return blocks


def _is_headline_like(block: str) -> bool:
    return (
        "\n" not in block
        and len(block.split()) <= 15
        and len(block) <= _HEADLINE_MAX_CHARS
        and not _SENTENCE_END_RE.search(block)
    )


# Calls to action and cross-links that sites put between paragraphs ("Lees ook: ...").
_PROMO_RE = re.compile(
    r"^(?:lees (?:ook|meer|verder)|bekijk (?:ook|hier)|meer over|zie ook|ook interessant|"
    r"volg (?:ons|het laatste)|deel (?:dit|dit artikel)|schrijf je in|meld je aan|abonneer|"
    r"read (?:more|next|also)|see (?:more|also)|more on|also on|related|don'?t miss|"
    r"watch|share (?:this|it)|like this story|sign up|subscribe|get the latest|"
    r"tell us what you think|follow us|comments?|reacties?|advertentie|advertisement|"
    r"lesen sie auch|mehr zum thema)\b",
    re.IGNORECASE,
)
# "China furious at Macron [INSIGHT]", "Storm hits coast [VIDEO]"
_CROSSLINK_TAG_RE = re.compile(r"\w+\W+\w+\W+\w+.*\[(?:[A-Z]{3,}|VIDEO|FOTO'?S|PICS)\]\s*\|?\s*$")
_PROMO_MAX_WORDS = 30


def is_promo(block: str) -> bool:
    """A call to action or cross-link: short, and opens with a promo phrase or ends with a
    ``[TAG]``; a real paragraph that happens to start so ("Lees ook het rapport") is longer."""
    words = len(block.split())
    if words > _PROMO_MAX_WORDS or "\n" in block:
        return False
    if _CROSSLINK_TAG_RE.search(block):
        return True
    # a long sentence that opens with the phrase is prose ("Lees ook het rapport ... .")
    sentence = words > 15 and block.rstrip().endswith(".")
    return bool(_PROMO_RE.match(block.strip())) and not sentence


def drop_promo_blocks(blocks: list[str]) -> list[str]:
    """The blocks without calls to action and cross-links (never all of them)."""
    kept = [b for b in blocks if not is_promo(b)]
    return kept or blocks


def extract_main_text(
    tree: HtmlElement, url: str | None = None, *, with_metadata: bool = True
) -> MainText:
    """Main text blocks of a parsed page (empty: no text), and trafilatura's metadata when
    asked (it costs about a third of the time: skipped when structured data has it all)."""
    tree = unwrap_layout_tables(deepcopy(tree))
    metadata: dict[str, object] = {}
    if with_metadata:
        try:
            found = extract_metadata(tree, default_url=url)
        except (TypeError, ValueError, AttributeError, IndexError, KeyError):
            # htmldate/courlan on odd markup: trafilatura's metadata is only a fallback
            found = None
        if found is not None:
            metadata = {
                k: v for k, v in found.as_dict().items() if k not in ("body", "commentsbody")
            }
    doc = _run(tree, url, precision=True)
    blocks = _blocks(doc.body) if doc is not None else []
    mode = "precision"
    if sum(len(b) for b in blocks) < SHORT_RESULT_CHARS:
        balanced = _run(tree, url, precision=False)
        other = _blocks(balanced.body) if balanced is not None else []
        if sum(len(b) for b in other) >= BALANCED_RATIO * max(1, sum(len(b) for b in blocks)):
            blocks, mode = other, "balanced"
    return MainText(blocks=blocks, metadata=metadata, mode=mode)
