"""A read-only view of a parsed Doc with its entity mentions, for the claim patterns.

It answers the questions every pattern asks: which entity does this token belong to, what are
the arguments a syntactic slot points at (coordination, appositions, pronouns and relative
pronouns followed), and which tokens form the clause around a trigger. Both a dependency
answer and a linear-order (surface) answer are offered, because the parser is trained on
little data; each argument records how it was found so that confidence can weigh it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    CLAUSE_BREAKS,
    NATIONALITY_ADJECTIVES,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    verb_lemma,
)

ORG = frozenset({"FIRM", "INSTITUTE"})
CLAUSAL_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "acl"})
PREPOSITIONS = frozenset(
    "aan bij van naar met in uit op door voor tegen tot over onder tussen te om sinds vanaf "
    "volgens namens dankzij via binnen buiten naast zonder rond wegens vanwege ondanks tijdens "
    "na per achter boven jegens richting".split()
)


DEFINITE = frozenset({"het", "de", "dit", "deze", "dat", "die"})
INSTITUTE_HEADS = ("instituut", "ministerie", "universiteit", "academie", "agentschap",
                   "laboratorium", "regering", "kabinet", "toezichthouder")
FIRM_HEADS = ("bedrijf", "concern", "fabrikant", "maker", "onderneming", "firma", "producent",
              "leverancier", "groep", "reus", "gigant", "dochter", "bouwer")


@lru_cache(maxsize=65536)
def _adjective_isos(word: str) -> tuple[str, ...]:
    """Countries a nationality adjective names (the entity stage's CLDR-based table, or ours)."""
    try:
        from ..entities.countries import nationality_adjective_isos
    except ImportError:  # the entity stage is optional for this component
        iso = NATIONALITY_ADJECTIVES.get(word.lower())
        return (iso,) if iso else ()
    return tuple(nationality_adjective_isos(word))


def _country_name(iso: str) -> str:
    try:
        from ..entities.countries import country_name
    except ImportError:
        return iso
    return country_name(iso)


def description_type(word: str) -> str | None:
    """The entity type a bare description noun refers to ("chipmaker" -> FIRM), or None."""
    low = word.lower()
    if low.endswith(INSTITUTE_HEADS):
        return "INSTITUTE"
    if low.endswith(FIRM_HEADS):
        return "FIRM"
    return None


class MentionLike(Protocol):
    """What the claims stage reads from ``doc._.entity_mentions`` (entities' MentionSpan)."""

    @property
    def entity_id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_char(self) -> int: ...
    @property
    def end_char(self) -> int: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class SimpleMention:
    """A MentionSpan stand-in (same fields), for synthesised adjective mentions and tests."""

    entity_id: str
    type: str
    start: int
    end: int
    start_char: int
    end_char: int
    kind: str = "name"


@dataclass(frozen=True)
class Arg:
    """A claim argument: an entity as found at one place in the text."""

    entity_id: str
    type: str
    start: int  # token offsets of the mention (end exclusive)
    end: int
    via: str  # how it was found: dep, surface, conj, appos, pronoun, relpron, adjective, ...


class DocView:
    """Mentions indexed by token, plus clause and argument helpers."""

    def __init__(self, doc: Doc, entities: Sequence[Any], mentions: Sequence[MentionLike]):
        self.doc = doc
        # Token objects made once: ``doc[i]`` builds a new one on every call, and the
        # patterns walk every sentence many times (one pass per construction).
        self.tokens: list[Token] = list(doc)
        self.lower: list[str] = [t.lower_ for t in self.tokens]
        self._marks: tuple[list[bool], list[bool]] | None = None
        self._clauses: dict[int, tuple[int, int]] = {}
        self._lemmas: list[str | None] | None = None
        self._strings: dict[str, list[str]] = {}
        # (start, end) of a sentence -> its lower-case words, or its verb lemmas
        self._sent_words: dict[tuple[int, int], frozenset[str]] = {}
        self._sent_lemmas: dict[tuple[int, int], frozenset[str | None]] = {}
        self.types: dict[str, str] = {e.id: e.type for e in entities}
        self.entities = {e.id: e for e in entities}
        self.by_token: dict[int, MentionLike] = {}
        self.adjectives: list[MentionLike] = []
        for m in sorted(mentions, key=lambda m: (m.end - m.start)):
            if m.kind == "adjective":
                self.adjectives.append(m)
                continue
            for i in range(m.start, m.end):
                self.by_token[i] = m  # longer mentions overwrite shorter ones
        self.country_by_iso: dict[str, str] = {}
        for e in entities:
            iso = getattr(e, "iso", None)
            if e.type == "COUNTRY" and iso and iso not in self.country_by_iso:
                self.country_by_iso[iso] = e.id
        self.new_entities: list[Any] = []
        self._sentences_early = segment(doc, self.tokens)
        self._reresolve_descriptions(mentions)
        covered = {i for m in self.adjectives for i in range(m.start, m.end)}
        self.adjectives.extend(m for m in self._lexicon_adjectives() if m.start not in covered)
        self.adjectives.sort(key=lambda m: m.start)
        self.adj_by_token = {m.start: m for m in self.adjectives}
        self.has_parse = doc.has_annotation("DEP")
        self._trusted: dict[int, bool] = {}
        self.sentences = self._sentences_early
        self._sent_at: list[int] = []
        for n, s in enumerate(self.sentences):
            self._sent_at.extend([n] * (s.end - s.start))

    def _reresolve_descriptions(self, mentions: Sequence[MentionLike]) -> None:
        """A bare definite description ("het bedrijf", "dat concern") names the discourse
        topic: "het/de N" the subject of a sentence before, "dat/die/dit/deze N" the
        organisation named last. The entity stage links such a description by the fit of its
        head noun, which picks the wrong firm where several are named; claims read the
        description through :meth:`salient_antecedent` instead (descriptions with an
        adjective or in apposition keep the entity stage's link)."""
        sent_at: list[int] = []
        for n, s in enumerate(self._sentences_early):
            sent_at.extend([n] * (s.end - s.start))
        for m in mentions:
            if m.kind != "description" or m.end - m.start != 1 or m.start == 0:
                continue
            det = self.doc[m.start - 1].lower_
            if det not in DEFINITE or description_type(self.doc[m.start].text) != "FIRM":
                continue  # "het ministerie", "de universiteit": the head's fit decides
            if m.start >= 3 and self.doc[m.start - 2].text == "," and \
                    self.by_token.get(m.start - 3) is not None:
                continue  # "Wingtech, het bedrijf dat ...": the apposition says who
            nxt = self.by_token.get(m.end)
            if nxt is not None and nxt.start == m.end and self.types.get(
                    nxt.entity_id, nxt.type) in ORG | {"PERSON"} or m.end < len(self.doc) and (
                    self.doc[m.end].pos_ == "PROPN" or self.doc[m.end].text[:1] in {'"', "'"}):
                continue  # "het staatsconcern Rostec": a descriptor glued to the name
            ante = self._salient(m.start, self.types.get(m.entity_id, m.type),
                                 det not in {"het", "de"}, sent_at)
            if ante is not None and ante.entity_id != m.entity_id and \
                    self.by_token.get(m.start) is m:
                self.by_token[m.start] = SimpleMention(
                    ante.entity_id, ante.type, m.start, m.end, m.start_char, m.end_char,
                    "description")

    def _salient(self, i: int, wanted: str, demonstrative: bool, sent_at: list[int],
                 ) -> MentionLike | None:
        """The named organisation of type ``wanted`` a description at token ``i`` refers
        to: after a demonstrative the last one named; after an article the first one named
        outside a prepositional phrase (the subject, mostly) in the nearest of the three
        sentences before that names one, else the last one named."""
        n = sent_at[i]
        last: MentionLike | None = None
        for k in range(i - 1, max(-1, i - 200), -1):
            m = self.by_token.get(k)
            if m is not None and m.start == k and self.kind_of(m) != "description" and \
                    self.types.get(m.entity_id, m.type) == wanted:
                last = m
                break
        if demonstrative:
            return last
        spans: list[tuple[int, int]] = []
        if i >= 2 and self.doc[i - 2].lower_ in CLAUSE_OPENERS:
            # "Nexperia maakt chips, maar het bedrijf ...": a new clause, the same topic
            spans.append((self._sentences_early[n].start, i - 1))
        spans.extend((self._sentences_early[n - b].start, self._sentences_early[n - b].end)
                     for b in range(1, 4) if n - b >= 0)
        for start, end in spans:
            named = [m for k in range(start, end) if (m := self.by_token.get(k)) is not None
                     and m.start == k and self.kind_of(m) != "description"
                     and self.types.get(m.entity_id, m.type) == wanted]
            if not named:
                continue
            # the nearest sentence that names one: its subject, else the one named last
            return next((m for m in named if not _after_preposition(self.doc, m.start, start)),
                        named[-1])
        return last

    def _lexicon_adjectives(self) -> Iterable[MentionLike]:
        """Nationality adjectives for tokens the entity stage left bare. A country the article
        names only by its adjective gets a ``from_adjective`` entity (a valid claim object
        that is not counted as an entity), collected in ``self.new_entities``."""
        for tok in self.tokens:
            isos = _adjective_isos(tok.text)
            inside = self.by_token.get(tok.i)
            # inside a mention only as its first word ("Chinees quantum-instituut")
            if not isos or (inside is not None and (inside.start != tok.i
                                                    or inside.end == tok.i + 1)):
                continue
            for iso in isos:
                eid = self.country_by_iso.get(iso) or self._new_country(iso, tok.text)
                yield SimpleMention(eid, "COUNTRY", tok.i, tok.i + 1, tok.idx,
                                    tok.idx + len(tok), "adjective")

    def _new_country(self, iso: str, adjective: str) -> str:
        from ..schema import Entity

        taken = {e for e in self.types}
        n = len(taken) + 1
        while f"e{n}" in taken:
            n += 1
        ent = Entity(id=f"e{n}", type="COUNTRY", name=_country_name(iso), aliases=[adjective],
                     country=iso, iso=iso, from_adjective=True)
        self.new_entities.append(ent)
        self.entities[ent.id] = ent
        self.types[ent.id] = "COUNTRY"
        self.country_by_iso[iso] = ent.id
        return ent.id

    def trusted(self, tok: Token) -> bool:
        """Whether to read this token's sentence through its parse: only a well-formed one
        (exactly one root) is trusted; otherwise the linear-order patterns decide alone."""
        if not self.has_parse:
            return False
        sent = self.sent_of(tok.i)
        ok = self._trusted.get(sent.start)
        if ok is None:
            roots = sum(1 for t in self.toks(sent) if not t.is_space and (
                t.head.i == t.i or not sent.start <= t.head.i < sent.end))
            ok = self._trusted[sent.start] = roots == 1
        return ok

    def toks(self, sent: Span) -> list[Token]:
        """The tokens of ``sent`` (the view's own Token objects: iterate these, not the Span)."""
        return self.tokens[sent.start:sent.end]

    # The patterns' first test on a token, made on plain strings: the tokens that fail it
    # cost no Token attribute reads (each ``tok.lower_`` looks the string up anew).
    def toks_in(self, sent: Span, words: Set[str]) -> list[Token]:
        """The tokens of ``sent`` whose lower-case form is in ``words``."""
        key = (sent.start, sent.end)
        here = self._sent_words.get(key)
        if here is None:
            here = self._sent_words[key] = frozenset(self.lower[sent.start:sent.end])
        if here.isdisjoint(words):
            return []  # most sentences: one set test
        lower, tokens = self.lower, self.tokens
        return [tokens[i] for i in range(sent.start, sent.end) if lower[i] in words]

    def toks_where(self, sent: Span, test: Callable[[str], object]) -> list[Token]:
        """The tokens of ``sent`` whose lower-case form passes ``test``."""
        lower, tokens = self.lower, self.tokens
        return [tokens[i] for i in range(sent.start, sent.end) if test(lower[i])]

    def toks_with_lemma(self, sent: Span, lemmas: Set[str]) -> list[Token]:
        """The tokens of ``sent`` whose :func:`verb_lemma` is in ``lemmas``."""
        found = self.verb_lemmas()
        key = (sent.start, sent.end)
        here = self._sent_lemmas.get(key)
        if here is None:
            here = self._sent_lemmas[key] = frozenset(found[sent.start:sent.end])
        if here.isdisjoint(lemmas):
            return []
        tokens = self.tokens
        return [tokens[i] for i in range(sent.start, sent.end) if found[i] in lemmas]

    def verb_lemmas(self) -> list[str | None]:
        """:func:`verb_lemma` of every token's text (computed once per document)."""
        if self._lemmas is None:
            self._lemmas = [verb_lemma(t.text) for t in self.tokens]
        return self._lemmas

    def strings(self, attr: str) -> list[str]:
        """A string attribute ("pos_", "lemma_") of every token, read once per document."""
        found = self._strings.get(attr)
        if found is None:
            found = self._strings[attr] = [getattr(t, attr) for t in self.tokens]
        return found

    def toks_in_mentions(self, sent: Span) -> list[Token]:
        """The tokens of ``sent`` inside an entity mention."""
        by_token, tokens = self.by_token, self.tokens
        return [tokens[i] for i in range(sent.start, sent.end) if i in by_token]

    def sent_of(self, i: int) -> Span:
        """Our sentence around token ``i`` (see :func:`segment`)."""
        return self.sentences[self._sent_at[i]]

    # --- mentions -------------------------------------------------------------------------
    def mention_at(self, i: int) -> MentionLike | None:
        return self.by_token.get(i)

    def org_at(self, i: int) -> Arg | None:
        """The organisation (or person) at token ``i``: its mention, or the antecedent of a
        bare description ending there ("het bedrijf")."""
        m = self.by_token.get(i)
        if m is not None:
            return self.arg(m, "surface") if self.type_of(m) in ORG | {"PERSON"} else None
        if 0 <= i < len(self.doc):
            return self.description_antecedent(self.doc[i])
        return None

    def named_after(self, m: MentionLike) -> MentionLike | None:
        """The name right after a description glued to it ("de investeerders Apax",
        "staatsbedrijf Gasunie"), or None."""
        if self.kind_of(m) != "description":
            return None
        nxt = self.by_token.get(m.end)
        if nxt is None or nxt.start != m.end or self.kind_of(nxt) == "description" or \
                self.type_of(nxt) not in ORG | {"PERSON"}:
            return None
        return nxt

    def kind_of(self, m: MentionLike) -> str:
        return getattr(m, "kind", "name")

    def type_of(self, m: MentionLike) -> str:
        return self.types.get(m.entity_id, m.type)

    def arg(self, m: MentionLike, via: str) -> Arg:
        return Arg(m.entity_id, self.type_of(m), m.start, m.end, via)

    def mentions_between(self, start: int, end: int) -> list[MentionLike]:
        """Distinct mentions that start in [start, end), in text order."""
        seen: list[MentionLike] = []
        for i in range(start, end):
            m = self.by_token.get(i)
            if m is not None and m.start == i:
                seen.append(m)
        return seen

    # --- arguments through the parse ------------------------------------------------------
    def args_of(self, tok: Token, via: str = "dep", depth: int = 0) -> list[Arg]:
        """The entities a slot filler stands for: its mention (with conjuncts), an apposition
        or flat name under it, the antecedent of a (relative) pronoun."""
        m = self.mention_at(tok.i)
        if m is not None:
            m = self.named_after(m) or m  # "de investeerders Apax": the name
        found: list[Arg] = []
        if m is not None:
            found.append(self.arg(m, via))
        elif tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "acl:relcl" and depth < 2:
            return self.args_of(tok.head.head, "relpron", depth + 1)
        elif tok.lower_ in PRONOUNS and tok.pos_ in {"PRON", "DET", ""}:
            ante = self.antecedent(tok)
            if ante is not None:
                found.append(ante)
        elif (ante := self.description_antecedent(tok)) is not None:
            found.append(ante)
        else:
            for child in tok.children:
                if child.dep_ in {"appos", "flat", "flat:name", "compound", "nmod"} and \
                        (child.dep_ != "nmod" or not _has_case(child)):
                    cm = self.mention_at(child.i)
                    if cm is not None:
                        found.append(self.arg(cm, via + "+appos"))
                        break
        if not found:
            return []
        # coordination: "Intel, Qualcomm en Broadcom"
        head = tok if m is None else self.doc[_mention_head(self.doc, m)]
        for conj in head.conjuncts:
            cm = self.mention_at(conj.i)
            if cm is not None and cm.entity_id not in {a.entity_id for a in found}:
                found.append(self.arg(cm, "conj"))
        return found

    def antecedent(self, tok: Token) -> Arg | None:
        """The most recent organisation (or person for "hij"/"zij") before ``tok``'s sentence,
        preferring a clause subject: "Het kocht in 2024 ..." is about the institute."""
        wanted = {"PERSON"} if tok.lower_ == "hij" else set(ORG)
        sent_start = self.sent_of(tok.i).start
        best: MentionLike | None = None
        colon = next((k for k in range(tok.i - 1, sent_start, -1)
                      if self.doc[k].text in {":", ";"}), None)
        if colon is not None and tok.lower_ in {"het", "ze", "zij"}:
            # "Duitsland was strenger: het legde ...": the subject before the colon
            for k in range(sent_start, colon):
                m = self.by_token.get(k)
                if m is not None and m.start == k and self.type_of(m) in ORG | {"COUNTRY"}:
                    if not _after_preposition(self.doc, k, sent_start):
                        return self.arg(m, "pronoun")
        if tok.lower_ in {"die", "ze", "zij"} and sent_start > 0:
            # a plural pronoun: the last coordination "X en Y" of the sentence before
            prev = self.sent_of(sent_start - 1)
            for i in range(prev.end - 2, prev.start, -1):
                m = self.by_token.get(i)
                if self.doc[i].lower_ == "en" and m is None:
                    left, right = self.by_token.get(i - 1), self.by_token.get(i + 1)
                    if left is not None and right is not None and self.type_of(left) in \
                            wanted and self.type_of(right) == self.type_of(left):
                        return self.arg(left, "pronoun_plural")
        for i in range(sent_start - 1, max(-1, sent_start - 120), -1):
            m = self.by_token.get(i)
            if m is None or m.start != i or self.type_of(m) not in wanted:
                continue
            if self.doc[_mention_head(self.doc, m)].dep_.startswith("nsubj"):
                return self.arg(m, "pronoun")
            best = best or m
        return self.arg(best, "pronoun") if best is not None else None

    def description_antecedent(self, tok: Token) -> Arg | None:
        """"het instituut", "het bedrijf", "de chipmaker" left bare by the entity stage: the
        most recent entity of the matching type before it."""
        if tok.i == 0 or self.doc[tok.i - 1].lower_ not in DEFINITE:
            return None
        wanted = description_type(tok.lower_)
        if wanted is None:
            return self._head_antecedent(tok)
        noun = tok.lower_
        fallback: MentionLike | None = None
        for i in range(tok.i - 1, max(-1, tok.i - 200), -1):
            m = self.by_token.get(i)
            if m is None or m.start != i or self.type_of(m) != wanted:
                continue
            # "het instituut" prefers an entity named an institute over any institute
            ent = self.entities.get(m.entity_id)
            names = [ent.name, *ent.aliases] if ent is not None else []
            if any(noun in n.lower() for n in names):
                return self.arg(m, "pronoun_description")
            fallback = fallback or m
        if fallback is not None:
            # no name fits the noun: the topic, as for the entity stage's descriptions
            fallback = self._salient(tok.i, wanted, self.doc[tok.i - 1].lower_ not in {
                "het", "de"}, self._sent_at) or fallback
        return self.arg(fallback, "pronoun_description") if fallback is not None else None

    def plural_antecedents(self, i: int) -> list[Arg]:
        """"(de) twee/beide/drie bedrijven" starting at token ``i``: the organisations named
        last before its sentence (as many as the number says), else nothing."""
        doc = self.doc
        j = i + 1 if doc[i].lower_ in {"de", "die", "deze"} else i
        if j + 1 >= len(doc) or doc[j].lower_ not in PLURAL_COUNTS or \
                doc[j + 1].lower_ not in PLURAL_ORG_NOUNS and not (
                    j + 2 < len(doc) and doc[j + 2].lower_ in PLURAL_ORG_NOUNS):
            return []
        want = PLURAL_COUNTS[doc[j].lower_]
        found: list[Arg] = []
        for k in range(self.sent_of(i).start - 1, max(-1, i - 150), -1):
            m = self.by_token.get(k)
            if m is None or m.start != k or self.type_of(m) not in ORG or \
                    self.kind_of(m) == "description":
                continue
            if m.entity_id not in {a.entity_id for a in found}:
                found.append(self.arg(m, "pronoun_plural"))
            if len(found) == want:
                return found[::-1]
        return []

    def _head_antecedent(self, tok: Token) -> Arg | None:
        """"Die terminal" after "de Gate terminal", "de groep" after "VDL Groep": a definite
        noun that is a word of an organisation's name refers back to the last one named."""
        noun = tok.lower_
        if len(noun) < 5 or not tok.is_alpha or not tok.is_lower or tok.pos_ not in {
                "NOUN", ""}:
            return None
        for i in range(tok.i - 1, max(-1, tok.i - 200), -1):
            m = self.by_token.get(i)
            if m is None or m.start != i or self.type_of(m) not in ORG:
                continue
            ent = self.entities.get(m.entity_id)
            names = [ent.name, *ent.aliases] if ent is not None else []
            if any(noun in n.lower().replace("-", " ").split()[1:] for n in names):
                return self.arg(m, "pronoun_head")
        return None

    # --- clauses --------------------------------------------------------------------------
    def clause_head(self, tok: Token) -> Token:
        """The nearest ancestor-or-self that heads a clause (a verb or a predicate noun)."""
        cur = tok
        for _ in range(12):
            if cur.pos_ in {"VERB", "AUX"} or cur.dep_ in CLAUSAL_DEPS | {"ROOT", "root"} \
                    or any(c.dep_ in {"cop", "nsubj", "nsubj:pass"} for c in cur.children):
                return cur
            if cur.head is cur:
                return cur
            cur = cur.head
        return cur

    def clause_indices(self, tok: Token) -> list[int]:
        """Tokens of the clause headed above ``tok``, sub-clauses left out."""
        head = self.clause_head(tok)
        out: list[int] = []
        stack = [head]
        while stack:
            t = stack.pop()
            out.append(t.i)
            for c in t.children:
                if c.dep_ in CLAUSAL_DEPS or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                                              and any(g.dep_.startswith("nsubj")
                                                      for g in c.children)):
                    continue
                stack.append(c)
        return sorted(out)

    def surface_clause(self, i: int) -> tuple[int, int]:
        """[start, end) of the stretch around token ``i`` bounded by clause breaks in the
        sentence (semicolons, brackets, subordinators, a comma before a relative pronoun)."""
        found = self._clauses.get(i)
        if found is None:
            self._fill_clauses(self.sent_of(i))
            found = self._clauses[i]
        return found

    def _fill_clauses(self, sent: Span) -> None:
        """:meth:`surface_clause` of every token of ``sent`` in two linear passes (asked
        token by token, each walk to the breaks made it quadratic in the clause length).
        Start: after the nearest break before the token, or at the nearest relative opener
        before it. End: the nearest break or relative opener after it, or the nearest comma
        when the clause opens with a relative pronoun; else the sentence's bounds."""
        breaks, relatives = self._clause_marks()
        lower = self.lower
        first, last = sent.start, sent.end
        # nearest mark and nearest comma after each token (a backward pass)
        next_mark = [last] * (last - first)
        next_comma = [last] * (last - first)
        mark = comma = last
        for j in range(last - 1, first - 1, -1):
            next_mark[j - first] = mark
            next_comma[j - first] = comma
            if breaks[j] or relatives[j]:
                mark = j
            if lower[j] == ",":
                comma = j
        start = first
        for i in range(first, last):
            relative = start > first and lower[start] in RELATIVE_PRONOUNS
            end = next_mark[i - first]
            if relative:
                end = min(end, next_comma[i - first])
            self._clauses[i] = (start, end)
            if breaks[i]:  # the clause of the tokens after a break starts after it
                start = i + 1
            elif relatives[i]:
                start = i

    def _clause_marks(self) -> tuple[list[bool], list[bool]]:
        """Per token: does it break a clause, does it open a relative clause (computed once
        per document: ``surface_clause`` asks for every token of a sentence, many times)."""
        if self._marks is None:
            n = len(self.doc)
            self._marks = (
                [_is_break(self.tokens, j) for j in range(n)],
                [_starts_relative(self.tokens, j) for j in range(n)],
            )
        return self._marks

    def words(self, indices: Iterable[int]) -> list[str]:
        lower = self.lower
        return [lower[i] for i in indices]


PLURAL_COUNTS = {"twee": 2, "beide": 2, "drie": 3}
PLURAL_ORG_NOUNS = frozenset({"bedrijven", "concerns", "ondernemingen", "partijen", "groepen",
                              "partners", "firma's", "instellingen", "universiteiten"})
CLAUSE_OPENERS = frozenset({",", "en", "maar", "want", "dus", "omdat", "terwijl", "nadat",
                            "toen", "waarna", "zodat", "hoewel", ";"})


def _after_preposition(doc: Doc, k: int, start: int) -> bool:
    """A preposition before token ``k`` across determiners, adjectives and one descriptor
    noun ("volgens marktonderzoeker Kpler", "bij het Amerikaanse Lockheed Martin")."""
    nouns = 0
    for j in range(k - 1, max(start, k - 5) - 1, -1):
        t = doc[j]
        if t.lower_ in PREPOSITIONS:
            return not (t.lower_ == "onder" and doc[j + 1].lower_ in {"meer", "andere"})
        if t.lower_ in DEFINITE | {"een"} or t.pos_ in {"ADJ", "DET", "NUM"}:
            continue
        if t.is_lower and t.is_alpha and nouns == 0:
            nouns += 1
            continue
        return False
    return False


def _has_case(tok: Token) -> bool:
    return any(c.dep_ == "case" for c in tok.children)


_COMMA_SUBORDINATORS = RELATIVE_PRONOUNS | {
    "waardoor", "omdat", "terwijl", "maar", "waarna", "zodat", "nadat", "hoewel", "waar"}


def _is_break(doc: Sequence[Token], j: int) -> bool:
    t = doc[j]
    if t.lower_ in CLAUSE_BREAKS or ("\n" in t.text and t.is_space):
        return True
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if t.text == "," and nxt is not None and nxt.lower_ in _COMMA_SUBORDINATORS:
        return True
    # ", en het bedrijf exporteert ...": a second main clause
    if t.text == "," and nxt is not None and nxt.lower_ in {"en", "maar"} and j + 2 < len(doc) \
            and doc[j + 2].lower_ in {"het", "de", "dat", "die", "ze", "zij", "hij", "dit"}:
        return True
    return False


def _starts_relative(doc: Sequence[Token], j: int) -> bool:
    """"die" after a noun opens a relative clause even without a comma; so does "dat" after
    a neuter noun ("een concern uit Jiaxing dat ook laptops assembleert"), but not after a
    verb ("zegt dat")."""
    if j == 0 or doc[j - 1].is_punct:
        return False
    prev = doc[j - 1]
    if doc[j].lower_ == "die":
        # "leverde Prodrive die ook aan ...": after an inverted subject it is an object
        inverted = j > 1 and (doc[j - 2].pos_ in {"VERB", "AUX"}) and prev.pos_ == "PROPN"
        return prev.pos_ not in {"VERB", "AUX", "ADP"} and not inverted
    if doc[j].lower_ == "dat":
        return prev.pos_ in {"NOUN", "PROPN"} or (not prev.pos_ and prev.text[:1].isupper()) \
            or description_type(prev.text) is not None
    return False


def _mention_head(doc: Doc, m: MentionLike) -> int:
    """The token of a mention whose head lies outside it (the last one when the parse is flat)."""
    for i in range(m.start, m.end):
        h = doc[i].head.i
        if h < m.start or h >= m.end or h == i:
            return i
    return m.end - 1


def mention_head(doc: Doc, m: MentionLike) -> int:
    """Public alias of the mention-head rule."""
    return _mention_head(doc, m)


_CLOSERS = frozenset({'"', "'", "”", "’", ")", "»"})


def segment(doc: Doc, tokens: Sequence[Token] | None = None) -> list[Span]:
    """Sentences from punctuation and line breaks, independent of the parser (whose sentence
    splits are unreliable on little training data): a sentence ends after . ! ? (with closing
    quotes) before a token that does not start in lower case, and at every line break.
    ``tokens``: the Doc's tokens as a list, when the caller has made them already."""
    toks: Sequence[Token] = tokens if tokens is not None else list(doc)
    spans: list[Span] = []
    n = len(doc)
    start = 0
    i = 0
    while i < n:
        t = toks[i]
        cut: int | None = None
        if t.is_space and "\n" in t.text:
            cut = i + 1
        elif t.text in {".", "!", "?"}:
            j = i + 1
            while j < n and toks[j].text in _CLOSERS:
                j += 1
            nxt = toks[j] if j < n else None
            if nxt is None or nxt.is_space or not nxt.text[:1].islower() or nxt.lower_ == "'s":
                cut = j
        if cut is not None and cut > start:
            spans.append(doc[start:cut])
            start = cut
            i = cut
            continue
        i += 1
    if start < n:
        spans.append(doc[start:n])
    return spans
