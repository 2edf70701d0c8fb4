"""Finds the words that commit someone to a future action, and the verb of that action.

Each cue is a kind of wording, not a sentence: a future auxiliary ("will", "is going to",
"is to"), reported speech ("said it would"), a commitment verb ("pledged to", "plans on"),
readiness ("is ready to"), or a commitment noun ("announced its intention to", "no plans to").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.domain import PledgeKind

if TYPE_CHECKING:
    from collections.abc import Iterator

Token = Any  # spaCy's Token; spaCy ships no type information

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
REPORTING_VERBS = {
    "say", "tell", "announce", "state", "confirm", "add", "declare", "insist", "indicate",
    "reiterate", "stress", "explain", "write", "tweet", "assure", "signal", "report", "reply",
    "respond", "continue", "note", "express", "inform", "claim", "maintain", "vow", "pledge",
    "promise", "warn", "threaten", "agree",
}  # fmt: skip
COMMIT_VERBS = {
    "pledge": PledgeKind.PROMISE, "vow": PledgeKind.PROMISE, "promise": PledgeKind.PROMISE,
    "commit": PledgeKind.PROMISE, "plan": PledgeKind.PROMISE, "intend": PledgeKind.PROMISE,
    "undertake": PledgeKind.PROMISE, "swear": PledgeKind.PROMISE, "guarantee": PledgeKind.PROMISE,
    "task": PledgeKind.PROMISE, "agree": PledgeKind.AGREEMENT, "threaten": PledgeKind.THREAT,
    "offer": PledgeKind.OFFER,
}  # fmt: skip
# Verbs that turn the clause they govern into a threat: "warned that Russia would ...".
THREAT_FRAMES = {"warn", "threaten"}
READY_WORDS = {"ready", "prepared", "willing", "committed", "determined"}
COMMIT_NOUNS = {
    "plan": PledgeKind.PROMISE, "intention": PledgeKind.PROMISE, "intent": PledgeKind.PROMISE,
    "pledge": PledgeKind.PROMISE, "promise": PledgeKind.PROMISE, "commitment": PledgeKind.PROMISE,
    "vow": PledgeKind.PROMISE, "decision": PledgeKind.PROMISE, "agreement": PledgeKind.AGREEMENT,
    "deal": PledgeKind.AGREEMENT, "offer": PledgeKind.OFFER, "threat": PledgeKind.THREAT,
}  # fmt: skip
# Nouns that name an action the announcer will take: "announced his resignation".
ACTION_NOUNS = {"resignation": "resign", "retirement": "retire", "withdrawal": "withdraw"}
ANNOUNCING_VERBS = REPORTING_VERBS | {"have", "make", "sign", "reach", "unveil", "outline", "set"}
# Frames under which a "will" is not the speaker's commitment.
NOT_COMMITTING = {
    "hope", "wish", "expect", "believe", "think", "predict", "want", "fear", "doubt", "suggest",
    "deny", "estimate", "forecast", "project", "anticipate", "assume", "guess", "worry", "ask",
    "wonder", "urge", "demand", "imagine", "suppose",
}  # fmt: skip
# Verbs that, after "will", describe or predict rather than commit the subject to act.
NON_ACTIONS = {
    "receive", "get", "cost", "need", "become", "remain", "seem", "happen", "exist", "require",
    "consider", "face", "lose", "last", "see", "like", "love", "mean", "depend", "feature",
    "include", "involve", "affect",
}  # fmt: skip
AGREEMENT_WORDS = {"agree", "deal", "agreement", "accord"}
NAMING_VERBS = {"call", "name", "know", "title", "dub", "base", "locate", "term", "label"}
HEDGES = {"may", "might", "could", "should", "must", "can", "ought"}
QUESTION_MARKS = {"whether", "if"}
SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A commitment found in the parse: the action's verb, the kind, and who the parse says acts."""

    action: Token
    kind: PledgeKind
    subject: Token | None
    # The clause word that governs the action: "pledged" in "pledged to hold"; else the action.
    governor: Token
    # For noun cues: the noun that carries the action ("resignation"), and whether it is denied.
    noun: Token | None = None
    negated: bool = False


def find_cues(sent: Any) -> Iterator[Cue]:
    """Yield every commitment cue in a sentence, at most one per action verb."""
    seen: set[int] = set()
    for token in sent:
        if in_question(token):
            continue
        for cue in _cues_at(token):
            if _framed_as_not_committing(cue.governor):
                continue
            for each in (cue, *_conjoined(cue)):
                key = each.noun.i if each.noun is not None else each.action.i
                if key not in seen:
                    seen.add(key)
                    yield each


def _conjoined(cue: Cue) -> Iterator[Cue]:
    """'promised to hold elections and (to) hold a referendum': one pledge per action."""
    if cue.noun is not None and cue.noun.lemma_.lower() in ACTION_NOUNS:
        return
    for other in cue.action.conjuncts:
        own_subject = any(c.dep_ in SUBJECTS for c in other.children)
        acting = other.lemma_.lower() not in NON_ACTIONS | {"need", "have"}
        if other.i > cue.action.i and other.pos_ == "VERB" and not own_subject and acting:
            yield Cue(other, cue.kind, cue.subject, cue.governor, None, cue.negated)


def _cues_at(token: Token) -> Iterator[Cue]:
    lemma = token.lemma_.lower()
    if token.dep_ == "aux" and token.lower_ in FUTURE_AUX | {"would"}:
        yield from _future(token)
    elif lemma == "go" and token.tag_ == "VBG" and _has_aux(token, {"be"}):
        action = _complement(token)
        if action is not None:
            yield from _checked(action, PledgeKind.PROMISE, subject_of(token), token)
    elif lemma == "be" and token.pos_ == "AUX" and token.dep_ in {"ROOT", "ccomp", "conj"}:
        yield from _is_to(token)
    elif lemma in COMMIT_VERBS and token.pos_ == "VERB" and not _past_progressive(token):
        action = _complement(token)
        if action is not None:
            subject = subject_of(token)
            if subject is None and token.dep_ == "acl":  # "was tasked to" parsed as acl
                subject = token.head
            yield from _checked(action, COMMIT_VERBS[lemma], subject, token)
    elif lemma in READY_WORDS and token.dep_ in {"acomp", "amod", "xcomp"} and _plain(token):
        action = _complement(token)
        if action is not None:
            yield from _checked(action, PledgeKind.OFFER, subject_of(token.head), token)
    elif token.pos_ == "NOUN":
        yield from _noun(token, lemma)


def _future(aux: Token) -> Iterator[Cue]:
    """'X will act', and 'X would act' where it reports what X said it would do."""
    verb = aux.head
    if aux.lower_ == "would" and not _is_reported(verb):
        return
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return  # "would have faced": a counterfactual past
    reporter = reporting_verb(verb)
    if reporter is not None and reporter.lemma_.lower() in THREAT_FRAMES:
        # "Ryabkov warned that Russia would ...": the warning is Ryabkov's threat
        yield from _checked(verb, PledgeKind.THREAT, subject_of(reporter), verb)
    else:
        yield from _checked(verb, PledgeKind.PROMISE, subject_of(verb), verb)


def _is_to(be: Token) -> Iterator[Cue]:
    """'X is to act': a commitment when reported, or when a named actor is its subject."""
    action = next((c for c in be.children if c.dep_ == "xcomp" and _has_to(c)), None)
    if action is None or any(c.dep_ in {"acomp", "attr"} for c in be.children):
        return
    subject = subject_of(be)
    named = subject is not None and subject.ent_type_ in {"PERSON", "ORG", "GPE"}
    if (named and not is_passive(action)) or _is_reported(be):
        yield from _checked(action, PledgeKind.PROMISE, subject, be)


def _noun(noun: Token, lemma: str) -> Iterator[Cue]:
    """'announced its intention to leave', 'had no plans to leave', 'announced his resignation'."""
    governor = noun.head
    if noun.dep_ not in {"dobj", "pobj", "attr", "nsubj"}:
        return
    if noun.dep_ == "pobj":
        governor = governor.head
    if governor.lemma_.lower() not in ANNOUNCING_VERBS or governor.pos_ not in {"VERB", "AUX"}:
        return
    negated = any(c.lower_ == "no" for c in noun.children) or _is_negated(governor)
    subject = subject_of(governor)
    action = _noun_action(noun)
    if lemma in ACTION_NOUNS:
        yield Cue(noun, PledgeKind.PROMISE, subject, governor, noun=noun, negated=negated)
    elif action is not None and (lemma in COMMIT_NOUNS or _to_be_done(action)):
        # "announced a new initiative to be unveiled": the announcer will unveil it
        kind = COMMIT_NOUNS.get(lemma, PledgeKind.PROMISE)
        yield Cue(action, kind, subject, governor, noun=noun, negated=negated)


def _noun_action(noun: Token) -> Token | None:
    """The verb a commitment noun carries: 'plans to leave', 'intentions of leaving'."""
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB" and _has_to(child):
            return child
        if child.dep_ == "prep" and child.lower_ in {"of", "over", "on", "to"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.tag_ == "VBG":
                    return grandchild
    return None


def _checked(
    action: Token, kind: PledgeKind, subject: Token | None, governor: Token
) -> Iterator[Cue]:
    """Keep a cue whose action is an act: not hedged, not a state, with a subject."""
    if any(c.dep_ == "aux" and c.lower_ in HEDGES for c in action.children):
        return
    lemma = action.lemma_.lower()
    if lemma in {"need", "have"}:  # "would need to make": the act is what is needed
        inner = _complement(action)
        if inner is None:
            return
        action = inner
    elif lemma in NON_ACTIONS:
        return
    if subject is None or _describes_a_new_thing(action, subject):
        return
    if lemma == "be" and not _copula_allowed(action, subject, governor):
        return
    if kind is PledgeKind.PROMISE and any(
        a.lemma_.lower() in AGREEMENT_WORDS for a in action.ancestors
    ):
        kind = PledgeKind.AGREEMENT  # "the sides agreed that Russia will issue ..."
    yield Cue(action, kind, subject, governor)


def _copula_allowed(action: Token, subject: Token, governor: Token) -> bool:
    """'I will be governor' commits the speaker; 'the plan will be costly' commits nobody."""
    if subject.lower_ in {"i", "we"}:
        return True
    return any(a.lemma_.lower() in {"pledge", "promise", "vow", "guarantee", "swear", "assure"}
               for a in action.ancestors)  # fmt: skip


def _complement(token: Token) -> Token | None:
    """The verb a cue governs: 'vowed to hold', 'plans on leaving', 'pledged converting'."""
    for child in token.children:
        verbal = child.pos_ in {"VERB", "AUX"}
        if verbal and (child.dep_ == "xcomp" or (child.dep_ == "ccomp" and child.tag_ == "VBG")):
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "on"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.pos_ == "VERB":
                    return grandchild
    return None


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing through the clauses that share it."""
    current = verb
    for _ in range(5):
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None and current is not verb:
            # "were described by Johnson, saying he ...": Johnson is the one saying
            return next((c for c in agent.children if c.dep_ == "pobj"), agent)
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if subjects:
            # two subjects is a misparse of "The party's leader, Jeremy Corbyn announced"
            return next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}:
            return None
        sharing = current.dep_ in {"xcomp", "conj", "acomp", "pcomp", "prep"} or (
            current.dep_ == "advcl" and current.tag_ == "VBG"
        )
        if not sharing or current.head is current:
            break
        current = current.head
    # "Salling said ..., intends to merge": an attached reporting clause names the actor.
    for child in verb.children:
        if child.dep_ in {"advcl", "parataxis"} and child.lemma_.lower() in REPORTING_VERBS:
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj":
                    return grandchild
    return None


def reporting_verb(token: Token) -> Token | None:
    """The verb of saying whose complement holds the token: 'said' in 'X said it would'."""
    node = token
    while node.head is not node:
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in REPORTING_VERBS:
            return node.head
        if node.dep_ not in {"conj", "xcomp", "advcl", "aux", "ccomp", "acomp"}:
            return None
        node = node.head
    return None


def _is_reported(verb: Token) -> bool:
    """'would' commits only in reported speech that is not denied: 'said it would act'."""
    reporter = reporting_verb(verb)
    return reporter is not None and not _is_negated(reporter)


def in_question(token: Token) -> bool:
    """Whether the token sits in an indirect question: 'asked if Moscow planned to ...'."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in node.children):
            return bool(node.dep_ != "advcl")  # "if" opening an adverbial clause: a condition
        if node.dep_ in {"ccomp", "advcl", "relcl", "ROOT"}:
            return False
    return False


def _framed_as_not_committing(governor: Token) -> bool:
    """A 'will' under 'hope', 'expect' or 'denied' is a wish, forecast or denial."""
    for ancestor in (governor, *governor.ancestors):
        if ancestor.lemma_.lower() in NOT_COMMITTING and ancestor.pos_ == "VERB":
            return True
    return False


def _describes_a_new_thing(action: Token, subject: Token) -> bool:
    """'a party which will attract members' tells what a thing will do, not who commits."""
    if action.dep_ != "relcl" or subject.lower_ not in {"which", "that", "who"}:
        return False
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in action.head.children)


def _plain(adjective: Token) -> bool:
    """'ready to', not 'less willing to' or 'not so willing to': a degree is no offer."""
    graded = any(c.lower_ in {"less", "more", "not", "so", "too", "as"} for c in adjective.children)
    return not graded and not _is_negated(adjective.head)


def _to_be_done(verb: Token) -> bool:
    """'an initiative to be unveiled' promises an act; 'a region to be called X' names a thing."""
    return is_passive(verb) and verb.lemma_.lower() not in NAMING_VERBS


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive: 'to be unveiled', 'would be flown'."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _has_aux(token: Token, lemmas: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() in lemmas for c in token.children)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _past_progressive(verb: Token) -> bool:
    """'was planning to' tells of a plan that may be over; not a commitment standing now."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in {"was", "were", "had"} for c in verb.children
    )
