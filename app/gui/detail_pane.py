"""The detail pane: one pledge in full, its article with the sentence highlighted, every source
that reported it and every piece of evidence, and its history."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import Evidence, PledgeEvent, PledgeRecord, Report, Verdict, status_of
from app.domain.wording import quoted, relative_due
from app.gui.qdates import shown_date, shown_time
from app.gui.qtext import qt_position
from app.gui.style import STATUS_COLOURS, STATUS_WORDS, bold, status_icon

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtGui import QResizeEvent

_HIGHLIGHT = QColor("#fff1a8")
_SUMMARY_AT_LEAST = 150  # pixels of the summary kept in view however short the pane
_MARK_MET_TIP = "Record that the pledge was kept (Space)"
_BROKEN_TIP = "Record that the pledge was broken: withdrawn, refused, cancelled (Ctrl+B)"


def _label(*, wrap: bool = True, selectable: bool = True) -> QLabel:
    """A label that shows text as plain text, never as rich text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _SummaryScroll(QScrollArea):
    """The summary's scroll area, asking for the height the summary needs at its width."""

    needed = 0

    def sizeHint(self) -> QSize:
        """As wide as a scroll area likes, as tall as the summary needs."""
        return QSize(super().sizeHint().width(), self.needed)


class DetailPane(QWidget):
    """Shows the selected pledge; its buttons ask the window to change it."""

    action_requested = Signal(str)
    """A button asks for the window action of this name (met, broken, reopen, edit, dismiss in
    window_actions.ACTIONS): the same as the menu item, on the pledge shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: PledgeRecord | None = None
        self.heading = _label()
        self.heading.setFont(bold(self.heading.font()))
        self.status_icon = QLabel()
        self.status_line = _label()
        self.quote = _label()
        self.quote.setFrameShape(QFrame.Shape.StyledPanel)
        self.quote.setContentsMargins(8, 6, 8, 6)
        self.kind = _label()
        self.recipient = _label()
        self.condition = _label()
        self.deadline = _label()
        self.article = _label()
        self.verdict = _label()
        self.reports = QPlainTextEdit()
        self.reports.setReadOnly(True)
        self.article_text = QPlainTextEdit()
        self.article_text.setReadOnly(True)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.mark_button = QPushButton("&Mark met…")
        self.mark_button.setToolTip(_MARK_MET_TIP)
        self.broken_button = QPushButton("&Broken…")
        self.broken_button.setToolTip(_BROKEN_TIP)

        self.reopen_button = QPushButton("Re&open")
        self.reopen_button.setToolTip("Take back the met or broken mark: the pledge is open again")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setToolTip("Correct actor, pledge, kind or due date")
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setToolTip("Not a pledge: hide it (Delete); undo brings it back")
        self.confirm_button = QPushButton("&Confirm")
        self.confirm_button.setToolTip(
            "A pledge found with less confidence is one: track it and remind of it (Ctrl+Enter)"
        )
        asks = (("met", self.mark_button), ("reopen", self.reopen_button),
                ("broken", self.broken_button), ("edit", self.edit_button),
                ("dismiss", self.dismiss_button), ("confirm", self.confirm_button))  # fmt: skip
        for name, button in asks:
            button.clicked.connect(partial(self._ask, name))

        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_line, stretch=1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Kind:", self.kind)
        form.addRow("Recipient:", self.recipient)
        form.addRow("Condition:", self.condition)
        form.addRow("Deadline:", self.deadline)
        form.addRow("Article:", self.article)
        form.addRow("Verdict:", self.verdict)
        buttons = QGridLayout()  # three to a row: the pane fits beside the table at 1024 wide
        for place, button in enumerate(self._buttons()):
            buttons.addWidget(button, place // 3, place % 3)
        buttons.setColumnStretch(3, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.article_text, "&Article text")
        self.tabs.addTab(self.reports, "&Reports")
        self.tabs.addTab(self.history, "&History")
        self._summary = QWidget()  # all but the tabs: never squeezed, the tabs give way
        summary = self._summary_layout = QVBoxLayout(self._summary)
        summary.setContentsMargins(0, 0, 0, 0)
        summary.addWidget(self.heading)
        summary.addLayout(status_row)
        summary.addWidget(self.quote)
        summary.addLayout(form)
        # On a short screen the summary scrolls rather than push the window past the screen.
        self._summary_scroll = _SummaryScroll()
        self._summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._summary_scroll.setWidgetResizable(True)
        self._summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._summary_scroll.setWidget(self._summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary_scroll, stretch=1)
        layout.addLayout(buttons)  # always in view
        layout.addWidget(self.tabs, stretch=1)
        self.show_nothing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep every wrapped line of the summary in view at the new width."""
        super().resizeEvent(event)
        self._fit_summary()

    def _fit_summary(self) -> None:
        """A dock does not ask its widget for the height wrapped labels need at its width, so
        the summary sets that height as its minimum (scrolling where the pane is shorter), and
        its scroll area takes no more than that: the tabs below take what is left."""
        width = max(self._summary_scroll.viewport().width(), 1)
        needed = self._summary_layout.totalHeightForWidth(width)
        self._summary.setMinimumHeight(needed)
        self._summary_scroll.needed = needed
        self._summary_scroll.setMaximumHeight(needed)
        self._summary_scroll.updateGeometry()
        self._summary_scroll.setMinimumHeight(min(needed, _SUMMARY_AT_LEAST))

    @property
    def record(self) -> PledgeRecord | None:
        """The pledge shown, if any."""
        return self._record

    def show_nothing(self) -> None:
        """No pledge selected."""
        self._record = None
        self.heading.setText("Select a pledge to see it in full")
        for label in (
            self.status_line,
            self.quote,
            self.kind,
            self.recipient,
            self.condition,
            self.deadline,
            self.article,
            self.verdict,
        ):
            label.setText("")
        self.status_icon.clear()
        self.quote.setVisible(False)
        self.article_text.setPlainText("")
        self.history.setPlainText("")
        self.reports.setPlainText("")
        self.tabs.setTabText(1, "&Reports")
        for button in self._buttons():
            button.setEnabled(False)
        self._fit_summary()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.mark_button,
            self.broken_button,
            self.reopen_button,
            self.edit_button,
            self.dismiss_button,
            self.confirm_button,
        )

    def show_record(
        self,
        record: PledgeRecord,
        article_text: str,
        events: list[PledgeEvent],
        today: date,
        *,
        reports: list[Report],
        evidence: list[Evidence],
    ) -> None:
        """Show a pledge in full, its sentence highlighted and scrolled into view, with every
        article that reported it and every accepted report of what became of it."""
        self._record = record
        pledge = record.pledge
        status = status_of(pledge, today)
        self.heading.setText(f"{pledge.actor}: {pledge.action}")
        self.status_icon.setPixmap(status_icon(status).pixmap(16, 16))
        words = relative_due(
            pledge.due,
            today,
            met_on=pledge.met_on,
            broken_on=pledge.broken_on,
            review=pledge.review,
            write_day=shown_date,
        )
        self.status_line.setText(f"{STATUS_WORDS[status]} · {words}")
        self.status_line.setStyleSheet(f"color: {STATUS_COLOURS[status].name()};")
        self.quote.setText(quoted(pledge.quote))
        self.quote.setVisible(True)
        self.kind.setText(pledge.kind.label)
        self.recipient.setText(pledge.recipient or "—")
        self.condition.setText(pledge.condition or "—")
        self.deadline.setText(_deadline_text(record))
        self.article.setText(
            f"{record.article_title} (published {shown_date(record.article_published)})"
        )
        self.verdict.setText(_verdict_text(record))
        self._show_article(article_text, record)
        self.reports.setPlainText(_reports_text(reports, evidence))
        count = len(reports) + len(evidence)
        self.tabs.setTabText(1, f"&Reports ({count})" if count else "&Reports")
        self.history.setPlainText(
            "\n".join(
                f"{shown_time(e.at)}  {e.kind.value}" + (f": {e.detail}" if e.detail else "")
                for e in events
            )
        )
        met, broken = pledge.met_on is not None, pledge.broken_on is not None
        for button in self._buttons():
            button.setEnabled(True)
        # The labels stay the same (the pane keeps its width); the tooltips say what they do.
        self.mark_button.setToolTip("Change the day it was met" if met else _MARK_MET_TIP)
        self.broken_button.setToolTip("Change the day it was broken" if broken else _BROKEN_TIP)
        self.reopen_button.setEnabled(met or broken)
        self.confirm_button.setEnabled(pledge.review)
        self._fit_summary()

    def _show_article(self, text: str, record: PledgeRecord) -> None:
        self.article_text.setPlainText(text)
        spans = [record.pledge.quote_span, *(q.span for q in record.pledge.more_quotes)]
        selections = []
        for span in spans:
            cursor = QTextCursor(self.article_text.document())
            cursor.setPosition(qt_position(text, span.start))
            cursor.setPosition(qt_position(text, span.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            highlight = QTextCharFormat()
            highlight.setBackground(_HIGHLIGHT)
            selection.format = highlight
            selections.append(selection)
        self.article_text.setExtraSelections(selections)
        cursor = QTextCursor(self.article_text.document())
        cursor.setPosition(qt_position(text, spans[0].start))
        self.article_text.setTextCursor(cursor)
        self.article_text.centerCursor()

    def highlighted_text(self) -> str:
        """The article text under the first highlight (what a reader's eye is drawn to)."""
        selections = self.article_text.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""

    def _ask(self, action: str) -> None:
        if self._record is not None:
            self.action_requested.emit(action)


def _deadline_text(record: PledgeRecord) -> str:
    pledge = record.pledge
    if pledge.deadline_text is None:
        return "none stated"
    if pledge.due is None:
        return f"“{pledge.deadline_text}” (too vague for a date)"
    precision = f", {pledge.due_precision.value}" if pledge.due_precision else ""
    return f"“{pledge.deadline_text}” → {shown_date(pledge.due)}{precision}"


def _verdict_text(record: PledgeRecord) -> str:
    pledge = record.pledge
    if pledge.met_on is not None:
        parts = [f"met {shown_date(pledge.met_on)}", pledge.met_note, pledge.met_evidence]
    elif pledge.broken_on is not None:
        parts = [f"broken {shown_date(pledge.broken_on)}", pledge.broken_note]
    else:
        return "not yet"
    return " · ".join(part for part in parts if part)


_TOLD = {Verdict.MET: "Kept", Verdict.BROKEN: "Broken", Verdict.PARTLY: "Partly kept"}


def _reports_text(reports: list[Report], evidence: list[Evidence]) -> str:
    """Every article that reported the pledge, then every accepted report of its verdict."""
    lines = []
    for number, report in enumerate(reports, start=1):
        where = f"\n    {report.url}" if report.url else ""
        told = "first reported" if number == 1 else "reported again"
        lines.append(
            f"{shown_date(report.published)} · {told} by {report.title}\n"
            f"    {quoted(report.quote)}{where}"
        )
    for item in evidence:
        lines.append(
            f"{shown_date(item.happened_on)} · {_TOLD[item.verdict]}, as {item.article_title} "
            f"({shown_date(item.article_published)}) reported:\n    {quoted(item.sentence)}"
        )
    return "\n\n".join(lines)
