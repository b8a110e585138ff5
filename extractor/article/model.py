"""The article stage's output: clean text plus the metadata the page gives."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One extracted article.

    ``text`` is what every character offset downstream refers to: paragraphs separated by a
    blank line ("\\n\\n"), lines inside a paragraph (lists, table rows) by "\\n". ``published`` is
    an ISO date (``YYYY-MM-DD``) as the publisher wrote it, in the publisher's own time zone.
    ``method`` says where the text came from: ``"html"`` (main-text extraction),
    ``"jsonld"`` (the page's JSON-LD ``articleBody``) or ``"text"`` (a plain-text source).
    """

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    method: str = "html"
