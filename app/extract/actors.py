"""Names who commits: speakers of quotations, pronouns and descriptions resolved, names in full."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Any

from app.extract import lexicon as words
from app.extract.clauses import tokens_text
from app.extract.syntax import entities, is_passive, reporting_verb, subject_of

if TYPE_CHECKING:
    from app.extract.candidates import Candidate

Token = Any  # spaCy's Token
Doc = Any  # spaCy's Doc

# "General Motors (GM)": a name, then its abbreviation in brackets. A name's words are on one
# line, and a word ends in a full stop only as initials do ("U.S."): "the Commission on
# Presidential Debates.\n\nThe American Independent Party (AIP)" names the party alone.
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&'-]*)"
_ABBREVIATED = re.compile(
    rf"(?P<name>(?:{_NAME_WORD}[^\S\n]+(?:(?:and|of|for|&)[^\S\n]+)?){{1,6}}{_NAME_WORD})"
    r"[^\S\n]+\((?P<short>[A-Z][A-Za-z&]{1,7})\)"
)
_QUOTE_MARKS = re.compile(r"[“”\"]")
# A turn of an interview written as Wikinews writes them: "((Rich Bowen)) I'm the manager…".
# An interview's turn mark opens its paragraph: "((Gregory Kurtzer)) Our goal is"; not a
# quotation's language tag inside one, "…endure." ((es))Spanish language: …
_TURN = re.compile(r"^\(\((?P<name>[^()\n]{2,60})\)\)", re.MULTILINE)
_CLAUSE_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep"}
_NOR = re.compile(r"\bnor\b")  # "Neither the EU nor the United States": the two of them
_MAX_DEPTH = 4
_NAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
    "bin", "bint", "ibn", "al", "el", "y", "e", "ter", "zu",
})  # fmt: skip


class ActorNamer:
    """Resolves a cue's subject to the fullest name the article gives its referent."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        abbreviations = _abbreviations(doc)
        self._aliases = _person_aliases(doc, abbreviations)
        # "General Motors (GM)": the name is given with the short form later articles use
        self._short = {name: short for short, name in abbreviations.items()}
        self._main: dict[bool, str] = {}

    def name(self, cue: Candidate) -> str:
        """The actor of a cue, or "" when the subject is not someone who can commit."""
        subject = cue.subject
        if subject is None:
            return ""
        if _told_of_its_patient(cue) and cue.governor == cue.action:
            # "declared flags would be flown", "declared Russians would continue to be paid":
            # the one who declared it will see to it
            reporter = reporting_verb(cue.action)
            announcer = subject_of(reporter) if reporter is not None else None
            named = "" if announcer is None else self._name_of(announcer, 0)
            return "" if is_news_outlet(named) else named  # an outlet passes a plan on
        return self._name_of(subject, 0)

    def main_agent(self, *, person: bool = False) -> str:
        """The body the article is most about: the organisation it names most often (a name in
        the headline or first paragraph counts twice, and one that says something, "Apple
        announced", twice more: a product is named often and says nothing), else its most
        named person (`person`: that person in any case); "" if none. "iPhone 4 will be
        available on June 24" is a pledge of the article's Apple."""
        if person not in self._main:
            tally: dict[str, float] = {}
            text = text_of(self._doc)
            first_paragraph = text.find("\n\n", text.find("\n\n") + 2)
            for label in ("PERSON",) if person else ("ORG", "PERSON"):
                for ent in entities(self._doc):
                    name = self._called(ent.text)
                    short = len(name) < 3 or (name.isupper() and len(name) < 4)
                    if ent.label_ != label or short:
                        continue  # "WN", "UTC": initials of a byline or a clock, not a body
                    if label == "PERSON" and not _written_as_a_name(ent.text):
                        continue  # "Ya ya.": words spaCy took for a name
                    if is_news_outlet(name):
                        continue  # the outlet that reports the story is not what it is about
                    weight = 2.0 if ent.start_char < max(first_paragraph, 0) else 1.0
                    root = ent.root
                    if root.dep_ == "nsubj" and root.head.lemma_.lower() in words.ANNOUNCING_VERBS:
                        weight += 2.0
                    tally[name] = tally.get(name, 0.0) + weight
                if tally:
                    break
            self._main[person] = max(tally, key=lambda n: (tally[n], len(n))) if tally else ""
        return self._main[person]

    def name_token(self, token: Token) -> str:
        """The fullest name for any subject word, pronouns and descriptions resolved."""
        return self._name_of(token, 0)

    def _name_of(self, token: Token, depth: int) -> str:
        word = token.lower_
        if depth < _MAX_DEPTH:
            referent = self._referent(token, word)
            if isinstance(referent, str):
                return referent
            if referent is not None:
                return self._name_of(referent, depth + 1)
        # "Mears would not confirm": a surname of the article, though spaCy took it for a title
        surname = token.text[:1].isupper() and self._a_person(token)
        if not (is_agent(token) or surname) or (
            token.pos_ == "PRON" and not token.text.startswith("@")
        ):
            return ""  # a pronoun nobody could be found for is no actor an analyst can use
        return self.full_name(token)

    def full_name(self, token: Token) -> str:
        """A person by their name rather than their title; a body by its whole phrase."""
        if token.text.startswith("@"):  # a handle is its own name: "@DrAmyActon"
            return self._called(_handle_to_name(token.text))
        appositive = next((c for c in token.children if c.dep_ == "appos"), None)
        if (
            token.pos_ == "NOUN"
            and appositive is not None
            and (appositive.ent_type_ in words.AGENT_ENTITIES)
        ):
            token = appositive  # "One senator, Eduardo Bhatia, said", "the company, Fiat, will"
        if token.ent_type_ == "PERSON":
            # "Biden and Sanders announced they ...": both of them
            people = [token, *(c for c in token.conjuncts if c.ent_type_ == "PERSON")]
            name = " and ".join(self._aliases.get(t.text, _entity_text(t)) for t in people)
        else:
            phrase = _phrase_tokens(token)
            name = _NOR.sub("and", tokens_text(phrase))  # the denial is the act's: "not endorse"
            entity = _entity_of(token) if token.ent_type_ in {"ORG", "GPE", "NORP"} else None
            body = "" if entity is None else str(entity.text)
            if len(body) > len(name) and " and " in body:
                name = body  # "the European Aeronautic Defence and Space Company" is one name
            elif entity is not None and _described(phrase, entity):
                name = body  # "American automobile manufacturer General Motors": the name
        return self._called(name)

    def _called(self, name: str) -> str:
        """A name as the actor is shown: its fullest form in the article, and the short form
        it gives in brackets ("General Motors (GM)"), which later articles often use alone."""
        name = _without_article(re.sub(r"\s*['’]s$", "", name))  # "Russia's exchanges": Russia
        name = _without_article(self._aliases.get(name) or self._aliases.get(_folded(name), name))
        short = self._short.get(name)
        return f"{name} ({short})" if short else name

    def _referent(self, token: Token, word: str) -> Token | str | None:
        """What a pronoun or a description points back to, if anything."""
        lemma = token.lemma_.lower()
        if word in words.FIRST_PERSON:
            return speaker_of(token)
        if word in words.RELATIVE and token.head.dep_ == "relcl":
            return token.head.head
        if word in _OWNING and token.dep_ == "poss":
            owner = _subject_of_the_verb_of(token.head)
            if owner is not None:
                return owner  # "Tesco stated its intention to leave": its is Tesco's
        if word in words.PERSONAL | words.COLLECTIVE:
            reporter = reporting_verb(token.head)
            framing = subject_of(reporter) if reporter is not None else None
            if framing is not None and framing.i < token.i:
                return framing  # "Watson said he would ...": he is Watson
            if word in words.PERSONAL:
                return self._last_person_before(token)
            if word in {"they", "them", "their"}:
                return (
                    self._last_plural_subject_before(token)
                    or self._last_group_before(token, 3)
                    or self._last_body_before(token)
                )
            return None  # "it" is too often nobody ("it will take a moment") to guess
        if lemma in words.COMMITMENT_NOUNS:
            # "her plans ... will begin": the plans are hers
            return next((c for c in token.children if c.dep_ == "poss"), None)
        if word in words.ROLE_NOUNS and any(c.lower_ == "the" for c in token.children):
            return self._last_titled_before(token) or self._last_person_before(token)
        bare = [c.lower_ for c in token.children] == ["the"]  # "the company", no "Mexican"
        if lemma in words.BODY_NOUNS and bare and token.ent_type_ not in words.AGENT_ENTITIES:
            return self._last_org_before(token)  # "the company": the last body of its kind
        if token.tag_ == "NNS" and lemma in words.ROLE_NOUNS:
            return self._last_group_before(token, 30)
        return None

    def _last_person_before(self, before: Token) -> str | None:
        """The fullest name of the person a word points back to: the last person who is the
        subject of this sentence or the one before ("Zelensky said in a meeting with
        Honcharuk, ... He also instructed" is Zelensky), else the last person mentioned
        shortly before."""
        people = [t for t in self._doc[_window_start(before, 3) : before.i] if self._a_person(t)]
        near = _window_start(before, 1)
        subjects = [t for t in people if t.i >= near and t.dep_ in {"nsubj", "nsubjpass"}]
        chosen = (subjects or people)[-1:]
        return self._called(chosen[0].text) if chosen else None

    def _last_titled_before(self, role: Token) -> str | None:
        """The last person named with this role as their title before "the president": "US
        President Donald Trump" is the president, not "President-elect Joe Biden"."""
        for ent in reversed([e for e in entities(self._doc) if e.end <= role.i]):
            title = self._doc[ent.start - 1] if ent.start > 0 else None
            if ent.label_ == "PERSON" and title is not None and title.lower_ == role.lower_:
                return self._called(ent.text)
        return None

    def _a_person(self, token: Token) -> bool:
        """A word of a person's name: spaCy's, written as a name, or a surname of the article."""
        person = token.ent_type_ == "PERSON" and _written_as_a_name(_entity_text(token))
        return person or token.text in self._aliases

    def _last_org_before(self, before: Token) -> str | None:
        """The last organisation named within a few sentences before a description ("the
        company"), the last whose name holds its noun first ("the ministry": the Ministry of
        Defence); a public body ("the government") never a company of another name."""
        noun = before.lemma_.lower()
        named = [e for e in entities(self._doc) if e.end <= before.i and e.label_ == "ORG"
                 and e.start >= _window_start(before, 4)]  # fmt: skip
        for ent in reversed(named):
            if noun in ent.text.lower():
                return self._called(ent.text)
        if noun in words.PUBLIC_BODY_NOUNS or not named:
            return None
        return self._called(named[-1].text)

    def _last_body_before(self, token: Token) -> Token | None:
        """The last organisation, country or group named as a subject before a token."""
        for candidate in reversed(self._doc[_window_start(token, 1) : token.i]):
            if candidate.dep_ in {"nsubj", "nsubjpass"} and candidate.ent_type_ in {
                "ORG",
                "GPE",
                "NORP",
            }:
                return candidate
        return None

    def _last_plural_subject_before(self, before: Token) -> Token | None:
        """The plural subject just before: "Both officers indicated ... They indicated ...",
        "The stores were reluctant ..., in which they said"."""
        for token in reversed(self._doc[_window_start(before, 1) : before.i]):
            plural = token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)
            if token.dep_ == "nsubj" and plural and is_agent(token):
                return token
        return None

    def _last_group_before(self, before: Token, sentences: int) -> str | None:
        """'Both officers': the last two people named together, within some sentences."""
        for token in reversed(self._doc[_window_start(before, sentences) : before.i]):
            first = token.head
            named = token.pos_ == first.pos_ == "PROPN" and token.dep_ == "conj"
            if named and "PERSON" in {token.ent_type_, first.ent_type_}:
                names = (_phrase(first, keep_conj=False), _phrase(token, keep_conj=False))
                return " and ".join(self._aliases.get(n, n) for n in names)
        return None


_OWNING = frozenset({"its", "their"})


def _subject_of_the_verb_of(thing: Token) -> Token | None:
    """The subject of the verb whose object a thing is ("Tesco stated its intention": Tesco),
    when it is no pronoun itself."""
    verb = thing.head
    if thing.dep_ != "dobj" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.pos_ == "PRON" else subject


def _told_of_its_patient(cue: Candidate) -> bool:
    """Whether the act's subject is what the act is done to: the subject of a passive ("flags
    would be flown"), or of a verb of going on whose complement is one ("Russians would
    continue to be paid")."""
    action, subject = cue.action, cue.subject
    if is_passive(action):
        return subject is not None and subject.dep_ == "nsubjpass"
    return action.lemma_.lower() in words.ASPECT_VERBS and any(
        c.dep_ == "xcomp" and is_passive(c) for c in action.children
    )


def speaker_of(token: Token) -> Token | None:
    """Who speaks a first-person word: the one whose verb of saying frames its quotation."""
    doc = token.doc
    region = quotation_around(doc, token.idx)
    if region is None:
        places = [token.sent]
    else:
        # the verb of saying stands before the quotation, after it, or in the sentence beside it
        first, last = _sentence_index(doc, region[0]), _sentence_index(doc, region[1] - 1)
        sentences = list(doc.sents)
        order = [first, last, first - 1, last + 1]
        paragraph = _paragraph_bounds(text_of(doc), region[0])
        places = [
            sentences[i]
            for i in order
            if 0 <= i < len(sentences) and paragraph[0] <= sentences[i].start_char < paragraph[1]
        ]
    for sent in places:
        for word in sent:
            inside = region is not None and region[0] <= word.idx < region[1]
            if inside or word.lemma_.lower() not in words.SAYING_VERBS or word.pos_ != "VERB":
                continue
            subject = subject_of(word)
            if subject is not None and subject.lower_ not in words.FIRST_PERSON:
                return subject
    return None


def interviewee(token: Token) -> Token | None:
    """In an interview written as turns, whose turn a word stands in: the name of the last turn
    mark before it ("((Gregory Kurtzer)) Our goal is …"); None after a turn that asks ("((WN))
    On your site you say …?"): what follows it is the answer's (see answers_a_question)."""
    turn = _last_turn(token)
    if turn is None or _asks(token.doc, turn):
        return None
    name = token.doc.char_span(*turn, alignment_mode="expand")
    return None if name is None else name.root


def answers_a_question(token: Token) -> bool:
    """Whether a word stands in an interview after a turn that asks a question: the one asked
    speaks, or is spoken of ("On your website you state …")."""
    turn = _last_turn(token)
    return turn is not None and _asks(token.doc, turn)


def _last_turn(token: Token) -> tuple[int, int] | None:
    """Where the name of the last turn mark before a word stands, if the text has turns."""
    doc = token.doc
    turns: list[tuple[int, int]] | None = doc.user_data.get("pledgewatch_turns")
    if turns is None:
        found = _TURN.finditer(text_of(doc))
        turns = doc.user_data["pledgewatch_turns"] = [m.span("name") for m in found]
    before = [turn for turn in turns if turn[1] <= token.idx]
    return before[-1] if before else None


def _asks(doc: Doc, turn: tuple[int, int]) -> bool:
    """Whether a turn's paragraph ends with a question mark."""
    text = text_of(doc)
    start, end = _paragraph_bounds(text, turn[0])
    return text[start:end].rstrip().endswith("?")


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The character range of the paragraph that holds an offset."""
    start = text.rfind("\n\n", 0, offset) + 1
    end = text.find("\n\n", offset)
    return start, len(text) if end < 0 else end


def text_of(doc: Doc) -> str:
    """The document's text, made once (spaCy joins its tokens anew at every doc.text)."""
    cached = doc.user_data.get("pledgewatch_text")
    if cached is None:
        cached = doc.user_data["pledgewatch_text"] = doc.text
    return str(cached)


def quotation_around(doc: Doc, offset: int) -> tuple[int, int] | None:
    """The span of the quotation, within its paragraph, that holds a character offset."""
    text = text_of(doc)
    start, end = _paragraph_bounds(text, offset)
    opened: int | None = None
    for match in _QUOTE_MARKS.finditer(text, start, end):
        mark = match.group()
        if opened is None and mark in '“"':
            opened = match.start()
        elif opened is not None and mark in '”"':
            if opened <= offset < match.end():
                return opened, match.end()
            opened = None
    if opened is not None and opened <= offset:
        return opened, end
    return None


def _sentence_index(doc: Doc, offset: int) -> int:
    """The index of the sentence that holds a character offset."""
    for index, sent in enumerate(doc.sents):
        if sent.start_char <= offset < sent.end_char:
            return index
    return -1


def is_agent(subject: Token) -> bool:
    """Whether a subject can make a pledge: a person, body or place, not 'her plans'."""
    return (
        subject.pos_ in {"PROPN", "PRON"}
        or subject.ent_type_ in words.AGENT_ENTITIES
        or subject.lemma_.lower() in words.AGENT_NOUNS
        or subject.text.startswith("@")
    )


def is_news_outlet(name: str) -> bool:
    """Whether a name is a news outlet's ("Sputnik News", "the Associated Press news agency"):
    one that reports what others will do."""
    return any(word in words.MEDIA_WORDS for word in re.findall(r"[a-z]+", name.lower()))


def _window_start(token: Token, sentences: int) -> int:
    """The first token of the sentence that many sentences before the token's own."""
    start = token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return int(start)


def _handle_to_name(handle: str) -> str:
    """'@DrAmyActon' -> 'Dr Amy Acton': a social media handle read as the name it spells."""
    return " ".join(re.findall(r"[A-Z][a-z]*|[a-z]+|\d+", handle.lstrip("@"))) or handle


def _described(phrase: list[Token], entity: Any) -> bool:
    """Whether a name (its `entity`) is led by a description of it: a common noun before the
    name's own words ("automobile manufacturer General Motors", "aircraft maker Airbus")."""
    return any(t.i < entity.start and t.pos_ == "NOUN" for t in phrase)


def _entity_of(token: Token) -> Any:
    """The named entity (a spaCy Span) a token belongs to, if any."""
    return next((ent for ent in entities(token.doc) if ent.start <= token.i < ent.end), None)


def _written_as_a_name(text: str) -> bool:
    """Whether words spaCy took for a person's name are written as one: each word capitalised
    but for the particles names have ("Ludwig van Beethoven"), no sentence's end ("Ya ya.")."""
    if text.rstrip().endswith(("!", "?")) or re.search(r"\w{3,}\.$", text):
        return False
    return all(w[:1].isupper() or w in _NAME_PARTICLES for w in text.split() if w[:1].isalpha())


def _entity_text(token: Token) -> str:
    """The whole named entity a token belongs to."""
    entity = _entity_of(token)
    return str(token.text if entity is None else entity.text)


def _phrase(token: Token, *, keep_conj: bool = True) -> str:
    """The phrase of a token as text."""
    return tokens_text(_phrase_tokens(token, keep_conj=keep_conj))


def _phrase_tokens(token: Token, *, keep_conj: bool = True) -> list[Token]:
    """The token with its modifiers and conjoined names, without clauses or appositions."""
    keep: list[Token] = []
    # "and" only with a name it joins: a clause's "but" that spaCy hangs on the subject is not
    joins = keep_conj and any(c.dep_ == "conj" for c in token.children)

    def walk(node: Token) -> None:
        keep.append(node)
        for child in node.children:
            if child.dep_ == "preconj":
                continue  # "Neither the EU nor the United States": the two of them
            joined = child.dep_ in {"conj", "cc"} and joins and node is token
            # "Apple and Apple Corps", "Northrop Grumman and Airbus parent company": spaCy hangs
            # the first name, with its "and" and what it joins, on the last
            joined |= child.dep_ in {"cc", "conj"} and node is not token and child.i < token.i
            modifier = child.dep_ not in _CLAUSE_DEPS or (
                child.dep_ == "prep" and child.lower_ == "of"
            )
            if joined or modifier:
                walk(child)

    walk(token)
    kept = {t.i for t in keep}
    doc = token.doc
    for i in range(min(kept), max(kept)):
        if i not in kept and _joins_a_name(doc[i]):
            keep.append(doc[i])  # the hyphen of "Rolls-Royce", the ampersand of "AT&T"
    return sorted(keep, key=lambda t: t.i)


def _joins_a_name(token: Token) -> bool:
    """A mark written inside a name with no space around it: "-", "&", "/", "'"."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.text in {"-", "&", "/", "'", "’"}
        and not token.whitespace_
        and before is not None
        and not before.whitespace_
    )


def _person_aliases(doc: Doc, abbreviations: dict[str, str]) -> dict[str, str]:
    """Map each surname to the name the article gives its bearer ('Lavrov' -> 'Sergei Lavrov'),
    each of the article's `abbreviations` to its name ('GM' -> 'General Motors'), and each key
    written without its accents to the same name."""
    aliases: dict[str, str] = {}
    full: dict[str, Counter[str]] = {}  # by surname: how often each full name is written
    for ent in entities(doc):
        if ent.label_ == "PERSON" and len(ent) > 1 and _written_as_a_name(ent.text):
            full.setdefault(ent[-1].text, Counter())[ent.text] += 1
    for surname, names in full.items():
        # two people of one surname ("Donald Trump", "First Lady Melania Trump"): the surname
        # alone is the one the article names most, or names first (a Counter keeps that order)
        first = {name: place for place, name in enumerate(names)}
        aliases[surname] = max(names, key=lambda n: (_mentions(n, names), -first[n]))
    for short, name in abbreviations.items():
        aliases.setdefault(short, name)
    for key, name in list(aliases.items()):  # "Brudzinski" is "Brudziński" written plainly
        aliases.setdefault(_folded(key), name)
    return aliases


def _without_article(name: str) -> str:
    """A name without a leading "the": "The Legislative Yuan" and "the Legislative Yuan" are one
    name."""
    return name[4:] if name[:4].lower() == "the " else name


def _folded(name: str) -> str:
    """A name without its accents: "Brudziński" -> "Brudzinski"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _abbreviations(doc: Doc) -> dict[str, str]:
    """Each abbreviation the article gives in brackets, with its name: 'General Motors (GM)';
    then each body it names by its initials alone, where it also names it in full ("GM"
    and "General Motors", "NTC" and "National Telecommunications Commission")."""
    found: dict[str, str] = {}
    for match in _ABBREVIATED.finditer(text_of(doc)):
        name, short = _without_article(match["name"]), match["short"]
        initials = "".join(w[0] for w in _capitalised(name))
        if short.isupper() and (initials.startswith(short[0]) or short in initials):
            found.setdefault(short, name)
    bodies = [_without_article(e.text) for e in entities(doc)
              if e.label_ == "ORG"]  # fmt: skip
    by_initials: dict[str, set[str]] = {}
    for name in bodies:
        capitals = _capitalised(name)
        if len(capitals) > 1 and all(w.isalpha() for w in capitals):
            by_initials.setdefault("".join(w[0] for w in capitals), set()).add(name)
    for short in bodies:
        names = by_initials.get(short, set())
        if short.isupper() and 1 < len(short) < 7 and len(names) == 1:
            found.setdefault(short, next(iter(names)))  # one body only: never a guess
    return found


def _capitalised(name: str) -> list[str]:
    """The words of a name that its initials are made of: "Bank of Canada" -> Bank, Canada."""
    return [word for word in name.split() if word[0].isupper()]


def _mentions(name: str, names: Counter[str]) -> int:
    """How often a person is written in full: "Donald Trump" counts "President Donald Trump"."""
    return sum(
        count for other, count in names.items() if other.endswith(name) or name.endswith(other)
    )
