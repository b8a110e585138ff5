"""Article-extraction quality on the Scrapinghub/Zyte article-extraction benchmark.

Scores plain trafilatura (its default settings), our ``extract_article`` and the benchmark's
stored trafilatura output with the benchmark's own metric
(:mod:`extractor.evaluation.article_metric`). The pages are mostly English: extraction is
called directly, without the pipeline's Dutch-language check.

    nice -n 10 python benchmarks/bench_articles.py [--data DIR] [--worst 10] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

# run from a checkout without installing: the repository root on the path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.article import PaywalledTeaserError, extract_article  # noqa: E402
from extractor.errors import ArticleError  # noqa: E402
from extractor.evaluation.article_metric import (  # noqa: E402
    BenchmarkScore,
    page_score,
    score_corpus,
)

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"
)


def load_pages(data: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str | None]]:
    """Ground-truth bodies, page HTML and page URLs, by page id."""
    truth_raw = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {key: item["articleBody"] for key, item in truth_raw.items()}
    urls = {key: item.get("url") for key, item in truth_raw.items()}
    html = {
        key: gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace"
        )
        for key in truth
    }
    return truth, html, urls


def run_trafilatura(html: str, url: str | None) -> str | None:
    return trafilatura.extract(html, url=url)


def run_ours(html: str, url: str | None) -> str | None:
    try:
        return extract_article(html, url, media="html").text
    except PaywalledTeaserError as exc:
        return exc.teaser.text  # the record keeps the visible teaser
    except ArticleError:
        return None  # no_text, consent_wall, paywalled: predicts nothing


def predict(
    extract: Callable[[str, str | None], str | None],
    html: dict[str, str],
    urls: dict[str, str | None],
) -> tuple[dict[str, str | None], float]:
    started = time.perf_counter()
    predicted = {key: extract(page, urls[key]) for key, page in html.items()}
    return predicted, time.perf_counter() - started


def _line(name: str, score: BenchmarkScore, seconds: float | None = None) -> str:
    speed = f"  {score.pages / seconds:6.1f} pages/s" if seconds else ""
    return (
        f"{name:<28} F1 {score.f1:.4f}  precision {score.precision:.4f}  "
        f"recall {score.recall:.4f}  ({score.pages} pages){speed}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of ours")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2
    truth, html, urls = load_pages(args.data)

    results: dict[str, dict[str, float]] = {}
    reference_file = args.data / "reference-output-trafilatura.json"
    if reference_file.exists():
        stored = json.loads(reference_file.read_text(encoding="utf-8"))["output"]
        reference = {key: item.get("articleBody") for key, item in stored.items()}
        score = score_corpus(truth, reference)
        print(_line("stored trafilatura output", score))
        results["reference"] = {
            "f1": score.f1,
            "precision": score.precision,
            "recall": score.recall,
        }

    plain, plain_s = predict(run_trafilatura, html, urls)
    score = score_corpus(truth, plain)
    print(_line("trafilatura (defaults)", score, plain_s))
    results["trafilatura"] = {"f1": score.f1, "precision": score.precision, "recall": score.recall}

    ours, ours_s = predict(run_ours, html, urls)
    score = score_corpus(truth, ours)
    print(_line("extractor.extract_article", score, ours_s))
    results["ours"] = {"f1": score.f1, "precision": score.precision, "recall": score.recall}

    if args.worst:
        scored = sorted(
            ((page_score(truth[k], ours.get(k)), k) for k in truth),
            key=lambda item: item[0].precision + item[0].recall,
        )
        print(f"\n{args.worst} worst pages (ours):")
        for page, key in scored[: args.worst]:
            print(f"  {key[:12]}  P {page.precision:.2f}  R {page.recall:.2f}  {urls[key]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
