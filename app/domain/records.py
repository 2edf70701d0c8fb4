"""The plain records PledgeWatch works with: articles, pledges and their audit trail."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime


class PledgeKind(StrEnum):
    """What sort of commitment a pledge is."""

    PROMISE = "promise"
    CONDITIONAL = "conditional"
    THREAT = "threat"
    OFFER = "offer"
    AGREEMENT = "agreement"

    @property
    def label(self) -> str:
        """How the kind is shown to the analyst: "Promise"."""
        return self.value.capitalize()


class DuePrecision(StrEnum):
    """How precisely the deadline wording pins down the due date."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class PublishedHow(StrEnum):
    """Where an article's publication date came from."""

    GIVEN = "given"
    METADATA = "page-metadata"
    ISO_FIRST_LINE = "iso-first-line"
    DATELINE = "dateline"


class EventKind(StrEnum):
    """The kinds of entry in a pledge's history."""

    CREATED = "created"
    MET = "met"
    BROKEN = "broken"
    REOPENED = "reopened"  # a met or broken mark taken back
    PARTLY = "partly"
    REPORTED = "reported"  # a later article states the pledge again
    EDITED = "edited"
    DISMISSED = "dismissed"
    REMINDED = "reminded"
    CONFIRMED = "confirmed"


def content_hash(text: str) -> str:
    """Return the identity of an article's text, blind to differences in white space."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """A news article after cleaning, with its publication date and where that came from."""

    title: str
    source: str
    published: date
    published_how: PublishedHow
    text: str
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """The hash that identifies this article's text across imports."""
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets into an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence of an article, exactly as written, and where it stands in the text."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Deadline:
    """What a deadline expression resolved to: the last day it covers, and how precisely."""

    due: date | None
    precision: DuePrecision | None


@dataclass(frozen=True, slots=True)
class Pledge:
    """A commitment made in an article, with its due date and the analyst's verdict on it."""

    actor: str
    action: str
    kind: PledgeKind
    quote: str
    quote_span: Span
    recipient: str | None = None
    condition: str | None = None
    deadline_text: str | None = None
    due: date | None = None
    due_precision: DuePrecision | None = None
    met_on: date | None = None
    met_note: str | None = None
    met_evidence: str | None = None
    broken_on: date | None = None
    broken_note: str | None = None
    dismissed: bool = False
    # The same commitment told again later in the article: kept as evidence.
    more_quotes: tuple[Quote, ...] = ()
    # How sure the extractor was that this is a pledge (0 to 1; None when a person entered it),
    # and whether it waits for the analyst to confirm it (then it is neither pending nor
    # overdue, and no reminder is given for it).
    confidence: float | None = None
    review: bool = False


@dataclass(frozen=True, slots=True)
class PledgeEvent:
    """One entry in a pledge's audit trail."""

    kind: EventKind
    at: datetime
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PledgeRecord:
    """A stored pledge as the views show it: its id, the pledge, and the article it came from."""

    id: int
    pledge: Pledge
    article_id: int
    article_title: str
    article_published: date
    article_source: str
    article_url: str | None = None
    version: int = 1  # changes with every edit; an edit on an older version is refused


@dataclass(frozen=True, slots=True)
class PledgeEdit:
    """The fields an analyst may correct in a pledge."""

    actor: str
    action: str
    kind: PledgeKind
    due: date | None
    due_precision: DuePrecision | None

    @classmethod
    def of(cls, pledge: Pledge) -> PledgeEdit:
        """The fields as a pledge has them."""
        return cls(pledge.actor, pledge.action, pledge.kind, pledge.due, pledge.due_precision)


class SuggestionState(StrEnum):
    """Where a suggestion stands: waiting for the analyst, or decided once."""

    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Verdict(StrEnum):
    """What a later article says became of a pledge."""

    MET = "met"
    BROKEN = "broken"
    PARTLY = "partly"

    @property
    def words(self) -> str:
        """How the verdict reads after a pledge: "met", "broken", "partly kept"."""
        return "partly kept" if self is Verdict.PARTLY else self.value


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A later article reports that a pledge was kept or broken: the analyst accepts or rejects."""

    id: int
    record: PledgeRecord
    happened_on: date
    evidence: str
    article_title: str
    article_published: date
    article_url: str | None
    article_source: str
    verdict: Verdict = Verdict.MET
    confidence: float = 1.0  # how likely the evidence tells this outcome (0 to 1)
    likely: bool = True  # shown at once; else behind "Show more"

    def question(self, write_day: Callable[[date], str] = date.isoformat) -> str:
        """What the analyst is asked, the day written by `write_day` (ISO unless told)."""
        pledge = self.record.pledge
        named = f"'{pledge.actor}: {pledge.action}'"
        day = write_day(self.happened_on)
        if self.verdict is Verdict.PARTLY:
            return f"Record that {named} was {self.verdict.words} on {day}?"
        return f"Mark {named} as {self.verdict.words} on {day}?"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A sentence that reports a pledge as kept, broken or partly kept, and the day it happened."""

    pledge_id: int
    happened_on: date
    evidence: str
    start: int
    end: int
    verdict: Verdict = Verdict.MET
    confidence: float = 1.0  # how likely the sentence tells this outcome (0 to 1)
    likely: bool = True  # the rules take it as the outcome, or the confidence is high


@dataclass(frozen=True, slots=True)
class Report:
    """An article that reports a pledge: the one it was found in, or a later one."""

    article_id: int
    title: str
    published: date
    url: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """An accepted report of what became of a pledge."""

    verdict: Verdict
    happened_on: date
    sentence: str
    article_title: str
    article_published: date
