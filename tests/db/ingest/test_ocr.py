"""OCR of scanned PDF pages with the real Tesseract: searchable text marked as OCR with its
confidence, only the pages without a text layer read, a cancel that keeps the pages done and a
re-import that continues, and a clear word when Tesseract is not installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from db.archive import Archive
from db.commands import add_annotation
from db.importer import ImportResult, import_paths
from db.ingest import ocr
from db.models import Annotation, OriginalFile, Source
from db.search import search_sources
from tests.scans import Typed, write_scan

REPO = Path(__file__).resolve().parents[3]

ENGLISH = ("The committee reported that twelve hundred families were displaced from the northern "
           "districts in March. Observers counted forty checkpoints along the road to the border.")
RUSSIAN = ("Комитет сообщил, что в марте из северных районов были перемещены тысячи семей. "
           "Наблюдатели насчитали сорок блокпостов на дороге к границе.")
#: one distinct word a page, to tell the pages apart
PAGE_WORDS = ["harbour", "granary", "monastery", "pipeline", "orchard"]

pytestmark = pytest.mark.skipif(ocr.find_engine() is None, reason="Tesseract is not installed")


@pytest.fixture(autouse=True)
def _default_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ocr.TESSERACT_ENV, raising=False)
    monkeypatch.delenv(ocr.LANGUAGES_ENV, raising=False)


def _source(archive: Archive, source_id: int | None) -> Source:
    assert source_id is not None
    with archive.session() as session:
        source = session.get(Source, source_id)
        assert source is not None
        session.expunge(source)
        return source


def _found(archive: Archive, word: str) -> list[int]:
    with archive.session() as session:
        return [hit.source_id for hit in search_sources(session, word)]


def test_a_scanned_pdf_imports_with_searchable_text_marked_as_ocr(archive: Archive, tmp_path: Path) -> None:
    scan = write_scan(tmp_path / "scan.pdf", [ENGLISH, RUSSIAN])
    [result] = import_paths(archive, [scan], workers=0)
    assert result.status == "imported"
    assert not any("no text" in w for w in result.warnings)
    source = _source(archive, result.source_id)
    assert "checkpoints" in source.text
    assert "блокпостов" in source.text
    assert _found(archive, "checkpoints") == [result.source_id]
    assert _found(archive, "блокпостов") == [result.source_id]
    # the text is said to be OCR, with its confidence, in the notes the reader shows
    assert source.notes is not None
    assert source.notes.startswith("OCR (Tesseract ")
    assert "2 pages, mean confidence" in source.notes
    confidences = ocr.pages_read(source.notes)
    assert confidences is not None
    assert sorted(confidences) == [1, 2]
    assert all(c is not None and 80 <= c <= 100 for c in confidences.values())
    # the page boundaries are those of the PDF
    assert source.page_starts is not None
    assert len(source.page_starts) == 2
    assert "блокпостов" in source.text[source.page_starts[1]:]


def test_a_mixed_pdf_reads_only_its_scanned_page_by_ocr(archive: Archive, tmp_path: Path) -> None:
    typed = "A page typed with its text layer: the ceasefire held for nine days."
    mixed = write_scan(tmp_path / "mixed.pdf", [Typed(typed), ENGLISH])
    [result] = import_paths(archive, [mixed], workers=0)
    source = _source(archive, result.source_id)
    assert source.page_starts is not None
    first_page = source.text[:source.page_starts[1]].strip()
    assert first_page.split() == typed.split()  # its text layer, as it was
    assert "checkpoints" in source.text[source.page_starts[1]:]
    assert ocr.pages_read(source.notes) is not None
    assert sorted(ocr.pages_read(source.notes) or {}) == [2]
    assert "OCR (Tesseract" in (source.notes or "")
    assert ": 1 page, mean confidence" in (source.notes or "")


def test_a_cancelled_ocr_keeps_the_pages_read_and_a_second_import_reads_the_rest(archive: Archive, tmp_path: Path) -> None:
    pages = [f"Page {n + 1}. The convoy reached the {word} at dawn and waited there." for n, word in enumerate(PAGE_WORDS)]
    scan = write_scan(tmp_path / "long-scan.pdf", list(pages), page_format=(105, 148))
    seen: list[tuple[int, int, str]] = []
    stop = False

    def report(done: int, total: int, current: str) -> None:
        nonlocal stop
        seen.append((done, total, current))
        if "OCR page 2 of 5" in current:
            stop = True  # the researcher clicks Cancel while page 2 is read

    [result] = import_paths(archive, [scan], report=report, cancelled=lambda: stop, workers=0)
    # progress moved page by page
    assert [c for _d, _t, c in seen if "OCR page" in c] == [
        f"{scan} — OCR page 1 of 5", f"{scan} — OCR page 2 of 5"]
    assert result.status == "imported"
    assert any(w.startswith("OCR incomplete: 3 of 5 scanned pages not read") for w in result.warnings)
    source = _source(archive, result.source_id)
    assert "harbour" in source.text
    assert "granary" in source.text
    assert "monastery" not in source.text
    assert "OCR incomplete: 2 of 5 scanned pages read" in (source.notes or "")
    assert source.page_starts is not None
    assert len(source.page_starts) == 5
    with archive.session() as session:
        start = source.text.index("granary")
        add_annotation(session, source.id, start, start + len("granary"), note="where the convoy waited")
        session.commit()

    # imported again, the same file continues into the same source
    [again] = import_paths(archive, [scan], workers=0)
    assert again.status == "imported"
    assert again.source_id == source.id
    assert "OCR continued: 3 more scanned pages read" in again.warnings
    whole = _source(archive, source.id)
    for word in PAGE_WORDS:
        assert word in whole.text
    assert whole.page_starts is not None
    assert len(whole.page_starts) == 5
    assert "orchard" in whole.text[whole.page_starts[4]:]
    assert "incomplete" not in (whole.notes or "")
    assert "5 pages, mean confidence" in (whole.notes or "")
    assert sorted(ocr.pages_read(whole.notes) or {}) == [1, 2, 3, 4, 5]
    with archive.session() as session:
        annotation = session.scalars(select(Annotation)).one()
        assert whole.text[annotation.start:annotation.end] == "granary"
    # a third import is a duplicate, nothing read again
    [third] = import_paths(archive, [scan], workers=0)
    assert third.status == "duplicate"


def test_without_tesseract_the_import_says_so_and_keeps_the_pdf(archive: Archive, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    scan = write_scan(tmp_path / "scan.pdf", [ENGLISH])
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    [result] = import_paths(archive, [scan], workers=0)
    assert result.status == "imported"
    assert result.warnings[0] == ocr.NOT_INSTALLED
    assert result.describe().startswith(f"{scan}: imported as source")
    assert "scanned pages need Tesseract OCR (not installed); imported without text" in result.describe()
    source = _source(archive, result.source_id)
    assert source.text == ""
    with archive.session() as session:
        original = session.get(OriginalFile, source.original_file_id)
        assert original is not None
        assert original.data == scan.read_bytes()
    assert "import the file again once Tesseract is installed" in (source.notes or "")
    # once Tesseract is there, importing the file again reads it into the same source
    monkeypatch.undo()
    [again] = import_paths(archive, [scan], workers=0)
    assert again.status == "imported"
    assert again.source_id == source.id
    read = _source(archive, source.id)
    assert "checkpoints" in read.text
    assert (read.notes or "").startswith("OCR (Tesseract ")
    assert "not available" not in (read.notes or "")


def test_the_command_line_says_tesseract_is_missing(archive_path: Path, tmp_path: Path) -> None:
    scan = write_scan(tmp_path / "scan.pdf", [ENGLISH])
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty), "PYTHONPATH": str(REPO)}
    env.pop(ocr.TESSERACT_ENV, None)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--archive", str(archive_path), "import", str(scan)],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0
    assert f"{scan}: imported as source 1 “scan” [{ocr.NOT_INSTALLED}]" in done.stdout


def test_missing_language_data_is_said(archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = write_scan(tmp_path / "scan.pdf", [ENGLISH])
    monkeypatch.setenv(ocr.LANGUAGES_ENV, "deu")  # German asked for, not installed here
    [result] = import_paths(archive, [scan], workers=0)
    assert result.warnings[0].startswith("scanned pages need Tesseract language data")
    assert _source(archive, result.source_id).text == ""


def test_languages_follow_the_source_when_its_data_is_installed() -> None:
    engine = ocr.Engine("tesseract", "5.3.0", ("eng", "rus"))
    assert ocr.choose_languages(engine, "ru") == ("rus",)
    assert ocr.choose_languages(engine, None) == ("eng", "rus")
    assert ocr.choose_languages(engine, "de") == ("eng", "rus")  # German not installed: the default
    assert ocr.choose_languages(ocr.Engine("t", "5", ("deu",)), None) == ("deu",)


def test_a_real_image_only_pdf_is_read_by_ocr(archive: Archive, shared_data: Path) -> None:
    # a one-inch picture (an icon, no words): read, and said to have no text
    path = shared_data / "pdf" / "py-pdf-sample-files" / "007-imagemagick-images_imagemagick-CCITTFaxDecode.pdf"
    results: list[ImportResult] = import_paths(archive, [path], workers=0)
    assert results[0].status == "imported"
    source = _source(archive, results[0].source_id)
    assert (source.notes or "").startswith("OCR (Tesseract")
    assert "1 page, no text found" in (source.notes or "")
    assert not any("no text layer" in w for w in results[0].warnings)
