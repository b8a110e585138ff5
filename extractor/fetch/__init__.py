"""Fetch stage: URLs and local files -> :class:`RawDocument` (decoded text or an error code).

``fetch_iter`` streams documents as they complete (a background event loop,
global and per-host limits, bounded look-ahead); ``fetch_batch`` returns them
in input order. Both accept an httpx ``transport`` so tests need no network.
"""

from __future__ import annotations

from .cache import HttpCache
from .document import RawDocument
from .stream import fetch_batch, fetch_iter

__all__ = ["HttpCache", "RawDocument", "fetch_batch", "fetch_iter"]
