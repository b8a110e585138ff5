"""Article bodies split over repeated containers (ads or widgets between the parts).

Some templates (magazine sites in particular) cut the body into several sibling containers
with the same tag and class, e.g. ``div.article__body`` between ad rails; trafilatura often
keeps only the first part. When the extracted text sits in such a container and the page has
more containers of exactly the same tag and class, the paragraphs of all of them, in page
order, are the body, provided that they keep (nearly) everything extracted and add a good deal.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_CONTAINER_CLASS_RE = re.compile(r"body|content|article|story|text|post", re.IGNORECASE)
_BLOCK_TAGS = ("p", "h2", "h3", "h4", "blockquote", "li")
_SKIP_ANCESTORS = frozenset({"figure", "aside", "nav", "footer", "figcaption", "form"})
_SKIP_CLASS_RE = re.compile(
    r"(?:^|[-_\s])(?:ad|ads|advert\w*|related|newsletter|promo|share)(?:[-_\s]|$)", re.IGNORECASE
)
_WS_RE = re.compile(r"\s+")

#: The rebuilt body must keep this share of the extracted blocks ...
KEEP_SHARE = 0.9
#: ... and be at least this many times longer.
GAIN_RATIO = 1.3
_MAX_LEVELS = 6


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip().casefold()


def _holder(tree: HtmlElement, block: str) -> HtmlElement | None:
    probe = _norm(block)[:60]
    if len(probe) < 20:
        return None
    for element in tree.iter("p"):
        if _norm(element.text_content()).startswith(probe):
            return element
    return None


def _container(element: HtmlElement) -> HtmlElement | None:
    node = element.getparent()
    for _ in range(_MAX_LEVELS):
        if node is None:
            return None
        if _CONTAINER_CLASS_RE.search(node.get("class") or ""):
            return node
        node = node.getparent()
    return None


def _paragraphs(container: HtmlElement) -> list[str]:
    texts = []
    for element in container.iter(*_BLOCK_TAGS):
        if (
            element.tag == "li"
            and element.getparent() is not None
            and any(a.tag in ("p", "blockquote") for a in element.iterancestors())
        ):
            continue
        if any(a.tag in _BLOCK_TAGS for a in element.iterancestors() if a is not container):
            continue  # counted with its block ancestor
        if any(
            a.tag in _SKIP_ANCESTORS or _SKIP_CLASS_RE.search(a.get("class") or "")
            for a in [element, *element.iterancestors()]
            if a is not container
        ):
            continue
        text = " ".join(element.text_content().split())
        if text:
            texts.append(text)
    return texts


def recover_split_body(tree: HtmlElement, blocks: list[str]) -> list[str]:
    """The blocks of a body split over same-class containers, or ``blocks`` unchanged."""
    if not blocks:
        return blocks
    holder = _holder(tree, blocks[0])
    container = _container(holder) if holder is not None else None
    if container is None:
        return blocks
    tag, cls = container.tag, container.get("class")
    parts = [e for e in tree.iter(tag) if e.get("class") == cls]
    if len(parts) < 2:
        return blocks
    rebuilt = [t for part in parts for t in _paragraphs(part)]
    joined = _norm(" ".join(rebuilt))
    kept = sum(1 for b in blocks if _norm(b)[:60] in joined)
    if kept < KEEP_SHARE * len(blocks):
        return blocks
    if sum(len(t) for t in rebuilt) < GAIN_RATIO * sum(len(b) for b in blocks):
        return blocks
    return rebuilt
