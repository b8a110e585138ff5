"""Quality gate: entity and claim scores on our gold sets must not drop below their floors.

Floors and set hashes live in tests/quality_floors.json; re-pin them with
``python -m extractor.evaluation.gate --update`` after a deliberate change (and say
why in the commit message).
"""

from __future__ import annotations

import json

import pytest

from extractor.evaluation.gate import FLOORS_PATH, GOLD_SETS, gold_set_hash, measure

FLOORS = json.loads(FLOORS_PATH.read_text(encoding="utf-8")) if FLOORS_PATH.exists() else {}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_set_is_the_pinned_one(name: str) -> None:
    assert gold_set_hash(GOLD_SETS[name]) == FLOORS[name]["hash"], (
        f"gold/{name} changed: re-pin with python -m extractor.evaluation.gate --update"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_above_floors(name: str) -> None:
    measured = measure(GOLD_SETS[name])
    for metric, floor in FLOORS[name]["floors"].items():
        assert measured[metric] >= floor, f"{name} {metric}: {measured[metric]} < floor {floor}"
