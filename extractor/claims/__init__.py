"""Claims: the SPEC's eight predicates, with negation, modality, time, evidence and confidence.

The stage reads what the entity stage left on the Doc and writes ``doc._.claims``:

* ``lexicon``      Dutch trigger words: verb frames, relational nouns, producer compounds
* ``docview``      mentions by token, our own sentences, clauses, pronoun antecedents
* ``patterns``     verb frames read from the parse and from linear order, relational nouns
* ``nominal``      descriptors, nationality, seats, state ownership, restriction lists
* ``qualifiers``   negation, modality and time (pure functions over words)
* ``confidence``   logistic regression over pattern and path features (``data/calibration.json``)
* ``calibrate``    ``python -m extractor.claims.calibrate gold/dev --write`` refits it
* ``component``    the spaCy factory "extractor_claims"; :func:`build_claims` without spaCy
"""

from __future__ import annotations

from .component import build_claims

__all__ = ["build_claims"]
