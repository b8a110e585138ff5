"""Our Doc extension values survive msgpack: ``n_process=2`` and ``DocBin`` both work."""

from __future__ import annotations

from pathlib import Path

import srsly
from spacy.tokens import DocBin

from extractor import Settings
from extractor.entities.mentions import MentionSpan
from extractor.nlp import get_nlp
from extractor.nlp.extensions import decode_value, encode_value
from extractor.pipeline import Pipeline
from extractor.schema import Claim, Entity

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "dev"


def test_schema_objects_and_spans_round_trip_through_msgpack() -> None:
    entity = Entity(id="e1", type="FIRM", name="ASML", aliases=["ASML"], country="NL",
                    mentions=[{"start": 0, "end": 4, "text": "ASML"}])
    span = MentionSpan("e1", "FIRM", 0, 1, 0, 4, "name")
    data = {"entities": [entity], "spans": [span], "words": frozenset({"asml", "nxp"})}
    packed = srsly.msgpack_dumps(data)
    back = srsly.msgpack_loads(packed)
    assert back["entities"] == [entity] and isinstance(back["entities"][0], Entity)
    assert back["spans"] == [span]
    assert back["words"] == frozenset({"asml", "nxp"})
    # values that are not ours pass through unchanged
    assert encode_value(3) == 3 and decode_value({"a": 1}) == {"a": 1}


def test_docbin_with_user_data_keeps_entities_and_claims() -> None:
    nlp = get_nlp(Settings())
    doc = nlp((SAMPLES / "nl-11-huawei-5g.txt").read_text(encoding="utf-8"))
    assert doc._.entities and doc._.claims
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("extractor_")]
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    # DocBin reads msgpack arrays back as tuples
    assert list(restored._.entities) == doc._.entities
    assert list(restored._.claims) == doc._.claims
    assert all(isinstance(c, Claim) for c in restored._.claims)


def test_two_processes_give_the_same_records_as_one() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("dev0[1-3]*.txt"))]
    one = list(Pipeline(Settings()).run_texts(texts, published="2024-05-01"))
    two = list(Pipeline(Settings(n_process=2)).run_texts(texts, published="2024-05-01"))
    assert [r.status for r in two] == ["ok"] * len(texts)
    assert [r.entities for r in two] == [r.entities for r in one]
    assert [r.claims for r in two] == [r.claims for r in one]
    assert sum(len(r.claims) for r in two) > 10
