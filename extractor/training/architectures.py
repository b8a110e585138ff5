"""Model architectures of our own, registered with spaCy's registry.

``extractor.HashCharEmbed.v1``: the hash embeddings of ``spacy.MultiHashEmbed.v2`` (NORM,
PREFIX, SUFFIX, SHAPE ...) concatenated with the character embedding of
``spacy.CharacterEmbed.v2`` (the first and last ``nC/2`` UTF-8 bytes of each word), mixed by one
Maxout layer. Without pretrained vectors, the word's spelling is most of what tells a name from
a common noun (capitals, -heim, -sen, -ovich, Van, De) and a rare verb form from a noun.
Importing this module registers the architecture; :mod:`extractor.nlp.loader` imports it so that
a pipeline trained with it loads.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import intify_attr
from spacy.ml import _character_embed
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d, Ragged


@registry.architectures("extractor.HashCharEmbed.v1")
def hash_char_embed(
    width: int, attrs: list[str | int], rows: list[int], nM: int, nC: int
) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of ``attrs`` plus ``nC`` character embeddings of width ``nM``."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    attr_ids = [intify_attr(a) for a in attrs]
    embeddings: list[Model] = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    hashed: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attr_ids),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*embeddings)),
    )
    chars: Model[list[Doc], Ragged] = chain(
        _character_embed.CharacterEmbed(nM=nM, nC=nC),
        cast(Model[list[Floats2d], Ragged], list2ragged()),
    )
    mix: Model[Ragged, Ragged] = with_array(
        Maxout(width, width * len(attrs) + nM * nC, nP=3, normalize=True, dropout=0.0)
    )
    return chain(concatenate(hashed, chars), mix, ragged2list())
