"""Reliability bins and ECE."""

from __future__ import annotations

import pytest

from extractor.evaluation.calibration import reliability


def test_perfectly_calibrated_bins_have_zero_ece() -> None:
    outcomes = [(0.9, True)] * 9 + [(0.9, False)] + [(0.5, True), (0.5, False)]
    bins, ece = reliability(outcomes)
    assert ece == pytest.approx(0.0)
    top = bins[-1]
    assert (top.count, top.accuracy) == (10, 0.9)


def test_overconfidence_shows_as_ece() -> None:
    bins, ece = reliability([(1.0, False), (1.0, True)])
    assert bins[-1].count == 2  # 1.0 falls in the last bin
    assert ece == pytest.approx(0.5)


def test_empty_input() -> None:
    bins, ece = reliability([])
    assert ece == 0.0 and all(b.count == 0 for b in bins)
