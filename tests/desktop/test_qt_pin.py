"""Guard for the Qt pin: PySide6 6.12.0 crashes CPython 3.11 after a few thousand
QTextCursor.setPosition calls ("none_dealloc"); 6.11.3 does not. The reader calls it constantly."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot


def test_twenty_thousand_set_position_calls_do_not_crash(qtbot: QtBot) -> None:
    text = "Some 40 people were killed in Grozny, officials said. " * 200
    document = QTextDocument()
    document.setPlainText(text)
    cursor = QTextCursor(document)
    length = len(text)
    for n in range(20_000):
        cursor.setPosition(n % length)
        cursor.setPosition((n * 7) % length, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.position() == (19_999 * 7) % length
    assert cursor.anchor() == 19_999 % length
