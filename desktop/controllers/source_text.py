"""Correcting a source's text: its annotations follow their words, and those that cannot be
found are listed for the researcher to place by hand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from db.anchors import Orphan
from db.rows import SourceDetail
from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import annotations as reads
from desktop.reads import sources as source_reads
from desktop.views.dialogs import OrphansDialog, SourceTextDialog
from desktop.views.reader import ReaderView

Selection = Callable[[], "tuple[int, int, int, str] | None"]


class SourceText(QObject):
    """Correct the text shown in the reader; place the annotations left without their words."""

    def __init__(self, services: Services, dialogs: Dialogs, reader: ReaderView, selection: Selection,
                 parent: QObject | None = None) -> None:
        """``selection()`` is the reader's selection as (source id, start, end, quote), trimmed."""
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.reader = reader
        self._selection = selection
        #: the list of annotations to place by hand, while it is open
        self.orphans_dialog: OrphansDialog | None = None
        services.archive_changed.connect(self._refresh_orphans)
        reader.source_changed.connect(self._source_changed)
        reader.editor.selectionChanged.connect(self._selection_changed)

    def correct_text(self, *, detail: SourceDetail | None = None, edited: str | None = None,
                     notice: str | None = None) -> None:
        """Edit the source's text; annotations are anchored again, the unplaced ones listed.

        When a colleague corrected the same text between opening and saving, nothing is
        overwritten: the editor opens again on the researcher's version (``edited``) over the
        colleague's text, saying so; saving then replaces theirs (Edit ▸ Undo brings it back)."""
        detail = detail or self.reader.detail
        if detail is None:
            self.services.show_status("Open a source first.")
            return
        source_id, shown = detail.row.id, detail.text
        dialog = SourceTextDialog(detail.row.title or "untitled", shown, len(detail.annotations),
                                  parent=self.dialogs.parent_widget, edited=edited, notice=notice)

        def accepted() -> None:
            typed = dialog.text()
            if typed == shown:
                return
            command = undo.ReplaceText(self.services, source_id, typed, shown=shown)
            command.on_done = self._text_replaced
            command.on_conflict = lambda what: self._refused(source_id, typed, what)
            self.services.undo_stack.push(command)

        self.dialogs.show(dialog, accepted)

    def _refused(self, source_id: int, typed: str, what: str) -> None:
        current = source_reads.source_detail(self.services.archive, source_id)
        if current is None:
            return
        self.correct_text(detail=current, edited=typed, notice=(
            f"This text was {what}. Your corrections are below and were not saved; Save replaces "
            "their version with yours (Edit ▸ Undo brings theirs back), Cancel keeps theirs."))

    def _text_replaced(self, command: undo.ArchiveCommand) -> None:
        report = command.report if isinstance(command, undo.ReplaceText) else None
        if report is None:  # undone: the old text and anchors are back
            self._refresh_orphans()
            return
        self.services.show_status(
            f"Text corrected: {len(report.placed)} annotation(s) unchanged, {len(report.moved)} "
            f"moved, {len(report.orphaned)} could not be placed."
        )
        if report.orphaned:
            self.show_orphans()
        else:
            self._refresh_orphans()

    def _orphans(self) -> list[Orphan]:
        source_id = self.reader.source_id
        return [] if source_id is None else reads.orphans(self.services.archive, source_id)

    def show_orphans(self) -> OrphansDialog:
        """The annotations of the shown source that wait to be placed by hand."""
        if self.orphans_dialog is None:
            dialog = OrphansDialog(self._orphans(), parent=self.dialogs.parent_widget)
            dialog.place_requested.connect(self._place_orphan)
            dialog.finished.connect(self._orphans_closed)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.orphans_dialog = dialog
        self._refresh_orphans()
        self.orphans_dialog.show()
        return self.orphans_dialog

    def _orphans_closed(self, _result: int) -> None:
        self.orphans_dialog = None

    def _source_changed(self) -> None:
        if self.orphans_dialog is not None:
            self._refresh_orphans()
            return
        count = len(self._orphans())
        if count:
            self.services.show_status(
                f"{count} annotation(s) of this source could not be placed after its text "
                "changed: Annotate ▸ Unplaced Annotations… lists them."
            )

    def _selection_changed(self) -> None:
        if self.orphans_dialog is not None:
            self.orphans_dialog.has_selection = self.reader.selected_span() is not None
            self.orphans_dialog.update_buttons()

    def _refresh_orphans(self) -> None:
        dialog = self.orphans_dialog
        if dialog is not None:
            dialog.has_selection = self.reader.selected_span() is not None
            dialog.set_orphans(self._orphans())

    def _place_orphan(self, annotation_id: int) -> None:
        selection = self._selection()
        if selection is not None:
            _source_id, start, end, _quote = selection
            self.services.undo_stack.push(undo.PlaceOrphan(self.services, annotation_id, start, end))
