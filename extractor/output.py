"""Writing records to JSON Lines: whole lines, flushed, resumable.

Each record is written as one complete line and flushed (and fsynced every few
records), so a batch killed with SIGKILL leaves at most one torn final line;
``--resume`` drops that line, then skips every source already written.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .config import Settings
from .schema import ArticleRecord
from .sources import Source


@dataclass
class Summary:
    """What a batch did: records per status and error code, and throughput."""

    total: int = 0
    skipped: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, record: ArticleRecord) -> None:
        self.total += 1
        self.statuses[record.status] += 1
        if record.error:
            self.errors[record.error] += 1

    @property
    def per_second(self) -> float:
        return self.total / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "records": self.total,
            "skipped_by_resume": self.skipped,
            "statuses": dict(self.statuses),
            "errors": dict(self.errors),
            "seconds": round(self.seconds, 3),
            "records_per_second": round(self.per_second, 2),
        }


def done_sources(path: Path) -> Counter[str]:
    """Sources already in ``path``, counted; a torn final line is cut off the file."""
    done: Counter[str] = Counter()
    if not path.exists():
        return done
    good_end = 0
    with path.open("rb") as fh:
        offset = 0
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break  # torn last line: the process died while writing it
            try:
                source = json.loads(raw)["source"]
            except (ValueError, KeyError, TypeError):
                break
            done[source] += 1
            good_end = offset
    if good_end != path.stat().st_size:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    return done


def remaining_sources(sources: Iterable[Source], done: Counter[str]) -> list[Source]:
    """Sources not yet written; a source listed twice is processed twice."""
    left = Counter(done)
    todo: list[Source] = []
    for src in sources:
        if left[src.given] > 0:
            left[src.given] -= 1
        else:
            todo.append(src)
    return todo


class RecordWriter:
    """Appends records to a JSON Lines file (or stdout), one whole line at a time."""

    def __init__(self, path: Path | None, *, append: bool, fsync_every: int = 16) -> None:
        self.path = path
        self._fh: IO[str]
        if path is None:
            import sys

            self._fh = sys.stdout
        else:
            self._fh = path.open("a" if append else "w", encoding="utf-8")
        self._fsync_every = fsync_every
        self._count = 0

    def write(self, record: ArticleRecord) -> None:
        self._fh.write(record.to_json() + "\n")
        self._fh.flush()
        self._count += 1
        if self.path is not None and self._count % self._fsync_every == 0:
            os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self.path is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_to_file(
    sources: list[Source],
    out: Path | None,
    settings: Settings,
    *,
    with_nlp: bool,
    resume: bool = False,
    progress: bool = False,
) -> Summary:
    """Run the pipeline over ``sources`` and write one line per source to ``out``.

    With ``resume``, sources already in ``out`` are skipped and the rest appended.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from .pipeline import Pipeline

    summary = Summary()
    todo = sources
    if resume and out is not None:
        todo = remaining_sources(sources, done_sources(out))
        summary.skipped = len(sources) - len(todo)
    start = time.perf_counter()
    pipeline = Pipeline(settings, with_nlp=with_nlp)
    columns = (TextColumn("[bold]articles"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with RecordWriter(out, append=resume) as writer, Progress(
        *columns, disable=not progress
    ) as bar:
        task = bar.add_task("articles", total=len(todo))
        for record in pipeline.run(todo):
            writer.write(record)
            summary.add(record)
            bar.advance(task)
    summary.seconds = time.perf_counter() - start
    return summary
