"""Source lists and the resumable JSON Lines writer."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from extractor.output import RecordWriter, done_sources, remaining_sources
from extractor.schema import ArticleRecord, ExtractorInfo
from extractor.sources import parse_source, read_source_list

INFO = ExtractorInfo(version="t")


def test_list_resolves_relative_paths_against_its_folder(tmp_path: Path) -> None:
    sub = tmp_path / "lists"
    sub.mkdir()
    (sub / "urls.txt").write_text(
        "# comment\n\nhttps://example.org/a\n  a.html  \n../b.txt\n", encoding="utf-8"
    )
    sources = read_source_list(sub / "urls.txt")
    assert [s.given for s in sources] == ["https://example.org/a", "a.html", "../b.txt"]
    assert sources[0].is_url and sources[0].location == "https://example.org/a"
    assert sources[1].location == str((sub / "a.html").resolve())
    assert sources[2].location == str((tmp_path / "b.txt").resolve())


def test_parse_source_keeps_the_given_text() -> None:
    src = parse_source("HTTP://Example.org/x")
    assert src.is_url and src.given == "HTTP://Example.org/x"
    assert not parse_source("geen-url-of-bestand").is_url


def test_done_sources_cuts_a_torn_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with RecordWriter(out, append=False) as writer:
        for s in ("a", "b", "a"):
            writer.write(ArticleRecord(source=s, extractor=INFO))
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "c", "tex')  # killed mid-write
    assert done_sources(out) == Counter({"a": 2, "b": 1})
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(json.loads(line) for line in lines)


def test_remaining_sources_respects_duplicates() -> None:
    sources = [parse_source(s) for s in ("a", "b", "a", "c")]
    todo = remaining_sources(sources, Counter({"a": 1, "b": 1}))
    assert [s.given for s in todo] == ["a", "c"]
