"""Platt rescaling of the claim confidence on articles the rules were not tuned on."""

from __future__ import annotations

import json
import math
import random

from extractor.claims.calibrate import fit_platt
from extractor.claims.confidence import Calibration, expected_calibration_error, load_calibration


def test_fit_platt_recovers_a_known_shrinkage() -> None:
    # labels drawn with log-odds 0.5 * z - 1: a model that says z is overconfident
    rng = random.Random(0)
    logits = [rng.uniform(-4, 6) for _ in range(4000)]
    labels = [int(rng.random() < 1 / (1 + math.exp(-(0.5 * z - 1.0)))) for z in logits]
    scale, shift = fit_platt(logits, labels)
    assert abs(scale - 0.5) < 0.08 and abs(shift + 1.0) < 0.15
    raw = [1 / (1 + math.exp(-z)) for z in logits]
    cal = Calibration({"z": 1.0}, "t", 0.0, scale, shift)
    rescaled = [cal.score({"z": z}) for z in logits]
    before = expected_calibration_error(raw, labels)
    assert expected_calibration_error(rescaled, labels) < before / 3


def test_fit_platt_without_both_labels_changes_nothing() -> None:
    assert fit_platt([1.0, 2.0], [1, 1]) == (1.0, 0.0)
    assert fit_platt([], []) == (1.0, 0.0)


def test_calibration_file_scale_and_shift_are_read(tmp_path) -> None:
    path = tmp_path / "cal.json"
    path.write_text(json.dumps({"weights": {"bias": 2.0}, "threshold": 0.3,
                                "platt": {"scale": 0.5, "shift": -1.0}}), encoding="utf-8")
    cal = load_calibration(str(path))
    assert (cal.scale, cal.shift, cal.threshold) == (0.5, -1.0, 0.3)
    assert math.isclose(cal.score({"bias": 1.0}), 0.5)  # 0.5 * 2.0 - 1.0 = 0
    assert math.isclose(cal.logit({"bias": 1.0}), 2.0)
