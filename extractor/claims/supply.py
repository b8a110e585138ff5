"""Supply-chain constructions the verb and noun patterns miss (the ``supplies`` predicate).

Dutch news states who supplies whom in many more ways than "X levert aan Y":

- a role noun as the subject of a copula: "De grootste afnemer van Hanmi is SK hynix",
  "De belangrijkste leverancier van X is Y";
- a role noun after "tot": "Tot de (vaste) klanten (van X) behoren Y en Z";
- an example list after the preposition: "levert onderdelen aan onder meer A en B";
- a passive without a named recipient, the goods of the clause before: "kabelbomen, die aan
  Lockheed Martin worden geleverd"; or without a named recipient at all, the firm the
  paragraph is about: "De radars voor het systeem worden geleverd door Hensoldt";
- "Y laat zijn chips bij X maken", "in opdracht van Y (gemaakt door X)";
- goods of a named maker in a purchase or use frame: "Y gebruikt apparatuur van X",
  "Het contract betreft het systeem van de Duitse fabrikant X";
- orders, purchases and offers with the supplier after "bij", including cancelled ones: "Een
  geplande aankoop van P bij X gaat niet door", "een aanbod van X werd afgewezen";
- a share of turnover: "X is goed voor 60 procent van de omzet";
- a contrast: "bestelde kranen bij X, en niet bij Y" (Y negated).

Where the sentence does not name one side, the side is the organisation the text is about
(:func:`topic_org`): the subject of the nearest sentence before that names one, else the one
named most. :func:`revise` is the one entry point the claims component calls per sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from .candidate import Candidate
from .docview import ORG, PREPOSITIONS, Arg, DocView, description_type
from .lexicon import CLIENT_NOUNS, is_org_head, verb_lemma
from .patterns import (
    SKIPPABLE,
    _governed_by_preposition,
    _surface_after,
    _surface_client,
    _surface_conj,
    _surface_subject,
    relative_antecedent,
)

RECIPIENT_NOUNS = CLIENT_NOUNS | frozenset({"opdrachtgever", "opdrachtgevers", "klantenkring",
                                             "koper", "kopers", "afzetmarkt"})
SUPPLIER_NOUNS = frozenset({"leverancier", "leveranciers", "toeleverancier",
                            "toeleveranciers", "hofleverancier"})
BE_FORMS = frozenset({"is", "was", "zijn", "waren", "blijft", "bleef", "blijven", "bleven",
                      "wordt", "werd", "worden", "werden"})
BELONG_FORMS = frozenset({"behoren", "behoorden", "behoort", "behoorde", "horen", "hoorden",
                          "hoort", "hoorde"})
# adverbs between the verb and the named parties ("behoren onder meer", "is nog altijd")
FILLERS = frozenset({"nog", "altijd", "al", "nu", "inmiddels", "sinds", "ook", "onder", "meer",
                     "andere", "anderen", "vooral", "opnieuw", "traditioneel", "steeds",
                     "bijvoorbeeld", "met", "name", "o.a.", "zoals"})
# "Onder de klanten zijn/bevinden zich Y en Z"
AMONG_FORMS = frozenset({"zijn", "waren", "bevinden", "bevonden", "zitten", "zaten"})
# "aan onder meer A en B", "naar onder andere A", "aan klanten als/zoals A"
EXAMPLE_OPENERS = (("onder", "meer"), ("onder", "andere"), ("o.a.",), ("zoals",),
                   ("bijvoorbeeld",), ("onder", "anderen"), ("waaronder",), ("met", "name"))
SUPPLY_LEMMAS = frozenset({"leveren", "verkopen", "exporteren", "verschepen"})
MAKE_LEMMAS = frozenset({"maken", "produceren", "bouwen", "fabriceren", "assembleren",
                         "vervaardigen", "ontwikkelen", "ontwerpen"})
PASSIVE_AUX = frozenset({"wordt", "worden", "werd", "werden", "zijn", "is", "was", "waren"})
LATEN_FORMS = frozenset({"laat", "laten", "liet", "lieten", "gelaten"})
USE_FORMS = frozenset({"gebruikt", "gebruiken", "gebruikte", "gebruikten", "koopt", "kopen",
                       "kocht", "kochten", "gekocht", "bestelt", "bestellen", "bestelde",
                       "bestelden", "besteld", "schaft", "schaffen", "schafte", "schaften",
                       "aangeschaft", "aanschaffen", "betrekt", "betrekken", "betrok",
                       "zet", "zetten", "zette", "ingezet", "inzetten", "vliegt", "vliegen",
                       "rijdt", "rijden"})
# nouns of an order or purchase; the supplier follows "bij", the goods "van"
ORDER_NOUNS = frozenset({"aankoop", "aankopen", "bestelling", "bestellingen", "order",
                         "orders", "levering", "leveringen", "opdracht", "opdrachten",
                         "contract", "contracten", "aanbesteding", "deal", "koop"})
OFFER_NOUNS = frozenset({"aanbod", "offerte", "bod"})
CONTENT_VERBS = frozenset({"betreft", "betrof", "omvat", "omvatte", "behelst", "behelsde"})
# the order or offer does not go ahead: read as a negation of the supply
CANCEL_WORDS = frozenset({"afgewezen", "wijst", "wees", "afgeblazen", "geannuleerd",
                          "annuleert", "annuleerde", "geschrapt", "schrapt", "schrapte",
                          "afgezegd", "ingetrokken", "gestaakt", "gestopt", "opgezegd",
                          "afgeketst", "sneuvelde", "gesneuveld", "verworpen"})
# prepositions that end the goods noun phrase before "van X" ("de opbrengst voor ...")
GOODS_BREAKS = frozenset({"voor", "aan", "bij", "naar", "met", "door", "uit", "in", "op", "tot",
                          "om", "tegen", "over"})
TURNOVER_NOUNS = frozenset({"omzet", "inkomsten", "afzet", "verkopen", "orderportefeuille",
                            "orders", "productie"})
SHARE_HEADS = frozenset({"procent", "%", "helft", "derde", "kwart", "vijfde", "deel",
                         "meerderheid", "groot"})


# --- helpers --------------------------------------------------------------------------------
def _participle(low: str) -> bool:
    """A past participle of a supply or making verb ("geleverd", "verkocht", "ontwikkeld")."""
    return low.startswith("ge") or low in {"verkocht", "verscheept", "vervaardigd",
                                           "ontwikkeld", "ontworpen"}


def _discourse(a: Arg) -> Arg:
    """An argument taken from the context: no position in the sentence (so no distance to
    the other argument is measured)."""
    return Arg(a.entity_id, a.type, -1, -1, "discourse")


def _type_at(view: DocView, k: int) -> str | None:
    """The entity type of the mention at token ``k``, or None."""
    m = view.mention_at(k)
    return view.type_of(m) if m is not None else None


def _named(view: DocView, start: int, end: int, types: frozenset[str] = ORG) -> list[Arg]:
    """Named mentions (no bare descriptions) of the wanted types starting in [start, end)."""
    out = []
    for m in view.mentions_between(start, end):
        if view.type_of(m) in types and view.kind_of(m) != "description":
            out.append(view.arg(m, "surface"))
    return out


def _sentence_subject(view: DocView, sent: Span, named: list[Arg]) -> Arg | None:
    """Of the organisations a sentence names, its subject: the first one no preposition
    governs, else a passive's agent ("De fregatten worden gebouwd door Damen")."""
    free = [a for a in named if not _governed_by_preposition(view, a.start, sent.start)]
    if free:
        return free[0]
    doc = view.doc
    agents = [a for a in named if any(doc[j].lower_ == "door"
                                      for j in range(max(sent.start, a.start - 3), a.start))]
    return agents[0] if agents else None


def _last_supplier(view: DocView, sent: Span, exclude: set[str]) -> Arg | None:
    """The supplier of a supply stated in the sentence right before ("De grootste klant van
    LG Display is Apple. Tot de vaste afnemers behoren ook Dell en HP."): a role noun
    without "van X" continues it."""
    last = view.__dict__.get("_supply_last")
    if last is None or sent.start == 0:
        return None
    k = sent.start - 1
    prev = view.sent_of(k)
    while not prev.text.strip() and prev.start > 0:
        prev = view.sent_of(prev.start - 1)
    start, suppliers = last
    if start != prev.start:
        return None
    for a in suppliers:
        if a.entity_id not in exclude:
            return _discourse(a)
    return None


def _missing_side(view: DocView, sent: Span, at: int, exclude: set[str],
                  recipient_role: bool) -> list[Arg]:
    """The side a role noun without "van X" leaves out. Clients ("Tot de afnemers behoren
    Y") continue the supplier of the sentence before, else the topic's; suppliers ("De
    belangrijkste leverancier van staal is X") serve the firm the article is about."""
    if recipient_role:
        found = _last_supplier(view, sent, exclude) or topic_org(view, at, exclude)
    else:
        main = main_org(view, len(view.doc), exclude)
        found = main if main is not None else topic_org(view, at, exclude)
    return [found] if found is not None else []


def topic_org(view: DocView, at: int, exclude: set[str], types: frozenset[str] = ORG,
              ) -> Arg | None:
    """The organisation a sentence without a named side is about: the first one named
    outside a prepositional phrase (the subject, mostly) in the nearest of the three sentences
    before ``at`` that names one; else the one named most before ``at`` (twice at least)."""
    sent = view.sent_of(at)
    k = sent.start - 1
    looked = 0
    while k >= 0 and looked < 3:
        prev = view.sent_of(k)
        k = prev.start - 1
        if not prev.text.strip():
            continue
        looked += 1
        named = [a for a in _named(view, prev.start, prev.end, types)
                 if a.entity_id not in exclude]
        if not named:
            continue
        subject = _sentence_subject(view, prev, named)
        if subject is not None:
            return _discourse(subject)
        break
    return main_org(view, sent.start, exclude, types)


def main_org(view: DocView, before: int, exclude: set[str], types: frozenset[str] = ORG,
             ) -> Arg | None:
    """The organisation named most often before token ``before`` (at least twice)."""
    counts: dict[str, int] = {}
    last: dict[str, Arg] = {}
    for a in _named(view, 0, before, types):
        if a.entity_id in exclude:
            continue
        counts[a.entity_id] = counts.get(a.entity_id, 0) + 1
        last[a.entity_id] = a
    if not counts:
        return None
    best = max(counts, key=lambda e: counts[e])
    if counts[best] < 2:
        return None
    return _discourse(last[best])


def _buyer(view: DocView, at: int, exclude: set[str]) -> Arg | None:
    """Who places an order the sentence leaves unnamed ("Een geplande aankoop bij X gaat niet
    door"): the organisation the whole article names most (the buyer whose purchases it
    reports, mostly), else the topic."""
    return main_org(view, len(view.doc), exclude) or topic_org(view, at, exclude,
                                                                ORG | {"COUNTRY"})


def _org_after(view: DocView, j: int, end: int, limit: int = 5,
               types: frozenset[str] = ORG | {"COUNTRY"}) -> list[Arg]:
    """The organisation(s) right after token ``j`` (a preposition): a mention, or the bare
    description's antecedent ("bij de chipfabrikant uit Hsinchu"), with its conjuncts."""
    a = _surface_after(view, j, end, limit=limit)
    doc = view.doc
    if a is None and j + 2 < end and doc[j + 1].lower_ in FACILITY_NOUNS and \
            doc[j + 2].lower_ == "van":
        a = _surface_after(view, j + 2, end, limit=limit)  # "naar fabrieken van SMIC"
    if a is None:
        for k in range(j + 1, min(end, j + 1 + limit)):
            t = view.doc[k]
            if t.lower_ in PREPOSITIONS or t.is_punct:
                break
            if description_type(t.text) is not None:
                a = view.org_at(k)
                break
    if a is None or a.type not in types:
        return []
    out = [a]
    if a.start > j:  # not for an antecedent named earlier ("bij het bedrijf uit Hengelo")
        _surface_conj(view, a, end, out, {a.entity_id})
    return out


def _subjects_before(view: DocView, verb: int, start: int, taken: set[str]) -> list[Arg]:
    """The clause subject before a verb, with the conjuncts before it ("Apple, Nvidia, AMD en
    Qualcomm laten ..."): the first organisation no preposition governs, then ", M"/"en M"."""
    doc = view.doc
    first = None
    for k in range(start, verb):
        m = view.mention_at(k)
        if m is None or m.start != k or view.type_of(m) not in ORG | {"COUNTRY"}:
            continue
        if m.entity_id in taken or _governed_by_preposition(view, k, start):
            continue
        first = view.arg(m, "surface")
        break
    if first is None:
        if doc[start].lower_ in {"die", "dat"} and start > 0:
            ante = relative_antecedent(view, start)
            return [ante] if ante is not None and ante.type in ORG else []
        a = _surface_subject(view, doc[verb], start, verb + 1, taken)
        return [a] if a is not None and a.type in ORG | {"COUNTRY"} else []
    out = [first]
    _surface_conj(view, first, verb, out, {first.entity_id} | taken)
    return out


def _examples_after(view: DocView, j: int, end: int) -> list[Arg]:
    """Organisations after a preposition at ``j`` introduced as examples: "aan onder meer A
    en B", "aan klanten als/zoals A"."""
    doc = view.doc
    sent_end = view.sent_of(j).end
    for k in range(j + 1, min(sent_end, j + 8)):
        words = tuple(doc[x].lower_ for x in range(k, min(sent_end, k + 2)))
        for opener in EXAMPLE_OPENERS:
            if words[: len(opener)] == opener:
                # ", waaronder A en B" may stand past the clause's comma
                return _org_after(view, k + len(opener) - 1, sent_end, limit=4)
        if doc[k].text == "," and k + 1 < sent_end and doc[k + 1].lower_ == "waaronder":
            continue  # "naar veertig landen, waaronder Duitsland"
        if view.mention_at(k) is not None or doc[k].is_punct or doc[k].pos_ in {"VERB",
                                                                                 "AUX"} \
                or verb_lemma(doc[k].text) is not None:
            return []
    return []


def _recipients_after(view: DocView, j: int, end: int, limit: int = 5) -> list[Arg]:
    """The recipients after "aan"/"naar" at ``j``: the organisations named there, else a
    client noun phrase ("aan klanten in het Midden-Oosten")."""
    found = _org_after(view, j, end, limit=limit)
    if found:
        return found
    client = _surface_client(view, j, end)
    return [client] if client is not None else []


def _supplies(s: Arg, o: Arg, trigger: int, pattern: str, scope: tuple[int, int],
              family: str = "noun", product: Arg | None = None, **extra: float) -> Candidate:
    return Candidate("supplies", s, o, trigger, family, pattern, scope, product=product,
                     extra=dict(extra))


def _role_claims(view: DocView, sent: Span, trigger: int, named: list[Arg], other: list[Arg],
                 recipient_role: bool, pattern: str, scope: tuple[int, int],
                 product: Arg | None = None) -> Iterator[Candidate]:
    """The parties ``named`` by a role noun against the other side (from "van X", else the
    article's context): recipients of it for "klant", suppliers to it for "leverancier"."""
    if not other:
        other = _missing_side(view, sent, trigger, {a.entity_id for a in named}, recipient_role)
    for x in named:
        for y in other:
            if x.entity_id == y.entity_id:
                continue
            s, o = (y, x) if recipient_role else (x, y)
            yield _supplies(s, o, trigger, pattern, scope, product=product)


def _product_in(view: DocView, start: int, end: int) -> Arg | None:
    for m in view.mentions_between(start, end):
        if view.type_of(m) == "PRODUCT":
            return view.arg(m, "surface")
    return None


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def _role(low: str) -> tuple[bool, bool]:
    """(recipient role, supplier role) of a noun, compounds too: "hoofdleverancier",
    "chipleverancier", "grootklant", "hoofdafnemer"."""
    if low in RECIPIENT_NOUNS or low.endswith(("klant", "klanten", "afnemer", "afnemers")) \
            and len(low) <= 16:
        return True, False
    if low in SUPPLIER_NOUNS or low.endswith(("leverancier", "leveranciers")):
        return False, True
    return False, False


def _has_role(low: str) -> bool:
    recipient_role, supplier_role = _role(low)
    return recipient_role or supplier_role


def _role_nouns(view: DocView, sent: Span) -> Iterator[tuple[Token, bool, bool, tuple[int, int]]]:
    """The sentence's role nouns with (recipient role, supplier role) and their surface clause."""
    for tok in view.toks_where(sent, _has_role):
        recipient_role, supplier_role = _role(tok.lower_)
        yield tok, recipient_role, supplier_role, view.surface_clause(tok.i)


def _modifier(tok) -> bool:  # type: ignore[no-untyped-def]
    """A determiner or adjective before a role noun ("de", "grootste", "vaste")."""
    low = tok.lower_
    return low in SKIPPABLE or tok.pos_ in {"ADJ", "DET", "NUM"} or (
        tok.is_alpha and tok.is_lower and low.endswith(("ste", "ige", "vaste", "trouwe")))


# --- patterns ---------------------------------------------------------------------------------
def role_copula_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"De grootste afnemer van Hanmi is SK hynix", "Belangrijkste klanten zijn A en B", "De
    enige leverancier van X is Y": a role noun as the copula's subject, the named party after
    the copula; without "van X" the other side is the topic."""
    doc = view.doc
    for tok, recipient_role, supplier_role, (start, end) in _role_nouns(view, sent):
        # the role noun opens its clause: only determiners and adjectives before it
        k = tok.i - 1
        while k >= start and (_modifier(doc[k]) or doc[k].lower_ in {"van", "één", "een"}):
            k -= 1
        if k >= start:
            continue
        j = tok.i + 1
        other: list[Arg] = []
        goods: Arg | None = None
        if j < end and doc[j].lower_ == "van":
            other = _org_after(view, j, end, limit=4, types=ORG)
            if other:
                j = max(a.end for a in other)
            elif supplier_role and (m := view.mention_at(j + 1)) is not None and \
                    view.type_of(m) == "PRODUCT" and m.start == j + 1:
                # "De belangrijkste leverancier van staal is Tata Steel": goods, the
                # recipient is the topic
                goods, j = view.arg(m, "surface"), m.end
            else:
                continue  # "de klant van morgen": no party named
        if j >= end or doc[j].lower_ not in BE_FORMS:
            continue
        k = j + 1
        while k < end and doc[k].lower_ in FILLERS:
            k += 1
        named = _org_after(view, k - 1, end, limit=4,
                           types=ORG | ({"COUNTRY"} if recipient_role else frozenset()))
        if not named:
            continue
        yield from _role_claims(view, sent, tok.i, named, other, recipient_role,
                                "role_copula", (start, end), goods)


def belong_to_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Tot de (vaste) klanten (van X) behoren Y en Z", "Y behoort tot de grootste afnemers
    (van X)": Y is a recipient (or, with "leveranciers", a supplier) of X or the topic."""
    doc = view.doc
    for tok, recipient_role, _supplier_role, (start, end) in _role_nouns(view, sent):
        tot = next((k for k in range(tok.i - 1, max(start - 1, tok.i - 5), -1)
                    if doc[k].lower_ == "tot" or (doc[k].lower_ == "onder" and k == start)),
                   None)
        belong = BELONG_FORMS if tot is None or doc[tot].lower_ == "tot" else AMONG_FORMS
        if tot is None or any(doc[k].pos_ in {"NOUN", "PROPN", "VERB"} and
                              doc[k].lower_ not in SKIPPABLE and
                              k not in view.adj_by_token for k in range(tot + 1, tok.i)):
            continue
        j = tok.i + 1
        other: list[Arg] = []
        if j < end and doc[j].lower_ == "van":
            other = _org_after(view, j, end, limit=4, types=ORG)
            if other:
                j = max(a.end for a in other)
        named: list[Arg] = []
        if j < end and doc[j].lower_ in belong:
            # "Tot de klanten behoren Y en Z", "Onder de afnemers bevinden zich Y en Z"
            if j + 1 < end and doc[j + 1].lower_ == "zich":
                j += 1
            while j + 1 < end and doc[j + 1].lower_ in FILLERS:
                j += 1  # "behoren onder meer / ook / nog altijd Y en Z"
            named = _org_after(view, j, end, limit=4,
                               types=ORG | ({"COUNTRY"} if recipient_role else frozenset()))
        elif belong is BELONG_FORMS and tot > start and any(doc[k].lower_ in BELONG_FORMS
                                                             for k in range(start, tot)):
            verb = next(k for k in range(start, tot) if doc[k].lower_ in BELONG_FORMS)
            named = _subjects_before(view, verb, start, {a.entity_id for a in other})
            if not named and start > sent.start and doc[start - 1].text == ",":
                named = []
            if not named:
                # "Airbus en Boeing, die ..., behoren tot de klanten": the subject before the
                # relative clause that ends at the comma before the verb
                named = _subjects_before(view, verb, sent.start, {a.entity_id for a in other})
        if not named:
            continue
        yield from _role_claims(view, sent, tok.i, named, other, recipient_role,
                                "belong_to", (start, end))


def example_recipient_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Samsung SDI levert batterijcellen aan onder meer BMW en Stellantis", "exporteert naar
    onder andere Japan": the recipients given as examples after the preposition."""
    doc = view.doc
    for tok in view.toks_with_lemma(sent, SUPPLY_LEMMAS):
        start, end = view.surface_clause(tok.i)
        recipients: list[Arg] = []
        for j in range(start, end):
            if doc[j].lower_ in {"aan", "naar"}:
                recipients = _examples_after(view, j, end)
                if recipients:
                    break
        if not recipients:
            continue
        taken = {a.entity_id for a in recipients}
        subjects = _subjects_before(view, tok.i, start, taken) if tok.i > start else []
        if not subjects:
            a = _surface_subject(view, tok, start, end, taken)
            subjects = [a] if a is not None and a.type in ORG else []
        product = _product_in(view, start, end)
        for s in subjects:
            for o in recipients:
                if s.entity_id != o.entity_id and s.type in ORG:
                    yield _supplies(s, o, tok.i, "example_recipient", (start, end), "verb",
                                    product)


def passive_supply_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """Passives with one side left to the context.

    "kabelbomen, die aan Lockheed Martin worden geleverd": the recipient after "aan", the
    supplier the subject of the clause the relative clause hangs on. "De radars voor het
    systeem worden geleverd door Hensoldt", "De chips worden gemaakt door TSMC": the agent
    after "door", the recipient the organisation the text is about (for making verbs only when
    the goods are a plain noun phrase: "De F-35 wordt gebouwd door ..." names a product line,
    not a delivery)."""
    doc = view.doc
    for tok in view.toks_with_lemma(sent, SUPPLY_LEMMAS | MAKE_LEMMAS):
        lemma = verb_lemma(tok.text)
        start, end = view.surface_clause(tok.i)
        if not _participle(tok.lower_) or not any(doc[k].lower_ in PASSIVE_AUX
                                                  for k in range(start, end)):
            continue
        words = view.words(range(start, end))
        door = [start + n for n, w in enumerate(words) if w == "door"]
        aan = [start + n for n, w in enumerate(words) if w in {"aan", "naar"}]
        product = _product_in(view, start, end)
        if lemma in SUPPLY_LEMMAS and aan and not door:
            recipients = _org_after(view, aan[0], end)
            if not recipients:
                recipients = _examples_after(view, aan[0], end)
            if not recipients or doc[start].lower_ not in {"die", "dat"} or start == sent.start:
                continue
            # the goods the relative pronoun stands for, and who makes or sells them
            r = start - 1 if doc[start - 1].text == "," else start
            outer_start, _ = view.surface_clause(max(sent.start, r - 1))
            taken = {a.entity_id for a in recipients}
            suppliers = _subjects_before(view, r, outer_start, taken)
            if not suppliers:
                a = _surface_subject(view, doc[r - 1], outer_start, r, taken)
                suppliers = [a] if a is not None else []
            for s in suppliers:
                for o in recipients:
                    if s.type in ORG and s.entity_id != o.entity_id:
                        yield _supplies(s, o, tok.i, "passive_relative", (start, end), "verb",
                                        product)
        elif door and not aan:
            agents = _org_after(view, door[0], end, types=ORG)
            if not agents:
                continue
            goods_start = start
            subject_words = view.words(range(goods_start, min(tok.i, door[0])))
            if lemma in MAKE_LEMMAS:
                continue  # "De fregatten worden gebouwd door Damen": made for a buyer the
                # article names anywhere, not the topic; only deliveries are read
            if any(_type_at(view, k) in ORG
                   for k in range(goods_start, door[0])):
                continue  # "X wordt overgenomen door Y", "voor Y gemaakt": the parse decides
            if "voor" in subject_words:
                continue  # "De machines voor Dresden", "radars voor het systeem": for whom
                # is said, but not as an organisation; the topic would be a guess
            topic = topic_org(view, tok.i, {a.entity_id for a in agents})
            if topic is None:
                continue
            for s in agents:
                if s.entity_id != topic.entity_id:
                    yield _supplies(s, topic, tok.i, "passive_agent", (start, end), "verb",
                                    product)


def commission_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Apple laat zijn chips bij TSMC maken": the maker after "bij" supplies the subject;
    "in opdracht van Nvidia gefabriceerd door TSMC": the maker supplies the commissioner."""
    doc = view.doc
    for tok in view.toks(sent):
        low = tok.lower_
        start, end = view.surface_clause(tok.i)
        if low in LATEN_FORMS:
            make = next((k for k in range(tok.i + 1, end)
                         if verb_lemma(doc[k].text) in MAKE_LEMMAS), None)
            bij = next((k for k in range(tok.i + 1, make or end) if doc[k].lower_ == "bij"),
                       None)
            if make is None or bij is None:
                continue
            makers = _org_after(view, bij, make + 1, types=ORG)
            clients = _subjects_before(view, tok.i, start, {a.entity_id for a in makers})
            product = _product_in(view, tok.i, bij)
            for s in makers:
                for o in clients:
                    if s.entity_id != o.entity_id and o.type in ORG:
                        yield _supplies(s, o, tok.i, "commission", (start, end), "verb",
                                        product)
        elif low == "opdracht" and tok.i > start and doc[tok.i - 1].lower_ == "in" and \
                tok.i + 1 < end and doc[tok.i + 1].lower_ == "van":
            clients = _org_after(view, tok.i + 1, end, limit=4, types=ORG)
            if not clients:
                continue
            taken = {a.entity_id for a in clients}
            door = next((k for k in range(start, end) if doc[k].lower_ == "door"), None)
            makers = _org_after(view, door, end, types=ORG) if door is not None else []
            if not makers:
                makers = [a for a in _subjects_before(view, tok.i - 1, start, taken)
                          if a.type in ORG]
            if not any(verb_lemma(doc[k].text) in MAKE_LEMMAS | SUPPLY_LEMMAS
                       for k in range(start, end)):
                continue
            product = _product_in(view, start, end)
            for s in makers:
                for o in clients:
                    if s.entity_id != o.entity_id:
                        yield _supplies(s, o, tok.i, "commission", (start, end), "verb",
                                        product)


def goods_of_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Y gebruikt (uitsluitend) apparatuur van X (en van Z)", "Het contract betreft het
    systeem van de Duitse wapenfabrikant X": goods of a maker, used or bought by the subject
    (for an order or contract: by the organisation the text is about)."""
    doc = view.doc
    for tok in view.toks(sent):
        low = tok.lower_
        use = low in USE_FORMS
        content = low in CONTENT_VERBS
        if not (use or content):
            continue
        start, end = view.surface_clause(tok.i)
        # the goods: the first noun after the verb, then "van" + the maker
        van = None
        for k in range(tok.i + 1, min(end, tok.i + 7)):
            t = doc[k]
            if t.lower_ == "van":
                van = k
                break
            if t.is_punct or t.lower_ in GOODS_BREAKS or _type_at(view, k) in ORG:
                break
        if van is None or van == tok.i + 1:
            continue
        goods = [doc[k] for k in range(tok.i + 1, van) if doc[k].pos_ in {"NOUN", "PROPN"}
                 or (not doc[k].pos_ and doc[k].is_alpha and doc[k].lower_ not in SKIPPABLE)
                 or _type_at(view, k) == "PRODUCT"]
        if not goods:
            continue
        makers = _org_after(view, van, end, limit=5, types=ORG)
        if not makers:
            continue
        last = makers[-1]
        # "van het Finse Nokia en van Ericsson"
        k = last.end
        while k + 1 < end and doc[k].lower_ == "en" and doc[k + 1].lower_ == "van":
            more = _org_after(view, k + 1, end, limit=5, types=ORG)
            if not more:
                break
            makers.extend(a for a in more if a.entity_id not in {m.entity_id for m in makers})
            k = more[-1].end
        taken = {a.entity_id for a in makers}
        if content:
            if not any(doc[k].lower_ in ORDER_NOUNS for k in range(start, tok.i)):
                continue
            buyer = _buyer(view, tok.i, taken)
            users = [buyer] if buyer is not None else []
        else:
            users = _subjects_before(view, tok.i, start, taken)
            if not users:
                a = _surface_subject(view, tok, start, end, taken)
                users = [a] if a is not None else []
        product = _product_in(view, tok.i + 1, van)
        for s in makers:
            for o in users:
                if o.type in ORG | {"COUNTRY"} and s.entity_id != o.entity_id:
                    yield _supplies(s, o, tok.i, "goods_of", (start, end), "verb", product)


def order_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Een eerder geplande bestelling van drones bij het Turkse Baykar gaat niet door", "een
    aanbod van X werd afgewezen": the supplier after "bij" (or "van" for an offer), the buyer
    the clause subject or the organisation the text is about; a cancelled order is a negated
    supply."""
    doc = view.doc
    for tok in view.toks_in(sent, ORDER_NOUNS | OFFER_NOUNS):
        low = tok.lower_
        offer = low in OFFER_NOUNS
        start, end = view.surface_clause(tok.i)
        suppliers: list[Arg] = []
        for j in range(tok.i + 1, min(end, tok.i + 8)):
            if doc[j].is_punct:
                break
            if doc[j].lower_ == "bij" or (offer and doc[j].lower_ == "van"):
                suppliers = _org_after(view, j, end, limit=4, types=ORG)
                break
            if doc[j].lower_ in PREPOSITIONS - {"van", "voor"}:
                break
        if not suppliers:
            continue
        taken = {a.entity_id for a in suppliers}
        buyers = [a for a in _subjects_before(view, tok.i, start, taken) if a.start < tok.i] \
            if tok.i > start else []
        door = next((k for k in range(suppliers[-1].end if suppliers[-1].start > tok.i
                                      else tok.i, end) if doc[k].lower_ == "door"), None)
        if not buyers and door is not None:
            # "Een aanbod van Navantia werd door de Mexicaanse regering afgewezen"
            buyers = [a for a in _org_after(view, door, end, limit=4) if a.entity_id not in taken]
        if not buyers:
            buyer = _buyer(view, tok.i, taken)
            buyers = [buyer] if buyer is not None else []
        cancelled = bool(set(view.words(range(start, end))) & CANCEL_WORDS)
        product = _product_in(view, tok.i, suppliers[0].start)
        for s in suppliers:
            for o in buyers:
                if s.entity_id != o.entity_id:
                    yield _supplies(s, o, tok.i, "order_bij", (max(start, tok.i - 4), end),
                                    "noun", product, tail_negation=1.0,
                                    **({"negates": 1.0} if cancelled else {}))


def turnover_share_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"ASML is nog altijd goed voor 60 procent van de omzet (van X)": the client X (or the
    topic) is supplied by the firm whose turnover it is."""
    doc = view.doc
    for tok in view.toks_in(sent, {"goed"}):
        if tok.lower_ != "goed" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "voor":
            continue
        start, end = view.surface_clause(tok.i)
        van = next((k for k in range(tok.i + 2, min(end, tok.i + 8))
                    if doc[k].lower_ == "van"), None)
        if van is None or not any(doc[k].lower_ in SHARE_HEADS or doc[k].like_num
                                  for k in range(tok.i + 2, van)):
            continue
        noun = next((k for k in range(van + 1, min(end, van + 4))
                     if doc[k].lower_ in TURNOVER_NOUNS), None)
        if noun is None:
            continue
        clients = _subjects_before(view, tok.i, start, set())
        if not clients:
            continue
        taken = {a.entity_id for a in clients}
        owner = _org_after(view, noun + 1, end, limit=3, types=ORG) if noun + 1 < end and \
            doc[noun + 1].lower_ == "van" else []
        if not owner:
            topic = topic_org(view, tok.i, taken)
            owner = [topic] if topic is not None else []
        for s in owner:
            for o in clients:
                if s.entity_id != o.entity_id and o.type in ORG | {"COUNTRY"}:
                    yield _supplies(s, o, tok.i, "turnover_share", (start, end), "noun")


GO_FORMS = frozenset({"gaat", "gaan", "ging", "gingen", "gegaan"})
# what is shipped: "zendingen", "twee van de vier schepen", "een deel daarvan"
SHIPMENT_WORDS = frozenset({"zending", "zendingen", "levering", "leveringen", "lading",
                            "ladingen", "partij", "partijen", "schip", "schepen", "toestellen",
                            "exemplaren", "stuks", "deel", "helft", "rest", "procent", "export",
                            "uitvoer", "daarvan", "merendeel", "leverantie"})
FACILITY_NOUNS = frozenset({"fabriek", "fabrieken", "vestiging", "vestigingen", "fab", "fabs",
                            "werven", "werf", "dochters", "dochterbedrijven"})


def shipment_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Minstens negen zendingen gingen naar Adasi", "Twee van de vier schepen gaan naar de
    Belgische marine", "Een deel daarvan ging naar fabrieken van SMIC": shipped goods going to
    a recipient; the shipper is the organisation the text is about."""
    doc = view.doc
    for tok in view.toks_in(sent, GO_FORMS):
        start, end = view.surface_clause(tok.i)
        naar = next((k for k in range(start, end) if doc[k].lower_ == "naar"), None)
        if naar is None:
            continue
        goods_words = set(view.words(range(start, min(naar, tok.i))))
        if not goods_words & SHIPMENT_WORDS:
            continue
        if any(_type_at(view, k) in ORG
               for k in range(start, min(naar, tok.i))):
            continue  # "Het geld van X gaat naar Y": a named owner, not shipped goods
        recipients = _org_after(view, naar, end)
        if not recipients:
            continue
        taken = {a.entity_id for a in recipients}
        topic = topic_org(view, tok.i, taken)
        if topic is None:
            continue
        product = _product_in(view, start, naar)
        for o in recipients:
            yield _supplies(topic, o, tok.i, "shipment", (start, end), "noun", product)


BUY_LEMMAS = frozenset({"kopen", "bestellen", "inkopen", "afnemen"})


def _head(name: str) -> str:
    """The head word of a goods name: "mechatronische modules" and "modules voor machines"
    -> "modules"."""
    low = name.lower()
    for cut in (" voor ", " van ", " uit ", " met "):
        low = low.split(cut)[0]
    return low.split()[-1] if low.split() else low


def _main_firm_id(view: DocView) -> str | None:
    """The firm the article is about: the one named most, three times at least."""
    counts: dict[str, int] = {}
    for a in _named(view, 0, len(view.doc), frozenset({"FIRM"})):
        counts[a.entity_id] = counts.get(a.entity_id, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda e: counts[e])
    return best if counts[best] >= 3 else None


def _document_makers(view: DocView) -> dict[str, set[str]]:
    """Goods head word -> makers, over the whole document (the maker may be named after
    the purchase: "Hanmi bestelt modules. ... Veldtech maakt mechatronische modules");
    computed once per document, when a purchase without a seller asks for it."""
    cached = view.__dict__.get("_supply_doc_makers")
    if cached is not None:
        return cached
    from .nominal import descriptor_candidates
    from .patterns import verb_candidates

    makers: dict[str, set[str]] = {}
    for sent in view.sentences:
        for c in [*verb_candidates(view, sent), *descriptor_candidates(view, sent)]:
            if c.predicate == "produces" and c.subject.type in ORG and \
                    c.object.type == "PRODUCT" and "niet" not in view.words(range(*c.scope)):
                ent = view.entities.get(c.object.entity_id)
                if ent is not None:
                    makers.setdefault(_head(ent.name), set()).add(c.subject.entity_id)
    view.__dict__["_supply_doc_makers"] = makers
    return makers


def known_maker_candidates(view: DocView, sent: Span, makers: dict[str, set[str]]
                           ) -> Iterator[Candidate]:
    """"Hanmi Semiconductor bestelt voor 80 miljoen euro aan modules" with no seller named:
    the one organisation the article says makes such goods ("Veldtech maakt mechatronische
    modules") sells them. ``makers``: goods head word -> ids of the firms that make them."""
    doc = view.doc
    for tok in view.toks_with_lemma(sent, BUY_LEMMAS):
        start, end = view.surface_clause(tok.i)
        words = view.words(range(start, end))
        if any(_type_at(view, k) in ORG
               and doc[k - 1].lower_ in {"bij", "van", "door"} for k in range(start + 1, end)):
            continue  # the seller is named: the verb frames read it
        if "niet" in words and "bij" in words:
            continue
        goods = [m for m in view.mentions_between(tok.i + 1, end)
                 if view.type_of(m) == "PRODUCT"]
        if not goods:
            continue
        ent = view.entities.get(goods[0].entity_id)
        head = _head(ent.name if ent is not None else "")
        candidates = makers.get(head) or _document_makers(view).get(head, set())
        if len(candidates) != 1:
            continue
        (maker_id,) = candidates
        if maker_id != _main_firm_id(view):
            continue  # "Defensie koopt F-35's" (made by Lockheed, sold by the US government):
            # only the firm the article is about is taken to sell what it makes
        buyers = _subjects_before(view, tok.i, start, {maker_id})
        maker_ent = view.entities.get(maker_id)
        if not buyers or maker_ent is None:
            continue
        maker = Arg(maker_id, view.types.get(maker_id, "FIRM"), -1, -1, "discourse")
        for o in buyers:
            if o.entity_id != maker_id:
                yield _supplies(maker, o, tok.i, "known_maker", (start, end), "verb",
                                view.arg(goods[0], "surface"))


def we_supplier_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"En we leveren niet aan Chinese chipfabrieken" in a firm's quote: "we" is the firm the
    article is about (the one named most, three times at least)."""
    doc = view.doc
    for tok in view.toks_with_lemma(sent, SUPPLY_LEMMAS):
        near = {doc[k].lower_ for k in range(max(sent.start, tok.i - 2),
                                              min(sent.end, tok.i + 2))}
        if not near & {"we", "wij"}:
            continue
        start, end = view.surface_clause(tok.i)
        recipients: list[Arg] = []
        # "We leveren niet aan Rusland en ook niet aan Iran": every recipient of the clause
        for j in range(tok.i + 1, end):
            if doc[j].lower_ in {"aan", "naar"}:
                found = _recipients_after(view, j, end)
                recipients.extend(a for a in found
                                  if a.entity_id not in {r.entity_id for r in recipients})
        if not recipients:
            continue
        best = _main_firm_id(view)
        if best is None:
            continue
        firm = Arg(best, "FIRM", -1, -1, "discourse")
        for o in recipients:
            if o.entity_id != best:
                yield _supplies(firm, o, tok.i, "we_supplier", (start, end), "verb")


COME_FORMS = frozenset({"komt", "komen", "kwam", "kwamen", "gekomen"})
PAY_FORMS = frozenset({"betaalt", "betalen", "betaalde", "betaalden", "betaald"})
BOTH_WORDS = frozenset({"beide", "allebei", "beiden"})


def comes_from_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"De lenzen voor de machines komen van het Duitse Zeiss", "Voor de landmacht komen er
    120 drones van AeroVironment": named goods come from a maker; the recipient is the
    organisation after "voor", else the topic."""
    doc = view.doc
    for tok in view.toks_in(sent, COME_FORMS):
        start, end = view.surface_clause(tok.i)
        van = None
        for k in range(tok.i + 1, end):
            if doc[k].lower_ in {"van", "uit"}:
                makers = _org_after(view, k, end, limit=4, types=ORG)
                if makers:
                    van = k
                    break
        if van is None:
            continue
        goods = [m for m in view.mentions_between(start, van) if view.type_of(m) == "PRODUCT"]
        if not goods or any(view.type_of(m) in ORG and view.kind_of(m) != "description"
                            and m.start < tok.i for m in view.mentions_between(start, van)
                            if not _governed_by_preposition(view, m.start, start)):
            continue  # "Kritiek komt van X", "Shell komt uit Den Haag": no goods, or a subject
        recipients: list[Arg] = []
        for k in range(start, end):
            if doc[k].lower_ == "voor":
                recipients = [a for a in _org_after(view, k, end, limit=3) if a.type in ORG]
                if recipients:
                    break
        taken = {a.entity_id for a in makers}
        if not recipients:
            topic = topic_org(view, tok.i, taken)
            recipients = [topic] if topic is not None else []
        for s in makers:
            for o in recipients:
                if s.entity_id != o.entity_id:
                    yield _supplies(s, o, tok.i, "comes_from", (start, end), "verb",
                                    view.arg(goods[0], "surface"))


def payment_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Johnson & Johnson betaalt argenx 400 miljoen dollar voor de rechten op X": the payee
    (right after the verb) supplies the payer."""
    doc = view.doc
    for tok in view.toks_in(sent, PAY_FORMS):
        start, end = view.surface_clause(tok.i)
        m = view.mention_at(tok.i + 1) if tok.i + 1 < end else None
        if m is None or m.start != tok.i + 1 or view.type_of(m) not in ORG:
            continue
        rest = range(m.end, min(end, m.end + 6))
        if not any(doc[k].like_num or doc[k].lower_ in {"miljoen", "miljard", "euro",
                                                        "dollar"} for k in rest):
            continue
        payee = view.arg(m, "surface_iobj")
        payers = _subjects_before(view, tok.i, start, {payee.entity_id})
        for o in payers:
            if o.type in ORG and o.entity_id != payee.entity_id:
                yield _supplies(payee, o, tok.i, "payment", (start, end), "verb")


def _both_firms(view: DocView, at: int) -> list[Arg]:
    """"Beide bedrijven": the last two organisations named as subjects before ``at``."""
    out: list[Arg] = []
    sent = view.sent_of(at)
    k = sent.start - 1
    while k >= 0 and len(out) < 2 and sent.start - k < 400:
        prev = view.sent_of(k)
        k = prev.start - 1
        subject = _sentence_subject(view, prev, _named(view, prev.start, prev.end))
        if subject is not None and subject.entity_id not in {a.entity_id for a in out}:
            out.append(_discourse(subject))
    return out if len(out) == 2 else []


def both_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Beide bedrijven verkopen niet aan Chinese chipfabrieken": a supply verb whose subject
    is "beide/allebei + organisation noun" speaks of the two organisations named last."""
    doc = view.doc
    for tok in view.toks_with_lemma(sent, SUPPLY_LEMMAS):
        start, end = view.surface_clause(tok.i)
        lead = [k for k in range(start, tok.i) if doc[k].lower_ in BOTH_WORDS]
        if not lead or lead[0] + 1 >= tok.i or not is_org_head(doc[lead[0] + 1].text):
            continue
        recipients: list[Arg] = []
        for j in range(tok.i + 1, end):
            if doc[j].lower_ in {"aan", "naar"}:
                recipients = _recipients_after(view, j, end)
                break
        for s in _both_firms(view, tok.i):
            for o in recipients:
                if s.entity_id != o.entity_id:
                    yield _supplies(s, o, tok.i, "both", (start, end), "verb")


ROUTE_VERBS = frozenset({"loopt", "lopen", "liep", "liepen", "verloopt", "verlopen", "verliep",
                         "verliepen", "gaat", "gaan", "ging", "gingen", "gebeurt", "gebeurde"})


def route_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"De aankopen verlopen niet rechtstreeks met de fabrikanten, maar via de Amerikaanse
    overheid", "Het contract loopt via de Amerikaanse regering": the party the purchase runs
    through sells to the buyer (Foreign Military Sales); the buyer is the organisation the
    article names most."""
    doc = view.doc
    for tok in view.toks_in(sent, ROUTE_VERBS):
        before = view.words(range(sent.start, tok.i))
        if not set(before) & ORDER_NOUNS:
            continue
        via = next((k for k in range(tok.i + 1, sent.end) if doc[k].lower_ == "via"), None)
        if via is None:
            continue
        sellers = _org_after(view, via, sent.end, limit=4, types=ORG)
        if not sellers:
            continue
        buyer = _buyer(view, tok.i, {a.entity_id for a in sellers})
        if buyer is None:
            continue
        for s in sellers:
            if s.entity_id != buyer.entity_id:
                # "niet rechtstreeks ..., maar via X": the negation is the other route's
                yield _supplies(s, buyer, via, "route_via", (via, s.end), "noun")


PROVIDE_FORMS = frozenset({"voorziet", "voorzien", "voorzag", "voorzagen"})
FETCH_FORMS = frozenset({"haalt", "halen", "haalde", "haalden", "gehaald"})


def provide_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Gasunie voorziet Duitsland van waterstof" (voorzien van: to supply); "Y haalt zijn
    chips bij X" (to fetch from: X supplies Y)."""
    doc = view.doc
    for tok in view.toks_in(sent, PROVIDE_FORMS | FETCH_FORMS):
        low = tok.lower_
        start, end = view.surface_clause(tok.i)
        prep = "van" if low in PROVIDE_FORMS else "bij"
        # "voorziet de fabriek van Philips in Best van onderdelen": the "van" of the goods,
        # not the one of an owner
        j = next((k for k in range(tok.i + 1, min(end, tok.i + 12))
                  if doc[k].lower_ == prep and not (
                      prep == "van" and (m := view.mention_at(k + 1 if doc[k + 1].lower_ not in
                                                               {"de", "het"} else k + 2))
                      is not None and view.type_of(m) in ORG)), None)
        if j is None:
            continue
        if low in PROVIDE_FORMS:
            # the recipient: an organisation or country between the verb and "van"
            recips = [view.arg(m, "surface") for m in view.mentions_between(tok.i + 1, j)
                      if view.type_of(m) in ORG | {"COUNTRY"} and view.kind_of(m) != "description"]
            goods = _product_in(view, j, end)
            taken = {a.entity_id for a in recips}
            suppliers = _subjects_before(view, tok.i, start, taken) if tok.i > start else []
            if not suppliers:
                a = _surface_subject(view, tok, start, end, taken)
                suppliers = [a] if a is not None else []
            pairs = [(x, y) for x in suppliers for y in recips[:1]]
            if doc[j + 1].lower_ in {"de", "het"} and goods is None and j + 2 < end and \
                    view.mention_at(j + 2) is not None:
                continue  # "voorziet X van de Y-...": an organisation, not goods
        else:
            suppliers = _org_after(view, j, end, limit=4, types=ORG)
            taken = {a.entity_id for a in suppliers}
            clients = _subjects_before(view, tok.i, start, taken) if tok.i > start else []
            if not clients:
                a = _surface_subject(view, tok, start, end, taken)
                clients = [a] if a is not None else []
            goods = _product_in(view, tok.i + 1, j)
            if goods is None:
                continue  # "haalt zijn gelijk bij de rechter": goods must be named
            pairs = [(x, y) for x in suppliers for y in clients]
        for x, y in pairs:
            if x.type in ORG and y.type in ORG | {"COUNTRY"} and x.entity_id != y.entity_id:
                yield _supplies(x, y, tok.i, "provide", (start, end), "verb", goods)


DELIVERY_NOUNS = frozenset({"levering", "leveringen", "leverantie", "leveranties",
                            "zending", "zendingen", "verscheping", "verschepingen"})
SUSPEND_WORDS = frozenset({"stopt", "stopte", "stopten", "gestopt", "staakt", "staakte",
                           "gestaakt", "schort", "schortte", "opgeschort", "bevriest",
                           "bevroor", "bevroren", "stopgezet", "stopzetten", "zet", "zette"})
RESTRICT_WORDS = frozenset({"verbiedt", "verbood", "verboden", "beperkt", "beperken",
                            "blokkeert", "blokkeerde", "vergunning", "vergunningen",
                            "licentie", "licenties", "toestemming", "toegestaan", "sancties"})


def delivery_noun_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"ASML hervat de leveringen aan SMIC", "de leveringen van Gazprom aan Europa", "Shell
    stopt de leveringen aan Rusland" (negated): a delivery noun with its recipient after
    "aan/naar"; the supplier after "van" or the clause subject. Not where a licence or ban is
    spoken of: that is a restriction, not a statement of supply."""
    doc = view.doc
    for tok in view.toks_in(sent, DELIVERY_NOUNS):
        start, end = view.surface_clause(tok.i)
        words = set(view.words(range(start, end)))
        if words & RESTRICT_WORDS:
            continue
        suppliers: list[Arg] = []
        recipients: list[Arg] = []
        for j in range(tok.i + 1, min(end, tok.i + 8)):
            w = doc[j].lower_
            if w in {"van", "door"} and not suppliers and not recipients:
                suppliers = _org_after(view, j, end, limit=4, types=ORG)
            elif w in {"aan", "naar"}:
                recipients = _recipients_after(view, j, end, limit=4)
                break
            elif doc[j].is_punct:
                break
        if not recipients:
            continue
        if not suppliers:
            taken = {a.entity_id for a in recipients}
            suppliers = [a for a in _subjects_before(view, tok.i, start, taken)
                         if a.type == "FIRM"]
        suspended = bool(set(view.words(range(start, tok.i))) & SUSPEND_WORDS)
        for s in suppliers:
            for o in recipients:
                if s.entity_id != o.entity_id:
                    c = _supplies(s, o, tok.i, "delivery_noun", (start, end), "noun")
                    if suspended:
                        c.extra["negates"] = 1.0
                    yield c


WIN_FORMS = frozenset({"wint", "won", "wonnen", "gewonnen", "binnengehaald", "binnenhalen",
                       "haalt", "haalde", "kreeg", "kregen", "krijgt", "gekregen", "sleept",
                       "sleepte", "ontvangt", "ontving", "verwierf", "verwerft"})
CONTRACT_NOUNS = frozenset({"contract", "contracten", "raamcontract", "raamovereenkomst",
                            "leveringscontract", "deal", "opdracht", "order", "orders",
                            "bestelling", "bestellingen", "aanbesteding"})


def contract_won_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Thales wint een contract van de Marine", "VDL sleepte een order van Airbus in de
    wacht": the winner supplies the party the contract is from."""
    doc = view.doc
    for tok in view.toks_in(sent, CONTRACT_NOUNS):
        if tok.lower_ not in CONTRACT_NOUNS or tok.i + 1 >= sent.end or \
                doc[tok.i + 1].lower_ != "van":
            continue
        start, end = view.surface_clause(tok.i)
        if not any(doc[k].lower_ in WIN_FORMS for k in range(start, end)):
            continue
        clients = _org_after(view, tok.i + 1, end, limit=4)
        if not clients:
            continue
        taken = {a.entity_id for a in clients}
        verb = next(k for k in range(start, end) if doc[k].lower_ in WIN_FORMS)
        winners = _subjects_before(view, verb, start, taken) if verb > start else []
        if not winners:
            a = _surface_subject(view, doc[verb], start, end, taken)
            winners = [a] if a is not None else []
        for s in winners:
            for o in clients:
                if s.type in ORG and s.entity_id != o.entity_id:
                    yield _supplies(s, o, tok.i, "contract_won", (start, end), "noun")


def dependence_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"ASML is voor zijn lenzen afhankelijk van Zeiss": the firm depended on for goods
    supplies the dependent (a firm, with goods named or "voor" something)."""
    doc = view.doc
    for tok in view.toks_in(sent, {"afhankelijk"}):
        if tok.lower_ != "afhankelijk" or tok.i + 1 >= sent.end or \
                doc[tok.i + 1].lower_ != "van":
            continue
        start, end = view.surface_clause(tok.i)
        suppliers = [a for a in _org_after(view, tok.i + 1, end, limit=4) if a.type == "FIRM"]
        if not suppliers:
            continue
        words = view.words(range(start, end))
        goods = _product_in(view, start, end)
        if goods is None and "voor" not in words:
            continue  # "afhankelijk van Shell" alone: jobs, money, goodwill
        if "niet" in words or "minder" in words:
            continue  # "minder afhankelijk worden van": a wish, not a supply
        taken = {a.entity_id for a in suppliers}
        dependents = _subjects_before(view, tok.i, start, taken)
        for o in dependents:
            for s in suppliers:
                if o.type in ORG | {"COUNTRY"} and s.entity_id != o.entity_id:
                    yield _supplies(s, o, tok.i, "dependence", (start, end), "noun", goods)


def national_clients_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"de Chinese klanten van ASML": the firm supplies the clients' country."""
    doc = view.doc
    for tok in view.toks_where(sent, _has_role):
        if not _role(tok.lower_)[0] or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "van":
            continue
        adj = next((view.adj_by_token[k] for k in range(tok.i - 1, max(sent.start, tok.i - 3)
                                                          - 1, -1) if k in view.adj_by_token),
                   None)
        if adj is None:
            continue
        start, end = view.surface_clause(tok.i)
        for s in _org_after(view, tok.i + 1, end, limit=4, types=ORG):
            yield _supplies(s, view.arg(adj, "client_adj"), tok.i, "national_clients",
                            (max(start, tok.i - 4), min(end, s.end + 1)), "client")


GENERATORS = (contract_won_candidates, dependence_candidates, national_clients_candidates,
              provide_candidates, delivery_noun_candidates, route_candidates,
              comes_from_candidates, payment_candidates, both_candidates, shipment_candidates,
              we_supplier_candidates, role_copula_candidates, belong_to_candidates,
              example_recipient_candidates, passive_supply_candidates, commission_candidates,
              goods_of_candidates, order_candidates, turnover_share_candidates)


# --- revisions of what the other patterns found -----------------------------------------------
def _contrast_candidates(view: DocView, sent: Span, found: list[Candidate]
                         ) -> Iterator[Candidate]:
    """"bestelde kranen bij Konecranes, en niet bij ZPMC": the supplier after "niet bij"
    does not supply (the negation comes from the qualifiers' reading of "niet")."""
    doc = view.doc
    for c in found:
        if c.predicate != "supplies" or c.subject.start < 1 or \
                doc[c.subject.start - 1].lower_ not in {"bij", "van"} and not (
                    c.subject.start > 2 and doc[c.subject.start - 3].lower_ == "bij"):
            continue
        for j in range(sent.start + 1, sent.end - 1):
            if doc[j].lower_ == "niet" and doc[j + 1].lower_ == "bij":
                for s in _org_after(view, j + 1, sent.end, types=ORG):
                    if s.entity_id not in {c.subject.entity_id, c.object.entity_id}:
                        yield _supplies(s, c.object, j + 1, "contrast", (j, s.end + 1),
                                        c.family, c.product)
        break


AUX_WORDS = frozenset({"heeft", "hebben", "had", "hadden", "is", "zijn", "wil", "willen", "zal",
                       "zullen", "gaat", "gaan"})


def _delivery_target(view: DocView, k: int) -> bool:
    """"levert zijn camera's aan klanten in het Midden-Oosten": a role noun after "aan/naar"
    names the recipients of that delivery, not a client relation of its own."""
    doc = view.doc
    for j in range(k - 1, max(view.sent_of(k).start - 1, k - 4), -1):
        if doc[j].lower_ in {"aan", "naar"}:
            return True
        if not (_modifier(doc[j]) or j in view.adj_by_token):
            return False
    return False


def _together_with(view: DocView, found: list[Candidate]) -> Iterator[Candidate]:
    """"heeft Nederland samen met België besteld bij Damen": the party after "samen met"
    takes the same side of the supply."""
    doc = view.doc
    seen: set[tuple[str, str]] = set()
    for c in list(found):
        if c.predicate != "supplies":
            continue
        for side in ("subject", "object"):
            a: Arg = getattr(c, side)
            k = a.end
            if a.start >= 0 and k < len(doc) and doc[k].lower_ in AUX_WORDS:
                k += 1  # "Nederland heeft samen met België ..."
            if a.start < 0 or k + 2 >= len(doc) or doc[k].lower_ != "samen" or \
                    doc[k + 1].lower_ != "met":
                continue
            b = _surface_after(view, k + 1, view.sent_of(a.start).end, limit=3)
            if b is None or b.type not in ORG | {"COUNTRY"} or b.entity_id in {
                    c.subject.entity_id, c.object.entity_id}:
                continue
            s, o = (b, c.object) if side == "subject" else (c.subject, b)
            if (s.entity_id, o.entity_id) in seen:
                continue
            seen.add((s.entity_id, o.entity_id))
            yield Candidate("supplies", s, o, c.trigger, c.family, c.pattern, c.scope,
                            product=c.product, extra={**c.extra, "together": 1.0})


def _after_volgens(view: DocView, k: int) -> bool:
    """"volgens (het) (marktonderzoeker) Kpler": the mention at ``k`` is the object of
    "volgens" (not "volgens ingewijden levert X")."""
    doc = view.doc
    noun_seen = False
    for j in range(k - 1, max(-1, k - 5), -1):
        t = doc[j]
        if t.lower_ == "volgens":
            return True
        if t.lower_ in {"de", "het", "een"} or t.pos_ in {"ADJ", "DET"} or \
                j in view.adj_by_token:
            continue
        if not noun_seen and t.is_alpha and t.is_lower and t.pos_ not in {"VERB", "AUX"} \
                and verb_lemma(t.text) is None:
            noun_seen = True
            continue
        return False
    return False


def _source_is_no_party(view: DocView, c: Candidate) -> Candidate | None:
    """"Cheniere, dat volgens marktonderzoeker Kpler de grootste leverancier van Nederland is":
    an organisation after "volgens" is the source of the statement, never a party to the
    supply; in a relative clause the antecedent is the party."""
    if c.predicate != "supplies":
        return c
    doc = view.doc
    for side in ("subject", "object"):
        a: Arg = getattr(c, side)
        if a.start < 1:
            continue
        sent = view.sent_of(a.start)
        # the entity named after "volgens" in this sentence (the argument may be a
        # description linked to it: "de grootste leverancier")
        sources = [m for m in view.mentions_between(sent.start, sent.end)
                   if m.entity_id == a.entity_id and view.kind_of(m) != "description"
                   and _after_volgens(view, m.start)]
        if not sources:
            continue
        start, _ = view.surface_clause(sources[0].start)
        ante = relative_antecedent(view, start) if doc[start].lower_ in {"dat", "die"} and \
            start > 0 else None
        other: Arg = c.object if side == "subject" else c.subject
        if ante is None or ante.type not in ORG or ante.entity_id == other.entity_id:
            return None
        setattr(c, side, ante)
    return c


def _fix_second_clause_subject(view: DocView, c: Candidate) -> Candidate:
    """", en ook Optronix exporteert ...": the organisation right before a supply verb in a
    second main clause is its subject, not the first clause's subject."""
    if c.predicate != "supplies" or c.family != "verb" or c.subject.start < 0:
        return c
    m = view.mention_at(c.trigger - 1)
    if m is None or view.type_of(m) not in ORG or m.entity_id == c.subject.entity_id or \
            m.entity_id == c.object.entity_id or c.subject.start >= m.start:
        return c
    doc = view.doc
    between = range(c.subject.end, m.start)
    # a first clause with its own verb, then ", en"/", maar": not "Intel, Qualcomm en AMD"
    comma_and = any(doc[k].text == "," and doc[k + 1].lower_ in {"en", "maar"}
                    for k in between)
    own_verb = any(doc[k].pos_ in {"VERB", "AUX"} or verb_lemma(doc[k].text) is not None
                   for k in between)
    if not (comma_and and own_verb) or _governed_by_preposition(
            view, m.start, max(0, m.start - 5)):
        return c
    c.subject = view.arg(m, "surface_adjacent")
    return c


def revise(view: DocView, sent: Span, found: list[Candidate]) -> list[Candidate]:
    """The candidates of one sentence with the supply constructions of this module added and
    the second-clause subject fix applied (see the module docstring)."""
    out = [c for c in (_source_is_no_party(view, _fix_second_clause_subject(view, c))
                       for c in found) if c is not None]
    mine = [c for gen in GENERATORS for c in gen(view, sent)]
    # a role noun without "van X" read by the noun patterns takes the supplier named last in
    # a supply; where this module found the topic for the same noun, the topic stands
    read = {c.trigger for c in mine if c.pattern in {"role_copula", "belong_to"}}
    out = [c for c in out if not (c.pattern == "noun:supplies" and c.subject.via == "discourse"
                                  and (c.trigger in read or _delivery_target(view, c.trigger)))]
    out.extend(mine)
    makers: dict[str, set[str]] = view.__dict__.setdefault("_supply_makers", {})
    for c in out:
        if c.predicate == "produces" and not c.negated and c.subject.type in ORG:
            ent = view.entities.get(c.object.entity_id)
            if ent is not None:
                makers.setdefault(_head(ent.name), set()).add(c.subject.entity_id)
    out.extend(known_maker_candidates(view, sent, makers))
    out.extend(_together_with(view, out))
    suppliers = [c.subject for c in out if c.predicate == "supplies" and not c.negated
                 and c.subject.type in ORG]
    if suppliers:
        view.__dict__["_supply_last"] = (sent.start, suppliers)
    out.extend(_contrast_candidates(view, sent, out))
    return out
