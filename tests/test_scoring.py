"""Table-driven tests of the SPEC section 4 scoring functions."""

from __future__ import annotations

import pytest

from extractor.evaluation.gold import GoldArticle, GoldClaim, GoldEntity
from extractor.evaluation.scoring import (
    PRF,
    Scores,
    entity_matches,
    head_noun,
    score_article,
    score_entities,
)
from extractor.schema import Claim, Entity, Evidence, Mention

EV = Evidence(sentence="s", start=0, end=1)


def ent(id_: str, type_: str, *mentions: str, iso: str | None = None, adj: bool = False) -> Entity:
    return Entity(
        id=id_, type=type_, name=mentions[0] if mentions else id_, aliases=list(mentions),
        iso=iso, from_adjective=adj,
        mentions=[] if adj else [Mention(start=0, end=len(m), text=m) for m in mentions],
    )


def claim(id_: str, s: str, p: str, o: str, negated: bool = False) -> Claim:
    return Claim(id=id_, subject=s, predicate=p, object=o, negated=negated, confidence=0.5,
                 evidence=EV)


def gold(entities: list[GoldEntity], claims: list[GoldClaim]) -> GoldArticle:
    return GoldArticle(id="t", text_sha256="x", entities=entities, claims=claims)


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("euv-machines", "euv-machines"),
        ("onderdeel voor een chipmachine", "onderdeel"),
        ("geavanceerde chips", "chips"),
        ("Twinscan NXT:2000i", "nxt:2000i"),
        ("", ""),
    ],
)
def test_head_noun(phrase: str, head: str) -> None:
    assert head_noun(phrase) == head


@pytest.mark.parametrize(
    ("pred", "gold_ent", "expected"),
    [
        (ent("e1", "FIRM", "asml"), GoldEntity(name="ASML", type="FIRM", aliases=["ASML"]), True),
        (ent("e1", "FIRM", "CETC"),
         GoldEntity(name="China Electronics Technology Group Corporation", type="FIRM",
                    aliases=["China Electronics Technology Group Corporation", "CETC"]), True),
        (ent("e1", "FIRM", "NXP"), GoldEntity(name="ASML", type="FIRM", aliases=["ASML"]), False),
        # PRODUCT: same head noun is enough ...
        (ent("e1", "PRODUCT", "onderdeel"),
         GoldEntity(name="onderdeel voor een chipmachine", type="PRODUCT",
                    aliases=["onderdeel voor een chipmachine"]), True),
        # ... but not for other types
        (ent("e1", "INSTITUTE", "het instituut"),
         GoldEntity(name="24e Onderzoeksinstituut", type="INSTITUTE",
                    aliases=["24e Onderzoeksinstituut"]), False),
    ],
)
def test_entity_matches(pred: Entity, gold_ent: GoldEntity, expected: bool) -> None:
    assert entity_matches(pred, gold_ent) is expected


def test_score_entities_counts_per_type_and_skips_adjective_countries() -> None:
    golds = [
        GoldEntity(name="ASML", type="FIRM", aliases=["ASML"]),
        GoldEntity(name="China", type="COUNTRY", aliases=["China"], iso="CN"),
        GoldEntity(name="Nederland", type="COUNTRY", aliases=["Nederlandse"], iso="NL",
                   from_adjective=True),
        GoldEntity(name="Veldhoven", type="LOCATION", aliases=["Veldhoven"]),
    ]
    preds = [
        ent("e1", "FIRM", "ASML"),
        ent("e2", "COUNTRY", "China", iso="CN"),
        ent("e3", "COUNTRY", iso="NL", adj=True),  # not counted
        ent("e4", "FIRM", "Veldhoven"),  # wrong type: FP for FIRM, FN for LOCATION
    ]
    table = score_entities(preds, golds)
    assert (table["FIRM"].tp, table["FIRM"].fp, table["FIRM"].fn) == (1, 1, 0)
    assert (table["COUNTRY"].tp, table["COUNTRY"].fp, table["COUNTRY"].fn) == (1, 0, 0)
    assert (table["LOCATION"].tp, table["LOCATION"].fn) == (0, 1)


def test_one_predicted_entity_matches_one_gold_entity() -> None:
    golds = [GoldEntity(name="A", type="FIRM", aliases=["A"]),
             GoldEntity(name="A2", type="FIRM", aliases=["A"])]
    table = score_entities([ent("e1", "FIRM", "A")], golds)
    assert (table["FIRM"].tp, table["FIRM"].fn) == (1, 1)


def test_claims_match_through_entities_and_negation_must_agree() -> None:
    g = gold(
        [
            GoldEntity(name="ASML", type="FIRM", aliases=["ASML"]),
            GoldEntity(name="China", type="COUNTRY", aliases=["China"], iso="CN"),
            GoldEntity(name="Nederland", type="COUNTRY", aliases=["Nederlandse"], iso="NL",
                       from_adjective=True),
            GoldEntity(name="NXP", type="FIRM", aliases=["NXP"]),
        ],
        [
            GoldClaim(subject="ASML", predicate="supplies", object="China", negated=True),
            GoldClaim(subject="ASML", predicate="nationality", object="Nederland"),
            GoldClaim(subject="NXP", predicate="nationality", object="Nederland"),
        ],
    )
    preds = [ent("e1", "FIRM", "ASML"), ent("e2", "COUNTRY", "China", iso="CN"),
             ent("e3", "COUNTRY", iso="NL", adj=True), ent("e4", "FIRM", "Philips")]
    claims = [
        claim("c1", "e1", "supplies", "e2", negated=False),  # negation disagrees
        claim("c2", "e1", "nationality", "e3"),  # matched by ISO code
        claim("c3", "e4", "nationality", "e3"),  # unknown subject
    ]
    s = score_article(g, preds, claims)
    assert (s.claims["supplies"].tp, s.claims["supplies"].fp, s.claims["supplies"].fn) == (0, 1, 1)
    nat = s.claims["nationality"]
    assert (nat.tp, nat.fp, nat.fn) == (1, 1, 1)
    assert (s.negation_agree, s.negation_matched) == (1, 2)


def test_duplicate_predicted_claims_count_once() -> None:
    g = gold([GoldEntity(name="A", type="FIRM", aliases=["A"]),
              GoldEntity(name="B", type="FIRM", aliases=["B"])],
             [GoldClaim(subject="A", predicate="supplies", object="B")])
    preds = [ent("e1", "FIRM", "A"), ent("e2", "FIRM", "B")]
    s = score_article(g, preds, [claim("c1", "e1", "supplies", "e2"),
                                 claim("c2", "e1", "supplies", "e2")])
    assert (s.claims["supplies"].tp, s.claims["supplies"].fp) == (1, 0)


def test_prf_and_micro() -> None:
    prf = PRF(tp=2, fp=2, fn=0)
    assert (prf.precision, prf.recall) == (0.5, 1.0)
    assert round(prf.f1, 4) == 0.6667
    assert PRF().f1 == 0.0
    total = Scores(entities={"FIRM": PRF(1, 0, 1), "PERSON": PRF(5, 0, 0)})
    assert total.micro("entities", ("FIRM",)).tp == 1
    assert total.micro("entities").tp == 6
