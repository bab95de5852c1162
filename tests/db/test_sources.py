"""The seed import, the sample, offsets in code points, writes as single units of work."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from db.archive import Archive
from db.commands import CommandError, NewStatistic, add_annotation, add_statistic, anchor_context
from db.dates import PartialDate
from db.importer import import_paths
from db.models import (
    Actor,
    Alias,
    Annotation,
    Code,
    Memo,
    Mention,
    Relation,
    SavedSearch,
    Source,
    Statistic,
)
from db.queries import list_actors, list_sources, list_statistics, source_detail
from tests.factories import make_source

REPO = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = REPO / "resources" / "sample" / "isis-comes-to-russia.txt"


def test_seed_import_gives_date_title_outlet_and_body(archive: Archive, tmp_path: Path) -> None:
    [result] = import_paths(archive, [SAMPLE_TEXT])
    assert result.status == "imported"
    with archive.session() as session:
        [row] = list_sources(session)
        detail = source_detail(session, row.id)
    assert row.title == "ISIS Comes to Russia"
    assert row.published == PartialDate(2015, 7, 11)
    assert row.outlet == "The Daily Beast"
    assert detail is not None
    assert detail.text.startswith("Defectors")
    assert detail.original_file_name == "isis-comes-to-russia.txt"


@pytest.mark.shared
def test_seed_in_shared_data_is_the_one_shipped(shared_data: Path) -> None:
    assert (shared_data / "seed" / "isis-comes-to-russia.txt").read_bytes() == SAMPLE_TEXT.read_bytes()


def test_sample_has_actors_aliases_and_three_claims(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        [source] = list_sources(session)
        actors = {a.name: a for a in list_actors(session)}
        statistics = list_statistics(session)
        text = source_detail(session, source.id).text  # type: ignore[union-attr]
    assert "Abu Muhammad al-Kadarskii" in actors["Rustam Asilderov"].aliases
    for name in ("Amir Khamzat", "ISIS", "Caucasus Emirate", "Dokku Umarov", "Caucasus Knot", "Dagestan"):
        assert name in actors
    assert actors["The Daily Beast"].kind == "media_outlet"
    assert actors["ISIS"].mention_count >= 3
    claims = {(s.value, s.claimant, s.subject, s.measure) for s in statistics}
    assert claims == {
        (249, None, "militants", "killed"),
        (5816, "Caucasus Knot", "civilians, security officials, and militants", "killed"),
        (2200, "Russian officials", "Russians", "gone to fight"),
    }
    for statistic in statistics:
        assert statistic.approximate
        assert statistic.start is not None
        assert text[statistic.start : statistic.end] == statistic.quote
    by_value = {s.value: s for s in statistics}
    assert by_value[249].period_start == PartialDate(2014)
    assert by_value[5816].period_start == PartialDate(2010)
    assert by_value[5816].period_end == PartialDate(2015, 7, 11)


def test_offsets_count_code_points_not_utf16_units(archive: Archive) -> None:
    text = "🙂🙂 Доку Умаров said 🇷🇺 some 40 fighters left."
    source_id = make_source(archive, text)
    start = text.index("some 40 fighters")
    with archive.session() as session:
        annotation_id = add_annotation(session, source_id, start, start + len("some 40 fighters"))
        annotation = session.get(Annotation, annotation_id)
        assert annotation is not None
        assert annotation.quote == "some 40 fighters"
        assert annotation.prefix.endswith("🇷🇺 ")
    with archive.session() as session:
        detail = source_detail(session, source_id)
    assert detail is not None
    [row] = detail.annotations
    assert detail.text[row.start : row.end] == "some 40 fighters"


def test_a_span_outside_the_text_is_refused() -> None:
    with pytest.raises(CommandError, match="outside the text"):
        anchor_context("short", 2, 10)


def test_a_failed_unit_of_work_leaves_nothing_behind(archive: Archive) -> None:
    source_id = make_source(archive)

    def unit_of_work() -> None:
        with archive.session() as session:
            add_statistic(
                session,
                NewStatistic(value=40, measure="killed", source_id=source_id, start=0, end=8, claimant="Officials"),
            )
            add_statistic(session, NewStatistic(value=None, measure="killed"))

    with pytest.raises(CommandError):
        unit_of_work()
    with archive.session() as session:
        assert list_statistics(session) == []
        assert session.query(Actor).filter_by(name="Officials").count() == 0
        assert session.query(Annotation).count() == 0


def test_every_row_has_identity_and_history(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        session.add(SavedSearch(name="Caucasus", query="caucasus"))
        session.add(Memo(target_kind="source", target_uuid="x", text="Check the numbers."))
        session.flush()
        for model in (Source, Actor, Alias, Relation, Code, Annotation, Mention, Statistic, SavedSearch, Memo):
            rows = session.query(model).all()
            assert rows, model.__name__
            for row in rows:
                assert len(row.uuid) == 36
                assert row.created_at is not None
                assert row.modified_at is not None


def test_reliability_grades_are_checked(archive: Archive) -> None:
    source_id = make_source(archive)
    with archive.session() as session:
        source = session.get(Source, source_id)
        assert source is not None
        source.reliability = "Z"
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()


def test_deleting_a_source_deletes_its_original_and_its_words(archive: Archive, tmp_path: Path) -> None:
    """Issue 21, defect 13: a deleted source's file and its words do not stay in the archive."""
    import sqlite3

    from db.commands import delete_source
    from db.importer import import_paths

    paths = []
    for n in range(2):
        path = tmp_path / f"report-{n}.txt"
        path.write_text(f"Report {n}\n\nInformant{n} named the checkpoint commander.\n")
        paths.append(path)
    _kept, deleted = import_paths(archive, paths, workers=0)
    assert deleted.source_id is not None
    with archive.session() as session:
        delete_source(session, deleted.source_id)
    with sqlite3.connect(archive.location) as connection:
        assert connection.execute("SELECT file_name FROM original_files").fetchall() == [("report-0.txt",)]
        connection.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, source_fts, 'row')")
        words = {term for (term,) in connection.execute("SELECT term FROM temp.words")}
    assert "informant0" in words
    assert "informant1" not in words


def test_source_ids_come_a_chunk_at_a_time_into_one_array_in_order(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    from db import queries
    from db.filters import SourceFilter

    for n in range(7):
        make_source(archive, f"Report {n}", title=f"Report {6 - n}")
    with archive.session() as session:
        whole = queries.source_ids(session, SourceFilter(sort="title"))
        monkeypatch.setattr(queries, "ID_CHUNK", 3)
        chunked = queries.source_ids(session, SourceFilter(sort="title"))
        titles = [s.title for s in queries.source_rows(session, chunked)]
    assert chunked.typecode == "q"
    assert chunked == whole
    assert titles == sorted(titles)
    assert len(titles) == 7
