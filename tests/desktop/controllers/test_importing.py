"""Importing from the window: drag and drop, the progress dialog's Cancel, the password prompt,
and the summary a researcher can copy."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.filters import SourceFilter
from db.importer import ImportResult
from desktop.controllers.importing import import_file_filter
from desktop.reads import sources as reads
from desktop.views.dialogs.importing import ImportSummary, TableMappingDialog, summary_text
from desktop.window.main_window import MainWindow
from tests.db.ingest.conftest import write_pdf


@pytest.fixture
def window_archive(archive: Archive) -> Archive:
    return archive  # an empty archive


@pytest.fixture
def window_persists() -> bool:
    return True


def test_dropping_files_on_the_window_imports_them(qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path) -> None:
    window.controllers.importing.interactive = False
    first = tmp_path / "first.txt"
    first.write_text("Two soldiers were wounded near Nazran.\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Police detained four men in Makhachkala.\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    results: list[list[ImportResult]] = []
    window.controllers.importing.finished.connect(results.append)
    # the import finishes, then the panes refresh from the archive
    with qtbot.waitSignals([window.controllers.importing.finished, window.refreshed], timeout=30_000):
        window.dropEvent(drop)
    assert [r.status for r in results[0]] == ["imported", "imported"]
    assert reads.counts(archive).sources == 2
    assert window.sources.model.total == 2


def test_cancel_in_the_progress_dialog_stops_after_the_current_file(qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path) -> None:
    window.controllers.importing.interactive = False
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(300):
        (folder / f"report-{n:02d}.txt").write_text(f"Report {n}: shelling in sector {n}.\n", encoding="utf-8")
    # The writer thread is held until the import's job is wrapped: the wrapped job lets the first
    # file's progress reach the dialog and waits for the click, as a researcher's import would on
    # a file slower than the click, so the whole folder cannot slip through before Cancel.
    clicked = threading.Event()
    ready = threading.Event()
    window.tasks.write(lambda _report, _cancelled: ready.wait(10), "hold the writer")
    task = window.controllers.importing.start([folder])
    assert task is not None
    job = task.job

    def waiting_for_the_click(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
        def report_then_wait(done: int, total: int, current: str) -> None:
            report(done, total, current)
            if done == 0:
                clicked.wait(10)

        return job(report_then_wait, cancelled)

    task.job = waiting_for_the_click
    progress = window.controllers.importing.progress
    assert progress is not None
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None

    def cancel_once(_done: int, _total: int, _current: str) -> None:
        if not task.is_cancelled():
            cancel_button.click()
            clicked.set()

    task.on_progress(cancel_once)
    with qtbot.waitSignal(window.controllers.importing.finished, timeout=30_000) as finished:
        ready.set()
    results = finished.args[0]
    assert [r.status for r in results] == ["imported"]  # the file under way when Cancel came
    assert reads.counts(archive).sources == 1


def test_encrypted_pdf_asks_for_the_password_and_imports_it(
    qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = write_pdf(tmp_path / "locked.pdf", ["Casualty figures for March were revised."], password="s3cret")
    plain = tmp_path / "plain.txt"
    plain.write_text("An open letter from the families.\n", encoding="utf-8")
    asked: list[list[str]] = []

    def ask(results: list[ImportResult]) -> str:  # the dialog a researcher would type the password into
        asked.append([Path(r.path).name for r in results])
        return "s3cret"

    monkeypatch.setattr(window.controllers.importing, "ask_password", ask)
    with qtbot.waitSignal(window.controllers.importing.finished, timeout=30_000) as finished:
        window.import_paths([locked, plain])
    assert asked == [["locked.pdf"]]
    statuses = {Path(r.path).name: r.status for r in finished.args[0]}
    assert statuses == {"locked.pdf": "imported", "plain.txt": "imported"}
    summary = window.controllers.importing.summary
    assert isinstance(summary, ImportSummary)
    assert summary.isVisible()
    assert summary.text.startswith("2 imported")
    summary.close()


def test_the_summary_names_files_within_the_folder_imported(tmp_path: Path) -> None:
    folder = tmp_path / "field notes"
    results = [
        ImportResult(str(folder / "pdf" / "scan.pdf"), "failed", error="the PDF is encrypted"),
        ImportResult(str(folder / "seed.txt"), "imported", source_id=7, title="ISIS Comes to Russia"),
    ]
    assert summary_text(results).splitlines() == [
        "1 imported, 1 failed",
        f"from {folder}",
        "",
        f"{Path('pdf', 'scan.pdf')}: the PDF is encrypted",
        "seed.txt: imported as source 7 “ISIS Comes to Russia”",
    ]
    assert summary_text(results[1:]).splitlines()[1] == f"from {folder}"


def test_the_summary_lists_problems_first_and_copies_as_text(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    results = [
        ImportResult(str(tmp_path / "a.txt"), "imported", source_id=1),
        ImportResult(str(tmp_path / "b.pdf"), "failed", error="damaged file"),
        ImportResult(str(tmp_path / "c.txt"), "duplicate", source_id=1),
    ]
    text = summary_text(results)
    lines = text.splitlines()
    assert lines[0] == "1 imported, 1 duplicate, 1 failed"
    assert lines[3] == "b.pdf: damaged file"
    dialog = ImportSummary(results)
    qtbot.addWidget(dialog)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text


def test_a_table_of_articles_asks_which_column_is_which(
    qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.ingest.table import TableOptions

    table = tmp_path / "clippings.csv"
    table.write_text(
        "headline,body,day,paper\n"
        "Clashes in Nalchik,Two were killed in Nalchik.,2015-03-02,Kommersant\n"
        "Convoy attacked,A convoy was attacked near Nazran.,2015-03-04,RIA\n",
        encoding="utf-8",
    )
    asked: list[tuple[str, list[str]]] = []

    def ask(path: Path, columns: list[str], guess: object) -> object:
        asked.append((path.name, columns))
        return TableOptions(title="headline", text="body", published="day", outlet="paper")

    monkeypatch.setattr(window.controllers.importing, "ask_table_mapping", ask)
    with qtbot.waitSignal(window.controllers.importing.finished, timeout=30_000) as finished:
        window.import_paths([table])
    assert asked == [("clippings.csv", ["headline", "body", "day", "paper"])]
    assert [r.status for r in finished.args[0]] == ["imported", "imported"]
    titles = {r.title for r in reads.source_rows(archive, reads.source_ids(archive, SourceFilter()))}
    assert titles == {"Clashes in Nalchik", "Convoy attacked"}
    window.controllers.importing.summary.close()


def test_the_column_dialog_starts_from_the_guess_and_refuses_an_unusable_mapping(qtbot: QtBot, tmp_path: Path) -> None:
    from db.ingest.table import TableOptions

    dialog = TableMappingDialog(tmp_path / "t.csv", ["title", "text", "date"], TableOptions(title="title", text="text"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.boxes["title"].currentText() == "title"
    assert dialog.boxes["published"].currentText() == "(none)"
    assert ok.isEnabled()
    dialog.boxes["published"].setCurrentText("date")
    assert dialog.options() == TableOptions(title="title", text="text", published="date")
    dialog.boxes["text"].setCurrentText("title")  # the same column twice
    assert not ok.isEnabled()
    dialog.boxes["text"].setCurrentIndex(0)
    dialog.boxes["title"].setCurrentIndex(0)  # neither a title nor a text
    assert not ok.isEnabled()
    assert "title or the text" in dialog.problem.text()


def test_the_file_dialog_offers_every_type_a_reader_exists_for() -> None:
    documents = import_file_filter().split(";;")[0]
    for pattern in ("*.txt", "*.md", "*.html", "*.mhtml", "*.pdf", "*.docx", "*.odt", "*.doc", "*.rtf", "*.epub", "*.eml",
                    "*.csv", "*.xlsx", "*.jsonl", "*.json"):
        assert pattern in documents.split("(")[1].rstrip(")").split()


def test_duplicates_can_be_imported_again_from_the_summary(qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path) -> None:
    window.controllers.importing.interactive = False
    report = tmp_path / "report.txt"
    report.write_text("Report\n\nTen people were detained.\n", encoding="utf-8")
    with qtbot.waitSignal(window.controllers.importing.finished, timeout=30_000):
        window.import_paths([report])
    with qtbot.waitSignal(window.controllers.importing.finished, timeout=30_000) as second:
        window.import_paths([report])
    summary = ImportSummary(second.args[0], window)
    qtbot.addWidget(summary)
    assert summary.again_button is not None
    assert summary.again_button.text() == "Import the duplicate again"
    summary.import_again.connect(window.controllers.importing.import_again)

    with qtbot.waitSignal(window.controllers.importing.finished, timeout=30_000) as third:
        qtbot.mouseClick(summary.again_button, Qt.MouseButton.LeftButton)

    assert [r.status for r in third.args[0]] == ["imported"]
    assert reads.counts(archive).sources == 2
    assert ImportSummary(third.args[0], window).again_button is None


def test_a_mixed_folder_read_by_worker_processes_from_the_window(
    qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.db.ingest.conftest import write_mixed_folder

    monkeypatch.setenv("DOSSIER_IMPORT_WORKERS", "2")
    window.controllers.importing.interactive = False
    write_mixed_folder(tmp_path / "mixed")
    with qtbot.waitSignal(window.controllers.importing.finished, timeout=60_000) as finished:
        window.import_paths([tmp_path / "mixed"])
    statuses = [r.status for r in finished.args[0]]
    assert statuses.count("imported") == 13
    assert statuses.count("failed") == 2  # the damaged PDF, and the locked one (no password given)
    assert reads.counts(archive).sources == 13
