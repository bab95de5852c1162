"""Memos: the researcher's notes on a source, actor, statistic or code, and a search over them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import annotations as reads
from desktop.views.dialogs import MemoDialog, MemoSearchDialog

#: what a memo can be on
KINDS = ("source", "actor", "statistic", "code")


class Memos(QObject):
    """Write memos (undoably) and find them; going to a memo's target is the window's to do."""

    #: a memo found in the search was chosen: (kind, id) of what it is on
    target_requested = Signal(str, int)

    def __init__(self, services: Services, dialogs: Dialogs,
                 selected: Callable[[str], int | None], parent: QObject | None = None) -> None:
        """``selected(kind)`` is the id of the source shown or the actor/statistic/code selected."""
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self._selected = selected

    def edit_memo(self, kind: str, target_id: int | None = None) -> None:
        """Write the memo on a source, actor, statistic or code (the selected one by default)."""
        if target_id is None:
            target_id = self._selected(kind)
        if target_id is None or target_id < 0:
            self.services.show_status(f"Select a {kind} first.")
            return
        target = reads.memo_target(self.services.archive, kind, target_id)
        if target is None:
            return
        dialog = MemoDialog(f"{kind.capitalize()}: {target.label}", target.text,
                            parent=self.dialogs.parent_widget)

        def accepted() -> None:
            if dialog.text() != (target.text or ""):
                self.services.undo_stack.push(undo.EditMemo(self.services, kind, target.uuid, dialog.text()))

        self.dialogs.show(dialog, accepted)

    def find_memos(self) -> MemoSearchDialog:
        """A searchable list of every memo; double-click one to go to what it is on."""
        archive = self.services.archive
        dialog = MemoSearchDialog(lambda words: reads.search_memos(archive, words),
                                  parent=self.dialogs.parent_widget)
        dialog.chosen.connect(self.target_requested)
        return self.dialogs.show(dialog)
