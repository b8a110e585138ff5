"""Bytes to text: which charset a page is in.

Order of evidence: a byte-order mark, the Content-Type header, the page's own
``<meta charset>`` / ``http-equiv`` (HTML only), strict UTF-8, then detection
(charset_normalizer), and cp1252 as the last resort. A declared charset that
does not decode is not trusted blindly: we move on to the next piece of
evidence, unless only a stray byte or two is wrong.
"""

from __future__ import annotations

import codecs
import re

#: Names that mean windows-1252 in practice (the WHATWG encoding standard maps
#: latin-1 and ASCII labels to it; cp1252 is a superset for printable text).
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "cp1252", "iso8859_15"}

#: Latin-script single-byte codecs that a detector confuses with each other on
#: short West-European text (it reads Dutch cp1252 as Baltic cp775, say). Our
#: input is Dutch news, so any of these is read as cp1252.
_WESTERN_LOOKALIKES = _AS_CP1252 | {
    "cp1250",
    "iso8859_2",
    "cp775",
    "cp850",
    "cp437",
    "cp1257",
    "iso8859_4",
    "iso8859_13",
    "iso8859_9",
    "cp1254",
    "mac_roman",
    "mac_latin2",
    "cp1006",
    "cp1125",
    "cp858",
    "cp865",
    "cp863",
    "cp860",
    "cp861",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)

_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:\-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.IGNORECASE)

#: How much of the page to search for a meta tag, and to hand to detection.
META_WINDOW = 4096
DETECT_WINDOW = 200_000


def normalize_charset(name: str | None) -> str | None:
    """Python's codec name for a charset label, or None when unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in ("utf8mb4", "utf-8mb4"):
        label = "utf-8"
    if label in ("x-user-defined", "binary", "none"):
        return None
    try:
        codec = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if codec in ("iso8859_1", "latin_1", "ascii", "us_ascii"):
        return "cp1252"
    return codec


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, normalised."""
    if not content_type:
        return None
    match = _CT_CHARSET.search(content_type)
    return normalize_charset(match.group(1)) if match else None


def charset_from_meta(head: bytes) -> str | None:
    """``<meta charset=...>`` or ``<meta http-equiv=Content-Type content="...charset=...">``."""
    match = _META_CHARSET.search(head[:META_WINDOW])
    if not match:
        return None
    codec = normalize_charset(match.group(1).decode("ascii", "ignore"))
    if codec and codec.startswith(("utf_16", "utf_32")):
        # We could read the tag, so the bytes are ASCII-compatible: the page is not
        # UTF-16 whatever it claims (the WHATWG rule reads it as UTF-8).
        return "utf_8"
    return codec


def charset_from_bom(body: bytes) -> str | None:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    return None


def _try_decode(body: bytes, codec: str, *, tolerate: bool) -> str | None:
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        if not tolerate:
            return None
    except LookupError:
        return None
    # A declared charset with a stray wrong byte is still the right charset.
    text = body.decode(codec, errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 2000):
        return text
    return None


def detect_charset(body: bytes) -> str | None:
    """charset_normalizer's guess, pulled towards cp1252 for Latin-script lookalikes."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it comes with requests/trafilatura
        return None
    best = from_bytes(body[:DETECT_WINDOW]).best()
    if best is None:
        return None
    codec = normalize_charset(best.encoding) or best.encoding
    return "cp1252" if codec in _WESTERN_LOOKALIKES else codec


def decode_body(body: bytes, content_type: str | None, media: str | None) -> tuple[str, str]:
    """Decode a page; returns (text, codec used)."""
    if not body:
        return "", "utf_8"
    bom = charset_from_bom(body)
    if bom:
        return body.decode(bom, errors="replace").lstrip("\ufeff"), bom
    declared = [charset_from_content_type(content_type)]
    if media != "text":
        declared.append(charset_from_meta(body))
    for codec in declared:
        if codec:
            text = _try_decode(body, codec, tolerate=True)
            if text is not None:
                return text, codec
    text = _try_decode(body, "utf_8", tolerate=False)
    if text is not None:
        return text, "utf_8"
    detected = detect_charset(body)
    if detected:
        text = _try_decode(body, detected, tolerate=False)
        if text is not None:
            return text, detected
    return body.decode("cp1252", errors="replace"), "cp1252"
