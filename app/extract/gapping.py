"""A second part of an act told with its own time and the verb left out ("Two more plants will
close in 2008, another two in 2012"; "The first aircraft will be in service by 2011 and all by
2016"): a pledge of its own, due at its own time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.extract.timex import TimeExpression, time_expressions, told_past

if TYPE_CHECKING:
    from app.extract.candidates import Candidate

# What the words standing for the act's subject or object may be: "another two", "all", "the
# rest", "a further 500 jobs", "another in Texas".
_REMNANT_TAGS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PRON", "PROPN", "ADV", "ADP"})
# How they start: a count or a share ("another", "all", "200", "the rest", "some").
_REMNANT_LEADS = frozenset({"DET", "NUM", "PRON", "ADJ"})
_LONGEST_REMNANT = 4  # words


@dataclass(frozen=True, slots=True)
class Gapped:
    """The words that join the second part to the first ("," "and"), those that stand for
    what it is done to ("another two"), and its own time."""

    joining: tuple[int, ...]
    remnant: tuple[int, ...]
    time: TimeExpression


def gapped_part(candidate: Candidate, deadline: TimeExpression) -> Gapped | None:
    """The part of the candidate's act told after its deadline with a time of its own and no
    verb, if there is one."""
    action = candidate.action
    doc = action.doc
    inside = {t.i for t in action.subtree}
    later = [
        e for e in time_expressions(action.sent)
        if e.start > deadline.end and e.root.i in inside and not told_past(e)
    ]  # fmt: skip
    if not later:
        return None
    second = later[0]
    between = list(doc[deadline.end : second.start])
    joining = [t for t in between if t.lower_ in {",", "and"}]
    remnant = [t for t in between if t.lower_ not in {",", "and"}]
    told_apart = bool(joining) and between[: len(joining)] == joining
    if not told_apart or not 0 < len(remnant) <= _LONGEST_REMNANT:
        return None
    if any(t.pos_ not in _REMNANT_TAGS or t.i not in inside for t in remnant):
        return None  # a verb or a clause of its own: no gap
    if remnant[0].pos_ not in _REMNANT_LEADS:
        return None  # "keep me one day, Fire the next day": no count or share of a thing
    after = doc[second.end] if second.end < len(doc) else None
    if after is not None and after.i < action.sent.end and not after.is_punct:
        return None  # the time goes on into more words: "by 2016 at the latest, if ..."
    return Gapped(tuple(t.i for t in joining), tuple(t.i for t in remnant), second)
