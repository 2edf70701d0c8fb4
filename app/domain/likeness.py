"""Whether two names name the same actor, and two actions the same act: the rules that join a
later report to a stored pledge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from app.domain.records import Pledge

# Words that say nothing of what an action is about.
STOP_WORDS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "to",
    "of",
    "for",
    "with",
    "on",
    "in",
    "and",
    "further",
    "new",
    "own",
    "all",
    "some",
    "more",
    "this",
    "that",
    "these",
    "those",
    "any",
}

# Words that many actors' names share: "the party" may be any party.
_GENERIC_NAMES = {
    "president",
    "minister",
    "secretary",
    "government",
    "the",
    "of",
    "state",
    "party",
    "house",
    "senate",
    "congress",
    "parliament",
    "court",
    "council",
    "committee",
    "ministry",
    "department",
    "company",
    "union",
    "administration",
}


def same_actor(found: str, pledged: str) -> bool:
    """Whether two names name the same actor: a shared name word that is not a title, and
    between two full names more than their first words ("Ricardo Llerandi" is not "Ricardo
    Rosselló", "United Kingdom" is not "United States"); two names made of titles only are the
    same when their titles are ("the House" and "House")."""
    found_words, pledged_words = name_words(found), name_words(pledged)
    if not found_words and not pledged_words:  # "the House" and "House", "Parliament"
        return bool(_title_words(found)) and _title_words(found) == _title_words(pledged)
    shared = set(found_words) & set(pledged_words)
    if len(found_words) > 1 and len(pledged_words) > 1:
        shared -= {found_words[0], pledged_words[0]}
    return bool(shared) or holds_initials(found, pledged) or holds_initials(pledged, found)


def holds_initials(text: str, name: str) -> bool:
    """Whether a text holds the initials of a name as a word of its own: "GM" for "General
    Motors", "UAW" for "United Auto Workers" (a "Corporation" or "Inc." after it aside)."""
    capitals = [w for w in _WORD.findall(name) if w[:1].isupper() and w != "The"]
    if len(capitals) > 2 and capitals[-1].rstrip(".") in _BODY_SUFFIXES:
        capitals = capitals[:-1]
    initials = "".join(w[0] for w in capitals)
    return len(initials) > 1 and initials in _INITIALS.findall(text)


_WORD = re.compile(r"[\w'’-]+")
_INITIALS = re.compile(r"\b[A-Z]{2,6}\b")  # "GM", "UAW", "NASA"
# Words that end a company's name and not its initials: "General Motors Corporation" is GM.
_BODY_SUFFIXES = {"Corporation", "Corp", "Company", "Co", "Inc", "Ltd", "Group", "plc"}


def _title_words(name: str) -> set[str]:
    """The words of a name that many actors share ("house" in "the House")."""
    return (set(_name_tokens(name)) & _GENERIC_NAMES) - STOP_WORDS - {"of"}


def searchable_words(actor: str) -> list[str]:
    """The words to look for an actor by in a text: its name words, or for an actor named only
    by a title ("the House", "Parliament"), that title."""
    return name_words(actor) or sorted(_title_words(actor))


def index_words(text: str) -> set[str]:
    """The words an actor is filed under and an article is looked up by (the store's
    actor_word index): a name's or a text's words, lower-cased, without dots or a possessive
    "'s", each also without a plural "s" ("Democrats" finds "Democrat"); the few words that
    name nobody ("the", "of") excepted."""
    words = {w for w in _name_tokens(text) if len(w) > 1 and w not in STOP_WORDS}
    return words | {w[:-1] for w in words if len(w) > 3 and w.endswith("s")}


def name_words(name: str) -> list[str]:
    """A name's words in order, without titles, articles or a possessive "'s"."""
    return [w for w in _name_tokens(name) if w not in _GENERIC_NAMES and w not in STOP_WORDS]


def _name_tokens(name: str) -> list[str]:
    """A name's words, lower-cased, without dots or a possessive "'s"."""
    return [re.sub(r"['’]s$", "", w.lower().strip(".")) for w in re.findall(r"[\w.'’-]+", name)]


def same_action(first: str, second: str) -> bool:
    """Whether two pledged actions are the same act: the same verb, and the words of what one
    is about all among those of the other ("hold further talks with Putin" and "hold talks
    with Vladimir Putin"; not "close plant 1" and "close plant 2")."""
    words_a, words_b = _words(first), _words(second)
    if not words_a or not words_b or words_a[0] != words_b[0]:
        return False
    about_a, about_b = _about(words_a[1:]), _about(words_b[1:])
    return about_a <= about_b or about_b <= about_a if about_a and about_b else about_a == about_b


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """What a stored pledge must share with a new one to be the same: for a cheap first search
    before same_actor and same_action decide."""

    verb: str
    names: tuple[str, ...]  # the actor's name words: the stored actor has one of them
    about: tuple[str, ...]  # what the action is about: the stored action has one of them


def match_keys(actor: str, action: str) -> MatchKeys | None:
    """The words to search stored pledges by; None for an action with no words."""
    words = _words(action)
    if not words:
        return None
    return MatchKeys(words[0], tuple(name_words(actor)), tuple(sorted(_about(words[1:]))))


def action_verb(action: str) -> str:
    """An action's first word, lower-cased: stored with each pledge and indexed, so that the
    pledges a new report may repeat are found without reading them all."""
    words = _words(action)
    return words[0] if words else ""


def _words(action: str) -> list[str]:
    """An action's words, lower-cased, without punctuation ("(package 12)" → package, 12)."""
    return re.findall(r"[\w'’]+", action.lower())


def _about(words: list[str]) -> set[str]:
    """The words of what an action is about, without stop words, single letters or a plural
    "s"; a possessor ("Russia's") is left out like the pronoun it may stand for ("its")."""
    kept = (w for w in words if w not in STOP_WORDS and not re.search(r"['’]s$", w))
    return {w.rstrip("s") for w in kept if (len(w) > 1 or w.isdigit()) and w.isalnum()}


def match_repeats(
    pledges: Sequence[Pledge], stored: Sequence[tuple[int, str, str]]
) -> dict[int, int]:
    """Which new pledges (by index) restate a stored one (id, actor, action): the same actor
    and the same act. A stored pledge is the repeat of one new pledge at most, the first."""
    found: dict[int, int] = {}
    taken: set[int] = set()
    for index, pledge in enumerate(pledges):
        for pledge_id, actor, action in stored:
            if pledge_id in taken:
                continue
            if same_actor(actor, pledge.actor) and same_action(action, pledge.action):
                found[index] = pledge_id
                taken.add(pledge_id)
                break
    return found


def takes_deadline(stored_due: date | None, repeat: Pledge) -> bool:
    """Whether a later report's deadline becomes the stored pledge's: only where it had none
    (a deadline an analyst or an earlier report set is never moved by a repeat)."""
    return stored_due is None and repeat.due is not None
