"""Suggestions for the source in the reader: loaded off the GUI thread, underlined in the text,
accepted (a mention, or a statistic through its form) or rejected, each undoably."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.extract.candidates import MentionCandidate, StatisticCandidate
from db.lookup import StatisticDraft
from db.suggestions import SourceSuggestions, mention_key, statistic_key
from db.text import sentence_around
from db.vocabulary import ActorKind
from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import actors as actor_reads
from desktop.reads import statistics as statistic_reads
from desktop.reads import suggestions as reads
from desktop.views.dialogs.statistic import StatisticDialog
from desktop.views.reader import ReaderView
from desktop.views.suggestions import Candidate, SuggestionsPane, describe_statistic

#: more than this many suggestions are listed but not underlined (keeps the reader quick)
MAX_UNDERLINES = 3000
_KINDS = {k.value for k in ActorKind}


class Suggestions(QObject):
    """Keeps the Suggestions pane on the reader's source and acts on what it asks."""

    #: an underlined suggestion was clicked in the reader (the window shows the pane)
    suggestion_clicked = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, pane: SuggestionsPane, reader: ReaderView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.pane = pane
        self.reader = reader
        self._generation = 0
        reader.source_changed.connect(self.refresh)
        reader.clicked.connect(self._clicked)
        pane.loaded.connect(self.underline)
        pane.candidate_selected.connect(self._show_candidate)
        pane.accept_requested.connect(self.accept)
        pane.reject_requested.connect(self.reject)
        pane.accept_known_requested.connect(self.accept_known_mentions)

    # --- loading and showing --------------------------------------------------------------

    def refresh(self) -> None:
        """Load the suggestions for the reader's source off the GUI thread (the newest wins)."""
        source_id = self.reader.source_id
        self._generation += 1
        generation = self._generation
        if source_id is None:
            self.pane.show_suggestions(None)
            return
        archive = self.services.archive
        task = self.services.tasks.read(lambda *_: reads.suggestions(archive, source_id), "suggestions")
        task.on_finished(lambda result: self._arrived(generation, result))
        task.on_failed(lambda message: self.pane.heading.setText(f"No suggestions: {message}"))

    def _arrived(self, generation: int, result: SourceSuggestions | None) -> None:
        if generation == self._generation:
            self.pane.show_suggestions(result)

    def _same_source(self) -> bool:
        return self.pane.source_id is not None and self.pane.source_id == self.reader.source_id

    def underline(self) -> None:
        """Underline every suggestion in the reader, when it shows the same source."""
        if not self._same_source():
            self.reader.underline([])
            return
        candidates = self.pane.candidates()[:MAX_UNDERLINES]
        self.reader.underline([(c.start, c.end) for c in candidates])

    def _show_candidate(self, candidate: Candidate) -> None:
        if self._same_source():
            self.reader.select_span(candidate.start, candidate.end)

    def _clicked(self, codepoint: int) -> None:
        if self._same_source() and self.pane.select_at(codepoint):
            self.suggestion_clicked.emit()

    # --- accepting and rejecting ----------------------------------------------------------

    def accept(self, candidate: Candidate) -> None:
        source_id = self.pane.source_id
        if source_id is None:
            return
        if isinstance(candidate, MentionCandidate):
            self.accept_mention(source_id, candidate)
        else:
            self.open_statistic_form(source_id, candidate)

    def accept_known_mentions(self) -> None:
        """Record every suggested mention of a known actor (one undo step)."""
        known = self.pane.known_mentions()
        source_id = self.pane.source_id
        if not known or source_id is None:
            return
        stack = self.services.undo_stack
        stack.beginMacro(f"Accept {len(known)} mention{'s' if len(known) != 1 else ''} of known actors")
        for mention in known:
            assert mention.actor_id is not None
            stack.push(undo.CreateMention(self.services, source_id, mention.start, mention.end, mention.actor_id))
        stack.endMacro()

    def accept_mention(self, source_id: int, candidate: MentionCandidate) -> None:
        """Record a mention; a new name becomes an actor first (one undo step for both)."""
        stack = self.services.undo_stack
        if candidate.actor_id is not None:
            stack.push(undo.CreateMention(self.services, source_id, candidate.start, candidate.end,
                                          candidate.actor_id))
            return
        kind = candidate.kind if candidate.kind in _KINDS else ActorKind.OTHER.value
        stack.beginMacro(f"Accept mention of {candidate.name}")
        actor = undo.Ref()
        stack.push(undo.CreateActor(self.services, candidate.name, kind, ref=actor))
        stack.push(undo.CreateMention(self.services, source_id, candidate.start, candidate.end, actor))
        stack.endMacro()

    def open_statistic_form(self, source_id: int, candidate: StatisticCandidate) -> StatisticDialog:
        """The statistic form, filled from the suggestion; OK records it (undoably)."""
        detail = self.reader.detail
        sentence = candidate.quote
        if detail is not None and detail.row.id == source_id:
            first, last = sentence_around(detail.text, candidate.start, candidate.end)
            sentence = " ".join(detail.text[first:last].split())
        draft = StatisticDraft(
            start=candidate.start, end=candidate.end, quote=candidate.quote, sentence=sentence,
            value=candidate.value, low=candidate.low, high=candidate.high,
            approximate=candidate.approximate, unit=candidate.unit, measure=candidate.measure or "",
            subject=candidate.subject, place=candidate.place, claimant=candidate.claimant,
            period_start=candidate.period_start, period_end=candidate.period_end,
        )
        archive = self.services.archive
        dialog = StatisticDialog(draft, measures=statistic_reads.known_measures(archive),
                                 actor_names=actor_reads.actor_names(archive),
                                 parent=self.dialogs.parent_widget)
        dialog.setWindowTitle("Accept suggested statistic")
        return self.dialogs.show(dialog, lambda: self.services.undo_stack.push(
            undo.CreateStatistic(self.services, dialog.new_statistic(source_id))
        ))

    def reject(self, candidate: Candidate) -> None:
        """Turn a suggestion down: it is not offered again (undo offers it again)."""
        source_id = self.pane.source_id
        if source_id is None:
            return
        if isinstance(candidate, MentionCandidate):
            command = undo.RejectSuggestion(
                self.services, source_id, "mention", candidate.start, candidate.end,
                mention_key(candidate), f"Reject mention of {candidate.name}",
            )
        else:
            command = undo.RejectSuggestion(
                self.services, source_id, "statistic", candidate.start, candidate.end,
                statistic_key(candidate), f"Reject statistic {describe_statistic(candidate)}",
            )
        self.services.undo_stack.push(command)
