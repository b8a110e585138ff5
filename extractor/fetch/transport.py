"""One small connection pool per host, behind one httpx transport.

httpcore's connection pool scans all its connections for every request and
every response it closes; with one pool of a hundred connections over fifty
hosts that scan, not the network, became the bottleneck of a batch (measured:
two thirds of the CPU time). A pool per (scheme, host, port), sized to the
per-host limit, keeps each scan to a handful of connections. Pools share one SSL
context (building one costs milliseconds) and the least recently used idle
pools are closed once there are more than ``max_pools``.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable

import httpx


class _CountedStream(httpx.AsyncByteStream):
    """A response body that tells its pool when it is closed (the connection is free)."""

    def __init__(self, stream: httpx.AsyncByteStream, done: Callable[[], None]) -> None:
        self._stream = stream
        self._done: Callable[[], None] | None = done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            if self._done is not None:
                done, self._done = self._done, None
                done()


class _Pool:
    def __init__(self, transport: httpx.AsyncHTTPTransport) -> None:
        self.transport = transport
        self.active = 0


class HostPoolTransport(httpx.AsyncBaseTransport):
    """Routes each request to the pool of its origin."""

    def __init__(
        self,
        per_host: int,
        *,
        max_pools: int = 512,
        keepalive_expiry: float = 15.0,
        trust_env: bool = True,
    ) -> None:
        self._limits = httpx.Limits(
            max_connections=per_host + 1,  # +1: a robots.txt fetch beside full page slots
            max_keepalive_connections=per_host,
            keepalive_expiry=keepalive_expiry,
        )
        self._trust_env = trust_env
        self._ssl: ssl.SSLContext | None = None
        self._max_pools = max_pools
        self._pools: OrderedDict[tuple[bytes, bytes, int | None], _Pool] = OrderedDict()
        self._closing: set[asyncio.Task[None]] = set()

    def _pool(self, key: tuple[bytes, bytes, int | None]) -> _Pool:
        pool = self._pools.get(key)
        if pool is None:
            if self._ssl is None:
                self._ssl = httpx.create_ssl_context(trust_env=self._trust_env)
            transport = httpx.AsyncHTTPTransport(
                verify=self._ssl, limits=self._limits, trust_env=self._trust_env
            )
            pool = self._pools[key] = _Pool(transport)
            self._evict()
        else:
            self._pools.move_to_end(key)
        return pool

    def _evict(self) -> None:
        if len(self._pools) <= self._max_pools:
            return
        for key in [k for k, p in self._pools.items() if not p.active]:
            if len(self._pools) <= self._max_pools:
                break
            pool = self._pools.pop(key)
            task = asyncio.ensure_future(pool.transport.aclose())
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        pool = self._pool((url.raw_scheme, url.raw_host, url.port))
        pool.active += 1
        try:
            response = await pool.transport.handle_async_request(request)
        except BaseException:
            pool.active -= 1
            raise

        def done() -> None:
            pool.active -= 1

        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_CountedStream(response.stream, done),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        await asyncio.gather(*(p.transport.aclose() for p in pools), return_exceptions=True)
        await asyncio.gather(*self._closing, return_exceptions=True)
