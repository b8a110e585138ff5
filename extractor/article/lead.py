"""Standfirsts (leads) that the main-text extraction dropped."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

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
