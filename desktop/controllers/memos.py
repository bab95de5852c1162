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

    def edit_memo(self, kind: str, target_id: int | None = None, *, unsaved: str = "",
                  notice: str | None = None) -> None:
        """Write the memo on a source, actor, statistic or code (the selected one by default).

        When a colleague saved the memo between opening and saving, nothing is overwritten: the
        editor opens again with their text, the researcher's own (``unsaved``) below it."""
        if target_id is None:
            target_id = self._selected(kind)
        if target_id is None or target_id < 0:
            self.services.show_status(f"Select a {kind} first.")
            return
        target = reads.memo_target(self.services.archive, kind, target_id)
        if target is None:
            return
        shown = target.text or ""
        text = f"{shown}\n\n{unsaved}".strip() if unsaved else shown
        dialog = MemoDialog(f"{kind.capitalize()}: {target.label}", text,
                            parent=self.dialogs.parent_widget, notice=notice)

        def accepted() -> None:
            typed = dialog.text()
            if typed == shown:
                return
            command = undo.EditMemo(self.services, kind, target.uuid, typed, shown=shown)
            command.on_conflict = lambda what: self._refused(kind, target_id, typed, what)
            self.services.undo_stack.push(command)

        self.dialogs.show(dialog, accepted)

    def _refused(self, kind: str, target_id: int, typed: str, what: str) -> None:
        self.edit_memo(kind, target_id, unsaved=typed, notice=(
            f"This memo was {what}. Their text is first, yours below it: keep what should stay, then Save."))

    def find_memos(self) -> MemoSearchDialog:
        """A searchable list of every memo; double-click one to go to what it is on."""
        archive = self.services.archive
        dialog = MemoSearchDialog(lambda words: reads.search_memos(archive, words),
                                  parent=self.dialogs.parent_widget)
        dialog.chosen.connect(self.target_requested)
        return self.dialogs.show(dialog)
