"""Pieces the annotation dialogs share: the quoted selection, OK/Cancel, code colours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from db.dates import PartialDate

#: colours offered for codes (readable behind black text, distinct from each other)
CODE_COLOURS = (
    "#ffd54f", "#81c784", "#64b5f6", "#e57373", "#ba68c8",
    "#4db6ac", "#ffb74d", "#a1887f", "#90a4ae", "#f06292",
)


def next_colour(used: int) -> str:
    """A colour for the ``used``-th code, cycling through :data:`CODE_COLOURS`."""
    return CODE_COLOURS[used % len(CODE_COLOURS)]


def swatch(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour) if QColor(colour).isValid() else QColor("#cccccc"))
    return QIcon(pixmap)


def quote_label(quote: str, limit: int = 280) -> QLabel:
    """The selected text, quoted, elided in the middle when long."""
    shown = " ".join(quote.split())
    if len(shown) > limit:
        shown = shown[: limit // 2] + " … " + shown[-limit // 2 :]
    label = QLabel(f"“{shown}”")
    label.setObjectName("quoteLabel")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("font-style: italic; padding: 4px; background: palette(alternate-base);")
    return label


def notice_label(text: str, name: str) -> QLabel:
    """A warning across an editor that opened again (a colleague saved in between)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(highlighted-text); background: #b35c00; padding: 6px;")
    return label


def ok_cancel(parent: QWidget, ok_text: str = "OK") -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent
    )
    buttons.setObjectName("buttons")
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("okButton")
    return buttons


def read_date(text: str) -> PartialDate | None:
    """"2014", "2014-07" or "2014-07-11"; None when empty. Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return PartialDate.from_iso(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a date like 2014, 2014-07 or 2014-07-11") from None


def allow_ok_if_valid(check: Callable[[], object], error: QLabel, buttons: QDialogButtonBox) -> bool:
    """Run ``check`` (it raises ValueError saying what is wrong); show the reason under the form
    and allow OK only when there is none."""
    try:
        check()
    except ValueError as problem:
        error.setText(str(problem))
        valid = False
    else:
        error.setText("")
        valid = True
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setEnabled(valid)
    return valid
