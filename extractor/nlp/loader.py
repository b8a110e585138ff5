"""Loading the base Dutch pipeline (the shipped ``models/nl_extractor`` or a user's model)."""

from __future__ import annotations

from pathlib import Path

import spacy

from extractor.errors import ModelError


def load_base(model_path: str | Path, ner_model: str | None = None) -> spacy.Language:
    """Load the spaCy pipeline at ``model_path``; optionally replace its NER.

    ``ner_model`` names a Hugging Face token-classification model (local path or hub name);
    when given, the pipeline's own ``ner`` is replaced by the transformers backend
    (:mod:`extractor.nlp.hf_ner`, needs the ``transformers`` extra). Nothing is downloaded
    for the spaCy model itself: a missing directory raises :class:`ModelError`.
    """
    # Importing registers the project's own components and architectures before loading.
    import extractor.nlp.lemmatizer  # noqa: F401
    import extractor.nlp.punct  # noqa: F401
    import extractor.nlp.tokenizer  # noqa: F401
    import extractor.training.architectures  # noqa: F401
    import extractor.training.components  # noqa: F401

    path = Path(model_path)
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"no spaCy model at {path} (expected a pipeline directory with config.cfg); "
            "the shipped model lives in models/nl_extractor, or train one with "
            "'python -m extractor.training' (see models/README.md)"
        )
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the spaCy model at {path}: {exc}") from exc
    if ner_model:
        from extractor.nlp.hf_ner import add_hf_ner

        add_hf_ner(nlp, ner_model)
    return nlp
