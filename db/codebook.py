"""Writes to the codebook: codes created, renamed, recoloured, nested, merged, deleted.

Like :mod:`db.commands`, each takes the caller's Session and commits nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from db.commands import CommandError, get_row
from db.models import Code, annotation_codes


def add_code(
    session: Session, name: str, color: str = "#ffd54f", parent_id: int | None = None
) -> int:
    name = name.strip()
    if not name:
        raise CommandError("a code needs a name")
    code = Code(name=name, color=color, parent_id=parent_id)
    session.add(code)
    session.flush()
    return code.id


def find_or_add_code(session: Session, name: str, color: str = "#ffd54f") -> int:
    existing = session.scalar(select(Code.id).where(Code.name == name, Code.parent_id.is_(None)))
    return existing if existing is not None else add_code(session, name, color)


def _code_descendants(session: Session, code_id: int) -> set[int]:
    """The ids of a code's sub-codes at any depth."""
    found: set[int] = set()
    frontier = [code_id]
    while frontier:
        children = session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))).all()
        frontier = [c for c in children if c not in found]
        found.update(frontier)
    return found


def _check_code_name(session: Session, name: str, parent_id: int | None, code_id: int | None) -> None:
    same = select(Code.id).where(Code.name == name, Code.id != (code_id or -1))
    same = same.where(Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id)
    if session.scalar(same) is not None:
        raise CommandError(f"there is already a code {name!r} there")


def update_code(
    session: Session,
    code_id: int,
    *,
    name: str | None = None,
    color: str | None = None,
    parent_id: int | Literal["keep"] | None = "keep",
    description: str | Literal["keep"] | None = "keep",
) -> None:
    """Rename, recolour or move a code (``parent_id=None`` makes it a top-level code)."""
    code = get_row(session, Code, code_id)
    new_name = code.name if name is None else name.strip()
    if not new_name:
        raise CommandError("a code needs a name")
    new_parent = code.parent_id if parent_id == "keep" else parent_id
    if new_parent is not None:
        get_row(session, Code, new_parent)
        if new_parent == code_id or new_parent in _code_descendants(session, code_id):
            raise CommandError("a code cannot be nested inside itself")
    if new_name != code.name or new_parent != code.parent_id:
        _check_code_name(session, new_name, new_parent, code_id)
    code.name, code.parent_id = new_name, new_parent
    if color is not None:
        code.color = color
    if description != "keep":
        code.description = description
    session.flush()


@dataclass(frozen=True)
class CodeMerge:
    """What merging one code into another changed (so that it can be undone)."""

    #: (code id, annotation id) links the merge added to the target (and its sub-codes)
    links_added: tuple[tuple[int, int], ...]
    #: sub-codes of the merged code that now hang under the target
    reparented: tuple[int, ...]


def merge_codes(session: Session, code_id: int, into_id: int) -> CodeMerge:
    """Merge code ``code_id`` into ``into_id``: its annotations and sub-codes move, it goes.

    A sub-code whose name the target already has is merged into that one in turn.
    """
    if code_id == into_id:
        raise CommandError("a code cannot be merged into itself")
    get_row(session, Code, code_id)
    get_row(session, Code, into_id)
    if into_id in _code_descendants(session, code_id):
        raise CommandError("a code cannot be merged into one of its own sub-codes")
    links: list[tuple[int, int]] = []
    reparented: list[int] = []
    _merge_code(session, code_id, into_id, links, reparented)
    session.flush()
    return CodeMerge(tuple(links), tuple(reparented))


def _merge_code(
    session: Session, code_id: int, into_id: int, links: list[tuple[int, int]], reparented: list[int]
) -> None:
    coded = set(
        session.scalars(
            select(annotation_codes.c.annotation_id).where(annotation_codes.c.code_id == code_id)
        )
    )
    already = set(
        session.scalars(
            select(annotation_codes.c.annotation_id).where(annotation_codes.c.code_id == into_id)
        )
    )
    new_links = sorted(coded - already)
    if new_links:
        session.execute(
            annotation_codes.insert(), [{"annotation_id": a, "code_id": into_id} for a in new_links]
        )
        links.extend((into_id, a) for a in new_links)
    existing = {
        name: cid
        for cid, name in session.execute(select(Code.id, Code.name).where(Code.parent_id == into_id))
    }
    for child_id, child_name in session.execute(
        select(Code.id, Code.name).where(Code.parent_id == code_id).order_by(Code.id)
    ).all():
        if child_name in existing:
            _merge_code(session, child_id, existing[child_name], links, reparented)
        else:
            session.execute(update(Code).where(Code.id == child_id).values(parent_id=into_id))
            reparented.append(child_id)
    session.execute(delete(Code).where(Code.id == code_id))
    session.expire_all()


def code_usage(session: Session, code_id: int) -> int:
    """How many annotations carry this code or one of its sub-codes (asked before deleting)."""
    ids = {code_id} | _code_descendants(session, code_id)
    return int(
        session.scalar(
            select(func.count(func.distinct(annotation_codes.c.annotation_id))).where(
                annotation_codes.c.code_id.in_(ids)
            )
        )
        or 0
    )


def delete_code(session: Session, code_id: int) -> None:
    """Delete a code and its sub-codes; the annotations stay, without these codes."""
    session.execute(delete(Code).where(Code.id == code_id))
    session.expire_all()
