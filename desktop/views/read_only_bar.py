"""The bar across the top of the window while the archive is read-only: why (on read-only media,
its search index damaged, its file damaged) and, when it can be mended from here, the button
that mends it. Hidden while the archive can be changed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolBar, QWidget


class ReadOnlyBar(QToolBar):
    """``show_reason(text, mend=...)`` shows it; ``clear()`` hides it."""

    #: the researcher pressed the mending button (its text says what it does)
    mend_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Read-only", parent)
        self.setObjectName("readOnlyBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not one of the bars a researcher hides
        self.label = QLabel()
        self.label.setObjectName("readOnlyReason")
        # one line (a wrapped label makes a toolbar reserve several); all of it in the tooltip
        self.label.setMinimumWidth(0)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = QPushButton()
        self.button.setObjectName("readOnlyMendButton")
        self.button.clicked.connect(self.mend_requested)
        holder = QWidget()  # a toolbar gives its room to one expanding widget: the label and button in it
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 0, 4, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.addWidget(holder)
        # a warning's amber, whatever the theme: it must not pass for another toolbar
        self.setStyleSheet("QToolBar#readOnlyBar { background: #fff3cd; border-top: 1px solid #e6c95c;"
                           " border-bottom: 1px solid #e6c95c; padding: 2px; }"
                           "QLabel#readOnlyReason { color: #533f03; }")
        self.hide()

    @property
    def reason(self) -> str | None:
        """What the bar says while shown, None while hidden."""
        return self.label.text() if not self.isHidden() else None

    def show_reason(self, text: str, *, mend: str | None = None) -> None:
        """Say the archive is read-only and why; ``mend``: the text of the button that mends it."""
        self.label.setText(text)
        self.label.setToolTip(text)
        self.button.setVisible(mend is not None)
        self.button.setText(mend or "")
        self.button.setEnabled(True)
        self.show()

    def mending(self) -> None:
        """The mending has started: its button waits."""
        self.button.setEnabled(False)

    def clear(self) -> None:
        self.label.clear()
        self.hide()
