"""What the user gives us: source strings, and lists of them."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

LOCAL_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt")


@dataclass(frozen=True)
class Source:
    """A source as the user gave it (``given``) and where to read it (``location``).

    ``location`` is the URL, or the absolute path of a local file; relative paths in
    a list file are resolved against the list's folder, but ``given`` keeps the text
    exactly as written so records can be matched back to their input.
    """

    given: str
    location: str

    @property
    def is_url(self) -> bool:
        return self.location.lower().startswith(("http://", "https://"))


def parse_source(given: str, base_dir: Path | None = None) -> Source:
    """Classify one source string; the fetch stage reports sources that are neither."""
    text = given.strip()
    if text.lower().startswith(("http://", "https://")):
        return Source(given, text)
    path = Path(text).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return Source(given, str(path.resolve()) if text else text)


def iter_list_lines(lines: Iterable[str]) -> Iterator[str]:
    """Source strings of a list: one a line, ``#`` comments and blank lines skipped."""
    for line in lines:
        text = line.strip()
        if text and not text.startswith("#"):
            yield text


def read_source_list(path: str | Path) -> list[Source]:
    """Read a list file (or ``-`` for stdin); relative entries resolve against its folder."""
    if str(path) == "-":
        return [parse_source(s, Path.cwd()) for s in iter_list_lines(sys.stdin)]
    list_path = Path(path)
    try:
        text = list_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"cannot read source list {list_path}: {exc}") from exc
    base = list_path.resolve().parent
    return [parse_source(s, base) for s in iter_list_lines(text.splitlines())]


def gather_sources(args: Iterable[str], list_path: str | Path | None) -> list[Source]:
    """Sources from the command line, then those of the ``-i`` list."""
    sources = [parse_source(a, Path.cwd()) for a in args]
    if list_path is not None:
        sources.extend(read_source_list(list_path))
    return sources
