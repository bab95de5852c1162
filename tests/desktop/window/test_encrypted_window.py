"""An encrypted archive in the window: the passphrase asked, the idle lock, nothing of it in the
settings or anywhere else on disk, and the export dialog's warning."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db import archive as archive_module
from db import encryption
from db.archive import Archive, ArchiveLocked
from desktop import settings
from desktop.views.dialogs.annotate import AnnotateDialog
from desktop.views.dialogs.export import ExportDialog
from desktop.views.dialogs.passphrase import PassphraseDialog
from desktop.window import archives
from desktop.window.locking import IdleLock
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import annotation, click_ok, dialog_of, select_text, settle
from tests.factories import make_source

PASSPHRASE = "a long passphrase for the window"
MARKERS = ("Vardokhalinsk", "Tselmurovich", "Kharpendilova", "Yostrabekian")


@pytest.fixture
def window_archive(archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    make_source(archive, title=f"Notes from {MARKERS[0]}", text=f"The informant {MARKERS[1]} spoke at length.")
    path = archive.path
    assert path is not None
    archive.close()
    encryption.encrypt_file(path, PASSPHRASE)
    return archive_module.open(path, passphrase=PASSPHRASE)


@pytest.fixture
def window_persists() -> bool:
    return True


def _plaintext_files(*roots: Path) -> list[str]:
    hits = []
    for root in roots:
        for file in root.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                hits += [f"{file}: {m}" for m in MARKERS
                         if any(f in data for v in (m, m.lower()) for f in (v.encode(), v.encode("utf-16-le")))]
    return hits


def test_nothing_of_an_encrypted_archive_is_left_on_disk_by_the_window(
    qtbot: QtBot, window: MainWindow, window_archive: Archive, tmp_path: Path
) -> None:
    folder = Path(os.environ["DOSSIER_SETTINGS_DIR"])
    # import a file (by dropping it on the window); the file itself is outside the folders searched
    inputs = tmp_path.parent / f"{tmp_path.name}-inputs"
    inputs.mkdir()
    dropped = inputs / "field-notes.txt"
    dropped.write_text(f"Met {MARKERS[2]} at the border post.\n", encoding="utf-8")
    window.controllers.importing.interactive = False
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignals([window.controllers.importing.finished, window.refreshed], timeout=30_000):
        window.dropEvent(drop)
    assert window.sources.model.total == 2
    with qtbot.waitSignal(window.sources.model.loaded, timeout=10_000):
        qtbot.keyClicks(window.sources.search_edit, MARKERS[1].lower())
    settle(qtbot, window)
    assert window.sources.model.total == 1
    first = window.sources.model.row_at(0)
    assert first is not None
    window.open_source(first.id)
    settle(qtbot, window)
    assert MARKERS[1] in window.reader.editor.toPlainText()
    # annotate with a note
    select_text(window, MARKERS[1])
    window.action.annotate.trigger()
    dialog = dialog_of(window, AnnotateDialog)
    qtbot.keyClicks(dialog.note, f"ask {MARKERS[3]} about this")
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    row = annotation(window_archive, first.id, MARKERS[1])
    assert row is not None
    assert row.note == f"ask {MARKERS[3]} about this"
    window.close()

    assert settings.recent_archives() == []  # not even the archive's name
    assert settings.settings().childGroups().count("lastSource") == 0
    assert (folder / "dossier.ini").exists()
    assert _plaintext_files(tmp_path, folder) == []


def test_the_idle_lock_closes_the_archive_behind_a_lock_screen(qtbot: QtBot, window: MainWindow,
                                                                window_archive: Archive) -> None:
    lock = IdleLock(window, window_archive, lambda: False, minutes=15)
    lock.lock()
    assert not window.isVisible()
    assert window_archive.locked
    with pytest.raises(ArchiveLocked), window_archive.session() as session:
        session.connection()
    assert lock.screen is not None
    lock.screen.grab().save("/tmp/crypto-lock-screen.png")

    qtbot.keyClicks(lock.screen.passphrase, "wrong")
    qtbot.keyClick(lock.screen.passphrase, Qt.Key.Key_Return)
    assert lock.locked
    assert lock.screen.problem.isVisible()
    assert "Wrong passphrase" in lock.screen.problem.text()
    qtbot.keyClicks(lock.screen.passphrase, PASSPHRASE)
    qtbot.keyClick(lock.screen.passphrase, Qt.Key.Key_Return)
    assert not lock.locked
    assert window.isVisible()
    with window_archive.session() as session:
        assert session.connection() is not None
    lock.stop()


def test_opening_an_encrypted_archive_asks_its_passphrase_again_when_wrong(qtbot: QtBot, window_archive: Archive) -> None:
    path = window_archive.path
    assert path is not None
    window_archive.close()
    seen: list[str] = []

    def answer(typed: list[str]) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(20, lambda: answer(typed))
            return
        seen.append(dialog.problem.text() if dialog.problem.isVisibleTo(dialog) else "")
        if len(seen) == 2:
            dialog.grab().save("/tmp/crypto-passphrase-dialog.png")
        if not typed:
            dialog.reject()
            return
        dialog.passphrase.setText(typed.pop(0))
        dialog.accept()
        QTimer.singleShot(20, lambda: answer(typed))

    QTimer.singleShot(0, lambda: answer(["wrong", PASSPHRASE]))
    opened = archives.open_asking(None, str(path))
    assert opened is not None
    assert opened.encrypted
    assert seen == ["", archives.WRONG_PASSPHRASE]
    opened.close()

    QTimer.singleShot(0, lambda: answer([]))
    assert archives.open_asking(None, str(path)) is None  # Cancel: nothing opened


def test_the_export_dialog_says_the_file_leaves_the_encryption(qtbot: QtBot, tmp_path: Path) -> None:
    plain = ExportDialog([("csl", "CSL-JSON", ".json")], tmp_path, 1, None)
    encrypted = ExportDialog([("csl", "CSL-JSON", ".json")], tmp_path, 1, None, encrypted=True)
    qtbot.addWidget(plain)
    qtbot.addWidget(encrypted)
    assert plain.findChild(QLabel, "exportNotEncrypted") is None
    warning = encrypted.findChild(QLabel, "exportNotEncrypted")
    assert warning is not None
    assert "not encrypted" in warning.text()
    encrypted.show()
    encrypted.grab().save("/tmp/crypto-export-dialog.png")


def test_privacy_settings_turn_off_the_recent_list_and_set_the_lock(qtbot: QtBot, window: MainWindow) -> None:
    from desktop.views.dialogs.privacy import PrivacyDialog

    settings.add_recent_archive("/somewhere/plain.sqlite")
    assert settings.recent_archives() == ["/somewhere/plain.sqlite"]
    window.action.privacy.trigger()
    dialog = window.findChild(PrivacyDialog, "privacyDialog")
    assert dialog is not None
    assert dialog.minutes.value() == settings.LOCK_MINUTES
    dialog.grab().save("/tmp/crypto-privacy-dialog.png")
    dialog.recent.setChecked(False)
    dialog.minutes.setValue(5)
    dialog.accept()
    assert settings.recent_archives() == []
    settings.add_recent_archive("/somewhere/plain.sqlite")
    assert settings.recent_archives() == []  # turned off: nothing recorded
    assert settings.lock_minutes() == 5
    assert settings.remember_last_source()
