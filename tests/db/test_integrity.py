"""``check``: a real archive damaged the ways a researcher meets (a text edited behind Dossier's
back, an original's bytes changed, a few bytes of the file overwritten, the search index
tampered with) is reported with the source named, exit 1; a whole archive is exit 0."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from db import archive as archive_module
from db.archive import Archive
from db.cli import main
from db.commands import add_actor, add_annotation, add_mention
from db.importer import import_paths
from db.integrity import check_archive
from tests.factories import make_statistic

TEXTS = {
    "grozny.txt": "Checkpoint attack\n\nSome 40 people were killed in Grozny on Tuesday, officials said. "
                  "Ramzan Kadyrov blamed militants for the attack on the checkpoint.",
    "nalchik.txt": "Nalchik raid\n\nPolice detained 12 suspects in Nalchik after the raid, Interfax reported.",
    "dagestan.txt": "Dagestan\n\nThree soldiers were wounded near Makhachkala, the ministry said.",
}


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """An archive of three imported files (their originals kept), annotated, with a mention and
    a statistic, closed."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, body in TEXTS.items():
        (folder / name).write_text(body, encoding="utf-8")
    path = tmp_path / "field.sqlite"
    opened = archive_module.open(path)
    results = import_paths(opened, [folder], workers=0)
    assert [r.status for r in results] == ["imported"] * 3
    with opened.session() as session:
        kadyrov = add_actor(session, "Ramzan Kadyrov", "person")
    ids = {Path(r.path).name: r.source_id for r in results}
    with opened.session() as session:
        grozny = ids["grozny.txt"]
        text = session.execute(
            __import__("sqlalchemy").text("SELECT text FROM sources WHERE id = :i"), {"i": grozny}).scalar_one()
        start = text.index("killed in Grozny")
        add_annotation(session, grozny, start, start + len("killed in Grozny"))
        name = text.index("Ramzan Kadyrov")
        add_mention(session, grozny, name, name + len("Ramzan Kadyrov"), kadyrov)
    make_statistic(opened, ids["nalchik.txt"], "detained 12 suspects", value=12.0, measure="detained")
    opened.close()
    return path


def _source(path: Path, title: str) -> tuple[int, int]:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT id, original_file_id FROM sources WHERE title = ?", (title,)).fetchone()
    connection.close()
    return int(row[0]), int(row[1])


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def _check(path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, dict[str, object], str]:
    code = main(["--archive", str(path), "check", "--json", *flags])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_a_whole_archive_is_whole(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flags in ((), ("--quick",)):
        code, data, err = _check(filled, capsys, *flags)
        assert (code, data, err) == (0, {"ok": True, "problems": [], "backup": None}, "")
    assert main(["--archive", str(filled), "check"]) == 0
    assert capsys.readouterr().out.startswith(f"{filled}: whole")


def test_a_text_edited_behind_dossiers_back_names_the_source_and_its_spans(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grozny, _ = _source(filled, "Checkpoint attack")
    nalchik, _ = _source(filled, "Nalchik raid")
    # another program rewrites the texts: words inserted before the spans move them
    _sql(filled, f"UPDATE sources SET text = 'UPDATE: ' || text WHERE id IN ({grozny}, {nalchik})")
    code, data, _ = _check(filled, capsys, "--quick")
    assert code == 1
    assert data["ok"] is False
    problems = data["problems"]
    assert isinstance(problems, list)
    assert len(problems) == 3
    [annotation] = [p for p in problems if "'s quote no longer matches" in p and "annotation" in p.split(":")[1][:12]]
    assert annotation.startswith(f"source {grozny} 'Checkpoint attack': annotation ")
    assert any(p.startswith(f"source {grozny} 'Checkpoint attack': mention ") for p in problems)
    assert any(p.startswith(f"source {nalchik} 'Nalchik raid': statistic ") for p in problems)
    with sqlite3.connect(filled) as connection:
        start, end = connection.execute("SELECT start, \"end\" FROM annotations WHERE quote = 'killed in Grozny'").fetchone()
    connection.close()
    assert annotation.endswith(f"no longer matches the text at {start}–{end}")


def test_an_original_whose_bytes_changed_names_its_source(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, original = _source(filled, "Dagestan")
    _sql(filled, f"UPDATE original_files SET data = CAST('Three soldiers were killed' AS BLOB) WHERE id = {original}")
    code, data, _ = _check(filled, capsys)
    assert code == 1
    assert data["problems"] == [
        f"source {source} 'Dagestan': its original file 'dagestan.txt' no longer matches the sha256 it "
        "was imported with (its bytes changed)"
    ]
    # the quick check does not read the originals, and says so
    assert main(["--archive", str(filled), "check", "--quick"]) == 0
    assert "not checked: the originals' sha256" in capsys.readouterr().out


def test_a_tampered_search_index_is_said_to_be_the_index_alone(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sql(filled, "UPDATE source_fts_data SET block = zeroblob(length(block)) "
                 "WHERE id = (SELECT max(id) FROM source_fts_data)")
    code, data, _ = _check(filled, capsys)
    assert code == 1
    [line] = data["problems"]  # type: ignore[misc]
    assert line.startswith(f"{filled}: the search index is damaged (source_fts")
    opened = archive_module.open(filled)
    try:
        assert check_archive(opened).only_the_index
        assert check_archive(opened, quick=True).ok  # the quick check does not read the index
    finally:
        opened.close()


def test_an_index_out_of_step_with_the_texts_is_found_by_the_full_check(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the texts changed with the index's triggers set aside: the index still has the old words
    with sqlite3.connect(filled) as connection:
        sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'sources_fts_update'").fetchone()[0]
    connection.close()
    _sql(filled, "DROP TRIGGER sources_fts_update", "UPDATE sources SET title = 'Renamed'", sql)
    code, data, _ = _check(filled, capsys)
    assert code == 1
    assert any("the search index is damaged (source_fts" in p for p in data["problems"])  # type: ignore[union-attr]


def _overwrite(path: Path) -> None:
    """A few hundred bytes at the start of pages in the middle, as a failing disk or a bad copy."""
    pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:
        for page in range(pages // 3, pages // 3 + 8):
            handle.seek(page * 4096)
            handle.write(b"\x5a" * 600)


def test_a_few_overwritten_bytes_are_reported_with_the_newest_whole_backup(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.backups import back_up

    opened = archive_module.open(filled)
    backup = back_up(opened, "daily")
    opened.close()
    assert backup is not None
    _overwrite(filled)
    before = filled.read_bytes()
    code, data, _ = _check(filled, capsys)
    assert code == 1
    assert data["ok"] is False
    assert data["backup"] == str(backup)
    [line] = data["problems"]  # type: ignore[misc]
    assert line.startswith(f"{filled}: the file is damaged (")
    assert filled.read_bytes() == before  # a check changes nothing
    code = main(["--archive", str(filled), "check"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"{filled}: the file is damaged")
    assert f"newest whole backup: {backup}" in out


def test_orphaned_annotations_are_not_problems(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    from db.anchors import replace_source_text
    from tests.factories import make_source

    source = make_source(archive, "The convoy was shelled near Shatoi.")
    with archive.session() as session:
        add_annotation(session, source, 4, 10)
        report = replace_source_text(session, source, "Nothing of it is left.")
    assert report.orphaned  # the researcher was told; check does not say it again
    assert check_archive(archive).ok


def test_on_postgresql_the_checks_that_apply_run(postgres_url: str) -> None:
    from tests.factories import make_source

    opened = archive_module.open(postgres_url)
    try:
        source = make_source(opened, "Some 40 people were killed in Grozny, officials said.", title="PG report")
        with opened.session() as session:
            add_annotation(session, source, 5, 14)
        assert check_archive(opened).ok
        with opened.engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE sources SET text = 'X' || text WHERE id = {source}")
        result = check_archive(opened)
        assert any(p.startswith(f"source {source} 'PG report': annotation ") for p in result.problems)
        assert any("PostgreSQL server enforces" in n for n in result.not_checked)
    finally:
        opened.close()
