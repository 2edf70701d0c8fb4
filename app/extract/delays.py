"""Delays: a sentence that tells a pledge's act, or what it is about, as late reports the
pledge broken: behind its time ("two years late", "behind schedule", "were to take delivery in
May 2008, but will now receive the aircraft next month"), or, for a pledge with a due date,
put off ("will be delayed until October 2007"). When the sentence gives a new time and the
pledge a due date, the new time must fall after it: a delay to a day the pledge already named
is the plan repeated, not broken."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.domain.likeness import holds_initials, index_words
from app.extract import lexicon as words
from app.extract.acts import phrasal_forms, reports_a_done_act, said_forms, verbs_of_noun
from app.extract.deadlines import bare_length, resolve_deadline
from app.extract.syntax import has_to, in_question, is_negated, sentence_entities

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from app.domain import PledgeRecord

Token = Any  # spaCy's Token


@dataclass(frozen=True, slots=True)
class Late:
    """A pledge a sentence tells as late (broken), and how many of the pledge's words the
    sentence says (of two sentences that tell it, the one that says more is its)."""

    record: PledgeRecord
    words_said: int


def delayed(sent: Any, records: Iterable[PledgeRecord], published: date) -> list[Late]:
    """The pledges the sentence tells as late: it names the pledge's act or what it is about,
    and tells it as behind its time, or as put off when the pledge has a due date (put off
    from no day, it may still be kept); the time it now gives, if any, falls after that
    date."""
    behind, put_off = _behind_its_time(sent), _put_off(sent)
    if not behind and not put_off:
        return []
    told = _latest_time(sent, published)
    said = _Said.of(sent)
    return [
        Late(record, len(index_words(f"{record.pledge.actor} {record.pledge.action}") & said.forms))
        for record in records
        if (behind or record.pledge.due is not None)
        and _names_the_pledge(record, said)
        # "is two and a half years behind schedule": late, with no new time to weigh
        and (told is None or record.pledge.due is None or told > record.pledge.due)
    ]  # fmt: skip


def _behind_its_time(sent: Any) -> bool:
    """Whether the sentence tells something as behind its time: "two years late", "is behind
    schedule", an earlier plan told as past ("originally due", "were to …, but will now")."""
    for token in sent:
        lemma = token.lemma_.lower()
        late = (lemma in words.LATE_WORDS and _told_late(token)) or (
            lemma == "behind" and any(c.lower_ == "schedule" for c in token.children)
        )
        if late and not _done_late(token):
            return True
        if lemma in words.FIRST_PLAN_WORDS and _leads_a_plan(token):
            return True  # "originally due later this year", "was first due for delivery"
        if _plan_told_past(token):
            return True
    return False


def _done_late(word: Token) -> bool:
    """Whether "late" tells of an act that was done ("was delivered today 18 months behind
    schedule"): an outcome of that act alone, which the rules of done acts read."""
    verb = word.head
    return verb.pos_ == "VERB" and reports_a_done_act(verb)


_NOT_TOLD = frozenset({"amod", "acl", "xcomp", "pcomp", "compound", "csubj"})  # not a report
_PARTICLE = frozenset({"prt"})  # "pushed back", "put off"


def _put_off(sent: Any) -> bool:
    """Whether the sentence tells something as put off: a verb of delaying ("delayed",
    "postponed", "pushed back") not denied, hedged or asked."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        phrases = phrasal_forms(verb, _PARTICLE)
        if not phrases & words.DELAYING_VERBS or is_negated(verb) or in_question(verb):
            continue
        if verb.dep_ in _NOT_TOLD or has_to(verb):
            continue  # "the delayed transition", "attempts to delay the voting"
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if not auxiliaries & words.HEDGES:  # "could be delayed" has not been
            return True
    return False


def _told_late(word: Token) -> bool:
    """Whether "late" says something is behind its time: by a length ("two years late") or
    as what something is, not denied ("the delivery is late"); not "the late Steve Jobs",
    "late on Sunday"."""
    if any(c.dep_ == "npadvmod" for c in word.children):
        return True
    return word.dep_ == "acomp" and not is_negated(word.head)


def _leads_a_plan(word: Token) -> bool:
    """Whether a word ("originally") modifies a word of planning ("due", "scheduled"), or the
    "be" that takes one ("it was first due")."""
    head = word.head
    taken = (
        [c for c in head.children if c.dep_ in {"acomp", "xcomp"}] if head.lemma_ == "be" else []
    )
    return any(t.lower_ in words.BE_SET_WORDS for t in (head, *taken))


def _plan_told_past(token: Token) -> bool:
    """ "were to take delivery in May 2008, but will now receive …": a plan in the past tense
    ("was to", "were to") whose clause is followed by "but" and "now"."""
    if token.lower_ not in {"was", "were"} or token.dep_ not in {"ROOT", "ccomp", "conj"}:
        return False
    plan = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if plan is None or not any(c.lower_ == "to" for c in plan.children):
        return False
    rest = [t.lower_ for t in token.sent if t.i > plan.i]
    return "but" in rest and "now" in rest


@dataclass(frozen=True, slots=True)
class _Said:
    """A sentence's words, read once for every pledge: its text, all their forms, those of its
    names and numbers, its words as actors are filed under them, and the verbs it names."""

    text: str
    forms: set[str]
    names: set[str]
    words: set[str]
    verbs: set[str]

    @classmethod
    def of(cls, sent: Any) -> _Said:
        """Read a sentence."""
        names = said_forms(t for t in sent if t.pos_ in {"PROPN", "NUM"} or t.text[:1].isupper())
        return cls(sent.text, said_forms(sent), names, index_words(sent.text), _verbs_named(sent))


def _names_the_pledge(record: PledgeRecord, said: _Said) -> bool:
    """Whether the sentence is about this pledge: it names what the pledge's act is done to by
    a name ("the Dreamliner" for "deliver the 787 Dreamliners to …": a word before the first
    preposition written with a capital or a digit, not the actor's), or it names the pledge's
    own verb, as a verb or its noun, with the pledge's actor ("Boeing …, three years after it
    was first due for delivery" for "deliver"; not an equivalent: "submit" is not late by it)
    or with whom the act is done for ("Japan's (ANA) were to take delivery" for "deliver the
    first 787 to All Nippon Airways")."""
    actor = set(index_words(record.pledge.actor))
    names = {w.rstrip("s") for w in _names_in(record.pledge.action)} - actor
    if names & said.names:
        return True
    verb = record.pledge.action.split()[0].lower() if record.pledge.action else ""
    if verb in _TIMING_VERBS or verb not in said.verbs:
        return False
    return bool(actor & said.words) or _names_the_recipient(record.pledge.action, said)


def _names_the_recipient(action: str, said: _Said) -> bool:
    """Whether the sentence names whom the act is done for, the name after "to" in the action,
    in full or by its initials ("deliver the first 787 to All Nippon Airways": ANA)."""
    found = _RECIPIENT.search(action)
    if found is None:
        return False
    name = found.group(1)
    named = {w.lower().rstrip("s") for w in name.split()}
    return named <= said.forms or holds_initials(said.text, name)


# A name after "to" in an action, after any lower-case words: "to launch customer All Nippon
# Airways in May 2008" -> All Nippon Airways.
_RECIPIENT = re.compile(r"\bto (?:[a-z][\w-]* )*?((?:[A-Z][\w'’.&-]*(?: |$))+)")


def _verbs_named(sent: Any) -> set[str]:
    """The verbs a sentence names, as verbs or by their nouns ("deliveries": deliver)."""
    named = set()
    for token in sent:
        if token.pos_ in {"VERB", "AUX"}:
            named.add(token.lemma_.lower())
        elif token.pos_ == "NOUN":
            named |= verbs_of_noun(token.lemma_.lower()) | verbs_of_noun(token.lower_)
    return named


# Verbs of setting a time, which a sentence of lateness names by itself ("behind schedule",
# "a rally Trump planned"): never the act that is late.
_TIMING_VERBS = words.SCHEDULING_VERBS | words.DELAYING_VERBS


def _names_in(action: str) -> set[str]:
    """The words of what an action is done to that are written as names: with a capital or a
    digit, after its verb and before the first preposition; days and years left out
    ("deliver the 787 Dreamliners to ANA": 787, dreamliners)."""
    named = set()
    for word in (w.strip(",.;:()\"'") for w in action.split()[1:]):
        if word.lower() in words.OBJECT_ENDS:
            break
        time = word.isdigit() and (len(word) < 3 or len(word) == 4)  # "17", "2008"
        if (word[:1].isupper() or any(c.isdigit() for c in word)) and not time:
            named.add(word.lower())
    return named


def _latest_time(sent: Any, published: date) -> date | None:
    """The latest day the sentence's time expressions reach, read as times to come from the
    article's date ("until October" in a March article: October of that year); a length
    ("two years late", "three years after") is no time."""
    days = [resolve_deadline(e.text, published).due for e in sentence_entities(sent)
            if e.label_ == "DATE" and not bare_length(e.text)]  # fmt: skip
    known = [day for day in days if day is not None]
    return max(known) if known else None
