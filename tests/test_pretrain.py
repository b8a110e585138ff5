"""The raw-text corpus for ``spacy pretrain`` and the pretrain -> fine-tune weight path."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractor.training import paths
from extractor.training.convert import conllu_sentences, raw_records, text_paragraphs


def _conllu(doc_id: str, k: int, words: list[str]) -> str:
    lines = [f"# sent_id = {doc_id}.p.1.s.{k}"]
    for i, w in enumerate(words, 1):
        lines.append("\t".join([str(i), w, w, "X", "_", "_", "0", "root", "_", "_"]))
    return "\n".join(lines)


def test_conllu_sentences_skips_ranges_and_empty_nodes() -> None:
    text = (
        "# text = Ik ga ten huize\n"
        "1\tIk\tik\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
        "2-3\tgaan's\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tga\tgaan\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\t's\t's\tPRON\t_\t_\t2\tobj\t_\t_\n"
        "3.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n"
        "\n" + _conllu("d", 1, ["Twee", "zinnen"]) + "\n\n"
    )
    assert conllu_sentences(text) == [["Ik", "ga", "'s"], ["Twee", "zinnen"]]


def test_text_paragraphs() -> None:
    assert text_paragraphs("Kop\n\n  Eerste   alinea.\n \nTweede.\n") == [
        "Kop",
        "Eerste alinea.",
        "Tweede.",
    ]


def test_raw_records_excludes_dedupes_and_shuffles_reproducibly() -> None:
    sources = [("a", ["x  y", "z", "x y", "test zin"]), ("b", ["w", "z"])]
    records, counts = raw_records(sources, {"test zin"}, seed=0)
    assert sorted(r["text"] for r in records) == ["w", "x y", "z"]
    assert counts == {"excluded": 1, "duplicates": 2, "a": 2, "b": 1}
    assert raw_records(sources, {"test zin"}, seed=0)[0] == records


def _fake_data(root: Path) -> None:
    """A shared-data folder in miniature, at the real relative paths."""
    conll = "-DOCSTART- -DOCSTART- O\n{}\n"
    (root / paths.NED_TRAIN).parent.mkdir(parents=True)
    (root / paths.NED_TRAIN).write_text(
        conll.format("Jan N B-PER\nwerkt V O\n\nDe Morgen N B-ORG\n"), encoding="utf-8"
    )
    (root / paths.NED_DEV).write_text(
        conll.format("Testa N O\nzin N O\n\nDe Morgen N B-ORG\n"), encoding="utf-8"
    )
    for rel, prefix in ((paths.LASSY_PRETRAIN, "wiki-old"), (paths.LASSY_DEV, "wiki-dev")):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(_conllu(f"{prefix}-1", 1, [prefix, "tekst"]) + "\n\n")
    alpino = [_conllu(f"art{d}", 1, ["alpino", f"artikel{d}"]) for d in range(6)]
    (root / paths.ALPINO_DEV).parent.mkdir(parents=True)
    (root / paths.ALPINO_DEV).write_text("\n\n".join(alpino) + "\n\n", encoding="utf-8")
    (root / paths.EUROPEANA).parent.mkdir(parents=True)
    with gzip.open(root / paths.EUROPEANA, "wt", encoding="utf-8") as fh:
        fh.write("Oude O\nkrant O\n. O\n")


def test_prepare_raw_never_reads_the_evaluation_halves(tmp_path: Path) -> None:
    from extractor.training import pipeline as tp
    from extractor.training.convert import holdout_split

    data = tmp_path / "data"
    _fake_data(data)
    articles = tmp_path / "gold-dev"
    articles.mkdir()
    (articles / "a.txt").write_text("Kop van het artikel\n\nEen alinea.\n", encoding="utf-8")
    out = tmp_path / "raw.jsonl"
    counts = tp.prepare_raw(data, out, text_dirs=[articles])
    texts = {json.loads(line)["text"] for line in out.read_text().splitlines()}
    _, held = holdout_split((data / paths.ALPINO_DEV).read_text(), paths.ALPINO_DEV_HELDOUT)
    held_texts = {" ".join(w) for w in conllu_sentences(held)}
    assert held_texts and not held_texts & texts
    assert len([t for t in texts if t.startswith("alpino")]) == 6 - len(held_texts)
    # "De Morgen" is in ned.testa as well: dropped; testa's own sentences never come in.
    assert "De Morgen" not in texts and "Testa zin" not in texts
    assert {"Jan werkt", "wiki-old tekst", "wiki-dev tekst", "Oude krant ."} <= texts
    assert {"Kop van het artikel", "Een alinea."} <= texts
    assert counts["excluded"] == 1 and counts["records"] == len(texts)


@pytest.mark.slow
def test_pretrained_weights_load_into_the_ner(tmp_path: Path) -> None:
    """spacy pretrain on the NER's embedded tok2vec, then init_tok2vec loads the same weights."""
    import srsly
    from spacy.util import load_config, load_model_from_config

    from extractor.training import pipeline as tp

    raw = tmp_path / "raw.jsonl"
    srsly.write_jsonl(
        raw, [{"text": f"Dit is zin nummer {i} van ASML in Veldhoven ."} for i in range(30)]
    )
    small = {"components.ner.model.tok2vec.encode.width": 16, "pretraining.max_epochs": 2}
    tp.pretrain_tok2vec(tp.CONFIG_DIR / "ner-pretrain.cfg", tmp_path / "pt", raw, small)
    # Resuming from model1.bin counts on from epoch 2.
    more = {**small, "pretraining.max_epochs": 3}
    tp.pretrain_tok2vec(
        tp.CONFIG_DIR / "ner-pretrain.cfg",
        tmp_path / "pt2",
        raw,
        more,
        resume=tmp_path / "pt" / "model1.bin",
    )
    assert sorted(p.name for p in (tmp_path / "pt2").glob("model*.bin")) == [
        "model-last.bin",
        "model2.bin",
    ]
    weights = tmp_path / "pt" / "model1.bin"
    assert (
        weights.exists() and (tmp_path / "pt" / "model0.bin").read_bytes() != weights.read_bytes()
    )
    cfg = load_config(
        tp.CONFIG_DIR / "ner-pretrain.cfg",
        overrides={
            "components.ner.model.tok2vec.encode.width": 16,
            "paths.init_tok2vec": str(weights),
            "paths.raw_text": str(raw),
        },
    )
    nlp = load_model_from_config(cfg, auto_fill=True)
    from spacy.training import Example

    doc = nlp.make_doc("Jan werkt bij ASML .")
    eg = Example.from_dict(doc, {"entities": ["B-PER", "O", "O", "B-ORG", "O"]})
    nlp.initialize(lambda: [eg])
    assert nlp.get_pipe("ner").model.get_ref("tok2vec").to_bytes() == weights.read_bytes()


def test_pretrain_config_is_ner_config_with_width_64() -> None:
    """ner-pretrain.cfg adds [pretraining] and its corpus to NER4 (ner.cfg, width 64) only."""
    from spacy.util import load_config

    base = load_config(
        paths.CONFIG_DIR / "ner.cfg",
        overrides={"components.ner.model.tok2vec.encode.width": 64},
        interpolate=False,
    )
    pre = load_config(paths.CONFIG_DIR / "ner-pretrain.cfg", interpolate=False)
    assert pre["pretraining"]["component"] == "ner" and pre["pretraining"]["layer"] == "tok2vec"
    del pre["pretraining"], pre["corpora"]["pretrain"], pre["paths"]["raw_text"]
    del base["pretraining"]
    assert {k: v for k, v in pre.items() if k != "pretraining"} == dict(base)
