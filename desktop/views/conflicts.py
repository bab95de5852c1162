"""Conflicting claims side by side: each conflict with its claims, claimants, sources and quotes.

Activating a claim emits ``statistic_activated(id)``; the window opens its source at the span.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QPushButton, QTreeWidgetItem, QWidget

from db import values
from desktop.models.display import period
from desktop.views.common import heading_and_tree, pane_layout, tree_leaves

if TYPE_CHECKING:
    from db.conflict_groups import ConflictGroup
    from db.rows import StatisticRow

COLUMNS = ("Claim", "Period", "Place", "Claimant", "Source", "Quote")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: conflicts added to the tree at a time ("Show More" adds the next ones)
PAGE = 300


def _source(claim: StatisticRow) -> str:
    if claim.source_id is None:
        return f"Reference data: {claim.dataset}" if claim.dataset else "Reference data"
    return claim.source_title or f"Source {claim.source_id}"


class ConflictsPane(QWidget):
    """A tree: one conflict per top row (what and where), its claims below, side by side."""

    statistic_activated = Signal(int)

    def __init__(self, read_claims: Callable[[Sequence[int]], list[StatisticRow]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        #: reads the claims of some ids (those of the conflicts shown, when they are shown)
        self.read_claims = read_claims
        self.heading, self.tree = heading_and_tree("conflicts", COLUMNS, (150, 110, 110, 140, 180))
        self.tree.setUniformRowHeights(True)  # one line a row (quotes are flattened): fast to lay out
        layout = pane_layout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.more = QPushButton()
        self.more.setObjectName("conflictsMore")
        self.more.clicked.connect(self._show_more)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._collapsed: set[str] = set()
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.conflicts: list[ConflictGroup] = []
        self.set_conflicts([])

    def set_conflicts(self, conflicts: Sequence[ConflictGroup]) -> None:
        self.conflicts = list(conflicts)
        tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        self._collapsed = {top.text(0) for top in tops if top is not None and not top.isExpanded()}
        # folded first: a tree clears thousands of unfolded rows one by one (seconds)
        self.tree.setUpdatesEnabled(False)
        self.tree.collapseAll()
        self.tree.clear()
        self.tree.setUpdatesEnabled(True)
        self.more.hide()
        if not conflicts:
            self.heading.setText(
                "No conflicting claims: no two statistics about the same measure, subject, place "
                "and period disagree beyond their bounds (approximate values allow ±10%)."
            )
            return
        self._show_more()

    def _show_more(self) -> None:
        """Add the next conflicts to the tree (a page at a time: an archive can hold thousands)."""
        conflicts = self.conflicts
        shown = self.tree.topLevelItemCount()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        page = conflicts[shown : shown + PAGE]
        claims = {r.id: r for r in self.read_claims([i for c in page for i in c.statistic_ids])}
        tops = [self._conflict_item(conflict, claims, bold) for conflict in page]
        # all at once, with updates off: one by one, a tree lays itself out again for each
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.addTopLevelItems(tops)
            for top in tops:
                top.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
                top.setExpanded(top.text(0) not in self._collapsed)  # folded by the researcher: kept so
        finally:
            self.tree.setUpdatesEnabled(True)
        shown += len(tops)
        claims_in_all = sum(c.size for c in conflicts)
        more = len(conflicts) - shown
        self.heading.setText(
            f"{len(conflicts):,} conflict{'s' if len(conflicts) != 1 else ''} among {claims_in_all:,} claims"
            + (f" (the first {shown:,} listed)" if more else "")
            + ". Double-click a claim to read it in its source."
        )
        self.more.setText(f"Show {min(more, PAGE):,} More")
        self.more.setVisible(more > 0)

    @staticmethod
    def _conflict_item(conflict: ConflictGroup, claims: dict[int, StatisticRow], bold: QFont) -> QTreeWidgetItem:
        what = " ".join(p for p in (conflict.subject, conflict.measure) if p) or "statistic"
        where = ", ".join(conflict.places)
        top = QTreeWidgetItem([what + (f" — {where}" if where else "")])
        top.setFont(0, bold)
        top.setToolTip(0, conflict.describe())
        for claim in (claims[i] for i in conflict.statistic_ids if i in claims):
            item = QTreeWidgetItem(
                [
                    values.format(claim),
                    period(claim.period_start, claim.period_end),
                    claim.place or "",
                    claim.claimant or "(the author)",
                    _source(claim),
                    " ".join((claim.quote or "").split()),
                ]
            )
            item.setData(0, ID_ROLE, claim.id)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(5, claim.quote or "")
            item.setToolTip(4, _source(claim))
            if claim.source_id is None:
                item.setForeground(4, QBrush(QColor("#55606e")))
            top.addChild(item)
        return top

    def claim_items(self) -> list[QTreeWidgetItem]:
        """Every claim row, in order (for tests and keyboard use)."""
        return tree_leaves(self.tree)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        statistic_id = item.data(0, ID_ROLE)
        if statistic_id is not None:
            self.statistic_activated.emit(int(statistic_id))
