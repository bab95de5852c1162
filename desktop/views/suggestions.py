"""The Suggestions list: mentions and statistics the offline extractors find in the open source.

The pane only lists and asks: ``accept_requested(candidate)``, ``reject_requested(candidate)`` and
``accept_known_requested()``; :mod:`desktop.controllers.suggestions` records or rejects (undoably)
and underlines the suggestions in the reader.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from db import values
from db.extract.candidates import MentionCandidate, StatisticCandidate
from db.suggestions import SourceSuggestions
from desktop.models.display import one_of_kind, period
from desktop.views.common import pane_layout, tidy_tree, tree_leaves

Candidate = MentionCandidate | StatisticCandidate

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1


def describe_statistic(candidate: StatisticCandidate) -> str:
    """"~2,200 gone to fight (Russians)" for the list."""
    value = values.format(candidate)
    what = candidate.measure or "?"
    return f"{value} {what}" + (f" ({candidate.subject})" if candidate.subject else "")


class SuggestionsPane(QWidget):
    """Suggestions for the source in the reader, grouped into mentions and statistics."""

    #: suggestions for a source arrived and are shown
    loaded = Signal()
    #: a suggestion was selected (the reader shows its span)
    candidate_selected = Signal(object)
    accept_requested = Signal(object)
    reject_requested = Signal(object)
    accept_known_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsView")
        self.heading = QLabel("No source open.")
        self.heading.setObjectName("suggestionsHeading")
        self.heading.setToolTip(
            "Mentions of actors and numeric claims found in this source by offline rules. "
            "Select one to see it in the text; accept it (a statistic opens its form first) "
            "or reject it (not suggested again)."
        )
        self.tree = QTreeWidget()
        self.tree.setMinimumHeight(110)
        self.tree.setObjectName("suggestionsTree")
        self.tree.setHeaderLabels(["Suggestion", "What", "Quote"])
        tidy_tree(self.tree)
        self.tree.setColumnWidth(0, 190)
        self.tree.setColumnWidth(1, 150)
        self.accept_button = QPushButton("Accept…")
        self.accept_button.setObjectName("acceptSuggestion")
        self.accept_button.setToolTip("Record the selected suggestion (a statistic opens its form first)")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setObjectName("rejectSuggestion")
        self.reject_button.setToolTip("Not a mention or claim: do not suggest it again (Delete)")
        self.accept_known_button = QPushButton("Accept known")
        self.accept_known_button.setObjectName("acceptKnownMentions")
        self.accept_known_button.setToolTip("Record every suggested mention of an actor already in the registry")
        for key, slot in (("Return", self._accept_selected), ("Delete", self._reject_selected)):
            action = QAction(self.tree)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.accept_button)
        top.addWidget(self.reject_button)
        top.addWidget(self.accept_known_button)
        layout = pane_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.suggestions: SourceSuggestions | None = None
        self.accept_button.clicked.connect(self._accept_selected)
        self.reject_button.clicked.connect(self._reject_selected)
        self.accept_known_button.clicked.connect(self.accept_known_requested)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self._accept_selected())
        self._selection_changed()

    # --- showing ------------------------------------------------------------------------

    def show_suggestions(self, suggestions: SourceSuggestions | None) -> None:
        selected = self.selected_candidate()
        self.suggestions = suggestions
        self.tree.clear()
        if suggestions is None:
            self.heading.setText("No source open.")
            self._selection_changed()
            self.loaded.emit()
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        mentions = QTreeWidgetItem([f"Mentions ({len(suggestions.mentions)})"])
        statistics = QTreeWidgetItem([f"Statistics ({len(suggestions.statistics)})"])
        for top in (mentions, statistics):
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for mention in suggestions.mentions:
            what = "known actor" if mention.actor_id is not None else (
                f"new {one_of_kind(mention.kind)}" if mention.kind else "new actor"
            )
            item = QTreeWidgetItem([mention.name, what, mention.quote])
            item.setData(0, CANDIDATE_ROLE, mention)
            item.setToolTip(2, mention.quote)
            mentions.addChild(item)
        for candidate in suggestions.statistics:
            details = [p for p in (
                f"by {candidate.claimant}" if candidate.claimant else None,
                period(candidate.period_start, candidate.period_end) or None,
                candidate.place,
            ) if p]
            quote = " ".join(candidate.quote.split())
            item = QTreeWidgetItem([describe_statistic(candidate), ", ".join(details), quote])
            item.setData(0, CANDIDATE_ROLE, candidate)
            item.setToolTip(2, quote)
            statistics.addChild(item)
        self.tree.addTopLevelItem(mentions)
        self.tree.addTopLevelItem(statistics)
        mentions.setFirstColumnSpanned(True)
        statistics.setFirstColumnSpanned(True)
        mentions.setExpanded(True)
        statistics.setExpanded(True)
        total = len(suggestions.mentions) + len(suggestions.statistics)
        self.heading.setText(
            f"{total} suggestion{'s' if total != 1 else ''} in this source" if total
            else "Nothing left to suggest in this source."
        )
        if selected is not None:
            for item in self.items():
                if item.data(0, CANDIDATE_ROLE) == selected:
                    item.setSelected(True)
        self._selection_changed()
        self.loaded.emit()

    def candidate_at(self, codepoint: int) -> QTreeWidgetItem | None:
        """The list row of the (shortest) suggestion covering a position of the text."""
        covering = [
            item for item in self.items()
            if item.data(0, CANDIDATE_ROLE).start <= codepoint < item.data(0, CANDIDATE_ROLE).end
        ]
        covering.sort(key=lambda i: i.data(0, CANDIDATE_ROLE).end - i.data(0, CANDIDATE_ROLE).start)
        return covering[0] if covering else None

    def select_at(self, codepoint: int) -> bool:
        """Select the (shortest) suggestion covering a position of its source's text."""
        item = self.candidate_at(codepoint)
        if item is not None:
            self.tree.setCurrentItem(item)
        return item is not None

    # --- reading the list -----------------------------------------------------------------

    def items(self) -> list[QTreeWidgetItem]:
        """Every suggestion row (mentions first, then statistics)."""
        return tree_leaves(self.tree)

    def candidates(self) -> list[Candidate]:
        """Every suggestion listed, mentions first."""
        if self.suggestions is None:
            return []
        return [*self.suggestions.mentions, *self.suggestions.statistics]

    def selected_candidate(self) -> Candidate | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        candidate: Any = items[0].data(0, CANDIDATE_ROLE)
        return candidate if isinstance(candidate, MentionCandidate | StatisticCandidate) else None

    def _selection_changed(self) -> None:
        candidate = self.selected_candidate()
        self.accept_button.setEnabled(candidate is not None)
        self.reject_button.setEnabled(candidate is not None)
        self.accept_button.setText("Accept…" if isinstance(candidate, StatisticCandidate) else "Accept")
        self.accept_known_button.setEnabled(bool(self.known_mentions()))
        if candidate is not None:
            self.candidate_selected.emit(candidate)

    @property
    def source_id(self) -> int | None:
        """The source the suggestions listed are for."""
        return self.suggestions.source_id if self.suggestions is not None else None

    # --- asking ------------------------------------------------------------------------

    def known_mentions(self) -> list[MentionCandidate]:
        """The suggested mentions of actors already in the registry."""
        if self.suggestions is None:
            return []
        return [m for m in self.suggestions.mentions if m.actor_id is not None]

    def _accept_selected(self) -> None:
        candidate = self.selected_candidate()
        if candidate is not None:
            self.accept_requested.emit(candidate)

    def _reject_selected(self) -> None:
        candidate = self.selected_candidate()
        if candidate is not None:
            self.reject_requested.emit(candidate)
