"""Delete rows and bring them back exactly: the one way a deleted row comes back (undo).

:func:`capture` records some rows and everything their deletion takes with them, found by
following the schema's foreign keys: rows deleted by ``ON DELETE CASCADE`` (an annotation's codes
and mention, a code's sub-codes, an actor's aliases, mentions and relations), and references
that the deletion clears (a statistic's span, place or claimant, a source's outlet).
:func:`restore` writes them back with the same ids, uuids and timestamps, so whatever pointed at
them (memos by uuid, panes by id) finds them again. If an id has been taken meanwhile the row
gets a new one and the rows pointing at it follow.

Rows are read and written a table at a time (``IN`` lists, executemany), so taking back an
import of thousands of statistics costs a few statements, not thousands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Column, Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

import db.models  # noqa: F401  (the tables must be on the metadata)
from db.base import Base
from db.queries import in_chunks

Values = Mapping[str, Any]
#: (table name, row id)
RowKey = tuple[str, int]


@dataclass(frozen=True)
class Reference:
    """A row outside the snapshot that pointed at one of its rows (the deletion clears it)."""

    table: str
    id: int
    column: str
    target: int


@dataclass(frozen=True)
class Snapshot:
    """Rows to insert again (parents before children) and references to set again."""

    #: the rows asked for (those that existed), in the order asked
    roots: tuple[RowKey, ...]
    #: (table name, column values), in an order that satisfies foreign keys
    rows: tuple[tuple[str, Values], ...]
    references: tuple[Reference, ...] = ()

    def ids(self, table: str) -> list[int]:
        """The ids of the captured rows of one table."""
        return [int(v["id"]) for name, v in self.rows if name == table and "id" in v]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def _referencing(name: str) -> tuple[tuple[Table, str, str], ...]:
    """(child table, child column, ondelete) for every foreign key pointing at table ``name``."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table.name == name:
                found.append((child, fk.parent.name, (fk.ondelete or "").upper()))
    return tuple(found)


def _where_in(
    session: Session, table: Table, column: Column[Any], ids: Sequence[int], *columns: Column[Any]
) -> Iterator[Values]:
    """The rows (or some columns) of ``table`` whose ``column`` is one of ``ids``."""
    query = select(*columns) if columns else select(table)
    if "id" in table.c:
        query = query.order_by(table.c.id)
    for chunk in in_chunks(sorted(set(ids))):
        for row in session.execute(query.where(column.in_(chunk))).mappings():
            yield dict(row)


def capture(session: Session, rows: Iterable[RowKey]) -> Snapshot:
    """Everything needed to restore ``rows`` after they are deleted; rows already gone are left out."""
    wanted = list(dict.fromkeys(rows))
    by_table: dict[str, list[int]] = defaultdict(list)
    for name, row_id in wanted:
        by_table[name].append(row_id)
    found: dict[RowKey, Values] = {}
    for name, ids in by_table.items():
        table = _table(name)
        found.update(((name, int(v["id"])), v) for v in _where_in(session, table, table.c.id, ids))
    roots = tuple(key for key in wanted if key in found)
    captured: dict[RowKey, Values] = {key: found[key] for key in roots}
    links: dict[tuple[str, tuple[Any, ...]], Values] = {}
    references: list[Reference] = []
    frontier: dict[str, list[int]] = defaultdict(list)
    for name, row_id in roots:
        frontier[name].append(row_id)
    while frontier:
        following: dict[str, list[int]] = defaultdict(list)
        for name, ids in frontier.items():
            for child, column, ondelete in _referencing(name):
                if ondelete == "CASCADE":
                    for values in _where_in(session, child, child.c[column], ids):
                        if "id" in child.c:
                            key = (child.name, int(values["id"]))
                            if key not in captured:
                                captured[key] = values
                                following[child.name].append(key[1])
                        else:  # an association table: rows without an id of their own
                            links.setdefault((child.name, tuple(values.values())), values)
                elif "id" in child.c:  # SET NULL, or cleared by delete_captured before deleting
                    chosen = (child.c.id, child.c[column])
                    for values in _where_in(session, child, child.c[column], ids, *chosen):
                        references.append(
                            Reference(child.name, int(values["id"]), column, int(values[column]))
                        )
        frontier = following
    everything = [*captured.items(), *(((name, None), v) for (name, _), v in links.items())]
    return Snapshot(
        roots=roots,
        rows=tuple((name, values) for (name, _), values in _in_dependency_order(everything)),
        # a row that is itself captured comes back with its references as they were
        references=tuple(r for r in references if (r.table, r.id) not in captured),
    )


def _in_dependency_order(
    rows: list[tuple[tuple[str, int | None], Values]],
) -> list[tuple[tuple[str, int | None], Values]]:
    """``rows`` with every row after the captured rows it points at, otherwise as they came."""
    index = {key: i for i, (key, _) in enumerate(rows) if key[1] is not None}
    needs: list[list[int]] = []
    for (name, _), values in rows:
        targets = ((fk.column.table.name, values.get(fk.parent.name)) for fk in _table(name).foreign_keys)
        needs.append([index[t] for t in targets if t[1] is not None and t in index])
    order: list[int] = []
    visited = [False] * len(rows)
    for start in range(len(rows)):
        if visited[start]:
            continue
        visited[start] = True
        stack = [(start, iter(needs[start]))]
        while stack:
            node, pending = stack[-1]
            for target in pending:
                if not visited[target]:
                    visited[target] = True
                    stack.append((target, iter(needs[target])))
                    break
            else:
                stack.pop()
                order.append(node)
    return [rows[i] for i in order]


def delete_captured(session: Session, snapshot: Snapshot) -> None:
    """Delete a snapshot's rows, clearing first the references that do not cascade by themselves."""
    cleared: dict[tuple[str, str], list[int]] = defaultdict(list)
    for reference in snapshot.references:
        cleared[(reference.table, reference.column)].append(reference.id)
    # References before any row goes (an outlet among them: the search index trigger reads the
    # outlet's name as the source changes).
    for (name, column), ids in cleared.items():
        child = _table(name)
        for chunk in in_chunks(sorted(set(ids))):
            session.execute(
                update(child).where(child.c.id.in_(chunk)).values({column: None, **_unmodified(child)})
            )
    roots = set(snapshot.roots)
    # dependent rows first (a run of one table at a time), so no row is left pointing at one gone
    runs: list[tuple[str, list[int]]] = []
    for name, values in reversed(snapshot.rows):
        if "id" in values and (name, int(values["id"])) in roots:
            if not runs or runs[-1][0] != name:
                runs.append((name, []))
            runs[-1][1].append(int(values["id"]))
    for name, ids in runs:
        table = _table(name)
        for chunk in in_chunks(ids):
            session.execute(delete(table).where(table.c.id.in_(chunk)))
    session.expire_all()


def capture_and_delete(session: Session, rows: Iterable[RowKey]) -> Snapshot:
    """Delete rows (and what cascades from them) and return what brings them back."""
    snapshot = capture(session, rows)
    delete_captured(session, snapshot)
    return snapshot


def restore(session: Session, snapshot: Snapshot) -> dict[RowKey, int]:
    """Insert a snapshot's rows again; returns the ids that had to change ({(table, old): new})."""
    taken = _taken(session, snapshot)
    moved: dict[RowKey, int] = {}
    exists: dict[RowKey, bool] = {}
    batch: list[Values] = []
    batch_table: str | None = None

    def flush() -> None:
        if batch and batch_table is not None:
            session.execute(_table(batch_table).insert(), batch)
        batch.clear()

    for name, original in snapshot.rows:
        if name != batch_table:
            flush()
            batch_table = name
        table = _table(name)
        values = dict(original)
        for fk in table.foreign_keys:
            old = values.get(fk.parent.name)
            if old is not None:
                values[fk.parent.name] = moved.get((fk.column.table.name, old), old)
        if "id" not in table.c:
            if _targets_exist(session, table, values, exists):
                batch.append(values)
            # otherwise a link to a row deleted since (outside undo): nothing to link to
            continue
        key = (name, int(values["id"]))
        if key in taken:
            flush()
            del values["id"]
            new_id = session.execute(table.insert().values(values).returning(table.c.id)).scalar_one()
            moved[key] = int(new_id)
            exists[(name, int(new_id))] = True
        else:
            batch.append(values)
            exists[key] = True
    flush()
    _put_back_references(session, snapshot.references, moved)
    session.expire_all()
    return moved


def _taken(session: Session, snapshot: Snapshot) -> set[RowKey]:
    """The snapshot's rows whose ids are in use again."""
    by_table: dict[str, list[int]] = defaultdict(list)
    for name, values in snapshot.rows:
        if "id" in values:
            by_table[name].append(int(values["id"]))
    taken: set[RowKey] = set()
    for name, ids in by_table.items():
        table = _table(name)
        taken.update((name, int(v["id"])) for v in _where_in(session, table, table.c.id, ids, table.c.id))
    return taken


def _targets_exist(session: Session, table: Table, values: Values, exists: dict[RowKey, bool]) -> bool:
    for fk in table.foreign_keys:
        value = values.get(fk.parent.name)
        if value is None:
            continue
        key = (fk.column.table.name, int(value))
        if key not in exists:
            exists[key] = session.scalar(select(fk.column).where(fk.column == value)) is not None
        if not exists[key]:
            return False
    return True


def _unmodified(table: Table) -> dict[str, Any]:
    """Leaves a row's modification time as it is: losing or regaining a link is not an edit."""
    return {"modified_at": table.c.modified_at} if "modified_at" in table.c else {}


def _put_back_references(
    session: Session, references: Sequence[Reference], moved: Mapping[RowKey, int]
) -> None:
    groups: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    for reference in references:
        groups[(reference.table, reference.column)].append(reference)
    for (name, column), group in groups.items():
        child = _table(name)
        target_table = next(fk.column.table.name for fk in child.foreign_keys if fk.parent.name == column)
        statement = (
            update(child)
            .where(child.c.id == bindparam("row_id"))
            .values({column: bindparam("target"), **_unmodified(child)})
        )
        session.execute(statement, [
            {"row_id": r.id, "target": moved.get((target_table, r.target), r.target)} for r in group
        ])


__all__ = [
    "Reference",
    "RowKey",
    "Snapshot",
    "capture",
    "capture_and_delete",
    "delete_captured",
    "restore",
]
