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
        self.saved = QTreeWidgetItem(["Saved searches"])
        self.actors = QTreeWidgetItem(["Actors"])
        self.articles = QTreeWidgetItem(["Articles"])
        for group in (self.saved, self.actors, self.articles):
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
            self.tree.addTopLevelItem(group)
        self.saved.setExpanded(True)
        self.actors.setExpanded(True)
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
        _fill(self.actors, ACTOR, [(name, name, n) for name, n in actors.items()])
        _fill(self.articles, ARTICLE, [(titles[i], i, n) for i, n in articles.items()])
        self._on_find_text_changed(self.finder.text())

    def set_saved(self, names: Sequence[str]) -> None:
        """The saved searches, by name."""
        self.saved.takeChildren()
        for name in sorted(names, key=str.casefold):
            item = QTreeWidgetItem([name, ""])
            item.setData(0, _KIND_ROLE, SAVED)
            item.setData(0, _VALUE_ROLE, name)
            item.setToolTip(0, f"Apply the saved search “{name}” (Delete removes it)")
            self.saved.addChild(item)
        self.saved.setText(1, str(len(names)) if names else "")

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

    def _on_find_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for group in (self.actors, self.articles):
            for child in _children(group):
                name = child.text(0).casefold()
                child.setHidden(not all(word in name for word in words))
            if words:
                group.setExpanded(True)


def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """A group's entries."""
    found = (group.child(index) for index in range(group.childCount()))
    return [child for child in found if child is not None]


def _fill(group: QTreeWidgetItem, kind: str, entries: list[tuple[str, object, int]]) -> None:
    """Replace a group's entries: most pledges first, then by name."""
    group.takeChildren()
    entries.sort(key=lambda entry: (-entry[2], entry[0].casefold()))
    items = []
    for name, value, count in entries:
        item = QTreeWidgetItem([name, str(count)])
        item.setData(0, _KIND_ROLE, kind)
        item.setData(0, _VALUE_ROLE, value)
        item.setToolTip(0, name)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        items.append(item)
    group.addChildren(items)
    group.setText(1, str(len(entries)))
