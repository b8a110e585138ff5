"""Fetching one URL with httpx: robots, redirects, retries, caps, decoding.

Errors of httpx are converted here, at the boundary, into the exception tree of
``extractor.errors``; :meth:`Fetcher.fetch` turns every one of them into an
error document, so one bad URL never stops a batch.
"""

from __future__ import annotations

import asyncio
import random
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit

import httpx

from ..config import FetchSettings
from ..errors import (
    ConnectError,
    ExtractorError,
    FetchError,
    FetchTimeoutError,
    HttpStatusError,
    NotHtmlError,
    RobotsDisallowedError,
    SourceError,
    TooLargeError,
    TooManyRedirectsError,
)
from ..sources import Source
from .body import ACCEPT_ENCODING, BodyReader, read_all
from .cache import CachedResponse, HttpCache
from .decode import decode_body
from .document import RawDocument, error_document
from .limits import HostLimiter, host_key, is_retry_status, parse_retry_after, retry_delay
from .local import read_local
from .media import decide_media, media_from_header
from .robots import ROBOTS_MAX_BYTES, RobotsCache
from .transport import HostPoolTransport

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: Bodies larger than this are decoded in a worker thread.
_DECODE_IN_THREAD = 256 * 1024
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"


def make_client(
    settings: FetchSettings, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The shared client: a small pool per host (see transport.py), our timeouts and headers."""
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.timeout,
    )
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": _ACCEPT,
        "Accept-Language": "nl,en;q=0.5",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    if transport is None:
        transport = HostPoolTransport(settings.per_host)
    return httpx.AsyncClient(
        transport=transport,
        cookies=_no_cookies(),
        timeout=timeout,
        headers=headers,
        follow_redirects=False,
    )


def _no_cookies() -> CookieJar:
    """A jar that refuses every cookie: the client keeps none between fetches."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


class _Trace:
    """Where one fetch got to, so an error record can name the last URL tried."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.status: int | None = None
        self.content_type: str | None = None


def _convert(exc: httpx.HTTPError) -> ExtractorError:
    """httpx's exception tree to ours."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeoutError(f"timed out: {type(exc).__name__}")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return SourceError(f"not a fetchable URL: {text}")
    if isinstance(exc, httpx.ConnectError):
        return ConnectError(f"cannot connect: {text}")
    if isinstance(exc, httpx.NetworkError):  # reset or broken while talking
        return ConnectError(f"connection failed: {text}")
    if isinstance(exc, httpx.RemoteProtocolError) and "without sending a response" in text:
        return ConnectError(f"connection closed: {text}")  # accepted, then hung up
    return FetchError(f"{type(exc).__name__}: {text}")


def _transient(exc: httpx.HTTPError) -> bool:
    """Worth another try: timeouts, network trouble, a connection that broke off."""
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def check_url(url: str) -> str:
    """The URL if httpx can fetch it; :class:`SourceError` (bad_source) otherwise."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        raise SourceError(f"not a valid URL: {url!r} ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError(f"not an http(s) URL: {url!r}")
    if not parts.hostname:
        raise SourceError(f"URL without a host: {url!r}")
    return url


class Fetcher:
    """Fetches sources with one shared client, host limiter, robots cache and disk cache."""

    def __init__(
        self,
        settings: FetchSettings,
        client: httpx.AsyncClient,
        *,
        cache: HttpCache | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.client = client
        self.cache = cache
        self.limiter = HostLimiter(settings.per_host)
        self.robots = RobotsCache(self._fetch_robots, settings.user_agent)
        self._rng = rng or random.Random()

    async def aclose(self) -> None:
        await self.robots.aclose()

    async def fetch(self, source: Source) -> RawDocument:
        """One document for one source, whatever happens."""
        if not source.is_url:
            return await asyncio.to_thread(read_local, source, self.settings.max_bytes)
        trace = _Trace(source.location)
        try:
            check_url(source.location)
            response = await self._fetch_cached(source.location, trace)
            return await self._document(source, response)
        except ExtractorError as exc:
            return error_document(
                source,
                exc,
                url=trace.url,
                http_status=trace.status,
                content_type=trace.content_type,
            )
        except httpx.HTTPError as exc:
            return error_document(source, _convert(exc), url=trace.url, http_status=trace.status)
        except httpx.InvalidURL as exc:  # not an HTTPError: a bad URL met during redirects
            error = FetchError(f"invalid URL on the way: {exc}")
            return error_document(source, error, url=trace.url, http_status=trace.status)

    async def _document(self, source: Source, response: CachedResponse) -> RawDocument:
        status = response.status
        if not 200 <= status < 300:
            raise HttpStatusError(status)
        if response.body is None:
            raise NotHtmlError(f"content type {response.content_type or 'unknown'} is no article")
        media = decide_media(response.content_type, response.body[:1024])
        if media is None:
            raise NotHtmlError(f"content type {response.content_type or 'unknown'} is no article")
        if len(response.body) > _DECODE_IN_THREAD:
            # Charset detection on a big page takes long enough to stall every other
            # fetch on the loop: give it to a worker thread.
            text, _codec = await asyncio.to_thread(
                decode_body, response.body, response.content_type, media
            )
        else:
            text, _codec = decode_body(response.body, response.content_type, media)
        return RawDocument(
            source=source.given,
            location=source.location,
            url=response.url,
            http_status=status,
            content_type=response.content_type,
            media=media,
            text=text,
        )

    async def _fetch_cached(self, url: str, trace: _Trace) -> CachedResponse:
        if self.cache is not None:
            hit = self.cache.get(url)
            if hit is not None:
                trace.url, trace.status, trace.content_type = hit.url, hit.status, hit.content_type
                return hit
        response = await self._fetch_with_retries(url, trace)
        if self.cache is not None:
            self.cache.put(url, response)
        return response

    async def _fetch_with_retries(self, url: str, trace: _Trace) -> CachedResponse:
        settings = self.settings
        for attempt in range(settings.retries + 1):
            last = attempt == settings.retries
            try:
                async with asyncio.timeout(settings.timeout):
                    response = await self._follow(url, trace, settings.max_bytes)
            except TimeoutError as exc:
                error: ExtractorError = FetchTimeoutError(
                    f"no complete answer within {settings.timeout:g} s"
                )
                error.__cause__ = exc
                transient = True
            except httpx.HTTPError as exc:
                error = _convert(exc)
                transient = _transient(exc)
            else:
                if not is_retry_status(response.status) or last:
                    return response
                wait = parse_retry_after(response.retry_after)
                await asyncio.sleep(self._delay(attempt, wait))
                continue
            if not transient or last:
                raise error
            await asyncio.sleep(self._delay(attempt, None))
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        s = self.settings
        return retry_delay(attempt, s.backoff, retry_after, s.max_retry_after, self._rng.random())

    async def _follow(self, url: str, trace: _Trace, max_bytes: int) -> CachedResponse:
        """One try: the redirect chain, robots checked at every hop, the final body read."""
        current = url
        # Cookies live for one redirect chain only (the "set a cookie and redirect to
        # yourself" dance works); the client keeps none, so memory stays flat over a
        # long batch and sites cannot follow us from page to page.
        cookies = httpx.Cookies()
        for _hop in range(self.settings.max_redirects + 1):
            # An error record names the last URL tried, and its status only if it answered.
            trace.url, trace.status, trace.content_type = current, None, None
            if self.settings.respect_robots and not await self.robots.allowed(current):
                raise RobotsDisallowedError(f"robots.txt disallows {current}")
            async with self.limiter.slot(host_key(current)):
                request = self.client.build_request("GET", current)
                cookies.set_cookie_header(request)
                response = await self.client.send(request, stream=True)
                try:
                    trace.status = response.status_code
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        cookies.extract_cookies(response)
                        current = _redirect_target(str(response.url), location)
                        await _drain(response)
                        continue
                    return await self._read(response, max_bytes, trace)
                finally:
                    await response.aclose()
        raise TooManyRedirectsError(f"more than {self.settings.max_redirects} redirects")

    async def _read(
        self, response: httpx.Response, max_bytes: int, trace: _Trace
    ) -> CachedResponse:
        status = response.status_code
        content_type = response.headers.get("content-type")
        trace.content_type = content_type
        url = str(response.url)
        if not 200 <= status < 300:
            # Error pages are not kept: their status is all we report.
            await _drain(response)
            retry_after = response.headers.get("retry-after")
            return CachedResponse(url, status, content_type, None, retry_after)
        if media_from_header(content_type) == "reject":
            return CachedResponse(url, status, content_type, None)  # not_html, body unread
        declared = response.headers.get("content-length")
        if declared and declared.strip().isdigit() and int(declared) > max_bytes:
            raise TooLargeError(f"Content-Length {declared} is over the cap of {max_bytes} bytes")
        body = await _read_body(response, max_bytes)
        if body[:2] == b"\x1f\x8b" and not response.headers.get("content-encoding"):
            # A gzip file served as the page itself (a misconfigured .html.gz).
            try:
                body = read_all(body, max_bytes, "gzip")
            except FetchError:
                pass  # not gzip after all: sniffing will call it binary
        return CachedResponse(url, status, content_type, body)

    async def _fetch_robots(self, robots_url: str) -> tuple[int | None, str | None]:
        """GET one robots.txt: a few redirects, a small cap, no retries, a short timeout."""
        if self.cache is not None:
            hit = self.cache.get(robots_url)
            if hit is not None:
                return hit.status, _robots_text(hit)
        async with asyncio.timeout(min(self.settings.timeout, 2 * self.settings.connect_timeout)):
            current = robots_url
            for _hop in range(5):
                async with self.limiter.slot(host_key(current)):
                    request = self.client.build_request("GET", current)
                    response = await self.client.send(request, stream=True)
                    try:
                        location = response.headers.get("location")
                        if response.status_code in _REDIRECTS and location:
                            current = _redirect_target(str(response.url), location)
                            continue
                        body = None
                        if 200 <= response.status_code < 300:
                            # Whatever type robots.txt claims, it is read as text;
                            # past the cap it is truncated (RFC 9309 allows that).
                            body = await _read_body(response, ROBOTS_MAX_BYTES, truncate=True)
                        result = CachedResponse(
                            str(response.url), response.status_code, "text/plain", body
                        )
                    finally:
                        await response.aclose()
                if self.cache is not None:
                    self.cache.put(robots_url, result)
                return result.status, _robots_text(result)
        return None, None  # a redirect loop: treated as unreachable, which allows


#: Small bodies we do not need are read anyway, so the connection can be reused.
_DRAIN_MAX = 64 * 1024


async def _drain(response: httpx.Response) -> None:
    """Read and drop a small body of known length (redirects, error pages)."""
    declared = response.headers.get("content-length", "").strip()
    if response.is_stream_consumed or not declared.isdigit() or int(declared) > _DRAIN_MAX:
        return  # unknown or large: closing the connection is cheaper than reading
    try:
        async for _chunk in response.aiter_raw():
            pass
    except httpx.HTTPError:
        pass  # the status is what counts; a broken error page changes nothing


def _redirect_target(base: str, location: str) -> str:
    target = urljoin(base, location.strip())
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        raise FetchError(f"redirect to a URL we cannot fetch: {target!r}")
    return target


async def _read_body(response: httpx.Response, max_bytes: int, *, truncate: bool = False) -> bytes:
    """The raw stream through our own bounded decompression (see body.py)."""
    if response.is_stream_consumed:
        # The transport handed over a body already read and decoded by httpx
        # (httpx.MockTransport does): only the cap is left to apply.
        reader = BodyReader(max_bytes, None, truncate=truncate)
        reader.feed(response.content)
        return reader.finish()
    reader = BodyReader(max_bytes, response.headers.get("content-encoding"), truncate=truncate)
    async for chunk in response.aiter_raw():
        reader.feed(chunk)
        if reader.truncated:
            break
    return reader.finish()


def _robots_text(response: CachedResponse) -> str | None:
    if response.body is None:
        return None
    return response.body.decode("utf-8", errors="replace")
