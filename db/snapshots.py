"""Delete a row and bring it back exactly: what undo needs.

:func:`capture` records a row and everything its deletion takes with it, found by following the
schema's foreign keys: rows deleted by ``ON DELETE CASCADE`` (an annotation's codes and mention,
a code's sub-codes), and references that deletion clears (a statistic's link to its span, a
source's outlet). :func:`restore` writes them back with the same ids, uuids and timestamps, so
whatever pointed at them (memos by uuid, panes by id) finds them again. If an id has been taken
meanwhile the row gets a new one and the rows pointing at it follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from db.base import Base
from db.commands import CommandError

Values = dict[str, Any]


@dataclass
class Snapshot:
    """Rows to insert again (parents before children) and references to set again."""

    #: (table name, column values), in an order that satisfies foreign keys
    rows: list[tuple[str, Values]] = field(default_factory=list)
    #: (table name, row id, column, referenced id, the row's other values to put back):
    #: references that the deletion cleared
    references: list[tuple[str, int, str, int, Values]] = field(default_factory=list)

    def ids(self, table: str) -> list[int]:
        """The ids of the captured rows of one table."""
        return [int(v["id"]) for name, v in self.rows if name == table and "id" in v]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _referencing(table: Table) -> list[tuple[Table, str, str]]:
    """(child table, child column, ondelete) for every foreign key pointing at ``table``."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                found.append((child, fk.parent.name, (fk.ondelete or "").upper()))
    return found


def capture(session: Session, table_name: str, row_id: int) -> Snapshot:
    """Everything needed to restore row ``row_id`` of ``table_name`` after it is deleted."""
    snapshot = Snapshot()
    seen: set[tuple[str, int]] = set()
    _capture(session, _table(table_name), row_id, snapshot, seen)
    if not snapshot.rows:
        raise CommandError(f"no {table_name} row {row_id}")
    return snapshot


def _capture(
    session: Session, table: Table, row_id: int, snapshot: Snapshot, seen: set[tuple[str, int]]
) -> None:
    if (table.name, row_id) in seen:
        return
    seen.add((table.name, row_id))
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        return
    snapshot.rows.append((table.name, dict(row)))
    for child, column, ondelete in _referencing(table):
        child_column = child.c[column]
        if ondelete == "CASCADE":
            if "id" in child.c:
                for (child_id,) in session.execute(select(child.c.id).where(child_column == row_id)):
                    _capture(session, child, int(child_id), snapshot, seen)
            else:  # an association table: rows without an id of their own
                for link in session.execute(select(child).where(child_column == row_id)).mappings():
                    snapshot.rows.append((child.name, dict(link)))
        elif "id" in child.c:  # SET NULL, or cleared by the delete command before deleting
            # clearing the reference bumps the row's modification time: put that back too
            kept = [child.c.id] + ([child.c.modified_at] if "modified_at" in child.c else [])
            for values in session.execute(select(*kept).where(child_column == row_id)).mappings():
                child_id = int(values["id"])
                if (child.name, child_id) not in seen:
                    extra = {k: v for k, v in values.items() if k != "id"}
                    snapshot.references.append((child.name, child_id, column, row_id, extra))


def delete_captured(session: Session, snapshot: Snapshot) -> None:
    """Delete the first row of a snapshot, clearing references that do not cascade by themselves."""
    table_name, values = snapshot.rows[0]
    table = _table(table_name)
    for child_name, child_id, column, _, _ in snapshot.references:
        child = _table(child_name)
        session.execute(update(child).where(child.c.id == child_id).values({column: None}))
    session.execute(delete(table).where(table.c.id == values["id"]))
    session.expire_all()


def capture_and_delete(session: Session, table_name: str, row_id: int) -> Snapshot:
    """Delete a row (and what cascades from it) and return what brings it back."""
    snapshot = capture(session, table_name, row_id)
    delete_captured(session, snapshot)
    return snapshot


def _targets_exist(session: Session, table: Table, values: Values) -> bool:
    for fk in table.foreign_keys:
        value = values.get(fk.parent.name)
        if value is not None and session.scalar(
            select(fk.column).where(fk.column == value)
        ) is None:
            return False
    return True


def restore(session: Session, snapshot: Snapshot) -> dict[tuple[str, int], int]:
    """Insert a snapshot's rows again; returns the ids that had to change ({(table, old): new})."""
    moved: dict[tuple[str, int], int] = {}
    for table_name, original in snapshot.rows:
        table = _table(table_name)
        values = dict(original)
        for fk in table.foreign_keys:
            column = fk.parent.name
            old = values.get(column)
            if old is not None and (fk.column.table.name, old) in moved:
                values[column] = moved[(fk.column.table.name, old)]
        if "id" not in table.c and not _targets_exist(session, table, values):
            continue  # a link to a row deleted since (outside undo): nothing to link to
        if "id" in table.c:
            taken = session.scalar(select(table.c.id).where(table.c.id == values["id"]))
            if taken is not None:
                old_id = values.pop("id")
                new_id = session.execute(
                    table.insert().values(values).returning(table.c.id)
                ).scalar_one()
                moved[(table_name, int(old_id))] = int(new_id)
                continue
        session.execute(table.insert().values(values))
    for child_name, child_id, column, target_id, extra in snapshot.references:
        child = _table(child_name)
        target_table = next(fk.column.table.name for fk in child.foreign_keys if fk.parent.name == column)
        target = moved.get((target_table, target_id), target_id)
        session.execute(
            update(child).where(child.c.id == child_id).values({column: target, **extra})
        )
    session.expire_all()
    return moved
