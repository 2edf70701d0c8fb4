"""The side list: every actor and every article with its count of pledges, and the saved
searches; choosing one filters the board to it (in the manner of Zotero's collections)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.domain import PledgeRecord

_KIND_ROLE = Qt.ItemDataRole.UserRole
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
ACTOR, ARTICLE, SAVED = "actor", "article", "saved"
SHOWN = 200  # entries of each group listed at once; the box finds the rest


class BrowsePane(QWidget):
    """Emits what the analyst chose; knows nothing of the table."""

    actor_chosen = Signal(str)
    """An actor's name, exactly as the pledges give it."""
    article_chosen = Signal(int)
    """An article's id."""
    saved_chosen = Signal(str)
    """A saved search's name."""
    saved_deleted = Signal(str)
    """Delete on a saved search: the analyst wants it gone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finder = QLineEdit()
        self.finder.setPlaceholderText("Find an actor or article")
        self.finder.setClearButtonEnabled(True)
        self.finder.textChanged.connect(self._on_find_text_changed)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._entries: dict[str, list[tuple[str, object, int]]] = {ACTOR: [], ARTICLE: []}
        self._saved_names: list[str] = []
        self._expanded = {SAVED: True, ACTOR: True, ARTICLE: False}
        self.saved = self.actors = self.articles = QTreeWidgetItem()
        self._render()
        self.remove = QAction("&Delete saved search", self.tree)
        self.remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove.triggered.connect(self._on_remove_triggered)
        self.tree.addAction(self.remove)  # Delete, or a right click on a saved search
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.itemActivated.connect(self._on_tree_item_chosen)
        self.tree.itemClicked.connect(self._on_tree_item_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.finder)
        layout.addWidget(self.tree, stretch=1)

    def set_records(self, records: Sequence[PledgeRecord]) -> None:
        """Count the pledges (dismissed ones aside) of each actor and each article."""
        kept = [r for r in records if not r.pledge.dismissed]
        actors = Counter(r.pledge.actor for r in kept)
        articles = Counter(r.article_id for r in kept)
        titles = {r.article_id: r.article_title for r in kept}
        by_count = _most_first
        self._entries[ACTOR] = by_count([(name, name, n) for name, n in actors.items()])
        self._entries[ARTICLE] = by_count([(titles[i], i, n) for i, n in articles.items()])
        self._render()

    def set_saved(self, names: Sequence[str]) -> None:
        """The saved searches, by name."""
        self._saved_names = sorted(names, key=str.casefold)
        self._render()

    def _render(self) -> None:
        """Build the list anew: the saved searches, then the actors and articles with most
        pledges (at most SHOWN of each; typing in the box finds the others)."""
        for kind, group in ((SAVED, self.saved), (ACTOR, self.actors), (ARTICLE, self.articles)):
            if group.treeWidget() is not None:
                self._expanded[kind] = group.isExpanded()
        self.tree.clear()
        words = self.finder.text().casefold().split()
        self.saved = _group("Saved searches", len(self._saved_names))
        self.saved.addChildren([_entry(SAVED, name, name, None) for name in self._saved_names])
        self.actors = self._listed("Actors", ACTOR, words)
        self.articles = self._listed("Articles", ARTICLE, words)
        self.tree.addTopLevelItems([self.saved, self.actors, self.articles])
        for kind, group in ((SAVED, self.saved), (ACTOR, self.actors), (ARTICLE, self.articles)):
            group.setExpanded(self._expanded[kind] or bool(words and kind != SAVED))

    def _listed(self, title: str, kind: str, words: list[str]) -> QTreeWidgetItem:
        entries = self._entries[kind]
        if words:
            entries = [e for e in entries if all(w in e[0].casefold() for w in words)]
        group = _group(title, len(self._entries[kind]))
        group.addChildren([_entry(kind, *entry) for entry in entries[:SHOWN]])
        if len(entries) > SHOWN:
            more = QTreeWidgetItem([f"{len(entries) - SHOWN:,} more: type a name above", ""])
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            group.addChild(more)
        return group

    def _on_remove_triggered(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, _KIND_ROLE) == SAVED:
            self.saved_deleted.emit(str(item.data(0, _VALUE_ROLE)))

    def item_for(self, kind: str, value: object) -> QTreeWidgetItem | None:
        """The entry for an actor, an article id or a saved search's name, if listed."""
        group = {ACTOR: self.actors, ARTICLE: self.articles, SAVED: self.saved}[kind]
        return next((c for c in _children(group) if c.data(0, _VALUE_ROLE) == value), None)

    def _on_tree_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, value = item.data(0, _KIND_ROLE), item.data(0, _VALUE_ROLE)
        if kind == ACTOR:
            self.actor_chosen.emit(str(value))
        elif kind == ARTICLE:
            self.article_chosen.emit(int(value))
        elif kind == SAVED:
            self.saved_chosen.emit(str(value))

    def _on_find_text_changed(self, _text: str) -> None:
        self._render()


def _most_first(entries: list[tuple[str, object, int]]) -> list[tuple[str, object, int]]:
    """Most pledges first, then by name."""
    return sorted(entries, key=lambda entry: (-entry[2], entry[0].casefold()))


def _group(title: str, count: int) -> QTreeWidgetItem:
    """A heading (not a choice) with the number of its entries."""
    group = QTreeWidgetItem([title, f"{count:,}" if count else ""])
    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
    group.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
    return group


def _entry(kind: str, name: str, value: object, count: int | None) -> QTreeWidgetItem:
    """One choice: an actor, an article or a saved search."""
    item = QTreeWidgetItem([name, "" if count is None else f"{count:,}"])
    item.setData(0, _KIND_ROLE, kind)
    item.setData(0, _VALUE_ROLE, value)
    item.setToolTip(
        0, f"Apply the saved search “{name}” (Delete removes it)" if kind == SAVED else name
    )
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
    return item


def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """A group's entries."""
    found = (group.child(index) for index in range(group.childCount()))
    return [child for child in found if child is not None]
