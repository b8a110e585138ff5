"""The transformers NER backend: label schemes, sub-token alignment, and a tiny BERT end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.nlp.hf_ner import align_first_subtoken, labels_to_spans, normalise_label


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("O", "O"),
        ("B-PER", "B-PER"),
        ("I-PERSON", "I-PER"),
        ("U-ORG", "S-ORG"),
        ("L-LOC", "E-LOC"),
        ("B-GPE", "B-LOC"),
        ("LOC", "I-LOC"),  # IO scheme
        ("B-FOO", "B-FOO"),  # unknown types are kept
    ],
)
def test_normalise_label(label: str, expected: str) -> None:
    assert normalise_label(label) == expected


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-ORG"], [(0, 2, "PER"), (3, 4, "ORG")]),
        (["PER", "PER", "O", "LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["U-ORG", "B-LOC", "L-LOC"], [(0, 1, "ORG"), (1, 3, "LOC")]),
        (["B-PERSON", "I-PERSON", "B-GPE"], [(0, 2, "PER"), (2, 3, "LOC")]),
    ],
)
def test_labels_to_spans(labels: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert labels_to_spans(labels) == spans


def test_align_first_subtoken() -> None:
    # "Veldhoven is" -> tokens 0 (chars 0-8), 1 (10-11); sub-tokens [CLS] veld ##hoven is [SEP]
    char_to_token = [0] * 9 + [-1] + [1, 1]
    offsets = [(0, 0), (0, 4), (4, 9), (10, 12), (0, 0)]
    assert align_first_subtoken(offsets, char_to_token) == {0: 1, 1: 3}
    # A sub-token whose offset includes the leading space (sentencepiece) belongs to the next word.
    assert align_first_subtoken([(0, 9), (9, 12)], char_to_token) == {0: 0, 1: 1}


LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
WORDS = [
    "jan",
    "de",
    "vries",
    "werkt",
    "bij",
    "asml",
    "in",
    "veld",
    "##hoven",
    "en",
    "philips",
    ".",
]


def _tiny_model(path: Path) -> None:
    """A 1-layer BERT token classifier over a 20-word vocab, overfit on two sentences."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={lab: i for i, lab in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    # Sub-token labels: -100 for specials and non-first pieces, as usual.
    texts = ["Jan de Vries werkt bij ASML in Veldhoven .", "Philips en ASML ."]
    word_labels = [
        ["B-PER", "I-PER", "I-PER", "O", "O", "B-ORG", "O", "B-LOC", "O"],
        ["B-ORG", "O", "B-ORG", "O"],
    ]
    enc = tok(
        [t.split() for t in texts], is_split_into_words=True, padding=True, return_tensors="pt"
    )
    label_ids = []
    for b, labs in enumerate(word_labels):
        row, prev = [], None
        for wid in enc.word_ids(b):
            row.append(-100 if wid is None or wid == prev else LABELS.index(labs[wid]))
            prev = wid
        label_ids.append(row)
    labels = torch.tensor(label_ids)
    opt = torch.optim.AdamW(model.parameters(), lr=5e-3)
    model.train()
    for _ in range(150):
        opt.zero_grad()
        loss = model(**enc, labels=labels).loss
        loss.backward()
        opt.step()
    model.save_pretrained(path)
    tok.save_pretrained(path)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("transformers")
    pytest.importorskip("torch")
    path = tmp_path_factory.mktemp("tiny-bert")
    _tiny_model(path)
    return path


def test_tiny_bert_end_to_end(tiny_model: Path) -> None:
    import spacy

    from extractor.nlp.hf_ner import add_hf_ner

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    add_hf_ner(nlp, str(tiny_model), batch_size=2)
    assert nlp.pipe_names[-1] == "hf_ner"
    texts = ["Jan de Vries werkt bij ASML in Veldhoven.", "Philips en ASML."] * 3
    docs = list(nlp.pipe(texts))
    ents = [(e.text, e.label_, e.start_char, e.end_char) for e in docs[0].ents]
    assert ents == [
        ("Jan de Vries", "PER", 0, 12),
        ("ASML", "ORG", 23, 27),
        ("Veldhoven", "LOC", 31, 40),  # two sub-tokens, labelled by the first
    ]
    assert [e.text for e in docs[1].ents] == ["Philips", "ASML"]
    assert [e.text for e in docs[5].ents] == ["Philips", "ASML"]


def test_long_doc_is_chunked(tiny_model: Path) -> None:
    import spacy

    from extractor.nlp.hf_ner import add_hf_ner

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    add_hf_ner(nlp, str(tiny_model), max_length=12)
    # 10 sentences of 12 sub-tokens (with [CLS]/[SEP]) in a 12-sub-token window: one chunk each.
    doc = nlp(" ".join(["Jan de Vries werkt bij ASML in Veldhoven."] * 10))
    assert sum(e.label_ == "ORG" and e.text == "ASML" for e in doc.ents) == 10


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    pytest.importorskip("transformers")
    import spacy

    from extractor.errors import ModelError
    from extractor.nlp.hf_ner import add_hf_ner

    with pytest.raises(ModelError):
        add_hf_ner(spacy.blank("nl"), str(tmp_path / "nope"))
