"""Finds the time expressions of a sentence and the one that belongs to a pledge's act.

Every expression is found (spaCy's DATE and TIME entities with the preposition that governs
them, "by the end of January"; vague words such as "soon" and "in the near future"); the
deadline is the one the parse attaches to the act, not one that dates the saying ("announced
last week") or another clause. The resolver (deadlines.py) turns its wording into a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.extract import lexicon as words
from app.extract.clauses import lets_someone_act
from app.extract.datepatterns import MONTHS
from app.extract.deadlines import bare_length
from app.extract.syntax import sentence_entities

if TYPE_CHECKING:
    from app.extract.candidates import Candidate

Token = Any  # spaCy's Token
Sentence = Any  # spaCy's Span

_TIME_LABELS = {"DATE", "TIME"}
# Phrases of vague time that spaCy does not mark: "in the near future", "as soon as possible".
_VAGUE_PHRASES = re.compile(
    r"\b(?:in the (?:near |foreseeable |coming )?future|as soon as (?:possible|practicable|we can"
    r"|it can|they can|he can|she can)|in due course|at a later (?:date|time|stage)"
    r"|until further notice|in the coming (?:days|weeks|months|years)|in time for [^,.;]+"
    r"|(?:short|mid|medium|long)[ -]term)\b",
    re.IGNORECASE,
)
# A length of time spaCy reads as a number: "for at least two more years".
_LENGTHS = re.compile(
    r"\b(?:for|over|within|during)\s+(?:(?:at least|at most|up to|about|another|nearly|almost)"
    r"\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)"
    r"(?:\s+(?:more|further|additional))?\s+(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
# How a length of time hangs on the thing it measures: "a 14-day quarantine".
_MEASURING = frozenset({"amod", "compound", "nummod"})
# A clause head this far above an expression is another act's: its time is not ours.
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
# How what an act is done to, or by, hangs on its verb.
_ARGUMENTS = frozenset({"dobj", "dative", "nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: its tokens (by index in the document), words, and syntactic root."""

    start: int
    end: int
    text: str
    root: Token
    vague: bool


def time_expressions(sent: Sentence) -> list[TimeExpression]:
    """Every time expression in a sentence, in reading order, none overlapping another."""
    doc = sent.doc
    found: list[tuple[int, int, bool]] = []
    for ent in sentence_entities(sent):
        if (
            ent.label_ in _TIME_LABELS
            and not _is_a_number_only(ent)
            and not _how_often(ent)
            and not _owns(ent)
            and not _measures_a_thing(ent)
            and not _an_argument(ent)
            and not _part_of_a_name(ent)
        ):
            start, end = _own_words(ent)
            end = _before_a_dash(start, end, doc)
            if start < end:
                start, end = _with_measure(start, end, doc[start:end].root)
                end = _with_range_end(end, doc, sent.end)
                found.append((_with_lead(start, doc[start:end].root, sent.start), end, False))
    for match in _LENGTHS.finditer(sent.text):  # what spaCy counts as a number
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.append((span.start, span.end, False))
    for token in sent:
        if token.lower_ in words.VAGUE_TIMES and token.dep_ in {"advmod", "npadvmod"}:
            found.append((token.i, token.i + 1, True))
    for match in _VAGUE_PHRASES.finditer(sent.text):
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.append((span.start, span.end, True))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    merged: list[tuple[int, int, bool]] = []
    for start, end, vague in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] and vague)
        else:
            merged.append((start, end, vague))
    return [
        TimeExpression(start, end, doc[start:end].text, _root(doc[start:end]), vague)
        for start, end, vague in merged
    ]


def deadline_of(candidate: Candidate, expressions: list[TimeExpression]) -> TimeExpression | None:
    """The expression that the parse attaches to the candidate's act (or to the noun or the
    commitment word that carries it), the nearest if several, one that says when before a
    length of time alone ("three days of mourning, Wednesday through Friday"); None if none
    is the act's."""
    expressions = [e for e in expressions if not told_past(e)]
    action = candidate.action
    targets = {action.i}
    if candidate.noun is not None:
        targets.add(candidate.noun.i)
    governor = candidate.governor
    saying = governor.lemma_.lower() in words.SAYING_VERBS
    if not saying:
        targets.update({governor.i, candidate.cue.i})
    if action.dep_ in {"acomp", "attr"}:
        targets.add(action.head.i)  # "are not due until October": the time is the copula's
    for through_relative in (False, True):  # the act's own time first; else its object's
        if through_relative and action.dep_ == "conj":
            targets.add(action.head.i)  # "is to launch in the fall and will be available"
        best: tuple[int, bool, int] | None = None  # steps, a length alone, distance
        chosen = None
        attached = []
        for expression in expressions:
            own = targets | ({governor.i} if saying and _looks_ahead(expression) else set())
            steps = _steps_to(expression.root, own, through_relative=through_relative)
            if steps is None:
                continue
            attached.append(expression)
            rank = (steps, bare_length(expression.text), abs(expression.start - action.i))
            if best is None or rank < best:
                best, chosen = rank, expression
        if chosen is not None:
            return _with_neighbours(chosen, attached)
    return None


def _looks_ahead(expression: TimeExpression) -> bool:
    """Whether a time is led as one still to come ("by Friday", "over the next four years"):
    no saying is dated so."""
    text = expression.text.lower()
    return any(text.startswith(lead + " ") for lead in words.AHEAD_LEADS)


def told_past(expression: TimeExpression) -> bool:
    """Whether a time is told as past ("last year", "two weeks ago"; not "the last week of
    June"): it dates what happened, not a deadline."""
    tokens = list(expression.root.doc[expression.start : expression.end])
    for index, token in enumerate(tokens):
        word = token.lower_
        if word == "last":
            after = tokens[index + 2] if index + 2 < len(tokens) else None
            if after is None or after.lower_ != "of":
                return True
        elif word in words.PAST_TIME_WORDS:
            return True
    return False


def _with_neighbours(chosen: TimeExpression, attached: list[TimeExpression]) -> TimeExpression:
    """The chosen expression joined with the act's other expressions that run on from it,
    "next month on August 2 at 5 p.m.": the resolver reads the most precise part."""
    doc = chosen.root.doc

    def joins(first: int, last: int) -> bool:
        """At most two words between, each a preposition or a punctuation mark."""
        gap = doc[first:last]
        return len(gap) <= 2 and all(t.is_punct or t.dep_ == "prep" or t.lower_ in words.TIME_LEADS
                                     for t in gap)  # fmt: skip

    start, end = chosen.start, chosen.end
    for expression in sorted(attached, key=lambda e: e.start):
        if expression.start >= end and joins(end, expression.start):
            end = expression.end
        elif expression.end <= start and joins(expression.end, start):
            start = expression.start
    if (start, end) == (chosen.start, chosen.end):
        return chosen
    span = doc[start:end]
    return TimeExpression(start, end, span.text, chosen.root, chosen.vague)


def _steps_to(root: Token, targets: set[int], *, through_relative: bool = False) -> int | None:
    """How many heads up from an expression's root a target is, not crossing another clause;
    but a clause that says when the act happens ("when they open on Friday") dates it, and
    with `through_relative`, so does a clause to come about what the act is done to ("will
    support the service, which goes live on July 1"; not "which was released in 2009")."""
    node, steps = root, 0
    crossed = False
    while node.i not in targets:
        clause = steps > 0 and node.dep_ in _CLAUSES and node.pos_ in {"VERB", "AUX"}
        if clause and not (_says_when(node) or _kept_state(node) or lets_someone_act(node)):
            if not (through_relative and not crossed and _relative_to_come(node)):
                return None  # the expression belongs to a clause of its own
            crossed = True
        if node.head == node or steps > 8:
            return None
        if node.dep_ in {"nsubj", "nsubjpass"} and node.head.i in targets:
            return None  # in the subject: "the 2019 budget will ..."
        node, steps = node.head, steps + 1
    return steps


def _says_when(clause: Token) -> bool:
    """A clause that dates the act it hangs on: "when they opened on Friday", "will hold a
    meeting, scheduled for Monday"."""
    if clause.dep_ != "advcl":
        return False
    scheduled = clause.tag_ == "VBN" and clause.lemma_.lower() in words.SCHEDULING_VERBS
    return scheduled or any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in words.WHEN_MARKS for c in clause.children
    )


def _kept_state(clause: Token) -> bool:
    """A participle with a subject of its own and no auxiliary under the act: the state the
    act keeps something in, dated with the act ("hold all stock markets closed until
    Friday"; not "said the markets had closed on Friday")."""
    deps = {c.dep_ for c in clause.children}
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ == "VBN"
        and bool(deps & {"nsubj", "nsubjpass"})
        and not deps & {"aux", "auxpass"}
    )


def _relative_to_come(clause: Token) -> bool:
    """A relative clause, not told in the past, on a word of the act: "the service, which
    goes live on July 1", "a deal that will be finalized by June 10"."""
    if clause.dep_ not in {"relcl", "acl"}:
        return False
    told = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    return not any(t.tag_ == "VBD" for t in told)


def _before_a_dash(start: int, end: int, doc: Any) -> int:
    """An entity cut at a dash set off by spaces: "October - two years late" is October."""
    for token in doc[start:end]:
        if token.text in {"-", "—", "–"} and token.i > start and doc[token.i - 1].whitespace_:
            return int(token.i)
    return end


def _with_range_end(end: int, doc: Any, limit: int) -> int:
    """A range's end that spaCy left out: "from 2009 to 2011" ("2011" read as a number)."""
    if end + 1 < limit and doc[end].lower_ in {"to", "until", "through", "till"}:
        after = doc[end + 1]
        if re.fullmatch(r"(?:19|20)\d\d", after.text):
            return end + 2
    return end


def _with_measure(start: int, end: int, root: Token) -> tuple[int, int]:
    """A length of time that names a measure, with the measure and the word before it:
    "14-day" in "during a 14-day quarantine" is the whole phrase "a 14-day quarantine"."""
    measure = root.head
    if root.dep_ in _MEASURING and measure.pos_ == "NOUN" and _runs(measure):
        first = min(t.i for t in measure.subtree)
        return min(start, first), max(end, measure.i + 1)
    return start, end


def _with_lead(start: int, root: Token, floor: int) -> int:
    """Take in the preposition (and its own lead: "no later than", "starting in") that governs
    an expression: "by the end of January", "within 90 days", "starting next month"."""
    doc = root.doc
    while start > floor:
        before = doc[start - 1]
        governs = before.i == root.head.i or before.dep_ in {"prep", "advmod", "mark", "aux"}
        if before.lower_ in words.TIME_LEADS and governs:
            start -= 1
            root = before
            continue
        if before.lower_ in {"than", "no", "later", "not"} and start - 1 > floor:
            start -= 1  # "no later than"
            continue
        break
    return start


def _own_words(ent: Any) -> tuple[int, int]:
    """The entity without edge words that belong to a phrase outside it: spaCy reads "plant
    number 1 next month" as the date "1 next month", but "1" counts the plant."""
    start, end, root = ent.start, ent.end, ent.root.i

    def foreign(i: int) -> bool:
        return i != root and not ent.start <= ent.doc[i].head.i < ent.end

    while start < root and foreign(start):
        start += 1
    while end - 1 > root and foreign(end - 1):
        end -= 1
    return start, end


def _root(span: Any) -> Token:
    """The token of a span whose head lies outside it."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head == token:
            return token
    return span[0]


def _owns(ent: Any) -> bool:
    """A time that owns a thing, 'next year's budget', 'January's sales', tells which thing, not
    when an act is done; and 'May's agreement' is Theresa May's."""
    doc = ent.doc
    return bool(ent[-1].tag_ == "POS" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS"))


def _an_argument(ent: Any) -> bool:
    """What an act is done to or by, named by a noun that is no unit of time: spaCy reads "will
    hold a convention next week" as the date "a convention" (but "take 60 days" is a time)."""
    root = ent.root
    noun = root.tag_ in {"NN", "NNS"} and root.lemma_.lower() not in words.TIME_UNITS
    return noun and root.dep_ in _ARGUMENTS


def _measures_a_thing(ent: Any) -> bool:
    """'a 27-year contract', 'a five-year plan', 'after a nine-year hiatus': how long a thing
    lasts, which dates no act; unless a running lead makes it the act's time ('during a 14-day
    quarantine': _with_measure)."""
    root = ent.root
    thing = root.head
    return (
        root.lemma_.lower() in words.TIME_UNITS
        and root.dep_ in _MEASURING
        and thing.pos_ == "NOUN"
        and thing.lemma_.lower() not in words.TIME_UNITS
        and not _runs(thing)
    )


def _runs(measure: Token) -> bool:
    """Whether a thing a length measures runs as the act's time: the object of a running lead
    ("during a 14-day quarantine")."""
    return bool(measure.dep_ == "pobj" and measure.head.lower_ in words.RUNNING_LEADS)


def _how_often(ent: Any) -> bool:
    """'its annual meeting', 'the weekly', '15 a year', 'twice per month': how often something
    happens, which dates nothing."""
    if _A_RATE.search(ent.text):
        return True
    said = [t.lower_ for t in ent if not t.is_stop and not t.is_punct]
    return bool(said) and all(word in words.FREQUENCY_WORDS for word in said)


# "15 a year", "twice per month", "three times each week": a rate, not a time.
_A_RATE = re.compile(r"\b(?:a|per|each|every)\s+(?:day|week|fortnight|month|quarter|year)\b$",
                     re.IGNORECASE)  # fmt: skip


def _part_of_a_name(ent: Any) -> bool:
    """A year that ends a name: the "Reproductive Health Care Reform Bill 2019", "Expo 2020"
    (a number hung on a proper noun that is no month)."""
    root = ent.root
    return (
        len(ent) == 1
        and root.like_num
        and root.dep_ in {"nummod", "compound", "appos"}
        and root.head.pos_ == "PROPN"
        and root.head.lower_ not in MONTHS
    )


def _is_a_number_only(ent: Any) -> bool:
    """'K2-18b', '2100' as a time of day misread: no words of time, no year."""
    text = ent.text
    if re.fullmatch(r"\d{4}", text):
        return False  # a year
    return not re.search(r"[A-Za-z]", text) and not re.search(r"\d{4}|\d+[-/]\d+", text)
