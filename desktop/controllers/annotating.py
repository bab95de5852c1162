"""Annotating the text in the reader: code a passage, mark a mention of an actor, record a
statistic, and edit or delete what is marked (from the reader, the annotations pane and the
statistics pane). Every change is an undo command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from db import lookup
from db.rows import AnnotationRow, CodeRow
from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import actors as actor_reads
from desktop.reads import statistics as statistic_reads
from desktop.views.dialogs import AnnotateDialog, MentionDialog, StatisticDialog
from desktop.views.reader import ReaderView


def describe(row: AnnotationRow) -> str:
    """One line naming an annotation, for menus: "Mention of X: “…”"."""
    quote = " ".join(row.quote.split())
    quote = quote if len(quote) <= 40 else quote[:37] + "…"
    if row.mention_id is not None:
        return f"Mention of {row.actor}: “{quote}”"
    if row.statistic_id is not None and not row.codes:
        return f"Statistic: “{quote}”"
    return f"{', '.join(row.codes) or 'Annotation'}: “{quote}”"


def _is_bare_statistic(row: AnnotationRow) -> bool:
    """The span of a statistic with no codes or note of its own."""
    return row.statistic_id is not None and not row.codes and not row.note


class Annotating(QObject):
    """Annotate, mention, record statistics; edit and delete annotations."""

    #: show a statistic (its row, its sentence)
    statistic_requested = Signal(int)
    #: write the memo on (kind, id)
    memo_requested = Signal(str, int)

    def __init__(self, services: Services, dialogs: Dialogs, reader: ReaderView,
                 codes: Callable[[], list[CodeRow]], *,
                 selection_actions: Sequence[QAction] = (), source_actions: Sequence[QAction] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotating")
        self.services = services
        self.dialogs = dialogs
        self.reader = reader
        self._codes = codes
        #: offered in the reader's context menu: Annotate, Mention, Record statistic …
        self.selection_actions = list(selection_actions)
        #: offered last in the reader's context menu: a memo on the source, correct its text …
        self.source_actions = list(source_actions)
        editor = reader.editor
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._reader_menu)

    # --- helpers --------------------------------------------------------------------------

    def push(self, command: undo.ArchiveCommand) -> None:
        self.services.undo_stack.push(command)

    def selection(self) -> tuple[int, int, int, str] | None:
        """(source id, start, end, quote) of the reader's selection, trimmed of spaces."""
        span = self.reader.selected_span()
        detail = self.reader.detail
        if span is None or detail is None:
            self.services.show_status("Select some text in the reader first.")
            return None
        start, end = span
        text = detail.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            self.services.show_status("Select some text in the reader first.")
            return None
        return detail.row.id, start, end, text[start:end]

    def _annotation(self, annotation_id: int) -> AnnotationRow | None:
        detail = self.reader.detail
        if detail is None:
            return None
        return next((a for a in detail.annotations if a.id == annotation_id), None)

    def _same_span(self, start: int, end: int) -> AnnotationRow | None:
        """A coded annotation already on exactly this span (annotating it again edits it)."""
        detail = self.reader.detail
        if detail is None:
            return None
        return next(
            (a for a in detail.annotations
             if (a.start, a.end) == (start, end) and a.mention_id is None and a.statistic_id is None),
            None,
        )

    # --- annotate -------------------------------------------------------------------------

    def annotate(self) -> None:
        """Code the selected text (or change the codes of the annotation already on it)."""
        selection = self.selection()
        if selection is None:
            return
        source_id, start, end, quote = selection
        existing = self._same_span(start, end)
        if existing is not None:
            self.edit_annotation(existing.id)
            return
        dialog = AnnotateDialog(self._codes(), quote, parent=self.dialogs.parent_widget)
        self.dialogs.show(dialog, lambda: self._annotate_accepted(dialog, source_id, start, end))

    def _code_refs(self, dialog: AnnotateDialog) -> tuple[list[undo.CreateCode], list[undo.IdOrRef]]:
        """Commands for the codes created in the dialog, and the ticked codes as ids or refs."""
        refs: dict[int, undo.Ref] = {}
        creations = []
        for pending in dialog.pending_codes():
            ref = refs[pending.key] = undo.Ref()
            parent: undo.IdOrRef | None = pending.parent
            if pending.parent is not None and pending.parent < 0:
                parent = refs[pending.parent]
            creations.append(undo.CreateCode(self.services, pending.name, pending.colour, parent, ref=ref))
        ticked: list[undo.IdOrRef] = [
            refs[c] if c < 0 else c for c in dialog.checked_codes() if c >= 0 or c in refs
        ]
        return creations, ticked

    def _push_with_codes(self, text: str, creations: list[undo.CreateCode],
                         command: undo.ArchiveCommand) -> None:
        stack = self.services.undo_stack
        stack.beginMacro(text)
        for creation in creations:
            stack.push(creation)
        stack.push(command)
        stack.endMacro()

    def _annotate_accepted(self, dialog: AnnotateDialog, source_id: int, start: int, end: int) -> None:
        creations, ticked = self._code_refs(dialog)
        self._push_with_codes("Annotate", creations, undo.CreateAnnotation(
            self.services, source_id, start, end, code_ids=ticked, note=dialog.note_text()
        ))

    def edit_annotation(self, annotation_id: int) -> None:
        """Change an annotation's codes and note."""
        row = self._annotation(annotation_id)
        if row is None:
            return
        dialog = AnnotateDialog(self._codes(), row.quote, checked=row.code_ids, note=row.note,
                                title="Edit annotation", parent=self.dialogs.parent_widget)

        def accepted() -> None:
            creations, ticked = self._code_refs(dialog)
            self._push_with_codes("Edit annotation", creations, undo.EditAnnotation(
                self.services, annotation_id, ticked, dialog.note_text(), shown=(row.code_ids, row.note)
            ))

        self.dialogs.show(dialog, accepted)

    def open_annotation(self, annotation_id: int) -> None:
        """What a double-click on an annotation does: a statistic's span shows the statistic."""
        row = self._annotation(annotation_id)
        if row is not None and _is_bare_statistic(row):
            assert row.statistic_id is not None
            self.statistic_requested.emit(row.statistic_id)
        else:
            self.edit_annotation(annotation_id)

    def delete_annotation(self, annotation_id: int) -> None:
        """Delete an annotation: a mention or a statistic's span goes with its mention/statistic."""
        row = self._annotation(annotation_id)
        if row is not None and _is_bare_statistic(row):
            assert row.statistic_id is not None
            self.delete_statistic(row.statistic_id)
        elif row is not None and row.mention_id is not None:
            self.push(undo.delete_mention(self.services, annotation_id))
        else:
            self.push(undo.delete_annotation(self.services, annotation_id))

    def delete_statistic(self, statistic_id: int) -> None:
        self.push(undo.DeleteStatistic(self.services, statistic_id))

    # --- mention --------------------------------------------------------------------------

    def match_actors(self, spelling: str) -> list[lookup.ActorMatch]:
        return actor_reads.match_actors(self.services.archive, spelling)

    def mention(self) -> None:
        """Link the selected text to an actor, existing or new."""
        selection = self.selection()
        if selection is None:
            return
        source_id, start, end, quote = selection
        detail = self.reader.detail
        kind = lookup.guess_actor_kind(detail.text, start, end) if detail is not None else None
        dialog = MentionDialog(quote, self.match_actors, kind_hint=kind, parent=self.dialogs.parent_widget)

        def accepted() -> None:
            choice = dialog.choice()
            if choice is None:
                return
            stack = self.services.undo_stack
            stack.beginMacro(f"Mark {choice.name} as mentioned")
            actor: undo.IdOrRef
            if choice.actor_id is None:
                differs = choice.spelling.casefold() != choice.name.casefold()
                actor = undo.Ref()
                stack.push(undo.CreateActor(self.services, choice.name, choice.kind,
                                            [choice.spelling] if differs else [], ref=actor))
            else:
                actor = choice.actor_id
                if choice.spelling.casefold() != choice.name.casefold():
                    # a no-op when the actor already has this spelling among its aliases
                    stack.push(undo.AddAlias(self.services, actor, choice.spelling))
            stack.push(undo.CreateMention(self.services, source_id, start, end, actor))
            stack.endMacro()

        self.dialogs.show(dialog, accepted)

    # --- statistic ------------------------------------------------------------------------

    def record_statistic(self) -> None:
        """Record the selected text as a statistic, with a form filled from the sentence."""
        selection = self.selection()
        detail = self.reader.detail
        if selection is None or detail is None:
            return
        source_id, start, end, _quote = selection
        archive = self.services.archive
        draft = lookup.draft_statistic(detail.text, start, end, detail.row.published)
        dialog = StatisticDialog(draft, measures=statistic_reads.known_measures(archive),
                                 actor_names=actor_reads.actor_names(archive),
                                 parent=self.dialogs.parent_widget)
        self.dialogs.show(dialog, lambda: self.push(
            undo.CreateStatistic(self.services, dialog.new_statistic(source_id))
        ))

    # --- the reader's context menu --------------------------------------------------------

    def reader_menu(self, point: QPoint) -> QMenu:
        """The reader's context menu at a point of the editor's viewport."""
        editor = self.reader.editor
        menu = editor.createStandardContextMenu(point)
        menu.setObjectName("readerMenu")
        menu.addSeparator()
        for action in self.selection_actions:
            menu.addAction(action)
        position = self.reader.offsets.to_codepoint(editor.cursorForPosition(point).position(),
                                                    round_down=True)
        for row in self.reader.annotations_at(position):
            menu.addSeparator()
            menu.addSection(describe(row))
            if (row.mention_id is None and row.statistic_id is None) or row.codes or row.note:
                menu.addAction("Edit annotation…", partial(self.edit_annotation, row.id))
            if row.statistic_id is not None:
                statistic = row.statistic_id
                menu.addAction("Show statistic", partial(self.statistic_requested.emit, statistic))
                menu.addAction("Memo on statistic…", partial(self.memo_requested.emit, "statistic", statistic))
                menu.addAction("Delete statistic", partial(self.delete_statistic, statistic))
            if row.mention_id is not None:
                menu.addAction("Delete mention", partial(self.delete_annotation, row.id))
            elif row.statistic_id is None:
                menu.addAction("Delete annotation", partial(self.delete_annotation, row.id))
        menu.addSeparator()
        for action in self.source_actions:
            menu.addAction(action)
        return menu

    def _reader_menu(self, point: QPoint) -> None:
        menu = self.reader_menu(point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.reader.editor.mapToGlobal(point))
