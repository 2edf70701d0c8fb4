"""Reads the parts of a commitment from the parse: action, condition, deadline, recipient."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.extract import lexicon as words
from app.extract.syntax import SUBJECTS, is_passive

if TYPE_CHECKING:
    from app.extract.candidates import Candidate

Token = Any  # spaCy's Token
_OBJECT_CASE = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
# How spaCy tags a relative pronoun: "which", "that" (WDT), "who" (WP).
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def condition_tokens(cue: Candidate) -> list[Token] | None:
    """The clause the pledge depends on: 'if ...', 'once ...', 'after receiving ...'."""
    governors = [cue.action]
    while governors[-1].dep_ in {"xcomp", "acomp", "pcomp", "prep"} and len(governors) < 5:
        governors.append(governors[-1].head)
    for node in governors:
        for child in node.children:
            if child.dep_ not in {"advcl", "prep"} or not is_condition(child):
                continue
            if child.dep_ == "prep" and not any(g.dep_ == "pcomp" for g in child.children):
                continue
            return list(child.subtree)
    return None


def is_condition(clause: Token) -> bool:
    """Whether a clause sets a condition: it opens with "if", "unless", "once", ...; not the
    question after a verb of asking ("decide if an investigation is required")."""
    first = next(iter(clause.subtree))
    return first.lower_ in words.CONDITION_MARKS and not _asked(clause)


def _asked(clause: Token) -> bool:
    """An "if" or "whether" clause that a verb of asking before it takes as its question."""
    first = next(iter(clause.subtree))
    return (
        first.lower_ in words.QUESTION_MARKS
        and clause.head.i < clause.i
        and clause.head.lemma_.lower() in words.ASKING_VERBS
    )


def _completes_the_act(clause: Token, verb: Token) -> bool:
    """A clause after the act that belongs to its phrase: its purpose ("meet Monday to discuss
    the confirmation"), what it lets or asks someone do ("allow him to develop plans"), its
    question ("decide if an investigation is required") or its end ("continue searching until
    we find it")."""
    if clause.i < verb.i:
        return False
    ends = any(c.dep_ == "mark" and c.lower_ in {"until", "till"} for c in clause.children)
    return _infinitive(clause) or ends or _asked(clause)


def _infinitive(clause: Token) -> bool:
    """A clause told with "to": "to discuss the confirmation", "him to develop plans"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def lets_someone_act(clause: Token) -> bool:
    """An infinitive with a subject of its own after a verb: what the verb lets or asks someone
    do ("allow him to develop plans", "help the farmers to rebuild their barns by May"); its
    words and its time are the verb's act's."""
    return (
        clause.dep_ == "ccomp"
        and clause.i > clause.head.i
        and _infinitive(clause)
        and any(c.dep_ in SUBJECTS for c in clause.children)
    )


def action_text(cue: Candidate, excluded: set[int], *, theme: Token | None = None) -> str:
    """The act as a short verb phrase in the base form, with its object and its negation,
    without subject, auxiliaries, deadline or condition: "not run for Senate", "assemble the
    first four aircraft at the main factory" (a passive subject becomes the object, and so
    does a `theme`: a thing as subject of an act someone else does, "exchanges will reopen")."""
    if cue.noun is not None and cue.noun.lemma_.lower() in words.ACTION_NOUNS:
        text = words.ACTION_NOUNS[cue.noun.lemma_.lower()]
    elif cue.noun is not None and is_passive(cue.action):
        # "a new initiative to be unveiled" -> "unveil a new initiative"
        noun = [t for t in phrase_tokens(cue.noun) if t.i not in excluded]
        text = f"{cue.action.lemma_} {tokens_text(noun)}"
    elif cue.action.pos_ in {"NOUN", "PROPN"}:
        # the act is a noun ("an agreement for worldwide marketing"): its phrase; or what is
        # scheduled for it ("the telescope, scheduled for launch" -> launch of the telescope)
        phrase = [t for t in phrase_tokens(cue.action) if t.i not in excluded]
        event = _scheduled_event(cue)
        text = tokens_text(phrase)
        if event is not None and phrase:
            text = f"{event.text} of {_as_object(phrase)}"
    else:
        text = _verb_phrase(cue.action, excluded, theme)
    text = _balanced(text)
    return f"not {text}" if cue.negated and text else text


def _balanced(text: str) -> str:
    """An act's words with their marks in pairs: the quotation mark that pairs with none, read
    left to right, goes ('refrain from exercising its rights" as a shareholder', 'dubbed
    "Mission Control" and "Launchpad'), a bracket left open is closed ("supply the United
    States Air Force (USAF")."""
    if text.count('"') % 2:
        at = text.rfind('"')
        text = " ".join((text[:at] + text[at + 1 :]).split())
    return text + ")" * max(text.count("(") - text.count(")"), 0)


def _as_object(phrase: list[Token]) -> str:
    """A subject's words written as an object: "The plant will close" -> close the plant, "he
    will be missed" -> miss him (a name keeps its capital)."""
    text = tokens_text(phrase)
    first = phrase[0]  # never empty: a phrase holds at least its head
    if first.pos_ in {"DET", "PRON"} or (first.is_sent_start and first.pos_ != "PROPN"):
        text = text[:1].lower() + text[1:]
    return _OBJECT_CASE.get(text, text)


def _scheduled_event(cue: Candidate) -> Token | None:
    """What is scheduled for a thing, when the cue says it: "launch" in "the telescope,
    scheduled for launch in 2021" (not a time: "the vote, scheduled for Monday")."""
    if cue.cue == cue.action:
        return None
    for child in cue.cue.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            event = next((c for c in child.children if c.dep_ == "pobj"), None)
            if event is not None and event.pos_ == "NOUN" and not event.ent_type_:
                return event
    return None


def _verb_phrase(verb: Token, excluded: set[int], theme: Token | None = None) -> str:
    """The verb in its base form, then its complements in their order."""
    # what the act is done to, told as its subject: a passive's, else the theme
    done_to = next((c for c in verb.children if c.dep_ == "nsubjpass"), theme)
    theme_words = ""
    if done_to is not None and verb.dep_ == "relcl":
        # "a platform, which will be built overseas": build the platform overseas; "dealers
        # whose franchises won't be renewed": not renew the franchises of dealers
        outside = {t.i for t in verb.subtree}
        antecedent = _as_object([t for t in phrase_tokens(verb.head) if t.i not in outside])
        whose = [c for c in done_to.children if c.tag_ == "WP$"]
        if done_to.tag_ in _RELATIVE_TAGS:
            theme_words, done_to = antecedent, None
        elif whose:
            owned = [t for t in phrase_tokens(done_to) if t.i != whose[0].i]
            theme_words, done_to = f"the {tokens_text(owned)} of {antecedent}", None
    kept = [t for t in _action_tokens(verb, excluded) if t.i != verb.i]
    head = str(verb.lemma_).lower() if verb.pos_ in {"VERB", "AUX"} else verb.text
    if head == "be" and verb.lower_ in {"'s", "’s"}:
        head = "be"
    if done_to is theme and theme is not None:  # "taxes will rise" -> "raise taxes"
        head = words.DONE_TO_FORMS.get(head, head)
    parts = [head, theme_words]
    if done_to is not None:  # "will be assembled" -> "assemble <what was assembled>"
        parts.append(_as_object(phrase_tokens(done_to)))
    rest = tokens_text([t for t in kept if t.i > verb.i or t.dep_ in {"prt", "dobj"}])
    leading = {t.i for t in kept if t.i < verb.i and t.dep_ == "advmod" and t.head == verb
               and t.lower_ not in words.PRESENT_ONLY}  # fmt: skip
    # an adverb before the act with its own words: "no longer call it a museum"
    before = tokens_text([t for t in kept if t.i in leading or t.head.i in leading])
    return " ".join(p for p in (before, *parts, rest) if p)


def recipient_token(cue: Candidate) -> Token | None:
    """Who the pledge is made to or with, when the parse names a person, body or country."""
    verb = cue.action
    near = {verb.i} | {child.i for child in verb.children}
    for token in verb.subtree:
        is_object = token.dep_ == "pobj" and token.head.lower_ in {"to", "with"}
        is_party = token.ent_type_ in words.AGENT_ENTITIES
        if is_party and (token.dep_ == "dative" or (is_object and token.head.head.i in near)):
            return token
    return None


def phrase_tokens(token: Token) -> list[Token]:
    """The token with its modifiers, leaving out clauses, appositions and punctuation (but the
    hyphen inside a word: "a 30-year contract")."""
    keep: list[Token] = []

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            left_out = child.dep_ in {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}
            if not left_out or child.tag_ == "HYPH":
                walk(child)

    walk(token)
    return sorted(keep, key=lambda t: t.i)


def tokens_text(tokens: list[Token]) -> str:
    """Join tokens as they stood (a gap where words were left out), trimming the edges."""
    parts: list[str] = []
    for index, token in enumerate(tokens):
        parts.append(token.text)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and (token.whitespace_ or following.i != token.i + 1):
            parts.append(" ")
    return " ".join("".join(parts).strip(" ,;:“”\"'’‘—-[]").split())


def _action_tokens(verb: Token, excluded: set[int]) -> list[Token]:
    keep: list[Token] = []

    first_aux = min((c.i for c in verb.children if c.dep_ in {"aux", "auxpass"}), default=verb.i)

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            if child.i in excluded:
                continue
            if node is verb and child.dep_ in {"advcl", "ccomp"}:
                if _completes_the_act(child, verb):  # its purpose or question, not another act
                    walk(child)
                continue
            if node is verb and _is_cue_part(child):
                continue
            if node is verb and child.dep_ in {"neg", "aux", "auxpass", "nsubjpass", "expl"}:
                continue  # said by "not" in front, or by the base form
            if node is verb and child.i < first_aux:
                continue  # "Of course, it will ...", "On policy, the council will ..."
            if child.dep_ == "conj" and (
                child.pos_ in {"VERB", "AUX"} or any(g.dep_ in SUBJECTS for g in child.children)
            ):
                continue  # another action, or another clause: a pledge of its own
            walk(child)

    walk(verb)
    tokens = sorted(keep, key=lambda t: t.i)
    while tokens and tokens[-1].dep_ in {"cc", "punct"}:
        tokens.pop()
    return tokens


def _is_cue_part(child: Token) -> bool:
    """Words of the action verb's own clause that are not the action: 'that', 'will', 'to'."""
    if child.dep_ in {"mark", "cc", "punct"}:
        return True
    return child.dep_ == "aux" and child.lower_ in words.FUTURE_MODALS | {"to", "going"}
