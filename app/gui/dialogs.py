"""The small dialogs: mark met, edit a pledge, paste an article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import DuePrecision, PledgeEdit, PledgeKind, PledgeRecord
from app.extract.deadlines import resolve_deadline
from app.extract.past_days import past_day
from app.gui import combos
from app.gui.day_field import DayField
from app.gui.qdates import date_edit, shown_date, to_date, to_qdate
from app.preferences import MAX_LEAD_DAYS

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


@dataclass(frozen=True, slots=True)
class VerdictAnswer:
    """What the analyst said about a kept pledge."""

    on: date
    note: str | None
    evidence: str | None


class VerdictDialog(QDialog):
    """When the pledges were kept (default today, typed as people write it: "yesterday",
    "last Friday", "31 Oct 2019"), with an optional note and evidence link; or, with `broken`,
    when they were broken and how."""

    def __init__(
        self,
        records: Sequence[PledgeRecord],
        today: date,
        parent: QWidget | None = None,
        *,
        broken: bool = False,
    ) -> None:
        super().__init__(parent)
        verdict = "broken" if broken else "met"
        many = len(records) > 1
        self.setWindowTitle(f"Mark {len(records)} pledges as {verdict}" if many else
                            f"Mark pledge as {verdict}")  # fmt: skip
        self.on = DayField(
            today, lambda text: past_day(text, today), "“yesterday”, “last Friday”, “31 Oct”"
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            "optional: withdrawn, refused, cancelled…" if broken else "optional: how it was kept"
        )
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText("optional: https://… link to the evidence")
        lines = [f"{r.pledge.actor}: {r.pledge.action}" for r in records[:4]]
        if len(records) > 4:
            lines.append(f"… and {len(records) - 4} more")
        summary = QLabel("\n".join(lines))
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Broken on:" if broken else "&Met on:", self.on)
        self.on.edit.setAccessibleName("Broken on" if broken else "Met on")
        form.addRow("&Note:", self.note)
        if not broken:
            form.addRow("&Evidence:", self.evidence)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        self.buttons = _buttons(self, f"Mark {verdict}")
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.on.changed.connect(lambda: ok.setEnabled(self.on.day() is not None))
        self.resize(460, self.sizeHint().height())

    def answer(self) -> VerdictAnswer:
        """The values entered (OK is enabled only when the day reads as one)."""
        day = self.on.day()
        assert day is not None
        return VerdictAnswer(
            on=day,
            note=self.note.text().strip() or None,
            evidence=self.evidence.text().strip() or None,
        )


class EditPledgeDialog(QDialog):
    """Correct what the extractor got wrong: actor, action, kind and due date."""

    def __init__(self, record: PledgeRecord, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pledge = record.pledge
        self.setWindowTitle("Edit pledge")
        self.actor = QLineEdit(pledge.actor)
        self.action = QLineEdit(pledge.action)
        self.kind = QComboBox()
        combos.fill(self.kind, PledgeKind)
        combos.choose(self.kind, pledge.kind)
        self.has_due = QCheckBox("Has a due date")
        self.has_due.setChecked(pledge.due is not None)
        self.due = DayField(
            pledge.due or today,
            lambda text: resolve_deadline(text, today).due,
            "“30 Jan 2022”, “next Friday”, “end of March”",
        )
        self.due.setEnabled(pledge.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        self._precision = pledge.due_precision
        self._original_due = pledge.due
        self._original_kind = pledge.kind
        form = QFormLayout(self)
        form.addRow("&Actor:", self.actor)
        form.addRow("&Pledge:", self.action)
        form.addRow("&Kind:", self.kind)
        form.addRow(self.has_due)
        form.addRow("&Due:", self.due)
        self.buttons = _buttons(self, "Save")
        form.addRow(self.buttons)
        self.resize(520, self.sizeHint().height())

    def change(self) -> PledgeEdit:
        """The corrected fields (a due date that reads as no day is left as it was)."""
        due = (self.due.day() or self._original_due) if self.has_due.isChecked() else None
        precision = self._precision if due == self._original_due else DuePrecision.DAY
        return PledgeEdit(
            actor=self.actor.text().strip(),
            action=self.action.text().strip(),
            kind=combos.chosen(self.kind, PledgeKind) or self._original_kind,
            due=due,
            due_precision=None if due is None else precision,
        )


@dataclass(frozen=True, slots=True)
class PastedArticle:
    """An article pasted in, with the publication date the analyst confirmed."""

    text: str
    published: date


class PasteArticleDialog(QDialog):
    """Paste an article's text; its publication date is read from it where it says, editable."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            "Paste the article here: headline, date line (such as 'January 21, 2022'), story."
        )
        self.published = date_edit(today)
        self.found = QLabel("No date found in the text yet; set it here.")
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        self.text.textChanged.connect(self._on_text_changed)
        form = QFormLayout()
        form.addRow("&Published:", self.published)
        form.addRow("", self.found)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, stretch=1)
        layout.addLayout(form)
        self._buttons = _buttons(self, "Import")
        layout.addWidget(self._buttons)
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.resize(640, 480)

    def article(self) -> PastedArticle:
        """The text and the date chosen."""
        return PastedArticle(self.text.toPlainText(), to_date(self.published.date()))

    def _on_text_changed(self) -> None:
        from app.extract.clean import clean
        from app.extract.dateline import find_dateline
        from app.extract.load import RawText

        text = self.text.toPlainText()
        self._ok.setEnabled(bool(text.strip()))
        found = find_dateline(clean(RawText(source="pasted", text=text)).paragraphs)
        if found is None:
            self.found.setText("No date found in the text; set it here.")
            return
        day = found[1]
        self.published.setDate(to_qdate(day))
        self.found.setText(f"Found in the text: {shown_date(day)}. Change it if it is wrong.")


class ExportDialog(QDialog):
    """Which format, and whether to export every pledge or only those shown."""

    def __init__(self, shown: int, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export pledges")
        self.format = QComboBox()
        self.format.addItem("CSV spreadsheet (Excel, LibreOffice)", "csv")
        self.format.addItem("iCalendar (Google Calendar, Outlook, Thunderbird)", "ics")
        self.format.addItem("JSON", "json")
        self.only_shown = QCheckBox(f"Only the {shown} pledges shown now (of {total})")
        self.only_shown.setChecked(shown != total)
        self.only_shown.setEnabled(shown != total)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow(self.only_shown)
        form.addRow(_buttons(self, "Export…"))

    def chosen_format(self) -> str:
        """csv, ics or json."""
        return str(self.format.currentData())


class PreferencesDialog(QDialog):
    """Reminder lead time, and whether closing the window keeps the app in the tray."""

    def __init__(self, lead_days: int, keep_in_tray: bool, has_tray: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.lead_days = QSpinBox()
        self.lead_days.setRange(0, MAX_LEAD_DAYS)
        self.lead_days.setValue(lead_days)
        self.lead_days.setSuffix(" days before the due date")
        self.keep_in_tray = QCheckBox("Closing the window keeps PledgeWatch running in the tray")
        self.keep_in_tray.setChecked(keep_in_tray and has_tray)
        self.keep_in_tray.setEnabled(has_tray)
        if not has_tray:
            self.keep_in_tray.setToolTip("This desktop has no system tray")
        form = QFormLayout(self)
        form.addRow("Remind me &due soon:", self.lead_days)
        form.addRow(self.keep_in_tray)
        form.addRow(_buttons(self, "Save"))
