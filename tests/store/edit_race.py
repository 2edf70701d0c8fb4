"""One of two processes racing to edit the same pledges (run by test_two_writers.py)."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

from app.domain.decisions import met
from app.domain.errors import StaleEditError
from app.services.verdicts import decide
from app.store.engine import make_engine, open_session
from app.store.reads import get_pledge


def main() -> None:
    """Make EDITS successful edits, re-reading and retrying each refused one; print counts."""
    db, name, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pledge_ids = [int(i) for i in sys.argv[4].split(",")]
    engine = make_engine(db)
    done = refused = 0
    while done < edits:
        pledge_id = pledge_ids[done % len(pledge_ids)]
        with open_session(engine) as session:
            seen = get_pledge(session=session, pledge_id=pledge_id)  # what this writer sees
            try:
                decide(
                    session=session,
                    pledge_id=pledge_id,
                    decision=met(date(2022, 1, 26), f"{name} {done}"),
                    at=datetime.now(UTC),
                    expected_version=seen.version,
                )
                done += 1
            except StaleEditError:
                refused += 1  # the other writer got there first: look again, then edit
    print(done, refused)


if __name__ == "__main__":
    main()
