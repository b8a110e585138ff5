"""Model architectures of our own, registered with spaCy's registry.

``extractor.HashCharEmbed.v1``: the hash embeddings of ``spacy.MultiHashEmbed.v2`` (NORM,
PREFIX, SUFFIX, SHAPE ...) concatenated with the character embedding of
``spacy.CharacterEmbed.v2`` (the first and last ``nC/2`` UTF-8 bytes of each word), mixed by one
Maxout layer. Without pretrained vectors, the word's spelling is most of what tells a name from
a common noun (capitals, -heim, -sen, -ovich, Van, De) and a rare verb form from a noun.
Importing this module registers the architecture; :mod:`extractor.nlp.loader` imports it so that
a pipeline trained with it loads.

The character part is spaCy's ``CharacterEmbed`` model (same name, dimensions and weights, so
trained pipelines load unchanged) with a faster input step: spaCy builds the byte table with
``Doc.to_utf8_array``, which creates a Python ``Token`` and sets single array cells for every
word and was half the NER's run time. Here each distinct word's bytes are computed once
(:func:`utf8_key`) and cached, and one table lookup serves the whole batch.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import ORTH, intify_attr
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

#: Cached byte keys per model; cleared when it grows past this many distinct words.
_CACHE_LIMIT = 200_000


def utf8_key(word: str, n_chars: int) -> bytes:
    """The ``n_chars`` bytes that embed ``word``: its UTF-8 bytes in the order first, last,
    second, second-to-last, ..., padded with 255 (exactly ``Doc.to_utf8_array``)."""
    data = word.encode("utf8")
    out = bytearray(b"\xff" * n_chars)
    start, end, j = 0, len(data) - 1, 0
    while j < n_chars and start <= end:
        out[j] = data[start]
        start += 1
        j += 1
        if j < n_chars and start <= end:
            out[j] = data[end]
            end -= 1
            j += 1
    return bytes(out)


def char_embed(nM: int, nC: int) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's ``CharacterEmbed(nM, nC)`` (same parameters) with a cached, batched input."""
    cache: dict[int, bytes] = {}

    def doc_bytes(doc: Doc) -> numpy.ndarray:
        strings = doc.vocab.strings
        rows = []
        for orth in doc.to_array(ORTH).tolist():
            key = cache.get(orth)
            if key is None:
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                key = cache[orth] = utf8_key(strings[orth], nC)
            rows.append(key)
        return numpy.frombuffer(b"".join(rows), dtype=numpy.uint8).reshape((len(doc), nC))

    def forward(model: Model, docs: list[Doc], is_train: bool):  # type: ignore[no-untyped-def]
        # Fancy indexing of 3-d tables: thinc's array types do not describe it.
        E: Any = model.get_param("E")
        nCv = model.ops.xp.arange(nC)
        lengths = [len(doc) for doc in docs]
        ids: Any = model.ops.xp.asarray(
            numpy.concatenate([doc_bytes(doc) for doc in docs])
            if docs
            else numpy.zeros((0, nC), dtype=numpy.uint8)
        )
        # vectors[i, j, k] == E[j, ids[i, j], k]: character j of word i in table j.
        vectors = E[nCv, ids[:, nCv]].reshape((len(ids), nM * nC))
        output = model.ops.unflatten(vectors, model.ops.asarray1i(lengths))

        def backprop(d_output: list[Any]) -> list[Doc]:
            # Per document, as spaCy does (a repeated byte in one document gets one update),
            # so that training with this layer reproduces training with spaCy's.
            dE = model.ops.alloc(E.shape, dtype=E.dtype)
            start = 0
            for length, d_doc in zip(lengths, d_output, strict=True):
                doc_ids = ids[start : start + length]
                dE[nCv, doc_ids[:, nCv]] += d_doc.reshape((length, nC, nM))[:, nCv]
                start += length
            model.inc_grad("E", dE)
            return []

        return output, backprop

    return Model(
        "charembed",
        forward,
        init=_character_embed.init,
        dims={"nM": nM, "nC": nC, "nO": nM * nC, "nV": 256},
        params={"E": None},
    )


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
        char_embed(nM=nM, nC=nC),
        cast(Model[list[Floats2d], Ragged], list2ragged()),
    )
    mix: Model[Ragged, Ragged] = with_array(
        Maxout(width, width * len(attrs) + nM * nC, nP=3, normalize=True, dropout=0.0)
    )
    return chain(concatenate(hashed, chars), mix, ragged2list())


@registry.architectures("extractor.PretrainCharactersEmbedded.v1")
def pretrain_characters_embedded(maxout_pieces: int, hidden_size: int, n_characters: int) -> Any:
    """spaCy's ``PretrainCharacters.v1`` objective for a tok2vec *embedded* in a parser/NER.

    ``[pretraining] component = "ner", layer = "tok2vec"`` names the NER model's ``tok2vec``
    reference, which spaCy's transition model builds as ``chain(Tok2Vec, list2array,
    Linear)``: an array, not the list of per-document arrays the objective reads. This
    objective predicts the characters from the inner ``Tok2Vec`` (``layers[0]``) but keeps the
    whole chain as the model's ``tok2vec`` reference, so that the saved weights (spaCy saves
    ``model.get_ref("tok2vec")``) load unchanged through ``[initialize] init_tok2vec`` into
    the same reference of the NER (the ``Linear`` is saved as initialised: no gradient
    reaches it here).
    """
    from spacy.ml.models.multi_task import create_pretrain_characters

    build = create_pretrain_characters(maxout_pieces, hidden_size, n_characters)

    def create(vocab: Any, tok2vec: Model) -> Model:
        embedded = len(tok2vec.layers) == 3 and tok2vec.layers[1].name == "list2array"
        inner = tok2vec.layers[0] if embedded else tok2vec
        objective = build(vocab, inner)

        def forward(model: Model, docs: Any, is_train: bool) -> Any:
            return model.layers[0](docs, is_train)

        def init(model: Model, X: Any = None, Y: Any = None) -> None:
            model.layers[0].initialize(X=X, Y=Y)

        model: Model = Model(
            "pretrain_embedded",
            forward,
            init=init,
            layers=[objective, tok2vec],
            attrs={"loss": objective.attrs["loss"]},
        )
        model.set_ref("tok2vec", tok2vec)
        model.set_ref("output_layer", objective.get_ref("output_layer"))
        return model

    return create
