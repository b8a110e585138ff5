"""A Hugging Face token-classification model as the pipeline's NER (``--ner-model``).

The component ``hf_ner`` loads any ``AutoModelForTokenClassification`` with its (fast)
tokenizer from a local path or a hub name, runs it on CPU in batches and writes ``doc.ents``,
replacing the spaCy NER's entities. Alignment: each Doc is cut into chunks of whole sentences
(or token windows when one sentence is too long for the model), each chunk's text is tokenised
with character offsets, and every spaCy token takes the label of its FIRST sub-token. Token labels
in any of the usual schemes (IOB1/IOB2, BIOES/BILOU, bare IO labels) become spans with the
conlleval chunk rules; entity types are mapped to PER/ORG/LOC/MISC where the name is known
(``PERSON`` -> ``PER``, ``GPE`` -> ``LOC``, ...), and kept as they are otherwise.

transformers and torch are an optional extra: ``pip install -e .[transformers]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.errors import ModelError
from extractor.evaluation.ner_eval import chunks

#: Entity type names of common NER label sets, mapped to the CoNLL types the pipeline uses.
TYPE_MAP: dict[str, str] = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "PERSOON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "ORGANISATIE": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "LOCATIE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "MIS": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "PRO": "MISC",
    "EVE": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

_PREFIX_MAP = {"B": "B", "I": "I", "E": "E", "L": "E", "S": "S", "U": "S"}


def normalise_label(label: str, type_map: dict[str, str] | None = None) -> str:
    """A model label as a conlleval tag: ``"B-PERSON"`` -> ``"B-PER"``, ``"U-ORG"`` -> ``"S-ORG"``,
    ``"LOC"`` (IO scheme) -> ``"I-LOC"``, ``"O"``/``"OTHER"`` -> ``"O"``."""
    types = TYPE_MAP if type_map is None else type_map
    raw = label.strip()
    if raw.upper() in ("O", "OTHER", "OUTSIDE", ""):
        return "O"
    prefix, sep, kind = raw.partition("-")
    if sep and prefix.upper() in _PREFIX_MAP and kind:
        tag = _PREFIX_MAP[prefix.upper()]
        kind_up = kind.upper()
    else:
        tag, kind_up = "I", raw.upper()
    return f"{tag}-{types.get(kind_up, kind_up)}"


def labels_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, type)`` from per-token model labels (any scheme)."""
    return sorted(chunks([normalise_label(x) for x in labels]))


@dataclass(frozen=True)
class _Chunk:
    doc_index: int
    start: int  # first token index
    end: int  # token index after the last


def token_char_index(doc: Doc, start: int, end: int) -> list[int]:
    """For each character of ``doc[start:end].text``: the Doc token index it belongs to, or -1
    for whitespace between tokens."""
    base = doc[start].idx
    out = [-1] * (doc[end - 1].idx + len(doc[end - 1]) - base)
    for tok in doc[start:end]:
        if tok.is_space:
            continue
        for c in range(tok.idx - base, tok.idx - base + len(tok)):
            out[c] = tok.i
    return out


def align_first_subtoken(
    offsets: Sequence[tuple[int, int]], char_to_token: Sequence[int]
) -> dict[int, int]:
    """Map spaCy token index -> position of its first sub-token.

    ``offsets`` are the tokenizer's character offsets (special tokens have ``(0, 0)``);
    a sub-token belongs to the token of its first non-whitespace character (some tokenizers
    include the leading space in the offset).
    """
    first: dict[int, int] = {}
    for pos, (a, b) in enumerate(offsets):
        if b <= a:
            continue
        for c in range(a, min(b, len(char_to_token))):
            tok = char_to_token[c]
            if tok >= 0:
                first.setdefault(tok, pos)
                break
    return first


class HFNerComponent:
    """spaCy component wrapping a transformers token classifier (see module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        model_name: str,
        batch_size: int = 8,
        max_length: int = 512,
    ) -> None:
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the installed extras
            raise ModelError(
                "--ner-model needs transformers and torch: pip install -e .[transformers]"
            ) from exc
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model_name)
            self.model = AutoModelForTokenClassification.from_pretrained(model_name)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the NER model {model_name!r}: {exc}") from exc
        if not getattr(self.tokenizer, "is_fast", False):
            raise ModelError(f"{model_name!r} has no fast tokenizer; offsets are needed to align")
        self.model.eval()
        self.torch = torch
        self.name = name
        self.batch_size = batch_size
        limit = getattr(self.tokenizer, "model_max_length", max_length) or max_length
        self.max_length = min(max_length, limit if limit < 100_000 else max_length)
        self.id2label: dict[int, str] = {int(k): v for k, v in self.model.config.id2label.items()}

    # --- chunking -------------------------------------------------------------------------

    def _n_subtokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=True)["input_ids"])

    def _chunks(self, doc_index: int, doc: Doc) -> Iterator[_Chunk]:
        """Chunks of whole sentences that fit the model; over-long ones are halved."""
        if len(doc) == 0:
            return
        sents = (
            [(s.start, s.end) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else [(0, len(doc))]
        )
        budget = self.max_length
        pending: list[tuple[int, int]] = list(reversed(sents))
        cur_start, cur_end, cur_len = -1, -1, 0
        while pending:
            start, end = pending.pop()
            n = self._n_subtokens(doc[start:end].text)
            if n > budget and end - start > 1:
                mid = (start + end) // 2
                pending.extend([(mid, end), (start, mid)])
                continue
            if cur_start >= 0 and cur_len + n <= budget:
                cur_end, cur_len = end, cur_len + n
                continue
            if cur_start >= 0:
                yield _Chunk(doc_index, cur_start, cur_end)
            cur_start, cur_end, cur_len = start, end, n
        if cur_start >= 0:
            yield _Chunk(doc_index, cur_start, cur_end)

    # --- prediction -----------------------------------------------------------------------

    def _predict(self, docs: Sequence[Doc], batch: Sequence[_Chunk]) -> list[list[str]]:
        texts = [docs[c.doc_index][c.start : c.end].text for c in batch]
        enc = self.tokenizer(
            texts,
            return_offsets_mapping=True,
            padding=True,
            truncation=True,
            max_length=self.max_length,
            return_tensors="pt",
        )
        offsets = enc.pop("offset_mapping").tolist()
        with self.torch.inference_mode():
            logits = self.model(**enc).logits
        best = logits.argmax(-1).tolist()
        out = []
        for chunk, offs, ids in zip(batch, offsets, best, strict=True):
            doc = docs[chunk.doc_index]
            char_to_tok = token_char_index(doc, chunk.start, chunk.end)
            first = align_first_subtoken([tuple(o) for o in offs], char_to_tok)
            labels = ["O"] * (chunk.end - chunk.start)
            for tok_i, pos in first.items():
                labels[tok_i - chunk.start] = self.id2label.get(ids[pos], "O")
            out.append(labels)
        return out

    def _set_ents(self, docs: Sequence[Doc], chunk_list: Sequence[_Chunk], labels: list[list[str]]):
        per_doc: dict[int, list[Span]] = {i: [] for i in range(len(docs))}
        for chunk, labs in zip(chunk_list, labels, strict=True):
            doc = docs[chunk.doc_index]
            for a, b, kind in labels_to_spans(labs):
                span = doc[chunk.start + a : chunk.start + b]
                # Leading/trailing whitespace tokens never belong to a name.
                while len(span) and span[0].is_space:
                    span = span[1:]
                while len(span) and span[-1].is_space:
                    span = span[:-1]
                if len(span):
                    per_doc[chunk.doc_index].append(Span(doc, span.start, span.end, label=kind))
        for i, doc in enumerate(docs):
            doc.set_ents(per_doc[i], default="outside")

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Process Docs in groups of ``batch_size``; model batches of ``self.batch_size``."""
        group: list[Doc] = []
        for doc in stream:
            group.append(doc)
            if len(group) >= batch_size:
                yield from self._process(group)
                group = []
        if group:
            yield from self._process(group)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        all_chunks = [c for i, d in enumerate(docs) for c in self._chunks(i, d)]
        # Similar lengths in one model batch waste less padding.
        order = sorted(
            range(len(all_chunks)), key=lambda k: all_chunks[k].end - all_chunks[k].start
        )
        labels: list[list[str]] = [[] for _ in all_chunks]
        for k in range(0, len(order), self.batch_size):
            idx = order[k : k + self.batch_size]
            for j, labs in zip(idx, self._predict(docs, [all_chunks[j] for j in idx]), strict=True):
                labels[j] = labs
        self._set_ents(docs, all_chunks, labels)
        return docs

    def __call__(self, doc: Doc) -> Doc:
        return self._process([doc])[0]


@Language.factory(
    "hf_ner",
    assigns=["doc.ents"],
    default_config={"model_name": "", "batch_size": 8, "max_length": 512},
)
def make_hf_ner(
    nlp: Language, name: str, model_name: str, batch_size: int, max_length: int
) -> HFNerComponent:
    """spaCy factory of :class:`HFNerComponent`."""
    return HFNerComponent(nlp, name, model_name, batch_size=batch_size, max_length=max_length)


def add_hf_ner(nlp: Language, model_name: str, **config: Any) -> Language:
    """Replace the pipeline's ``ner`` by the transformers backend (in the same position)."""
    position: dict[str, str | bool] = {"last": True}
    if "ner" in nlp.pipe_names:
        names = nlp.pipe_names
        i = names.index("ner")
        if i + 1 < len(names):
            position = {"before": names[i + 1]}
        nlp.remove_pipe("ner")
    nlp.add_pipe("hf_ner", config={"model_name": model_name, **config}, **position)  # type: ignore[arg-type]
    return nlp
