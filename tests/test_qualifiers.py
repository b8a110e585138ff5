"""Table tests for the claim qualifiers: negation, modality, time."""

from __future__ import annotations

import pytest

from extractor.claims.qualifiers import modality, negation_cue, resolve_time


def _w(text: str) -> list[str]:
    return text.lower().split()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("ASML kan niet meer leveren aan China", "niet meer"),
        ("NXP levert geen nfc-chips meer aan Huawei", "geen"),
        ("NXP stopt deels met leveren aan Huawei", "stopt"),
        ("het voorheen Nederlandse Nexperia", "voorheen"),
        ("de voormalige dochter ASMPT", "voormalige"),
        ("Qualcomm heeft nooit aan Huawei geleverd", "nooit"),
        ("ASML levert niet alleen aan TSMC maar ook aan Intel", None),
        ("ASML levert machines aan TSMC", None),
        ("het ministerie weigerde de vergunning", "weigerde"),
        ("de niet langer Chinese eigenaar", "niet langer"),
        ("tot vorig jaar leverde prodrive aan klanten in china", "tot vorig"),
        ("nexperia was tot 2017 de divisie van nxp", "tot 2017"),
        ("asml mag niet meer zonder vergunning exporteren", None),
        ("imec zette een punt achter de samenwerking", "punt"),
        ("de tu delft beëindigde de samenwerking", "beëindigde"),
    ],
)
def test_negation_cue(text: str, cue: str | None) -> None:
    assert negation_cue(_w(text)) == cue


@pytest.mark.parametrize(
    ("clause", "sentence", "negated", "expected"),
    [
        ("asml levert aan tsmc", "asml levert aan tsmc", False, "asserted"),
        ("asml levert aan tsmc", "volgens bloomberg asml levert aan tsmc", False, "reported"),
        ("hisilicon zou nfc-chips kunnen leveren", "hisilicon zou nfc-chips kunnen leveren , "
         "schrijft bloomberg", False, "hypothetical"),
        ("nederland overweegt de export te beperken", "nederland overweegt de export te beperken",
         False, "hypothetical"),
        ("asml kan niet meer leveren", "asml kan niet meer leveren", True, "asserted"),
        ("asml zou niet meer leveren", "asml zou niet meer leveren", True, "hypothetical"),
        ("het instituut werkte mee", "het instituut werkte volgens een lokale overheid mee",
         False, "reported"),
    ],
)
def test_modality(clause: str, sentence: str, negated: bool, expected: str) -> None:
    assert modality(_w(clause), _w(sentence), negated) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("het kocht in 2024 een onderdeel", None, "2024"),
        ("heeft vorig jaar een onderdeel verkocht", "2025-03-05", "2024"),
        ("heeft vorig jaar een onderdeel verkocht", None, None),
        ("dit jaar leverde het bedrijf", "2025-03-05", "2025"),
        ("in maart 2024 leverde het", None, "2024-03"),
        ("op 5 maart 2024 leverde het", None, "2024-03-05"),
        ("in maart leverde het", "2025-06-01", "2025-03"),
        ("in oktober leverde het", "2025-06-01", "2024-10"),
        ("in maart leverde het", None, None),
        ("woensdag maakte het ministerie bekend", "2025-03-06", "2025-03-05"),
        ("woensdag maakte het ministerie bekend", "2025-03-05", "2025-03-05"),
        ("vorige maand kreeg huawei te horen", "2025-01-16", "2024-12"),
        ("gisteren meldde asml", "2025-01-01", "2024-12-31"),
        ("asml levert 300 machines", "2025-01-01", None),
        ("sinds 2019 staat huawei op de lijst", None, "2019"),
    ],
)
def test_resolve_time(text: str, published: str | None, expected: str | None) -> None:
    assert resolve_time(_w(text), published) == expected
