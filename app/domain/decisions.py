"""What each decision about a stored pledge does: the fields it sets and the line it adds to the
pledge's history (met, broken, reopened, partly kept, dismissed, restored, confirmed, back to
review, edited, reported again). The store applies a decision; app/services/verdicts.py takes
it for the command line and the window alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.likeness import action_verb, takes_deadline
from app.domain.records import EventKind

if TYPE_CHECKING:
    from datetime import date

    from app.domain.records import Pledge, PledgeEdit


@dataclass(frozen=True, slots=True)
class Decision:
    """One change to a stored pledge: its kind and wording in the history, and the stored
    fields it sets (by column name)."""

    kind: EventKind
    detail: str
    values: Mapping[str, object] = field(default_factory=dict)


# A decision that depends on the pledge as it is stored now ("no longer marked broken").
Rule = Callable[["Pledge"], Decision]

_NO_VERDICT: Mapping[str, object] = {
    "met_on": None, "met_note": None, "met_evidence": None, "broken_on": None, "broken_note": None,
}  # fmt: skip

DISMISSED = Decision(EventKind.DISMISSED, "dismissed as not a pledge", {"dismissed": True})
RESTORED = Decision(EventKind.EDITED, "restored after dismissal", {"dismissed": False})
CONFIRMED = Decision(EventKind.CONFIRMED, "confirmed as a pledge", {"review": False})
BACK_TO_REVIEW = Decision(EventKind.EDITED, "back to review", {"review": True})


def met(on: date, note: str | None = None, evidence: str | None = None) -> Decision:
    """Kept on a day, with an optional note and evidence link; a verdict is a confirmation."""
    values = {**_NO_VERDICT, "met_on": on, "met_note": note, "met_evidence": evidence,
              "review": False}  # fmt: skip
    return Decision(EventKind.MET, f"met on {on.isoformat()}{_said(note)}", values)


def broken(on: date, note: str | None = None) -> Decision:
    """Broken on a day (withdrawn, refused, cancelled), with an optional note."""
    values = {**_NO_VERDICT, "broken_on": on, "broken_note": note, "review": False}
    return Decision(EventKind.BROKEN, f"broken on {on.isoformat()}{_said(note)}", values)


def reopened(stored: Pledge) -> Decision:
    """The met or broken mark taken back: the pledge is pending or overdue again."""
    was = "broken" if stored.broken_on else "met"
    return Decision(EventKind.REOPENED, f"no longer marked {was}", _NO_VERDICT)


def partly_kept(on: date, note: str) -> Decision:
    """Partly kept on a day: said in the history; the status stays as it is."""
    return Decision(EventKind.PARTLY, f"partly kept on {on.isoformat()}: {note}")


def verdict_of(earlier: Pledge) -> Rule:
    """The decision that puts back the verdict a pledge had (met, broken or none): an undo."""
    if earlier.broken_on is not None:
        return _always(broken(earlier.broken_on, earlier.broken_note))
    if earlier.met_on is not None:
        return _always(met(earlier.met_on, earlier.met_note, earlier.met_evidence))
    return reopened


def edited(change: PledgeEdit) -> Rule:
    """The analyst's correction of actor, action, kind and due date; the history says what
    changed from the pledge as stored."""

    def decide(stored: Pledge) -> Decision:
        before = {"actor": stored.actor, "action": stored.action, "kind": stored.kind.value,
                  "due": stored.due}  # fmt: skip
        after = {"actor": change.actor, "action": change.action, "kind": change.kind.value,
                 "due": change.due}  # fmt: skip
        changed = [f"{name}: {before[name]!s} -> {after[name]!s}"
                   for name in before if before[name] != after[name]]  # fmt: skip
        precision = None if change.due_precision is None else change.due_precision.value
        values = {**after, "due_precision": precision, "verb": action_verb(change.action)}
        return Decision(EventKind.EDITED, "; ".join(changed) or "no change", values)

    return decide


def reported_again(stored: Pledge, again: Pledge, source: str) -> Decision:
    """A later article states a stored pledge again: it becomes a source, and a deadline it
    gives where the stored pledge had none becomes the pledge's."""
    detail = f"reported again by {source}"
    if not takes_deadline(stored.due, again):
        return Decision(EventKind.REPORTED, detail)
    precision = None if again.due_precision is None else again.due_precision.value
    values = {"due": again.due, "deadline_text": again.deadline_text, "due_precision": precision}
    detail += f", which gives the deadline “{again.deadline_text}” → due {again.due}"
    return Decision(EventKind.REPORTED, detail, values)


def _always(decision: Decision) -> Rule:
    return lambda _stored: decision


def _said(note: str | None) -> str:
    return f": {note}" if note else ""
