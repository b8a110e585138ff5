"""Check gold files: ``python -m extractor.evaluation.validate GOLD_DIR [GOLD_DIR ...]``.

Every alias and evidence string must occur in the text, every claim's entities
must exist, and the text must match ``text_sha256``. Exit 1 on any problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .gold import GoldError, iter_gold_files, load_gold_file, validate_article


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    count = 0
    for folder in argv:
        for path in iter_gold_files(Path(folder)):
            count += 1
            try:
                problems = validate_article(load_gold_file(path))
            except (GoldError, ValueError) as exc:
                problems = [str(exc)]
            for problem in problems:
                print(f"{path.name}: {problem}")
            bad += bool(problems)
    print(f"{count} gold files, {bad} with problems", file=sys.stderr)
    return 1 if bad or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
