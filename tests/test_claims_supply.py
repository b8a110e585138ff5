"""Supply constructions of extractor/claims/supply.py on short Dutch sentences (no parse:
these are the linear-order readings, the ones that must hold when the parser errs)."""

from __future__ import annotations

import pytest
from claims_helpers import triples, unparsed

from extractor.claims.component import build_claims
from extractor.claims.confidence import Calibration, load_calibration
from extractor.claims.docview import DocView, SimpleMention
from extractor.claims.supply import _after_volgens, _delivery_target
from extractor.schema import Entity


def extract(text: str, spec: dict[str, str]) -> set[tuple[str, str, str, bool]]:
    """Supply claims of ``text`` (tokens split on spaces); ``spec``: entity name -> type, each
    name marked wherever its words occur."""
    words = text.split()
    doc = unparsed(words)
    entities, mentions = [], []
    for n, (name, type_) in enumerate(spec.items(), start=1):
        eid = f"e{n}"
        iso = name if type_ == "COUNTRY" and len(name) == 2 else None
        entities.append(Entity(id=eid, type=type_, name=name, aliases=[name], iso=iso))
        parts = name.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                span = doc[i:i + len(parts)]
                mentions.append(SimpleMention(eid, type_, i, i + len(parts), span.start_char,
                                              span.end_char))
    every = Calibration(load_calibration().weights, "test", threshold=0.0)
    claims = build_claims(doc, entities, mentions, "2025-03-01", every)
    return {t for t in triples(claims, entities) if t[1] == "supplies"}


F, INST, C, P = "FIRM", "INSTITUTE", "COUNTRY", "PRODUCT"

CASES = [
    # role noun as copula subject
    ("De grootste afnemer van Hanmi is SK hynix .", {"Hanmi": F, "SK hynix": F},
     {("Hanmi", "supplies", "SK hynix", False)}),
    ("De belangrijkste leverancier van Airbus is Spirit .", {"Airbus": F, "Spirit": F},
     {("Spirit", "supplies", "Airbus", False)}),
    # without "van X": the topic (subject of the sentence before)
    ("Maasmond bouwt een terminal . De grootste klant is Maersk .",
     {"Maasmond": F, "Maersk": F}, {("Maasmond", "supplies", "Maersk", False)}),
    # "tot de klanten behoren"
    ("Maasmond opende in 2020 . Tot de vaste klanten behoren Maersk en Cosco .",
     {"Maasmond": F, "Maersk": F, "Cosco": F},
     {("Maasmond", "supplies", "Maersk", False), ("Maasmond", "supplies", "Cosco", False)}),
    ("Tot de klanten van ASML behoren onder meer TSMC en Intel .",
     {"ASML": F, "TSMC": F, "Intel": F},
     {("ASML", "supplies", "TSMC", False), ("ASML", "supplies", "Intel", False)}),
    ("Samsung behoort tot de grootste klanten van ASML .", {"Samsung": F, "ASML": F},
     {("ASML", "supplies", "Samsung", False)}),
    # examples after the preposition
    ("Samsung SDI levert batterijcellen aan onder meer BMW en Stellantis .",
     {"Samsung SDI": F, "batterijcellen": P, "BMW": F, "Stellantis": F},
     {("Samsung SDI", "supplies", "BMW", False), ("Samsung SDI", "supplies", "Stellantis", False)}),
    # passive relative clause: the maker of the goods supplies
    ("Zo maakt Elmo kabelbomen , die aan Lockheed worden geleverd .",
     {"Elmo": F, "kabelbomen": P, "Lockheed": F}, {("Elmo", "supplies", "Lockheed", False)}),
    # passive with an agent only: the recipient is the topic
    ("Kongsberg bouwt de NSM . De raketmotoren worden geleverd door Nammo .",
     {"Kongsberg": F, "NSM": P, "raketmotoren": P, "Nammo": F},
     {("Nammo", "supplies", "Kongsberg", False)}),
    # "voor Dresden": for whom is said, not as an organisation: no guess
    ("Infineon bouwt mee . De machines voor Dresden worden geleverd door ASML .",
     {"Infineon": F, "machines": P, "Dresden": "LOCATION", "ASML": F}, set()),
    # a named product line built by a firm is no delivery to the topic
    ("Defensie kocht straaljagers . De F-35 wordt gebouwd door Lockheed .",
     {"Defensie": INST, "F-35": P, "Lockheed": F}, set()),
    # laten maken, in opdracht van
    ("Apple en Nvidia laten hun chips bij TSMC maken .",
     {"Apple": F, "Nvidia": F, "chips": P, "TSMC": F},
     {("TSMC", "supplies", "Apple", False), ("TSMC", "supplies", "Nvidia", False)}),
    ("De chips worden in opdracht van Nvidia gefabriceerd door TSMC .",
     {"chips": P, "Nvidia": F, "TSMC": F}, {("TSMC", "supplies", "Nvidia", False)}),
    # goods of a maker, used
    ("VodafoneZiggo gebruikt uitsluitend apparatuur van Nokia en van Ericsson .",
     {"VodafoneZiggo": F, "Nokia": F, "Ericsson": F},
     {("Nokia", "supplies", "VodafoneZiggo", False),
      ("Ericsson", "supplies", "VodafoneZiggo", False)}),
    # an order at a supplier for the topic, cancelled
    ("Defensie koopt nieuwe drones . Defensie bestelde ook munitie . Een geplande aankoop van "
     "raketten bij Boeing gaat niet door .",
     {"Defensie": INST, "drones": P, "munitie": P, "raketten": P, "Boeing": F},
     {("Boeing", "supplies", "Defensie", True)}),
    ("Defensie koopt nieuwe drones . Defensie wil meer . Een aanbod van Hanwha werd afgewezen .",
     {"Defensie": INST, "drones": P, "Hanwha": F}, {("Hanwha", "supplies", "Defensie", True)}),
    # share of turnover
    ("Veldtech maakt modules . ASML is nog altijd goed voor 60 procent van de omzet .",
     {"Veldtech": F, "modules": P, "ASML": F}, {("Veldtech", "supplies", "ASML", False)}),
    # contrast: not at the other supplier
    ("Maasmond bestelde kranen bij Konecranes , en niet bij ZPMC .",
     {"Maasmond": F, "kranen": P, "Konecranes": F, "ZPMC": F},
     {("Konecranes", "supplies", "Maasmond", False), ("ZPMC", "supplies", "Maasmond", True)}),
    # second main clause: its own subject
    ("Dassault levert vliegtuigen aan Qatar , en ook Optronix exporteert camera's naar Oman .",
     {"Dassault": F, "vliegtuigen": P, "Qatar": C, "Optronix": F, "camera's": P, "Oman": C},
     {("Dassault", "supplies", "Qatar", False), ("Optronix", "supplies", "Oman", False)}),
    # shipments going to a recipient: the shipper is the topic (a passive's agent too)
    ("De camera's worden gemaakt door Lynxa . Minstens negen zendingen gingen naar Adasi .",
     {"camera's": P, "Lynxa": F, "Adasi": F}, {("Lynxa", "supplies", "Adasi", False)}),
    ("ASM verkoopt machines . Een deel daarvan ging naar fabrieken van SMIC .",
     {"ASM": F, "machines": P, "SMIC": F}, {("ASM", "supplies", "SMIC", False)}),
    # a buyer with no seller named: the one firm the article says makes such goods
    ("Hanmi bestelt voor 80 miljoen euro aan modules . Veldtech maakt mechatronische modules . "
     "Veldtech groeit . Veldtech zoekt mensen .",
     {"Veldtech": F, "mechatronische modules": P, "modules": P, "Hanmi": F},
     {("Veldtech", "supplies", "Hanmi", False)}),
    # ... but only the firm the article is about: F-35's are sold by the US government
    ("Defensie koopt F-35 toestellen . Lockheed bouwt F-35 toestellen . Defensie betaalt .",
     {"Defensie": INST, "F-35 toestellen": P, "Lockheed": F}, set()),
    # a purchase that runs through a government
    ("Defensie koopt drones . Defensie wil snel . De aankopen verlopen niet rechtstreeks met de "
     "fabrikanten , maar via het Pentagon .",
     {"Defensie": INST, "drones": P, "Pentagon": INST},
     {("Pentagon", "supplies", "Defensie", False)}),
    # "we" in a quote: the firm the article is about
    ("Veldtech groeit . Veldtech bouwt . Veldtech zoekt mensen . En we leveren niet aan "
     "Chinese chipfabrieken .", {"Veldtech": F, "CN": C},
     {("Veldtech", "supplies", "CN", True)}),
    # "samen met": the same side
    ("Nederland heeft samen met België fregatten besteld bij Damen .",
     {"Nederland": C, "België": C, "fregatten": P, "Damen": F},
     {("Damen", "supplies", "Nederland", False), ("Damen", "supplies", "België", False)}),
    # goods that come from a maker
    ("ASML bouwt machines . De lenzen voor de machines komen van Zeiss .",
     {"ASML": F, "machines": P, "lenzen": P, "Zeiss": F}, {("Zeiss", "supplies", "ASML", False)}),
    # the payee supplies the payer
    ("Johnson betaalt Argenx 400 miljoen dollar voor de rechten .", {"Johnson": F, "Argenx": F},
     {("Argenx", "supplies", "Johnson", False)}),
    # "beide bedrijven": the two organisations named last as subjects
    ("VDL bouwt modules . NTS levert frames . Beide bedrijven verkopen niet aan Chinese "
     "chipfabrieken .", {"VDL": F, "modules": P, "NTS": F, "frames": P, "CN": C},
     {("VDL", "supplies", "CN", True), ("NTS", "supplies", "CN", True)}),
    # compounds of role nouns
    ("De hoofdleverancier van Tesla is Panasonic .", {"Tesla": F, "Panasonic": F},
     {("Panasonic", "supplies", "Tesla", False)}),
    # voorzien van, halen bij
    ("Gasunie voorziet Duitsland van waterstof .",
     {"Gasunie": F, "Duitsland": C, "waterstof": P},
     {("Gasunie", "supplies", "Duitsland", False)}),
    ("Apple haalt zijn chips bij TSMC .", {"Apple": F, "chips": P, "TSMC": F},
     {("TSMC", "supplies", "Apple", False)}),
    ("Philips haalt zijn gelijk bij de rechter .", {"Philips": F}, set()),
    # delivery nouns, suspended ones negated; not where a licence is spoken of
    ("ASML hervat de leveringen aan SMIC .", {"ASML": F, "SMIC": F},
     {("ASML", "supplies", "SMIC", False)}),
    ("Shell stopt de leveringen aan Sinopec .", {"Shell": F, "Sinopec": F},
     {("Shell", "supplies", "Sinopec", True)}),
    ("De leveringen van Gazprom aan Uniper zijn hervat .", {"Gazprom": F, "Uniper": F},
     {("Gazprom", "supplies", "Uniper", False)}),
    ("De levering van de F-35 door Lockheed aan Nederland loopt vertraging op .",
     {"F-35": P, "Lockheed": F, "Nederland": C}, {("Lockheed", "supplies", "Nederland", False)}),
    ("Het ministerie trok de licenties in voor leveringen aan Huawei .",
     {"ministerie": INST, "Huawei": F}, set()),
    # "onder de klanten", "waaronder"
    ("Onder de afnemers van Umicore bevinden zich BMW en Volvo .",
     {"Umicore": F, "BMW": F, "Volvo": F},
     {("Umicore", "supplies", "BMW", False), ("Umicore", "supplies", "Volvo", False)}),
    ("Lely exporteert robots naar veertig landen , waaronder Canada en Japan .",
     {"Lely": F, "robots": P, "Canada": C, "Japan": C},
     {("Lely", "supplies", "Canada", False), ("Lely", "supplies", "Japan", False)}),
    # contracts won, dependence, national clients
    ("Thales wint een contract van de Marine .", {"Thales": F, "Marine": INST},
     {("Thales", "supplies", "Marine", False)}),
    ("ASML is voor zijn lenzen afhankelijk van Zeiss .", {"ASML": F, "lenzen": P, "Zeiss": F},
     {("Zeiss", "supplies", "ASML", False)}),
    ("Europa wil minder afhankelijk worden van Huawei voor antennes .",
     {"Europa": INST, "Huawei": F, "antennes": P}, set()),
    ("Volgens ASML zijn de Chinese klanten van ASML voorzichtig .", {"ASML": F, "CN": C},
     {("ASML", "supplies", "CN", False)}),
    # a role noun after "aan" names the delivery's recipients, no client relation of its own
    ("EDGE levert drones aan Adasi . EDGE groeit . Lynxa levert camera's aan klanten in Oman .",
     {"EDGE": F, "drones": P, "Adasi": F, "Lynxa": F, "camera's": P, "Oman": C},
     {("EDGE", "supplies", "Adasi", False), ("Lynxa", "supplies", "Oman", False)}),
    # a role noun without "van X" continues the supply of the sentence before
    ("De grootste klant van LG is Apple , dat schermen verwerkt . Tot de vaste afnemers behoren "
     "ook Dell en HP .", {"LG": F, "Apple": F, "Dell": F, "HP": F},
     {("LG", "supplies", "Apple", False), ("LG", "supplies", "Dell", False),
      ("LG", "supplies", "HP", False)}),
    # "voorziet de fabriek van Philips van onderdelen": the owner's "van" is not the goods'
    ("VDL voorziet de fabriek van Philips in Best van onderdelen .",
     {"VDL": F, "Philips": F, "Best": "LOCATION", "onderdelen": P},
     {("VDL", "supplies", "Philips", False)}),
    # a cancelled order, the cancelling verb before the noun
    ("Philips schrapt een order bij BOE .", {"Philips": F, "BOE": F},
     {("BOE", "supplies", "Philips", True)}),
    # "beide bedrijven" after a passive: its agent is one of the two
    ("VDL maakt frames . De modules worden geleverd door Prodrive . Beide bedrijven verkopen "
     "niet aan Russische klanten .", {"VDL": F, "frames": P, "modules": P, "Prodrive": F,
                                       "RU": C},
     {("Prodrive", "supplies", "VDL", False), ("VDL", "supplies", "RU", True),
      ("Prodrive", "supplies", "RU", True)}),
    # a supplier role without "van X" serves the firm the article is about
    ("Damen bouwt schepen . Damen groeit . Thales levert radars aan Damen . De belangrijkste "
     "leverancier van staal is Tata .", {"Damen": F, "schepen": P, "Thales": F, "radars": P,
                                         "staal": P, "Tata": F},
     {("Thales", "supplies", "Damen", False), ("Tata", "supplies", "Damen", False)}),
    # the agent of a rejected offer is the buyer; every recipient of a "we" clause
    ("Damen bouwt . Damen wint . Een aanbod van Navantia werd door de Marine afgewezen .",
     {"Damen": F, "Navantia": F, "Marine": INST}, {("Navantia", "supplies", "Marine", True)}),
    ("Damen groeit . Damen bouwt . Damen wint . We leveren niet aan Rusland en ook niet aan "
     "Iran .", {"Damen": F, "Rusland": C, "Iran": C},
     {("Damen", "supplies", "Rusland", True), ("Damen", "supplies", "Iran", True)}),
    # distractors: no supply
    ("Kritiek komt van Greenpeace .", {"Greenpeace": INST}, set()),
    ("Prosus betaalt 20 euro per aandeel .", {"Prosus": F}, set()),
    ("Het geld van Shell gaat naar Oman .", {"Shell": F, "Oman": C}, set()),
    ("De minister gaat naar China .", {"China": C}, set()),
    ("De klant van morgen is veeleisend .", {}, set()),
    ("De grootste concurrent van ASML is Nikon .", {"ASML": F, "Nikon": F}, set()),
    ("ASML is goed voor de economie van Brabant .", {"ASML": F, "Brabant": "LOCATION"}, set()),
    ("Philips gebruikt de opbrengst voor de aflossing van schulden .", {"Philips": F}, set()),
]


@pytest.mark.parametrize(("text", "spec", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_supply_constructions(text, spec, expected):
    assert extract(text, spec) == expected


@pytest.mark.parametrize(("text", "k", "expected"), [
    ("dat volgens marktonderzoeker Kpler de grootste", 3, True),
    ("volgens het Amerikaanse Kpler", 3, True),
    ("Volgens ingewijden levert VDL ook aan", 3, False),
    ("levert Kpler ook", 1, False),
])
def test_a_source_after_volgens_is_told_from_a_subject(text, k, expected):
    doc = unparsed(text.split())
    view = DocView(doc, [], [])
    assert _after_volgens(view, k) is expected


@pytest.mark.parametrize(("text", "k", "expected"), [
    ("levert zijn camera's aan klanten in Oman", 4, True),
    ("verkoopt aan Chinese klanten", 3, True),
    ("De grootste klanten zijn Maersk en Cosco", 2, False),
    ("Ook Tesla is klant", 3, False),
])
def test_a_role_noun_after_aan_is_a_delivery_target(text, k, expected):
    view = DocView(unparsed(text.split()), [], [])
    assert _delivery_target(view, k) is expected
