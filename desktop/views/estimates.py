"""Estimates: each group of claims reconciled by the rule chosen above, expandable to the claims
it used and those it left out (with why). Activating a claim emits ``statistic_activated(id)``.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from db import values
from desktop.views.common import heading_and_tree, pane_layout, tree_leaves

if TYPE_CHECKING:
    from db.findings.estimates import Finding
    from db.findings.saved import SavedRow
    from db.rows import StatisticRow

COLUMNS = ("Estimate", "Low", "Best", "High", "Claims", "Notes")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
#: estimates added to the tree at a time (a screenful many times over), in an event-loop turn
#: that lasts no longer than FILL_TURN_S: then the next slice a turn later
FILL_SLICE = 50
FILL_TURN_S = 0.008
#: (value, label) of the rules, as db.findings.rules names them
RULES = (
    ("ucdp", "UCDP-style low/best/high"),
    ("acled", "ACLED-style most conservative"),
    ("ibc", "IBC-style minimum/maximum"),
    ("median", "Median"),
    ("hierarchy", "Source hierarchy"),
)
MUTED = QColor("#757575")
WARNING = QColor("#8d4b00")


def _number(number: float | None) -> str:
    return values.format_number(number) if number is not None else ""


class EstimateItem(QTreeWidgetItem):
    """An estimate's row, whose rows of claims are made when it is first expanded or its
    children are asked for: made at once, 100,000 claims held some 180 MB of text in Qt."""

    def __init__(self, texts: list[str], finding: Finding, claims: Mapping[int, StatisticRow]) -> None:
        super().__init__(texts)
        self._unfilled: tuple[Finding, Mapping[int, StatisticRow]] | None = (finding, claims)
        if finding.claims or finding.excluded:
            self.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)

    def fill(self) -> None:
        """Make the rows of the estimate's claims, used then left out (once)."""
        if self._unfilled is None:
            return
        (finding, claims), self._unfilled = self._unfilled, None
        self.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)
        why = dict(finding.excluded)
        items = []
        wanted = (*finding.claims, *sorted(why))
        rows_of = getattr(claims, "rows_of", None)  # read from the archive in one go, not one by one
        found = rows_of(wanted) if rows_of is not None else claims
        for statistic_id in wanted:
            claim = found.get(statistic_id)
            if claim is None:
                continue
            status = "used" if statistic_id not in why else f"left out: {why[statistic_id]}"
            said = " ".join((claim.quote or claim.dataset or "").split())
            item = QTreeWidgetItem([
                f"{claim.claimant or '(the author)'}" + (f" — {said}" if said else ""),
                _number(claim.low), values.format(claim), _number(claim.high), status, claim.source_title or "",
            ])
            item.setData(0, ID_ROLE, claim.id)
            item.setToolTip(0, claim.quote or "")
            item.setToolTip(4, status)
            if statistic_id in why:
                for column in range(len(COLUMNS)):
                    item.setForeground(column, QBrush(MUTED))
            items.append(item)
        self.addChildren(items)

    def childCount(self) -> int:
        self.fill()
        return super().childCount()

    def child(self, index: int) -> QTreeWidgetItem | None:
        self.fill()
        return super().child(index)


class EstimatesPane(QWidget):
    """A rule, a source hierarchy (for the hierarchy rule), and the tree of estimates."""

    #: the rule or the hierarchy changed: (rule, [names, most trusted first])
    rule_changed = Signal(str, list)
    statistic_activated = Signal(int)
    #: the researcher asks to edit how vague quantities read as numbers
    vague_requested = Signal()
    #: keep this estimate (db.findings.estimates.Finding) as the finding of its group
    keep_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("estimatesView")
        self.rule = QComboBox()
        self.rule.setObjectName("estimateRule")
        for value, label in RULES:
            self.rule.addItem(label, value)
        self.prefer = QLineEdit()
        self.prefer.setObjectName("estimatePrefer")
        self.prefer.setPlaceholderText("Most trusted first: Caucasus Knot, Memorial, …")
        self.prefer.setToolTip("Claimants, outlets or datasets, most trusted first, separated by commas")
        self.prefer_label = QLabel("Hierarchy:")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Rule:"))
        bar.addWidget(self.rule)
        bar.addWidget(self.prefer_label)
        bar.addWidget(self.prefer, 1)
        self.vague = QPushButton("Vague Quantities…")
        self.vague.setObjectName("estimateVague")
        self.vague.setToolTip("How “dozens”, “hundreds”, “at least N” … read as numbers")
        self.vague.clicked.connect(self.vague_requested.emit)
        self.keep = QPushButton("Keep Estimate")
        self.keep.setObjectName("estimateKeep")
        self.keep.setToolTip("Keep the selected estimate as a finding: it is marked stale when one of its claims changes")
        self.keep.setEnabled(False)
        self.keep.clicked.connect(self._keep)
        bar.addStretch(0)
        bar.addWidget(self.keep)
        bar.addWidget(self.vague)
        self.heading, self.tree = heading_and_tree("estimates", COLUMNS, (300, 70, 70, 70, 110))
        layout = pane_layout(self)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self.prefer.editingFinished.connect(self._rule_changed)
        self.tree.itemSelectionChanged.connect(lambda: self.keep.setEnabled(self.selected_finding() is not None))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.itemExpanded.connect(lambda item: item.fill() if isinstance(item, EstimateItem) else None)
        self.findings: list[Finding] = []
        #: the claims of the estimates shown, by id (the statistics pane's rows where they are the same)
        self.claims: Mapping[int, StatisticRow] = {}
        #: which filling of the tree is going on (a newer set of estimates stops an older one)
        self._filling = 0
        self._show_prefer()
        self.heading.setText("Reading the estimates…")

    @property
    def chosen_rule(self) -> str:
        return str(self.rule.currentData())

    @property
    def preferred(self) -> list[str]:
        return [n.strip() for n in self.prefer.text().split(",") if n.strip()]

    def _show_prefer(self) -> None:
        hierarchy = self.chosen_rule == "hierarchy"
        self.prefer.setVisible(hierarchy)
        self.prefer_label.setVisible(hierarchy)

    def _rule_changed(self) -> None:
        self._show_prefer()
        self.rule_changed.emit(self.chosen_rule, self.preferred)

    def show_error(self, message: str) -> None:
        self.heading.setText(message)

    def set_estimates(self, findings: Sequence[Finding], claims: Mapping[int, StatisticRow],
                      kept: Mapping[int, SavedRow] | None = None) -> None:
        """The estimates, their claims, and the saved estimates by position (marked kept or stale)."""
        self.findings = list(findings)
        self.claims = claims
        self._filling += 1  # an older set still being added stops
        kept = kept or {}
        tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        expanded = {top.text(0) for top in tops if top is not None and top.isExpanded()}
        self.tree.clear()
        if not findings:
            self.heading.setText("No estimates: record statistics (claims) to reconcile them here.")
            return
        warned = sum(1 for f in findings if f.warnings)
        unreconciled = sum(1 for f in findings if f.reason)
        notes = [f"{len(findings):,} estimate{'s' if len(findings) != 1 else ''}"]
        if unreconciled:
            notes.append(f"{unreconciled} not reconciled")
        if warned:
            notes.append(f"{warned} with overlapping periods or places")
        stale = sum(1 for saved in kept.values() if saved.stale)
        if stale:
            notes.append(f"{stale} kept estimate{'s' if stale != 1 else ''} stale (a claim changed: see Notes)")
        self.heading.setText(", ".join(notes) + ". Expand one to see the claims it used and left out.")
        self._fill(self._filling, iter(enumerate(findings)), claims, kept, expanded)

    def _fill(self, filling: int, rest: Iterator[tuple[int, Finding]], claims: Mapping[int, StatisticRow],
              kept: Mapping[int, SavedRow], expanded: set[str]) -> None:
        """Add estimates to the tree, :data:`FILL_SLICE` at a time until :data:`FILL_TURN_S` has
        passed, the others after the event loop has turned (6,000 estimates of a large archive
        held the window 0.2 s at once; 500 a turn still delayed a write made meanwhile 60 ms)."""
        if filling != self._filling:  # newer estimates since: those are shown instead
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        self.tree.setUpdatesEnabled(False)
        ends = time.perf_counter() + FILL_TURN_S
        while self._add_slice(rest, claims, kept, expanded, bold) and time.perf_counter() < ends:
            pass  # one slice a turn at least
        self.tree.setUpdatesEnabled(True)
        if self.filling:
            QTimer.singleShot(0, lambda: self._fill(filling, rest, claims, kept, expanded))

    @property
    def filling(self) -> bool:
        """Whether estimates worked out are still being added to the tree."""
        return self.tree.topLevelItemCount() < len(self.findings)

    def _add_slice(self, rest: Iterator[tuple[int, Finding]], claims: Mapping[int, StatisticRow],
                   kept: Mapping[int, SavedRow], expanded: set[str], bold: QFont) -> bool:
        """Add the next :data:`FILL_SLICE` estimates to the tree; whether there were that many."""
        added = 0
        for position, finding in itertools.islice(rest, FILL_SLICE):
            added += 1
            counted = f"{len(finding.claims)} used, {len(finding.excluded)} left out"
            note = finding.reason or "; ".join(finding.warnings)
            saved = kept.get(position)
            if saved is not None:
                was = saved.saved
                figure = " – ".join(dict.fromkeys(_number(n) for n in (was.low, was.best, was.high) if n is not None))
                mark = (f"kept, stale: its claims changed (kept {figure or 'no figure'} by {was.rule.label}); Keep again to update"
                        if saved.stale else f"kept ({was.rule.label})")
                note = "; ".join(p for p in (mark, note) if p)
            top = EstimateItem([finding.title(), _number(finding.low), _number(finding.best),
                                _number(finding.high), counted, note], finding, claims)
            top.setFont(0, bold)
            top.setData(0, FINDING_ROLE, position)
            top.setToolTip(0, finding.describe())
            top.setToolTip(5, note)
            if finding.reason or finding.warnings or (saved is not None and saved.stale):
                top.setForeground(5, QBrush(WARNING))
            for column in (1, 2, 3):
                top.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(top)
            if top.text(0) in expanded:
                top.fill()
                top.setExpanded(True)
        return added == FILL_SLICE

    def selected_finding(self) -> Finding | None:
        """The estimate whose row (or one of whose claims) is selected."""
        items = self.tree.selectedItems()
        if not items:
            return None
        item = items[0].parent() or items[0]
        position = item.data(0, FINDING_ROLE)
        return self.findings[int(position)] if position is not None else None

    def _keep(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.keep_requested.emit(finding)

    def claim_items(self) -> list[QTreeWidgetItem]:
        return tree_leaves(self.tree)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        statistic_id = item.data(0, ID_ROLE)
        if statistic_id is not None:
            self.statistic_activated.emit(int(statistic_id))
