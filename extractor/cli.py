"""The ``extractor`` command: thin typer wrappers around library functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .config import FetchSettings, Settings
from .errors import ExtractorError

app = typer.Typer(
    help="Facts from Dutch news: entities and claims as JSON.",
    no_args_is_help=True,
    add_completion=False,
)

SourcesArg = Annotated[
    list[str] | None,
    typer.Argument(help="http(s) URLs or local .html/.htm/.html.gz/.txt files", show_default=False),
]
ListOpt = Annotated[
    str | None,
    typer.Option("-i", "--input", help="file with one source per line ('-' = stdin)"),
]
OutOpt = Annotated[
    Path | None, typer.Option("-o", "--output", help="JSON Lines output (default: stdout)")
]


def _settings(
    concurrency: int, per_host: int, timeout: float, max_bytes: int, retries: int,
    user_agent: str | None, respect_robots: bool, cache: Path | None, any_language: bool,
    model: Path | None = None, ner_model: str | None = None,
    gazetteer: list[Path] | None = None, batch_size: int = 32, n_process: int = 1,
) -> Settings:
    fetch = FetchSettings(
        concurrency=concurrency, per_host=per_host, timeout=timeout, max_bytes=max_bytes,
        retries=retries, respect_robots=respect_robots, cache_dir=cache,
        **({"user_agent": user_agent} if user_agent else {}),
    )
    extra: dict[str, object] = {}
    if model is not None:
        extra["model"] = model
    return Settings(
        fetch=fetch, any_language=any_language, ner_model=ner_model,
        gazetteers=tuple(gazetteer or ()), batch_size=batch_size, n_process=n_process,
        **extra,  # type: ignore[arg-type]
    )


def _run(
    sources: list[str] | None, input_list: str | None, output: Path | None,
    settings: Settings, *, with_nlp: bool, resume: bool, quiet: bool,
) -> None:
    from .output import run_to_file
    from .sources import gather_sources

    if not sources and input_list is None:
        raise typer.BadParameter("give at least one SOURCE or -i LIST")
    try:
        srcs = gather_sources(sources or [], input_list)
    except ExtractorError as exc:
        raise typer.BadParameter(exc.message) from exc
    if output is not None:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("a", encoding="utf-8"):
                pass
        except OSError as exc:
            typer.echo(f"error: cannot write {output}: {exc}", err=True)
            raise typer.Exit(2) from exc
    elif resume:
        raise typer.BadParameter("--resume needs -o OUT")
    progress = sys.stderr.isatty() and not quiet and output is not None
    summary = run_to_file(
        srcs, output, settings, with_nlp=with_nlp, resume=resume, progress=progress
    )
    if not quiet:
        _print_summary(summary.as_dict())


def _print_summary(summary: dict[str, object]) -> None:
    from rich.console import Console

    console = Console(stderr=True)
    console.print(
        f"[bold]{summary['records']}[/bold] records in {summary['seconds']} s "
        f"({summary['records_per_second']}/s); skipped by --resume: {summary['skipped_by_resume']}"
    )
    console.print(f"status: {json.dumps(summary['statuses'])}")
    if summary["errors"]:
        console.print(f"errors: {json.dumps(summary['errors'])}")




@app.command()
def articles(
    sources: SourcesArg = None,
    input_list: ListOpt = None,
    output: OutOpt = None,
    concurrency: Annotated[int, typer.Option(help="requests in flight")] = 64,
    per_host: Annotated[int, typer.Option(help="requests in flight per host")] = 4,
    timeout: Annotated[float, typer.Option(help="seconds per request, body included")] = 30.0,
    max_bytes: Annotated[int, typer.Option(help="largest body accepted")] = 10_000_000,
    retries: Annotated[int, typer.Option(help="retries on errors, 429 and 5xx")] = 2,
    user_agent: Annotated[str | None, typer.Option(help="User-Agent header")] = None,
    respect_robots: Annotated[bool, typer.Option("--respect-robots/--ignore-robots")] = True,
    any_language: Annotated[bool, typer.Option(help="keep non-Dutch articles")] = False,
    resume: Annotated[bool, typer.Option(help="skip sources already in OUT, append")] = False,
    cache: Annotated[Path | None, typer.Option(help="on-disk HTTP cache folder")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet")] = False,
) -> None:
    """Fetch articles, extract main text, metadata and language (no NLP)."""
    settings = _settings(
        concurrency, per_host, timeout, max_bytes, retries, user_agent, respect_robots, cache,
        any_language,
    )
    _run(sources, input_list, output, settings, with_nlp=False, resume=resume, quiet=quiet)


@app.command()
def batch(
    sources: SourcesArg = None,
    input_list: ListOpt = None,
    output: OutOpt = None,
    concurrency: Annotated[int, typer.Option(help="requests in flight")] = 64,
    per_host: Annotated[int, typer.Option(help="requests in flight per host")] = 4,
    timeout: Annotated[float, typer.Option(help="seconds per request, body included")] = 30.0,
    max_bytes: Annotated[int, typer.Option(help="largest body accepted")] = 10_000_000,
    retries: Annotated[int, typer.Option(help="retries on errors, 429 and 5xx")] = 2,
    user_agent: Annotated[str | None, typer.Option(help="User-Agent header")] = None,
    respect_robots: Annotated[bool, typer.Option("--respect-robots/--ignore-robots")] = True,
    any_language: Annotated[bool, typer.Option(help="keep non-Dutch articles")] = False,
    resume: Annotated[bool, typer.Option(help="skip sources already in OUT, append")] = False,
    cache: Annotated[Path | None, typer.Option(help="on-disk HTTP cache folder")] = None,
    model: Annotated[Path | None, typer.Option(help="spaCy pipeline folder")] = None,
    ner_model: Annotated[
        str | None, typer.Option(help="Hugging Face token-classification model for NER")
    ] = None,
    gazetteer: Annotated[
        list[Path] | None, typer.Option(help="extra gazetteer file (JSONL or CSV), repeatable")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="articles per NLP batch")] = 32,
    n_process: Annotated[
        int, typer.Option(min=1, help="processes for the NLP stage (one model copy each)")
    ] = 1,
    quiet: Annotated[bool, typer.Option("-q", "--quiet")] = False,
) -> None:
    """The full pipeline: fetch, clean, entities and claims, as JSON Lines."""
    settings = _settings(
        concurrency, per_host, timeout, max_bytes, retries, user_agent, respect_robots, cache,
        any_language, model, ner_model, gazetteer, batch_size, n_process,
    )
    _run(sources, input_list, output, settings, with_nlp=True, resume=resume, quiet=quiet)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from .schema import record_json_schema_text

    sys.stdout.write(record_json_schema_text())


def _register_subcommands() -> None:
    from .evaluation.cli import evaluate_app
    from .training.cli import app as train_app

    app.add_typer(evaluate_app, name="evaluate", help="Score the model and the extractor.")
    app.add_typer(train_app, name="train", help="Train the Dutch spaCy pipeline (never in CI).")


_register_subcommands()

if __name__ == "__main__":  # pragma: no cover
    app()
