"""Reading a body under a size cap, decompressing it as it streams in.

The cap applies twice: to the bytes on the wire and to the bytes after
decompression. Decompression is bounded on every call (``max_length``), so a
few kilobytes of gzip that inflate to gigabytes never get further than
``max_bytes + 1`` bytes into memory: that is what makes a gzip bomb harmless.
"""

from __future__ import annotations

import zlib
from typing import Protocol

from ..errors import FetchError, TooLargeError

try:  # brotli is optional: we only advertise "br" when we can decode it
    import brotli  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None

#: The value we send as Accept-Encoding.
ACCEPT_ENCODING = "gzip, deflate, br" if brotli is not None else "gzip, deflate"


class _Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> list[bytes]: ...
    def flush(self) -> bytes: ...


class _Identity:
    def feed(self, data: bytes, room: int) -> list[bytes]:
        return [data]

    def flush(self) -> bytes:
        return b""


class _Zlib:
    """gzip (with several members) or deflate (zlib-wrapped or raw), bounded per call."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._wbits = 16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes, room: int) -> list[bytes]:
        out: list[bytes] = []
        buf = data
        while buf:
            try:
                piece = self._obj.decompress(buf, max(room, 1))
            except zlib.error:
                if self._gzip or self._started:
                    raise
                # "deflate" is sent raw (no zlib header) by some servers.
                self._wbits = -zlib.MAX_WBITS
                self._obj = zlib.decompressobj(self._wbits)
                piece = self._obj.decompress(buf, max(room, 1))
            self._started = True
            if piece:
                out.append(piece)
                room -= len(piece)
                if room <= 0:
                    return out  # the caller raises too_large; the rest does not matter
            if self._obj.eof:
                buf = self._obj.unused_data
                if buf and self._gzip and buf.lstrip(b"\0"):
                    self._obj = zlib.decompressobj(self._wbits)  # next gzip member
                else:
                    break
            else:
                buf = self._obj.unconsumed_tail
        return out

    def flush(self) -> bytes:
        return self._obj.flush() if not self._obj.eof else b""


class _Brotli:  # pragma: no cover - only when brotli is installed
    def __init__(self) -> None:
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> list[bytes]:
        # brotli's process() has no output bound; feed small slices so one call
        # cannot inflate more than slice * ratio before the cap is checked.
        out = []
        for i in range(0, len(data), 1024):
            piece = self._obj.process(data[i : i + 1024])
            out.append(piece)
            room -= len(piece)
            if room <= 0:
                break
        return out

    def flush(self) -> bytes:
        return b""


def make_decoder(content_encoding: str | None) -> _Decoder:
    """The decoder for a Content-Encoding header value (a list is applied in order)."""
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1:
        raise FetchError(f"stacked Content-Encoding is not supported: {content_encoding}")
    coding = codings[0]
    if coding in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if coding == "deflate":
        return _Zlib(gzip=False)
    if coding == "br" and brotli is not None:  # pragma: no cover
        return _Brotli()
    raise FetchError(f"unsupported Content-Encoding: {content_encoding}")


class BodyReader:
    """Collects a body chunk by chunk; raises :class:`TooLargeError` past ``max_bytes``."""

    def __init__(
        self, max_bytes: int, content_encoding: str | None = None, *, truncate: bool = False
    ) -> None:
        self.max_bytes = max_bytes
        #: With ``truncate``, keep the first ``max_bytes`` instead of raising (robots.txt).
        self.truncate = truncate
        self.truncated = False
        self.raw_size = 0
        self.size = 0
        self._decoder = make_decoder(content_encoding)
        self._chunks: list[bytes] = []

    def _keep(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            if self.truncate and self.size + len(piece) > self.max_bytes:
                self._chunks.append(piece[: self.max_bytes - self.size])
                self.size = self.max_bytes
                self.truncated = True
                return
            self.size += len(piece)
            if self.size > self.max_bytes:
                self._chunks.clear()
                raise TooLargeError(f"body is over {self.max_bytes} bytes after decompression")
            self._chunks.append(piece)

    def feed(self, raw: bytes) -> None:
        if self.truncated:
            return
        self.raw_size += len(raw)
        if self.raw_size > self.max_bytes and not self.truncate:
            self._chunks.clear()
            raise TooLargeError(f"body is over {self.max_bytes} bytes")
        try:
            pieces = self._decoder.feed(raw, self.max_bytes - self.size + 1)
        except zlib.error as exc:
            raise FetchError(f"cannot decompress the body: {exc}") from exc
        self._keep(pieces)

    def finish(self) -> bytes:
        try:
            tail = b"" if self.truncated else self._decoder.flush()
        except zlib.error as exc:
            raise FetchError(f"cannot decompress the body: {exc}") from exc
        self._keep([tail])
        body = b"".join(self._chunks)
        self._chunks = [body]
        return body


def read_all(data: bytes, max_bytes: int, content_encoding: str | None = None) -> bytes:
    """Decode a complete body (a local ``.html.gz`` file, say) under the same cap."""
    reader = BodyReader(max_bytes, content_encoding)
    step = 64 * 1024
    for i in range(0, len(data), step):
        reader.feed(data[i : i + step])
    return reader.finish()
