"""Conflicting claims side by side: each conflict with its claims, claimants, sources and quotes.

Activating a claim emits ``statistic_activated(id)``; the window opens its source at the span.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
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
#: rows (conflicts and their claims) added in one turn of the event loop, about: a thousand held
#: the window 125-330 ms at a million sources (60 conflicts a turn, ~17 claims each); a conflict
#: with more claims than this is added in a turn of its own
FILL_ROWS = 250

#: ``read_claims(ids, done)``: read the claims of ``ids``, then call ``done(rows)`` (on the GUI thread)
ReadClaims = Callable[[Sequence[int], Callable[[list["StatisticRow"]], None]], None]


def _source(claim: StatisticRow) -> str:
    if claim.source_id is None:
        return f"Reference data: {claim.dataset}" if claim.dataset else "Reference data"
    return claim.source_title or f"Source {claim.source_id}"


class ConflictsPane(QWidget):
    """A tree: one conflict per top row (what and where), its claims below, side by side."""

    statistic_activated = Signal(int)

    def __init__(self, read_claims: ReadClaims, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        #: reads the claims of some ids (those of the conflicts about to be shown), then calls back
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
        #: conflicts asked for so far (listed, or their claims being read)
        self._wanted = 0
        #: set by every new list: claims read for an older one are dropped
        self._generation = 0
        self.more.hide()
        self.heading.setText("Looking for conflicting claims…")  # until the first conflicts come

    @property
    def listing(self) -> bool:
        """Some conflicts asked for are not in the tree yet."""
        return self.tree.topLevelItemCount() < self._wanted

    def set_conflicts(self, conflicts: Sequence[ConflictGroup]) -> None:
        self.conflicts = list(conflicts)
        self._generation += 1
        self._wanted = 0
        # folds kept: those of the tree now, and those of conflicts not listed yet (still coming)
        tops = [top for i in range(self.tree.topLevelItemCount()) if (top := self.tree.topLevelItem(i))]
        listed = {top.text(0): top.isExpanded() for top in tops}
        self._collapsed = {name for name in self._collapsed if name not in listed} | {
            name for name, expanded in listed.items() if not expanded}
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
        """Ask for the claims of the next conflicts (a page at a time: an archive can hold
        thousands, with hundreds of claims each); they are listed when they arrive."""
        page = self.conflicts[self._wanted : self._wanted + PAGE]
        self._wanted += len(page)
        self.more.hide()
        self._describe()
        generation = self._generation
        self.read_claims([i for c in page for i in c.statistic_ids],
                         lambda rows: self._fill(generation, page, {r.id: r for r in rows}))

    def _fill(self, generation: int, page: list[ConflictGroup], claims: dict[int, StatisticRow]) -> None:
        """Add the first conflicts of ``page`` to the tree, about :data:`FILL_ROWS` rows of them,
        the rest after the event loop has turned (300 conflicts with 4,750 claims held the window
        0.2 s at once)."""
        if generation != self._generation:  # another list since: that one is shown instead
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        count, rows = 0, 0
        while count < len(page) and (count == 0 or rows + 1 + page[count].size <= FILL_ROWS):
            rows += 1 + page[count].size
            count += 1
        tops = [self._conflict_item(conflict, claims, bold) for conflict in page[:count]]
        # all at once, with updates off: one by one, a tree lays itself out again for each
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.addTopLevelItems(tops)
            for top in tops:
                top.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
                top.setExpanded(top.text(0) not in self._collapsed)  # folded by the researcher: kept so
        finally:
            self.tree.setUpdatesEnabled(True)
        if len(page) > count:
            QTimer.singleShot(0, lambda: self._fill(generation, page[count:], claims))
        self._describe()

    def _describe(self) -> None:
        conflicts, shown = self.conflicts, self.tree.topLevelItemCount()
        claims_in_all = sum(c.size for c in conflicts)
        more = len(conflicts) - shown
        if self.listing:
            state = f" (listing them: {shown:,} of {self._wanted:,} so far)"
        elif more:
            state = f" (the first {shown:,} listed)"
        else:
            state = ""
        self.heading.setText(
            f"{len(conflicts):,} conflict{'s' if len(conflicts) != 1 else ''} among {claims_in_all:,} claims"
            + state + ". Double-click a claim to read it in its source."
        )
        self.more.setText(f"Show {min(more, PAGE):,} More")
        self.more.setVisible(more > 0 and not self.listing)

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
