"""Claim patterns on hand-built parses: voice, inversion, relative clauses, coordination,
pronouns, negation, merging and type constraints."""

from __future__ import annotations

from claims_helpers import entities_for, parsed, triples, unparsed

from extractor.claims.component import build_claims
from extractor.claims.confidence import Calibration, load_calibration


def run(doc, spec, adjectives=(), published=None):
    """Every claim the patterns find (no confidence threshold: these test the patterns)."""
    ents, ments = entities_for(doc, spec, adjectives)
    every = Calibration(load_calibration().weights, "test", threshold=0.0)
    claims = build_claims(doc, ents, ments, published, every)
    return claims, triples(claims, ents), {e.name: e.id for e in ents}


def test_coordinated_subjects_give_one_claim_each():
    doc = parsed([
        ("Intel", 5, "nsubj", "PROPN"), (",", 2, "punct", "PUNCT"),
        ("Qualcomm", 0, "conj", "PROPN"),
        ("en", 4, "cc", "CCONJ"), ("Broadcom", 0, "conj", "PROPN"), ("leveren", 5, "ROOT", "VERB"),
        ("chips", 5, "obj", "NOUN"), ("aan", 8, "case", "ADP"), ("Huawei", 5, "obl", "PROPN"),
        (".", 5, "punct", "PUNCT"),
    ])
    claims, got, ids = run(doc, [("Intel", "FIRM", [(0, 1)]), ("Qualcomm", "FIRM", [(2, 3)]),
                                 ("Broadcom", "FIRM", [(4, 5)]), ("chips", "PRODUCT", [(6, 7)]),
                                 ("Huawei", "FIRM", [(8, 9)])])
    assert got == {(x, "supplies", "Huawei", False) for x in ("Intel", "Qualcomm", "Broadcom")}
    assert all(c.product == ids["chips"] for c in claims)


def test_passive_with_door():
    doc = parsed([
        ("Chips", 6, "nsubj:pass", "NOUN"), ("worden", 6, "aux:pass", "AUX"),
        ("door", 3, "case", "ADP"), ("ASML", 6, "obl:agent", "PROPN"), ("aan", 5, "case", "ADP"),
        ("TSMC", 6, "obl", "PROPN"), ("geleverd", 6, "ROOT", "VERB"), (".", 6, "punct", "PUNCT"),
    ])
    _, got, _ = run(doc, [("chips", "PRODUCT", [(0, 1)]), ("ASML", "FIRM", [(3, 4)]),
                          ("TSMC", "FIRM", [(5, 6)])])
    assert got == {("ASML", "supplies", "TSMC", False)}


def test_inverse_kopen_bij_and_owns_when_the_object_is_a_firm():
    doc = parsed([
        ("TSMC", 1, "nsubj", "PROPN"), ("kocht", 1, "ROOT", "VERB"), ("machines", 1, "obj", "NOUN"),
        ("bij", 4, "case", "ADP"), ("ASML", 1, "obl", "PROPN"), (".", 1, "punct", "PUNCT"),
        ("Prosus", 7, "nsubj", "PROPN"), ("kocht", 7, "ROOT", "VERB"), ("JET", 7, "obj", "PROPN"),
        (".", 7, "punct", "PUNCT"),
    ], sent_starts=[0, 6])
    _, got, _ = run(doc, [("TSMC", "FIRM", [(0, 1)]), ("machines", "PRODUCT", [(2, 3)]),
                          ("ASML", "FIRM", [(4, 5)]), ("Prosus", "FIRM", [(6, 7)]),
                          ("JET", "FIRM", [(8, 9)])])
    assert got == {("ASML", "supplies", "TSMC", False), ("Prosus", "owns", "JET", False)}


def test_relative_clause_and_copular_relation_noun():
    # Het instituut dat een product kocht bij ASML is een dochterbedrijf van CETC .
    doc = parsed([
        ("Het", 1, "det", "DET"), ("instituut", 10, "nsubj", "NOUN"), ("dat", 5, "nsubj", "PRON"),
        ("een", 4, "det", "DET"), ("product", 5, "obj", "NOUN"), ("kocht", 1, "acl:relcl", "VERB"),
        ("bij", 7, "case", "ADP"), ("ASML", 5, "obl", "PROPN"), ("is", 10, "cop", "AUX"),
        ("een", 10, "det", "DET"), ("dochterbedrijf", 10, "ROOT", "NOUN"),
        ("van", 12, "case", "ADP"), ("CETC", 10, "nmod", "PROPN"), (".", 10, "punct", "PUNCT"),
    ])
    _, got, _ = run(doc, [("instituut", "INSTITUTE", [(1, 2)]), ("ASML", "FIRM", [(7, 8)]),
                          ("CETC", "FIRM", [(12, 13)])])
    assert got == {("ASML", "supplies", "instituut", False),
                   ("instituut", "subsidiary_of", "CETC", False)}


def test_pronoun_subject_time_and_merging_of_repeated_claims():
    doc = parsed([
        # Het instituut kocht bij ASML .
        ("Het", 1, "det", "DET"), ("instituut", 2, "nsubj", "NOUN"), ("kocht", 2, "ROOT", "VERB"),
        ("bij", 4, "case", "ADP"), ("ASML", 2, "obl", "PROPN"), (".", 2, "punct", "PUNCT"),
        # Het kocht in 2024 een onderdeel bij ASML .
        ("Het", 7, "nsubj", "PRON"), ("kocht", 7, "ROOT", "VERB"), ("in", 9, "case", "ADP"),
        ("2024", 7, "obl", "NUM"), ("een", 11, "det", "DET"), ("onderdeel", 7, "obj", "NOUN"),
        ("bij", 13, "case", "ADP"), ("ASML", 7, "obl", "PROPN"), (".", 7, "punct", "PUNCT"),
    ], sent_starts=[0, 6])
    claims, got, ids = run(doc, [("instituut", "INSTITUTE", [(1, 2)]),
                                 ("ASML", "FIRM", [(4, 5), (13, 14)]),
                                 ("onderdeel", "PRODUCT", [(11, 12)])])
    assert got == {("ASML", "supplies", "instituut", False)}
    (claim,) = claims
    assert claim.time == "2024" and claim.product == ids["onderdeel"]
    assert len(claim.all_evidence) == 2
    assert claim.evidence.sentence == doc.text[claim.evidence.start:claim.evidence.end]


def test_negation_and_separable_verb():
    doc = parsed([
        ("NXP", 1, "nsubj", "PROPN"), ("levert", 1, "ROOT", "VERB"), ("geen", 3, "det", "DET"),
        ("chips", 1, "obj", "NOUN"), ("meer", 1, "advmod", "ADV"), ("aan", 6, "case", "ADP"),
        ("Huawei", 1, "obl", "PROPN"), (".", 1, "punct", "PUNCT"),
        ("Prosus", 9, "nsubj", "PROPN"), ("neemt", 9, "ROOT", "VERB"), ("JET", 9, "obj", "PROPN"),
        ("over", 9, "compound:prt", "ADP"), (".", 9, "punct", "PUNCT"),
    ], sent_starts=[0, 8])
    _, got, _ = run(doc, [("NXP", "FIRM", [(0, 1)]), ("chips", "PRODUCT", [(3, 4)]),
                          ("Huawei", "FIRM", [(6, 7)]), ("Prosus", "FIRM", [(8, 9)]),
                          ("JET", "FIRM", [(10, 11)])])
    assert got == {("NXP", "supplies", "Huawei", True), ("Prosus", "owns", "JET", False)}


def test_export_restriction_with_target():
    # Nederland beperkt de export van ASML naar China .
    doc = parsed([
        ("Nederland", 1, "nsubj", "PROPN"), ("beperkt", 1, "ROOT", "VERB"), ("de", 3, "det", "DET"),
        ("export", 1, "obj", "NOUN"), ("van", 5, "case", "ADP"), ("ASML", 3, "nmod", "PROPN"),
        ("naar", 7, "case", "ADP"), ("China", 3, "nmod", "PROPN"), (".", 1, "punct", "PUNCT"),
    ])
    claims, got, ids = run(doc, [("NL", "COUNTRY", [(0, 1)]), ("ASML", "FIRM", [(5, 6)]),
                                 ("CN", "COUNTRY", [(7, 8)])])
    assert got == {("NL", "restricts", "ASML", False)}
    assert claims[0].target == ids["CN"]


def test_nationality_descriptor_and_location_without_parse():
    # linear-order patterns only (no dependency annotation at all)
    words = ["De", "Nederlandse", "chipfabrikant", "NXP", "uit", "Eindhoven", "maakt", "chips", "."]
    doc = unparsed(words)
    _, got, _ = run(doc, [("NXP", "FIRM", [(3, 4)]), ("Eindhoven", "LOCATION", [(5, 6)]),
                          ("chips", "PRODUCT", [(7, 8)]), ("NL", "COUNTRY", [])],
                    adjectives=[("NL", 1)])
    assert got == {("NXP", "nationality", "NL", False), ("NXP", "produces", "chips", False),
                   ("NXP", "located_in", "Eindhoven", False)}


def test_former_nationality_is_negated_and_types_are_enforced():
    words = ["Het", "voorheen", "Nederlandse", "Nexperia", "maakt", "Huawei", "."]
    doc = unparsed(words)
    _, got, _ = run(doc, [("Nexperia", "FIRM", [(3, 4)]), ("Huawei", "FIRM", [(5, 6)]),
                          ("NL", "COUNTRY", [])], adjectives=[("NL", 2)])
    # "maakt Huawei" is no produces claim: the object of produces must be a PRODUCT
    assert got == {("Nexperia", "nationality", "NL", True)}


def test_plural_pronoun_takes_the_coordinated_antecedents_and_negation():
    words = ["Het", "ministerie", "trof", "Qualcomm", "en", "Intel", ".",
             "Die", "mogen", "geen", "chips", "meer", "aan", "Huawei", "leveren", "."]
    from claims_helpers import _VOCAB
    from spacy.tokens import Doc

    doc = Doc(_VOCAB, words=words, sent_starts=[i in (0, 7) for i in range(len(words))])
    _, got, _ = run(doc, [("ministerie", "INSTITUTE", [(1, 2)]), ("Qualcomm", "FIRM", [(3, 4)]),
                          ("Intel", "FIRM", [(5, 6)]), ("chips", "PRODUCT", [(10, 11)]),
                          ("Huawei", "FIRM", [(13, 14)])])
    assert got == {("Qualcomm", "supplies", "Huawei", True), ("Intel", "supplies", "Huawei", True)}


def test_separable_verbs_phase_out_and_withdraw():
    doc = unparsed(["Janssen", "bouwt", "de", "productie", "van", "vaccins", "af", "."])
    _, got, _ = run(doc, [("Janssen", "FIRM", [(0, 1)]), ("vaccins", "PRODUCT", [(5, 6)])])
    assert got == {("Janssen", "produces", "vaccins", True)}
    doc = unparsed(["De", "VS", "trokken", "de", "licenties", "in", "van", "Intel", "voor",
                    "leveringen", "aan", "Huawei", "."])
    claims, got, ids = run(doc, [("US", "COUNTRY", [(1, 2)]), ("Intel", "FIRM", [(7, 8)]),
                                 ("Huawei", "FIRM", [(11, 12)])])
    assert ("US", "restricts", "Intel", False) in got


def test_stakes_joint_ventures_and_working_together():
    doc = unparsed(["TotalEnergies", "houdt", "een", "belang", "van", "20", "procent", "in",
                    "Yamal", "."])
    _, got, _ = run(doc, [("TotalEnergies", "FIRM", [(0, 1)]), ("Yamal", "FIRM", [(8, 9)])])
    assert got == {("TotalEnergies", "owns", "Yamal", False)}
    doc = unparsed(["VodafoneZiggo", ",", "een", "joint", "venture", "van", "Vodafone", "en",
                    "Liberty", ",", "groeit", "."])
    _, got, _ = run(doc, [("VodafoneZiggo", "FIRM", [(0, 1)]), ("Vodafone", "FIRM", [(6, 7)]),
                          ("Liberty", "FIRM", [(8, 9)])])
    assert got == {("Vodafone", "owns", "VodafoneZiggo", False),
                   ("Liberty", "owns", "VodafoneZiggo", False)}
    doc = unparsed(["Umicore", "en", "Samsung", "gaan", "samen", "batterijen", "produceren", "."])
    _, got, _ = run(doc, [("Umicore", "FIRM", [(0, 1)]), ("Samsung", "FIRM", [(2, 3)]),
                          ("batterijen", "PRODUCT", [(5, 6)])])
    assert ("Umicore", "partner_of", "Samsung", False) in got
    assert ("Umicore", "produces", "batterijen", False) in got


def test_seats_through_parentheses_relative_pronouns_and_appositions():
    doc = unparsed(["Hans", "Vanderveen", "(", "61", ")", "uit", "Goirle", "zwijgt", "."])
    _, got, _ = run(doc, [("Hans Vanderveen", "PERSON", [(0, 2)]),
                          ("Goirle", "LOCATION", [(6, 7)])])
    assert got == {("Hans Vanderveen", "located_in", "Goirle", False)}
    doc = unparsed(["BYD", ",", "dat", "uit", "Shenzhen", "komt", ",", "groeit", "."])
    _, got, _ = run(doc, [("BYD", "FIRM", [(0, 1)]), ("Shenzhen", "LOCATION", [(4, 5)])])
    assert got == {("BYD", "located_in", "Shenzhen", False)}
    doc = unparsed(["FN", "Herstal", ",", "de", "wapenfabrikant", "uit", "Luik", ",", "groeit",
                    "."])
    _, got, _ = run(doc, [("FN Herstal", "FIRM", [(0, 2)]), ("Luik", "LOCATION", [(6, 7)])])
    assert got == {("FN Herstal", "located_in", "Luik", False)}


def test_former_facility_negates_its_owner_only():
    doc = unparsed(["Chery", "maakt", "auto's", "in", "de", "voormalige", "Nissan-fabriek", "in",
                    "Barcelona", "."])
    _, got, _ = run(doc, [("Chery", "FIRM", [(0, 1)]), ("auto's", "PRODUCT", [(2, 3)]),
                          ("Nissan", "FIRM", [(6, 7)]), ("Barcelona", "LOCATION", [(8, 9)])])
    assert ("Nissan", "located_in", "Barcelona", True) in got
    assert ("Chery", "produces", "auto's", False) in got


def test_takeover_in_the_passive_and_foreign_hands():
    doc = unparsed(["Besi", "wordt", "overgenomen", "door", "Applied", "."])
    _, got, _ = run(doc, [("Besi", "FIRM", [(0, 1)]), ("Applied", "FIRM", [(4, 5)])])
    assert got == {("Applied", "owns", "Besi", False)}
    doc = unparsed(["Nexperia", "is", "sinds", "2019", "in", "Chinese", "handen", "."])
    _, got, _ = run(doc, [("Nexperia", "FIRM", [(0, 1)]), ("CN", "COUNTRY", [])],
                    adjectives=[("CN", 5)])
    assert got == {("CN", "owns", "Nexperia", False)}


def test_relative_clause_after_a_place_of_origin_is_about_the_organisation():
    # "CXMT uit Hefei , dat geheugenchips maakt": "dat" stands for CXMT, not for Hefei
    doc = unparsed(["CXMT", "uit", "Hefei", ",", "dat", "geheugenchips", "maakt", "."])
    _, got, _ = run(doc, [("CXMT", "FIRM", [(0, 1)]), ("Hefei", "LOCATION", [(2, 3)]),
                          ("geheugenchips", "PRODUCT", [(5, 6)])])
    assert ("CXMT", "produces", "geheugenchips", False) in got
    # "FN Herstal , de wapenfabrikant uit Luik die in handen is van het Waalse Gewest"
    doc = unparsed(["FN Herstal", ",", "de", "wapenfabrikant", "uit", "Luik", "die", "in",
                    "handen", "is", "van", "het", "Waalse Gewest", "."])
    _, got, _ = run(doc, [("FN Herstal", "FIRM", [(0, 1)]), ("Luik", "LOCATION", [(5, 6)]),
                          ("Waals Gewest", "INSTITUTE", [(12, 13)])])
    assert ("Waals Gewest", "owns", "FN Herstal", False) in got


def test_goods_made_for_an_organisation_are_supplied_to_it():
    doc = unparsed(["VDL", "bouwt", "waferhandlers", "voor", "ASML", "."])
    claims, got, ids = run(doc, [("VDL", "FIRM", [(0, 1)]), ("waferhandlers", "PRODUCT", [(2, 3)]),
                                 ("ASML", "FIRM", [(4, 5)])])
    assert got == {("VDL", "produces", "waferhandlers", False), ("VDL", "supplies", "ASML", False)}
    assert next(c for c in claims if c.predicate == "supplies").product == ids["waferhandlers"]
    # no goods named: "maakt plaats voor" states no supply
    doc = unparsed(["VDL", "maakt", "plaats", "voor", "ASML", "."])
    _, got, _ = run(doc, [("VDL", "FIRM", [(0, 1)]), ("ASML", "FIRM", [(4, 5)])])
    assert got == set()


def test_goods_received_from_a_firm_are_supplied_by_it_and_other_gifts_are_not():
    doc = unparsed(["Hua Hong", "krijgt", "geen", "machines", "meer", "van", "ASML", "."])
    _, got, _ = run(doc, [("Hua Hong", "FIRM", [(0, 1)]), ("machines", "PRODUCT", [(3, 4)]),
                          ("ASML", "FIRM", [(6, 7)])])
    assert got == {("ASML", "supplies", "Hua Hong", True)}
    doc = unparsed(["Vanderveen", "kreeg", "een", "boete", "van", "de", "rechtbank", "."])
    _, got, _ = run(doc, [("Vanderveen", "FIRM", [(0, 1)]), ("rechtbank", "INSTITUTE", [(6, 7)])])
    assert got == set()


def test_production_of_named_goods_by_the_clause_subject_and_its_end():
    doc = unparsed(["Airbus", "wil", "de", "productie", "van", "de", "A350", "opvoeren", "."])
    _, got, _ = run(doc, [("Airbus", "FIRM", [(0, 1)]), ("A350", "PRODUCT", [(6, 7)])])
    assert got == {("Airbus", "produces", "A350", False)}
    doc = unparsed(["BMW", "stopte", "met", "de", "productie", "van", "de", "Mini", "."])
    _, got, _ = run(doc, [("BMW", "FIRM", [(0, 1)]), ("Mini", "PRODUCT", [(7, 8)])])
    assert got == {("BMW", "produces", "Mini", True)}
    # "de productie van Philips" is the firm's output, not a product: no claim
    doc = unparsed(["Samsung", "noemt", "de", "productie", "van", "Philips", "klein", "."])
    _, got, _ = run(doc, [("Samsung", "FIRM", [(0, 1)]), ("Philips", "FIRM", [(5, 6)])])
    assert got == set()


def test_in_handen_van_after_a_share():
    doc = unparsed(["Yamal LNG", ",", "voor", "een", "vijfde", "in", "handen", "van",
                    "TotalEnergies", ",", "liet", "lng", "overladen", "."])
    _, got, _ = run(doc, [("Yamal LNG", "FIRM", [(0, 1)]), ("TotalEnergies", "FIRM", [(8, 9)])])
    assert got == {("TotalEnergies", "owns", "Yamal LNG", False)}
    doc = unparsed(["Het", "havenbedrijf", "Havenbedrijf Rotterdam", "is", "voor", "70", "procent",
                    "in", "handen", "van", "de", "gemeente Rotterdam", "."])
    _, got, _ = run(doc, [("Havenbedrijf Rotterdam", "FIRM", [(2, 3)]),
                          ("gemeente Rotterdam", "INSTITUTE", [(11, 12)])])
    assert got == {("gemeente Rotterdam", "owns", "Havenbedrijf Rotterdam", False)}


def test_in_handen_van_names_the_owner_of_each_share():
    doc = unparsed(["Havenbedrijf Rotterdam", "is", "voor", "70", "procent", "in", "handen", "van",
                    "de", "gemeente", "en", "voor", "30", "procent", "van", "de", "staat", "."])
    _, got, _ = run(doc, [("Havenbedrijf Rotterdam", "FIRM", [(0, 1)]),
                          ("gemeente", "INSTITUTE", [(9, 10)]), ("staat", "INSTITUTE", [(16, 17)])])
    assert got == {("gemeente", "owns", "Havenbedrijf Rotterdam", False),
                   ("staat", "owns", "Havenbedrijf Rotterdam", False)}


def test_binding_exports_to_a_licence_restricts_them():
    doc = unparsed(["Nederland", "bindt", "de", "export", "van", "quantumapparatuur", "naar",
                    "China", "aan", "een", "vergunning", "."])
    _, got, _ = run(doc, [("NL", "COUNTRY", [(0, 1)]), ("quantumapparatuur", "PRODUCT", [(5, 6)]),
                          ("CN", "COUNTRY", [(7, 8)])])
    assert got == {("NL", "restricts", "quantumapparatuur", False)}
    # without a licence "binden" restricts nothing: "bindt klanten aan zich"
    doc = unparsed(["Nederland", "bindt", "de", "export", "van", "quantumapparatuur", "aan",
                    "China", "."])
    _, got, _ = run(doc, [("NL", "COUNTRY", [(0, 1)]), ("quantumapparatuur", "PRODUCT", [(5, 6)]),
                          ("CN", "COUNTRY", [(7, 8)])])
    assert got == set()


def test_preposition_before_a_group_takes_the_example_named_with_zoals():
    doc = unparsed(["Defensie", "koopt", "drones", "bij", "Nederlandse", "start-ups", ",", "zoals",
                    "Avy", "."])
    _, got, _ = run(doc, [("Defensie", "INSTITUTE", [(0, 1)]), ("drones", "PRODUCT", [(2, 3)]),
                          ("Avy", "FIRM", [(8, 9)])])
    assert got == {("Avy", "supplies", "Defensie", False)}


def test_a_bare_description_names_the_topic_or_after_a_demonstrative_the_last_named():
    from extractor.claims.docview import DocView, SimpleMention

    words = ["Zo", "maakt", "Fokker", "kabels", "voor", "Lockheed", ".", "Het", "bedrijf", "is",
             "onderdeel", "van", "GKN", ".", "Dat", "bedrijf", "groeit", "."]
    doc = unparsed(words)
    ents, ments = entities_for(doc, [("Fokker", "FIRM", [(2, 3)]), ("Lockheed", "FIRM", [(5, 6)]),
                                     ("GKN", "FIRM", [(12, 13)])])
    # the entity stage linked both descriptions to the firm named last before them
    for i, eid in ((8, "e2"), (15, "e3")):
        tok = doc[i]
        ments.append(SimpleMention(eid, "FIRM", i, i + 1, tok.idx, tok.idx + len(tok),
                                   "description"))
    view = DocView(doc, ents, ments)
    assert view.mention_at(8).entity_id == "e1"  # "Het bedrijf": the previous subject
    assert view.mention_at(15).entity_id == "e3"  # "Dat bedrijf": the one named last
    every = Calibration(load_calibration().weights, "test", threshold=0.0)
    got = triples(build_claims(doc, ents, ments, None, every), ents)
    assert ("Fokker", "subsidiary_of", "GKN", False) in got
    assert ("Lockheed", "subsidiary_of", "GKN", False) not in got


def test_descriptions_glued_to_coordinated_names_and_head_noun_anaphora():
    from extractor.claims.docview import SimpleMention

    words = ["De", "Gate", "terminal", "ligt", "in", "Rotterdam", ".", "Die", "terminal", "is",
             "eigendom", "van", "staatsbedrijf", "Gasunie", "en", "tankopslagbedrijf", "Vopak",
             ".", "Ze", "kopen", "bij", "de", "Chinese", "bedrijven", "Huawei", "en", "ZTE", "."]
    doc = unparsed(words)
    ents, ments = entities_for(doc, [
        ("Gate terminal", "FIRM", [(1, 3)]), ("Rotterdam", "LOCATION", [(5, 6)]),
        ("Gasunie", "FIRM", [(13, 14)]), ("Vopak", "FIRM", [(16, 17)]),
        ("Huawei", "FIRM", [(24, 25)]), ("ZTE", "FIRM", [(26, 27)]), ("CN", "COUNTRY", [])])
    for start, end, eid in ((12, 13, "e3"), (15, 16, "e4"), (22, 24, "e5")):
        span = doc[start:end]
        ments.append(SimpleMention(eid, "FIRM", start, end, span.start_char, span.end_char,
                                   "description"))
    ments.append(SimpleMention("e7", "COUNTRY", 22, 23, doc[22].idx, doc[22].idx + 7,
                               "adjective"))
    every = Calibration(load_calibration().weights, "test", threshold=0.0)
    got = triples(build_claims(doc, ents, ments, None, every), ents)
    assert {("Gasunie", "owns", "Gate terminal", False),
            ("Vopak", "owns", "Gate terminal", False),
            ("Huawei", "nationality", "CN", False), ("ZTE", "nationality", "CN", False)} <= got


def test_a_completed_sale_of_a_business_moves_its_ownership():
    # the object before a clause-final infinitive; the seller no longer owns it
    doc = unparsed(["Nexperia", "moest", "de", "chipfabriek", "Newport", "verkopen", "aan",
                    "Vishay", "."])
    _, got, _ = run(doc, [("Nexperia", "FIRM", [(0, 1)]), ("Newport", "FIRM", [(4, 5)]),
                          ("Vishay", "FIRM", [(7, 8)])])
    assert got == {("Vishay", "owns", "Newport", False), ("Nexperia", "owns", "Newport", True)}
    # "van de hand doen" is a sale of a business, never a supply
    doc = unparsed(["Philips", "deed", "vorig", "jaar", "Versuni", "van", "de", "hand", "aan",
                    "Hillhouse", "."])
    _, got, _ = run(doc, [("Philips", "FIRM", [(0, 1)]), ("Versuni", "FIRM", [(4, 5)]),
                          ("Hillhouse", "FIRM", [(9, 10)])])
    assert got == {("Hillhouse", "owns", "Versuni", False), ("Philips", "owns", "Versuni", True)}
    # an announced sale ("verkoopt") does not yet negate the seller's ownership
    doc = unparsed(["Philips", "verkoopt", "Versuni", "aan", "Hillhouse", "."])
    _, got, _ = run(doc, [("Philips", "FIRM", [(0, 1)]), ("Versuni", "FIRM", [(2, 3)]),
                          ("Hillhouse", "FIRM", [(4, 5)])])
    assert got == {("Hillhouse", "owns", "Versuni", False)}
    # goods sold stay a supply
    doc = unparsed(["ASML", "verkocht", "machines", "aan", "SMIC", "."])
    _, got, _ = run(doc, [("ASML", "FIRM", [(0, 1)]), ("machines", "PRODUCT", [(2, 3)]),
                          ("SMIC", "FIRM", [(4, 5)])])
    assert got == {("ASML", "supplies", "SMIC", False)}


def test_stakes_held_inside_a_waarin_clause_and_stakes_sold():
    doc = unparsed(["ESMC", "is", "een", "joint", "venture", "waarin", "TSMC", "70", "procent",
                    "van", "de", "aandelen", "bezit", "."])
    _, got, _ = run(doc, [("ESMC", "FIRM", [(0, 1)]), ("TSMC", "FIRM", [(6, 7)])])
    assert ("TSMC", "owns", "ESMC", False) in got
    assert ("ESMC", "owns", "TSMC", False) not in got
    doc = unparsed(["Hensoldt", ",", "waarin", "de", "Duitse", "staat", "een", "belang",
                    "heeft", ",", "groeit", "."])
    _, got, _ = run(doc, [("Hensoldt", "FIRM", [(0, 1)]), ("Duitse staat", "INSTITUTE",
                                                            [(4, 6)]), ("DE", "COUNTRY", [])])
    assert {c for c in got if c[1] == "owns"} == {("Duitse staat", "owns", "Hensoldt", False)}
    doc = unparsed(["Maasmond", "verkoopt", "een", "belang", "van", "40", "procent", "aan",
                    "CMPH", "."])
    _, got, _ = run(doc, [("Maasmond", "FIRM", [(0, 1)]), ("CMPH", "FIRM", [(8, 9)])])
    assert got == {("CMPH", "owns", "Maasmond", False)}
    doc = unparsed(["CMPH", "koopt", "zich", "in", "bij", "Maasmond", "."])
    _, got, _ = run(doc, [("CMPH", "FIRM", [(0, 1)]), ("Maasmond", "FIRM", [(5, 6)])])
    assert got == {("CMPH", "owns", "Maasmond", False)}


def test_onder_meer_after_a_preposition_and_examples_after_a_description():
    from extractor.claims.docview import SimpleMention

    doc = unparsed(["Straits", "levert", "onderdelen", "aan", "onder", "meer", "Applied", "en",
                    "Lam", "."])
    _, got, _ = run(doc, [("Straits", "FIRM", [(0, 1)]), ("onderdelen", "PRODUCT", [(2, 3)]),
                          ("Applied", "FIRM", [(6, 7)]), ("Lam", "FIRM", [(8, 9)])])
    assert {("Straits", "supplies", "Applied", False), ("Straits", "supplies", "Lam", False)} \
        <= got
    doc = unparsed(["Japanse", "concurrenten", "zoals", "Toray", "groeien", "."])
    ents, ments = entities_for(doc, [("Toray", "FIRM", [(3, 4)]), ("JP", "COUNTRY", [])])
    ments += [SimpleMention("e1", "FIRM", 0, 2, 0, 20, "description"),
              SimpleMention("e2", "COUNTRY", 0, 1, 0, 7, "adjective")]
    every = Calibration(load_calibration().weights, "test", threshold=0.0)
    assert ("Toray", "nationality", "JP", False) in triples(
        build_claims(doc, ents, ments, None, every), ents)


def test_causative_making_and_appositions_after_a_particle_or_a_product():
    doc = unparsed(["Apple", "laat", "zijn", "chips", "bij", "TSMC", "maken", "."])
    _, got, _ = run(doc, [("Apple", "FIRM", [(0, 1)]), ("chips", "PRODUCT", [(3, 4)]),
                          ("TSMC", "FIRM", [(5, 6)])])
    assert ("Apple", "produces", "chips", False) not in got
    assert ("TSMC", "produces", "chips", False) in got
    doc = unparsed(["KKR", "nam", "Rheinland", "over", ",", "een", "producent", "van",
                    "kunststoffen", "uit", "Krefeld", "."])
    _, got, _ = run(doc, [("KKR", "FIRM", [(0, 1)]), ("Rheinland", "FIRM", [(2, 3)]),
                          ("kunststoffen", "PRODUCT", [(8, 9)]),
                          ("Krefeld", "LOCATION", [(10, 11)])])
    assert {("KKR", "owns", "Rheinland", False),
            ("Rheinland", "produces", "kunststoffen", False),
            ("Rheinland", "located_in", "Krefeld", False)} <= got
    assert ("KKR", "located_in", "Krefeld", False) not in got


def test_spin_offs_divestments_and_a_relative_clause_that_ends_before_the_main_verb():
    doc = unparsed(["Syensqo", ",", "dat", "werd", "afgesplitst", "van", "Solvay", ",",
                    "verkoopt", "zijn", "divisie", "Composite", "aan", "KKR", "."])
    _, got, _ = run(doc, [("Syensqo", "FIRM", [(0, 1)]), ("Solvay", "FIRM", [(6, 7)]),
                          ("Composite", "FIRM", [(11, 12)]), ("KKR", "FIRM", [(13, 14)])])
    assert {("Syensqo", "subsidiary_of", "Solvay", True),
            ("KKR", "owns", "Composite", False)} <= got
    assert ("KKR", "owns", "Syensqo", False) not in got
    doc = unparsed(["Philips", "stootte", "Versuni", "af", "aan", "Hillhouse", "."])
    _, got, _ = run(doc, [("Philips", "FIRM", [(0, 1)]), ("Versuni", "FIRM", [(2, 3)]),
                          ("Hillhouse", "FIRM", [(5, 6)])])
    assert got == {("Hillhouse", "owns", "Versuni", False), ("Philips", "owns", "Versuni", True)}


def test_a_bare_trade_description_stands_for_the_firm_the_article_is_about():
    words = ["TSMC", "groeit", ".", "TSMC", "bouwt", "chips", ".", "Apple", "koopt", "bij",
             "de", "chipfabrikant", "uit", "Hsinchu", "."]
    doc = unparsed(words)
    _, got, _ = run(doc, [("TSMC", "FIRM", [(0, 1), (3, 4)]), ("chips", "PRODUCT", [(5, 6)]),
                          ("Apple", "FIRM", [(7, 8)]), ("Hsinchu", "LOCATION", [(13, 14)])])
    assert ("TSMC", "located_in", "Hsinchu", False) in got
    assert ("TSMC", "produces", "chips", False) in got
    assert ("Apple", "located_in", "Hsinchu", False) not in got


def test_partnership_of_x_with_y_and_working_on_the_development_of_goods():
    doc = unparsed(["De", "samenwerking", "van", "de", "KU", "Leuven", "met", "de", "Zhejiang",
                    "loopt", "door", "."])
    _, got, _ = run(doc, [("KU Leuven", "INSTITUTE", [(4, 6)]),
                          ("Zhejiang", "INSTITUTE", [(8, 9)])])
    assert got == {("KU Leuven", "partner_of", "Zhejiang", False)}
    doc = unparsed(["Het", "BIT", "werkt", "mee", "aan", "de", "ontwikkeling", "van", "raketten",
                    "en", "tanks", "."])
    _, got, _ = run(doc, [("BIT", "INSTITUTE", [(1, 2)]), ("raketten", "PRODUCT", [(8, 9)]),
                          ("tanks", "PRODUCT", [(10, 11)])])
    assert got == {("BIT", "partner_of", "raketten", False), ("BIT", "partner_of", "tanks", False)}


def test_restriction_wording_licences_export_stops_and_sanctions_as_a_cause():
    doc = unparsed(["Duitsland", "was", "strenger", ":", "het", "legde", "een", "wapenexportstop",
                    "op", "voor", "Saoedi-Arabië", "."])
    _, got, _ = run(doc, [("DE", "COUNTRY", [(0, 1)]), ("SA", "COUNTRY", [(10, 11)])])
    assert ("DE", "restricts", "SA", False) in got
    doc = unparsed(["Door", "de", "Amerikaanse", "sancties", "mag", "TSMC", "geen", "chips",
                    "meer", "leveren", "aan", "Huawei", "."])
    _, got, _ = run(doc, [("TSMC", "FIRM", [(5, 6)]), ("chips", "PRODUCT", [(7, 8)]),
                          ("Huawei", "FIRM", [(11, 12)]), ("US", "COUNTRY", [])],
                    adjectives=[("US", 2)])
    assert ("US", "restricts", "TSMC", False) in got
    assert ("TSMC", "supplies", "Huawei", True) in got
    # a licence granted is no restriction; one refused is, and is not negated by the refusal
    doc = unparsed(["Nederland", "heeft", "vergunningen", "verleend", "voor", "camera's", "."])
    _, got, _ = run(doc, [("NL", "COUNTRY", [(0, 1)]), ("camera's", "PRODUCT", [(5, 6)])])
    assert got == set()
    doc = unparsed(["Nederland", "weigerde", "een", "exportvergunning", "voor", "camera's", "."])
    _, got, _ = run(doc, [("NL", "COUNTRY", [(0, 1)]), ("camera's", "PRODUCT", [(5, 6)])])
    assert got == {("NL", "restricts", "camera's", False)}


def test_a_cancelled_or_postponed_facility_is_negated_and_missed_names_keep_their_place():
    doc = unparsed(["Intel", "stelt", "de", "bouw", "van", "een", "chipfabriek", "in",
                    "Maagdenburg", "uit", "."])
    _, got, _ = run(doc, [("Intel", "FIRM", [(0, 1)]), ("Maagdenburg", "LOCATION", [(8, 9)])])
    assert got == {("Intel", "located_in", "Maagdenburg", True)}
    doc = unparsed(["Veldtech", "werkt", "samen", "met", "het", "Summa", "College", "in",
                    "Eindhoven", "."])
    _, got, _ = run(doc, [("Veldtech", "FIRM", [(0, 1)]), ("Eindhoven", "LOCATION", [(8, 9)])])
    assert ("Veldtech", "located_in", "Eindhoven", False) not in got


def test_an_apposition_after_a_verb_final_clause_describes_the_last_name():
    rows = [("Zendingen", 3, "nsubj", "NOUN"), ("naar", 2, "case", "ADP"),
            ("Adasi", 3, "obl", "PROPN"), ("gingen", 3, "ROOT", "VERB"),
            (",", 5, "punct", "PUNCT"), ("een", 6, "det", "DET"), ("bedrijf", 3, "appos", "NOUN"),
            ("uit", 8, "case", "ADP"), ("Dubai", 6, "nmod", "PROPN"), (".", 3, "punct", "PUNCT")]
    doc = parsed(rows)
    _, got, _ = run(doc, [("Adasi", "FIRM", [(2, 3)]), ("Dubai", "LOCATION", [(8, 9)])])
    assert ("Adasi", "located_in", "Dubai", False) in got


def test_a_named_subsidiary_of_the_article_firm_and_an_apposition_after_brackets():
    doc = unparsed(["Philips", "groeit", ".", "Philips", "bouwt", "scanners", ".", "Er", "was",
                    "een", "actie", "bij", "dochter", "Respironics", "."])
    _, got, _ = run(doc, [("Philips", "FIRM", [(0, 1), (3, 4)]),
                          ("scanners", "PRODUCT", [(5, 6)]), ("Respironics", "FIRM", [(13, 14)])])
    assert ("Respironics", "subsidiary_of", "Philips", False) in got
    doc = unparsed(["Het", "Bureau", "(", "BTI", ")", ",", "onderdeel", "van", "het", "ministerie",
                    ",", "keurt", "."])
    _, got, _ = run(doc, [("Bureau", "INSTITUTE", [(1, 2), (3, 4)]),
                          ("ministerie", "INSTITUTE", [(9, 10)])])
    assert ("Bureau", "subsidiary_of", "ministerie", False) in got


def test_two_or_both_companies_stand_for_the_last_two_named():
    doc = unparsed(["Shell", "en", "Total", "tekenen", ".", "De", "twee", "bedrijven", "werken",
                    "samen", "in", "Qatar", ".", "Solvac", "is", "aandeelhouder", "van", "beide",
                    "bedrijven", "."])
    _, got, _ = run(doc, [("Shell", "FIRM", [(0, 1)]), ("Total", "FIRM", [(2, 3)]),
                          ("QA", "COUNTRY", [(11, 12)]), ("Solvac", "FIRM", [(13, 14)])])
    assert {("Shell", "partner_of", "Total", False), ("Solvac", "owns", "Shell", False),
            ("Solvac", "owns", "Total", False)} <= got
