"""Claims: the SPEC's eight predicates, with negation, modality, time, evidence and confidence.

``component`` registers the spaCy factory "extractor_claims"; :func:`build_claims` does the
same work on any parsed Doc with entities and mentions.
"""

from __future__ import annotations

from .component import build_claims

__all__ = ["build_claims"]
