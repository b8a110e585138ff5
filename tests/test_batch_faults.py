"""End to end through ``extractor articles``: every fault gets its code, the batch goes on.

One CLI run over all faults at once (in-process, so imports and language profiles
load once): N sources in, exactly N records out, each with the expected error.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fault_server import FaultServer
from typer.testing import CliRunner

from extractor.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: (source, expected error code or None for an ok record). URLs are paths on the server.
CASES: list[tuple[str, str | None]] = [
    ("/nl/cli", None),
    ("/samples/nl-01-asml-exportregels.html", None),
    ("/text/cli", None),
    ("/status/404", "http_404"),
    ("/status/410", "http_410"),
    ("/flaky/cli", None),  # 500 then 200: the retry succeeds
    ("/busy/cli", None),  # 503 with Retry-After: 1, then 200
    ("/hang", "timeout"),
    ("/drip", "timeout"),
    ("/reset", "connect_failed"),
    ("/loop/a", "too_many_redirects"),
    ("/huge", "too_large"),
    ("/gzip-bomb", "too_large"),
    ("/latin1/cli", None),
    ("/pdf", "not_html"),
    ("/image", "not_html"),
    ("/empty", "no_text"),
    ("/consent", "consent_wall"),
    ("/samples/faults/consent-wall.html", "consent_wall"),
    ("/en/cli", "not_dutch"),
    ("/private/cli", "robots_disallowed"),
]
#: Sources that are not on the server.
OTHER: list[tuple[str, str | None]] = [
    ("http://127.0.0.1:1/unreachable", "connect_failed"),
    ("geen-url-en-geen-bestand", "bad_source"),
    ("nl-01-asml-exportregels.html", None),  # a local file, relative to the list
    ("faults/paywall.html", "paywalled"),
    ("nl-11-huawei-5g.txt", None),
]

FAST = ["--timeout", "2", "--retries", "1", "--max-bytes", "1000000", "-q"]


def run_cli(args: list[str]) -> None:
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def read_records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def fault_records(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[dict]]:  # type: ignore[type-arg]
    """Run the whole fault list once; the tests below read the records."""
    tmp = tmp_path_factory.mktemp("faults")
    with FaultServer() as server:
        urls = [server.url(path) for path, _ in CASES]
        # Relative paths in a list resolve against the list's folder: copy the few
        # sample files the list names next to it. Comments and blanks must be skipped.
        for name in ("nl-01-asml-exportregels.html", "faults/paywall.html", "nl-11-huawei-5g.txt"):
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SAMPLES / name, tmp / name)
        listing = tmp / "list.txt"
        lines = ["# fault list", ""] + urls[1:] + [src for src, _ in OTHER]
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = tmp / "out.jsonl"
        run_cli(["articles", urls[0], "-i", str(listing), "-o", str(out), *FAST])
    given = urls + [src for src, _ in OTHER]
    return given, read_records(out)


def test_one_record_per_source(fault_records: tuple[list[str], list[dict]]) -> None:  # type: ignore[type-arg]
    given, records = fault_records
    assert len(records) == len(given)
    assert sorted(r["source"] for r in records) == sorted(given)


def test_every_fault_has_its_code(fault_records: tuple[list[str], list[dict]]) -> None:  # type: ignore[type-arg]
    given, records = fault_records
    expected = dict(zip(given, [code for _, code in CASES + OTHER], strict=True))
    by_source = {r["source"]: r for r in records}
    wrong = {
        src: (by_source[src].get("error"), code)
        for src, code in expected.items()
        if by_source[src].get("error") != code
    }
    assert not wrong, f"(got, expected) per source: {wrong}"
    for record in records:
        if record.get("error"):
            assert record["status"] == "error" and record["message"]
        else:
            assert record["status"] == "ok" and record["text"]


def test_records_carry_urls_and_text(fault_records: tuple[list[str], list[dict]]) -> None:  # type: ignore[type-arg]
    given, records = fault_records
    by_source = {r["source"]: r for r in records}
    latin1 = by_source[given[[p for p, _ in CASES].index("/latin1/cli")]]
    assert "café" in latin1["text"] and "reünie" in latin1["text"]
    assert latin1["language"] == "nl"
    ok_url = given[0]
    assert by_source[ok_url]["url"] == ok_url
    assert by_source["nl-01-asml-exportregels.html"]["url"] is None
    assert by_source[given[[p for p, _ in CASES].index("/status/404")]]["http_status"] == 404


def test_ignore_robots_and_any_language(tmp_path: Path, fault_server: FaultServer) -> None:
    out = tmp_path / "out.jsonl"
    sources = [fault_server.url("/private/flags"), fault_server.url("/en/flags")]
    run_cli(["articles", *sources, "-o", str(out), "--ignore-robots", "--any-language", *FAST])
    records = {r["source"]: r for r in read_records(out)}
    assert records[sources[0]]["status"] == "ok"
    assert records[sources[1]]["status"] == "ok" and records[sources[1]]["language"] == "en"


def test_cache_rerun_does_not_refetch(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with FaultServer() as server:
        sources = [server.url("/nl/cached"), server.url("/text/cached"), server.url("/status/404")]
        first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
        run_cli(["articles", *sources, "-o", str(first), "--cache", str(cache), *FAST])
        n_requests = len(server.requests)
        run_cli(["articles", *sources, "-o", str(second), "--cache", str(cache), *FAST])
        assert len(server.requests) == n_requests, server.requests[n_requests:]

    def key(r: dict) -> tuple[str, str | None, str | None]:  # type: ignore[type-arg]
        return r["source"], r.get("error"), r.get("text")

    assert sorted(map(key, read_records(first))) == sorted(map(key, read_records(second)))
