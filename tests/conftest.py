"""Shared fixtures. The fault server is started once per test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fault_server import FaultServer

from extractor.config import FetchSettings


@pytest.fixture(scope="session")
def fault_server() -> Iterator[FaultServer]:
    """The local HTTP server with samples and fault endpoints (see tests/fault_server.py)."""
    server = FaultServer()
    yield server
    server.close()


@pytest.fixture
def fast_fetch() -> FetchSettings:
    """Fetch settings with short timeouts and backoff, so fault tests take seconds."""
    return FetchSettings(
        timeout=2.0,
        connect_timeout=1.0,
        read_timeout=1.5,
        retries=1,
        backoff=0.05,
        max_retry_after=2.0,
        max_bytes=1_000_000,
        max_redirects=5,
    )
