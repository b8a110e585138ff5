"""``extractor evaluate ...``: thin typer wrappers around the scoring functions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

evaluate_app = typer.Typer(no_args_is_help=True, help="Score the model and the extractor.")

JsonOpt = Annotated[bool, typer.Option("--json", help="print the scores as JSON")]


def _table(title: str, rows: dict[str, dict[str, float | int]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in ("", "precision", "recall", "f1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col else "left")
    for name, row in rows.items():
        table.add_row(
            name, *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")),
            *(str(row[k]) for k in ("tp", "fp", "fn")),
        )
    Console().print(table)


def _calibration(run: object) -> dict[str, object]:
    from dataclasses import asdict

    from .calibration import claim_outcomes, reliability
    from .claims_eval import GoldRun

    assert isinstance(run, GoldRun)
    outcomes = [
        o for gold, record, _ in run.per_article
        for o in claim_outcomes(gold, record.entities, record.claims)
    ]
    bins, ece = reliability(outcomes)
    return {"ece": round(ece, 4), "claims": len(outcomes),
            "bins": [{k: round(v, 4) if isinstance(v, float) else v
                      for k, v in asdict(b).items()} for b in bins]}


@evaluate_app.command("claims")
def claims_command(
    gold_dir: Annotated[Path, typer.Argument(help="folder of STEM.gold.json + STEM.txt")],
    json_out: JsonOpt = False,
    model: Annotated[Path | None, typer.Option(help="spaCy pipeline folder")] = None,
    errors: Annotated[bool, typer.Option(help="list missed and spurious claims")] = False,
) -> None:
    """Entity and claim precision/recall/F1 (SPEC section 4) on a gold folder."""
    from ..config import Settings
    from .claims_eval import evaluate_gold_dir
    from .gold import GoldError

    settings = Settings(**({"model": model} if model else {}))
    try:
        run = evaluate_gold_dir(gold_dir, settings)
    except GoldError as exc:
        raise typer.BadParameter(str(exc)) from exc
    result = run.scores.as_dict()
    result["calibration"] = _calibration(run)
    if json_out:
        typer.echo(json.dumps(result, indent=2))
        return
    ents = result["entities"]
    cls = result["claims"]
    assert isinstance(ents, dict) and isinstance(cls, dict)
    _table(
        f"entities ({result['articles']} articles)",
        {**ents["per_type"], "micro (FIRM/INSTITUTE/PRODUCT/COUNTRY)": ents["micro_core"],
         "micro (all)": ents["micro_all"]},
    )
    _table("claims", {**cls["per_predicate"], "micro": cls["micro"]})
    typer.echo(f"negation accuracy on matched claims: {cls['negation_accuracy']}")
    cal = result["calibration"]
    assert isinstance(cal, dict)
    typer.echo(f"confidence: ECE {cal['ece']}; " + "; ".join(
        f"[{b['low']:.1f},{b['high']:.1f}) n={b['count']} conf={b['mean_confidence']:.2f} "
        f"acc={b['accuracy']:.2f}" for b in cal["bins"] if b["count"]
    ))
    if errors:
        from .report import error_lines

        for line in error_lines(run):
            typer.echo(line)


def _load_for_eval(model: Path | None, ner_model: str | None = None):  # type: ignore[no-untyped-def]
    from ..config import DEFAULT_MODEL_PATH
    from ..errors import ModelError
    from ..nlp.loader import load_base

    try:
        return load_base(model or DEFAULT_MODEL_PATH, ner_model=ner_model)
    except ModelError as exc:
        raise typer.BadParameter(exc.message) from exc


@evaluate_app.command("ner")
def ner_command(
    file: Annotated[Path, typer.Argument(help="CoNLL-2002-format file: token POS tag (IOB2)")],
    json_out: JsonOpt = False,
    model: Annotated[Path | None, typer.Option(help="spaCy pipeline folder")] = None,
    ner_model: Annotated[
        str | None, typer.Option(help="Hugging Face token-classification model instead")
    ] = None,
) -> None:
    """Entity precision/recall/F1 per type and micro, counted exactly as conlleval does."""
    from .ner_eval import evaluate_file, format_table

    scores = evaluate_file(_load_for_eval(model, ner_model), file)
    typer.echo(json.dumps(scores.as_dict(), indent=2) if json_out else format_table(scores))


@evaluate_app.command("ud")
def ud_command(
    file: Annotated[Path, typer.Argument(help="CoNLL-U file with gold annotation")],
    json_out: JsonOpt = False,
    model: Annotated[Path | None, typer.Option(help="spaCy pipeline folder")] = None,
) -> None:
    """UPOS accuracy, UAS and LAS (also UFeats and lemma accuracy) on gold tokenisation."""
    from .ud_eval import evaluate_file, format_table

    scores = evaluate_file(_load_for_eval(model), file)
    typer.echo(json.dumps(scores.as_dict(), indent=2) if json_out else format_table(scores))
