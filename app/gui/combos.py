"""Combo boxes whose items stand for enum members: filled from the enum, read back as the enum."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=StrEnum)


def fill(combo: QComboBox, members: Iterable[StrEnum]) -> None:
    """Add one item per member, shown by its label (or its value), with the value as the item's
    data: PySide6 hands a StrEnum stored as item data back as a plain str."""
    for member in members:
        combo.addItem(str(getattr(member, "label", member.value)), member.value)


def chosen(combo: QComboBox, enum: type[E]) -> E | None:
    """The member the current item stands for; None for an item with no data ("All kinds")."""
    data = combo.currentData()
    return None if data is None else enum(data)


def choose(combo: QComboBox, member: StrEnum | None) -> None:
    """Make the item for a member (None: the item with no data) the current one."""
    combo.setCurrentIndex(combo.findData(None if member is None else member.value))
