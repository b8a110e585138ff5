"""Gold loading and validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluation.gold import GoldError, load_gold_file, sha256_text, validate_article

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
REPO = Path(__file__).resolve().parents[1]


def write_gold(tmp_path: Path, text: str, **extra: object) -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    data = {"id": "a", "text_sha256": sha256_text(text), "entities": [], "claims": [], **extra}
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_sha_mismatch_is_an_error(tmp_path: Path) -> None:
    path = write_gold(tmp_path, "ASML levert aan Intel.")
    (tmp_path / "a.txt").write_text("iets anders", encoding="utf-8")
    with pytest.raises(GoldError):
        load_gold_file(path)


def test_validation_finds_missing_alias_and_unknown_entity(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path, "ASML levert aan Intel.",
        entities=[{"name": "ASML", "type": "FIRM", "aliases": ["ASML", "ASML Holding"]}],
        claims=[{"subject": "ASML", "predicate": "supplies", "object": "Intel",
                 "evidence": "ASML levert aan Intel"}],
    )
    problems = validate_article(load_gold_file(path))
    assert any("ASML Holding" in p for p in problems)
    assert any("'Intel' is not an entity" in p for p in problems)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed not present")
def test_seed_gold_is_valid() -> None:
    assert validate_article(load_gold_file(SEED / "nos-asml-cetc.gold.json")) == []


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_our_gold_sets_are_valid(split: str) -> None:
    folder = REPO / "gold" / split
    files = sorted(folder.glob("*.gold.json"))
    if not files:
        pytest.skip(f"gold/{split} is empty")
    for path in files:
        assert validate_article(load_gold_file(path)) == [], path.name
