"""Follow-ups: sentences of a newer article that report a stored pledge as kept.

A sentence reports an outcome when its verb tells of a done act (past or perfect, not future,
not hedged, not denied), its subject names the pledge's actor, its verb is the pledge's verb or
a common equivalent (provide/deliver/submit/hand over; hold talks/meet; respond/reply), and,
where the pledge names what it is about ("a written response"), the sentence names it too. A
wrong suggestion costs the analyst more than a missed one, so every test must pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from app.domain import Outcome, PledgeRecord
from app.extract.actors import ActorNamer
from app.extract.cues import HEDGES, NOT_COMMITTING, in_question

Token = Any  # spaCy's Token

# Verbs that report the same act; a pledge's verb and an outcome's verb match within a group.
EQUIVALENT_VERBS = [
    {"provide", "deliver", "submit", "hand", "send", "give", "present", "issue", "transmit"},
    {"hold", "meet", "convene", "hold talks"},
    {"respond", "reply", "answer"},
    {"resign", "quit", "step", "leave"},
    {"sign", "ratify", "conclude"},
    {"publish", "release", "unveil", "announce"},
    {"open", "launch", "start", "begin", "inaugurate"},
    {"close", "shut"},
    {"pay", "transfer"},
    {"appoint", "name", "nominate"},
    {"withdraw", "pull"},
]
_GROUP_OF = {verb: index for index, group in enumerate(EQUIVALENT_VERBS) for verb in group}
_STOP = {
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
_GENERIC_NAMES = {"president", "minister", "secretary", "government", "the", "of", "state"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def find_outcomes(doc: Any, published: date, open_pledges: Sequence[PledgeRecord]) -> list[Outcome]:
    """The outcomes this parsed article reports for any of the open pledges (one per pledge)."""
    by_group: dict[int, list[PledgeRecord]] = {}
    for record in open_pledges:
        verb = _pledge_verb(record)
        if verb in _GROUP_OF:
            by_group.setdefault(_GROUP_OF[verb], []).append(record)
    if not by_group:
        return []
    namer = ActorNamer(doc)
    found: dict[int, Outcome] = {}
    for sent in doc.sents:
        for token in sent:
            group = _GROUP_OF.get(token.lemma_.lower())
            if group is None or group not in by_group or not _reports_a_done_act(token):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            actor = namer.name_token(subject)
            for record in by_group[group]:
                if record.id in found or not _same_actor(actor, record.pledge.actor):
                    continue
                if not _same_object(token, record):
                    continue
                text = sent.text.strip()
                start = sent.start_char + sent.text.index(text[:1]) if text else sent.start_char
                found[record.id] = Outcome(
                    record.id, _when(token, published), text, start, start + len(text)
                )
    return list(found.values())


def could_be_reported(text: str, pledges: Sequence[tuple[int, str, str]]) -> list[int]:
    """Of (id, actor, action) triples, the ids of pledges whose actor the text names and whose
    verb has a follow-up group: a cheap filter before any parsing."""
    lowered = text.lower()
    return [
        pledge_id
        for pledge_id, actor, action in pledges
        if _verb_of(action) in _GROUP_OF
        and any(word in lowered for word in _words(actor) - _GENERIC_NAMES if len(word) > 2)
    ]


def _pledge_verb(record: PledgeRecord) -> str:
    return _verb_of(record.pledge.action)


def _verb_of(action: str) -> str:
    words = action.lower().split()
    if not words or words[0] == "not":
        return ""  # a pledge not to act is kept by inaction; no sentence reports it
    return words[0]


def _reports_a_done_act(verb: Token) -> bool:
    """Past or perfect, affirmative, not hedged, not asked, not hoped or denied."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) or in_question(verb):
        return False
    auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & (HEDGES | {"will", "would", "shall", "'ll", "to"}):
        return False
    done = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries & {"has", "have", "had"})
    if not done:
        return False
    return not any(a.lemma_.lower() in NOT_COMMITTING for a in verb.ancestors)


def _words(text: str) -> set[str]:
    return {w.lower().strip(".") for w in re.findall(r"[\w.'-]+", text)}


def _same_actor(found: str, pledged: str) -> bool:
    """Whether two names name the same actor: a shared name word that is not a title."""
    return bool((_words(found) & _words(pledged)) - _GENERIC_NAMES)


def _same_object(verb: Token, record: PledgeRecord) -> bool:
    """Where the pledge names what it is about, the sentence must name it too."""
    words = [w for w in record.pledge.action.lower().split()[1:] if w not in _STOP]
    nouns = {w.rstrip("s") for w in words[:3]}
    if not nouns:
        return True
    said = {form.rstrip("s") for t in verb.subtree for form in (t.lemma_.lower(), t.lower_)}
    return bool(nouns & said)


def _when(verb: Token, published: date) -> date:
    """The day the act happened, as the sentence says; else the publication date."""
    for token in verb.subtree:
        word = token.lower_
        if token.ent_type_ != "DATE":
            continue
        if word == "yesterday":
            return published - timedelta(days=1)
        if word in _WEEKDAYS:
            back = (published.weekday() - _WEEKDAYS.index(word)) % 7
            return published - timedelta(days=back)
    return published
