"""Entity-level NER scoring exactly as ``conlleval`` counts it, plus running a model on a file.

conlleval (the CoNLL-2000/2002 script) reads tags per token, finds chunks with its
``startOfChunk``/``endOfChunk`` rules (so IOB1, IOB2 and IOBES all work, and an ``I-X`` after
``O`` or after another type starts a chunk), and counts a predicted chunk as correct only when
gold and prediction start at the same token, end at the same token and have the same type.
Precision = correct / predicted chunks, recall = correct / gold chunks, per type and overall
(micro). The scoring functions here are pure; :func:`evaluate_file` runs a spaCy pipeline on
the gold tokens of a CoNLL-2002-format file (``token POS tag``, blank line between sentences,
``-DOCSTART-`` lines) and scores its ``doc.ents``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import spacy


def split_tag(tag: str) -> tuple[str, str]:
    """``"B-PER"`` -> ``("B", "PER")``; ``"O"`` -> ``("O", "")`` (conlleval's split)."""
    if tag == "O":
        return "O", ""
    prefix, sep, kind = tag.partition("-")
    if not sep:
        return prefix, ""
    return prefix, kind


def end_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    """conlleval's ``endOfChunk``: does a chunk end between the previous token and this one?"""
    pair = (prev_tag, tag)
    if pair in {
        ("B", "B"), ("B", "S"), ("B", "O"),
        ("I", "B"), ("I", "S"), ("I", "O"),
        ("E", "E"), ("E", "I"), ("E", "O"), ("E", "S"), ("E", "B"),
        ("S", "E"), ("S", "I"), ("S", "O"), ("S", "S"), ("S", "B"),
    }:  # fmt: skip
        return True
    if prev_tag not in ("O", ".") and prev_type != type_:
        return True
    return prev_tag in ("]", "[")


def start_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    """conlleval's ``startOfChunk``: does a chunk start at this token?"""
    pair = (prev_tag, tag)
    if pair in {
        ("B", "B"), ("I", "B"), ("O", "B"), ("S", "B"), ("E", "B"),
        ("E", "E"), ("E", "I"), ("O", "E"), ("O", "I"), ("S", "E"), ("S", "I"),
    }:  # fmt: skip
        return True
    if tag not in ("O", ".") and prev_type != type_:
        return True
    return tag in ("[", "]")


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """The set of chunks ``(start, end_exclusive, type)`` in one sentence, conlleval-style."""
    found: set[tuple[int, int, str]] = set()
    prev_tag, prev_type = "O", ""
    start: int | None = None
    for i, raw in enumerate(list(tags) + ["O"]):
        tag, type_ = split_tag(raw)
        if start is not None and end_of_chunk(prev_tag, tag, prev_type, type_):
            found.add((start, i, prev_type))
            start = None
        if start_of_chunk(prev_tag, tag, prev_type, type_):
            start = i
        prev_tag, prev_type = tag, type_
    return found


@dataclass
class TypeScore:
    """Counts and scores for one entity type (or the micro average)."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class NerScores:
    """Per-type and micro scores plus token accuracy."""

    per_type: dict[str, TypeScore] = field(default_factory=dict)
    micro: TypeScore = field(default_factory=TypeScore)
    tokens: int = 0
    tokens_correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.tokens_correct / self.tokens if self.tokens else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "micro": self.micro.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "token_accuracy": round(self.accuracy, 4),
            "tokens": self.tokens,
        }


def score_sentences(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> NerScores:
    """Score (gold tags, predicted tags) per sentence, as conlleval does."""
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    scores = NerScores()
    for gold_tags, pred_tags in pairs:
        if len(gold_tags) != len(pred_tags):
            raise ValueError("gold and predicted tag sequences differ in length")
        g, p = chunks(gold_tags), chunks(pred_tags)
        for c in g:
            gold[c[2]] += 1
        for c in p:
            predicted[c[2]] += 1
        for c in g & p:
            correct[c[2]] += 1
        scores.tokens += len(gold_tags)
        scores.tokens_correct += sum(a == b for a, b in zip(gold_tags, pred_tags, strict=True))
    for kind in set(gold) | set(predicted):
        scores.per_type[kind] = TypeScore(correct[kind], predicted[kind], gold[kind])
    scores.micro = TypeScore(sum(correct.values()), sum(predicted.values()), sum(gold.values()))
    return scores


def read_conll_file(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (words, gold tags) from a CoNLL-2002-format file (tag = last column)."""
    from extractor.training.convert import read_conll2002

    return [(s.words, s.tags) for s in read_conll2002(path.read_text(encoding="utf-8"))]


def doc_to_iob(doc: spacy.tokens.Doc) -> list[str]:
    """IOB2 tags of a Doc's entities, one per token."""
    tags = ["O"] * len(doc)
    for ent in doc.ents:
        tags[ent.start] = f"B-{ent.label_}"
        for i in range(ent.start + 1, ent.end):
            tags[i] = f"I-{ent.label_}"
    return tags


def predict_tags(
    nlp: spacy.Language, sentences: Sequence[Sequence[str]], batch_size: int = 256
) -> list[list[str]]:
    """Run the pipeline on pre-tokenised sentences and return IOB2 tags per token."""
    from spacy.tokens import Doc

    docs = (
        Doc(nlp.vocab, words=list(words), spaces=[True] * (len(words) - 1) + [False])
        for words in sentences
    )
    # Components that never touch doc.ents are skipped (the parser is the slow one); a shared
    # tok2vec stays, in case a user's NER listens to it.
    skip = [n for n in nlp.pipe_names if n in _NOT_NER]
    with nlp.select_pipes(disable=skip):
        return [doc_to_iob(doc) for doc in nlp.pipe(docs, batch_size=batch_size)]


_NOT_NER = {
    "parser", "morphologizer", "lemmatizer", "tagger", "attribute_ruler", "senter",
    "paragraph_breaks",
}  # fmt: skip


def evaluate_file(nlp: spacy.Language, path: Path) -> NerScores:
    """Run ``nlp`` on the tokens of a CoNLL-2002-format file and score its entities."""
    sents = read_conll_file(path)
    preds = predict_tags(nlp, [w for w, _ in sents])
    return score_sentences((g, p) for (_, g), p in zip(sents, preds, strict=True))


def format_table(scores: NerScores) -> str:
    """A conlleval-like text table."""
    lines = [
        f"tokens: {scores.tokens}; accuracy: {100 * scores.accuracy:6.2f}%",
        f"{'type':<8}{'prec':>8}{'rec':>8}{'F1':>8}{'gold':>7}{'pred':>7}",
    ]
    rows = sorted(scores.per_type.items()) + [("micro", scores.micro)]
    for name, s in rows:
        lines.append(
            f"{name:<8}{100 * s.precision:8.2f}{100 * s.recall:8.2f}{100 * s.f1:8.2f}"
            f"{s.gold:7d}{s.predicted:7d}"
        )
    return "\n".join(lines)
