"""Stage orchestration with per-article error capture.

Each stage is a plain function over a batch (a list) of records, so the same
functions can run unchanged inside a distributed engine (``map_batches`` in Ray
Data, ``map_partitions`` in Dask): models are loaded once per process by
:func:`extractor.nlp.get_nlp`. An article that fails in a stage becomes an error
record; it never stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import Settings
from .errors import ExtractorError, NlpError, NotDutchError
from .fetch import RawDocument, fetch_iter
from .schema import ArticleRecord, ExtractorInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc
from .sources import Source, parse_source

log = logging.getLogger(__name__)

DUTCH = "nl"
#: Below this many words langdetect is unreliable (short Dutch texts come out as Afrikaans):
#: such texts are kept as Dutch rather than dropped.
MIN_WORDS_FOR_LANGUAGE = 15
#: Only a confident verdict rejects an article as not Dutch.
MIN_SCORE_FOR_LANGUAGE = 0.8


def rejected_as_not_dutch(language: str | None, score: float | None, text: str) -> bool:
    """Is the article surely not Dutch? Unsure cases (short text, low score) are kept."""
    if language == DUTCH or language is None:
        return False
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return False
    return (score or 0.0) >= MIN_SCORE_FOR_LANGUAGE


def extractor_info(settings: Settings, *, with_nlp: bool) -> ExtractorInfo:
    return ExtractorInfo(
        version=__version__,
        model=settings.model.name if with_nlp else None,
        ner_backend=(settings.ner_model or "spacy") if with_nlp else None,
    )


def error_record(
    raw: RawDocument, exc_or_code: ExtractorError | str, info: ExtractorInfo,
    message: str | None = None,
) -> ArticleRecord:
    """An output line for an article that could not be processed."""
    if isinstance(exc_or_code, ExtractorError):
        code, message = exc_or_code.code, exc_or_code.message
    else:
        code = exc_or_code
    return ArticleRecord(
        source=raw.source,
        url=raw.url,
        http_status=raw.http_status,
        status="error",
        error=code,
        message=message,
        extractor=info,
    )


def _article_record(raw: RawDocument, article: Any, info: ExtractorInfo) -> ArticleRecord:
    """An ok record from an extracted article, with its language identified."""
    from .language import detect_language

    language, score = detect_language(article.text)
    return ArticleRecord(
        source=raw.source,
        url=raw.url,
        http_status=raw.http_status,
        title=article.title,
        published=article.published,
        authors=list(article.authors),
        site_name=article.site_name,
        canonical_url=article.canonical_url,
        description=article.description,
        language=language,
        language_score=score,
        text=article.text,
        extractor=info,
    )


def _with_error(record: ArticleRecord, exc: ExtractorError) -> ArticleRecord:
    return record.model_copy(update={"status": "error", "error": exc.code, "message": exc.message})


def article_stage(
    raws: list[RawDocument], settings: Settings, *, with_nlp: bool = False
) -> list[ArticleRecord]:
    """Fetched documents -> article records (main text, metadata, language)."""
    from .article import extract_article

    info = extractor_info(settings, with_nlp=with_nlp)
    records: list[ArticleRecord] = []
    for raw in raws:
        if raw.error is not None:
            records.append(error_record(raw, raw.error, info, raw.message))
            continue
        try:
            article = extract_article(raw.text or "", url=raw.url, media=raw.media)
        except ExtractorError as exc:
            teaser = getattr(exc, "teaser", None)  # a paywall still shows title, date, lead
            if teaser is not None:
                records.append(_with_error(_article_record(raw, teaser, info), exc))
            else:
                records.append(error_record(raw, exc, info))
            continue
        except Exception as exc:  # one broken page must not stop the batch
            log.exception("article extraction failed for %s", raw.source)
            records.append(error_record(raw, "extraction_failed", info, repr(exc)))
            continue
        record = _article_record(raw, article, info)
        if not settings.any_language and rejected_as_not_dutch(
            record.language, record.language_score, article.text
        ):
            record = _with_error(record, NotDutchError(
                f"article language is {record.language!r} "
                f"(score {record.language_score or 0:.2f}), not Dutch"
            ))
        records.append(record)
    return records


def nlp_stage(records: list[ArticleRecord], settings: Settings) -> list[ArticleRecord]:
    """Article records -> records with entities and claims (error records pass through)."""
    from .nlp import get_nlp

    todo = [i for i, r in enumerate(records) if r.status == "ok" and r.text]
    if not todo:
        return records
    try:
        nlp = get_nlp(settings)
    except ExtractorError as exc:
        failed = set(todo)
        return [_with_error(r, exc) if i in failed else r for i, r in enumerate(records)]
    out = list(records)
    docs = []
    for i in todo:
        doc = nlp.make_doc(nlp_text(records[i].text or ""))
        doc._.published = records[i].published
        docs.append(doc)
    try:
        annotated: list[Doc | ExtractorError] = list(
            nlp.pipe(docs, batch_size=_pipe_batch(len(docs), settings),
                     n_process=settings.n_process)
        )
    except Exception:  # isolate the article that broke the batch
        annotated = []
        for doc in docs:
            try:
                annotated.append(nlp(doc))
            except Exception as exc:
                log.exception("NLP failed on one article")
                annotated.append(NlpError(repr(exc)))
    for i, result in zip(todo, annotated, strict=True):
        if isinstance(result, ExtractorError):
            out[i] = _with_error(records[i], result)
        else:
            text = records[i].text or ""
            out[i] = records[i].model_copy(update={
                "entities": _original_mention_texts(list(result._.entities or []), text),
                "claims": _original_evidence_texts(list(result._.claims or []), text),
            })
    return out


# Characters that the models never saw in training but that web and word-processor text is
# full of, mapped one-to-one to what they stand for. One character for one, so every offset
# into the normalised text is an offset into the original.
_SAME_LENGTH = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ",
    "\t": " ", "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
})


def nlp_text(text: str) -> str:
    """The text the models read: no-break and thin spaces as spaces, a carriage return as
    a space before its line feed (or as a line break on its own). Same length as ``text``:
    entity and evidence offsets stay offsets into the record's text."""
    out = text.translate(_SAME_LENGTH)
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    return out


def _original_mention_texts(entities: list[Any], text: str) -> list[Any]:
    """Mentions quote the record's text exactly, as the models' text may differ in spaces."""
    fixed = []
    for e in entities:
        if any(m.text != text[m.start:m.end] for m in e.mentions):
            mentions = [m.model_copy(update={"text": text[m.start:m.end]}) for m in e.mentions]
            e = e.model_copy(update={"mentions": mentions})
        fixed.append(e)
    return fixed


def _original_evidence_texts(claims: list[Any], text: str) -> list[Any]:
    """Evidence sentences quote the record's text exactly (see above)."""
    def quoted(ev: Any) -> Any:
        return ev.model_copy(update={"sentence": text[ev.start:ev.end]})

    fixed = []
    for c in claims:
        if any(ev.sentence != text[ev.start:ev.end] for ev in [c.evidence, *c.all_evidence]):
            c = c.model_copy(update={"evidence": quoted(c.evidence),
                                     "all_evidence": [quoted(ev) for ev in c.all_evidence]})
        fixed.append(c)
    return fixed


def _pipe_batch(n_docs: int, settings: Settings) -> int:
    """spaCy's batch size: with several processes, small enough that every process gets
    articles of this chunk (spaCy hands out whole batches)."""
    if settings.n_process <= 1:
        return settings.batch_size
    return max(1, min(settings.batch_size, -(-n_docs // settings.n_process)))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Pipeline:
    """The whole job: sources in, one :class:`ArticleRecord` out per source.

    ``with_nlp=False`` stops after fetching, main-text extraction and language
    identification (the ``extractor articles`` command).
    """

    def __init__(
        self, settings: Settings | None = None, *, with_nlp: bool = True, transport: Any = None
    ) -> None:
        self.settings = settings or Settings()
        self.with_nlp = with_nlp
        self.transport = transport

    def run(self, sources: Iterable[Source | str]) -> Iterator[ArticleRecord]:
        """Yield records as articles finish (completion order, not input order)."""
        srcs = (s if isinstance(s, Source) else parse_source(s) for s in sources)
        raws = fetch_iter(srcs, self.settings.fetch, transport=self.transport)
        for batch in _chunks(raws, self.settings.batch_size):
            records = article_stage(batch, self.settings, with_nlp=self.with_nlp)
            if self.with_nlp:
                records = nlp_stage(records, self.settings)
            yield from records

    def run_texts(
        self, texts: Iterable[str], *, published: str | None = None
    ) -> Iterator[ArticleRecord]:
        """Process plain-text articles given in memory (no fetching)."""
        raws = [
            RawDocument(
                source=f"text:{i}", location=f"text:{i}", url=None, http_status=None,
                content_type="text/plain", media="text", text=t, error=None, message=None,
            )
            for i, t in enumerate(texts)
        ]
        for batch in _chunks(raws, self.settings.batch_size):
            records = article_stage(batch, self.settings, with_nlp=self.with_nlp)
            if published is not None:
                records = [r.model_copy(update={"published": r.published or published})
                           for r in records]
            if self.with_nlp:
                records = nlp_stage(records, self.settings)
            yield from records
