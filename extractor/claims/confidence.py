"""Calibrated confidence: logistic regression over pattern, path and qualifier features.

The model is small on purpose (a few dozen binary features, L2-regularised), fitted on the
development gold set by ``python -m extractor.claims.calibrate gold/dev``; its coefficients live
in ``data/calibration.json``. Without that file a hand-set prior is used, so the component
still works (and says so in the file's absence only by its ``source`` field).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..schema import PREDICATES
from .candidate import Candidate

CALIBRATION_PATH = Path(__file__).parent / "data" / "calibration.json"
FAMILIES = ("verb", "noun", "descriptor", "nationality", "location", "state", "name", "list",
            "restriction_noun", "client")
VIA_GROUPS = ("dep", "surface", "pronoun", "relpron", "conj", "adjective", "discourse", "other")


def _via_group(via: str) -> str:
    for group in VIA_GROUPS[:-1]:
        if via.startswith(group):
            return group
    return "other"


def features(c: Candidate, n_evidence: int = 1) -> dict[str, float]:
    """Binary and scaled features of one candidate (merged claims pass ``n_evidence``)."""
    f: dict[str, float] = {"bias": 1.0, f"family={c.family}": 1.0, f"pred={c.predicate}": 1.0,
                           f"pattern={c.pattern}": 1.0,
                           f"subj={_via_group(c.subject.via)}": 1.0,
                           f"obj={_via_group(c.object.via)}": 1.0}
    if c.negated:
        f["negated"] = 1.0
    if c.modality != "asserted":
        f[f"modality={c.modality}"] = 1.0
    if c.subject.start >= 0 and c.object.start >= 0:
        gap = abs(c.object.start - c.subject.end) if c.object.start >= c.subject.end else abs(
            c.subject.start - c.object.end)
        f["gap"] = min(gap, 30) / 10.0
    f["multi_evidence"] = math.log(n_evidence) if n_evidence > 1 else 0.0
    if c.product is not None:
        f["has_product"] = 1.0
    f.update(c.extra)
    return f


# A hand-set prior for when no fitted file exists: verbs found through the parse are trusted
# most, linear-order fallbacks and loose noun patterns least.
_PRIOR: dict[str, float] = {
    "bias": 0.6, "subj=dep": 0.5, "obj=dep": 0.5, "subj=surface": -0.3, "obj=surface": -0.2,
    "subj=pronoun": -0.4, "obj=discourse": -0.6, "subj=discourse": -0.6,
    "family=nationality": 0.6, "family=descriptor": 0.4, "pattern=uit": 0.5,
    "pattern=m_in_l": -0.7, "pattern=facility_in": -0.2, "family=list": -0.2,
    "multi_evidence": 0.5, "gap": -0.2, "modality=hypothetical": -0.3,
}


@dataclass(frozen=True)
class Calibration:
    """Coefficients and the confidence below which claims are not output.

    ``scale`` and ``shift`` rescale the regression's log-odds (Platt scaling) to the
    accuracy seen on articles the extraction rules were never tuned on: the regression is
    fitted on the development set, where the rules do better than on new text."""

    weights: dict[str, float]
    source: str
    threshold: float = 0.0
    scale: float = 1.0
    shift: float = 0.0

    def logit(self, f: dict[str, float]) -> float:
        """The regression's log-odds, before rescaling."""
        return sum(self.weights.get(k, 0.0) * v for k, v in f.items())

    def score(self, f: dict[str, float]) -> float:
        z = self.scale * self.logit(f) + self.shift
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=2)
def load_calibration(path: str = str(CALIBRATION_PATH)) -> Calibration:
    """The fitted coefficients, or the hand-set prior when the file is missing."""
    p = Path(path)
    if not p.exists():
        return Calibration(dict(_PRIOR), "prior")
    data = json.loads(p.read_text(encoding="utf-8"))
    platt = data.get("platt") or {}
    return Calibration({k: float(v) for k, v in data["weights"].items()}, str(p.name),
                       float(data.get("threshold", 0.0)), float(platt.get("scale", 1.0)),
                       float(platt.get("shift", 0.0)))


def fit_logistic(rows: Sequence[dict[str, float]], labels: Sequence[int], l2: float = 1.0,
                 iterations: int = 50) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    names = sorted({k for r in rows for k in r})
    if "bias" in names:
        names.remove("bias")
    names = ["bias", *names]
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[0] = 1e-6
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return {n: round(float(v), 5) for n, v in zip(names, w, strict=True) if abs(v) > 1e-6}


def expected_calibration_error(probs: Sequence[float], labels: Sequence[int],
                               bins: int = 10) -> float:
    """ECE: the bin-weighted gap between mean confidence and accuracy, equal-width bins."""
    if not probs:
        return 0.0
    total = len(probs)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        conf = sum(probs[i] for i in idx) / len(idx)
        acc = sum(labels[i] for i in idx) / len(idx)
        ece += len(idx) / total * abs(conf - acc)
    return ece


__all__ = ["features", "load_calibration", "fit_logistic", "expected_calibration_error",
           "Calibration", "PREDICATES", "FAMILIES"]
