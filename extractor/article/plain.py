"""Plain-text articles (``.txt`` sources): the text is the article.

Title rule: the first non-blank line is the title when it is short (at most
:data:`MAX_TITLE_CHARS` characters and :data:`MAX_TITLE_WORDS` words), does not end like a
sentence or a clause (``.``, ``,``, ``;``, ``:``), and more text follows it. Headlines end
without a period; a first line that ends with one is the first sentence of the article.

The text itself is returned unchanged (only a leading byte-order mark is dropped), title
line included, so that character offsets into the returned text are offsets into the file.
"""

from __future__ import annotations

import re

MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 25

_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta\s|title>|div[\s>]|p[\s>]|article[\s>]|script[\s>])",
    re.IGNORECASE,
)


def looks_like_html(content: str) -> bool:
    """Whether a document of unknown type is HTML (a tag near the start, not just a '<')."""
    return bool(_HTML_RE.search(content[:5000]))


def plain_title(text: str) -> str | None:
    """The title by the first-line rule above, or None."""
    lines = text.lstrip("\ufeff").splitlines()
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None
    first = " ".join(lines[index].split())
    rest = "\n".join(lines[index + 1 :]).strip()
    if not rest or len(first) > MAX_TITLE_CHARS or len(first.split()) > MAX_TITLE_WORDS:
        return None
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return None
    return first


def plain_text(text: str) -> str:
    """The article text of a plain-text source: the file's text, BOM dropped."""
    return text.removeprefix("\ufeff")
