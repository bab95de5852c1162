"""Every edit the window makes, as a QUndoCommand on ``window.undo_stack``.

``redo`` and ``undo`` queue a small job on the window's writer thread (``window.tasks.write``:
one writer, first in first out, so an undo always runs after the edit it undoes even when the
edit has not finished yet) and emit ``window.archive_changed`` when it is done. Nothing here
touches widgets besides that signal and the status bar.

Undoing a creation deletes the row after taking a snapshot of it (:mod:`db.snapshots`); redoing it
restores that snapshot, so the row comes back with the same id, uuid and timestamps (and memos,
which point at uuids, stay attached). Deleting works the other way round. Edits remember the old
values the first time they run.

Commands that depend on a row made by an earlier command of the same macro (an annotation with a
code created on the spot, a mention of an actor created from the selection) take a :class:`Ref`,
which the earlier command fills on the writer thread before the later one runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QUndoCommand
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db import commands
from db.anchors import ReanchorReport, place_orphan, replace_source_text
from db.commands import CommandError, NewStatistic
from db.lookup import memo_text
from db.models import Actor, Alias, Annotation, Code, Mention, Source, Statistic, annotation_codes
from db.snapshots import Snapshot, capture, capture_and_delete, delete_captured, restore
from desktop.tasks import Task

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from db.archive import Archive
    from desktop.tasks import TaskRunner


class Window(Protocol):
    """What the commands need of the main window."""

    archive: Archive
    tasks: TaskRunner
    undo_stack: QUndoStack
    archive_changed: SignalInstance

    def statusBar(self) -> Any: ...


@dataclass
class Ref:
    """The id of a row another command of the same macro creates (filled on the writer thread)."""

    id: int | None = None

    def get(self) -> int:
        if self.id is None:
            raise CommandError("an earlier step of this edit failed")
        return self.id


IdOrRef = int | Ref


def _resolve(value: IdOrRef) -> int:
    return value.get() if isinstance(value, Ref) else value


@dataclass
class _Deleted:
    """Rows deleted by a command, restored in reverse order (parents were deleted last)."""

    snapshots: list[Snapshot] = field(default_factory=list)

    def take(self, session: Session, table: str, row_id: int | None) -> None:
        if row_id is not None and session.get(_MODELS[table], row_id) is not None:
            self.snapshots.append(capture_and_delete(session, [(table, row_id)]))

    def give_back(self, session: Session) -> dict[tuple[str, int], int]:
        moved: dict[tuple[str, int], int] = {}
        for snapshot in reversed(self.snapshots):
            moved.update(restore(session, snapshot))
        self.snapshots = []
        return moved


_MODELS: dict[str, type[Any]] = {
    "annotations": Annotation,
    "codes": Code,
    "actors": Actor,
    "statistics": Statistic,
    "mentions": Mention,
    "aliases": Alias,
}


class ArchiveCommand(QUndoCommand):
    """An edit whose ``apply``/``revert`` run on the writer thread, each in one transaction."""

    def __init__(self, window: Window, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.window = window
        #: the last failure's message (shown in the status bar), or None
        self.error: str | None = None
        self.last_task: Task | None = None

    # subclasses implement these two; they run on the writer thread
    def apply(self, session: Session) -> None:
        raise NotImplementedError

    def revert(self, session: Session) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._write(self.apply, self.text())

    def undo(self) -> None:
        self._write(self.revert, f"undo {self.text()}")

    def _write(self, step: Callable[[Session], None], name: str) -> None:
        window = self.window
        archive = window.archive

        def job(*_: object) -> None:
            with archive.session() as session:
                step(session)

        # connected before the task starts: a quick job could otherwise finish unheard
        task = Task(job, name)
        task.on_finished(lambda _result: self._done(None))
        task.on_failed(self._done)
        self.last_task = task
        window.tasks.write(task)

    def _done(self, error: str | None) -> None:
        self.error = error
        if error is not None:
            self.window.statusBar().showMessage(f"{self.text()}: {error}", 10_000)
        self.window.archive_changed.emit()
        if error is None and self.on_done is not None:
            self.on_done(self)

    #: called on the GUI thread after each successful redo or undo (e.g. to report on it)
    on_done: Callable[[ArchiveCommand], None] | None = None


class _Create(ArchiveCommand):
    """A creation: ``create`` makes the row(s) the first time; undo/redo delete and restore."""

    #: the table of the row created
    table = ""

    def __init__(self, window: Window, text: str, ref: Ref | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.ref = ref or Ref()
        self._deleted: _Deleted | None = None

    def create(self, session: Session) -> int:
        raise NotImplementedError

    def extra_rows(self, session: Session) -> list[tuple[str, int]]:
        """Other rows the creation made, deleted with it on undo (before the main row)."""
        return []

    def apply(self, session: Session) -> None:
        if self._deleted is None:
            self.ref.id = self.create(session)
            return
        moved = self._deleted.give_back(session)
        if self.ref.id is not None:
            self.ref.id = moved.get((self.table, self.ref.id), self.ref.id)
        self._deleted = None

    def revert(self, session: Session) -> None:
        deleted = _Deleted()
        if self.ref.id is not None:
            extra = self.extra_rows(session)
            deleted.take(session, self.table, self.ref.id)
            for table, row_id in extra:
                deleted.take(session, table, row_id)
        self._deleted = deleted


class CreateAnnotation(_Create):
    table = "annotations"

    def __init__(self, window: Window, source_id: int, start: int, end: int, *,
                 code_ids: Iterable[IdOrRef] = (), note: str | None = None,
                 ref: Ref | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Annotate", ref, parent)
        self.source_id, self.start, self.end = source_id, start, end
        self.code_ids = list(code_ids)
        self.note = note or None

    def create(self, session: Session) -> int:
        return commands.add_annotation(
            session, self.source_id, self.start, self.end,
            code_ids=[_resolve(c) for c in self.code_ids], note=self.note,
        )


class CreateMention(_Create):
    table = "annotations"  # a mention lives and dies with its annotation

    def __init__(self, window: Window, source_id: int, start: int, end: int, actor: IdOrRef,
                 ref: Ref | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Mark as mention", ref, parent)
        self.source_id, self.start, self.end, self.actor = source_id, start, end, actor
        #: the mention row's id (``ref`` holds its annotation's, which undo deletes)
        self.mention_id: int | None = None

    def create(self, session: Session) -> int:
        self.mention_id = commands.add_mention(
            session, self.source_id, self.start, self.end, _resolve(self.actor)
        )
        annotation_id = session.scalar(
            select(Mention.annotation_id).where(Mention.id == self.mention_id)
        )
        assert annotation_id is not None
        return int(annotation_id)


class CreateStatistic(_Create):
    table = "statistics"

    def __init__(self, window: Window, new: NewStatistic, ref: Ref | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Record statistic", ref, parent)
        self.new = new
        self._made_actors: list[int] = []

    def create(self, session: Session) -> int:
        # claimant and place may be new actors: remember them so undo takes them away too
        last_actor = session.scalar(select(func.max(Actor.id))) or 0
        statistic_id = commands.add_statistic(session, self.new)
        self._made_actors = list(session.scalars(select(Actor.id).where(Actor.id > last_actor)))
        return statistic_id

    def extra_rows(self, session: Session) -> list[tuple[str, int]]:
        span = session.scalar(select(Statistic.annotation_id).where(Statistic.id == self.ref.id))
        rows = [("annotations", int(span))] if span is not None else []
        return rows + [("actors", a) for a in self._made_actors]


class CreateActor(_Create):
    table = "actors"

    def __init__(self, window: Window, name: str, kind: str, aliases: Sequence[str] = (),
                 ref: Ref | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Create actor {name}", ref, parent)
        self.name, self.kind, self.aliases = name, kind, list(aliases)

    def create(self, session: Session) -> int:
        return commands.add_actor(session, self.name, self.kind, aliases=self.aliases)


class AddAlias(_Create):
    table = "aliases"

    def __init__(self, window: Window, actor: IdOrRef, name: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Add alias {name}", None, parent)
        self.actor, self.name = actor, name

    def create(self, session: Session) -> int:
        alias_id = commands.add_alias(session, _resolve(self.actor), self.name)
        return alias_id if alias_id is not None else -1

    def revert(self, session: Session) -> None:
        if self.ref.id == -1:  # the actor already had that name: nothing was added
            self._deleted = _Deleted()
            return
        super().revert(session)


class CreateCode(_Create):
    table = "codes"

    def __init__(self, window: Window, name: str, color: str = "#ffd54f",
                 parent_code: IdOrRef | None = None, ref: Ref | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Create code {name}", ref, parent)
        self.name, self.color, self.parent_code = name, color, parent_code

    def create(self, session: Session) -> int:
        parent_id = _resolve(self.parent_code) if self.parent_code is not None else None
        return commands.add_code(session, self.name, self.color, parent_id)


class DeleteRows(ArchiveCommand):
    """Delete rows (what cascades from them goes too); undo puts everything back."""

    def __init__(self, window: Window, text: str, rows: Sequence[tuple[str, int]],
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.rows = list(rows)
        self._deleted = _Deleted()

    def apply(self, session: Session) -> None:
        deleted = _Deleted()
        for table, row_id in self.rows:
            deleted.take(session, table, row_id)
        self._deleted = deleted

    def revert(self, session: Session) -> None:
        moved = self._deleted.give_back(session)
        self.rows = [(t, moved.get((t, i), i)) for t, i in self.rows]


def delete_annotation(window: Window, annotation_id: int) -> DeleteRows:
    return DeleteRows(window, "Delete annotation", [("annotations", annotation_id)])


def delete_mention(window: Window, annotation_id: int) -> DeleteRows:
    """Delete a mention (by its annotation's id, as the reader and panes know it)."""
    return DeleteRows(window, "Delete mention", [("annotations", annotation_id)])


class DeleteStatistic(DeleteRows):
    def __init__(self, window: Window, statistic_id: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Delete statistic", [("statistics", statistic_id)], parent)

    def apply(self, session: Session) -> None:
        statistic_id = self.rows[0][1]
        span = session.scalar(select(Statistic.annotation_id).where(Statistic.id == statistic_id))
        self.rows = [("statistics", statistic_id)]
        if span is not None:
            self.rows.append(("annotations", int(span)))
        super().apply(session)


def delete_code(window: Window, code_id: int, name: str = "") -> DeleteRows:
    return DeleteRows(window, f"Delete code {name}".strip(), [("codes", code_id)])


class EditAnnotation(ArchiveCommand):
    """Change an annotation's codes and note."""

    def __init__(self, window: Window, annotation_id: int, code_ids: Iterable[IdOrRef],
                 note: str | None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Edit annotation", parent)
        self.annotation_id = annotation_id
        self.code_ids = list(code_ids)
        self.note = note or None
        self._old: tuple[list[int], str | None] | None = None

    def apply(self, session: Session) -> None:
        if self._old is None:
            old_codes = list(session.scalars(
                select(annotation_codes.c.code_id)
                .where(annotation_codes.c.annotation_id == self.annotation_id)
            ))
            old_note = session.scalar(select(Annotation.note).where(Annotation.id == self.annotation_id))
            self._old = (old_codes, old_note)
        commands.set_annotation_codes(session, self.annotation_id, [_resolve(c) for c in self.code_ids])
        commands.update_annotation(session, self.annotation_id, note=self.note)

    def revert(self, session: Session) -> None:
        if self._old is None:
            return
        codes, note = self._old
        existing = set(session.scalars(select(Code.id).where(Code.id.in_(codes))))
        commands.set_annotation_codes(session, self.annotation_id, [c for c in codes if c in existing])
        commands.update_annotation(session, self.annotation_id, note=note)


class EditCode(ArchiveCommand):
    """Rename, recolour or nest a code (``parent_code=None`` with ``move=True``: top level)."""

    def __init__(self, window: Window, code_id: int, *, name: str | None = None,
                 color: str | None = None, parent_code: int | None = None, move: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        what = "Rename code" if name else "Recolour code" if color else "Move code"
        super().__init__(window, what, parent)
        self.code_id, self.name, self.color = code_id, name, color
        self.parent_code, self.move = parent_code, move
        self._old: tuple[str, str, int | None] | None = None

    def apply(self, session: Session) -> None:
        code = session.get(Code, self.code_id)
        if code is None:
            raise CommandError(f"no code {self.code_id}")
        if self._old is None:
            self._old = (code.name, code.color, code.parent_id)
        if self.move:
            commands.update_code(session, self.code_id, name=self.name, color=self.color,
                                 parent_id=self.parent_code)
        else:
            commands.update_code(session, self.code_id, name=self.name, color=self.color)

    def revert(self, session: Session) -> None:
        if self._old is not None:
            name, color, parent_id = self._old
            commands.update_code(session, self.code_id, name=name, color=color, parent_id=parent_id)


class MergeCodes(ArchiveCommand):
    """Merge one code into another: its annotations and sub-codes move to the target."""

    def __init__(self, window: Window, code_id: int, into_id: int, text: str = "Merge codes",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.code_id, self.into_id = code_id, into_id
        self._before: Snapshot | None = None
        self._merge: commands.CodeMerge | None = None

    def apply(self, session: Session) -> None:
        self._before = capture(session, [("codes", self.code_id)])
        self._merge = commands.merge_codes(session, self.code_id, self.into_id)

    def revert(self, session: Session) -> None:
        if self._before is None or self._merge is None:
            return
        for code_id, annotation_id in self._merge.links_added:
            session.execute(delete(annotation_codes).where(
                annotation_codes.c.code_id == code_id,
                annotation_codes.c.annotation_id == annotation_id,
            ))
        for code_id in self._merge.reparented:
            delete_captured(session, Snapshot(roots=(("codes", code_id),), rows=(("codes", {"id": code_id}),)))
        restore(session, self._before)
        self._merge = None


_ANCHOR_COLUMNS = ("start", "end", "quote", "prefix", "suffix", "orphaned")


class _Anchors:
    """The anchors of a source's annotations as they are, to put back exactly."""

    def __init__(self, session: Session, source_id: int) -> None:
        self.text = session.scalar(select(Source.text).where(Source.id == source_id)) or ""
        self.rows = [
            dict(r._mapping)
            for r in session.execute(
                select(Annotation.id, *[getattr(Annotation, c) for c in _ANCHOR_COLUMNS])
                .where(Annotation.source_id == source_id)
            )
        ]

    def put_back(self, session: Session, source_id: int) -> None:
        source = session.get(Source, source_id)
        if source is None:
            raise CommandError(f"no source {source_id}")
        source.text = self.text
        for row in self.rows:
            annotation = session.get(Annotation, row["id"])
            if annotation is not None:
                for column in _ANCHOR_COLUMNS:
                    if getattr(annotation, column) != row[column]:
                        setattr(annotation, column, row[column])
        session.flush()


class ReplaceText(ArchiveCommand):
    """Correct a source's text; every annotation is anchored again (see :mod:`db.anchors`)."""

    def __init__(self, window: Window, source_id: int, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Correct the text", parent)
        self.source_id, self.new_text = source_id, text
        self._before: _Anchors | None = None
        #: what the last redo did to the annotations
        self.report: ReanchorReport | None = None

    def apply(self, session: Session) -> None:
        before = _Anchors(session, self.source_id)
        self.report = replace_source_text(session, self.source_id, self.new_text)
        self._before = before

    def revert(self, session: Session) -> None:
        if self._before is not None:
            self._before.put_back(session, self.source_id)
            self.report = None


class PlaceOrphan(ArchiveCommand):
    """The researcher places an annotation that re-anchoring could not place."""

    def __init__(self, window: Window, annotation_id: int, start: int, end: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Place annotation", parent)
        self.annotation_id, self.start, self.end = annotation_id, start, end
        self._before: dict[str, Any] | None = None

    def apply(self, session: Session) -> None:
        annotation = session.get(Annotation, self.annotation_id)
        if annotation is None:
            raise CommandError(f"no annotation {self.annotation_id}")
        self._before = {c: getattr(annotation, c) for c in _ANCHOR_COLUMNS}
        place_orphan(session, self.annotation_id, self.start, self.end)

    def revert(self, session: Session) -> None:
        annotation = session.get(Annotation, self.annotation_id)
        if annotation is not None and self._before is not None:
            for column, value in self._before.items():
                setattr(annotation, column, value)
            session.flush()


class EditMemo(ArchiveCommand):
    """Write (or clear, with an empty text) the memo on a source, actor, statistic or code."""

    def __init__(self, window: Window, target_kind: str, target_uuid: str, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Edit memo", parent)
        self.target_kind, self.target_uuid, self.new_text = target_kind, target_uuid, text
        self._old: str | None = None
        self._read = False

    def apply(self, session: Session) -> None:
        if not self._read:
            self._old = memo_text(session, self.target_kind, self.target_uuid)
            self._read = True
        commands.set_memo(session, self.target_kind, self.target_uuid, self.new_text)

    def revert(self, session: Session) -> None:
        commands.set_memo(session, self.target_kind, self.target_uuid, self._old or "")


__all__ = [
    "AddAlias",
    "ArchiveCommand",
    "CreateActor",
    "CreateAnnotation",
    "CreateCode",
    "CreateMention",
    "CreateStatistic",
    "DeleteRows",
    "DeleteStatistic",
    "EditAnnotation",
    "EditCode",
    "EditMemo",
    "MergeCodes",
    "PlaceOrphan",
    "Ref",
    "ReplaceText",
    "delete_annotation",
    "delete_code",
    "delete_mention",
]
