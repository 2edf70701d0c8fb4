"""The board's side list and saved searches: the pledges of one actor or one article, and the
filters in force kept under a name, to bring back later (in the user's settings)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit

from app.domain import PledgeKind, Status
from app.gui import combos
from app.gui.browse_pane import BrowsePane
from app.gui.qdates import to_date, to_qdate
from app.gui.timers import one_shot
from app.gui.window_parts import WindowParts

SAVED_KEY = "searches/saved"
_BROWSE_WIDTH = 230  # pixels, on first start
_RECOUNT_MS = 300  # the side list's counts follow the board, at most this often


@dataclass(frozen=True)
class SavedSearch:
    """The filters in force, as kept: status, words, kind, due range, actor, article."""

    status: str | None = None
    words: str = ""
    kind: str | None = None
    due_from: str | None = None
    due_to: str | None = None
    actor: str | None = None
    article: int | None = None


class Browsing(WindowParts):
    """Mixin of MainWindow: the Browse dock (actors, articles, saved searches)."""

    def _build_browsing(self) -> None:
        self.browse = BrowsePane()
        self.browse_dock = QDockWidget("Browse", self)
        self.browse_dock.setObjectName("browse")
        self.browse_dock.setWidget(self.browse)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.browse_dock)
        self.resizeDocks([self.browse_dock], [_BROWSE_WIDTH], Qt.Orientation.Horizontal)
        self._recount = one_shot(self, self._on_recount_timeout, _RECOUNT_MS)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self._recount_if_shown)
        self.browse_dock.visibilityChanged.connect(self._recount_if_shown)
        self.browse.actor_chosen.connect(self.show_actor)
        self.browse.article_chosen.connect(self.show_article)
        self.browse.saved_chosen.connect(self.apply_search)
        self.browse.saved_deleted.connect(self.delete_search)
        self.filters.group_cleared.connect(self._on_filters_group_cleared)
        self.browse.set_saved(list(self._saved()))

    def _recount_if_shown(self, *_: object) -> None:
        """Count again soon, if the list is on screen (else when it comes back)."""
        if self.browse_dock.isVisible():
            self._recount.start()

    def _on_recount_timeout(self) -> None:
        if self.browse_dock.isVisible():
            self.browse.set_records(self.model.rows())

    def show_actor(self, actor: str | None) -> None:
        """Show one actor's pledges (None: anyone's); one actor or one article at a time."""
        self.proxy.set_scope(actor=actor)
        self.filters.show_group(None if actor is None else f"Actor: {actor}")

    def show_article(self, article_id: int | None) -> None:
        """Show one article's pledges (None: every article's)."""
        self.proxy.set_scope(article=article_id)
        item = None if article_id is None else self.browse.item_for("article", article_id)
        title = "" if item is None else item.text(0)
        self.filters.show_group(None if article_id is None else f"Article: {title}")

    def _on_filters_group_cleared(self) -> None:
        self.show_actor(None)

    def clear_filters(self) -> None:
        """Show every pledge again."""
        self.filters.search.clear()
        self.filters.kind.setCurrentIndex(0)
        self.filters.due_on.setChecked(False)
        self.filters.choose_status(None)
        self.show_day(None)
        self.show_actor(None)

    def save_search(self) -> None:
        """View > Save search: keep the filters in force under a name, in the side list."""
        name, ok = QInputDialog.getText(
            self, "Save search", "Name for the filters in force:", QLineEdit.EchoMode.Normal
        )
        name = " ".join(name.split())
        if not ok:
            return
        if not name:
            self.report("A saved search needs a name; nothing was saved.")
            return
        saved = self._saved()
        saved[name] = self._current_search()
        self._keep(saved)
        self.statusBar().showMessage(f"Saved the search “{name}” (in Browse)", 10_000)

    def apply_search(self, name: str) -> None:
        """Bring back a saved search's filters."""
        search = self._saved().get(name)
        if search is None:
            return
        self.clear_filters()
        self.filters.search.setText(search.words)
        kind = next((k for k in PledgeKind if k.value == search.kind), None)
        combos.choose(self.filters.kind, kind)
        if search.due_from and search.due_to:
            self.filters.due_from.setDate(to_qdate(date.fromisoformat(search.due_from)))
            self.filters.due_to.setDate(to_qdate(date.fromisoformat(search.due_to)))
            self.filters.due_on.setChecked(True)
        self.filters.choose_status(None if search.status is None else Status(search.status))
        if search.actor is not None:
            self.show_actor(search.actor)
        elif search.article is not None:
            self.show_article(search.article)
        self.statusBar().showMessage(f"Showing the saved search “{name}”", 10_000)

    def delete_search(self, name: str) -> None:
        """Delete on a saved search in the side list: it is removed."""
        saved = self._saved()
        if saved.pop(name, None) is not None:
            self._keep(saved)
            self.statusBar().showMessage(f"Deleted the saved search “{name}”", 10_000)

    def _current_search(self) -> SavedSearch:
        filters, on = self.filters, self.filters.due_on.isChecked()
        kind = combos.chosen(filters.kind, PledgeKind)
        return SavedSearch(
            status=None if self.proxy.status is None else self.proxy.status.value,
            words=filters.search.text(),
            kind=None if kind is None else kind.value,
            due_from=to_date(filters.due_from.date()).isoformat() if on else None,
            due_to=to_date(filters.due_to.date()).isoformat() if on else None,
            actor=self.proxy.actor,
            article=self.proxy.article,
        )

    def _saved(self) -> dict[str, SavedSearch]:
        text = self._settings.value(SAVED_KEY, "{}")
        try:
            kept = json.loads(str(text))
            return {str(name): SavedSearch(**fields) for name, fields in kept.items()}
        except (ValueError, TypeError, AttributeError):
            return {}  # written by another version, or by hand: start again rather than fail

    def _keep(self, saved: dict[str, SavedSearch]) -> None:
        kept = {name: asdict(search) for name, search in saved.items()}
        self._settings.setValue(SAVED_KEY, json.dumps(kept, ensure_ascii=False))
        self.browse.set_saved(list(saved))
