"""Properties of merging, on archives hypothesis makes: two researchers edit copies of one ancestor.

For any edits: merge(A, B) and merge(B, A) hold the same content; merging the same archive again
changes nothing; merging an archive with a copy of itself changes nothing; after every merge no
reference dangles and every placed span quotes its text.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db import archive as archive_module
from db.anchors import replace_source_text
from db.archive import Archive
from db.codebook import add_code
from db.commands import (
    NewSource,
    NewStatistic,
    add_actor,
    add_annotation,
    add_source,
    add_statistic,
    delete_annotation,
    delete_source,
    set_annotation_codes,
    set_memo,
    update_actor,
    update_source,
)
from db.merge import merge_archives
from db.merge.sending import send_copy
from db.models import Actor, Annotation, Code, Source, Statistic
from db.statistic_edits import update_statistic
from tests.db.merge.conftest import check_integrity, content

TEXTS = [
    "Some 40 people were killed in Grozny on Tuesday, officials said.",
    "The army said 12 fighters surrendered near Makhachkala in June.",
    "Human rights groups counted 249 disappearances in Dagestan last year.",
    "A court in Nalchik sentenced five men, the prosecutor said.",
]
OPERATIONS = ("title", "text", "annotate", "unannotate", "actor", "rename", "delete_source",
              "statistic", "codes", "memo", "new_source")
edits = st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 1_000)), max_size=7)


def _ancestor(session_archive: Archive) -> None:
    with session_archive.session() as s:
        sources = [add_source(s, NewSource(text=t, title=f"Report {n}")) for n, t in enumerate(TEXTS[:3])]
        code = add_code(s, "Violence")
        add_code(s, "Killings", parent_id=code)
        add_actor(s, "Rustam Asilderov", "person", aliases=["Abu Muhammad"])
        add_actor(s, "Grozny", "place")
        for source_id, text in zip(sources, TEXTS, strict=False):
            annotation = add_annotation(s, source_id, 0, text.index(" "), note="first word")
            set_annotation_codes(s, annotation, [code])
        add_statistic(s, NewStatistic(value=40, measure="killed", source_id=sources[0], start=5, end=7))


def _pick(session: object, model: type, n: int) -> int | None:
    ids = session.scalars(select(model.id).order_by(model.id)).all()  # type: ignore[attr-defined]
    return ids[n % len(ids)] if ids else None


def _edit(archive: Archive, operations: list[tuple[str, int]]) -> None:
    for operation, n in operations:
        with archive.session() as s:
            source = _pick(s, Source, n)
            if operation == "title" and source:
                update_source(s, source, title=f"Title {n % 5}")
            elif operation == "text" and source:
                body = s.scalar(select(Source.text).where(Source.id == source)) or ""
                replace_source_text(s, source, f"Update {n % 3}: " + body)
            elif operation == "annotate" and source:
                body = s.scalar(select(Source.text).where(Source.id == source)) or ""
                words = [i for i, c in enumerate(body) if c == " "]
                if len(words) > 2:
                    start = words[n % (len(words) - 1)] + 1
                    add_annotation(s, source, start, body.index(" ", start), note=f"note {n % 4}")
            elif operation == "unannotate" and (annotation := _pick(s, Annotation, n)):
                delete_annotation(s, annotation)
            elif operation == "actor":
                add_actor(s, f"Actor {n % 3}", "person")
            elif operation == "rename" and (actor := _pick(s, Actor, n)):
                update_actor(s, actor, name=f"Renamed {n % 4}")
            elif operation == "delete_source" and source:
                delete_source(s, source)
            elif operation == "statistic" and (statistic := _pick(s, Statistic, n)):
                update_statistic(s, statistic, {"value": float(n % 50)})
            elif operation == "codes" and (annotation := _pick(s, Annotation, n)):
                codes = s.scalars(select(Code.id).order_by(Code.id)).all()
                set_annotation_codes(s, annotation, codes[: n % (len(codes) + 1)])
            elif operation == "memo" and source:
                uuid = s.scalar(select(Source.uuid).where(Source.id == source)) or ""
                set_memo(s, "source", uuid, f"memo {n % 3}")
            elif operation == "new_source":
                add_source(s, NewSource(text=TEXTS[n % len(TEXTS)], title="Found again"))


def _copy(archive: Archive, to: Path) -> Archive:
    source = sqlite3.connect(archive.location)
    target = sqlite3.connect(to)
    source.backup(target)
    target.close()
    source.close()
    return archive_module.open(to)


@contextmanager
def _two_researchers(template: Path, ours: list[tuple[str, int]], theirs: list[tuple[str, int]]) -> Iterator[tuple[Archive, Archive, Path]]:
    folder = Path(tempfile.mkdtemp(prefix="merge-prop-"))
    shutil.copyfile(template, folder / "a.sqlite")
    a = archive_module.open(folder / "a.sqlite")
    _ancestor(a)
    send_copy(a, folder / "b.sqlite")
    b = archive_module.open(folder / "b.sqlite")
    try:
        _edit(a, ours)
        _edit(b, theirs)
        yield a, b, folder
    finally:
        a.close()
        b.close()
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ours=edits, theirs=edits)
# found by hypothesis: a memo on a source they deleted and imported again stays on it both ways
@example(ours=[], theirs=[("memo", 0), ("delete_source", 0), ("new_source", 0)])
def test_merge_is_symmetric_idempotent_and_keeps_the_archive_whole(
    empty_template: Path, ours: list[tuple[str, int]], theirs: list[tuple[str, int]]
) -> None:
    with _two_researchers(empty_template, ours, theirs) as (a, b, folder):
        ab, ba = _copy(a, folder / "ab.sqlite"), _copy(b, folder / "ba.sqlite")
        try:
            merge_archives(ab, b.location)
            merge_archives(ba, a.location)
            check_integrity(ab)
            check_integrity(ba)
            assert content(ab) == content(ba)

            merged = content(ab)
            again = merge_archives(ab, b.location)
            assert (again.added, again.updated, again.deleted) == ({}, {}, {})
            assert content(ab) == merged
        finally:
            ab.close()
            ba.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ours=edits)
def test_merging_an_archive_with_itself_changes_nothing(empty_template: Path, ours: list[tuple[str, int]]) -> None:
    with _two_researchers(empty_template, ours, []) as (a, _b, folder):
        before = content(a)
        itself = _copy(a, folder / "itself.sqlite")
        itself.close()
        result = merge_archives(a, folder / "itself.sqlite")
        assert (result.added, result.updated, result.deleted, result.conflicts) == ({}, {}, {}, [])
        assert content(a) == before
        check_integrity(a)
