"""Names who commits: speakers of quotations, pronouns and descriptions resolved, names in full."""

from __future__ import annotations

from typing import Any

from app.extract.cues import REPORTING_VERBS, Cue, is_passive, reporting_verb

Token = Any  # spaCy's Token
Doc = Any  # spaCy's Doc

FIRST_PERSON = {"i", "we", "us", "me", "our"}
PERSONAL = {"he", "she", "him", "her", "his"}
COLLECTIVE = {"they", "them", "their", "it", "its"}
RELATIVE = {"who", "which", "that", "whom"}
# Nouns for a person's role: "the Russian diplomat" points back to the last person named.
ROLE_NOUNS = {
    "diplomat", "minister", "president", "official", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "chancellor", "leader", "premier", "governor", "mayor",
    "senator", "ambassador", "envoy", "chief", "executive", "commander", "officer", "man",
    "woman", "lawmaker", "politician", "candidate", "director", "ceo", "chairman", "head",
}  # fmt: skip
BODY_NOUNS = {
    "government", "ministry", "administration", "company", "party", "parliament", "council",
    "committee", "court", "police", "army", "military", "side", "country", "state", "union",
    "board", "agency", "department", "firm", "group", "team", "authority", "coalition", "bank",
    "organisation", "organization", "cabinet", "congress", "senate", "commission", "alliance",
    "house", "regulator", "retailer", "automaker", "manufacturer", "carrier", "airline",
    "city", "province", "region", "guard", "force", "service", "office", "campaign",
}  # fmt: skip
_AGENT_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
_CLAUSE_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep"}
_MAX_DEPTH = 4


class ActorNamer:
    """Resolves a cue's subject to the fullest name the article gives its referent."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._aliases = _person_aliases(doc)

    def name(self, cue: Cue) -> str:
        """The actor of a cue, or "" when the subject is not someone who can commit."""
        subject = cue.subject
        if subject is None:
            return ""
        if is_passive(cue.action) and subject.dep_ == "nsubjpass" and not is_agent(subject):
            # "declared flags would be flown": the one who declared it will see to it
            reporter = reporting_verb(cue.action)
            announcer = _subject(reporter) if reporter is not None else None
            return "" if announcer is None else self._name_of(announcer, 0)
        return self._name_of(subject, 0)

    def _name_of(self, token: Token, depth: int) -> str:
        word = token.lower_
        if depth < _MAX_DEPTH:
            referent = self._referent(token, word)
            if isinstance(referent, str):
                return referent
            if referent is not None:
                return self._name_of(referent, depth + 1)
        if not is_agent(token):
            return ""
        name = _phrase(token)
        if name.lower().startswith("the "):
            name = name[4:]
        return self._aliases.get(name, name)

    def _referent(self, token: Token, word: str) -> Token | str | None:
        """What a pronoun or a description points back to, if anything."""
        if word in FIRST_PERSON:
            return speaker_of(token)
        if word in RELATIVE and token.head.dep_ == "relcl":
            return token.head.head
        if word in PERSONAL | COLLECTIVE:
            reporter = reporting_verb(token.head)
            framing = _subject(reporter) if reporter is not None else None
            if framing is not None and framing.lower_ != word and framing.i != token.i:
                return framing
            if word in PERSONAL:
                return self._last_person_before(token.i)
            return self._last_body_before(token)
        if word in ROLE_NOUNS and any(c.lower_ == "the" for c in token.children):
            return self._last_person_before(token.i)
        if token.tag_ == "NNS" and token.lemma_.lower() in ROLE_NOUNS:
            return self._last_group_before(token.i)
        return None

    def _last_person_before(self, index: int) -> str | None:
        """The fullest name of the last person mentioned before a token."""
        for token in reversed(self._doc[:index]):
            if token.ent_type_ == "PERSON" or token.text in self._aliases:
                return self._aliases.get(token.text, token.text)
        return None

    def _last_body_before(self, token: Token) -> Token | None:
        """The last organisation, country or group named as a subject before a token."""
        for candidate in reversed(self._doc[: token.i]):
            if candidate.dep_ in {"nsubj", "nsubjpass"} and candidate.ent_type_ in {"ORG", "GPE", "NORP"}:
                return candidate
        return None

    def _last_group_before(self, index: int) -> str | None:
        """'Both officers': the last two or more people named together before."""
        for token in reversed(self._doc[:index]):
            if token.ent_type_ == "PERSON" and token.dep_ == "conj" and token.head.ent_type_ == "PERSON":
                return f"{_phrase(token.head, keep_conj=False)} and {_phrase(token)}"
        return None


def speaker_of(token: Token) -> Token | None:
    """Who is speaking in a quotation: the subject of its verb of saying, nearby if not here."""
    sentence = token.sent
    doc = token.doc
    candidates = [sentence]
    sentences = list(doc.sents)
    index = next(i for i, s in enumerate(sentences) if s.start == sentence.start)
    for offset in (-1, -2, -3, 1):
        other = index + offset
        if 0 <= other < len(sentences) and _same_paragraph(doc, sentences[index], sentences[other]):
            candidates.append(sentences[other])
    for sent in candidates:
        for word in sent:
            if word.lemma_.lower() in REPORTING_VERBS and word.pos_ == "VERB":
                subject = _subject(word)
                if subject is not None and subject.lower_ not in FIRST_PERSON:
                    return subject
    return None


def is_agent(subject: Token) -> bool:
    """Whether a subject can make a pledge: a person, body or place, not 'her plans'."""
    return (
        subject.pos_ in {"PROPN", "PRON"}
        or subject.ent_type_ in _AGENT_ENTITIES
        or subject.lemma_.lower() in ROLE_NOUNS | BODY_NOUNS
        or subject.text.startswith("@")
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def _same_paragraph(doc: Doc, a: Any, b: Any) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return "\n\n" not in doc.text[first.end_char : second.start_char + 1]


def _phrase(token: Token, *, keep_conj: bool = True) -> str:
    """The token with its modifiers and conjoined names, without clauses or appositions."""
    keep: list[Token] = []

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            if child.dep_ in {"conj", "cc"} and keep_conj and node is token:
                walk(child)
            elif child.dep_ not in _CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
                walk(child)

    walk(token)
    words = sorted(keep, key=lambda t: t.i)
    text = "".join(t.text_with_ws for t in words).strip()
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
