"""Local files: ``.html``, ``.htm``, ``.html.gz``, ``.htm.gz`` and ``.txt``."""

from __future__ import annotations

import zlib
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ..errors import ExtractorError, FileReadError, SourceError, TooLargeError
from ..sources import Source
from .body import read_all
from .decode import decode_body
from .document import RawDocument, error_document
from .media import Media

#: Suffix -> (media, content encoding).
_SUFFIXES: dict[str, tuple[Media, str | None]] = {
    ".html.gz": ("html", "gzip"),
    ".htm.gz": ("html", "gzip"),
    ".html": ("html", None),
    ".htm": ("html", None),
    ".txt": ("text", None),
}


def local_kind(path: str) -> tuple[Media, str | None] | None:
    """Media and compression of a local file, from its name (None: unsupported)."""
    name = path.lower()
    for suffix, kind in _SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None


def read_local(source: Source, max_bytes: int) -> RawDocument:
    """Read one local file; errors become an error document, never an exception."""
    try:
        return _read(source, max_bytes)
    except ExtractorError as exc:
        return error_document(source, exc)


def local_path(source: Source) -> Path:
    """The file a source names; ``file://`` URIs are accepted as well as paths."""
    given = source.given.strip()
    if given.lower().startswith("file://"):
        parts = urlsplit(given)
        if parts.netloc not in ("", "localhost"):
            raise SourceError(f"file URI on another host: {given!r}")
        return Path(url2pathname(parts.path))
    return Path(source.location)


def _read(source: Source, max_bytes: int) -> RawDocument:
    if not source.location:
        raise SourceError("empty source")
    path = local_path(source)
    if not path.exists():
        raise SourceError(f"neither an http(s) URL nor an existing file: {source.given!r}")
    kind = local_kind(path.name)
    if kind is None:
        raise SourceError(
            f"unsupported file type (use .html, .htm, .html.gz or .txt): {source.given!r}"
        )
    media, encoding = kind
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLargeError(f"file is {size} bytes, over the cap of {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise FileReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        body = read_all(data, max_bytes, encoding)
    except TooLargeError:
        raise
    except (ExtractorError, zlib.error, EOFError) as exc:
        raise FileReadError(f"cannot decompress {path}: {exc}") from exc
    text, _codec = decode_body(body, None, media)
    return RawDocument(
        source=source.given,
        location=source.location,
        url=None,
        http_status=None,
        content_type="text/plain" if media == "text" else "text/html",
        media=media,
        text=text,
    )
