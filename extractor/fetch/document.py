"""What the fetch stage hands to the article stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import ExtractorError
from ..sources import Source


@dataclass(frozen=True)
class RawDocument:
    """One fetched source: its decoded text, or the reason there is none.

    ``source`` is the source exactly as the user gave it; ``location`` is the URL
    or absolute path read; ``url`` is the final URL after redirects (None for
    local files). When ``error`` is set (an error code of ``extractor.errors``),
    ``text`` is None and ``message`` says what happened. An empty page is not an
    error here: it arrives as ``text == ""`` and the article stage reports
    ``no_text``.
    """

    source: str
    location: str
    url: str | None
    http_status: int | None
    content_type: str | None
    media: Literal["html", "text"] | None
    text: str | None
    error: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def error_document(
    source: Source,
    exc: ExtractorError,
    *,
    url: str | None = None,
    http_status: int | None = None,
    content_type: str | None = None,
) -> RawDocument:
    """The document for a source that failed with ``exc``."""
    return RawDocument(
        source=source.given,
        location=source.location,
        url=url,
        http_status=http_status,
        content_type=content_type,
        media=None,
        text=None,
        error=exc.code,
        message=exc.message,
    )
