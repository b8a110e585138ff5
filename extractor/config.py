"""One settings object, passed explicitly to every stage."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

#: The shipped Dutch pipeline, trained by ``extractor train`` (see models/README.md).
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "nl_extractor"

DEFAULT_USER_AGENT = "extractor/0.1 (Dutch news fact extractor; +https://example.org/extractor)"


class FetchSettings(BaseModel):
    """How sources are fetched."""

    model_config = ConfigDict(frozen=True)

    concurrency: int = Field(64, ge=1, description="requests in flight over all hosts")
    per_host: int = Field(4, ge=1, description="requests in flight to any one host")
    timeout: float = Field(30.0, gt=0, description="total seconds for one request, body included")
    connect_timeout: float = Field(10.0, gt=0)
    read_timeout: float = Field(15.0, gt=0, description="seconds between two reads of the body")
    max_bytes: int = Field(10_000_000, ge=1, description="cap on body size, also decompressed")
    retries: int = Field(2, ge=0, description="retries after the first try")
    backoff: float = Field(0.5, ge=0, description="base of the exponential backoff, seconds")
    max_retry_after: float = Field(30.0, ge=0, description="longest Retry-After we wait")
    max_redirects: int = Field(10, ge=0)
    user_agent: str = DEFAULT_USER_AGENT
    respect_robots: bool = True
    cache_dir: Path | None = None


class Settings(BaseModel):
    """Everything the pipeline needs to know, in one place."""

    model_config = ConfigDict(frozen=True)

    fetch: FetchSettings = FetchSettings()
    any_language: bool = Field(False, description="keep non-Dutch articles instead of not_dutch")
    model: Path = DEFAULT_MODEL_PATH
    ner_model: str | None = Field(
        None, description="Hugging Face token-classification model (path or hub name) for NER"
    )
    gazetteers: tuple[Path, ...] = ()
    batch_size: int = Field(32, ge=1, description="articles per batch through the stages")
    n_process: int = Field(
        1, ge=1, description="processes for the NLP stage (spaCy nlp.pipe n_process)"
    )
