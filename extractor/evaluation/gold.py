"""Gold files: ``STEM.gold.json`` with the article text beside it in ``STEM.txt``.

The format is the one of ``../shared/seed/nos-asml-cetc.gold.json``; see SPEC section 4.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..schema import ENTITY_TYPES, PREDICATES

MODALITIES = ("asserted", "reported", "hypothetical")


class GoldEntity(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    iso: str | None = None
    from_adjective: bool = False


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="allow")

    subject: str
    predicate: str
    object: str
    negated: bool = False
    modality: str = "asserted"
    product: str | None = None
    time: str | None = None
    target: str | None = None
    evidence: str | None = None


class GoldArticle(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    date: str | None = None
    text_sha256: str
    entities: list[GoldEntity]
    claims: list[GoldClaim]
    text: str = ""
    path: str = ""


class GoldError(ValueError):
    """A gold file is malformed or does not fit its text."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_gold_file(path: Path) -> GoldArticle:
    """One gold article with its text, checked against ``text_sha256``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stem = path.name.removesuffix(".gold.json")
    text_path = path.with_name(stem + ".txt")
    if not text_path.exists():
        raise GoldError(f"{path}: text file {text_path.name} is missing")
    text = text_path.read_text(encoding="utf-8")
    article = GoldArticle.model_validate({**data, "text": text, "path": str(text_path)})
    if sha256_text(text) != article.text_sha256:
        raise GoldError(f"{path}: text_sha256 does not match {text_path.name}")
    return article


def iter_gold_files(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.glob("*.gold.json"))


def load_gold_dir(folder: Path) -> list[GoldArticle]:
    """Every gold article in ``folder`` (not recursive), sorted by file name."""
    files = list(iter_gold_files(folder))
    if not files:
        raise GoldError(f"no *.gold.json files in {folder}")
    return [load_gold_file(p) for p in files]


def validate_article(article: GoldArticle) -> list[str]:
    """Problems in one gold article (empty when it is valid)."""
    problems: list[str] = []
    text = article.text
    names: dict[str, GoldEntity] = {}
    for ent in article.entities:
        if ent.name in names:
            problems.append(f"entity {ent.name!r} is listed twice")
        names[ent.name] = ent
        if ent.type not in ENTITY_TYPES:
            problems.append(f"entity {ent.name!r}: unknown type {ent.type!r}")
        if ent.type == "COUNTRY" and not (ent.iso and len(ent.iso) == 2 and ent.iso.isupper()):
            problems.append(f"country {ent.name!r}: iso must be ISO 3166-1 alpha-2")
        if not ent.aliases:
            problems.append(f"entity {ent.name!r}: no aliases")
        for alias in ent.aliases:
            if alias not in text:
                problems.append(f"entity {ent.name!r}: alias {alias!r} not in text")
    seen: set[tuple[str, str, str]] = set()
    for claim in article.claims:
        key = (claim.subject, claim.predicate, claim.object)
        label = f"claim {claim.subject} -{claim.predicate}-> {claim.object}"
        if key in seen:
            problems.append(f"{label}: listed twice")
        seen.add(key)
        if claim.predicate not in PREDICATES:
            problems.append(f"{label}: unknown predicate")
        if claim.modality not in MODALITIES:
            problems.append(f"{label}: unknown modality {claim.modality!r}")
        for role in ("subject", "object", "product", "target"):
            value = getattr(claim, role)
            if value is not None and value not in names:
                problems.append(f"{label}: {role} {value!r} is not an entity")
        if not claim.evidence or claim.evidence not in text:
            problems.append(f"{label}: evidence not found in text")
    return problems
