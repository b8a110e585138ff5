"""Conversion of the shared training corpora to spaCy ``DocBin`` files.

Formats handled:

* CoNLL-2002 (``token POS tag`` per line, IOB2 tags, ``-DOCSTART-`` lines, blank line = sentence
  end) -> one Doc per sentence with ``doc.ents``.
* Europeana Newspapers BIO (``token TAG`` per line, no sentence boundaries) -> pseudo-sentences
  cut at sentence-final punctuation, with ``doc.ents``; I- tags without B- are repaired.
* UD CoNLL-U -> Docs of ``n_sents`` sentences with POS, morphology, lemma, heads and deps
  (spaCy's own reader), optionally split by document id so that a held-out part stays unseen.

The readers are pure functions over text so they can be tested with small tables.
"""

from __future__ import annotations

import gzip
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

NER_LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass
class TaggedSentence:
    """A sentence of tokens with IOB2 entity tags (``O``, ``B-X``, ``I-X``)."""

    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    doc_index: int = 0


def _open_text(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read()
    return path.read_text(encoding="utf-8")


def read_conll2002(text: str) -> list[TaggedSentence]:
    """Parse CoNLL-2002 text into sentences; the NER tag is the last column.

    ``-DOCSTART-`` lines start a new document (counted in ``doc_index``) and are not tokens.
    """
    sentences: list[TaggedSentence] = []
    current = TaggedSentence()
    doc_index = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current.words:
                sentences.append(current)
            current = TaggedSentence(doc_index=doc_index)
            continue
        parts = line.split()
        if parts[0] == "-DOCSTART-":
            if current.words:
                sentences.append(current)
            doc_index += 1
            current = TaggedSentence(doc_index=doc_index)
            continue
        current.words.append(parts[0])
        current.tags.append(parts[-1] if len(parts) > 1 else "O")
    if current.words:
        sentences.append(current)
    return sentences


_SENT_END = {".", "!", "?"}


def read_bio_stream(text: str, max_len: int = 60) -> list[TaggedSentence]:
    """Parse a ``token TAG`` stream without sentence boundaries (Europeana).

    Sentences are cut after ``.``/``!``/``?`` outside an entity, or at ``max_len`` tokens,
    so that a document never becomes one huge sequence.
    """
    sentences: list[TaggedSentence] = []
    current = TaggedSentence()
    for raw in text.splitlines():
        parts = raw.split()
        if len(parts) < 2:
            continue
        word, tag = parts[0], parts[-1]
        current.words.append(word)
        current.tags.append(tag)
        if (word in _SENT_END and tag == "O") or len(current.words) >= max_len:
            sentences.append(current)
            current = TaggedSentence()
    if current.words:
        sentences.append(current)
    return sentences


def iob_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from IOB1/IOB2 tags.

    An ``I-X`` that does not continue an ``X`` entity starts a new one (conlleval does the same),
    so broken BIO input still gives well-formed spans.
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, kind = tag.partition("-")
        if tag == "O" or prefix not in ("B", "I") or not kind:
            begins = False
            inside = False
        else:
            begins = prefix == "B" or start is None or kind != label
            inside = True
        if start is not None and (not inside or begins):
            spans.append((start, i, label))
            start = None
        if inside and begins:
            start, label = i, kind
    return spans


def sentence_to_doc(
    vocab: Vocab, sent: TaggedSentence, label_map: dict[str, str] | None = None
) -> Doc:
    """A Doc with ``doc.ents`` set from the sentence's tags; labels outside the map are dropped."""
    doc = Doc(vocab, words=sent.words, spaces=[True] * (len(sent.words) - 1) + [False])
    ents = []
    for start, end, label in iob_to_spans(sent.tags):
        if label_map is not None:
            label = label_map.get(label, "")
        if label:
            ents.append(Span(doc, start, end, label=label))
    # Tokens outside entities are known to be O (not missing): set them explicitly.
    doc.set_ents(ents, default="outside")
    return doc


def conll2002_docs(path: Path, vocab: Vocab) -> Iterator[Doc]:
    """Docs (one per sentence) from a CoNLL-2002 file."""
    for sent in read_conll2002(_open_text(path)):
        yield sentence_to_doc(vocab, sent)


def europeana_docs(path: Path, vocab: Vocab) -> Iterator[Doc]:
    """Docs from the Europeana BIO stream (PER/LOC/ORG; no MISC is annotated there)."""
    for sent in read_bio_stream(_open_text(path)):
        yield sentence_to_doc(vocab, sent, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"})


_DOC_ID = re.compile(r"^# sent_id = (.+?)(?:\.p\.\d+)?(?:\.s\.\d+)?$", re.M)


def split_conllu_by_document(text: str) -> dict[str, list[str]]:
    """Group the sentence blocks of a CoNLL-U file by document id (``sent_id`` up to ``.p.``)."""
    groups: dict[str, list[str]] = {}
    for block in text.strip().split("\n\n"):
        block = block.strip()
        if not block:
            continue
        m = _DOC_ID.search(block)
        key = m.group(1) if m else "_"
        key = key.split("\\")[0]
        groups.setdefault(key, []).append(block)
    return groups


def conllu_docs(text: str, n_sents: int = 10, *, upos_as_tag: bool = True) -> Iterator[Doc]:
    """Docs with POS, morphology, lemmas and the dependency tree from CoNLL-U text.

    With ``upos_as_tag`` the fine tag (``token.tag_``) is the UPOS tag instead of the XPOS
    column, so that a spaCy ``tagger`` learns UPOS on its own (the shipped pipeline copies
    its tags to ``token.pos_``, see :mod:`extractor.training.components`). XPOS is of no use
    here anyway: the LassySmall 2017 training file has none.
    """
    from spacy.training.converters import conllu_to_docs

    for doc in conllu_to_docs(text, n_sents=n_sents, no_print=True):
        if upos_as_tag:
            for token in doc:
                token.tag_ = token.pos_
        yield doc


#: Possessive determiners: UD Dutch tags them PRON with ``nmod:poss`` since v2.2 (DET/det in 2.0).
_POSSESSIVES = frozenset(
    {"mijn", "jouw", "je", "zijn", "haar", "ons", "onze", "hun", "uw", "m'n", "z'n"}
)
#: Ordinal numbers: ADJ/amod in UD Dutch v2.16, NUM/nummod in the 2017 pre-release.
_ORDINAL = re.compile(
    r"^(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde"
    r"|\w+tiende|\w*tigste|\w*honderdste|\w*duizendste|miljoenste|\d+(e|ste|de))$"
)


def modernise_row(form: str, upos: str, deprel: str) -> tuple[str, str]:
    """``(upos, deprel)`` of one word of the 2017 LassySmall pre-release in v2.16 conventions.

    Only the changes that are regular enough to map word by word (counted on LassySmall and
    Alpino dev v2.16 against the 2017 file): possessives, ordinals, ``als`` as a conjunction,
    ``flat:name`` renamed ``flat``, inherent reflexive ``zich`` as ``expl:pv``.
    """
    low = form.lower()
    if upos == "DET" and low in _POSSESSIVES:
        return "PRON", "nmod:poss" if deprel == "det" else deprel
    if upos == "NUM" and _ORDINAL.match(low):
        return "ADJ", "amod" if deprel == "nummod" else deprel
    if low == "als" and upos == "ADP":
        return "SCONJ", deprel
    if deprel == "flat:name":
        return upos, "flat"
    if low == "zich" and deprel == "obj":
        return upos, "expl:pv"
    return upos, deprel


def modernise_2017(text: str) -> str:
    """The 2017 LassySmall pre-release file (``nl_lassysmall-2017pre-train``) in the UD v2.16
    conventions of the dev data, as far as they can be mapped (:func:`modernise_row`), plus
    ``obl:agent`` for the ``door`` phrase of a passive clause. Its 67k words are three
    quarters of the UD training data; left in the old conventions they teach, e.g., DET for
    every possessive that the dev data scores as PRON.
    """
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        rows = [line.split("\t") for line in lines]
        words = [r for r in rows if len(r) == 10 and r[0].isdigit()]
        for r in words:
            r[3], r[7] = modernise_row(r[1], r[3], r[7])
        passive_heads = {r[6] for r in words if r[7] == "aux:pass"}
        door_heads = {r[6] for r in words if r[1].lower() == "door" and r[7] == "case"}
        for r in words:
            if r[7] == "obl" and r[0] in door_heads and r[6] in passive_heads:
                r[7] = "obl:agent"
        out.append("\n".join("\t".join(r) for r in rows))
    return "\n\n".join(out)


def without_features(doc: Doc) -> Doc:
    """Clear POS and morphology (the UPOS stays in ``token.tag_``) so that the morphologizer
    treats them as missing: the 2017 file has no features, and "no features" is not true."""
    for token in doc:
        token.pos_ = ""
        token.set_morph(None)  # type: ignore[attr-defined]
    return doc


def holdout_split(text: str, heldout_fraction: float, seed: int = 0) -> tuple[str, str]:
    """Split a CoNLL-U text by whole documents into (train, held-out) parts, reproducibly."""
    groups = split_conllu_by_document(text)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    total = sum(len(groups[k]) for k in keys)
    held: list[str] = []
    train: list[str] = []
    n_held = 0
    for key in keys:
        if n_held < heldout_fraction * total:
            held.extend(groups[key])
            n_held += len(groups[key])
        else:
            train.extend(groups[key])
    return "\n\n".join(train) + "\n\n", "\n\n".join(held) + "\n\n"


def write_docbin(docs: Iterable[Doc], out: Path) -> int:
    """Write Docs to a ``.spacy`` file; returns the number of Docs."""
    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def conllu_sentences(text: str) -> list[list[str]]:
    """The word forms of each sentence of a CoNLL-U text (multi-word token ranges such as
    ``1-2`` and empty nodes such as ``3.1`` are not words of the surface text's tokenisation
    spaCy uses, so they are skipped)."""
    sentences: list[list[str]] = []
    for block in text.split("\n\n"):
        words = []
        for line in block.split("\n"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols[1])
        if words:
            sentences.append(words)
    return sentences


def text_paragraphs(text: str) -> list[str]:
    """Non-empty lines of a plain-text article (headline, dateline, paragraphs), whitespace
    collapsed: one pretraining record each."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def raw_key(text: str) -> str:
    """The comparison key of a raw sentence: its whitespace-separated tokens, single-spaced."""
    return " ".join(text.split())


def raw_records(
    sources: Iterable[tuple[str, Iterable[str]]],
    exclude: frozenset[str] | set[str] = frozenset(),
    *,
    seed: int = 0,
) -> tuple[list[dict[str, str]], dict[str, int]]:
    """Pretraining records ``{"text": ...}`` from named sources of raw sentences.

    Sentences whose :func:`raw_key` is in ``exclude`` (the text of every evaluation set: a
    pretrained encoder must not have read the sentences it is scored on) and repeats of a
    sentence already taken are dropped. The records are shuffled with ``seed``: spaCy's
    pretraining reads the file in order, and the last source (e.g. OCR text) would otherwise
    dominate the final weights. Returns the records and the number kept per source
    (``excluded`` and ``duplicates`` count the drops).
    """
    seen: set[str] = set()
    counts: dict[str, int] = {"excluded": 0, "duplicates": 0}
    records: list[dict[str, str]] = []
    for name, sentences in sources:
        counts.setdefault(name, 0)
        for sentence in sentences:
            key = raw_key(sentence)
            if not key:
                continue
            if key in exclude:
                counts["excluded"] += 1
            elif key in seen:
                counts["duplicates"] += 1
            else:
                seen.add(key)
                records.append({"text": key})
                counts[name] += 1
    random.Random(seed).shuffle(records)
    return records, counts
