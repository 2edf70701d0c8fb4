"""Plain-Python domain of PledgeWatch: records and rules, with no Qt and no SQL."""

from app.domain.models import (
    Article,
    Deadline,
    DuePrecision,
    EventKind,
    Outcome,
    Pledge,
    PledgeEdit,
    PledgeEvent,
    PledgeKind,
    PledgeRecord,
    PublishedHow,
    Quote,
    Span,
    Suggestion,
    content_hash,
)
from app.domain.status import Status, status_from_fields, status_of

__all__ = [
    "Article",
    "Deadline",
    "DuePrecision",
    "EventKind",
    "Outcome",
    "Pledge",
    "PledgeEdit",
    "PledgeEvent",
    "PledgeKind",
    "PledgeRecord",
    "PublishedHow",
    "Quote",
    "Span",
    "Status",
    "Suggestion",
    "content_hash",
    "status_from_fields",
    "status_of",
]
