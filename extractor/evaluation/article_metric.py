"""The article-extraction benchmark's own metric (Scrapinghub/Zyte), as a pure function.

Texts are split into ``\\w+`` tokens; each text becomes a multiset of 4-token shingles (a text
shorter than four tokens is one shingle). Per page, TP is the overlap of the two multisets and
FP/FN the excesses; the three are normalised by TP+FP+FN so that long pages weigh no more than
short ones. Precision is averaged over the pages that predicted something, recall over the pages
that have a true text (as the benchmark's ``evaluate.py`` does), a page where both texts are
empty scores 1 for both, and F1 is the harmonic mean of the two means.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

NGRAM_N = 4


def tokenize(text: str | None) -> list[str]:
    """The benchmark's tokens: runs of word characters."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a non-empty text shorter than n tokens is one shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """Normalised shingle counts of one page (they sum to 1 unless both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def both_empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def page_score(true: str | None, pred: str | None, n: int = NGRAM_N) -> PageScore:
    """TP/FP/FN of one page's predicted text against its true text, normalised."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class BenchmarkScore:
    f1: float
    precision: float
    recall: float
    pages: int


def aggregate(scores: Iterable[PageScore]) -> BenchmarkScore:
    """Mean precision and recall over pages, F1 from the two means."""
    scores = list(scores)
    precisions = [s.precision for s in scores if s.both_empty or s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.both_empty or s.tp + s.fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return BenchmarkScore(f1=f1, precision=precision, recall=recall, pages=len(scores))


def score_corpus(truth: Mapping[str, str], predicted: Mapping[str, str | None]) -> BenchmarkScore:
    """Score predictions (page id -> text) against the truth; a missing page predicts nothing."""
    return aggregate(page_score(truth[key], predicted.get(key)) for key in truth)
