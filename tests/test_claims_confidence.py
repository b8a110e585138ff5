"""Confidence model: logistic regression fit, calibration error, threshold choice, component."""

from __future__ import annotations

import json

import numpy as np
import pytest
import spacy

from extractor.claims.calibrate import best_threshold, held_out
from extractor.claims.confidence import (
    CALIBRATION_PATH,
    Calibration,
    expected_calibration_error,
    fit_logistic,
    load_calibration,
)


def test_fit_logistic_recovers_a_separating_feature():
    rng = np.random.default_rng(0)
    rows, labels = [], []
    for _ in range(400):
        good = rng.random() < 0.5
        # "good" claims have the feature 80% of the time, bad ones 20%
        has = rng.random() < (0.8 if good else 0.2)
        rows.append({"bias": 1.0, "f": 1.0} if has else {"bias": 1.0})
        labels.append(int(good))
    w = fit_logistic(rows, labels, l2=1e-4)
    cal = Calibration(w, "test")
    # one binary feature: the maximum-likelihood fit reproduces the empirical frequencies
    with_f = [y for r, y in zip(rows, labels, strict=True) if "f" in r]
    without = [y for r, y in zip(rows, labels, strict=True) if "f" not in r]
    assert cal.score({"bias": 1.0, "f": 1.0}) == pytest.approx(np.mean(with_f), abs=0.01)
    assert cal.score({"bias": 1.0}) == pytest.approx(np.mean(without), abs=0.01)
    assert w["f"] > 1.0


@pytest.mark.parametrize(
    ("probs", "labels", "expected"),
    [
        ([0.9, 0.9, 0.1, 0.1], [1, 1, 0, 0], 0.1),
        ([0.5, 0.5], [1, 0], 0.0),
        ([1.0, 1.0], [0, 0], 1.0),
        ([], [], 0.0),
    ],
)
def test_expected_calibration_error(probs, labels, expected):
    assert expected_calibration_error(probs, labels) == pytest.approx(expected)


def test_best_threshold_prefers_the_lowest_near_the_top():
    probs = [0.9, 0.8, 0.3, 0.2]
    labels = [1, 1, 0, 1]
    t, f1 = best_threshold(probs, labels, n_gold=4)
    assert f1 == pytest.approx(max(2 * 0.75 * 0.75 / 1.5, 2 * 1.0 * 0.5 / 1.5))
    assert 0.0 <= t <= 0.8


def test_held_out_split_is_deterministic_and_partial():
    ids = [f"dev{i:02d}" for i in range(30)]
    picked = [i for i in ids if held_out(i)]
    assert picked == [i for i in ids if held_out(i)]
    assert 3 <= len(picked) <= 20


def test_shipped_calibration_is_valid():
    data = json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))
    assert 0.0 <= data["threshold"] < 1.0 and data["weights"]
    cal = load_calibration()
    assert 0.0 < cal.score({"bias": 1.0}) < 1.0


def test_factory_sets_doc_claims():
    from extractor.claims import component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("extractor_claims")
    doc = nlp("ASML levert machines aan TSMC.")
    assert doc._.claims == []  # no entities given: no claims, but the attribute is set
