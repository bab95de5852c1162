"""A scanned PDF imported from the window: the progress dialog counts its pages while OCR reads
them, Cancel keeps the pages read, and the reader says that the text is OCR and how confident
it is."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
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
    # the dialog counted the scan's pages while OCR read them (shown at most every 50 ms: a page
    # read faster than that may never be named, the newest always is)
    assert labels[0] == "Importing 1 of 1:\nfield-notes.pdf"
    assert labels[-1] == "Reading scanned pages (OCR):\nfield-notes.pdf, page 2 of 2"
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


def test_cancel_during_ocr_keeps_the_pages_read(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ocr.LANGUAGES_ENV, raising=False)
    words = ["harbour", "granary", "monastery", "orchard"]
    scan = write_scan(tmp_path / "long-scan.pdf", [f"The convoy reached the {w} at dawn." for w in words],
                      page_format=(105, 148))
    importing = window.controllers.importing
    importing.interactive = False
    # The job waits, once it has said that page 2 is being read, for the researcher's click: as
    # a long page would, so that Cancel comes while page 2 is read, whatever the machine's speed.
    # The writer thread is held until the job is wrapped.
    clicked = threading.Event()
    ready = threading.Event()
    window.tasks.write(lambda _report, _cancelled: ready.wait(10), "hold the writer")
    task = importing.start([scan])
    assert task is not None
    job = task.job

    def waiting_for_the_click(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
        def report_then_wait(done: int, total: int, current: str) -> None:
            report(done, total, current)
            if current.endswith("OCR page 2 of 4"):
                clicked.wait(10)

        return job(report_then_wait, cancelled)

    task.job = waiting_for_the_click
    progress = importing.progress
    assert progress is not None
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None

    def cancel_on_page_two(_done: int, _total: int, current: str) -> None:
        if current.endswith("OCR page 2 of 4") and not task.is_cancelled():
            cancel_button.click()
            clicked.set()

    task.on_progress(cancel_on_page_two)
    with qtbot.waitSignal(importing.finished, timeout=60_000) as finished:
        ready.set()
    [result] = finished.args[0]
    assert result.status == "imported"
    assert result.source_id is not None
    window.open_source(result.source_id)
    settle(qtbot, window)
    assert "OCR incomplete: 2 of 4 scanned pages read" in window.reader.header.text()
    shown = window.reader.editor.toPlainText()
    assert "harbour" in shown
    assert "granary" in shown
    assert "monastery" not in shown
