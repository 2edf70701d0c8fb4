"""An iCalendar file: one all-day event with an alarm per dated pledge, with stable UIDs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event

from app.domain import PledgeRecord, status_of
from app.domain.days import shift
from app.domain.wording import long_date, quoted

if TYPE_CHECKING:
    from collections.abc import Sequence

PRODUCT_ID = "-//PledgeWatch//PledgeWatch//EN"
# 09:00 on the day before the due date, for an all-day event that starts at midnight
ALARM_BEFORE = timedelta(hours=15)


def event_uid(record: PledgeRecord) -> str:
    """The same pledge always has the same UID, so a new export updates its event."""
    return f"pledge-{record.id}-article-{record.article_id}@pledgewatch"


def to_ics(records: Sequence[PledgeRecord], today: date, now: datetime) -> bytes:
    """Every dated pledge as an all-day VEVENT on its due date, with a VALARM."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "PledgeWatch pledges")
    stamp = now.astimezone(UTC)
    for record in records:
        due = record.pledge.due
        if due is None:
            continue
        calendar.add_component(_event(record, due, today, stamp))
    return bytes(calendar.to_ical())


def _event(record: PledgeRecord, due: date, today: date, stamp: datetime) -> Event:
    pledge = record.pledge
    status = status_of(pledge, today).value
    summary = f"[{status}] {pledge.actor}: {pledge.action}"
    event = Event()
    event.add("uid", event_uid(record))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    # a later export is a newer version of the same event
    event.add("sequence", int(stamp.timestamp()) // 60)
    event.add("dtstart", due)
    event.add("dtend", shift(due, 1))
    event.add("summary", summary)
    event.add("description", _description(record, status))
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["PledgeWatch", pledge.kind.value])
    if record.article_url:
        event.add("url", record.article_url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Pledge due tomorrow: {pledge.actor}: {pledge.action}")
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def _description(record: PledgeRecord, status: str) -> str:
    pledge = record.pledge
    lines = [f"Status: {status}"]
    if pledge.deadline_text:
        lines.append(f"Deadline: {pledge.deadline_text}")
    if pledge.condition:
        lines.append(f"Condition: {pledge.condition}")
    if pledge.met_on:
        lines.append(f"Met on {long_date(pledge.met_on)}")
    if pledge.broken_on:
        lines.append(f"Broken on {long_date(pledge.broken_on)}")
    lines += [
        "",
        quoted(pledge.quote),
        "",
        f"Article: {record.article_title} (published {long_date(record.article_published)})",
        record.article_url or record.article_source,
    ]
    return "\n".join(lines)
