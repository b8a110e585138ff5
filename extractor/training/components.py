"""Pipeline components of our own that trained models depend on.

``upos_from_tag``: the UD pipeline has a ``tagger`` trained on UPOS (``token.tag_`` holds the
UPOS tag, see :func:`extractor.training.convert.conllu_docs`) next to the ``morphologizer``
(UPOS + features as one label). With ~90k training words the combined labels are sparse; a
tagger with only the 17 UPOS classes predicts UPOS better, so its tag overwrites the
morphologizer's POS. Importing this module registers the component; :mod:`extractor.nlp.loader`
imports it so that a pipeline with it loads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc


def upos_of(tag: str) -> str | None:
    """The UPOS tag a fine tag stands for, or None when it is not a UPOS tag (keep the POS)."""
    return tag if tag in UPOS_IDS and tag.isupper() else None


@Language.component("upos_from_tag")
def upos_from_tag(doc: Doc) -> Doc:
    """Set ``token.pos_`` from ``token.tag_`` where the tag is a UPOS tag."""
    for token in doc:
        pos = upos_of(token.tag_)
        if pos is not None:
            token.pos_ = pos
    return doc
