"""What the pledge model is told about a candidate: named features, each a kind of wording.

The features describe the candidate's rule and cue, the act (its verb, tense, voice,
negation, hedges), the frame it is told in (reported speech, a hope or forecast, a question, a
condition, a quotation), who the subject is, whether a deadline belongs to it, and the words
around it. They are names, not sentences: the model learns their weights from the labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.extract import lexicon as words
from app.extract.clauses import is_condition
from app.extract.syntax import SUBJECTS

if TYPE_CHECKING:
    from app.extract.candidates import Candidate
    from app.extract.timex import TimeExpression

Token = Any  # spaCy's Token
Features = dict[str, float]
_STOP = frozenset({
    "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "at", "by", "from", "as",
    "that", "this", "it", "its", "be", "is", "was", "were", "are", "been", "has", "have", "had",
    ",", ".", '"', "'", "“", "”", "-", "—", "(", ")", "’s", "'s",
})  # fmt: skip


def candidate_features(
    candidate: Candidate,
    *,
    actor: str,
    deadline: TimeExpression | None,
    quoted: bool,
    others: int,
    dated_sentence: bool,
) -> Features:
    """The features of one candidate: `actor` is who the namer found ("" for nobody),
    `deadline` the time expression that belongs to the act, `quoted` whether the cue stands
    inside a quotation, `others` how many other candidates the sentence holds,
    `dated_sentence` whether the sentence has any time expression."""
    cue, action, governor = candidate.cue, candidate.action, candidate.governor
    sent = action.sent
    rule = candidate.rule.replace(" +and", "")
    family = rule.split(" ")[0]
    found: Features = {
        "bias": 1.0,
        f"rule={rule}": 1.0,
        f"family={family}": 1.0,
        f"cue={cue.lower_}": 1.0,
        f"cue_tag={cue.tag_}": 1.0,
        f"cue+tag={cue.lemma_.lower()}|{cue.tag_}": 1.0,
        f"family+cue_tag={family}|{cue.tag_}": 1.0,
        f"action={action.lemma_.lower()}": 1.0,
        f"action_tag={action.tag_}": 1.0,
        f"action_dep={action.dep_}": 1.0,
        f"governor_dep={governor.dep_}": 1.0,
        f"governor_tag={governor.tag_}": 1.0,
        f"family+governor_tag={family}|{governor.tag_}": 1.0,
        f"kind={candidate.kind.value}": 1.0,
        f"others={min(others, 3)}": 1.0,
    }
    if " +and" in candidate.rule:
        found["conjoined"] = 1.0
    if candidate.noun is not None:
        found["noun_cue"] = 1.0
        found[f"noun={candidate.noun.lemma_.lower()}"] = 1.0
        if any(c.dep_ == "poss" for c in candidate.noun.children):
            found["noun_owned"] = 1.0
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in candidate.noun.children):
            found["noun_indefinite"] = 1.0
    if action.lemma_.lower() in words.STATES:
        found["action_state"] = 1.0
    if _passive(action):
        found["passive"] = 1.0
    if candidate.negated:
        found["negated"] = 1.0
        found[f"negated+family={family}"] = 1.0
    _modality(action, found)
    _frame(candidate, found)
    subject_kind = _subject(candidate, actor, found)
    found[f"family+subject={family}|{subject_kind}"] = 1.0
    strength = _cue_strength(candidate)
    found[f"cue_strength={strength}"] = 1.0
    agentive = bool(actor) and subject_kind in _AGENT_KINDS
    found["agentive" if agentive else "not_agentive"] = 1.0
    found[f"cue_strength+agentive={strength}|{agentive}"] = 1.0
    state = action.lemma_.lower() in words.STATES
    found[f"family+agentive+state={family}|{agentive}|{state}"] = 1.0
    found[f"agentive+state={agentive}|{state}"] = 1.0
    if dated_sentence:
        found["date_in_sentence"] = 1.0
    _time(deadline, found)
    if quoted:
        found["quoted"] = 1.0
        found[f"quoted+family={family}"] = 1.0
    if _condition(action) is not None:
        found["condition"] = 1.0
    _words_near(candidate, found)
    length = len(sent)
    found[f"sentence_length={'short' if length < 12 else 'long' if length > 40 else 'mid'}"] = 1
    if sent.start == 0 or sent.doc[sent.start - 1].is_space:
        found["paragraph_start"] = 1.0
    return found


_AGENT_KINDS = frozenset({"name", "first_person", "personal_pronoun", "they", "relative", "it"})


def _cue_strength(candidate: Candidate) -> str:
    """How much the cue commits by itself: strong ("pledged"), weak ("said", "expects"), a
    future modal, a hedge, or another kind of wording."""
    word = candidate.cue.lemma_.lower()
    if word in words.STRONG_CUES or candidate.cue.lower_ in words.STRONG_CUES:
        return "strong"
    if word in words.WEAK_CUES or candidate.cue.lower_ in words.WEAK_CUES:
        return "weak"
    if candidate.cue.lower_ in words.FUTURE_MODALS:
        return "modal"
    if candidate.cue.lower_ in words.HEDGES:
        return "hedge"
    return "other"


def _modality(action: Token, found: Features) -> None:
    auxes = [c for c in action.children if c.dep_ in {"aux", "auxpass"}]
    for aux in auxes:
        word = aux.lower_
        if word in words.HEDGES:
            found[f"hedge={word}"] = 1.0
            found["hedged"] = 1.0
        if word in words.FUTURE_MODALS:
            found[f"modal={word}"] = 1.0
        if aux.lemma_ == "have":
            found["perfect"] = 1.0
            if any(a.lower_ in words.REPORTED_MODALS for a in auxes):
                found["would_have"] = 1.0  # a counterfactual past
    if action.tag_ in {"VBD", "VBN"} and not auxes:
        found["past_tense"] = 1.0
    if action.tag_ in {"VBZ", "VBP"} and not auxes:
        found["present_tense"] = 1.0


def _frame(candidate: Candidate, found: Features) -> None:
    """The verbs above the act: reported speech, a hope or forecast, a denial."""
    node = candidate.governor
    hops = 0
    while node.head != node and hops < 6:
        head = node.head
        lemma = head.lemma_.lower()
        if node.dep_ in {"ccomp", "parataxis", "xcomp", "advcl", "conj"} and head.pos_ in {
            "VERB",
            "AUX",
            "ADJ",
            "NOUN",
        }:
            if lemma in words.SAYING_VERBS:
                found["reported"] = 1.0
                found[f"reporter={lemma}"] = 1.0
                found[f"reporter_tag={head.tag_}"] = 1.0
                if any(c.dep_ == "neg" for c in head.children):
                    found["reporter_negated"] = 1.0
            if lemma in words.NOT_COMMITTING:
                found[f"frame={lemma}"] = 1.0
                found["not_committing_frame"] = 1.0
        if lemma in words.AGREEMENT_WORDS:
            found["under_agreement"] = 1.0
        node, hops = head, hops + 1
    if any(t.lower_ == "according" for t in candidate.action.sent):
        found["according_to"] = 1.0


def _subject(candidate: Candidate, actor: str, found: Features) -> str:
    """Features of who the subject is; returns its kind (name, noun, first_person, ...)."""
    subject = candidate.subject
    kind = "none"
    if subject is None:
        found["subject=none"] = 1.0
    else:
        word = subject.lower_
        if word in words.FIRST_PERSON:
            kind = "first_person"
        elif word in words.PERSONAL:
            kind = "personal_pronoun"
        elif word in {"it", "its"}:
            kind = "it"
        elif word in {"they", "them"}:
            kind = "they"
        elif word in words.RELATIVE:
            kind = "relative"
        elif subject.pos_ == "PROPN":
            kind = "name"
        elif subject.pos_ == "NOUN":
            kind = "noun"
        else:
            kind = subject.pos_.lower()
        found[f"subject={kind}"] = 1.0
        if subject.ent_type_:
            found[f"subject_entity={subject.ent_type_}"] = 1.0
        lemma = subject.lemma_.lower()
        if lemma in words.ROLE_NOUNS:
            found["subject_role"] = 1.0
        if lemma in words.BODY_NOUNS:
            found["subject_body"] = 1.0
        if lemma in words.PEOPLE_NOUNS:
            found["subject_people"] = 1.0
        if subject.dep_ == "nsubjpass":
            found["subject_passive"] = 1.0
        if subject.pos_ == "NOUN" and lemma not in words.AGENT_NOUNS:
            found[f"subject_thing={lemma}"] = 1.0
    found["actor_named" if actor else "actor_unknown"] = 1.0
    return kind


def _time(deadline: TimeExpression | None, found: Features) -> None:
    if deadline is None:
        return
    found["deadline"] = 1.0
    found["deadline_vague" if deadline.vague else "deadline_dated"] = 1.0
    first = deadline.text.split()[0].lower()
    if first in {"by", "within", "until", "till", "before", "next", "starting", "from"}:
        found[f"deadline_lead={first}"] = 1.0


def _words_near(candidate: Candidate, found: Features) -> None:
    """Lexical features: the words of the act's clause, and the words beside the cue."""
    cue, action = candidate.cue, candidate.action
    doc = action.doc
    for token in action.subtree:
        if token.dep_ in SUBJECTS or token.is_punct:
            continue
        lemma = token.lemma_.lower()
        if lemma not in _STOP and token.i - action.i < 12:
            found[f"w={lemma}"] = 1.0
    before = doc[cue.i - 1] if cue.i > 0 else None
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if before is not None:
        found[f"before_cue={before.lower_}"] = 1.0
    if after is not None:
        found[f"after_cue={after.lower_}"] = 1.0
    obj = next((c for c in action.children if c.dep_ in {"dobj", "attr", "acomp"}), None)
    if obj is not None:
        found[f"object={obj.lemma_.lower()}"] = 1.0


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _condition(action: Token) -> Token | None:
    for node in (action, action.head):
        for child in node.children:
            if child.dep_ == "advcl" and is_condition(child):
                return child
    return None
