"""The language of the source shown in the reader, set by the researcher (undoably)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.views.dialogs import LanguageDialog
from desktop.views.reader import ReaderView


class SourceLanguage(QObject):
    """Set which language the shown source is in (detected at import when its file did not say)."""

    def __init__(self, services: Services, dialogs: Dialogs, reader: ReaderView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.reader = reader

    def choose_language(self) -> LanguageDialog | None:
        detail = self.reader.detail
        if detail is None:
            self.services.show_status("Open a source first.")
            return None
        source_id, current = detail.row.id, detail.row.language
        dialog = LanguageDialog(detail.row.title or "untitled", current,
                                parent=self.dialogs.parent_widget)

        def accepted() -> None:
            if dialog.code() != current:
                self.services.undo_stack.push(undo.SetSourceLanguage(self.services, source_id,
                                                                     dialog.code()))

        return self.dialogs.show(dialog, accepted)
