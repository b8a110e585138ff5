"""Building the training corpora, training the two sub-pipelines and assembling the shipped model.

The NER corpus (CoNLL-2002) and the UD corpus (LassySmall) share no sentences and annotate
different things, so two pipelines are trained separately -- ``ud`` (tok2vec, morphologizer,
parser) and ``ner`` (ner with its own embedded tok2vec) -- and then assembled into one spaCy
pipeline with the rule lemmatizer (tables from spacy-lookups-data, saved into the model) and the
``paragraph_breaks`` component.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.vocab import Vocab

from extractor.training import convert

log = logging.getLogger(__name__)

from extractor.training.paths import (  # noqa: E402,F401  (re-exported for callers)
    ALPINO_DEV,
    ALPINO_DEV_HELDOUT,
    CONFIG_DIR,
    DEFAULT_DATA_DIR,
    EUROPEANA,
    LASSY_DEV,
    LASSY_DEV_HELDOUT,
    LASSY_PRETRAIN,
    NED_DEV,
    NED_TRAIN,
    RAW_TEXT_DIRS,
)


@dataclass(frozen=True)
class CorpusPaths:
    """Where ``prepare`` writes the DocBins."""

    root: Path

    @property
    def ner_train(self) -> Path:
        return self.root / "ner-train.spacy"

    @property
    def ner_dev(self) -> Path:
        return self.root / "ner-dev.spacy"

    @property
    def ud_train(self) -> Path:
        return self.root / "ud-train.spacy"

    @property
    def ud_dev(self) -> Path:
        return self.root / "ud-dev.spacy"

    @property
    def ud_dev_conllu(self) -> Path:
        return self.root / "ud-dev-heldout.conllu"

    @property
    def news_heldout_conllu(self) -> Path:
        return self.root / "alpino-dev-heldout.conllu"


def prepare_ner(
    train_files: Sequence[Path],
    dev_file: Path,
    out: CorpusPaths,
    *,
    europeana: Path | None = None,
) -> dict[str, int]:
    """Convert CoNLL-2002-format NER files (any licensed corpus in that format works)."""
    vocab = Vocab()
    docs = [d for f in train_files for d in convert.conll2002_docs(f, vocab)]
    if europeana is not None:
        docs.extend(convert.europeana_docs(europeana, vocab))
    counts = {"ner_train_docs": convert.write_docbin(docs, out.ner_train)}
    counts["ner_dev_docs"] = convert.write_docbin(
        convert.conll2002_docs(dev_file, vocab), out.ner_dev
    )
    return counts


def prepare_ud(
    train_files: Sequence[Path],
    split_file: Path,
    out: CorpusPaths,
    *,
    legacy_files: Sequence[Path] = (),
    heldout_fraction: float = LASSY_DEV_HELDOUT,
    news_file: Path | None = None,
    news_heldout_fraction: float = ALPINO_DEV_HELDOUT,
    seed: int = 0,
) -> dict[str, int]:
    """Convert UD training data.

    ``split_file`` (LassySmall dev) is split by document into a training part and a held-out
    part used for model selection. ``news_file`` (Alpino dev, news), when given, is split the
    same way: one part is trained on, the other (``alpino-dev-heldout.conllu``) is never seen
    in training or model selection and is the split the news scores are reported on.
    ``legacy_files`` (the 2017 LassySmall pre-release) are mapped to the current conventions
    (:func:`convert.modernise_2017`) and give UPOS (as tags) and trees, no POS/features.
    """
    split_train, split_held = convert.holdout_split(
        split_file.read_text(encoding="utf-8"), heldout_fraction, seed=seed
    )
    texts = [f.read_text(encoding="utf-8") for f in train_files] + [split_train]
    legacy_docs = [
        convert.without_features(d)
        for f in legacy_files
        for d in convert.conllu_docs(convert.modernise_2017(f.read_text(encoding="utf-8")))
    ]
    out.root.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    if news_file is not None:
        news_train, news_held = convert.holdout_split(
            news_file.read_text(encoding="utf-8"), news_heldout_fraction, seed=seed
        )
        texts.append(news_train)
        out.news_heldout_conllu.write_text(news_held, encoding="utf-8")
        counts["news_heldout_sentences"] = news_held.count("# sent_id")
    train_docs = [d for t in texts for d in convert.conllu_docs(t)] + legacy_docs
    out.ud_dev_conllu.write_text(split_held, encoding="utf-8")
    counts["ud_train_docs"] = convert.write_docbin(train_docs, out.ud_train)
    counts["ud_dev_docs"] = convert.write_docbin(convert.conllu_docs(split_held), out.ud_dev)
    return counts


def prepare_raw(
    data: Path,
    out_file: Path,
    *,
    text_dirs: Sequence[Path] = RAW_TEXT_DIRS,
    europeana: bool = True,
    seed: int = 0,
) -> dict[str, int]:
    """Write the raw Dutch text for ``spacy pretrain`` (JSONL, one ``{"text": ...}`` a line).

    Sources: the tokens of CoNLL-2002 ``ned.train``, both UD LassySmall files, the *training*
    half of UD Alpino dev (the same split by article as :func:`prepare_ud`), the Europeana
    Newspapers tokens (CC0, OCR noise) and the ``.txt`` articles in ``text_dirs``. Never read
    for training: ``ned.testa`` and the held-out Alpino half are the evaluation sets, so any
    sentence equal to one of theirs is dropped (:func:`convert.raw_records`).
    """
    alpino_train, alpino_held = convert.holdout_split(
        (data / ALPINO_DEV).read_text(encoding="utf-8"), ALPINO_DEV_HELDOUT, seed=seed
    )
    exclude = {
        convert.raw_key(" ".join(s.words))
        for s in convert.read_conll2002(convert._open_text(data / NED_DEV))
    }
    exclude.update(convert.raw_key(" ".join(w)) for w in convert.conllu_sentences(alpino_held))

    def words_of(sentences: Sequence[Sequence[str]]) -> list[str]:
        return [" ".join(w) for w in sentences]

    conll_train = convert.read_conll2002(convert._open_text(data / NED_TRAIN))
    sources: list[tuple[str, list[str]]] = [
        ("conll2002_train", words_of([s.words for s in conll_train])),
        (
            "lassy_2017",
            words_of(convert.conllu_sentences((data / LASSY_PRETRAIN).read_text(encoding="utf-8"))),
        ),
        (
            "lassy_dev",
            words_of(convert.conllu_sentences((data / LASSY_DEV).read_text(encoding="utf-8"))),
        ),
        ("alpino_train_half", words_of(convert.conllu_sentences(alpino_train))),
    ]
    if europeana:
        sentences = convert.read_bio_stream(convert._open_text(data / EUROPEANA))
        sources.append(("europeana", words_of([s.words for s in sentences])))
    for folder in text_dirs:
        paragraphs = [
            p
            for f in sorted(folder.glob("*.txt"))
            for p in convert.text_paragraphs(f.read_text(encoding="utf-8"))
        ]
        sources.append((f"text_{folder.name}", paragraphs))
    records, counts = convert.raw_records(sources, exclude, seed=seed)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(out_file, records)
    counts["records"] = len(records)
    counts["words"] = sum(len(r["text"].split()) for r in records)
    return counts


def pretrain_tok2vec(
    config: Path,
    output: Path,
    raw_text: Path,
    overrides: dict[str, object] | None = None,
    *,
    resume: Path | None = None,
) -> float:
    """``spacy pretrain`` of the tok2vec named in the config's ``[pretraining]`` section, on
    ``raw_text`` (from :func:`prepare_raw`); one weights file per epoch in ``output``
    (``model<N>.bin``, for ``--paths.init_tok2vec``); ``resume`` (a ``model<N>.bin``) goes on
    from that epoch, N + 1 (``pretraining.max_epochs`` counts from 0). Returns the wall time
    in seconds."""
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    import extractor.training.architectures  # noqa: F401  (registers our architectures)

    all_overrides: dict[str, object] = {"paths.raw_text": str(raw_text)}
    all_overrides.update(overrides or {})
    raw_config = load_config(config, overrides=all_overrides, interpolate=False)
    output.mkdir(parents=True, exist_ok=True)
    raw_config.to_disk(output / "config.cfg")
    start = time.perf_counter()
    pretrain(raw_config.interpolate(), output, resume_path=resume, silent=False)
    return time.perf_counter() - start


def train_component(
    config: Path,
    output: Path,
    train: Path,
    dev: Path,
    overrides: dict[str, object] | None = None,
) -> float:
    """Train one sub-pipeline with spaCy's trainer; returns the wall time in seconds."""
    from spacy.cli.train import train as spacy_train

    import extractor.training.architectures  # noqa: F401  (registers our architectures)
    import extractor.training.components  # noqa: F401  (registers "upos_from_tag")

    all_overrides: dict[str, object] = {"paths.train": str(train), "paths.dev": str(dev)}
    all_overrides.update(overrides or {})
    start = time.perf_counter()
    spacy_train(config, output, overrides=all_overrides)
    return time.perf_counter() - start


#: Place names whose leading apostrophe ('s = des) belongs to the word.
_APOSTROPHE_PLACES = (
    "'s-Hertogenbosch",
    "'s-Gravenhage",
    "'s-Graveland",
    "'s-Gravendeel",
    "'s-Gravenzande",
    "'s-Heerenberg",
    "'s-Gravenvoeren",
)


def is_shouted_abbreviation(key: str, rules: dict) -> bool:
    """True for spaCy's upper-case copies of abbreviations, such as ``"VS."`` (of ``"vs."``).

    In news an all-capital word before a full stop is an acronym ending a sentence ("de VS.",
    "de EU.", "bij ASML."), so these copies would swallow the full stop.
    """
    stem = key[:-1]
    return (
        key.endswith(".")
        and len(stem) >= 2
        and stem.isalpha()
        and stem.isupper()
        and key.lower() in rules
    )


def add_tokenizer_exceptions(nlp: spacy.Language) -> None:
    """News-text fixes to spaCy's Dutch tokenizer, stored with the model."""
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer (typed as a plain callable)
    rules = dict(tokenizer.rules)
    tokenizer.rules = {k: v for k, v in rules.items() if not is_shouted_abbreviation(k, rules)}
    for name in _APOSTROPHE_PLACES:
        tokenizer.add_special_case(name, [{ORTH: name}])


def assemble(ud_model: Path, ner_model: Path, output: Path, *, meta: dict | None = None) -> Path:
    """Combine the trained ``ud`` and ``ner`` pipelines into the shipped model directory."""
    import extractor.nlp.lemmatizer  # noqa: F401  (registers "nl_lemmatizer")
    import extractor.nlp.punct  # noqa: F401  (registers "punct_attach")
    import extractor.nlp.tokenizer  # noqa: F401  (registers "paragraph_breaks", "space_fixes")
    import extractor.training.architectures  # noqa: F401
    import extractor.training.components  # noqa: F401  (registers "upos_from_tag")

    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("punct_attach", after="parser")
    # The rule lemmatizer reads the POS: after whichever component sets it last.
    pos_setter = "upos_from_tag" if "upos_from_tag" in nlp.pipe_names else "morphologizer"
    nlp.add_pipe("nl_lemmatizer", name="lemmatizer", after=pos_setter)
    nlp.add_pipe("ner", source=ner_nlp, last=True)
    nlp.add_pipe("space_fixes", last=True)
    # Tables come from spacy-lookups-data now and are written into the model directory,
    # so nothing is looked up at run time.
    nlp.get_pipe("lemmatizer").initialize(nlp=nlp)  # type: ignore[attr-defined]
    add_tokenizer_exceptions(nlp)
    nlp.meta["name"] = "nl_extractor"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = (
        "Dutch pipeline of the extractor project: morphologizer and parser trained on UD Dutch "
        "LassySmall and Alpino (CC BY-SA 4.0), NER trained on CoNLL-2002 (research use only). "
        "See models/README.md."
    )
    nlp.meta["license"] = "NER: research use only (CoNLL-2002); UD components: CC BY-SA 4.0"
    nlp.meta.setdefault("requirements", [])
    if meta:
        nlp.meta.update(meta)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    (output / "training.json").write_text(json.dumps(meta or {}, indent=2) + "\n")
    return output
