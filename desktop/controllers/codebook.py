"""The codebook: create, rename, recolour, nest, merge and delete codes (the Codes pane asks)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from db.rows import CodeRow
from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import annotations as reads
from desktop.views.codes import CodesPane
from desktop.views.dialogs import ChooseCodeDialog, CodeDialog
from desktop.views.dialogs.common import next_colour


class Codebook(QObject):
    """Edits of the codebook, each an undo command; the codes are those the Codes pane shows."""

    def __init__(self, services: Services, dialogs: Dialogs, pane: CodesPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.pane = pane
        pane.new_requested.connect(self.new_code)
        pane.edit_requested.connect(self.edit_code)
        pane.merge_requested.connect(self.merge_code)
        pane.delete_requested.connect(self.delete_code)

    def codes(self) -> list[CodeRow]:
        """The codebook as last read."""
        return self.pane.rows

    def _selected(self) -> CodeRow | None:
        return self.pane.code(self.pane.selected_code())

    def new_code(self, sub: bool = False) -> None:
        parent_id = self.pane.selected_code() if sub else None
        codes = self.codes()
        dialog = CodeDialog(codes, colour=next_colour(len(codes)), parent_id=parent_id,
                            parent=self.dialogs.parent_widget)
        self.dialogs.show(dialog, lambda: self.services.undo_stack.push(
            undo.CreateCode(self.services, dialog.name.text().strip(), dialog.colour, dialog.parent_id())
        ))

    def edit_code(self) -> None:
        code = self._selected()
        if code is None:
            return
        dialog = CodeDialog(self.codes(), code=code, parent=self.dialogs.parent_widget)

        def accepted() -> None:
            name = dialog.name.text().strip()
            changes: list[undo.ArchiveCommand] = []
            if name != code.name:
                changes.append(undo.EditCode(self.services, code.id, name=name))
            if dialog.colour != code.color:
                changes.append(undo.EditCode(self.services, code.id, color=dialog.colour))
            if dialog.parent_id() != code.parent_id:
                changes.append(undo.EditCode(self.services, code.id, parent_code=dialog.parent_id(), move=True))
            stack = self.services.undo_stack
            if len(changes) == 1:
                stack.push(changes[0])
            elif changes:
                stack.beginMacro(f"Edit code {code.name}")
                for change in changes:
                    stack.push(change)
                stack.endMacro()

        self.dialogs.show(dialog, accepted)

    def merge_code(self) -> None:
        code = self._selected()
        if code is None:
            return
        dialog = ChooseCodeDialog(
            self.codes(), "Merge codes",
            f"Merge “{code.name}” into which code? Its {code.count} annotation(s) and its "
            "sub-codes move there, and it is deleted.",
            exclude={code.id}, parent=self.dialogs.parent_widget,
        )

        def accepted() -> None:
            into = dialog.chosen()
            if into is not None:
                target = self.pane.code(into)
                self.services.undo_stack.push(undo.MergeCodes(
                    self.services, code.id, into, f"Merge {code.name} into {target.name if target else into}"
                ))

        self.dialogs.show(dialog, accepted)

    def delete_code(self) -> None:
        """Delete the selected code; asks first when annotations use it."""
        code = self._selected()
        if code is None:
            return

        def delete() -> None:
            self.services.undo_stack.push(undo.delete_code(self.services, code.id, code.name))

        used = reads.annotations_using(self.services.archive, code.id)
        if not used:
            delete()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, "Delete code",
            f"“{code.name}” (with its sub-codes) is used by {used} annotation(s). Delete it anyway? "
            "The annotations stay, without this code. (Edit ▸ Undo brings it back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.dialogs.parent_widget,
        )
        box.setObjectName("deleteCodeBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: delete() if result == QMessageBox.StandardButton.Yes else None)
        self.dialogs.show(box)
