"""Statistics as claims: edits from the table, conflicts between claims, tables out (statistics
and actors as CSV/XLSX) and reference data in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.conflict_groups import ConflictGroup
from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import actors as actor_reads
from desktop.reads import statistics as reads
from desktop.settings import remember_table_mapping, remembered_table_mapping
from desktop.tasks import Task
from desktop.views.conflicts import ConflictsPane
from desktop.views.dialogs.reference_import import ReferenceImportDialog
from desktop.views.statistics.filtering import ConflictingIds
from desktop.views.statistics.pane import StatisticsPane

TABLE_FILTER = "CSV (*.csv);;Excel workbook (*.xlsx)"

if TYPE_CHECKING:
    from db.interchange.layouts import TableMapping


def _remembered_mapping(columns: list[str]) -> TableMapping | None:
    """The mapping confirmed last for a table with these columns (kept in QSettings, per user)."""
    from db.interchange.mapping_fields import from_record

    record = remembered_table_mapping(columns)
    return from_record(record, columns) if record is not None else None


class Statistics(QObject):
    """Pushes the statistics pane's edits, keeps the conflicts current, moves tables in and out."""

    #: conflicts were recomputed after a change
    conflicts_updated = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, pane: StatisticsPane,
                 conflicts_pane: ConflictsPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.pane = pane
        self.conflicts_pane = conflicts_pane
        self.conflicts: list[ConflictGroup] = []
        pane.edit_requested.connect(self.edit_statistic)
        pane.edit_refused.connect(lambda reason: services.show_status(reason, 8000))
        services.archive_changed.connect(self.refresh_conflicts)

    # --- edits and conflicts --------------------------------------------------------------

    def edit_statistic(self, statistic_id: int, changes: dict[str, Any], text: str, version: object = None) -> None:
        expected = version if isinstance(version, int) else None
        self.services.undo_stack.push(undo.EditStatistic(self.services, statistic_id, changes, text,
                                                         expected_version=expected))

    def refresh_conflicts(self) -> Task:
        """Recompute the conflicts off the GUI thread (after a change, and at opening)."""
        archive = self.services.archive
        # their ids packed for the pane's flags on the reader too: 0.2 s of the GUI thread at 1M
        task = self.services.tasks.read(lambda *_: ConflictingIds(reads.conflicts(archive)), "conflicts",
                                        background=True)
        task.on_finished(self._conflicts_arrived)
        task.on_failed(self.services.show_status)
        return task

    def _conflicts_arrived(self, flagged: ConflictingIds) -> None:
        self.conflicts = flagged.conflicts
        self.pane.set_conflicts(flagged)
        self.conflicts_pane.set_conflicts(flagged.conflicts)
        self.conflicts_updated.emit()

    # --- tables out -----------------------------------------------------------------------

    def export_statistics(self, path: Path | None = None) -> Task | None:
        """Save the statistics the pane shows (filters applied), in its order, off the GUI thread."""
        path = path or self._save_path("Export statistics", "statistics.xlsx")
        if path is None:
            return None
        # the filters' list read with the export: the pane's may still be on its way
        chosen = self.pane.claim_filter()
        archive = self.services.archive
        return self._export(lambda *_: reads.export_statistics(archive, path, reads.listed(archive, chosen).ids),
                            path, "statistics")

    def export_actors(self, path: Path | None = None) -> Task | None:
        path = path or self._save_path("Export actors", "actors.xlsx")
        if path is None:
            return None
        archive = self.services.archive
        return self._export(lambda *_: actor_reads.export_actors(archive, path), path, "actors")

    def _save_path(self, title: str, name: str) -> Path | None:
        archive_path = self.services.archive.path
        folder = archive_path.parent if archive_path is not None else Path.home()
        chosen, selected = QFileDialog.getSaveFileName(self.dialogs.parent_widget, title,
                                                       str(folder / name), TABLE_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv" if "csv" in selected.lower() else ".xlsx")
        return path

    def _export(self, job: Callable[..., int], path: Path, what: str) -> Task:
        # a large workbook takes seconds to write (openpyxl): never on the GUI thread
        self.services.show_status(f"Saving {what} to {path}…")
        task = self.services.tasks.read(job, f"export {what}")
        task.on_finished(lambda count: self.services.show_status(f"Saved {int(count):,} {what} to {path}", 8000))
        task.on_failed(self._export_failed)
        return task

    def _export_failed(self, error: str) -> None:
        QMessageBox.warning(self.dialogs.parent_widget, "Export", error)

    # --- reference data in ----------------------------------------------------------------

    def import_reference(self, path: Path | None = None) -> ReferenceImportDialog | None:
        """Choose a table, check the guessed columns, and import it (undoable)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.dialogs.parent_widget, "Import reference data", str(Path.home()),
                "Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)",
            )
            if not chosen:
                return None
            path = Path(chosen)
        archive = self.services.archive
        dialog = ReferenceImportDialog(
            path, lambda table: reads.preview_reference_table(archive, table),
            lambda dataset: reads.reference_figures(archive, dataset), self.dialogs.parent_widget,
            remembered=_remembered_mapping,
        )
        return self.dialogs.show(dialog, lambda: self._import_chosen(dialog), delete_on_close=False)

    def _import_chosen(self, dialog: ReferenceImportDialog) -> None:
        mapping = dialog.mapping()
        if mapping is not None:
            # the next table with these columns comes mapped as this one was confirmed
            from db.interchange.mapping_fields import to_record

            remember_table_mapping(dialog.columns, to_record(mapping))
        command = undo.ImportReferenceData(
            self.services, dialog.path, dialog.dataset(), mapping,
            replace_existing=dialog.replace_existing(),
        )
        self.services.undo_stack.push(command)
        task = command.last_task
        if task is not None:
            task.on_finished(lambda _r: self._imported(command))

    def _imported(self, command: undo.ImportReferenceData) -> None:
        summary = command.summary
        if summary is None:
            return
        skipped = f"; {summary.skipped_count} cells left out" if summary.skipped_count else ""
        self.services.show_status(
            f"Imported {summary.statistics:,} figures of {summary.dataset} "
            f"({', '.join(summary.measures)}){skipped}", 8000,
        )
