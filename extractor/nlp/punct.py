"""Projective attachment of punctuation after the parser (the ``punct_attach`` component).

UD attaches punctuation by rule, not by meaning: a mark hangs projectively from the head of a
neighbouring subtree, paired marks (brackets, quotes) from the head of what they enclose
(https://universaldependencies.org/u/dep/punct.html). The UD Dutch treebanks follow the rule
almost exactly (re-attaching their gold punctuation by it changes 0.1% of it), but a statistical
parser learns it badly: on the LassySmall held-out part our parser attaches 31% of the
punctuation elsewhere. This module re-attaches each mark the way udapi's ``ud.FixPunct`` block
does (Popel et al., same algorithm re-implemented here on plain lists): marks never have
children, paired marks go to the nearest heads inside the pair, and any other mark keeps its
parser head when that head is one of the candidates that the rule allows, else it moves to the
lower of the highest projective candidates on its left and its right.

Only ``punct`` arcs change, so subjects, objects and attachments that later stages read are
untouched, with one exception: a word the parser hung from a punctuation mark moves to the
mark's own head.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import DEP, HEAD, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.symbols import PUNCT
from spacy.tokens import Doc

PAIRED_PUNCT = {
    "(": ")",
    "[": "]",
    "{": "}",
    '"': '"',
    "'": "'",
    "“": "”",
    "„": "”",
    "‘": "’",
    "«": "»",
    "‹": "›",
}
FINAL_PUNCT = frozenset(".?!")
#: Neighbours that are never a mark's head: other marks, and whitespace tokens ("\n\n").
_SKIP = frozenset({"PUNCT", "SPACE"})
_PUNCT_ID = int(PUNCT)


class _Tree:
    """A sentence as 1-based arrays with an artificial root 0 (udapi's view of a tree)."""

    def __init__(self, forms: Sequence[str], upos: Sequence[str], heads: Sequence[int]):
        self.forms = ["<root>", *forms]
        self.upos = ["ROOT", *upos]
        self.heads = [-1, *heads]
        self.n = len(forms)
        self.kids: list[list[int]] = [[] for _ in range(self.n + 1)]
        for i in range(1, self.n + 1):
            self.kids[self.heads[i]].append(i)

    def set_head(self, i: int, head: int) -> None:
        old = self.heads[i]
        if old != head:
            self.kids[old].remove(i)
            self.kids[head].append(i)
            self.heads[i] = head

    def is_punct(self, i: int) -> bool:
        if i == 0:
            return False
        if self.upos[i] == "PUNCT":
            return True
        form = self.forms[i]
        if form in ("'", '"'):
            return False
        return form in PAIRED_PUNCT or form in PAIRED_PUNCT.values()

    def subtree(self, i: int) -> list[int]:
        """``i`` and its descendants, in word order."""
        kids = self.kids
        out, stack = [], [i]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(kids[node])
        return sorted(out)

    def is_descendant_of(self, i: int, j: int | None) -> bool:
        if j is None:
            return False
        node = self.heads[i]
        while node > 0:
            if node == j:
                return True
            node = self.heads[node]
        return j == 0

    def ancestors(self, i: int) -> set[int]:
        out = {i}
        node = i
        while node > 0:
            node = self.heads[node]
            out.add(node)
        return out

    def is_nonprojective(self, i: int) -> bool:
        """Is some word between ``i`` and its head not dominated by the head?"""
        parent = self.heads[i]
        if parent <= 0:
            return False
        lo, hi = min(i, parent), max(i, parent)
        return any(not self.is_descendant_of(k, parent) for k in range(lo + 1, hi))

    def edge(self, i: int, rightmost: bool) -> int:
        """The leftmost or rightmost word of ``i``'s subtree."""
        best, stack = i, [i]
        kids = self.kids
        while stack:
            node = stack.pop()
            if (node > best) if rightmost else (node < best):
                best = node
            stack.extend(kids[node])
        return best

    def is_nonprojective_gap(self, i: int) -> bool:
        """Is ``i`` inside the span of an arc whose head does not dominate it?"""
        anc = self.ancestors(i)
        for left in range(1, i):
            head = self.heads[left]
            if head > i and head not in anc:
                return True
        for right in range(i + 1, self.n + 1):
            head = self.heads[right]
            if 0 < head < i and head not in anc:
                return True
        return False


def attach_punct(forms: Sequence[str], upos: Sequence[str], heads: Sequence[int]) -> list[int]:
    """New heads (1-based, 0 = root) for one sentence, punctuation attached by the UD rule.

    ``heads`` are 1-based with 0 for the sentence root, like CoNLL-U's HEAD column.
    """
    tree = _Tree(forms, upos, heads)
    # 1. Punctuation has no children: hang them from the nearest non-punctuation ancestor.
    for i in range(1, tree.n + 1):
        while tree.is_punct(tree.heads[i]):
            tree.set_head(i, tree.heads[tree.heads[i]])
    # 2. Paired marks, before the rest, so that "... zegt hij." keeps the quotes together.
    kind: list[str | None] = [None] * (tree.n + 1)
    for i in range(1, tree.n + 1):
        if kind[i] != "closing" and tree.forms[i] in PAIRED_PUNCT:
            _fix_paired(tree, i, PAIRED_PUNCT[tree.forms[i]], kind)
    # 3. Any other mark.
    for i in range(1, tree.n + 1):
        if tree.upos[i] == "PUNCT" and not kind[i]:
            _fix_subordinate(tree, i, kind)
    # 4. Exactly one word hangs from the root.
    roots = [i for i in range(1, tree.n + 1) if tree.heads[i] == 0]
    if len(roots) > 1:
        keep = next((r for r in roots if not tree.is_punct(r)), roots[0])
        for r in roots:
            if r != keep:
                tree.set_head(r, keep)
    return tree.heads[1:]


def _fix_paired(tree: _Tree, opening: int, closing_form: str, kind: list[str | None]) -> None:
    if tree.forms[opening] in ("'", '"') and tree.upos[opening] != "PUNCT":
        return
    level = 0
    for j in range(opening + 1, tree.n + 1):
        if tree.forms[j] == closing_form:
            if level > 0:
                level -= 1
            else:
                _fix_pair(tree, opening, j, kind)
                return
        elif tree.forms[j] == tree.forms[opening]:
            level += 1


def _fix_pair(tree: _Tree, opening: int, closing: int, kind: list[str | None]) -> None:
    heads: list[int] = []
    punct_heads: list[int] = []
    for i in range(1, tree.n + 1):
        if i in (opening, closing):
            continue
        parent = tree.heads[i]
        if opening < i < closing:
            if parent < opening or parent > closing:
                (punct_heads if tree.is_punct(i) else heads).append(i)
        elif opening < parent < closing:
            (punct_heads if tree.is_punct(parent) else heads).append(parent)
    if not heads:
        heads = punct_heads
    if not heads:
        return
    heads.sort()
    tree.set_head(opening, heads[0])
    tree.set_head(closing, heads[-1])
    kind[opening] = "opening"
    kind[closing] = "closing"
    if _causes_gap(tree, opening):
        tree.set_head(opening, opening + 1)
        while tree.heads[opening] < closing - 1 and (
            tree.upos[tree.heads[opening]] == "PUNCT"
            or tree.is_nonprojective(opening)
            or _causes_gap(tree, opening)
        ):
            tree.set_head(opening, tree.heads[opening] + 1)
    if _causes_gap(tree, closing):
        tree.set_head(closing, closing - 1)
        while tree.heads[closing] > opening + 1 and (
            tree.upos[tree.heads[closing]] == "PUNCT"
            or tree.is_nonprojective(closing)
            or _causes_gap(tree, closing)
        ):
            tree.set_head(closing, tree.heads[closing] - 1)


def _causes_gap(tree: _Tree, i: int) -> bool:
    parent = tree.heads[i]
    return tree.is_nonprojective_gap(i) and not (parent > 0 and tree.is_nonprojective_gap(parent))


def _fix_subordinate(tree: _Tree, node: int, kind: list[str | None]) -> None:
    parent = tree.heads[node]
    # A dot that closes an abbreviation or an ordinal ("3.") stays on its word.
    if tree.forms[node] == "." and parent == node - 1:
        return
    # Commas and dashes that work as a pair around the parent's subtree stay.
    p_desc = tree.subtree(parent) if parent > 0 else list(range(0, tree.n + 1))
    if node in (p_desc[0], p_desc[-1]) and len(p_desc) == p_desc[-1] - p_desc[0] + 1:
        first, last = p_desc[0], p_desc[-1]
        if (
            tree.upos[first] == "PUNCT"
            and tree.upos[last] == "PUNCT"
            and tree.heads[first] == parent
            and tree.heads[last] == parent
        ):
            return
    left: int | None = node - 1
    right: int | None = None if tree.forms[node] in FINAL_PUNCT or node == tree.n else node + 1
    while left is not None and left > 0 and tree.upos[left] in _SKIP:
        if kind[left] == "opening" and tree.heads[left] != node:
            left = None
            break
        left -= 1
    while right is not None and tree.upos[right] in _SKIP:
        if kind[right] == "closing" and tree.heads[right] != node:
            right = None
            break
        right = right + 1 if right < tree.n else None
    l_path: list[int] = []
    r_path: list[int] = []
    if left is not None and left > 0:
        l_path = [left]
        while (
            tree.heads[left] > 0
            and tree.heads[left] < node
            and not node < tree.edge(left, rightmost=True)
        ):
            left = tree.heads[left]
            l_path.append(left)
    else:
        left = None
    if right is not None:
        r_path = [right]
        while (
            tree.heads[right] > 0
            and node < tree.heads[right]
            and not tree.edge(right, rightmost=False) < node
        ):
            right = tree.heads[right]
            r_path.append(right)
    l_path = [c for c in l_path if _projective_under(tree, node, c)]
    r_path = [c for c in r_path if _projective_under(tree, node, c)]
    tree.set_head(node, parent)
    l_cand = l_path[-1] if l_path else None
    r_cand = r_path[-1] if r_path else None
    if l_cand is not None and tree.is_descendant_of(l_cand, r_cand):
        cand, path = l_cand, l_path
    elif r_cand is not None and tree.is_descendant_of(r_cand, l_cand):
        cand, path = r_cand, r_path
    elif l_cand is not None:
        cand, path = l_cand, l_path + r_path
    elif r_cand is not None:
        cand, path = r_cand, l_path + r_path
    else:
        return
    # Keep the parser's head when the rule allows it (it cannot tell whether a comma closes
    # the unit on its left or opens the one on its right; the parser sometimes can).
    if parent not in path:
        tree.set_head(node, cand)


def _projective_under(tree: _Tree, node: int, cand: int) -> bool:
    tree.set_head(node, cand)
    return not tree.is_nonprojective(node) and not _causes_gap(tree, node)


@Language.component("punct_attach")
def punct_attach(doc: Doc) -> Doc:
    """Re-attach punctuation projectively in every parsed sentence (see module docstring)."""
    if not doc.has_annotation("DEP"):
        return doc
    arr = doc.to_array([HEAD, DEP, POS, SENT_START, ORTH])  # uint64; HEAD is an offset
    offsets = arr.view(numpy.int64)  # the same memory, read as signed values
    n = len(doc)
    absolute = offsets[:, 0] + numpy.arange(n)
    is_punct = arr[:, 2] == _PUNCT_ID
    starts = [i for i in numpy.flatnonzero(offsets[:, 3] == 1).tolist() if i > 0]
    strings = doc.vocab.strings
    changed = False
    for start, end in zip([0, *starts], [*starts, n], strict=True):
        if not is_punct[start:end].any():
            continue
        sent_heads = absolute[start:end].tolist()
        heads = [0 if h == i else h - start + 1 for i, h in enumerate(sent_heads, start)]
        if any(h < 0 or h > end - start for h in heads):
            continue  # an arc leaves the sentence: leave it to the parser
        forms = [strings[orth] for orth in arr[start:end, 4].tolist()]
        upos = [strings[pos] for pos in arr[start:end, 2].tolist()]
        new = attach_punct(forms, upos, heads)
        for k, (old_h, new_h) in enumerate(zip(heads, new, strict=True)):
            if old_h != new_h:
                changed = True
                i = start + k
                offsets[i, 0] = 0 if new_h == 0 else (start + new_h - 1) - i
    if changed:
        # Only arcs inside a sentence moved, so the sentences stay the parser's.
        heads_deps = numpy.ascontiguousarray(arr[:, :2], dtype=numpy.uint64)
        doc.from_array([HEAD, DEP], heads_deps)  # type: ignore[arg-type]  # thinc Ints2d
    return doc
