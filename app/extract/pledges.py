"""Pipeline stage 4: find the pledges in an article from spaCy's parse of it.

For each sentence: find the commitment cues (cues.py), name who commits (actors.py), and read
the action, condition, deadline and recipient from the clause (clauses.py). The same commitment
told twice in one article is one pledge whose later quotes are kept as evidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

from app.domain import Article, Pledge, PledgeKind, Quote, Span
from app.extract.actors import ActorNamer
from app.extract.clauses import (
    action_text,
    condition_tokens,
    deadline_tokens,
    recipient_token,
    tokens_text,
)
from app.extract.cues import Cue, find_cues
from app.extract.nlp import parse_many

PledgeFinder = Callable[[Sequence[Article]], list[list[Pledge]]]
Doc = Any  # spaCy's Doc


def find_pledges(articles: Sequence[Article]) -> list[list[Pledge]]:
    """For each article, one Pledge per commitment, in reading order, due dates not yet set.

    spaCy parses the articles together (nlp.pipe), which is faster than one at a time.
    """
    texts = [article.text for article in articles]
    return [pledges_in_doc(doc) for doc in parse_many(texts)]


def pledges_in_doc(doc: Doc) -> list[Pledge]:
    """The pledges in a parsed article."""
    namer = ActorNamer(doc)
    found: dict[tuple[str, str, str, str], Pledge] = {}
    for sent in doc.sents:
        if sent.text.rstrip(" ”\"'’)").endswith("?"):
            continue
        for cue in find_cues(sent):
            pledge = _build(doc, sent, cue, namer)
            if not (pledge.actor and pledge.action):
                continue
            key = (
                pledge.actor.casefold(),
                _gist(pledge.action),
                _gist(pledge.condition or ""),
                _gist(pledge.deadline_text or ""),
            )
            if key in found:
                earlier = found[key]
                quote = Quote(pledge.quote, pledge.quote_span)
                if quote.span != earlier.quote_span and quote not in earlier.more_quotes:
                    found[key] = dataclasses.replace(
                        earlier, more_quotes=(*earlier.more_quotes, quote)
                    )
            else:
                found[key] = pledge
    return list(found.values())


def _build(doc: Doc, sent: Any, cue: Cue, namer: ActorNamer) -> Pledge:
    """Assemble one Pledge from the parse around its action."""
    condition = condition_tokens(cue)
    deadline = deadline_tokens(cue)
    excluded = {t.i for t in deadline}
    if cue.subject is not None:
        excluded |= {t.i for t in cue.subject.subtree}
    if condition is not None:
        excluded |= {t.i for t in condition}
    kind = cue.kind
    if kind is PledgeKind.PROMISE and condition is not None:
        kind = PledgeKind.CONDITIONAL
    party = recipient_token(cue)
    raw = doc.text[sent.start_char : sent.end_char]
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    quote = raw.strip()
    return Pledge(
        actor=namer.name(cue),
        action=action_text(cue, excluded),
        kind=kind,
        quote=quote,
        quote_span=Span(start, start + len(quote)),
        recipient=None if party is None else namer.full_name(party),
        condition=None if condition is None else tokens_text(condition),
        deadline_text=tokens_text(deadline) or None,
    )


def _gist(action: str) -> str:
    """What makes two wordings of an action the same: their first few words, folded."""
    return " ".join(re.findall(r"\w+", action.casefold())[:4])
