"""Statistics and actors on the main window: filters and totals, conflicts, suggestions, the actor
editor, merging, and tables in and out (File ▸ Export/Import).

``install(window)`` adds all of it to a :class:`~desktop.views.main_window.MainWindow` without
changing the window's own code: two docks (Conflicts, Suggestions), an Actors menu, three File
menu entries, and tools on the statistics pane. Every write is an undoable command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QMessageBox

from desktop import stats_operations
from desktop.stats_undo import (
    DeleteActor,
    EditActorRecord,
    EditStatistic,
    ImportReferenceData,
    MergeActors,
)
from desktop.undo import CreateActor
from desktop.views.actor_editor import ActorEditorDialog, MergeActorsDialog, NewActorDialog
from desktop.views.conflicts import ConflictsPane
from desktop.views.statistics_tools import StatisticsToolsHandle, install_statistics_tools
from desktop.views.suggestions import SuggestionsPane

if TYPE_CHECKING:
    from db.conflicts import Conflict
    from db.queries import ActorRow
    from db.registry import DuplicateCandidate
    from desktop.tasks import Task
    from desktop.views.main_window import MainWindow

TABLE_FILTER = "CSV (*.csv);;Excel workbook (*.xlsx)"


class StatsActors(QObject):
    """The controller: owns the added panes and actions, and pushes their commands."""

    #: conflicts were recomputed after a change (for tests and the chart)
    conflicts_updated = Signal()
    #: the merge dialog is open (the duplicates are found off the GUI thread first)
    merge_dialog_opened = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.conflicts: list[Conflict] = []
        self.actor_rows: list[ActorRow] = []
        self.tools: StatisticsToolsHandle = install_statistics_tools(
            window.statistics, self.edit_statistic, self._message
        )
        self.conflicts_pane = ConflictsPane()
        self.suggestions_pane = SuggestionsPane(window)
        self._add_docks()
        self._add_actions()
        self.conflicts_pane.statistic_activated.connect(window.select_statistic)
        self.suggestions_pane.suggestion_clicked.connect(lambda: window.docks["suggestions"].raise_())
        # after every write (and the window's own refresh, which may skip a step when superseded)
        window.archive_changed.connect(self.refresh)
        window.reader.source_changed.connect(self.suggestions_pane.refresh)
        window.actors.view.doubleClicked.connect(lambda _index: self.edit_selected_actor())
        window.actors.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.actors.view.customContextMenuRequested.connect(self._actor_menu)
        self.refresh()

    # --- construction ---------------------------------------------------------------------

    def _add_docks(self) -> None:
        window = self.window
        conflicts = QDockWidget("Conflicts", window)
        conflicts.setObjectName("conflictsDock")
        conflicts.setWidget(self.conflicts_pane)
        suggestions = QDockWidget("Suggestions", window)
        suggestions.setObjectName("suggestionsDock")
        suggestions.setWidget(self.suggestions_pane)
        for dock in (conflicts, suggestions):
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, conflicts)
        window.tabifyDockWidget(window.docks["statistics"], conflicts)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, suggestions)
        window.tabifyDockWidget(window.docks["annotations"], suggestions)
        window.docks["statistics"].raise_()
        window.docks["annotations"].raise_()
        window.docks["conflicts"] = conflicts
        window.docks["suggestions"] = suggestions
        view_menu = getattr(window, "view_menu", None)
        if isinstance(view_menu, QMenu):
            # after the other panes' toggles, before the separator and Reset Layout
            separator = next((a for a in view_menu.actions() if a.isSeparator()), None)
            for key in ("conflicts", "suggestions"):
                toggle = window.docks[key].toggleViewAction()
                toggle.setObjectName(f"actionShow{key.capitalize()}")
                view_menu.insertAction(separator, toggle)  # type: ignore[arg-type]

    def _action(self, name: str, text: str, tip: str, slot: Any) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        setattr(self.window, name, action)
        return action

    def _add_actions(self) -> None:
        window = self.window
        self.export_statistics_action = self._action(
            "actionExportStatistics", "Export &Statistics…",
            "Save the statistics shown (as filtered) to a CSV or Excel file", self.export_statistics,
        )
        self.export_actors_action = self._action(
            "actionExportActors", "Export &Actors…", "Save every actor with its aliases to a CSV or Excel file",
            self.export_actors,
        )
        self.import_reference_action = self._action(
            "actionImportReference", "Import &Reference Data…",
            "Import a table of figures (World Bank, a spreadsheet…) to compare claims with",
            self.import_reference,
        )
        self.new_actor_action = self._action(
            "actionNewActor", "&New Actor…", "Add a person, group, place or outlet to the registry",
            self.new_actor,
        )
        self.delete_actor_action = self._action(
            "actionDeleteActor", "&Delete Actor", "Delete the selected actor with its names, mentions and relations",
            self.delete_selected_actor,
        )
        self.edit_actor_action = self._action(
            "actionEditActor", "&Edit Actor…", "Edit the selected actor: names, kind, relations",
            self.edit_selected_actor,
        )
        self.merge_actors_action = self._action(
            "actionMergeActors", "&Merge Actors…", "Merge two records of the same actor (likely duplicates listed)",
            self.merge_actors,
        )
        self.show_conflicts_action = self._action(
            "actionShowConflictsList", "Show &Conflicting Claims", "List the claims that disagree",
            self.show_conflicts,
        )
        bar = window.menuBar()
        file_menu = next((a.menu() for a in bar.actions() if a.text().replace("&", "") == "File"), None)
        if isinstance(file_menu, QMenu):
            quit_action = getattr(window, "actionQuit", None)
            before = quit_action if quit_action in file_menu.actions() else None
            for action in (self.import_reference_action, self.export_statistics_action, self.export_actors_action):
                file_menu.insertAction(before, action)  # type: ignore[arg-type]
            file_menu.insertSeparator(before)  # type: ignore[arg-type]
        view_action = next((a for a in bar.actions() if a.text().replace("&", "") == "View"), None)
        menu = QMenu("A&ctors", window)
        menu.setObjectName("actorsMenu")
        menu.addAction(self.new_actor_action)
        menu.addAction(self.edit_actor_action)
        menu.addAction(self.merge_actors_action)
        menu.addAction(self.delete_actor_action)
        menu.addSeparator()
        menu.addAction(self.show_conflicts_action)
        self.actors_menu = menu
        if view_action is not None:
            bar.insertMenu(view_action, menu)
        else:
            bar.addMenu(menu)

    # --- refreshing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute conflicts (and the actor list) off the GUI thread after a change."""
        archive = self.window.archive

        def job(*_: object) -> tuple[list[Conflict], list[ActorRow]]:
            return stats_operations.conflicts(archive), stats_operations.actors(archive)

        task = self.window.tasks.read(job, "conflicts")
        task.on_finished(self._refreshed)
        task.on_failed(self._message)

    def _refreshed(self, result: tuple[list[Conflict], list[ActorRow]]) -> None:
        self.conflicts, self.actor_rows = result
        self.tools.proxy.set_conflicts(self.conflicts)
        self.conflicts_pane.set_conflicts(self.conflicts)
        self.tools.update()
        title = f"Conflicts ({len(self.conflicts)})" if self.conflicts else "Conflicts"
        self.window.docks["conflicts"].setWindowTitle(title)
        self.conflicts_updated.emit()

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # --- statistics -----------------------------------------------------------------------

    def edit_statistic(self, statistic_id: int, changes: dict[str, Any], text: str) -> None:
        self.window.undo_stack.push(EditStatistic(self.window, statistic_id, changes, text))

    def show_conflicts(self) -> None:
        dock = self.window.docks["conflicts"]
        dock.show()
        dock.raise_()

    def export_statistics(self, path: Path | None = None) -> Task | None:
        """Save the statistics the pane shows (filters applied), in its order, off the GUI thread."""
        path = path or self._save_path("Export statistics", "statistics.xlsx")
        if path is None:
            return None
        ids = [r.id for r in self.tools.proxy.visible_rows()]
        archive = self.window.archive
        return self._export(lambda *_: stats_operations.export_statistics(archive, path, ids), path, "statistics")

    def export_actors(self, path: Path | None = None) -> Task | None:
        path = path or self._save_path("Export actors", "actors.xlsx")
        if path is None:
            return None
        archive = self.window.archive
        return self._export(lambda *_: stats_operations.export_actors(archive, path), path, "actors")

    def _save_path(self, title: str, name: str) -> Path | None:
        folder = self.window.archive.path.parent if self.window.archive.path else Path.home()
        chosen, selected = QFileDialog.getSaveFileName(self.window, title, str(folder / name), TABLE_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv" if "csv" in selected.lower() else ".xlsx")
        return path

    def _export(self, job: Any, path: Path, what: str) -> Task:
        # a large workbook takes seconds to write (openpyxl): never on the GUI thread
        self._message(f"Saving {what} to {path}…")
        task = self.window.tasks.read(job, f"export {what}")
        task.on_finished(lambda count: self._message(f"Saved {int(count):,} {what} to {path}"))
        task.on_failed(lambda error: QMessageBox.warning(self.window, "Export", error))
        return task

    def import_reference(self, path: Path | None = None) -> ImportReferenceData | None:
        """Choose a table, check the guessed columns, and import it (undoable)."""
        from desktop.views.reference_import import ReferenceImportDialog

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Import reference data", str(Path.home()),
                "Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)",
            )
            if not chosen:
                return None
            path = Path(chosen)
        dialog = ReferenceImportDialog(self.window.archive, path, self.window)
        self.reference_dialog = dialog
        dialog.accepted.connect(lambda: self._import_chosen(dialog))
        dialog.open()
        return None

    def _import_chosen(self, dialog: Any) -> None:
        command = ImportReferenceData(
            self.window, dialog.path, dialog.dataset(), dialog.mapping(),
            replace_existing=dialog.replace_existing(),
        )
        self.window.undo_stack.push(command)
        task = command.last_task
        if task is not None:
            task.on_finished(lambda _r: self._imported(command))

    def _imported(self, command: ImportReferenceData) -> None:
        summary = command.summary
        if summary is None:
            return
        skipped = f"; {summary.skipped_count} cells left out" if summary.skipped_count else ""
        self._message(
            f"Imported {summary.statistics:,} figures of {summary.dataset} "
            f"({', '.join(summary.measures)}){skipped}"
        )

    # --- actors ---------------------------------------------------------------------------

    def _actor_menu(self, point: Any) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.new_actor_action)
        menu.addAction(self.edit_actor_action)
        menu.addAction(self.merge_actors_action)
        menu.addAction(self.delete_actor_action)
        menu.exec(self.window.actors.view.viewport().mapToGlobal(point))

    def new_actor(self) -> NewActorDialog:
        dialog = NewActorDialog(self.window)
        self.new_actor_dialog = dialog

        def create() -> None:
            name, kind = dialog.choice()
            self.window.undo_stack.push(CreateActor(self.window, name, kind))

        dialog.accepted.connect(create)
        dialog.open()
        return dialog

    def delete_selected_actor(self) -> None:
        row = self.window.actors.selected_actor_row()
        if row is None:
            self._message("Select an actor first.")
            return
        self.window.undo_stack.push(DeleteActor(self.window, row.id, row.name))
        self._message(f"Deleted {row.name} (Edit ▸ Undo brings it back with its mentions)")

    def edit_selected_actor(self) -> ActorEditorDialog | None:
        actor_id = self.window.actors.selected_actor()
        if actor_id is None:
            self._message("Select an actor first.")
            return None
        return self.edit_actor(actor_id)

    def edit_actor(self, actor_id: int) -> ActorEditorDialog | None:
        archive = self.window.archive
        try:
            state = stats_operations.actor_record(archive, actor_id)
        except ValueError as error:
            self._message(str(error))
            return None
        dialog = ActorEditorDialog(
            actor_id, state, stats_operations.actors(archive), self.window,
            detail=stats_operations.actor(archive, actor_id),
        )
        dialog.source_requested.connect(lambda source_id: self.window.open_source(source_id))
        dialog.statistic_requested.connect(self.window.select_statistic)
        self.actor_dialog = dialog
        dialog.accepted.connect(lambda: self._actor_edited(dialog))
        dialog.open()
        return dialog

    def _actor_edited(self, dialog: ActorEditorDialog) -> None:
        after = dialog.state()
        if after != dialog.before:
            self.window.undo_stack.push(EditActorRecord(self.window, dialog.actor_id, dialog.before, after))

    def merge_actors(self) -> Task:
        """Find the likely duplicates off the GUI thread, then offer them in the merge dialog."""
        archive = self.window.archive
        merged_id = self.window.actors.selected_actor()
        self._message("Looking for likely duplicates…")

        def job(*_: object) -> tuple[list[DuplicateCandidate], list[ActorRow]]:
            return stats_operations.likely_duplicates(archive), stats_operations.actors(archive)

        task = self.window.tasks.read(job, "likely duplicates")
        task.on_finished(lambda result: self._open_merge_dialog(*result, merged_id=merged_id))
        task.on_failed(self._message)
        return task

    def _open_merge_dialog(self, duplicates: list[DuplicateCandidate], actors: list[ActorRow], *,
                           merged_id: int | None) -> MergeActorsDialog:
        self.window.statusBar().clearMessage()
        dialog = MergeActorsDialog(duplicates, actors, self.window, merged_id=merged_id)
        self.merge_dialog = dialog
        dialog.accepted.connect(lambda: self._merge_chosen(dialog))
        dialog.open()
        self.merge_dialog_opened.emit()
        return dialog

    def _merge_chosen(self, dialog: MergeActorsDialog) -> None:
        choice = dialog.choice()
        if choice is None:
            return
        survivor, merged = choice
        names = {a.id: a.name for a in dialog.actors}
        self.window.undo_stack.push(
            MergeActors(self.window, survivor, merged, f"Merge {names.get(merged)} into {names.get(survivor)}")
        )


def install(window: MainWindow) -> StatsActors:
    """Add statistics and actor tools to a main window (once); also ``window.stats_actors``."""
    existing = getattr(window, "stats_actors", None)
    if isinstance(existing, StatsActors):
        return existing
    controller = StatsActors(window)
    window.stats_actors = controller  # type: ignore[attr-defined]
    return controller
