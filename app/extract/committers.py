"""Who commits to a candidate's act: its subject's name, a passive's doer, the owner of a
commitment, whoever says it, or the body the article is about; and how that was found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.extract import lexicon as words
from app.extract.actors import (
    ActorNamer,
    answers_a_question,
    interviewee,
    is_agent,
    is_news_outlet,
)
from app.extract.syntax import is_passive

if TYPE_CHECKING:
    from app.extract.candidates import Candidate

TIME_ENTITIES = frozenset({"DATE", "TIME"})


def actor_of(candidate: Candidate, namer: ActorNamer, named: str) -> tuple[str, str]:
    """Who commits to a candidate's act (`named`: what the namer calls its subject), and how
    that was found: "subject", "doer" (of a passive or of what is received), "owner" (of the
    commitment, or of the thing the act is done to), "speaker" (who says it, or whose turn it
    is in an interview), "article" (the body the article is about), or "nobody"."""
    action, subject = candidate.action, candidate.subject
    doer = doer_of(action)
    doer_name = "" if doer is None else namer.name_token(doer)
    if doer_name:
        return doer_name, "doer"  # "will be provided by the state government"
    committer = _committer(candidate, namer) if doer is None else ""
    if committer:
        return committer, "owner"  # "My commitment is that Rocky will remain …": whoever's it is
    told_of_a_thing = (
        (raised_patient(candidate) is not None and doer is None)
        or is_a_thing(subject)
        or _made_available(action)
        or _arranged_for_a_group(candidate)
    )
    if named and not told_of_a_thing:
        return named, "subject"
    # "Russia's exchanges will reopen": the owner; "The first jets will be delivered in 2014":
    # whoever says so, else the article's body
    owner = _owner(subject, namer)
    if owner:
        return owner, "owner"
    speaker = _fallback_actor(candidate, namer)
    if speaker:
        return speaker, "speaker"
    said_by_one = subject is not None and subject.lower_ in words.FIRST_PERSON_SINGULAR
    body = namer.main_agent(person=said_by_one)  # "I will continue as CEO": a person's
    if body:
        return body, "article"
    return (named, "subject") if named else ("Unnamed", "nobody")


def what_it_is(noun: Any) -> list[Any]:
    """The clauses a noun is said to be ("her promise was that taxes would not rise": rise;
    "our goal is to expand": expand); none when it is no copula's subject."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return []
    return [c for c in noun.head.children if c.dep_ in {"ccomp", "xcomp"}]


def is_a_thing(subject: Any) -> bool:
    """A subject that cannot commit: a product, a plant, a law ("the law is to take effect")."""
    if subject is None or subject.pos_ != "NOUN":  # a name stays: spaCy's PRODUCT is unsure
        return False
    return not is_agent(subject)  # not a person, body or handle ("@DrAmyActon will order")


def _arranged_for_a_group(candidate: Candidate) -> bool:
    """A group described, not named, of whom a future is told without a commitment word of
    theirs: what someone else arranges for them ("Developers will be able to set the price",
    "Hungarian engineers are to join the team", "workers will receive their pay"). With one,
    the group commits: "The researchers plan to gather", "Local firefighters planned to"."""
    subject, cue = candidate.subject, candidate.cue.lemma_.lower()
    if (
        subject is None
        or subject.pos_ != "NOUN"
        or subject.lemma_.lower() not in words.PEOPLE_NOUNS
    ):
        return False
    return cue not in _COMMITMENT_WORDS


# The words by which one commits oneself: "plan", "promise", "pledge", "ready", ...
_COMMITMENT_WORDS = (
    words.COMMITMENT_VERBS.keys() | words.COMMITMENT_NOUNS.keys() | words.READY_WORDS
)


def doer_of(action: Any) -> Any:
    """Who the act's wording says does it, when not its subject: the agent of a passive ("will
    be provided by the state government"), the giver of what is received ("will receive loans
    from the government of Canada")."""
    receives = action.lemma_.lower() in words.RECEIVING_VERBS
    # "will receive CA$1 billion from the government": the "from" may hang on what is received
    received = [c for c in action.children if c.dep_ == "dobj"] if receives else []
    for child in [*action.children, *(c for o in received for c in o.children)]:
        receiving = child.lower_ == "from" and receives
        if child.dep_ == "agent" or (child.dep_ == "prep" and receiving):
            doer = next((c for c in child.children if c.dep_ == "pobj"), None)
            # "be repaired by June" is a deadline the parse took for an agent
            return None if doer is None or doer.ent_type_ in TIME_ENTITIES else doer
    return None


def _committer(candidate: Candidate, namer: ActorNamer) -> str:
    """Whose commitment the act's clause tells, when it is what a commitment is ("My
    commitment is that Rocky will remain …", "Her promise was that taxes would not rise"):
    the owner's name, else (a "my" no quotation frames) whose turn it is in an interview; ""
    when the clause tells no one's commitment."""
    action = candidate.action
    noun = next((c for c in action.head.children if c.dep_ == "nsubj"), None)
    if noun is None or noun.lemma_.lower() not in words.COMMITMENT_NOUNS:
        return ""
    if action.dep_ != "ccomp" or action not in what_it_is(noun):
        return ""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return "" if owner is None else namer.name_token(owner) or _fallback_actor(candidate, namer)


def raised_patient(candidate: Candidate) -> Any:
    """What a passive act with no subject of its own is done to: the subject of the clause it
    completes ("the bridge is scheduled to be opened" -> open the bridge; "the dealers that are
    to be closed" -> close the dealers), never a pronoun ("he is expected to be elected")."""
    action, subject = candidate.action, candidate.subject
    if subject is None or not is_passive(action) or subject.head == action:
        return None
    clause = action
    while clause.dep_ == "xcomp" and clause.head != clause:
        clause = clause.head  # "is scheduled to be opened": the clause of "is scheduled"
    described = clause.dep_ == "acl" and clause.head == subject  # "with the plant set to be"
    if subject.head != clause and not described:
        return None  # the subject of another clause: "the judge ordered that ballots be ..."
    if subject.lower_ in words.RELATIVE and subject.head.dep_ == "relcl":
        return subject.head.head
    return None if subject.pos_ == "PRON" else subject


def _made_available(action: Any) -> bool:
    """A state that only a thing is in, brought about by its maker: "iPhone 4 will be
    available on AT&T's network" (a product's name is no actor, whatever spaCy calls it)."""
    return action.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in words.MADE_STATES for c in action.children
    )


def _owner(subject: Any, namer: ActorNamer) -> str:
    """Who a thing belongs to, when a name owns it: "Russia's exchanges" -> Russia."""
    if subject is None:
        return ""
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN":
        return ""
    return namer.name_token(owner)


def _fallback_actor(candidate: Candidate, namer: ActorNamer) -> str:
    """When the subject names nobody: the one who says it ("X said ... would", "according to
    X, ... will"), else, in an interview, the one whose turn it is ("((Gregory Kurtzer)) Our
    goal is …", "Very careful attention will be paid to …"), and after a question's turn the
    person the article is about: the one who answers it."""
    for token in candidate.action.sent:
        speaker = None
        if token.lemma_.lower() in words.SAYING_VERBS and token.pos_ == "VERB":
            speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
        elif token.lower_ == "to" and token.head.lower_ == "according":
            speaker = next((c for c in token.children if c.dep_ == "pobj"), None)
        if speaker is not None:
            name = namer.name_token(speaker)
            if name and not is_news_outlet(name):  # an outlet reports; it does not commit
                return name
    if answers_a_question(candidate.action):
        return namer.main_agent(person=True)  # the one interviewed, whom the article is about
    turn = interviewee(candidate.action)
    return "" if turn is None else namer.name_token(turn)
