"""Reading spaCy's parse: who a verb's subject is, what a word governs, how a clause is framed.

Small questions about the dependency tree that the candidate rules, the features, the actor
namer and the outcome search all ask, answered once here.
"""

from __future__ import annotations

from typing import Any

from app.extract import lexicon as words

Token = Any  # spaCy's Token; spaCy ships no type information

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _acts_of_a_commitment(verb: Token) -> bool:
    """A clause that tells what a commitment someone made, or a text someone issued, says:
    "(signed) an order delaying the election", "(announced) a plan cutting 1,000 jobs",
    "(released) a joint statement saying"."""
    noun = verb.head
    told = (
        noun.lemma_.lower() in words.COMMITMENT_NOUNS or verb.lemma_.lower() in words.SAYING_VERBS
    )
    return verb.dep_ == "acl" and told and noun.dep_ == "dobj"


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing through the clauses that share it."""
    current = verb
    for _ in range(6):
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None and current is not verb:
            # "were described by Johnson, saying he ...": Johnson is the one saying
            return next((c for c in agent.children if c.dep_ == "pobj"), agent)
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if subjects:
            # two subjects is a misparse of "The party's leader, Jeremy Corbyn announced"
            return next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head  # "the company, which will ...": the company
        if _acts_of_a_commitment(current):
            current = current.head.head  # "signed an order delaying the election": the signer
            continue
        sharing = current.dep_ in {"xcomp", "conj", "acomp", "pcomp", "prep", "oprd"} or (
            current.dep_ == "advcl" and current.tag_ == "VBG"
        )
        if not sharing or current.head == current:
            break
        current = current.head
    # "Salling said ..., intends to merge": an attached reporting clause names the actor.
    for child in verb.children:
        if child.dep_ in {"advcl", "parataxis"} and child.lemma_.lower() in words.SAYING_VERBS:
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj":
                    return grandchild
    return None


def reporting_verb(token: Token) -> Token | None:
    """The verb of saying whose complement holds the token: 'said' in 'X said it would'."""
    node = token
    while node.head != node:
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in words.SAYING_VERBS:
            return node.head
        if node.dep_ not in {"conj", "xcomp", "advcl", "aux", "ccomp", "acomp"}:
            return None
        node = node.head
    return None


def complement(token: Token) -> Token | None:
    """The verb a word governs: 'vowed to hold', 'plans on leaving', 'agreed that X will hold'."""
    for child in token.children:
        if child.pos_ in {"VERB", "AUX"} and child.dep_ in {"xcomp", "ccomp"}:
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "on", "of"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.pos_ in {"VERB", "AUX"}:
                    return grandchild
    return None


def to_complement(token: Token) -> Token | None:
    """The infinitive a word governs: 'is to act', 'set to act'."""
    return next((c for c in token.children if c.dep_ in {"xcomp", "ccomp"} and has_to(c)), None)


def in_question(token: Token) -> bool:
    """Whether the token sits in an indirect question: 'asked if Moscow planned to ...'."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in words.QUESTION_MARKS for c in node.children):
            return bool(node.dep_ != "advcl")  # "if" opening an adverbial clause: a condition
        if node.dep_ in {"ccomp", "advcl", "relcl", "ROOT"}:
            return False
    return False


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive: 'to be unveiled', 'would be flown'."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def is_negated(token: Token) -> bool:
    """Whether a word has a negation of its own: 'will not run'."""
    return any(c.dep_ == "neg" for c in token.children)


def has_to(verb: Token) -> bool:
    """Whether a verb is an infinitive with 'to'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_question(sent: Any) -> bool:
    """A direct question: it ends with a question mark, or opens with a question word and
    an auxiliary ("How will you ensure ...")."""
    text = sent.text.strip().rstrip("”\"'’)]").rstrip()
    if text.endswith("?"):
        return True
    first = [t for t in sent if not t.is_punct][:2]
    return (
        len(first) == 2
        and first[0].lower_ in {"how", "what", "which", "when", "where", "why", "who", "will",
                                "would", "can", "could", "should", "do", "does", "is", "are"}
        and first[1].pos_ in {"AUX", "VERB", "PRON", "NOUN"}
        and first[0].i == sent.start
        and not text.endswith(".")
    )  # fmt: skip


def entities(doc: Any) -> tuple[Any, ...]:
    """The document's named entities, listed once (spaCy builds doc.ents anew at every call)."""
    cached = doc.user_data.get("pledgewatch_ents")
    if cached is None:
        cached = doc.user_data["pledgewatch_ents"] = tuple(doc.ents)
    return tuple(cached)


def sentence_entities(sent: Any) -> list[Any]:
    """The named entities inside a sentence."""
    return [e for e in entities(sent.doc) if sent.start <= e.start and e.end <= sent.end]
