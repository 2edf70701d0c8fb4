"""Pipeline stage 4: find the pledges in an article by rules over spaCy's parse (first version)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app.domain import Article, Pledge, PledgeKind, Span
from app.extract.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PledgeFinder = Callable[[Article], list[Pledge]]

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_COMMIT_VERBS = {
    "pledge": PledgeKind.PROMISE,
    "vow": PledgeKind.PROMISE,
    "promise": PledgeKind.PROMISE,
    "commit": PledgeKind.PROMISE,
    "plan": PledgeKind.PROMISE,
    "intend": PledgeKind.PROMISE,
    "undertake": PledgeKind.PROMISE,
    "swear": PledgeKind.PROMISE,
    "agree": PledgeKind.AGREEMENT,
    "threaten": PledgeKind.THREAT,
    "offer": PledgeKind.OFFER,
}
_READY_WORDS = {"ready", "prepared", "willing"}
_AGREEMENT_WORDS = {"agree", "deal", "agreement", "accord"}
_REPORTING_VERBS = {"say", "tell", "announce", "state", "confirm", "add", "declare", "insist"}
# Verbs that, after "will", predict or describe rather than commit the subject to act.
_NON_ACTIONS = {"be", "receive", "get", "cost", "need", "become", "remain", "seem", "happen"}
_CONDITION_MARKS = {"if", "unless", "once", "after", "provided", "providing"}
_DEADLINE_PREPS = {"by", "within", "in", "until", "before", "on", "over", "during", "till"}
_FIRST_PERSON = {"i", "we", "us", "me"}
_THIRD_PERSON = {"he", "she"}
# Nouns for a person's role: "the Russian diplomat" points back to the last person named.
_ROLE_NOUNS = {
    "diplomat",
    "minister",
    "president",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "chancellor",
    "leader",
    "premier",
    "governor",
    "mayor",
    "senator",
    "ambassador",
    "envoy",
    "chief",
    "executive",
    "commander",
}
_BODY_NOUNS = {
    "government",
    "ministry",
    "administration",
    "company",
    "party",
    "parliament",
    "council",
    "committee",
    "court",
    "police",
    "army",
    "military",
    "side",
    "country",
    "state",
    "union",
    "board",
    "agency",
    "department",
    "firm",
    "group",
    "team",
    "authority",
    "coalition",
    "bank",
    "organisation",
    "organization",
    "cabinet",
    "congress",
    "senate",
    "commission",
    "alliance",
}
_QUESTION_MARKS = {"whether", "if"}
# Time words with no date in them; kept as the deadline text so the analyst sees them.
_VAGUE_TIMES = {"soon", "shortly", "promptly", "immediately", "quickly", "eventually"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_CLAUSE_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}


def find_pledges(article: Article) -> list[Pledge]:
    """One Pledge per commitment in the article, in reading order, due dates not yet set."""
    doc = load_nlp()(article.text)
    aliases = _person_aliases(doc)
    found: list[Pledge] = []
    seen: set[tuple[str, str]] = set()
    for sent in doc.sents:
        if sent.text.rstrip(" ”\"'’").endswith("?"):
            continue
        for verb, cue_kind, subject in _commitments(sent):
            pledge = _build(doc, sent.start_char, sent.end_char, verb, cue_kind, subject, aliases)
            key = (pledge.actor.lower(), pledge.action.lower())
            if pledge.actor and pledge.action and key not in seen:
                seen.add(key)
                found.append(pledge)
    return found


def _commitments(sent: Iterable[Token]) -> Iterable[tuple[Token, PledgeKind, Token]]:
    """Yield (action verb, kind the cue implies, subject) for each commitment cue in a sentence."""
    for token in sent:
        lemma = token.lemma_.lower()
        if _in_question(token):
            continue
        if token.dep_ == "aux" and token.lower_ in _FUTURE_AUX | {"would"}:
            verb = token.head
            if token.lower_ == "would" and not _is_reported(verb):
                continue
            subject = _subject_of(verb)
            if subject is not None and verb.lemma_.lower() not in _NON_ACTIONS:
                yield verb, PledgeKind.PROMISE, subject
        elif lemma in _COMMIT_VERBS and token.pos_ == "VERB":
            action = _infinitive(token)
            subject = _subject_of(token)
            if action is not None and subject is not None:
                yield action, _COMMIT_VERBS[lemma], subject
        elif lemma in _READY_WORDS and token.dep_ == "acomp":
            action = _infinitive(token)
            subject = _subject_of(token.head)
            if action is not None and subject is not None:
                yield action, PledgeKind.OFFER, subject


def _in_question(token: Token) -> bool:
    """Whether the token sits in an indirect question: 'asked if Moscow planned to ...'."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in node.children):
            return True
        if node.dep_ in {"ccomp", "advcl", "relcl", "ROOT"}:
            return False
    return False


def _is_reported(verb: Token) -> bool:
    """'would' commits only in reported speech: 'said it would', not 'it would cost'."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.lemma_.lower() in _REPORTING_VERBS
        and not any(child.dep_ == "neg" for child in head.children)
    )


def _infinitive(token: Token) -> Token | None:
    """The verb of 'to + verb' that a cue word governs, as in 'vowed to hold'."""
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.pos_ == "VERB":
                    return grandchild
    return None


def _subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing through conjoined and open clauses."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
        if current.dep_ in {"xcomp", "conj", "acomp"} and current.head is not current:
            current = current.head
        else:
            return None
    return None


def _build(
    doc: Doc,
    sent_start: int,
    sent_end: int,
    verb: Token,
    cue_kind: PledgeKind,
    subject: Token,
    aliases: dict[str, str],
) -> Pledge:
    """Assemble one Pledge from the parse around its action verb."""
    condition = _condition(verb)
    deadline_tokens, deadline_text = _deadline(verb)
    excluded = {t.i for t in subject.subtree} | deadline_tokens
    if condition is not None:
        excluded |= {t.i for t in condition}
    kind = _kind(verb, cue_kind, has_condition=condition is not None)
    action = _action_tokens(verb, excluded)
    return Pledge(
        actor=_actor_name(doc, subject, aliases),
        action=_text(action),
        kind=kind,
        quote=doc.text[sent_start:sent_end].strip(),
        quote_span=Span(sent_start, sent_start + len(doc.text[sent_start:sent_end].strip())),
        recipient=_recipient(verb, action),
        condition=None if condition is None else _text(condition),
        deadline_text=deadline_text,
    )


def _kind(verb: Token, cue_kind: PledgeKind, *, has_condition: bool) -> PledgeKind:
    if cue_kind is not PledgeKind.PROMISE:
        return cue_kind
    if any(a.lemma_.lower() in _AGREEMENT_WORDS for a in verb.ancestors):
        return PledgeKind.AGREEMENT
    return PledgeKind.CONDITIONAL if has_condition else PledgeKind.PROMISE


def _condition(verb: Token) -> list[Token] | None:
    """The clause the pledge depends on: 'if ...', 'once ...', 'after receiving ...'."""
    governors = [verb]
    while governors[-1].dep_ in {"xcomp", "acomp"} and len(governors) < 4:
        governors.append(governors[-1].head)
    children = [child for node in governors for child in node.children]
    for child in children:
        first = child.subtree.__next__() if child.dep_ in {"advcl", "prep"} else None
        if first is None or first.lower_ not in _CONDITION_MARKS:
            continue
        if child.dep_ == "prep" and not any(g.dep_ == "pcomp" for g in child.children):
            continue
        return list(child.subtree)
    return None


def _deadline(verb: Token) -> tuple[set[int], str | None]:
    """The time expression attached to the action, with the preposition that frames it."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS or child.dep_ in {"conj", "advcl", "ccomp"}:
            continue
        tokens = list(child.subtree)
        if child.dep_ == "advmod" and child.lower_ in _VAGUE_TIMES:
            return {child.i}, child.text
        if not any(t.ent_type_ in {"DATE", "TIME"} for t in tokens):
            continue
        if child.dep_ == "prep" and child.lower_ not in _DEADLINE_PREPS:
            continue
        if child.dep_ in {"prep", "npadvmod", "advmod", "pobj", "tmod", "dobj"}:
            if child.dep_ == "dobj" and child.ent_type_ not in {"DATE", "TIME"}:
                continue
            return {t.i for t in tokens}, _text(tokens)
    return set(), None


def _recipient(verb: Token, action: list[Token]) -> str | None:
    """Who the pledge is made to or with, when the parse names a person, body or country."""
    near = {verb.i} | {child.i for child in verb.children}
    for token in action:
        is_object = token.dep_ == "pobj" and token.head.lower_ in {"to", "with"}
        is_party = token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        if is_party and (token.dep_ == "dative" or (is_object and token.head.head.i in near)):
            return _text(_noun_phrase(token))
    return None


def _actor_name(doc: Doc, subject: Token, aliases: dict[str, str]) -> str:
    """Name the actor: 'we' in a quote is its speaker; he, she, 'the diplomat', the last person."""
    word = subject.lower_
    if word in _FIRST_PERSON:
        speaker = _speaker(subject)
        if speaker is not None:
            return _actor_name(doc, speaker, aliases)
    refers_back = word in _THIRD_PERSON or (
        word in _ROLE_NOUNS and any(c.lower_ == "the" for c in subject.children)
    )
    if refers_back:
        earlier = _last_person_before(doc, subject.i, aliases)
        if earlier is not None:
            return earlier
    if not _is_agent(subject):
        return ""
    name = _text(_noun_phrase(subject))
    if name.lower().startswith("the "):
        name = name[4:]
    return aliases.get(name, name)


def _last_person_before(doc: Doc, index: int, aliases: dict[str, str]) -> str | None:
    """The fullest name of the last person mentioned before a token, by entity or known surname."""
    for token in reversed(doc[:index]):
        if token.ent_type_ == "PERSON" or token.text in aliases:
            return aliases.get(token.text, token.text)
    return None


def _is_agent(subject: Token) -> bool:
    """Whether a subject can make a pledge: a person, body or place, not 'her plans'."""
    return (
        subject.pos_ in {"PROPN", "PRON"}
        or subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or subject.lemma_.lower() in _ROLE_NOUNS | _BODY_NOUNS
    )


def _speaker(token: Token) -> Token | None:
    """The subject of the reporting verb that frames a quotation ('..., Lavrov told reporters')."""
    root = token.sent.root
    if root.lemma_.lower() not in _REPORTING_VERBS:
        return None
    for child in root.children:
        if child.dep_ == "nsubj" and child.lower_ not in _FIRST_PERSON:
            return child
    return None


def _noun_phrase(token: Token) -> list[Token]:
    """The token with its modifiers, leaving out clauses, appositions and punctuation."""
    keep: list[Token] = []

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            if child.dep_ not in _CLAUSE_DEPS:
                walk(child)

    walk(token)
    return sorted(keep, key=lambda t: t.i)


def _action_tokens(verb: Token, excluded: set[int]) -> list[Token]:
    """The verb phrase of the action, without subject, auxiliary, deadline and other clauses."""
    keep: list[Token] = []

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            if child.i in excluded:
                continue
            if node is verb and (_is_cue_part(child) or child.dep_ in {"advcl", "ccomp"}):
                continue
            if child.dep_ == "conj" and any(g.dep_ in _SUBJECTS for g in child.children):
                continue
            walk(child)

    walk(verb)
    return sorted(keep, key=lambda t: t.i)


def _is_cue_part(child: Token) -> bool:
    """Words of the action verb's own clause that are not the action: 'that', 'will', 'to'."""
    if child.dep_ in {"mark", "cc", "punct"}:
        return True
    return child.dep_ == "aux" and child.lower_ in _FUTURE_AUX | {"would", "to"}


def _text(tokens: list[Token]) -> str:
    """Join tokens as they stood, trimming quotes and punctuation at the edges."""
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.strip(" ,;:“”\"'’‘—-").strip()


def _person_aliases(doc: Doc) -> dict[str, str]:
    """Map each surname to the fullest name the article gives ('Lavrov' -> 'Sergei Lavrov')."""
    aliases: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            surname = ent[-1].text
            if len(ent.text) > len(aliases.get(surname, "")):
                aliases[surname] = ent.text
    return aliases
