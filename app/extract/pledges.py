"""Pipeline stage 4: find the pledges in an article from spaCy's parse of it.

For each sentence the candidate rules (candidates.py) find every clause that could commit
someone; each is described (who acts, the deadline that belongs to its act, its features) and
the trained model (pledge_model.py) says how likely it is a pledge. Those above the model's
review threshold become pledges, with their confidence; those below its tracking threshold
are stored to review. The same commitment told twice in one article is one pledge whose later
quotes are kept as evidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.domain import Article, Pledge, PledgeKind, Quote, Span
from app.extract import lexicon as words
from app.extract.actors import ActorNamer, quotation_around
from app.extract.candidates import Candidate, find_candidates
from app.extract.clauses import (
    action_text,
    condition_tokens,
    recipient_token,
    tokens_text,
)
from app.extract.committers import (
    TIME_ENTITIES,
    actor_of,
    doer_of,
    is_a_thing,
    raised_patient,
    what_it_is,
)
from app.extract.features import Features, candidate_features
from app.extract.gapping import gapped_part
from app.extract.nlp import parse_many
from app.extract.pledge_model import PledgeModel, shipped_model
from app.extract.syntax import is_passive
from app.extract.timex import TimeExpression, deadline_of, time_expressions

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

PledgeFinder = Callable[[Sequence[Article]], list[list[Pledge]]]
Doc = Any  # spaCy's Doc
Token = Any  # spaCy's Token
Sentence = Any  # spaCy's Span
# A sentence this long (in tokens) is not read for pledges: what one sentence may cost.
MAX_SENTENCE_TOKENS = 200
_ANAPHORS = frozenset({"that", "it", "this", "so", "the same"})
_OWN_OBJECTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "oprd", "npadvmod"})
_Key = tuple[str, str, str, str]  # what makes two pledges of an article one: see _keep


@dataclass(frozen=True)
class Described:
    """A candidate with what the model is told about it, and who acts and by when."""

    candidate: Candidate
    sentence: Sentence
    actor: str  # who the namer found for its subject ("" for nobody): see committers.actor_of
    deadline: TimeExpression | None
    features: Features


def find_pledges(
    articles: Sequence[Article], model: PledgeModel | None = None
) -> list[list[Pledge]]:
    """For each article, one Pledge per commitment, in reading order, due dates not yet set.

    spaCy parses the articles together (nlp.pipe), which is faster than one at a time.
    """
    chosen = model or shipped_model()
    return [pledges_in_doc(doc, chosen) for doc in parse_many([a.text for a in articles])]


def describe(doc: Doc, namer: ActorNamer | None = None) -> Iterator[Described]:
    """Every candidate of a parsed article, described: what training and extraction share."""
    namer = namer or ActorNamer(doc)
    for sent in doc.sents:
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        candidates = find_candidates(sent)
        if not candidates:
            continue
        expressions = time_expressions(sent)
        for candidate in candidates:
            actor = namer.name(candidate)
            deadline = deadline_of(candidate, expressions)
            quoted = quotation_around(doc, candidate.cue.idx) is not None
            features = candidate_features(
                candidate, actor=actor, deadline=deadline, quoted=quoted,
                others=len(candidates) - 1, dated_sentence=bool(expressions),
            )  # fmt: skip
            yield Described(candidate, sent, actor, deadline, features)


def pledges_in_doc(doc: Doc, model: PledgeModel) -> list[Pledge]:
    """The pledges in a parsed article, each with the model's confidence."""
    namer = ActorNamer(doc)
    return pledges_from(list(describe(doc, namer)), namer, model)


def pledges_from(
    candidates: Sequence[Described], namer: ActorNamer, model: PledgeModel
) -> list[Pledge]:
    """The pledges among an article's described candidates, by the model's scores."""
    by_sentence: dict[int, list[tuple[float, Described]]] = {}
    for described in candidates:
        probability = model.probability(described.features)
        if probability >= model.review:
            by_sentence.setdefault(described.sentence.start, []).append((probability, described))
    found: dict[_Key, Pledge] = {}
    place: dict[_Key, int] = {}  # where each pledge's act first stands
    for scored in by_sentence.values():
        scored.sort(key=lambda pair: -pair[0])
        kept: list[Pledge] = []
        kept_candidates: list[Candidate] = []
        acts = [d.candidate.action.i for _, d in scored]
        for probability, described in scored:
            if _holds_another_act(described.candidate, acts):
                continue  # "secured a deal that the US will provide …": the provision is it
            pledge, *second_part = _built(described, namer, probability, model, others=acts)
            if any(_gist(p.action) == _gist(pledge.action) for p in kept):
                continue
            conjoined = "+and" in described.candidate.rule  # "promised to X and (to) Y"
            act = described.candidate.action
            # "the price will be cut, and the phone will be discontinued": a clause of its own
            own_clause = not any(
                other.cue == described.candidate.cue
                or _within(act, other.action)
                or _within(other.action, act)
                for other in kept_candidates
            )
            same_actor = pledge.actor in {p.actor for p in kept}
            if kept and probability < model.track and same_actor and not (conjoined or own_clause):
                continue  # one act of an actor per clause, unless the model is sure of more
            kept.append(pledge)
            kept_candidates.append(described.candidate)
            for built in (pledge, *second_part):
                place.setdefault(_keep(found, built), described.candidate.action.i)
    # in reading order, and two acts of one sentence in theirs: "X will gather, and Y will hold"
    return [found[key] for key in sorted(found, key=place.__getitem__)]


def _within(act: Token, other: Token) -> bool:
    """Whether an act is part of another's clause ("be able to set prices": set), not one joined
    to it ("the price will be cut, and the phone will be discontinued": two acts) or told of a
    thing in a clause of its own ("will come with the new software, which will be available on
    June 17")."""
    token = act
    while token.i != token.head.i and token.dep_ not in {"conj", "relcl"}:
        token = token.head
        if token.i == other.i:
            return True
    return False


def _relative_clauses_of(act: Token, others: Sequence[int]) -> set[int]:
    """The words of the relative clauses inside an act's phrase that tell another pledged act:
    "will come with the new software, which will be available on June 17" is two pledges, the
    first without the second's clause."""
    doc = act.doc
    inside = {t.i for t in act.subtree}
    excluded: set[int] = set()
    for other in others:
        token = doc[other]
        while token.i != act.i and token.i in inside and token.dep_ != "relcl":
            token = token.head
        if token.dep_ == "relcl" and token.i in inside and token.i != act.i:
            excluded |= {t.i for t in token.subtree}
    return excluded


def _holds_another_act(candidate: Candidate, acts: Sequence[int]) -> bool:
    """A commitment noun with no act of its own ("a deal") whose clause, or what it is ("her
    promise was that taxes would not rise"), is another candidate's act, or which another
    candidate's act is done to ("extended its stay-at-home order until May 1"): that candidate
    tells the commitment, the noun only names it."""
    noun = candidate.noun
    if noun is None or candidate.action.i != noun.i:
        return False
    inside = {t.i for t in noun.subtree} - {noun.i}
    inside |= {t.i for clause in what_it_is(noun) for t in clause.subtree}
    done_to = noun.dep_ == "dobj" and noun.head.i in acts
    return done_to or any(i in inside for i in acts)


def _keep(found: dict[_Key, Pledge], pledge: Pledge) -> _Key:
    """Add a pledge, or, when the article told it before, its quote to the earlier one; returns
    the key it is kept under."""
    key = (
        pledge.actor.casefold(),
        _gist(pledge.action),
        _gist(pledge.condition or ""),
        _gist(pledge.deadline_text or ""),
    )
    earlier = found.get(key)
    if earlier is None:
        found[key] = pledge
        return key
    quote = Quote(pledge.quote, pledge.quote_span)
    if quote.span != earlier.quote_span and quote not in earlier.more_quotes:
        surest = max(earlier.confidence or 0.0, pledge.confidence or 0.0)
        found[key] = dataclasses.replace(
            earlier,
            more_quotes=(*earlier.more_quotes, quote),
            confidence=surest,
            review=earlier.review and pledge.review,
        )
    return key


def _built(
    described: Described, namer: ActorNamer, probability: float, model: PledgeModel,
    *, others: Sequence[int] = (),
) -> list[Pledge]:  # fmt: skip
    """The pledge of a described candidate, and a second one for a part of its act told with
    a time of its own and the verb left out ("Two more plants will close in 2008, another two
    in 2012": close two more plants in 2008, close another two in 2012)."""
    deadline = described.deadline
    gapped = None if deadline is None else gapped_part(described.candidate, deadline)
    if gapped is None or deadline is None:
        return [_build(described, namer, probability, model, others=others)]
    second = gapped.time
    first = _build(
        described,
        namer,
        probability,
        model,
        others=others,
        leave_out={*gapped.joining, *gapped.remnant, *range(second.start, second.end)},
    )
    # the part stands for what the act is done to: its object ("cut 500 jobs by March, and
    # 200 more by June"), else its subject ("another two" for "two more plants")
    objects = [c for c in described.candidate.action.children if c.dep_ == "dobj"]
    replaced = {t.i for o in objects for t in o.subtree} - set(gapped.remnant)
    not_its_own = {*gapped.joining, *range(deadline.start, deadline.end), *replaced}
    rest = _build(dataclasses.replace(described, deadline=second), namer, probability, model,
                  others=others, leave_out=not_its_own, theme_told=False)  # fmt: skip
    return [first, rest]


def _build(
    described: Described, namer: ActorNamer, probability: float, model: PledgeModel,
    *, others: Sequence[int] = (), leave_out: Collection[int] = (), theme_told: bool = True,
) -> Pledge:  # fmt: skip
    """Assemble one Pledge from the parse around its act (`others`: where the sentence's
    other pledged acts stand; `leave_out`: words that are no part of this pledge;
    `theme_told`: False when the words of a gapped part stand for what the act is done to)."""
    candidate, sent = described.candidate, described.sentence
    condition = condition_tokens(candidate)
    excluded = _relative_clauses_of(candidate.action, others) | set(leave_out)
    if described.deadline is not None:
        excluded |= set(range(described.deadline.start, described.deadline.end))
    if candidate.subject is not None:
        # not the act's own words when it describes its subject: "the states scheduled to hold
        # elections" -> hold elections
        act = {t.i for t in candidate.action.subtree}
        excluded |= {t.i for t in candidate.subject.subtree} - act
    if condition is not None:
        excluded |= {t.i for t in condition}
    kind = candidate.kind
    if kind is PledgeKind.PROMISE and condition is not None:
        kind = PledgeKind.CONDITIONAL
    party = recipient_token(candidate)
    raw = sent.text  # doc.text[start:end], without spaCy joining the whole doc at each pledge
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    quote = raw.strip()
    actor, found_by = actor_of(candidate, namer, described.actor)
    doer = doer_of(candidate.action)
    if doer is not None and doer.head.dep_ == "agent" and found_by == "doer":
        excluded |= {t.i for t in doer.head.subtree}  # who acts is not what the act is done to
    raised = raised_patient(candidate)
    # "Russia's exchanges will reopen": a thing that is the subject of an act someone else
    # does is what the act is done to (a passive's subject already is, and so is the subject
    # a passive act with no subject of its own completes: "the bridge is to be opened")
    theme = candidate.subject if doer is None and _changes(candidate, leave_out) else raised
    if not theme_told:
        theme = None  # "another two" stands for "two more plants"
    return Pledge(
        actor=actor,
        action=_readable_action(candidate, excluded, theme),
        kind=kind,
        quote=quote,
        quote_span=Span(start, start + len(quote)),
        recipient=None if party is None else namer.full_name(party),
        condition=None if condition is None else tokens_text(condition),
        deadline_text=None if described.deadline is None else described.deadline.text,
        confidence=round(probability, 3),
        # who gives what is received is whose pledge it is: unnamed, the analyst says who
        review=probability < model.track or (doer is None and _received(candidate.action)),
    )


def _readable_action(candidate: Candidate, excluded: set[int], theme: Any = None) -> str:
    """The act as a verb phrase with its object and its negation; 'do that' takes the clause
    it points back to ("... will not run. I will not do that" -> "not run")."""
    text = action_text(candidate, excluded, theme=theme)
    action = candidate.action
    objects = [c for c in action.children if c.dep_ in {"dobj", "advmod"}]
    if action.lemma_.lower() == "do" and objects and objects[0].lower_ in _ANAPHORS:
        antecedent = _previous_act(action)
        if antecedent:
            return f"not {antecedent}" if candidate.negated else antecedent
    return text or str(action.lemma_).lower()


def _previous_act(token: Any) -> str | None:
    """The main act of the clause before: what 'do that' stands for."""
    doc = token.doc
    sent = token.sent
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    verbs = [t for t in before if t.pos_ == "VERB" and t.dep_ in {"ROOT", "xcomp", "ccomp"}]
    if not verbs:
        return None
    chosen = verbs[-1]
    words_of = [t for t in chosen.subtree if t.dep_ not in {"nsubj", "nsubjpass", "punct"}]
    text = tokens_text([t for t in words_of if t.i >= chosen.i or t.dep_ == "neg"])
    return text.replace(chosen.text, chosen.lemma_, 1) or None


def _received(action: Any) -> bool:
    """An act of receiving ("we will receive written responses"): the receiver's subject is
    not who acts."""
    return bool(action.lemma_.lower() in words.GIVEN_VERBS and not is_passive(action))


def _changes(candidate: Candidate, ignoring: Collection[int] = ()) -> bool:
    """A thing as the subject of a verb of change with no object of its own: what someone
    else's act is done to ("Russia's exchanges will reopen"; not "the flight will take off",
    not "the plan is to end losses")."""
    action, subject = candidate.action, candidate.subject
    return (
        action.lemma_.lower() in words.CHANGING_VERBS
        and subject is not None
        and subject.head.i == _raising_clause(action).i
        and is_a_thing(subject)
        and not is_passive(action)
        and not any(c.dep_ in _OWN_OBJECTS and c.ent_type_ not in TIME_ENTITIES
                    and c.i not in ignoring
                    for c in action.children)  # "will reopen next month": a time, no object
    )  # fmt: skip


def _raising_clause(action: Any) -> Any:
    """The clause whose subject an act's own is when "be (set) to" carries it: "is" in "the
    talks were to open", "the plant is set to close"; else the act itself."""
    clause = action
    while clause.dep_ in {"xcomp", "acomp"} and (
        clause.head.lemma_ == "be" or clause.head.lower_ in words.BE_SET_WORDS
    ):
        clause = clause.head
    return clause


def _gist(action: str) -> str:
    """What makes two wordings of an action the same: their first few words, folded."""
    return " ".join(re.findall(r"\w+", action.casefold())[:4])
