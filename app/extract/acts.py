"""Which act a verb, a noun or a pledge names, and whether a sentence tells it as done: the
vocabulary that outcome and broken-pledge detection share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.likeness import STOP_WORDS
from app.extract import lexicon as words
from app.extract.lexicon import HEDGES, NOT_COMMITTING
from app.extract.syntax import in_question

if TYPE_CHECKING:
    from collections.abc import Iterable

    from app.domain import PledgeRecord

Token = Any  # spaCy's Token

_CANONICAL = {verb: min(group) for group in words.EQUIVALENT_ACTS for verb in group}


def verbs_of_noun(noun: str) -> set[str]:
    """The verbs a noun of action may come from: resignation → resign, suspension → suspend,
    withdrawal → withdraw, delivery → deliver, appointment → appoint, closure → close."""
    endings = [("ation", ""), ("ation", "e"), ("ion", ""), ("ion", "e"), ("sion", "d")]
    endings += [("al", ""), ("ment", ""), ("ure", "e"), ("y", ""), ("ing", "")]
    return {noun[: -len(end)] + add for end, add in endings if noun.endswith(end)}


def act(verb: str) -> str:
    """The act a verb names: one name for its group of equivalents, else the verb itself ("" if
    the verb is too light to name an act)."""
    return "" if verb in words.LIGHT_VERBS else _CANONICAL.get(verb, verb)


def act_of(action: str) -> str:
    """The act a pledge's action names by its first verb ("" for a pledge not to act)."""
    told = action.lower().split()
    if not told or told[0] == "not":
        return ""  # a pledge not to act is kept by inaction; no sentence reports it
    content = [w for w in told[1:] if w not in STOP_WORDS]
    if told[0] in words.HOLDING_VERBS and content and content[0].rstrip("s") in words.VOTE_NOUNS:
        return "vote"  # "hold a vote on the deal" is kept when "MPs voted on the deal"
    if _going_on_with(told) is not None:
        return act("hold")  # "continue its season with the Nevada caucuses" holds them
    return act(told[0])


def _going_on_with(told: list[str]) -> int | None:
    """Where the event an act of going on is done with starts, if the action (lower-cased
    words) is one: "continue its primary season with the Nevada caucuses" (after "with")."""
    if told[0] not in words.CONTINUING_VERBS or "with" not in told[1:]:
        return None
    start = told.index("with", 1) + 1
    event = _up_to(told[start:], _EVENT_ENDS)
    return start if any(word in words.EVENT_NOUNS for word in event) else None


_EVENT_ENDS = words.OBJECT_ENDS - {"in"}  # "primary elections in Idaho": the place names it


def _up_to(told: list[str], ends: frozenset[str]) -> list[str]:
    """The words before the first of these."""
    end = next((n for n, word in enumerate(told) if word.lower() in ends), len(told))
    return told[:end]


def _done_to_words(action: str) -> list[str]:
    """The words of what an action's act is done to, as written: after its verb, up to the
    first preposition; of an act of going on with an event, the event's, where it is held
    among them ("continue its season with primary elections in Idaho, Michigan on March 10")."""
    told = [word.strip(",;:") for word in action.split()]
    start = _going_on_with([word.lower() for word in told])
    if start is None:
        return _up_to(told[1:], words.OBJECT_ENDS)
    return _up_to(told[start:], _EVENT_ENDS)


def phrasal_forms(verb: Token, particles: frozenset[str]) -> set[str]:
    """A verb's lemma, alone and with each word of these dependencies after it, as the
    lexicon lists phrasal verbs: "call off", "push back", "postpone indefinitely"."""
    lemma = verb.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in particles}


def reports_a_done_act(verb: Token, *, bare_participle: bool = False) -> bool:
    """Past or perfect (active or passive: "was delivered"), affirmative, not hedged, not
    asked, not hoped or denied. With
    `bare_participle`, a participle with no auxiliary counts as past too (the tagger often
    reads "entered" in "the rules entered into force" as one)."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) or in_question(verb):
        return False
    auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & (HEDGES | {"will", "would", "shall", "'ll", "to"}):
        return False
    perfect = auxiliaries & {"has", "have", "had"} or (bare_participle and not auxiliaries)
    passive_past = {c.lower_ for c in children if c.dep_ == "auxpass"} & {"was", "were"}
    if not (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (perfect or passive_past))):
        return False
    return not any(a.lemma_.lower() in NOT_COMMITTING for a in verb.ancestors)


def object_nouns(record: PledgeRecord) -> set[str]:
    """The words of what a pledge's act is done to, up to the first preposition: "provide a
    written response to…" → {written, response}; "step down with Johnson succeeding her" →
    none ("down" is in the act, "with…" tells the circumstances); of an act of going on with an
    event, the event's, with where it is held: "continue its season with primary elections in
    Idaho, Michigan …" → {primary, election, idaho}."""
    implied = words.IMPLIED_OBJECTS.get(act_of(record.pledge.action), frozenset())
    done_to = (word.lower() for word in _done_to_words(record.pledge.action))
    kept = [word for word in done_to if word not in STOP_WORDS | implied]
    return {w.rstrip("s") for w in kept[:3]}


def same_object(verb: Token, record: PledgeRecord) -> bool:
    """Where the pledge names what it is about, the sentence must name it too: one of its
    words, and of an event, one of its names (event_names)."""
    nouns = object_nouns(record)
    if not nouns:
        return True
    said = said_forms(verb.subtree)
    names = event_names(record, nouns)
    return bool(nouns & said) and (not names or bool(names & said))


def event_names(record: PledgeRecord, nouns: set[str]) -> set[str]:
    """The words written as names of the event a pledge's act is done to, if it is one (its
    object_nouns, `nouns`, hold an event's noun: "hold the Nevada caucuses" -> {nevada};
    "conduct the second presidential debate" -> none): a sentence about that event says one of
    them ("the South Carolina primary" is not the primaries held in fourteen states, nor the
    Iowa caucuses the Nevada ones)."""
    if not nouns & _EVENT_FORMS:
        return set()
    done_to = _done_to_words(record.pledge.action)
    return {word.lower().rstrip("s") for word in done_to if word[:1].isupper()}


_EVENT_FORMS = frozenset(word.rstrip("s") for word in words.EVENT_NOUNS)


def said_forms(tokens: Iterable[Token]) -> set[str]:
    """The words of some tokens as a pledge's words are matched against them: lemma and form,
    lower case, without a plural "s"."""
    return {form.rstrip("s") for t in tokens for form in (t.lemma_.lower(), t.lower_)}
