"""Broken pledges: sentences that tell of a done refusal or failure of a pledged act ("refused
to provide…"), a done cancellation of it or of what it is about ("called off the talks",
"postponed the vote indefinitely"), or the pledge itself taken back ("withdrew its offer")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from app.extract import acts as told
from app.extract import lexicon as words

if TYPE_CHECKING:
    from app.domain import PledgeRecord
    from app.extract.acts import Token

# A failing verb takes the act as its complement; a cancelling one, the act or its object.
FailureKind = Literal["failing", "cancelling"]


def told_failure(verb: Token) -> tuple[Token | None, FailureKind] | None:
    """A done refusal or cancellation and who did it: the subject (None for a passive that
    names no one: "the vote was cancelled"), and which kind of verb ("failing" takes the act
    as its complement, "cancelling" the act or its object)."""
    if verb.pos_ != "VERB" or not told.reports_a_done_act(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if subject is None and not passive:
        return None
    lemma = verb.lemma_.lower()
    if lemma in words.FAILING_VERBS:
        return subject, "failing"
    phrases = told.phrasal_forms(verb, _CANCELLING_PARTICLES)
    return (subject, "cancelling") if phrases & words.CANCELLING_VERBS else None


# The words after a verb of cancelling that its phrase takes: "call off", "postpone indefinitely".
_CANCELLING_PARTICLES = frozenset({"prt", "advmod", "prep"})


def breaks(verb: Token, kind: FailureKind, record: PledgeRecord) -> bool:
    """Whether a refusal or cancellation is of this pledge's act (and what it is about)."""
    pledged = told.act_of(record.pledge.action)
    if kind == "failing":
        complements = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
        return any(
            told.act(c.lemma_.lower()) == pledged and told.same_object(c, record)
            for c in complements
        )
    objects = [c for c in verb.children if c.dep_ in {"dobj", "prep", "nsubjpass"}]
    if not objects:
        return False
    if verb.lemma_.lower() in words.TAKE_BACK_VERBS:
        # only the pledge itself, taken back, breaks it
        if not any(o.lemma_.lower() in words.PLEDGE_NOUNS for o in objects):
            return False
        return pledged in _acts_under(verb) and told.same_object(verb, record)
    return any(pledged in _acts_under(o) or _names_object(o, record) for o in objects)


def _acts_under(phrase: Token) -> set[str]:
    """The acts a phrase names below its head: "withdrew its offer to hold talks" → {hold};
    "cancelled the visit" → {visit}."""
    found = set()
    for token in phrase.subtree:
        if token.i == phrase.i and token.pos_ == "VERB":
            continue
        if token.pos_ == "VERB":
            found.add(told.act(token.lemma_.lower()))
        elif token.pos_ == "NOUN":
            verbs = told.verbs_of_noun(token.lower_) | {token.lemma_.lower()}
            found |= {told.act(v) for v in verbs}
    return found - {""}


def _names_object(phrase: Token, record: PledgeRecord) -> bool:
    """Whether a phrase names what the pledge is about: its head is one of the pledge's first
    words ("the talks with Putin" for "hold further talks with…"), or it has two of them; and
    of an event, one of its names ("the Iowa caucuses" are not the Nevada ones)."""
    nouns = told.object_nouns(record)
    said = told.said_forms(phrase.subtree)
    names = told.event_names(record, nouns)
    if names and not names & said:
        return False
    heads = [phrase] if phrase.dep_ != "prep" else [t for t in phrase.subtree if t.dep_ == "pobj"]
    heads = heads[:1]  # "out of the negotiations with Blinken": the negotiations
    if any({h.lemma_.lower().rstrip("s"), h.lower_.rstrip("s")} & nouns for h in heads):
        return True
    return len(nouns & said) >= 2
