"""robots.txt: fetched once per origin, parsed with urllib.robotparser.

Policy (RFC 9309, relaxed where the brief says so): a 4xx robots.txt means
everything is allowed; a robots.txt that cannot be fetched (5xx, timeout,
refused) also allows everything, so a broken robots.txt never blocks a batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.robotparser import RobotFileParser

from .limits import origin

#: RFC 9309 asks crawlers to parse at least 500 KiB.
ROBOTS_MAX_BYTES = 512 * 1024


def parse_robots(status: int | None, text: str | None) -> RobotFileParser | None:
    """A parser for a fetched robots.txt, or None when everything is allowed."""
    if status is None or not 200 <= status < 300 or text is None:
        return None
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return parser


def robots_allows(parser: RobotFileParser | None, user_agent: str, url: str) -> bool:
    """Whether ``url`` may be fetched under this robots.txt."""
    if parser is None:
        return True
    return parser.can_fetch(user_agent, url)


RobotsFetcher = Callable[[str], Awaitable[tuple[int | None, str | None]]]


class RobotsCache:
    """One robots.txt fetch per origin, shared by every request to it.

    The fetch runs as its own task (shielded), so a request that gives up on
    its own timeout does not cancel the fetch that others wait for.
    """

    def __init__(self, fetch: RobotsFetcher, user_agent: str, *, max_origins: int = 10_000) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._max_origins = max_origins
        # Insertion-ordered: the oldest origins are forgotten first, so a list over a
        # million sites keeps at most ``max_origins`` parsed robots.txt files.
        self._tasks: dict[str, asyncio.Task[RobotFileParser | None]] = {}

    async def _load(self, robots_url: str) -> RobotFileParser | None:
        try:
            status, text = await self._fetch(robots_url)
        except Exception:  # unreachable robots.txt: allow (see module docstring)
            return None
        return parse_robots(status, text)

    async def allowed(self, url: str) -> bool:
        key = origin(url)
        task = self._tasks.get(key)
        if task is None:
            task = self._tasks[key] = asyncio.ensure_future(self._load(key + "/robots.txt"))
            self._forget_old()
        parser = await asyncio.shield(task)
        return robots_allows(parser, self._user_agent, url)

    def _forget_old(self) -> None:
        excess = len(self._tasks) - self._max_origins
        if excess <= 0:
            return
        for key in [k for k, t in self._tasks.items() if t.done()][:excess]:
            del self._tasks[key]

    async def aclose(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        await asyncio.gather(*self._tasks.values(), return_exceptions=True)
