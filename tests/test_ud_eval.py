"""UD scoring: UPOS, UAS, LAS (universal labels), read from CoNLL-U."""

from __future__ import annotations

import pytest

from extractor.evaluation.ud_eval import UDWord, read_conllu, score_sentences, universal

CONLLU = """# sent_id = s1
# text = Ik kocht het.
1\tIk\tik\tPRON\t_\tPerson=1\t2\tnsubj\t_\t_
2\tkocht\tkopen\tVERB\t_\tTense=Past\t0\troot\t_\t_
3\thet\thet\tPRON\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_read_conllu() -> None:
    [sent] = read_conllu(CONLLU)
    assert [w.form for w in sent] == ["Ik", "kocht", "het", "."]
    assert sent[1].head == 0 and sent[0].head == 2
    assert sent[2].space_after is False and sent[0].space_after is True


@pytest.mark.parametrize(
    ("deprel", "expected"), [("obl:arg", "obl"), ("ROOT", "root"), ("nsubj", "nsubj")]
)
def test_universal(deprel: str, expected: str) -> None:
    assert universal(deprel) == expected


def test_scores() -> None:
    [gold] = read_conllu(CONLLU)
    pred = [
        UDWord("Ik", "PRON", "Person=1", "ik", 2, "nsubj"),  # all right
        UDWord("kocht", "VERB", "Tense=Past", "kopen", 0, "ROOT"),  # spaCy's ROOT = root
        UDWord("het", "DET", "_", "het", 2, "nsubj"),  # head right, label and UPOS wrong
        UDWord(".", "PUNCT", "_", ".", 3, "punct"),  # head wrong
    ]
    s = score_sentences([(gold, pred)]).as_dict()
    assert s["upos"] == 0.75
    assert s["uas"] == 0.75
    assert s["las"] == 0.5
    assert s["words"] == 4


def test_subtype_ignored_in_las_but_not_in_full() -> None:
    gold = [
        UDWord("a", "NOUN", head=0, deprel="root"),
        UDWord("b", "NOUN", head=1, deprel="obl:arg"),
    ]
    pred = [UDWord("a", "NOUN", head=0, deprel="ROOT"), UDWord("b", "NOUN", head=1, deprel="obl")]
    s = score_sentences([(gold, pred)]).as_dict()
    assert s["las"] == 1.0 and s["las_full_labels"] == 0.5


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_sentences([([UDWord("a", "X")], [])])
