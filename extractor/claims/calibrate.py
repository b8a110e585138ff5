"""Fit the confidence model on a gold folder: ``python -m extractor.claims.calibrate gold/dev``.

Every article is run through the shipped pipeline (base model + entities + claim patterns);
each output claim is labelled right or wrong by SPEC section 4's matching, and a logistic
regression is fitted on the feature rows. Articles are split deterministically: two thirds
fit the model, one third is held out and only measured (expected calibration error and a
reliability table). The threshold below which claims are dropped is chosen on the fitting
part for claim F1. ``--write`` stores the coefficients in ``data/calibration.json``.

The development articles are the ones the rules were tuned on, so the regression is too sure
of itself on new text. ``--recalibrate GOLD`` names articles nobody tuned on: the log-odds are
rescaled (Platt scaling: a scale and a shift) to fit them, and the drop threshold is chosen on
them. ``--report GOLD`` only measures (for the holdout set).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .confidence import (
    CALIBRATION_PATH,
    Calibration,
    expected_calibration_error,
    fit_logistic,
    load_calibration,
)


@dataclass
class Row:
    article: str
    predicate: str
    features: dict[str, float]
    label: int


def label_rows(gold, entities, scored) -> list[Row]:
    """One row per output claim: 1 when it matches a gold claim (negated agreeing)."""
    from ..evaluation.scoring import claim_alignment

    pairs = claim_alignment(entities, gold.entities)
    gold_keys = {(c.subject, c.predicate, c.object): c.negated for c in gold.claims}
    rows: list[Row] = []
    hit: set[tuple[str, str, str]] = set()
    for claim, feats in scored:
        key = (pairs.get(claim.subject, "?" + claim.subject), claim.predicate,
               pairs.get(claim.object, "?" + claim.object))
        ok = key in gold_keys and gold_keys[key] == claim.negated and key not in hit
        if ok:
            hit.add(key)
        rows.append(Row(gold.id, claim.predicate, feats, int(ok)))
    return rows


def collect(golds: Sequence, model: str, oracle: bool = False) -> tuple[list[Row], dict[str, int]]:
    """Feature rows for every claim the pipeline outputs on the gold articles, and the number
    of gold claims per article (for recall)."""
    from ..nlp.loader import load_base
    from .component import scored_claims
    from .oracle import gold_entities_and_mentions

    nlp = load_base(model)
    if not oracle:
        from ..entities import component as _entities  # noqa: F401

        nlp.add_pipe("extractor_entities")
    prior = Calibration({}, "none")
    rows: list[Row] = []
    gold_counts: dict[str, int] = {}
    for gold in golds:
        doc = nlp.make_doc(gold.text)
        doc._.published = gold.date
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        if oracle:
            entities, mentions = gold_entities_and_mentions(doc, gold.entities)
        else:
            entities, mentions = doc._.entities, doc._.entity_mentions
        added: list = []
        scored = scored_claims(doc, entities, mentions, gold.date, prior, added)
        rows.extend(label_rows(gold, list(entities) + added, scored))
        gold_counts[gold.id] = len({(c.subject, c.predicate, c.object) for c in gold.claims})
    return rows, gold_counts


def held_out(article_id: str) -> bool:
    """Deterministic split: about a third of the articles, by a hash of the id."""
    return int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 3 == 0


def best_threshold(probs: list[float], labels: list[int], n_gold: int,
                   tolerance: float = 0.005) -> tuple[float, float]:
    """The drop threshold for claim F1 on these rows: the lowest one whose F1 is within
    ``tolerance`` of the best (on a small set the F1 curve is flat and noisy near its top;
    the lower threshold keeps recall)."""
    curve: list[tuple[float, float]] = []
    for t in [i / 100 for i in range(0, 80, 2)]:
        tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and not y)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        curve.append((t, f1))
    top = max(f for _, f in curve)
    return next((t, f) for t, f in curve if f >= top - tolerance)


def reliability(probs: list[float], labels: list[int], bins: int = 5) -> list[str]:
    lines = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if idx:
            conf = sum(probs[i] for i in idx) / len(idx)
            acc = sum(labels[i] for i in idx) / len(idx)
            lines.append(f"  [{lo:.1f},{hi:.1f}) n={len(idx):4d} confidence={conf:.2f} "
                         f"accuracy={acc:.2f}")
    return lines


def fit_platt(logits: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """Scale and shift of the log-odds that fit these labels (a one-feature logistic
    regression with an intercept; the light penalty only keeps it finite when the labels are
    separable)."""
    if not logits or len(set(labels)) < 2:
        return 1.0, 0.0
    w = fit_logistic([{"bias": 1.0, "z": z} for z in logits], list(labels), l2=0.1)
    return w.get("z", 0.0), w.get("bias", 0.0)


def _load(paths: Sequence[str]) -> list:
    from ..evaluation.gold import load_gold_dir, load_gold_file

    golds = []
    for g in paths:
        p = Path(g)
        golds.extend(load_gold_dir(p) if p.is_dir() else [load_gold_file(p)])
    return golds


def _summary(name: str, probs: list[float], labels: list[int], n_gold: int) -> None:
    if not probs:
        return
    _, f1 = best_threshold(probs, labels, n_gold)
    ece = expected_calibration_error(probs, labels)
    print(f"{name}: claims {len(probs)}, ECE {ece:.3f}, mean confidence "
          f"{sum(probs) / len(probs):.2f}, accuracy {sum(labels) / len(labels):.2f}, "
          f"best-threshold F1 {f1:.3f}")
    print("\n".join(reliability(probs, labels)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.claims.calibrate")
    parser.add_argument("gold", nargs="+", help="gold folders or .gold.json files")
    parser.add_argument("--model", default="models/nl_extractor")
    parser.add_argument("--oracle", action="store_true", help="use the gold entities")
    parser.add_argument("--l2", type=float, default=2.0)
    parser.add_argument(
        "--recalibrate", nargs="*", default=[], metavar="GOLD",
        help="articles the rules were NOT tuned on: fit the Platt scale/shift and the drop "
             "threshold on them",
    )
    parser.add_argument("--report", nargs="*", default=[], metavar="GOLD",
                        help="measure calibration on these articles only (e.g. gold/holdout)")
    parser.add_argument("--write", action="store_true", help=f"write {CALIBRATION_PATH.name}")
    args = parser.parse_args(argv)
    golds = _load(args.gold)
    rows, counts = collect(golds, args.model, args.oracle)
    fit = [r for r in rows if not held_out(r.article)]
    test = [r for r in rows if held_out(r.article)]
    weights = fit_logistic([r.features for r in fit], [r.label for r in fit], l2=args.l2)
    cal = Calibration(weights, "fitted")
    p_fit = [cal.score(r.features) for r in fit]
    p_test = [cal.score(r.features) for r in test]
    n_gold_fit = sum(v for k, v in counts.items() if not held_out(k))
    n_gold_test = sum(v for k, v in counts.items() if held_out(k))
    threshold, f1_fit = best_threshold(p_fit, [r.label for r in fit], n_gold_fit)
    _, f1_test_any = best_threshold(p_test, [r.label for r in test], n_gold_test)
    ece = expected_calibration_error(p_test, [r.label for r in test])
    prior = load_calibration()
    print(f"articles: {len(golds)} ({sum(held_out(g.id) for g in golds)} held out); "
          f"claims: fit {len(fit)}, held out {len(test)}")
    print(f"held-out ECE: {ece:.3f} (fitted)   "
          f"{expected_calibration_error([prior.score(r.features) for r in test], [r.label for r in test]):.3f} "  # noqa: E501
          f"({prior.source})")
    print(f"threshold (chosen on the fitting part): {threshold:.2f}, F1 fit {f1_fit:.3f}; "
          f"held-out F1 at best threshold {f1_test_any:.3f}")
    print("held-out reliability:")
    print("\n".join(reliability(p_test, [r.label for r in test])))
    platt: dict[str, float] | None = None
    recal_ids: list[str] = []
    if args.recalibrate:
        recal_golds = _load(args.recalibrate)
        recal_ids = sorted(g.id for g in recal_golds)
        r_rows, r_counts = collect(recal_golds, args.model, args.oracle)
        labels = [r.label for r in r_rows]
        _summary("untuned articles, before rescaling",
                 [cal.score(r.features) for r in r_rows], labels, sum(r_counts.values()))
        scale, shift = fit_platt([cal.logit(r.features) for r in r_rows], labels)
        cal = Calibration(weights, "fitted", 0.0, scale, shift)
        probs = [cal.score(r.features) for r in r_rows]
        threshold, f1_recal = best_threshold(probs, labels, sum(r_counts.values()))
        platt = {"scale": round(scale, 5), "shift": round(shift, 5)}
        _summary(f"untuned articles, rescaled (scale {scale:.3f}, shift {shift:+.3f}; "
                 "in-sample)", probs, labels, sum(r_counts.values()))
        print(f"threshold (chosen on the untuned articles): {threshold:.2f}, F1 {f1_recal:.3f}")
    for folder in args.report:
        rep_golds = _load([folder])
        rep_rows, rep_counts = collect(rep_golds, args.model, args.oracle)
        _summary(f"report {folder}", [cal.score(r.features) for r in rep_rows],
                 [r.label for r in rep_rows], sum(rep_counts.values()))
    if args.write:
        CALIBRATION_PATH.parent.mkdir(parents=True, exist_ok=True)
        data: dict[str, object] = {
            "about": "logistic regression over claim features, fitted on the development "
                     "articles; Platt scale/shift and threshold fitted on articles the rules "
                     "were not tuned on: python -m extractor.claims.calibrate gold/dev "
                     "--recalibrate gold/fresh --write",
            "articles": sorted(g.id for g in golds),
            "rows_fit": len(fit), "rows_held_out": len(test),
            "held_out_ece": round(ece, 4), "threshold": threshold, "l2": args.l2,
        }
        if platt is not None:
            data["platt"] = platt
            data["recalibration_articles"] = recal_ids
        data["weights"] = dict(sorted(weights.items()))
        CALIBRATION_PATH.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        print(f"wrote {CALIBRATION_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
