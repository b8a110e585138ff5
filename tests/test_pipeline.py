"""Stage functions: per-article error capture, paywall teasers, plain texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import Settings
from extractor.fetch import RawDocument
from extractor.pipeline import Pipeline, article_stage, rejected_as_not_dutch

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ENGLISH = (
    "The government said on Tuesday that exports of advanced chip machines to China will need "
    "a licence from next year, a decision that hits the Dutch supplier hard."
)


def raw(source: str, text: str | None, *, media: str = "html", error: str | None = None,
        message: str | None = None) -> RawDocument:
    return RawDocument(
        source=source, location=source, url=None, http_status=200 if error is None else 404,
        content_type="text/html", media=media, text=text, error=error, message=message,
    )


def test_article_stage_keeps_one_record_per_document_in_order() -> None:
    page = (SAMPLES / "nl-01-asml-exportregels.html").read_text(encoding="utf-8")
    paywall = (SAMPLES / "faults" / "paywall.html").read_text(encoding="utf-8")
    raws = [
        raw("a", page),
        raw("b", None, error="http_404", message="server answered HTTP 404"),
        raw("c", ""),
        raw("d", paywall),
        raw("e", ENGLISH, media="text"),
    ]
    records = article_stage(raws, Settings())
    assert [r.source for r in records] == ["a", "b", "c", "d", "e"]
    a, b, c, d, e = records
    assert a.status == "ok" and a.language == "nl" and a.title
    assert (b.error, b.http_status, b.message) == ("http_404", 404, "server answered HTTP 404")
    assert c.error == "no_text"
    # a paywall keeps what the reader can see: title, date, teaser
    assert d.error == "paywalled" and d.title and d.published and d.text
    assert e.error == "not_dutch" and e.language == "en" and e.text


def test_any_language_keeps_foreign_text() -> None:
    [record] = article_stage(
        [raw("e", ENGLISH, media="text")],
        Settings(any_language=True),
    )
    assert record.status == "ok" and record.language == "en"


def test_run_texts_without_nlp_gives_records_with_the_given_date() -> None:
    pipeline = Pipeline(Settings(), with_nlp=False)
    [record] = list(pipeline.run_texts(
        ["ASML heeft vorig jaar chipmachines verkocht aan klanten in China en Taiwan."],
        published="2025-03-01",
    ))
    assert record.status == "ok" and record.published == "2025-03-01"
    assert record.entities == [] and record.claims == []


@pytest.mark.parametrize(
    ("language", "score", "words", "rejected"),
    [
        ("nl", 1.0, 300, False),
        ("en", 0.99, 300, True),
        ("de", 0.95, 15, True),
        ("af", 1.0, 3, False),  # "Philips verkoopt divisie": too short to trust
        ("en", 0.55, 300, False),  # not sure: keep
        (None, 0.0, 0, False),
    ],
)
def test_not_dutch_only_when_sure(
    language: str | None, score: float, words: int, rejected: bool
) -> None:
    assert rejected_as_not_dutch(language, score, " ".join(["woord"] * words)) is rejected
