"""The actor editor: kind, name, aliases, description, notes, relations, and where it is seen.

It only reads and returns plain values (:class:`ActorState`); the actors controller turns the
result into an undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import values
from db.actors import ActorDetail, ActorState, RelationData
from db.rows import ActorRow
from db.vocabulary import ActorKind
from desktop.models.display import kind_name, period
from desktop.views.dialogs.common import allow_ok_if_valid, ok_cancel, read_date

#: predicates offered (any other can be typed)
PREDICATES = (
    "member of",
    "leader of",
    "commander of",
    "founder of",
    "pledged allegiance to",
    "part of",
    "split from",
    "allied with",
    "fought against",
    "located in",
    "spokesperson of",
    "same as",
)
OUTGOING, INCOMING = "→", "←"
KIND_LABELS = {
    "person": "Person",
    "organisation": "Organisation",
    "armed_group": "Armed group",
    "state_body": "State body",
    "place": "Place",
    "media_outlet": "Media outlet",
    "other": "Other",
}
ALIAS_LANGUAGE = Qt.ItemDataRole.UserRole + 1
RELATION_DATA = Qt.ItemDataRole.UserRole + 2
SEEN_SOURCE = Qt.ItemDataRole.UserRole + 3
SEEN_STATISTIC = Qt.ItemDataRole.UserRole + 4


class ActorEditorDialog(QDialog):
    """Edit one actor: its fields, its other names, and its relations with other actors."""

    #: the researcher asked to read a source (double-click in "Seen in")
    source_requested = Signal(int)
    #: ... or a statistic's sentence
    statistic_requested = Signal(int)

    def __init__(self, actor_id: int, state: ActorState, actors: Sequence[ActorRow],
                 parent: QWidget | None = None, detail: ActorDetail | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorEditor")
        self.setWindowTitle(f"Actor: {state.name}")
        self.resize(640, 660)
        self.actor_id = actor_id
        self.before = state
        self.detail = detail
        self.evidence = {r.uuid: r.evidence_quote for r in detail.relations} if detail else {}
        self.others = sorted((a for a in actors if a.id != actor_id), key=lambda a: a.name.casefold())

        self.name = QLineEdit(state.name)
        self.name.setObjectName("actorName")
        self.kind = QComboBox()
        self.kind.setObjectName("actorKind")
        for kind in ActorKind:
            self.kind.addItem(KIND_LABELS.get(kind.value, kind_name(kind.value)), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(state.kind), 0))
        self.description = QPlainTextEdit(state.description or "")
        self.description.setObjectName("actorDescription")
        self.description.setMaximumHeight(64)
        self.notes = QPlainTextEdit(state.notes or "")
        self.notes.setObjectName("actorNotes")
        self.notes.setMaximumHeight(64)

        self.aliases = QListWidget()
        self.aliases.setObjectName("actorAliases")
        self.aliases.setMaximumHeight(84)
        for alias, language in state.aliases:
            self._add_alias_item(alias, language)
        self.alias_edit = QLineEdit()
        self.alias_edit.setObjectName("aliasEdit")
        self.alias_edit.setPlaceholderText("Another name: a transliteration, a nom de guerre…")
        self.add_alias_button = QPushButton("Add")
        self.add_alias_button.setObjectName("addAlias")
        self.remove_alias_button = QPushButton("Remove")
        self.remove_alias_button.setObjectName("removeAlias")
        alias_row = QHBoxLayout()
        alias_row.addWidget(self.alias_edit, 1)
        alias_row.addWidget(self.add_alias_button)
        alias_row.addWidget(self.remove_alias_button)
        alias_box = QGroupBox("Other names")
        alias_layout = QVBoxLayout(alias_box)
        alias_layout.addWidget(self.aliases)
        alias_layout.addLayout(alias_row)

        self.relations = QTableWidget(0, 6)
        self.relations.setObjectName("actorRelations")
        self.relations.setHorizontalHeaderLabels(["", "Relation", "Other actor", "From", "To", "Evidence"])
        self.relations.verticalHeader().setVisible(False)
        self.relations.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.relations.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((52, 170, 150, 72, 72)):
            self.relations.setColumnWidth(column, width)
        for relation in state.relations:
            self._add_relation_row(relation)
        self.add_relation_button = QPushButton("Add relation")
        self.add_relation_button.setObjectName("addRelation")
        self.remove_relation_button = QPushButton("Remove relation")
        self.remove_relation_button.setObjectName("removeRelation")
        relation_buttons = QHBoxLayout()
        relation_buttons.addWidget(self.add_relation_button)
        relation_buttons.addWidget(self.remove_relation_button)
        relation_buttons.addStretch(1)
        relation_box = QGroupBox("Relations (→ this actor is the subject; ← it is the object)")
        relation_layout = QVBoxLayout(relation_box)
        relation_layout.addWidget(self.relations)
        relation_layout.addLayout(relation_buttons)

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = ok_cancel(self, "Save")
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("Description", self.description)
        form.addRow("Notes", self.notes)
        record = QWidget()
        record_layout = QVBoxLayout(record)
        record_layout.addLayout(form)
        record_layout.addWidget(alias_box)
        record_layout.addWidget(relation_box, 1)
        self.seen_in = QListWidget()
        self.seen_in.setObjectName("actorSeenIn")
        self._fill_seen_in(detail)
        self.tabs = QTabWidget()
        self.tabs.addTab(record, "Record")
        self.tabs.addTab(self.seen_in, f"Seen in ({self.seen_in.count()})")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.seen_in.itemActivated.connect(self._seen_in_activated)
        self.seen_in.itemDoubleClicked.connect(self._seen_in_activated)

        self.add_alias_button.clicked.connect(self.add_alias)
        self.alias_edit.returnPressed.connect(self.add_alias)
        self.remove_alias_button.clicked.connect(self.remove_alias)
        self.add_relation_button.clicked.connect(lambda: self._add_relation_row(None))
        self.remove_relation_button.clicked.connect(self.remove_relation)
        self.name.textChanged.connect(lambda _t: self.validate())
        self.relations.cellChanged.connect(lambda _r, _c: self.validate())
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.validate()

    # --- where the actor appears ---------------------------------------------------------

    def _fill_seen_in(self, detail: ActorDetail | None) -> None:
        if detail is None:
            return
        for mentioning in detail.sources:
            row = mentioning.source
            when = f" ({row.published})" if row.published else ""
            item = QListWidgetItem(
                f"Mentioned {mentioning.mentions}× in “{row.title or 'untitled'}”{when}"
            )
            item.setData(SEEN_SOURCE, row.id)
            self.seen_in.addItem(item)
        for row in detail.outlet_of:
            item = QListWidgetItem(f"Published “{row.title or 'untitled'}”")
            item.setData(SEEN_SOURCE, row.id)
            self.seen_in.addItem(item)
        for role, rows in (("place of", detail.statistics_as_place), ("claimant of", detail.statistics_as_claimant)):
            for stat in rows:
                item = QListWidgetItem(
                    f"As {role}: {values.format(stat)} {stat.measure}"
                    + (f" ({stat.subject})" if stat.subject else "")
                    + (f" — {period(stat.period_start, stat.period_end)}" if stat.period_start else "")
                    + (f" — {stat.dataset}" if stat.dataset else "")
                )
                item.setData(SEEN_STATISTIC, stat.id)
                item.setToolTip(stat.quote or stat.source_title or "")
                self.seen_in.addItem(item)

    def _seen_in_activated(self, item: QListWidgetItem) -> None:
        statistic_id = item.data(SEEN_STATISTIC)
        source_id = item.data(SEEN_SOURCE)
        if statistic_id is not None:
            self.statistic_requested.emit(int(statistic_id))
        elif source_id is not None:
            self.source_requested.emit(int(source_id))

    # --- aliases --------------------------------------------------------------------------

    def _add_alias_item(self, alias: str, language: str | None) -> None:
        item = QListWidgetItem(alias + (f"  [{language}]" if language else ""))
        item.setData(Qt.ItemDataRole.UserRole, alias)
        item.setData(ALIAS_LANGUAGE, language)
        self.aliases.addItem(item)

    def alias_names(self) -> list[str]:
        return [self.aliases.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.aliases.count())]

    def add_alias(self) -> None:
        name = " ".join(self.alias_edit.text().split())
        if name and name.casefold() not in {a.casefold() for a in [*self.alias_names(), self.name.text()]}:
            self._add_alias_item(name, None)
        self.alias_edit.clear()

    def remove_alias(self) -> None:
        for item in self.aliases.selectedItems():
            self.aliases.takeItem(self.aliases.row(item))

    # --- relations ------------------------------------------------------------------------

    def _add_relation_row(self, relation: RelationData | None) -> None:
        row = self.relations.rowCount()
        self.relations.insertRow(row)
        direction = QComboBox()
        direction.addItems([OUTGOING, INCOMING])
        predicate = QComboBox()
        predicate.setEditable(True)
        predicate.addItems(PREDICATES)
        other = QComboBox()
        for actor in self.others:
            other.addItem(actor.name, actor.id)
        start = QTableWidgetItem("")
        end = QTableWidgetItem("")
        evidence = QTableWidgetItem("")
        evidence.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if relation is None:
            relation = RelationData(self.actor_id, "member of", self.others[0].id if self.others else -1)
            predicate.setCurrentText("member of")
        else:
            outgoing = relation.subject_id == self.actor_id
            direction.setCurrentIndex(0 if outgoing else 1)
            predicate.setCurrentText(relation.predicate)
            other_id = relation.object_id if outgoing else relation.subject_id
            other.setCurrentIndex(max(other.findData(other_id), 0))
            start.setText(relation.start.iso() if relation.start else "")
            end.setText(relation.end.iso() if relation.end else "")
            if relation.evidence_annotation_id is not None:
                quote = " ".join((self.evidence.get(relation.uuid) or "a span of a source").split())
                evidence.setText(f"“{quote}”")
                evidence.setToolTip(quote)
        evidence.setData(RELATION_DATA, relation)
        self.relations.blockSignals(True)  # validate once the row is complete
        self.relations.setCellWidget(row, 0, direction)
        self.relations.setCellWidget(row, 1, predicate)
        self.relations.setCellWidget(row, 2, other)
        self.relations.setItem(row, 3, start)
        self.relations.setItem(row, 4, end)
        self.relations.setItem(row, 5, evidence)
        self.relations.blockSignals(False)
        for combo in (direction, predicate, other):
            combo.currentIndexChanged.connect(lambda _i: self.validate())
        predicate.editTextChanged.connect(lambda _t: self.validate())
        if hasattr(self, "error"):
            self.validate()

    def remove_relation(self) -> None:
        rows = sorted({index.row() for index in self.relations.selectedIndexes()}, reverse=True)
        if not rows and self.relations.currentRow() >= 0:
            rows = [self.relations.currentRow()]
        for row in rows:
            self.relations.removeRow(row)
        self.validate()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.relations.item(row, column)
        assert item is not None, (row, column)
        return item

    def _relation(self, row: int) -> RelationData:
        direction = self.relations.cellWidget(row, 0)
        predicate = self.relations.cellWidget(row, 1)
        other = self.relations.cellWidget(row, 2)
        assert isinstance(direction, QComboBox)
        assert isinstance(predicate, QComboBox)
        assert isinstance(other, QComboBox)
        base: RelationData = self._cell(row, 5).data(RELATION_DATA)
        other_id = other.currentData()
        if other_id is None:
            raise ValueError(f"Relation {row + 1}: choose the other actor.")
        text = " ".join(predicate.currentText().split())
        if not text:
            raise ValueError(f"Relation {row + 1}: say what the relation is (member of, leader of …).")
        start = read_date(self._cell(row, 3).text())
        end = read_date(self._cell(row, 4).text())
        if start is not None and end is not None and end.last_day() < start.first_day():
            raise ValueError(f"Relation {row + 1}: it ends before it starts.")
        outgoing = direction.currentText() == OUTGOING
        subject, obj = (self.actor_id, int(other_id)) if outgoing else (int(other_id), self.actor_id)
        # the UUID made when the row was added stays: redo re-creates the same relation
        return replace(base, subject_id=subject, object_id=obj, predicate=text, start=start, end=end)

    # --- result ---------------------------------------------------------------------------

    def state(self) -> ActorState:
        """The actor as the form says (ValueError with a message when something is wrong)."""
        name = " ".join(self.name.text().split())
        if not name:
            raise ValueError("The actor needs a name.")
        aliases = tuple(
            (self.aliases.item(i).data(Qt.ItemDataRole.UserRole), self.aliases.item(i).data(ALIAS_LANGUAGE))
            for i in range(self.aliases.count())
        )
        relations = tuple(self._relation(r) for r in range(self.relations.rowCount()))
        return ActorState(
            name=name,
            kind=str(self.kind.currentData()),
            description=self.description.toPlainText().strip() or None,
            notes=self.notes.toPlainText().strip() or None,
            aliases=aliases,
            relations=relations,
        )

    def validate(self) -> bool:
        return allow_ok_if_valid(self.state, self.error, self.buttons)

    def _accept(self) -> None:
        if self.validate():
            self.accept()
