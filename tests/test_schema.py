"""The committed JSON Schema is the one the models generate."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from extractor.schema import record_json_schema, record_json_schema_text

COMMITTED = Path(__file__).resolve().parents[1] / "schema" / "record.schema.json"


def test_committed_schema_is_in_sync() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == record_json_schema_text(), (
        "regenerate with: extractor schema > schema/record.schema.json"
    )


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_json_schema()


def test_schema_has_the_spec_fields() -> None:
    props = record_json_schema()["properties"]
    for key in ("url", "title", "published", "language", "text", "entities", "claims",
                "extractor", "error", "source"):
        assert key in props
