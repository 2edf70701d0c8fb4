"""Plain-Python domain of PledgeWatch: records and rules, with no Qt and no SQL."""

from app.domain.models import (
    Article,
    Deadline,
    DuePrecision,
    EventKind,
    Pledge,
    PledgeEdit,
    PledgeEvent,
    PledgeKind,
    PledgeRecord,
    PublishedHow,
    Quote,
    Span,
    content_hash,
)
from app.domain.status import Status, status_from_fields, status_of

__all__ = [
    "Article",
    "Deadline",
    "DuePrecision",
    "EventKind",
    "Pledge",
    "PledgeEdit",
    "PledgeEvent",
    "PledgeKind",
    "PledgeRecord",
    "PublishedHow",
    "Quote",
    "Span",
    "Status",
    "content_hash",
    "status_from_fields",
    "status_of",
]
