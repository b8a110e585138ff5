"""Run the extractor over a gold folder and score it (``extractor evaluate claims``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..schema import ArticleRecord
from .gold import GoldArticle, load_gold_dir
from .scoring import Scores, score_article


@dataclass
class GoldRun:
    """Scores over a gold folder, with each article's record for error analysis."""

    scores: Scores
    per_article: list[tuple[GoldArticle, ArticleRecord, Scores]]


def predict_gold(golds: list[GoldArticle], settings: Settings) -> list[ArticleRecord]:
    """Our records for the gold texts, read as plain-text sources like any ``.txt`` file.

    The gold ``date`` stands in for the publication date a web page would carry.
    """
    from ..fetch import fetch_batch
    from ..pipeline import article_stage, nlp_stage
    from ..sources import parse_source

    settings = settings.model_copy(update={"any_language": True})
    raws = fetch_batch([parse_source(g.path) for g in golds], settings.fetch)
    records = article_stage(raws, settings, with_nlp=True)
    records = [
        r.model_copy(update={"published": r.published or g.date})
        for r, g in zip(records, golds, strict=True)
    ]
    return nlp_stage(records, settings)


def evaluate_gold_dir(folder: Path, settings: Settings | None = None) -> GoldRun:
    """Score the extractor on every gold article in ``folder`` (SPEC section 4)."""
    settings = settings or Settings()
    golds = load_gold_dir(folder)
    records = predict_gold(golds, settings)
    total = Scores()
    rows = []
    for gold, record in zip(golds, records, strict=True):
        scores = score_article(gold, record.entities, record.claims)
        total.add(scores)
        rows.append((gold, record, scores))
    return GoldRun(total, rows)
