"""The actor registry: add, edit (names, kind, relations), merge likely duplicates, delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from db.actors import DuplicateCandidate
from db.rows import ActorRow
from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import actors as reads
from desktop.tasks import Task
from desktop.views.actors import ActorsPane
from desktop.views.dialogs.actor_editor import ActorEditorDialog
from desktop.views.dialogs.actors import MergeActorsDialog, NewActorDialog


class Actors(QObject):
    """Edits of the registry, each an undo command; the actor editor links to where it is seen."""

    #: a source (from the editor's "Seen in" list) should be shown
    source_requested = Signal(int)
    #: a statistic (from the editor's "Seen in" list) should be shown
    statistic_requested = Signal(int)

    def __init__(self, services: Services, dialogs: Dialogs, pane: ActorsPane,
                 menu_actions: Sequence[QAction] = (), parent: QObject | None = None) -> None:
        """``menu_actions`` make the Actors pane's context menu (New, Edit, Merge, Delete …)."""
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.pane = pane
        self.menu_actions = list(menu_actions)
        pane.view.doubleClicked.connect(lambda _index: self.edit_selected_actor())
        pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.view.customContextMenuRequested.connect(self._menu)

    def _menu(self, point: QPoint) -> None:
        menu = QMenu(self.pane.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.menu_actions:
            menu.addAction(action)
        menu.popup(self.pane.view.viewport().mapToGlobal(point))

    def new_actor(self) -> NewActorDialog:
        dialog = NewActorDialog(self.dialogs.parent_widget)

        def create() -> None:
            name, kind = dialog.choice()
            self.services.undo_stack.push(undo.CreateActor(self.services, name, kind))

        return self.dialogs.show(dialog, create, delete_on_close=False)

    def delete_selected_actor(self) -> None:
        row = self.pane.selected_actor_row()
        if row is None:
            self.services.show_status("Select an actor first.")
            return
        self.services.undo_stack.push(undo.DeleteActor(self.services, row.id, row.name))
        self.services.show_status(f"Deleted {row.name} (Edit ▸ Undo brings it back with its mentions)")

    def edit_selected_actor(self) -> ActorEditorDialog | None:
        actor_id = self.pane.selected_actor()
        if actor_id is None:
            self.services.show_status("Select an actor first.")
            return None
        return self.edit_actor(actor_id)

    def edit_actor(self, actor_id: int) -> ActorEditorDialog | None:
        archive = self.services.archive
        try:
            state, version = reads.actor_record_to_edit(archive, actor_id)
        except ValueError as error:
            self.services.show_status(str(error))
            return None
        dialog = ActorEditorDialog(actor_id, state, reads.actors(archive), self.dialogs.parent_widget,
                                   detail=reads.actor(archive, actor_id))
        dialog.source_requested.connect(self.source_requested)
        dialog.statistic_requested.connect(self.statistic_requested)

        def edited() -> None:
            after = dialog.state()
            if after != dialog.before:
                self.services.undo_stack.push(
                    undo.EditActorRecord(self.services, actor_id, dialog.before, after, expected_version=version))

        return self.dialogs.show(dialog, edited, delete_on_close=False)

    def merge_actors(self) -> Task:
        """Find the likely duplicates off the GUI thread, then offer them in the merge dialog."""
        archive = self.services.archive
        merged_id = self.pane.selected_actor()
        self.services.show_status("Looking for likely duplicates…")

        def job(*_: object) -> tuple[list[DuplicateCandidate], list[ActorRow]]:
            return reads.likely_duplicates(archive), reads.actors(archive)

        task = self.services.tasks.read(job, "likely duplicates")
        task.on_finished(lambda result: self._open_merge_dialog(*result, merged_id=merged_id))
        task.on_failed(self.services.show_status)
        return task

    def _open_merge_dialog(self, duplicates: list[DuplicateCandidate], actors: list[ActorRow], *,
                           merged_id: int | None) -> None:
        self.services.show_status("")
        dialog = MergeActorsDialog(duplicates, actors, self.dialogs.parent_widget, merged_id=merged_id)

        def chosen() -> None:
            choice = dialog.choice()
            if choice is None:
                return
            survivor, merged = choice
            names = {a.id: a.name for a in dialog.actors}
            self.services.undo_stack.push(undo.MergeActors(
                self.services, survivor, merged, f"Merge {names.get(merged)} into {names.get(survivor)}"
            ))

        self.dialogs.show(dialog, chosen, delete_on_close=False)
