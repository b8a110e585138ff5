"""Where the training data and configs live (no spaCy import: the CLI reads these at start-up)."""

from __future__ import annotations

from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data"
#: Our own gold articles whose raw text may be pretrained on (the sets we tune on). The other
#: gold sets (holdout, fresh-untuned, fresh2) are never read for training of any kind.
RAW_TEXT_DIRS = tuple(
    Path(__file__).resolve().parents[2] / "gold" / name for name in ("dev", "fresh-tune")
)

#: Relative locations inside the shared data folder.
NED_TRAIN = "conll2002-nl/ned.train"
NED_DEV = "conll2002-nl/ned.testa"
EUROPEANA = "europeana-ner-nl/enp_NL.kb.bio.gz"
LASSY_PRETRAIN = "ud-dutch/UD_Dutch-LassySmall/nl_lassysmall-2017pre-train.filtered.conllu"
LASSY_DEV = "ud-dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu"
ALPINO_DEV = "ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"

#: Share of LassySmall dev (by whole Wikipedia documents) kept out of training for model
#: selection; the rest of LassySmall dev is added to the training data.
LASSY_DEV_HELDOUT = 0.35
#: Share of Alpino dev (news, by whole articles) never trained on: the reported news split.
ALPINO_DEV_HELDOUT = 0.5
