"""Exception tree and the error codes written to output records.

Inside a stage, code raises a subclass of :class:`ExtractorError`; the pipeline
turns it into an error record (``status="error"``, ``error=<code>``,
``message=<human text>``). Errors of the layer below (httpx, OSError, lxml)
are converted at the boundary with ``raise ... from exc``.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the extractor raises on purpose."""

    code: str = "internal_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


# --- sources -------------------------------------------------------------------------------


class SourceError(ExtractorError):
    """The source string is neither an http(s) URL nor a readable local file."""

    code = "bad_source"


class FileReadError(SourceError):
    code = "file_unreadable"


# --- fetching ------------------------------------------------------------------------------


class FetchError(ExtractorError):
    """Anything that went wrong while fetching a URL."""

    code = "fetch_failed"


class HttpStatusError(FetchError):
    """The server answered with a non-success status; the code is ``http_<status>``."""

    def __init__(self, status: int, message: str | None = None) -> None:
        super().__init__(message or f"server answered HTTP {status}", code=f"http_{status}")
        self.status = status


class FetchTimeoutError(FetchError):
    code = "timeout"


class ConnectError(FetchError):
    code = "connect_failed"


class TooManyRedirectsError(FetchError):
    code = "too_many_redirects"


class TooLargeError(FetchError):
    code = "too_large"


class NotHtmlError(FetchError):
    code = "not_html"


class RobotsDisallowedError(FetchError):
    code = "robots_disallowed"


# --- article extraction --------------------------------------------------------------------


class ArticleError(ExtractorError):
    code = "extraction_failed"


class NoTextError(ArticleError):
    code = "no_text"


class ConsentWallError(ArticleError):
    code = "consent_wall"


class PaywalledError(ArticleError):
    code = "paywalled"


class NotDutchError(ArticleError):
    code = "not_dutch"


# --- models --------------------------------------------------------------------------------


class ModelError(ExtractorError):
    """The NLP model could not be loaded or run."""

    code = "model_error"


class NlpError(ExtractorError):
    """The NLP stages failed on one article."""

    code = "nlp_failed"


ERROR_CODES: dict[str, str] = {
    "bad_source": "the source is neither an http(s) URL nor an existing local file",
    "file_unreadable": "a local file could not be read",
    "fetch_failed": "the URL could not be fetched (network error)",
    "http_<status>": "the server answered with this HTTP status (http_404, http_410, http_500 ...)",
    "timeout": "connecting or reading took longer than the timeout",
    "connect_failed": "the host could not be reached (DNS, refused, reset)",
    "too_many_redirects": "the redirect limit was exceeded (or a redirect loop)",
    "too_large": "the body, compressed or decompressed, is over --max-bytes",
    "not_html": "the content type is not HTML, XHTML or plain text (PDF, image, binary)",
    "robots_disallowed": "robots.txt disallows this path for our user agent",
    "extraction_failed": "the main text could not be extracted",
    "no_text": "the page has no article text",
    "consent_wall": "the page is a cookie/consent wall, not the article",
    "paywalled": "the article is behind a paywall; only a teaser is visible",
    "not_dutch": "the article is not in Dutch (kept with --any-language)",
    "model_error": "the NLP model could not be loaded",
    "nlp_failed": "entity or claim extraction failed on this article",
    "internal_error": "an unexpected error; the message has the details",
}
