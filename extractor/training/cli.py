"""``extractor train ...`` / ``python -m extractor.training ...``: convert, train, assemble.

Typical full run (see models/README.md for times)::

    python -m extractor.training prepare --data ../shared/data --corpus corpus
    python -m extractor.training fit ud  --corpus corpus --output training-output/ud
    python -m extractor.training fit ner --corpus corpus --output training-output/ner
    python -m extractor.training assemble --ud training-output/ud/model-best \\
        --ner training-output/ner/model-best --output models/nl_extractor
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from extractor.training import paths

app = typer.Typer(
    help="Train the Dutch spaCy pipeline from the shared corpora.", no_args_is_help=True
)


@app.command()
def prepare(
    data: Annotated[Path, typer.Option(help="the shared data folder")] = paths.DEFAULT_DATA_DIR,
    corpus: Annotated[Path, typer.Option(help="where the .spacy files go")] = Path("corpus"),
    ner_train: Annotated[
        list[Path] | None,
        typer.Option(help="CoNLL-2002-format NER training file(s); default ned.train"),
    ] = None,
    ner_dev: Annotated[
        Path | None, typer.Option(help="CoNLL-2002-format NER dev file; default ned.testa")
    ] = None,
    europeana: Annotated[bool, typer.Option(help="add the Europeana BIO data to NER")] = False,
    ud: Annotated[bool, typer.Option(help="also convert the UD data")] = True,
    lassy2017: Annotated[
        bool,
        typer.Option(help="train UD on the 2017 LassySmall file (off: v2.16 data only)"),
    ] = True,
    modernise: Annotated[
        bool,
        typer.Option(
            help="map the 2017 LassySmall file to UD v2.16 conventions; no (absent) features"
        ),
    ] = True,
    news: Annotated[
        bool, typer.Option(help="train on half of UD Alpino dev (news); the other half is held out")
    ] = True,
) -> None:
    """Convert the corpora to DocBin files (NER data swappable with --ner-train/--ner-dev)."""
    from extractor.training import pipeline as tp

    out = tp.CorpusPaths(corpus)
    counts = tp.prepare_ner(
        ner_train or [data / tp.NED_TRAIN],
        ner_dev or data / tp.NED_DEV,
        out,
        europeana=data / tp.EUROPEANA if europeana else None,
    )
    if ud:
        counts.update(
            tp.prepare_ud(
                [data / tp.LASSY_PRETRAIN] if lassy2017 and not modernise else [],
                data / tp.LASSY_DEV,
                out,
                legacy_files=[data / tp.LASSY_PRETRAIN] if lassy2017 and modernise else [],
                news_file=data / tp.ALPINO_DEV if news else None,
            )
        )
    typer.echo(json.dumps(counts))


@app.command("prepare-raw")
def prepare_raw(
    data: Annotated[Path, typer.Option(help="the shared data folder")] = paths.DEFAULT_DATA_DIR,
    output: Annotated[Path, typer.Option(help="JSONL file to write")] = Path(
        "corpus/raw-text.jsonl"
    ),
    text_dir: Annotated[
        list[Path] | None,
        typer.Option(help="folder of .txt articles to add; default gold/dev and gold/fresh-tune"),
    ] = None,
    europeana: Annotated[bool, typer.Option(help="add the Europeana text (OCR)")] = True,
) -> None:
    """Write the raw Dutch text for `pretrain` (never ned.testa or the held-out Alpino half)."""
    from extractor.training import pipeline as tp

    counts = tp.prepare_raw(
        data,
        output,
        text_dirs=text_dir if text_dir is not None else paths.RAW_TEXT_DIRS,
        europeana=europeana,
    )
    typer.echo(json.dumps(counts))


def _parse_overrides(items: list[str] | None) -> dict[str, object]:
    overrides: dict[str, object] = {}
    for item in items or []:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


@app.command()
def pretrain(
    raw_text: Annotated[Path, typer.Option(help="JSONL written by 'prepare-raw'")] = Path(
        "corpus/raw-text.jsonl"
    ),
    output: Annotated[Path, typer.Option(help="folder for model<N>.bin per epoch")] = Path(
        "training-output/pretrain"
    ),
    config: Annotated[
        Path | None, typer.Option(help="spaCy config with [pretraining]; default ner-pretrain.cfg")
    ] = None,
    override: Annotated[
        list[str] | None, typer.Option(help="config override, e.g. pretraining.max_epochs=5")
    ] = None,
    resume: Annotated[
        Path | None, typer.Option(help="go on from these weights (model<N>.bin: epoch N + 1)")
    ] = None,
) -> None:
    """`spacy pretrain` of the NER's tok2vec on raw text (the "characters" objective)."""
    from extractor.training import pipeline as tp

    seconds = tp.pretrain_tok2vec(
        config or tp.CONFIG_DIR / "ner-pretrain.cfg",
        output,
        raw_text,
        _parse_overrides(override),
        resume=resume,
    )
    typer.echo(f"pretrained in {seconds:.0f} s")


@app.command()
def fit(
    component: Annotated[str, typer.Argument(help="'ud' or 'ner'")],
    corpus: Annotated[Path, typer.Option(help="folder written by 'prepare'")] = Path("corpus"),
    output: Annotated[Path | None, typer.Option(help="training output folder")] = None,
    config: Annotated[
        Path | None, typer.Option(help="spaCy config; default the shipped one")
    ] = None,
    override: Annotated[
        list[str] | None, typer.Option(help="config override, e.g. training.max_steps=2000")
    ] = None,
) -> None:
    """Train the ``ud`` or the ``ner`` sub-pipeline (seeded by the config)."""
    from extractor.training import pipeline as tp

    if component not in ("ud", "ner"):
        raise typer.BadParameter("component must be 'ud' or 'ner'")
    out = tp.CorpusPaths(corpus)
    train, dev = (out.ud_train, out.ud_dev) if component == "ud" else (out.ner_train, out.ner_dev)
    overrides = _parse_overrides(override)
    seconds = tp.train_component(
        config or tp.CONFIG_DIR / f"{component}.cfg",
        output or Path("training-output") / component,
        train,
        dev,
        overrides,
    )
    typer.echo(f"trained {component} in {seconds:.0f} s")


@app.command()
def assemble(
    ud: Annotated[Path, typer.Option(help="trained ud pipeline")],
    ner: Annotated[Path, typer.Option(help="trained ner pipeline")],
    output: Annotated[Path, typer.Option(help="model directory to write")] = Path(
        "models/nl_extractor"
    ),
) -> None:
    """Assemble the shipped pipeline (adds lemmatizer tables and paragraph breaks)."""
    from extractor.training import pipeline as tp

    tp.assemble(ud, ner, output)
    typer.echo(f"wrote {output}")


def main() -> None:
    """Entry point of ``python -m extractor.training``."""
    app()
