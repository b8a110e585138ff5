"""Check the shipped gazetteer (plus optional user files) and print its counts.

    python scripts/check_gazetteer.py [USER_FILE ...] [--json]

Exits 1 when a file is malformed, a ``parent``/``maker`` names no entry, or an alias
points at two entries; prints counts per type, per country and per file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from extractor.entities.gazetteer import (
    GAZETTEER_VERSION,
    GazetteerError,
    load_gazetteer,
)


def report(paths: list[str]) -> tuple[dict[str, object], list[str]]:
    """Counts and the list of problems for the shipped data plus ``paths``."""
    gaz = load_gazetteer(paths)
    problems = [f"{entry.source}: {entry.name!r} refers to unknown {ref!r}"
                for entry, ref in gaz.unresolved_references()]
    problems += [f"alias {key!r} is claimed by {[e.name for e in owners]}"
                 for key, owners in gaz.ambiguous().items()]
    counts: dict[str, object] = {
        "version": GAZETTEER_VERSION,
        "entries": len(gaz),
        "names": sum(len(e.names) for e in gaz),
        "by_type": dict(Counter(e.type for e in gaz).most_common()),
        "by_country": dict(Counter(e.country or "-" for e in gaz).most_common()),
        "by_file": dict(Counter(Path(e.source).name for e in gaz).most_common()),
    }
    return counts, problems


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    paths = [a for a in argv if a != "--json"]
    try:
        counts, problems = report(paths)
    except GazetteerError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps({**counts, "problems": problems}, indent=2, ensure_ascii=False))
    else:
        print(f"gazetteer {counts['version']}: {counts['entries']} entries, "
              f"{counts['names']} names")
        for key in ("by_type", "by_file", "by_country"):
            table = counts[key]
            assert isinstance(table, dict)
            print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in table.items()))
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
