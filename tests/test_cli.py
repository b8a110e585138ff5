"""The command line: exit codes, list handling and one record per source."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sample_sources() -> list[str]:
    lines = (SAMPLES / "urls.txt").read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.strip().startswith("#")]


def test_no_sources_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["articles"])
    assert result.exit_code == 2


def test_unwritable_output_fails_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(
        app, ["articles", str(SAMPLES / "nl-01-asml-exportregels.html"), "-o",
              str(blocker / "out.jsonl")]
    )
    assert result.exit_code == 2
    assert "cannot write" in result.output


def test_articles_over_the_sample_list(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["articles", "-i", str(SAMPLES / "urls.txt"), "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    records = read_records(out)
    given = sample_sources()
    assert sorted(r["source"] for r in records) == sorted(given)
    by_source = {r["source"]: r for r in records}
    for source, record in by_source.items():
        if source.startswith(("en-", "de-")):
            assert record["error"] == "not_dutch"
            assert record["text"], "non-Dutch records keep their text"
        else:
            assert record["status"] == "ok", record
            assert record["language"] == "nl" and record["text"]
            assert record["url"] is None  # local files have no URL
    assert all(r["entities"] == [] and r["claims"] == [] for r in records)


def test_any_language_keeps_foreign_articles(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    page = SAMPLES / "en-01-dutch-chip-exports.html"
    result = CliRunner().invoke(app, ["articles", str(page), "-o", str(out), "--any-language"])
    assert result.exit_code == 0
    [record] = read_records(out)
    assert (record["status"], record["language"]) == ("ok", "en")


def test_list_from_stdin_and_bad_sources_get_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    stdin = "nl-01-asml-exportregels.html\n# skip me\n\ngeen-bestand.html\nftp://x/y\n"
    proc = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "articles", "-i", "-", "-o", str(out), "-q"],
        input=stdin, text=True, capture_output=True, cwd=SAMPLES, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    records = {r["source"]: r for r in read_records(out)}
    assert set(records) == {"nl-01-asml-exportregels.html", "geen-bestand.html", "ftp://x/y"}
    assert records["nl-01-asml-exportregels.html"]["status"] == "ok"
    assert records["geen-bestand.html"]["error"] in {"bad_source", "file_unreadable"}
    assert records["ftp://x/y"]["error"] == "bad_source"
