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
from app.extract.datepatterns import MONTHS, WEEKDAYS

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
_CANONICAL = {verb: min(group) for group in EQUIVALENT_VERBS for verb in group}
# Words before an act's noun that take the act as done: "following the resignation of…".
_AFTER_WORDS = {"following", "after", "since"}
# Objects an equivalent verb already says: "leave office" is reported by "resigned".
_IMPLIED_OBJECTS = {"leave": {"office", "post", "position", "role", "job", "power", "down"}}
# Verbs too light to tell one act from another ("be held", "do that") or that name a state
# rather than a done act ("continue", "remain").
_LIGHT_VERBS = {"be", "do", "have", "get", "go", "continue", "keep", "remain", "stay", "try"}
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


def find_outcomes(doc: Any, published: date, open_pledges: Sequence[PledgeRecord]) -> list[Outcome]:
    """The outcomes this parsed article reports for any of the open pledges (one per pledge)."""
    by_act: dict[str, list[PledgeRecord]] = {}
    for record in open_pledges:
        act = _act_of(record.pledge.action)
        if act:
            by_act.setdefault(act, []).append(record)
    if not by_act:
        return []
    namer = ActorNamer(doc)
    found: dict[int, Outcome] = {}
    for sent in doc.sents:
        for token in sent:
            told = _told_act(token)
            acts = {_act(verb) for verb in told[0]} & by_act.keys() if told else set()
            if not told or not acts:
                continue
            actor = namer.name_token(told[1])
            for record in (record for act in acts for record in by_act[act]):
                if record.id in found or not _same_actor(actor, record.pledge.actor):
                    continue
                if not _same_object(token, record) or _dated_before(told[2], record):
                    continue
                text = sent.text.strip()
                start = sent.start_char + sent.text.index(text[:1]) if text else sent.start_char
                found[record.id] = Outcome(
                    record.id, _when(told[2], published), text, start, start + len(text)
                )
    return list(found.values())


def _told_act(token: Token) -> tuple[set[str], Token, Token] | None:
    """The act a token reports as done and who did it: a past verb and its subject ("Rosselló
    resigned"), or an act's noun that the sentence takes as done and its doer ("following
    the August 2 resignation of Rosselló", "Rosselló's resignation took effect"); and the
    word whose phrase dates it."""
    if token.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or not _reports_a_done_act(token):
            return None
        return {token.lemma_.lower()}, subject, token
    if token.pos_ != "NOUN" or not _noun_told_as_done(token):
        return None
    doer = _doer_of_noun(token)
    dated = token.head if token.dep_ == "nsubj" else token
    return None if doer is None else (_verbs_of_noun(token.lower_), doer, dated)


def _noun_told_as_done(noun: Token) -> bool:
    """Whether the sentence presupposes or reports the act a noun names."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _AFTER_WORDS:
        return True
    return (
        noun.dep_ == "nsubj"
        and head.lemma_.lower() in {"take", "go", "come"}
        and head.tag_ in {"VBD", "VBN"}
        and any(t.lower_ in {"effect", "force"} for t in head.subtree)
    )


def _doer_of_noun(noun: Token) -> Token | None:
    """Who did the act a noun names: its possessor ("his resignation"), else its "of" or "by"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"of", "by"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _verbs_of_noun(noun: str) -> set[str]:
    """The verbs a noun of action may come from: resignation → resign, suspension → suspend,
    withdrawal → withdraw, delivery → deliver, appointment → appoint, closure → close."""
    endings = [("ation", ""), ("ation", "e"), ("ion", ""), ("ion", "e"), ("sion", "d")]
    endings += [("al", ""), ("ment", ""), ("ure", "e"), ("y", "")]
    return {noun[: -len(end)] + add for end, add in endings if noun.endswith(end)}


def could_be_reported(text: str, pledges: Sequence[tuple[int, str, str]]) -> list[int]:
    """Of (id, actor, action) triples, the ids of pledges whose actor the text names and whose
    verb names an act: a cheap filter before any parsing."""
    lowered = text.lower()
    return [
        pledge_id
        for pledge_id, actor, action in pledges
        if _act_of(action) and any(word in lowered for word in _name_words(actor) if len(word) > 2)
    ]


def _act(verb: str) -> str:
    """The act a verb names: one name for its group of equivalents, else the verb itself ("" if
    the verb is too light to name an act)."""
    return "" if verb in _LIGHT_VERBS else _CANONICAL.get(verb, verb)


def _act_of(action: str) -> str:
    """The act a pledge's action names by its first verb ("" for a pledge not to act)."""
    words = action.lower().split()
    if not words or words[0] == "not":
        return ""  # a pledge not to act is kept by inaction; no sentence reports it
    return _act(words[0])


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


def _same_actor(found: str, pledged: str) -> bool:
    """Whether two names name the same actor: a shared name word that is not a title, and
    between two full names more than their first words ("Ricardo Llerandi" is not "Ricardo
    Rosselló", "United Kingdom" is not "United States")."""
    found_words, pledged_words = _name_words(found), _name_words(pledged)
    shared = set(found_words) & set(pledged_words)
    if len(found_words) > 1 and len(pledged_words) > 1:
        shared -= {found_words[0], pledged_words[0]}
    return bool(shared)


def _name_words(name: str) -> list[str]:
    """A name's words in order, without titles, articles or a possessive "'s"."""
    words = (re.sub(r"['’]s$", "", w.lower().strip(".")) for w in re.findall(r"[\w.'’-]+", name))
    return [w for w in words if w not in _GENERIC_NAMES and w not in _STOP]


def _same_object(verb: Token, record: PledgeRecord) -> bool:
    """Where the pledge names what it is about, the sentence must name it too."""
    implied = _IMPLIED_OBJECTS.get(_act_of(record.pledge.action), set())
    words = [w for w in record.pledge.action.lower().split()[1:] if w not in _STOP | implied]
    nouns = {w.rstrip("s") for w in words[:3]}
    if not nouns:
        return True
    said = {form.rstrip("s") for t in verb.subtree for form in (t.lemma_.lower(), t.lower_)}
    return bool(nouns & said)


def _dated_before(verb: Token, record: PledgeRecord) -> bool:
    """Whether the sentence dates the act to a year before the pledge was made ("In November
    2018, the party nominated…" cannot report a pledge of 2020)."""
    return any(
        t.ent_type_ == "DATE"
        and t.like_num
        and len(t.text) == 4
        and t.text.isdigit()
        and int(t.text) < record.article_published.year
        for t in verb.subtree
    )


def _when(verb: Token, published: date) -> date:
    """The day the act happened, as the sentence says; else the publication date."""
    for token in verb.subtree:
        word = token.lower_
        if token.ent_type_ != "DATE":
            continue
        if word == "yesterday":
            return published - timedelta(days=1)
        if word in WEEKDAYS:
            back = (published.weekday() - WEEKDAYS.index(word)) % 7
            return published - timedelta(days=back)
        day = _month_day(token, published)
        if day is not None:
            return day
    return published


def _month_day(token: Token, published: date) -> date | None:
    """The last "August 2" on or before the publication date, for a month name and its day."""
    if token.lower_ not in MONTHS or token.i + 1 >= len(token.doc):
        return None
    following = token.doc[token.i + 1].text
    if not following.isdigit():
        return None
    month, day = MONTHS[token.lower_], int(following)
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= published:
            return candidate
    return None
