"""The fetch stage against the local fault server, and with an injected transport."""

from __future__ import annotations

import gzip
import threading
import time
from pathlib import Path

import httpx
import pytest
from fault_server import DUTCH_TEXT, FaultServer

from extractor.config import FetchSettings
from extractor.fetch import RawDocument, fetch_batch, fetch_iter
from extractor.sources import Source, parse_source


def fetch_one(settings: FetchSettings, source: str) -> RawDocument:
    [doc] = fetch_batch([parse_source(source)], settings)
    return doc


# Each row: path on the fault server, expected error code (None: success), expected media.
FAULTS = [
    ("/nl/artikel", None, "html"),
    ("/text/artikel", None, "text"),
    ("/xhtml/artikel", None, "html"),
    ("/no-type/artikel", None, "html"),
    ("/gzip/artikel", None, "html"),
    ("/status/404", "http_404", None),
    ("/status/410", "http_410", None),
    ("/status/403", "http_403", None),
    ("/always-500/x", "http_500", None),
    ("/hang", "timeout", None),
    ("/drip", "timeout", None),
    ("/reset", "connect_failed", None),
    ("/loop/a", "too_many_redirects", None),
    ("/huge", "too_large", None),
    ("/huge-declared", "too_large", None),
    ("/gzip-bomb", "too_large", None),
    ("/pdf", "not_html", None),
    ("/pdf-untyped", "not_html", None),
    ("/image", "not_html", None),
    ("/private/artikel", "robots_disallowed", None),
    ("/cookie-dance/x", None, "html"),  # cookie kept within one redirect chain
    ("/gzip-unlabelled/x", None, "html"),
    ("/redirect-ftp/x", "fetch_failed", None),
    ("/hangup", "connect_failed", None),
    ("/garbage", "fetch_failed", None),
    ("/truncated", "fetch_failed", None),
]


@pytest.mark.parametrize(("path", "code", "media"), FAULTS)
def test_fault_codes(
    fault_server: FaultServer, fast_fetch: FetchSettings, path: str, code: str | None, media: str
) -> None:
    settings = fast_fetch.model_copy(update={"retries": 0})
    doc = fetch_one(settings, fault_server.url(path))
    assert doc.error == code, doc.message
    assert doc.media == media
    if code is None:
        assert doc.text and "ASML" in doc.text
        assert doc.http_status == 200
    else:
        assert doc.text is None and doc.message


def test_one_batch_with_every_fault(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    """The batch goes on past every fault: one document per source, in input order."""
    sources = [fault_server.url(path) for path, _, _ in FAULTS]
    sources += ["http://127.0.0.1:1/unreachable", "dit is geen url", "ftp://example.org/x"]
    settings = fast_fetch.model_copy(update={"retries": 0})  # retries are tested below
    docs = fetch_batch([parse_source(s) for s in sources], settings)
    assert [d.source for d in docs] == sources
    codes = [d.error for d in docs]
    assert codes == [code for _, code, _ in FAULTS] + ["connect_failed", "bad_source", "bad_source"]


def test_retry_after_500_succeeds(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    doc = fetch_one(fast_fetch, fault_server.url("/flaky/unit"))
    assert doc.error is None and doc.http_status == 200
    assert fault_server.hits("/flaky/unit") == 2


def test_no_retries_means_one_try(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    settings = fast_fetch.model_copy(update={"retries": 0})
    doc = fetch_one(settings, fault_server.url("/flaky/no-retry"))
    assert doc.error == "http_500" and doc.http_status == 500
    assert fault_server.hits("/flaky/no-retry") == 1


def test_retries_give_up(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    settings = fast_fetch.model_copy(update={"retries": 2})
    doc = fetch_one(settings, fault_server.url("/always-500/give-up"))
    assert doc.error == "http_500"
    assert fault_server.hits("/always-500/give-up") == 3


def test_503_honours_retry_after(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    started = time.monotonic()
    doc = fetch_one(fast_fetch, fault_server.url("/busy/unit"))
    elapsed = time.monotonic() - started
    assert doc.error is None and doc.http_status == 200
    assert fault_server.hits("/busy/unit") == 2
    assert elapsed >= 0.95, "Retry-After: 1 was not waited for"


def test_retry_after_is_capped(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    settings = fast_fetch.model_copy(update={"max_retry_after": 0.1})
    started = time.monotonic()
    doc = fetch_one(settings, fault_server.url("/busy/capped"))
    assert doc.error is None
    assert time.monotonic() - started < 0.9


def test_timeout_is_retried(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    settings = fast_fetch.model_copy(update={"timeout": 0.5, "retries": 1})
    started = time.monotonic()
    doc = fetch_one(settings, fault_server.url("/slow/0.8"))
    assert doc.error == "timeout"
    assert time.monotonic() - started >= 1.0  # two tries of 0.5 s


def test_redirect_gives_final_url(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    doc = fetch_one(fast_fetch, fault_server.url("/redirect/x"))
    assert doc.error is None
    assert doc.url == fault_server.url("/nl/redirected")
    assert doc.source == fault_server.url("/redirect/x")


def test_redirect_limit_zero(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    settings = fast_fetch.model_copy(update={"max_redirects": 0})
    assert fetch_one(settings, fault_server.url("/redirect/y")).error == "too_many_redirects"


def test_latin1_without_charset(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    doc = fetch_one(fast_fetch, fault_server.url("/latin1/cafe"))
    assert doc.error is None and doc.text is not None
    assert "café" in doc.text and "geïnspireerd" in doc.text and "reünie" in doc.text


def test_empty_page_is_empty_text(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    """Fetch delivers "" for an empty 200; the article stage reports no_text."""
    doc = fetch_one(fast_fetch, fault_server.url("/empty"))
    assert doc.error is None and doc.text == "" and doc.http_status == 200


def test_robots_fetched_once_per_host(fast_fetch: FetchSettings) -> None:
    with FaultServer() as server:
        sources = [parse_source(server.url(f"/nl/{i}")) for i in range(12)]
        sources.append(parse_source(server.url("/private/x")))
        docs = fetch_batch(sources, fast_fetch)
        assert [d.error for d in docs] == [None] * 12 + ["robots_disallowed"]
        assert server.requests.count("/robots.txt") == 1
        assert "/private/x" not in server.requests


def test_ignore_robots(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    settings = fast_fetch.model_copy(update={"respect_robots": False})
    assert fetch_one(settings, fault_server.url("/private/ignored")).error is None


def test_missing_robots_allows_all(fast_fetch: FetchSettings) -> None:
    with FaultServer(robots=None) as server:
        assert fetch_one(fast_fetch, server.url("/private/x")).error is None


def test_per_host_limit_is_respected(fast_fetch: FetchSettings) -> None:
    """Count requests in flight at the server: never more than per_host."""
    settings = fast_fetch.model_copy(update={"per_host": 3, "concurrency": 20})
    lock = threading.Lock()
    state = {"now": 0, "max": 0}

    async def handler(request: httpx.Request) -> httpx.Response:
        import asyncio

        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        await asyncio.sleep(0.1)
        with lock:
            state["now"] -= 1
        return httpx.Response(200, headers={"content-type": "text/html"}, text="<html>hoi</html>")

    sources = [Source(f"http://one.test/{i}", f"http://one.test/{i}") for i in range(30)]
    docs = list(fetch_iter(sources, settings, transport=httpx.MockTransport(handler)))
    assert len(docs) == 30 and all(d.error is None for d in docs)
    assert 1 < state["max"] <= 3


def test_mock_transport_and_cache(tmp_path: Path, fast_fetch: FetchSettings) -> None:
    """An injected transport needs no network; with a cache a rerun sends no request."""
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        body = gzip.compress("<html><body><p>Één artikel.</p></body></html>".encode())
        return httpx.Response(
            200,
            headers={"content-type": "text/html; charset=utf-8", "content-encoding": "gzip"},
            content=body,
        )

    settings = fast_fetch.model_copy(update={"cache_dir": tmp_path / "cache"})
    transport = httpx.MockTransport(handler)
    first = fetch_batch(
        ["https://nieuws.test/a", "https://nieuws.test/b"], settings, transport=transport
    )
    assert all("Één artikel" in (d.text or "") for d in first)
    n_calls = len(calls)
    assert n_calls == 3  # robots.txt once, two pages
    again = fetch_batch(
        ["https://nieuws.test/a", "https://nieuws.test/b"], settings, transport=transport
    )
    assert again == first
    assert len(calls) == n_calls


def test_local_files(tmp_path: Path, fast_fetch: FetchSettings) -> None:
    html = "<html><head><meta charset='windows-1252'></head><body>café</body></html>"
    (tmp_path / "a.html").write_bytes(html.encode("cp1252"))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(html.encode("cp1252")))
    (tmp_path / "c.txt").write_text(DUTCH_TEXT, encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "e.html.gz").write_bytes(b"not gzip")
    (tmp_path / "big.html").write_bytes(b"<html>" + b"x" * 2_000_000)
    names = ["a.html", "b.html.gz", "c.txt", "d.pdf", "e.html.gz", "missing.html", "big.html"]
    sources = [parse_source(n, tmp_path) for n in names]
    sources.append(parse_source((tmp_path / "a.html").as_uri()))
    docs = fetch_batch(sources, fast_fetch)
    assert [d.error for d in docs] == [
        None,
        None,
        None,
        "bad_source",
        "file_unreadable",
        "bad_source",
        "too_large",
        None,  # a file:// URI
    ]
    assert docs[-1].text == docs[0].text
    assert [d.media for d in docs[:3]] == ["html", "html", "text"]
    assert "café" in (docs[0].text or "") and "café" in (docs[1].text or "")
    assert docs[2].text == DUTCH_TEXT
    assert docs[0].url is None and docs[0].location == str(tmp_path / "a.html")


def test_fetch_iter_is_lazy_and_complete(
    fault_server: FaultServer, fast_fetch: FetchSettings
) -> None:
    """A generator of sources is read as the batch goes; every source gives one document."""
    read = []

    def gen():  # type: ignore[no-untyped-def]
        for i in range(40):
            read.append(i)
            yield parse_source(fault_server.url(f"/nl/lazy-{i}"))

    docs = list(fetch_iter(gen(), fast_fetch))
    assert sorted(d.source for d in docs) == sorted(
        fault_server.url(f"/nl/lazy-{i}") for i in range(40)
    )
    assert all(d.error is None for d in docs)


def test_fetch_iter_can_stop_early(fault_server: FaultServer, fast_fetch: FetchSettings) -> None:
    sources = [parse_source(fault_server.url("/slow/0.3")) for _ in range(50)]
    started = time.monotonic()
    it = fetch_iter(sources, fast_fetch)
    first = next(it)
    it.close()  # must cancel the rest instead of fetching all 50
    assert first.error is None
    assert time.monotonic() - started < 3


def test_grouped_list_keeps_every_host_busy(fast_fetch: FetchSettings) -> None:
    """A list sorted by host must not leave the second host idle until the first is done."""
    settings = fast_fetch.model_copy(update={"per_host": 2, "concurrency": 4})
    lock = threading.Lock()
    now: dict[str, int] = {}
    peak = {"total": 0}

    async def handler(request: httpx.Request) -> httpx.Response:
        import asyncio

        host = request.url.host
        with lock:
            now[host] = now.get(host, 0) + 1
            peak["total"] = max(peak["total"], sum(now.values()))
        await asyncio.sleep(0.1)
        with lock:
            now[host] -= 1
        return httpx.Response(200, headers={"content-type": "text/plain"}, text="tekst")

    urls = [f"http://a.test/{i}" for i in range(20)] + [f"http://b.test/{i}" for i in range(20)]
    docs = fetch_batch(urls, settings, transport=httpx.MockTransport(handler))
    assert [d.source for d in docs] == urls and all(d.error is None for d in docs)
    assert peak["total"] == 4  # both hosts at their limit of 2 at once


def test_host_pools_are_evicted(fast_fetch: FetchSettings) -> None:
    """One connection pool per origin, and no more than max_pools kept open."""
    import asyncio

    from extractor.fetch.client import Fetcher, make_client
    from extractor.fetch.transport import HostPoolTransport

    servers = [FaultServer(robots=None) for _ in range(3)]
    try:

        async def go() -> list[RawDocument]:
            transport = HostPoolTransport(2, max_pools=2)
            async with make_client(fast_fetch, transport) as client:
                fetcher = Fetcher(fast_fetch, client)
                docs = []
                for server in servers:
                    docs.append(await fetcher.fetch(parse_source(server.url("/nl/pool"))))
                    assert len(transport._pools) <= 2
                await fetcher.aclose()
                return docs

        docs = asyncio.run(go())
        assert all(d.error is None for d in docs)
    finally:
        for server in servers:
            server.close()


@pytest.mark.parametrize(
    "url",
    ["http://", "https://:80/x", "http://[bad/", "http://127.0.0.1:99999/", "ftp://example.org/"],
)
def test_malformed_urls_are_bad_sources(url: str, fast_fetch: FetchSettings) -> None:
    doc = fetch_one(fast_fetch, url)
    assert doc.error == "bad_source" and doc.message


def test_cookies_do_not_outlive_a_fetch(
    fault_server: FaultServer, fast_fetch: FetchSettings
) -> None:
    """Every fetch starts without cookies: the dance happens again for the second page."""
    docs = fetch_batch(
        [fault_server.url("/cookie-dance/one"), fault_server.url("/cookie-dance/one")], fast_fetch
    )
    assert [d.error for d in docs] == [None, None]
    assert fault_server.requests.count("/cookie-dance/one") == 4


def test_robots_cache_forgets_old_origins() -> None:
    import asyncio

    from extractor.fetch.robots import RobotsCache

    fetched: list[str] = []

    async def fetch(url: str) -> tuple[int | None, str | None]:
        fetched.append(url)
        return 200, "User-agent: *\nDisallow: /x\n"

    async def go() -> None:
        cache = RobotsCache(fetch, "extractor", max_origins=2)
        for host in ["a", "b", "c", "a"]:
            assert not await cache.allowed(f"http://{host}.test/x")
        assert len(cache._tasks) <= 2
        await cache.aclose()

    asyncio.run(go())
    assert fetched.count("http://a.test/robots.txt") == 2  # forgotten, then fetched again


def test_look_ahead_is_bounded(fast_fetch: FetchSettings) -> None:
    """An endless source list works: sources are read, and pages fetched, only a bit ahead."""
    import itertools

    settings = fast_fetch.model_copy(update={"concurrency": 8, "per_host": 8})
    read = itertools.count()
    requests = itertools.count()

    def handler(request: httpx.Request) -> httpx.Response:
        next(requests)
        return httpx.Response(200, headers={"content-type": "text/plain"}, text="tekst")

    def endless():  # type: ignore[no-untyped-def]
        for i in itertools.count():
            next(read)
            yield f"http://h{i % 3}.test/{i}"

    it = fetch_iter(endless(), settings, transport=httpx.MockTransport(handler))
    first = next(it)
    time.sleep(0.5)  # a slow consumer: the fetcher must wait for it
    n_read, n_requests = next(read), next(requests)
    it.close()
    assert first.error is None
    # The look-ahead window of pending sources, plus those running or finished.
    assert n_read <= 1024 + 2 * settings.concurrency + 2
    # Finished-but-unconsumed documents are capped at 2 x concurrency (robots.txt: 3 more).
    assert n_requests <= 2 * settings.concurrency + 3 + 1
