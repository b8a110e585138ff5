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
from .docview import ORG, PREPOSITIONS, Arg, DocView
from .lexicon import (
    CLIENT_NOUNS,
    FRAMES,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    RESTRICTED_TRADE_NOUNS,
    VerbFrame,
    relation_noun,
    separable_lemma,
    verb_lemma,
)

PARTICLES = frozenset({"over", "samen", "mee", "op", "af", "uit"})
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
    if view.has_parse and tok.pos_ in {"NOUN", "PROPN", "ADP", "DET", "PRON"} \
            and tok.lower_ not in {"gevestigd"}:
        return None
    lemma = verb_lemma(tok.text) or (tok.lemma_ if tok.lemma_ in FRAMES else None)
    if lemma is None:
        return None
    if lemma in {"nemen", "werken", "leggen", "maken"} or lemma not in FRAMES:
        particle = _particle(view, tok)
        if particle is not None:
            sep = separable_lemma(lemma, particle)
            if sep is not None:
                return sep
        if lemma == "leggen" and "banden" in _clause_words(view, tok):
            return "beperken"  # "aan banden leggen": to restrict
        if lemma == "maken" and "deel" in _clause_words(view, tok) and particle == "uit":
            return "uitmaken"
        return lemma if lemma in FRAMES and lemma not in {"nemen", "werken", "leggen"} else None
    return lemma


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
    for k in range(j + 1, min(end, j + 1 + limit)):
        m = view.mention_at(k)
        if m is not None:
            return view.arg(m, "surface")
        t = view.doc[k]
        if t.lower_ in PREPOSITIONS or t.pos_ in {"VERB", "AUX"} or t.text in {",", ".", ";"}:
            return None
    return None


def _surface_subject(view: DocView, verb: Token, start: int, end: int,
                     taken: set[str]) -> Arg | None:
    """Linear-order subject: the antecedent of a clause-initial relative pronoun or pronoun,
    else the first organisation mention in the clause that no preposition governs."""
    first = view.doc[start]
    if first.lower_ in RELATIVE_PRONOUNS and start > 0:
        j = start - 1
        if view.doc[j].text == ",":
            j -= 1
        m = view.mention_at(j)
        if m is not None:
            return view.arg(m, "relpron_surface")
    for k in range(start, end):
        m = view.mention_at(k)
        if m is None or m.start != k:
            continue
        if view.type_of(m) not in ORG | {"COUNTRY", "PERSON"} or m.entity_id in taken:
            continue
        if _governed_by_preposition(view, k, start):
            continue
        return view.arg(m, "surface")
    for k in range(start, min(end, start + 3)):
        ante = view.description_antecedent(view.doc[k])
        if ante is not None and ante.entity_id not in taken:
            return Arg(ante.entity_id, ante.type, k, k + 1, "pronoun_surface")
    if first.lower_ in PRONOUNS and verb.i - start <= 2:
        ante = view.antecedent(first)
        if ante is not None:
            return Arg(ante.entity_id, ante.type, ante.start, ante.end, "pronoun_surface")
    return None


def _governed_by_preposition(view: DocView, k: int, start: int) -> bool:
    for j in range(k - 1, max(start, k - 5) - 1, -1):
        w = view.doc[j].lower_
        if w in PREPOSITIONS:
            return True
        if w not in SKIPPABLE and view.doc[j].pos_ not in {"ADJ", "DET", "NUM"}:
            return False
    return False


def verb_candidates(view: DocView, sent: Span) -> Iterator[Candidate]:
    """Claims from trigger verbs in one sentence."""
    for tok in sent:
        lemma = trigger_lemma(view, tok)
        if lemma is None or lemma not in FRAMES:
            continue
        frame = FRAMES[lemma]
        start, end = view.surface_clause(tok.i)
        slots = _dep_slots(view, tok, frame) if view.has_parse else {}
        roles: dict[str, list[Arg]] = {"S": [], "O": [], "P": [], "T": []}
        org_object = False
        for slot, fillers in slots.items():
            for filler, via in fillers:
                args = view.args_of(filler, via)
                if not args and frame.predicate == "restricts" \
                        and filler.lower_ in RESTRICTED_TRADE_NOUNS:
                    _trade_noun_roles(view, filler, roles)
                    continue
                if not args and frame.predicate == "supplies" and slot in frame.slots \
                        and frame.slots[slot] == "O":
                    args = _client_country(view, filler)
                if slot == "obj" and frame.obj_org_predicate and any(
                        a.type in ORG for a in args):
                    org_object = True
                role = frame.slots.get(slot)
                if role:
                    roles[role].extend(args)
        if org_object:
            frame = VerbFrame(frame.lemma, frame.obj_org_predicate or frame.predicate,
                              frame.obj_org_slots)
            roles = {"S": [], "O": [], "P": [], "T": []}
            for slot, fillers in slots.items():
                for filler, via in fillers:
                    role = frame.slots.get(slot)
                    if role:
                        roles[role].extend(view.args_of(filler, via))
        _surface_fill(view, tok, frame, roles, start, end)
        yield from _combine(view, tok, frame, roles, start, end)


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
    for k in range(noun.i - 1, max(noun.sent.start, noun.i - 3) - 1, -1):
        adj = view.adj_by_token.get(k)
        if adj is not None:
            return [view.arg(adj, "client_adj")]
    return []


def _surface_fill(view: DocView, verb: Token, frame: VerbFrame, roles: dict[str, list[Arg]],
                  start: int, end: int) -> None:
    """Fill the roles the parse left empty from linear order within the clause."""
    used = {a.entity_id for args in roles.values() for a in args}
    for slot, role in frame.slots.items():
        if slot in {"subj", "obj"} or roles[role]:
            continue
        for j in range(start, end):
            if view.doc[j].lower_ == slot:
                a = _surface_after(view, j, end)
                if a is not None and a.entity_id not in used:
                    if role == "O" and frame.predicate == "supplies" and a.type == "PRODUCT":
                        continue
                    roles[role].append(a)
                    used.add(a.entity_id)
                    _surface_conj(view, a, end, roles[role], used)
                    break
    subj_role = frame.slots.get("subj")
    if subj_role and not roles[subj_role]:
        a = _surface_subject(view, verb, start, end, used)
        if a is not None:
            roles[subj_role].append(a)
            used.add(a.entity_id)
            _surface_conj(view, a, end, roles[subj_role], used)
    obj_role = frame.slots.get("obj")
    if obj_role and not roles[obj_role]:
        wanted = {"PRODUCT"} if obj_role in {"P", "O"} and frame.predicate in {
            "produces", "supplies"} else ORG | {"COUNTRY", "PRODUCT"}
        for k in list(range(verb.i + 1, end)) + list(range(verb.i - 1, start - 1, -1)):
            m = view.mention_at(k)
            if m is None or m.entity_id in used or view.type_of(m) not in wanted:
                continue
            if _governed_by_preposition(view, m.start, start):
                continue
            a = view.arg(m, "surface")
            roles[obj_role].append(a)
            used.add(a.entity_id)
            _surface_conj(view, a, end, roles[obj_role], used)
            break


def _surface_conj(view: DocView, first: Arg, end: int, out: list[Arg], used: set[str]) -> None:
    """Mentions coordinated after ``first`` in linear order: ", M" / "en M" / "of M"."""
    k = first.end
    while k < end - 1 and view.doc[k].lower_ in {",", "en", "of"}:
        j = k + 1
        while j < end and view.doc[j].lower_ in {"de", "het", "een", "en"}:
            j += 1
        m = view.mention_at(j)
        if m is None or m.start != j or view.type_of(m) != first.type:
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
    if frame.predicate == "restricts" and not objects:
        objects = [product] if product else ([target] if target else [])
    lo = min([verb.i] + [a.start for a in subjects + objects])
    hi = max([verb.i + 1] + [a.end for a in subjects + objects])
    scope = (min(lo, start), max(hi, end))
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


# --- relational nouns ------------------------------------------------------------------------
def noun_candidates(view: DocView, sent: Span, recent_suppliers: list[Arg]) -> Iterator[Candidate]:
    """"X is een dochterbedrijf van Y", "HiSilicon, een dochter van Huawei", "Y was klant van X",
    "X is in handen van Y"; ``recent_suppliers`` answers "Ook Z was klant" (of whom?)."""
    doc = view.doc
    for tok in sent:
        if tok.lower_ == "handen" and tok.i > sent.start and doc[tok.i - 1].lower_ == "in":
            rel: tuple[str, bool] | None = ("owns", True)
        else:
            rel = relation_noun(tok.text)
        if rel is None:
            continue
        predicate, inverted = rel
        start, end = view.surface_clause(tok.i)
        described = _described(view, tok, start)
        complement = _van_complement(view, tok, end)
        if not complement and predicate == "supplies" and inverted and recent_suppliers:
            complement = [Arg(a.entity_id, a.type, a.start, a.end, "discourse")
                          for a in recent_suppliers[-1:]]
        for x in described:
            for y in complement:
                s, o = (y, x) if inverted else (x, y)
                if s.entity_id != o.entity_id:
                    yield Candidate(predicate, s, o, tok.i, "noun", f"noun:{predicate}",
                                    (start, end))


def _described(view: DocView, noun: Token, start: int) -> list[Arg]:
    """The entities a relational noun is said of: copula subject, apposition anchor, or the
    mention the noun is part of."""
    m = view.mention_at(noun.i)
    if m is not None:
        return [view.arg(m, "self")]
    if view.has_parse:
        if any(c.dep_ == "cop" for c in noun.children):
            for c in noun.children:
                if c.dep_ in {"nsubj", "nsubj:pass"}:
                    args = view.args_of(c, "cop")
                    if args:
                        return args
        if noun.dep_ == "appos":
            args = view.args_of(noun.head, "appos")
            if args:
                return args
    # linear order: "M (,|is|was) (een|de) ADJ* noun"
    k = noun.i - 1
    while k >= start and (view.doc[k].lower_ in SKIPPABLE | COPULAS | {","}
                          or view.doc[k].pos_ in {"ADJ", "ADV"}) and view.mention_at(k) is None:
        k -= 1
    m = view.mention_at(k) if k >= start else None
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
    return []


def _van_complement(view: DocView, noun: Token, end: int) -> list[Arg]:
    if view.has_parse:
        for c in noun.children:
            if c.dep_ in {"nmod", "obl"} and _case(c) in {"van", "bij"}:
                args = view.args_of(c, "dep")
                if args:
                    return args
    for j in range(noun.i + 1, min(end, noun.i + 3)):
        if view.doc[j].lower_ in {"van", "bij"}:
            a = _surface_after(view, j, end, limit=4)
            if a is not None:
                out = [a]
                _surface_conj(view, a, end, out, {a.entity_id})
                return out
    return []
