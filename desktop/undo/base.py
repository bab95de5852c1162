"""What every undo command shares: the writer thread, the change it holds, the rows it refers to.

``redo`` and ``undo`` queue a small job on the window's writer thread (``window.tasks.write``:
one writer, first in first out, so an undo always runs after the edit it undoes even when the
edit has not finished yet) and emit ``window.parts_changed`` with the parts it touches (or
``window.archive_changed``, everything) when it is done. Each job is one
call into :mod:`db.undo`: the first redo makes the edit (:meth:`ArchiveCommand.write`), which
returns a :class:`~db.undo.Change`; undo reverts that change, which returns the change a redo
reverts in turn. So a redo after an undo restores the very rows the edit made (same ids, uuids
and timestamps; memos, which point at uuids, stay attached) instead of making new ones. Nothing
here touches widgets besides that signal and a status message, nor knows any SQL.

Commands that depend on a row made by an earlier command of the same macro (an annotation with a
code created on the spot, a mention of an actor created from the selection) take a :class:`Ref`,
which the earlier command fills on the writer thread before the later one runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from db.commands import CommandError
from db.versions import ChangedMeanwhile
from desktop.changes import EVERYTHING, Parts
from desktop.tasks import Task

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from db.archive import Archive
    from db.undo import Change, Session
    from desktop.tasks import TaskRunner


class Window(Protocol):
    """What the commands need of the main window (the controllers' ``Services`` extend it)."""

    @property
    def archive(self) -> Archive: ...

    @property
    def tasks(self) -> TaskRunner: ...

    @property
    def archive_changed(self) -> SignalInstance: ...

    @property
    def parts_changed(self) -> SignalInstance:
        """Emitted with the parts an edit changed (:mod:`desktop.changes`)."""
        ...

    def show_status(self, message: str, timeout_ms: int = 6000) -> None:
        """A message in the status bar."""


@dataclass
class Ref:
    """The id of a row another command of the same macro creates (filled on the writer thread)."""

    id: int | None = None

    def get(self) -> int:
        if self.id is None:
            raise CommandError("an earlier step of this edit failed")
        return self.id


IdOrRef = int | Ref


def resolve(value: IdOrRef) -> int:
    """The id itself, or the one a :class:`Ref` was filled with."""
    return value.get() if isinstance(value, Ref) else value


class ArchiveCommand(QUndoCommand):
    """An edit whose every step is one call into :mod:`db.undo`, run on the writer thread."""

    #: the parts of the archive the edit changes (:mod:`desktop.changes`): the panes reloaded
    touches: Parts = EVERYTHING
    #: called on the GUI thread after each successful redo or undo (e.g. to report on it)
    on_done: Callable[[ArchiveCommand], None] | None = None
    #: called on the GUI thread when the edit was refused because a colleague saved the row
    #: since the editor showed it, with what happened ("changed by Madina meanwhile at 19:04")
    on_conflict: Callable[[str], None] | None = None

    def __init__(self, window: Window, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.window = window
        #: the last failure's message (shown in the status bar), or None
        self.error: str | None = None
        #: what a colleague did meanwhile when the last step was refused for it, or None
        self.conflict: str | None = None
        self.last_task: Task | None = None
        # What reverts the edit while it is applied, and what applies it again while undone:
        # set once the step's transaction is committed, so they always say what the archive holds.
        self._to_revert: Change | None = None
        self._to_reapply: Change | None = None

    def write(self, session: Session) -> Change:
        """Make the edit, the first time it is applied: one call into :mod:`db.undo`."""
        raise NotImplementedError

    def applied(self, change: Change) -> None:
        """After each redo, on the writer thread: take note of what the change made (ids ...)."""

    def reverted(self, change: Change) -> None:
        """After each undo, on the writer thread: take note of what came back (ids ...)."""

    def redo(self) -> None:
        self._write(forward=True)

    def undo(self) -> None:
        self._write(forward=False)

    def _step(self, session: Session, forward: bool) -> Change | None:
        if forward:
            if self._to_revert is not None:  # still applied: the undo before failed
                return None
            return self.write(session) if self._to_reapply is None else self._to_reapply.revert(session)
        if self._to_revert is None:  # not applied: the edit (or the redo before) failed
            return None
        return self._to_revert.revert(session)

    def _write(self, forward: bool) -> None:
        archive = self.window.archive

        def job(*_: object) -> None:
            self.conflict = None
            try:
                with archive.writing() as session:  # the write lock first: an import may be writing too
                    change = self._step(session, forward)
            except ChangedMeanwhile as refused:
                self.conflict = refused.what
                raise
            if change is None:
                return
            if forward:
                self._to_revert, self._to_reapply = change, None
                self.applied(change)
            else:
                self._to_revert, self._to_reapply = None, change
                self.reverted(change)

        # connected before the task starts: a quick job could otherwise finish unheard
        task = Task(job, self.text() if forward else f"undo {self.text()}")
        task.on_finished(lambda _result: self._finished(None))
        task.on_failed(self._finished)
        self.last_task = task
        self.window.tasks.write(task)

    def _finished(self, error: str | None) -> None:
        self.error = error
        if error is not None:
            self.window.show_status(f"{self.text()}: {error}", 10_000)
        if self.touches >= EVERYTHING:
            self.window.archive_changed.emit()
        else:
            self.window.parts_changed.emit(self.touches)
        if error is None and self.on_done is not None:
            self.on_done(self)
        if error is not None and self.conflict is not None and self.on_conflict is not None:
            self.on_conflict(self.conflict)


class Creation(ArchiveCommand):
    """An edit that makes rows; ``ref`` holds the main row's id (again after each redo)."""

    def __init__(self, window: Window, text: str, ref: Ref | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.ref = ref or Ref()

    def applied(self, change: Change) -> None:
        if isinstance(change, db_undo.Inserted) and change.rows:
            self.ref.id = change.id


class DeleteRows(ArchiveCommand):
    """Delete rows (what cascades from them goes too); undo puts everything back."""

    def __init__(self, window: Window, text: str, rows: Sequence[tuple[str, int]],
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.rows = list(rows)

    def write(self, session: Session) -> Change:
        return db_undo.delete_rows(session, self.rows)

    def reverted(self, change: Change) -> None:
        if isinstance(change, db_undo.Inserted):  # back, under new ids if theirs were taken
            self.rows = list(change.rows)
