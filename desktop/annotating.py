"""Annotating in the main window: the Annotate, Mark as mention and Record statistic actions,
editing and deleting from the reader and the panes, the codebook in the Codes pane, and memos.

:func:`install` wires it all onto a :class:`~desktop.views.main_window.MainWindow`. Every change
is a command from :mod:`desktop.undo` pushed on ``window.undo_stack``. Dialogs open with
``open()``; the one showing is :attr:`Annotating.dialog` (tests fill it in and press OK).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import lookup
from db.anchors import orphans_of
from db.commands import code_usage
from db.queries import AnnotationRow, CodeRow, actor_names, list_codes
from desktop import undo
from desktop.views.dialogs import (
    AnnotateDialog,
    ChooseCodeDialog,
    CodeDialog,
    MemoDialog,
    MentionDialog,
    OrphansDialog,
    SourceTextDialog,
    StatisticDialog,
)
from desktop.views.dialogs.common import next_colour

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow

MEMO_KINDS = {"source": "source", "actor": "actor", "statistic": "statistic", "code": "code"}


class Annotating(QObject):
    """The annotation side of one main window."""

    #: a dialog was opened (tests wait for it, then fill it in)
    dialog_opened = Signal(QDialog)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("annotating")
        self.window = window
        self.reader = window.reader
        #: the dialog showing now, if any
        self.dialog: QDialog | None = None
        self._codes: list[CodeRow] = []
        #: the list of annotations to place by hand, while it is open
        self.orphans_dialog: OrphansDialog | None = None
        self._build_actions()
        self._build_toolbar()
        self._wire_reader()
        self._wire_annotations_pane()
        self._wire_codes_pane()
        self._wire_statistics_pane()
        window.archive_changed.connect(self._refresh_codes)
        window.archive_changed.connect(self._refresh_orphans)
        self.reader.source_changed.connect(self._source_changed)
        self.reader.editor.selectionChanged.connect(self._selection_changed)
        self._refresh_codes()

    # --- helpers --------------------------------------------------------------------------

    def _session(self) -> Any:
        return self.window.archive.session()

    def push(self, command: undo.ArchiveCommand) -> None:
        self.window.undo_stack.push(command)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    def _show(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        done = False

        def finished(result: int) -> None:
            nonlocal done
            if self.dialog is dialog:
                self.dialog = None
            if result == QDialog.DialogCode.Accepted and not done:
                on_accept()
            done = True

        dialog.finished.connect(finished)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def codes(self) -> list[CodeRow]:
        with self._session() as session:
            return list_codes(session)

    def _refresh_codes(self) -> None:
        self._codes = self.codes()
        self._show_codes()

    def _selection_changed(self) -> None:
        if self.orphans_dialog is not None:
            self.orphans_dialog.has_selection = self.reader.selected_span() is not None
            self.orphans_dialog.update_buttons()

    def _selection(self) -> tuple[int, int, int, str] | None:
        """(source id, start, end, quote) of the reader's selection, trimmed of spaces."""
        span = self.reader.selected_span()
        detail = self.reader.detail
        if span is None or detail is None:
            self._status("Select some text in the reader first.")
            return None
        start, end = span
        text = detail.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            self._status("Select some text in the reader first.")
            return None
        return detail.row.id, start, end, text[start:end]

    # --- actions --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        w = self.window
        w.actionAnnotate.triggered.connect(self.annotate)
        w.actionMention.triggered.connect(self.mention)
        w.actionRecordStatistic.triggered.connect(self.record_statistic)
        # Ctrl+Z / Ctrl+Shift+Z everywhere, beside the platform's own keys (Ctrl+Y on Windows)
        undo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for keys, wanted in ((undo_keys, "Ctrl+Z"), (redo_keys, "Ctrl+Shift+Z")):
            if QKeySequence(wanted) not in keys:
                keys.append(QKeySequence(wanted))
        w.actionUndo.setShortcuts(undo_keys)
        w.actionRedo.setShortcuts(redo_keys)

        def action(name: str, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
            made = QAction(text, w)
            made.setObjectName(name)
            made.setStatusTip(tip)
            made.triggered.connect(slot)
            setattr(w, name, made)
            return made

        self.memo_actions = [
            action("actionMemoSource", "Memo on &Source…", lambda: self.edit_memo("source"),
                   "Write a memo on the source shown in the reader"),
            action("actionMemoActor", "Memo on &Actor…", lambda: self.edit_memo("actor"),
                   "Write a memo on the actor selected in Actors"),
            action("actionMemoStatistic", "Memo on S&tatistic…", lambda: self.edit_memo("statistic"),
                   "Write a memo on the statistic selected in Statistics"),
            action("actionMemoCode", "Memo on &Code…", lambda: self.edit_memo("code"),
                   "Write a memo on the code selected in Codes"),
        ]
        self.find_memos_action = action(
            "actionFindMemos", "&Find in Memos…", self.find_memos, "Search the text of all memos"
        )
        self.find_memos_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.correct_text_action = action(
            "actionCorrectText", "Correct Source &Text…", self.correct_text,
            "Fix the text of the source shown; its annotations follow their words",
        )
        self.orphans_action = action(
            "actionOrphans", "&Unplaced Annotations…", self.show_orphans,
            "Annotations whose words could not be found after the text changed",
        )
        menu = getattr(w, "annotate_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.correct_text_action)
            menu.addAction(self.orphans_action)
            menu.addSeparator()
            for memo in self.memo_actions:
                menu.addAction(memo)
            menu.addAction(self.find_memos_action)

    def _build_toolbar(self) -> None:
        w = self.window
        bar = QToolBar("Annotate", w)
        bar.setObjectName("annotateToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (w.actionAnnotate, w.actionMention, w.actionRecordStatistic):
            bar.addAction(a)
        bar.addSeparator()
        bar.addAction(w.actionUndo)
        bar.addAction(w.actionRedo)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    # --- annotate -------------------------------------------------------------------------

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

    def annotate(self) -> None:
        """Code the selected text (or change the codes of the annotation already on it)."""
        selection = self._selection()
        if selection is None:
            return
        source_id, start, end, quote = selection
        existing = self._same_span(start, end)
        if existing is not None:
            self.edit_annotation(existing.id)
            return
        dialog = AnnotateDialog(self._codes, quote, parent=self.window)
        self._show(dialog, lambda: self._annotate_accepted(dialog, source_id, start, end))

    def _code_refs(self, dialog: AnnotateDialog) -> tuple[list[undo.CreateCode], list[undo.IdOrRef]]:
        """Commands for the codes created in the dialog, and the ticked codes as ids or refs."""
        refs: dict[int, undo.Ref] = {}
        creations = []
        for pending in dialog.pending_codes():
            ref = refs[pending.key] = undo.Ref()
            parent: undo.IdOrRef | None = pending.parent
            if pending.parent is not None and pending.parent < 0:
                parent = refs[pending.parent]
            creations.append(
                undo.CreateCode(self.window, pending.name, pending.colour, parent, ref=ref)
            )
        ticked: list[undo.IdOrRef] = [
            refs[c] if c < 0 else c for c in dialog.checked_codes() if c >= 0 or c in refs
        ]
        return creations, ticked

    def _annotate_accepted(self, dialog: AnnotateDialog, source_id: int, start: int, end: int) -> None:
        creations, ticked = self._code_refs(dialog)
        stack = self.window.undo_stack
        stack.beginMacro("Annotate")
        for creation in creations:
            stack.push(creation)
        stack.push(undo.CreateAnnotation(
            self.window, source_id, start, end, code_ids=ticked, note=dialog.note_text()
        ))
        stack.endMacro()

    def edit_annotation(self, annotation_id: int) -> None:
        """Change an annotation's codes and note."""
        row = self._annotation(annotation_id)
        if row is None:
            return
        dialog = AnnotateDialog(self._codes, row.quote, checked=row.code_ids, note=row.note,
                                title="Edit annotation", parent=self.window)

        def accepted() -> None:
            creations, ticked = self._code_refs(dialog)
            stack = self.window.undo_stack
            stack.beginMacro("Edit annotation")
            for creation in creations:
                stack.push(creation)
            stack.push(undo.EditAnnotation(self.window, annotation_id, ticked, dialog.note_text()))
            stack.endMacro()

        self._show(dialog, accepted)

    def _annotation(self, annotation_id: int) -> AnnotationRow | None:
        detail = self.reader.detail
        if detail is None:
            return None
        return next((a for a in detail.annotations if a.id == annotation_id), None)

    def delete_annotation(self, annotation_id: int) -> None:
        """Delete an annotation: a mention or a statistic's span goes with its mention/statistic."""
        row = self._annotation(annotation_id)
        if row is not None and row.statistic_id is not None and not row.codes and not row.note:
            self.push(undo.DeleteStatistic(self.window, row.statistic_id))
        elif row is not None and row.mention_id is not None:
            self.push(undo.delete_mention(self.window, annotation_id))
        else:
            self.push(undo.delete_annotation(self.window, annotation_id))

    # --- mention --------------------------------------------------------------------------

    def match_actors(self, spelling: str) -> list[lookup.ActorMatch]:
        with self._session() as session:
            return lookup.match_actors(session, spelling)

    def mention(self) -> None:
        """Link the selected text to an actor, existing or new."""
        selection = self._selection()
        if selection is None:
            return
        source_id, start, end, quote = selection
        detail = self.reader.detail
        kind = lookup.guess_actor_kind(detail.text, start, end) if detail is not None else None
        dialog = MentionDialog(quote, self.match_actors, kind_hint=kind, parent=self.window)

        def accepted() -> None:
            choice = dialog.choice()
            if choice is None:
                return
            stack = self.window.undo_stack
            stack.beginMacro(f"Mark {choice.name} as mentioned")
            actor: undo.IdOrRef
            if choice.actor_id is None:
                differs = choice.spelling.casefold() != choice.name.casefold()
                actor = undo.Ref()
                stack.push(undo.CreateActor(self.window, choice.name, choice.kind,
                                            [choice.spelling] if differs else [], ref=actor))
            else:
                actor = choice.actor_id
                if choice.spelling.casefold() != choice.name.casefold():
                    # a no-op when the actor already has this spelling among its aliases
                    stack.push(undo.AddAlias(self.window, actor, choice.spelling))
            stack.push(undo.CreateMention(self.window, source_id, start, end, actor))
            stack.endMacro()

        self._show(dialog, accepted)

    # --- statistic ------------------------------------------------------------------------

    def record_statistic(self) -> None:
        """Record the selected text as a statistic, with a form filled from the sentence."""
        selection = self._selection()
        detail = self.reader.detail
        if selection is None or detail is None:
            return
        source_id, start, end, _quote = selection
        draft = lookup.draft_statistic(detail.text, start, end, detail.row.published)
        with self._session() as session:
            measures = lookup.known_measures(session)
            names = [n for _id, n, _c, _k in actor_names(session)]
        dialog = StatisticDialog(draft, measures=measures, actor_names=names, parent=self.window)

        def accepted() -> None:
            self.push(undo.CreateStatistic(self.window, dialog.new_statistic(source_id)))

        self._show(dialog, accepted)

    # --- the reader -----------------------------------------------------------------------

    def _wire_reader(self) -> None:
        editor = self.reader.editor
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._reader_menu)

    def reader_menu(self, point: QPoint) -> QMenu:
        """The reader's context menu at a point of the editor's viewport."""
        w = self.window
        editor = self.reader.editor
        menu = editor.createStandardContextMenu(point)
        menu.setObjectName("readerMenu")
        menu.addSeparator()
        for a in (w.actionAnnotate, w.actionMention, w.actionRecordStatistic):
            menu.addAction(a)
        position = self.reader.offsets.to_codepoint(editor.cursorForPosition(point).position(),
                                                    round_down=True)
        for row in self.reader.annotations_at(position):
            menu.addSeparator()
            menu.addSection(_describe(row))
            if (row.mention_id is None and row.statistic_id is None) or row.codes or row.note:
                menu.addAction("Edit annotation…", partial(self.edit_annotation, row.id))
            if row.statistic_id is not None:
                stat = row.statistic_id
                menu.addAction("Show statistic", partial(w.select_statistic, stat))
                menu.addAction("Memo on statistic…", partial(self.edit_memo, "statistic", stat))
                menu.addAction("Delete statistic", partial(self._push_delete_statistic, stat))
            if row.mention_id is not None:
                menu.addAction("Delete mention", partial(self.delete_annotation, row.id))
            elif row.statistic_id is None:
                menu.addAction("Delete annotation", partial(self.delete_annotation, row.id))
        menu.addSeparator()
        menu.addAction(self.memo_actions[0])
        menu.addAction(self.correct_text_action)
        return menu

    def _push_delete_statistic(self, statistic_id: int) -> None:
        self.push(undo.DeleteStatistic(self.window, statistic_id))

    def _reader_menu(self, point: QPoint) -> None:
        menu = self.reader_menu(point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.reader.editor.mapToGlobal(point))

    # --- the annotations pane -------------------------------------------------------------

    def _wire_annotations_pane(self) -> None:
        pane = self.window.annotations
        view = pane.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._annotations_menu)
        view.doubleClicked.connect(lambda _index: self._edit_selected_annotation())
        self.delete_annotation_action = QAction("Delete", view)
        self.delete_annotation_action.setObjectName("actionDeleteAnnotation")
        self.delete_annotation_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.delete_annotation_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_annotation_action.triggered.connect(self._delete_selected_annotation)
        view.addAction(self.delete_annotation_action)

    def _edit_selected_annotation(self) -> None:
        selected = self.window.annotations.selected_annotation()
        if selected is not None:
            row = self._annotation(selected)
            if row is not None and row.statistic_id is not None and not row.codes and not row.note:
                self.window.select_statistic(row.statistic_id)
            else:
                self.edit_annotation(selected)

    def _delete_selected_annotation(self) -> None:
        selected = self.window.annotations.selected_annotation()
        if selected is not None:
            self.delete_annotation(selected)

    def _annotations_menu(self, point: QPoint) -> None:
        selected = self.window.annotations.selected_annotation()
        if selected is None:
            return
        menu = QMenu(self.window.annotations.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Edit codes and note…", lambda: self.edit_annotation(selected))
        menu.addAction("Delete", lambda: self.delete_annotation(selected))
        menu.popup(self.window.annotations.view.viewport().mapToGlobal(point))

    # --- the statistics pane --------------------------------------------------------------

    def _wire_statistics_pane(self) -> None:
        view = self.window.statistics.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._statistics_menu)
        self.delete_statistic_action = QAction("Delete Statistic", view)
        self.delete_statistic_action.setObjectName("actionDeleteStatistic")
        self.delete_statistic_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.delete_statistic_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_statistic_action.triggered.connect(self.delete_selected_statistic)
        view.addAction(self.delete_statistic_action)

    def delete_selected_statistic(self) -> None:
        selected = self.window.statistics.selected_statistic()
        if selected is not None:
            self.push(undo.DeleteStatistic(self.window, selected))

    def _statistics_menu(self, point: QPoint) -> None:
        selected = self.window.statistics.selected_statistic()
        if selected is None:
            return
        view = self.window.statistics.view
        menu = QMenu(view)
        menu.setObjectName("statisticsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Show in the Reader", lambda: self.window.select_statistic(selected))
        menu.addAction("Memo…", lambda: self.edit_memo("statistic", selected))
        menu.addSeparator()
        menu.addAction(self.delete_statistic_action)
        menu.popup(view.viewport().mapToGlobal(point))

    # --- the codebook ---------------------------------------------------------------------

    def _wire_codes_pane(self) -> None:
        pane = self.window.codes
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.code_buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("new", "New", "Create a code", self.new_code),
            ("edit", "Edit", "Rename, recolour or move the selected code", self.edit_code),
            ("merge", "Merge", "Merge the selected code into another", self.merge_code),
            ("delete", "Delete", "Delete the selected code", self.delete_code),
            ("memo", "Memo", "Write a memo on the selected code", lambda: self.edit_memo("code")),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(f"code{key.capitalize()}Button")
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.code_buttons[key] = button
        bar.addStretch(1)
        layout = pane.layout()
        if layout is not None:
            layout.insertLayout(0, bar)  # type: ignore[attr-defined]
        view = pane.view
        view.doubleClicked.connect(lambda _index: self.edit_code())
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._codes_menu)
        view.selectionModel().selectionChanged.connect(lambda *_: self._code_buttons_state())
        self._code_buttons_state()

    def _show_codes(self) -> None:
        self.window.codes.set_codes(self._codes)
        self._code_buttons_state()

    def select_code(self, code_id: int) -> None:
        self.window.codes.select_code(code_id)

    def _code_buttons_state(self) -> None:
        selected = self.window.codes.selected_code() is not None
        for key in ("edit", "merge", "delete", "memo"):
            self.code_buttons[key].setEnabled(selected)

    def _code(self, code_id: int | None) -> CodeRow | None:
        return next((c for c in self._codes if c.id == code_id), None)

    def _codes_menu(self, point: QPoint) -> None:
        menu = QMenu(self.window.codes.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("New code…", self.new_code)
        if self.window.codes.selected_code() is not None:
            menu.addAction("New sub-code…", lambda: self.new_code(sub=True))
            menu.addAction("Edit…", self.edit_code)
            menu.addAction("Merge into…", self.merge_code)
            menu.addAction("Delete…", self.delete_code)
            menu.addAction("Memo…", lambda: self.edit_memo("code"))
        menu.popup(self.window.codes.view.viewport().mapToGlobal(point))

    def new_code(self, sub: bool = False) -> None:
        parent_id = self.window.codes.selected_code() if sub else None
        dialog = CodeDialog(self._codes, colour=next_colour(len(self._codes)), parent_id=parent_id,
                            parent=self.window)

        def accepted() -> None:
            self.push(undo.CreateCode(self.window, dialog.name.text().strip(), dialog.colour,
                                      dialog.parent_id()))

        self._show(dialog, accepted)

    def edit_code(self) -> None:
        code = self._code(self.window.codes.selected_code())
        if code is None:
            return
        dialog = CodeDialog(self._codes, code=code, parent=self.window)

        def accepted() -> None:
            name = dialog.name.text().strip()
            stack = self.window.undo_stack
            changes: list[undo.ArchiveCommand] = []
            if name != code.name:
                changes.append(undo.EditCode(self.window, code.id, name=name))
            if dialog.colour != code.color:
                changes.append(undo.EditCode(self.window, code.id, color=dialog.colour))
            if dialog.parent_id() != code.parent_id:
                changes.append(undo.EditCode(self.window, code.id, parent_code=dialog.parent_id(), move=True))
            if len(changes) == 1:
                stack.push(changes[0])
            elif changes:
                stack.beginMacro(f"Edit code {code.name}")
                for change in changes:
                    stack.push(change)
                stack.endMacro()

        self._show(dialog, accepted)

    def merge_code(self) -> None:
        code = self._code(self.window.codes.selected_code())
        if code is None:
            return
        dialog = ChooseCodeDialog(
            self._codes, "Merge codes",
            f"Merge “{code.name}” into which code? Its {code.count} annotation(s) and its "
            "sub-codes move there, and it is deleted.",
            exclude={code.id}, parent=self.window,
        )

        def accepted() -> None:
            into = dialog.chosen()
            if into is not None:
                target = self._code(into)
                self.push(undo.MergeCodes(self.window, code.id, into,
                                          f"Merge {code.name} into {target.name if target else into}"))

        self._show(dialog, accepted)

    def delete_code(self) -> None:
        code = self._code(self.window.codes.selected_code())
        if code is None:
            return
        with self._session() as session:
            used = code_usage(session, code.id)
        if not used:
            self.push(undo.delete_code(self.window, code.id, code.name))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, "Delete code",
            f"“{code.name}” (with its sub-codes) is used by {used} annotation(s). Delete it anyway? "
            "The annotations stay, without this code. (Edit ▸ Undo brings it back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window,
        )
        box.setObjectName("deleteCodeBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def finished(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.push(undo.delete_code(self.window, code.id, code.name))

        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(finished)
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = box
        box.finished.connect(lambda _r: setattr(self, "dialog", None))
        box.open()
        self.dialog_opened.emit(box)

    # --- correcting the text ----------------------------------------------------------------

    def correct_text(self) -> None:
        """Edit the source's text; annotations are anchored again, the unplaced ones listed."""
        detail = self.reader.detail
        if detail is None:
            self._status("Open a source first.")
            return
        source_id = detail.row.id
        dialog = SourceTextDialog(detail.row.title or "untitled", detail.text,
                                  len(detail.annotations), parent=self.window)

        def accepted() -> None:
            if not dialog.changed():
                return
            command = undo.ReplaceText(self.window, source_id, dialog.text())
            command.on_done = self._text_replaced
            self.push(command)

        self._show(dialog, accepted)

    def _text_replaced(self, command: undo.ArchiveCommand) -> None:
        report = getattr(command, "report", None)
        if report is None:  # undone: the old text and anchors are back
            self._refresh_orphans()
            return
        self._status(
            f"Text corrected: {len(report.placed)} annotation(s) unchanged, {len(report.moved)} "
            f"moved, {len(report.orphaned)} could not be placed."
        )
        if report.orphaned:
            self.show_orphans()
        else:
            self._refresh_orphans()

    def _orphans(self) -> list[Any]:
        source_id = self.reader.source_id
        if source_id is None:
            return []
        with self._session() as session:
            return orphans_of(session, [source_id])

    def show_orphans(self) -> None:
        """The annotations of the shown source that wait to be placed by hand."""
        if self.orphans_dialog is None:
            dialog = OrphansDialog(self._orphans(), parent=self.window)
            dialog.place_requested.connect(self._place_orphan)
            dialog.finished.connect(lambda _r: setattr(self, "orphans_dialog", None))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.orphans_dialog = dialog
        self._refresh_orphans()
        self.orphans_dialog.show()

    def _source_changed(self) -> None:
        if self.orphans_dialog is not None:
            self._refresh_orphans()
        elif self.reader.source_id is not None and self._orphans():
            count = len(self._orphans())
            self._status(f"{count} annotation(s) of this source could not be placed after its text "
                         "changed: Annotate ▸ Unplaced Annotations… lists them.")

    def _refresh_orphans(self) -> None:
        dialog = self.orphans_dialog
        if dialog is not None:
            dialog.has_selection = self.reader.selected_span() is not None
            dialog.set_orphans(self._orphans())

    def _place_orphan(self, annotation_id: int) -> None:
        selection = self._selection()
        if selection is None:
            return
        _source_id, start, end, _quote = selection
        self.push(undo.PlaceOrphan(self.window, annotation_id, start, end))

    # --- memos ----------------------------------------------------------------------------

    def _memo_target(self, kind: str, target_id: int | None) -> tuple[int, str] | None:
        w = self.window
        if target_id is None:
            if kind == "source":
                target_id = self.reader.source_id
            elif kind == "actor":
                target_id = w.actors.selected_actor()
            elif kind == "statistic":
                target_id = w.statistics.selected_statistic()
            elif kind == "code":
                target_id = w.codes.selected_code()
        if target_id is None or target_id < 0:
            self._status(f"Select a {kind} first.")
            return None
        with self._session() as session:
            uuid = lookup.target_uuid(session, kind, target_id)
            if uuid is None:
                return None
            label = lookup.memo_label(session, kind, uuid)
        return target_id, label

    def edit_memo(self, kind: str, target_id: int | None = None) -> None:
        """Write the memo on a source, actor, statistic or code (the selected one by default)."""
        target = self._memo_target(kind, target_id)
        if target is None:
            return
        target_id, label = target
        with self._session() as session:
            uuid = lookup.target_uuid(session, kind, target_id)
            assert uuid is not None
            old = lookup.memo_text(session, kind, uuid)
        dialog = MemoDialog(f"{kind.capitalize()}: {label}", old, parent=self.window)

        def accepted() -> None:
            if dialog.text() != (old or ""):
                self.push(undo.EditMemo(self.window, kind, uuid, dialog.text()))

        self._show(dialog, accepted)

    def find_memos(self) -> None:
        """A searchable list of every memo; double-click one to go to what it is on."""
        dialog = MemoSearchDialog(self._search_memos, parent=self.window)
        dialog.chosen.connect(self._go_to_memo)
        self._show(dialog, lambda: None)

    def _search_memos(self, words: str) -> list[lookup.MemoRow]:
        with self._session() as session:
            return lookup.search_memos(session, words)

    def _go_to_memo(self, kind: str, target_id: int) -> None:
        w = self.window
        if kind == "source":
            w.open_source(target_id)
        elif kind == "statistic":
            w.select_statistic(target_id)
        elif kind == "actor":
            w.actors.select_actor(target_id)
        elif kind == "code":
            w.docks["codes"].raise_()
            self.select_code(target_id)


class MemoSearchDialog(QDialog):
    """Type words; the memos holding all of them are listed."""

    chosen = Signal(str, int)

    def __init__(self, search: Callable[[str], list[lookup.MemoRow]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoSearchDialog")
        self.setWindowTitle("Find in memos")
        self.resize(520, 420)
        self._search = search
        self.edit = QLineEdit()
        self.edit.setObjectName("memoSearch")
        self.edit.setPlaceholderText("Words in the memo")
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("memoResults")
        self.results.setWordWrap(True)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self.run)
        self.results.itemActivated.connect(self._activated)
        self.run("")

    def run(self, words: str) -> None:
        self.results.clear()
        memos = self._search(words)
        for memo in memos:
            first = " ".join(memo.text.split())
            item = QListWidgetItem(f"{memo.target_kind.capitalize()}: {memo.target_label}\n{first[:200]}")
            item.setData(Qt.ItemDataRole.UserRole, (memo.target_kind, memo.target_id))
            item.setToolTip(memo.text)
            self.results.addItem(item)
        self.count.setText(f"{len(memos)} memo{'s' if len(memos) != 1 else ''}")

    def _activated(self, item: QListWidgetItem) -> None:
        kind, target_id = item.data(Qt.ItemDataRole.UserRole)
        if target_id is not None:
            self.chosen.emit(kind, int(target_id))


def _describe(row: AnnotationRow) -> str:
    quote = " ".join(row.quote.split())
    quote = quote if len(quote) <= 40 else quote[:37] + "…"
    if row.mention_id is not None:
        return f"Mention of {row.actor}: “{quote}”"
    if row.statistic_id is not None and not row.codes:
        return f"Statistic: “{quote}”"
    return f"{', '.join(row.codes) or 'Annotation'}: “{quote}”"


def install(window: MainWindow) -> Annotating:
    """Wire annotating onto a main window (once); returns the controller, also ``window.annotating``."""
    existing = getattr(window, "annotating", None)
    if isinstance(existing, Annotating):
        return existing
    controller = Annotating(window)
    window.annotating = controller
    return controller


__all__ = ["Annotating", "MemoSearchDialog", "install"]
