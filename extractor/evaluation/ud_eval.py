"""UD scoring: UPOS accuracy, UFeats accuracy, lemma accuracy, UAS and LAS on gold tokens.

The model is run on the gold tokenisation of a CoNLL-U file (one Doc per gold sentence, with
the gold ``SpaceAfter`` spacing), so every gold word has exactly one predicted word and the
scores are plain accuracies over words, punctuation included, as in the CoNLL 2018 shared task
with gold tokenisation. LAS compares the universal part of the relation (``obl:arg`` counts as
``obl``), as the CoNLL 2018 evaluation script does; ``las_full`` compares full labels.
The scoring function is pure; :func:`evaluate_file` runs a pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import spacy


@dataclass(frozen=True)
class UDWord:
    """One word of a sentence: form, UPOS, features, lemma, head (0 = root), relation."""

    form: str
    upos: str
    feats: str = "_"
    lemma: str = "_"
    head: int = 0
    deprel: str = "_"
    space_after: bool = True


@dataclass
class UDScores:
    """Word counts and accuracies."""

    words: int = 0
    upos: int = 0
    feats: int = 0
    lemma: int = 0
    uas: int = 0
    las: int = 0
    las_full: int = 0
    sentences: int = 0
    per_deprel: dict[str, list[int]] = field(default_factory=dict)

    def _rate(self, n: int) -> float:
        return n / self.words if self.words else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "upos": round(self._rate(self.upos), 4),
            "ufeats": round(self._rate(self.feats), 4),
            "lemma": round(self._rate(self.lemma), 4),
            "uas": round(self._rate(self.uas), 4),
            "las": round(self._rate(self.las), 4),
            "las_full_labels": round(self._rate(self.las_full), 4),
            "words": self.words,
            "sentences": self.sentences,
            "las_per_deprel": {
                k: {"gold": v[0], "correct": v[1], "accuracy": round(v[1] / v[0], 4)}
                for k, v in sorted(self.per_deprel.items())
                if v[0]
            },
        }


def universal(deprel: str) -> str:
    """The universal part of a UD relation: ``obl:arg`` -> ``obl``; spaCy's ROOT -> ``root``."""
    return deprel.split(":")[0].lower()


def _feats_set(feats: str) -> frozenset[str]:
    return frozenset() if feats in ("_", "") else frozenset(feats.split("|"))


def _norm_lemma(lemma: str) -> str:
    # Alpino marks compound and particle-verb boundaries in lemmas ("af_lopen"); the rule
    # lemmatizer cannot, so boundaries are ignored and case is folded.
    return lemma.replace("_", "").lower()


def score_sentences(pairs: Iterable[tuple[Sequence[UDWord], Sequence[UDWord]]]) -> UDScores:
    """Score (gold words, predicted words) per sentence; both on the same tokenisation."""
    s = UDScores()
    for gold, pred in pairs:
        if len(gold) != len(pred):
            raise ValueError("gold and predicted sentences differ in length")
        s.sentences += 1
        for g, p in zip(gold, pred, strict=True):
            s.words += 1
            s.upos += g.upos == p.upos
            s.feats += _feats_set(g.feats) == _feats_set(p.feats)
            s.lemma += _norm_lemma(g.lemma) == _norm_lemma(p.lemma)
            head_ok = g.head == p.head
            label_ok = universal(g.deprel) == universal(p.deprel)
            s.uas += head_ok
            s.las += head_ok and label_ok
            s.las_full += head_ok and g.deprel.lower() == p.deprel.lower()
            counts = s.per_deprel.setdefault(universal(g.deprel), [0, 0])
            counts[0] += 1
            counts[1] += head_ok and label_ok
    return s


def read_conllu(text: str) -> list[list[UDWord]]:
    """Sentences of a CoNLL-U text; multi-word token lines and empty nodes are skipped."""
    sentences: list[list[UDWord]] = []
    current: list[UDWord] = []
    for line in text.splitlines() + [""]:
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
            continue
        current.append(
            UDWord(
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                feats=cols[5],
                head=int(cols[6]) if cols[6].isdigit() else 0,
                deprel=cols[7],
                space_after="SpaceAfter=No" not in cols[9],
            )
        )
    return sentences


def doc_to_words(doc: spacy.tokens.Doc) -> list[UDWord]:
    """Predicted UD words of a Doc (heads 1-based within the Doc; a root has head 0)."""
    words = []
    for tok in doc:
        head = 0 if tok.head.i == tok.i or tok.dep_.lower() == "root" else tok.head.i + 1
        words.append(
            UDWord(
                form=tok.text,
                upos=tok.pos_,
                feats=str(tok.morph) or "_",
                lemma=tok.lemma_,
                head=head,
                deprel=tok.dep_,
            )
        )
    return words


def predict(nlp: spacy.Language, gold: Sequence[Sequence[UDWord]]) -> list[list[UDWord]]:
    """Run ``nlp`` on the gold tokens, one Doc per sentence (no sentence splitting inside)."""
    from spacy.tokens import Doc

    def make(sent: Sequence[UDWord]) -> Doc:
        doc = Doc(
            nlp.vocab,
            words=[w.form for w in sent],
            spaces=[w.space_after for w in sent[:-1]] + [False],
        )
        # One gold sentence is one sentence: the parser respects preset boundaries.
        for i, tok in enumerate(doc):
            tok.is_sent_start = i == 0
        return doc

    disable = [n for n in ("ner", "paragraph_breaks") if n in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        return [doc_to_words(d) for d in nlp.pipe((make(s) for s in gold), batch_size=256)]


def evaluate_file(nlp: spacy.Language, path: Path) -> UDScores:
    """Score ``nlp`` on a CoNLL-U file."""
    gold = read_conllu(path.read_text(encoding="utf-8"))
    return score_sentences(zip(gold, predict(nlp, gold), strict=True))


def format_table(scores: UDScores) -> str:
    """Human-readable summary."""
    d = scores.as_dict()
    return (
        f"sentences {d['sentences']}, words {d['words']}\n"
        f"UPOS   {100 * float(d['upos']):6.2f}\n"  # type: ignore[arg-type]
        f"UFeats {100 * float(d['ufeats']):6.2f}\n"  # type: ignore[arg-type]
        f"Lemma  {100 * float(d['lemma']):6.2f}\n"  # type: ignore[arg-type]
        f"UAS    {100 * float(d['uas']):6.2f}\n"  # type: ignore[arg-type]
        f"LAS    {100 * float(d['las']):6.2f}"  # type: ignore[arg-type]
    )
