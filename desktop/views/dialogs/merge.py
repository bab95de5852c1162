"""The preview of a merge: what each kind gains, the conflicts side by side to pick from, and the
actors that may be the same person or group, to confirm or turn down. Passive: it shows a
:class:`~db.merge.MergeResult` and gives back the researcher's :class:`~db.merge.Decisions`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.merge import Decisions, MergeResult

#: the kinds as a researcher calls them
KIND_NAMES = {
    "sources": "Sources", "actors": "Actors", "aliases": "Other names", "relations": "Relations",
    "codes": "Codes", "annotations": "Annotations", "mentions": "Mentions", "statistics": "Statistics",
    "memos": "Memos",
}
KEEP = (("ours", "Keep ours"), ("theirs", "Take theirs"))
SAME = (("later", "Decide later"), ("same", "Same: merge them"), ("different", "Not the same"))
#: the widest a value is shown in a cell (the tooltip has it whole)
SHOWN = 120


def _cell(value: object) -> QTableWidgetItem:
    text = "" if value is None else str(value)
    short = " ".join(text.split())
    item = QTableWidgetItem(short if len(short) <= SHOWN else short[: SHOWN - 1] + "…")
    item.setToolTip(text[:2000])
    return item


def _table(name: str, headers: list[str], rows: int) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setStretchLastSection(False)
    return table


def _choices(name: str, headers: list[str], rows: list[list[object]], options: tuple[tuple[str, str], ...],
             current: list[int], stretch: tuple[int, ...]) -> tuple[QTableWidget, list[QComboBox]]:
    """A table of ``rows`` with a choice among ``options`` in its last column."""
    table = _table(name, headers, len(rows))
    boxes = []
    for row, (cells, chosen) in enumerate(zip(rows, current, strict=True)):
        for column, value in enumerate(cells):
            table.setItem(row, column, _cell(value))
        box = QComboBox()
        for value, label in options:
            box.addItem(label, value)
        box.setCurrentIndex(chosen)
        table.setCellWidget(row, len(headers) - 1, box)
        boxes.append(box)
    for column in stretch:
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table, boxes


def _section(layout: QVBoxLayout, table: QTableWidget, heading: str) -> None:
    """A heading and its table, or neither when the table is empty."""
    if table.rowCount():
        layout.addWidget(QLabel(heading))
        layout.addWidget(table)
    else:
        table.hide()


class MergePreviewDialog(QDialog):
    """Counts per kind, conflicts with a choice each, suggested actors with a decision each."""

    def __init__(self, result: MergeResult, archive_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergePreview")
        self.setWindowTitle("Merge Archive")
        self.merge_result = result
        layout = QVBoxLayout(self)
        other = result.other.rsplit("/", 1)[-1] if "://" not in result.other else result.other
        heading = QLabel(f"Merging <b>{other}</b> into <b>{archive_name}</b>")
        heading.setToolTip(result.other)
        heading.setWordWrap(True)
        layout.addWidget(heading)

        kinds = [k for k in KIND_NAMES if result.added.get(k) or result.updated.get(k) or result.deleted.get(k)]
        self.counts = _table("mergeCounts", ["", "New", "Changed", "Deleted"], len(kinds))
        for row, kind in enumerate(kinds):
            self.counts.setItem(row, 0, QTableWidgetItem(KIND_NAMES[kind]))
            for column, counts in enumerate((result.added, result.updated, result.deleted), start=1):
                item = QTableWidgetItem(f"{counts.get(kind, 0):,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.counts.setItem(row, column, item)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rows_height = self.counts.verticalHeader().defaultSectionSize() * max(1, len(kinds))
        self.counts.setFixedHeight(self.counts.horizontalHeader().sizeHint().height() + rows_height
                                   + 2 * self.counts.frameWidth())
        summary = (f"{result.unchanged:,} rows are the same in both." if kinds
                   else f"Nothing to bring in: the {result.unchanged:,} rows are the same in both.")
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(summary))

        self.conflicts, self._keep = _choices(
            "mergeConflicts", ["Kind", "Field", "Ours", "Theirs", "Keep"],
            [[KIND_NAMES.get(c.kind, c.kind), "deleted or edited" if c.field == "(deleted)" else c.field,
              c.ours, c.theirs] for c in result.conflicts],
            KEEP, [0 if c.kept == "ours" else 1 for c in result.conflicts], stretch=(2, 3))
        many = len(result.conflicts)
        _section(layout, self.conflicts, f"<b>{many} conflict{'s' if many > 1 else ''}</b>: changed on both "
                 "sides. The later edit is chosen; the value not kept is saved in the merge history.")
        self.actors, self._same = _choices(
            "mergeActors", ["Ours", "Theirs", "Known to both as", "Decision"],
            [[s.ours_name, s.theirs_name, s.shared] for s in result.suggestions],
            SAME, [0] * len(result.suggestions), stretch=(0, 1, 2))
        many = len(result.suggestions)
        _section(layout, self.actors, f"<b>{many} actor{'s' if many > 1 else ''} may be the same</b> "
                 "(never merged without you):")

        note = QLabel("A backup is written first; Edit ▸ Undo takes the whole merge back.")
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(bool(kinds or result.conflicts or result.suggestions))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 560 if result.conflicts or result.suggestions else 300)

    def keep(self, row: int, side: str) -> None:
        """Pick ``side`` ("ours" or "theirs") for the conflict in ``row``."""
        self._keep[row].setCurrentIndex(0 if side == "ours" else 1)

    def decide(self, row: int, decision: str) -> None:
        """"same", "different" or "later" for the suggested pair in ``row``."""
        self._same[row].setCurrentIndex([v for v, _ in SAME].index(decision))

    def decisions(self) -> Decisions:
        choices = {(c.kind, c.uuid, c.field): str(box.currentData())
                   for c, box in zip(self.merge_result.conflicts, self._keep, strict=True)}
        pairs = [(s.ours_uuid, s.theirs_uuid, str(box.currentData()))
                 for s, box in zip(self.merge_result.suggestions, self._same, strict=True)]
        return Decisions(choices, tuple((a, b) for a, b, d in pairs if d == "same"),
                         tuple((a, b) for a, b, d in pairs if d == "different"))
