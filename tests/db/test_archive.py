"""Opening, creating, migrating and refusing archives."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from db import archive as archive_module
from db.archive import ArchiveError, head_revision, migrate


def test_new_archive_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite"
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == head_revision()
        tables = set(inspect(opened.engine).get_table_names())
        assert {"sources", "actors", "aliases", "relations", "codes", "annotations", "mentions",
                "statistics", "saved_searches", "memos", "original_files"} <= tables
    finally:
        opened.close()
    assert path.exists()


def test_a_file_that_is_not_an_archive_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    content = b"These are my field notes, not a database.\n" * 50
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match="not a Dossier archive"):
        archive_module.open(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.sqlite-wal").exists()


def test_a_sqlite_database_of_something_else_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE birds (name TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="database of something else"):
        archive_module.open(path)
    assert path.read_bytes() == before


def test_an_archive_from_a_newer_dossier_is_refused(archive_path: Path) -> None:
    connection = sqlite3.connect(archive_path)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    connection.commit()
    connection.close()
    with pytest.raises(ArchiveError, match="newer version of Dossier"):
        archive_module.open(archive_path)


def test_an_older_archive_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = archive_module._sqlite_engine(path)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO sources (uuid, title, kind, text) VALUES ('u-1', 'Old report', 'article', 'Forty were killed.')")
    engine.dispose()

    opened = archive_module.open(path)
    try:
        assert opened.backup is not None
        assert opened.backup.exists()
        with opened.session() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert session.execute(text("SELECT title FROM sources")).scalar() == "Old report"
            indexes = {i["name"] for i in inspect(session.connection()).get_indexes("annotations")}
        assert "ix_annotations_source_id_start" in indexes
    finally:
        opened.close()
    backup = sqlite3.connect(opened.backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT title FROM sources").fetchone() == ("Old report",)
    finally:
        backup.close()


def test_every_migration_runs_up_from_the_first_and_down_again(tmp_path: Path) -> None:
    engine = archive_module._sqlite_engine(tmp_path / "m.sqlite")
    from alembic import command

    config = archive_module.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert "source_fts" in inspect(engine).get_table_names()
    engine.dispose()


def test_a_folder_is_not_an_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="is a folder"):
        archive_module.open(tmp_path)


def test_schema_matches_the_models(archive: archive_module.Archive) -> None:
    """The migrations create exactly what the models describe (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.base import Base

    with archive.engine.connect() as connection, warnings.catch_warnings():
        # SQLAlchemy does not read back an index on an expression from SQLite (checked below)
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, Base.metadata)
                if "fts" not in str(d) and "source_stem" not in str(d)]
        expression_indexes = {name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%IS NULL%'")}
    assert diff == []
    assert expression_indexes == {"ix_statistics_listed"}


def test_the_head_revision_constant_matches_the_migration_scripts() -> None:
    """Opening an up-to-date archive skips Alembic by trusting HEAD_REVISION: keep it true."""
    assert head_revision() == archive_module.HEAD_REVISION


def test_an_archive_from_before_team_work_opens_with_an_identity_versions_and_tombstones(tmp_path: Path) -> None:
    path = tmp_path / "before-0016.sqlite"
    engine = archive_module._sqlite_engine(path)
    migrate(engine, "0003")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO sources (uuid, title, kind, text) VALUES ('u-1', 'Old', 'article', 'Text.')")
    engine.dispose()
    opened = archive_module.open(path)
    try:
        assert opened.backup is not None
        with opened.session() as session:
            assert session.execute(text("SELECT version, modified_by FROM sources")).one() == (1, None)
            assert session.execute(text("SELECT count(*) FROM archive_info WHERE key = 'archive_uuid'")).scalar() == 1
            session.execute(text("UPDATE sources SET title = 'Edited', modified_at = '2030-01-01 00:00:00'"))
            assert session.execute(text("SELECT version FROM sources")).scalar() == 2
            session.execute(text("DELETE FROM sources"))
            assert session.execute(text("SELECT uuid, kind FROM tombstones")).one() == ("u-1", "sources")
    finally:
        opened.close()


def test_team_work_migrates_down_to_what_it_was(tmp_path: Path) -> None:
    from alembic import command

    engine = archive_module._sqlite_engine(tmp_path / "down.sqlite")
    config = archive_module.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "0003")
        tables = set(inspect(connection).get_table_names())
        columns = {c["name"] for c in inspect(connection).get_columns("sources")}
        triggers = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert not tables & {"tombstones", "merge_base", "merge_peers", "merge_history", "archive_info"}
    assert not columns & {"version", "modified_by"}
    assert triggers == {"sources_fts_insert", "sources_fts_delete", "sources_fts_update", "actors_fts_rename"}
    engine.dispose()
