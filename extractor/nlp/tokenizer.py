"""Tokenizer and sentence-boundary fixes for Dutch news text.

* ``paragraph_breaks`` (a spaCy component placed before the parser): a sentence always starts
  after a whitespace token that contains a blank line, and the whitespace token itself is kept
  out of the next sentence. The parser respects boundaries that are already set, so headlines,
  datelines and paragraphs without final punctuation do not run into the next sentence.
* ``space_fixes`` (last, after ner): whitespace tokens get POS ``SPACE`` and no features, and
  entity spans never begin or end with a whitespace token ("China\n\n" -> "China").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


def paragraph_starts(texts: list[str]) -> list[bool | None]:
    """Sentence-start decisions per token from the token texts.

    spaCy keeps any whitespace other than one plain space as a token of its own ("\n",
    "\n\n", "\n \n"). The token after a whitespace token with a line break starts a
    sentence (``True``); elsewhere the parser decides (``None``). In news text a line break
    ends a headline, a dateline or a paragraph, never a running sentence.
    """
    starts: list[bool | None] = [None] * len(texts)
    if texts:
        starts[0] = True
    for i in range(1, len(texts)):
        prev = texts[i - 1]
        if prev.isspace() and "\n" in prev and not texts[i].isspace():
            starts[i] = True
    return starts


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark a sentence start after every blank line (see module docstring)."""
    for token, start in zip(doc, paragraph_starts([t.text for t in doc]), strict=True):
        if start:
            token.is_sent_start = True
    return doc


def trim_space(start: int, end: int, is_space: list[bool]) -> tuple[int, int]:
    """Shrink the token span ``[start, end)`` so that it neither starts nor ends with whitespace."""
    while start < end and is_space[start]:
        start += 1
    while end > start and is_space[end - 1]:
        end -= 1
    return start, end


@Language.component("space_fixes")
def space_fixes(doc: Doc) -> Doc:
    """Whitespace tokens: POS SPACE, and never at the edge of an entity (see module docstring)."""
    is_space = [t.is_space for t in doc]
    if not any(is_space):
        return doc
    for token in doc:
        if token.is_space:
            token.pos_ = "SPACE"
            token.set_morph(None)
    ents = []
    changed = False
    for ent in doc.ents:
        start, end = trim_space(ent.start, ent.end, is_space)
        if (start, end) != (ent.start, ent.end):
            changed = True
        if start < end:
            ents.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
    if changed:
        doc.set_ents(ents, default="outside")
    return doc
