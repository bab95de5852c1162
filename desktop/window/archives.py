"""The window's questions about files: which archive to create or open, what to import, which
page to go to; the message when an archive cannot be opened; the About text."""

from __future__ import annotations

import datetime as dt
import platform
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton, QWidget

from db import __version__
from db.archive import Archive, ArchiveError, DamagedArchive
from desktop import settings
from desktop.controllers.importing import import_file_filter


def _start_folder(archive: Archive) -> Path:
    return archive.path.parent if archive.path is not None else Path.home()


def ask_new_archive(parent: QWidget, archive: Archive) -> Path | None:
    """A path for a new archive (None when cancelled, or the file exists: then it says so)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "New archive", str(_start_folder(archive) / "archive.sqlite"),
        "Dossier archives (*.sqlite *.dossier);;All files (*)",
    )
    if not name:
        return None
    path = Path(name)
    if path.exists() and path.stat().st_size > 0:
        QMessageBox.warning(parent, "New archive", f"{path}: already exists. Use File ▸ Open Archive to open it.")
        return None
    return path


def ask_archive(parent: QWidget, archive: Archive) -> str | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open archive", str(_start_folder(archive)),
        "Dossier archives (*.sqlite *.dossier *.db);;All files (*)",
    )
    return name or None


def archive_error_box(parent: QWidget | None, error: ArchiveError | str) -> tuple[QMessageBox, QPushButton | None]:
    """The message for an archive that could not be opened, and for a damaged one with a backup
    beside it, the button that puts the backup in its place."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open the archive", str(error),
                      QMessageBox.StandardButton.Close if parent is None else QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("archiveErrorBox")
    box.setInformativeText("Nothing was changed.")
    restore = None
    if isinstance(error, DamagedArchive):
        from db.backups import newest_good_backup

        # the newest whole one, beside the file or among the automatic backups (db.backups)
        error.backup = newest_good_backup(error.path) or error.backup
        box.setWindowTitle("The archive is damaged")
        box.setText(f"{error.path.name} is damaged and cannot be used safely.\n\n"
                    f"SQLite's check found: {error.problem}")
        if error.backup is not None:
            stamp = dt.datetime.fromtimestamp(error.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            restore = box.addButton("Restore the Backup", QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restoreBackupButton")
            box.setDefaultButton(restore)
            box.setInformativeText(
                f"Nothing was changed. The newest backup, {error.backup.name} (made {stamp}), can take "
                "its place: what was added since is not in it. The damaged file is kept beside it."
            )
        else:
            box.setInformativeText("Nothing was changed. There is no backup of it beside it.")
    return box, restore


def show_archive_error(
    parent: QWidget, error: ArchiveError | str, restore: Callable[[DamagedArchive], object] | None = None
) -> QMessageBox:
    """The archive could not be opened: say why, and that nothing changed (shown, not waited for);
    ``restore`` is called when the researcher chooses the backup of a damaged archive."""
    box, button = archive_error_box(parent, error)
    if button is not None and restore is not None and isinstance(error, DamagedArchive):
        button.clicked.connect(lambda: restore(error))
    box.open()
    return box


def fill_recent_menu(menu: QMenu, current: str, open_location: Callable[[str], object]) -> None:
    """The archives opened before (not the one open now), and a way to forget them."""
    menu.clear()
    recent = [r for r in settings.recent_archives() if r != current]
    for location in recent:
        action = menu.addAction(location)
        action.triggered.connect(lambda _checked=False, where=location: open_location(where))
    if not recent:
        menu.addAction("No other archives yet").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("Clear the list", settings.clear_recent_archives)


def ask_import_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, "Import files", str(Path.home()), import_file_filter())
    return [Path(n) for n in names]


def ask_import_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder", str(Path.home()))
    return Path(folder) if folder else None


def ask_page(parent: QWidget, current: int, count: int) -> int | None:
    number, ok = QInputDialog.getInt(parent, "Go to page", f"Page (1–{count}):", current, 1, count)
    return number if ok else None


def about_text(archive: Archive) -> str:
    return (
        f"<h3>Dossier {__version__}</h3>"
        "<p>An offline archive of sources, actors and statistics, for field researchers.</p>"
        f"<p><b>Archive:</b> {archive.location}</p>"
        f"<p>Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}"
        f" ({sys.platform})</p>"
        + _parts_text()
    )


def _parts_text() -> str:
    """The optional parts of the standalone download that are not installed, if any."""
    from db import optional_parts

    missing = [part for part in optional_parts.listing() if not part["installed"]]
    if not missing:
        return ""
    items = "".join(f"<li>{part['title']}: {part['without']}</li>" for part in missing)
    return f"<p><b>Optional parts not installed</b> (see INSTALL.txt):</p><ul>{items}</ul>"


WRONG_PASSPHRASE = "Wrong passphrase: try again."


def open_asking(parent: QWidget | None, location: str | None, *, create: bool = True,
                passphrase: str | None = None) -> Archive | None:
    """Open the archive at ``location`` (the default one when None); an encrypted one asks its
    passphrase (after ``passphrase``, when given) until it opens, or None on Cancel. Raises
    :class:`ArchiveError` for every other reason it cannot be opened."""
    from db import archive as archive_module
    from db.archive import EncryptedArchive
    from db.location import default_archive, open_archive

    def attempt(given: str | None) -> Archive:
        # the window quick-checks it once shown (desktop.controllers.protection)
        if location is None:
            return open_archive(None, given, checked_later=True)
        return archive_module.open(location, create=create, passphrase=given, checked_later=True)

    try:
        return attempt(passphrase)
    except EncryptedArchive:
        pass
    from desktop.views.dialogs.passphrase import PassphraseDialog

    name = Path(location).name if location is not None else default_archive().name
    dialog = PassphraseDialog(name, problem=WRONG_PASSPHRASE if passphrase else "", parent=parent)
    while dialog.exec() == PassphraseDialog.DialogCode.Accepted:
        try:
            return attempt(dialog.value())
        except EncryptedArchive:
            dialog.show_problem(WRONG_PASSPHRASE)
    return None
