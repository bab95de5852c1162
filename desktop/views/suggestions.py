"""The Suggestions list: mentions and statistics the offline extractors find in the open source.

Accepting a mention records it (creating the actor first when it is a new name); accepting a
statistic opens the statistic form filled from the suggestion, to correct before saving.
Rejecting remembers the refusal so the suggestion is not offered again. All three are undoable
commands on ``window.undo_stack``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from db import values
from db.extract.mentions import MentionCandidate
from db.extract.statistics import StatisticCandidate
from db.lookup import StatisticDraft
from db.models import ActorKind
from db.suggestions import SourceSuggestions, mention_key, statistic_key
from db.text import sentence_around
from desktop import stats_operations
from desktop.models.display import kind_name, period
from desktop.stats_undo import RejectSuggestion
from desktop.undo import CreateActor, CreateMention, CreateStatistic, Ref
from desktop.views.common import pane_layout, tidy_tree
from desktop.views.dialogs.statistic import StatisticDialog

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
#: the dotted underline under suggested spans in the reader
UNDERLINE_COLOUR = QColor("#7b1fa2")
#: more than this many suggestions are listed but not underlined (keeps the reader quick)
MAX_UNDERLINES = 3000
_KINDS = {k.value for k in ActorKind}


def describe_statistic(candidate: StatisticCandidate) -> str:
    """"~2,200 gone to fight (Russians)" for the list."""
    value = values.format(candidate)
    what = candidate.measure or "?"
    return f"{value} {what}" + (f" ({candidate.subject})" if candidate.subject else "")


class SuggestionsPane(QWidget):
    """Suggestions for the source in the reader; refreshed when it or the archive changes."""

    #: suggestions for a source arrived and are shown
    loaded = Signal()
    #: an underlined suggestion was clicked in the reader (the window shows this pane)
    suggestion_clicked = Signal()

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsView")
        self.window_ = window
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
        for key, slot in (("Return", self.accept_selected), ("Delete", self.reject_selected)):
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
        self.statistic_dialog: StatisticDialog | None = None
        self._generation = 0
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_known_button.clicked.connect(self.accept_known_mentions)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.accept_selected())
        self._selection_changed()
        self._press: QPoint | None = None
        window.reader.source_changed.connect(self.clear_underlines)
        self._viewport = window.reader.editor.viewport()
        self._viewport.installEventFilter(self)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the suggestions for the reader's source off the GUI thread."""
        window = self.window_
        source_id = window.reader.source_id
        self._generation += 1
        generation = self._generation
        if source_id is None:
            self.show_suggestions(None)
            return
        archive = window.archive
        task = window.tasks.read(lambda *_: stats_operations.suggestions(archive, source_id), "suggestions")
        task.on_finished(lambda result: self._arrived(generation, result))
        task.on_failed(lambda message: self.heading.setText(f"No suggestions: {message}"))

    def _arrived(self, generation: int, result: SourceSuggestions | None) -> None:
        if generation == self._generation:
            self.show_suggestions(result)

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
                f"new {kind_name(mention.kind).lower().rstrip('s')}" if mention.kind else "new actor"
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
        self.underline()
        self.loaded.emit()

    # --- in the reader --------------------------------------------------------------------

    def _editor(self) -> QPlainTextEdit:
        return self.window_.reader.editor

    def clear_underlines(self) -> None:
        self._editor().setExtraSelections([])

    def underline(self) -> None:
        """Underline (dotted) every suggestion in the reader, when it shows the same source."""
        reader = self.window_.reader
        if self.suggestions is None or reader.source_id != self.suggestions.source_id:
            self.clear_underlines()
            return
        candidates = [*self.suggestions.mentions, *self.suggestions.statistics][:MAX_UNDERLINES]
        selections = []
        document = self._editor().document()
        for candidate in candidates:
            start, end = reader.offsets.span_to_utf16(candidate.start, candidate.end)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            text_format = QTextCharFormat()
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            text_format.setUnderlineColor(UNDERLINE_COLOUR)
            selection.format = text_format  # type: ignore[attr-defined]
            selections.append(selection)
        self._editor().setExtraSelections(selections)

    def underlined(self) -> list[tuple[int, int]]:
        """The underlined spans in code points (for tests and checks)."""
        reader = self.window_.reader
        return [
            reader.offsets.span_to_codepoints(s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self._editor().extraSelections()
        ]

    def candidate_at(self, codepoint: int) -> QTreeWidgetItem | None:
        """The list row of the (shortest) suggestion covering a position of the text."""
        covering = [
            item for item in self.items()
            if item.data(0, CANDIDATE_ROLE).start <= codepoint < item.data(0, CANDIDATE_ROLE).end
        ]
        covering.sort(key=lambda i: i.data(0, CANDIDATE_ROLE).end - i.data(0, CANDIDATE_ROLE).start)
        return covering[0] if covering else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A plain click on an underlined suggestion selects it in the list (and shows the list).
        # compared by identity only: during teardown the editor may already be gone
        if watched is self._viewport and isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonPress:
                self._press = event.position().toPoint()
            elif event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
                press, self._press = self._press, None
                point = event.position().toPoint()
                if press is not None and (press - point).manhattanLength() <= 3 and self.suggestions:
                    reader = self.window_.reader
                    if reader.source_id == self.suggestions.source_id:
                        utf16 = self._editor().cursorForPosition(point).position()
                        item = self.candidate_at(reader.offsets.to_codepoint(utf16, round_down=True))
                        if item is not None:
                            self.tree.setCurrentItem(item)
                            self.suggestion_clicked.emit()
        return super().eventFilter(watched, event)

    # --- reading the list -----------------------------------------------------------------

    def items(self) -> list[QTreeWidgetItem]:
        """Every suggestion row (mentions first, then statistics)."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            rows.extend(top.child(j) for j in range(top.childCount()))
        return rows

    def selected_candidate(self) -> MentionCandidate | StatisticCandidate | None:
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
        if candidate is not None and self.window_.reader.source_id == self._source_id():
            self.window_.reader.select_span(candidate.start, candidate.end)

    def _source_id(self) -> int | None:
        return self.suggestions.source_id if self.suggestions is not None else None

    # --- accepting and rejecting ----------------------------------------------------------

    def accept_selected(self) -> None:
        candidate = self.selected_candidate()
        source_id = self._source_id()
        if candidate is None or source_id is None:
            return
        if isinstance(candidate, MentionCandidate):
            self.accept_mention(source_id, candidate)
        else:
            self.open_statistic_form(source_id, candidate)

    def known_mentions(self) -> list[MentionCandidate]:
        if self.suggestions is None:
            return []
        return [m for m in self.suggestions.mentions if m.actor_id is not None]

    def accept_known_mentions(self) -> None:
        """Record every suggested mention of a known actor (one undo step)."""
        known = self.known_mentions()
        source_id = self._source_id()
        if not known or source_id is None:
            return
        stack = self.window_.undo_stack
        stack.beginMacro(f"Accept {len(known)} mention{'s' if len(known) != 1 else ''} of known actors")
        for mention in known:
            assert mention.actor_id is not None
            stack.push(CreateMention(self.window_, source_id, mention.start, mention.end, mention.actor_id))
        stack.endMacro()

    def accept_mention(self, source_id: int, candidate: MentionCandidate) -> None:
        """Record a mention; a new name becomes an actor first (one undo step for both)."""
        window = self.window_
        stack = window.undo_stack
        if candidate.actor_id is not None:
            stack.push(CreateMention(window, source_id, candidate.start, candidate.end, candidate.actor_id))
            return
        kind = candidate.kind if candidate.kind in _KINDS else ActorKind.OTHER.value
        stack.beginMacro(f"Accept mention of {candidate.name}")
        actor = Ref()
        stack.push(CreateActor(window, candidate.name, kind, ref=actor))
        stack.push(CreateMention(window, source_id, candidate.start, candidate.end, actor))
        stack.endMacro()

    def open_statistic_form(self, source_id: int, candidate: StatisticCandidate) -> StatisticDialog:
        """The statistic form, filled from the suggestion; OK records it (undoably)."""
        detail = self.window_.reader.detail
        sentence = candidate.quote
        if detail is not None and detail.row.id == source_id:
            s_start, s_end = sentence_around(detail.text, candidate.start, candidate.end)
            sentence = " ".join(detail.text[s_start:s_end].split())
        draft = StatisticDraft(
            start=candidate.start, end=candidate.end, quote=candidate.quote, sentence=sentence,
            value=candidate.value, low=candidate.low, high=candidate.high,
            approximate=candidate.approximate, unit=candidate.unit, measure=candidate.measure or "",
            subject=candidate.subject, place=candidate.place, claimant=candidate.claimant,
            period_start=candidate.period_start, period_end=candidate.period_end,
        )
        rows = self.window_.statistics.model.rows
        measures = sorted({r.measure for r in rows if r.measure}, key=str.casefold)
        model = self.window_.actors.model
        names = [a.name for group in getattr(model, "_actors", []) for a in group]
        dialog = StatisticDialog(draft, measures=measures, actor_names=names, parent=self)
        dialog.setWindowTitle("Accept suggested statistic")
        dialog.accepted.connect(
            lambda: self.window_.undo_stack.push(
                CreateStatistic(self.window_, dialog.new_statistic(source_id))
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.statistic_dialog = dialog
        dialog.open()
        return dialog

    def reject_selected(self) -> None:
        candidate = self.selected_candidate()
        source_id = self._source_id()
        if candidate is None or source_id is None:
            return
        if isinstance(candidate, MentionCandidate):
            command = RejectSuggestion(
                self.window_, source_id, "mention", candidate.start, candidate.end,
                mention_key(candidate), f"Reject mention of {candidate.name}",
            )
        else:
            command = RejectSuggestion(
                self.window_, source_id, "statistic", candidate.start, candidate.end,
                statistic_key(candidate), f"Reject statistic {describe_statistic(candidate)}",
            )
        self.window_.undo_stack.push(command)
