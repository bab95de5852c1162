"""The undo commands on their own: the writer thread, redo after undo, macros and failures.

A bare host stands in for the main window (what :class:`desktop.undo.Window` asks for).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.archive import Archive
from db.models import Annotation, Code
from db.queries import annotations_of
from desktop.tasks import TaskRunner
from desktop.undo import CreateAnnotation, CreateCode, EditCode, Ref
from tests.factories import make_source


class Host(QMainWindow):
    archive_changed = Signal()
    parts_changed = Signal(object)

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.tasks = TaskRunner(self)
        self.undo_stack = QUndoStack(self)

    def show_status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)


@pytest.fixture
def host(qtbot: QtBot, archive: Archive) -> Iterator[Host]:
    window = Host(archive)
    qtbot.addWidget(window)
    yield window
    settle(qtbot, window)


def settle(qtbot: QtBot, host: Host) -> None:
    qtbot.waitUntil(lambda: host.tasks.active == 0, timeout=10_000)


def codes(archive: Archive) -> list[tuple[int, str, str]]:
    with archive.session() as s:
        return [(c.id, c.uuid, c.name) for c in s.scalars(select(Code).order_by(Code.id))]


def test_redo_after_undo_brings_back_the_same_row(qtbot: QtBot, host: Host, archive: Archive) -> None:
    changed: list[object] = []
    host.archive_changed.connect(lambda: changed.append("everything"))
    host.parts_changed.connect(changed.append)
    host.undo_stack.push(CreateCode(host, "violence"))
    # undone before the write has even run: the writer takes them in order
    host.undo_stack.undo()
    settle(qtbot, host)
    assert codes(archive) == []
    host.undo_stack.redo()
    settle(qtbot, host)
    made = codes(archive)
    assert [name for _, _, name in made] == ["violence"]
    host.undo_stack.undo()
    host.undo_stack.redo()
    settle(qtbot, host)
    assert codes(archive) == made  # same id and uuid each time
    # each step says it changed the codebook only: the window reloads the codes, not every list
    assert changed == [frozenset({"codes"})] * 5


def test_a_macro_hands_ids_on_through_refs(qtbot: QtBot, host: Host, archive: Archive) -> None:
    source = make_source(archive, "Some 40 people were killed in Grozny.")
    ref = Ref()
    host.undo_stack.beginMacro("Annotate")
    host.undo_stack.push(CreateCode(host, "casualties", ref=ref))
    host.undo_stack.push(CreateAnnotation(host, source, 5, 14, code_ids=[ref]))
    host.undo_stack.endMacro()
    settle(qtbot, host)
    with archive.session() as s:
        [row] = annotations_of(s, source)
    assert row.codes == ("casualties",)
    host.undo_stack.undo()
    settle(qtbot, host)
    with archive.session() as s:
        assert s.scalar(select(Annotation.id)) is None
    assert codes(archive) == []
    host.undo_stack.redo()
    settle(qtbot, host)
    with archive.session() as s:
        assert annotations_of(s, source) == [row]


def test_a_failed_edit_says_why_and_its_undo_does_nothing(qtbot: QtBot, host: Host) -> None:
    command = EditCode(host, 9999, name="killing")
    host.undo_stack.push(command)
    settle(qtbot, host)
    assert command.error == "no code 9999"
    assert "no code 9999" in host.statusBar().currentMessage()
    host.undo_stack.undo()
    settle(qtbot, host)
    assert command.error is None
