"""The changes a command on pledges is made of: each makes (or takes back) one change to one
pledge, on the version of it the analyst saw, in the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import PledgeEdit, PledgeRecord

if TYPE_CHECKING:
    from datetime import datetime

    from sqlmodel import Session

    from app.gui.pledge_actions import Change


def fields_of(record: PledgeRecord) -> PledgeEdit:
    pledge = record.pledge
    return PledgeEdit(
        actor=pledge.actor,
        action=pledge.action,
        kind=pledge.kind,
        due=pledge.due,
        due_precision=pledge.due_precision,
    )


def edit_to(pledge_id: int, fields: PledgeEdit) -> Change:
    def change(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import edit_pledge

        return edit_pledge(
            session=session, pledge_id=pledge_id, change=fields, at=at, expected_version=version
        )

    return change


def edit_back(record: PledgeRecord) -> Change:
    return edit_to(record.id, fields_of(record))


def dismissing(pledge_id: int) -> Change:
    def change(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import dismiss

        return dismiss(session=session, pledge_id=pledge_id, at=at, expected_version=version)

    return change


def restoring(pledge_id: int) -> Change:
    def change(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import restore

        return restore(session=session, pledge_id=pledge_id, at=at, expected_version=version)

    return change


def confirming(pledge_id: int) -> Change:
    def change(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import confirm

        return confirm(session=session, pledge_id=pledge_id, at=at, expected_version=version)

    return change


def unconfirming_of(record: PledgeRecord) -> Change:
    pledge_id = record.id

    def change(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import unconfirm

        return unconfirm(session=session, pledge_id=pledge_id, at=at, expected_version=version)

    return change


def dismissing_of(record: PledgeRecord) -> Change:
    return dismissing(record.id)


def restoring_of(record: PledgeRecord) -> Change:
    return restoring(record.id)


def verdict_as_before(record: PledgeRecord) -> Change:
    """The change that puts back the met or broken mark a record had (or none)."""
    pledge, pledge_id = record.pledge, record.id
    met_on, broken_on = pledge.met_on, pledge.broken_on

    def back(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import mark_broken, mark_met, unmark_met

        if broken_on is not None:
            return mark_broken(
                session=session, pledge_id=pledge_id, on=broken_on, at=at,
                note=pledge.broken_note, expected_version=version,
            )  # fmt: skip
        if met_on is None:
            return unmark_met(session=session, pledge_id=pledge_id, at=at, expected_version=version)
        return mark_met(
            session=session,
            pledge_id=pledge_id,
            on=met_on,
            at=at,
            note=pledge.met_note,
            evidence=pledge.met_evidence,
            expected_version=version,
        )

    return back
