"""`check`: the reminders due now, with the lead time the analyst chose."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import TextIO

from app.commands.common import engine_of, today_of
from app.domain.errors import BadValueError


def lead_days_arg(value: str) -> int:
    """A lead time in days, for argparse."""
    from app.preferences import lead_days_from

    try:
        return lead_days_from(value)
    except BadValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch check`: print (and record) the reminders due now."""
    from app.preferences import load_preferences
    from app.services.reminders import check_reminders

    now = datetime.now(UTC)
    today = today_of(args)
    lead = args.lead_days if args.lead_days is not None else load_preferences().lead_days
    notices = check_reminders(
        engine_of(args), today=today, at=now, lead_days=lead, record=not args.dry_run
    )
    if args.json:
        rows = [
            {
                "id": n.record.id,
                "reminder": n.reminder.kind.value,
                "due": n.reminder.due.isoformat(),
                "actor": n.record.pledge.actor,
                "action": n.record.pledge.action,
                "article_title": n.record.article_title,
            }
            for n in notices
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        print(file=out)
    else:
        for notice in notices:
            print(notice.line(), file=out)
    return 0
