"""Reads the parts of a commitment from the parse: action, condition, deadline, recipient."""

from __future__ import annotations

from typing import Any

from app.extract.cues import ACTION_NOUNS, FUTURE_AUX, SUBJECTS, Cue, is_passive

Token = Any  # spaCy's Token

_CONDITION_MARKS = {"if", "unless", "once", "after", "provided", "providing", "upon"}
_DEADLINE_PREPS = {
    "by", "within", "in", "until", "before", "on", "over", "during", "till", "through",
    "following", "after", "at",
}  # fmt: skip
_VAGUE_TIMES = {"soon", "shortly", "promptly", "immediately", "quickly", "eventually", "swiftly"}
_TIME_ENTITIES = {"DATE", "TIME"}
_PARTIES = {"PERSON", "ORG", "GPE", "NORP"}


def condition_tokens(cue: Cue) -> list[Token] | None:
    """The clause the pledge depends on: 'if ...', 'once ...', 'after receiving ...'."""
    governors = [cue.action]
    while governors[-1].dep_ in {"xcomp", "acomp", "pcomp", "prep"} and len(governors) < 5:
        governors.append(governors[-1].head)
    for node in governors:
        for child in node.children:
            if child.dep_ not in {"advcl", "prep"}:
                continue
            first = next(iter(child.subtree))
            if first.lower_ not in _CONDITION_MARKS:
                continue
            if child.dep_ == "prep" and not any(g.dep_ == "pcomp" for g in child.children):
                continue
            return list(child.subtree)
    return None


def deadline_tokens(cue: Cue) -> list[Token]:
    """The time expressions attached to the action (or to the noun that carries it)."""
    found: list[Token] = []
    holders = [cue.action] if cue.noun is None or cue.noun is cue.action else [cue.action, cue.noun]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in SUBJECTS or child.dep_ in {"conj", "ccomp", "relcl"}:
                continue
            if child.dep_ == "advmod" and child.lower_ in _VAGUE_TIMES:
                found.append(child)
                continue
            tokens = _time_phrase(child)
            if not any(t.ent_type_ in _TIME_ENTITIES for t in tokens):
                continue
            if child.dep_ == "advcl" and not all(
                t.ent_type_ in _TIME_ENTITIES or t.dep_ == "mark" for t in tokens
            ):
                continue  # a clause, unless it is only a date: "until this coming Saturday"
            if (
                child.dep_ == "prep"
                and child.lower_.replace("[", "").replace("]", "") not in _DEADLINE_PREPS
            ):
                continue
            if child.dep_ in {"dobj", "pobj"} and child.ent_type_ not in _TIME_ENTITIES:
                continue
            found.extend(tokens)
    return sorted(found, key=lambda t: t.i)


def _time_phrase(child: Token) -> list[Token]:
    """A time expression's words, without clauses hanging from it ("days which aims to ...")."""
    keep: list[Token] = []

    def walk(node: Token) -> None:
        keep.append(node)
        for grandchild in node.children:
            if grandchild.dep_ not in {"relcl", "acl", "advcl"}:
                walk(grandchild)

    walk(child)
    return sorted(keep, key=lambda t: t.i)


def action_text(cue: Cue, excluded: set[int]) -> str:
    """The action as a short verb phrase, without subject, auxiliaries, deadline or condition."""
    if cue.noun is not None and cue.noun.lemma_.lower() in ACTION_NOUNS:
        text = ACTION_NOUNS[cue.noun.lemma_.lower()]
    elif cue.noun is not None and is_passive(cue.action):
        # "a new initiative to be unveiled" -> "unveil a new initiative"
        noun = [t for t in phrase_tokens(cue.noun) if t.i not in excluded]
        text = f"{cue.action.lemma_} {tokens_text(noun)}"
    else:
        text = tokens_text(_action_tokens(cue.action, excluded))
    return f"not {text}" if cue.negated else text


def recipient_token(cue: Cue) -> Token | None:
    """Who the pledge is made to or with, when the parse names a person, body or country."""
    verb = cue.action
    near = {verb.i} | {child.i for child in verb.children}
    for token in verb.subtree:
        is_object = token.dep_ == "pobj" and token.head.lower_ in {"to", "with"}
        is_party = token.ent_type_ in _PARTIES
        if is_party and (token.dep_ == "dative" or (is_object and token.head.head.i in near)):
            return token
    return None


def phrase_tokens(token: Token) -> list[Token]:
    """The token with its modifiers, leaving out clauses, appositions and punctuation."""
    keep: list[Token] = []

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            if child.dep_ not in {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}:
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
            if node is verb and (_is_cue_part(child) or child.dep_ in {"advcl", "ccomp"}):
                continue
            if node is verb and child.i < first_aux and child.dep_ != "neg":
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
    return child.dep_ == "aux" and child.lower_ in FUTURE_AUX | {"would", "to", "going"}
