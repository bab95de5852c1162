"""Long texts and large files are written in pieces (issue 21, memory): what is stored and
indexed is exactly what a text of any size gets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from db.archive import Archive
from db.commands import delete_source
from db.importer import import_paths
from db.long_values import LONG_TEXT
from db.queries import source_text
from db.search import search_sources


def _long_report(path: Path) -> str:
    line = "Кавказский узел: в районе Хасавюрта задержаны 14 человек; monitors counted 40 checkpoints.\n"
    body = "".join(f"{n} {line}" for n in range(LONG_TEXT // len(line) + 2000))
    path.write_text("Long transcript\n\n" + body + "Zygomorphic ending.\n", encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_a_long_text_is_stored_searchable_and_deletable_whole(archive: Archive, tmp_path: Path) -> None:
    content = _long_report(tmp_path / "long.txt")
    (tmp_path / "short.txt").write_text("Short\n\nA zygomorphic flower.\n")
    results = import_paths(archive, [tmp_path / "long.txt", tmp_path / "short.txt"], workers=0)
    assert [r.status for r in results] == ["imported", "imported"]
    long_id = results[0].source_id
    assert long_id is not None
    with archive.session() as session:
        stored = source_text(session, long_id)
        assert stored == content
        # its language read from its text, although the text is held apart from the row
        language = session.execute(text("SELECT language FROM sources WHERE id = :id"), {"id": long_id})
        assert language.scalar() == "ru"
        assert session.execute(text("SELECT typeof(text) FROM sources WHERE id = :id"), {"id": long_id}).scalar() == "text"
        hits = {hit.source_id for hit in search_sources(session, "zygomorphic")}
        assert hits == {long_id, results[1].source_id}
        words = session.execute(text("SELECT count(*) FROM source_fts WHERE source_fts MATCH 'хасавюрта'")).scalar()
        assert words == 1
        original = session.execute(text("SELECT size, length(data) FROM original_files WHERE id = "
                                        "(SELECT original_file_id FROM sources WHERE id = :id)"), {"id": long_id}).one()
        assert original == ((tmp_path / "long.txt").stat().st_size,) * 2
    with archive.session() as session:
        delete_source(session, long_id)
    with sqlite3.connect(archive.location) as connection:
        connection.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, source_fts, 'row')")
        assert connection.execute("SELECT doc FROM temp.words WHERE term = 'хасавюрта'").fetchone() is None
        connection.execute("INSERT INTO source_fts(source_fts) VALUES ('integrity-check')")
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with archive.session() as session:
        assert {hit.source_id for hit in search_sources(session, "zygomorphic")} == {results[1].source_id}


def test_a_long_text_survives_its_batch_being_written_again(archive: Archive, tmp_path: Path) -> None:
    """A batch that fails is written file by file: the long text staged for it is still there."""
    content = _long_report(tmp_path / "a-long.txt")
    (tmp_path / "b-bad.txt").write_text("Bad\n\nThis one cannot be saved.\n")
    from sqlalchemy import event

    def refuse(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        if statement.startswith("INSERT INTO sources") and "This one cannot be saved" in str(parameters):
            raise ValueError("refused by the test")

    event.listen(archive.engine, "before_cursor_execute", refuse)
    try:
        results = import_paths(archive, [tmp_path], workers=0)
    finally:
        event.remove(archive.engine, "before_cursor_execute", refuse)
    assert [r.status for r in results] == ["imported", "failed"]
    with archive.session() as session:
        assert source_text(session, results[0].source_id or 0) == content
