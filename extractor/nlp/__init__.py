"""The spaCy side of the pipeline: the shipped Dutch model plus our own components.

:func:`get_nlp` loads everything once per process (models are loaded once, then
reused by every batch), so the same stage functions can run inside a
distributed engine's long-lived workers.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..config import Settings
from . import extensions  # noqa: F401  (registers the Doc extensions)
from .extensions import CACHE_PREFIX

__all__ = ["get_nlp", "build_nlp"]


def build_nlp(
    model: str | Path, ner_model: str | None = None, gazetteers: tuple[Path, ...] = ()
) -> Language:
    """Load the base model and add the entity and claim components."""
    from ..claims import component as _claims  # noqa: F401  (registers "extractor_claims")
    from ..entities import component as _entities  # noqa: F401  (registers "extractor_entities")
    from .loader import load_base

    nlp = load_base(model, ner_model=ner_model)
    nlp.add_pipe(
        "extractor_entities", config={"gazetteers": [str(p) for p in gazetteers]}, last=True
    )
    nlp.add_pipe("extractor_claims", last=True)
    nlp.add_pipe("extractor_drop_caches", last=True)
    return nlp


@Language.component("extractor_drop_caches")
def drop_caches(doc: Doc) -> Doc:
    """Remove the per-document caches the entity and claim components keep in
    ``doc.user_data``: they are large (word sets), of no use once the claims are written, and
    would be copied whenever the Doc is sent to another process or saved."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX)]:
        del doc.user_data[key]
    return doc


@lru_cache(maxsize=4)
def _cached_nlp(model: str, ner_model: str | None, gazetteers: tuple[str, ...]) -> Language:
    return build_nlp(model, ner_model, tuple(Path(g) for g in gazetteers))


def get_nlp(settings: Settings) -> Language:
    """The full pipeline for ``settings``, built once per process and then reused."""
    return _cached_nlp(
        str(settings.model), settings.ner_model, tuple(str(g) for g in settings.gazetteers)
    )
