"""The article-extraction benchmark's metric, on small hand-computed cases."""

from __future__ import annotations

import pytest

from extractor.evaluation.article_metric import (
    PageScore,
    aggregate,
    page_score,
    score_corpus,
    shingles,
    tokenize,
)


def test_tokenize_is_word_runs() -> None:
    assert tokenize("ASML's EUV-machine, 2025!") == ["ASML", "s", "EUV", "machine", "2025"]
    assert tokenize("Één coöperatie") == ["Één", "coöperatie"]
    assert tokenize(None) == []


def test_shingles_are_a_multiset_of_four_grams() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert shingles("kort stuk") == {("kort", "stuk"): 1}  # shorter than 4: one shingle
    assert shingles("") == {}


@pytest.mark.parametrize(
    ("true", "pred", "tp", "fp", "fn"),
    [
        ("a b c d e", "a b c d e", 1.0, 0.0, 0.0),
        ("a b c d e", "", 0.0, 0.0, 1.0),
        ("", "a b c d e", 0.0, 1.0, 0.0),
        # true shingles abcd bcde; predicted abcd bcdx: 1 TP, 1 FP, 1 FN
        ("a b c d e", "a b c d x", 1 / 3, 1 / 3, 1 / 3),
        # duplicated text counts twice: 3 predicted, 1 true
        ("a b c d", "a b c d a b c d", 1 / 5, 4 / 5, 0.0),
    ],
)
def test_page_score(true: str, pred: str, tp: float, fp: float, fn: float) -> None:
    score = page_score(true, pred)
    assert (score.tp, score.fp, score.fn) == pytest.approx((tp, fp, fn))


def test_precision_and_recall_of_a_page() -> None:
    assert PageScore(0.5, 0.25, 0.25).precision == pytest.approx(2 / 3)
    assert PageScore(0.5, 0.25, 0.25).recall == pytest.approx(2 / 3)
    assert PageScore(0.0, 0.0, 0.0).precision == 1.0  # nothing true, nothing predicted
    assert PageScore(0.0, 0.0, 1.0).recall == 0.0


def test_aggregate_means_over_pages_and_f1_of_means() -> None:
    pages = [
        page_score("a b c d e", "a b c d e"),  # P 1, R 1
        page_score("a b c d e", "a b c d x"),  # P 1/2, R 1/2
        page_score("a b c d e", ""),  # nothing predicted: recall 0, no precision
        page_score("", ""),  # nothing either way: scores 1
    ]
    result = aggregate(pages)
    precision = (1 + 0.5 + 1) / 3
    recall = (1 + 0.5 + 0 + 1) / 4
    assert result.precision == pytest.approx(precision)
    assert result.recall == pytest.approx(recall)
    assert result.f1 == pytest.approx(2 * precision * recall / (precision + recall))
    assert result.pages == 4


def test_score_corpus_treats_missing_pages_as_empty() -> None:
    result = score_corpus({"x": "a b c d e", "y": "f g h i"}, {"x": "a b c d e"})
    assert result.recall == pytest.approx(0.5)
    assert result.precision == pytest.approx(1.0)
