"""Quality gate: scores on our gold sets pinned as floors, with a hash of each set.

``python -m extractor.evaluation.gate --update`` re-measures and rewrites
``tests/quality_floors.json`` (floors = measured score minus a small margin);
``tests/test_quality_gate.py`` fails when a score drops below its floor or when the
gold set changed without the floors being re-pinned.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLOORS_PATH = REPO / "tests" / "quality_floors.json"
#: dev and fresh-tune are tuned on; holdout, fresh-untuned and fresh2 never are (gold/README.md).
GOLD_SETS = {
    name: REPO / "gold" / name
    for name in ("dev", "fresh-tune", "holdout", "fresh-untuned", "fresh2")
}
#: How far below the measured score a floor sits: room for platform noise, no more.
MARGIN = 0.01


def gold_set_hash(folder: Path) -> str:
    """sha256 over the names and bytes of every gold and text file in ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.gold.json")) + sorted(folder.glob("*.txt")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def gate_metrics(scores: dict[str, object]) -> dict[str, float]:
    """The numbers the gate pins, from ``Scores.as_dict()``."""
    ents = scores["entities"]
    cls = scores["claims"]
    assert isinstance(ents, dict) and isinstance(cls, dict)
    return {
        "entity_f1_core": ents["micro_core"]["f1"],
        "entity_f1_all": ents["micro_all"]["f1"],
        "claim_f1": cls["micro"]["f1"],
        "claim_precision": cls["micro"]["precision"],
    }


def measure(folder: Path) -> dict[str, float]:
    from .claims_eval import evaluate_gold_dir

    return gate_metrics(evaluate_gold_dir(folder).scores.as_dict())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the floors file")
    args = parser.parse_args(argv)
    floors: dict[str, object] = {}
    for name, folder in GOLD_SETS.items():
        if not any(folder.glob("*.gold.json")):
            continue
        measured = measure(folder)
        print(name, json.dumps(measured))
        floors[name] = {
            "hash": gold_set_hash(folder),
            "floors": {k: round(max(0.0, v - MARGIN), 4) for k, v in measured.items()},
            "measured": measured,
        }
    if args.update:
        FLOORS_PATH.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
