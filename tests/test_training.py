"""Conversion of the shared formats, and the train -> assemble -> load path on tiny data."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.training.convert import (
    holdout_split,
    iob_to_spans,
    read_bio_stream,
    read_conll2002,
    split_conllu_by_document,
)

CONLL = """-DOCSTART- -DOCSTART- O
Jan N B-PER
Peeters N I-PER
werkt V O
bij Prep O
Agfa N B-ORG
. Punc O

In Prep O
Antwerpen N B-LOC
. Punc O
-DOCSTART- -DOCSTART- O
De Art O
Morgen N B-ORG
"""


def test_read_conll2002() -> None:
    sents = read_conll2002(CONLL)
    assert [s.words for s in sents] == [
        ["Jan", "Peeters", "werkt", "bij", "Agfa", "."],
        ["In", "Antwerpen", "."],
        ["De", "Morgen"],
    ]
    assert [s.doc_index for s in sents] == [1, 1, 2]
    assert sents[0].tags[:2] == ["B-PER", "I-PER"]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O"], [(0, 2, "PER")]),
        (["I-LOC", "O", "I-ORG", "I-ORG"], [(0, 1, "LOC"), (2, 4, "ORG")]),  # I- without B-
        (["B-ORG", "B-ORG"], [(0, 1, "ORG"), (1, 2, "ORG")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
        (["O"], []),
    ],
)
def test_iob_to_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert iob_to_spans(tags) == spans


def test_read_bio_stream_cuts_at_sentence_ends_outside_entities() -> None:
    text = "De O\nkoning B-PER\n. O\nHij O\nging O\nnaar O\nSt B-LOC\n. I-LOC\nPetersburg I-LOC\n"
    sents = read_bio_stream(text)
    assert [s.words for s in sents] == [
        ["De", "koning", "."],
        ["Hij", "ging", "naar", "St", ".", "Petersburg"],
    ]
    long = "\n".join(["woord O"] * 130)
    assert [len(s.words) for s in read_bio_stream(long, max_len=60)] == [60, 60, 10]


def _conllu_sentence(sent_id: str, words: list[str]) -> str:
    lines = [f"# sent_id = {sent_id}"]
    for i, w in enumerate(words, 1):
        head, rel = (0, "root") if i == 1 else (1, "dep")
        lines.append(f"{i}\t{w}\t{w.lower()}\tNOUN\t_\t_\t{head}\t{rel}\t_\t_")
    return "\n".join(lines)


def test_holdout_split_keeps_documents_whole() -> None:
    blocks = [
        _conllu_sentence(f"wiki-{d}.p.{p}.s.1", ["a", "b"]) for d in range(10) for p in range(3)
    ]
    text = "\n\n".join(blocks) + "\n\n"
    groups = split_conllu_by_document(text)
    assert sorted(groups) == [f"wiki-{d}" for d in range(10)]
    train, held = holdout_split(text, 0.3, seed=0)
    train_docs = set(split_conllu_by_document(train))
    held_docs = set(split_conllu_by_document(held))
    assert not train_docs & held_docs
    assert len(held_docs) == 3 and len(train_docs) == 7
    assert holdout_split(text, 0.3, seed=0) == (train, held)  # reproducible


UD_SENTS = [
    (
        "Ik kocht het .",
        ["PRON", "VERB", "PRON", "PUNCT"],
        [2, 0, 2, 2],
        ["nsubj", "root", "obj", "punct"],
    ),
    (
        "ASML levert machines .",
        ["PROPN", "VERB", "NOUN", "PUNCT"],
        [2, 0, 2, 2],
        ["nsubj", "root", "obj", "punct"],
    ),
]


def _tiny_conllu(n_docs: int) -> str:
    out = []
    for d in range(n_docs):
        for k, (text, pos, heads, deps) in enumerate(UD_SENTS):
            lines = [f"# sent_id = wiki-{d}.p.1.s.{k}"]
            for i, w in enumerate(text.split(), 1):
                cols = [str(i), w, w.lower(), pos[i - 1], "_", "_", str(heads[i - 1])]
                lines.append("\t".join([*cols, deps[i - 1], "_", "_"]))
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n\n"


@pytest.mark.slow
def test_train_assemble_load_on_tiny_data(tmp_path: Path) -> None:
    """One short training of each sub-pipeline, assembled and loaded like the shipped model."""
    from extractor.nlp.loader import load_base
    from extractor.training import pipeline as tp

    (tmp_path / "ner.conll").write_text(CONLL * 3, encoding="utf-8")
    (tmp_path / "ud-train.conllu").write_text(_tiny_conllu(4), encoding="utf-8")
    (tmp_path / "ud-split.conllu").write_text(_tiny_conllu(4), encoding="utf-8")
    corpus = tp.CorpusPaths(tmp_path / "corpus")
    counts = tp.prepare_ner([tmp_path / "ner.conll"], tmp_path / "ner.conll", corpus)
    assert counts == {"ner_train_docs": 9, "ner_dev_docs": 9}
    tp.prepare_ud(
        [tmp_path / "ud-train.conllu"], tmp_path / "ud-split.conllu", corpus, heldout_fraction=0.5
    )
    quick = {
        "training.max_steps": 3,
        "training.eval_frequency": 2,
        "components.tok2vec.model.encode.width": 16,
    }
    tp.train_component(
        tp.CONFIG_DIR / "ud.cfg", tmp_path / "ud", corpus.ud_train, corpus.ud_dev, quick
    )
    tp.train_component(
        tp.CONFIG_DIR / "ner.cfg",
        tmp_path / "ner",
        corpus.ner_train,
        corpus.ner_dev,
        {
            "training.max_steps": 3,
            "training.eval_frequency": 2,
            "components.ner.model.tok2vec.encode.width": 16,
        },
    )
    out = tp.assemble(
        tmp_path / "ud" / "model-last", tmp_path / "ner" / "model-last", tmp_path / "model"
    )
    nlp = load_base(out)
    assert nlp.pipe_names == [
        "tok2vec", "morphologizer", "lemmatizer", "paragraph_breaks", "parser", "punct_attach",
        "ner", "space_fixes",
    ]  # fmt: skip
    # Lemma tables travel inside the model directory.
    assert "lemma_lookup" in nlp.get_pipe("lemmatizer").lookups.tables  # type: ignore[attr-defined]
    doc = nlp("Kop zonder punt\n\nDe tekst van ASML.")
    assert doc[4].is_sent_start
    assert all(t.lemma_ for t in doc if not t.is_space)
    assert nlp("'s-Hertogenbosch is mooi.")[0].text == "'s-Hertogenbosch"
    assert [t.text for t in nlp("Naar de VS. Dat zei dhr. Jansen.")][2:5] == ["VS", ".", "Dat"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("VS.", True),
        ("BV.", True),
        ("vs.", False),
        ("B.", False),
        ("D.W.Z.", False),
        ("XYZ.", False),
    ],
)
def test_is_shouted_abbreviation(key: str, expected: bool) -> None:
    from extractor.training.pipeline import is_shouted_abbreviation

    rules = {"vs.": [], "bv.": [], "VS.": [], "BV.": [], "B.": [], "D.W.Z.": [], "XYZ.": []}
    assert is_shouted_abbreviation(key, rules) is expected


@pytest.mark.parametrize(
    "words",
    [["ASML", "levert", "één", "machine"], ["a", "ab", "Curaçao-eiland", "😀x", "Rijkswaterstaat"]],
)
def test_utf8_key_matches_spacy(words: list[str]) -> None:
    """The cached byte keys are exactly spaCy's ``Doc.to_utf8_array`` rows."""
    import numpy
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from extractor.training.architectures import utf8_key

    doc = Doc(Vocab(), words=words)
    for n in (3, 8):
        ours = numpy.array([list(utf8_key(w, n)) for w in words], dtype="uint8")
        assert (ours == doc.to_utf8_array(nr_char=n)).all()


def test_char_embed_same_as_spacy() -> None:
    """Same output and gradient as spaCy's CharacterEmbed, so trained weights stay valid."""
    import numpy
    from spacy.ml._character_embed import CharacterEmbed
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from extractor.training.architectures import char_embed

    vocab = Vocab()
    docs = [Doc(vocab, words=["ASML", "levert", "aan", "aan", "TSMC"]), Doc(vocab, words=["Ja"])]
    ours, theirs = char_embed(nM=3, nC=4), CharacterEmbed(nM=3, nC=4)
    weights = numpy.random.RandomState(0).randn(4, 256, 3).astype("f")
    for model in (ours, theirs):
        model.initialize()
        model.set_param("E", weights.copy())
    (y1, back1), (y2, back2) = ours.begin_update(docs), theirs.begin_update(docs)
    assert all((a == b).all() for a, b in zip(y1, y2, strict=True))
    grads = [numpy.random.RandomState(1).randn(*y.shape).astype("f") for y in y1]
    back1(grads)
    back2(grads)
    assert numpy.allclose(ours.get_grad("E"), theirs.get_grad("E"))


@pytest.mark.parametrize(
    ("tag", "pos"),
    [("NOUN", "NOUN"), ("PROPN", "PROPN"), ("_SP", None), ("", None), ("N|soort|ev", None)],
)
def test_upos_of(tag: str, pos: str | None) -> None:
    from extractor.training.components import upos_of

    assert upos_of(tag) == pos


def test_conllu_docs_upos_as_tag() -> None:
    from extractor.training.convert import conllu_docs

    # An XPOS column as in LassySmall dev and Alpino: the tag becomes the UPOS tag anyway.
    text = (
        "# sent_id = wiki-1.p.1.s.1\n"
        + "\n".join(
            f"{i}\t{w}\t{w.lower()}\t{upos}\t{xpos}\t_\t{h}\t{rel}\t_\t_"
            for i, (w, upos, xpos, h, rel) in enumerate(
                [
                    ("ASML", "PROPN", "N|eigen|ev", 2, "nsubj"),
                    ("groeit", "VERB", "WW|pv", 0, "root"),
                ],
                1,
            )
        )
        + "\n\n"
    )
    assert [t.tag_ for t in next(conllu_docs(text))] == ["PROPN", "VERB"]
    assert [t.tag_ for t in next(conllu_docs(text, upos_as_tag=False))] == ["N|eigen|ev", "WW|pv"]


@pytest.mark.parametrize(
    ("form", "upos", "deprel", "expected"),
    [
        ("zijn", "DET", "det", ("PRON", "nmod:poss")),
        ("zijn", "AUX", "cop", ("AUX", "cop")),  # the verb stays
        ("Hun", "DET", "det", ("PRON", "nmod:poss")),
        ("eerste", "NUM", "nummod", ("ADJ", "amod")),
        ("19de", "NUM", "nummod", ("ADJ", "amod")),
        ("twintigste", "NUM", "obl", ("ADJ", "obl")),
        ("twee", "NUM", "nummod", ("NUM", "nummod")),
        ("honderden", "NUM", "nummod", ("NUM", "nummod")),
        ("als", "ADP", "mark", ("SCONJ", "mark")),
        ("Deman", "PROPN", "flat:name", ("PROPN", "flat")),
        ("zich", "PRON", "obj", ("PRON", "expl:pv")),
        ("het", "DET", "det", ("DET", "det")),
    ],
)
def test_modernise_row(form: str, upos: str, deprel: str, expected: tuple[str, str]) -> None:
    from extractor.training.convert import modernise_row

    assert modernise_row(form, upos, deprel) == expected


def test_modernise_2017_marks_passive_agent() -> None:
    from extractor.training.convert import modernise_2017

    rows = [
        ("Het", "DET", 2, "det"),
        ("boek", "NOUN", 4, "nsubj:pass"),
        ("werd", "AUX", 4, "aux:pass"),
        ("geschreven", "VERB", 0, "root"),
        ("door", "ADP", 6, "case"),
        ("Mulisch", "PROPN", 4, "obl"),
        ("in", "ADP", 8, "case"),
        ("Amsterdam", "PROPN", 4, "obl"),
    ]
    text = "# sent_id = wiki-1.p.1.s.1\n" + "\n".join(
        f"{i}\t{w}\t_\t{p}\t_\t_\t{h}\t{r}\t_\t_" for i, (w, p, h, r) in enumerate(rows, 1)
    )
    out = [line.split("\t") for line in modernise_2017(text).splitlines()[1:]]
    assert [r[7] for r in out] == [
        "det", "nsubj:pass", "aux:pass", "root", "case", "obl:agent", "case", "obl",
    ]  # fmt: skip
    active = text.replace("aux:pass", "aux")  # no passive: 'door' is an ordinary obl
    assert modernise_2017(active).splitlines()[6].split("\t")[7] == "obl"


def test_without_features_makes_morphology_missing() -> None:
    from extractor.training.convert import conllu_docs, without_features

    doc = without_features(next(conllu_docs(_tiny_conllu(1))))
    assert [t.tag_ for t in doc][:2] == ["PRON", "VERB"]  # UPOS kept for the tagger
    assert all(t.pos_ == "" and not str(t.morph) for t in doc)
