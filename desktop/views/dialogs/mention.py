"""Mark a selection as a mention: pick the actor it names, or create one from the selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.lookup import ActorMatch
from db.vocabulary import ActorKind
from desktop.models.display import kind_name
from desktop.views.dialogs.common import ok_cancel, quote_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: a match this good is picked for the researcher (they can still choose another)
SURE_MATCH = 90.0


@dataclass(frozen=True)
class MentionChoice:
    """What the researcher decided: an existing actor, or a new one."""

    actor_id: int | None  # None: create a new actor
    name: str
    kind: str
    #: the spelling in the text; added as an alias when the actor is known by other names
    spelling: str


class MentionDialog(QDialog):
    """Fuzzy search over actor names and aliases, or a new actor prefilled from the selection."""

    def __init__(self, spelling: str, search: Callable[[str], Sequence[ActorMatch]],
                 *, kind_hint: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mentionDialog")
        self.setWindowTitle("Mark as mention")
        self.resize(460, 480)
        self.spelling = " ".join(spelling.split())
        self._search = search

        self.existing = QRadioButton("An actor in the archive")
        self.existing.setObjectName("existingActorRadio")
        self.new = QRadioButton("A new actor")
        self.new.setObjectName("newActorRadio")
        group = QButtonGroup(self)
        group.addButton(self.existing)
        group.addButton(self.new)

        self.search_edit = QLineEdit(self.spelling)
        self.search_edit.setObjectName("actorSearch")
        self.search_edit.setPlaceholderText("Name or alias, in any spelling")
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("actorList")

        self.name_edit = QLineEdit(self.spelling)
        self.name_edit.setObjectName("newActorName")
        self.kind = QComboBox()
        self.kind.setObjectName("actorKind")
        for kind in ActorKind:
            self.kind.addItem(kind_name(kind.value), kind.value)
        if kind_hint is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind_hint)))
        self.alias_hint = QLabel()
        self.alias_hint.setObjectName("aliasHint")
        self.alias_hint.setWordWrap(True)
        self.alias_hint.setStyleSheet("color: #666;")
        self.buttons = ok_cancel(self, "Mark")

        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Kind", self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label(spelling))
        layout.addWidget(self.existing)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.new)
        layout.addLayout(form)
        layout.addWidget(self.alias_hint)
        layout.addWidget(self.buttons)

        # searching on every key press of a long list would stutter: wait for a pause
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.textEdited.connect(lambda _t: self.existing.setChecked(True))
        self.results.currentItemChanged.connect(lambda *_: self._update())
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        self.name_edit.textEdited.connect(lambda _t: self.new.setChecked(True))
        self.kind.activated.connect(lambda _i: self.new.setChecked(True))
        self.existing.toggled.connect(lambda _on: self._update())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.run_search()
        best = self.results.item(0)
        sure = best is not None and float(best.data(ID_ROLE + 1)) >= SURE_MATCH
        (self.existing if sure else self.new).setChecked(True)
        self._update()
        self.search_edit.setFocus()

    def run_search(self) -> None:
        """Fill the list with the actors matching the search box, best first."""
        self._timer.stop()
        self.results.clear()
        for match in self._search(self.search_edit.text()):
            label = f"{match.name} — {kind_name(match.kind)}"
            if match.matched != match.name:
                label += f"  (as “{match.matched}”)"
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, match.actor_id)
            item.setData(ID_ROLE + 1, match.score)
            item.setData(ID_ROLE + 2, match.name)
            item.setData(ID_ROLE + 3, match.kind)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._update()

    def select_actor(self, actor_id: int) -> bool:
        """Pick an actor in the list (for tests and keyboard users); False when not listed."""
        for row in range(self.results.count()):
            if self.results.item(row).data(ID_ROLE) == actor_id:
                self.results.setCurrentRow(row)
                self.existing.setChecked(True)
                return True
        return False

    def _update(self) -> None:
        item = self.results.currentItem()
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        if self.existing.isChecked():
            ok.setEnabled(item is not None)
            if item is not None and item.data(ID_ROLE + 2).casefold() != self.spelling.casefold():
                self.alias_hint.setText(
                    f"“{self.spelling}” will be added as another name of {item.data(ID_ROLE + 2)}"
                    " unless it is one already."
                )
            else:
                self.alias_hint.setText("")
        else:
            ok.setEnabled(bool(self.name_edit.text().strip()))
            name = " ".join(self.name_edit.text().split())
            self.alias_hint.setText(
                f"“{self.spelling}” will be kept as another name of {name}."
                if name and name.casefold() != self.spelling.casefold() else ""
            )

    def choice(self) -> MentionChoice | None:
        if self.existing.isChecked():
            item = self.results.currentItem()
            if item is None:
                return None
            return MentionChoice(int(item.data(ID_ROLE)), str(item.data(ID_ROLE + 2)),
                                 str(item.data(ID_ROLE + 3)), self.spelling)
        name = " ".join(self.name_edit.text().split())
        if not name:
            return None
        return MentionChoice(None, name, str(self.kind.currentData()), self.spelling)
