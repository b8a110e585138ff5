"""Pydantic models of the output records; the published JSON Schema is generated from them.

``schema/record.schema.json`` is a committed copy of :func:`record_json_schema`;
``tests/test_schema.py`` keeps the two in sync (regenerate with
``extractor schema > schema/record.schema.json``).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["FIRM", "INSTITUTE", "PRODUCT", "COUNTRY", "PERSON", "LOCATION"]
Predicate = Literal[
    "supplies",
    "produces",
    "subsidiary_of",
    "owns",
    "located_in",
    "nationality",
    "partner_of",
    "restricts",
]
Modality = Literal["asserted", "reported", "hypothetical"]
Status = Literal["ok", "error"]

ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]
PREDICATES: tuple[str, ...] = Predicate.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A stretch of the article text that names an entity; ``text == article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Model):
    """One real-world thing the article mentions, with all its mentions."""

    id: str = Field(description="e1, e2, ... unique within the record")
    type: EntityType
    name: str = Field(description="canonical name: the fullest proper name in the article")
    aliases: list[str] = Field(default_factory=list, description="every naming form in the text")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of the entity's country")
    iso: str | None = Field(None, description="ISO 3166-1 alpha-2, for COUNTRY entities")
    from_adjective: bool = Field(
        False,
        description="a COUNTRY named only by a nationality adjective: a claim object, "
        "not an entity mention (mentions is then empty)",
    )
    mentions: list[Mention] = Field(default_factory=list)


class Evidence(_Model):
    """The sentence that states a claim, with its offsets into the article text."""

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(_Model):
    """One relation the article states between two entities."""

    id: str = Field(description="c1, c2, ... unique within the record")
    subject: str = Field(description="entity id")
    predicate: Predicate
    object: str = Field(description="entity id")
    product: str | None = Field(None, description="entity id of the product, if given")
    target: str | None = Field(None, description="entity id of the destination (restricts)")
    time: str | None = Field(None, description='"2024", "2024-03", "2024-03-05", or as written')
    negated: bool = False
    modality: Modality = "asserted"
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Evidence
    all_evidence: list[Evidence] = Field(
        default_factory=list, description="every sentence that states the claim (first = evidence)"
    )


class ExtractorInfo(_Model):
    version: str
    model: str | None = None
    ner_backend: str | None = None


class ArticleRecord(_Model):
    """One line of the output: an article, or the reason it could not be processed."""

    source: str = Field(description="the source exactly as given")
    url: str | None = Field(None, description="final URL after redirects, or null for files")
    status: Status = "ok"
    error: str | None = Field(None, description="machine-readable error code, see errors.py")
    message: str | None = Field(None, description="human-readable explanation of the error")
    http_status: int | None = None
    title: str | None = None
    published: str | None = Field(None, description="publication date, ISO 8601")
    authors: list[str] = Field(default_factory=list)
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    language: str | None = None
    language_score: float | None = None
    text: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    extractor: ExtractorInfo

    def to_json(self) -> str:
        """One JSON line (no trailing newline)."""
        return self.model_dump_json()


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema of one output record."""
    schema = ArticleRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://example.org/extractor/record.schema.json"
    return schema


def record_json_schema_text() -> str:
    return json.dumps(record_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
