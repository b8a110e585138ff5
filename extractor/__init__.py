"""extractor: facts from Dutch news.

Fetch and clean articles, find the firms, institutes, products and countries
they mention, and write the claims they make about them as JSON.

>>> from extractor import Pipeline, Settings
>>> for record in Pipeline(Settings()).run(["samples/nl-01-asml-exportregels.html"]):
...     print(record.title, len(record.claims))
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import FetchSettings, Settings  # noqa: E402
from .errors import ExtractorError  # noqa: E402
from .schema import ArticleRecord, Claim, Entity, record_json_schema  # noqa: E402


def extract_article(html_or_text: str, url: str | None = None, *, media: str | None = None):  # type: ignore[no-untyped-def]
    """Main text and metadata of one HTML page or plain-text article (see extractor.article)."""
    from .article import extract_article as _extract

    return _extract(html_or_text, url=url, media=media)


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Lazy so `import extractor` stays fast and does not import httpx/spaCy.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "get_nlp":
        from .nlp import get_nlp

        return get_nlp
    raise AttributeError(name)


__all__ = [
    "__version__",
    "ArticleRecord",
    "Claim",
    "Entity",
    "ExtractorError",
    "FetchSettings",
    "Pipeline",
    "Settings",
    "extract_article",
    "get_nlp",
    "record_json_schema",
]
