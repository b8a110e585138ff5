"""Pure pieces of the fetch stage, table by table."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from datetime import UTC, datetime

import pytest

from extractor.errors import FetchError, TooLargeError
from extractor.fetch.body import BodyReader, read_all
from extractor.fetch.cache import CachedResponse, HttpCache
from extractor.fetch.decode import (
    charset_from_content_type,
    charset_from_meta,
    decode_body,
    normalize_charset,
)
from extractor.fetch.limits import host_key, is_retry_status, parse_retry_after, retry_delay
from extractor.fetch.local import local_kind
from extractor.fetch.media import decide_media, media_from_header, sniff_media
from extractor.fetch.robots import parse_robots, robots_allows


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; charset=UTF-8", "utf_8"),
        ('text/html; charset="iso-8859-1"', "cp1252"),
        ("text/html;charset=windows-1252", "cp1252"),
        ("text/html", None),
        ("text/html; charset=nonsense-42", None),
        (None, None),
    ],
)
def test_charset_from_content_type(value: str | None, expected: str | None) -> None:
    assert charset_from_content_type(value) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<html><head><meta charset="utf-8">', "utf_8"),
        (b"<meta charset=ISO-8859-15>", "iso8859_15"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', "cp1251"),
        (b"<html><head><title>x</title>", None),
        (b'<meta charset="utf-16">', "utf_8"),  # readable as ASCII, so not UTF-16
    ],
)
def test_charset_from_meta(head: bytes, expected: str | None) -> None:
    assert charset_from_meta(head) == expected


def test_normalize_charset_aliases() -> None:
    assert normalize_charset("utf8mb4") == "utf_8"
    assert normalize_charset("US-ASCII") == "cp1252"
    assert normalize_charset("") is None


DUTCH = "Het café in Utrecht is geïnspireerd op de jaren twintig; de reünie was er ook. " * 3


@pytest.mark.parametrize(
    ("body", "content_type", "media", "expected_codec"),
    [
        (DUTCH.encode("utf-8"), "text/html", "html", "utf_8"),  # no declaration: UTF-8 works
        (DUTCH.encode("latin-1"), "text/html", "html", "cp1252"),  # detection, Western bias
        (DUTCH.encode("cp1252"), "text/html; charset=windows-1252", "html", "cp1252"),
        (b'<meta charset="iso-8859-1">' + DUTCH.encode("latin-1"), None, "html", "cp1252"),
        # A header that lies (says UTF-8, bytes are latin-1) loses to the evidence.
        (DUTCH.encode("latin-1"), "text/html; charset=utf-8", "html", "cp1252"),
        (b"\xef\xbb\xbf" + DUTCH.encode("utf-8"), "text/plain; charset=latin-1", "text", "utf_8"),
    ],
)
def test_decode_body(
    body: bytes, content_type: str | None, media: str, expected_codec: str
) -> None:
    text, codec = decode_body(body, content_type, media)
    assert codec == expected_codec
    assert "café" in text and "geïnspireerd" in text and "reünie" in text


def test_decode_keeps_declared_charset_despite_one_stray_byte() -> None:
    body = DUTCH.encode("utf-8") * 10 + b"\xe9" + DUTCH.encode("utf-8")
    text, codec = decode_body(body, "text/html; charset=utf-8", "html")
    assert codec == "utf_8" and "café" in text


def test_decode_empty() -> None:
    assert decode_body(b"", None, "html") == ("", "utf_8")


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("text/html; charset=utf-8", "html"),
        ("application/xhtml+xml", "html"),
        ("TEXT/PLAIN", "text"),
        (None, "sniff"),
        ("application/octet-stream", "sniff"),
        ("application/pdf", "reject"),
        ("image/jpeg", "reject"),
        ("application/json", "reject"),
    ],
)
def test_media_from_header(content_type: str | None, expected: str) -> None:
    assert media_from_header(content_type) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html><html>", "html"),
        (b"\n  <html lang='nl'>", "html"),
        (b"Een gewone tekst over ASML en Philips.", "text"),
        (b"%PDF-1.7 ...", None),
        (b"\x89PNG\r\n\x1a\n", None),
        (b"GIF89a....", None),
        (b"abc\x00\x01\x02def", None),
        (b"BMW verkoopt meer auto's in China.", "text"),
    ],
)
def test_sniff_media(head: bytes, expected: str | None) -> None:
    assert sniff_media(head) == expected


@pytest.mark.parametrize(
    ("content_type", "head", "expected"),
    [
        ("text/plain", b"<!doctype html><html><body>", "html"),  # mislabelled HTML
        ("text/html", b"%PDF-1.4", None),  # a PDF with a lying header
        ("text/plain", b"Gewone tekst.", "text"),
        (None, b"%PDF-1.4", None),
        (None, b"<html><body><p>hoi</p>", "html"),
        ("application/pdf", b"<html>", None),
        ("text/html", b"", "html"),
    ],
)
def test_decide_media(content_type: str | None, head: bytes, expected: str | None) -> None:
    assert decide_media(content_type, head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", 1.0),
        ("  120 ", 120.0),
        ("Wed, 21 Oct 2026 07:28:10 GMT", 10.0),  # 10 s after "now" below
        ("Wed, 21 Oct 2026 07:27:00 GMT", 0.0),  # in the past: no wait
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2026, 10, 21, 7, 28, 0, tzinfo=UTC)
    assert parse_retry_after(value, now) == expected


@pytest.mark.parametrize(
    ("attempt", "retry_after", "jitter", "expected"),
    [
        (0, None, 0.5, 0.5),  # backoff 0.5 * 2**0 * 1.0
        (1, None, 0.0, 0.5),  # 0.5 * 2 * 0.5
        (2, None, 0.99, 2.0 * 1.49),
        (3, None, 0.5, 4.0),
        (8, None, 0.5, 10.0),  # capped
        (0, 3.0, 0.5, 3.0),  # the server's Retry-After wins
        (0, 3600.0, 0.5, 10.0),  # ... within the cap
    ],
)
def test_retry_delay(
    attempt: int, retry_after: float | None, jitter: float, expected: float
) -> None:
    assert retry_delay(attempt, 0.5, retry_after, 10.0, jitter) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("status", "retry"),
    [(429, True), (500, True), (502, True), (503, True), (404, False), (410, False), (403, False)],
)
def test_is_retry_status(status: int, retry: bool) -> None:
    assert is_retry_status(status) is retry


def test_host_key() -> None:
    assert host_key("http://WWW.NOS.nl:8080/x") == "www.nos.nl"
    assert host_key("https://[::1]/x") == "::1"
    assert host_key("not a url") == ""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.html", ("html", None)),
        ("A.HTM", ("html", None)),
        ("a.html.gz", ("html", "gzip")),
        ("a.txt", ("text", None)),
        ("a.pdf", None),
        ("a.gz", None),
    ],
)
def test_local_kind(name: str, expected: tuple[str, str | None] | None) -> None:
    assert local_kind(name) == expected


def test_robots_rules() -> None:
    parser = parse_robots(200, "User-agent: *\nDisallow: /private/\n")
    assert robots_allows(parser, "extractor/0.1", "http://h/public/a")
    assert not robots_allows(parser, "extractor/0.1", "http://h/private/a")
    # Our own user agent group wins over the catch-all.
    parser = parse_robots(200, "User-agent: extractor\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    assert not robots_allows(parser, "extractor/0.1 (+https://x)", "http://h/a")
    assert robots_allows(parser, "otherbot/1.0", "http://h/a")
    # A missing or broken robots.txt allows everything.
    for status in (404, 410, 500, None):
        assert robots_allows(parse_robots(status, None), "extractor/0.1", "http://h/private/a")


# --- bodies -----------------------------------------------------------------------------------


def test_body_reader_gzip_and_deflate() -> None:
    data = b"<html>" + b"Nederland " * 1000
    assert read_all(gzip.compress(data), 100_000, "gzip") == data
    assert read_all(zlib.compress(data), 100_000, "deflate") == data
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw_deflate = raw.compress(data) + raw.flush()
    assert read_all(raw_deflate, 100_000, "deflate") == data
    # Two gzip members, as some servers concatenate them.
    assert read_all(gzip.compress(data) + gzip.compress(data), 100_000, "gzip") == data + data


def test_body_reader_caps_raw_and_decoded() -> None:
    with pytest.raises(TooLargeError):
        read_all(b"x" * 2000, 1000)
    with pytest.raises(TooLargeError):
        read_all(gzip.compress(b"x" * 2000), 1000, "gzip")
    assert read_all(gzip.compress(b"x" * 1000), 1000, "gzip") == b"x" * 1000


def test_body_reader_unknown_or_broken_encoding() -> None:
    with pytest.raises(FetchError):
        BodyReader(1000, "compress")
    with pytest.raises(FetchError):
        read_all(b"this is not gzip at all", 1000, "gzip")


def test_gzip_bomb_stays_small_in_memory() -> None:
    """64 MB of zeros in ~64 KB of gzip: the reader stops at the cap, memory stays low."""
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        reader = BodyReader(1_000_000, "gzip")
        with pytest.raises(TooLargeError):
            for i in range(0, len(bomb), 16_384):
                reader.feed(bomb[i : i + 16_384])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4_000_000, f"peak {peak} bytes while inflating the bomb"


def test_truncating_reader_keeps_the_head() -> None:
    reader = BodyReader(10, truncate=True)
    reader.feed(b"abcdef")
    reader.feed(b"ghijklmnop")
    assert reader.truncated and reader.finish() == b"abcdefghij"


# --- cache ------------------------------------------------------------------------------------


def test_http_cache_roundtrip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = HttpCache(tmp_path)
    ok = CachedResponse("http://h/final", 200, "text/html", b"<html>hoi</html>")
    cache.put("http://h/start", ok)
    assert cache.get("http://h/start") == ok
    cache.put("http://h/gone", CachedResponse("http://h/gone", 404, "text/html", None))
    assert cache.get("http://h/gone") == CachedResponse("http://h/gone", 404, "text/html", None)
    # Transient failures are not stored: a rerun must try them again.
    cache.put("http://h/err", CachedResponse("http://h/err", 503, "text/html", None))
    assert cache.get("http://h/err") is None
    assert cache.get("http://h/never") is None
