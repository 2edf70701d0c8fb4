"""Follow-ups: sentences of a newer article that report a stored pledge as kept or broken.

A sentence reports an outcome when its verb tells of a done act (past or perfect, not future,
not hedged, not denied), its subject names the pledge's actor, its verb is the pledge's verb or
a common equivalent (provide/deliver/submit/hand over; hold talks/meet; respond/reply), and,
where the pledge names what it is about ("a written response"), the sentence names it too. The
act done "partly" or "in part" makes the pledge partly kept. A done refusal or failure to do the
act ("refused to provide"), or a done cancellation of it ("called off the talks", "withdrew its
offer to hold talks", "postponed the vote indefinitely"), makes it broken. A measure told as
having come into force ("the sugar tax took effect on Friday") keeps the pledge that announced
it, when it names all that the pledge names and no other actor owns it. The act, or what it
is about, told as late ("is two years behind schedule", "will be delayed until October" past
the due date) makes it broken, unless a sentence reports it done (delays.py). A wrong
suggestion costs the analyst more than a missed one, so every test must pass.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.domain import Outcome, PledgeRecord, Verdict
from app.domain.likeness import same_actor, searchable_words
from app.extract import lexicon as words
from app.extract.actors import ActorNamer
from app.extract.acts import (
    Token,
    act,
    act_of,
    object_nouns,
    reports_a_done_act,
    said_forms,
    same_object,
    verbs_of_noun,
)
from app.extract.broken import breaks, told_failure
from app.extract.datepatterns import MONTHS, WEEKDAYS
from app.extract.delays import delayed
from app.extract.lexicon import ROLE_NOUNS
from app.extract.syntax import reporting_verb

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


def find_outcomes(doc: Any, published: date, open_pledges: Sequence[PledgeRecord]) -> list[Outcome]:
    """The outcomes this parsed article reports for any of the open pledges (one per pledge)."""
    by_act: dict[str, list[PledgeRecord]] = {}
    for record in open_pledges:
        pledged = act_of(record.pledge.action) or _staying(record.pledge.action)
        if pledged:
            by_act.setdefault(pledged, []).append(record)
        if _going_to_law(record.pledge.action):
            by_act.setdefault(_LITIGATE, []).append(record)
    if not by_act:
        return []
    namer = ActorNamer(doc)
    found: dict[int, Outcome] = {}
    late: dict[int, tuple[int, Outcome]] = {}  # by pledge: the sentence that says most of it
    posts = [(r, post) for rs in by_act.values() for r in rs if (post := _post_taken(r))]
    for sent in doc.sents:
        for record, post in posts:  # "Prime Minister Boris Johnson joined …": he took it
            if record.id not in found and _called_by_post(sent.text, record, post):
                found[record.id] = sentence_outcome(sent, record, published, Verdict.MET)
        for token in sent:
            if token.pos_ not in _MAY_REPORT:
                continue  # every test of _reported asks for a verb or a noun
            for record, verdict, dated in _reported(token, by_act, namer):
                if record.id not in found and not _dated_before(dated, record):
                    day = day_told(dated, published)
                    found[record.id] = sentence_outcome(sent, record, day, verdict)
        waiting = (r for rs in by_act.values() for r in rs if r.id not in found)  # read if late
        for told in delayed(sent, waiting, published):
            if told.words_said > late.get(told.record.id, (-1,))[0]:
                outcome = sentence_outcome(sent, told.record, published, Verdict.BROKEN)
                late[told.record.id] = (told.words_said, outcome)
    # an act told done anywhere in the article, even late, is kept: it wins over a delay
    for pledge_id, (_said, outcome) in late.items():
        found.setdefault(pledge_id, outcome)
    return list(found.values())


_MAY_REPORT = frozenset({"VERB", "AUX", "NOUN"})  # the words that may tell an act done or failed


def sentence_outcome(sent: Any, record: PledgeRecord, day: date, verdict: Verdict) -> Outcome:
    """The outcome a sentence reports, with the sentence's place in the article."""
    text = sent.text.strip()
    start = sent.start_char + sent.text.index(text[:1]) if text else sent.start_char
    return Outcome(record.id, day, text, start, start + len(text), verdict)


def _reported(
    token: Token, by_act: dict[str, list[PledgeRecord]], namer: ActorNamer
) -> list[tuple[PledgeRecord, Verdict, Token]]:
    """The pledges this word reports kept, partly kept or broken, and the word that dates it."""
    reports: list[tuple[PledgeRecord, Verdict, Token]] = []
    told = _told_act(token)
    if told is not None:
        verbs, subject, dated = told
        verdict = Verdict.PARTLY if done_in_part(token) else Verdict.MET
        acts = {act(verb) for verb in verbs} & by_act.keys()
        records = [r for a in acts for r in by_act[a] if same_object(token, r)]
        reports += _by_actor(records, subject, namer, verdict, dated)
    if _event_told_past(token):  # "Sanders won the Democratic Party's Nevada caucuses"
        held = [*by_act.get(act("hold"), ()), *by_act.get("vote", ())]
        reports += [(r, Verdict.MET, token) for r in held if _the_event_of(token, r)]
    # "the first A380 was delivered today to Singapore Airlines"
    if told is None and _told_done_to(token):
        records = [r for r in by_act.get(act(token.lemma_.lower()), ()) if _done_to(token, r)]
        reports += [(r, Verdict.MET, token) for r in records]
    if told is not None and act(token.lemma_.lower()) == act("resign"):
        # "Jobs resigned from his post as CEO" breaks "remain Apple's CEO"
        verbs, subject, dated = told
        stayed = [r for r in by_act.get(_STAY, ()) if _names_role(token, r)]
        reports += _by_actor(stayed, subject, namer, Verdict.BROKEN, dated)
    if told is not None and _LITIGATE in by_act and _a_settlement(token):
        # "Apple Inc. settled its dispute with Apple Corps" ends Apple Corps's appeal unkept
        for party in _parties(token):
            reports += _by_actor(by_act[_LITIGATE], party, namer, Verdict.BROKEN, told[2])
    failure = told_failure(token)
    if failure is not None:
        subject, kind = failure
        records = [r for rs in by_act.values() for r in rs if breaks(token, kind, r)]
        if subject is None:  # "the vote was cancelled": whose vote, the sentence must say
            reports += [(r, Verdict.BROKEN, token) for r in records if _names_actor(token, r)]
        else:
            reports += _by_actor(records, subject, namer, Verdict.BROKEN, token)
    if _in_force(token):
        records = [r for rs in by_act.values() for r in rs if _brought_in(token, r, namer)]
        reports += [(r, Verdict.MET, token.head) for r in records]
    return reports


_STAY = "stay in a role"  # the key of pledges to remain in a post, which leaving it breaks
_LITIGATE = "go to law"  # the key of pledges to sue or appeal, which a settlement ends


def _going_to_law(action: str) -> bool:
    """Whether a pledge is to sue, appeal or take a case to court: its first verb, or a word
    of what it takes there ("take the case to the Court of Appeal")."""
    told = action.lower().split()
    if not told or told[0] == "not":
        return False
    return told[0] in words.LITIGATING_VERBS or bool(
        {w.strip(".,") for w in told[1:]} & words.LITIGATION_NOUNS
    )


def _a_settlement(verb: Token) -> bool:
    """A verb of settling whose object is a dispute or a case: "settled its trademark
    dispute", "the lawsuit was settled"."""
    return verb.lemma_.lower() in words.SETTLING_VERBS and any(
        o.lemma_.lower() in words.SETTLED_NOUNS for o in _settled(verb)
    )


def _settled(verb: Token) -> list[Token]:
    """What a verb of settling settles: its object, or a passive's subject."""
    return [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]


def _parties(verb: Token) -> list[Token]:
    """Who a settlement is between: its subject, and whom it was "with" (after the verb or
    after what was settled)."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    for word in (verb, *_settled(verb)):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _staying(action: str) -> str:
    """_STAY for a pledge to remain in a post ("remain CEO", "stay on as chairman",
    "continue as CEO"), else ""."""
    told = action.lower().split()
    if told[:1] in (["remain"], ["stay"]) or told[:2] == ["continue", "as"]:
        return _STAY
    return ""


def _names_role(verb: Token, record: PledgeRecord) -> bool:
    """Whether the sentence that tells of leaving names the post the pledge was to keep."""
    roles = {re.sub(r"['’]s?$", "", noun) for noun in object_nouns(record)}
    said = said_forms(verb.sent)
    return bool(roles & said)


def _post_taken(record: PledgeRecord) -> str:
    """The post a pledge is to take ("prime minister" in "succeed May as Prime Minister"),
    when it names one by its title; else ""."""
    told = record.pledge.action.lower().split()
    if not told or told[0] not in words.TAKING_VERBS:
        return ""
    after = told[told.index("as") + 1 :] if "as" in told else told[1:]
    title = [w for w in after if w not in words.NOT_IN_TITLE][:3]
    return " ".join(title) if any(w in ROLE_NOUNS for w in title) else ""


def _called_by_post(text: str, record: PledgeRecord, post: str) -> bool:
    """Whether a later sentence calls the pledge's actor by the post it was to take, the title
    right before the name: "Prime Minister Boris Johnson"."""
    names = _name_words(record.pledge.actor)
    if not names:
        return False
    pattern = re.escape(post) + r"\s+(?:[\w.'’-]+\s+){0,2}?" + re.escape(names[-1]) + r"\b"
    return re.search(pattern, text.lower()) is not None


def _event_told_past(verb: Token) -> bool:
    """A done verb whose object is an event: won, lost, attended, ended a vote or a summit."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in words.EVENT_VERBS
        and reports_a_done_act(verb)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in words.EVENT_NOUNS for c in verb.children)
    )


def _the_event_of(verb: Token, record: PledgeRecord) -> bool:
    """Whether the event is the one a pledge to hold it names: every word of what the pledge
    names is in the event's phrase, and the sentence names the pledge's actor."""
    nouns = object_nouns(record)
    event = next(
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in words.EVENT_NOUNS
    )
    said = said_forms(event.subtree)
    return bool(nouns) and nouns <= said and _names_actor(verb, record)


def _told_done_to(verb: Token) -> bool:
    """A passive verb told as done, with no one said to have done it: "was delivered"."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
        and reports_a_done_act(verb)
    )


def _done_to(verb: Token, record: PledgeRecord) -> bool:
    """Whether a done passive is this pledge's act: what it was done to is what the pledge
    names (a noun of the passive's subject is one of its object words: "the first ten trams"
    are not "the first ten buses"), and the sentence names the pledge's actor ("The first
    A380, made by Airbus, was delivered")."""
    nouns = object_nouns(record)
    done_to = next(c for c in verb.children if c.dep_ == "nsubjpass")
    said = said_forms(t for t in done_to.subtree if t.pos_ in {"NOUN", "PROPN"})
    return bool(nouns & said) and (_names_actor(verb, record) or _owned_by_actor(record))


def _owned_by_actor(record: PledgeRecord) -> bool:
    """Whether what the pledge is about carries its actor's name ("phase out the Ford Taurus"):
    naming the thing names whose it is."""
    owner = set(_name_words(record.pledge.actor))
    return bool(owner) and owner <= set(record.pledge.action.lower().split())


def _names_actor(token: Token, record: PledgeRecord) -> bool:
    """Whether the token's sentence names the pledge's actor."""
    named = token.sent.text.lower()
    return any(word in named for word in _name_words(record.pledge.actor))


@lru_cache(maxsize=4096)  # asked for the same actors sentence after sentence
def _name_words(actor: str) -> tuple[str, ...]:
    """The words an actor is looked for by in a text: its name words longer than two letters
    (a two-letter short form is looked for as a word of its own: named_in)."""
    return tuple(word for word in searchable_words(actor) if len(word) > 2)


def _in_force(noun: Token) -> bool:
    """Whether a noun is told as having come into force: "the sugar tax took effect on Friday",
    "the ban came into force", "the new rules entered into force"."""
    head = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "nsubj"
        and head.lemma_.lower() in {"take", "go", "come", "enter"}
        and reports_a_done_act(head, bare_participle=True)
        and any(t.lower_ in {"effect", "force"} for t in head.subtree)
    )


def _brought_in(measure: Token, record: PledgeRecord, namer: ActorNamer) -> bool:
    """Whether a measure that came into force is the one a pledge announced: the pledge brings
    a measure in ("introduce a sugar tax") or is the measure's act ("ban plastic bags" for "the
    ban"); the measure's phrase names all the pledge's object words; and no other actor owns it
    ("EU tariffs" are not the United States' tariffs)."""
    pledged, nouns = act_of(record.pledge.action), object_nouns(record)
    measure_acts = {act(v) for v in verbs_of_noun(measure.lower_) | {measure.lemma_.lower()}}
    phrase = [t for t in measure.subtree if t.i < measure.head.i]
    said = " ".join(form for t in phrase for form in (t.lower_, t.lemma_.lower()))
    said += " " + measure.doc[phrase[0].i : phrase[-1].i + 1].text.lower()
    names_all = all(noun in said for noun in nouns)  # "semi-automatic" is three tokens
    if pledged in words.ENACTING_VERBS:
        if not nouns or not names_all:
            return False
    elif pledged not in measure_acts or not names_all:
        return False
    owners = [t for t in phrase if t.pos_ == "PROPN" and t.lower_.rstrip("s") not in nouns]
    return all(same_actor(namer.name_token(t), record.pledge.actor) for t in owners)


def _by_actor(
    records: list[PledgeRecord], subject: Token, namer: ActorNamer, verdict: Verdict, dated: Token
) -> list[tuple[PledgeRecord, Verdict, Token]]:
    """The records whose actor the subject names, with the verdict and the dating word."""
    if not records:
        return []
    actor = namer.name_token(subject)
    doer = {w.lower().rstrip("s") for w in re.findall(r"\w+", actor)}
    said = said_forms(dated.sent)
    return [
        (r, verdict, dated) for r in records
        # the pledge's actor did it; or the doer is part of what the pledge names, and the
        # rest of it is said too: "Nevada held its caucuses" keeps the party's pledge to "hold
        # the Nevada caucuses"
        if same_actor(actor, r.pledge.actor)
        or (doer and doer <= object_nouns(r) and (object_nouns(r) - doer) & said)
    ]  # fmt: skip


def done_in_part(verb: Token) -> bool:
    """Whether an act is told as done in part: "partly delivered", "delivered part of the aid"."""
    for child in verb.children:
        if child.lower_ in words.PARTLY_WORDS and child.dep_ in {"advmod", "dobj", "npadvmod"}:
            return True
        if child.dep_ == "prep" and any(g.lower_ == "part" for g in child.children):
            return True  # "in part"
    return False


def _told_act(token: Token) -> tuple[set[str], Token, Token] | None:
    """The act a token reports as done and who did it: a past verb and its subject ("Rosselló
    resigned"), or an act's noun that the sentence takes as done and its doer ("following
    the August 2 resignation of Rosselló", "Rosselló's resignation took effect"); and the
    word whose phrase dates it."""
    if token.pos_ in {"VERB", "AUX"}:
        subject = _subject(token)
        if subject is None or not reports_a_done_act(token):
            return None
        verbs = {token.lemma_.lower()} | _begun(token)
        if verbs & words.HELD_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in words.VOTE_NOUNS for c in token.children
        ):
            verbs.add("vote")  # "held the vote" reports a vote ("called" one does not)
        return verbs, subject, token
    if token.pos_ != "NOUN" or not _noun_told_as_done(token):
        return None
    doer = _doer_of_noun(token)
    dated = token.head if token.dep_ == "nsubj" else token
    return None if doer is None else (verbs_of_noun(token.lower_), doer, dated)


def _begun(verb: Token) -> set[str]:
    """The act a verb of beginning says was begun, which is then done: "Apple began selling
    feature-length movies" sells them; none for another verb."""
    if verb.lemma_.lower() not in words.BEGINNING_VERBS:
        return set()
    return {c.lemma_.lower() for c in verb.children
            if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"}  # fmt: skip


def _subject(verb: Token) -> Token | None:
    """Who did a verb's act: its subject, or a passive's "by" ("the first A380 was delivered
    to Emirates by Airbus"); or, where the parser attached none, the name right before a past
    verb ("after Theresa May stepped down": a surname that is also a month or a word, such as
    May, Bill or Hope, is often parsed as something else)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None and agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is not None or verb.tag_ != "VBD" or verb.i == 0:
        return subject
    if any(c.dep_ in {"nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ == "PROPN" and before.head.i != verb.i else None


def _noun_told_as_done(noun: Token) -> bool:
    """Whether the sentence presupposes or reports the act a noun names."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in words.AFTER_WORDS:
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


def could_be_reported(text: str, pledges: Sequence[tuple[int, str]]) -> list[int]:
    """Of (id, actor) pairs, the ids of pledges whose actor the text names: a cheap filter
    before any parsing (the ranker reads any act; the rules only those they know)."""
    lowered = text.lower()
    return [pledge_id for pledge_id, actor in pledges if named_in(text, lowered, actor)]


# The short form an actor is given with in brackets: "General Motors (GM)".
_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")


def named_in(text: str, lowered: str, actor: str) -> bool:
    """Whether a text names an actor: a word of its name, or the short form it goes by, as a
    word of its own ("GM filed for bankruptcy")."""
    if any(word in lowered for word in _name_words(actor)):
        return True
    return any(re.search(rf"\b{re.escape(short)}\b", text) for short in _SHORT_FORM.findall(actor))


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


def day_told(verb: Token, published: date) -> date:
    """The day the act happened, as the sentence says; else the day it was announced ("Apple
    announced Monday it has settled the dispute"); else the publication date."""
    told = _day_in(verb.subtree, published)
    if told is None:
        reporter = reporting_verb(verb)
        own = {t.i for t in verb.subtree}
        if reporter is not None:
            told = _day_in((t for t in reporter.subtree if t.i not in own), published)
    return published if told is None else told


def _day_in(tokens: Iterable[Token], published: date) -> date | None:
    """The first day these words name ("yesterday", "on Friday", "on July 24"), or None."""
    for token in tokens:
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
    return None


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
