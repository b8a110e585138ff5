"""The spaCy component "extractor_entities": sets ``doc._.entities`` and ``doc._.entity_mentions``.

Matchers are built once, when the component is created; each Doc then costs a few
linear passes over its tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import extensions  # noqa: F401  (registers the Doc extensions)
from . import classify
from .candidates import find_candidates
from .countries import country_iso, nationality_adjective_isos
from .gazetteer import (
    Gazetteer,
    GazetteerMatcher,
    load_gazetteer,
    parse_file,
    shipped_files,
)
from .mentions import (
    Candidate,
    _has_pos,
    _leading_adjectives,
    _make,
    select_candidates,
)
from .resolve import resolve

__all__ = ["EntityComponent", "make_entity_component"]


class EntityComponent:
    """Finds, types and resolves the entities of an article (SPEC section 1)."""

    def __init__(
        self, nlp: Language, name: str = "extractor_entities", gazetteers: Sequence[str] = ()
    ) -> None:
        self.name = name
        self.gazetteer = _load(gazetteers)
        self.matcher = GazetteerMatcher(nlp, self.gazetteer) if len(self.gazetteer) else None
        self.known_words = _known_words(nlp)
        self.known_forms = _known_forms(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["extractor_known_words"] = self.known_words
        doc.user_data["extractor_known_forms"] = self.known_forms
        cands = _drop_joined_names(_drop_tag_lines(doc, find_candidates(doc, self.matcher)))
        selected = select_candidates(cands)
        selected = _propagate(doc, selected, self.gazetteer)
        selected = _coordinated_names(doc, selected)
        selected = _national_subsidiaries(doc, selected)
        selected = _split_trailing_acronyms(doc, selected)
        selected = _split_trailing_places(doc, selected, self.gazetteer)
        _attach_entries(selected, self.gazetteer)
        _glue_descriptors(doc, selected)
        _name_adjectives(doc, selected)
        entities, mentions = resolve(doc, selected)
        doc._.entities = entities
        doc._.entity_mentions = mentions
        return doc


# Lines of a news page that list topics, not statements: "Lees meer over: chips, China",
# "Tags: export, ASML", "Onderwerpen: ...".
_TAG_LINE_OPENERS = (
    ("lees", "meer", "over"),
    ("meer", "over"),
    ("tags",),
    ("onderwerpen",),
    ("trefwoorden",),
)


def _tag_line_tokens(doc: Doc, lines: list[list[int]]) -> set[int]:
    """Token indices of the topic lists at the foot of a scraped article: from the colon
    after the opener to the end of its line."""
    found: set[int] = set()
    for line in lines:
        for opener in _TAG_LINE_OPENERS:
            k = len(opener)
            if (
                k < len(line)
                and tuple(doc[i].lower_ for i in line[:k]) == opener
                and doc[line[k]].text == ":"
            ):
                found.update(line[k:])
                break
    return found


# The share buttons of a news page, one per line: "Deel dit artikel / WhatsApp / Facebook".
_SHARE_WORDS = frozenset(
    "whatsapp facebook linkedin twitter x bluesky telegram messenger e-mail email mail "
    "pinterest reddit".split()
)


def _lines(doc: Doc) -> list[list[int]]:
    """Token indices per line of text (whitespace tokens left out; the last may be empty)."""
    lines: list[list[int]] = [[]]
    for tok in doc:
        if tok.is_space:
            if lines[-1]:
                lines.append([])
            continue
        lines[-1].append(tok.i)
        if "\n" in tok.whitespace_:
            lines.append([])
    return lines


def _share_block_tokens(doc: Doc, lines: list[list[int]]) -> set[int]:
    """Tokens of lines that hold one share-button word, in a run of two or more such lines
    (a platform named in a sentence is a name, and so is a lone line)."""
    share = [len(line) == 1 and doc[line[0]].lower_ in _SHARE_WORDS for line in lines]
    found: set[int] = set()
    for k, line in enumerate(lines):
        if share[k] and ((k > 0 and share[k - 1]) or (k + 1 < len(lines) and share[k + 1])):
            found.update(line)
    return found


#: Separators of a page's section path ("Economie | Buitenland", "Nieuws › Politiek").
_CRUMB_SEPARATORS = frozenset({"|", "›", "»", "•", "·"})
_CRUMB_INNER_WORDS = frozenset({"en", "van", "de", "het", "&"})
#: Page counters that share a line with the path ("Tweakers · Nieuws · 14 reacties").
_CRUMB_COUNTER_WORDS = frozenset({"reactie", "reacties", "min", "minuten", "leestijd"})


def _breadcrumb_tokens(doc: Doc, lines: list[list[int]]) -> set[int]:
    """Tokens of section-path lines: short capitalised labels joined by a separator and
    nothing else ("Tweede Kamer | Defensie", "Nieuws › Buitenland"). A rubric before a
    headline ("VIDEO | Umicore schrapt 200 banen") or two headlines side by side are no path:
    a part is longer than three words or has a lower-case word in it ("levert")."""
    found: set[int] = set()
    for line in lines:
        parts: list[int] = [0]
        label = True
        for k in line:
            tok = doc[k]
            if tok.text in _CRUMB_SEPARATORS:
                parts.append(0)
                continue
            parts[-1] += 1
            if (
                tok.is_alpha
                and tok.is_lower
                and tok.lower_ not in _CRUMB_INNER_WORDS
                and tok.lower_ not in _CRUMB_COUNTER_WORDS
            ):
                label = False
                break
        if label and len(parts) >= 2 and all(1 <= n <= 3 for n in parts):
            found.update(line)
    return found


def _copyright_tokens(doc: Doc, lines: list[list[int]]) -> set[int]:
    """Tokens of a copyright line ("Copyright © 2025 De Tijd. Alle rechten voorbehouden.",
    "© 2025 Mediahuis"): the page's footer, not the article. A photo credit ("© Belga") has no
    year and stays, like "Foto: ANP"."""
    found: set[int] = set()
    for line in lines:
        if not line:
            continue
        words = [doc[k].lower_ for k in line]
        dated = words[0] == "©" and any(w.isdigit() and len(w) == 4 for w in words)
        if words[0] == "copyright" or dated or ("rechten" in words and "voorbehouden" in words):
            found.update(line)
    return found


def _drop_tag_lines(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """No mentions in a topic list ("Lees meer over: chips, export, China"), in the share
    buttons ("WhatsApp", "Facebook" on lines of their own), in a section path
    ("Tweede Kamer | Defensie") or in a copyright line."""
    lines = _lines(doc)
    tags = (
        _tag_line_tokens(doc, lines)
        | _share_block_tokens(doc, lines)
        | _breadcrumb_tokens(doc, lines)
        | _copyright_tokens(doc, lines)
    )
    doc.user_data["extractor_tag_tokens"] = tags  # _propagate finds no names there either
    if not tags:
        return cands
    return [c for c in cands if not any(k in tags for k in range(c.start, c.end))]


def _drop_joined_names(cands: list[Candidate]) -> list[Candidate]:
    """ "deed Just Eat Takeaway Grubhub van de hand": an NER span that two or more known
    names tile exactly is those names side by side (the model joins adjacent names)."""
    gazetteer = sorted(
        (c for c in cands if c.source == "gazetteer" and c.kind == "name"), key=lambda c: c.start
    )
    if len(gazetteer) < 2:
        return cands
    drop: set[int] = set()
    for cand in cands:
        if cand.source not in {"ner", "misc"} or cand.length < 2:
            continue
        inside = [g for g in gazetteer if cand.start <= g.start and g.end <= cand.end]
        if len(inside) < 2 or inside[0].start != cand.start or inside[-1].end != cand.end:
            continue
        if all(a.end == b.start for a, b in zip(inside, inside[1:], strict=False)):
            drop.add(id(cand))
    return [c for c in cands if id(c) not in drop] if drop else cands


def _known_words(nlp: Language) -> frozenset[str]:
    """The Dutch words the pipeline's lemmatizer knows (its lookup tables), as evidence
    that a capitalised word opening a sentence is an ordinary word; empty without one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for key in index.keys():
        value = index[key]
        if isinstance(value, list | tuple | set):
            words.update(w for w in value if isinstance(w, str))
    return frozenset(words)


def _known_forms(nlp: Language) -> object | None:
    """The lemmatizer's table of inflected forms ("concurrenten" -> "concurrent"), used
    for membership tests only (its keys are hashes), or None."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_lookup"):
        return None
    return lookups.get_table("lemma_lookup")


def _load(paths: Sequence[str]) -> Gazetteer:
    extra = [Path(p) for p in paths]
    if shipped_files():
        return load_gazetteer(extra)
    # No shipped data (a stripped-down install): the user's files alone still work.
    return Gazetteer([entry for path in extra for entry in parse_file(path)])


def _national_subsidiaries(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Thales Nederland", "Huawei Belgium": an organisation name followed by a country
    name is the national subsidiary, one FIRM, not a firm and a country."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (
            nxt is not None
            and nxt.type == "COUNTRY"
            and nxt.start == cand.end
            and cand.kind == "name"
            and cand.source not in {"description", "product", "country"}
            and (
                (cand.entry is not None and cand.entry.type == "FIRM")
                or cand.extra.get("label") in {"ORG", "MISC"}
            )
            and "\n" not in doc[cand.end - 1].whitespace_
            and not nxt.text.endswith(("'s", "’s"))
            # "dreigt ASML Nederland te verlaten": the country is an object there
            and not (
                nxt.end < len(doc)
                and (doc[nxt.end].lower_ == "te" or doc[nxt.end].pos_ in {"VERB", "AUX"})
            )
        ):
            merged = _make(doc, cand.start, nxt.end, "name", "rule", type="FIRM")
            if merged is not None:
                merged.extra["label"] = "ORG"
                out.append(merged)
                i += 2
                continue
        out.append(cand)
        i += 1
    return out


def _coordinated_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A capitalised word coordinated with an organisation name is one too:
    "Volkswagen, Bosch en Continental", "Infineon en STMicroelectronics"."""
    covered = [False] * len(doc)
    for cand in cands:
        for k in range(cand.start, cand.end):
            covered[k] = True
    orgs = [
        c
        for c in cands
        if c.kind == "name"
        and c.source not in {"description", "product", "country"}
        and (
            c.entry is not None
            and c.entry.type in {"FIRM", "INSTITUTE"}
            or c.extra.get("label") in {"ORG", "MISC", "PER"}
            and c.type in {None, "PERSON"}
        )
    ]
    added: list[Candidate] = []
    n = len(doc)
    for cand in orgs:
        k = cand.end
        while k + 1 < n and doc[k].text in {",", "en", "of"}:
            nxt = doc[k + 1]
            if (
                covered[k + 1]
                or not nxt.text[:1].isupper()
                or nxt.is_stop
                or (country_iso(nxt.text) is not None)
            ):
                break
            new = _make(doc, k + 1, k + 2, "name", "weak")
            if new is None:
                break
            new.extra["label"] = "ORG"
            added.append(new)
            covered[k + 1] = True
            k += 2
    if not added:
        return cands
    return sorted([*cands, *added], key=lambda c: c.start)


def _split_trailing_places(
    doc: Doc, cands: list[Candidate], gazetteer: Gazetteer
) -> list[Candidate]:
    """ "Pfizer Puurs", "Tata Steel IJmuiden": a known organisation and the place of its
    plant are two entities (unless the gazetteer knows the whole name)."""
    out: list[Candidate] = []
    for cand in cands:
        n_tokens = cand.end - cand.start
        if cand.kind == "name" and cand.entry is None and n_tokens >= 2:
            place = doc[cand.end - 1].text
            org = doc[cand.start : cand.end - 1].text
            entry = gazetteer.lookup(org)
            if (
                place.casefold() in classify.known_places()
                and entry is not None
                and entry.type in {"FIRM", "INSTITUTE"}
                and gazetteer.lookup(cand.text) is None
            ):
                head = _make(
                    doc, cand.start, cand.end - 1, "name", cand.source, type=entry.type, entry=entry
                )
                tail = _make(doc, cand.end - 1, cand.end, "name", cand.source, type="LOCATION")
                if head is not None and tail is not None:
                    out += [head, tail]
                    continue
        out.append(cand)
    return out


def _split_trailing_acronyms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Europees Geneesmiddelenbureau EMA" is a name followed by its acronym."""
    from .resolve import acronym_fits

    out: list[Candidate] = []
    for cand in cands:
        last = doc[cand.end - 1]
        if (
            cand.kind == "name"
            and cand.end - cand.start >= 3
            and last.is_upper
            and last.is_alpha
            and 2 <= len(last.text) <= 6
            and all(t.text[:1].isupper() for t in doc[cand.start : cand.end - 1])
            and (
                acronym_fits(last.text, [t.text for t in doc[cand.start : cand.end - 1]])
                # an English acronym after a Dutch name: "Europees Geneesmiddelenbureau EMA"
                or cand.end - cand.start >= 3
            )
        ):
            head = _make(
                doc, cand.start, cand.end - 1, "name", cand.source, type=cand.type, entry=cand.entry
            )
            tail = _make(doc, cand.end - 1, cand.end, "acronym", cand.source, type=cand.type)
            if head is not None and tail is not None:
                head.extra.update(cand.extra)
                tail.extra.update(cand.extra)
                tail.extra["acronym_of"] = head
                out += [head, tail]
                continue
        out.append(cand)
    return out


def _attach_entries(cands: list[Candidate], gazetteer: Gazetteer) -> None:
    """Names found by NER or rules that the gazetteer knows get its entry, so that
    "ministerie van Defensie" (rule) and "Defensie" (gazetteer alias) are one entity."""
    for cand in cands:
        if cand.entry is not None or cand.kind != "name" or cand.type == "COUNTRY":
            continue
        if cand.source in {"description", "product", "country"}:
            continue
        entry = gazetteer.lookup(cand.text)
        stem, _, tail = cand.text.rpartition("-")
        if entry is None and stem and tail.islower() and classify.is_firm_word(tail):
            entry = gazetteer.lookup(stem)  # "SMIC-groep" is SMIC
        if entry is None and isinstance(cand.extra.get("entry_name"), str):
            entry = gazetteer.get(str(cand.extra["entry_name"]))  # "het Rijk"
        if entry is None:
            _type_by_known_prefix(cand, gazetteer)
            continue
        if cand.type == "PRODUCT" and entry.type != "PRODUCT":
            continue
        cand.entry = entry
        cand.type = entry.type


def _type_by_known_prefix(cand: Candidate, gazetteer: Gazetteer) -> None:
    """ "FNV Metaal", "CNV Vakmensen", "ABVV Limburg": a known organisation's name followed
    by capitalised words names a branch of it, of its type (not the organisation itself:
    the gazetteer does not know the whole name)."""
    words = cand.text.split()
    if len(words) < 2 or cand.type not in {None, "PERSON"}:
        return
    if cand.type == "PERSON" and cand.source != "ner":
        return
    for cut in range(len(words) - 1, 0, -1):
        rest = words[cut:]
        if not all(w[:1].isupper() for w in rest):
            continue
        entry = gazetteer.lookup(" ".join(words[:cut]))
        if entry is not None and entry.type in {"FIRM", "INSTITUTE"}:
            cand.type = entry.type
            return


def _glue_descriptors(doc: Doc, cands: list[Candidate]) -> None:
    """A descriptor noun right before a name describes it: "chipfabrikant Nexperia",
    "Chipmachinefabrikant ASML", "het ruimtevaartprogramma Shenzhou"."""
    for cand in cands:
        if cand.kind != "name" or cand.descriptor is not None or cand.start == 0:
            continue
        if cand.source in {"description", "product", "country"}:
            continue
        prev = doc[cand.start - 1]
        if not (
            prev.is_lower
            or (prev.text[1:].islower() and prev.is_title)
            or ("-" in prev.text and prev.text.rsplit("-", 1)[1].islower())
        ):
            continue
        low = prev.lower_
        if (
            classify.org_type_from_descriptor(low)
            or classify.is_product_name_descriptor(low)
            or classify.is_place_word(low)
        ):
            cand.descriptor = prev.i


def _name_adjectives(doc: Doc, cands: list[Candidate]) -> None:
    """Nationality adjectives before a name ("het Amerikaanse Lockheed Martin") or opening
    it ("Chinese ministerie van Handel") modify it."""
    has_pos = _has_pos(doc)
    for cand in cands:
        if cand.kind != "name" or cand.source in {"description", "product", "country"}:
            continue
        if cand.descriptor is not None:
            continue  # the descriptor's own phrase carries the adjectives
        countries, where = _leading_adjectives(doc, cand.start, has_pos)
        first = doc[cand.start]
        inside = nationality_adjective_isos(first.text)
        if inside:
            countries = tuple(dict.fromkeys((*inside, *countries)))
            where = tuple(sorted({*where, cand.start}))
        cand.countries, cand.adjectives = countries, where


def _propagate(doc: Doc, selected: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Find the other occurrences of names already found once, and names glued to a
    hyphenated word ("NAVO-top" -> NAVO, "ASML-topman" -> ASML)."""
    covered = [False] * len(doc)
    for cand in selected:
        for k in range(cand.start, cand.end):
            covered[k] = True
    for k in doc.user_data.get("extractor_tag_tokens", ()):
        covered[k] = True
    known: dict[tuple[str, ...], Candidate] = {}
    for cand in selected:
        if cand.kind != "name" or cand.source in {"description", "product"}:
            continue
        if cand.extra.get("acronym_fallback"):
            continue
        words = tuple(t.text for t in doc[cand.start : cand.end])
        known.setdefault(words, cand)
        lowered = [w.lower() for w in words]
        if "van" in lowered[1:]:
            # "24e Onderzoeksinstituut van CETC" is also called "24e Onderzoeksinstituut"
            cut = lowered.index("van", 1)
            head = words[:cut]
            if len(head) >= 2 or classify.org_type_from_name(head) == "INSTITUTE":
                if not (len(head) == 1 and head[0].lower() in {"ministerie", "universiteit"}):
                    known.setdefault(tuple(head), cand)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in known:
        by_first.setdefault(words[0], []).append(words)
    for seqs in by_first.values():
        seqs.sort(key=len, reverse=True)
    added: list[Candidate] = []
    i = 0
    n = len(doc)
    while i < n:
        if covered[i]:
            i += 1
            continue
        tok = doc[i]
        hit = None
        for words in by_first.get(tok.text, ()):
            end = i + len(words)
            if end <= n and not any(covered[i:end]) and tuple(t.text for t in doc[i:end]) == words:
                hit = (end, known[words])
                break
        if hit is not None:
            end, model = hit
            new = _make(
                doc, i, end, "name", "rule", type=model.type, entry=model.entry, iso=model.iso
            )
            if new is not None:
                new.extra.update({k: v for k, v in model.extra.items() if k == "label"})
                added.append(new)
            for k in range(i, end):
                covered[k] = True
            i = end
            continue
        if "-" in tok.text[1:-1] and tok.text[:1].isupper():
            glued = _hyphen_prefix(doc, tok.i, known, gazetteer)
            if glued is not None:
                added.append(glued)
                covered[i] = True
        i += 1
    if not added:
        return selected
    return sorted([*selected, *added], key=lambda c: c.start)


def _hyphen_prefix(
    doc: Doc, i: int, known: dict[tuple[str, ...], Candidate], gazetteer: Gazetteer
) -> Candidate | None:
    tok = doc[i]
    prefix, _, rest = tok.text.partition("-")
    if len(prefix) < 2 or not rest or not rest[:1].islower() or classify.is_product_word(rest):
        return None
    model = known.get((prefix,))
    entry = gazetteer.lookup(prefix) if model is None else model.entry
    iso = country_iso(prefix)
    if model is None and entry is None and iso is None:
        return None
    if entry is not None and entry.type == "PRODUCT":
        return None
    cand = Candidate(
        i,
        i + 1,
        tok.idx,
        tok.idx + len(prefix),
        prefix,
        "name",
        "rule",
        type="COUNTRY" if iso else (model.type if model else entry.type if entry else None),
        entry=entry if not iso else None,
        iso=iso,
    )
    if model is not None:
        cand.extra.update({k: v for k, v in model.extra.items() if k == "label"})
    return cand


@Language.factory(
    "extractor_entities",
    default_config={"gazetteers": []},
)
def make_entity_component(nlp: Language, name: str, gazetteers: list[str]) -> EntityComponent:
    """spaCy factory; ``gazetteers`` lists extra gazetteer files (``--gazetteer``)."""
    return EntityComponent(nlp, name, gazetteers)
