"""Per-host limits and the retry policy (pure functions, tested with small tables)."""

from __future__ import annotations

import asyncio
import email.utils
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit

#: Statuses worth another try: rate limiting and server trouble.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504}) | frozenset(range(520, 531))


def host_key(url: str) -> str:
    """The host that a politeness limit applies to ('' for anything without one)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def origin(url: str) -> str:
    """scheme://host[:port], the scope of one robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def is_retry_status(status: int) -> bool:
    return status in RETRY_STATUSES or 500 <= status < 600


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def retry_delay(
    attempt: int, backoff: float, retry_after: float | None, cap: float, jitter: float
) -> float:
    """How long to sleep before retry number ``attempt + 1``.

    ``jitter`` is a number in [0, 1): exponential backoff times a factor in
    [0.5, 1.5), so many clients that failed together do not retry together.
    The server's Retry-After wins over our own backoff, within ``cap``.
    """
    if retry_after is not None:
        return min(retry_after, cap)
    return min(backoff * (2**attempt) * (0.5 + jitter), cap)


class HostLimiter:
    """At most ``per_host`` requests in flight to any one host.

    Semaphores are made on first use and dropped when nobody holds or waits
    for them, so a list of 100,000 hosts does not keep 100,000 semaphores.
    """

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        sem = self._sems.get(host)
        if sem is None:
            sem = self._sems[host] = asyncio.Semaphore(self.per_host)
        self._users[host] = self._users.get(host, 0) + 1
        try:
            async with sem:
                yield
        finally:
            self._users[host] -= 1
            if not self._users[host]:
                del self._users[host]
                del self._sems[host]
