"""Which language a source is in: chosen from the languages Dossier knows, or not set."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from db.language import all_languages, language
from desktop.views.dialogs.common import ok_cancel


class LanguageDialog(QDialog):
    """A source's language; search, suggestions and actor matching read the source by it."""

    def __init__(self, title: str, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle("Language of the source")
        self.combo = QComboBox()
        self.combo.setObjectName("languageCombo")
        self.combo.addItem("Not set", None)
        for lang in all_languages():
            self.combo.addItem(lang.label(), lang.code)
        known = language(current)
        if current and known is None:  # a code Dossier does not know: kept, shown as it is
            self.combo.addItem(current, current)
        index = self.combo.findData(known.code if known is not None else current)
        self.combo.setCurrentIndex(max(0, index))
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600;")
        heading.setWordWrap(True)
        note = QLabel("Search finds the words of the source in every form of this language; "
                      "suggestions read its dates, numbers and names by it.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #6a6a6a;")
        form = QFormLayout()
        form.addRow("Language:", self.combo)
        self.buttons = ok_cancel(self, "Set")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(420, self.sizeHint().height())

    def code(self) -> str | None:
        """The code chosen (None: not set)."""
        data = self.combo.currentData()
        return str(data) if data else None
