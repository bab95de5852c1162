"""``merge_archives``: another researcher's archive into this one, in one transaction.

The other archive is read (never written), both are compared as digests, the plan is decided
(db.merge.planning) and, unless it is a dry run, written in one transaction after a backup of a
SQLite archive. A kill -9 or a failure part way leaves the archive as it was; Cancel too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.archive import Archive, backup_sqlite
from db.merge import kinds as k
from db.merge.applying import MergeCancelled, apply_plan, fetch
from db.merge.opening import MergeError, open_other
from db.merge.planning import DELETED, OURS, Conflict, Plan, plan_merge
from db.merge.sides import Side, archive_uuid, read_bases, read_side
from db.merge.suggestions import ActorSuggestion, suggest_actors
from db.undo.base import Change

Report = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
#: (kind, our row's UUID, field) -> "ours" or "theirs": the researcher's picks in conflicts
Choices = dict[tuple[str, str, str], str]


@dataclass
class ConflictRow:
    kind: str
    uuid: str
    field: str
    ours: Any
    theirs: Any
    kept: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "uuid": self.uuid, "field": self.field, "ours": self.ours,
                "theirs": self.theirs, "kept": self.kept}


@dataclass
class MergeResult:
    other: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: list[ConflictRow] = field(default_factory=list)
    suggestions: list[ActorSuggestion] = field(default_factory=list)
    orphaned: int = 0
    dry_run: bool = False
    backup: Path | None = None
    #: what reverts the merge (None for a dry run)
    change: Change | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": {kind: self.added.get(kind, 0) for kind in k.ORDER},
            "updated": {kind: self.updated.get(kind, 0) for kind in k.ORDER},
            "deleted": {kind: self.deleted.get(kind, 0) for kind in k.ORDER},
            "unchanged": self.unchanged,
            "conflicts": [c.to_json() for c in self.conflicts],
            "suggestions": [s.to_json() for s in self.suggestions],
            "orphaned": self.orphaned,
            "dry_run": self.dry_run,
            "backup": str(self.backup) if self.backup else None,
        }


def _shown(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"
    return value


def describe_conflicts(plan: Plan, ours: Connection | Session, theirs: Connection) -> list[ConflictRow]:
    """Both values of every conflict, for the researcher to compare."""
    rows: list[ConflictRow] = []
    wanted: dict[str, tuple[set[int], set[int]]] = {}
    for conflict in plan.conflicts:
        mine, other = wanted.setdefault(conflict.kind, (set(), set()))
        if conflict.ours is not None:
            mine.add(conflict.ours.id)
        if conflict.theirs is not None:
            other.add(conflict.theirs.id)
    values: dict[tuple[str, str, int], dict[str, Any]] = {}
    for kind, (mine, other) in wanted.items():
        table = k.kind(kind).table
        values.update(((kind, OURS, v["id"]), v) for v in fetch(ours, table, sorted(mine)))
        values.update(((kind, "theirs", v["id"]), v) for v in fetch(theirs, table, sorted(other)))
    for conflict in plan.conflicts:
        rows.append(ConflictRow(conflict.kind, conflict.uuid, conflict.field,
                                _value(values, conflict, OURS), _value(values, conflict, "theirs"), conflict.kept))
    return rows


def _value(values: dict[tuple[str, str, int], dict[str, Any]], conflict: Conflict, side: str) -> Any:
    row = conflict.ours if side == OURS else conflict.theirs
    if conflict.field == DELETED:
        return "deleted" if row is None else "edited"
    if row is None:
        return None
    if conflict.field == k.CODES:
        return "(codes)"
    return _shown(values[(conflict.kind, side, row.id)].get(conflict.field))


def _plan(ours_side: Side, theirs_side: Side, ours: Connection | Session, theirs: Connection,
          ancestor: Side | None, choices: Choices | None) -> Plan:
    if ancestor is not None:
        return plan_merge(ours_side, theirs_side, ({}, {}), choices, ancestor)
    recorded = read_bases(ours.connection() if isinstance(ours, Session) else ours, theirs_side.archive_uuid)
    return plan_merge(ours_side, theirs_side, (recorded, read_bases(theirs, ours_side.archive_uuid)), choices)


@dataclass(frozen=True)
class Decisions:
    """What the researcher said in the preview: picks in conflicts, and which suggested actors
    are the same (merged after) or not (remembered, never suggested again): (ours, theirs) UUIDs."""

    choices: Choices = field(default_factory=dict)
    same_actors: tuple[tuple[str, str], ...] = ()
    different_actors: tuple[tuple[str, str], ...] = ()


def merge_into(
    session: Session,
    archive: Archive,
    other: str | Path,
    *,
    base: str | Path | None = None,
    decisions: Decisions | None = None,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
) -> MergeResult:
    """Merge ``other`` into ``archive`` in the caller's transaction (``session``), after a backup
    of a SQLite archive when anything will change; ``result.change`` takes it back."""
    decisions = decisions or Decisions()
    with open_other(other, archive) as (engine, name):
        try:
            with engine.connect() as theirs:
                theirs_side = read_side(theirs, report, "reading theirs: ")
                ancestor = _ancestor(base, archive)
                if archive.dialect == "postgresql":
                    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                ours_side = read_side(session.connection(), report, "reading ours: ")
                plan = _plan(ours_side, theirs_side, session, theirs, ancestor, decisions.choices)
                plan.same_actors = list(decisions.same_actors)
                plan.different_actors = list(decisions.different_actors)
                result = _result(name, plan, session, theirs, dry_run=False)
                backup = None
                # an archive with nothing in it yet (a copy being filled) has nothing to lose
                if ours_side.count() and (result.changed or plan.actor_merges or plan.redirected
                                          or plan.same_actors or plan.different_actors):
                    backup = (backup_sqlite(archive.path, "before-merge", archive.key) if archive.path is not None
                              else backup_team_archive(archive, "before-merge", report))
                applied = apply_plan(session, plan, theirs, theirs_side.archive_uuid, name, report, cancelled)
        except OperationalError as error:
            raise _failed(archive, error) from error
    result.added, result.updated, result.deleted = applied.added, applied.updated, applied.deleted
    result.orphaned, result.change, result.backup = applied.orphaned, applied.change, backup
    return result


def backup_team_archive(archive: Archive, label: str, report: Report | None = None) -> Path:
    """A SQLite copy of a team archive (PostgreSQL) as it is, in Dossier's data folder's
    ``backups`` (``NAME-LABEL-STAMP.sqlite``, private): what a file archive's backup beside it is."""
    from db import archive as archive_module
    from db.location import data_dir

    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = re.sub(r"[^\w.-]+", "_", archive.location.rsplit("/", 1)[-1].split("?")[0]) or "team"
    target = folder / f"{name}-{label}-{stamp}.sqlite"
    copy = archive_module.open(target)
    try:  # every row of the team archive into the new file, as send_copy does
        merge_archives(copy, archive.location, report=report)
    except BaseException:
        copy.close()
        target.unlink(missing_ok=True)
        raise
    copy.close()
    return target


def _ancestor(base: str | Path | None, archive: Archive) -> Side | None:
    if base is None:
        return None
    with open_other(base, archive) as (engine, _), engine.connect() as connection:
        return read_side(connection)


def _failed(archive: Archive, error: OperationalError) -> MergeError:
    reason = str(error.orig) if error.orig is not None else str(error)
    if "locked" in reason:
        return MergeError(f"{archive.location}: locked by another program; close it and try again")
    return MergeError(f"{archive.location}: the merge failed ({reason}); nothing was changed")


def preview_merge(archive: Archive, other: str | Path, *, base: str | Path | None = None,
                  choices: Choices | None = None, report: Report | None = None) -> MergeResult:
    """What merging ``other`` would do (counts, conflicts, suggested actors); writes nothing."""
    with open_other(other, archive) as (engine, name):
        try:
            with engine.connect() as theirs, archive.engine.connect() as ours:
                theirs_side = read_side(theirs, report, "reading theirs: ")
                ancestor = _ancestor(base, archive)
                ours_side = read_side(ours, report, "reading ours: ")
                plan = _plan(ours_side, theirs_side, ours, theirs, ancestor, choices)
                return _result(name, plan, ours, theirs, dry_run=True)
        except OperationalError as error:
            raise _failed(archive, error) from error


def merge_archives(
    archive: Archive,
    other: str | Path,
    *,
    base: str | Path | None = None,
    dry_run: bool = False,
    choices: Choices | None = None,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
) -> MergeResult:
    """Merge the archive at ``other`` into ``archive`` in one transaction (see the module).

    Raises :class:`MergeError` when it cannot start (nothing changed) and
    :class:`MergeCancelled` when ``cancelled()`` turned true (nothing changed).
    """
    if dry_run:
        return preview_merge(archive, other, base=base, choices=choices, report=report)
    with archive.session() as session:
        return merge_into(session, archive, other, base=base, decisions=Decisions(choices or {}),
                          report=report, cancelled=cancelled)


def _result(name: str, plan: Plan, ours: Connection | Session, theirs: Connection, *, dry_run: bool) -> MergeResult:
    return MergeResult(
        other=name,
        added={kind: len(rows) for kind, rows in plan.inserts.items() if rows},
        updated={kind: len(rows) for kind, rows in plan.updates.items() if rows},
        deleted={kind: len(rows) for kind, rows in plan.deletes.items() if rows},
        unchanged=plan.unchanged,
        conflicts=describe_conflicts(plan, ours, theirs),
        suggestions=suggest_actors(plan, ours, theirs),
        dry_run=dry_run,
    )


def archive_identity(archive: Archive) -> str:
    with archive.engine.connect() as connection:
        return archive_uuid(connection)


__all__ = ["Decisions", "MergeCancelled", "MergeError", "MergeResult", "merge_archives", "merge_into", "preview_merge"]
