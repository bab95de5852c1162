"""Reads of annotations and what they hang on: codes, annotations waiting to be placed, memos."""

from __future__ import annotations

from dataclasses import dataclass

from db import lookup, queries
from db.anchors import Orphan, orphans_of
from db.archive import Archive
from db.codebook import code_usage
from db.rows import CodeRow
from desktop.reads.base import read


def codes(archive: Archive) -> list[CodeRow]:
    """The codebook, parents before their children, with usage counts."""
    return read(archive, queries.list_codes)


def annotations_using(archive: Archive, code_id: int) -> int:
    """How many annotations carry a code or one of its sub-codes."""
    return read(archive, code_usage, code_id)


def orphans(archive: Archive, source_id: int) -> list[Orphan]:
    """The annotations of a source whose words were not found after its text changed."""
    return read(archive, orphans_of, [source_id])


@dataclass(frozen=True)
class MemoTarget:
    """What a memo is on: its kind, id and uuid, a label for the dialog, and the memo so far."""

    kind: str
    target_id: int
    uuid: str
    label: str
    text: str | None


def memo_target(archive: Archive, kind: str, target_id: int) -> MemoTarget | None:
    """The memo on a source, actor, statistic or code (None when the target is gone)."""
    with archive.session() as session:
        uuid = lookup.target_uuid(session, kind, target_id)
        if uuid is None:
            return None
        label = lookup.memo_label(session, kind, uuid)
        return MemoTarget(kind, target_id, uuid, label, lookup.memo_text(session, kind, uuid))


def search_memos(archive: Archive, words: str) -> list[lookup.MemoRow]:
    """Memos holding all of ``words`` (every memo for none)."""
    return read(archive, lookup.search_memos, words)
