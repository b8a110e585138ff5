"""Is this response an article we can read? Content-Type first, then the bytes."""

from __future__ import annotations

from typing import Literal

Media = Literal["html", "text"]

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/html", "application/xhtml"}
_TEXT_TYPES = {"text/plain"}
#: Types that say nothing (servers send them for anything); we sniff the body instead.
_VAGUE_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}

_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--", b"<meta")
_HTML_TAGS = (b"<html", b"<body", b"<p>", b"<p ", b"<div", b"<article", b"<title", b"<h1")
#: Signatures of formats that are certainly no article.
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x00",
    b"%!PS",
    b"{\\rtf",
    b"\xd0\xcf\x11\xe0",
)


def mime_type(content_type: str | None) -> str:
    """The bare, lower-case type of a Content-Type header ('' when absent)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def media_from_header(content_type: str | None) -> Media | Literal["sniff", "reject"]:
    """What the header tells: html, text, reject (no article), or sniff (header says nothing)."""
    mime = mime_type(content_type)
    if mime in _HTML_TYPES:
        return "html"
    if mime in _TEXT_TYPES:
        return "text"
    if mime in _VAGUE_TYPES:
        return "sniff"
    return "reject"


def sniff_media(head: bytes) -> Media | None:
    """Guess from the first bytes: html, text, or None for binary (PDF, images ...)."""
    probe = head[:1024]
    if probe.startswith(_BINARY_MAGIC):
        return None
    stripped = probe.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(_HTML_STARTS) or any(tag in stripped for tag in _HTML_TAGS):
        return "html"
    if b"\x00" in probe:
        return None  # NUL bytes: binary (UTF-16 text would have a BOM)
    controls = sum(1 for b in probe if b < 32 and b not in (9, 10, 12, 13))
    if probe and controls / len(probe) > 0.05:
        return None
    return "text"


def decide_media(content_type: str | None, head: bytes) -> Media | None:
    """Final verdict once the body is in: None means not_html."""
    verdict = media_from_header(content_type)
    if verdict == "reject":
        return None
    if verdict == "sniff":
        return sniff_media(head)
    sniffed = sniff_media(head) if head else verdict
    if sniffed is None and head[:4] == b"%PDF":
        return None  # a PDF served as text/html is still a PDF
    if verdict == "text" and sniffed == "html":
        return "html"  # servers label HTML as text/plain more often than the reverse
    return verdict
