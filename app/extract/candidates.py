"""Every clause that could be a commitment, found by a table of named rules (recall first).

The rules only find and describe; which candidates are pledges is decided by the trained model
(pledge_model.py) from their features (features.py). Each rule is a kind of wording, never a
sentence: a future modal ("will", "would", "is to"), a commitment verb with its complement
("pledged to hold", "agreed that ..."), a commitment noun ("its plan to", "a contract to
supply"), readiness ("is ready to"), a measure from a date ("from June 15 ... would become"),
an act set for a date ("is scheduled for Monday").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from app.domain import PledgeKind
from app.extract import lexicon as words
from app.extract.syntax import (
    SUBJECTS,
    complement,
    has_to,
    in_question,
    is_negated,
    is_question,
    reporting_verb,
    subject_of,
    to_complement,
)

Token = Any  # spaCy's Token; spaCy ships no type information
Sentence = Any  # spaCy's Span


@dataclass(frozen=True, slots=True)
class Candidate:
    """A clause that may commit someone: what signals it, the act, and who the parse says acts.

    `action` is the verb of the act ("hold" in "pledged to hold"); `governor` the word of the
    clause that governs it ("pledged"; the action itself for "will hold"); `noun` the noun that
    carries the act for noun cues ("plan", "resignation"); `negated` a stated intention not to
    act ("has no plans to").
    """

    rule: str
    cue: Token
    action: Token
    kind: PledgeKind
    subject: Token | None
    governor: Token
    noun: Token | None = None
    negated: bool = False


Rule = Callable[[Token], Iterator[Candidate]]
# A cheap first test of a word (the token, its lower-case form, its lemma) before a rule runs.
Gate = Callable[[Token, str, str], bool]


def find_candidates(sent: Sentence) -> list[Candidate]:
    """Every candidate in a sentence, at most one per act (the rule first in RULES wins: "will"
    names the act of "agreed that Russia will issue"), with the acts conjoined to it ("will
    hold talks and sign a deal": two)."""
    if is_question(sent):
        return []  # a question asks; it commits nobody
    found: dict[int, tuple[int, Candidate]] = {}
    for token in sent:
        lower, lemma = token.lower_, token.lemma_.lower()
        for priority, (_name, may_fire, rule) in enumerate(RULES):
            if not may_fire(token, lower, lemma):
                continue  # a cheap look first: most words start no rule
            for candidate in rule(token):
                if in_question(candidate.action):
                    continue  # "asked if Moscow planned to publish": a question, not a plan
                for each in (candidate, *_conjoined(candidate)):
                    key = each.noun.i if each.noun is not None else each.action.i
                    if key not in found or priority < found[key][0]:
                        found[key] = (priority, each)
    return sorted((c for _p, c in found.values()), key=lambda c: c.action.i)


# --- the rules ------------------------------------------------------------------------------


def _future_modal(token: Token) -> Iterator[Candidate]:
    """'will act', 'shall act', 'would act', 'won't act'; and the hedged 'can be submitted
    starting next month', 'could close' (the model weighs the hedge)."""
    if token.dep_ not in {"aux", "auxpass"}:
        return
    if token.lower_ in words.FUTURE_MODALS:
        rule = "would" if token.lower_ in words.REPORTED_MODALS else "will"
    elif token.lower_ in words.HEDGES:
        rule = "hedged modal"
    else:
        return
    verb = token.head
    if _had(token):
        return  # "he'd ordered it": 'd before a participle is "had"
    if _quotative(verb):
        return  # "they will go like, 'No …'": what someone will say, told as speech
    if rule == "would" and verb.lemma_.lower() in words.WISH_VERBS:
        return  # "we would like to thank", "she would prefer": a wish, not an act
    reporter = reporting_verb(verb)
    if rule != "will" and reporter is None and _perfect(verb):
        return  # "he would have been 80", "could have closed": what did not or may have happened
    if rule == "would" and reporter is None and _told_as_a_story(verb):
        return  # "She would later say": the past, told on from an earlier time
    frame = "" if reporter is None else reporter.lemma_.lower()
    framer = None if reporter is None else subject_of(reporter)
    if frame in words.THREAT_FRAMES:
        # "Ryabkov warned that Russia would ...": the warning is Ryabkov's threat
        yield _make(rule, token, verb, PledgeKind.THREAT, framer, verb)
        return
    if frame in words.PROMISE_FRAMES and framer is not None:
        # "I pledge that this Congress will be transparent": the pledge is the speaker's
        yield _make(rule, token, verb, PledgeKind.PROMISE, framer, verb)
        return
    yield _make(rule, token, verb, PledgeKind.PROMISE, subject_of(verb), verb)


def _had(token: Token) -> bool:
    """Whether "'d" stands for "had": the next word but adverbs is a participle ("he'd
    ordered", "she'd already been told"; not "he'd be fired")."""
    if token.lower_ not in {"'d", "’d"}:
        return False
    following = (t for t in token.doc[token.i + 1 : token.sent.end] if t.pos_ != "ADV")
    word = next(following, None)
    return word is not None and word.tag_ == "VBN"


def _told_as_a_story(verb: Token) -> bool:
    """Whether a verb after "would" goes on with a story of the past: an adverb of what came
    after ("would later say", "would eventually become"), or "would go on to"."""
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    goes_on = verb.lemma_ == "go" and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in verb.children
    )
    return bool(adverbs & words.NARRATIVE_ADVERBS) or goes_on


def _quotative(verb: Token) -> bool:
    """Whether "go like" or "be like" opens a quotation ("will go like 'No, you cannot'"): a
    way of telling what someone says, not an act."""
    doc = verb.doc
    if (
        verb.lemma_ not in {"go", "be"}
        or verb.i + 2 >= len(doc)
        or doc[verb.i + 1].lower_ != "like"
    ):
        return False
    after = doc[verb.i + 2]
    if after.text == "," and verb.i + 3 < len(doc):
        after = doc[verb.i + 3]
    return after.text in {'"', "“", "'", "‘", ":"}


def _perfect(verb: Token) -> bool:
    """Whether a verb is a participle after "have": "would have been", "could have closed"."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VB" for c in verb.children
    )


def _be_to(token: Token) -> Iterator[Candidate]:
    """'is to act', 'was to act', 'is set to act', 'is due to act', 'is scheduled to act',
    'is going to act', 'is about to act'."""
    if token.lemma_.lower() != "be":
        return
    head = token if token.dep_ in {"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"} else None
    if head is None and token.dep_ in {"aux", "auxpass"}:
        head = token.head  # "is scheduled": the participle carries the clause
    if head is None:
        return
    if head is token:
        action = to_complement(token)
        if action is not None:
            yield _make("be to", token, action, PledgeKind.PROMISE, subject_of(token), token)
            return
        for child in token.children:  # "is set to", "is due to", "is ready to"
            if child.dep_ in {"acomp", "attr"} and child.lower_ in words.BE_SET_WORDS:
                action = to_complement(child)
                if action is not None:
                    yield _make(
                        f"be {child.lower_} to", child, action, PledgeKind.PROMISE,
                        subject_of(token), child,
                    )  # fmt: skip
        return
    lemma = head.lemma_.lower()
    if lemma in words.BE_SET_WORDS or head.lower_ in words.BE_SET_WORDS:
        action = to_complement(head)
        if action is not None:
            yield _make(f"be {lemma} to", head, action, PledgeKind.PROMISE, subject_of(head), head)


def _commitment_verb(token: Token) -> Iterator[Candidate]:
    """'pledged to hold', 'agreed that Russia will', 'plans on leaving', 'signed a deal to'."""
    lemma = token.lemma_.lower()
    kind = words.COMMITMENT_VERBS.get(lemma)
    if kind is None or token.pos_ not in {"VERB", "AUX"}:
        return
    action = complement(token)
    if action is not None and _before_a_semicolon(action, token):
        action = None  # "the movement launched; Thunberg promised protests": not what she promised
    if action is not None and action.dep_ == "ccomp" and _told_done(action):
        return  # "announced that she has died", "announced it had entered into an agreement"
    subject = subject_of(token)
    if subject is None and token.dep_ == "acl":  # "a man tasked to ...": the noun is tasked
        subject = token.head
    if action is not None:
        refused = lemma in words.REFUSING_VERBS  # "refuses to pay": not to pay
        yield _make(f"verb {lemma}", token, action, kind, subject, token, refused=refused)
        return
    if lemma in words.VERBS_WITH_OBJECT_ACTS:  # "offered a reward", "ordered an inquiry"
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None:
            yield _make(f"verb {lemma}", token, token, kind, subject, token)


def _before_a_semicolon(clause: Token, verb: Token) -> bool:
    """Whether a clause ends before a semicolon that stands before the verb: another sentence
    in all but its full stop, though spaCy may hang it on the verb."""
    between = clause.doc[clause.right_edge.i : verb.i]
    return clause.i < verb.i and any(t.text == ";" for t in between)


def _told_done(verb: Token) -> bool:
    """Whether a clause tells its act as done, affirmed or denied, and nothing ahead: past
    ("closed") or perfect ("has died", "had not paid"), with no modal or "to" ("would have
    closed" is no report), and not an act that binds its doer still ("had ordered checks",
    "had extended its order until May 1": lexicon binding_verbs, enacting_verbs), nor a state
    told in the past of the saying ("said the party was ready")."""
    lemma = verb.lemma_.lower()
    binding = (lemma in words.BINDING_VERBS or lemma in words.ENACTING_VERBS) and any(
        c.dep_ in {"dobj", "xcomp", "ccomp"} for c in verb.children
    )  # "had passed the bill", not "had passed away"
    if binding or lemma in {"be", "have"}:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    perfect = verb.tag_ == "VBN" and bool(auxiliaries & {"has", "have", "had", "'s", "'ve", "'d"})
    modal = auxiliaries & (words.FUTURE_MODALS | words.HEDGES | {"to"})
    if perfect:
        modal -= {"'d"}  # "she'd died": had
    return not modal and (verb.tag_ == "VBD" or perfect)


def _commitment_noun(token: Token) -> Iterator[Candidate]:
    """'announced its intention to leave', 'has no plans to', 'a contract to supply', 'announced
    his resignation', 'the goal is to end losses by 2008'."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return
    lemma = token.lemma_.lower()
    if lemma in words.ACTION_NOUNS:
        governor = _noun_governor(token)
        if governor is not None:
            negated = _denied(token) or is_negated(governor)
            yield _make(
                f"noun {lemma}", token, token, PledgeKind.PROMISE, subject_of(governor),
                governor, noun=token, negated=negated,
            )  # fmt: skip
        return
    kind = words.COMMITMENT_NOUNS.get(lemma)
    if kind is None:
        return
    action = _noun_action(token) or token  # "entered into an agreement for support": the noun
    governor = _noun_governor(token) or token.head
    subject = next((c for c in token.children if c.dep_ == "poss"), None) or subject_of(governor)
    negated = _denied(token) or is_negated(governor)
    yield _make(f"noun {lemma}", token, action, kind, subject, governor, noun=token,
                negated=negated)  # fmt: skip


def _readiness(token: Token) -> Iterator[Candidate]:
    """'is ready to talk', 'remains committed to cutting', 'willing to negotiate'."""
    if token.lower_ not in words.READY_WORDS:
        return
    if token.dep_ not in {"acomp", "amod", "xcomp", "oprd"}:
        return
    holder = token.head
    action = complement(token) or to_complement(holder)  # "we stand ready to provide"
    if action is not None:
        yield _make(
            f"ready {token.lower_}", token, action, PledgeKind.OFFER, subject_of(holder), token
        )


def _from_a_date(token: Token) -> Iterator[Candidate]:
    """'From June 15, wearing a face covering would become compulsory': a measure brought in
    from a date; 'starting Monday, shops will open': the clause's verb is the act."""
    if token.dep_ != "prep" or token.lower_ not in words.FROM_WORDS:
        return
    if not any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree):
        return
    verb = token.head
    if verb.pos_ in {"VERB", "AUX"}:
        yield _make("from a date", token, verb, PledgeKind.PROMISE, subject_of(verb), verb)


def _set_for_a_date(token: Token) -> Iterator[Candidate]:
    """'The vote is scheduled for Monday', 'the launch is planned for 2008', 'deliveries are
    not due until October', 'some event planned tomorrow'."""
    lemma = token.lemma_.lower()
    if lemma not in words.SCHEDULING_VERBS and token.lower_ not in words.SCHEDULING_VERBS:
        return
    if token.tag_ not in {"VBN", "JJ"}:
        return
    dated = any(
        c.dep_ in {"prep", "npadvmod"} and any(t.ent_type_ in {"DATE", "TIME"} for t in c.subtree)
        for c in (*token.children, *token.head.children)
    )
    if not dated:
        return
    if token.dep_ in {"amod", "acl", "oprd"} and token.head.pos_ in {"NOUN", "PROPN"}:
        noun = _scheduled_thing(token.head)  # "some event planned": the event is the act
        if noun is None:
            return
        yield _make(f"set for {lemma}", token, noun, PledgeKind.PROMISE,
                    subject_of(_noun_governor(noun) or noun), token, noun=noun)  # fmt: skip
    elif not (token.dep_ == "advcl" and token.head.pos_ in {"VERB", "AUX"}):
        # (a participle on another act, "will hold a meeting, scheduled for Monday", dates it)
        yield _make(f"set for {lemma}", token, token, PledgeKind.PROMISE, subject_of(token), token)


def _scheduled_thing(noun: Token) -> Token | None:
    """What a participle of scheduling that hangs on a noun schedules: the noun, unless it
    names someone, who is not scheduled but named in the event ("a deposition request for
    Volker, scheduled for this week": the request; "a meeting with Putin"); None for a person
    named in no event."""
    if noun.pos_ != "PROPN" or noun.ent_type_ not in words.AGENT_ENTITIES:
        return noun
    prep = noun.head if noun.dep_ == "pobj" else None
    event = prep.head if prep is not None and prep.dep_ == "prep" else None
    if event is not None and event.pos_ == "NOUN":
        return event
    return None if noun.ent_type_ == "PERSON" else noun


def _future_progressive(token: Token) -> Iterator[Candidate]:
    """'Apple is launching the phone next month': the present that tells a plan, with a date."""
    if token.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return
    if any(c.dep_ == "aux" and c.lower_ in words.FUTURE_MODALS for c in token.children):
        return  # "will be launching": the modal's rule has it
    dated = any(
        t.ent_type_ in {"DATE", "TIME"} and t.head.i in {token.i, *(c.i for c in token.children)}
        for t in token.subtree
    )
    if dated:
        yield _make(
            "present for the future", token, token, PledgeKind.PROMISE, subject_of(token), token
        )


def _announced_act(token: Token) -> Iterator[Candidate]:
    """'announced three days of mourning', 'extended the lockdown to May 1', 'issued a bond to
    cover', 'has purchased 12 aircraft': a verb of deciding or dealing whose object is the act."""
    lemma = token.lemma_.lower()
    if lemma not in words.DECIDING_VERBS or token.pos_ != "VERB":
        return
    if complement(token) is not None:
        return  # "announced that it will ...", "planned to ...": the act is the complement's
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in words.COMMITMENT_NOUNS for o in objects):
        return  # "announced its intention to close": the noun's rule has the act
    if any(c.dep_ in {"dobj", "nsubjpass", "oprd", "prt"} for c in token.children):
        yield _make(f"act {lemma}", token, token, PledgeKind.PROMISE, subject_of(token), token)


def _directed_act(token: Token) -> Iterator[Candidate]:
    """'forced Apple to lower its prices', 'directing committees to proceed': an order whose
    object is told to act (the one who acts is the object)."""
    lemma = token.lemma_.lower()
    if lemma not in words.DIRECTING_VERBS or token.pos_ != "VERB":
        return
    told = next((c for c in token.children if c.dep_ == "dobj"), None)
    action = next(
        (c for c in token.children
         if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"} and (has_to(c) or told)),
        None,
    )  # fmt: skip
    if action is not None and action.dep_ == "ccomp" and _told_done(action):
        return  # "told reporters that it sold 13 million phones": a report
    if action is not None:
        subject = subject_of(action) or told or subject_of(token)
        yield _make(f"told {lemma}", token, action, PledgeKind.PROMISE, subject, token)


def _planned_thing(token: Token) -> Iterator[Candidate]:
    """'the upcoming vote', 'a planned shopping centre', 'the proposed sale of 3 plants', 'its
    forthcoming Lion, to be released in mid-2011'."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return
    marker = next(
        (c for c in token.children if c.dep_ in {"amod", "compound"}
         and c.lower_ in words.PLANNED_WORDS), None,
    )  # fmt: skip
    if marker is not None:
        governor = _noun_governor(token) or token.head
        yield _make(
            f"planned {marker.lower_}", marker, token, PledgeKind.PROMISE,
            next((c for c in token.children if c.dep_ == "poss"), None) or subject_of(governor),
            governor, noun=token,
        )  # fmt: skip


def _to_be_done(token: Token) -> Iterator[Candidate]:
    """'Lion, to be released in mid-2011', 'the price, to be paid in cash': an act to come,
    told of a thing."""
    if token.pos_ != "VERB" or token.dep_ not in {"acl", "relcl", "advcl", "appos"}:
        return
    if has_to(token) and any(c.dep_ == "auxpass" for c in token.children):
        yield _make("to be done", token, token, PledgeKind.PROMISE, subject_of(token), token)


def _present_progressive(token: Token) -> Iterator[Candidate]:
    """'we are working on certifications', 'is being phased out', 'are not forking CentOS 7':
    what someone is doing now and goes on doing."""
    if token.tag_ != "VBG" or token.pos_ != "VERB":
        return
    present = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"is", "are", "am", "'re", "'s"}
                  for c in token.children)  # fmt: skip
    if present:
        yield _make(
            "present progressive", token, token, PledgeKind.PROMISE, subject_of(token), token
        )


_MODALS = words.FUTURE_MODALS | words.HEDGES
_NOUNS = set(words.COMMITMENT_NOUNS) | set(words.ACTION_NOUNS)
_CLAUSES = {"acl", "relcl", "advcl", "appos"}
RULES: tuple[tuple[str, Gate, Rule], ...] = (
    ("future modal", lambda _t, lower, _l: lower in _MODALS, _future_modal),
    ("be to", lambda _t, _w, lemma: lemma == "be", _be_to),
    ("commitment verb", lambda _t, _w, lemma: lemma in words.COMMITMENT_VERBS, _commitment_verb),
    ("commitment noun", lambda _t, _w, lemma: lemma in _NOUNS, _commitment_noun),
    ("readiness", lambda _t, lower, _l: lower in words.READY_WORDS, _readiness),
    ("from a date", lambda _t, lower, _l: lower in words.FROM_WORDS, _from_a_date),
    ("set for a date", lambda _t, lower, lemma: bool({lower, lemma} & words.SCHEDULING_VERBS),
     _set_for_a_date),
    ("present for the future", lambda t, _w, _l: t.tag_ == "VBG", _future_progressive),
    ("announced act", lambda _t, _w, lemma: lemma in words.DECIDING_VERBS, _announced_act),
    ("directed act", lambda _t, _w, lemma: lemma in words.DIRECTING_VERBS, _directed_act),
    ("planned thing", lambda t, _w, _l: t.pos_ in {"NOUN", "PROPN"}, _planned_thing),
    ("to be done", lambda t, _w, _l: t.dep_ in _CLAUSES, _to_be_done),
    ("present progressive", lambda t, _w, _l: t.tag_ == "VBG", _present_progressive),
)  # fmt: skip
"""The candidate rules in the order they are tried, each with the cheap test a word must pass
for the rule to look at it; the first rule to find an act names it."""


# --- helpers --------------------------------------------------------------------------------


def _make(
    rule: str,
    cue: Token,
    action: Token,
    kind: PledgeKind,
    subject: Token | None,
    governor: Token,
    *,
    noun: Token | None = None,
    negated: bool = False,
    refused: bool = False,
) -> Candidate:
    """A candidate, negated when a "not" or "no" says so, or when the cue refuses the act
    ("refuses to pay"; "did not refuse to pay" is then not negated)."""
    if action.lemma_.lower() in {"need", "have"} and action.pos_ in {"VERB", "AUX"}:
        inner = complement(action)  # "would need to make": the act is what is needed
        if inner is not None:
            action = inner
    negated = negated or is_negated(action) or (cue != action and is_negated(cue))
    if (governor != action and is_negated(governor)) or _denying_subject(subject):
        negated = True
    return Candidate(rule, cue, action, kind, subject, governor, noun, negated != refused)


_DENYING_WORDS = frozenset({"neither", "no", "nobody", "none", "nothing"})


def _denying_subject(subject: Token | None) -> bool:
    """A subject that denies the act: "Neither the EU nor the United States would endorse the
    result", "No country will send troops", "Nobody will pay"."""
    if subject is None or subject.dep_ != "nsubj":
        return False  # "no personnel would be sent" says its denial in the act's own words
    if subject.lower_ in _DENYING_WORDS:
        return True
    return any(
        c.dep_ in {"preconj", "det"} and c.lower_ in _DENYING_WORDS for c in subject.children
    )


def _conjoined(candidate: Candidate) -> Iterator[Candidate]:
    """'promised to hold elections and (to) hold a referendum': one candidate per act."""
    if candidate.noun is not None and candidate.noun is candidate.action:
        return
    for other in candidate.action.conjuncts:
        own_subject = any(c.dep_ in SUBJECTS for c in other.children)
        if other.i > candidate.action.i and other.pos_ in {"VERB", "AUX"} and not own_subject:
            denied = (candidate.negated and _shares_denial(candidate.action, other)) or is_negated(
                other
            )
            yield Candidate(
                candidate.rule + " +and", candidate.cue, other, candidate.kind, candidate.subject,
                candidate.governor, None, denied,
            )  # fmt: skip


_CONTRASTING = frozenset({"but", "yet"})  # "will not run for governor but will endorse the mayor"


def _shares_denial(first: Token, other: Token) -> bool:
    """Whether a denied act's conjunct is denied too: "will not raise taxes or cut spending";
    not when "but" joins them, or the conjunct has an auxiliary of its own ("will not run
    and will endorse the mayor")."""
    joined_by = [c.lower_ for c in first.children if c.dep_ == "cc" and first.i < c.i < other.i]
    if set(joined_by) & _CONTRASTING:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in other.children)


def _noun_governor(noun: Token) -> Token | None:
    """The verb that has the noun: 'announced' in 'announced its plan', 'is' in 'the plan is to'."""
    head = noun.head
    if noun.dep_ == "pobj":
        head = head.head
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"}:
        return head if head.pos_ in {"VERB", "AUX"} else None
    return None


def _noun_action(noun: Token) -> Token | None:
    """The act a commitment noun carries: 'plans to leave', 'intention of leaving', 'a contract
    to supply', 'the goal is to end' (the noun is the subject of 'is to')."""
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ in {"VERB", "AUX"} and has_to(child):
            return child
        if child.dep_ == "prep" and child.lower_ in {"of", "over", "on", "to", "for"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.tag_ == "VBG":
                    return grandchild
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        return to_complement(noun.head)
    return None


def _denied(noun: Token) -> bool:
    return any(c.lower_ == "no" for c in noun.children)
