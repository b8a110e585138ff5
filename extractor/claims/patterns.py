"""Verb and relational-noun patterns: "X levert aan Y", "Y kocht bij X", "X is een dochter van Y".

Each slot of a trigger is filled from the dependency parse first (nsubj, obj, iobj, obl + case,
passive "door"), then, when the parse gives nothing, from linear order within the clause
(a mention right after the preposition; the first mention not inside a prepositional phrase
as subject). Arguments record which way they were found.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .candidate import Candidate
from .docview import ORG, PREPOSITIONS, Arg, DocView, MentionLike
from .lexicon import (
    CLIENT_NOUNS,
    FRAMES,
    GOODS_ONLY_LEMMAS,
    RELATIVE_PRONOUNS,
    RESTRICTED_TRADE_NOUNS,
    SEPARABLE,
    VerbFrame,
    is_org_head,
    relation_noun,
    separable_lemma,
    verb_lemma,
)

AMBIGUOUS_FORMS = frozenset({"verkoop", "bouw", "ontwerp", "koop", "werk", "export", "bezit",
                             "lever", "bestel", "zet", "leg", "maak", "gebruik", "verkopen",
                             "bouwen", "ontwerpen", "kopen", "werken"})
MAKEN_IDIOMS = frozenset({"bekend", "duidelijk", "mogelijk", "kenbaar", "winst", "verlies",
                          "geheim", "gebruik", "afspraken", "plaats", "kans", "einde", "zorgen",
                          "melding", "bezwaar", "ruzie", "excuses", "werk"})
SEPARABLE_BASES = frozenset(base for base, _ in SEPARABLE)
PARTICLES = frozenset({"over", "samen", "mee", "op", "af", "uit", "in", "tegen"})
COPULAS = frozenset({"is", "was", "zijn", "waren", "wordt", "werd", "blijft", "bleef", "lijkt",
                     "worden", "werden", "geldt", "behoort", "behoren"})
SKIPPABLE = frozenset({"de", "het", "een", "'t", "ook", "nog", "al", "altijd", "nu", "inmiddels",
                       "sinds", "zelf", "onder", "meer", "andere", "eigen", "zijn", "haar", "hun",
                       "deze", "die", "dit", "dat", "twee", "drie", "vier", "vijf", "zes", "tal",
                       "aantal", "enkele", "verschillende", "diverse", "meerdere", "vaste",
                       "belangrijke", "grote", "grootste", "nieuwe", "'s", "werelds", "\"", "'"})


# --- verbs ---------------------------------------------------------------------------------
def trigger_lemma(view: DocView, tok: Token) -> str | None:
    """The frame lemma a token triggers, separable particles resolved ("neemt ... over")."""
    # asked for every token: the lemma first, most tokens have none
    lemma = verb_lemma(tok.text) or (tok.lemma_ if tok.lemma_ in FRAMES and tok.pos_ == "VERB"
                                     else None)
    if lemma is None:
        return None
    if view.has_parse and tok.pos_ in {"NOUN", "PROPN", "ADP", "DET", "PRON"} \
            and tok.lower_ in AMBIGUOUS_FORMS:
        return None  # "de verkoop", "de bouw": nouns that look like verb stems
    if lemma == "maken" and set(view.words(range(
            tok.i + 1, min(view.sent_of(tok.i).end, tok.i + 15)))) & MAKEN_IDIOMS:
        return None  # "maakte het ministerie bekend", "maakt geen geheim van": no goods
    if lemma == "kopen" and "zich" in _clause_words(view, tok) and _particle(view, tok) == "in":
        return "zich_inkopen"  # "koopt zich in bij Maasmond": a stake, not a purchase
    if lemma == "afstoten":
        return "verkopen"  # a divestment: read as a sale of a business
    if lemma in SEPARABLE_BASES or lemma not in FRAMES:
        particle = _particle(view, tok)
        if particle is not None:
            sep = separable_lemma(lemma, particle)
            if sep == "afstoten":
                return "verkopen"
            if sep is not None:
                return sep
        if lemma == "leggen" and "banden" in _clause_words(view, tok):
            return "beperken"  # "aan banden leggen": to restrict
        if lemma == "binden" and any(w.startswith("vergunning")
                                     for w in _clause_words(view, tok)):
            return "beperken"  # "de export van X aan een vergunning binden": to restrict
        if lemma == "maken" and "deel" in _clause_words(view, tok) and particle == "uit":
            return "uitmaken"
        if lemma == "doen":
            # "deed Grubhub van de hand (aan Wonder)": sold it
            words = _clause_words(view, tok)
            return "verkopen" if any(words[n:n + 3] == ["van", "de", "hand"]
                                     for n in range(len(words))) else None
        return lemma if lemma in FRAMES and lemma not in {"nemen", "leggen",
                                                          "trekken", "houden"} else None
    return lemma


# A sale that has happened ("verkocht", "deed van de hand", "moest verkopen"): the seller no
# longer owns the business; "verkoopt" announces a deal that may not be closed yet.
SOLD_WORDS = frozenset({"verkocht", "verkochten", "deed", "deden", "gedaan", "moest", "moesten",
                        "stootte", "stootten", "afgestoten"})


def _clause_words(view: DocView, tok: Token) -> list[str]:
    start, end = view.surface_clause(tok.i)
    return view.words(range(start, end))


def _particle(view: DocView, tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "compound:prt" and child.lower_ in PARTICLES:
            return child.lower_
    start, end = view.surface_clause(tok.i)
    for j in range(tok.i + 1, end):
        t = view.doc[j]
        if t.lower_ in PARTICLES:
            nxt = view.doc[j + 1] if j + 1 < len(view.doc) else None
            # a particle ends the clause or stands before a preposition/verb, not before a noun
            if nxt is None or nxt.is_punct or nxt.lower_ in PREPOSITIONS or nxt.pos_ in {
                    "VERB", "AUX"} or view.mention_at(nxt.i) is None and nxt.lower_ not in {
                    "de", "het", "een"}:
                return t.lower_
    return None


def _dep_slots(view: DocView, verb: Token, frame: VerbFrame) -> dict[str, list[tuple[Token, str]]]:
    """slot -> filler tokens from the parse, passives turned around."""
    passive = any(c.dep_ in {"nsubj:pass", "aux:pass", "obl:agent"} for c in verb.children)
    slots: dict[str, list[tuple[Token, str]]] = {}

    def put(slot: str, tok: Token) -> None:
        slots.setdefault(slot, []).append((tok, "dep"))

    holders = [verb]
    # shared subject/object of coordinated verbs ("ontwerpt en produceert X") and of the
    # modal or control verb above an infinitive ("mag niet leveren", "stopt met leveren")
    if verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
        holders.append(verb.head)
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ in {"VERB", "AUX"}:
            holders.append(conj)
    for h_index, holder in enumerate(holders):
        for c in holder.children:
            dep = c.dep_
            if h_index > 0 and dep not in {"nsubj", "nsubj:pass", "obj"}:
                continue
            if dep == "nsubj" or (dep == "nsubj:pass" and not passive):
                if h_index == 0 or "subj" not in slots:
                    put("subj", c)
            elif dep == "nsubj:pass":
                put("obj", c)
            elif dep == "obj":
                if h_index == 0 or "obj" not in slots:
                    put("obj", c)
            elif dep == "iobj":
                put("aan", c)
            elif dep in {"obl", "obl:agent", "obl:arg", "nmod"}:
                case = _case(c)
                if case == "door" and passive:
                    put("subj", c)
                elif case:
                    put(case, c)
    # prepositional phrases attached to the object noun ("verkocht een onderdeel aan X")
    for obj_tok, _ in slots.get("obj", []):
        for c in obj_tok.children:
            case = _case(c)
            if c.dep_ in {"nmod", "obl"} and case and case in frame.slots and case not in slots:
                slots.setdefault(case, []).append((c, "dep_nmod"))
    return slots


def _case(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "case" or (c.dep_ == "fixed" and c.i < tok.i):
            return c.lower_
    return None


def _surface_after(view: DocView, j: int, end: int, limit: int = 5) -> Arg | None:
    """The mention that starts within ``limit`` tokens after token ``j`` (a preposition),
    skipping determiners and modifiers but not another preposition or a verb."""
    if j + 2 < end and view.doc[j + 1].lower_ == "onder" and view.doc[j + 2].lower_ in {
            "meer", "andere"}:
        j += 2  # "levert aan onder meer Applied Materials": an adverb, not a preposition
    for k in range(j + 1, min(end, j + 1 + limit)):
        m = view.mention_at(k)
        if m is not None:
            nxt = view.mention_at(m.end) if m.end < end else None
            if view.kind_of(m) == "description" and nxt is not None and nxt.start == m.end:
                m = nxt  # "de chipbedrijven Qualcomm": the name, not its descriptor
            return view.arg(m, "surface")
        t = view.doc[k]
        if t.lower_ in PREPOSITIONS or t.pos_ in {"VERB", "AUX"} or t.text in {",", ".", ";"}:
            return None
    return None


def _surface_subject(view: DocView, verb: Token, start: int, end: int,
                     taken: set[str]) -> Arg | None:
    """Linear-order subject: the antecedent of a clause-initial relative pronoun or pronoun,
    the organisation before "om ... te VERB", else the first organisation (mention or bare
    description) that no preposition governs, before the verb or right after it (inversion)."""
    doc = view.doc
    first = doc[start]
    if first.lower_ in RELATIVE_PRONOUNS and start > 0:
        ante = relative_antecedent(view, start)
        if ante is not None:
            return ante
    if verb.i > start and doc[verb.i - 1].lower_ == "te":
        om = [k for k in range(start, verb.i) if doc[k].lower_ == "om"]
        if om:
            for k in range(om[-1] - 1, start - 1, -1):
                m = view.mention_at(k)
                if m is not None and view.type_of(m) in ORG and m.entity_id not in taken:
                    return view.arg(m, "control")
    for k in range(start, min(end, start + 3, verb.i)):
        if view.mention_at(k) is not None:
            break  # a named subject comes first: "Engie zet het gas door"
        if _is_subject_pronoun(view, k, start):
            ante = view.antecedent(doc[k])
            if ante is not None and ante.entity_id not in taken:
                return Arg(ante.entity_id, ante.type, ante.start, ante.end, "pronoun_surface")
            break
    limit = min(end, verb.i + 4) if start <= verb.i < end else end
    for k in range(start, limit):
        if k > verb.i and doc[k].is_punct:
            break  # ", schrijft Bloomberg": a reporting clause, not the subject
        m = view.mention_at(k)
        if m is None:
            ante = view.description_antecedent(doc[k])
            if ante is not None and ante.entity_id not in taken and \
                    not _governed_by_preposition(view, k, start):
                return Arg(ante.entity_id, ante.type, k, k + 1, "pronoun_surface")
            continue
        if m.start != k:
            continue
        if view.type_of(m) not in ORG | {"COUNTRY", "PERSON"} or m.entity_id in taken:
            continue
        if _governed_by_preposition(view, k, start):
            continue
        return view.arg(m, "surface")
    if start > 1 and doc[start - 1].text == ",":
        # "Thales, dat zijn hoofdkantoor in Parijs heeft, maakt ook satellieten": the
        # antecedent of the relative clause that ends right before this one
        sent = view.sent_of(start - 1)
        for r in range(start - 2, sent.start, -1):
            if doc[r].lower_ in RELATIVE_PRONOUNS and doc[r - 1].text == ",":
                ante = relative_antecedent(view, r)
                if ante is not None and ante.entity_id not in taken:
                    return Arg(ante.entity_id, ante.type, ante.start, ante.end, "relpron_outer")
                break
    return None


def _is_subject_pronoun(view: DocView, k: int, start: int) -> bool:
    """"Het kocht ...", "Zo is het eigenaar van ...": a pronoun, not an article, at the start
    of a clause or right after the finite verb."""
    doc = view.doc
    tok = doc[k]
    if tok.lower_ == "die" and k == view.sent_of(k).start and view.mention_at(k) is None:
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        # "Die mogen geen chips meer leveren": a demonstrative subject, not "die chips"
        return nxt is not None and view.mention_at(nxt.i) is None and (
            nxt.pos_ in {"VERB", "AUX"} or verb_lemma(nxt.text) is not None
            or nxt.lower_ in COPULAS | {"mogen", "mag", "kunnen", "kan", "zullen", "willen"})
    if tok.lower_ not in {"het", "hij", "zij", "ze"} or view.mention_at(k) is not None:
        return False
    if tok.lower_ != "het":
        return True
    prev = doc[k - 1].lower_ if k > start else ""
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    if nxt is not None and view.mention_at(nxt.i) is not None:
        return False  # "het gas", "het Verenigd Koninkrijk": an article
    if nxt is None or nxt.is_punct or nxt.pos_ in {"VERB", "AUX", "ADV", "ADP"}:
        return True
    if verb_lemma(nxt.text) is not None or nxt.lower_ in COPULAS | {"nog", "ook", "al", "niet",
                                                                      "zelf", "wel", "dus"}:
        return True
    return k > start and (prev in COPULAS or verb_lemma(prev) is not None)


def relative_antecedent(view: DocView, r: int) -> Arg | None:
    """What a relative pronoun at ``r`` stands for: the mention before it, or, after a bare
    description in apposition ("Kalashnikov Concern, de Russische wapenfabrikant die ..."),
    the name before the comma."""
    doc = view.doc
    j = r - 1
    if doc[j].text == ",":
        j -= 1
    if j < 0:
        return None
    m = view.mention_at(j)
    if m is not None and view.type_of(m) == "LOCATION" and m.start > 1 and \
            doc[m.start - 1].lower_ in {"uit", "in", "te"}:
        # "CXMT uit Hefei, dat geheugenchips maakt", "de wapenfabrikant uit Luik die ...":
        # the place belongs to the description; the clause is about the organisation
        j = m.start - 2
        m = view.mention_at(j)
    if m is not None:
        return view.arg(m, "relpron_surface") if view.type_of(m) in ORG | {
            "COUNTRY", "PERSON"} else None
    k = j
    while k > 0 and view.mention_at(k) is None and (
            doc[k].lower_ in SKIPPABLE or doc[k].pos_ in {"ADJ", "NOUN", ""}
            or k in view.adj_by_token) and doc[k].text != ",":
        k -= 1
    if doc[k].text == "," and k > 0:
        m = view.mention_at(k - 1)
        if m is None and k > 1 and doc[k - 1].pos_ in {"VERB", "AUX"}:
            m = view.mention_at(k - 2)  # "naar Adasi gingen, een bedrijf ... dat ..."
        if m is not None and view.type_of(m) in ORG | {"PERSON"}:
            return view.arg(m, "relpron_appos")
    ante = view.description_antecedent(doc[j])
    return Arg(ante.entity_id, ante.type, ante.start, ante.end, "relpron_description") \
        if ante is not None else None


def _governed_by_preposition(view: DocView, k: int, start: int) -> bool:
    """A preposition before the mention at ``k``, across determiners, adjectives and one
    descriptor noun ("volgens marktonderzoeker Kpler")."""
    descriptor_seen = False
    for j in range(k - 1, max(start, k - 5) - 1, -1):
        t = view.doc[j]
        w = t.lower_
        if w in PREPOSITIONS:
            # "onder meer", "onder andere": an adverb, not a preposition
            return not (w == "onder" and j + 1 < k and view.doc[j + 1].lower_ in {
                "meer", "andere", "anderen"})
        if w in SKIPPABLE or t.pos_ in {"ADJ", "DET", "NUM"} or j in view.adj_by_token:
            continue
        if not descriptor_seen and t.is_lower and t.is_alpha and j == k - 1 and \
                t.pos_ not in {"VERB", "AUX"} and verb_lemma(t.text) is None:
            descriptor_seen = True
            continue
        return False
    return False


def _maybe_triggers(view: DocView, sent: Span) -> list[Token]:
    """The tokens of ``sent`` for which :func:`trigger_lemma` can find a lemma (its first
    test, on the view's strings): a form the lexicon knows, or a verb lemmatised to a frame."""
    forms, lemmas, pos = view.verb_lemmas(), view.strings("lemma_"), view.strings("pos_")
    return [view.tokens[i] for i in range(sent.start, sent.end) if forms[i] is not None
            or (lemmas[i] in FRAMES and pos[i] == "VERB")]


def verb_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """Claims from trigger verbs in one sentence."""
    for tok in _maybe_triggers(view, sent):
        lemma = trigger_lemma(view, tok)
        if lemma is None or lemma not in FRAMES:
            continue
        start, end = view.surface_clause(tok.i)
        # two readings: the parse (gaps filled from linear order) and linear order alone;
        # where both agree the merged claim carries both flags, and confidence weighs them
        readings: list[tuple[str, dict[str, list[tuple[Token, str]]]]] = [
            ("surface_reading", {})]
        if view.trusted(tok):
            # a filler outside the verb's clause is a parse error (", schrijft Bloomberg")
            slots = {slot: [(t, v) for t, v in fillers if start <= t.i < end]
                     for slot, fillers in _dep_slots(view, tok, FRAMES[lemma]).items()}
            readings.insert(0, ("dep_reading", {k: v for k, v in slots.items() if v}))
        for source, slots in readings:
            frame = FRAMES[lemma]
            roles = _roles(view, frame, slots)
            _surface_fill(view, tok, frame, roles, start, end)
            sellers: list[Arg] = []
            if frame.obj_org_predicate and _object_is_org(view, tok, frame, slots, roles, end):
                # "Prosus kocht JET", "Philips verkoopt zijn divisie X aan Y": ownership
                if frame.lemma == "verkopen" and set(_clause_words(view, tok)) & SOLD_WORDS:
                    sellers = list(roles["S"])  # a completed sale, not one announced
                frame = VerbFrame(frame.lemma, frame.obj_org_predicate, frame.obj_org_slots)
                roles = _roles(view, frame, slots)
                _surface_fill(view, tok, frame, roles, start, end)
                if frame.lemma == "verkopen" and not roles["O"]:
                    roles["O"] = _object_before(view, tok, start, {
                        a.entity_id for a in roles["S"] + sellers})
                for c in _combine(view, tok, frame, {**roles, "S": sellers}, start, end):
                    # the seller no longer owns what it sold
                    c.pattern = "verb:verkopen_seller"
                    c.extra[source] = 1.0
                    c.extra["negates"] = 1.0
                    yield c
            if frame.predicate == "supplies" and verb_lemma(tok.text) in {"doen", "stoten",
                                                                           "afstoten"}:
                continue  # "van de hand doen" sells a business, never goods
            if frame.predicate == "produces" and set(view.words(range(start, tok.i))) & \
                    CAUSATIVE:
                # "Apple laat zijn chips bij TSMC maken": the maker is the one after "bij"
                roles = {**roles, "S": _causative_maker(view, tok, start, end)}
            rel = _relative_owned(view, tok.i) if frame.predicate == "owns" else None
            if rel is not None:
                # "ESMC is een joint venture waarin TSMC 70 procent bezit": the owner is
                # named after "waarin", the owned before it
                k, owned = rel
                owners = [a for a in roles["S"] + roles["O"]
                          if k < a.start < tok.i and a.entity_id != owned.entity_id]
                roles = {**roles, "S": owners[:1], "O": [owned]}
            for c in _combine(view, tok, frame, roles, start, end):
                c.extra[source] = 1.0
                if frame.negates:
                    c.extra["negates"] = 1.0
                yield c
        if FRAMES[lemma].predicate == "produces" and not FRAMES[lemma].negates:
            yield from _made_for(view, tok, lemma, start, end)


def _made_for(view: DocView, verb: Token, lemma: str, start: int, end: int
              ) -> Iterator[Candidate]:
    """"VDL bouwt waferhandlers voor ASML", "Thales bouwt radars voor de Koninklijke Marine":
    goods made for an organisation are supplied to it (only with the goods named, so that
    "maakt plaats voor" or "bouwt aan een relatie voor" stay out)."""
    frame = VerbFrame(lemma, "supplies", {"subj": "S", "obj": "P", "voor": "O"})
    readings: list[tuple[str, dict[str, list[tuple[Token, str]]]]] = [("surface_reading", {})]
    if view.trusted(verb):
        slots = {slot: [(t, v) for t, v in fillers if start <= t.i < end]
                 for slot, fillers in _dep_slots(view, verb, frame).items()}
        readings.insert(0, ("dep_reading", {k: v for k, v in slots.items() if v}))
    for source, slots in readings:
        roles = _roles(view, frame, slots)
        _surface_fill(view, verb, frame, roles, start, end)
        for c in _combine(view, verb, frame, roles, start, end):
            if c.product is None or c.object.type not in ORG or c.subject.type not in ORG:
                continue
            c.extra[source] = 1.0
            yield c


def _roles(view: DocView, frame: VerbFrame,
           slots: dict[str, list[tuple[Token, str]]]) -> dict[str, list[Arg]]:
    roles: dict[str, list[Arg]] = {"S": [], "O": [], "P": [], "T": []}
    for slot, fillers in slots.items():
        role = frame.slots.get(slot)
        for filler, via in fillers:
            args = view.args_of(filler, via)
            if not args and frame.predicate == "restricts" \
                    and filler.lower_ in RESTRICTED_TRADE_NOUNS:
                _trade_noun_roles(view, filler, roles)
                continue
            if not args and frame.predicate == "supplies" and role == "O":
                args = _client_country(view, filler)
            if role:
                roles[role].extend(args)
    for role_args in roles.values():
        # "chips, zoals transistors en diodes": examples the parse did not coordinate
        used = {a.entity_id for a in role_args}
        for a in list(role_args):
            if a.start >= 0:
                _surface_conj(view, a, view.sent_of(a.start).end, role_args, used)
    return roles


def _object_is_org(view: DocView, verb: Token, frame: VerbFrame,
                   slots: dict[str, list[tuple[Token, str]]], roles: dict[str, list[Arg]],
                   end: int) -> bool:
    for filler, via in slots.get("obj", []):
        if any(a.type in ORG and not _governed_by_preposition(view, a.start, max(0, a.start - 5))
               for a in view.args_of(filler, via) if a.start >= 0):
            return True
    if slots.get("obj"):
        return False
    taken = {a.entity_id for a in roles["S"] + roles["O"]}
    for k in range(verb.i + 1, min(end, verb.i + 7)):
        m = view.mention_at(k)
        if view.doc[k].is_punct:
            break
        if m is not None and m.start == k:
            if view.type_of(m) not in ORG:
                return False
            if m.entity_id not in taken and not _governed_by_preposition(view, k, verb.i + 1):
                return True
            break
    # "moest de chipfabriek Newport Wafer Fab verkopen": the object before a final verb
    return bool(frame.lemma == "verkopen" and _object_before(view, verb, max(
        0, view.surface_clause(verb.i)[0]), {a.entity_id for a in roles["S"]}))


def _object_before(view: DocView, verb: Token, start: int, taken: set[str]) -> list[Arg]:
    """The organisation between the subject and a clause-final verb ("moest de chipfabriek
    Newport Wafer Fab verkopen"), not inside a prepositional phrase."""
    if verb.i + 1 < len(view.doc) and view.mention_at(verb.i + 1) is not None:
        return []
    for k in range(verb.i - 1, start - 1, -1):
        m = view.mention_at(k)
        if m is None or m.start != k:
            continue
        if view.type_of(m) in ORG and m.entity_id not in taken and \
                not _governed_by_preposition(view, k, start):
            return [view.arg(m, "surface_before")]
        if view.type_of(m) in ORG:
            return []
    return []


def _trade_noun_roles(view: DocView, noun: Token, roles: dict[str, list[Arg]]) -> None:
    """"de export van ASML/chips naar China": van -> object (or product), naar -> target."""
    for c in noun.children:
        case = _case(c)
        args = view.args_of(c, "dep_trade")
        if case in {"van", "door"}:
            for a in args:
                (roles["P"] if a.type == "PRODUCT" and case == "van" else roles["O"]).append(a)
        elif case in {"naar", "aan"}:
            roles["T"].extend(args)


def _client_country(view: DocView, noun: Token) -> list[Arg]:
    """"aan Chinese klanten", "aan klanten in China": the recipients' country."""
    if noun.lower_ not in CLIENT_NOUNS | {"fabrieken", "bedrijven", "chipfabrikanten"}:
        return []
    for c in noun.children:
        adj = view.adj_by_token.get(c.i)
        if adj is not None:
            return [view.arg(adj, "client_adj")]
        if _case(c) == "in":
            return [a for a in view.args_of(c, "client_in") if a.type == "COUNTRY"]
    for k in range(noun.i - 1, max(view.sent_of(noun.i).start, noun.i - 3) - 1, -1):
        adj = view.adj_by_token.get(k)
        if adj is not None:
            return [view.arg(adj, "client_adj")]
    return []


PASSIVE_AUX = frozenset({"wordt", "worden", "werd", "werden"})


def _surface_fill(view: DocView, verb: Token, frame: VerbFrame, roles: dict[str, list[Arg]],
                  start: int, end: int) -> None:
    """Fill the roles the parse left empty from linear order within the clause."""
    used = {a.entity_id for args in roles.values() for a in args}
    words = view.words(range(start, end))
    passive = bool(PASSIVE_AUX & set(words)) and "door" in words
    subj_role = frame.slots.get("subj")
    obj_role = frame.slots.get("obj")
    if passive and subj_role and not roles[subj_role]:
        # "De F-35 wordt gebouwd door Lockheed Martin": the agent after "door"
        j = start + words.index("door")
        a = _surface_after(view, j, end)
        if a is not None:
            roles[subj_role].append(Arg(a.entity_id, a.type, a.start, a.end, "surface_passive"))
            used.add(a.entity_id)
            _surface_conj(view, a, end, roles[subj_role], used)
    for slot, role in frame.slots.items():
        if slot in {"subj", "obj"} or roles[role]:
            continue
        for j in range(start, end):
            if view.doc[j].lower_ == slot:
                a = _surface_after(view, j, end)
                if a is None and frame.predicate == "partner_of":
                    # "werkt mee aan de ontwikkeling van hypersone raketten": the goods
                    a = next((_surface_after(view, k, end, limit=4) for k in range(
                        j + 1, min(end, j + 4)) if view.doc[k].lower_ == "van"
                        and _of_production(view, k + 1)), None)
                if a is None:
                    a = _surface_example(view, j, end)
                if a is None:
                    a = _surface_client(view, j, end) if frame.predicate == "supplies" else None
                if a is not None and a.entity_id not in used:
                    if role == "O" and frame.predicate == "supplies" and a.type == "PRODUCT":
                        continue
                    roles[role].append(a)
                    used.add(a.entity_id)
                    _surface_conj(view, a, end, roles[role], used)
                    break
    if subj_role and not roles[subj_role]:
        a = _surface_subject(view, verb, start, end, used)
        if a is not None:
            roles[subj_role].append(a)
            used.add(a.entity_id)
            _surface_conj(view, a, end, roles[subj_role], used)
    recipient = frame.slots.get("aan")
    if recipient == "O" and not roles["O"] and frame.predicate == "supplies":
        # "Bluefors leverde het instituut twee koelers": the indirect object right after
        for k in range(verb.i + 1, min(end, verb.i + 4)):
            m = view.mention_at(k)
            if view.doc[k].is_punct:
                break
            if m is None:
                continue
            if m.entity_id not in used and view.type_of(m) in ORG and \
                    not _governed_by_preposition(view, k, verb.i + 1):
                roles["O"].append(view.arg(m, "surface_iobj"))
                used.add(m.entity_id)
            break
    if obj_role and not roles[obj_role]:
        wanted = {"PRODUCT"} if obj_role in {"P", "O"} and frame.predicate in {
            "produces", "supplies"} else ORG | {"COUNTRY", "PRODUCT"}
        first = view.doc[start]
        after = [m for k in range(verb.i + 1, end) if (m := view.mention_at(k)) is not None
                 and m.start == k and view.type_of(m) in wanted and m.entity_id not in used
                 and not _governed_by_preposition(view, k, verb.i + 1)]
        if first.lower_ in RELATIVE_PRONOUNS and start > 0 and not after:
            # "de ziekenhuisapparatuur die Philips zelf bouwt": the antecedent is the object
            # (a relative clause ends in its verb: an object after the verb is the verb's own)
            ante = view.mention_at(start - 1) or (view.mention_at(start - 2)
                                                  if view.doc[start - 1].text == "," else None)
            if ante is not None and view.type_of(ante) in wanted and ante.entity_id not in used:
                roles[obj_role].append(view.arg(ante, "relpron_object"))
                used.add(ante.entity_id)
                return
        for k in list(range(verb.i + 1, end)) + list(range(verb.i - 1, start - 1, -1)):
            m = view.mention_at(k)
            if m is None or m.entity_id in used or view.type_of(m) not in wanted:
                continue
            if _governed_by_preposition(view, m.start, start) and not _of_production(
                    view, m.start, SHARE_NOUNS if frame.predicate == "owns" else PRODUCTION_NOUNS):
                continue
            a = view.arg(m, "surface")
            if k < verb.i:
                a = _surface_conj_back(view, a, start, roles[obj_role], used)
            roles[obj_role].append(a)
            used.add(a.entity_id)
            _surface_conj(view, a, end, roles[obj_role], used)
            break
        if not roles[obj_role] and passive and first.lower_ in {"die", "deze", "ze", "zij"} \
                and start > 0 and "PRODUCT" in wanted:
            # "Die worden ontworpen door HiSilicon": the goods named just before
            prev = view.sent_of(start - 1) if start == view.sent_of(start).start else None
            for k in range((prev.end if prev else start) - 1, (prev.start if prev else start)
                           - 1, -1):
                m = view.mention_at(k)
                if m is not None and view.type_of(m) == "PRODUCT":
                    roles[obj_role].append(view.arg(m, "pronoun_product"))
                    break


PRODUCTION_NOUNS = frozenset({"productie", "ontwikkeling", "bouw", "fabricage", "levering",
                              "leveringen", "verkoop", "export", "uitvoer", "assemblage"})


SHARE_NOUNS = frozenset({"procent", "deel", "helft", "meerderheid", "aandelen", "derde",
                         "vijfde", "kwart", "rest"})


def _of_production(view: DocView, k: int, nouns: frozenset[str] = PRODUCTION_NOUNS) -> bool:
    """"de productie van vaccins", "35 procent van Euromax": the goods of a production or
    trade noun, the firm of a share."""
    doc = view.doc
    j = k - 1
    while j > 0 and doc[j].lower_ in {"de", "het", "een"}:
        j -= 1
    return j > 0 and doc[j].lower_ == "van" and doc[j - 1].lower_ in nouns


def _surface_example(view: DocView, j: int, end: int) -> Arg | None:
    """"bij Nederlandse start-ups, zoals Avy": an unnamed group after the preposition, then
    the organisation given as its example."""
    doc = view.doc
    for k in range(j + 1, min(end, j + 6)):
        if doc[k].lower_ == "zoals":
            a = _surface_after(view, k, end, limit=2)
            return a if a is not None and a.type in ORG else None
        if view.mention_at(k) is not None and k not in view.adj_by_token or \
                doc[k].lower_ in PREPOSITIONS or doc[k].pos_ in {"VERB", "AUX"}:
            return None
    return None


def _surface_client(view: DocView, j: int, end: int) -> Arg | None:
    """"aan Chinese klanten", "aan (andere) klanten in China": the recipients' country."""
    for k in range(j + 1, min(end, j + 4)):
        if view.doc[k].lower_ in CLIENT_NOUNS or view.doc[k].lower_.endswith(
                ("fabrieken", "bedrijven", "fabrikanten", "klanten", "afnemers")):
            for a in range(k - 1, j, -1):
                if a in view.adj_by_token:
                    return view.arg(view.adj_by_token[a], "client_adj")
            if k + 1 < end and view.doc[k + 1].lower_ == "in":
                place = _surface_after(view, k + 1, end, limit=3)
                if place is not None and place.type == "COUNTRY":
                    return Arg(place.entity_id, place.type, place.start, place.end, "client_in")
            return None
    return None


def _surface_conj_back(view: DocView, last: Arg, start: int, out: list[Arg],
                       used: set[str]) -> Arg:
    """"staartdelen en vleugelkleppen ... maakt": walk back over coordinated mentions; the
    earlier ones go to ``out``, the returned one is the rightmost."""
    k = last.start - 1
    while k > start and view.doc[k].lower_ in {",", "en", "of"}:
        m = view.mention_at(k - 1)
        if m is None or view.type_of(m) != last.type or m.entity_id in used:
            break
        out.append(view.arg(m, "conj_surface"))
        used.add(m.entity_id)
        k = m.start - 1
    return last


def _surface_conj(view: DocView, first: Arg, end: int, out: list[Arg], used: set[str]) -> None:
    """Mentions coordinated after ``first`` in linear order: ", M" / "en M" / "of M", and
    examples of a product: "chips, zoals transistors en diodes"."""
    k = first.end
    while k < end - 1 and view.doc[k].lower_ in {",", "en", "of", "zoals", "als"}:
        j = k + 1
        while j < end and (view.doc[j].lower_ in {"de", "het", "een", "en", "zoals", "als", "van"}
                           or (j in view.adj_by_token and view.mention_at(j) is None)):
            j += 1  # "het Taiwanese TSMC, het Amerikaanse Intel en ..."
        m = view.mention_at(j)
        if m is None or m.start != j:
            return
        m = view.named_after(m) or m  # "en tankopslagbedrijf Vopak": the name
        if view.type_of(m) != first.type:
            return
        if m.entity_id not in used and m.entity_id not in {a.entity_id for a in out}:
            out.append(view.arg(m, "conj_surface"))
            used.add(m.entity_id)
        k = m.end


def _combine(view: DocView, verb: Token, frame: VerbFrame, roles: dict[str, list[Arg]],
             start: int, end: int) -> Iterator[Candidate]:
    subjects, objects = roles["S"], roles["O"]
    product = next((a for a in roles["P"] if a.type == "PRODUCT"), None)
    target = roles["T"][0] if roles["T"] else None
    if frame.predicate == "restricts":
        if not objects:
            objects = [product] if product else ([target] if target else [])
        objects = [r for o in objects for r in _restricted_party(view, o, end)]
        if product is None:
            product = next((o for o in roles["O"] if o.type == "PRODUCT"), None)
    if frame.lemma in GOODS_ONLY_LEMMAS and product is None:
        return  # "kreeg een boete van de rechtbank": no goods, no supply
    if frame.predicate in {"supplies", "produces"} and _prohibited_infinitive(view, verb, start):
        return  # "verbiedt Nvidia om chips naar China te exporteren": no supply is stated
    if frame.lemma == "verkopen" and frame.predicate == "supplies" and _sells_a_unit(view, verb,
                                                                                    end):
        return  # "Philips verkoopt zijn tak voor ...": a sale of a business, not goods
    sent = view.sent_of(verb.i)
    here = [a for a in subjects + objects if sent.start <= a.start < sent.end]
    lo = min([verb.i] + [a.start for a in here])
    hi = max([verb.i + 1] + [a.end for a in here])
    scope = (min(lo, start), max(hi, end))
    if frame.lemma == "werken":
        objects = [o for o in objects if o.type in ORG]  # "werkt met chips" is no partnership
    for s in subjects:
        for o in objects:
            if s.entity_id == o.entity_id:
                continue
            yield Candidate(
                frame.predicate, s, o, verb.i, "verb", f"verb:{frame.lemma}", scope,
                product=product if product and product.entity_id != o.entity_id else None,
                target=target if frame.predicate == "restricts" and target
                and target.entity_id != o.entity_id else None,
            )


def _restricted_party(view: DocView, obj: Arg, end: int) -> list[Arg]:
    """For restrictions the party, not its goods: "onderdelen van Huawei en ZTE" -> the firms,
    "Russisch lng" / "lng uit Rusland" -> the country; otherwise the object itself."""
    if obj.type != "PRODUCT" or obj.start < 0:
        return [obj]
    doc = view.doc
    if obj.end < end and doc[obj.end].lower_ in {"van", "uit"}:
        party = _surface_after(view, obj.end, end, limit=4)
        if party is not None and (party.type in ORG or party.type == "COUNTRY"):
            out = [party]
            _surface_conj(view, party, end, out, {party.entity_id})
            return out
    for k in range(obj.start - 1, max(-1, obj.start - 3), -1):
        if k in view.adj_by_token:
            return [view.arg(view.adj_by_token[k], "adjective")]
    return [obj]


def _prohibited_infinitive(view: DocView, verb: Token, start: int) -> bool:
    doc = view.doc
    if verb.i == 0 or doc[verb.i - 1].lower_ != "te":
        return False
    before = view.words(range(start, verb.i))
    return "om" in before and any(w.startswith(("verbied", "verbood", "verboden"))
                                  for w in before)


def _sells_a_unit(view: DocView, verb: Token, end: int) -> bool:
    """"verkoopt zijn tak voor ...", "verkoopt een deel van zijn belang": no goods are sold."""
    for k in range(verb.i + 1, min(end, verb.i + 7)):
        low = view.doc[k].lower_
        rel = relation_noun(low)
        if low.endswith(("tak", "bedrijfsonderdeel", "activiteiten")) and k < verb.i + 4:
            return True  # "verkoopt zijn composietentak": a business, not goods
        if (rel is not None and rel[0] == "subsidiary_of" and k < verb.i + 4) or low in {
                "belang", "aandelen", "aandelenbelang", "meerderheidsbelang", "minderheidsbelang"}:
            return True
    return False


# --- relational nouns ------------------------------------------------------------------------
def _relation_word(low: str) -> bool:
    """Can the (lower-case) word open a relational-noun reading (the loop's first test)?"""
    return low == "handen" or relation_noun(low) is not None


def noun_candidates(view: DocView, sent: Span, recent_suppliers: list[Arg]) -> Iterator[Candidate]:
    """"X is een dochterbedrijf van Y", "HiSilicon, een dochter van Huawei", "Y was klant van X",
    "X is in handen van Y"; ``recent_suppliers`` answers "Ook Z was klant" (of whom?)."""
    doc = view.doc
    for tok in view.toks_where(sent, _relation_word):
        if tok.lower_ == "handen" and tok.i > sent.start + 1 and doc[tok.i - 2].lower_ == "in" \
                and tok.i - 1 in view.adj_by_token:
            # "Nexperia is sinds 2019 in Chinese handen": the country owns it
            start, end = view.surface_clause(tok.i)
            country = view.arg(view.adj_by_token[tok.i - 1], "adjective")
            for x in _described(view, doc[tok.i - 1], start, end):
                yield Candidate("owns", country, x, tok.i, "noun", "noun:owns",
                                (max(start, tok.i - 4), min(end, tok.i + 1)))
            continue
        if tok.lower_ == "handen" and tok.i > sent.start and doc[tok.i - 1].lower_ == "in":
            rel: tuple[str, bool] | None = ("owns", True)
        else:
            rel = relation_noun(tok.text)
        if rel is None:
            continue
        predicate, inverted = rel
        start, end = view.surface_clause(tok.i)
        described = _described(view, tok, start, end)
        complement = _van_complement(view, tok, end)
        if tok.lower_ == "handen" and complement:
            complement += _further_share_owners(view, complement, end)
        if predicate == "supplies" and not inverted:
            if complement and all(a.type == "PRODUCT" for a in complement):
                # "leverancier van kobalt voor Chinese batterijfabrikanten zoals CATL"
                complement = _recipients_after(view, complement[-1].end, end)
            if tok.i > start + 1 and "als" in view.words(range(max(start, tok.i - 3), tok.i)):
                # "KPN heeft Ericsson gekozen als nieuwe leverancier": supplier before "als",
                # the chooser is the recipient
                als = max(k for k in range(max(start, tok.i - 3), tok.i)
                          if doc[k].lower_ == "als")
                chosen = next((view.arg(view.mention_at(k), "surface")  # type: ignore[arg-type]
                               for k in range(als - 1, start - 1, -1)
                               if view.mention_at(k) is not None
                               and view.type_of(view.mention_at(k)) in ORG), None)  # type: ignore[arg-type]
                chooser = _surface_subject(view, tok, start, als, set())
                if chosen is not None and chooser is not None and chooser.type in ORG:
                    described, complement = [chosen], [chooser]
        if not complement and predicate == "supplies" and inverted:
            # "Voor NXP is Huawei geen grote klant meer": the supplier after "voor"
            for j in range(start, tok.i):
                if doc[j].lower_ == "voor":
                    a = _surface_after(view, j, tok.i, limit=3)
                    if a is not None and a.type in ORG:
                        complement = [Arg(a.entity_id, a.type, a.start, a.end, "voor")]
                        break
        if not complement and predicate == "supplies" and inverted:
            # "Ook Z was klant", "Grote klanten zijn X en Y": of the supplier just named, or
            # else of the firm the article is about (the most mentioned one so far)
            a = recent_suppliers[-1] if recent_suppliers else _main_firm(view, sent.start)
            if a is not None:
                complement = [Arg(a.entity_id, a.type, a.start, a.end, "discourse")]
        if not complement and predicate == "subsidiary_of" and tok.i > sent.start and \
                view.doc[tok.i - 1].lower_ in {"zijn", "haar", "hun"}:
            # "Philips verkoopt zijn divisie Emergency Care": the name after, the owner before
            named = view.mention_at(tok.i + 1) if tok.i + 1 < end else None
            owner = _surface_subject(view, tok, start, tok.i, set())
            if named is not None and owner is not None:
                described, complement = [view.arg(named, "next")], [owner]
        elif not complement and predicate == "subsidiary_of" and not described and \
                tok.i + 1 < end and tok.lower_ in {"dochter", "dochterbedrijf",
                                                   "dochteronderneming"}:
            # "de terugroepactie bij dochter Philips Respironics": a subsidiary of the firm
            # the article is about
            named = view.mention_at(tok.i + 1)
            owner = _main_firm(view, tok.i)
            if named is not None and named.start == tok.i + 1 and view.type_of(named) in ORG \
                    and owner is not None and owner.entity_id != named.entity_id:
                described, complement = [view.arg(named, "next")], [owner]
        for x in described:
            for y in complement:
                s, o = (y, x) if inverted else (x, y)
                if s.entity_id != o.entity_id:
                    # negation of a relation noun sits right before it: "geen dochter meer"
                    yield Candidate(predicate, s, o, tok.i, "noun", f"noun:{predicate}",
                                    (max(start, tok.i - 4), min(end, tok.i + 1)))
    yield from _client_candidates(view, sent)
    yield from _together_candidates(view, sent)
    yield from _org_of_org_candidates(view, sent)
    yield from _stake_candidates(view, sent)
    yield from _order_candidates(view, sent, recent_suppliers)
    yield from _production_candidates(view, sent)


# "de productie van de A350": nouns that name making goods (not "levering": that is supply)
MAKING_NOUNS = frozenset({"productie", "fabricage", "assemblage", "massaproductie",
                          "serieproductie"})


def _production_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Airbus wil de productie van de A350 opvoeren", "nadat BMW stopte met de productie van
    de Mini" (negated by the stop verb): the clause subject makes the goods."""
    doc = view.doc
    for tok in view.toks_in(sent, MAKING_NOUNS):
        if tok.lower_ not in MAKING_NOUNS or tok.i + 1 >= sent.end or \
                doc[tok.i + 1].lower_ != "van":
            continue
        start, end = view.surface_clause(tok.i)
        if any(trigger_lemma(view, doc[k]) in FRAMES for k in range(start, end)):
            continue  # a trigger verb reads it: "bouwt de productie van vaccins af"
        goods = _surface_after(view, tok.i + 1, end, limit=3)
        if goods is None or goods.type != "PRODUCT":
            continue
        maker = _surface_subject(view, tok, start, tok.i, {goods.entity_id})
        if maker is None or maker.type not in ORG:
            continue
        yield Candidate("produces", maker, goods, tok.i, "noun", "production_of", (start, end))


# Words of a share before "in handen van": "voor een vijfde", "voor 70 procent", "voor het
# grootste deel", "voor de helft", "in meerderheid".
SHARE_WORDS = frozenset({"voor", "procent", "deel", "helft", "vijfde", "derde", "kwart",
                         "vierde", "meerderheid", "minderheid", "gedeeltelijk", "deels",
                         "volledig", "grotendeels", "overgrote", "%"})


def _further_share_owners(view: DocView, owners: list[Arg], end: int) -> list[Arg]:
    """"in handen van de gemeente Rotterdam en voor 30 procent van de Nederlandse staat": the
    owner of the next share, named after "en voor ... van"."""
    doc = view.doc
    k = max(a.end for a in owners)
    if k + 1 >= end or doc[k].lower_ != "en" or doc[k + 1].lower_ != "voor":
        return []
    for j in range(k + 2, min(end, k + 7)):
        w = doc[j]
        if w.lower_ == "van":
            a = _surface_after(view, j, end, limit=4)
            return [a] if a is not None and a.type in ORG | {"COUNTRY"} and a.entity_id not in {
                o.entity_id for o in owners} else []
        if not (w.like_num or w.lower_ in SHARE_WORDS | SKIPPABLE):
            return []
    return []


ORDER_NOUNS = frozenset({"order", "orders", "bestelling", "bestellingen", "opdracht",
                         "opdrachten", "aankoop", "aankopen"})


def _order_candidates(view: DocView, sent: Span, recent_suppliers: list[Arg]
                      ) -> Iterator[Candidate]:
    """"Thales kondigde een order van de Poolse regering aan", "een bestelling van drones bij
    Baykar": the customer after "van", the supplier after "bij", else the clause subject."""
    doc = view.doc
    for tok in view.toks_in(sent, ORDER_NOUNS):
        start, end = view.surface_clause(tok.i)
        customer = supplier = None
        for j in range(tok.i + 1, min(end, tok.i + 8)):
            if doc[j].is_punct:
                break
            if doc[j].lower_ == "van" and customer is None:
                a = _surface_after(view, j, end, limit=4)
                if a is not None and a.type in ORG | {"COUNTRY"}:
                    customer = a
            elif doc[j].lower_ == "bij" and supplier is None:
                a = _surface_after(view, j, end, limit=4)
                if a is not None and a.type in ORG:
                    supplier = a
        if supplier is None:
            taken = {customer.entity_id} if customer else set()
            supplier = _surface_subject(view, tok, start, end, taken)
            if supplier is not None and supplier.type not in ORG:
                supplier = None
        if supplier is None and recent_suppliers:
            s = recent_suppliers[-1]
            supplier = Arg(s.entity_id, s.type, s.start, s.end, "discourse")
        if customer is None and supplier is not None and supplier.via != "discourse":
            continue
        if customer is not None and supplier is not None and \
                customer.entity_id != supplier.entity_id:
            # "een order van X ging niet door": the negation follows the noun phrase
            yield Candidate("supplies", supplier, customer, tok.i, "noun", "order",
                            (max(start, tok.i - 4), end), extra={"tail_negation": 1.0})

STAKE_NOUNS = frozenset({"belang", "meerderheidsbelang", "minderheidsbelang", "aandelenbelang",
                         "aandeel", "deelneming", "stake"})
TAKEOVER_NOUNS = frozenset({"overname", "overnamebod", "bod", "acquisitie", "inlijving"})


CAUSATIVE = frozenset({"laat", "laten", "liet", "lieten"})


def _causative_maker(view: DocView, verb: Token, start: int, end: int) -> list[Arg]:
    """The organisation after "bij" or "door" in a causative clause, or none."""
    for k in range(start, end):
        if view.doc[k].lower_ in {"bij", "door"}:
            a = _surface_after(view, k, end, limit=5)
            if a is not None and a.type in ORG:
                return [Arg(a.entity_id, a.type, a.start, a.end, "surface_causative")]
    return []


RELATIVE_IN = frozenset({"waarin", "waarvan", "waarbij"})
SALE_FORMS = frozenset({"verkoopt", "verkocht", "verkopen", "verkochten", "verkoop"})


def _relative_owned(view: DocView, i: int) -> tuple[int, Arg] | None:
    """(index of "waarin", the organisation it stands for) when token ``i`` sits in a
    "waarin/waarvan" clause: "Hensoldt, waarin de Duitse staat een belang heeft", "een joint
    venture waarin TSMC 70 procent bezit" (the name of the copula before)."""
    doc = view.doc
    sent = view.sent_of(i)
    k = next((j for j in range(i - 1, max(sent.start, i - 10) - 1, -1)
              if doc[j].lower_ in RELATIVE_IN), None)
    if k is None or any(doc[j].text in {",", ";"} for j in range(k + 1, i)):
        return None
    for j in range(k - 1, max(sent.start, k - 7) - 1, -1):
        m = view.mention_at(j)
        if m is not None:
            return (k, view.arg(m, "relin")) if view.type_of(m) in ORG else None
        if doc[j].is_punct and doc[j].text != ",":
            return None
    return None


def _stake_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"TotalEnergies houdt een belang van 20 procent in Yamal LNG", "de overname van X (door
    Y)", "een joint venture van X en Y": owns."""
    doc = view.doc
    for tok in view.toks(sent):
        low = tok.lower_
        start, end = view.surface_clause(tok.i)
        if low in STAKE_NOUNS:
            j = next((k for k in range(tok.i + 1, min(end, tok.i + 7)) if doc[k].lower_ == "in"),
                     None)
            owned = _surface_after(view, j, end, limit=4) if j is not None else None
            rel = _relative_owned(view, tok.i) if owned is None else None
            if rel is not None:
                # "Hensoldt, waarin de Duitse staat een belang van 25 procent heeft"
                k, owned = rel
                owner = next((view.arg(m, "surface") for q in range(k + 1, tok.i)
                              if (m := view.mention_at(q)) is not None and m.start == q
                              and view.type_of(m) in ORG | {"COUNTRY"}
                              and not _governed_by_preposition(view, q, k + 1)), None)
                if owner is not None and owner.entity_id != owned.entity_id:
                    yield Candidate("owns", owner, owned, tok.i, "noun", "stake",
                                    (k, min(end, tok.i + 6)))
                continue
            if owned is None and set(view.words(range(start, tok.i))) & SALE_FORMS:
                # "Maasmond verkoopt een belang van 40 procent aan China Merchants"
                aan = next((q for q in range(tok.i + 1, min(end, tok.i + 8))
                            if doc[q].lower_ == "aan"), None)
                buyer = _surface_after(view, aan, end, limit=4) if aan is not None else None
                seller = _surface_subject(view, tok, start, tok.i, set())
                if buyer is not None and seller is not None and buyer.type in ORG | {
                        "COUNTRY"} and seller.type in ORG and buyer.entity_id != seller.entity_id:
                    yield Candidate("owns", buyer, seller, tok.i, "noun", "stake", (start, end))
                continue
            if owned is None or owned.type not in ORG:
                continue
            owner = view.org_at(tok.i - 1) if tok.i > start else None
            owner = owner or _surface_subject(view, tok, start, tok.i, {owned.entity_id})
            if owner is not None and owner.type in ORG | {"COUNTRY"} and \
                    owner.entity_id != owned.entity_id:
                yield Candidate("owns", owner, owned, tok.i, "noun", "stake", (start, end))
        elif low in TAKEOVER_NOUNS and tok.i + 1 < end and doc[tok.i + 1].lower_ == "van":
            owned = _surface_after(view, tok.i + 1, end, limit=4)
            if owned is None or owned.type not in ORG:
                continue
            by = next((k for k in range(owned.end, min(end, owned.end + 3))
                       if doc[k].lower_ == "door"), None)
            owner = _surface_after(view, by, end, limit=4) if by is not None else None
            owner = owner or _surface_subject(view, tok, start, tok.i, {owned.entity_id})
            if owner is not None and owner.type in ORG and owner.entity_id != owned.entity_id:
                yield Candidate("owns", owner, owned, tok.i, "noun", "takeover", (start, end))
        elif (low == "venture" and tok.i > 0 and doc[tok.i - 1].lower_ == "joint") or \
                low in {"joint-venture", "jv"}:
            if tok.i + 1 >= end or doc[tok.i + 1].lower_ != "van":
                continue
            first = _surface_after(view, tok.i + 1, end, limit=3)
            if first is None or first.type not in ORG:
                continue
            owners = [first]
            _surface_conj(view, first, end, owners, {first.entity_id})
            described = _described(view, doc[tok.i - 1] if low == "venture" else tok,
                                   start, end)
            for x in described:
                for o in owners:
                    if o.entity_id != x.entity_id:
                        yield Candidate("owns", o, x, tok.i, "noun", "joint_venture",
                                        (start, end))


def _client_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Eneco heeft klanten in Nederland en België", "Engie zet het gas door naar Belgische en
    Franse klanten", "zijn Chinese omzet", "omzet uit China": supplies(subject, country)."""
    doc = view.doc
    for tok in view.toks_in(sent, CLIENT_NOUNS | {"omzet"}):
        start, end = view.surface_clause(tok.i)
        countries: list[Arg] = []
        k = tok.i - 1
        while k >= start and (k in view.adj_by_token or doc[k].lower_ in {"en", ","}):
            if k in view.adj_by_token:
                countries.append(view.arg(view.adj_by_token[k], "client_adj"))
            k -= 1
        if not countries and tok.i + 1 < end and doc[tok.i + 1].lower_ in {"in", "uit"}:
            place = _surface_after(view, tok.i + 1, end, limit=3)
            if place is not None and place.type == "COUNTRY":
                countries = [place]
                _surface_conj(view, place, end, countries, {place.entity_id})
        if not countries or (tok.i + 1 < end and doc[tok.i + 1].lower_ == "van"):
            continue
        supplier = _surface_subject(view, tok, start, tok.i, set())
        if supplier is None or supplier.type not in ORG:
            continue
        for c in countries:
            yield Candidate("supplies", supplier, c, tok.i, "client", "client_country",
                            (start, end))


def _together_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"X bouwt samen met Y", "een samenwerking met Y": partner_of(X, Y)."""
    doc = view.doc
    for tok in view.toks(sent):
        low = tok.lower_
        start, end = view.surface_clause(tok.i)
        if low == "samen" and (tok.i + 1 >= end or doc[tok.i + 1].lower_ != "met"):
            # "Umicore en Samsung SDI gaan samen batterijmaterialen produceren"
            lead = _surface_subject(view, tok, start, tok.i, set())
            plural = view.plural_antecedents(start) if start < tok.i else []
            if plural:
                # "De twee bedrijven werken samen in ...": the two named last
                for n, a in enumerate(plural):
                    for b in plural[n + 1:]:
                        yield Candidate("partner_of", a, b, tok.i, "noun", "together_group",
                                        (start, end))
                continue
            if lead is not None and lead.type in ORG and lead.start >= start:
                group = [lead]
                _surface_conj(view, lead, tok.i, group, {lead.entity_id})
                for p in group[1:]:
                    yield Candidate("partner_of", lead, p, tok.i, "noun", "together_group",
                                    (start, end))
            continue
        if not ((low == "samen" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "met")
                or low.startswith(("samenwerking", "partnerschap", "alliantie", "licentiedeal",
                                   "licentieovereenkomst"))):
            continue
        reach = 8 if tok.i + 1 < end and doc[tok.i + 1].lower_ == "van" else 4
        met = next((j for j in range(tok.i + 1, min(end, tok.i + reach))
                    if doc[j].lower_ in {"met", "tussen"}), None)
        if met is None:
            continue
        partner = _surface_after(view, met, end)
        if partner is None or partner.type not in ORG:
            continue
        partners = [partner]
        _surface_conj(view, partner, end, partners, {partner.entity_id})
        before = view.org_at(tok.i - 1) if tok.i > start else None
        of = _surface_after(view, tok.i + 1, met, limit=4) if tok.i + 1 < met and \
            doc[tok.i + 1].lower_ == "van" else None
        if of is not None and of.type in ORG:
            before = of  # "de samenwerking van de KU Leuven met de Zhejiang-universiteit"
        lead = before or _surface_subject(view, tok, start, tok.i, {partner.entity_id})
        if doc[met].lower_ == "tussen" and len(partners) > 1:
            lead, partners = partners[0], partners[1:]
        if lead is None or lead.type not in ORG:
            continue
        for p in partners:
            if p.entity_id != lead.entity_id:
                yield Candidate("partner_of", lead, p, tok.i, "noun", "together", (start, end))


def _org_of_org_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """"Hutchison Ports, het havenbedrijf van CK Hutchison", "QuTech, het quantuminstituut
    van de TU Delft en TNO": an organisation described as another's -> subsidiary_of."""
    doc = view.doc
    for tok in view.toks(sent):
        if not is_org_head(tok.text) or relation_noun(tok.text) is not None:
            continue
        if tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "van":
            continue
        start, end = view.surface_clause(tok.i)
        parent = _surface_after(view, tok.i + 1, end, limit=4)
        if parent is None or parent.type not in ORG:
            continue
        k = tok.i - 1
        while k >= start and view.mention_at(k) is None and (
                doc[k].lower_ in SKIPPABLE or doc[k].pos_ == "ADJ" or k in view.adj_by_token):
            k -= 1
        if k < start or doc[k].text != ",":
            continue
        m = view.mention_at(k - 1)
        if m is None or view.type_of(m) not in ORG:
            continue
        parents = [parent]
        _surface_conj(view, parent, end, parents, {parent.entity_id})
        for y in parents:
            if y.entity_id != m.entity_id:
                yield Candidate("subsidiary_of", view.arg(m, "appos_surface"), y, tok.i, "noun",
                                "org_of_org", (start, end))


def _described(view: DocView, noun: Token, start: int, end: int) -> list[Arg]:
    """The entities a relational noun is said of: copula subject, apposition anchor, or the
    mention the noun is part of."""
    m = view.mention_at(noun.i)
    if m is not None:
        return [view.arg(m, "self")]
    # "PowerCo, de batterijdochter van Volkswagen": a comma apposition is read off the text
    k = noun.i - 1
    while k > start and (view.doc[k].lower_ in {"de", "het", "een"} or
                         view.doc[k].pos_ == "ADJ" or k in view.adj_by_token):
        k -= 1
    if k >= start and view.doc[k].text == "," and k > 0:
        before = k - 1
        first = view.sent_of(noun.i).start
        if view.doc[before].text == ")":
            # "Het Bureau Toetsing Investeringen (BTI), onderdeel van ...": skip the brackets
            while before > first and view.doc[before].text != "(":
                before -= 1
            before -= 1
        elif k == start:
            before = -1  # the clause does not start at a bracket: nothing before it counts
        am = view.mention_at(before) if before >= first else None
        if am is not None and view.type_of(am) in ORG:
            return [view.arg(am, "appos_surface")]
    if view.trusted(noun):
        if any(c.dep_ == "cop" for c in noun.children):
            for c in noun.children:
                if c.dep_ in {"nsubj", "nsubj:pass"}:
                    args = view.args_of(c, "cop")
                    if args:
                        return _with_preceding_conjuncts(view, args, start)
        if noun.dep_ == "appos":
            args = view.args_of(noun.head, "appos")
            if args:
                return args
    # linear order: "M (,|is|was) (een|de) ADJ* noun"
    k = noun.i - 1
    skip = SKIPPABLE | COPULAS | {","}
    if noun.lower_ == "handen":
        k -= 1  # "in handen van"
        # "Het Russische gasbedrijf, voor een vijfde in handen van ...": a share in between
        skip = skip | SHARE_WORDS
    while k >= start and (view.doc[k].lower_ in skip or view.doc[k].like_num
                          or view.doc[k].pos_ in {"ADJ", "ADV"} or k in view.adj_by_token) \
            and view.mention_at(k) is None:
        k -= 1
    m = view.mention_at(k) if k >= start else None
    if m is not None and "," not in view.words(range(m.end, noun.i)) and \
            _governed_by_preposition(view, m.start, start):
        m = None  # "volgens marktonderzoeker Kpler ... de grootste leverancier": not described
    if m is not None and set(view.words(range(k + 1, noun.i))) & COPULAS:
        # "X dat een product kocht bij ASML is een dochter van Y": the copula's subject is
        # the antecedent of the relative clause, not the nearest mention
        for r in range(start + 1, m.start):
            if view.doc[r].lower_ in RELATIVE_PRONOUNS:
                ante = view.mention_at(r - 1) or (view.mention_at(r - 2)
                                                  if view.doc[r - 1].text == "," else None)
                if ante is not None and view.type_of(ante) in ORG:
                    m = ante
                    break
    if m is not None and view.type_of(m) in ORG:
        out = [view.arg(m, "surface")]
        # "Volkswagen en BMW zijn klant": coordinated mentions before
        j = m.start - 1
        while j > start and view.doc[j].lower_ in {",", "en"}:
            pm = view.mention_at(j - 1)
            if pm is None or view.type_of(pm) not in ORG:
                break
            out.append(view.arg(pm, "conj_surface"))
            j = pm.start - 1
        return out
    if set(view.words(range(start, min(end, noun.i + 3)))) & COPULAS:
        # "Prosus is namelijk ook de grootste aandeelhouder", "Eneco, dat sinds 2020 in
        # handen is van ...", "Tot de afnemers behoren SMIC en CXMT": the clause subject
        a = _surface_subject(view, noun, start, end, set())
        if a is not None and a.type in ORG:
            out = [a]
            if a.start >= start:
                _surface_conj(view, a, end, out, {a.entity_id})
            return _with_preceding_conjuncts(view, out, start) if a.start >= start else out
    return []


def _main_firm(view: DocView, before: int) -> Arg | None:
    counts: dict[str, int] = {}
    last: dict[str, MentionLike] = {}
    for i in range(before):
        m = view.mention_at(i)
        if m is not None and m.start == i and view.type_of(m) == "FIRM":
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
            last[m.entity_id] = m
    if not counts:
        return None
    best = max(counts, key=lambda e: counts[e])
    return view.arg(last[best], "discourse") if counts[best] >= 2 else None


def _recipients_after(view: DocView, k: int, end: int) -> list[Arg]:
    doc = view.doc
    for j in range(k, min(end, k + 2)):
        if doc[j].lower_ in {"voor", "aan"}:
            a = _surface_after(view, j, end, limit=5)
            if a is None:
                # "voor Chinese batterijfabrikanten zoals CATL": the example names them
                for z in range(j + 1, min(end, j + 6)):
                    if doc[z].lower_ in {"zoals", "als"}:
                        a = _surface_after(view, z, end, limit=2)
                        break
            if a is not None and a.type in ORG | {"COUNTRY"}:
                out = [a]
                _surface_conj(view, a, end, out, {a.entity_id})
                return out
    return []


def _with_preceding_conjuncts(view: DocView, args: list[Arg], start: int) -> list[Arg]:
    """"Volkswagen en BMW zijn klant": the parse may give only the last conjunct."""
    out = list(args)
    first = min(args, key=lambda a: a.start)
    if first.start < 0:
        return out
    j = first.start - 1
    while j > start and view.doc[j].lower_ in {",", "en"}:
        pm = view.mention_at(j - 1)
        if pm is None or view.type_of(pm) != first.type or pm.entity_id in {
                a.entity_id for a in out}:
            break
        out.append(view.arg(pm, "conj_surface"))
        j = pm.start - 1
    return out


def _van_complement(view: DocView, noun: Token, end: int) -> list[Arg]:
    if view.trusted(noun):
        for c in noun.children:
            if c.dep_ in {"nmod", "obl"} and _case(c) in {"van", "bij"}:
                args = view.args_of(c, "dep")
                if args:
                    # "van de investeerders Apax en Warburg Pincus": conjuncts the parse missed
                    last = max(args, key=lambda a: a.end)
                    if last.start >= 0:
                        _surface_conj(view, last, end, args, {a.entity_id for a in args})
                    return args
    for j in range(noun.i + 1, min(end, noun.i + 3)):
        if view.doc[j].lower_ in {"van", "bij"}:
            a = _surface_after(view, j, end, limit=4)
            if a is not None:
                out = [a]
                _surface_conj(view, a, end, out, {a.entity_id})
                return out
            if j + 1 < end:
                plural = view.plural_antecedents(j + 1)  # "aandeelhouder van beide bedrijven"
                if plural:
                    return plural
    return []
