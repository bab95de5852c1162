"""Old Word documents (.doc) read by antiword: a Russian report saved by LibreOffice as Word 97
(tests/data/doc/README.md), its properties, files that are not .doc, a damaged one, and the
import when antiword is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.archive import Archive
from db.dates import PartialDate
from db.importer import import_paths
from db.ingest import doc
from db.ingest.base import IngestError, ParsedSource
from db.models import OriginalFile, Source
from tests.db.ingest.conftest import rtf_bytes

REPORT = Path(__file__).resolve().parents[2] / "data" / "doc" / "report-ru.doc"
needs_antiword = pytest.mark.skipif(doc.find_antiword() is None, reason="antiword is not installed")


def read(path: Path) -> ParsedSource:
    [source] = list(doc.parse(path))
    return source


@needs_antiword
def test_a_russian_word_97_report_reads_with_its_properties() -> None:
    source = read(REPORT)
    assert source.text == (
        "Обстрел Донецка\n\nСвидетели насчитали сорок снарядов до полудня; миссия ОБСЕ не смогла подтвердить цифры."
        "\n\nIn the Kyivskyi district 12 people were detained at the checkpoint, residents said."
        "\n\nРайон\tСнаряды\nКиевский\t40\nПетровский\t12\n\nКонец сводки."
    )  # the picture's mark left out, the table's cells a tab apart
    assert source.title == "Обстрел Донецка, 12 мая 2014 года"
    assert source.author == "Анна Петрова"
    assert source.published == PartialDate(2014, 5, 12)
    assert source.warnings == []


def test_an_rtf_saved_under_the_doc_name_is_read_as_rtf(tmp_path: Path) -> None:
    path = tmp_path / "letter.doc"
    path.write_text("{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset204 Arial;}}\\f0 "
                    f"{rtf_bytes('Письмо из Луганска')}\\par}}", encoding="ascii")
    assert read(path).text == "Письмо из Луганска"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + bytes(300), "zip file"),
        (b"<html><head><title>Report</title></head><body>Text</body></html>", "web page"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), "inner structure is broken"),
        (bytes(range(256)) * 20, "does not begin as a Word document does"),
    ],
    ids=["docx", "web-page", "broken-container", "noise"],
)
def test_files_that_are_not_word_documents_fail_with_what_they_are(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        read(path)


@needs_antiword
def test_a_damaged_doc_fails_by_name_and_the_rest_of_the_folder_is_imported(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    data = REPORT.read_bytes()
    (folder / "a-cut.doc").write_bytes(data[: len(data) // 2])
    (folder / "b-report.doc").write_bytes(data)
    (folder / "c-notes.txt").write_text("Field notes\n\nThe checkpoint was closed.\n", encoding="utf-8")
    results = import_paths(archive, [folder], workers=0)
    assert [(Path(r.path).name, r.status) for r in results] == [
        ("a-cut.doc", "failed"), ("b-report.doc", "imported"), ("c-notes.txt", "imported")]
    assert "not a readable Word document" in (results[0].error or "")
    with archive.session() as session:
        assert session.get(Source, results[1].source_id).title == "Обстрел Донецка, 12 мая 2014 года"  # type: ignore[union-attr]


def test_without_antiword_the_document_is_kept_with_its_properties_and_says_why(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(doc.ANTIWORD_ENV, str(tmp_path / "no-such-program"))
    [result] = import_paths(archive, [REPORT], workers=0)
    assert result.status == "imported"
    assert any("antiword" in warning and "not installed" in warning for warning in result.warnings)
    with archive.session() as session:
        source = session.get(Source, result.source_id)
        assert source is not None
        assert source.title == "Обстрел Донецка, 12 мая 2014 года"
        assert source.text == ""
        kept = session.scalar(select(OriginalFile.data).where(OriginalFile.id == source.original_file_id))
    assert kept == REPORT.read_bytes()
