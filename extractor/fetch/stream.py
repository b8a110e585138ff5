"""Running the async fetcher behind a plain iterator.

The event loop runs in a background thread. A scheduler reads sources a little
ahead of the fetches (``lookahead``), starts at most ``concurrency`` fetches and
at most ``per_host`` per host: the next fetch is the oldest pending source whose
host has a free slot, so a list sorted by site still keeps every host busy and
no host waits behind another one. Finished documents wait in a
queue for the consumer; no new fetch starts while ``2 * concurrency`` finished
or running documents are outstanding. So memory is bounded whatever the length
of the list: a 100,000-URL batch holds at most a few hundred bodies.
"""

from __future__ import annotations

import asyncio
import heapq
import queue
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from ..config import FetchSettings
from ..errors import ExtractorError
from ..sources import Source, parse_source
from .cache import HttpCache
from .client import Fetcher, make_client
from .document import RawDocument, error_document
from .limits import host_key

_DONE = object()


class _Failed:
    """The scheduler itself failed (not one source): re-raised in the consumer."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _Scheduler:
    def __init__(
        self,
        sources: Iterable[Source | str],
        settings: FetchSettings,
        transport: httpx.AsyncBaseTransport | None,
        out: queue.Queue[object],
        lookahead: int,
    ) -> None:
        self._sources = iter(sources)
        self._settings = settings
        self._transport = transport
        self._out = out
        self._lookahead = lookahead
        self._max_outstanding = 2 * settings.concurrency
        self._pending: dict[str, deque[tuple[int, Source]]] = {}
        self._n_pending = 0
        self._active: dict[str, int] = {}
        # (index of the host's oldest pending source, host) for hosts that have
        # pending sources and a free slot; ``_queued`` says which hosts are in it.
        self._heap: list[tuple[int, str]] = []
        self._queued: set[str] = set()
        self._running = 0
        self._ready = 0  # finished, not yet taken by the consumer
        self._next_index = 0
        self._exhausted = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._wake: asyncio.Event | None = None

    def consumed(self) -> None:
        """Called (in the loop thread) when the consumer took one document."""
        self._ready -= 1
        if self._wake is not None:
            self._wake.set()

    def _fill(self) -> None:
        while not self._exhausted and self._n_pending < self._lookahead:
            try:
                item = next(self._sources)
            except StopIteration:
                self._exhausted = True
                return
            source = item if isinstance(item, Source) else parse_source(str(item))
            host = host_key(source.location) if source.is_url else ""
            self._pending.setdefault(host, deque()).append((self._next_index, source))
            self._next_index += 1
            self._n_pending += 1
            self._offer(host)

    def _offer(self, host: str) -> None:
        """Put ``host`` on the heap if it has work and a free slot."""
        if host in self._queued or not self._pending.get(host):
            return
        if self._active.get(host, 0) >= self._host_limit(host):
            return
        heapq.heappush(self._heap, (self._pending[host][0][0], host))
        self._queued.add(host)

    def _host_limit(self, host: str) -> int:
        # Local files and unparseable URLs have no host to be polite to.
        return self._settings.per_host if host else self._settings.concurrency

    def _dispatch(self, fetcher: Fetcher) -> None:
        while self._heap:
            if self._running >= self._settings.concurrency:
                return
            if self._running + self._ready >= self._max_outstanding:
                return
            _index, host = heapq.heappop(self._heap)
            self._queued.discard(host)
            pending = self._pending[host]
            index, source = pending.popleft()
            if not pending:
                del self._pending[host]
            self._n_pending -= 1
            self._running += 1
            self._active[host] = self._active.get(host, 0) + 1
            task = asyncio.ensure_future(self._one(fetcher, index, source, host))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            self._offer(host)

    async def _one(self, fetcher: Fetcher, index: int, source: Source, host: str) -> None:
        try:
            doc = await fetcher.fetch(source)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug must cost one record, not the batch
            doc = error_document(source, ExtractorError(f"{type(exc).__name__}: {exc}"))
        finally:
            self._running -= 1
            self._active[host] -= 1
            if not self._active[host]:
                del self._active[host]
            self._offer(host)
        self._ready += 1
        self._out.put((index, doc))
        assert self._wake is not None
        self._wake.set()

    async def run(self) -> None:
        self._wake = asyncio.Event()
        settings = self._settings
        cache = HttpCache(Path(settings.cache_dir)) if settings.cache_dir else None
        async with make_client(settings, self._transport) as client:
            fetcher = Fetcher(settings, client, cache=cache)
            try:
                while True:
                    self._fill()
                    self._dispatch(fetcher)
                    if self._exhausted and not self._n_pending and not self._running:
                        break
                    await self._wake.wait()
                    self._wake.clear()
            finally:
                for task in list(self._tasks):
                    task.cancel()
                await asyncio.gather(*self._tasks, return_exceptions=True)
                await fetcher.aclose()


class _Background:
    """The loop thread, and the hand-over between it and the consuming thread."""

    def __init__(self, scheduler: _Scheduler, out: queue.Queue[object]) -> None:
        self._scheduler = scheduler
        self.out = out
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main: asyncio.Task[None] | None = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, name="extractor-fetch", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._started.wait()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._main = loop.create_task(self._scheduler.run())
            self._started.set()
            loop.run_until_complete(self._main)
        except asyncio.CancelledError:
            pass
        except BaseException as exc:
            self.out.put(_Failed(exc))
        finally:
            self._started.set()
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                loop.close()
                self.out.put(_DONE)

    def _call(self, fn: object) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(fn)  # type: ignore[arg-type]
        except RuntimeError:
            pass  # the loop closed in between: nothing left to tell it

    def consumed(self) -> None:
        self._call(self._scheduler.consumed)

    def stop(self) -> None:
        if self._thread.is_alive():
            if self._main is not None:
                self._call(self._main.cancel)
            self._thread.join(timeout=10)


def iter_indexed(
    sources: Iterable[Source | str],
    settings: FetchSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    lookahead: int | None = None,
) -> Iterator[tuple[int, RawDocument]]:
    """(input position, document) pairs in completion order."""
    out: queue.Queue[object] = queue.Queue()
    window = lookahead or max(1024, 16 * settings.concurrency)
    background = _Background(_Scheduler(sources, settings, transport, out, window), out)
    background.start()
    try:
        while True:
            item = out.get()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.exc
            background.consumed()
            yield item  # type: ignore[misc]
    finally:
        background.stop()


def fetch_iter(
    sources: Iterable[Source | str],
    settings: FetchSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Iterator[RawDocument]:
    """Fetch every source; yields one :class:`RawDocument` per source as each completes.

    Never raises for one bad source: its document carries the error code. The
    sources are read lazily, so the list may be a generator over millions of lines.
    ``transport`` replaces httpx's network transport (tests use ``httpx.MockTransport``).
    """
    for _index, doc in iter_indexed(sources, settings, transport=transport):
        yield doc


def fetch_batch(
    sources: Iterable[Source | str],
    settings: FetchSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[RawDocument]:
    """Like :func:`fetch_iter`, but returns every document at once, in input order."""
    items = list(sources)
    docs: list[RawDocument | None] = [None] * len(items)
    for index, doc in iter_indexed(items, settings, transport=transport):
        docs[index] = doc
    assert all(doc is not None for doc in docs)
    return docs  # type: ignore[return-value]
