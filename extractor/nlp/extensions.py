"""The custom attributes our components set on a spaCy ``Doc``.

Registered once, on import. Library users read ``doc._.entities`` (schema
``Entity`` objects) and ``doc._.claims`` (schema ``Claim`` objects).

spaCy sends a ``Doc`` between processes (``nlp.pipe(..., n_process=2)``) and stores it
(``DocBin(store_user_data=True)``, ``Doc.to_bytes``) through msgpack, which knows neither
pydantic models nor dataclasses; the encoder and decoder registered here with srsly carry
them across as tagged dictionaries, so both work with our components in the pipeline.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from spacy.tokens import Doc
from srsly.msgpack import msgpack_decoders, msgpack_encoders

_DOC_EXTENSIONS: dict[str, object] = {
    "published": None,  # ISO date of publication, set before the pipeline runs
    "entities": None,  # list[extractor.schema.Entity], set by "extractor_entities"
    "entity_mentions": None,  # list[extractor.entities.MentionSpan], token-level mentions
    "claims": None,  # list[extractor.schema.Claim], set by "extractor_claims"
}

# Keys of ``doc.user_data`` that our components use as per-document caches; the
# ``extractor_drop_caches`` component removes them once the claims are written.
CACHE_PREFIX = "extractor_"
_TAG = "__extractor__"


def register_extensions() -> None:
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def _classes() -> dict[str, type]:
    from ..entities.mentions import MentionSpan
    from ..schema import Claim, Entity, Evidence, Mention

    return {c.__name__: c for c in (Entity, Mention, Claim, Evidence, MentionSpan)}


def encode_value(obj: Any, chain: Any = None) -> Any:
    """msgpack ``default`` hook: our schema objects and mention spans as tagged dicts."""
    kind = type(obj).__name__
    if kind in ("Entity", "Mention", "Claim", "Evidence") and hasattr(obj, "model_dump"):
        return {_TAG: kind, "v": obj.model_dump(mode="json")}
    if kind == "MentionSpan" and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {_TAG: kind, "v": dataclasses.asdict(obj)}
    if isinstance(obj, frozenset):
        return {_TAG: "frozenset", "v": sorted(obj, key=repr)}
    return obj if chain is None else chain(obj)


def decode_value(obj: Any, chain: Any = None) -> Any:
    """msgpack ``object_hook``: the inverse of :func:`encode_value`."""
    if isinstance(obj, dict) and _TAG in obj:
        kind, value = obj[_TAG], obj["v"]
        if kind == "frozenset":
            return frozenset(value)
        cls = _classes()[kind]
        if kind == "MentionSpan":
            return cls(**value)
        return cls.model_validate(value)  # type: ignore[attr-defined]
    return obj if chain is None else chain(obj)


register_extensions()
msgpack_encoders.register("extractor", func=encode_value)
msgpack_decoders.register("extractor", func=decode_value)
