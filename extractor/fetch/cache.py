"""On-disk HTTP cache (``--cache DIR``): reruns read the stored response.

One entry per requested URL, keyed by the SHA-256 of the URL: a JSON file with
the final URL, status and a few headers, and the (decompressed) body beside it.
Only answers worth keeping are stored: 2xx and the permanent 404/410. Transient
failures (timeouts, 5xx) are not, so a rerun tries them again. Writes go to a
temporary file first and are renamed into place, so a killed run never leaves a
half-written entry behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

CACHEABLE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class CachedResponse:
    """What the fetcher needs from a response, stored or fresh."""

    url: str
    status: int
    content_type: str | None
    body: bytes | None
    retry_after: str | None = None


def is_cacheable(response: CachedResponse) -> bool:
    return 200 <= response.status < 300 or response.status in CACHEABLE_STATUSES


class HttpCache:
    """A folder of cached responses."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def get(self, url: str) -> CachedResponse | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("requested") != url:
                return None  # a hash collision is not our page
            body = body_path.read_bytes() if meta.get("has_body") else None
        except (OSError, ValueError):
            return None
        return CachedResponse(meta["url"], int(meta["status"]), meta.get("content_type"), body)

    def put(self, requested: str, response: CachedResponse) -> None:
        if not is_cacheable(response):
            return
        meta_path, body_path = self._paths(requested)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "requested": requested,
            "url": response.url,
            "status": response.status,
            "content_type": response.content_type,
            "has_body": response.body is not None,
        }
        if response.body is not None:
            _atomic_write(body_path, response.body)
        _atomic_write(meta_path, json.dumps(meta).encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
