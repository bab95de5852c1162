"""A scanned PDF imported from the window: the progress dialog counts its pages while OCR reads
them, and the reader says that the text is OCR and how confident it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.importer import ImportResult
from db.ingest import ocr
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle
from tests.scans import write_scan

pytestmark = pytest.mark.skipif(ocr.find_engine() is None, reason="Tesseract is not installed")

PAGES = [
    "Field notes, page one. The checkpoint at the bridge was closed on Tuesday.",
    "Field notes, page two. Twenty trucks waited at the checkpoint overnight.",
]


@pytest.fixture
def window_archive(archive: Archive) -> Archive:
    return archive  # an empty archive


def test_a_scan_imported_from_the_window_shows_its_ocr_marking(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ocr.LANGUAGES_ENV, raising=False)
    scan = write_scan(tmp_path / "field-notes.pdf", PAGES)
    importing = window.controllers.importing
    importing.interactive = False
    results: list[list[ImportResult]] = []
    importing.finished.connect(results.append)
    labels: list[str] = []
    with qtbot.waitSignals([importing.finished, window.refreshed], timeout=60_000):
        task = importing.start([scan])
        assert task is not None
        task.on_progress(lambda *_: labels.append(importing.progress.labelText() if importing.progress else ""))
    # the dialog counted the scan's pages while OCR read them
    assert "Reading scanned pages (OCR):\nfield-notes.pdf, page 1 of 2" in labels
    assert "Reading scanned pages (OCR):\nfield-notes.pdf, page 2 of 2" in labels
    [result] = results[0]
    assert result.status == "imported"
    assert result.source_id is not None
    window.open_source(result.source_id)
    settle(qtbot, window)
    header = window.reader.header.text()
    assert "OCR (Tesseract 5" in header
    assert "2 pages, mean confidence" in header
    assert "checkpoint" in window.reader.editor.toPlainText()
    window.resize(1400, 800)
    settle(qtbot, window)
    window.grab().save("/tmp/ocr-window.png")
