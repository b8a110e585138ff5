"""Claims carried by noun phrases rather than verbs.

* descriptors: "chipmachinefabrikant ASML", "SMIC, de grootste chipmaker" -> produces
* nationality: "de Nederlandse chipfabrikant NXP", "één van China's defensiebedrijven, CETC"
* location: "ASML uit Veldhoven", "het Veldhovense bedrijf", "fabrieken in Nijmegen"
* state ownership: "het Chinese staatsbedrijf X", "Dit staatsbedrijf" -> owns(country, firm)
* names: "24e Onderzoeksinstituut van CETC" -> subsidiary_of
* restriction lists and nouns: "staat op de Amerikaanse zwarte lijst", "sancties tegen X"
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .candidate import Candidate
from .docview import ORG, Arg, DocView, MentionLike
from .lexicon import (
    CLIENT_NOUNS,
    LOCATION_NOUNS,
    PRODUCER_NOUNS,
    is_org_head,
    is_restriction_noun,
    is_state_firm_noun,
    producer_stem,
    relation_noun,
)
from .patterns import (
    COPULAS,
    SKIPPABLE,
    _governed_by_preposition,
    _surface_after,
    _surface_conj,
    _surface_subject,
)

# words that may stand between a modifier and the name it describes ("de Nederlandse
# chipfabrikant NXP"); never a relative pronoun or possessive ("een Amerikaanse president die
# de NAVO ...")
BETWEEN_OK = (SKIPPABLE - {"die", "dat", "deze", "dit", "zijn", "haar", "hun"}) | {
    "als", "zoals", "-"}
# regional adjectives are no nationality ("de Vlaamse regering")
REGIONAL = frozenset({"vlaams", "vlaamse", "waals", "waalse", "europees", "europese",
                      "brabantse", "limburgse", "friese", "baskische", "catalaanse", "schotse"})


def _descriptor_noun(word: str) -> bool:
    """Nouns that may stand between a nationality adjective and the name they describe:
    "de Nederlandse chipfabrikant NXP", "de Chinese eigenaar Wingtech"."""
    from .docview import description_type

    low = word.lower()
    return bool(is_org_head(word) or producer_stem(word) or relation_noun(word)
                or description_type(word) or is_state_firm_noun(word)
                or low.endswith(("minister", "beheerder", "concurrent", "concurrenten",
                                 "exporteur", "exporteurs", "start-up", "start-ups", "startup",
                                 "startups", "investeerder", "investeerders", "bezorger",
                                 "bezorgdienst", "rederij", "topman", "topvrouw", "president",
                                 "premier", "ceo", "directeur", "oprichter", "voorzitter",
                                 "speler", "spelers", "farmareus", "techreus", "chipreus",
                                 "leider", "operator", "operators", "exploitant", "uitbater",
                                 "conglomeraat", "marktleider", "branchegenoot", "rivaal",
                                 "investeringsgroep", "investeringsfonds", "fonds")))
SUBSIDIARY_HEADS = ("instituut", "divisie", "afdeling", "laboratorium", "lab", "dochter",
                    "tak", "fabriek", "academie", "centrum", "school", "faculteit")


def _window(i: int, before: int, after: int, sent: Span) -> tuple[int, int]:
    return max(sent.start, i - before), min(sent.end, i + after)


def described_after(view: DocView, i: int, sent: Span, limit: int = 5) -> list[Arg]:
    """Entities a modifier at token ``i`` describes: the mention it is part of, or the first
    mention after it across modifiers and descriptor nouns, with coordinated mentions
    ("de Amerikaanse chipbedrijven Qualcomm en Intel")."""
    m = view.mention_at(i)
    if m is not None:
        return _named_after_description(view, m, sent) or [view.arg(m, "inside")]
    for k in range(i + 1, min(sent.end, i + 1 + limit)):
        m = view.mention_at(k)
        if m is not None:
            if view.type_of(m) not in ORG | {"PERSON"}:
                break
            out = [view.arg(m, "next")]
            _surface_conj(view, out[0], sent.end, out, {out[0].entity_id})
            return out
        t = view.doc[k]
        if t.lower_ in COPULAS or t.pos_ in {"VERB", "AUX"} or t.is_punct and t.text != "-":
            break
        if t.lower_ in BETWEEN_OK or t.pos_ in {"ADJ", "DET", "NUM"} or k in view.adj_by_token:
            continue
        if not _descriptor_noun(t.text):
            break  # "Nederlandse mobiele netwerken, KPN": the adjective is the network's
    # copula: "Nexperia is nu een Chinees bedrijf"
    head = view.doc[i].head
    if view.trusted(head) and any(c.dep_ == "cop" for c in head.children):
        for c in head.children:
            if c.dep_ == "nsubj":
                return [a for a in view.args_of(c, "cop") if a.type in ORG | {"PERSON"}]
    return described_before(view, i, sent)


def _named_after_description(view: DocView, m: MentionLike, sent: Span) -> list[Arg]:
    """"de Chinese bedrijven Huawei en ZTE": a description glued to the names after it
    describes each of them (the entity stage links the description to the first only)."""
    if view.kind_of(m) != "description" or m.end >= sent.end:
        return []
    at = m.end
    doc = view.doc
    # "Japanse concurrenten (,) zoals Toray", "autofabrikanten als BMW": the examples
    if doc[at].text == "," and at + 1 < sent.end and doc[at + 1].lower_ in {"zoals", "als"}:
        at += 2
    elif doc[at].lower_ in {"zoals", "als"}:
        at += 1
    nxt = view.mention_at(at) if at < sent.end else None
    if nxt is None or nxt.start != at or view.type_of(nxt) not in ORG | {"PERSON"}:
        return []
    out = [view.arg(nxt, "next")]
    _surface_conj(view, out[0], sent.end, out, {out[0].entity_id})
    for n, a in enumerate(out):
        am = view.mention_at(a.start)
        if n and (am is None or view.kind_of(am) == "description" or am.start != a.start or
                  any(k in view.adj_by_token or view.mention_at(k) is not None
                      for k in range(out[n - 1].end, a.start))):
            # "... en het Omaanse staatsbedrijf OQ": a conjunct with its own description
            return out[:n]
    return out


def described_before(view: DocView, i: int, sent: Span) -> list[Arg]:
    """"SMIC, de grootste chipmaker": the mention before an apposition or copula."""
    k = i - 1
    while k >= sent.start and view.mention_at(k) is None and (
            view.doc[k].lower_ in SKIPPABLE | COPULAS | {","} or view.doc[k].pos_ == "ADJ"
            or k in view.adj_by_token):
        k -= 1
    if k < sent.start or k == i - 1:
        return []
    between = view.words(range(k + 1, i))
    if "," not in between and not set(between) & COPULAS:
        return []
    if view.mention_at(k) is None and (view.doc[k].lower_ in SENTENCE_FINAL_PARTICLES or
                                       view.doc[k].pos_ in {"VERB", "AUX"}) and \
            view.doc[k + 1].text == "," and k - 1 >= sent.start:
        # "nam de groep Rheinland Kunststoffe over, een producent van ...", "dat zendingen
        # naar Adasi gingen, een bedrijf uit ...": the clause ends in a particle or its verb
        k -= 1
    m = view.mention_at(k)
    if m is not None and view.type_of(m) in ORG | {"PERSON"}:
        return [view.arg(m, "before")]
    return []


# separable particles that close a main clause before an apposition to its last noun
SENTENCE_FINAL_PARTICLES = frozenset({"over", "af", "op", "uit", "in", "mee", "aan", "door",
                                      "terug"})


def _negated_locally(view: DocView, i: int, sent: Span) -> tuple[int, int]:
    return _window(i, 3, 1, sent)


# --- produces from descriptors -------------------------------------------------------------
def product_for_stem(view: DocView, stem: str) -> Arg | None:
    """The PRODUCT entity a compound stem names: "chip" -> "chips", "chipmachine" ->
    "chipmachines"; the shortest matching name wins."""
    best: tuple[int, str, str] | None = None
    for e in view.entities.values():
        if e.type != "PRODUCT":
            continue
        for name in [e.name, *e.aliases]:
            low = name.lower()
            for form in {low, low.removesuffix("s"), low.removesuffix("'s"), low.removesuffix("en"),
                         low.removesuffix("es")}:
                if form == stem:
                    score = len(low)
                    if best is None or score < best[0]:
                        best = (score, e.id, e.type)
    if best is None:
        return None
    return Arg(best[1], best[2], -1, -1, "stem")


FACILITY_SUFFIXES = tuple(LOCATION_NOUNS) + (
    "fabriek", "fabrieken", "centrum", "labo", "lab", "laboratorium", "terminal", "raffinaderij",
    "werf", "hoogovens", "vestiging", "vestigingen", "kantoor", "zetel", "locatie",
    "productielijn", "site", "campus", "sites", "locaties", "werven", "centra", "terminals",
    "laboratoria", "labs")
BUY_WORDS = frozenset({"kocht", "kochten", "koopt", "kopen", "gekocht", "bestelde", "besteld",
                       "bestelt", "bestellen", "afgenomen", "neemt", "nam", "inkopen"})


def product_of_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"de nieuwe Mate 70 van Huawei", "duv-machines van ASML": the maker of named goods
    (not after a purchase verb: "kocht een onderdeel van ASML" is a sale)."""
    doc = view.doc
    seen: set[int] = set()
    for tok in view.toks_in_mentions(sent):
        m = view.mention_at(tok.i)
        if m is None or m.start in seen or view.type_of(m) != "PRODUCT":
            continue
        seen.add(m.start)
        if m.end >= sent.end or doc[m.end].lower_ != "van":
            continue
        start, end = view.surface_clause(tok.i)
        if set(view.words(range(start, end))) & BUY_WORDS:
            continue
        maker = _surface_after(view, m.end, end, limit=4)
        if maker is None:
            nxt = doc[m.end + 1] if m.end + 1 < end else None
            maker = view.org_at(nxt.i + 1) if nxt is not None and nxt.lower_ in {
                "dat", "die", "het", "de"} and nxt.i + 1 < end else None
        if maker is None or maker.type not in ORG:
            continue
        yield Candidate("produces", maker, view.arg(m, "surface"), m.end, "descriptor",
                        "product_of", (max(start, m.start - 2), maker.end), nominal=True)


def descriptor_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    for tok in view.toks(sent):
        stem = producer_stem(tok.text)
        product: Arg | None = None
        if stem is not None:
            product = product_for_stem(view, stem)
        elif tok.lower_ in PRODUCER_NOUNS:
            # "maker van chipapparatuur"
            if tok.i + 1 < sent.end and view.doc[tok.i + 1].lower_ == "van":
                a = _surface_after(view, tok.i + 1, sent.end, limit=4)
                if a is not None and a.type == "PRODUCT":
                    product = a
        if product is None:
            continue
        described = []
        if tok.lower_.endswith(("fabriek", "fabrieken")) and tok.i + 1 < sent.end and \
                doc_lower(view, tok.i + 1) == "van":
            # "de vaccinfabriek van Pfizer": the owner makes the goods
            owner = _surface_after(view, tok.i + 1, sent.end, limit=3)
            described = [owner] if owner is not None and owner.type in ORG else []
        elif tok.lower_.endswith(("fabriek", "fabrieken")):
            continue
        ante = _described_firm(view, tok, sent)  # "de chipmachinemaker uit Veldhoven"
        for x in described or described_after(view, tok.i, sent) or \
                described_before(view, tok.i, sent) or ([ante] if ante is not None else []):
            yield Candidate("produces", x, product, tok.i, "descriptor", "descriptor",
                            _negated_locally(view, tok.i, sent), nominal=True)


# --- nationality ---------------------------------------------------------------------------
def nationality_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    doc = view.doc
    for adj in view.adjectives:
        if not (sent.start <= adj.start < sent.end):
            continue
        country = view.arg(adj, "adjective")
        if doc[adj.start].lower_ in REGIONAL:
            continue
        if adj.end < sent.end and doc[adj.end].lower_ in CLIENT_NOUNS:
            continue  # "aan Chinese klanten": the recipients, see supplies
        modifies = getattr(adj, "modifies", None)
        holder = view.mention_at(adj.start)
        if holder is not None and view.type_of(holder) in ORG | {"PERSON"}:
            # the adjective is part of a name or description: "Chinese overheid"
            targets = _named_after_description(view, holder, sent) or [
                view.arg(holder, "inside")]
        elif modifies and modifies in view.types:
            targets = [Arg(modifies, view.types[modifies], adj.start, adj.end, "modifies")]
        else:
            targets = described_after(view, adj.end - 1, sent)
        for x in targets:
            yield Candidate("nationality", x, country, adj.start, "nationality", "adj",
                            _negated_locally(view, adj.start, sent), nominal=True)
    # "één van China's defensiebedrijven, CETC"; "SMIC, de grootste chipmaker van China"
    for tok in view.toks_in_mentions(sent):
        m = view.mention_at(tok.i)
        if m is None or m.start != tok.i or view.type_of(m) != "COUNTRY":
            continue
        last = doc[m.end - 1]
        possessive = last.text.endswith(("'s", "’s")) or (
            m.end < sent.end and doc[m.end].text in {"'s", "’s"})
        if possessive:
            k = m.end
            while k < sent.end and view.mention_at(k) is None and not is_org_head(doc[k].text) \
                    and k - m.end < 3:
                k += 1
            if k < sent.end and is_org_head(doc[k].text):
                for x in _appositive_after(view, k, sent):
                    yield Candidate("nationality", x, view.arg(m, "possessive"), tok.i,
                                    "nationality", "possessive", (m.start, x.end), nominal=True)
        elif m.start >= 2 and doc[m.start - 1].lower_ == "van" and (
                is_org_head(doc[m.start - 2].text)):
            for x in described_before(view, m.start - 2, sent):
                yield Candidate("nationality", x, view.arg(m, "van"), tok.i, "nationality",
                                "org_van_country", (x.start, m.end), nominal=True)


def _appositive_after(view: DocView, k: int, sent: Span) -> list[Arg]:
    """"defensiebedrijven, CETC" / "defensieconcern CETC": the mention after an org noun."""
    j = k + 1
    if j < sent.end and view.doc[j].text == ",":
        j += 1
    m = view.mention_at(j) if j < sent.end else None
    if m is not None and view.type_of(m) in ORG:
        return [view.arg(m, "appos_surface")]
    # "Dit staatsbedrijf is een van China's ... concerns": the copula subject
    return []


# --- location ------------------------------------------------------------------------------
def location_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    doc = view.doc
    for tok in view.toks(sent):
        low = tok.lower_
        if low in {"uit", "vanuit", "in", "op"} and tok.i > sent.start:
            holder = _seat_holder(view, tok.i - 1, sent)
            if holder is None:
                continue
            x, how = holder
            place = _surface_after(view, tok.i, sent.end, limit=4)
            if place is None or place.type not in {"LOCATION", "COUNTRY"}:
                continue
            if low == "op" and place.type != "LOCATION":
                continue  # "de terminal op de Maasvlakte"; never "op Nederland"
            pattern = ("uit" if low in {"uit", "vanuit"} else "m_in_l") + how
            if low == "in" and how == "" and _is_description(view, view.mention_at(tok.i - 1)):
                continue  # "autofabrikanten in Europa": a generic description, not a seat
            yield Candidate("located_in", x, place, tok.i, "location", pattern,
                            (max(sent.start, x.start - 2) if x.start >= sent.start
                             else max(sent.start, tok.i - 3), place.end), nominal=True)
        elif low.endswith(FACILITY_SUFFIXES) and tok.i + 1 < sent.end and \
                doc[tok.i + 1].lower_ in {"in", "te"}:
            owner = _location_owner(view, tok, sent)
            if owner is None:
                continue
            j = tok.i + 1
            places: list[Arg] = []
            while j < sent.end and doc[j].lower_ in {"in", "te", "en", ","}:
                if doc[j].lower_ in {"en", ","} and j + 1 < sent.end and \
                        doc[j + 1].lower_ in {"in", "te"}:
                    j += 1  # "in Nijmegen en in Austin"
                place = _surface_after(view, j, sent.end, limit=4)
                if place is None or place.type not in {"LOCATION", "COUNTRY"}:
                    break
                places.append(place)
                j = place.end
            for place in places:
                yield Candidate("located_in", owner, place, tok.i, "location", "facility_in",
                                _window(tok.i, 3, 1, sent), nominal=True)
        elif tok.text[:1].isupper() and low.endswith("se") and len(low) > 5 and (
                view.mention_at(tok.i) is None
                or _is_description(view, view.mention_at(tok.i))):
            place = _city_for_adjective(view, low)
            if place is None:
                continue
            for x in described_after(view, tok.i, sent):
                yield Candidate("located_in", x, place, tok.i, "location", "city_adj",
                                _negated_locally(view, tok.i, sent), nominal=True)


ACTIVITY_VERBS = frozenset({"zit", "zitten", "zat", "zetelt", "opent", "opende", "verzorgt",
                            "openen", "bouwen", "produceren", "vestigen", "maken",
                            "werkt", "werken", "actief", "opereert", "medewerkers", "werknemers",
                            "mensen", "banen", "personeel", "verwerkt", "opgericht",
                            "bouwt", "bouwde", "produceert", "produceerde", "maakt", "maakte",
                            "ontwerpt", "ontwikkelt", "assembleert", "vervaardigt", "fabriceert"})
PRODUCTION_VERBS = frozenset({"bouwt", "bouwde", "produceert", "produceerde", "maakt", "maakte",
                              "bouwen", "produceren", "maken",
                              "assembleert", "vervaardigt", "fabriceert", "ontwikkelt"})


def clause_place_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Bluefors, dat in Helsinki koelers ontwerpt", "produceert lng in Qatar en Australië":
    an organisation active in a place, said in a clause whose verb is an activity."""
    doc = view.doc
    for tok in view.toks_in(sent, {"in", "te"}):
        prev = view.mention_at(tok.i - 1) if tok.i > sent.start else None
        if prev is not None and not _governed_by_preposition(view, prev.start, sent.start):
            continue  # "ASML in Veldhoven" is the seat pattern
        if prev is None and tok.i - 1 > sent.start and doc[tok.i - 1].text[:1].isupper():
            continue  # "met het Summa College in Eindhoven": the place of a name we missed
        start, end = view.surface_clause(tok.i)
        words = set(view.words(range(start, end)))
        if not words & ACTIVITY_VERBS:
            continue
        place = _surface_after(view, tok.i, end, limit=3)
        if place is None:
            continue
        if place.type != "LOCATION" and not (place.type == "COUNTRY" and words & PRODUCTION_VERBS):
            continue
        if any(w.endswith("ste") and len(w) > 5 for w in view.words(range(max(start, tok.i - 5),
                                                                            tok.i))):
            continue  # "een van de grootste onderzoekscentra in Europa": a ranking, not a seat
        verb = next((doc[k] for k in range(start, end) if doc[k].lower_ in ACTIVITY_VERBS),
                    tok)
        subject = _surface_subject(view, verb, start, end, set())
        if subject is None or subject.type not in ORG:
            continue
        places = [place]
        _surface_conj(view, place, end, places, {place.entity_id})
        for p in places:
            yield Candidate("located_in", subject, p, tok.i, "location", "clause_in",
                            (start, end))


def _seat_holder(view: DocView, j: int, sent: Span) -> tuple[Arg, str] | None:
    """Who is "uit/in" the place after token ``j``: the mention ending there ("ASML uit
    Veldhoven"), across a parenthesis ("NUDT (61) in ..."), a relative pronoun ("BYD, dat uit
    Shenzhen komt") or a descriptor in apposition ("FN Herstal, de wapenfabrikant uit Luik")."""
    doc = view.doc
    if doc[j].text == ")":
        k = j
        while k > sent.start and doc[k].text != "(":
            k -= 1
        j = k - 1
    if j < sent.start:
        return None
    m = view.mention_at(j)
    if m is not None and view.type_of(m) == "PRODUCT" and m.start >= sent.start + 2 and \
            doc[m.start - 1].lower_ == "van" and _descriptor_noun(doc[m.start - 2].text):
        # "Lynxa, een fabrikant van warmtebeeldcamera's uit Enschede": the maker's seat
        k = m.start - 2
        desc = view.mention_at(k)
        found = described_before(view, k, sent)
        if found:
            return found[0], "_appos"
        if desc is not None and view.type_of(desc) in ORG:
            return view.arg(desc, "surface"), "_appos"
        return None
    if m is not None:
        if view.type_of(m) in ORG | {"PERSON"}:
            return view.arg(m, "surface"), ""
        return None
    if doc[j].lower_ in {"dat", "die"}:
        from .patterns import relative_antecedent

        ante = relative_antecedent(view, j)
        return (ante, "_relpron") if ante is not None and ante.type in ORG else None
    if _descriptor_noun(doc[j].text) or doc[j].lower_ in {"installatie", "terminal",
                                                           "exportterminal", "fabriek"}:
        found = described_before(view, j, sent)
        if found:
            return found[0], "_appos"
        ante = _described_firm(view, doc[j], sent)
        if ante is not None:
            return ante, "_desc"  # "de chipfabrikant uit Hsinchu": the firm it refers to
    return None


def where_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"in Woensdrecht, waar Fokker Techniek vliegtuigonderhoud verzorgt": the subject of a
    "waar" clause is located in the place before it."""
    doc = view.doc
    for tok in view.toks_in(sent, {"waar"}):
        if tok.lower_ != "waar" or tok.i < sent.start + 2 or doc[tok.i - 1].text != ",":
            continue
        place = view.mention_at(tok.i - 2)
        if place is None or view.type_of(place) not in {"LOCATION", "COUNTRY"}:
            continue
        start, end = view.surface_clause(tok.i + 1)
        verb = next((doc[k] for k in range(tok.i + 1, end) if doc[k].pos_ in {"VERB", "AUX"}
                     or doc[k].lower_ in ACTIVITY_VERBS), doc[min(end, len(doc)) - 1])
        subject = _surface_subject(view, verb, tok.i + 1, end, set())
        if subject is not None and subject.type in ORG:
            yield Candidate("located_in", subject, view.arg(place, "surface"), tok.i,
                            "location", "where", (tok.i - 2, end))


def _location_owner(view: DocView, noun: Token, sent: Span) -> Arg | None:
    """Whose facility: "de fabriek van Nexperia in ...", else the nearest organisation before
    it in the clause ("dwingt Nexperia tot verkoop van chipfabriek in Manchester")."""
    start, end = view.surface_clause(noun.i)
    own = view.org_at(noun.i)
    if own is not None and own.type in ORG:
        return own  # "de voormalige Nissan-fabriek"
    for k in range(noun.i - 1, start - 1, -1):
        a = view.org_at(k)
        if a is not None and a.type in ORG and not _governed_by_preposition(
                view, a.start if a.start >= start else k, start):
            return a
    if view.trusted(noun):
        head = noun.head
        for c in head.children:
            if c.dep_ == "nsubj":
                args = view.args_of(c, "dep")
                if args and args[0].type in ORG:
                    return args[0]
    a = _surface_subject(view, noun, start, noun.i, set())
    if a is not None and a.type in ORG:
        return a
    return None


def _city_for_adjective(view: DocView, low: str) -> Arg | None:
    """"Veldhovense" -> the LOCATION entity Veldhoven, when the article names it."""
    stem = low[:-2]
    for e in view.entities.values():
        if e.type != "LOCATION":
            continue
        for name in [e.name, *e.aliases]:
            n = name.lower()
            if n == stem or (n.endswith("en") and stem == n) or n == stem.removesuffix("e"):
                return Arg(e.id, "LOCATION", -1, -1, "city_adj")
    return None


# --- state ownership -----------------------------------------------------------------------
def state_candidates(view: DocView, sent: Span, nationality: dict[str, Arg]) -> Iterator[Candidate]:
    """"het Chinese staatsbedrijf X", "Dit staatsbedrijf is een van China's ...": owns(state,
    firm); the state from an adjective, a country in the sentence, or what is known of the
    firm (``nationality``: entity id -> country arg from earlier claims)."""
    doc = view.doc
    for tok in view.toks(sent):
        if not is_state_firm_noun(tok.text):
            continue
        firms = [a for a in described_after(view, tok.i, sent) if a.type == "FIRM"]
        if not firms and tok.i > sent.start and doc[tok.i - 1].lower_ in {"dit", "dat", "het",
                                                                             "deze", "die"}:
            for k in range(tok.i - 1, max(-1, tok.i - 80), -1):
                m = view.mention_at(k)
                if m is not None and view.type_of(m) == "FIRM":
                    firms = [view.arg(m, "anaphor")]
                    break
        if not firms:
            continue
        country = None
        for k in range(max(sent.start, tok.i - 3), tok.i):
            if k in view.adj_by_token:
                country = view.arg(view.adj_by_token[k], "adjective")
        if country is None:
            for k in range(sent.start, sent.end):
                m = view.mention_at(k)
                if m is not None and view.type_of(m) == "COUNTRY":
                    country = view.arg(m, "sentence")
                    break
        for firm in firms:
            c = country or nationality.get(firm.entity_id)
            if c is None:
                ent = view.entities.get(firm.entity_id)
                iso = getattr(ent, "country", None)
                if iso and iso in view.country_by_iso:
                    c = Arg(view.country_by_iso[iso], "COUNTRY", -1, -1, "entity_country")
            if c is not None:
                yield Candidate("owns", c, firm, tok.i, "state", "state_firm",
                                _negated_locally(view, tok.i, sent), nominal=True)


# --- names ---------------------------------------------------------------------------------
def name_candidates(view: DocView) -> Iterator[tuple[Candidate, int]]:
    """"24e Onderzoeksinstituut van CETC": an organisation named as a part of another.
    Yields (candidate, char offset of the naming mention) for evidence."""
    by_alias: dict[str, str] = {}
    for e in view.entities.values():
        if e.type in ORG:
            for name in [e.name, *e.aliases]:
                by_alias.setdefault(name.lower(), e.id)
    for m in sorted(set(view.by_token.values()), key=lambda m: m.start):
        if view.type_of(m) not in ORG:
            continue
        words = [t.lower_ for t in view.doc[m.start:m.end]]
        if "van" not in words:
            continue
        cut = len(words) - 1 - words[::-1].index("van")
        head = words[cut - 1] if cut > 0 else ""
        if not head.endswith(SUBSIDIARY_HEADS):
            continue
        tail = " ".join(w for w in words[cut + 1:] if w not in {"de", "het"})
        tail_text = view.doc[m.start + cut + 1:m.end].text.lower()
        parent = by_alias.get(tail) or by_alias.get(tail_text)
        if parent is None or parent == m.entity_id:
            continue
        x = view.arg(m, "name")
        y = Arg(parent, view.types[parent], m.start + cut + 1, m.end, "name")
        yield Candidate("subsidiary_of", x, y, m.start, "name", "name_van", (m.start, m.end),
                        nominal=True), m.start


# --- restriction lists and nouns -----------------------------------------------------------
def restriction_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"X staat op de (Amerikaanse) zwarte lijst", "de VS zetten X op de Entity List",
    "Amerikaanse sancties tegen X", "een exportverbod voor chips van X"."""
    doc = view.doc
    for tok in view.toks(sent):
        low = tok.lower_
        is_list = (low.endswith("lijst") or low == "list") and any(
            doc[k].lower_ == "op" for k in range(max(sent.start, tok.i - 5), tok.i))
        if not is_list and not is_restriction_noun(tok.text):
            continue
        if low in {"lijst", "zwarte", "entity"} and not is_list:
            continue
        start, end = view.surface_clause(tok.i)
        # the restricting party: an adjective on the noun, or the clause subject
        restrictor: Arg | None = None
        for k in range(max(sent.start, tok.i - 4), tok.i + 1):
            if k in view.adj_by_token:
                restrictor = view.arg(view.adj_by_token[k], "adjective")
        clause_words = view.words(range(start, end))
        qual_start, qual_end = start, end
        if "vergunning" in low:
            # a licence restricts where it is required, refused or withdrawn, not where it
            # was granted ("41 exportvergunningen verleend voor ...")
            denied = [k for k in range(start, end) if doc[k].lower_ in LICENCE_DENIAL]
            if set(clause_words) & LICENCE_GRANTED and not denied:
                continue
            if denied:
                qual_start = max(start, min(max(denied) + 1, tok.i))  # a refusal negates nothing
        placing = any(w in clause_words for w in ("zette", "zet", "zetten", "plaatste",
                                                  "plaatsten", "plaatst", "gezet", "geplaatst"))
        subject = _surface_subject(view, tok, start, end, set())
        restricted: list[Arg] = []
        if is_list:
            if placing:
                # "zette het bedrijf op de lijst": the object sits between verb and "op"
                op = max(k for k in range(start, tok.i) if doc[k].lower_ == "op")
                for k in range(start, op):
                    m = view.mention_at(k)
                    if m is not None and m.start == k and (
                            subject is None or m.entity_id != subject.entity_id):
                        restricted = [view.arg(m, "surface")]
                        break  # the first one after the subject is the one placed
                if restricted and subject is not None and subject.type in {"COUNTRY",
                                                                             "INSTITUTE"}:
                    restrictor = restrictor or subject
            elif subject is not None:
                restricted = [subject]
        elif any(doc[k].lower_ == "onder" for k in range(max(start, tok.i - 3), tok.i)):
            # "de chips vallen onder Amerikaanse exportregels": what falls under it
            for k in range(start, tok.i):
                m = view.mention_at(k)
                if m is not None and m.start == k and view.type_of(m) in ORG | {"PRODUCT"} \
                        and not _governed_by_preposition(view, k, start):
                    restricted = [view.arg(m, "surface")]
                    break
        else:
            if tok.i > start and any(doc[k].lower_ in {"door", "vanwege", "wegens"}
                                     for k in range(max(start, tok.i - 3), tok.i)):
                # "Door de Amerikaanse sancties mag TSMC geen chips meer leveren": the one
                # whose trade the restriction hits is the subject of the clause
                hit = _surface_subject(view, tok, tok.i + 1, end, set())
                if hit is not None and hit.type in ORG | {"COUNTRY"} and hit.start > tok.i:
                    restricted = [hit]
                    # "mag geen chips meer leveren" is the effect, not a negated restriction
                    qual_start, qual_end = max(start, tok.i - 3), tok.i + 1
            for j in range(tok.i + 1, min(end, tok.i + 4)):
                if restricted:
                    break
                if doc[j].lower_ in {"tegen", "voor", "aan", "op"}:
                    if doc[j].lower_ == "op" and j + 1 < end and doc[j + 1].lower_ in {
                            "voor", "tegen", "aan"}:
                        continue  # "legde een exportstop op voor X": the particle
                    a = _surface_after(view, j, end, limit=5)
                    if a is None and j + 2 < end and doc[j + 2].lower_ in {
                            "export", "uitvoer", "levering", "leveringen", "verkoop"} and \
                            j + 3 < end and doc[j + 3].lower_ == "van":
                        # "een vergunningplicht voor de export van (de) machines van ASM"
                        a = _surface_after(view, j + 3, end, limit=5)
                    if a is not None:
                        restricted = [a]
                        if a.type == "PRODUCT" and a.end + 1 < end and \
                                doc[a.end].lower_ in {"van", "uit"}:
                            party = _surface_after(view, a.end, end, limit=3)
                            if party is not None and party.type != "PRODUCT":
                                restricted = [party]
                        _surface_conj(view, restricted[0], end, restricted, {
                            restricted[0].entity_id})
                    break
            if restrictor is None and subject is not None and subject.type in {"COUNTRY",
                                                                               "INSTITUTE"}:
                restrictor = subject
        if restrictor is None and any(doc[k].lower_ in {"europese", "eu"} for k in range(
                max(sent.start, tok.i - 3), tok.i + 1)):
            restrictor = _european_union(view)
        if restrictor is None:
            continue
        for r in restricted:
            if r.entity_id != restrictor.entity_id:
                yield Candidate("restricts", restrictor, r, tok.i, "list" if is_list else
                                "restriction_noun", "list" if is_list else "restriction_noun",
                                (qual_start, qual_end))


def _described_firm(view: DocView, tok: Token, sent: Span) -> Arg | None:
    """The firm a bare definite trade description stands for ("de chipfabrikant uit
    Hsinchu" in an article about TSMC): the firm the article has named most so far, when the
    sentence does not name it (a description is used instead of a name)."""
    from .docview import description_type
    from .patterns import _main_firm

    if tok.i == 0 or view.doc[tok.i - 1].lower_ not in {"de", "het"} or \
            view.mention_at(tok.i) is not None or relation_noun(tok.text) is not None or not (
                producer_stem(tok.text) or description_type(tok.text) == "FIRM"):
        return None  # "de klant in Izjevsk" is another party, "het laboratorium" a place
    main = _main_firm(view, tok.i)
    if main is None or any(m.entity_id == main.entity_id
                           for m in view.mentions_between(sent.start, sent.end)):
        return None
    return Arg(main.entity_id, main.type, tok.i, tok.i + 1, "description_topic")


LICENCE_DENIAL = frozenset({"weigert", "weigerde", "weigerden", "geweigerd", "weigeren",
                            "ingetrokken", "trekt", "trok", "intrekken", "afgewezen", "wees",
                            "weigering", "nodig", "plicht", "verplicht", "vereist", "aanvragen"})
LICENCE_GRANTED = frozenset({"verleend", "verleent", "verleende", "verleenden", "afgegeven",
                             "kreeg", "kregen", "krijgt", "gekregen", "goedgekeurd"})


def doc_lower(view: DocView, i: int) -> str:
    return view.doc[i].lower_


def _european_union(view: DocView) -> Arg | None:
    """"de Europese sanctielijst": the EU, when the article has it as an entity."""
    for e in view.entities.values():
        names = {n.lower() for n in [e.name, *e.aliases]}
        if e.type == "INSTITUTE" and names & {"europese unie", "eu", "de europese unie"}:
            return Arg(e.id, e.type, -1, -1, "european")
    return None


def _is_description(view: DocView, m: MentionLike | None) -> bool:
    return m is not None and view.kind_of(m) == "description"
