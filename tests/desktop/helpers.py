"""Helpers for the desktop tests: a window on an archive, real selections, dialogs, waiting."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.queries import annotations_of
from db.rows import AnnotationRow
from desktop.window.main_window import MainWindow

D = TypeVar("D", bound=QDialog)


def open_window(qtbot: QtBot, archive: Archive, *, persist: bool = False) -> MainWindow:
    """A main window on ``archive``, shown, once its panes are filled."""
    main = MainWindow(archive, persist=persist)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.refreshed, timeout=10_000):
        main.show()
    return main


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until every queued write and the refreshes after it have finished."""
    qtbot.waitUntil(lambda: window.tasks.active == 0, timeout=10_000)


def statistics_listed(window: MainWindow, timeout_ms: int = 10_000) -> None:
    """Wait until the statistics pane's list (filtered and totalled in SQL, off the GUI thread)
    has arrived."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtTest import QTest

    deadline = QDeadlineTimer(timeout_ms)
    while window.statistics.model.loading or window.statistics.loading:
        assert not deadline.hasExpired(), "the statistics were not listed in time"
        QTest.qWait(5)


def select_text(window: MainWindow, quote: str, occurrence: int = 0) -> tuple[int, int]:
    """Select ``quote`` in the reader the way a mouse would: a QTextCursor in UTF-16 units.

    Returns the code-point span of the quote in the source's text.
    """
    detail = window.reader.detail
    assert detail is not None
    start = -1
    for _ in range(occurrence + 1):
        start = detail.text.index(quote, start + 1)
    end = start + len(quote)
    # find it in the document's own text, so the test does not use the code under test
    document_text = window.reader.editor.toPlainText()
    utf16_start = len(document_text[:start].encode("utf-16-le")) // 2
    utf16_end = utf16_start + len(quote.encode("utf-16-le")) // 2
    cursor = QTextCursor(window.reader.editor.document())
    cursor.setPosition(utf16_start)
    cursor.setPosition(utf16_end, QTextCursor.MoveMode.KeepAnchor)
    window.reader.editor.setTextCursor(cursor)
    assert cursor.selectedText() == quote.replace("\n", "\u2029")
    return start, end


def dialog_of(window: MainWindow, kind: type[D]) -> D:
    """The dialog a controller opened (it must be of ``kind`` and showing)."""
    dialog = window.dialogs.current
    assert isinstance(dialog, kind), dialog
    assert dialog.isVisible()
    return dialog


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox, "buttons")
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert isinstance(ok, QPushButton)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def annotation(archive: Archive, source_id: int, quote: str) -> AnnotationRow | None:
    with archive.session() as session:
        found = [a for a in annotations_of(session, source_id) if a.quote == quote]
    assert len(found) <= 1, found
    return found[0] if found else None


def drag_divider(view: QTableView, column: int, dx: int) -> None:
    """Drag the right divider of ``column``'s header ``dx`` pixels, as a person resizes a column."""
    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    no = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, no, QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + dx // 2, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + dx, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, no, QPoint(edge + dx, y))
