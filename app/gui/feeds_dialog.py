"""The Feeds dialog: subscribe to RSS and Atom feeds, see how each poll went, poll now."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import PledgeWatchError
from app.extract.fetch import is_web_address
from app.gui.qdates import shown_time
from app.gui.workers import Worker, start
from app.services.feeds import subscribe_checked
from app.store.engine import open_session
from app.store.feed_queries import Feed, list_feeds, unsubscribe

if TYPE_CHECKING:
    from sqlalchemy import Engine


class FeedsDialog(QDialog):
    """Lists the subscriptions; changes are saved at once."""

    poll_requested = Signal()
    """The analyst wants every feed read now."""

    def __init__(
        self, engine: Engine, interval_minutes: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.subscribing: Worker | None = None  # a feed being checked before it is subscribed
        self.setWindowTitle("Feeds")
        self.feeds = QListWidget()
        self.feeds.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://… address of an RSS or Atom feed")
        self.add_button = QPushButton("&Subscribe")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.address.returnPressed.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setToolTip("Stop watching the selected feed; its articles stay")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.poll_button = QPushButton("&Poll now")
        self.poll_button.setToolTip("Read every feed now and import the new items")
        self.poll_button.clicked.connect(self.poll_requested)
        self.interval = QSpinBox()
        self.interval.setRange(5, 1440)
        self.interval.setValue(interval_minutes)
        self.interval.setSuffix(" minutes")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self.address, stretch=1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.poll_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("Read the feeds &every:", self.interval)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(add_row)
        layout.addWidget(self.feeds, stretch=1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(620, 420)
        self.reload()

    def reload(self) -> None:
        """Show the subscriptions as stored."""
        with open_session(self._engine) as session:
            feeds = list_feeds(session=session)
        self.feeds.clear()
        for feed in feeds:
            item = QListWidgetItem(_describe(feed))
            item.setData(Qt.ItemDataRole.UserRole, feed.url)
            self.feeds.addItem(item)
        self.remove_button.setEnabled(bool(feeds))
        self.poll_button.setEnabled(bool(feeds))

    def show_message(self, text: str) -> None:
        """Say how the last action went."""
        self.message.setText(text)

    def _on_add_button_clicked(self) -> None:
        url = self.address.text().strip()
        if not is_web_address(url):
            self.show_message("A feed address starts with http:// or https://")
            return
        engine = self._engine  # the worker holds no reference to the dialog
        worker = Worker(lambda: subscribe_checked(engine, url, at=datetime.now(UTC)))
        worker.signals.result.connect(self._on_subscribe_result)
        worker.signals.error.connect(self._on_subscribe_error)
        self.add_button.setEnabled(False)
        self.show_message(f"Reading {url} to check that it is a feed…")
        self.subscribing = worker
        start(worker)

    def _on_subscribe_result(self, added: bool) -> None:
        self.subscribing = None
        self.add_button.setEnabled(True)
        self.address.clear()
        self.show_message(
            "Subscribed; its items arrive at the next poll."
            if added
            else "Already subscribed to that feed."
        )
        self.reload()

    def _on_subscribe_error(self, message: str) -> None:
        self.subscribing = None
        self.add_button.setEnabled(True)
        self.show_message(f"Not subscribed: {message}")

    def _on_remove_button_clicked(self) -> None:
        item = self.feeds.currentItem()
        if item is None:
            return
        try:
            with open_session(self._engine) as session:
                unsubscribe(session=session, url=str(item.data(Qt.ItemDataRole.UserRole)))
        except PledgeWatchError as exc:
            self.show_message(str(exc))
        self.reload()


def _describe(feed: Feed) -> str:
    polled = shown_time(feed.last_polled_at) if feed.last_polled_at else "never"
    lines = [feed.title or feed.url, f"{feed.url} · last read: {polled}"]
    if feed.last_error:
        lines.append(f"problem: {feed.last_error}")
    return "\n".join(lines)
