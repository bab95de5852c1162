"""A new actor (name and kind), and two records of one actor to merge.

They only return plain values (a name and kind, a pair of ids); the actors controller turns the
result into an undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.actors import DuplicateCandidate
from db.rows import ActorRow
from db.vocabulary import ActorKind
from desktop.views.dialogs.actor_editor import KIND_LABELS
from desktop.views.dialogs.common import ok_cancel


class NewActorDialog(QDialog):
    """A name and a kind for a new actor (aliases and relations come in the editor after)."""

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newActorDialog")
        self.setWindowTitle("New actor")
        self.name = QLineEdit(name)
        self.name.setObjectName("actorName")
        self.name.setPlaceholderText("as sources usually write it")
        self.kind = QComboBox()
        self.kind.setObjectName("actorKind")
        for kind in ActorKind:
            self.kind.addItem(KIND_LABELS.get(kind.value, kind.value), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(ActorKind.PERSON.value))
        self.buttons = ok_cancel(self, "Create")
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def choice(self) -> tuple[str, str]:
        return " ".join(self.name.text().split()), str(self.kind.currentData())


class MergeActorsDialog(QDialog):
    """Pick two actors to merge: from the likely duplicates, or any two by hand."""

    def __init__(self, duplicates: Sequence[DuplicateCandidate], actors: Sequence[ActorRow],
                 parent: QWidget | None = None, *, merged_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeActorsDialog")
        self.setWindowTitle("Merge actors")
        self.resize(680, 460)
        self.duplicates = list(duplicates)
        self.actors = sorted(actors, key=lambda a: a.name.casefold())
        mentions = {a.id: a.mention_count for a in actors}
        self.table = QTableWidget(len(self.duplicates), 4)
        self.table.setObjectName("duplicatesTable")
        self.table.setHorizontalHeaderLabels(["Score", "Actor", "Probably the same as", "Because"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, duplicate in enumerate(self.duplicates):
            because = duplicate.reason
            if duplicate.first_name != duplicate.first or duplicate.second_name != duplicate.second:
                because += f": “{duplicate.first_name}” ~ “{duplicate.second_name}”"
            cells = [
                f"{duplicate.score:.0f}",
                f"{duplicate.first} ({mentions.get(duplicate.first_id, 0)} mentions)",
                f"{duplicate.second} ({mentions.get(duplicate.second_id, 0)} mentions)",
                because,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        heading = QLabel(
            f"{len(self.duplicates)} pair{'s' if len(self.duplicates) != 1 else ''} of actors look like "
            "the same one (names and aliases compared, ignoring case, accents and transliteration)."
            if self.duplicates else "No likely duplicates found. You can still merge any two actors."
        )
        heading.setWordWrap(True)
        self.merged = QComboBox()
        self.merged.setObjectName("mergedActor")
        self.survivor = QComboBox()
        self.survivor.setObjectName("survivorActor")
        for combo in (self.merged, self.survivor):
            for actor in self.actors:
                combo.addItem(f"{actor.name} — {KIND_LABELS.get(actor.kind, actor.kind).lower()}", actor.id)
        if merged_id is not None:
            self.merged.setCurrentIndex(max(self.merged.findData(merged_id), 0))
        self.swap_button = QPushButton("⇅ Swap")
        self.swap_button.setObjectName("swapActors")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow("Merge", self.merged)
        form.addRow("into", self.survivor)
        self.buttons = ok_cancel(self, "Merge")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.explain)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._duplicate_chosen)
        self.swap_button.clicked.connect(self.swap)
        self.merged.currentIndexChanged.connect(lambda _i: self._update())
        self.survivor.currentIndexChanged.connect(lambda _i: self._update())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.duplicates and merged_id is None:
            self.table.selectRow(0)
        self._update()

    def _duplicate_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        duplicate = self.duplicates[rows[0].row()]
        counts = {a.id: a.mention_count for a in self.actors}
        # keep the better-documented record; merge the other into it
        keep, fold = duplicate.first_id, duplicate.second_id
        if counts.get(fold, 0) > counts.get(keep, 0):
            keep, fold = fold, keep
        self.survivor.setCurrentIndex(max(self.survivor.findData(keep), 0))
        self.merged.setCurrentIndex(max(self.merged.findData(fold), 0))

    def swap(self) -> None:
        merged, survivor = self.merged.currentIndex(), self.survivor.currentIndex()
        self.merged.setCurrentIndex(survivor)
        self.survivor.setCurrentIndex(merged)

    def choice(self) -> tuple[int, int] | None:
        """(survivor id, merged id), or None when the same actor is chosen twice."""
        survivor, merged = self.survivor.currentData(), self.merged.currentData()
        if survivor is None or merged is None or survivor == merged:
            return None
        return int(survivor), int(merged)

    def _update(self) -> None:
        choice = self.choice()
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(choice is not None)
        if choice is None:
            self.explain.setText("Choose two different actors.")
            return
        self.explain.setText(
            f"“{self.merged.currentText().split(' — ')[0]}” becomes another name of "
            f"“{self.survivor.currentText().split(' — ')[0]}”; its mentions, relations and "
            "statistics move there. Edit ▸ Undo takes the merge back."
        )
